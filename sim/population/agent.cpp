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
#include <limits>
#include <stdexcept>
#include <string>

#include "brainload/model/measurement.hpp"
#include "brainload/model/subject_norms.hpp"
#include "brainload/schedule/calendar.hpp"
#include "brainload/schedule/protocols.hpp"
#include "brainload/schedule/timeline.hpp"
#include "brainload/units.hpp"

namespace brainload {

PopulationParams averaged_over_tests(PopulationParams p, int tests) {
  const double k = 1.0 / std::sqrt(static_cast<double>(std::max(1, tests)));
  for (double* sd : {&p.cognition_noise_sd, &p.depression_noise_sd, &p.brain_age_noise_sd,
                     &p.bdnf_noise_sd_ng_ml, &p.strength_noise_cv, &p.il6_noise_cv,
                     &p.vo2max_noise_cv, &p.hippocampal_volume_noise_cv, &p.resting_hr_noise_cv}) {
    *sd *= k;
  }
  return p;
}

namespace {

using Engine = AssessmentEngine;

// SplitMix64 (Steele, Lea & Flood 2014): decorrelates the seeds of the per-agent streams so
// that stream k of agent i depends on (seed, i, k) only, never on thread scheduling.
std::uint64_t mix(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

// Stream 4 of agent i is id·4 + 4 = (i + 1)·4 + 0: stream 0 is never used, so no two collide.
enum class Stream : std::uint64_t { traits = 1, adherence = 2, measurement = 3, events = 4 };

Engine stream(std::uint64_t seed, std::int64_t id, Stream s) {
  return Engine(
      mix(mix(seed) ^ mix(static_cast<std::uint64_t>(id) * 4 + static_cast<std::uint64_t>(s))));
}

// The later assessment streams (measure_assessment): the measurement stream's seed, mixed once
// more with a constant of their own, so that each is independent of all four streams above and
// of each other without changing their numbering. Each observable given a test error after the
// first release has its own: one draw per assessment from a shared stream would shift the draws
// of the observable before it at every later assessment.
constexpr std::uint64_t kLateUpperStrength = 0x6c617465u;  // "late"
constexpr std::uint64_t kLateRestingHr = 0x68727374u;      // "hrst"

Engine late_measurement_stream(std::uint64_t seed, std::int64_t id, std::uint64_t tag) {
  return Engine(mix(mix(mix(seed) ^ mix(static_cast<std::uint64_t>(id) * 4 +
                                        static_cast<std::uint64_t>(Stream::measurement))) ^
                    tag));
}

double normal(Engine& e, double mean = 0.0, double sd = 1.0) {
  return boost::random::normal_distribution<double>(mean, sd)(e);
}

double uniform(Engine& e) { return boost::random::uniform_01<double>()(e); }

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// Physical ranges of sampled traits: a draw outside is rejected and drawn again from the same
// stream (so the result stays a function of the seed), never clamped onto the edge and never
// discovered mid-run. Ranges are assumed bounds of healthy adults.
struct Range {
  double lo, hi;
};
constexpr Range kAge{18.0, 100.0};        // years
constexpr Range kVo2max{10.0, 90.0};      // mL/kg/min
constexpr Range kHrRest{38.0, 110.0};     // bpm
constexpr Range kThreshold{0.35, 0.9};    // fraction of VO2max
constexpr Range kBdnf{5.0, 90.0};         // ng/mL serum
constexpr Range kIl6{0.2, 25.0};          // pg/mL
constexpr Range kTrainability{0.0, 5.0};  // multiplier (0: a true non-responder)
constexpr int kMaxDraws = 1000;

template <class Draw>
double draw_in(Range r, const char* what, Draw draw) {
  for (int k = 0; k < kMaxDraws; ++k) {
    const double v = draw();
    if (v >= r.lo && v <= r.hi) return v;
  }
  throw std::invalid_argument(std::string("population: cannot sample ") + what + " inside [" +
                              std::to_string(r.lo) + ", " + std::to_string(r.hi) +
                              "]; check the scenario's [population] distributions");
}

// The streams of an agent's assessment error (measure_assessment).
struct AssessmentNoise {
  Engine& first;
  Engine& late;
  Engine& resting_hr;
};

std::array<double, kChronicObservableCount> measured(const ChronicState& s,
                                                     const PopulationParams& p,
                                                     const AssessmentNoise* noise) {
  return noise != nullptr ? measure_assessment(s, p, noise->first, noise->late, noise->resting_hr)
                          : chronic_values(s);
}

// Adherence of a trial arm: a dropout hazard each day, an attendance draw per session
// (logistic in motivation, self-efficacy, fatigue and mood, shifted by the setting).
class TrialAttendance final : public AttendanceRule {
 public:
  TrialAttendance(const PopulationParams& p, const Arm& arm, const AgentTraits& traits,
                  Engine& draws)
      : p_(p), arm_(arm), traits_(traits), draws_(draws) {}

  bool stays(int /*day*/, const ChronicState& /*state*/) override {
    const double hazard =
        p_.dropout_hazard_per_day * std::exp(-p_.dropout_motivation * traits_.motivation);
    return uniform(draws_) >= hazard;
  }

  bool attends(const ScheduledSession& /*session*/, const ChronicState& s) override {
    const double self_efficacy = p_.self_efficacy_per_log_session * std::log1p(s.sessions_done);
    const double setting = arm_.setting == TrainingSetting::group  ? p_.attend_group
                           : arm_.setting == TrainingSetting::home ? p_.attend_home
                                                                   : 0.0;
    const double p_attend =
        logistic(p_.attend_intercept + setting + p_.attend_motivation * traits_.motivation +
                 p_.attend_self_efficacy * self_efficacy - p_.attend_fatigue * s.fatigue -
                 p_.attend_mood * (traits_.baseline_depression + s.depression_z));
    return uniform(draws_) < p_attend;
  }

 private:
  const PopulationParams& p_;
  const Arm& arm_;
  const AgentTraits& traits_;
  Engine& draws_;
};

// A trial agent's observer: assessments (with test noise) and chronic samples at the start of
// their days, and events with the assay's or the test's measurement error.
class TrialObserver final : public LifeObserver {
 public:
  TrialObserver(const Scenario& scenario, const Arm& arm, const ModelParams& params,
                const RunPlan& plan, AgentResult& out, AssessmentNoise assessment_noise,
                Engine& event_noise)
      : scenario_(scenario),
        arm_(arm),
        params_(params),
        measurement_(averaged_over_tests(params.population, scenario.population.assessment_tests)),
        plan_(plan),
        out_(out),
        assessment_noise_(assessment_noise),
        event_noise_(event_noise) {
    out_.events.assign(arm.events.size(), std::numeric_limits<double>::quiet_NaN());
  }

  void day(int day, const ChronicState& s) override {
    while (next_assess_ < scenario_.assess_days.size() &&
           scenario_.assess_days[next_assess_] == day) {
      out_.assessments.push_back(measured(s, measurement_, &assessment_noise_));
      ++next_assess_;
    }
    while (next_sample_ < plan_.sample_days.size() && plan_.sample_days[next_sample_] == day) {
      out_.samples.push_back(measured(s, params_.population, nullptr));
      ++next_sample_;
    }
  }

  void event(const EventRecord& r) override {
    if (!std::isfinite(r.value)) return;
    const EventSpec& spec = arm_.events[r.index];
    const AssayError error = assay_error(
        params_.measurement, spec.type == EventType::measure ? spec.observable : std::string());
    const double e = normal(event_noise_, 0.0, error.sd);
    out_.events[r.index] = error.relative ? r.value * (1.0 + e) : r.value + e;
  }

 private:
  const Scenario& scenario_;
  const Arm& arm_;
  const ModelParams& params_;
  PopulationParams measurement_;  // the test-retest errors of one assessment
  const RunPlan& plan_;
  AgentResult& out_;
  AssessmentNoise assessment_noise_;
  Engine& event_noise_;
  std::size_t next_assess_ = 0;
  std::size_t next_sample_ = 0;
};

}  // namespace

std::array<double, kChronicObservableCount> measure_assessment(const ChronicState& s,
                                                               const PopulationParams& p,
                                                               AssessmentEngine& noise,
                                                               AssessmentEngine& late_noise,
                                                               AssessmentEngine& resting_hr_noise) {
  ChronicState m = s;
  // The order of the draws is part of the result (same seed, same numbers): do not reorder;
  // a new observable's error goes at the end.
  m.cognition_composite_z += normal(noise, 0.0, p.cognition_noise_sd);
  m.executive_function_z += normal(noise, 0.0, p.cognition_noise_sd);
  m.working_memory_z += normal(noise, 0.0, p.cognition_noise_sd);
  m.depression_z += normal(noise, 0.0, p.depression_noise_sd);
  m.brain_age_gap_years += normal(noise, 0.0, p.brain_age_noise_sd);
  m.bdnf_resting_ng_ml += normal(noise, 0.0, p.bdnf_noise_sd_ng_ml);
  m.strength_1rm_rel *= 1.0 + normal(noise, 0.0, p.strength_noise_cv);
  m.vo2max_ml_kg_min *= 1.0 + normal(noise, 0.0, p.vo2max_noise_cv);
  m.hippocampal_volume_rel *= 1.0 + normal(noise, 0.0, p.hippocampal_volume_noise_cv);
  // IL-6: lognormal with the given CV and the same mean (σ² = ln(1 + CV²)); a CV of 27 % under
  // the additive form would give a negative concentration about once in 10⁴ readings.
  const double sigma = std::sqrt(std::log1p(p.il6_noise_cv * p.il6_noise_cv));
  m.il6_resting_pg_ml *= std::exp(normal(noise, 0.0, sigma) - 0.5 * sigma * sigma);
  // Added after the first release: from the second stream (see the header).
  m.upper_strength_1rm_rel *= 1.0 + normal(late_noise, 0.0, p.strength_noise_cv);
  m.resting_heart_rate_bpm *= 1.0 + normal(resting_hr_noise, 0.0, p.resting_hr_noise_cv);
  return chronic_values(m);
}

AgentTraits sample_agent(const Scenario& scenario, const ModelParams& params, std::uint64_t seed,
                         std::int64_t id, int arm) {
  const PopulationParams& p = params.population;
  Engine e = stream(seed, id, Stream::traits);
  const PopulationSpec& pop = scenario.population;
  AgentTraits t;
  t.id = id;
  t.arm = arm;
  const double age = draw_in(kAge, "age", [&] {
    if (pop.age.kind == AgeDistribution::Kind::uniform && !(pop.age.a < pop.age.b)) {
      // A single age (min = max, e.g. the classroom page's fixed age): boost's uniform
      // distribution requires min < max. Discard the engine draw it would have made, so the
      // traits drawn after the age are the same whatever the age.
      e.discard(1);
      return pop.age.a;
    }
    return pop.age.kind == AgeDistribution::Kind::uniform
               ? boost::random::uniform_real_distribution<double>(pop.age.a, pop.age.b)(e)
               : normal(e, pop.age.a, pop.age.b);
  });
  const bool female = uniform(e) < pop.female_fraction;
  Subject s = typical_subject(age, female, pop.training_status, params.norms);
  const Subject typical = s;
  s.vo2max_ml_kg_min = draw_in(kVo2max, "VO2max", [&] {
    return typical.vo2max_ml_kg_min * std::exp(normal(e, 0.0, p.vo2max_cv));
  });
  s.hr_rest_bpm = draw_in(kHrRest, "resting heart rate",
                          [&] { return typical.hr_rest_bpm + normal(e, 0.0, p.hr_rest_sd_bpm); });
  s.lactate_threshold_frac = draw_in(kThreshold, "lactate threshold", [&] {
    return typical.lactate_threshold_frac + normal(e, 0.0, p.lactate_threshold_sd);
  });
  s.bdnf_resting_ng_ml = draw_in(kBdnf, "resting BDNF", [&] {
    return typical.bdnf_resting_ng_ml * std::exp(normal(e, 0.0, p.bdnf_cv));
  });
  const double fitness_rel =
      s.vo2max_ml_kg_min /
      typical_subject(age, female, pop.training_status, params.norms).vo2max_ml_kg_min;
  s.il6_resting_pg_ml = draw_in(kIl6, "resting IL-6", [&] {
    return typical.il6_resting_pg_ml * std::exp(normal(e, 0.0, p.il6_sd_log)) *
           std::pow(fitness_rel, p.il6_vo2max_elasticity);
  });
  t.val66met = uniform(e) < p.val66met_carrier_fraction;
  s.bdnf_release_rel = t.val66met ? p.val66met_release_rel : 1.0;
  t.trainability = draw_in(kTrainability, "trainability",
                           [&] { return std::max(0.0, 1.0 + p.trainability_sd * normal(e)); });
  // Baseline symptoms: the population's mean plus the person's deviation (the same draw whatever
  // the mean); motivation correlates with the deviation within the population.
  const double depression_deviation = normal(e);
  t.baseline_depression = pop.depression_baseline_z + depression_deviation;
  const double r = p.motivation_mood_corr;
  t.motivation = r * depression_deviation + std::sqrt(1.0 - r * r) * normal(e);
  s.depression_baseline_z = t.baseline_depression;
  t.subject = s;
  return t;
}

AgentResult simulate_agent(const Scenario& scenario, const AgentTraits& traits,
                           const ModelParams& params, const SolverConfig& config,
                           const RestCycle& rest, std::uint64_t seed, const RunPlan& plan) {
  AgentResult out;
  out.traits = traits;
  const Arm& arm = scenario.arms[static_cast<std::size_t>(traits.arm)];
  Engine adherence = stream(seed, traits.id, Stream::adherence);
  Engine noise = stream(seed, traits.id, Stream::measurement);
  Engine late_noise = late_measurement_stream(seed, traits.id, kLateUpperStrength);
  Engine resting_hr_noise = late_measurement_stream(seed, traits.id, kLateRestingHr);
  Engine event_noise = stream(seed, traits.id, Stream::events);
  TrialObserver observer(scenario, arm, params, plan, out,
                         AssessmentNoise{noise, late_noise, resting_hr_noise}, event_noise);
  TrialAttendance drawn(params.population, arm, traits, adherence);
  AttendEverySession lab;
  AttendanceRule& attendance =
      arm.setting == TrainingSetting::lab ? static_cast<AttendanceRule&>(lab) : drawn;
  const Life life = live(scenario, arm, traits.subject, traits.trainability, scenario.days, params,
                         config, rest, attendance, observer);
  out.sessions_scheduled = life.sessions_scheduled;
  out.sessions_done = life.sessions_done;
  out.dropped_out = life.dropped_out;
  out.dropout_day = life.dropout_day;
  out.failure_code = life.failure_code;
  out.failed = life.failure_code != Life::none;
  out.failure = life.failure;
  return out;
}

}  // namespace brainload
