// Resting BDNF (resting_bdnf.hpp): the resistance-training route (section 7n).
#include "brainload/model/chronic/resting_bdnf.hpp"

#include <gtest/gtest.h>

#include "brainload/model/chronic/chronic_pathways.hpp"
#include "chronic_test_support.hpp"

namespace brainload {
namespace {

using testing::older_adult;

TEST(Chronic, ResistanceTrainingRaisesRestingBdnfThroughItsOwnRoute) {
  // chronic_structures.md 7n: a resistance load with no acute BDNF dose still raises resting
  // BDNF (phenomenological route fitted to Setayesh & Mohammad Rahimi 2023); no load, no rise.
  const ChronicParams p;
  ChronicState lifting = older_adult();
  ChronicState none = older_adult();
  for (int d = 0; d < 112; ++d) {
    DailyDose dose;
    dose.lower_resistance_load = 0.3;
    dose.upper_resistance_load = 0.3;
    step_chronic_day(p, dose, 1.0, lifting);
    step_chronic_day(p, DailyDose{}, 1.0, none);
  }
  EXPECT_DOUBLE_EQ(none.bdnf_gain, 0.0);
  EXPECT_GT(lifting.bdnf_gain, 0.5 * p.bdnf.resistance_gain_max * 0.5);
  EXPECT_LT(lifting.bdnf_gain, p.bdnf.resistance_gain_max);
}

}  // namespace
}  // namespace brainload
