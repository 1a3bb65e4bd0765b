// Plasma glucose and liver glycogen (glucose.hpp): balance at rest, the liver meeting the uptake
// while it has glycogen, the fall once the store runs low, refilling only at rest, and the
// hypoglycaemic HPA drive (hpa.hpp) only below its threshold.
#include "brainload/model/glucose.hpp"

#include <gtest/gtest.h>

#include "brainload/model/hpa.hpp"
#include "brainload/units.hpp"

namespace brainload {
namespace {

constexpr double kRestVo2 = units::kRestingVo2MlKgMin;

TEST(Glucose, RestingStateIsABalance) {
  const GlucoseParams p;
  const auto r = glucose_rates(p, p.rest_mmol_l, p.liver_fasted_mmol_kg, kRestVo2, false);
  EXPECT_NEAR(r.glucose_mmol_l_per_min, 0.0, 1e-12);
  EXPECT_NEAR(r.liver_mmol_kg_per_min, 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(glucose_uptake_umol_kg_min(p, p.rest_mmol_l, kRestVo2),
                   p.uptake_rest_umol_kg_min);
}

TEST(Glucose, UptakeFollowsOxygenUptakeAndGlucose) {
  const GlucoseParams p;
  // 120 min at 50 % of an assumed VO2max of 65 mL/kg/min: Jeukendrup et al.'s 51.5 µmol/kg/min.
  EXPECT_NEAR(glucose_uptake_umol_kg_min(p, p.rest_mmol_l, 32.5), 51.5, 0.5);
  EXPECT_NEAR(glucose_uptake_umol_kg_min(p, 0.5 * p.rest_mmol_l, 32.5),
              0.5 * glucose_uptake_umol_kg_min(p, p.rest_mmol_l, 32.5), 1e-12);
}

// Euler steps of one minute over a constant oxygen uptake; returns {glucose, liver}.
std::pair<double, double> run(const GlucoseParams& p, double vo2, double minutes, bool exercising,
                              double glucose, double liver) {
  for (int k = 0; k < static_cast<int>(minutes); ++k) {
    const auto r = glucose_rates(p, glucose, liver, vo2, exercising);
    glucose += r.glucose_mmol_l_per_min;
    liver += r.liver_mmol_kg_per_min;
  }
  return {glucose, liver};
}

TEST(Glucose, TheLiverHoldsGlucoseUntilItsStoreRunsLowThenGlucoseFalls) {
  const GlucoseParams p;
  // Moderate work: uptake 14.3 + 1.28·17.5 ≈ 36.7 µmol/kg/min, so the liver supplies about 27.
  const auto early = run(p, 21.0, 60.0, true, p.rest_mmol_l, p.liver_fasted_mmol_kg);
  EXPECT_NEAR(early.first, p.rest_mmol_l, 0.01);  // held while glycogen lasts
  EXPECT_LT(early.second, p.liver_fasted_mmol_kg - 1.0);
  const auto late = run(p, 21.0, 240.0, true, p.rest_mmol_l, p.liver_fasted_mmol_kg);
  EXPECT_LT(late.first, 3.5);  // the store is low: production falls behind uptake
  EXPECT_GT(late.first, 0.5);  // uptake falls with glucose, so it settles, it does not crash
  EXPECT_GT(late.second, 0.0);
}

TEST(Glucose, TheStoreRefillsAtRestOnly) {
  const GlucoseParams p;
  const double low = 0.5;
  const auto working = glucose_rates(p, p.rest_mmol_l, low, 21.0, true);
  const auto resting = glucose_rates(p, p.rest_mmol_l, low, kRestVo2, false);
  EXPECT_LT(working.liver_mmol_kg_per_min, 0.0);
  EXPECT_GT(resting.liver_mmol_kg_per_min, 0.0);
  const auto after = run(p, kRestVo2, 6.0 * 60.0, false, 3.0, low);
  EXPECT_NEAR(after.first, p.rest_mmol_l, 0.05);
  EXPECT_GT(after.second, 0.5 * (low + p.liver_fasted_mmol_kg));
}

TEST(Glucose, HypoglycaemiaDrivesTheAxisOnlyBelowItsThreshold) {
  HpaParams p;
  p.hypoglycaemia_gain = 10.0;
  EXPECT_DOUBLE_EQ(hypoglycaemia_hpa_drive(p, 5.0), 0.0);
  EXPECT_DOUBLE_EQ(hypoglycaemia_hpa_drive(p, p.glucose_threshold_mmol_l), 0.0);
  EXPECT_NEAR(hypoglycaemia_hpa_drive(p, 0.5 * p.glucose_threshold_mmol_l), 5.0, 1e-12);
  EXPECT_GT(hypoglycaemia_hpa_drive(p, 2.5), hypoglycaemia_hpa_drive(p, 3.0));
  EXPECT_DOUBLE_EQ(hypoglycaemia_hpa_drive(HpaParams{}, 2.0), 0.0);  // off by default (fit failed)
}

}  // namespace
}  // namespace brainload
