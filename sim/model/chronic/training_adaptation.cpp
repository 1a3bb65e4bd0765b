#include "brainload/model/chronic/training_adaptation.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

using chronic_step::kDay;
using chronic_step::kYear;

namespace {
// A numerical guard, not physiology: it keeps strength positive whatever the parameters.
constexpr double kMinStrengthRel = 0.1;  // 1RM relative to baseline

// r(age) = r_ref·e^((age − age_ref)/A): the accelerating relative ageing rate that VO2max (7b)
// and strength (7l) share, each with its own reference age, rate and e-folding years.
double accelerating_rate(double rate_at_ref, double age_ref, double efold_years, double age) {
  return rate_at_ref * std::exp((age - age_ref) / efold_years);
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
  // Training bradycardia follows the aerobic gain (section 7y).
  s.resting_heart_rate_bpm =
      s.hr_rest_base_bpm - p.resting_hr_per_fitness_gain_bpm * s.fitness_gain;
}

}  // namespace brainload
