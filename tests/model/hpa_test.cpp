#include "brainload/model/hpa.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brainload {
namespace {

TEST(Hpa, UnitDriveAtUnitStateIsSteady) {
  const HpaParams p;
  const auto r = hpa_rates(p, 1.0, 1.0, 1.0, 1.0);
  EXPECT_NEAR(r.crh_per_min, 0.0, 1e-15);
  EXPECT_NEAR(r.acth_per_min, 0.0, 1e-15);
  EXPECT_NEAR(r.cortisol_per_min, 0.0, 1e-15);
}

TEST(Hpa, CortisolFeedsBackOnCrhAndActh) {
  const HpaParams p;
  EXPECT_LT(hpa_rates(p, 1.0, 1.0, 1.0, 2.0).crh_per_min, 0.0);
  EXPECT_LT(hpa_rates(p, 1.0, 1.0, 1.0, 2.0).acth_per_min, 0.0);
}

TEST(Hpa, CircadianDriveIsHighInTheMorningAndLowAtNight) {
  const HpaParams p;
  EXPECT_GT(circadian_drive(p, 7 * 60.0), 5.0 * circadian_drive(p, 23 * 60.0));
}

TEST(Hpa, ExerciseDrivesTheAxisOnlyAboveTheIntensityThreshold) {
  const HpaParams p;
  EXPECT_EQ(exercise_hpa_drive(p, 0.4, 1.0), 0.0);  // Hill et al. 2008: 40 % does not raise it
  EXPECT_GT(exercise_hpa_drive(p, 0.6, 1.0), 0.0);
  EXPECT_GT(exercise_hpa_drive(p, 0.8, 1.0), exercise_hpa_drive(p, 0.6, 1.0));
  EXPECT_LT(exercise_hpa_drive(p, 0.8, 0.7), exercise_hpa_drive(p, 0.8, 1.0));  // trained
}

TEST(Hpa, MineralocorticoidFeedbackDividesTheDriveByCortisol) {
  // Karin et al. 2020: at twice the daily mean, CRH is driven less than half as hard (MR 1/x3
  // and GR together), so CRH relaxes towards a lower level than with GR alone.
  const HpaParams p;
  const double at_twice = hpa_rates(p, 1.0, 0.0, 1.0, 2.0).crh_per_min;
  const double at_mean = hpa_rates(p, 1.0, 0.0, 1.0, 1.0).crh_per_min;
  EXPECT_LT(at_twice, 0.5 * at_mean);
}

TEST(Hpa, AwakeningDriveStartsAtWakingAndFadesWithinTheHour) {
  const HpaParams p;
  EXPECT_EQ(awakening_drive(p, -1.0), 0.0);  // asleep
  EXPECT_DOUBLE_EQ(awakening_drive(p, 0.0), p.awakening_gain);
  EXPECT_LT(awakening_drive(p, 60.0), 0.05 * p.awakening_gain);
}

TEST(Hpa, PlasmaVolumeFallsWithIntensityAndRecoversAtRest) {
  const HpaParams p;
  EXPECT_LT(plasma_volume_rate(p, 0.8, 1.0), plasma_volume_rate(p, 0.4, 1.0));
  EXPECT_LT(plasma_volume_rate(p, 0.4, 1.0), 0.0);
  EXPECT_GT(plasma_volume_rate(p, 0.0, 0.85), 0.0);
  EXPECT_NEAR(plasma_volume_rate(p, 0.8, 1.0 - 0.8 * p.plasma_volume_slope), 0.0, 1e-15);
}

// The shift has two time constants (docs/research/cortisol_recovery_timing.md): the same distance
// from the target closes τ_V/τ_on times faster on the way down than on the way back.
TEST(Hpa, PlasmaVolumeFallsFasterThanItReturns) {
  const HpaParams p;
  const double target = 1.0 - 0.6 * p.plasma_volume_slope;
  const double d = 0.05;
  const double falling = plasma_volume_rate(p, 0.6, target + d);
  const double returning = plasma_volume_rate(p, 0.6, target - d);
  EXPECT_NEAR(falling, -d / p.plasma_volume_onset_tau_min, 1e-15);
  EXPECT_NEAR(returning, d / p.plasma_volume_tau_min, 1e-15);
  EXPECT_GT(-falling, 5.0 * returning);
  EXPECT_NEAR(plasma_volume_rate(p, 0.6, target), 0.0, 1e-15);  // continuous at the switch
}

TEST(Hpa, TheChronicDoseDoesNotDependOnTheExerciseGain) {
  HpaParams p;
  const double dose = exercise_hpa_dose_rate(p, 0.8, 1.0);
  p.exercise_gain *= 3.0;
  EXPECT_DOUBLE_EQ(exercise_hpa_dose_rate(p, 0.8, 1.0), dose);
  EXPECT_DOUBLE_EQ(exercise_hpa_dose_rate(p, 0.4, 1.0), 0.0);
}

// Free cortisol (docs/research/free_cortisol.md): the root satisfies the mass balance it was
// derived from, and with Coolens et al.'s constants it is their clinical equation.
TEST(Hpa, FreeCortisolSolvesTheBindingMassBalance) {
  const HpaParams p;
  for (const double v : {0.8, 1.0}) {
    for (const double total : {5.0, 50.0, 330.0, 650.0, 1000.0, 2500.0}) {
      const double u = free_cortisol_nmol_l(p, total, v);
      const double g = p.cbg_capacity_nmol_l / v;
      const double k = p.cbg_affinity_l_per_nmol;
      const double bound = u * p.albumin_bound_ratio + g * k * u / (1.0 + k * u);
      EXPECT_NEAR(u + bound, total, 1e-9 * total) << "total " << total << " volume " << v;
      EXPECT_GT(u, 0.0);
      EXPECT_LT(u, total);
    }
  }
  // Coolens et al. 1987 in µmol/L: U = √(Z² + 0.0122·T) − Z, Z = 0.0167 + 0.182·(G − T).
  const double t = 0.40;
  const double z = 0.0167 + 0.182 * (p.cbg_capacity_nmol_l / 1000.0 - t);
  EXPECT_NEAR(free_cortisol_nmol_l(p, 1000.0 * t, 1.0) / 1000.0, std::sqrt(z * z + 0.0122 * t) - z,
              0.01 * (std::sqrt(z * z + 0.0122 * t) - z));
  EXPECT_DOUBLE_EQ(free_cortisol_nmol_l(p, 0.0, 1.0), 0.0);
}

// CBG saturates near the morning concentration, so the free share rises with the total (about 5 %
// at the evening nadir, above 10 % past the binding capacity) and a rise of total cortisol is a
// larger relative rise of free cortisol: the awakening response of saliva exceeds that of serum.
TEST(Hpa, FreeCortisolRisesFasterThanTotalBelowTheBindingCapacity) {
  const HpaParams p;
  const double nadir = free_cortisol_nmol_l(p, 50.0, 1.0) / 50.0;
  const double morning = free_cortisol_nmol_l(p, 400.0, 1.0) / 400.0;
  const double high = free_cortisol_nmol_l(p, 900.0, 1.0) / 900.0;
  EXPECT_GT(nadir, 0.03);
  EXPECT_LT(nadir, 0.07);
  EXPECT_GT(morning, nadir);
  EXPECT_GT(high, 0.10);
  const double free_rise =
      free_cortisol_nmol_l(p, 1.2 * 330.0, 1.0) / free_cortisol_nmol_l(p, 330.0, 1.0) - 1.0;
  EXPECT_GT(free_rise, 1.4 * 0.2);
}

// Haemoconcentration concentrates the binding protein with the bound cortisol, so a 15 % fall of
// plasma volume raises the measured total by 17.6 % and free cortisol by less than a third of it.
TEST(Hpa, FreeCortisolBarelyShowsThePlasmaVolumeShift) {
  const HpaParams p;
  const double v = 0.85;
  const double rest = free_cortisol_nmol_l(p, 400.0, 1.0);
  const double shifted = free_cortisol_nmol_l(p, 400.0 / v, v);
  EXPECT_GT(shifted, rest);
  EXPECT_LT(shifted / rest - 1.0, (1.0 / v - 1.0) / 3.0);
}

}  // namespace
}  // namespace brainload
