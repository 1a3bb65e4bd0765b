#include "brainload/model/catecholamines.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/units.hpp"

namespace brainload {

double catecholamine_activation(double intensity_frac, double threshold_frac, double half_excess) {
  const double excess = std::max(0.0, intensity_frac - threshold_frac);
  return excess / (excess + half_excess);
}

double adrenal_responsiveness(const CatecholamineParams& p, double age_years) {
  return std::max(0.0, 1.0 - p.epinephrine_age_decline_per_year * std::max(0.0, age_years - 25.0));
}

CatecholamineRates catecholamine_rates(const CatecholamineParams& p, double epinephrine_nmol_l,
                                       double norepinephrine_nmol_l, double drift,
                                       double intensity_frac, double muscle_mass_frac,
                                       double lactate_threshold_frac, double age_years) {
  const double th_e = lactate_threshold_frac + p.epinephrine_threshold_above_lt;
  const double th_ne = lactate_threshold_frac + p.norepinephrine_threshold_above_lt;
  const double s_e = catecholamine_activation(intensity_frac, th_e, p.epinephrine_half_excess);
  const double s_ne = catecholamine_activation(intensity_frac, th_ne, p.norepinephrine_half_excess);
  const double x = std::max(0.0, intensity_frac);
  const double base_e = 1.0 + (p.sub_threshold_fold - 1.0) * std::min(1.0, x / th_e);
  const double base_ne = 1.0 + (p.sub_threshold_fold - 1.0) * std::min(1.0, x / th_ne);
  const double log_max = std::log(p.max_fold / p.sub_threshold_fold);
  const double d = std::max(0.0, drift);
  const double w = std::clamp(muscle_mass_frac / p.mass_ref_frac, 0.0, 1.0);
  const double excess_e = w * (1.0 + d) * (base_e * std::exp(log_max * s_e) - 1.0);
  const double excess_ne = w * (1.0 + d) * (base_ne * std::exp(log_max * s_ne) - 1.0);
  const double e_target =
      p.epinephrine_rest_nmol_l * (1.0 + adrenal_responsiveness(p, age_years) * excess_e);
  const double ne_target = p.norepinephrine_rest_nmol_l * (1.0 + excess_ne);
  return {units::rate_from_half_life(p.epinephrine_half_life_min) * (e_target - epinephrine_nmol_l),
          units::rate_from_half_life(p.norepinephrine_half_life_min) *
              (ne_target - norepinephrine_nmol_l),
          p.drift_per_min * s_ne - drift / p.drift_tau_min};
}

}  // namespace brainload
