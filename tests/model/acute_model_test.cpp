// The composed acute model: rest is a steady state (apart from the circadian HPA drive and the
// dose integrals), and every derivative is finite.
#include "brainload/model/acute_model.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brainload {
namespace {

TEST(AcuteModel, RestIsSteadyExceptCircadianAxis) {
  AcuteModel model(AcuteParams{}, Subject{}, 0.0);
  const AcuteState x = model.resting_state();
  AcuteState dxdt{};
  model(x, dxdt, 0.0);
  for (std::size_t k = 0; k < ix::kCrh; ++k) {
    EXPECT_NEAR(dxdt[k], 0.0, 1e-12) << "state " << k;
  }
  for (std::size_t k = 0; k < ix::kCount; ++k) EXPECT_TRUE(std::isfinite(dxdt[k])) << k;
}

TEST(AcuteModel, ExerciseMovesTheFastStatesUp) {
  AcuteModel model(AcuteParams{}, Subject{}, 0.0);
  Drive d;
  d.work_vo2max_frac = 0.9;
  d.muscle_intensity_frac = 0.9;
  d.effort = 0.9;
  d.muscle_mass_frac = 0.5;
  d.compound = 0.5;
  model.set_drive(d);
  const AcuteState x = model.resting_state();
  AcuteState dxdt{};
  model(x, dxdt, 0.0);
  EXPECT_GT(dxdt[ix::kHeartRate], 0.0);
  EXPECT_GT(dxdt[ix::kEpinephrine], 0.0);
  EXPECT_GT(dxdt[ix::kNorepinephrine], 0.0);
  EXPECT_GT(dxdt[ix::kMuscleLactate], 0.0);
  EXPECT_GT(dxdt[ix::kIl6Muscle], 0.0);
  EXPECT_GT(dxdt[ix::kCbf], 0.0);
}

}  // namespace
}  // namespace brainload
