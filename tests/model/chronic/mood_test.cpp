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

}  // namespace
}  // namespace brainload
