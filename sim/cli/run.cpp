#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "brainload/io/atomic_file.hpp"
#include "brainload/io/run_files.hpp"
#include "brainload/io/scenario_toml.hpp"
#include "brainload/schedule/validate.hpp"
#include "cli/commands.hpp"

namespace brainload::cli {

namespace {

struct RunCliOptions {
  std::string scenario;
  std::string out;
  std::optional<std::int64_t> agents;
  std::uint64_t seed = 1;
  int threads = 0;
  std::string summary_json;
  bool quiet = false;
  bool force = false;
  bool trajectories = false;
  std::string command_line;
};

std::atomic<bool> g_cancel{false};

extern "C" void on_signal(int /*signal*/) { g_cancel.store(true); }

void print_table(const Scenario& s, const TrialSummary& t) {
  const std::size_t last = t.assess_days.size() - 1;
  fmt::print("\n{} — {} agents, change from day {} to day {} (mean ± sd)\n", s.name,
             s.population.agents, t.assess_days.front(), t.assess_days[last]);
  const char* shown[] = {"strength_1rm_rel",      "vo2max_ml_kg_min",     "bdnf_resting_ng_ml",
                         "brain_age_gap_years",   "cognition_composite_z", "executive_function_z",
                         "working_memory_z",      "depression_z"};
  fmt::print("{:<14} {:>5} {:>8} {:>9}", "arm", "n", "dropout", "attended");
  for (const char* name : shown) fmt::print(" {:>18}", std::string(name).substr(0, 18));
  fmt::print("\n");
  for (const ArmSummary& arm : t.arms) {
    const double attended = arm.sessions_scheduled > 0
                                ? 100.0 * static_cast<double>(arm.sessions_done) /
                                      static_cast<double>(arm.sessions_scheduled)
                                : 0.0;
    fmt::print("{:<14} {:>5} {:>8} {:>8.0f}%", arm.name, arm.n, arm.dropouts, attended);
    for (const char* name : shown) {
      for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
        if (chronic_observables()[k].name == name) {
          const OutcomeStats& o = arm.outcomes[last][k];
          fmt::print(" {:>18}", fmt::format("{:+.2f} ± {:.2f}", o.change_mean, o.change_sd));
        }
      }
    }
    fmt::print("\n");
  }
  for (const ArmSummary& arm : t.arms) {
    if (arm.failed > 0) {
      fmt::print("{}: {} agent(s) failed to integrate and are excluded (see failure_code in the "
                 "HDF5 file)\n",
                 arm.name, arm.failed);
    }
  }
  for (const Correlation& c : t.correlations) {
    if (c.n > 2) {
      fmt::print("{}: across agents, {} change vs {} change to day {}: r = {:+.2f} (n = {})\n",
                 c.arm, c.x, c.y, c.day, c.r, c.n);
    }
  }
}

int run_run(const RunCliOptions& options) {
  Scenario s = load_scenario_file(options.scenario);
  require_valid(s);
  if (options.agents) s.population.agents = static_cast<int>(*options.agents);
  const std::filesystem::path out =
      options.out.empty() ? std::filesystem::path("output") / (s.name + ".h5") : std::filesystem::path(options.out);
  if (options.out.empty()) std::filesystem::create_directories("output");
  if (std::filesystem::exists(out) && !options.force) {
    throw OutputError(fmt::format("'{}' exists; pass --force to overwrite it", out.string()));
  }
  require_writable(out);
  if (!options.summary_json.empty() && options.summary_json != "-") require_writable(options.summary_json);

  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  RunOptions run;
  run.seed = options.seed;
  run.threads = options.threads;
  run.agents = s.population.agents;
  run.cancel = &g_cancel;
  const RunPlan plan = make_run_plan(s, run);
  const std::int64_t agents = total_agents(s, run);
  const bool tty = ::isatty(STDERR_FILENO) != 0 && !options.quiet;

  AtomicFile h5(out);
  TrialSummary summary;
  {
    RunFileWriter writer(h5.temp_path(), run_layout(s, plan, agents, options.seed,
                                                    options.command_line, options.trajectories));
    TrialAccumulator accumulator(s, plan);
    std::int64_t done = 0;
    int shown = -1;
    run_population_streaming(s, run, [&](std::int64_t first, std::vector<AgentResult>& block) {
      for (const AgentResult& a : block) accumulator.add(a);
      writer.write_agents(first, static_cast<std::int64_t>(block.size()),
                          agent_block(s, plan, block, options.trajectories));
      done += static_cast<std::int64_t>(block.size());
      const int pct = static_cast<int>(100 * done / std::max<std::int64_t>(agents, 1));
      if (tty && pct != shown) {
        shown = pct;
        fmt::print(stderr, "\r[{:<25}] {:3}% {} / {} agents",
                   std::string(static_cast<std::size_t>(pct / 4), '#'), pct, done, agents);
        if (done == agents) fmt::print(stderr, "\n");
      }
    });
    writer.finish(quantile_variables(s, plan, accumulator.quantiles()));
    summary = accumulator.summary();
  }
  if (g_cancel.load()) throw Cancelled();
  const nlohmann::json j = summary_json(s, options.seed, agents, summary);
  if (options.summary_json == "-") {
    std::cout << j.dump(2) << '\n';
  } else if (!options.summary_json.empty()) {
    AtomicFile js(options.summary_json);
    {
      std::ofstream f(js.temp_path());
      f << j.dump(2) << '\n';
      if (!f) throw OutputError(fmt::format("cannot write '{}'", options.summary_json));
    }
    js.commit();
  }
  h5.commit();
  if (!options.quiet && options.summary_json != "-") {
    print_table(s, summary);
    fmt::print("\nwrote {}\n", out.string());
  }
  return 0;
}

}  // namespace

Command add_run_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<RunCliOptions>();
  o->command_line = command_line;
  CLI::App* cmd =
      app.add_subcommand("run", "simulate the population of every arm, write HDF5 and a summary");
  cmd->add_option("scenario", o->scenario, "scenario file (TOML)")->required();
  cmd->add_option("--out", o->out, "HDF5 output (default output/<scenario-name>.h5)");
  cmd->add_option("--agents", o->agents, "agents in all arms together (default: the scenario's)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100000000}));
  cmd->add_option("--seed", o->seed, "random seed")->default_val(1);
  cmd->add_option("--threads", o->threads, "worker threads (default and maximum: the number of cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--summary-json", o->summary_json,
                  "write the summary as JSON to FILE, or - for standard output");
  cmd->add_flag("--quiet", o->quiet, "no progress bar and no table");
  cmd->add_flag("--force", o->force, "overwrite an existing output file");
  cmd->add_flag("--trajectories", o->trajectories,
                "also write per-agent trajectories of every chronic observable (agent x time)");
  return {cmd, [o] { return run_run(*o); }};
}

}  // namespace brainload::cli
