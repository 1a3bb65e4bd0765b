#include "brainload/model/chronic/chronic_pathways.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/units.hpp"

namespace brainload {

namespace {
constexpr double kDay = 1.0;                   // one step, days
constexpr double kYear = units::kDaysPerYear;  // days
// Numerical guards, not physiology: they keep a state positive whatever the parameters.
constexpr double kMinStrengthRel = 0.1;  // 1RM relative to baseline
constexpr double kMinBdnfNgMl = 1.0;     // serum BDNF, ng/mL
}  // namespace

double saturating(double load, double half_load) {
  const double l = std::max(0.0, load);
  return l / (half_load + l);
}

double relax(double y, double target, double tau, double dt) {
  return target + (y - target) * std::exp(-dt / tau);
}

double relax_up_down(double y, double target, double tau_up, double tau_down, double dt) {
  return relax(y, target, target > y ? tau_up : tau_down, dt);
}

namespace {

// r(age) = r_ref·e^((age − age_ref)/A): the accelerating relative ageing rate that VO2max (7b)
// and strength (7l) share, each with its own reference age, rate and e-folding years.
double accelerating_rate(double rate_at_ref, double age_ref, double efold_years, double age) {
  return rate_at_ref * std::exp((age - age_ref) / efold_years);
}

// Whole-body resistance load: the mean of the lower- and upper-body 14-day loads, the dose of the
// resistance routes of resting BDNF (7n) and cognition (7m).
double whole_body_resistance_avg(const ChronicState& s) {
  return 0.5 * (s.resistance_avg + s.upper_resistance_avg);
}

}  // namespace

double strength_ageing_rate_per_year(const TrainingAdaptationParams& p, double age_years) {
  return accelerating_rate(p.strength_loss_at_70_per_year, 70.0, p.strength_loss_efold_years,
                           age_years);
}

double vo2max_ageing_rate_per_year(const TrainingAdaptationParams& p, double age_years) {
  return accelerating_rate(p.vo2max_loss_at_30_per_year, 30.0, p.vo2max_loss_efold_years,
                           age_years);
}

void step_training_adaptation(const TrainingAdaptationParams& p, const DailyDose& dose,
                              double trainability, ChronicState& s) {
  // Banister impulse-response, exact for a daily impulse: g ← g·e^(−1/τ1) + w.
  s.fitness_load = s.fitness_load * std::exp(-kDay / p.fitness_tau_days) + dose.training_load;
  s.fatigue =
      s.fatigue * std::exp(-kDay / p.fatigue_tau_days) + p.fatigue_gain * dose.training_load;

  // Each muscle group adapts to its own load (docs/research/chronic_structures.md section 7i);
  // its neural part rises fast and falls slowly (7k); ageing takes the same fraction from both.
  // The untrained base, 1 − strength_ageing, falls at the relative rate r(age) (7l).
  s.strength_ageing +=
      strength_ageing_rate_per_year(p, s.age_years) * (1.0 - s.strength_ageing) * kDay / kYear;
  auto group = [&](double load_avg, double& neural, double& muscle) {
    const double drive = trainability * saturating(load_avg, p.resistance_half_load);
    neural = relax_up_down(neural, p.strength_neural_max * drive, p.strength_neural_tau_days,
                           p.strength_neural_off_tau_days, kDay);
    muscle = relax(muscle, p.strength_muscle_max * drive, p.strength_muscle_tau_days, kDay);
    return std::max(kMinStrengthRel, 1.0 + neural + muscle - s.strength_ageing);
  };
  s.strength_1rm_rel = group(s.resistance_avg, s.strength_neural, s.strength_muscle);
  s.upper_strength_1rm_rel =
      group(s.upper_resistance_avg, s.upper_strength_neural, s.upper_strength_muscle);

  const double aerobic = trainability * saturating(s.aerobic_avg, p.aerobic_half_load);
  s.fitness_gain = relax(s.fitness_gain, p.vo2max_gain_max * aerobic, p.vo2max_tau_days, kDay);
  s.vo2max_base_ml_kg_min *= 1.0 - vo2max_ageing_rate_per_year(p, s.age_years) * kDay / kYear;
  s.vo2max_ml_kg_min = s.vo2max_base_ml_kg_min * (1.0 + s.fitness_gain);
}

void step_resting_bdnf(const RestingBdnfParams& p, double trainability, ChronicState& s) {
  // The acute-dose route and the resistance-training route (chronic_structures.md 7n).
  const double target =
      trainability *
      (p.gain_max * saturating(s.bdnf_dose_avg, p.half_dose) +
       p.resistance_gain_max * saturating(whole_body_resistance_avg(s), p.resistance_half_load));
  s.bdnf_gain = relax(s.bdnf_gain, target, p.tau_days, kDay);
  s.bdnf_base_ng_ml =
      std::max(kMinBdnfNgMl, s.bdnf_base_ng_ml - p.loss_per_year_ng_ml * kDay / kYear);
  s.bdnf_resting_ng_ml = s.bdnf_base_ng_ml * (1.0 + s.bdnf_gain);
}

double hippocampal_ageing_rate_per_year(const HippocampusParams& p, double age_years) {
  return std::max(
      0.0, p.ageing_loss_at_70_per_year + p.ageing_acceleration_per_year2 * (age_years - 70.0));
}

void step_hippocampus(const HippocampusParams& p, ChronicState& s) {
  const double ageing = hippocampal_ageing_rate_per_year(p, s.age_years);
  const double growth = p.bdnf_growth_per_year * s.bdnf_gain + p.bbb_growth_per_year * s.bbb_gain;
  s.hippocampal_volume_rel *= 1.0 + (growth - ageing) * kDay / kYear;
}

void step_prefrontal(const PrefrontalParams& p, double trainability, ChronicState& s) {
  const double target =
      1.0 + p.gain_max * trainability * saturating(s.heavy_avg, p.heavy_half_load);
  s.prefrontal_connectivity_rel = relax(s.prefrontal_connectivity_rel, target, p.tau_days, kDay);
}

void step_brain_age(const BrainAgeParams& p, double trainability, ChronicState& s) {
  // b = −gap relaxes towards G · T · S(load), rising with τ_rise, fading with τ_decay (7o).
  const double target =
      p.gap_max_years * trainability * saturating(s.training_avg, p.benefit_half_load);
  const double benefit =
      relax_up_down(-s.brain_age_gap_years, target, p.rise_tau_days, p.decay_tau_days, kDay);
  s.brain_age_gap_years = -benefit;
}

void step_chronic_cognition(const ChronicCognitionParams& p, double trainability, ChronicState& s) {
  const double target_wm =
      p.working_memory_max * saturating(s.dual_task_avg, p.dual_task_half_minutes);
  s.working_memory_gain = relax(s.working_memory_gain, target_wm, p.working_memory_tau_days, kDay);
  s.working_memory_z = s.working_memory_gain;
  // By exercise type (chronic_structures.md 7m): each type saturates in its own load.
  const double aerobic = trainability * saturating(s.aerobic_avg, p.aerobic_half_load);
  const double resistance =
      trainability * saturating(whole_body_resistance_avg(s), p.resistance_half_load);
  auto follow = [&](double& gain, double aerobic_max, double resistance_max) {
    const double target = aerobic_max * aerobic + resistance_max * resistance;
    gain = relax_up_down(gain, target, p.rise_tau_days, p.decay_tau_days, kDay);
  };
  follow(s.composite_gain, p.composite_aerobic_max, p.composite_resistance_max);
  follow(s.executive_gain, p.executive_aerobic_max, p.executive_resistance_max);
  s.executive_function_z =
      s.executive_gain + p.executive_per_prefrontal * (s.prefrontal_connectivity_rel - 1.0);
  s.cognition_composite_z =
      s.composite_gain + p.composite_per_hippocampus * (s.hippocampal_volume_rel - 1.0);
}

void step_mood(const MoodParams& p, ChronicState& s) {
  s.depression_z = p.per_bdnf_gain * s.bdnf_gain + p.per_il6_reduction * s.il6_reduction +
                   p.training_max * saturating(s.training_avg, p.training_half_load);
}

void step_inflammation(const InflammationParams& p, double trainability, ChronicState& s) {
  const double target =
      p.reduction_max * std::min(1.0, trainability) * saturating(s.training_avg, p.half_load);
  s.il6_reduction = relax(s.il6_reduction, target, p.tau_days, kDay);
  s.il6_base_pg_ml += p.rise_per_year_pg_ml * kDay / kYear;
  s.il6_resting_pg_ml = s.il6_base_pg_ml * (1.0 - s.il6_reduction);
}

void step_cortisol_reactivity(const CortisolReactivityParams& p, ChronicState& s) {
  const double target = p.reduction_max * saturating(s.hpa_dose_avg, p.half_dose);
  s.cortisol_reactivity_reduction =
      relax(s.cortisol_reactivity_reduction, target, p.tau_days, kDay);
}

void step_bbb(const BbbParams& p, ChronicState& s) {
  if (s.age_years > p.loss_onset_years) s.bbb_base -= p.loss_per_year * kDay / kYear;
  s.bbb_gain =
      relax(s.bbb_gain, p.gain_max * saturating(s.vegf_dose_avg, p.half_dose), p.tau_days, kDay);
  s.bbb_integrity = std::clamp(s.bbb_base + s.bbb_gain, 0.0, 1.0);
}

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
  a.vo2max_ml_kg_min = s.vo2max_ml_kg_min;
  // Training lifts the lactate threshold and clearance with aerobic fitness (Faude 2009;
  // assumed proportional to the relative VO2max gain).
  a.lactate_threshold_frac = std::min(
      p.lactate_threshold_max_frac,
      baseline.lactate_threshold_frac + p.lactate_threshold_per_fitness_gain * s.fitness_gain);
  a.lactate_clearance_rel = baseline.lactate_clearance_rel * (1.0 + s.fitness_gain);
  a.cortisol_reactivity_rel =
      baseline.cortisol_reactivity_rel * (1.0 - s.cortisol_reactivity_reduction);
  a.bdnf_resting_ng_ml = s.bdnf_resting_ng_ml;
  a.il6_resting_pg_ml = s.il6_resting_pg_ml;
  a.strength_rel = s.strength_1rm_rel;
  return a;
}

}  // namespace brainload
