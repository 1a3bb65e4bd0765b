// One agent's life through a scenario: sampling, adherence, session days integrated with the
// acute model, every day stepped with the chronic model. No threads and no I/O here; the
// runner calls it from TBB tasks.
#include "brainload/population/agent.hpp"

#include <algorithm>
#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>

#include "brainload/model/exercise.hpp"
#include "brainload/population/subjects.hpp"
#include "brainload/schedule/calendar.hpp"
#include "brainload/schedule/protocols.hpp"
#include "brainload/schedule/timeline.hpp"
#include "brainload/units.hpp"

namespace brainload {

namespace {

using Engine = boost::random::mt19937_64;

// SplitMix64 (Steele, Lea & Flood 2014): decorrelates the seeds of the per-agent streams so
// that stream k of agent i depends on (seed, i, k) only, never on thread scheduling.
std::uint64_t mix(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

enum class Stream : std::uint64_t { traits = 1, adherence = 2, measurement = 3 };

Engine stream(std::uint64_t seed, std::int64_t id, Stream s) {
  return Engine(mix(mix(seed) ^ mix(static_cast<std::uint64_t>(id) * 4 + static_cast<std::uint64_t>(s))));
}

double normal(Engine& e, double mean = 0.0, double sd = 1.0) {
  return boost::random::normal_distribution<double>(mean, sd)(e);
}

double uniform(Engine& e) { return boost::random::uniform_01<double>()(e); }

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

struct SessionLoads {
  double resistance = 0.0;
  double heavy = 0.0;
};

// Σ reps × (%1RM)² × muscle fraction / 20 (assumed normalisation: a LISA heavy session ≈ 0.8);
// the square weights heavy sets more, as strength gains grow with load (ACSM 2009 stand).
SessionLoads resistance_loads(const Protocol& protocol) {
  constexpr double kNormalisation = 20.0;
  constexpr double kHeavyLoad = 0.7;  // ≥ 70 % 1RM counts as heavy (LISA HRT 70–85 %)
  SessionLoads loads;
  for (const auto& spec : protocol.blocks) {
    if (const auto* r = std::get_if<ResistanceBlock>(&spec.block)) {
      const ExerciseInfo* e = find_exercise(r->exercise);
      if (e == nullptr) continue;
      const double l = r->sets * r->reps * r->load_1rm * r->load_1rm * e->muscle_mass_frac / kNormalisation;
      loads.resistance += l;
      if (r->load_1rm >= kHeavyLoad) loads.heavy += l;
    }
  }
  return loads;
}

std::array<double, kChronicObservableCount> measured(const ChronicState& s,
                                                     const PopulationParams& p, Engine* noise) {
  ChronicState m = s;
  if (noise != nullptr) {
    m.cognition_composite_z += normal(*noise, 0.0, p.cognition_noise_sd);
    m.executive_function_z += normal(*noise, 0.0, p.cognition_noise_sd);
    m.working_memory_z += normal(*noise, 0.0, p.cognition_noise_sd);
    m.depression_z += normal(*noise, 0.0, p.depression_noise_sd);
    m.brain_age_gap_years += normal(*noise, 0.0, p.brain_age_noise_sd);
    m.bdnf_resting_ng_ml += normal(*noise, 0.0, p.bdnf_noise_sd_ng_ml);
    m.strength_1rm_rel *= 1.0 + normal(*noise, 0.0, p.strength_noise_cv);
  }
  return chronic_values(m);
}

}  // namespace

AgentTraits sample_agent(const Scenario& scenario, const PopulationParams& p, std::uint64_t seed,
                         std::int64_t id, int arm) {
  Engine e = stream(seed, id, Stream::traits);
  const PopulationSpec& pop = scenario.population;
  AgentTraits t;
  t.id = id;
  t.arm = arm;
  double age = pop.age.kind == AgeDistribution::Kind::uniform
                   ? boost::random::uniform_real_distribution<double>(pop.age.a, pop.age.b)(e)
                   : normal(e, pop.age.a, pop.age.b);
  age = std::clamp(age, 18.0, 100.0);
  const bool female = uniform(e) < pop.female_fraction;
  Subject s = typical_subject(age, female, pop.training_status);
  s.vo2max_ml_kg_min *= std::exp(normal(e, 0.0, p.vo2max_cv));
  s.hr_rest_bpm = std::clamp(s.hr_rest_bpm + normal(e, 0.0, p.hr_rest_sd_bpm), 42.0, 100.0);
  s.lactate_threshold_frac =
      std::clamp(s.lactate_threshold_frac + normal(e, 0.0, p.lactate_threshold_sd), 0.4, 0.85);
  s.bdnf_resting_ng_ml *= std::exp(normal(e, 0.0, p.bdnf_cv));
  const double fitness_rel = s.vo2max_ml_kg_min /
                             typical_subject(age, female, pop.training_status).vo2max_ml_kg_min;
  s.il6_resting_pg_ml *= std::exp(normal(e, 0.0, p.il6_sd_log)) *
                         std::pow(fitness_rel, p.il6_vo2max_elasticity);
  t.val66met = uniform(e) < p.val66met_carrier_fraction;
  s.bdnf_release_rel = t.val66met ? p.val66met_release_rel : 1.0;
  t.trainability = std::exp(normal(e, 0.0, p.trainability_sd_log));
  t.baseline_depression = normal(e);
  const double r = p.motivation_mood_corr;
  t.motivation = r * t.baseline_depression + std::sqrt(1.0 - r * r) * normal(e);
  t.subject = s;
  return t;
}

RestCycle compute_rest_cycle(const ModelConfig& config) {
  AcuteModel model(config.acute, Subject{}, 0.0);
  AcuteState x = model.resting_state();
  integrate_constant(model, Drive{}, x, -config.spin_up_days * units::kMinutesPerDay, 0.0,
                     config.solver);
  RestCycle cycle;
  cycle.hpa.resize(static_cast<std::size_t>(units::kMinutesPerDay));
  for (std::size_t m = 0; m < cycle.hpa.size(); ++m) {
    cycle.hpa[m] = {x[ix::crh], x[ix::acth], x[ix::cortisol]};
    integrate_constant(model, Drive{}, x, static_cast<double>(m), static_cast<double>(m + 1),
                       config.solver);
  }
  return cycle;
}

AgentResult simulate_agent(const Scenario& scenario, const AgentTraits& traits,
                           const PopulationParams& pp, const ModelConfig& config,
                           const ChronicParams& chronic, const RestCycle& rest,
                           std::uint64_t seed, const RunPlan& plan) {
  AgentResult out;
  out.traits = traits;
  const Arm& arm = scenario.arms[static_cast<std::size_t>(traits.arm)];
  const std::vector<ScheduledSession> sessions = expand_sessions(scenario, arm);
  out.sessions_scheduled = static_cast<int>(sessions.size());
  Engine adherence = stream(seed, traits.id, Stream::adherence);
  Engine noise = stream(seed, traits.id, Stream::measurement);

  ChronicState s = baseline_chronic_state(traits.subject);
  s.depression_z = 0.0;
  std::size_t next_session = 0;
  std::size_t next_assess = 0;
  std::size_t next_sample = 0;
  const auto record = [&](int day) {
    while (next_assess < scenario.assess_days.size() && scenario.assess_days[next_assess] == day) {
      out.assessments.push_back(measured(s, pp, &noise));
      ++next_assess;
    }
    while (next_sample < plan.sample_days.size() && plan.sample_days[next_sample] == day) {
      out.samples.push_back(measured(s, pp, nullptr));
      ++next_sample;
    }
  };

  for (int day = 0; day < scenario.days; ++day) {
    record(day);
    if (!out.dropped_out) {
      const double hazard = pp.dropout_hazard_per_day * std::exp(-pp.dropout_motivation * traits.motivation);
      if (!sessions.empty() && next_session < sessions.size() && uniform(adherence) < hazard) {
        out.dropped_out = true;
        out.dropout_day = day;
      }
    }
    Timeline day_tl;
    DailyDose dose;
    double window_start = 0.0;
    double window_end = 0.0;
    for (; next_session < sessions.size() && sessions[next_session].day <= day; ++next_session) {
      const ScheduledSession& ss = sessions[next_session];
      if (ss.day < day || out.dropped_out) continue;
      const double self_efficacy = pp.self_efficacy_per_log_session * std::log1p(s.sessions_done);
      const double p_attend = logistic(pp.attend_intercept + pp.attend_motivation * traits.motivation +
                                       pp.attend_self_efficacy * self_efficacy -
                                       pp.attend_fatigue * s.fatigue -
                                       pp.attend_mood * (traits.baseline_depression + s.depression_z));
      if (uniform(adherence) >= p_attend) continue;
      const Protocol* protocol = find_protocol(scenario, ss.protocol);
      if (protocol == nullptr) continue;
      const Subject today = acute_subject(traits.subject, s);
      double t = ss.t0_min;
      double max_effort = 0.0;
      if (day_tl.segments.empty()) {
        window_start = t;
      } else if (day_tl.segments.back().t1_min < t) {
        day_tl.segments.push_back({day_tl.segments.back().t1_min, t, Drive{}});
      }
      for (const auto& piece : session_pieces(*protocol, today, config.session, config.acute.osteocalcin)) {
        day_tl.segments.push_back({t, t + piece.minutes, piece.drive});
        t += piece.minutes;
        max_effort = std::max(max_effort, piece.drive.effort);
        dose.aerobic_load += piece.minutes * std::max(0.0, piece.drive.work_vo2max_frac - 0.4) / 10.0;
        if (piece.drive.exercising && piece.drive.cognitive_engagement > 0.0) {
          dose.dual_task_minutes += piece.minutes;
        }
      }
      dose.training_load += (ss.t1_min - ss.t0_min) * max_effort / units::kMinutesPerHour;
      const SessionLoads loads = resistance_loads(*protocol);
      dose.resistance_load += loads.resistance;
      dose.heavy_resistance_load += loads.heavy;
      dose.sessions += 1;
      window_end = t;
    }
    if (dose.sessions > 0) {
      const double end = window_end + pp.recovery_window_min;
      day_tl.segments.push_back({window_end, end, Drive{}});
      day_tl.end_min = end;
      const Subject today = acute_subject(traits.subject, s);
      AcuteModel model(config.acute, today, scenario.start_clock_min);
      AcuteState x = model.resting_state();
      const auto minute = static_cast<std::size_t>(
          std::floor(units::clock_of(window_start, scenario.start_clock_min))) % rest.hpa.size();
      x[ix::crh] = rest.hpa[minute][0];
      x[ix::acth] = rest.hpa[minute][1];
      x[ix::cortisol] = rest.hpa[minute][2];
      integrate_acute(model, day_tl, x, window_start, end, {}, nullptr, config.solver);
      for (std::size_t k = 0; k < ix::count; ++k) {
        if (!std::isfinite(x[k])) {
          out.failed = true;
          out.failure = "non-finite acute state on day " + std::to_string(day);
        }
      }
      dose.bdnf_action = x[ix::dose_bdnf_action];
      dose.osteocalcin = x[ix::dose_osteocalcin];
      dose.vegf = x[ix::dose_vegf];
      dose.hpa_exercise_drive = x[ix::dose_hpa_drive];
      out.sessions_done += dose.sessions;
    }
    step_chronic_day(chronic, dose, traits.trainability, s);
  }
  record(scenario.days);
  return out;
}

}  // namespace brainload
