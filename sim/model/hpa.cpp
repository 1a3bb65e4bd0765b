#include "brainload/model/hpa.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/units.hpp"

namespace brainload {

namespace {
// Cortisol is never below this fraction of its daily mean inside the feedback terms: keeps the MR
// term 1/x3 finite at a start from zero (a numerical guard; physiological x3 stays above 0.1).
constexpr double kMinFeedbackCortisol = 0.05;

double gr(double cortisol_rel, double k) {
  const double r = std::max(0.0, cortisol_rel) / k;
  return 1.0 / (1.0 + r * r * r);
}

double above_threshold(const HpaParams& p, double work_vo2max_frac) {
  return std::clamp((work_vo2max_frac - p.exercise_threshold_vo2max_frac) /
                        (1.0 - p.exercise_threshold_vo2max_frac),
                    0.0, 1.0);
}
}  // namespace

double circadian_drive(const HpaParams& p, double clock_min) {
  const double w = 2.0 * units::kPi / units::kMinutesPerDay;
  return std::exp(p.circadian_c1 * std::cos(w * (clock_min - p.circadian_phase1_clock_min)) +
                  p.circadian_c2 * std::cos(2.0 * w * (clock_min - p.circadian_phase2_clock_min))) /
         p.circadian_norm;
}

double exercise_hpa_drive(const HpaParams& p, double work_vo2max_frac, double reactivity_rel) {
  return p.exercise_gain * reactivity_rel * above_threshold(p, work_vo2max_frac);
}

double exercise_hpa_dose_rate(const HpaParams& p, double work_vo2max_frac, double reactivity_rel) {
  return reactivity_rel * above_threshold(p, work_vo2max_frac);
}

double hypoglycaemia_hpa_drive(const HpaParams& p, double glucose_mmol_l) {
  const double below = (p.glucose_threshold_mmol_l - glucose_mmol_l) / p.glucose_threshold_mmol_l;
  return p.hypoglycaemia_gain * std::clamp(below, 0.0, 1.0);
}

double awakening_drive(const HpaParams& p, double minutes_awake) {
  if (minutes_awake < 0.0) return 0.0;
  return p.awakening_gain * std::exp(-minutes_awake / p.awakening_tau_min);
}

HpaRates hpa_rates(const HpaParams& p, double drive, double crh, double acth, double cortisol_rel) {
  const double c = std::max(kMinFeedbackCortisol, cortisol_rel);
  const double gr_rel = gr(c, p.gr_k) / gr(1.0, p.gr_k);
  const double mr_rel = 1.0 / c;
  return {
      units::rate_from_half_life(p.crh_half_life_min) * (drive * mr_rel * gr_rel - crh),
      units::rate_from_half_life(p.acth_half_life_min) * (crh * p.pituitary_mass * gr_rel - acth),
      units::rate_from_half_life(p.cortisol_half_life_min) *
          (acth * p.adrenal_mass - cortisol_rel)};
}

double free_cortisol_nmol_l(const HpaParams& p, double total_nmol_l, double volume_rel) {
  // T = U·(1 + N) + G·K·U/(1 + K·U)  ⇔  U² + b·U − c = 0 with b = 1/K + (G − T)/(1 + N) and
  // c = T/(K·(1 + N)); the positive root (−b + √(b² + 4c))/2 written as 2c/(b + √(b² + 4c)).
  const double total = std::max(0.0, total_nmol_l);
  const double capacity = p.cbg_capacity_nmol_l / std::max(volume_rel, 1e-6);
  const double one_plus_n = 1.0 + p.albumin_bound_ratio;
  const double b = 1.0 / p.cbg_affinity_l_per_nmol + (capacity - total) / one_plus_n;
  const double c = total / (p.cbg_affinity_l_per_nmol * one_plus_n);
  return 2.0 * c / (b + std::sqrt(b * b + 4.0 * c));
}

double plasma_volume_rate(const HpaParams& p, double work_vo2max_frac, double volume_rel) {
  const double target = 1.0 - p.plasma_volume_slope * std::max(0.0, work_vo2max_frac);
  // Falls fast, returns slowly; the rate is continuous (zero at the target) whichever applies.
  const double tau = target < volume_rel ? p.plasma_volume_onset_tau_min : p.plasma_volume_tau_min;
  return (target - volume_rel) / tau;
}

}  // namespace brainload
