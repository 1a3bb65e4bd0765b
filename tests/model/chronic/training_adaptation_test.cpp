// Training adaptation (training_adaptation.hpp): VO2max and strength age at rates that rise
// with age; each muscle group gains from its own load, its neural part fast, its structural
// part over months.
#include "brainload/model/chronic/training_adaptation.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "brainload/model/chronic/chronic_pathways.hpp"
#include "chronic_test_support.hpp"

namespace brainload {
namespace {

using testing::older_adult;
using testing::training_day;

TEST(Chronic, VO2maxAgeingAcceleratesWithAge) {
  // Fleg et al. 2005: a few per cent per decade in the 20s-30s, more than 20 % in the 70s. The
  // same untrained decade from 25 and from 75: the older decade loses several times more.
  const ChronicParams p;
  const auto decade_loss = [&p](double age) {
    Subject subject;
    subject.age_years = age;
    subject.vo2max_ml_kg_min = 30.0;
    ChronicState s = baseline_chronic_state(subject);
    for (int d = 0; d < 3652; ++d) step_chronic_day(p, DailyDose{}, 1.0, s);
    return 1.0 - s.vo2max_ml_kg_min / 30.0;
  };
  const double young = decade_loss(25.0);
  const double old = decade_loss(75.0);
  EXPECT_GT(young, 0.03);
  EXPECT_LT(young, 0.06);
  EXPECT_GT(old, 0.20);
  EXPECT_GT(old, 4.0 * young);
  EXPECT_NEAR(vo2max_ageing_rate_per_year(p.training, 30.0), p.training.vo2max_loss_at_30_per_year,
              1e-15);
}

TEST(Chronic, StrengthAgeingAcceleratesWithAgeAndTakesAFractionOfTheBase) {
  // chronic_structures.md 7l: the untrained base falls at r(age) = r70·e^((age − 70)/A), a
  // relative rate, so ten years from 50 lose little and ten years from 75 lose much more; the
  // loss is exp(−∫r) of the base, the closed form the fit script uses.
  const ChronicParams p;
  const auto loss = [&p](double age, int days) {
    Subject subject;
    subject.age_years = age;
    ChronicState s = baseline_chronic_state(subject);
    for (int d = 0; d < days; ++d) step_chronic_day(p, DailyDose{}, 1.0, s);
    return 1.0 - s.strength_1rm_rel;
  };
  const double r70 = p.training.strength_loss_at_70_per_year;
  const double a = p.training.strength_loss_efold_years;
  const double years = 3652.0 / 365.25;
  const double closed =
      1.0 -
      std::exp(-r70 * a * (std::exp((75.0 + years - 70.0) / a) - std::exp((75.0 - 70.0) / a)));
  EXPECT_NEAR(loss(75.0, 3652), closed, 0.01 * closed);
  EXPECT_GT(loss(75.0, 3652), 10.0 * loss(50.0, 3652));
  EXPECT_GT(loss(50.0, 3652), 0.0);
  EXPECT_NEAR(strength_ageing_rate_per_year(p.training, 70.0), r70, 1e-15);
  EXPECT_NEAR(strength_ageing_rate_per_year(p.training, 70.0 + a), r70 * std::exp(1.0), 1e-12);
}

TEST(Chronic, EachMuscleGroupGainsFromItsOwnLoadOnly) {
  // Specificity (chronic_structures.md 7i): a leg-only programme raises leg strength; the upper
  // body only ages, and by the same fraction as an untrained person's.
  const ChronicParams p;
  ChronicState legs = older_adult();
  ChronicState none = older_adult();
  for (int d = 0; d < 120; ++d) {
    DailyDose dose = training_day(d);
    dose.upper_resistance_load = 0.0;
    step_chronic_day(p, dose, 1.0, legs);
    step_chronic_day(p, DailyDose{}, 1.0, none);
  }
  EXPECT_GT(legs.strength_1rm_rel, 1.1);
  EXPECT_DOUBLE_EQ(legs.upper_strength_1rm_rel, none.upper_strength_1rm_rel);
  EXPECT_LT(none.upper_strength_1rm_rel, 1.0);
  EXPECT_DOUBLE_EQ(none.strength_1rm_rel, none.upper_strength_1rm_rel);
}

TEST(Chronic, TheNeuralPartRisesFastAndFallsSlowlyTheStructuralPartFallsInMonths) {
  // chronic_structures.md 7k: retained motor learning; muscle size goes with τ ≈ 4 months.
  ChronicParams p;
  p.training.strength_neural_off_tau_days = 365.0;  // any value well above the rise's 21 d
  ChronicState s = older_adult();
  for (int d = 0; d < 84; ++d) step_chronic_day(p, training_day(d), 1.0, s);
  const ChronicState trained = s;
  for (int d = 84; d < 84 + 120; ++d) step_chronic_day(p, DailyDose{}, 1.0, s);
  // The targets follow the 14-day load average down over a few weeks, so the retained shares
  // sit a little above the pure exponentials e^(−120/365) = 0.72 and e^(−120/120) = 0.37.
  const double neural_kept = s.strength_neural / trained.strength_neural;
  const double muscle_kept = s.strength_muscle / trained.strength_muscle;
  EXPECT_GT(neural_kept, 0.72);
  EXPECT_LT(neural_kept, 0.80);
  EXPECT_GT(muscle_kept, 0.37);
  EXPECT_LT(muscle_kept, 0.60);
  EXPECT_GT(neural_kept, muscle_kept + 0.15);
  // With the off-time constant equal to the rise's, the neural part is gone as fast.
  p.training.strength_neural_off_tau_days = p.training.strength_neural_tau_days;
  ChronicState symmetric = trained;
  for (int d = 84; d < 84 + 120; ++d) step_chronic_day(p, DailyDose{}, 1.0, symmetric);
  EXPECT_LT(symmetric.strength_neural, 0.03 * trained.strength_neural);
}

}  // namespace
}  // namespace brainload
