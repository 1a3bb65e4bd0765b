#include "brainload/model/catecholamines.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brainload {
namespace {

TEST(Catecholamines, RestIsSteady) {
  const CatecholamineParams p;
  const auto r =
      catecholamine_rates(p, p.epinephrine_rest_nmol_l, p.norepinephrine_rest_nmol_l, 0.0);
  EXPECT_DOUBLE_EQ(r.epinephrine_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.norepinephrine_per_min, 0.0);
  EXPECT_GE(p.epinephrine_rest_nmol_l, 0.2);  // textbook 0.2–0.4 nmol/L
  EXPECT_LE(p.epinephrine_rest_nmol_l, 0.4);
}

// Exact solution of dE/dt = k (E* − E) over a 30 s sprint at full drive: the fold change at the
// sprint's end must be in the 5–15 range of Zouhal et al. 2008.
TEST(Catecholamines, ThirtySecondSprintRaisesEpinephrineSeveralFold) {
  const CatecholamineParams p;
  const double e0 = p.epinephrine_rest_nmol_l;
  const double slope =
      catecholamine_rates(p, e0, p.norepinephrine_rest_nmol_l, 0.9).epinephrine_per_min;
  const double k = std::log(2.0) / p.epinephrine_half_life_min;
  const double target = e0 + slope / k;
  const double end = target + (e0 - target) * std::exp(-k * 0.5);
  EXPECT_GT(end / e0, 5.0);
  EXPECT_LT(end / e0, 15.0);
}

TEST(Catecholamines, ModerateDriveRaisesLittle) {
  const CatecholamineParams p;
  const double k = std::log(2.0) / p.epinephrine_half_life_min;
  const double slope =
      catecholamine_rates(p, p.epinephrine_rest_nmol_l, p.norepinephrine_rest_nmol_l, 0.5)
          .epinephrine_per_min;
  const double steady_fold = 1.0 + slope / k / p.epinephrine_rest_nmol_l;
  EXPECT_GT(steady_fold, 1.1);
  EXPECT_LT(steady_fold, 2.5);
}

TEST(Catecholamines, ClearanceReturnsTowardRest) {
  const CatecholamineParams p;
  const auto r = catecholamine_rates(p, 3.0, 10.0, 0.0);
  EXPECT_LT(r.epinephrine_per_min, 0.0);
  EXPECT_LT(r.norepinephrine_per_min, 0.0);
}

}  // namespace
}  // namespace brainload
