#include "brainload/io/run_files.hpp"

#include <cmath>

namespace brainload {

namespace {
// JSON has no NaN: write null.
nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }
}  // namespace

nlohmann::json summary_json(const Scenario& scenario, const RunResults& results,
                            const TrialSummary& summary) {
  nlohmann::json j;
  j["scenario"] = scenario.name;
  j["seed"] = results.seed;
  j["agents"] = results.total_agents;
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
        by_day[std::to_string(summary.assess_days[d])] = {{"mean", number(s.mean)},
                                                          {"sd", number(s.sd)},
                                                          {"change_mean", number(s.change_mean)},
                                                          {"change_sd", number(s.change_sd)}};
      }
      outcomes[std::string(chronic_observables()[k].name)] = by_day;
    }
    a["outcomes"] = outcomes;
    j["arms"][arm.name] = a;
  }
  nlohmann::json contrasts = nlohmann::json::array();
  for (const Contrast& c : summary.contrasts) {
    contrasts.push_back({{"arm", c.arm},
                         {"vs", c.vs},
                         {"outcome", c.outcome},
                         {"day", c.day},
                         {"mean_difference", number(c.mean_difference)},
                         {"smd", number(c.smd)},
                         {"ci95", {number(c.ci95_low), number(c.ci95_high)}}});
  }
  j["contrasts"] = contrasts;
  return j;
}

RunOutput run_output(const Scenario& scenario, const RunResults& results, const std::string& command,
                     bool trajectories) {
  RunOutput o;
  o.scenario_name = scenario.name;
  o.scenario_text = scenario.source_text;
  o.model_version = BRAINLOAD_VERSION;
  o.command = command;
  o.seed = results.seed;
  for (const Arm& arm : scenario.arms) o.arm_names.push_back(arm.name);
  for (int d : scenario.assess_days) o.assess_days.push_back(d);
  for (int d : results.plan.sample_days) o.time_days.push_back(d);
  o.quantiles.assign(kQuantiles.begin(), kQuantiles.end());
  o.agents = results.total_agents;

  const auto n = static_cast<std::size_t>(results.total_agents);
  auto agent_var = [&](const char* name, const char* units, const char* long_name, auto get) {
    OutputVariable v{name, units, long_name, {}};
    v.data.reserve(n);
    for (const AgentResult& r : results.agents) v.data.push_back(get(r));
    o.agent_vars.push_back(std::move(v));
  };
  auto agent_int = [&](const char* name, const char* units, const char* long_name, auto get) {
    OutputIntVariable v{name, units, long_name, {}};
    v.data.reserve(n);
    for (const AgentResult& r : results.agents) v.data.push_back(get(r));
    o.agent_int_vars.push_back(std::move(v));
  };
  agent_int("arm_index", "1", "index of the agent's arm in the arm coordinate",
            [](const AgentResult& r) { return static_cast<std::int64_t>(r.traits.arm); });
  agent_var("age_years", "years", "age at the start", [](const AgentResult& r) { return r.traits.subject.age_years; });
  agent_int("female", "1", "1 if female", [](const AgentResult& r) { return std::int64_t{r.traits.subject.female}; });
  agent_int("val66met_carrier", "1", "1 if BDNF Val66Met (Met) carrier",
            [](const AgentResult& r) { return std::int64_t{r.traits.val66met}; });
  agent_var("baseline_vo2max_ml_kg_min", "mL/kg/min", "VO2max at the start",
            [](const AgentResult& r) { return r.traits.subject.vo2max_ml_kg_min; });
  agent_var("hr_rest_bpm", "beats/min", "resting heart rate", [](const AgentResult& r) { return r.traits.subject.hr_rest_bpm; });
  agent_var("lactate_threshold_frac", "1", "lactate threshold, fraction of VO2max",
            [](const AgentResult& r) { return r.traits.subject.lactate_threshold_frac; });
  agent_var("baseline_bdnf_ng_ml", "ng/mL", "resting serum BDNF at the start",
            [](const AgentResult& r) { return r.traits.subject.bdnf_resting_ng_ml; });
  agent_var("baseline_il6_pg_ml", "pg/mL", "resting plasma IL-6 at the start",
            [](const AgentResult& r) { return r.traits.subject.il6_resting_pg_ml; });
  agent_var("trainability", "1", "multiplier of every training gain (sampled)",
            [](const AgentResult& r) { return r.traits.trainability; });
  agent_var("motivation_z", "1", "motivation, SD units (sampled)", [](const AgentResult& r) { return r.traits.motivation; });
  agent_var("baseline_depression_z", "1", "depressive symptoms at the start, SD units",
            [](const AgentResult& r) { return r.traits.baseline_depression; });
  agent_int("sessions_scheduled", "1", "sessions the schedule offered", [](const AgentResult& r) { return std::int64_t{r.sessions_scheduled}; });
  agent_int("sessions_attended", "1", "sessions done", [](const AgentResult& r) { return std::int64_t{r.sessions_done}; });
  agent_int("dropout_day", "1", "day index (days since start) at which the agent dropped out, -1 if never",
            [](const AgentResult& r) { return std::int64_t{r.dropout_day}; });
  agent_int("failed", "1", "1 if the integration failed (excluded from statistics)",
            [](const AgentResult& r) { return std::int64_t{r.failed}; });

  const std::size_t na = o.assess_days.size();
  const std::size_t nt = o.time_days.size();
  for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
    const ObservableInfo& info = chronic_observables()[k];
    OutputVariable v{std::string(info.name), std::string(info.unit), std::string(info.meaning), {}};
    v.data.assign(n * na, std::nan(""));
    for (std::size_t i = 0; i < n; ++i) {
      const AgentResult& r = results.agents[i];
      for (std::size_t d = 0; d < std::min(na, r.assessments.size()); ++d) v.data[i * na + d] = r.assessments[d][k];
    }
    o.outcome_vars.push_back(std::move(v));
  }
  const std::vector<double> q = arm_quantiles(scenario, results);
  const std::size_t nq = kQuantiles.size();
  for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
    const ObservableInfo& info = chronic_observables()[k];
    OutputVariable v{std::string(info.name) + "_quantiles", std::string(info.unit),
                     std::string(info.meaning) + ", per-arm quantiles over agents", {}};
    v.data.resize(o.arm_names.size() * nt * nq);
    for (std::size_t a = 0; a < o.arm_names.size(); ++a) {
      for (std::size_t s = 0; s < nt; ++s) {
        for (std::size_t qi = 0; qi < nq; ++qi) {
          v.data[(a * nt + s) * nq + qi] = q[((a * nt + s) * kChronicObservableCount + k) * nq + qi];
        }
      }
    }
    o.quantile_vars.push_back(std::move(v));
  }
  if (trajectories) {
    for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
      const ObservableInfo& info = chronic_observables()[k];
      OutputVariable v{std::string(info.name) + "_trajectory", std::string(info.unit),
                       std::string(info.meaning) + ", per agent over time", {}};
      v.data.assign(n * nt, std::nan(""));
      for (std::size_t i = 0; i < n; ++i) {
        const AgentResult& r = results.agents[i];
        for (std::size_t s = 0; s < std::min(nt, r.samples.size()); ++s) v.data[i * nt + s] = r.samples[s][k];
      }
      o.trajectory_vars.push_back(std::move(v));
    }
  }
  return o;
}

}  // namespace brainload
