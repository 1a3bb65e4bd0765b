#include "brainload/model/cerebral_blood_flow.hpp"

#include <algorithm>
#include <cmath>

namespace brainload {

double cerebral_blood_flow_target(const CerebralBloodFlowParams& p, double work_vo2max_frac,
                                  double strain) {
  auto bell = [&](double x) {
    const double u = (x - p.peak_vo2max_frac) / p.width_vo2max_frac;
    return std::exp(-u * u);
  };
  const double g0 = bell(0.0);
  const double rise = p.peak_rise_rel * (bell(work_vo2max_frac) - g0) / (1.0 - g0);
  const double hypocapnia =
      p.hypocapnia_slope_per_frac * std::clamp(work_vo2max_frac - p.rcp_vo2max_frac, 0.0,
                                               p.hypocapnia_cap_vo2max_frac - p.rcp_vo2max_frac);
  const double l = std::max(0.0, strain);
  const double ln = std::pow(l, p.strain_hill);
  const double depression =
      p.strain_max_depression * ln / (std::pow(p.strain_half_effect, p.strain_hill) + ln);
  const double target = (1.0 + rise - hypocapnia) * (1.0 - depression);
  return std::max(p.floor_rel, target);
}

CerebralBloodFlowRates cerebral_blood_flow_rates(const CerebralBloodFlowParams& p,
                                                 double work_vo2max_frac, double cbf_rel,
                                                 double strain) {
  const double target = cerebral_blood_flow_target(p, work_vo2max_frac, strain);
  return {(target - cbf_rel) / p.tau_min,
          p.strain_gain * std::max(0.0, work_vo2max_frac - p.strain_threshold_vo2max_frac) -
              strain / p.strain_decay_tau_min};
}

}  // namespace brainload
