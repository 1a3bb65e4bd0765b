#include "brainload/model/chronic/chronic_pathways.hpp"

#include <algorithm>

namespace brainload {

using chronic_step::kDay;
using chronic_step::kYear;

void step_chronic_day(const ChronicParams& p, const DailyDose& dose, double trainability,
                      ChronicState& s) {
  const double w = p.training.load_window_days;
  auto fold = [&](double& avg, double value, double window) {
    avg = relax(avg, value, window, kDay);
  };
  fold(s.resistance_avg, dose.lower_resistance_load, w);
  fold(s.upper_resistance_avg, dose.upper_resistance_load, w);
  fold(s.heavy_avg, dose.heavy_resistance_load, w);
  fold(s.aerobic_avg, dose.aerobic_load, w);
  fold(s.training_avg, dose.training_load, p.training.long_window_days);
  fold(s.bdnf_dose_avg, dose.bdnf_action + p.bdnf.osteocalcin_weight * dose.osteocalcin, w);
  fold(s.vegf_dose_avg, dose.vegf, w);
  fold(s.dual_task_avg, dose.dual_task_minutes, w);
  fold(s.hpa_dose_avg, dose.hpa_exercise_drive, p.training.long_window_days);
  s.sessions_done += dose.sessions;

  step_training_adaptation(p.training, dose, trainability, s);
  step_resting_bdnf(p.bdnf, trainability, s);
  step_bbb(p.bbb, s);
  step_hippocampus(p.hippocampus, s);
  step_prefrontal(p.prefrontal, trainability, s);
  step_brain_age(p.brain_age, trainability, s);
  step_inflammation(p.inflammation, trainability, s);
  step_cortisol_reactivity(p.cortisol, s);
  step_chronic_cognition(p.cognition, trainability, s);
  step_mood(p.mood, s);
  s.age_years += kDay / kYear;
}

Subject acute_subject(const TrainingAdaptationParams& p, const Subject& baseline,
                      const ChronicState& s) {
  Subject a = baseline;
  a.age_years = s.age_years;
  a.hr_max_bpm = tanaka_hr_max_bpm(s.age_years);
  a.hr_rest_bpm = s.resting_heart_rate_bpm;  // training bradycardia (section 7y)
  a.vo2max_ml_kg_min = s.vo2max_ml_kg_min;
  // Training lifts the lactate threshold, relative to the person's own, with the relative
  // VO2max gain (Davis et al. 1979; section 7w), and clearance with aerobic fitness.
  a.lactate_threshold_frac =
      std::min(p.lactate_threshold_max_frac,
               baseline.lactate_threshold_frac *
                   (1.0 + p.lactate_threshold_per_fitness_gain * s.fitness_gain));
  a.lactate_clearance_rel = baseline.lactate_clearance_rel * (1.0 + s.fitness_gain);
  a.cortisol_reactivity_rel =
      baseline.cortisol_reactivity_rel * (1.0 - s.cortisol_reactivity_reduction);
  a.bdnf_resting_ng_ml = s.bdnf_resting_ng_ml;
  a.il6_resting_pg_ml = s.il6_resting_pg_ml;
  a.strength_rel = s.strength_1rm_rel;
  return a;
}

}  // namespace brainload
