#include "brainload/model/arousal.hpp"

#include <algorithm>
#include <cmath>

namespace brainload {

ArousalRates arousal_rates(const ArousalParams& p, const Drive& d, double epinephrine_excess_nmol_l,
                           double vagal_rel, double nts_rel, double lc_hz, double brain_ne_rel) {
  const double de = std::max(0.0, epinephrine_excess_nmol_l);
  const double vagal_target = 1.0 + p.vagal_gain * de / (p.vagal_ec50_nmol_l + de);
  const double nts_target = 1.0 + p.nts_gain * (vagal_rel - 1.0);
  const double tonic_hz = p.lc_wake_hz * (d.awake ? 1.0 : p.lc_sleep_factor);
  const double lc_target = std::max(0.0, tonic_hz + p.lc_nts_gain_hz * (nts_rel - 1.0) +
                                             p.lc_engagement_hz * d.cognitive_engagement);
  return {(vagal_target - vagal_rel) / p.vagal_tau_min, (nts_target - nts_rel) / p.nts_tau_min,
          (lc_target - lc_hz) / p.lc_tau_min,
          (lc_hz / p.lc_wake_hz - brain_ne_rel) / p.brain_ne_tau_min};
}

double arousal_from_brain_ne(const ArousalParams& p, double brain_ne_rel) {
  const double x = std::log(std::max(brain_ne_rel, 1e-6));
  return 1.0 / (1.0 + std::exp(-(x - p.arousal_theta) / p.arousal_sigma));
}

}  // namespace brainload
