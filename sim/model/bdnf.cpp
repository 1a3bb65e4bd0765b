#include "brainload/model/bdnf.hpp"

#include <algorithm>

#include "brainload/units.hpp"

namespace brainload {

double bdnf_rate(const BdnfParams& p, double bdnf_ng_ml, double rest_ng_ml, double release_rel,
                 double motor_drive, double blood_lactate_excess_mmol_l, double brain_ne_rel,
                 double osteocalcin_rel) {
  const double dl = std::max(0.0, blood_lactate_excess_mmol_l);
  const double release = release_rel * (p.motor_gain * motor_drive +
                                        p.lactate_gain * dl / (p.lactate_ec50_mmol_l + dl) +
                                        p.brain_ne_gain * std::max(0.0, brain_ne_rel - 1.0) +
                                        p.osteocalcin_gain * std::max(0.0, osteocalcin_rel - 1.0));
  return units::rate_from_half_life(p.half_life_min) * (rest_ng_ml * (1.0 + release) - bdnf_ng_ml);
}

double bdnf_action(double bdnf_ng_ml, double rest_ng_ml, double arousal,
                   double cognitive_engagement) {
  const double activity = arousal + cognitive_engagement * (1.0 - arousal);
  return std::max(0.0, bdnf_ng_ml - rest_ng_ml) / rest_ng_ml * activity;
}

}  // namespace brainload
