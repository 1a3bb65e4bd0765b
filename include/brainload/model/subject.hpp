// The individual the acute model runs for: the traits that set resting values and reactivity.
//
// Acute pathways read these; the chronic layer (fitness, strength, cortisol reactivity …)
// changes them between days; population sampling draws them per agent.
#pragma once

namespace brainload {

struct Subject {
  double age_years = 25.0;
  bool female = false;
  double vo2max_ml_kg_min = 42.0;  // maximal oxygen uptake
  double hr_rest_bpm = 65.0;       // resting heart rate
  double hr_max_bpm = 190.5;       // maximal heart rate; Tanaka et al. 2001: 208 − 0.7 × age
  // %HRR = a + b·%VO2R over exercise (heart_rate.hpp, h(v)); HERITAGE's pre-training means
  // (Ferri Marini et al. 2023, Eur J Sport Sci 23:1600), from subject_norms
  double hrr_vo2r_intercept = 0.089;     // a, fraction of the heart-rate reserve
  double hrr_vo2r_slope = 0.971;         // b, 1
  double lactate_threshold_frac = 0.60;  // lactate threshold, fraction of VO2max (a reported
                                         // trait; the lactate pathway's threshold emerges from
                                         // VO2max and vlamax, lactate.hpp)
  double lactate_clearance_rel = 1.0;    // oxidative lactate removal, 1 = untrained adult
  double lactate_production_rel = 1.0;   // vlamax, 1 = untrained adult
  double cortisol_reactivity_rel = 1.0;  // HPA response to exercise, 1 = untrained adult
  double bdnf_release_rel = 1.0;         // activity-dependent BDNF release (Val66Met < 1)
  double bdnf_resting_ng_ml = 30.0;      // resting serum BDNF
  double il6_resting_pg_ml = 1.5;        // resting plasma IL-6
  double strength_rel = 1.0;             // 1RM relative to the baseline of the run
  double depression_baseline_z = 0.0;    // depressive symptoms at the start, general-population
                                         // SD units (chronic_structures.md 7u)
};

// Tanaka, Monahan & Seals 2001, J Am Coll Cardiol 37:153: HRmax = 208 − 0.7 × age (bpm).
inline constexpr double tanaka_hr_max_bpm(double age_years) { return 208.0 - 0.7 * age_years; }

}  // namespace brainload
