#include "brainload/model/lactate.hpp"

#include <algorithm>

namespace brainload {

double lactate_production(const LactateParams& p, double muscle_intensity_frac,
                          double muscle_mass_frac, double threshold_frac, double production_rel) {
  if (muscle_intensity_frac <= threshold_frac) return 0.0;
  const double s = (muscle_intensity_frac - threshold_frac) / (1.0 - threshold_frac);
  return p.production_max_mmol_l_per_min * production_rel * (muscle_mass_frac / p.mass_ref_frac) *
         s * s;
}

LactateRates lactate_rates(const LactateParams& p, double production, double work_vo2max_frac,
                           double threshold_frac, double clearance_rel, double muscle_mmol_l,
                           double blood_mmol_l, double brain_mmol_l) {
  const double active = std::min(std::max(work_vo2max_frac, 0.0), threshold_frac) / threshold_frac;
  const double clearance =
      p.passive_clearance_per_min * clearance_rel * (1.0 + p.active_clearance_gain * active);
  const double exchange = p.exchange_per_min * muscle_mmol_l;
  const double b = std::max(blood_mmol_l, 0.0);
  const double br = std::max(brain_mmol_l, 0.0);
  const double transport = p.brain_transport_mmol_l_per_min *
                           (b / (p.brain_km_mmol_l + b) - br / (p.brain_km_mmol_l + br));
  return {production - exchange, exchange - clearance * (blood_mmol_l - p.rest_mmol_l),
          transport + p.brain_oxidation_per_min * (p.brain_rest_mmol_l - brain_mmol_l)};
}

}  // namespace brainload
