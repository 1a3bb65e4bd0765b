#include "brainload/io/run_files.hpp"

#include <array>
#include <cmath>
#include <functional>
#include <limits>

#include "io/json_number.hpp"

namespace brainload {

namespace {

struct AgentField {
  const char* name;
  const char* units;
  const char* long_name;
  std::function<double(const AgentResult&)> get;
};

struct AgentIntField {
  const char* name;
  const char* units;
  const char* long_name;
  std::function<std::int64_t(const AgentResult&)> get;
};

const std::vector<AgentField>& agent_fields() {
  static const std::vector<AgentField> kFields{
      {"age_years", "years", "age at the start",
       [](const AgentResult& r) { return r.traits.subject.age_years; }},
      {"baseline_vo2max_ml_kg_min", "mL/kg/min", "VO2max at the start",
       [](const AgentResult& r) { return r.traits.subject.vo2max_ml_kg_min; }},
      {"hr_rest_bpm", "beats/min", "resting heart rate",
       [](const AgentResult& r) { return r.traits.subject.hr_rest_bpm; }},
      {"lactate_threshold_frac", "1", "lactate threshold, fraction of VO2max",
       [](const AgentResult& r) { return r.traits.subject.lactate_threshold_frac; }},
      {"baseline_bdnf_ng_ml", "ng/mL", "resting serum BDNF at the start",
       [](const AgentResult& r) { return r.traits.subject.bdnf_resting_ng_ml; }},
      {"baseline_il6_pg_ml", "pg/mL", "resting plasma IL-6 at the start",
       [](const AgentResult& r) { return r.traits.subject.il6_resting_pg_ml; }},
      {"bdnf_release_rel", "1", "activity-dependent BDNF release (Val66Met carriers < 1)",
       [](const AgentResult& r) { return r.traits.subject.bdnf_release_rel; }},
      {"trainability", "1", "multiplier of every training gain (sampled)",
       [](const AgentResult& r) { return r.traits.trainability; }},
      {"motivation_z", "1", "motivation, SD units (sampled)",
       [](const AgentResult& r) { return r.traits.motivation; }},
      {"baseline_depression_z", "1", "depressive symptoms at the start, SD units",
       [](const AgentResult& r) { return r.traits.baseline_depression; }},
  };
  return kFields;
}

const std::vector<AgentIntField>& agent_int_fields() {
  static const std::vector<AgentIntField> kFields{
      {"arm_index", "1", "index of the agent's arm in the arm coordinate",
       [](const AgentResult& r) { return std::int64_t{r.traits.arm}; }},
      {"female", "1", "1 if female",
       [](const AgentResult& r) { return std::int64_t{r.traits.subject.female}; }},
      {"val66met_carrier", "1", "1 if BDNF Val66Met (Met) carrier",
       [](const AgentResult& r) { return std::int64_t{r.traits.val66met}; }},
      {"sessions_scheduled", "1", "sessions the schedule offered",
       [](const AgentResult& r) { return std::int64_t{r.sessions_scheduled}; }},
      {"sessions_attended", "1", "sessions done",
       [](const AgentResult& r) { return std::int64_t{r.sessions_done}; }},
      {"dropout_day", "1",
       "day index (days since start) at which the agent dropped out, -1 if never",
       [](const AgentResult& r) { return std::int64_t{r.dropout_day}; }},
      {"failed", "1", "1 if the integration failed (excluded from statistics)",
       [](const AgentResult& r) { return std::int64_t{r.failed}; }},
      {"failure_code", "1",
       "why the agent failed: 0 none, 1 solver error (step-size underflow), 2 state out of "
       "physiological bounds or not finite",
       [](const AgentResult& r) { return std::int64_t{r.failure_code}; }},
  };
  return kFields;
}

// The `event` dimension: every event name of every arm, in order of first appearance.
std::vector<std::string> event_names(const Scenario& scenario) {
  std::vector<std::string> names;
  for (const Arm& arm : scenario.arms) {
    for (const EventSpec& e : arm.events) {
      if (std::ranges::find(names, e.name) == names.end()) names.push_back(e.name);
    }
  }
  return names;
}

}  // namespace

nlohmann::json summary_json(const Scenario& scenario, std::uint64_t seed, std::int64_t agents,
                            const TrialSummary& summary) {
  nlohmann::json j;
  j["scenario"] = scenario.name;
  j["seed"] = seed;
  j["agents"] = agents;
  j["arms"] = nlohmann::json::object();
  for (const ArmSummary& arm : summary.arms) {
    nlohmann::json a;
    a["n"] = arm.n;
    a["dropouts"] = arm.dropouts;
    a["failed"] = arm.failed;
    a["sessions_scheduled"] = arm.sessions_scheduled;
    a["sessions_done"] = arm.sessions_done;
    nlohmann::json outcomes = nlohmann::json::object();
    for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
      nlohmann::json by_day = nlohmann::json::object();
      for (std::size_t d = 0; d < summary.assess_days.size(); ++d) {
        const OutcomeStats& s = arm.outcomes[d][k];
        by_day[std::to_string(summary.assess_days[d])] = {
            {"mean", json_number_or_null(s.mean)},
            {"sd", json_number_or_null(s.sd)},
            {"change_mean", json_number_or_null(s.change_mean)},
            {"change_sd", json_number_or_null(s.change_sd)}};
      }
      outcomes[std::string(chronic_observables()[k].name)] = by_day;
    }
    a["outcomes"] = outcomes;
    nlohmann::json events = nlohmann::json::object();
    for (const EventStats& e : arm.events) {
      nlohmann::json ej{
          {"type", event_type_name(e.type)}, {"day", e.day}, {"time_min", e.time_min}};
      if (e.type == EventType::measure) ej["observable"] = e.observable;
      ej["unit"] = e.unit;
      ej["n"] = e.n;
      ej["mean"] = e.n > 0 ? json_number_or_null(e.mean) : nlohmann::json();
      ej["sd"] = e.n > 1 ? json_number_or_null(e.sd) : nlohmann::json();
      events[e.name] = ej;
    }
    a["events"] = events;
    j["arms"][arm.name] = a;
  }
  // Outcome and event contrasts share one layout; only the key naming what was compared differs.
  nlohmann::json contrasts = nlohmann::json::array();
  const auto add_contrast = [&contrasts](const Contrast& c, const char* key,
                                         const std::string& compared) {
    contrasts.push_back(
        {{"arm", c.arm},
         {"vs", c.vs},
         {key, compared},
         {"day", c.day},
         {"mean_difference", json_number_or_null(c.mean_difference)},
         {"smd", json_number_or_null(c.smd)},
         {"ci95", {json_number_or_null(c.ci95_low), json_number_or_null(c.ci95_high)}}});
  };
  for (const Contrast& c : summary.contrasts) add_contrast(c, "outcome", c.outcome);
  for (const Contrast& c : summary.event_contrasts) add_contrast(c, "event", c.event);
  j["contrasts"] = contrasts;
  nlohmann::json correlations = nlohmann::json::array();
  for (const Correlation& c : summary.correlations) {
    correlations.push_back({{"arm", c.arm},
                            {"day", c.day},
                            {"x", c.x + " change"},
                            {"y", c.y + " change"},
                            {"pearson_r", json_number_or_null(c.r)},
                            {"n", c.n}});
  }
  j["correlations"] = correlations;
  return j;
}

RunOutput run_layout(const Scenario& scenario, const RunPlan& plan, std::int64_t agents,
                     std::uint64_t seed, const std::string& command, bool trajectories) {
  RunOutput o;
  o.scenario_name = scenario.name;
  o.scenario_text = scenario.source_text;
  o.model_version = BRAINLOAD_VERSION;
  o.command = command;
  o.seed = seed;
  for (const Arm& arm : scenario.arms) o.arm_names.push_back(arm.name);
  for (int d : scenario.assess_days) o.assess_days.push_back(d);
  for (int d : plan.sample_days) o.time_days.push_back(d);
  o.quantiles.assign(kQuantiles.begin(), kQuantiles.end());
  o.agents = agents;
  for (const auto& f : agent_fields()) o.agent_vars.push_back({f.name, f.units, f.long_name, {}});
  for (const auto& f : agent_int_fields())
    o.agent_int_vars.push_back({f.name, f.units, f.long_name, {}});
  for (const auto& info : chronic_observables()) {
    o.outcome_vars.push_back({std::string(info.name),
                              std::string(info.unit),
                              std::string(info.meaning) + ", at each assessment (with test noise)",
                              {}});
  }
  for (const auto& info : chronic_observables()) {
    o.quantile_vars.push_back({std::string(info.name) + "_quantiles",
                               std::string(info.unit),
                               std::string(info.meaning) + ", quantiles over the arm's agents",
                               {}});
  }
  for (const std::string& name : event_names(scenario)) {
    o.event_names.push_back(name);
    for (const Arm& arm : scenario.arms) {
      const auto it = std::ranges::find(arm.events, name, &EventSpec::name);
      if (it != arm.events.end()) {
        o.event_units.push_back(event_unit(*it));
        break;
      }
    }
  }
  if (!o.event_names.empty()) {
    o.event_vars.push_back({"event_value",
                            "various (see event_unit)",
                            "value measured at each scenario event (with the assay's or test's "
                            "measurement error); NaN where the agent's arm has no such event or "
                            "the agent had left the study",
                            {}});
  }
  if (trajectories) {
    for (const auto& info : chronic_observables()) {
      o.trajectory_vars.push_back({std::string(info.name) + "_trajectory",
                                   std::string(info.unit),
                                   std::string(info.meaning) + ", per agent over time",
                                   {}});
    }
  }
  return o;
}

RunOutput agent_block(const Scenario& scenario, const RunPlan& plan,
                      const std::vector<AgentResult>& agents, bool trajectories) {
  RunOutput o;
  const std::size_t n = agents.size();
  for (const auto& f : agent_fields()) {
    OutputVariable v{f.name, f.units, f.long_name, {}};
    for (const AgentResult& r : agents) v.data.push_back(f.get(r));
    o.agent_vars.push_back(std::move(v));
  }
  for (const auto& f : agent_int_fields()) {
    OutputIntVariable v{f.name, f.units, f.long_name, {}};
    for (const AgentResult& r : agents) v.data.push_back(f.get(r));
    o.agent_int_vars.push_back(std::move(v));
  }
  const std::size_t na = scenario.assess_days.size();
  const std::size_t nt = plan.sample_days.size();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
    OutputVariable v{std::string(chronic_observables()[k].name), "", "", {}};
    v.data.assign(n * na, nan);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t d = 0; d < std::min(na, agents[i].assessments.size()); ++d) {
        v.data[i * na + d] = agents[i].assessments[d][k];
      }
    }
    o.outcome_vars.push_back(std::move(v));
  }
  const std::vector<std::string> events = event_names(scenario);
  if (!events.empty()) {
    OutputVariable v{"event_value", "", "", {}};
    v.data.assign(n * events.size(), nan);
    for (std::size_t i = 0; i < n; ++i) {
      const Arm& arm = scenario.arms[static_cast<std::size_t>(agents[i].traits.arm)];
      for (std::size_t e = 0; e < std::min(arm.events.size(), agents[i].events.size()); ++e) {
        const auto column = static_cast<std::size_t>(std::ranges::find(events, arm.events[e].name) -
                                                     events.begin());
        v.data[i * events.size() + column] = agents[i].events[e];
      }
    }
    o.event_vars.push_back(std::move(v));
  }
  if (trajectories) {
    for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
      OutputVariable v{std::string(chronic_observables()[k].name) + "_trajectory", "", "", {}};
      v.data.assign(n * nt, nan);
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t s = 0; s < std::min(nt, agents[i].samples.size()); ++s) {
          v.data[i * nt + s] = agents[i].samples[s][k];
        }
      }
      o.trajectory_vars.push_back(std::move(v));
    }
  }
  return o;
}

std::vector<OutputVariable> quantile_variables(const Scenario& scenario, const RunPlan& plan,
                                               const std::vector<double>& q) {
  std::vector<OutputVariable> out;
  const std::size_t arms = scenario.arms.size();
  const std::size_t nt = plan.sample_days.size();
  const std::size_t nq = kQuantiles.size();
  for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
    OutputVariable v{std::string(chronic_observables()[k].name) + "_quantiles", "", "", {}};
    v.data.resize(arms * nt * nq);
    for (std::size_t a = 0; a < arms; ++a) {
      for (std::size_t s = 0; s < nt; ++s) {
        for (std::size_t qi = 0; qi < nq; ++qi) {
          v.data[(a * nt + s) * nq + qi] =
              q[((a * nt + s) * kChronicObservableCount + k) * nq + qi];
        }
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace brainload
