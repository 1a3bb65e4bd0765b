// Inflammation (inflammation.hpp): resting IL-6 rises with age without training; training lowers
// it by at most X, and a trainability above 1 does not lower it further.
#include "brainload/model/chronic/inflammation.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(Chronic, RestingIl6RisesWithAgeWithoutTraining) {
  const InflammationParams p;
  ChronicState s;
  const double base = s.il6_base_pg_ml;
  for (int d = 0; d < 365; ++d) step_inflammation(p, 1.0, s);
  EXPECT_EQ(s.il6_reduction, 0.0);
  EXPECT_NEAR(s.il6_base_pg_ml, base + p.rise_per_year_pg_ml * 365.0 / 365.25, 1e-12);
  EXPECT_EQ(s.il6_resting_pg_ml, s.il6_base_pg_ml);
}

TEST(Chronic, TrainingLowersRestingIl6AndTrainabilityAboveOneAddsNothing) {
  const InflammationParams p;
  ChronicState one;
  ChronicState two;
  one.training_avg = two.training_avg = p.half_load;  // S = 1/2
  for (int d = 0; d < 3650; ++d) {
    step_inflammation(p, 1.0, one);
    step_inflammation(p, 2.0, two);
  }
  EXPECT_NEAR(one.il6_reduction, 0.5 * p.reduction_max, 1e-12);
  EXPECT_EQ(two.il6_reduction, one.il6_reduction);
  EXPECT_NEAR(one.il6_resting_pg_ml, one.il6_base_pg_ml * (1.0 - one.il6_reduction), 1e-15);
  EXPECT_LT(one.il6_resting_pg_ml, one.il6_base_pg_ml);
}

}  // namespace
}  // namespace brainload
