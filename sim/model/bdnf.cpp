#include "brainload/model/bdnf.hpp"

#include <algorithm>

#include "brainload/units.hpp"

namespace brainload {

namespace {
// Numerical guard: the release threshold stays below VO2max so that the drive's denominator
// (1 − threshold) stays positive whatever lactate threshold and offset a subject has.
constexpr double kMaxThresholdVo2maxFrac = 0.95;
}  // namespace

double bdnf_intensity_drive(const BdnfParams& p, double muscle_intensity_frac,
                            double lactate_threshold_frac) {
  const double threshold =
      std::min(kMaxThresholdVo2maxFrac, lactate_threshold_frac + p.intensity_threshold_above_lt);
  return std::max(0.0, std::min(1.0, muscle_intensity_frac) - threshold) / (1.0 - threshold);
}

double bdnf_rate(const BdnfParams& p, double bdnf_ng_ml, double rest_ng_ml, double release_rel,
                 double intensity_drive, double osteocalcin_rel) {
  const double release = release_rel * (p.motor_gain * std::max(0.0, intensity_drive) +
                                        p.osteocalcin_gain * std::max(0.0, osteocalcin_rel - 1.0));
  return units::rate_from_half_life(p.half_life_min) * (rest_ng_ml * (1.0 + release) - bdnf_ng_ml);
}

double bdnf_action(double bdnf_ng_ml, double rest_ng_ml, double arousal,
                   double cognitive_engagement) {
  const double activity = arousal + cognitive_engagement * (1.0 - arousal);
  return std::max(0.0, bdnf_ng_ml - rest_ng_ml) / rest_ng_ml * activity;
}

}  // namespace brainload
