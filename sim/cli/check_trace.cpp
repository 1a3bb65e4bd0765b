#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>

#include "brainload/io/atomic_file.hpp"
#include "brainload/io/csv.hpp"
#include "brainload/io/life_state.hpp"
#include "brainload/io/scenario_toml.hpp"
#include "brainload/schedule/calendar.hpp"
#include "brainload/schedule/validate.hpp"
#include "brainload/simulation.hpp"
#include "cli/commands.hpp"
#include "cli/jobs.hpp"
#include "cli/parameters.hpp"

namespace brainload::cli {

namespace {

struct CheckOptions {
  std::string scenario;
};

struct TraceCliOptions {
  std::string scenario;
  std::string arm;
  double every_min = 1.0;
  double from_day = 0.0;
  std::optional<double> to_day;
  std::string csv = "-";
  std::vector<std::string> sets;  // --set NAME=VALUE
  std::string save_state;
  std::string load_state;
};

Scenario load_valid(const std::string& path) {
  Scenario s = load_scenario_file(path);
  require_valid(s);
  return s;
}

const Arm& pick_arm(const Scenario& s, const std::string& name) {
  if (name.empty()) return s.arms.front();
  for (const auto& arm : s.arms) {
    if (arm.name == name) return arm;
  }
  std::string known;
  for (const auto& arm : s.arms) known += (known.empty() ? "" : ", ") + arm.name;
  throw UsageError(
      fmt::format("--arm: scenario '{}' has no arm '{}'; its arms are: {}", s.name, name, known));
}

int run_check(const CheckOptions& options) {
  const Scenario s = load_valid(options.scenario);
  std::size_t sessions = 0;
  for (const auto& arm : s.arms) sessions += expand_sessions(s, arm).size();
  fmt::print("{}: ok: scenario '{}', {} day(s), {} arm(s), {} session(s), {} agent(s)\n",
             options.scenario, s.name, s.days, s.arms.size(), sessions, s.population.agents);
  return 0;
}

int run_trace(const TraceCliOptions& options) {
  const Scenario s = load_valid(options.scenario);
  if (options.csv != "-") require_writable(options.csv);
  const TraceResult result =
      trace_job(s, {options.arm, options.every_min, options.from_day, options.to_day, options.sets,
                    options.save_state, options.load_state});
  if (options.csv == "-") {
    write_trace_csv(std::cout, result.trace, result.arm->events);
    std::cout.flush();
    return 0;
  }
  AtomicFile file(options.csv);
  {
    std::ofstream out(file.temp_path());
    write_trace_csv(out, result.trace, result.arm->events);
    out.close();
    if (!out) throw OutputError(fmt::format("cannot write '{}'", options.csv));
  }
  file.commit();
  return 0;
}

}  // namespace

TraceResult trace_job(const Scenario& s, const TraceJob& job) {
  const ChosenParameters chosen = choose_parameters(s, job.sets);
  const Arm& arm = pick_arm(s, job.arm);
  // The command line checks these too (CLI11); the Python module comes here directly.
  if (!(job.every_min > 0.0) || !std::isfinite(job.every_min)) {
    throw UsageError(
        fmt::format("--every must be a positive number of minutes (got {})", job.every_min));
  }
  if (!(job.from_day >= 0.0) || (job.to_day && !(*job.to_day >= 0.0))) {
    throw UsageError("--from and --to must be days from 0");
  }
  if (job.to_day && *job.to_day < job.from_day) {
    throw UsageError(fmt::format("--to {} is before --from {}", *job.to_day, job.from_day));
  }
  if (job.from_day > s.days) {
    throw UsageError(
        fmt::format("--from {} is after the scenario's last day ({})", job.from_day, s.days));
  }
  TraceOptions t;
  t.every_min = job.every_min;
  t.from_day = job.from_day;
  t.to_day = job.to_day;
  const StateProvenance provenance{BRAINLOAD_VERSION, s.name, text_fingerprint(s.source_text),
                                   arm.name, chosen.overridden};
  if (!job.save_state.empty()) {
    const double to = job.to_day.value_or(s.days);
    if (to != std::floor(to) || to < 1.0 || to > s.days) {
      throw UsageError(fmt::format(
          "--save-state: the state is saved at the end of a whole day; give --to a whole day "
          "from 1 to {} (got {})",
          s.days, to));
    }
    t.save_state = true;
    require_writable(job.save_state);
  }
  if (!job.load_state.empty()) {
    t.resume = read_life_state(job.load_state, provenance);
    const double to = job.to_day.value_or(s.days);
    if (t.resume->day > to || t.resume->day > s.days) {
      throw UsageError(fmt::format("--load-state: the state was saved at day {}, after --to {}",
                                   t.resume->day, to));
    }
  }
  TraceResult result{trace_reference(s, arm, t, chosen.params), &arm, chosen.overridden};
  if (!result.trace.failure.empty()) {
    throw std::runtime_error(
        fmt::format("the reference individual of arm '{}' could not be simulated: {}", arm.name,
                    result.trace.failure));
  }
  if (!job.save_state.empty()) write_life_state(job.save_state, *result.trace.state, provenance);
  return result;
}

Command add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "validate a scenario without running it");
  cmd->add_option("scenario", options->scenario, "scenario file (TOML)")->required();
  return {cmd, [options] { return run_check(*options); }};
}

Command add_trace_command(CLI::App& app) {
  auto options = std::make_shared<TraceCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "trace",
      "one reference individual (typical parameters, attends every session) as CSV: the acute "
      "observables and the chronic state of the day, row by row");
  cmd->add_option("scenario", options->scenario, "scenario file (TOML)")->required();
  cmd->add_option("--arm", options->arm, "arm to trace (default: the first)");
  cmd->add_option("--every", options->every_min, "minutes between rows")
      ->default_val(1.0)
      ->check(CLI::PositiveNumber);
  cmd->add_option("--from", options->from_day, "first day to print")
      ->default_val(0.0)
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--to", options->to_day, "last day to print (default: end of scenario)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--csv", options->csv, "output file, or - for standard output")->default_val("-");
  add_set_option(*cmd, options->sets);
  cmd->add_option("--save-state", options->save_state,
                  "save the individual's state at the end of day --to to FILE (JSON), to continue "
                  "later with --load-state");
  cmd->add_option("--load-state", options->load_state,
                  "continue from a state saved with --save-state (same scenario, arm and "
                  "parameters); rows start at its day");
  return {cmd, [options] { return run_trace(*options); }};
}

}  // namespace brainload::cli
