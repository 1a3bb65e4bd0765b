#include "brainload/model/arousal.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(Arousal, AwakeRestIsSteadyAtTheRestingArousal) {
  const ArousalParams p;
  const Drive awake;
  const auto r = arousal_rates(p, awake, 0.0, 1.0, 1.0, p.lc_wake_hz, 1.0);
  EXPECT_DOUBLE_EQ(r.vagal_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.nts_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.lc_hz_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.brain_ne_per_min, 0.0);
  EXPECT_NEAR(arousal_from_brain_ne(p, 1.0), 0.35, 0.005);
  EXPECT_NEAR(arousal_from_brain_ne(p, 2.5), 0.75, 0.005);
}

TEST(Arousal, EpinephrineDrivesTheChainInOrder) {
  const ArousalParams p;
  const Drive awake;
  const auto r = arousal_rates(p, awake, 1.0, 1.0, 1.0, p.lc_wake_hz, 1.0);
  EXPECT_GT(r.vagal_per_min, 0.0);       // epinephrine acts on vagal afferents first
  EXPECT_DOUBLE_EQ(r.nts_per_min, 0.0);  // the NTS follows the vagus, not epinephrine
  EXPECT_DOUBLE_EQ(r.lc_hz_per_min, 0.0);
  const auto r2 = arousal_rates(p, awake, 0.0, 2.0, 2.0, p.lc_wake_hz, 1.0);
  EXPECT_GT(r2.lc_hz_per_min, 0.0);
  const auto r3 = arousal_rates(p, awake, 0.0, 1.0, 1.0, 2.0 * p.lc_wake_hz, 1.0);
  EXPECT_GT(r3.brain_ne_per_min, 0.0);
}

TEST(Arousal, SleepSlowsTheLocusCoeruleusAndLowersArousal) {
  const ArousalParams p;
  Drive asleep;
  asleep.awake = false;
  EXPECT_LT(arousal_rates(p, asleep, 0.0, 1.0, 1.0, p.lc_wake_hz, 1.0).lc_hz_per_min, 0.0);
  EXPECT_LT(arousal_from_brain_ne(p, p.lc_sleep_factor), 0.1);
}

TEST(Arousal, IsBoundedAndMonotone) {
  const ArousalParams p;
  double last = 0.0;
  for (double ne : {0.0, 0.1, 0.5, 1.0, 2.0, 4.0, 100.0}) {
    const double a = arousal_from_brain_ne(p, ne);
    EXPECT_GE(a, 0.0);
    EXPECT_LE(a, 1.0);
    EXPECT_GE(a, last);
    last = a;
  }
}

}  // namespace
}  // namespace brainload
