// Brain age (brain_age.hpp): a benefit that saturates, about as large for a moderate as for a
// heavy load, and only fades once training stops (section 7o).
#include "brainload/model/chronic/brain_age.hpp"

#include <gtest/gtest.h>

#include "brainload/model/chronic/chronic_pathways.hpp"
#include "chronic_test_support.hpp"

namespace brainload {
namespace {

using testing::older_adult;
using testing::training_day;

TEST(Chronic, BrainAgeBenefitSaturatesAndNeverGrowsAfterTrainingStops) {
  const ChronicParams p;
  ChronicState s = older_adult();
  for (int d = 0; d < 365; ++d) step_chronic_day(p, training_day(d), 1.0, s);
  const double one_year = s.brain_age_gap_years;
  for (int d = 365; d < 3 * 365; ++d) step_chronic_day(p, training_day(d), 1.0, s);
  // Three years of the same training: the benefit is bounded by G, not growing year on year.
  EXPECT_GE(s.brain_age_gap_years, -p.brain_age.gap_max_years - 1e-12);
  EXPECT_NEAR(s.brain_age_gap_years, one_year, 0.05 * -one_year);
  double previous = s.brain_age_gap_years;
  for (int d = 3 * 365; d < 4 * 365; ++d) {
    step_chronic_day(p, DailyDose{}, 1.0, s);
    EXPECT_GE(s.brain_age_gap_years, previous - 1e-12) << "day " << d;
    previous = s.brain_age_gap_years;
  }
}

TEST(Chronic, HeavyAndModerateLoadsGiveSimilarBrainAge) {
  const ChronicParams p;
  ChronicState heavy = older_adult();
  ChronicState moderate = older_adult();
  for (int d = 0; d < 365; ++d) {
    DailyDose h = training_day(d);
    DailyDose m = h;
    m.training_load *= 0.35;
    step_chronic_day(p, h, 1.0, heavy);
    step_chronic_day(p, m, 1.0, moderate);
  }
  // Saturating dose response: a third of the load keeps most of the effect (LISA HRT ≈ MIT).
  EXPECT_LT(heavy.brain_age_gap_years, moderate.brain_age_gap_years);
  EXPECT_GT(moderate.brain_age_gap_years / heavy.brain_age_gap_years, 0.6);
}

}  // namespace
}  // namespace brainload
