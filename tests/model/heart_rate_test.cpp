#include "brainload/model/heart_rate.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(HeartRate, RestIsSteadyAndMaximalWorkReachesHrMax) {
  const HeartRateParams p;
  Subject s;
  s.hr_max_bpm = tanaka_hr_max_bpm(40.0);
  EXPECT_DOUBLE_EQ(s.hr_max_bpm, 180.0);  // Tanaka 2001: 208 − 0.7 × 40
  Drive rest;
  EXPECT_DOUBLE_EQ(heart_rate_target_bpm(p, s, rest), s.hr_rest_bpm);
  EXPECT_DOUBLE_EQ(heart_rate_rate(p, s.hr_rest_bpm, s.hr_rest_bpm), 0.0);
  Drive max;
  max.work_vo2max_frac = 1.0;
  EXPECT_DOUBLE_EQ(heart_rate_target_bpm(p, s, max), s.hr_max_bpm);
  rest.awake = false;
  EXPECT_LT(heart_rate_target_bpm(p, s, rest), s.hr_rest_bpm);
}

TEST(HeartRate, HrmaxFractionRoundTripsThroughVo2Reserve) {
  const HeartRateParams p;
  const Subject s;
  for (double h : {0.6, 0.7, 0.8, 0.9, 1.0}) {
    Drive d;
    d.work_vo2max_frac = vo2max_frac_from_hrmax_frac(s, h);
    EXPECT_NEAR(heart_rate_target_bpm(p, s, d), h * s.hr_max_bpm, 1e-9) << h;
  }
  EXPECT_EQ(vo2max_frac_from_hrmax_frac(s, 0.2), 0.0);  // below resting HR
}

TEST(HeartRate, RisesFasterThanItRecovers) {
  const HeartRateParams p;
  EXPECT_GT(heart_rate_rate(p, 100.0, 150.0), -heart_rate_rate(p, 150.0, 100.0));
}

}  // namespace
}  // namespace brainload
