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

}  // namespace
}  // namespace brainload
