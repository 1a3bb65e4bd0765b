// Prefrontal connectivity (prefrontal.hpp): at rest it stays at baseline; heavy work moves it
// towards 1 + X · T · S(H̄, L50) by the exact daily relaxation.
#include "brainload/model/chronic/prefrontal.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brainload {
namespace {

TEST(Chronic, PrefrontalConnectivityStaysAtBaselineWithoutHeavyWork) {
  const PrefrontalParams p;
  ChronicState s;
  for (int d = 0; d < 365; ++d) step_prefrontal(p, 1.0, s);
  EXPECT_EQ(s.prefrontal_connectivity_rel, 1.0);
}

TEST(Chronic, PrefrontalConnectivityRelaxesTowardsItsSaturatingTarget) {
  const PrefrontalParams p;
  ChronicState s;
  s.heavy_avg = p.heavy_half_load;  // S = 1/2
  const double target = 1.0 + 0.5 * p.gain_max;
  step_prefrontal(p, 1.0, s);
  EXPECT_NEAR(s.prefrontal_connectivity_rel, target + (1.0 - target) * std::exp(-1.0 / p.tau_days),
              1e-15);
  for (int d = 1; d < 3650; ++d) step_prefrontal(p, 1.0, s);
  EXPECT_NEAR(s.prefrontal_connectivity_rel, target, 1e-12);
  // Trainability scales the gain.
  ChronicState low;
  low.heavy_avg = p.heavy_half_load;
  for (int d = 0; d < 3650; ++d) step_prefrontal(p, 0.5, low);
  EXPECT_NEAR(low.prefrontal_connectivity_rel - 1.0, 0.5 * (target - 1.0), 1e-12);
}

}  // namespace
}  // namespace brainload
