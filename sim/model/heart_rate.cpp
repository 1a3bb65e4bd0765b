#include "brainload/model/heart_rate.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/units.hpp"

namespace brainload {

namespace {
double resting_vo2_frac(const Subject& s) { return units::kRestingVo2MlKgMin / s.vo2max_ml_kg_min; }

// %VO2 reserve of an uptake given as a fraction of VO2max.
double vo2_reserve_frac(const Subject& s, double vo2max_frac) {
  const double r = resting_vo2_frac(s);
  return std::clamp((vo2max_frac - r) / (1.0 - r), 0.0, 1.0);
}

// The knot of h: the VO2 reserve v_ρ at which the relation's line reaches the vagal range ρ
// (bounded so that a line already above ρ at rest keeps a knot just above 0), and the share of
// the heart-rate reserve there. Below it h is the straight line from rest to this point.
struct Knot {
  double vo2_reserve;
  double hr_reserve;
};
Knot relation_knot(const HeartRateParams& p, const Subject& s) {
  constexpr double kSmallestKnot = 1e-3;  // VO2-reserve fraction; only guards the division
  const double v = std::clamp((p.vagal_range_frac - s.hrr_vo2r_intercept) / s.hrr_vo2r_slope,
                              kSmallestKnot, 1.0);
  return {v, s.hrr_vo2r_intercept + s.hrr_vo2r_slope * v};
}

double resting_bpm(const HeartRateParams& p, const Subject& s, const Drive& d) {
  return d.awake ? s.hr_rest_bpm : s.hr_rest_bpm - p.sleep_drop_bpm;
}

// The vagal part f(h): all of the heart-rate reserve up to ρ, then the non-sympathetic share.
double vagal_part(const HeartRateParams& p, double hr_reserve) {
  return std::min(hr_reserve, p.vagal_range_frac) +
         (1.0 - p.sympathetic_share) * std::max(0.0, hr_reserve - p.vagal_range_frac);
}
}  // namespace

double hr_reserve_of_vo2_reserve(const HeartRateParams& p, const Subject& s, double vo2_reserve) {
  const Knot knot = relation_knot(p, s);
  const double h = vo2_reserve < knot.vo2_reserve
                       ? vo2_reserve / knot.vo2_reserve * knot.hr_reserve
                       : s.hrr_vo2r_intercept + s.hrr_vo2r_slope * vo2_reserve;
  return std::clamp(h, 0.0, 1.0);
}

double heart_rate_steady_bpm(const HeartRateParams& p, const Subject& s, const Drive& d) {
  return resting_bpm(p, s, d) +
         (s.hr_max_bpm - s.hr_rest_bpm) *
             hr_reserve_of_vo2_reserve(p, s, vo2_reserve_frac(s, d.work_vo2max_frac));
}

double resting_vagal_brake_frac(const HeartRateParams& p, const Subject& s) {
  const double intrinsic =
      p.intrinsic_hr_intercept_bpm - p.intrinsic_hr_age_slope_bpm * s.age_years;
  const double reserve = s.hr_max_bpm - s.hr_rest_bpm;
  if (reserve <= 0.0) return 0.0;
  return std::clamp((intrinsic - s.hr_rest_bpm) / reserve, 0.0, 1.0);
}

double heart_rate_target_bpm(const HeartRateParams& p, const Subject& s, const Drive& d,
                             const HeartRateSlow& slow) {
  const double demand = hr_reserve_of_vo2_reserve(p, s, vo2_reserve_frac(s, d.work_vo2max_frac));
  const double vagal = std::max(vagal_part(p, demand), slow.vagal_slow);
  return resting_bpm(p, s, d) + (s.hr_max_bpm - s.hr_rest_bpm) *
                                    std::clamp(vagal + slow.sympathetic + slow.drift, 0.0, 1.0);
}

HeartRateRates heart_rate_rates(const HeartRateParams& p, const Subject& s, const Drive& d,
                                double uptake_ml_kg_min, double hr_bpm, const HeartRateSlow& slow) {
  const double sympathetic = slow.sympathetic;
  HeartRateRates r{};
  const double uptake_reserve = vo2_reserve_frac(s, uptake_ml_kg_min / s.vo2max_ml_kg_min);
  // Central command drives the sympathetic part from the start of an effort; after it, the
  // uptake still raised (slow component, excess post-exercise uptake) keeps it up. Both read as
  // shares of the heart-rate reserve through h.
  const double drive_reserve = hr_reserve_of_vo2_reserve(
      p, s, std::max(vo2_reserve_frac(s, d.work_vo2max_frac), uptake_reserve));
  const double sympathetic_target =
      p.sympathetic_share * std::max(0.0, drive_reserve - p.vagal_range_frac);
  const double s_tau =
      sympathetic_target > sympathetic ? p.sympathetic_on_tau_min : p.sympathetic_off_tau_min;
  r.sympathetic_per_min = (sympathetic_target - sympathetic) / s_tau;
  // The share of the resting vagal brake held back: gated by the effort above the vagal range.
  const double above =
      std::clamp((drive_reserve - p.vagal_range_frac) / (1.0 - p.vagal_range_frac), 0.0, 1.0);
  const double held_target = resting_vagal_brake_frac(p, s) * above;
  const double v_tau =
      held_target > slow.vagal_slow ? p.sympathetic_on_tau_min : p.vagal_slow_off_tau_min;
  r.vagal_slow_per_min = (held_target - slow.vagal_slow) / v_tau;
  r.drift_per_min = (p.drift_gain * uptake_reserve - slow.drift) / p.drift_tau_min;
  const double target = heart_rate_target_bpm(p, s, d, slow);
  const double tau =
      target > hr_bpm
          ? p.on_tau_min
          : p.off_tau_min * std::exp(-p.off_fitness_exponent *
                                     (s.lactate_threshold_frac - p.off_lt_reference_frac));
  r.hr_bpm_per_min = (target - hr_bpm) / tau;
  return r;
}

double vo2max_frac_from_hrmax_frac(const HeartRateParams& p, const Subject& s, double hrmax_frac) {
  const double hr = hrmax_frac * s.hr_max_bpm;
  return vo2max_frac_from_hrr_frac(p, s, (hr - s.hr_rest_bpm) / (s.hr_max_bpm - s.hr_rest_bpm));
}

double vo2max_frac_from_hrr_frac(const HeartRateParams& p, const Subject& s, double hr_reserve) {
  if (hr_reserve <= 0.0) return 0.0;
  // The inverse of h: the straight line from rest up to the knot, HERITAGE's line above it.
  const Knot knot = relation_knot(p, s);
  const double vo2_reserve = std::clamp(
      hr_reserve < knot.hr_reserve ? hr_reserve / knot.hr_reserve * knot.vo2_reserve
                                   : (hr_reserve - s.hrr_vo2r_intercept) / s.hrr_vo2r_slope,
      0.0, 1.0);
  const double r = resting_vo2_frac(s);
  return r + vo2_reserve * (1.0 - r);
}

}  // namespace brainload
