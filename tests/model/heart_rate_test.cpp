// Heart rate and oxygen uptake on the composed acute model, stepped by a small fixed-step RK4 here
// (no solver library in model tests): time constants read from simulated steps, the slow
// component above the lactate threshold only, recovery to a raised level, drift.
#include "brainload/model/heart_rate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "brainload/model/acute_model.hpp"
#include "brainload/model/oxygen_uptake.hpp"
#include "brainload/model/subject_norms.hpp"

namespace brainload {
namespace {

Drive work(double vo2max_frac) {
  Drive d;
  d.work_vo2max_frac = vo2max_frac;
  d.muscle_intensity_frac = vo2max_frac;
  d.effort = vo2max_frac;
  d.muscle_mass_frac = 0.45;
  d.compound = 0.5;
  d.exercising = vo2max_frac > 0.0;
  return d;
}

// Classic RK4 at a fixed step: accurate enough for time constants of 0.15 min and more.
void advance(AcuteModel& m, AcuteState& x, double t0, double minutes) {
  constexpr double kDt = 0.002;
  const int n = static_cast<int>(std::lround(minutes / kDt));
  AcuteState k1{}, k2{}, k3{}, k4{}, y{};
  double t = t0;
  for (int i = 0; i < n; ++i) {
    m(x, k1, t);
    for (std::size_t j = 0; j < x.size(); ++j) y[j] = x[j] + 0.5 * kDt * k1[j];
    m(y, k2, t + 0.5 * kDt);
    for (std::size_t j = 0; j < x.size(); ++j) y[j] = x[j] + 0.5 * kDt * k2[j];
    m(y, k3, t + 0.5 * kDt);
    for (std::size_t j = 0; j < x.size(); ++j) y[j] = x[j] + kDt * k3[j];
    m(y, k4, t + kDt);
    for (std::size_t j = 0; j < x.size(); ++j) {
      x[j] += kDt / 6.0 * (k1[j] + 2.0 * k2[j] + 2.0 * k3[j] + k4[j]);
    }
    t += kDt;
  }
}

// The state after `x` for 10 min from rest, then `minutes_after` of rest.
AcuteState after_ten_minutes_at(AcuteModel& m, double x, double minutes_after) {
  AcuteState st = m.resting_state();
  m.set_drive(work(x));
  advance(m, st, 0.0, 10.0);
  m.set_drive(Drive{});
  advance(m, st, 10.0, minutes_after);
  return st;
}

struct Samples {
  double vo2_half = 0.0, vo2_2 = 0.0, vo2_6 = 0.0, hr_end = 0.0;
};

// A step from rest to `x` for 6 min: uptake at 0.5, 2 and 6 min.
Samples step(const Subject& s, double x) {
  AcuteModel m(AcuteParams{}, s, 600.0);
  AcuteState st = m.resting_state();
  m.set_drive(work(x));
  Samples out;
  advance(m, st, 0.0, 0.5);
  out.vo2_half = m.vo2_ml_kg_min(st);
  advance(m, st, 0.5, 1.5);
  out.vo2_2 = m.vo2_ml_kg_min(st);
  advance(m, st, 2.0, 4.0);
  out.vo2_6 = m.vo2_ml_kg_min(st);
  out.hr_end = st[ix::kHeartRate];
  return out;
}

// Two-point time constant of the deficit below the end-of-step value.
double tau_from(const Samples& v) {
  return 1.5 / std::log((v.vo2_6 - v.vo2_half) / (v.vo2_6 - v.vo2_2));
}

TEST(HeartRate, HeartRateReserveFollowsHeritagesLineAboveTheVagalRange) {
  const HeartRateParams p;
  const Subject s;  // the norms' relation: a = 0.089, b = 0.971 (Ferri Marini et al. 2023)
  EXPECT_DOUBLE_EQ(s.hrr_vo2r_intercept, SubjectNorms{}.hrr_vo2r_intercept);
  EXPECT_DOUBLE_EQ(s.hrr_vo2r_slope, SubjectNorms{}.hrr_vo2r_slope);
  EXPECT_DOUBLE_EQ(hr_reserve_of_vo2_reserve(p, s, 0.0), 0.0);
  EXPECT_NEAR(hr_reserve_of_vo2_reserve(p, s, 0.5), 0.089 + 0.971 * 0.5, 1e-12);
  // The line reaches the vagal range ρ at vρ = (ρ − a)/b; below it, a straight line from rest.
  const double knot = (p.vagal_range_frac - 0.089) / 0.971;
  EXPECT_NEAR(hr_reserve_of_vo2_reserve(p, s, knot), p.vagal_range_frac, 1e-12);
  EXPECT_NEAR(hr_reserve_of_vo2_reserve(p, s, knot / 2.0), p.vagal_range_frac / 2.0, 1e-12);
  // Above the identity everywhere in exercise, and at HRmax from 94 % of the VO2 reserve on.
  for (double v : {0.1, 0.3, 0.6, 0.9}) EXPECT_GT(hr_reserve_of_vo2_reserve(p, s, v), v) << v;
  EXPECT_NEAR(hr_reserve_of_vo2_reserve(p, s, (1.0 - 0.089) / 0.971), 1.0, 1e-12);
  EXPECT_DOUBLE_EQ(hr_reserve_of_vo2_reserve(p, s, 1.0), 1.0);
}

TEST(HeartRate, SteadyStateIsRestPlusTheReserveShareOfTheRelation) {
  const HeartRateParams p;
  Subject s;
  s.hr_max_bpm = tanaka_hr_max_bpm(40.0);
  EXPECT_DOUBLE_EQ(s.hr_max_bpm, 180.0);  // Tanaka 2001: 208 − 0.7 × 40
  EXPECT_DOUBLE_EQ(heart_rate_steady_bpm(p, s, Drive{}), s.hr_rest_bpm);
  EXPECT_DOUBLE_EQ(heart_rate_steady_bpm(p, s, work(1.0)), s.hr_max_bpm);
  // With the sympathetic part at its steady value and no drift, the target is the steady state.
  for (double x : {0.2, 0.45, 0.7, 0.9}) {
    const double v = (x - 3.5 / s.vo2max_ml_kg_min) / (1.0 - 3.5 / s.vo2max_ml_kg_min);
    const double h = hr_reserve_of_vo2_reserve(p, s, v);
    EXPECT_NEAR(heart_rate_steady_bpm(p, s, work(x)),
                s.hr_rest_bpm + (s.hr_max_bpm - s.hr_rest_bpm) * h, 1e-9)
        << x;
    const double sym = p.sympathetic_share * std::max(0.0, h - p.vagal_range_frac);
    EXPECT_NEAR(heart_rate_target_bpm(p, s, work(x), {sym, 0.0, 0.0}),
                heart_rate_steady_bpm(p, s, work(x)), 1e-9)
        << x;
    // The held-back vagal brake at its steady value hides under the vagal part during an effort.
    const double above =
        std::clamp((h - p.vagal_range_frac) / (1.0 - p.vagal_range_frac), 0.0, 1.0);
    const double held = resting_vagal_brake_frac(p, s) * above;
    EXPECT_NEAR(heart_rate_target_bpm(p, s, work(x), {sym, 0.0, held}),
                heart_rate_steady_bpm(p, s, work(x)), 1e-9)
        << x;
  }
  Drive asleep;
  asleep.awake = false;
  EXPECT_LT(heart_rate_steady_bpm(p, s, asleep), s.hr_rest_bpm);
}

TEST(HeartRate, HrmaxFractionRoundTripsThroughVo2Reserve) {
  const HeartRateParams p;
  const Subject s;  // 25 y: HRmax 190.5, rest 65, VO2max 42
  for (double h : {0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
    Drive d;
    d.work_vo2max_frac = vo2max_frac_from_hrmax_frac(p, s, h);
    EXPECT_NEAR(heart_rate_steady_bpm(p, s, d), h * s.hr_max_bpm, 1e-9) << h;
  }
  // By hand: 63 % HRmax is 120.0 bpm, 0.4384 of the reserve, (0.4384 − 0.089)/0.971 = 0.3598 of
  // the VO2 reserve, 0.0833 + 0.3598 · 0.9167 = 0.413 of VO2max (the identity gave 0.485).
  EXPECT_NEAR(vo2max_frac_from_hrmax_frac(p, s, 0.63), 0.413, 5e-4);
  // HRmax is reached at 94 % of the VO2 reserve, so a prescription at HRmax is 0.943 of VO2max.
  EXPECT_NEAR(vo2max_frac_from_hrmax_frac(p, s, 1.0),
              3.5 / 42.0 + (1.0 - 0.089) / 0.971 * (1.0 - 3.5 / 42.0), 1e-12);
  EXPECT_EQ(vo2max_frac_from_hrmax_frac(p, s, 0.2), 0.0);  // below resting HR
}

TEST(HeartRate, HeartRateReservePrescriptionRoundTripsAndMatchesTheHrmaxOne) {
  const HeartRateParams p;
  const Subject s;  // HRmax 190.5, rest 65
  for (double r : {0.2, 0.4, 0.6, 0.85, 1.0}) {
    Drive d;
    d.work_vo2max_frac = vo2max_frac_from_hrr_frac(p, s, r);
    EXPECT_NEAR(heart_rate_steady_bpm(p, s, d), s.hr_rest_bpm + r * (s.hr_max_bpm - s.hr_rest_bpm),
                1e-9)
        << r;
    // The same heart rate given as a share of HRmax converts to the same work.
    const double hrmax_frac = (s.hr_rest_bpm + r * (s.hr_max_bpm - s.hr_rest_bpm)) / s.hr_max_bpm;
    EXPECT_NEAR(vo2max_frac_from_hrmax_frac(p, s, hrmax_frac), d.work_vo2max_frac, 1e-12) << r;
  }
  // By hand, HERITAGE's line: 60 % HRR is (0.60 − 0.089)/0.971 = 0.526 of the VO2 reserve,
  // 0.0833 + 0.526 · 0.9167 = 0.566 of VO2max (the identity gave 0.633).
  EXPECT_NEAR(vo2max_frac_from_hrr_frac(p, s, 0.6), 0.566, 5e-4);
}

TEST(OxygenUptake, PrimaryTimeConstantReadFromASimulatedStep) {
  const OxygenUptakeParams p;
  Subject young;  // 25 y, lactate threshold 0.60
  const Samples v = step(young, 0.45);
  EXPECT_NEAR(tau_from(v), primary_tau_min(p, young), 0.01 * primary_tau_min(p, young));
  // Murias et al. 2010: ≈ 34 s young untrained; 20-45 s is the physiological range.
  Subject untrained = young;
  untrained.lactate_threshold_frac = p.lt_reference_frac;
  EXPECT_NEAR(primary_tau_min(p, untrained) * 60.0, 34.4, 0.5);
  Subject older = untrained;
  older.age_years = 70.0;
  Subject trained = untrained;
  trained.lactate_threshold_frac = 0.72;
  EXPECT_GT(tau_from(step(older, 0.45)), tau_from(step(untrained, 0.45)) + 0.1);
  EXPECT_LT(tau_from(step(trained, 0.45)), 0.5 * tau_from(step(untrained, 0.45)));
}

TEST(OxygenUptake, SlowComponentOnlyAboveTheLactateThreshold) {
  const Subject s;  // threshold 0.60
  const Samples below = step(s, 0.5);
  const Samples above = step(s, 0.8);
  // Below: the primary exponential alone, no excess over it.
  const double tau = primary_tau_min(OxygenUptakeParams{}, s);
  const double demand = 0.5 * s.vo2max_ml_kg_min;
  EXPECT_NEAR(below.vo2_2, demand - (demand - 3.5) * std::exp(-2.0 / tau), 1e-3);
  EXPECT_NEAR(below.vo2_6, demand - (demand - 3.5) * std::exp(-6.0 / tau), 1e-3);
  EXPECT_GT(above.vo2_6 - above.vo2_2, 2.0);                 // mL/kg/min after phase II
  EXPECT_GT(above.vo2_6, 0.8 * s.vo2max_ml_kg_min + 2.0);    // above the demand
  EXPECT_LE(step(s, 1.0).vo2_6, s.vo2max_ml_kg_min + 1e-9);  // never above VO2max
}

// Özyener et al. 2001: after heavy work the off-transient is mono-exponential, like the moderate
// one; the slow component leaves with the primary component (docs/research/vo2_off_kinetics.md).
// Read without the prolonged component of hours, which the next test covers.
TEST(OxygenUptake, OffKineticsAreMonoExponentialAfterHeavyExercise) {
  const Subject s;
  const auto excess = [&](double x, double minutes_after) {
    AcuteModel m(AcuteParams{}, s, 600.0);
    const AcuteState st = after_ten_minutes_at(m, x, minutes_after);
    return m.vo2_ml_kg_min(st) - st[ix::kVo2Prolonged] - 3.5;
  };
  const double decay_per_min = std::exp(-1.0 / primary_tau_min(OxygenUptakeParams{}, s));
  // Moderate: back to rest within minutes (primary off-kinetics only).
  EXPECT_LT(excess(0.5, 5.0), 0.05);
  // Heavy: a larger excess at the end (the slow component), falling at the primary rate.
  EXPECT_GT(excess(0.85, 0.5), excess(0.5, 0.5) + 2.0);
  EXPECT_NEAR(excess(0.85, 2.0) / excess(0.85, 1.0), decay_per_min, 0.01);
  EXPECT_NEAR(excess(0.85, 3.0) / excess(0.85, 2.0), decay_per_min, 0.01);
  EXPECT_LT(excess(0.85, 10.0), 0.05);
}

// The prolonged EPOC component (oxygen_uptake.hpp): a share of the net exercise O2 that rises
// exponentially with intensity above the lactate threshold, filled during work, emptied with tau_E
// over hours, and part of the observable only once work has stopped.
TEST(OxygenUptake, ProlongedComponentIsAShareOfTheExerciseO2RisingWithIntensity) {
  const Subject s;  // threshold 0.60
  const OxygenUptakeParams p;
  const auto prolonged = [&](double x, double minutes_after) {
    AcuteModel m(AcuteParams{}, s, 600.0);
    return after_ten_minutes_at(m, x, minutes_after)[ix::kVo2Prolonged];
  };
  const auto expected = [&](double x) {
    const double share = p.prolonged_share_at_threshold *
                         std::exp(p.prolonged_share_exponent * (x - s.lactate_threshold_frac));
    return share * (x * s.vo2max_ml_kg_min - 3.5) * (1.0 - std::exp(-10.0 / p.prolonged_tau_min));
  };
  EXPECT_NEAR(prolonged(0.5, 0.0), expected(0.5), 1e-3 * expected(0.5));
  EXPECT_NEAR(prolonged(0.85, 0.0), expected(0.85), 1e-3 * expected(0.85));
  // Per unit of net O2, the share at 0.85 exceeds the share at 0.5 by exp(b · 0.35).
  EXPECT_NEAR(prolonged(0.85, 0.0) / (0.85 * s.vo2max_ml_kg_min - 3.5) /
                  (prolonged(0.5, 0.0) / (0.5 * s.vo2max_ml_kg_min - 3.5)),
              std::exp(p.prolonged_share_exponent * 0.35), 1e-2);
  EXPECT_NEAR(prolonged(0.85, 120.0) / prolonged(0.85, 60.0), std::exp(-60.0 / p.prolonged_tau_min),
              1e-3);
  // In the uptake after work, not during it.
  AcuteModel m(AcuteParams{}, s, 600.0);
  AcuteState st = m.resting_state();
  m.set_drive(work(0.5));
  advance(m, st, 0.0, 10.0);
  EXPECT_GT(st[ix::kVo2Prolonged], 0.0);
  EXPECT_NEAR(m.vo2_ml_kg_min(st), st[ix::kVo2Primary], 1e-9);
  m.set_drive(Drive{});
  advance(m, st, 10.0, 60.0);
  EXPECT_NEAR(m.vo2_ml_kg_min(st), 3.5 + st[ix::kVo2Prolonged], 1e-3);
}

TEST(HeartRate, RecoveryIsBiphasicTowardsARaisedLevel) {
  const Subject s;
  AcuteModel m(AcuteParams{}, s, 600.0);
  AcuteState st = m.resting_state();
  m.set_drive(work(0.8));
  advance(m, st, 0.0, 20.0);
  const double end = st[ix::kHeartRate];
  m.set_drive(Drive{});
  advance(m, st, 20.0, 1.0);
  const double one = st[ix::kHeartRate];
  advance(m, st, 21.0, 29.0);
  const double thirty = st[ix::kHeartRate];
  advance(m, st, 50.0, 180.0);
  const double late = st[ix::kHeartRate];
  const double excess = end - s.hr_rest_bpm;
  // A fast vagal phase that leaves most of the excess after one minute …
  EXPECT_GT(end - one, 0.1 * excess);
  EXPECT_LT(end - one, 0.5 * excess);
  // … then a slow phase: still raised half an hour after, back at rest hours later.
  EXPECT_GT(thirty - s.hr_rest_bpm, 3.0);
  EXPECT_LT(thirty - s.hr_rest_bpm, 0.25 * excess);
  EXPECT_LT(std::abs(late - s.hr_rest_bpm), 0.5);
}

// The fast (vagal) off-time constant, read from the rate while heart rate is above its target:
// at the untrained threshold it is off_tau_min, and from the untrained to the trained threshold it
// shortens by Otsuki et al. 2007's sedentary/endurance ratio (94.4 / 65.9 s).
TEST(HeartRate, VagalReactivationIsFasterWithAHigherLactateThreshold) {
  const HeartRateParams p;
  const auto off_tau = [&](double threshold) {
    Subject s;
    s.lactate_threshold_frac = threshold;
    const Drive rest;
    const double hr = s.hr_rest_bpm + 60.0;
    const double target = heart_rate_target_bpm(p, s, rest, {});
    return (target - hr) / heart_rate_rates(p, s, rest, 3.5, hr, {}).hr_bpm_per_min;
  };
  EXPECT_NEAR(off_tau(p.off_lt_reference_frac), p.off_tau_min, 1e-12);
  EXPECT_NEAR(off_tau(0.55) / off_tau(0.72), 94.4 / 65.9, 2e-3);
  EXPECT_GT(off_tau(0.50), off_tau(0.55));  // below the untrained norm: slower still
}

// The resting vagal brake is the intrinsic rate (Jose & Collison 1970: 118.1 − 0.57·age) less the
// resting rate, in units of the reserve; none when the resting rate is above the intrinsic one.
TEST(HeartRate, RestingVagalBrakeFromIntrinsicHeartRate) {
  const HeartRateParams p;
  Subject s;
  s.age_years = 32.5;
  s.hr_max_bpm = tanaka_hr_max_bpm(s.age_years);
  s.hr_rest_bpm = 69.0;
  EXPECT_NEAR(resting_vagal_brake_frac(p, s), (118.1 - 0.57 * 32.5 - 69.0) / (s.hr_max_bpm - 69.0),
              1e-12);
  s.age_years = 70.0;
  s.hr_rest_bpm = 80.0;  // above IHR at 70 (78.2)
  EXPECT_EQ(resting_vagal_brake_frac(p, s), 0.0);
}

// Half an hour after a maximal effort the excess over rest scales with the resting vagal brake:
// a fit person (resting 55 bpm) stays further above rest than an unfit one (78 bpm) of the same
// age and other traits; light work below the vagal range holds nothing back.
TEST(HeartRate, LateExcessScalesWithTheRestingVagalBrake) {
  const auto excess_after = [](double rest_bpm, double x, double minutes) {
    Subject s;
    s.age_years = 32.5;
    s.hr_max_bpm = tanaka_hr_max_bpm(s.age_years);
    s.hr_rest_bpm = rest_bpm;
    AcuteModel m(AcuteParams{}, s, 600.0);
    const AcuteState st = after_ten_minutes_at(m, x, minutes);
    // The held-back brake in bpm.
    return std::pair{st[ix::kHeartRate] - rest_bpm,
                     st[ix::kHrVagalSlow] * (s.hr_max_bpm - s.hr_rest_bpm)};
  };
  const auto [fit, fit_held] = excess_after(55.0, 1.0, 30.0);
  const auto [unfit, unfit_held] = excess_after(78.0, 1.0, 30.0);
  EXPECT_GT(fit_held, 0.0);
  EXPECT_GT(fit, unfit + 5.0);
  const double intrinsic = 118.1 - 0.57 * 32.5;
  EXPECT_NEAR(fit_held / unfit_held, (intrinsic - 55.0) / (intrinsic - 78.0), 1e-3);
  const auto [light, light_held] = excess_after(69.0, 0.2, 30.0);
  EXPECT_EQ(light_held, 0.0);
  EXPECT_LT(light, 1.0);
}

TEST(HeartRate, DriftsUpwardInLongConstantExercise) {
  const Subject s;
  AcuteModel m(AcuteParams{}, s, 600.0);
  AcuteState st = m.resting_state();
  m.set_drive(work(0.55));  // below the threshold: no VO2 slow component
  advance(m, st, 0.0, 10.0);
  const double ten = st[ix::kHeartRate];
  const double vo2_ten = m.vo2_ml_kg_min(st);
  advance(m, st, 10.0, 50.0);
  EXPECT_NEAR(m.vo2_ml_kg_min(st), vo2_ten, 1e-3);  // same uptake …
  EXPECT_GT(st[ix::kHeartRate], 1.05 * ten);        // … higher heart rate
  EXPECT_LE(st[ix::kHeartRate], s.hr_max_bpm);
}

}  // namespace
}  // namespace brainload
