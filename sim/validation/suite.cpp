#include "brainload/validation/suite.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/observables.hpp"
#include "brainload/params.hpp"
#include "brainload/population/parallel.hpp"
#include "brainload/population/runner.hpp"
#include "brainload/population/summary.hpp"
#include "brainload/schedule/validate.hpp"
#include "brainload/simulation.hpp"
#include "brainload/units.hpp"
#include "brainload/validation/readers.hpp"

namespace brainload::validation {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSpanMarginMin = 5.0;  // trace a little past the last time a reader looks at

struct LoadedScenario {
  std::unique_ptr<Scenario> scenario;  // null if it failed to load
  std::string error;
};

// The model parameters a scenario asks for: the defaults with its [parameters] table applied, as
// `brainload run` and `trace` apply it (without them a validation scenario's overrides would be
// silently ignored), then the suite's own overrides (`validate --set`), which win.
ModelParams scenario_params(const Scenario& scenario, const ParameterOverrides& suite_overrides) {
  ParameterOverrides overrides;
  for (const ParameterSetting& p : scenario.parameters) overrides.emplace_back(p.name, p.value);
  overrides.insert(overrides.end(), suite_overrides.begin(), suite_overrides.end());
  return with_overrides(ModelParams{}, overrides);
}

// One reference-individual trace of one arm.
struct TraceJob {
  std::string scenario_path;
  std::string arm;
  double every_min = 0.25;
  double end_min = 0.0;  // 0: the whole scenario
  Trace trace;
  std::string error;
};

constexpr std::size_t kNoSource = std::numeric_limits<std::size_t>::max();

// One population run of one scenario.
struct PopulationJob {
  std::string scenario_path;
  std::int64_t agents = 0;
  std::uint64_t seed = 1;
  RunResults results;
  TrialSummary summary;
  std::string error;
  // Index of the run of the same scenario and seed with more agents whose first agents are this
  // job's (kNoSource: this job is simulated itself).
  std::size_t source = kNoSource;
};

std::size_t acute_index(std::string_view name) {
  const auto obs = acute_observables();
  for (std::size_t k = 0; k < obs.size(); ++k) {
    if (obs[k].name == name) return k;
  }
  throw std::invalid_argument(fmt::format("unknown acute observable '{}'", name));
}

const Arm* find_arm(const Scenario& s, std::string_view name) {
  for (const Arm& a : s.arms) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

// The `measure` event named `name` of `arm` that reads `observable`, or nullptr.
const EventSpec* find_measure_event(const Arm& arm, std::string_view name,
                                    std::string_view observable) {
  const auto it =
      std::ranges::find_if(arm.events, [&](const EventSpec& e) { return e.name == name; });
  if (it == arm.events.end() || it->type != EventType::measure || it->observable != observable) {
    return nullptr;
  }
  return &*it;
}

std::size_t arm_index(const Scenario& s, std::string_view name) {
  for (std::size_t a = 0; a < s.arms.size(); ++a) {
    if (s.arms[a].name == name) return a;
  }
  throw std::invalid_argument(fmt::format("scenario '{}' has no arm '{}'", s.name, name));
}

// The latest time an acute reader of this target looks at (minutes), or +inf for the whole span.
double last_time(const Target& t) {
  if (t.reader == Reader::event_value) return kInf;
  double m = 0.0;
  for (const auto& v : {t.from_min, t.to_min, t.at_min, t.base_min, t.ref_min}) {
    if (v) m = std::max(m, *v);
  }
  for (const double v : t.curve_t_min) m = std::max(m, v);
  // Half-lives may need the series beyond to_min.
  if (t.reader == Reader::half_life_after_peak_min) return kInf;
  return m + kSpanMarginMin;
}

Series series_of(const Trace& trace, std::size_t k) {
  Series s;
  s.t.reserve(trace.rows.size());
  s.y.reserve(trace.rows.size());
  for (const TraceRow& row : trace.rows) {
    if (!s.t.empty() && row.t_min <= s.t.back()) continue;
    s.t.push_back(row.t_min);
    s.y.push_back(row.acute[k]);
  }
  return s;
}

double acute_value(const Target& t, const Scenario& scenario, const Trace& trace,
                   std::vector<double>* curve = nullptr) {
  if (t.reader == Reader::event_value) {
    int seen = 0;
    for (const EventRecord& e : trace.events) {
      if (event_type_name(e.type) != t.event_type) continue;
      if (seen++ == t.event_index) return e.value;
    }
    throw std::invalid_argument(
        fmt::format("arm '{}' has no {} event number {}", trace.arm, t.event_type, t.event_index));
  }
  const Series s = series_of(trace, acute_index(t.observable));
  if (t.reader == Reader::work_at_level) {
    return work_at_level(t, s, series_of(trace, acute_index("work_vo2max_frac")));
  }
  if (t.reader == Reader::curve_nrmse) {
    std::vector<double> points;
    const double e = curve_nrmse(t, s, points);
    if (curve != nullptr) *curve = std::move(points);
    return e;
  }
  return read_series(t, s, scenario.start_clock_min);
}

double population_value(const Target& t, const Scenario& scenario, const PopulationJob& job) {
  const TrialSummary& sum = job.summary;
  const std::size_t arm = arm_index(scenario, t.arm);
  switch (t.reader) {
    case Reader::change_correlation:
      return change_correlation(job.results, static_cast<int>(arm),
                                chronic_observable_index(t.outcome),
                                chronic_observable_index(t.outcome_b));
    case Reader::dropout_fraction: {
      std::int64_t agents = 0;
      for (const AgentResult& a : job.results.agents)
        agents += a.traits.arm == static_cast<int>(arm) ? 1 : 0;
      if (agents == 0) throw std::invalid_argument("the arm has no agents");
      return static_cast<double>(sum.arms[arm].dropouts) / static_cast<double>(agents);
    }
    case Reader::change_cv:
    case Reader::fraction_change_below: {
      // Completers only (not dropped out, not failed), as a training study analyses them.
      const auto index = [&](int day) {
        const auto it = std::ranges::find(scenario.assess_days, day);
        if (it == scenario.assess_days.end()) {
          throw std::invalid_argument(fmt::format("day {} is not an assessment day", day));
        }
        return static_cast<std::size_t>(it - scenario.assess_days.begin());
      };
      const std::size_t to = index(t.day);
      const std::size_t from = index(t.from_day);
      const std::size_t k = chronic_observable_index(t.outcome);
      std::vector<double> changes;
      for (const AgentResult& a : job.results.agents) {
        if (a.traits.arm != static_cast<int>(arm) || a.failed || a.dropped_out) continue;
        if (a.assessments.size() <= std::max(to, from)) continue;
        changes.push_back(a.assessments[to][k] - a.assessments[from][k]);
      }
      return t.reader == Reader::change_cv
                 ? coefficient_of_variation(changes)
                 : fraction_below_share_of_mean(changes, t.threshold_of_mean);
    }
    case Reader::event_fraction_below: {
      // Agents of the arm that did not fail and took the event (NaN: not taken).
      const Arm& a_spec = scenario.arms[arm];
      const EventSpec* event = find_measure_event(a_spec, t.event_name, t.observable);
      if (event == nullptr) {
        throw std::invalid_argument(fmt::format("arm '{}' has no measure event '{}' of {}", t.arm,
                                                t.event_name, t.observable));
      }
      const auto e = static_cast<std::size_t>(event - a_spec.events.data());
      std::int64_t taken = 0;
      std::int64_t below = 0;
      for (const AgentResult& a : job.results.agents) {
        if (a.traits.arm != static_cast<int>(arm) || a.failed || a.events.size() <= e) continue;
        const double v = a.events[e];
        if (std::isnan(v)) continue;
        ++taken;
        below += v < *t.level ? 1 : 0;
      }
      if (taken == 0) throw std::invalid_argument("no agent of the arm took the event");
      return static_cast<double>(below) / static_cast<double>(taken);
    }
    case Reader::arm_change_relative:
    case Reader::arm_change_mean:
      // With vs_arm: the arm's change minus the comparison arm's (a change against control).
      if (!t.vs_arm.empty()) {
        return read_summary(t, sum, arm) - read_summary(t, sum, arm_index(scenario, t.vs_arm));
      }
      return read_summary(t, sum, arm);
    default:
      return read_summary(t, sum, arm);
  }
}

}  // namespace

bool within_tolerance(const Target& t, double simulated) {
  if (std::isnan(simulated)) return false;
  const Band b = tolerance_band(t);
  return simulated >= b.lo && simulated <= b.hi;
}

double relative_error(const Target& t, double simulated) {
  if (t.published == 0.0) return simulated - t.published;
  return (simulated - t.published) / std::abs(t.published);
}

std::string_view status_name(Status s) {
  switch (s) {
    case Status::pass:
      return "pass";
    case Status::fail:
      return "FAIL";
    case Status::known_miss:
      return "known miss";
    case Status::error:
      return "ERROR";
  }
  return "?";
}

SuiteSummary summarize_results(const Catalogue& catalogue,
                               const std::vector<TargetResult>& results) {
  SuiteSummary s;
  s.targets = static_cast<int>(results.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Target& t = catalogue.targets[i];
    const TargetResult& r = results[i];
    KindCount& kind = s.by_kind.at(static_cast<std::size_t>(t.evidence));
    ++kind.targets;
    switch (t.role) {
      case Role::fitted:
        ++s.fitted;
        break;
      case Role::derived:
        ++s.derived;
        break;
      case Role::held_out:
        ++s.held_out;
        ++kind.held_out;
        break;
    }
    const bool sound = r.status == Status::pass && t.wrong_reason.empty();
    if (r.status == Status::pass && !t.wrong_reason.empty()) ++s.wrong_reason;
    if (sound) {
      ++s.passed;
      ++kind.passed;
      if (t.held_out()) {
        ++s.held_out_passed;
        ++kind.held_out_passed;
      }
    }
    switch (r.status) {
      case Status::known_miss:
        ++s.known_misses;
        break;
      case Status::fail:
      case Status::error:
        ++s.failed;
        break;
      case Status::pass:
        break;
    }
  }
  return s;
}

std::string summary_line(const SuiteSummary& s) {
  std::string line = fmt::format(
      "validation: {} targets ({} held out: {} passed), {} fitted, {} derived, {} passed in all",
      s.targets, s.held_out, s.held_out_passed, s.fitted, s.derived, s.passed);
  if (s.wrong_reason > 0) line += fmt::format(", {} passed for the wrong reason", s.wrong_reason);
  line += fmt::format(", {} failed, {} known misses", s.failed, s.known_misses);
  return line;
}

int replicates_inside(const Target& t, const std::vector<double>& values) {
  return static_cast<int>(
      std::ranges::count_if(values, [&](double v) { return within_tolerance(t, v); }));
}

bool seed_dependent(const Target& t, const TargetResult& r) {
  const int inside = replicates_inside(t, r.replicates);
  return inside > 0 && inside < static_cast<int>(r.replicates.size());
}

ScenarioCheck check_scenarios(const Catalogue& catalogue) {
  std::map<std::string, Scenario> scenarios;
  ScenarioCheck check;
  const auto scenario_of = [&](const std::string& path) -> const Scenario* {
    if (const auto it = scenarios.find(path); it != scenarios.end()) return &it->second;
    if (!std::filesystem::exists(path)) return nullptr;
    Scenario s = load_scenario_file(path);
    require_valid(s);
    return &scenarios.emplace(path, std::move(s)).first->second;
  };
  const auto missing = [&](const Target& t, std::string_view field, std::string message) {
    check.problems.push_back({t.where, fmt::format("{}.{}", t.id, field), std::move(message)});
  };
  const auto need_arm = [&](const Target& t, std::string_view field, const Scenario& s,
                            const std::string& name) {
    if (find_arm(s, name) == nullptr) {
      missing(t, field, fmt::format("scenario '{}' has no arm '{}'", s.name, name));
    }
  };
  for (const Target& t : catalogue.targets) {
    const Scenario* s = scenario_of(t.scenario_path);
    if (s == nullptr) {
      missing(t, "scenario", fmt::format("no such file '{}'", t.scenario_path));
      continue;
    }
    need_arm(t, "arm", *s, t.arm);
    for (const std::string& name : t.pool_arms) need_arm(t, "pool_arms", *s, name);
    const std::string& other_arm = t.vs_arm.empty() ? t.arm : t.vs_arm;
    if (!t.vs_scenario_path.empty()) {
      if (const Scenario* vs = scenario_of(t.vs_scenario_path); vs == nullptr) {
        missing(t, "vs_scenario", fmt::format("no such file '{}'", t.vs_scenario_path));
      } else {
        need_arm(t, "vs_arm", *vs, other_arm);
      }
    } else if (!t.vs_arm.empty()) {
      need_arm(t, "vs_arm", *s, t.vs_arm);
    }
    if (t.is_population()) {
      for (const int day : {t.day, t.from_day}) {
        if (day != 0 && std::ranges::find(s->assess_days, day) == s->assess_days.end()) {
          missing(t, "day", fmt::format("day {} is not an assessment day of '{}'", day, s->name));
        }
      }
    }
    if (t.reader == Reader::event_fraction_below) {
      const Arm* arm = find_arm(*s, t.arm);
      if (arm != nullptr && find_measure_event(*arm, t.event_name, t.observable) == nullptr) {
        missing(t, "event_name",
                fmt::format("arm '{}' of '{}' has no measure event '{}' of {}", t.arm, s->name,
                            t.event_name, t.observable));
      }
    }
  }
  check.scenarios = scenarios.size();
  return check;
}

std::string robustness_line(const Catalogue& catalogue, const SuiteResult& result) {
  int replicated = 0;
  int stable = 0;
  int held_out_passes = 0;
  int held_out_robust = 0;
  std::size_t seeds = 0;
  for (std::size_t i = 0; i < result.results.size(); ++i) {
    const Target& t = catalogue.targets[i];
    const TargetResult& r = result.results[i];
    if (r.replicates.empty()) continue;
    seeds = r.replicates.size();
    ++replicated;
    if (!seed_dependent(t, r)) ++stable;
    if (t.held_out() && r.status == Status::pass && t.wrong_reason.empty()) {
      ++held_out_passes;
      if (replicates_inside(t, r.replicates) == static_cast<int>(r.replicates.size())) {
        ++held_out_robust;
      }
    }
  }
  if (replicated == 0) return {};
  return fmt::format(
      "seed robustness ({} seeds): {} population targets, {} keep their status in every seed; "
      "{} of {} held-out population passes hold in every seed",
      seeds, replicated, stable, held_out_robust, held_out_passes);
}

std::string overrides_text(const std::vector<std::pair<std::string, double>>& overrides) {
  std::string text;
  for (const auto& [name, value] : overrides) {
    text += fmt::format("{}{}={}", text.empty() ? "" : ", ", name, value);
  }
  return text;
}

SuiteResult run_suite(const Catalogue& catalogue, const SuiteOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };

  // Scenarios, each loaded and validated once.
  std::map<std::string, LoadedScenario> scenarios;
  const auto load = [&](const std::string& path) {
    if (path.empty() || scenarios.contains(path)) return;
    LoadedScenario ls;
    try {
      auto s = std::make_unique<Scenario>(load_scenario_file(path));
      require_valid(*s);
      ls.scenario = std::move(s);
    } catch (const std::exception& e) {
      ls.error = fmt::format("scenario '{}': {}", path, e.what());
    }
    scenarios.emplace(path, std::move(ls));
  };
  for (const Target& t : catalogue.targets) {
    load(t.scenario_path);
    load(t.vs_scenario_path);
  }

  // The distinct simulations, population runs first (the longest) so they start early.
  std::vector<PopulationJob> populations;
  std::map<std::tuple<std::string, std::int64_t, std::uint64_t>, std::size_t> population_of;
  std::vector<TraceJob> traces;
  std::map<std::pair<std::string, std::string>, std::size_t> trace_of;
  const auto need_trace = [&](const std::string& path, const std::string& arm, const Target& t) {
    const auto key = std::pair(path, arm);
    auto it = trace_of.find(key);
    if (it == trace_of.end()) {
      it = trace_of.emplace(key, traces.size()).first;
      traces.push_back({path, arm, t.every_min, last_time(t), {}, {}});
      return;
    }
    TraceJob& job = traces[it->second];
    job.every_min = std::min(job.every_min, t.every_min);
    job.end_min = std::max(job.end_min, last_time(t));
  };
  const int seeds = std::max(1, options.seeds);
  for (const Target& t : catalogue.targets) {
    if (t.is_population()) {
      for (int k = 0; k < seeds; ++k) {
        const std::uint64_t seed = t.seed + static_cast<std::uint64_t>(k);
        const auto key = std::tuple(t.scenario_path, t.agents, seed);
        if (!population_of.contains(key)) {
          population_of.emplace(key, populations.size());
          populations.push_back({t.scenario_path, t.agents, seed, {}, {}, {}});
        }
      }
    } else {
      need_trace(t.scenario_path, t.arm, t);
      for (const std::string& a : t.pool_arms) need_trace(t.scenario_path, a, t);
      if (!t.vs_arm.empty()) {
        need_trace(t.vs_scenario_path.empty() ? t.scenario_path : t.vs_scenario_path, t.vs_arm, t);
      }
    }
  }

  // A population of n agents is the first n agents of a larger run of the same scenario and seed
  // (agent k's traits, arm and random streams depend on the seed and k alone: runner.cpp), so
  // of the runs that differ only in size, only the largest is simulated and the others are read
  // from its first agents: the same numbers, without simulating them twice (the 400- and
  // 4000-agent runs of one scenario, say).
  const auto size_of = [&](const PopulationJob& job) -> std::int64_t {
    const LoadedScenario& ls = scenarios.at(job.scenario_path);
    if (!ls.scenario) return -1;
    return job.agents > 0 ? job.agents : ls.scenario->population.agents;
  };
  std::map<std::pair<std::string, std::uint64_t>, std::size_t> largest;
  for (std::size_t j = 0; j < populations.size(); ++j) {
    if (size_of(populations[j]) < 0) continue;
    const auto key = std::pair(populations[j].scenario_path, populations[j].seed);
    auto [it, added] = largest.emplace(key, j);
    if (!added && size_of(populations[j]) > size_of(populations[it->second])) it->second = j;
  }
  std::vector<std::size_t> simulated;  // the population jobs that run
  for (std::size_t j = 0; j < populations.size(); ++j) {
    PopulationJob& job = populations[j];
    const auto it = largest.find(std::pair(job.scenario_path, job.seed));
    if (it != largest.end() && it->second != j && size_of(populations[it->second]) > 0) {
      job.source = it->second;
    } else {
      simulated.push_back(j);
    }
  }

  // Longest first (parallel_for_index starts items in index order): agent-days as the cost. The
  // traces, a fraction of a second each, follow. Results are stored by job, so the order changes
  // nothing but the wall time (on 2 cores: 399 → 324 s with the lactate solver of the same
  // session, docs/reliability.md, forty-seventh session).
  const auto cost = [&](std::size_t j) {
    const LoadedScenario& ls = scenarios.at(populations[j].scenario_path);
    return ls.scenario ? static_cast<double>(size_of(populations[j])) * ls.scenario->days : 0.0;
  };
  std::stable_sort(simulated.begin(), simulated.end(),
                   [&](std::size_t a, std::size_t b) { return cost(a) > cost(b); });

  const std::size_t jobs = simulated.size() + traces.size();
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  log(fmt::format(
      "validate: {} targets, {} simulations ({} population runs, {} more read from their first "
      "agents, {} traces) on {} thread(s)",
      catalogue.targets.size(), jobs, simulated.size(), populations.size() - simulated.size(),
      traces.size(), threads));

  parallel_for_index(jobs, threads, [&](std::size_t j) {
    if (j < simulated.size()) {
      PopulationJob& job = populations[simulated[j]];
      const LoadedScenario& ls = scenarios.at(job.scenario_path);
      if (!ls.scenario) {
        job.error = ls.error;
        return;
      }
      try {
        RunOptions ro;
        ro.agents = job.agents;
        ro.seed = job.seed;
        ro.threads = 1;  // the simulations themselves run side by side
        job.results = run_population(*ls.scenario, ro,
                                     scenario_params(*ls.scenario, options.parameter_overrides));
        job.summary = summarize(*ls.scenario, job.results);
      } catch (const std::exception& e) {
        job.error = fmt::format("population run of '{}' failed: {}", job.scenario_path, e.what());
      }
      return;
    }
    TraceJob& job = traces[j - simulated.size()];
    const LoadedScenario& ls = scenarios.at(job.scenario_path);
    if (!ls.scenario) {
      job.error = ls.error;
      return;
    }
    const Arm* arm = find_arm(*ls.scenario, job.arm);
    if (arm == nullptr) {
      job.error = fmt::format("scenario '{}' has no arm '{}'", job.scenario_path, job.arm);
      return;
    }
    try {
      TraceOptions to;
      to.every_min = job.every_min;
      to.from_day = 0.0;
      if (std::isfinite(job.end_min) && job.end_min > 0.0) {
        to.to_day =
            std::min(static_cast<double>(ls.scenario->days), job.end_min / units::kMinutesPerDay);
      }
      job.trace = trace_reference(*ls.scenario, *arm, to,
                                  scenario_params(*ls.scenario, options.parameter_overrides));
    } catch (const std::exception& e) {
      job.error =
          fmt::format("trace of '{}' arm '{}' failed: {}", job.scenario_path, job.arm, e.what());
    }
  });
  for (PopulationJob& job : populations) {
    if (job.source == kNoSource) continue;
    const PopulationJob& from = populations[job.source];
    if (!from.error.empty()) {
      job.error = from.error;
      continue;
    }
    const Scenario& scenario = *scenarios.at(job.scenario_path).scenario;
    const auto n = static_cast<std::size_t>(size_of(job));
    job.results.agents.assign(from.results.agents.begin(),
                              from.results.agents.begin() + static_cast<std::ptrdiff_t>(n));
    job.results.plan = from.results.plan;
    job.results.total_agents = size_of(job);
    job.results.seed = from.results.seed;
    try {
      job.summary = summarize(scenario, job.results);
    } catch (const std::exception& e) {
      job.error = fmt::format("population run of '{}' failed: {}", job.scenario_path, e.what());
    }
  }

  SuiteResult out;
  out.results.resize(catalogue.targets.size());
  for (std::size_t i = 0; i < catalogue.targets.size(); ++i) {
    const Target& t = catalogue.targets[i];
    TargetResult& r = out.results[i];
    r.simulated = kNaN;
    try {
      const LoadedScenario& ls = scenarios.at(t.scenario_path);
      if (!ls.scenario) throw std::runtime_error(ls.error);
      if (t.is_population()) {
        const PopulationJob& job =
            populations[population_of.at(std::tuple(t.scenario_path, t.agents, t.seed))];
        if (!job.error.empty()) throw std::runtime_error(job.error);
        r.simulated = population_value(t, *ls.scenario, job);
        if (seeds > 1) {
          r.replicates.push_back(r.simulated);
          for (int k = 1; k < seeds; ++k) {
            const PopulationJob& rep = populations[population_of.at(
                std::tuple(t.scenario_path, t.agents, t.seed + static_cast<std::uint64_t>(k)))];
            double v = kNaN;
            if (rep.error.empty()) {
              try {
                v = population_value(t, *ls.scenario, rep);
              } catch (const std::exception&) {
                v = kNaN;  // a replicate that cannot be read counts as outside the band
              }
            }
            r.replicates.push_back(v);
          }
        }
      } else {
        const TraceJob& job = traces[trace_of.at(std::pair(t.scenario_path, t.arm))];
        if (!job.error.empty()) throw std::runtime_error(job.error);
        double v = acute_value(t, *ls.scenario, job.trace, &r.curve);
        if (!t.pool_arms.empty()) {
          // A pooled mean: every arm's reading weighs the same (the study's sessions had the same
          // subjects). Curves are not pooled: the loader refuses pool_arms with curve_nrmse.
          for (const std::string& a : t.pool_arms) {
            const TraceJob& other = traces[trace_of.at(std::pair(t.scenario_path, a))];
            if (!other.error.empty()) throw std::runtime_error(other.error);
            v += acute_value(t, *ls.scenario, other.trace);
          }
          v /= static_cast<double>(t.pool_arms.size() + 1);
        }
        if (!t.vs_arm.empty()) {
          const std::string& vs_path =
              t.vs_scenario_path.empty() ? t.scenario_path : t.vs_scenario_path;
          const LoadedScenario& vs = scenarios.at(vs_path);
          if (!vs.scenario) throw std::runtime_error(vs.error);
          const TraceJob& other = traces[trace_of.at(std::pair(vs_path, t.vs_arm))];
          if (!other.error.empty()) throw std::runtime_error(other.error);
          const double w = acute_value(t, *vs.scenario, other.trace);
          v = t.combine == Combine::difference ? v - w : v / w;
        }
        r.simulated = v;
      }
      // work_at_level gives +inf when the level is never reached: a miss, not a reading error.
      const bool never_reached = t.reader == Reader::work_at_level && r.simulated > 0.0;
      if (!std::isfinite(r.simulated) && !never_reached)
        throw std::runtime_error("the reader gave a non-finite value");
      const bool inside = within_tolerance(t, r.simulated);
      if (!t.known_miss.empty()) {
        r.status = inside ? Status::pass : Status::known_miss;
        r.known_miss_now_passes = inside;
      } else {
        r.status = inside ? Status::pass : Status::fail;
      }
    } catch (const std::exception& e) {
      r.status = Status::error;
      r.message = e.what();
    }
  }
  out.summary = summarize_results(catalogue, out.results);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out.parameter_overrides = options.parameter_overrides;
  return out;
}

}  // namespace brainload::validation
