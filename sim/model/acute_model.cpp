#include "brainload/model/acute_model.hpp"

#include <algorithm>

#include "brainload/units.hpp"

namespace brainload {

AcuteModel::AcuteModel(const AcuteParams& params, const Subject& subject, double start_clock_min)
    : params_(params), subject_(subject), start_clock_min_(start_clock_min) {}

double AcuteModel::motor_drive() const {
  return brainload::motor_drive(params_.central_command, drive_);
}

double AcuteModel::arousal(const AcuteState& x) const {
  return arousal_from_brain_ne(params_.arousal, x[ix::brain_ne]);
}

double AcuteModel::cognitive_performance_z(const AcuteState& x) const {
  return brainload::cognitive_performance_z(
      params_.cognition, arousal(x), x[ix::cbf],
      x[ix::brain_lactate] - params_.lactate.brain_rest_mmol_l);
}

double AcuteModel::cortisol_nmol_l(const AcuteState& x) const {
  return x[ix::cortisol] * params_.hpa.cortisol_scale_nmol_l;
}

AcuteState AcuteModel::resting_state() const {
  AcuteState x{};
  const auto& p = params_;
  x[ix::heart_rate] = subject_.hr_rest_bpm;
  x[ix::epinephrine] = p.catecholamines.epinephrine_rest_nmol_l;
  x[ix::norepinephrine] = p.catecholamines.norepinephrine_rest_nmol_l;
  x[ix::vagal] = 1.0;
  x[ix::nts] = 1.0;
  x[ix::lc] = p.arousal.lc_wake_hz;
  x[ix::brain_ne] = 1.0;
  x[ix::cbf] = 1.0;
  x[ix::blood_lactate] = p.lactate.rest_mmol_l;
  x[ix::brain_lactate] = p.lactate.brain_rest_mmol_l;
  x[ix::vegf] = p.vegf.rest_pg_ml;
  x[ix::bdnf] = subject_.bdnf_resting_ng_ml;
  x[ix::osteocalcin] = p.osteocalcin.rest_ng_ml;
  x[ix::il6] = subject_.il6_resting_pg_ml;
  x[ix::crh] = 1.0;
  x[ix::acth] = 1.0;
  x[ix::cortisol] = 1.0;
  return x;
}

void AcuteModel::operator()(const AcuteState& x, AcuteState& dxdt, double t_min) const {
  const auto& p = params_;
  const Drive& d = drive_;
  const double work = d.work_vo2max_frac;

  dxdt[ix::heart_rate] = heart_rate_rate(p.heart_rate, x[ix::heart_rate],
                                         heart_rate_target_bpm(p.heart_rate, subject_, d));

  const auto cat = catecholamine_rates(p.catecholamines, x[ix::epinephrine], x[ix::norepinephrine],
                                       motor_drive());
  dxdt[ix::epinephrine] = cat.epinephrine_per_min;
  dxdt[ix::norepinephrine] = cat.norepinephrine_per_min;

  const double e_excess = x[ix::epinephrine] - p.catecholamines.epinephrine_rest_nmol_l;
  const auto ar =
      arousal_rates(p.arousal, d, e_excess, x[ix::vagal], x[ix::nts], x[ix::lc], x[ix::brain_ne]);
  dxdt[ix::vagal] = ar.vagal_per_min;
  dxdt[ix::nts] = ar.nts_per_min;
  dxdt[ix::lc] = ar.lc_hz_per_min;
  dxdt[ix::brain_ne] = ar.brain_ne_per_min;

  const auto cbf =
      cerebral_blood_flow_rates(p.cerebral_blood_flow, work, x[ix::cbf], x[ix::strain]);
  dxdt[ix::cbf] = cbf.cbf_per_min;
  dxdt[ix::strain] = cbf.strain_per_min;

  const double lt = subject_.lactate_threshold_frac;
  const double production = lactate_production(
      p.lactate, d.muscle_intensity_frac, d.muscle_mass_frac, lt, subject_.lactate_production_rel);
  const auto lac = lactate_rates(p.lactate, production, work, lt, subject_.lactate_clearance_rel,
                                 x[ix::muscle_lactate], x[ix::blood_lactate], x[ix::brain_lactate]);
  dxdt[ix::muscle_lactate] = lac.muscle_per_min;
  dxdt[ix::blood_lactate] = lac.blood_per_min;
  dxdt[ix::brain_lactate] = lac.brain_per_min;

  const double lactate_excess = x[ix::blood_lactate] - p.lactate.rest_mmol_l;
  dxdt[ix::vegf] = vegf_rate(p.vegf, x[ix::vegf], lactate_excess);
  const auto oc = osteocalcin_rates(p.osteocalcin, x[ix::bone_signal], x[ix::osteocalcin],
                                    d.bone_stimulus_per_min);
  dxdt[ix::bone_signal] = oc.signal_per_min;
  dxdt[ix::osteocalcin] = oc.osteocalcin_per_min;
  const double oc_rel = x[ix::osteocalcin] / p.osteocalcin.rest_ng_ml;
  dxdt[ix::bdnf] =
      bdnf_rate(p.bdnf, x[ix::bdnf], subject_.bdnf_resting_ng_ml, subject_.bdnf_release_rel,
                motor_drive(), lactate_excess, x[ix::brain_ne], oc_rel);

  const auto il6 = il6_rates(p.il6, work, d.muscle_mass_frac, x[ix::il6_muscle], x[ix::il6],
                             subject_.il6_resting_pg_ml);
  dxdt[ix::il6_muscle] = il6.muscle_per_min;
  dxdt[ix::il6] = il6.plasma_per_min;

  const double clock = units::clock_of(t_min, start_clock_min_);
  const double hpa_exercise = exercise_hpa_drive(p.hpa, work, subject_.cortisol_reactivity_rel);
  const double hpa_drive = circadian_drive(p.hpa, clock) + hpa_exercise;
  const auto hpa = hpa_rates(p.hpa, hpa_drive, x[ix::crh], x[ix::acth], x[ix::cortisol]);
  dxdt[ix::crh] = hpa.crh_per_min;
  dxdt[ix::acth] = hpa.acth_per_min;
  dxdt[ix::cortisol] = hpa.cortisol_per_min;

  const double a = arousal(x);
  dxdt[ix::dose_bdnf_action] =
      bdnf_action(x[ix::bdnf], subject_.bdnf_resting_ng_ml, a, d.cognitive_engagement);
  dxdt[ix::dose_lactate] = std::max(0.0, lactate_excess);
  dxdt[ix::dose_osteocalcin] = std::max(0.0, oc_rel - 1.0);
  dxdt[ix::dose_il6] = std::max(0.0, x[ix::il6] / subject_.il6_resting_pg_ml - 1.0);
  dxdt[ix::dose_vegf] = std::max(0.0, x[ix::vegf] / p.vegf.rest_pg_ml - 1.0);
  dxdt[ix::dose_hpa_drive] = hpa_exercise;
  dxdt[ix::dose_arousal] = std::max(0.0, a - p.cognition.arousal_rest);
  dxdt[ix::dose_strain] = x[ix::strain];
  if (slow_only_) {
    for (std::size_t i = 0; i < ix::first_dose; ++i) {
      if (!is_slow_state(i)) dxdt[i] = 0.0;
    }
  }
}

bool AcuteModel::is_slow_state(std::size_t i) {
  // The states that carry daily doses and relax over tens of minutes after exercise.
  return i == ix::brain_ne || i == ix::blood_lactate || i == ix::vegf || i == ix::bdnf ||
         i == ix::bone_signal || i == ix::osteocalcin;
}

}  // namespace brainload
