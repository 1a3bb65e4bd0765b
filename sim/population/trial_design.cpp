#include "brainload/population/trial_design.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "brainload/analysis/power.hpp"
#include "brainload/model/subject_norms.hpp"
#include "brainload/observables.hpp"
#include "brainload/population/agent.hpp"
#include "brainload/population/parallel.hpp"
#include "brainload/population/runner.hpp"

namespace brainload {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// SplitMix64 finaliser (Steele, Lea & Flood 2014): the seed of replicate r, so that replicates
// are independent populations and each depends on (seed, r) only.
std::uint64_t mix(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

std::uint64_t replicate_seed(std::uint64_t seed, std::uint64_t replicate) {
  return mix(mix(seed) ^ mix(replicate + 1));
}

std::size_t arm_index(const Scenario& s, const std::string& name, const char* option) {
  std::vector<std::string> names;
  for (std::size_t a = 0; a < s.arms.size(); ++a) {
    if (s.arms[a].name == name) return a;
    names.push_back(s.arms[a].name);
  }
  throw DesignError(fmt::format("{}: no arm '{}' in {}; its arms are: {}", option, name,
                                s.file.empty() ? s.name : s.file, fmt::join(names, ", ")));
}

std::optional<std::size_t> event_index(const Arm& arm, const std::string& name) {
  for (std::size_t e = 0; e < arm.events.size(); ++e) {
    if (arm.events[e].name == name) return e;
  }
  return std::nullopt;
}

// The scenario as a design question needs it: the two arms (A first), and no days after the
// outcome is known.
Scenario design_scenario(const Scenario& scenario, const std::string& arm, const std::string& vs,
                         const DesignOutcome& outcome) {
  Scenario s = scenario;
  s.arms = {scenario.arms[arm_index(scenario, arm, "--arm")]};
  if (!vs.empty()) s.arms.push_back(scenario.arms[arm_index(scenario, vs, "--vs")]);
  if (outcome.is_event) {
    s.days = std::min(scenario.days, outcome.day + 1);
    std::erase_if(s.assess_days, [&](int d) { return d > s.days; });
    if (s.assess_days.empty()) s.assess_days = {0};
  } else {
    s.days = std::min(scenario.days, std::max(outcome.day, 1));
    s.assess_days = {outcome.baseline_day, outcome.day};
  }
  return s;
}

// Reads the chronic state at the two assessment days and the events of one life.
class OutcomeObserver final : public LifeObserver {
 public:
  explicit OutcomeObserver(const DesignOutcome& outcome) : outcome_(outcome) {}
  void day(int day, const ChronicState& state) override {
    if (outcome_.is_event) return;
    if (day == outcome_.baseline_day) baseline_ = chronic_values(state)[outcome_.observable];
    if (day == outcome_.day) value_ = chronic_values(state)[outcome_.observable];
  }
  void event(const EventRecord& record) override { events_.push_back(record); }
  [[nodiscard]] double value(std::size_t event) const {
    if (!outcome_.is_event) return value_ - baseline_;
    for (const EventRecord& r : events_) {
      if (r.index == event) return r.value;
    }
    return kNaN;
  }

 private:
  const DesignOutcome& outcome_;
  double baseline_ = kNaN;
  double value_ = kNaN;
  std::vector<EventRecord> events_;
};

double one_life(const Scenario& s, std::size_t arm, const ModelParams& params,
                const SolverConfig& config, const RestCycle& rest, const DesignOutcome& outcome) {
  const Subject subject = typical_subject(s.population, params.norms);
  AttendEverySession everyone;
  OutcomeObserver observer(outcome);
  const Life life =
      live(s, s.arms[arm], subject, 1.0, s.days, params, config, rest, everyone, observer);
  if (life.failure_code != Life::none) return kNaN;
  return observer.value(outcome.event_index[arm]);
}

// A ranking key: NaN (no estimate) ranks last.
double ranked(double v) { return std::isnan(v) ? -std::numeric_limits<double>::infinity() : v; }

// Runs f(0) … f(n − 1) in parallel in batches, reporting progress and checking for cancellation
// between batches; results are stored by index, so the numbers do not depend on the batching.
void run_batches(std::size_t n, int threads, const std::atomic<bool>* cancel,
                 const DesignProgress& progress, const std::function<void(std::size_t)>& f) {
  const std::size_t batch = 64;
  for (std::size_t first = 0; first < n; first += batch) {
    if (cancel != nullptr && cancel->load()) throw Cancelled();
    const std::size_t count = std::min(batch, n - first);
    parallel_for_index(count, threads, [&](std::size_t k) {
      if (cancel != nullptr && cancel->load()) return;
      f(first + k);
    });
    if (progress) {
      progress(static_cast<std::int64_t>(first + count), static_cast<std::int64_t>(n));
    }
  }
  if (cancel != nullptr && cancel->load()) throw Cancelled();
}

}  // namespace

const char* training_setting_name(TrainingSetting setting) {
  switch (setting) {
    case TrainingSetting::supervised:
      return "supervised";
    case TrainingSetting::group:
      return "group";
    case TrainingSetting::home:
      return "home";
    case TrainingSetting::lab:
      return "lab";
  }
  return "supervised";
}

DesignOutcome resolve_outcome(const Scenario& scenario, const std::string& arm,
                              const std::string& vs, const std::string& name,
                              std::optional<int> day) {
  const Arm& a = scenario.arms[arm_index(scenario, arm, "--arm")];
  const Arm* b = vs.empty() ? nullptr : &scenario.arms[arm_index(scenario, vs, "--vs")];
  DesignOutcome o;
  o.name = name;
  for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
    if (chronic_observables()[k].name != name) continue;
    o.observable = k;
    o.unit = std::string(chronic_observables()[k].unit);
    if (!day) {
      throw DesignError(fmt::format("--day: the chronic outcome '{}' needs an assessment day ({})",
                                    name, fmt::join(scenario.assess_days, ", ")));
    }
    const auto& days = scenario.assess_days;
    if (days.size() < 2 || std::ranges::find(days.begin() + 1, days.end(), *day) == days.end()) {
      throw DesignError(fmt::format(
          "--day {}: not an assessment day after the first; {} assesses on days {}", *day,
          scenario.file.empty() ? scenario.name : scenario.file, fmt::join(days, ", ")));
    }
    o.day = *day;
    o.baseline_day = days.front();
    return o;
  }
  const std::optional<std::size_t> ea = event_index(a, name);
  const std::optional<std::size_t> eb =
      b != nullptr ? event_index(*b, name) : std::optional<std::size_t>{0};
  if (!ea || !eb) {
    const Arm& missing = !ea ? a : *b;
    std::vector<std::string> events;
    for (const EventSpec& e : missing.events) events.push_back(e.name);
    std::vector<std::string> chronic;
    for (const ObservableInfo& info : chronic_observables()) chronic.emplace_back(info.name);
    throw DesignError(fmt::format(
        "--outcome '{}': neither a chronic observable ({}) nor an event of arm '{}' ({})", name,
        fmt::join(chronic, ", "), missing.name,
        events.empty() ? std::string("it has none") : fmt::format("{}", fmt::join(events, ", "))));
  }
  const EventSpec& spec = a.events[*ea];
  if (b != nullptr && b->events[*eb].day != spec.day) {
    throw DesignError(
        fmt::format("--outcome '{}': the event is on day {} in arm '{}' but on day {} in '{}'",
                    name, spec.day, a.name, b->events[*eb].day, b->name));
  }
  if (day && *day != spec.day) {
    throw DesignError(fmt::format("--day {}: the event '{}' is on day {}", *day, name, spec.day));
  }
  o.is_event = true;
  o.day = spec.day;
  o.unit = event_unit(spec);
  o.event_index = {*ea, *eb};
  return o;
}

PowerResult estimate_power(const Scenario& scenario, const ModelParams& params,
                           const PowerOptions& options, const SolverConfig& config) {
  if (options.vs.empty()) throw DesignError("--vs: power needs a second arm to compare with");
  if (options.vs == options.arm) throw DesignError("--vs: the two arms must differ");
  if (options.n.empty()) throw DesignError("--n: give at least one sample size per arm");
  for (std::size_t k = 0; k < options.n.size(); ++k) {
    if (options.n[k] < 2 || (k > 0 && options.n[k] <= options.n[k - 1])) {
      throw DesignError("--n: sample sizes per arm must be at least 2 and increasing");
    }
  }
  if (options.replicates < 1) throw DesignError("--replicates: at least 1");
  if (!(options.alpha > 0.0 && options.alpha < 1.0)) throw DesignError("--alpha: in (0, 1)");

  PowerResult r;
  r.arm = options.arm;
  r.vs = options.vs;
  r.outcome = resolve_outcome(scenario, options.arm, options.vs, options.outcome, options.day);
  r.alpha = options.alpha;
  r.replicates = options.replicates;
  r.n = options.n;
  r.test = r.outcome.is_event ? "Welch t test on the measured values at the event, two-sided"
                              : "Welch t test on the change from the first assessment, two-sided";
  Scenario s = design_scenario(scenario, options.arm, options.vs, r.outcome);
  if (options.setting) s.arms[0].setting = *options.setting;
  r.setting = training_setting_name(s.arms[0].setting);

  const auto n_max = static_cast<std::size_t>(options.n.back());
  const std::size_t per_replicate = 2 * n_max;
  const auto replicates = static_cast<std::size_t>(options.replicates);
  const RestCycle rest = compute_rest_cycle(params, config, s.sleep_to_min);
  const RunPlan plan;  // no samples: only the assessments and events are read
  std::vector<double> value(replicates * per_replicate, kNaN);
  std::vector<unsigned char> failed(value.size(), 0);
  std::vector<std::array<int, 2>> sessions(value.size(), {0, 0});  // scheduled, done
  run_batches(value.size(), options.threads, options.cancel, options.progress, [&](std::size_t k) {
    const std::size_t replicate = k / per_replicate;
    const auto id = static_cast<std::int64_t>(k % per_replicate);
    const int arm = static_cast<int>(id % 2);
    const std::uint64_t seed = replicate_seed(options.seed, replicate);
    const AgentTraits traits = sample_agent(s, params, seed, id, arm);
    const AgentResult a = simulate_agent(s, traits, params, config, rest, seed, plan);
    sessions[k] = {a.sessions_scheduled, a.sessions_done};
    if (a.failed) {
      failed[k] = 1;
      return;
    }
    if (r.outcome.is_event) {
      value[k] = a.events[r.outcome.event_index[static_cast<std::size_t>(arm)]];
    } else if (a.assessments.size() == 2) {
      value[k] = a.assessments[1][r.outcome.observable] - a.assessments[0][r.outcome.observable];
    }
  });
  r.agents_simulated = static_cast<std::int64_t>(value.size());
  r.agents_failed = std::count(failed.begin(), failed.end(), 1);
  for (std::size_t arm = 0; arm < 2; ++arm) {
    double scheduled = 0.0;
    double done = 0.0;
    for (std::size_t k = arm; k < sessions.size(); k += 2) {
      scheduled += sessions[k][0];
      done += sessions[k][1];
    }
    r.attendance[arm] = scheduled > 0.0 ? done / scheduled : kNaN;
  }

  std::vector<double> x;
  std::vector<double> y;
  for (const int n : options.n) {
    std::int64_t hits = 0;
    double difference = 0.0;
    double smd = 0.0;
    std::int64_t valid = 0;
    for (std::size_t rep = 0; rep < replicates; ++rep) {
      x.clear();
      y.clear();
      for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
        x.push_back(value[rep * per_replicate + 2 * i]);
        y.push_back(value[rep * per_replicate + 2 * i + 1]);
      }
      const WelchTest w = welch_test(x, y);
      if (!w.valid) continue;
      ++valid;
      if (w.p < options.alpha) ++hits;
      difference += w.difference;
      smd += w.smd;
    }
    const Proportion p = wilson_interval(hits, static_cast<std::int64_t>(replicates));
    r.power.push_back(p.p);
    r.ci95.push_back(p.ci95);
    r.mean_difference.push_back(valid > 0 ? difference / static_cast<double>(valid) : kNaN);
    r.mean_smd.push_back(valid > 0 ? smd / static_cast<double>(valid) : kNaN);
  }
  r.n_for_80 = n_for_power(r.n, r.power, 0.8);
  r.n_for_90 = n_for_power(r.n, r.power, 0.9);
  return r;
}

std::vector<std::string> select_parameters(const std::vector<std::string>& items) {
  const ModelParams defaults;
  std::set<std::string> acute_groups;
  visit_parameters(defaults.acute,
                   [&](std::string_view group, std::string_view, const double&, std::string_view,
                       ValidRange, std::string_view) { acute_groups.emplace(group); });
  std::set<std::string> chronic_groups;
  visit_parameters(defaults.chronic,
                   [&](std::string_view group, std::string_view, const double&, std::string_view,
                       ValidRange, std::string_view) { chronic_groups.emplace(group); });
  const std::vector<ParameterInfo> all = parameter_list(defaults);
  std::set<std::string> chosen;
  for (const std::string& item : items) {
    bool matched = false;
    for (const ParameterInfo& p : all) {
      const std::string group(p.group);
      const bool pick = item == p.full_name() || item == group ||
                        (item == "acute" && acute_groups.contains(group)) ||
                        (item == "chronic" && chronic_groups.contains(group)) ||
                        (item == "all" && group != "population" && group != "measurement");
      if (pick) {
        chosen.insert(p.full_name());
        matched = true;
      }
    }
    if (!matched) {
      throw DesignError(fmt::format(
          "--parameters: '{}' is neither a parameter nor a group (all, acute, chronic, or a group "
          "as `brainload describe` lists them){}",
          item, parameter_suggestion(item)));
    }
  }
  std::vector<std::string> ordered;
  for (const ParameterInfo& p : all) {
    if (chosen.contains(p.full_name())) ordered.push_back(p.full_name());
  }
  return ordered;
}

double reference_outcome(const Scenario& scenario, const ModelParams& params,
                         const std::string& arm, const std::string& vs,
                         const DesignOutcome& outcome, const SolverConfig& config) {
  const Scenario s = design_scenario(scenario, arm, vs, outcome);
  const RestCycle rest = compute_rest_cycle(params, config, s.sleep_to_min);
  const double a = one_life(s, 0, params, config, rest, outcome);
  if (vs.empty()) return a;
  return a - one_life(s, 1, params, config, rest, outcome);
}

SensitivityResult analyse_sensitivity(const Scenario& scenario, const ModelParams& params,
                                      const SensitivityOptions& options,
                                      const SolverConfig& config) {
  if (options.parameters.empty()) throw DesignError("--parameters: no parameter chosen");
  if (options.vs == options.arm) throw DesignError("--vs: the two arms must differ");
  if (options.samples < 2) throw DesignError("--samples: at least 2");
  if (options.spread && !(*options.spread > 0.0)) throw DesignError("--spread: above 0");
  SensitivityResult r;
  r.method = options.method;
  r.arm = options.arm;
  r.vs = options.vs;
  r.samples = options.samples;
  r.outcome = resolve_outcome(scenario, options.arm, options.vs, options.outcome, options.day);
  r.range = options.spread ? fmt::format("±{:g}", *options.spread) : "valid";
  const Scenario s = design_scenario(scenario, options.arm, options.vs, r.outcome);

  for (const std::string& name : options.parameters) {
    const std::optional<ParameterInfo> info = find_parameter(params, name);
    if (!info) throw DesignError(fmt::format("--parameters: no parameter '{}'", name));
    SensitivityParameter p;
    p.name = name;
    p.unit = std::string(info->unit);
    p.value = info->value;
    if (options.spread) {
      const double half = *options.spread * std::abs(p.value);
      p.low = std::max(info->range.min, p.value - half);
      p.high = std::min(info->range.max, p.value + half);
    } else {
      p.low = info->range.min;
      p.high = info->range.max;
    }
    if (!(p.high > p.low)) {  // ±spread of a zero value: nothing to vary
      r.fixed.push_back(name);
      continue;
    }
    r.parameters.push_back(std::move(p));
  }
  if (r.parameters.empty()) {
    throw DesignError(fmt::format(
        "--spread: every chosen parameter is 0, so ±{:g} of it is no interval; leave out "
        "--spread to vary them over their valid ranges",
        options.spread.value_or(0.0)));
  }
  const std::size_t k = r.parameters.size();
  const UnitDesign design =
      options.method == SensitivityMethod::sobol
          ? saltelli_design(k, options.samples, options.seed)
          : morris_design(k, options.samples, options.morris_levels, options.seed);
  r.outcome_at_values =
      reference_outcome(scenario, params, options.arm, options.vs, r.outcome, config);

  std::vector<double> y(design.size(), kNaN);
  run_batches(design.size(), options.threads, options.cancel, options.progress,
              [&](std::size_t row) {
                ModelParams p = params;
                const std::span<const double> x = design.point(row);
                for (std::size_t i = 0; i < k; ++i) {
                  const SensitivityParameter& sp = r.parameters[i];
                  apply_parameter(p, sp.name,
                                  std::clamp(sp.low + x[i] * (sp.high - sp.low), sp.low, sp.high));
                }
                const RestCycle rest = compute_rest_cycle(p, config, s.sleep_to_min);
                double v = one_life(s, 0, p, config, rest, r.outcome);
                if (!options.vs.empty()) v -= one_life(s, 1, p, config, rest, r.outcome);
                y[row] = v;
              });
  r.evaluations = y.size();
  r.failed = static_cast<std::size_t>(
      std::count_if(y.begin(), y.end(), [](double v) { return !std::isfinite(v); }));

  const std::uint64_t bootstrap_seed = mix(options.seed ^ 0xb0075742ULL);
  if (options.method == SensitivityMethod::sobol) {
    const SobolResult sobol = sobol_indices(k, y, options.bootstrap, bootstrap_seed);
    r.mean = sobol.mean;
    r.variance = sobol.variance;
    for (std::size_t i = 0; i < k; ++i) r.parameters[i].sobol = sobol.indices[i];
    std::ranges::stable_sort(r.parameters, std::greater<>(),
                             [](const SensitivityParameter& p) { return ranked(p.sobol.total); });
  } else {
    const std::vector<MorrisIndex> morris =
        morris_indices(design, y, options.bootstrap, bootstrap_seed);
    double sum = 0.0;
    double sum_sq = 0.0;
    double n = 0.0;
    for (const double v : y) {
      if (!std::isfinite(v)) continue;
      sum += v;
      sum_sq += v * v;
      n += 1.0;
    }
    r.mean = n > 0.0 ? sum / n : kNaN;
    r.variance = n > 1.0 ? (sum_sq - sum * sum / n) / (n - 1.0) : kNaN;
    for (std::size_t i = 0; i < k; ++i) r.parameters[i].morris = morris[i];
    std::ranges::stable_sort(r.parameters, std::greater<>(), [](const SensitivityParameter& p) {
      return ranked(p.morris.mu_star);
    });
  }
  return r;
}

}  // namespace brainload
