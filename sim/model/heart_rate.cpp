#include "brainload/model/heart_rate.hpp"

#include <algorithm>

#include "brainload/units.hpp"

namespace brainload {

namespace {
double resting_vo2_frac(const Subject& s) { return units::kRestingVo2MlKgMin / s.vo2max_ml_kg_min; }
}  // namespace

double heart_rate_target_bpm(const HeartRateParams& p, const Subject& s, const Drive& d) {
  const double r = resting_vo2_frac(s);
  const double reserve_frac = std::clamp((d.work_vo2max_frac - r) / (1.0 - r), 0.0, 1.0);
  const double rest = d.awake ? s.hr_rest_bpm : s.hr_rest_bpm - p.sleep_drop_bpm;
  return rest + (s.hr_max_bpm - s.hr_rest_bpm) * reserve_frac;
}

double heart_rate_rate(const HeartRateParams& p, double hr_bpm, double target_bpm) {
  const double tau = target_bpm > hr_bpm ? p.on_tau_min : p.off_tau_min;
  return (target_bpm - hr_bpm) / tau;
}

double vo2max_frac_from_hrmax_frac(const Subject& s, double hrmax_frac) {
  const double hr = hrmax_frac * s.hr_max_bpm;
  const double reserve_frac = (hr - s.hr_rest_bpm) / (s.hr_max_bpm - s.hr_rest_bpm);
  if (reserve_frac <= 0.0) return 0.0;
  const double r = resting_vo2_frac(s);
  return r + reserve_frac * (1.0 - r);
}

}  // namespace brainload
