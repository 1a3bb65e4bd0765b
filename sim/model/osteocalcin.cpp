#include "brainload/model/osteocalcin.hpp"

#include <algorithm>

#include "brainload/units.hpp"

namespace brainload {

double bone_stimulus(const OsteocalcinParams& p, double contacts_per_min, double peak_force_bw) {
  const double above = std::max(0.0, peak_force_bw - p.force_threshold_bw);
  return contacts_per_min * above * above;
}

OsteocalcinRates osteocalcin_rates(const OsteocalcinParams& p, double bone_signal,
                                   double osteocalcin_ng_ml, double bone_stimulus_per_min,
                                   double il6_fold) {
  const double s = std::max(0.0, bone_signal);
  const double phi = il6_fold > 1.0 ? 1.0 - 1.0 / il6_fold : 0.0;
  const double target =
      p.rest_ng_ml * (1.0 + p.gain * s / (p.signal_half_effect + s) + p.exercise_gain * phi);
  return {std::max(0.0, bone_stimulus_per_min) - bone_signal / p.signal_tau_min,
          units::rate_from_half_life(p.half_life_min) * (target - osteocalcin_ng_ml)};
}

}  // namespace brainload
