// VEGF, BDNF, osteocalcin and IL-6: resting steady state, direction of response, return.
#include <gtest/gtest.h>

#include <cmath>

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

TEST(Bdnf, RisesAboveTheThresholdWithOsteocalcinAndReturns) {
  const BdnfParams p;
  const double rest = 30.0;
  EXPECT_DOUBLE_EQ(bdnf_rate(p, rest, rest, 1.0, 0.0, 1.0), 0.0);
  EXPECT_GT(bdnf_rate(p, rest, rest, 1.0, 0.5, 1.0), 0.0);
  EXPECT_GT(bdnf_rate(p, rest, rest, 1.0, 0.0, 1.3), 0.0);
  EXPECT_LT(bdnf_rate(p, 1.3 * rest, rest, 1.0, 0.0, 1.0), 0.0);
  // Val66Met carriers (release < 1) release less for the same stimulus.
  EXPECT_LT(bdnf_rate(p, rest, rest, 0.7, 0.8, 1.0), bdnf_rate(p, rest, rest, 1.0, 0.8, 1.0));
}

// Ferris et al. 2007: no release below the ventilatory (lactate) threshold; more the further
// above it, full at VO2max and for supramaximal work.
TEST(Bdnf, IntensityDriveHasAThresholdAtTheLactateThreshold) {
  const BdnfParams p;
  const double lt = 0.6;
  EXPECT_DOUBLE_EQ(bdnf_intensity_drive(p, 0.48, lt), 0.0);
  EXPECT_DOUBLE_EQ(bdnf_intensity_drive(p, lt, lt), 0.0);
  EXPECT_GT(bdnf_intensity_drive(p, 0.66, lt), 0.0);
  EXPECT_GT(bdnf_intensity_drive(p, 0.8, lt), bdnf_intensity_drive(p, 0.66, lt));
  EXPECT_DOUBLE_EQ(bdnf_intensity_drive(p, 1.0, lt), 1.0);
  EXPECT_DOUBLE_EQ(bdnf_intensity_drive(p, 2.5, lt), 1.0);
  // A higher threshold (a trained person) gives less at the same relative intensity.
  EXPECT_LT(bdnf_intensity_drive(p, 0.8, 0.7), bdnf_intensity_drive(p, 0.8, lt));
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
  const auto rest = osteocalcin_rates(p, 0.0, p.rest_ng_ml, 0.0, 1.0);
  EXPECT_DOUBLE_EQ(rest.signal_per_min, 0.0);
  EXPECT_DOUBLE_EQ(rest.osteocalcin_per_min, 0.0);
  EXPECT_GT(osteocalcin_rates(p, 0.0, p.rest_ng_ml, 100.0, 1.0).signal_per_min, 0.0);
  EXPECT_GT(osteocalcin_rates(p, 200.0, p.rest_ng_ml, 0.0, 1.0).osteocalcin_per_min, 0.0);
}

// Levinger et al. 2014: cycling (no impact) raises ucOC; the signal is muscle IL-6 (Chowdhury
// et al. 2020), bounded by exercise_gain however high IL-6 goes.
TEST(Osteocalcin, ExerciseWithoutImpactRaisesItThroughIl6) {
  const OsteocalcinParams p;
  const double k = std::log(2.0) / p.half_life_min;
  EXPECT_DOUBLE_EQ(osteocalcin_rates(p, 0.0, p.rest_ng_ml, 0.0, 0.8).osteocalcin_per_min, 0.0);
  const double moderate = osteocalcin_rates(p, 0.0, p.rest_ng_ml, 0.0, 2.0).osteocalcin_per_min;
  EXPECT_GT(moderate, 0.0);
  const double huge = osteocalcin_rates(p, 0.0, p.rest_ng_ml, 0.0, 1e6).osteocalcin_per_min;
  EXPECT_GT(huge, moderate);
  EXPECT_LE(huge / k / p.rest_ng_ml, p.exercise_gain + 1e-12);
}

TEST(Il6, RisesWithIntensityAndMassAndRestIsSteady) {
  const Il6Params p;
  const auto rest = il6_rates(p, 0.0, 0.0, 0.0, 1.5, 1.5, 1.0);
  EXPECT_DOUBLE_EQ(rest.muscle_per_min, 0.0);
  EXPECT_DOUBLE_EQ(rest.plasma_per_min, 0.0);
  EXPECT_DOUBLE_EQ(rest.glycogen_per_min, 0.0);
  const double moderate = il6_rates(p, 0.5, 0.5, 0.0, 1.5, 1.5, 1.0).muscle_per_min;
  EXPECT_GT(moderate, 0.0);
  EXPECT_GT(il6_rates(p, 0.8, 0.5, 0.0, 1.5, 1.5, 1.0).muscle_per_min, moderate);
  EXPECT_GT(il6_rates(p, 0.5, 0.7, 0.0, 1.5, 1.5, 1.0).muscle_per_min, moderate);
}

// Steensberg et al. 2001: muscle with less glycogen produces more IL-6 at the same work, and the
// rise is bounded (e^β times the fresh-muscle rate once the store is empty).
TEST(Il6, ProductionRisesAsGlycogenFallsAndIsBounded) {
  const Il6Params p;
  const double fresh = il6_rates(p, 0.6, 0.5, 0.0, 1.5, 1.5, 1.0).muscle_per_min;
  const double low = il6_rates(p, 0.6, 0.5, 0.0, 1.5, 1.5, 0.6).muscle_per_min;
  const double empty = il6_rates(p, 0.6, 0.5, 0.0, 1.5, 1.5, 0.0).muscle_per_min;
  EXPECT_NEAR(low / fresh, 12.0, 0.1);  // the release ratio β was read from
  EXPECT_GT(empty, low);
  EXPECT_NEAR(empty / fresh, std::exp(p.glycogen_gain), 1e-9);
  EXPECT_DOUBLE_EQ(il6_rates(p, 0.6, 0.5, 0.0, 1.5, 1.5, -0.5).muscle_per_min, empty);
}

// Glycogen use: first order in the store, faster at higher intensity and over less muscle; at
// 75 % VO2max in cycling's mass it is Spencer et al.'s 0.0194 /min; rebuilt only at rest.
TEST(Il6, GlycogenUseByIntensityMassAndRest) {
  const Il6Params p;
  EXPECT_NEAR(glycogen_use_per_min(p, 0.75, p.glycogen_mass_ref_frac), 0.0194, 1e-12);
  EXPECT_NEAR(glycogen_use_per_min(p, 0.60, p.glycogen_mass_ref_frac), 0.0122, 2e-4);
  EXPECT_GT(glycogen_use_per_min(p, 0.75, 0.3), glycogen_use_per_min(p, 0.75, 0.6));
  EXPECT_DOUBLE_EQ(glycogen_use_per_min(p, 1.5, 0.45), glycogen_use_per_min(p, 1.0, 0.45));
  EXPECT_DOUBLE_EQ(glycogen_use_per_min(p, 0.0, 0.45), 0.0);
  EXPECT_DOUBLE_EQ(glycogen_use_per_min(p, 0.6, 0.0), 0.0);
  const auto working = il6_rates(p, 0.75, 0.45, 0.0, 1.5, 1.5, 0.5);
  EXPECT_NEAR(working.glycogen_per_min, -0.0194 * 0.5, 1e-12);  // no resynthesis while working
  const auto resting = il6_rates(p, 0.0, 0.0, 0.0, 1.5, 1.5, 0.5);
  EXPECT_NEAR(resting.glycogen_per_min, p.glycogen_resynthesis_per_min * 0.5, 1e-12);
}

// Only working muscle produces IL-6 (Steensberg et al. 2000), but the muscle that worked goes on
// releasing it after contraction stops (the thigh-cuff study, Eur J Appl Physiol 2011, 111:1351),
// and plasma IL-6 turns over in minutes: release follows the muscle signal at rest as at work, and
// plasma IL-6 with no muscle signal clears with a half-life of minutes.
TEST(Il6, ReleaseFollowsTheMuscleSignalAfterContractionAndPlasmaClearsInMinutes) {
  const Il6Params p;
  const double working = il6_rates(p, 0.6, 0.5, 3.0, 1.5, 1.5, 1.0).plasma_per_min;
  const double after = il6_rates(p, 0.0, 0.0, 3.0, 1.5, 1.5, 1.0).plasma_per_min;
  EXPECT_GT(after, 0.0);
  EXPECT_DOUBLE_EQ(after, working);
  EXPECT_EQ(il6_rates(p, 0.0, 0.0, 0.0, 1.5, 1.5, 1.0).plasma_per_min, 0.0);  // rest is steady
  EXPECT_EQ(il6_rates(p, 0.0, 0.0, 3.0, 1.5, 1.5, 1.0).muscle_per_min,
            -p.muscle_decay_per_min * 3.0);  // no production without work: the signal decays
  const double clearing = il6_rates(p, 0.0, 0.0, 0.0, 3.5, 1.5, 1.0).plasma_per_min;
  EXPECT_NEAR(clearing, -2.0 * std::log(2.0) / p.plasma_half_life_min, 1e-12);
  EXPECT_LE(p.plasma_half_life_min, 5.0);  // minutes (Steensberg et al. 2000)
}

}  // namespace
}  // namespace brainload
