// brainload: the command-line entry point. Exit codes (README): 0 ok, 2 bad command line,
// 65 invalid scenario, 66 missing input, 70 internal error, 73 output cannot be created.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <iostream>

#include "brainload/error.hpp"
#include "brainload/population/runner.hpp"
#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace brainload::cli;
  CLI::App app{"brainload: how exercise acts on the brain, from one session to a virtual trial"};
  app.set_version_flag("--version", std::string("brainload ") + BRAINLOAD_VERSION);
  app.require_subcommand(1);

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "validate a scenario without running it");
  check_cmd->add_option("scenario", check.scenario, "scenario file (TOML)")->required();

  RunCliOptions run;
  auto* run_cmd = app.add_subcommand("run", "simulate the population of every arm, write HDF5 and a summary");
  run_cmd->add_option("scenario", run.scenario, "scenario file (TOML)")->required();
  run_cmd->add_option("--out", run.out, "HDF5 output (default output/<scenario-name>.h5)");
  run_cmd->add_option("--agents", run.agents, "agents in all arms together (default: the scenario's)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100000000}));
  run_cmd->add_option("--seed", run.seed, "random seed")->default_val(1);
  run_cmd->add_option("--threads", run.threads, "worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  run_cmd->add_option("--summary-json", run.summary_json, "write the summary as JSON to FILE, or - for stdout");
  run_cmd->add_flag("--quiet", run.quiet, "no progress bar and no table");
  run_cmd->add_flag("--force", run.force, "overwrite an existing output file");
  run_cmd->add_flag("--trajectories", run.trajectories, "also write per-agent trajectories (agent x time)");

  TraceCliOptions trace;
  auto* trace_cmd = app.add_subcommand(
      "trace", "one reference individual (typical parameters, attends every session) as CSV");
  trace_cmd->add_option("scenario", trace.scenario, "scenario file (TOML)")->required();
  trace_cmd->add_option("--arm", trace.arm, "arm to trace (default: the first)");
  trace_cmd->add_option("--every", trace.every_min, "minutes between rows")
      ->default_val(1.0)
      ->check(CLI::PositiveNumber);
  trace_cmd->add_option("--from", trace.from_day, "first day to print")
      ->default_val(0.0)
      ->check(CLI::NonNegativeNumber);
  trace_cmd->add_option("--to", trace.to_day, "last day to print (default: end of scenario)")
      ->check(CLI::NonNegativeNumber);
  trace_cmd->add_option("--csv", trace.csv, "output file, or - for standard output")
      ->default_val("-");

  DescribeOptions describe;
  auto* describe_cmd =
      app.add_subcommand("describe", "every observable, parameter, protocol and exercise");
  describe_cmd->add_flag("--json", describe.json, "print JSON instead of text");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    if (*check_cmd) return run_check(check);
    if (*run_cmd) {
      for (int k = 0; k < argc; ++k) run.command_line += (k ? " " : "") + std::string(argv[k]);
      return run_run(run);
    }
    if (*trace_cmd) return run_trace(trace);
    if (*describe_cmd) return run_describe(describe);
  } catch (const brainload::Cancelled& e) {
    fmt::print(stderr, "\ninterrupted: no output written\n");
    return 130;
  } catch (const brainload::ScenarioError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return 65;
  } catch (const brainload::MissingInputError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 66;
  } catch (const brainload::OutputError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 73;
  } catch (const UsageError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "internal error: {}\n", e.what());
    return 70;
  }
  return 2;
}
