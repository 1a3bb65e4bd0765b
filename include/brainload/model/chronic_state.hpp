// The chronic state of one individual: what months of training change, and what ageing does
// without training. Observables first (PRODUCT.md names), then the internal states the chronic
// pathways carry from day to day.
#pragma once

#include <cstddef>

#include "brainload/model/subject.hpp"

namespace brainload {

struct ChronicState {
  // Observables.
  double vo2max_ml_kg_min = 42.0;
  double strength_1rm_rel = 1.0;        // lower body (legs), 1 = baseline
  double upper_strength_1rm_rel = 1.0;  // upper body, 1 = baseline
  double bdnf_resting_ng_ml = 30.0;     // serum
  double hippocampal_volume_rel = 1.0;  // 1 = baseline
  double prefrontal_connectivity_rel = 1.0;
  double brain_age_gap_years = 0.0;    // change of (brain age − chronological age) since day 0
  double cognition_composite_z = 0.0;  // against own baseline, SD units
  double executive_function_z = 0.0;
  double working_memory_z = 0.0;
  double depression_z = 0.0;  // lower is better
  double il6_resting_pg_ml = 1.5;
  double bbb_integrity = 0.9;  // 0–1
  double fatigue = 0.0;        // Banister fatigue, load units
  double sessions_done = 0.0;
  double resting_heart_rate_bpm = 65.0;  // falls with the aerobic VO2max gain (chronic 7y)

  // Internal states (days are the time unit of the chronic layer).
  double age_years = 25.0;
  double fitness_load = 0.0;          // Banister g (load units)
  double resistance_avg = 0.0;        // 14-day exponentially weighted daily lower-body load
  double upper_resistance_avg = 0.0;  // same, upper body
  double heavy_avg = 0.0;             // same, sets ≥ 70 % 1RM only
  double aerobic_avg = 0.0;           // 14-day exponentially weighted daily aerobic load
  double training_avg = 0.0;          // 28-day exponentially weighted daily training load
  double bdnf_dose_avg = 0.0;         // 14-day weighted daily BDNF action + osteocalcin dose
  double vegf_dose_avg = 0.0;         // 14-day weighted daily VEGF dose
  double dual_task_avg = 0.0;         // 14-day weighted daily dual-task minutes
  double hpa_dose_avg = 0.0;          // 28-day weighted daily exercise HPA drive
  double strength_neural = 0.0;  // neural part of the lower-body strength gain (fraction of 1RM)
  double strength_muscle = 0.0;  // structural part (fraction of 1RM)
  double upper_strength_neural = 0.0;  // same two parts, upper body
  double upper_strength_muscle = 0.0;
  double strength_ageing = 0.0;                // loss since baseline from ageing (fraction of 1RM)
  double fitness_gain = 0.0;                   // relative VO2max gain from training
  double bdnf_gain = 0.0;                      // relative resting-BDNF gain from training
  double il6_reduction = 0.0;                  // relative resting-IL-6 reduction from training
  double bbb_gain = 0.0;                       // BBB-integrity gain from training (0–1 units)
  double cortisol_reactivity_reduction = 0.0;  // relative
  double working_memory_gain = 0.0;            // SD units, from dual-task training
  double composite_gain = 0.0;          // SD units, training-driven part of composite cognition
  double executive_gain = 0.0;          // SD units, training-driven part of executive function
  double vo2max_base_ml_kg_min = 42.0;  // untrained value at the current age
  double hr_rest_base_bpm = 65.0;       // the baseline trait, before training
  double il6_base_pg_ml = 1.5;          // untrained value at the current age
  double bdnf_base_ng_ml = 30.0;
  double bbb_base = 0.9;
  double depression_baseline_z = 0.0;  // the individual's baseline symptoms, SD units (constant;
                                       // sets the size of the mood response, mood.hpp)
};

[[nodiscard]] ChronicState baseline_chronic_state(const Subject& subject);

// The whole-body resistance load: the mean of the lower- and upper-body 14-day loads, the dose of
// the resistance routes of resting BDNF (docs/research/chronic_structures.md 7n) and cognition
// (7m).
[[nodiscard]] double whole_body_resistance_avg(const ChronicState& s);

// Every field by name, in declaration order, as visit(name, double&) (const double& for a const
// state): for saving and restoring a life (io/life_state.hpp). A new field needs a line here;
// the static_assert below counts them.
template <class C, class Visitor>
void visit_chronic_fields(C& c, Visitor&& visit) {
  visit("vo2max_ml_kg_min", c.vo2max_ml_kg_min);
  visit("strength_1rm_rel", c.strength_1rm_rel);
  visit("upper_strength_1rm_rel", c.upper_strength_1rm_rel);
  visit("bdnf_resting_ng_ml", c.bdnf_resting_ng_ml);
  visit("hippocampal_volume_rel", c.hippocampal_volume_rel);
  visit("prefrontal_connectivity_rel", c.prefrontal_connectivity_rel);
  visit("brain_age_gap_years", c.brain_age_gap_years);
  visit("cognition_composite_z", c.cognition_composite_z);
  visit("executive_function_z", c.executive_function_z);
  visit("working_memory_z", c.working_memory_z);
  visit("depression_z", c.depression_z);
  visit("il6_resting_pg_ml", c.il6_resting_pg_ml);
  visit("bbb_integrity", c.bbb_integrity);
  visit("fatigue", c.fatigue);
  visit("sessions_done", c.sessions_done);
  visit("resting_heart_rate_bpm", c.resting_heart_rate_bpm);
  visit("age_years", c.age_years);
  visit("fitness_load", c.fitness_load);
  visit("resistance_avg", c.resistance_avg);
  visit("upper_resistance_avg", c.upper_resistance_avg);
  visit("heavy_avg", c.heavy_avg);
  visit("aerobic_avg", c.aerobic_avg);
  visit("training_avg", c.training_avg);
  visit("bdnf_dose_avg", c.bdnf_dose_avg);
  visit("vegf_dose_avg", c.vegf_dose_avg);
  visit("dual_task_avg", c.dual_task_avg);
  visit("hpa_dose_avg", c.hpa_dose_avg);
  visit("strength_neural", c.strength_neural);
  visit("strength_muscle", c.strength_muscle);
  visit("upper_strength_neural", c.upper_strength_neural);
  visit("upper_strength_muscle", c.upper_strength_muscle);
  visit("strength_ageing", c.strength_ageing);
  visit("fitness_gain", c.fitness_gain);
  visit("bdnf_gain", c.bdnf_gain);
  visit("il6_reduction", c.il6_reduction);
  visit("bbb_gain", c.bbb_gain);
  visit("cortisol_reactivity_reduction", c.cortisol_reactivity_reduction);
  visit("working_memory_gain", c.working_memory_gain);
  visit("composite_gain", c.composite_gain);
  visit("executive_gain", c.executive_gain);
  visit("vo2max_base_ml_kg_min", c.vo2max_base_ml_kg_min);
  visit("hr_rest_base_bpm", c.hr_rest_base_bpm);
  visit("il6_base_pg_ml", c.il6_base_pg_ml);
  visit("bdnf_base_ng_ml", c.bdnf_base_ng_ml);
  visit("bbb_base", c.bbb_base);
  visit("depression_baseline_z", c.depression_baseline_z);
}

inline constexpr std::size_t kChronicFieldCount = 46;
static_assert(sizeof(ChronicState) == kChronicFieldCount * sizeof(double),
              "a ChronicState field is missing from visit_chronic_fields");

}  // namespace brainload
