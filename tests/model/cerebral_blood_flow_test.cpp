#include "brainload/model/cerebral_blood_flow.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(CerebralBloodFlow, RestIsExactlyOne) {
  const CerebralBloodFlowParams p;
  EXPECT_DOUBLE_EQ(cerebral_blood_flow_target(p, 0.0, 0.0), 1.0);
  const auto r = cerebral_blood_flow_rates(p, 0.0, 1.0, 0.0);
  EXPECT_DOUBLE_EQ(r.cbf_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.strain_per_min, 0.0);
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

TEST(CerebralBloodFlow, AccumulatedHardWorkDepressesFlowSteeply) {
  const CerebralBloodFlowParams p;
  const double one = 1.0 - cerebral_blood_flow_target(p, 0.0, 0.5 * p.strain_half_effect);
  const double two = 1.0 - cerebral_blood_flow_target(p, 0.0, 2.0 * p.strain_half_effect);
  EXPECT_GT(one, 0.0);
  EXPECT_GT(two, 8.0 * one);  // steep: doubling past L50 does far more than twice the harm
  EXPECT_LE(two, p.strain_max_depression);
  EXPECT_GT(cerebral_blood_flow_rates(p, 0.9, 1.0, 0.0).strain_per_min, 0.0);
  EXPECT_DOUBLE_EQ(cerebral_blood_flow_rates(p, 0.7, 1.0, 0.0).strain_per_min, 0.0);
}

}  // namespace
}  // namespace brainload
