// Hippocampus (hippocampus.hpp): atrophy that speeds up linearly with age (section 7p).
#include "brainload/model/chronic/hippocampus.hpp"

#include <gtest/gtest.h>

#include "brainload/model/chronic/chronic_pathways.hpp"
#include "chronic_test_support.hpp"

namespace brainload {
namespace {

using testing::older_adult;

TEST(Chronic, HippocampalAtrophySpeedsUpLinearlyWithAgeAndNeverTurnsToGrowth) {
  const HippocampusParams p;
  const double s = p.ageing_acceleration_per_year2;
  EXPECT_NEAR(hippocampal_ageing_rate_per_year(p, 70.0), p.ageing_loss_at_70_per_year, 1e-15);
  EXPECT_NEAR(hippocampal_ageing_rate_per_year(p, 80.0) - hippocampal_ageing_rate_per_year(p, 60.0),
              20.0 * s, 1e-12);  // Du et al. 2006: +0.05 %/y per year of age
  EXPECT_EQ(hippocampal_ageing_rate_per_year(p, 20.0), 0.0);  // floored, not negative
  // Without training an 80-year-old loses more in a year than a 60-year-old.
  const ChronicParams c;
  auto one_year = [&](double age) {
    ChronicState st = older_adult();
    st.age_years = age;
    for (int d = 0; d < 365; ++d) step_chronic_day(c, DailyDose{}, 1.0, st);
    return 1.0 - st.hippocampal_volume_rel;
  };
  EXPECT_GT(one_year(80.0), one_year(60.0) + 0.5 * 20.0 * s);
}

}  // namespace
}  // namespace brainload
