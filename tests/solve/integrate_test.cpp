// The solver against problems with known solutions: primary oxygen uptake under a constant drive
// is a pure exponential, and restarting at a boundary must not disturb it.
#include "brainload/solve/integrate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace brainload {
namespace {

Drive steady(double vo2max_frac) {
  Drive d;
  d.work_vo2max_frac = vo2max_frac;
  d.muscle_intensity_frac = vo2max_frac;
  d.effort = vo2max_frac;
  d.muscle_mass_frac = 0.45;
  d.compound = 0.5;
  d.exercising = true;
  return d;
}

TEST(Integrate, OxygenUptakeFollowsTheExactExponentialAcrossSegments) {
  // The primary uptake is a pure exponential with one time constant on and off.
  const Subject s;
  AcuteModel model(AcuteParams{}, s, 0.0);
  Timeline tl;
  tl.segments = {{0.0, 10.0, steady(0.7)}, {10.0, 20.0, Drive{}}, {20.0, 30.0, steady(0.7)}};
  tl.end_min = 30.0;
  AcuteState x = model.resting_state();
  const double tau = primary_tau_min(OxygenUptakeParams{}, s);
  const double rest = vo2_demand_ml_kg_min(s, Drive{});
  const double target = vo2_demand_ml_kg_min(s, steady(0.7));
  std::vector<double> times;
  for (double t = 0.0; t <= 30.0; t += 0.5) times.push_back(t);
  std::vector<std::pair<double, double>> seen;
  integrate_acute(model, tl, x, 0.0, 30.0, times,
                  [&](const AcuteState& y, double t) { seen.emplace_back(t, y[ix::kVo2Primary]); });
  ASSERT_EQ(seen.size(), times.size());
  const double v10 = target + (rest - target) * std::exp(-10.0 / tau);
  const double v20 = rest + (v10 - rest) * std::exp(-10.0 / tau);
  for (const auto& [t, v] : seen) {
    double exact = 0.0;
    if (t <= 10.0) {
      exact = target + (rest - target) * std::exp(-t / tau);
    } else if (t <= 20.0) {
      exact = rest + (v10 - rest) * std::exp(-(t - 10.0) / tau);
    } else {
      exact = target + (v20 - target) * std::exp(-(t - 20.0) / tau);
    }
    EXPECT_NEAR(v, exact, 1e-4 * exact) << "t = " << t;
  }
}

TEST(Integrate, SamplingDoesNotChangeTheSolution) {
  const Subject s;
  Timeline tl;
  tl.segments = {{0.0, 5.0, Drive{}}, {5.0, 9.0, steady(0.9)}, {9.0, 120.0, Drive{}}};
  tl.end_min = 120.0;
  AcuteModel a(AcuteParams{}, s, 480.0);
  AcuteModel b(AcuteParams{}, s, 480.0);
  AcuteState xa = a.resting_state();
  AcuteState xb = b.resting_state();
  std::vector<double> dense;
  for (double t = 0.0; t <= 120.0; t += 0.1) dense.push_back(t);
  integrate_acute(a, tl, xa, 0.0, 120.0, dense, [](const AcuteState&, double) {});
  integrate_acute(b, tl, xb, 0.0, 120.0, {}, nullptr);
  for (std::size_t k = 0; k < ix::kCount; ++k) {
    EXPECT_NEAR(xa[k], xb[k], 1e-9 * (1.0 + std::abs(xb[k]))) << "state " << k;
  }
}

TEST(Integrate, TighterToleranceAgreesWithDefault) {
  const Subject s;
  Timeline tl;
  tl.segments = {{0.0, 30.0, steady(0.85)}, {30.0, 240.0, Drive{}}};
  tl.end_min = 240.0;
  AcuteModel a(AcuteParams{}, s, 480.0);
  AcuteModel b(AcuteParams{}, s, 480.0);
  AcuteState xa = a.resting_state();
  AcuteState xb = b.resting_state();
  SolverOptions tight;
  tight.abs_tol = 1e-12;
  tight.rel_tol = 1e-10;
  integrate_acute(a, tl, xa, 0.0, 240.0, {}, nullptr);
  integrate_acute(b, tl, xb, 0.0, 240.0, {}, nullptr, tight);
  for (std::size_t k = 0; k < ix::kCount; ++k) {
    EXPECT_NEAR(xa[k], xb[k], 1e-4 * (1e-3 + std::abs(xb[k]))) << "state " << k;
  }
}

}  // namespace
}  // namespace brainload

namespace brainload {
namespace {

// CVODE's BDF on the same right-hand side agrees with dopri5 (and so with the exact solution
// the first test checks) across restarts at segment boundaries.
TEST(Integrate, CvodeBdfAgreesWithDopri5) {
  const Subject s;
  Timeline tl;
  Drive hard;
  hard.work_vo2max_frac = 0.9;
  hard.muscle_intensity_frac = 1.2;
  hard.effort = 0.9;
  hard.muscle_mass_frac = 0.5;
  hard.compound = 0.7;
  hard.exercising = true;
  tl.segments = {{0.0, 10.0, Drive{}},
                 {10.0, 14.0, hard},
                 {14.0, 17.0, Drive{}},
                 {17.0, 21.0, hard},
                 {21.0, 300.0, Drive{}}};
  tl.end_min = 300.0;
  AcuteModel a(AcuteParams{}, s, 480.0);
  AcuteModel b(AcuteParams{}, s, 480.0);
  AcuteState xa = a.resting_state();
  AcuteState xb = b.resting_state();
  SolverOptions tight;
  tight.abs_tol = 1e-10;
  tight.rel_tol = 1e-9;
  SolverOptions cvode = tight;
  cvode.method = SolverMethod::cvode_bdf;
  std::vector<double> samples{12.0, 20.0, 100.0};
  std::vector<AcuteState> seen_a;
  std::vector<AcuteState> seen_b;
  const SolveStats sa = integrate_acute(
      a, tl, xa, 0.0, 300.0, samples, [&](const AcuteState& y, double) { seen_a.push_back(y); },
      tight);
  const SolveStats sb = integrate_acute(
      b, tl, xb, 0.0, 300.0, samples, [&](const AcuteState& y, double) { seen_b.push_back(y); },
      cvode);
  EXPECT_GT(sa.steps, 0);
  EXPECT_GT(sb.steps, 0);
  ASSERT_EQ(seen_b.size(), samples.size());
  for (std::size_t k = 0; k < ix::kCount; ++k) {
    EXPECT_NEAR(xa[k], xb[k], 1e-5 * (1.0 + std::abs(xa[k]))) << "state " << k;
    for (std::size_t j = 0; j < samples.size(); ++j) {
      EXPECT_NEAR(seen_a[j][k], seen_b[j][k], 1e-5 * (1.0 + std::abs(seen_a[j][k])))
          << "state " << k << " at " << samples[j];
    }
  }
}

}  // namespace
}  // namespace brainload
