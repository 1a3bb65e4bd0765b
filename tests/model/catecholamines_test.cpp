// Plasma catecholamines: rest, thresholds at the lactate threshold, saturation, drift, age and
// muscle mass.
#include "brainload/model/catecholamines.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brainload {
namespace {

// Steady-state target of the amines at a constant drive (rate / k + current value).
struct Steady {
  double epinephrine;
  double norepinephrine;
};
Steady steady(const CatecholamineParams& p, double x, double mass, double lt, double age,
              double drift = 0.0) {
  const auto r = catecholamine_rates(p, p.epinephrine_rest_nmol_l, p.norepinephrine_rest_nmol_l,
                                     drift, x, mass, lt, age);
  const double ke = std::log(2.0) / p.epinephrine_half_life_min;
  const double kn = std::log(2.0) / p.norepinephrine_half_life_min;
  return {p.epinephrine_rest_nmol_l + r.epinephrine_per_min / ke,
          p.norepinephrine_rest_nmol_l + r.norepinephrine_per_min / kn};
}

TEST(Catecholamines, RestIsSteady) {
  const CatecholamineParams p;
  const auto r = catecholamine_rates(p, p.epinephrine_rest_nmol_l, p.norepinephrine_rest_nmol_l,
                                     0.0, 0.0, 0.0, 0.6, 25.0);
  EXPECT_DOUBLE_EQ(r.epinephrine_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.norepinephrine_per_min, 0.0);
  EXPECT_DOUBLE_EQ(r.drift_per_min, 0.0);
  EXPECT_GE(p.epinephrine_rest_nmol_l, 0.2);  // textbook 0.2–0.4 nmol/L
  EXPECT_LE(p.epinephrine_rest_nmol_l, 0.4);
}

// Schneider et al. 1992, Turner et al. 1995: both thresholds near the lactate threshold; below
// it only a modest rise, above it a steep one.
TEST(Catecholamines, ModestBelowTheLactateThresholdSteepAbove) {
  const CatecholamineParams p;
  const double lt = 0.6;
  const Steady below = steady(p, 0.5, 0.45, lt, 25.0);
  EXPECT_GT(below.epinephrine, p.epinephrine_rest_nmol_l);
  EXPECT_LE(below.epinephrine, p.sub_threshold_fold * p.epinephrine_rest_nmol_l);
  EXPECT_LE(below.norepinephrine, p.sub_threshold_fold * p.norepinephrine_rest_nmol_l);
  const Steady above = steady(p, 0.7, 0.45, lt, 25.0);
  EXPECT_GT(above.epinephrine, 2.0 * p.epinephrine_rest_nmol_l);
  EXPECT_GT(above.norepinephrine, 3.0 * p.norepinephrine_rest_nmol_l);
  // Slope per 0.1 VO2max: steeper above the threshold than below it.
  const double slope_below =
      steady(p, 0.6, 0.45, lt, 25.0).norepinephrine - steady(p, 0.5, 0.45, lt, 25.0).norepinephrine;
  const double slope_above = above.norepinephrine - steady(p, 0.6, 0.45, lt, 25.0).norepinephrine;
  EXPECT_GT(slope_above, 5.0 * slope_below);
  // The same intensity is below the threshold of a person whose lactate threshold is higher.
  EXPECT_LE(steady(p, 0.7, 0.45, 0.75, 25.0).norepinephrine,
            p.sub_threshold_fold * p.norepinephrine_rest_nmol_l);
}

// Exponential in the excess just above the threshold (log fold linear), saturating at max_fold
// (Zouhal et al. 2008: 5–15 fold at supramaximal work).
TEST(Catecholamines, RiseIsExponentialAboveThresholdAndSaturates) {
  const CatecholamineParams p;
  const double lt = 0.6;
  const auto log_excess_fold = [&](double x) {
    return std::log(steady(p, x, 0.45, lt, 25.0).norepinephrine / p.norepinephrine_rest_nmol_l /
                    p.sub_threshold_fold);
  };
  const double a = log_excess_fold(lt + 0.002);
  const double b = log_excess_fold(lt + 0.004);
  EXPECT_NEAR(b / a, 2.0, 0.1);
  EXPECT_GT(log_excess_fold(1.0), log_excess_fold(0.8));
  const double supramaximal = steady(p, 3.0, 0.45, lt, 25.0).epinephrine;
  EXPECT_LE(supramaximal, p.epinephrine_rest_nmol_l * p.max_fold + 1e-9);
  EXPECT_GT(supramaximal, 0.5 * p.epinephrine_rest_nmol_l * p.max_fold);
}

TEST(Catecholamines, DriftBuildsAboveThresholdAndRaisesTheResponse) {
  const CatecholamineParams p;
  const auto above = catecholamine_rates(p, 1.0, 5.0, 0.0, 0.8, 0.45, 0.6, 25.0);
  EXPECT_GT(above.drift_per_min, 0.0);
  const auto rest = catecholamine_rates(p, 1.0, 5.0, 0.3, 0.0, 0.0, 0.6, 25.0);
  EXPECT_LT(rest.drift_per_min, 0.0);
  EXPECT_GT(steady(p, 0.8, 0.45, 0.6, 25.0, 0.3).norepinephrine,
            steady(p, 0.8, 0.45, 0.6, 25.0, 0.0).norepinephrine);
  // The drift scales the excess only: no exercise, no rise however large the drift.
  EXPECT_DOUBLE_EQ(steady(p, 0.0, 0.0, 0.6, 25.0, 0.5).norepinephrine,
                   p.norepinephrine_rest_nmol_l);
}

// Kohrt et al. 1993: epinephrine at the same relative intensity about half at 64 y.
TEST(Catecholamines, AdrenalResponseFallsWithAge) {
  const CatecholamineParams p;
  const double young = steady(p, 0.78, 0.6, 0.6, 25.0).epinephrine - p.epinephrine_rest_nmol_l;
  const double older = steady(p, 0.78, 0.6, 0.6, 64.0).epinephrine - p.epinephrine_rest_nmol_l;
  EXPECT_GT(older, 0.0);
  EXPECT_LT(older, 0.5 * young);
  EXPECT_DOUBLE_EQ(adrenal_responsiveness(p, 20.0), 1.0);
  EXPECT_GE(adrenal_responsiveness(p, 120.0), 0.0);
  // Norepinephrine has no age term.
  EXPECT_DOUBLE_EQ(steady(p, 0.78, 0.6, 0.6, 64.0).norepinephrine,
                   steady(p, 0.78, 0.6, 0.6, 25.0).norepinephrine);
}

TEST(Catecholamines, LessWorkingMuscleLessResponse) {
  const CatecholamineParams p;
  EXPECT_LT(steady(p, 1.1, 0.1, 0.6, 25.0).epinephrine,
            steady(p, 1.1, 0.45, 0.6, 25.0).epinephrine);
}

TEST(Catecholamines, ClearanceReturnsTowardRest) {
  const CatecholamineParams p;
  const auto r = catecholamine_rates(p, 3.0, 10.0, 0.0, 0.0, 0.0, 0.6, 25.0);
  EXPECT_LT(r.epinephrine_per_min, 0.0);
  EXPECT_LT(r.norepinephrine_per_min, 0.0);
}

}  // namespace
}  // namespace brainload
