#include "brainload/model/cerebral_blood_flow.hpp"

#include <algorithm>
#include <cmath>

namespace brainload {

double expressed_hypotension_mmhg(const CerebralBloodFlowParams& p, double work_vo2max_frac,
                                  double hypotension_mmhg) {
  // Expressed in proportion to how far the work is below the threshold: none while exercising
  // at or above it (the exercise pressor response holds the pressure up), all of it at rest.
  const double expressed =
      std::clamp(1.0 - work_vo2max_frac / p.peh_threshold_vo2max_frac, 0.0, 1.0);
  return expressed * std::max(0.0, hypotension_mmhg);
}

double cerebral_blood_flow_target(const CerebralBloodFlowParams& p, double work_vo2max_frac,
                                  double hypotension_mmhg) {
  auto bell = [&](double x) {
    const double u = (x - p.peak_vo2max_frac) / p.width_vo2max_frac;
    return std::exp(-u * u);
  };
  const double g0 = bell(0.0);
  const double rise = p.peak_rise_rel * (bell(work_vo2max_frac) - g0) / (1.0 - g0);
  const double hypocapnia =
      p.hypocapnia_slope_per_frac * std::clamp(work_vo2max_frac - p.rcp_vo2max_frac, 0.0,
                                               p.hypocapnia_cap_vo2max_frac - p.rcp_vo2max_frac);
  const double pressure_fall =
      expressed_hypotension_mmhg(p, work_vo2max_frac, hypotension_mmhg) / p.map_rest_mmhg;
  const double target = (1.0 + rise - hypocapnia) * (1.0 - p.pressure_sensitivity * pressure_fall);
  return std::max(p.floor_rel, target);
}

CerebralBloodFlowRates cerebral_blood_flow_rates(const CerebralBloodFlowParams& p,
                                                 double work_vo2max_frac, double cbf_rel,
                                                 double hypotension_mmhg) {
  const double target = cerebral_blood_flow_target(p, work_vo2max_frac, hypotension_mmhg);
  return {(target - cbf_rel) / p.tau_min,
          p.peh_gain_mmhg_per_min * std::max(0.0, work_vo2max_frac - p.peh_threshold_vo2max_frac) -
              hypotension_mmhg / p.peh_decay_tau_min};
}

}  // namespace brainload
