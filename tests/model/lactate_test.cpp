#include "brainload/model/lactate.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(Lactate, RestIsSteady) {
  const LactateParams p;
  const auto r = lactate_rates(p, 0.0, 0.0, 0.6, 1.0, 0.0, p.rest_mmol_l, p.brain_rest_mmol_l);
  EXPECT_DOUBLE_EQ(r.muscle_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.blood_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.brain_per_min, 0.0);
}

TEST(Lactate, ProducedOnlyAboveThresholdAndGrowingWithIntensityAndMass) {
  const LactateParams p;
  EXPECT_EQ(lactate_production(p, 0.55, 0.5, 0.6, 1.0), 0.0);
  const double at80 = lactate_production(p, 0.8, 0.5, 0.6, 1.0);
  EXPECT_GT(at80, 0.0);
  EXPECT_GT(lactate_production(p, 0.9, 0.5, 0.6, 1.0), at80);
  EXPECT_GT(lactate_production(p, 0.8, 0.6, 0.6, 1.0), at80);
  EXPECT_LT(lactate_production(p, 0.8, 0.5, 0.7, 1.0), at80);  // higher threshold (trained)
}

TEST(Lactate, ActiveRecoveryAndTrainingClearFaster) {
  const LactateParams p;
  const double passive = lactate_rates(p, 0.0, 0.0, 0.6, 1.0, 0.0, 10.0, 1.0).blood_per_min;
  const double active = lactate_rates(p, 0.0, 0.4, 0.6, 1.0, 0.0, 10.0, 1.0).blood_per_min;
  const double trained = lactate_rates(p, 0.0, 0.0, 0.6, 1.4, 0.0, 10.0, 1.0).blood_per_min;
  EXPECT_LT(passive, 0.0);
  EXPECT_LT(active, passive);
  EXPECT_LT(trained, passive);
}

TEST(Lactate, HighBloodLactateEntersTheBrain) {
  const LactateParams p;
  EXPECT_GT(lactate_rates(p, 0.0, 0.0, 0.6, 1.0, 0.0, 12.0, 1.0).brain_per_min, 0.0);
}

}  // namespace
}  // namespace brainload
