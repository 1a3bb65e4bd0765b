// `brainload power` and `brainload sensitivity`: the two questions asked before a trial (how
// many participants, and which assumption the result hangs on), answered by simulation
// (population/trial_design.hpp). Each prints a table, writes its JSON (PRODUCT.md) only when
// complete, draws a figure with --plot, and stops on Ctrl-C leaving no file.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "brainload/io/atomic_file.hpp"
#include "brainload/io/scenario_toml.hpp"
#include "brainload/population/runner.hpp"
#include "brainload/population/trial_design.hpp"
#include "brainload/schedule/validate.hpp"
#include "cli/commands.hpp"
#include "cli/parameters.hpp"

namespace brainload::cli {

namespace {

namespace fs = std::filesystem;

std::atomic<bool> g_design_cancel{false};

extern "C" void on_design_signal(int /*signal*/) { g_design_cancel.store(true); }

// The options both commands share.
struct DesignCliOptions {
  std::string scenario;
  std::string arm;
  std::string vs;
  std::string outcome;
  std::optional<int> day;
  std::uint64_t seed = 1;
  int threads = 0;
  std::string json;
  std::string plot;
  bool quiet = false;
  std::vector<std::string> sets;
};

void add_shared_options(CLI::App& cmd, DesignCliOptions& o, const char* arm_help) {
  cmd.add_option("scenario", o.scenario, "scenario file (TOML)")->required();
  cmd.add_option("--arm", o.arm, arm_help)->required();
  cmd.add_option("--outcome", o.outcome,
                 "a chronic observable (its change from the first assessment to --day) or an "
                 "event's name (its measured value)")
      ->required();
  cmd.add_option("--day", o.day,
                 "assessment day of a chronic outcome (for an event: its own day, optional)")
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--seed", o.seed, "random seed")->default_val(1);
  cmd.add_option("--threads", o.threads, "worker threads (default and maximum: the cores)")
      ->check(CLI::Range(0, 1024));
  cmd.add_option("--json", o.json, "write the result as JSON to FILE, or - for standard output");
  cmd.add_option("--plot", o.plot, "draw the result to FILE (.png, .svg or .pdf)");
  cmd.add_flag("--quiet", o.quiet, "no progress bar and no table");
  add_set_option(cmd, o.sets);
}

// Loads and checks everything a command needs before the first simulation: the scenario, the
// parameters, and that every output can be created.
struct Prepared {
  Scenario scenario;
  ChosenParameters chosen;
};

Prepared prepare(const DesignCliOptions& o) {
  Prepared p;
  p.scenario = load_scenario_file(o.scenario);
  require_valid(p.scenario);
  p.chosen = choose_parameters(p.scenario, o.sets);
  if (!o.json.empty() && o.json != "-") require_writable(o.json);
  if (!o.plot.empty()) {
    const std::string ext = fs::path(o.plot).extension().string();
    if (ext != ".png" && ext != ".svg" && ext != ".pdf") {
      throw UsageError(fmt::format("--plot '{}': give a .png, .svg or .pdf file", o.plot));
    }
    require_writable(o.plot);
  }
  return p;
}

// A progress bar on standard error when it is a terminal (and not --quiet).
DesignProgress progress_bar(const DesignCliOptions& o, const char* unit) {
  if (o.quiet || ::isatty(STDERR_FILENO) == 0) return {};
  auto shown = std::make_shared<int>(-1);
  return [shown, unit](std::int64_t done, std::int64_t total) {
    const int pct = static_cast<int>(100 * done / std::max<std::int64_t>(total, 1));
    if (pct == *shown) return;
    *shown = pct;
    fmt::print(stderr, "\r[{:<25}] {:3}% {} / {} {}",
               std::string(static_cast<std::size_t>(pct / 4), '#'), pct, done, total, unit);
    if (done == total) fmt::print(stderr, "\n");
  };
}

nlohmann::json interval(const std::array<double, 2>& ci) { return {ci[0], ci[1]}; }

nlohmann::json optional_number(const std::optional<double>& x) {
  return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
}

// Writes the JSON (standard output for "-"), complete or not at all, then the figure.
int write_outputs(const DesignCliOptions& o, const nlohmann::json& j, const char* kind) {
  if (o.json == "-") {
    std::cout << j.dump(2) << '\n';
  } else if (!o.json.empty()) {
    AtomicFile file(o.json);
    write_text_file(file.temp_path(), j.dump(2) + '\n', file.target());
    file.commit();
  }
  if (o.plot.empty()) return 0;
  AtomicFile data(fs::path(o.plot).replace_extension(".json"));
  write_text_file(data.temp_path(), j.dump() + '\n', data.target());
  data.flush();
  const int code = run_viz_script(
      "design.py", {"--kind", kind, "--json", data.temp_path().string(), "--out", o.plot});
  if (code == 0 && !o.quiet && o.json != "-") fmt::print("wrote {}\n", o.plot);
  return code;
}

void install_signal_handlers() {
  g_design_cancel.store(false);
  std::signal(SIGINT, on_design_signal);
  std::signal(SIGTERM, on_design_signal);
}

std::string number(double x) {
  return std::isfinite(x) ? fmt::format("{:.3g}", x) : std::string("—");
}

// ---------------------------------------------------------------------------------------------
// power

std::string percent(double share) {
  return std::isfinite(share) ? fmt::format("{:.0f} %", 100.0 * share) : std::string("no sessions");
}

struct PowerCliOptions : DesignCliOptions {
  std::vector<int> n;
  int replicates = 200;
  double alpha = 0.05;
  std::string setting;
};

std::optional<TrainingSetting> setting_of(const std::string& name) {
  if (name.empty()) return std::nullopt;
  for (const TrainingSetting s : {TrainingSetting::supervised, TrainingSetting::group,
                                  TrainingSetting::home, TrainingSetting::lab}) {
    if (name == training_setting_name(s)) return s;
  }
  throw UsageError(fmt::format("--setting '{}': one of supervised, group, home, lab", name));
}

nlohmann::json power_json(const PowerResult& r, const PowerCliOptions& o,
                          const ChosenParameters& chosen, const Scenario& s) {
  nlohmann::json j;
  j["arm"] = r.arm;
  j["vs"] = r.vs;
  j["outcome"] = r.outcome.name;
  j["day"] = r.outcome.day;
  j["alpha"] = r.alpha;
  j["test"] = r.test;
  j["n"] = r.n;
  j["power"] = r.power;
  j["ci95"] = nlohmann::json::array();
  for (const auto& ci : r.ci95) j["ci95"].push_back(interval(ci));
  j["n_for_80"] = optional_number(r.n_for_80);
  j["n_for_90"] = optional_number(r.n_for_90);
  j["unit"] = r.outcome.unit;
  j["replicates"] = r.replicates;
  j["setting"] = r.setting;
  j["mean_difference"] = r.mean_difference;
  j["mean_smd"] = r.mean_smd;
  j["agents_simulated"] = r.agents_simulated;
  j["agents_failed"] = r.agents_failed;
  j["attendance"] = {{r.arm, r.attendance[0]}, {r.vs, r.attendance[1]}};
  j["scenario"] = s.name;
  j["seed"] = o.seed;
  j["parameters_overridden"] = chosen.overridden;
  return j;
}

void print_power(const PowerResult& r, const Scenario& s, double seconds) {
  fmt::print("\n{}: power of {} ({}) vs {} on {}{} — {}\n", s.name, r.arm, r.setting, r.vs,
             r.outcome.name, r.outcome.is_event ? "" : fmt::format(" at day {}", r.outcome.day),
             r.test);
  fmt::print("{} replicate trials per sample size, alpha {}; sessions attended: {} {}, {} {}\n\n",
             r.replicates, r.alpha, r.arm, percent(r.attendance[0]), r.vs,
             percent(r.attendance[1]));
  fmt::print("{:>8} {:>8} {:>18} {:>18} {:>10}\n", "n/arm", "power", "95 % CI",
             fmt::format("difference ({})", r.outcome.unit), "SMD");
  for (std::size_t k = 0; k < r.n.size(); ++k) {
    fmt::print("{:>8} {:>8.3f} {:>18} {:>18} {:>10}\n", r.n[k], r.power[k],
               fmt::format("[{:.3f}, {:.3f}]", r.ci95[k][0], r.ci95[k][1]),
               number(r.mean_difference[k]), number(r.mean_smd[k]));
  }
  const auto shown = [](const std::optional<double>& n) {
    return n ? fmt::format("{:.0f}", std::ceil(*n)) : std::string("not reached in the range");
  };
  fmt::print("\nn per arm for 80 % power: {}; for 90 %: {}\n", shown(r.n_for_80),
             shown(r.n_for_90));
  if (r.agents_failed > 0) {
    fmt::print("{} of {} agents failed to integrate and were left out\n", r.agents_failed,
               r.agents_simulated);
  }
  fmt::print("{} agents simulated in {:.1f} s\n", r.agents_simulated, seconds);
}

int run_power(const PowerCliOptions& o) {
  const Prepared p = prepare(o);
  PowerOptions options;
  options.arm = o.arm;
  options.vs = o.vs;
  options.outcome = o.outcome;
  options.day = o.day;
  options.n = o.n;
  options.replicates = o.replicates;
  options.alpha = o.alpha;
  options.seed = o.seed;
  options.threads = o.threads;
  options.setting = setting_of(o.setting);
  options.cancel = &g_design_cancel;
  options.progress = progress_bar(o, "agents");
  install_signal_handlers();
  const auto start = std::chrono::steady_clock::now();
  PowerResult r;
  try {
    r = estimate_power(p.scenario, p.chosen.params, options);
  } catch (const DesignError& e) {
    throw UsageError(e.what());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!o.quiet && o.json != "-") print_power(r, p.scenario, seconds);
  return write_outputs(o, power_json(r, o, p.chosen, p.scenario), "power");
}

// ---------------------------------------------------------------------------------------------
// sensitivity

struct SensitivityCliOptions : DesignCliOptions {
  std::vector<std::string> parameters{"all"};
  std::optional<double> spread;
  std::size_t samples = 512;
  std::string method = "sobol";
  int levels = 4;
  std::size_t bootstrap = 1000;
  std::size_t top = 20;
};

nlohmann::json sensitivity_json(const SensitivityResult& r, const SensitivityCliOptions& o,
                                const ChosenParameters& chosen, const Scenario& s) {
  const bool sobol = r.method == SensitivityMethod::sobol;
  nlohmann::json j;
  j["method"] = sobol ? "sobol" : "morris";
  j["outcome"] = r.outcome.name;
  j["day"] = r.outcome.day;
  j["samples"] = r.samples;
  j["arm"] = r.arm;
  j["vs"] = r.vs.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.vs);
  j["unit"] = r.outcome.unit;
  j["range"] = r.range;
  j["evaluations"] = r.evaluations;
  j["failed"] = r.failed;
  j["outcome_at_values"] = r.outcome_at_values;
  j["mean"] = r.mean;
  j["variance"] = r.variance;
  j["bootstrap"] = o.bootstrap;
  if (!sobol) j["levels"] = o.levels;
  j["scenario"] = s.name;
  j["seed"] = o.seed;
  j["parameters_overridden"] = chosen.overridden;
  j["fixed"] = r.fixed;
  j["parameters"] = nlohmann::json::array();
  for (const SensitivityParameter& p : r.parameters) {
    nlohmann::json e{
        {"name", p.name}, {"unit", p.unit}, {"value", p.value}, {"low", p.low}, {"high", p.high}};
    if (sobol) {
      e["first"] = p.sobol.first;
      e["first_ci95"] = interval(p.sobol.first_ci95);
      e["total"] = p.sobol.total;
      e["total_ci95"] = interval(p.sobol.total_ci95);
    } else {
      e["mu_star"] = p.morris.mu_star;
      e["mu_star_ci95"] = interval(p.morris.mu_star_ci95);
      e["sigma"] = p.morris.sigma;
      e["mu"] = p.morris.mu;
    }
    j["parameters"].push_back(std::move(e));
  }
  return j;
}

void print_sensitivity(const SensitivityResult& r, const Scenario& s, std::size_t top,
                       double seconds) {
  const bool sobol = r.method == SensitivityMethod::sobol;
  const std::string what =
      r.vs.empty() ? fmt::format("{} in arm {}", r.outcome.name, r.arm)
                   : fmt::format("{} in arm {} minus arm {}", r.outcome.name, r.arm, r.vs);
  fmt::print("\n{}: {} indices of {}{} ({}), {} parameters over their {} range\n", s.name,
             sobol ? "Sobol" : "Morris", what,
             r.outcome.is_event ? "" : fmt::format(" (change to day {})", r.outcome.day),
             r.outcome.unit, r.parameters.size(), r.range);
  fmt::print("outcome at the parameters' values {}; over the samples mean {}, SD {}\n",
             number(r.outcome_at_values), number(r.mean), number(std::sqrt(r.variance)));
  if (sobol) {
    fmt::print("\n{:<48} {:>7} {:>17} {:>7} {:>17}\n", "parameter", "first", "95 % CI", "total",
               "95 % CI");
  } else {
    fmt::print("\n{:<48} {:>10} {:>23} {:>10}\n", "parameter", "mu*", "95 % CI", "sigma");
  }
  for (std::size_t k = 0; k < std::min(top, r.parameters.size()); ++k) {
    const SensitivityParameter& p = r.parameters[k];
    if (sobol) {
      fmt::print("{:<48} {:>7.3f} {:>17} {:>7.3f} {:>17}\n", p.name, p.sobol.first,
                 fmt::format("[{:.3f}, {:.3f}]", p.sobol.first_ci95[0], p.sobol.first_ci95[1]),
                 p.sobol.total,
                 fmt::format("[{:.3f}, {:.3f}]", p.sobol.total_ci95[0], p.sobol.total_ci95[1]));
    } else {
      fmt::print(
          "{:<48} {:>10.3g} {:>23} {:>10.3g}\n", p.name, p.morris.mu_star,
          fmt::format("[{:.3g}, {:.3g}]", p.morris.mu_star_ci95[0], p.morris.mu_star_ci95[1]),
          p.morris.sigma);
    }
  }
  if (r.parameters.size() > top) {
    fmt::print("({} more in the JSON; --top N shows more)\n", r.parameters.size() - top);
  }
  if (!r.fixed.empty()) {
    fmt::print("{} chosen parameter(s) at 0 held there (±spread of 0 is no interval): {}\n",
               r.fixed.size(), fmt::join(r.fixed, ", "));
  }
  if (r.failed > 0) {
    fmt::print("{} of {} samples failed to integrate and were left out\n", r.failed, r.evaluations);
  }
  fmt::print("{} samples in {:.1f} s\n", r.evaluations, seconds);
}

int run_sensitivity(const SensitivityCliOptions& o) {
  const Prepared p = prepare(o);
  SensitivityOptions options;
  options.arm = o.arm;
  options.vs = o.vs;
  options.outcome = o.outcome;
  options.day = o.day;
  options.spread = o.spread;
  options.samples = o.samples;
  options.method = o.method == "morris" ? SensitivityMethod::morris : SensitivityMethod::sobol;
  options.morris_levels = o.levels;
  options.bootstrap = o.bootstrap;
  options.seed = o.seed;
  options.threads = o.threads;
  options.cancel = &g_design_cancel;
  options.progress = progress_bar(o, "samples");
  install_signal_handlers();
  const auto start = std::chrono::steady_clock::now();
  SensitivityResult r;
  try {
    options.parameters = select_parameters(o.parameters);
    r = analyse_sensitivity(p.scenario, p.chosen.params, options);
  } catch (const DesignError& e) {
    throw UsageError(e.what());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!o.quiet && o.json != "-") print_sensitivity(r, p.scenario, o.top, seconds);
  return write_outputs(o, sensitivity_json(r, o, p.chosen, p.scenario), "sensitivity");
}

}  // namespace

Command add_power_command(CLI::App& app) {
  auto o = std::make_shared<PowerCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "power",
      "power by simulation: for each sample size, the share of replicate virtual trials that "
      "detect the difference between two arms");
  add_shared_options(*cmd, *o, "the arm under test");
  cmd->add_option("--vs", o->vs, "the arm it is compared with")->required();
  cmd->add_option("--n", o->n, "sample sizes per arm, increasing, e.g. 20,40,80,160")
      ->required()
      ->delimiter(',')
      ->check(CLI::Range(2, 1000000));
  cmd->add_option("--replicates", o->replicates, "virtual trials per sample size")
      ->default_val(200)
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--alpha", o->alpha, "two-sided significance level")
      ->default_val(0.05)
      ->check(CLI::Range(1e-6, 0.5));
  cmd->add_option("--setting", o->setting,
                  "train arm --arm in this setting instead of the scenario's: supervised, group, "
                  "home or lab (adherence)");
  return {cmd, [o] { return run_power(*o); }};
}

Command add_sensitivity_command(CLI::App& app) {
  auto o = std::make_shared<SensitivityCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "sensitivity",
      "global sensitivity: which model parameters drive an outcome (Sobol indices or Morris "
      "screening), for the reference individual living an arm");
  add_shared_options(*cmd, *o, "the arm the individual lives");
  cmd->add_option("--vs", o->vs, "analyse the difference from the same individual living this arm");
  cmd->add_option("--parameters", o->parameters,
                  "parameters to vary: full names, groups, acute, chronic or all (default all: "
                  "every parameter acting on one individual)")
      ->delimiter(',');
  cmd->add_option("--spread", o->spread,
                  "vary each parameter over ±SPREAD·|value| (clipped to its valid range) instead "
                  "of its whole valid range")
      ->check(CLI::Range(1e-6, 100.0));
  cmd->add_option("--samples", o->samples,
                  "Sobol: base samples N (N·(k + 2) simulations); Morris: trajectories r "
                  "(r·(k + 1))")
      ->default_val(512)
      ->check(CLI::Range(std::size_t{2}, std::size_t{10000000}));
  cmd->add_option("--method", o->method, "sobol (indices with CIs) or morris (screening)")
      ->default_val("sobol")
      ->check(CLI::IsMember({"sobol", "morris"}));
  cmd->add_option("--levels", o->levels, "Morris grid levels (even)")
      ->default_val(4)
      ->check(CLI::IsMember({2, 4, 6, 8, 10}));
  cmd->add_option("--bootstrap", o->bootstrap, "bootstrap resamples for the 95 % CIs")
      ->default_val(1000)
      ->check(CLI::Range(std::size_t{0}, std::size_t{100000}));
  cmd->add_option("--top", o->top, "parameters shown in the table")->default_val(20);
  return {cmd, [o] { return run_sensitivity(*o); }};
}

}  // namespace brainload::cli
