// Tests of the strength loads a session hands the chronic layer: each muscle group is loaded by
// the exercises that work it, in proportion to its own volume (chronic_structures.md 7i).
#include "brainload/schedule/session_dose.hpp"

#include <gtest/gtest.h>

#include "brainload/schedule/protocols.hpp"

namespace brainload {
namespace {

Protocol lifts(std::string exercise, int sets, int reps, double load) {
  Protocol p;
  p.name = "test";
  p.blocks.push_back({ResistanceBlock{std::move(exercise), sets, reps, load, 60.0}, {}});
  return p;
}

DailyDose dose_of(const Protocol& protocol) {
  ScheduledSession ss;
  ss.t1_min = protocol_duration_min(protocol);
  std::vector<Segment> pieces;
  DailyDose dose;
  lay_session(protocol, ss, Subject{}, SessionDriveParams{}, OsteocalcinParams{}, HeartRateParams{},
              SessionDoseParams{}, pieces, dose);
  return dose;
}

TEST(SessionDose, ALisaHeavySessionLoadsLegsAndUpperBodyAlike) {
  // Leg press and leg extension for the legs, bench press and row for the upper body, 3 × 8 at
  // 80 % 1RM each: 30.72 / 38.4 = 0.8 for each group.
  const Protocol* lisa = find_builtin_protocol("lisa_hrt");
  ASSERT_NE(lisa, nullptr);
  const DailyDose d = dose_of(*lisa);
  EXPECT_NEAR(d.lower_resistance_load, 0.8, 1e-12);
  EXPECT_NEAR(d.upper_resistance_load, 0.8, 1e-12);
  EXPECT_GT(d.heavy_resistance_load, 0.0);
  EXPECT_EQ(d.sessions, 1);
}

TEST(SessionDose, ASingleJointLegExerciseCountsFullyForTheLegsAndNotAtAllForTheArms) {
  // Lemmer et al. 2000's knee extension, 5 × 10 at 75 %: 28.1 / 38.4, whatever the small muscle
  // mass it recruits; a biceps curl of the same volume loads only the upper body.
  const DailyDose legs = dose_of(lifts("leg_extension", 5, 10, 0.75));
  EXPECT_NEAR(legs.lower_resistance_load, 5 * 10 * 0.75 * 0.75 / 38.4, 1e-12);
  EXPECT_EQ(legs.upper_resistance_load, 0.0);
  const DailyDose arms = dose_of(lifts("biceps_curl", 5, 10, 0.75));
  EXPECT_EQ(arms.lower_resistance_load, 0.0);
  EXPECT_NEAR(arms.upper_resistance_load, legs.lower_resistance_load, 1e-12);
}

TEST(SessionDose, LightSetsAddNoHeavyLoad) {
  const DailyDose light = dose_of(lifts("squat", 3, 12, 0.4));
  EXPECT_EQ(light.heavy_resistance_load, 0.0);
  EXPECT_NEAR(light.lower_resistance_load + light.upper_resistance_load, 3 * 12 * 0.4 * 0.4 / 38.4,
              1e-12);
  EXPECT_GT(light.lower_resistance_load, 5.0 * light.upper_resistance_load);
}

}  // namespace
}  // namespace brainload
