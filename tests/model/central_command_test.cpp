#include "brainload/model/central_command.hpp"

#include <gtest/gtest.h>

#include "brainload/model/exercise.hpp"

namespace brainload {
namespace {

Drive lift(const char* name, double effort) {
  const ExerciseInfo* e = find_exercise(name);
  EXPECT_NE(e, nullptr) << name;
  Drive d;
  d.effort = effort;
  d.muscle_mass_frac = e->muscle_mass_frac;
  d.compound = e->compound;
  return d;
}

TEST(CentralCommand, ZeroAtRestAndBounded) {
  const CentralCommandParams p;
  EXPECT_EQ(motor_drive(p, Drive{}), 0.0);
  Drive d;
  d.effort = 5.0;
  d.muscle_mass_frac = 1.0;
  d.compound = 1.0;
  EXPECT_EQ(motor_drive(p, d), 1.0);
}

TEST(CentralCommand, CompoundLiftsDriveMoreThanIsolationAtTheSameEffort) {
  const CentralCommandParams p;
  for (const char* compound : {"squat", "deadlift", "row", "pull_up", "bench_press", "dip"}) {
    for (const char* isolation : {"biceps_curl", "leg_extension", "triceps_extension"}) {
      EXPECT_GT(motor_drive(p, lift(compound, 0.8)), 1.5 * motor_drive(p, lift(isolation, 0.8)))
          << compound << " vs " << isolation;
    }
  }
}

TEST(CentralCommand, GrowsWithEffortAndMass) {
  const CentralCommandParams p;
  EXPECT_GT(motor_drive(p, lift("squat", 0.9)), motor_drive(p, lift("squat", 0.5)));
  Drive small = lift("squat", 0.8);
  small.muscle_mass_frac = 0.1;
  EXPECT_GT(motor_drive(p, lift("squat", 0.8)), motor_drive(p, small));
}

}  // namespace
}  // namespace brainload
