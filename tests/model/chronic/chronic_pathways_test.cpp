// The chronic layer: ageing without training, adaptation with it, detraining after. The
// whole day and several pathways together; each pathway's own tests are in its
// <pathway>_test.cpp beside this file.
#include "brainload/model/chronic/chronic_pathways.hpp"

#include <gtest/gtest.h>

#include "chronic_test_support.hpp"

namespace brainload {
namespace {

using testing::older_adult;
using testing::training_day;

TEST(Chronic, WithoutTrainingEverythingAgesSlowly) {
  const ChronicParams p;
  ChronicState s = older_adult();
  for (int d = 0; d < 365; ++d) step_chronic_day(p, DailyDose{}, 1.0, s);
  EXPECT_LT(s.hippocampal_volume_rel, 1.0);
  EXPECT_GT(s.hippocampal_volume_rel, 0.98);  // ≈ −1.4 %/y near 66 (Erickson 2011)
  EXPECT_LT(s.vo2max_ml_kg_min, 28.0);
  EXPECT_LT(s.strength_1rm_rel, 1.0);
  EXPECT_LT(s.bbb_integrity, older_adult().bbb_integrity);
  EXPECT_GT(s.il6_resting_pg_ml, older_adult().il6_resting_pg_ml);
  EXPECT_NEAR(s.brain_age_gap_years, 0.0, 1e-12);
  EXPECT_NEAR(s.age_years, 66.0 + 365.0 / 365.25, 1e-9);
}

TEST(Chronic, TrainingAdaptsThenDetrains) {
  const ChronicParams p;
  ChronicState s = older_adult();
  for (int d = 0; d < 28; ++d) step_chronic_day(p, training_day(d), 1.0, s);
  const double early_neural = s.strength_neural;
  const double early_muscle = s.strength_muscle;
  EXPECT_GT(early_neural, early_muscle);  // early gains are neural (Sale 1988)
  for (int d = 28; d < 365; ++d) step_chronic_day(p, training_day(d), 1.0, s);
  EXPECT_GT(s.strength_1rm_rel, 1.15);
  EXPECT_GT(s.bdnf_resting_ng_ml, older_adult().bdnf_resting_ng_ml);
  EXPECT_LT(s.brain_age_gap_years, -1.0);
  EXPECT_GT(s.cognition_composite_z, 0.3);
  EXPECT_LT(s.depression_z, 0.0);
  EXPECT_GT(s.prefrontal_connectivity_rel, 1.0);
  EXPECT_GT(s.sessions_done, 150.0);
  const ChronicState trained = s;
  for (int d = 365; d < 730; ++d) step_chronic_day(p, DailyDose{}, 1.0, s);
  EXPECT_LT(s.strength_1rm_rel, trained.strength_1rm_rel);
  EXPECT_LT(s.bdnf_gain, 0.2 * trained.bdnf_gain);
  // Brain age: still younger a year after training stops (LISA), but by less than at the end
  // of training (issue 15; chronic_structures.md 7o), and never more in between.
  EXPECT_LT(s.brain_age_gap_years, 0.2 * trained.brain_age_gap_years);
  EXPECT_GT(s.brain_age_gap_years, 0.8 * trained.brain_age_gap_years);
  for (int d = 730; d < 3650; ++d) step_chronic_day(p, DailyDose{}, 1.0, s);
  EXPECT_GT(s.brain_age_gap_years, 0.05 * trained.brain_age_gap_years);  // fades over years
}

TEST(Chronic, TrainabilityScalesGainsAndDualTaskAddsWorkingMemory) {
  const ChronicParams p;
  ChronicState low = older_adult();
  ChronicState high = older_adult();
  for (int d = 0; d < 180; ++d) {
    DailyDose dose = training_day(d);
    step_chronic_day(p, dose, 0.5, low);
    dose.dual_task_minutes = dose.sessions > 0 ? 10.0 : 0.0;
    step_chronic_day(p, dose, 1.5, high);
  }
  EXPECT_GT(high.strength_1rm_rel, low.strength_1rm_rel);
  EXPECT_LT(high.brain_age_gap_years, low.brain_age_gap_years);
  EXPECT_EQ(low.working_memory_z, 0.0);
  EXPECT_GT(high.working_memory_z, 0.1);
}

// Section 7w: the threshold rises relative to the person's own, m per unit relative VO2max gain
// (Davis et al. 1979: +15 % of the fraction with VO2max +25 %), and never above the ceiling.
TEST(Chronic, TrainingRaisesTheLactateThresholdRelativeToItsBaseline) {
  const ChronicParams p;
  Subject baseline;
  baseline.lactate_threshold_frac = 0.55;
  ChronicState s = older_adult();
  s.fitness_gain = 0.25;
  const double davis = acute_subject(p.training, baseline, s).lactate_threshold_frac;
  EXPECT_NEAR(davis / 0.55, 1.0 + 0.152, 0.002);
  baseline.lactate_threshold_frac = 0.72;  // a trained threshold rises by more in absolute terms
  EXPECT_NEAR(acute_subject(p.training, baseline, s).lactate_threshold_frac - 0.72,
              0.72 / 0.55 * (davis - 0.55), 1e-12);
  baseline.lactate_threshold_frac = 0.80;
  s.fitness_gain = 0.5;
  EXPECT_DOUBLE_EQ(acute_subject(p.training, baseline, s).lactate_threshold_frac,
                   p.training.lactate_threshold_max_frac);
  s.fitness_gain = 0.0;
  EXPECT_DOUBLE_EQ(acute_subject(p.training, baseline, s).lactate_threshold_frac, 0.80);
}

// Section 7y: resting heart rate falls by k per unit relative VO2max gain from the baseline
// trait (HERITAGE: −2.6 bpm with +17.7 %), returns with the gain in detraining, and the acute
// model starts every session from it.
TEST(Chronic, RestingHeartRateFallsWithTheAerobicGainAndReturnsWithIt) {
  const ChronicParams p;
  Subject baseline;
  baseline.hr_rest_bpm = 68.0;
  ChronicState s = baseline_chronic_state(baseline);
  EXPECT_DOUBLE_EQ(s.resting_heart_rate_bpm, 68.0);
  for (int d = 0; d < 140; ++d) {
    DailyDose dose = training_day(d);
    dose.aerobic_load = (d % 7 == 0 || d % 7 == 2 || d % 7 == 4) ? 1.0 : 0.0;
    step_chronic_day(p, dose, 1.0, s);
  }
  ASSERT_GT(s.fitness_gain, 0.05);
  EXPECT_NEAR(s.resting_heart_rate_bpm,
              68.0 - p.training.resting_hr_per_fitness_gain_bpm * s.fitness_gain, 1e-12);
  EXPECT_NEAR(p.training.resting_hr_per_fitness_gain_bpm * 0.177, 2.6, 0.01);
  EXPECT_DOUBLE_EQ(acute_subject(p.training, baseline, s).hr_rest_bpm, s.resting_heart_rate_bpm);
  const double trained = s.resting_heart_rate_bpm;
  for (int d = 140; d < 505; ++d) step_chronic_day(p, DailyDose{}, 1.0, s);
  EXPECT_GT(s.resting_heart_rate_bpm, trained);
  EXPECT_LT(s.resting_heart_rate_bpm, 68.0);
  EXPECT_LT(68.0 - s.resting_heart_rate_bpm, 0.05 * (68.0 - trained));  // a year off: τ 60 d
}

}  // namespace
}  // namespace brainload
