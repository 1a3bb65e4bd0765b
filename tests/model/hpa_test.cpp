#include "brainload/model/hpa.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(Hpa, UnitDriveAtUnitStateIsSteady) {
  const HpaParams p;
  const auto r = hpa_rates(p, 1.0, 1.0, 1.0, 1.0);
  EXPECT_NEAR(r.crh_per_min, 0.0, 1e-15);
  EXPECT_NEAR(r.acth_per_min, 0.0, 1e-15);
  EXPECT_NEAR(r.cortisol_per_min, 0.0, 1e-15);
}

TEST(Hpa, CortisolFeedsBackOnCrhAndActh) {
  const HpaParams p;
  EXPECT_LT(hpa_rates(p, 1.0, 1.0, 1.0, 2.0).crh_per_min, 0.0);
  EXPECT_LT(hpa_rates(p, 1.0, 1.0, 1.0, 2.0).acth_per_min, 0.0);
}

TEST(Hpa, CircadianDriveIsHighInTheMorningAndLowAtNight) {
  const HpaParams p;
  EXPECT_GT(circadian_drive(p, 7 * 60.0), 5.0 * circadian_drive(p, 23 * 60.0));
}

TEST(Hpa, ExerciseDrivesTheAxisOnlyAboveTheIntensityThreshold) {
  const HpaParams p;
  EXPECT_EQ(exercise_hpa_drive(p, 0.4, 1.0), 0.0);  // Hill et al. 2008: 40 % does not raise it
  EXPECT_GT(exercise_hpa_drive(p, 0.6, 1.0), 0.0);
  EXPECT_GT(exercise_hpa_drive(p, 0.8, 1.0), exercise_hpa_drive(p, 0.6, 1.0));
  EXPECT_LT(exercise_hpa_drive(p, 0.8, 0.7), exercise_hpa_drive(p, 0.8, 1.0));  // trained
}

TEST(Hpa, MineralocorticoidFeedbackDividesTheDriveByCortisol) {
  // Karin et al. 2020: at twice the daily mean, CRH is driven less than half as hard (MR 1/x3
  // and GR together), so CRH relaxes towards a lower level than with GR alone.
  const HpaParams p;
  const double at_twice = hpa_rates(p, 1.0, 0.0, 1.0, 2.0).crh_per_min;
  const double at_mean = hpa_rates(p, 1.0, 0.0, 1.0, 1.0).crh_per_min;
  EXPECT_LT(at_twice, 0.5 * at_mean);
}

TEST(Hpa, AwakeningDriveStartsAtWakingAndFadesWithinTheHour) {
  const HpaParams p;
  EXPECT_EQ(awakening_drive(p, -1.0), 0.0);  // asleep
  EXPECT_DOUBLE_EQ(awakening_drive(p, 0.0), p.awakening_gain);
  EXPECT_LT(awakening_drive(p, 60.0), 0.05 * p.awakening_gain);
}

TEST(Hpa, PlasmaVolumeFallsWithIntensityAndRecoversAtRest) {
  const HpaParams p;
  EXPECT_LT(plasma_volume_rate(p, 0.8, 1.0), plasma_volume_rate(p, 0.4, 1.0));
  EXPECT_LT(plasma_volume_rate(p, 0.4, 1.0), 0.0);
  EXPECT_GT(plasma_volume_rate(p, 0.0, 0.85), 0.0);
  EXPECT_NEAR(plasma_volume_rate(p, 0.8, 1.0 - 0.8 * p.plasma_volume_slope), 0.0, 1e-15);
}

TEST(Hpa, TheChronicDoseDoesNotDependOnTheExerciseGain) {
  HpaParams p;
  const double dose = exercise_hpa_dose_rate(p, 0.8, 1.0);
  p.exercise_gain *= 3.0;
  EXPECT_DOUBLE_EQ(exercise_hpa_dose_rate(p, 0.8, 1.0), dose);
  EXPECT_DOUBLE_EQ(exercise_hpa_dose_rate(p, 0.4, 1.0), 0.0);
}

}  // namespace
}  // namespace brainload
