// Heart rate from intensity and age.
//
//   HR* = HR_rest − sleep_drop·[asleep] + (HR_max − HR_rest) · clamp(%VO2R, 0, 1)
//   %VO2R = (x − r) / (1 − r),   r = VO2_rest / VO2max          (x = work_vo2max_frac)
//   dHR/dt = (HR* − HR) / τ,   τ = τ_on if HR* > HR else τ_off
//
// %HRR ≈ %VO2R: Swain & Leutholtz 1997, Med Sci Sports Exerc 29:410.
// HR_max = 208 − 0.7·age: Tanaka et al. 2001, J Am Coll Cardiol 37:153 (in Subject).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/drive.hpp"
#include "brainload/model/parameter_range.hpp"
#include "brainload/model/subject.hpp"

namespace brainload {

struct HeartRateParams {
  double on_tau_min = 0.3;      // min; vagal withdrawal lifts HR within seconds of a hard start,
                                // τ ≈ 15–30 s (assumed)
  double off_tau_min = 1.5;     // min; HR recovery, fast vagal phase τ ≈ 1 min and a slower
                                // sympathetic phase (Imai et al. 1994, J Am Coll Cardiol 24:1529);
                                // one exponential, assumed
  double sleep_drop_bpm = 7.0;  // bpm; nocturnal dip ≈ 10 % of resting HR (assumed)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, HeartRateParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("on_tau_min", p.on_tau_min, "min", ValidRange{0.05, 5.0},
        "assumed: vagal withdrawal lifts HR within seconds of a hard start, τ ≈ 15–30 s");
  visit("off_tau_min", p.off_tau_min, "min", ValidRange{0.1, 10.0},
        "assumed (one exponential): HR recovery has a fast vagal phase τ ≈ 1 min and a slower "
        "sympathetic phase (Imai et al. 1994, J Am Coll Cardiol 24:1529)");
  visit("sleep_drop_bpm", p.sleep_drop_bpm, "bpm", ValidRange{0.0, 20.0},
        "assumed: nocturnal dip ≈ 10 % of resting HR");
}

[[nodiscard]] double heart_rate_target_bpm(const HeartRateParams& p, const Subject& s,
                                           const Drive& d);
[[nodiscard]] double heart_rate_rate(const HeartRateParams& p, double hr_bpm, double target_bpm);

// Fraction of VO2max at which a steady heart rate equals `hrmax_frac` × HR_max (inverse of the
// target above; 0 if below resting heart rate).
[[nodiscard]] double vo2max_frac_from_hrmax_frac(const Subject& s, double hrmax_frac);

}  // namespace brainload
