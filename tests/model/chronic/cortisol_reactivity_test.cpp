// Cortisol reactivity (cortisol_reactivity.hpp): regular exercise above the HPA threshold lowers
// the exercise cortisol response, by at most X.
#include "brainload/model/chronic/cortisol_reactivity.hpp"

#include <gtest/gtest.h>

namespace brainload {
namespace {

TEST(Chronic, CortisolReactivityFallsWithTheHpaDoseAndSaturates) {
  const CortisolReactivityParams p;
  ChronicState none;
  ChronicState half;
  ChronicState heavy;
  half.hpa_dose_avg = p.half_dose;  // S = 1/2
  heavy.hpa_dose_avg = 1000.0 * p.half_dose;
  for (int d = 0; d < 3650; ++d) {
    step_cortisol_reactivity(p, none);
    step_cortisol_reactivity(p, half);
    step_cortisol_reactivity(p, heavy);
  }
  EXPECT_EQ(none.cortisol_reactivity_reduction, 0.0);
  EXPECT_NEAR(half.cortisol_reactivity_reduction, 0.5 * p.reduction_max, 1e-12);
  EXPECT_GT(heavy.cortisol_reactivity_reduction, half.cortisol_reactivity_reduction);
  EXPECT_LT(heavy.cortisol_reactivity_reduction, p.reduction_max);
}

}  // namespace
}  // namespace brainload
