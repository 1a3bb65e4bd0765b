// Chronic cognition (chronic_cognition.hpp): the response by exercise type (section 7m).
#include "brainload/model/chronic/chronic_cognition.hpp"

#include <gtest/gtest.h>

#include "brainload/model/chronic/chronic_pathways.hpp"
#include "chronic_test_support.hpp"

namespace brainload {
namespace {

using testing::older_adult;

TEST(Chronic, CognitionRespondsByExerciseTypeAndTheTypesAdd) {
  // chronic_structures.md 7m: composite cognition follows an aerobic and a resistance term, each
  // saturating in its own load; a combined programme's target is their sum. The structure is
  // checked at a non-zero aerobic maximum: the fitted one is 0 since 7q (below).
  ChronicParams p;
  p.cognition.composite_aerobic_max = 0.5;
  const auto composite = [&p](double aerobic, double resistance) {
    ChronicState s = older_adult();
    for (int d = 0; d < 180; ++d) {
      DailyDose dose;
      dose.aerobic_load = aerobic;
      dose.lower_resistance_load = resistance;
      dose.upper_resistance_load = resistance;
      step_chronic_day(p, dose, 1.0, s);
    }
    return s.composite_gain;
  };
  const double aerobic = composite(1.0, 0.0);
  const double resistance = composite(0.0, 0.3);
  const double both = composite(1.0, 0.3);
  EXPECT_GT(aerobic, 0.0);
  EXPECT_GT(resistance, 0.0);
  EXPECT_NEAR(both, aerobic + resistance, 1e-9);
  // A tiny load no longer saturates the benefit (the former half-load was 0.03 of any load).
  EXPECT_LT(composite(0.05, 0.0), 0.1 * aerobic);
  // Fitted to the expectation over 20 seeds (7q), the aerobic maximum is at its floor: aerobic
  // load alone moves no composite gain, resistance load still does.
  p = ChronicParams{};
  EXPECT_EQ(composite(1.0, 0.0), 0.0);
  EXPECT_GT(composite(0.0, 0.3), 0.0);
}

}  // namespace
}  // namespace brainload
