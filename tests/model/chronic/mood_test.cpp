// Mood (mood.hpp): depressive symptoms follow their three inputs the same day, each lowering them.
#include "brainload/model/chronic/mood.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(Chronic, MoodIsZeroWithoutTrainingAndFallsWithEachInput) {
  const MoodParams p;
  ChronicState s;
  step_mood(p, s);
  EXPECT_EQ(s.depression_z, 0.0);
  s.bdnf_gain = 0.1;
  step_mood(p, s);
  EXPECT_NEAR(s.depression_z, 0.1 * p.per_bdnf_gain, 1e-15);
  EXPECT_LT(s.depression_z, 0.0);
  s.bdnf_gain = 0.0;
  s.il6_reduction = 0.1;
  step_mood(p, s);
  EXPECT_NEAR(s.depression_z, 0.1 * p.per_il6_reduction, 1e-15);
  EXPECT_LT(s.depression_z, 0.0);
  s.il6_reduction = 0.0;
  s.training_avg = p.training_half_load;  // S = 1/2
  step_mood(p, s);
  EXPECT_NEAR(s.depression_z, 0.5 * p.training_max, 1e-15);
  EXPECT_LT(s.depression_z, 0.0);
}

// chronic_structures.md 7u: the same training moves symptoms more in a person who starts with more
// of them, f(b) = max(0, 1 + k·b); at the general population's mean (b = 0) nothing changes.
TEST(Chronic, MoodResponseGrowsWithBaselineSeverity) {
  const MoodParams p;
  ChronicState mean_person;
  mean_person.training_avg = p.training_half_load;
  ChronicState depressed = mean_person;
  depressed.depression_baseline_z = 3.46;  // PHQ-9 15 in general-population SD units
  ChronicState untroubled = mean_person;
  untroubled.depression_baseline_z = -1.0;
  step_mood(p, mean_person);
  step_mood(p, depressed);
  step_mood(p, untroubled);
  EXPECT_NEAR(mean_person.depression_z, 0.5 * p.training_max, 1e-15);
  // The MDD-to-non-clinical ratio the gain was derived from (0.79 / 0.50).
  EXPECT_NEAR(depressed.depression_z / mean_person.depression_z, 0.79 / 0.50, 0.01);
  EXPECT_LT(untroubled.depression_z, 0.0);
  EXPECT_GT(untroubled.depression_z, mean_person.depression_z);
  ChronicState far_below = mean_person;
  far_below.depression_baseline_z = -10.0;  // the clamp: no response, never a worsening
  step_mood(p, far_below);
  EXPECT_EQ(far_below.depression_z, 0.0);
}

}  // namespace
}  // namespace brainload
