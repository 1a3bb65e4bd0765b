#include "brainload/model/chronic_state.hpp"

namespace brainload {

ChronicState baseline_chronic_state(const Subject& subject) {
  ChronicState c;
  c.age_years = subject.age_years;
  c.vo2max_ml_kg_min = subject.vo2max_ml_kg_min;
  c.vo2max_base_ml_kg_min = subject.vo2max_ml_kg_min;
  c.resting_heart_rate_bpm = subject.hr_rest_bpm;
  c.hr_rest_base_bpm = subject.hr_rest_bpm;
  c.bdnf_resting_ng_ml = subject.bdnf_resting_ng_ml;
  c.bdnf_base_ng_ml = subject.bdnf_resting_ng_ml;
  c.il6_resting_pg_ml = subject.il6_resting_pg_ml;
  c.il6_base_pg_ml = subject.il6_resting_pg_ml;
  c.depression_baseline_z = subject.depression_baseline_z;
  return c;
}

double whole_body_resistance_avg(const ChronicState& s) {
  return 0.5 * (s.resistance_avg + s.upper_resistance_avg);
}

}  // namespace brainload
