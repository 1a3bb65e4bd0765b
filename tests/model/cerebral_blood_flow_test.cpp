#include "brainload/model/cerebral_blood_flow.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(CerebralBloodFlow, RestIsExactlyOne) {
  const CerebralBloodFlowParams p;
  EXPECT_DOUBLE_EQ(cerebral_blood_flow_target(p, 0.0, 0.0), 1.0);
  const auto r = cerebral_blood_flow_rates(p, 0.0, 1.0, 0.0);
  EXPECT_DOUBLE_EQ(r.cbf_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.hypotension_mmhg_per_min, 0.0);
}

// MCAv +10–20 % at 60–70 % VO2max, back toward baseline at maximal work (Ide & Secher 2000).
TEST(CerebralBloodFlow, RisesAtModerateAndFallsBackAtMaximalIntensity) {
  const CerebralBloodFlowParams p;
  const double moderate = cerebral_blood_flow_target(p, 0.65, 0.0);
  const double maximal = cerebral_blood_flow_target(p, 1.0, 0.0);
  EXPECT_GE(moderate, 1.10);
  EXPECT_LE(moderate, 1.20);
  EXPECT_LT(maximal, moderate - 0.08);
  EXPECT_LT(maximal, 1.06);
}

// A fall of mean arterial pressure lowers flow by the static pressure-flow sensitivity (1.47 %/%):
// linear in the fall, so two sessions' hypotension adds, with no threshold written in.
TEST(CerebralBloodFlow, PostExerciseHypotensionLowersFlowByThePressureFlowSensitivity) {
  const CerebralBloodFlowParams p;
  const double fall_5 = 1.0 - cerebral_blood_flow_target(p, 0.0, 5.0);
  EXPECT_NEAR(fall_5, p.pressure_sensitivity * 5.0 / p.map_rest_mmhg, 1e-12);
  EXPECT_NEAR(1.0 - cerebral_blood_flow_target(p, 0.0, 10.0), 2.0 * fall_5, 1e-12);
  EXPECT_DOUBLE_EQ(cerebral_blood_flow_target(p, 0.0, -3.0), 1.0);  // no rise from a negative P
  // Not expressed while working at or above the threshold; half of it halfway there.
  const double x = p.peh_threshold_vo2max_frac;
  EXPECT_DOUBLE_EQ(cerebral_blood_flow_target(p, x, 5.0), cerebral_blood_flow_target(p, x, 0.0));
  const double half =
      cerebral_blood_flow_target(p, 0.5 * x, 0.0) - cerebral_blood_flow_target(p, 0.5 * x, 5.0);
  EXPECT_NEAR(half, cerebral_blood_flow_target(p, 0.5 * x, 0.0) * 0.5 * fall_5, 1e-12);
}

// Hypotension builds only above its threshold and decays with τ_P.
TEST(CerebralBloodFlow, HypotensionBuildsAboveItsThresholdAndDecays) {
  const CerebralBloodFlowParams p;
  const double above = p.peh_threshold_vo2max_frac + 0.2;
  EXPECT_NEAR(cerebral_blood_flow_rates(p, above, 1.0, 0.0).hypotension_mmhg_per_min,
              0.2 * p.peh_gain_mmhg_per_min, 1e-12);
  EXPECT_DOUBLE_EQ(cerebral_blood_flow_rates(p, p.peh_threshold_vo2max_frac - 0.1, 1.0, 0.0)
                       .hypotension_mmhg_per_min,
                   0.0);
  EXPECT_NEAR(cerebral_blood_flow_rates(p, 0.0, 1.0, 4.0).hypotension_mmhg_per_min,
              -4.0 / p.peh_decay_tau_min, 1e-12);
}

}  // namespace
}  // namespace brainload
