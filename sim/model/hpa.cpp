#include "brainload/model/hpa.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/units.hpp"

namespace brainload {

namespace {
double gr(double cortisol_rel, double k) {
  const double r = std::max(0.0, cortisol_rel) / k;
  return 1.0 / (1.0 + r * r * r);
}
}  // namespace

double circadian_drive(const HpaParams& p, double clock_min) {
  const double w = 2.0 * units::kPi / units::kMinutesPerDay;
  return std::exp(p.circadian_c1 * std::cos(w * (clock_min - p.circadian_phase1_clock_min)) +
                  p.circadian_c2 * std::cos(2.0 * w * (clock_min - p.circadian_phase2_clock_min))) /
         p.circadian_norm;
}

double exercise_hpa_drive(const HpaParams& p, double work_vo2max_frac, double reactivity_rel) {
  const double above = (work_vo2max_frac - p.exercise_threshold_vo2max_frac) /
                       (1.0 - p.exercise_threshold_vo2max_frac);
  return p.exercise_gain * reactivity_rel * std::clamp(above, 0.0, 1.0);
}

HpaRates hpa_rates(const HpaParams& p, double drive, double crh, double acth, double cortisol_rel) {
  const double feedback = gr(cortisol_rel, p.feedback_k) / gr(1.0, p.feedback_k);
  return {
      units::rate_from_half_life(p.crh_half_life_min) * (drive * feedback - crh),
      units::rate_from_half_life(p.acth_half_life_min) * (crh * p.pituitary_mass * feedback - acth),
      units::rate_from_half_life(p.cortisol_half_life_min) *
          (acth * p.adrenal_mass - cortisol_rel)};
}

}  // namespace brainload
