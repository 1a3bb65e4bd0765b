#include "brainload/model/subject_norms.hpp"

#include <algorithm>

namespace brainload {

Subject typical_subject(double age_years, bool female, TrainingStatus status,
                        const SubjectNorms& n) {
  Subject s;
  s.age_years = age_years;
  s.female = female;
  const double status_rel = status == TrainingStatus::trained        ? n.vo2max_trained_rel
                            : status == TrainingStatus::recreational ? n.vo2max_recreational_rel
                                                                     : 1.0;
  const double decline = std::max(0.0, age_years - 25.0) * n.vo2max_decline_per_year;
  s.vo2max_ml_kg_min =
      (female ? n.vo2max_female_25 : n.vo2max_male_25) * status_rel * std::max(0.3, 1.0 - decline);
  s.hr_max_bpm = tanaka_hr_max_bpm(age_years);
  s.hrr_vo2r_intercept = n.hrr_vo2r_intercept;
  s.hrr_vo2r_slope = n.hrr_vo2r_slope;
  switch (status) {
    case TrainingStatus::untrained:
      s.hr_rest_bpm = n.hr_rest_untrained_bpm;
      s.lactate_threshold_frac = n.lt_untrained;
      break;
    case TrainingStatus::recreational:
      s.hr_rest_bpm = n.hr_rest_recreational_bpm;
      s.lactate_threshold_frac = n.lt_recreational;
      s.lactate_clearance_rel = n.clearance_recreational_rel;
      s.lactate_production_rel = n.production_recreational_rel;
      s.cortisol_reactivity_rel = n.cortisol_recreational_rel;
      break;
    case TrainingStatus::trained:
      s.hr_rest_bpm = n.hr_rest_trained_bpm;
      s.lactate_threshold_frac = n.lt_trained;
      s.lactate_clearance_rel = n.clearance_trained_rel;
      s.lactate_production_rel = n.production_trained_rel;
      s.cortisol_reactivity_rel = n.cortisol_trained_rel;
      break;
  }
  s.il6_resting_pg_ml =
      (n.il6_at_25_pg_ml + n.il6_per_year_pg_ml * std::max(0.0, age_years - 25.0)) *
      (status == TrainingStatus::trained ? n.il6_trained_rel : 1.0);
  s.bdnf_resting_ng_ml = n.bdnf_resting_ng_ml;
  return s;
}

Subject typical_subject(const PopulationSpec& population, const SubjectNorms& norms) {
  Subject s = typical_subject(population.age.mean(), population.female_fraction > 0.5,
                              population.training_status, norms);
  s.depression_baseline_z = population.depression_baseline_z;
  return s;
}

}  // namespace brainload
