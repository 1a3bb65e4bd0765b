// The chronic state of one individual: what months of training change. The daily dynamics
// live in the chronic pathway files; this is the state and its baseline.
#pragma once

#include "brainload/model/subject.hpp"

namespace brainload {

struct ChronicState {
  double vo2max_ml_kg_min = 42.0;
  double strength_1rm_rel = 1.0;          // 1 = baseline
  double bdnf_resting_ng_ml = 30.0;       // serum
  double hippocampal_volume_rel = 1.0;    // 1 = baseline
  double prefrontal_connectivity_rel = 1.0;
  double brain_age_gap_years = 0.0;       // brain age − chronological age
  double cognition_composite_z = 0.0;     // against own baseline, SD units
  double executive_function_z = 0.0;
  double working_memory_z = 0.0;
  double depression_z = 0.0;              // lower is better
  double il6_resting_pg_ml = 1.5;
  double bbb_integrity = 0.9;             // 0–1
  double fatigue = 0.0;                   // Banister fatigue, arbitrary load units
  double sessions_done = 0.0;
};

[[nodiscard]] ChronicState baseline_chronic_state(const Subject& subject);

}  // namespace brainload
