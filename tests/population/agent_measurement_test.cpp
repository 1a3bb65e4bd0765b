// Test–retest error of a trial's assessments (measure_assessment, population/agent.hpp): each
// observable's spread across many readings of one fixed state matches its parameter, a zero
// error reads the state exactly, and the readings are a function of the stream alone.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "brainload/observables.hpp"
#include "brainload/population/agent.hpp"

namespace brainload {
namespace {

std::size_t index_of(std::string_view name) {
  const auto rows = chronic_observables();
  for (std::size_t k = 0; k < rows.size(); ++k)
    if (rows[k].name == name) return k;
  throw std::out_of_range("no chronic observable " + std::string(name));
}

ChronicState older_adult() {
  ChronicState s;
  s.il6_resting_pg_ml = 2.4;
  s.vo2max_ml_kg_min = 25.0;
  s.hippocampal_volume_rel = 0.98;
  return s;
}

struct Moments {
  double mean = 0.0;
  double sd = 0.0;
};

Moments moments_of(std::string_view name, const PopulationParams& p, int n) {
  const std::size_t k = index_of(name);
  AssessmentEngine noise(20261201);
  AssessmentEngine late(20261202);
  AssessmentEngine hr(20261203);
  double sum = 0.0;
  double sum2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double v = measure_assessment(older_adult(), p, noise, late, hr)[k];
    sum += v;
    sum2 += v * v;
  }
  const double mean = sum / n;
  return {mean, std::sqrt((sum2 - n * mean * mean) / (n - 1))};
}

// With n = 40 000 readings the SD's relative standard error is ≈ 1/√(2n) ≈ 0.35 %: a 3 %
// tolerance fails for a wrong CV (or an SD applied on the wrong scale), not by chance.
TEST(AgentMeasurement, ConcentrationAndVolumeErrorsAreTheirCoefficientsOfVariation) {
  const PopulationParams p;
  const ChronicState s = older_adult();
  constexpr int kN = 40000;
  const Moments il6 = moments_of("il6_resting_pg_ml", p, kN);
  EXPECT_NEAR(il6.sd, p.il6_noise_cv * s.il6_resting_pg_ml, 0.03 * p.il6_noise_cv * 2.4);
  EXPECT_NEAR(il6.mean, s.il6_resting_pg_ml, 0.01 * s.il6_resting_pg_ml);  // mean-preserving
  const Moments vo2 = moments_of("vo2max_ml_kg_min", p, kN);
  EXPECT_NEAR(vo2.sd, p.vo2max_noise_cv * 25.0, 0.03 * p.vo2max_noise_cv * 25.0);
  EXPECT_NEAR(vo2.mean, 25.0, 0.01);
  const Moments hip = moments_of("hippocampal_volume_rel", p, kN);
  EXPECT_NEAR(hip.sd, p.hippocampal_volume_noise_cv * 0.98,
              0.03 * p.hippocampal_volume_noise_cv * 0.98);
  // The published errors themselves: a reading is not exact.
  EXPECT_GT(il6.sd, 0.2 * s.il6_resting_pg_ml);
  EXPECT_GT(vo2.sd, 0.03 * 25.0);
}

TEST(AgentMeasurement, IL6ReadingsStayPositive) {
  PopulationParams p;
  p.il6_noise_cv = 1.0;  // the range's edge
  AssessmentEngine noise(7);
  AssessmentEngine late(8);
  AssessmentEngine hr(9);
  const std::size_t k = index_of("il6_resting_pg_ml");
  for (int i = 0; i < 20000; ++i)
    EXPECT_GT(measure_assessment(older_adult(), p, noise, late, hr)[k], 0.0);
}

TEST(AgentMeasurement, ZeroErrorReadsTheStateExactly) {
  PopulationParams p;
  p.cognition_noise_sd = 0.0;
  p.depression_noise_sd = 0.0;
  p.brain_age_noise_sd = 0.0;
  p.bdnf_noise_sd_ng_ml = 0.0;
  p.strength_noise_cv = 0.0;
  p.il6_noise_cv = 0.0;
  p.vo2max_noise_cv = 0.0;
  p.hippocampal_volume_noise_cv = 0.0;
  p.resting_hr_noise_cv = 0.0;
  AssessmentEngine noise(11);
  AssessmentEngine late(12);
  AssessmentEngine hr(13);
  const auto exact = chronic_values(older_adult());
  for (int i = 0; i < 5; ++i) {
    const auto read = measure_assessment(older_adult(), p, noise, late, hr);
    for (std::size_t k = 0; k < exact.size(); ++k) EXPECT_EQ(read[k], exact[k]) << k;
  }
}

TEST(AgentMeasurement, ReadingsAreAFunctionOfTheStreamOnly) {
  const PopulationParams p;
  AssessmentEngine a(99);
  AssessmentEngine b(99);
  AssessmentEngine late_a(100);
  AssessmentEngine late_b(100);
  AssessmentEngine hr_a(101);
  AssessmentEngine hr_b(101);
  for (int i = 0; i < 3; ++i) {
    const auto ra = measure_assessment(older_adult(), p, a, late_a, hr_a);
    const auto rb = measure_assessment(older_adult(), p, b, late_b, hr_b);
    for (std::size_t k = 0; k < ra.size(); ++k) EXPECT_EQ(ra[k], rb[k]) << k;
  }
  // A reading draws from the agent's stream (so the next assessment gets fresh error).
  AssessmentEngine c(99);
  AssessmentEngine d(99);
  AssessmentEngine late_c(100);
  AssessmentEngine hr_c(101);
  (void)measure_assessment(older_adult(), p, c, late_c, hr_c);
  EXPECT_NE(c, d);
}

TEST(AgentMeasurement, AnObservableAddedLaterDrawsFromTheSecondStreamOnly) {
  // Upper-body strength came after the first release: its error must not shift the draws of
  // the earlier observables (same seed, same numbers for every output that existed before).
  const PopulationParams p;
  AssessmentEngine a(5);
  AssessmentEngine b(5);
  AssessmentEngine late_a(6);
  AssessmentEngine late_b(7);
  AssessmentEngine hr_a(8);
  AssessmentEngine hr_b(8);
  const auto ra = measure_assessment(older_adult(), p, a, late_a, hr_a);
  const auto rb = measure_assessment(older_adult(), p, b, late_b, hr_b);
  const std::size_t upper = index_of("upper_strength_1rm_rel");
  for (std::size_t k = 0; k < ra.size(); ++k) {
    if (k == upper) {
      EXPECT_NE(ra[k], rb[k]);
    } else {
      EXPECT_EQ(ra[k], rb[k]) << chronic_observables()[k].name;
    }
  }
  EXPECT_EQ(a, b);  // the first stream advanced by the same draws
}

TEST(AgentMeasurement, RestingHeartRateDrawsFromAStreamOfItsOwn) {
  // Resting heart rate came after upper-body strength: over several assessments, its error must
  // leave every other reading, upper-body strength included, as it was (a shared second stream
  // would shift upper-body strength's draws from the second assessment on).
  const PopulationParams p;
  AssessmentEngine a(5);
  AssessmentEngine b(5);
  AssessmentEngine late_a(6);
  AssessmentEngine late_b(6);
  AssessmentEngine hr_a(8);
  AssessmentEngine hr_b(9);
  const std::size_t hr = index_of("resting_heart_rate_bpm");
  for (int i = 0; i < 3; ++i) {
    const auto ra = measure_assessment(older_adult(), p, a, late_a, hr_a);
    const auto rb = measure_assessment(older_adult(), p, b, late_b, hr_b);
    for (std::size_t k = 0; k < ra.size(); ++k) {
      if (k == hr) {
        EXPECT_NE(ra[k], rb[k]);
      } else {
        EXPECT_EQ(ra[k], rb[k]) << chronic_observables()[k].name;
      }
    }
  }
  EXPECT_EQ(late_a, late_b);
}

TEST(AgentMeasurement, RestingHeartRateErrorIsItsCoefficientOfVariation) {
  const PopulationParams p;
  ChronicState s = older_adult();
  s.resting_heart_rate_bpm = 60.0;
  AssessmentEngine noise(31);
  AssessmentEngine late(32);
  AssessmentEngine hr(33);
  const std::size_t k = index_of("resting_heart_rate_bpm");
  constexpr int kN = 40000;
  double sum = 0.0;
  double sum2 = 0.0;
  for (int i = 0; i < kN; ++i) {
    const double v = measure_assessment(s, p, noise, late, hr)[k];
    sum += v;
    sum2 += v * v;
  }
  const double mean = sum / kN;
  const double sd = std::sqrt((sum2 - kN * mean * mean) / (kN - 1));
  EXPECT_NEAR(sd, p.resting_hr_noise_cv * 60.0, 0.03 * p.resting_hr_noise_cv * 60.0);
  EXPECT_NEAR(mean, 60.0, 0.1);
}

}  // namespace
}  // namespace brainload

namespace brainload {
namespace {

// An assessment that averages k tests has every test-retest error divided by √k (HERITAGE tested
// VO2max twice before and twice after training): the VO2max reading's spread halves at k = 4.
TEST(AgentMeasurement, AveragingTestsDividesEveryErrorByTheRootOfTheirNumber) {
  const PopulationParams one;
  const PopulationParams four = averaged_over_tests(one, 4);
  EXPECT_DOUBLE_EQ(four.vo2max_noise_cv, one.vo2max_noise_cv / 2.0);
  EXPECT_DOUBLE_EQ(four.cognition_noise_sd, one.cognition_noise_sd / 2.0);
  EXPECT_DOUBLE_EQ(four.il6_noise_cv, one.il6_noise_cv / 2.0);
  EXPECT_DOUBLE_EQ(four.hippocampal_volume_noise_cv, one.hippocampal_volume_noise_cv / 2.0);
  EXPECT_DOUBLE_EQ(four.resting_hr_noise_cv, one.resting_hr_noise_cv / 2.0);
  EXPECT_DOUBLE_EQ(averaged_over_tests(one, 1).strength_noise_cv, one.strength_noise_cv);
  constexpr int kN = 40000;
  EXPECT_NEAR(moments_of("vo2max_ml_kg_min", four, kN).sd, 25.0 * one.vo2max_noise_cv / 2.0,
              0.03 * 25.0 * one.vo2max_noise_cv / 2.0);
}

}  // namespace
}  // namespace brainload
