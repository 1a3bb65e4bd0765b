// VEGF, BDNF, osteocalcin and IL-6: resting steady state, direction of response, return.
#include <gtest/gtest.h>

#include "brainload/model/bdnf.hpp"
#include "brainload/model/il6.hpp"
#include "brainload/model/osteocalcin.hpp"
#include "brainload/model/vegf.hpp"

namespace brainload {
namespace {

TEST(Vegf, LactateRaisesVegfAndRestIsSteady) {
  const VegfParams p;
  EXPECT_DOUBLE_EQ(vegf_rate(p, p.rest_pg_ml, 0.0), 0.0);
  EXPECT_GT(vegf_rate(p, p.rest_pg_ml, 8.0), 0.0);
  EXPECT_LT(vegf_rate(p, 1.5 * p.rest_pg_ml, 0.0), 0.0);
}

TEST(Bdnf, RisesWithExerciseLactateAndOsteocalcinAndReturns) {
  const BdnfParams p;
  const double rest = 30.0;
  EXPECT_DOUBLE_EQ(bdnf_rate(p, rest, rest, 1.0, 0.0, 0.0, 1.0, 1.0), 0.0);
  EXPECT_GT(bdnf_rate(p, rest, rest, 1.0, 0.8, 0.0, 1.0, 1.0), 0.0);
  EXPECT_GT(bdnf_rate(p, rest, rest, 1.0, 0.0, 8.0, 1.0, 1.0), 0.0);
  EXPECT_GT(bdnf_rate(p, rest, rest, 1.0, 0.0, 0.0, 1.0, 1.3), 0.0);
  EXPECT_LT(bdnf_rate(p, 1.3 * rest, rest, 1.0, 0.0, 0.0, 1.0, 1.0), 0.0);
  // Val66Met carriers (release < 1) release less for the same stimulus.
  EXPECT_LT(bdnf_rate(p, rest, rest, 0.7, 0.8, 8.0, 1.0, 1.0),
            bdnf_rate(p, rest, rest, 1.0, 0.8, 8.0, 1.0, 1.0));
}

TEST(Bdnf, ActionIsActivityDependent) {
  EXPECT_DOUBLE_EQ(bdnf_action(30.0, 30.0, 0.5, 1.0), 0.0);
  const double idle = bdnf_action(36.0, 30.0, 0.35, 0.0);
  const double engaged = bdnf_action(36.0, 30.0, 0.35, 1.0);
  EXPECT_GT(idle, 0.0);
  EXPECT_GT(engaged, 2.0 * idle);  // dual-task: engagement multiplies the action
  EXPECT_GT(bdnf_action(36.0, 30.0, 0.7, 0.0), idle);
}

TEST(Osteocalcin, ImpactLoadingRaisesItAndWalkingDoesNot) {
  const OsteocalcinParams p;
  EXPECT_EQ(bone_stimulus(p, 110.0, 1.2), 0.0);  // walking
  EXPECT_GT(bone_stimulus(p, 15.0, 3.5), 0.0);   // box jumps
  EXPECT_GT(bone_stimulus(p, 10.0, 5.0), bone_stimulus(p, 10.0, 3.0));
  const auto rest = osteocalcin_rates(p, 0.0, p.rest_ng_ml, 0.0);
  EXPECT_DOUBLE_EQ(rest.signal_per_min, 0.0);
  EXPECT_DOUBLE_EQ(rest.osteocalcin_per_min, 0.0);
  EXPECT_GT(osteocalcin_rates(p, 0.0, p.rest_ng_ml, 100.0).signal_per_min, 0.0);
  EXPECT_GT(osteocalcin_rates(p, 200.0, p.rest_ng_ml, 0.0).osteocalcin_per_min, 0.0);
}

TEST(Il6, RisesWithIntensityAndMassAndRestIsSteady) {
  const Il6Params p;
  const auto rest = il6_rates(p, 0.0, 0.0, 0.0, 1.5, 1.5);
  EXPECT_DOUBLE_EQ(rest.muscle_per_min, 0.0);
  EXPECT_DOUBLE_EQ(rest.plasma_per_min, 0.0);
  const double moderate = il6_rates(p, 0.5, 0.5, 0.0, 1.5, 1.5).muscle_per_min;
  EXPECT_GT(moderate, 0.0);
  EXPECT_GT(il6_rates(p, 0.8, 0.5, 0.0, 1.5, 1.5).muscle_per_min, moderate);
  EXPECT_GT(il6_rates(p, 0.5, 0.7, 0.0, 1.5, 1.5).muscle_per_min, moderate);
  // Duration: an already-raised muscle signal grows faster (glycogen depletion).
  EXPECT_GT(il6_rates(p, 0.5, 0.5, 2.0, 1.5, 1.5).muscle_per_min + p.muscle_decay_per_min * 2.0,
            moderate);
}

}  // namespace
}  // namespace brainload
