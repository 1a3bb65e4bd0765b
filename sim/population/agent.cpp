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
#include <stdexcept>
#include <string>

#include "brainload/model/exercise.hpp"
#include "brainload/model/subject_norms.hpp"
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
  return Engine(
      mix(mix(seed) ^ mix(static_cast<std::uint64_t>(id) * 4 + static_cast<std::uint64_t>(s))));
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
constexpr Range kTrainability{0.1, 5.0};  // multiplier
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

// Why an acute state is not physiological, or nullptr. Bounds are generous sanity limits
// (assumed), far outside anything the model produces for a valid input.
const char* acute_state_problem(const AcuteState& x) {
  for (double v : x) {
    if (!std::isfinite(v)) return "non-finite acute state";
  }
  struct Bound {
    std::size_t i;
    double lo, hi;
    const char* what;
  };
  static constexpr std::array<Bound, 10> kBounds{{
      {ix::kHeartRate, 20.0, 260.0, "heart rate out of 20-260 bpm"},
      {ix::kEpinephrine, 0.0, 100.0, "epinephrine out of 0-100 nmol/L"},
      {ix::kNorepinephrine, 0.0, 200.0, "norepinephrine out of 0-200 nmol/L"},
      {ix::kBloodLactate, 0.0, 40.0, "blood lactate out of 0-40 mmol/L"},
      {ix::kBrainLactate, 0.0, 40.0, "brain lactate out of 0-40 mmol/L"},
      {ix::kCbf, 0.2, 3.0, "cerebral blood flow out of 0.2-3 x rest"},
      {ix::kBdnf, 0.0, 500.0, "serum BDNF out of 0-500 ng/mL"},
      {ix::kIl6, 0.0, 5000.0, "IL-6 out of 0-5000 pg/mL"},
      {ix::kCortisol, 0.0, 20.0, "cortisol out of 0-20 x daily mean"},
      {ix::kLc, 0.0, 50.0, "LC firing out of 0-50 Hz"},
  }};
  for (const Bound& b : kBounds) {
    if (x[b.i] < b.lo || x[b.i] > b.hi) return b.what;
  }
  return nullptr;
}

bool chronic_finite(const ChronicState& s) {
  for (double v : chronic_values(s)) {
    if (!std::isfinite(v)) return false;
  }
  return true;
}

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
      const double l =
          r->sets * r->reps * r->load_1rm * r->load_1rm * e->muscle_mass_frac / kNormalisation;
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

// Lays the day's attended session out as pieces of constant drive and adds its loads to the dose.
void add_session_dose(const Protocol& protocol, const ScheduledSession& ss, const Subject& today,
                      const ModelParams& params, std::vector<Segment>& pieces, DailyDose& dose) {
  double t = ss.t0_min;
  double max_effort = 0.0;
  for (const auto& piece :
       session_pieces(protocol, today, params.session, params.acute.osteocalcin)) {
    pieces.push_back({t, t + piece.minutes, piece.drive});
    t += piece.minutes;
    max_effort = std::max(max_effort, piece.drive.effort);
    dose.aerobic_load += piece.minutes * std::max(0.0, piece.drive.work_vo2max_frac - 0.4) / 10.0;
    if (piece.drive.exercising && piece.drive.cognitive_engagement > 0.0) {
      dose.dual_task_minutes += piece.minutes;
    }
  }
  dose.training_load += (ss.t1_min - ss.t0_min) * max_effort / units::kMinutesPerHour;
  const SessionLoads loads = resistance_loads(protocol);
  dose.resistance_load += loads.resistance;
  dose.heavy_resistance_load += loads.heavy;
  dose.sessions += 1;
}

// Rest between and around the pieces over [t0, t1], cut at sleep boundaries.
Timeline day_timeline(const Scenario& scenario, double t0, double t1,
                      const std::vector<Segment>& pieces) {
  Timeline tl;
  tl.end_min = t1;
  std::vector<double> cuts{t0, t1};
  for (const Segment& p : pieces) {
    cuts.push_back(p.t0_min);
    cuts.push_back(p.t1_min);
  }
  const double day0 = std::floor((t0 + scenario.start_clock_min) / units::kMinutesPerDay);
  for (double d = day0 - 1; d <= day0 + 2; d += 1.0) {
    for (double clock : {scenario.sleep_from_min, scenario.sleep_to_min}) {
      const double c = d * units::kMinutesPerDay + clock - scenario.start_clock_min;
      if (c > t0 && c < t1) cuts.push_back(c);
    }
  }
  std::ranges::sort(cuts);
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::size_t next = 0;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const double a = cuts[k];
    const double b = cuts[k + 1];
    if (b <= a || a < t0 || b > t1) continue;
    const double mid = 0.5 * (a + b);
    while (next < pieces.size() && pieces[next].t1_min <= mid) ++next;
    Drive d;
    const bool in_piece = next < pieces.size() && pieces[next].t0_min <= mid;
    if (in_piece) d = pieces[next].drive;
    const bool in_session =
        !pieces.empty() && pieces.front().t0_min <= mid && mid < pieces.back().t1_min;
    d.awake = in_piece || in_session || !is_asleep(scenario, mid);
    tl.segments.push_back({a, b, d});
  }
  return tl;
}

// Excess over rest of the states that carry doses, relative to their resting values.
double dose_excess(const AcuteModel& model, const AcuteState& x) {
  const AcuteState r = model.resting_state();
  double worst = 0.0;
  for (std::size_t i : {ix::kMuscleLactate, ix::kBoneSignal})
    worst = std::max(worst, std::abs(x[i]));
  for (std::size_t i : {ix::kBloodLactate, ix::kVegf, ix::kBdnf, ix::kOsteocalcin, ix::kEpinephrine,
                        ix::kBrainNe}) {
    worst = std::max(worst, std::abs(x[i] - r[i]) / r[i]);
  }
  return worst;
}

// The session-window strategy: from rest at the first piece until the dose-carrying states are
// back at rest (no earlier than min_window_min after the last piece, at most a day).
AcuteState integrate_window(const Scenario& scenario, const Subject& today,
                            const ModelParams& params, const SolverConfig& config,
                            const RestCycle& rest,
                            const std::vector<Segment>& pieces) {
  const double start = pieces.front().t0_min;
  const double earliest_end = pieces.back().t1_min + config.min_window_min;
  double end = pieces.back().t1_min;
  Timeline tl = day_timeline(scenario, start, end, pieces);
  AcuteModel model(params.acute, today, scenario.start_clock_min);
  AcuteState x = model.resting_state();
  const auto minute =
      static_cast<std::size_t>(std::floor(units::clock_of(start, scenario.start_clock_min))) %
      rest.hpa.size();
  x[ix::kCrh] = rest.hpa[minute][0];
  x[ix::kActh] = rest.hpa[minute][1];
  x[ix::kCortisol] = rest.hpa[minute][2];
  integrate_acute(model, tl, x, start, end, {}, nullptr, config.solver);
  constexpr double kExtendMin = 30.0;
  const double limit = start + units::kMinutesPerDay;
  // Multi-rate tail: once the fast states are back at rest they are held there and only the
  // slow dose-carrying states are integrated, on steps set by their own time scales.
  const AcuteState r = model.resting_state();
  // The states that make explicit steps short (time constants of seconds to minutes) and that
  // reach the doses; the rest (heart rate, cerebral blood flow and strain, IL-6, brain lactate,
  // the HPA axis) feed no daily dose and are simply held once these are at rest.
  constexpr std::array kFast{ix::kEpinephrine, ix::kVagal, ix::kNts, ix::kLc, ix::kMuscleLactate};
  const auto fast_at_rest = [&] {
    return std::ranges::all_of(kFast, [&](std::size_t i) {
      return std::abs(x[i] - r[i]) <= config.quiescence_rel * std::max(1.0, std::abs(r[i]));
    });
  };
  while ((end < earliest_end || dose_excess(model, x) > config.quiescence_rel) && end < limit) {
    if (fast_at_rest()) {
      for (std::size_t i : kFast) x[i] = r[i];
      model.set_slow_only(true);
    }
    const double next = std::min(limit, end + kExtendMin);
    tl = day_timeline(scenario, end, next, {});
    integrate_acute(model, tl, x, end, next, {}, nullptr, config.solver);
    end = next;
  }
  return x;
}

void read_doses(const AcuteState& x, DailyDose& dose) {
  dose.bdnf_action = x[ix::kDoseBdnfAction];
  dose.osteocalcin = x[ix::kDoseOsteocalcin];
  dose.vegf = x[ix::kDoseVegf];
  dose.hpa_exercise_drive = x[ix::kDoseHpaDrive];
}

}  // namespace

AgentTraits sample_agent(const Scenario& scenario, const ModelParams& params, std::uint64_t seed,
                         std::int64_t id, int arm) {
  const PopulationParams& p = params.population;
  Engine e = stream(seed, id, Stream::traits);
  const PopulationSpec& pop = scenario.population;
  AgentTraits t;
  t.id = id;
  t.arm = arm;
  const double age = draw_in(kAge, "age", [&] {
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
      s.vo2max_ml_kg_min / typical_subject(age, female, pop.training_status, params.norms).vo2max_ml_kg_min;
  s.il6_resting_pg_ml = draw_in(kIl6, "resting IL-6", [&] {
    return typical.il6_resting_pg_ml * std::exp(normal(e, 0.0, p.il6_sd_log)) *
           std::pow(fitness_rel, p.il6_vo2max_elasticity);
  });
  t.val66met = uniform(e) < p.val66met_carrier_fraction;
  s.bdnf_release_rel = t.val66met ? p.val66met_release_rel : 1.0;
  t.trainability = draw_in(kTrainability, "trainability",
                           [&] { return std::exp(normal(e, 0.0, p.trainability_sd_log)); });
  t.baseline_depression = normal(e);
  const double r = p.motivation_mood_corr;
  t.motivation = r * t.baseline_depression + std::sqrt(1.0 - r * r) * normal(e);
  t.subject = s;
  return t;
}

RestCycle compute_rest_cycle(const ModelParams& params, const SolverConfig& config) {
  AcuteModel model(params.acute, Subject{}, 0.0);
  AcuteState x = model.resting_state();
  integrate_constant(model, Drive{}, x, -config.spin_up_days * units::kMinutesPerDay, 0.0,
                     config.solver);
  RestCycle cycle;
  cycle.hpa.resize(static_cast<std::size_t>(units::kMinutesPerDay));
  for (std::size_t m = 0; m < cycle.hpa.size(); ++m) {
    cycle.hpa[m] = {x[ix::kCrh], x[ix::kActh], x[ix::kCortisol]};
    integrate_constant(model, Drive{}, x, static_cast<double>(m), static_cast<double>(m + 1),
                       config.solver);
  }
  return cycle;
}

AgentResult simulate_agent(const Scenario& scenario, const AgentTraits& traits,
                           const ModelParams& params, const SolverConfig& config,
                           const RestCycle& rest, std::uint64_t seed, const RunPlan& plan) {
  const PopulationParams& pp = params.population;
  const ChronicParams& chronic = params.chronic;
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

  // The continuous strategy carries the acute state across days (spun up to t = 0 at rest).
  AcuteState carried{};
  if (config.strategy == AcuteStrategy::continuous) {
    AcuteModel model(params.acute, traits.subject, scenario.start_clock_min);
    carried = model.resting_state();
    integrate_constant(model, Drive{}, carried, -config.spin_up_days * units::kMinutesPerDay, 0.0,
                       config.solver);
  }

  for (int day = 0; day < scenario.days; ++day) {
    record(day);
    if (!out.dropped_out) {
      const double hazard =
          pp.dropout_hazard_per_day * std::exp(-pp.dropout_motivation * traits.motivation);
      if (!sessions.empty() && next_session < sessions.size() && uniform(adherence) < hazard) {
        out.dropped_out = true;
        out.dropout_day = day;
      }
    }
    DailyDose dose;
    std::vector<Segment> pieces;  // the attended sessions of the day, in time order
    for (; next_session < sessions.size() && sessions[next_session].day <= day; ++next_session) {
      const ScheduledSession& ss = sessions[next_session];
      if (ss.day < day || out.dropped_out) continue;
      const double self_efficacy = pp.self_efficacy_per_log_session * std::log1p(s.sessions_done);
      const double setting = arm.setting == TrainingSetting::group  ? pp.attend_group
                             : arm.setting == TrainingSetting::home ? pp.attend_home
                                                                    : 0.0;
      const double p_attend =
          logistic(pp.attend_intercept + setting + pp.attend_motivation * traits.motivation +
                   pp.attend_self_efficacy * self_efficacy - pp.attend_fatigue * s.fatigue -
                   pp.attend_mood * (traits.baseline_depression + s.depression_z));
      if (uniform(adherence) >= p_attend) continue;
      const Protocol* protocol = find_protocol(scenario, ss.protocol);
      if (protocol == nullptr) continue;
      add_session_dose(*protocol, ss, acute_subject(traits.subject, s), params, pieces, dose);
    }
    const Subject today = acute_subject(traits.subject, s);
    const char* problem = nullptr;
    std::string solver_error;
    try {
      if (config.strategy == AcuteStrategy::continuous) {
        const double t0 = day * units::kMinutesPerDay;
        const Timeline tl = day_timeline(scenario, t0, t0 + units::kMinutesPerDay, pieces);
        AcuteModel model(params.acute, today, scenario.start_clock_min);
        for (std::size_t k = ix::kFirstDose; k < ix::kCount; ++k) carried[k] = 0.0;
        integrate_acute(model, tl, carried, t0, tl.end_min, {}, nullptr, config.solver);
        problem = acute_state_problem(carried);
        read_doses(carried, dose);
      } else if (!pieces.empty()) {
        AcuteState x = integrate_window(scenario, today, params, config, rest, pieces);
        problem = acute_state_problem(x);
        read_doses(x, dose);
      }
    } catch (const std::exception& err) {  // odeint: step-size underflow, no progress
      solver_error = err.what();
    }
    if (problem != nullptr || !solver_error.empty()) {
      out.failed = true;
      out.failure_code = problem != nullptr ? AgentResult::out_of_bounds : AgentResult::solver;
      out.failure =
          (problem != nullptr ? std::string(problem) : "integration failed: " + solver_error) +
          " on day " + std::to_string(day);
      break;
    }
    out.sessions_done += dose.sessions;
    step_chronic_day(chronic, dose, traits.trainability, s);
    if (!chronic_finite(s)) {
      out.failed = true;
      out.failure_code = AgentResult::out_of_bounds;
      out.failure = "non-finite chronic state on day " + std::to_string(day);
      break;
    }
  }
  if (out.failed) return out;  // excluded from statistics; assessments stay incomplete
  record(scenario.days);
  return out;
}

}  // namespace brainload
