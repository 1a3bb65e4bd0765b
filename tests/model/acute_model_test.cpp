// The composed acute model: rest is a steady state (apart from the circadian HPA drive and the
// dose integrals), and every derivative is finite.
#include "brainload/model/acute_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace brainload {
namespace {

TEST(AcuteModel, RestIsSteadyExceptCircadianAxis) {
  AcuteModel model(AcuteParams{}, Subject{}, 0.0);
  const AcuteState x = model.resting_state();
  AcuteState dxdt{};
  model(x, dxdt, 0.0);
  for (std::size_t k = 0; k < ix::kCrh; ++k) {
    EXPECT_NEAR(dxdt[k], 0.0, 1e-12) << "state " << k;
  }
  for (std::size_t k = 0; k < ix::kCount; ++k) EXPECT_TRUE(std::isfinite(dxdt[k])) << k;
}

// Hard whole-body work: 90 % of VO2max with half the muscle mass.
Drive hard_drive() {
  Drive d;
  d.work_vo2max_frac = 0.9;
  d.muscle_intensity_frac = 0.9;
  d.effort = 0.9;
  d.muscle_mass_frac = 0.5;
  d.compound = 0.5;
  return d;
}

// Dose-only mode holds exactly the states that feed no daily dose (the cerebral blood flow group,
// oxygen uptake and heart rate, the HPA axis and the plasma volume) and changes no other
// derivative, so the doses (and through them every chronic outcome) follow the same equations
// with it as without; only the solver's steps differ.
TEST(AcuteModel, DoseOnlyModeHoldsWhatFeedsNoDoseAndNothingElse) {
  AcuteModel model(AcuteParams{}, Subject{}, 0.0);
  model.set_drive(hard_drive());
  AcuteState x = model.resting_state();
  x[ix::kBloodLactate] = 8.0;  // so the hypocapnia state moves too
  x[ix::kHypotension] = 3.0;
  for (std::size_t k = 0; k < kCbfDelayStages; ++k)
    x[ix::kCbfDelay + k] = 0.2 / static_cast<double>(k + 1);
  // Mid-session uptake and heart rate, so that each of their parts moves in full mode.
  x[ix::kVo2Primary] = 30.0;
  x[ix::kVo2Recruit] = 0.5;
  x[ix::kVo2Slow] = 2.0;
  x[ix::kVo2Prolonged] = 1.0;
  x[ix::kHeartRate] = 150.0;
  x[ix::kHrSympathetic] = 0.1;
  x[ix::kHrDrift] = 0.05;
  x[ix::kHrVagalSlow] = 0.1;
  x[ix::kCrh] = 1.2;  // off the axis' balance, so that ACTH and cortisol move
  x[ix::kCortisol] = 1.5;
  x[ix::kGlucose] = 4.0;  // below rest, so that the liver's counter-regulation moves it
  AcuteState full{};
  AcuteState dose{};
  model(x, full, 600.0);
  model.set_dose_only(true);
  model(x, dose, 600.0);
  int held = 0;
  for (std::size_t k = 0; k < ix::kCount; ++k) {
    if (AcuteModel::feeds_doses(k)) {
      EXPECT_EQ(dose[k], full[k]) << "state " << k;
    } else {
      EXPECT_EQ(dose[k], 0.0) << "state " << k;
      EXPECT_NE(full[k], 0.0) << "state " << k << " does not move even in full mode";
      ++held;
    }
  }
  // The CBF group (delay chain, flow, hypocapnia, pressor, hypotension), 2 uptake states (primary
  // and prolonged; the slow component and its recruitment feed the lactate pathway's ATP demand)
  // and 4 heart-rate states, CRH, ACTH, cortisol and the plasma volume, liver glycogen and plasma
  // glucose.
  EXPECT_EQ(held, static_cast<int>(kCbfDelayStages) + 4 + 2 + 4 + 4 + 2);
}

// Slow-only mode (the tail of a session window) holds every state but the slow dose-carrying ones
// and the doses, and skips computing the held ones' rates: the slow states and the doses must
// keep exactly the derivatives of the full model, so no slow state may come to read a rate that
// slow-only mode no longer computes (oxygen uptake, heart rate, the HPA axis).
TEST(AcuteModel, SlowOnlyModeKeepsTheSlowDerivativesExactly) {
  AcuteModel model(AcuteParams{}, Subject{}, 0.0);
  model.set_drive(hard_drive());
  AcuteState x = model.resting_state();
  x[ix::kBloodLactate] = 8.0;
  x[ix::kBrainNe] = 1.6;
  x[ix::kVegf] *= 1.3;
  x[ix::kBdnf] *= 1.2;
  x[ix::kIl6] *= 3.0;
  x[ix::kCatDrift] = 0.2;
  x[ix::kHeartRate] = 150.0;
  x[ix::kVo2Primary] = 30.0;
  x[ix::kCortisol] = 1.5;
  AcuteState full{};
  AcuteState slow{};
  model(x, full, 600.0);
  model.set_dose_only(true);  // as in a session window's tail
  model.set_slow_only(true);
  model(x, slow, 600.0);
  int kept = 0;
  for (std::size_t k = 0; k < ix::kCount; ++k) {
    if (k >= ix::kFirstDose || AcuteModel::is_slow_state(k)) {
      EXPECT_EQ(slow[k], full[k]) << "state " << k;
      ++kept;
    } else {
      EXPECT_EQ(slow[k], 0.0) << "state " << k;
    }
  }
  EXPECT_EQ(kept, 9 + static_cast<int>(ix::kCount - ix::kFirstDose));
  // The held ones do move in the full model: the test would see a rate slow-only mode dropped.
  for (std::size_t k : {ix::kHeartRate, ix::kVo2Primary, ix::kCortisol}) EXPECT_NE(full[k], 0.0);
}

TEST(AcuteModel, ExerciseMovesTheFastStatesUp) {
  AcuteModel model(AcuteParams{}, Subject{}, 0.0);
  model.set_drive(hard_drive());
  const AcuteState x = model.resting_state();
  AcuteState dxdt{};
  model(x, dxdt, 0.0);
  EXPECT_GT(dxdt[ix::kHeartRate], 0.0);
  EXPECT_GT(dxdt[ix::kEpinephrine], 0.0);
  EXPECT_GT(dxdt[ix::kNorepinephrine], 0.0);
  EXPECT_GT(dxdt[ix::kMuscleLactate], 0.0);
  EXPECT_GT(dxdt[ix::kIl6Muscle], 0.0);
  // Cerebral flow itself starts after its onset delay: its delay chain and the pressor arm move.
  EXPECT_DOUBLE_EQ(dxdt[ix::kCbf], 0.0);
  EXPECT_GT(dxdt[ix::kCbfDelay], 0.0);
  EXPECT_GT(dxdt[ix::kCbfPressor], 0.0);
}

// Fixed-step RK4 through an exercise bout and the recovery after it; returns the time of the
// peak of state i (min from the start) and its value at the end of the bout and at `after_min`.
struct Course {
  double peak_min;
  double peak;
  double at_end;
  double later;
  double rest;
};
Course course(std::size_t i, const Drive& d, double bout_min, double after_min) {
  AcuteModel model(AcuteParams{}, Subject{}, 600.0);
  AcuteState x = model.resting_state();
  const double rest = x[i];
  constexpr double kH = 0.01;
  Course c{0.0, rest, rest, rest, rest};
  const auto step = [&](double t) {
    AcuteState k1{}, k2{}, k3{}, k4{}, y{};
    model(x, k1, t);
    for (std::size_t j = 0; j < ix::kCount; ++j) y[j] = x[j] + 0.5 * kH * k1[j];
    model(y, k2, t + 0.5 * kH);
    for (std::size_t j = 0; j < ix::kCount; ++j) y[j] = x[j] + 0.5 * kH * k2[j];
    model(y, k3, t + 0.5 * kH);
    for (std::size_t j = 0; j < ix::kCount; ++j) y[j] = x[j] + kH * k3[j];
    model(y, k4, t + kH);
    for (std::size_t j = 0; j < ix::kCount; ++j)
      x[j] += kH / 6.0 * (k1[j] + 2.0 * k2[j] + 2.0 * k3[j] + k4[j]);
  };
  const auto steps = [](double minutes) { return static_cast<int>(std::lround(minutes / kH)); };
  model.set_drive(d);
  for (int n = 0; n < steps(bout_min); ++n) {
    step(n * kH);
    if (x[i] > c.peak) c = {(n + 1) * kH, x[i], x[i], rest, rest};
  }
  c.at_end = x[i];
  model.set_drive(Drive{});
  for (int n = 0; n < steps(after_min); ++n) {
    step(bout_min + n * kH);
    if (x[i] > c.peak) {
      c.peak = x[i];
      c.peak_min = bout_min + (n + 1) * kH;
    }
  }
  c.later = x[i];
  return c;
}

Drive running(double vo2max_frac) {
  Drive d;
  d.work_vo2max_frac = vo2max_frac;
  d.muscle_intensity_frac = vo2max_frac;
  d.effort = vo2max_frac;
  d.muscle_mass_frac = 0.6;
  d.compound = 0.8;
  d.exercising = true;
  return d;
}

// Uptake never exceeds VO2max in a graded test whose rising demand leaves the slow component of
// earlier stages above its new cap: it falls to the cap with the primary time constant, so the
// states alone overshoot by little, and the observable is capped: 5-min stages from 50 to 100 % of
// VO2max, untrained threshold.
TEST(AcuteModel, UptakeStaysAtOrBelowVo2maxThroughAGradedTest) {
  Subject s;
  AcuteModel model(AcuteParams{}, s, 600.0);
  AcuteState x = model.resting_state();
  constexpr double kH = 0.01;
  double highest_sum = 0.0;
  double highest = 0.0;
  double t = 0.0;
  for (int stage = 0; stage <= 5; ++stage) {
    model.set_drive(running(0.5 + 0.1 * stage));
    for (int n = 0; n < 500; ++n, t += kH) {
      AcuteState dxdt{};
      model(x, dxdt, t);
      for (std::size_t j = 0; j < ix::kCount; ++j) x[j] += kH * dxdt[j];  // Euler is enough here
      highest_sum = std::max(highest_sum, x[ix::kVo2Primary] + x[ix::kVo2Slow]);
      highest = std::max(highest, model.vo2_ml_kg_min(x));
    }
  }
  EXPECT_LT(highest_sum, s.vo2max_ml_kg_min + 0.5);  // the states alone stay near the cap
  EXPECT_LE(highest, s.vo2max_ml_kg_min);
  EXPECT_GT(highest, 0.97 * s.vo2max_ml_kg_min);  // and the test does reach it
}

// Ostrowski et al. 2000, Fischer 2006: plasma IL-6 is highest at the end of exercise (it follows
// the muscle signal, which stops growing when work stops) and falls back within hours.
TEST(AcuteModel, Il6PeaksAtTheEndOfExerciseAndFalls) {
  const Course c = course(ix::kIl6, running(0.7), 60.0, 120.0);
  // Plasma lags the muscle signal by its clearance (half-life 1.4 min): a peak within minutes of
  // the end, not half an hour later.
  EXPECT_GE(c.peak_min, 60.0);
  EXPECT_LE(c.peak_min, 65.0);
  EXPECT_GT(c.peak, 2.0 * c.rest);
  EXPECT_LT(c.later - c.rest, 0.1 * (c.peak - c.rest));
}

// Knaepen et al. 2010, Nofuji et al. 2012: serum BDNF is highest at the end of exercise and back
// within the hour, after a sustained bout and after a 30 s sprint alike (no lactate-driven late
// peak).
TEST(AcuteModel, BdnfPeaksAtTheEndOfExerciseAndIsBackWithinAnHour) {
  const Course hard = course(ix::kBdnf, running(0.8), 30.0, 60.0);
  EXPECT_NEAR(hard.peak_min, 30.0, 0.05);
  EXPECT_GT(hard.peak, 1.1 * hard.rest);
  EXPECT_LT(hard.later - hard.rest, 0.25 * (hard.peak - hard.rest));
  Drive sprint = running(1.0);
  sprint.muscle_intensity_frac = 2.5;
  sprint.effort = 1.0;
  sprint.muscle_mass_frac = 0.45;
  const Course s = course(ix::kBdnf, sprint, 0.5, 60.0);
  EXPECT_NEAR(s.peak_min, 0.5, 0.05);
  EXPECT_GT(s.peak, s.rest);
}

// Ferris et al. 2007: no BDNF rise 20 % below the ventilatory threshold (only the small
// osteocalcin term, through muscle IL-6, remains: under 2 %).
TEST(AcuteModel, NoBdnfRiseBelowTheThreshold) {
  const Course below = course(ix::kBdnf, running(0.48), 30.0, 10.0);
  const Course above = course(ix::kBdnf, running(0.8), 30.0, 10.0);
  EXPECT_LT(below.at_end - below.rest, 0.02 * below.rest);
  EXPECT_GT(above.at_end - above.rest, 5.0 * (below.at_end - below.rest));
}

}  // namespace
}  // namespace brainload
