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
  return arousal_from_brain_ne(params_.arousal, x[ix::kBrainNe]);
}

double AcuteModel::cognitive_performance_z(const AcuteState& x) const {
  return brainload::cognitive_performance_z(
      params_.cognition, arousal(x), x[ix::kCbf],
      x[ix::kBrainLactate] - params_.lactate.brain_rest_mmol_l);
}

double AcuteModel::cortisol_nmol_l(const AcuteState& x) const {
  // Measured concentration: secretion over the plasma volume it is diluted in (hpa.hpp).
  return x[ix::kCortisol] * params_.hpa.cortisol_scale_nmol_l / x[ix::kPlasmaVolume];
}

double AcuteModel::cortisol_free_nmol_l(const AcuteState& x) const {
  return free_cortisol_nmol_l(params_.hpa, cortisol_nmol_l(x), x[ix::kPlasmaVolume]);
}

double AcuteModel::acth_rel(const AcuteState& x) const {
  // ACTH (x2 of hpa.hpp, 1 = its daily mean) as a measured plasma concentration: over the plasma
  // volume, as for cortisol (assumed: the peptide is measured in plasma drawn without a
  // plasma-volume correction, as in the exercise studies of the catalogue).
  return x[ix::kActh] / x[ix::kPlasmaVolume];
}

double AcuteModel::blood_pressure_fall_mmhg(const AcuteState& x) const {
  return expressed_hypotension_mmhg(params_.cerebral_blood_flow, drive_.work_vo2max_frac,
                                    x[ix::kHypotension]);
}

double AcuteModel::arterial_pco2_mmhg(const AcuteState& x) const {
  return params_.cerebral_blood_flow.paco2_rest_mmhg - x[ix::kCbfHypocapnia];
}

double AcuteModel::vo2_ml_kg_min(const AcuteState& x) const {
  return total_uptake_ml_kg_min(subject_, drive_, x[ix::kVo2Primary], x[ix::kVo2Slow],
                                x[ix::kVo2Prolonged]);
}

AcuteState AcuteModel::resting_state() const {
  AcuteState x{};
  const auto& p = params_;
  x[ix::kHeartRate] = subject_.hr_rest_bpm;
  x[ix::kEpinephrine] = p.catecholamines.epinephrine_rest_nmol_l;
  x[ix::kNorepinephrine] = p.catecholamines.norepinephrine_rest_nmol_l;
  x[ix::kVagal] = 1.0;
  x[ix::kNts] = 1.0;
  x[ix::kLc] = p.arousal.lc_wake_hz;
  x[ix::kBrainNe] = 1.0;
  x[ix::kCbf] = 1.0;
  x[ix::kBloodLactate] = p.lactate.rest_mmol_l;
  x[ix::kBrainLactate] = p.lactate.brain_rest_mmol_l;
  x[ix::kVegf] = p.vegf.rest_pg_ml;
  x[ix::kBdnf] = subject_.bdnf_resting_ng_ml;
  x[ix::kOsteocalcin] = p.osteocalcin.rest_ng_ml;
  x[ix::kIl6] = subject_.il6_resting_pg_ml;
  x[ix::kCrh] = 1.0;
  x[ix::kActh] = 1.0;
  x[ix::kCortisol] = 1.0;
  x[ix::kVo2Primary] = units::kRestingVo2MlKgMin;
  x[ix::kPlasmaVolume] = 1.0;
  x[ix::kMuscleGlycogen] = 1.0;
  x[ix::kLiverGlycogen] = p.glucose.liver_fasted_mmol_kg;
  x[ix::kGlucose] = p.glucose.rest_mmol_l;
  return x;
}

void AcuteModel::operator()(const AcuteState& x, AcuteState& dxdt, double t_min) const {
  const auto& p = params_;
  const Drive& d = drive_;
  const double work = d.work_vo2max_frac;

  // In dose-only and slow-only modes oxygen uptake, heart rate, the HPA axis, the plasma volume
  // and the glucose states are held (their derivatives are zeroed below: they feed no daily dose)
  // and no state that is integrated reads their rates, so the rates are not computed.
  // The slow component of uptake (with its recruitment lag) is part of the lactate pathway's ATP
  // demand (lactate.hpp), so it is integrated in dose-only mode too.
  const bool held_cardio_hpa = dose_only_ || slow_only_;
  if (!slow_only_) {
    const auto vo2 = oxygen_uptake_rates(p.oxygen_uptake, subject_, d, x[ix::kVo2Primary],
                                         x[ix::kVo2Recruit], x[ix::kVo2Slow], x[ix::kVo2Prolonged]);
    dxdt[ix::kVo2Primary] = vo2.primary_per_min;
    dxdt[ix::kVo2Recruit] = vo2.recruit_per_min;
    dxdt[ix::kVo2Slow] = vo2.slow_per_min;
    dxdt[ix::kVo2Prolonged] = vo2.prolonged_per_min;
  }
  if (!held_cardio_hpa) {
    const auto hr = heart_rate_rates(p.heart_rate, subject_, d, vo2_ml_kg_min(x), x[ix::kHeartRate],
                                     {x[ix::kHrSympathetic], x[ix::kHrDrift], x[ix::kHrVagalSlow]});
    dxdt[ix::kHeartRate] = hr.hr_bpm_per_min;
    dxdt[ix::kHrSympathetic] = hr.sympathetic_per_min;
    dxdt[ix::kHrDrift] = hr.drift_per_min;
    dxdt[ix::kHrVagalSlow] = hr.vagal_slow_per_min;
  }

  const auto cat =
      catecholamine_rates(p.catecholamines, x[ix::kEpinephrine], x[ix::kNorepinephrine],
                          x[ix::kCatDrift], d.muscle_intensity_frac, d.muscle_mass_frac,
                          subject_.lactate_threshold_frac, subject_.age_years);
  dxdt[ix::kEpinephrine] = cat.epinephrine_per_min;
  dxdt[ix::kNorepinephrine] = cat.norepinephrine_per_min;
  dxdt[ix::kCatDrift] = cat.drift_per_min;

  const double e_excess = x[ix::kEpinephrine] - p.catecholamines.epinephrine_rest_nmol_l;
  const auto ar = arousal_rates(p.arousal, d, e_excess, x[ix::kVagal], x[ix::kNts], x[ix::kLc],
                                x[ix::kBrainNe]);
  dxdt[ix::kVagal] = ar.vagal_per_min;
  dxdt[ix::kNts] = ar.nts_per_min;
  dxdt[ix::kLc] = ar.lc_hz_per_min;
  dxdt[ix::kBrainNe] = ar.brain_ne_per_min;

  const LactateInputs lac_in{d.muscle_intensity_frac,
                             d.muscle_mass_frac,
                             work,
                             subject_.vo2max_ml_kg_min,
                             subject_.lactate_production_rel,
                             subject_.lactate_clearance_rel,
                             x[ix::kVo2Slow],
                             d.all_out};
  const auto lac = lactate_rates(p.lactate, lac_in, x[ix::kMuscleLactate], x[ix::kBloodLactate],
                                 x[ix::kBrainLactate]);
  dxdt[ix::kMuscleLactate] = lac.gradient_per_min;
  dxdt[ix::kBloodLactate] = lac.blood_per_min;
  dxdt[ix::kBrainLactate] = lac.brain_per_min;

  if (dose_only_) {
    for (std::size_t i = 0; i < ix::kFirstDose; ++i) {
      if (!feeds_doses(i)) dxdt[i] = 0.0;
    }
  } else {
    cerebral_blood_flow_derivatives(x, lac.blood_per_min, dxdt);
  }

  const double lactate_excess = x[ix::kBloodLactate] - p.lactate.rest_mmol_l;
  dxdt[ix::kVegf] = vegf_rate(p.vegf, x[ix::kVegf], lactate_excess);

  const auto il6 = il6_rates(p.il6, work, d.muscle_mass_frac, x[ix::kIl6Muscle], x[ix::kIl6],
                             subject_.il6_resting_pg_ml, x[ix::kMuscleGlycogen]);
  dxdt[ix::kIl6Muscle] = il6.muscle_per_min;
  dxdt[ix::kIl6] = il6.plasma_per_min;
  dxdt[ix::kMuscleGlycogen] = il6.glycogen_per_min;

  const auto oc =
      osteocalcin_rates(p.osteocalcin, x[ix::kBoneSignal], x[ix::kOsteocalcin],
                        d.bone_stimulus_per_min, x[ix::kIl6] / subject_.il6_resting_pg_ml);
  dxdt[ix::kBoneSignal] = oc.signal_per_min;
  dxdt[ix::kOsteocalcin] = oc.osteocalcin_per_min;
  const double oc_rel = x[ix::kOsteocalcin] / p.osteocalcin.rest_ng_ml;
  dxdt[ix::kBdnf] = bdnf_rate(
      p.bdnf, x[ix::kBdnf], subject_.bdnf_resting_ng_ml, subject_.bdnf_release_rel,
      bdnf_intensity_drive(p.bdnf, d.muscle_intensity_frac, subject_.lactate_threshold_frac),
      oc_rel);

  const double reactivity = subject_.cortisol_reactivity_rel;
  if (!held_cardio_hpa) {
    const double clock = units::clock_of(t_min, start_clock_min_);
    const double minutes_awake =
        d.awake ? units::clock_of(clock - d.wake_clock_min, 0.0) : -1.0;  // in [0, 1440) awake
    const double hpa_drive =
        circadian_drive(p.hpa, clock) *
        (1.0 + exercise_hpa_drive(p.hpa, work, reactivity) + awakening_drive(p.hpa, minutes_awake) +
         hypoglycaemia_hpa_drive(p.hpa, x[ix::kGlucose]));
    const auto hpa = hpa_rates(p.hpa, hpa_drive, x[ix::kCrh], x[ix::kActh], x[ix::kCortisol]);
    dxdt[ix::kCrh] = hpa.crh_per_min;
    dxdt[ix::kActh] = hpa.acth_per_min;
    dxdt[ix::kCortisol] = hpa.cortisol_per_min;
    dxdt[ix::kPlasmaVolume] = plasma_volume_rate(p.hpa, work, x[ix::kPlasmaVolume]);
    const auto glc = glucose_rates(p.glucose, x[ix::kGlucose], x[ix::kLiverGlycogen],
                                   vo2_ml_kg_min(x), work > 0.0);
    dxdt[ix::kGlucose] = glc.glucose_mmol_l_per_min;
    dxdt[ix::kLiverGlycogen] = glc.liver_mmol_kg_per_min;
  }

  const double a = arousal(x);
  dxdt[ix::kDoseBdnfAction] =
      bdnf_action(x[ix::kBdnf], subject_.bdnf_resting_ng_ml, a, d.cognitive_engagement);
  dxdt[ix::kDoseOsteocalcin] = std::max(0.0, oc_rel - 1.0);
  dxdt[ix::kDoseVegf] = std::max(0.0, x[ix::kVegf] / p.vegf.rest_pg_ml - 1.0);
  dxdt[ix::kDoseHpaDrive] = exercise_hpa_dose_rate(p.hpa, work, reactivity);
  if (slow_only_) {
    for (std::size_t i = 0; i < ix::kFirstDose; ++i) {
      if (!is_slow_state(i)) dxdt[i] = 0.0;
    }
  }
}

void AcuteModel::cerebral_blood_flow_derivatives(const AcuteState& x, double blood_lactate_per_min,
                                                 AcuteState& dxdt) const {
  const auto& p = params_;
  CerebralBloodFlowState cbf_state;
  std::copy_n(x.begin() + ix::kCbfDelay, kCbfDelayStages, cbf_state.delay.begin());
  cbf_state.cbf_rel = x[ix::kCbf];
  cbf_state.hypocapnia_mmhg = x[ix::kCbfHypocapnia];
  cbf_state.pressor_rel = x[ix::kCbfPressor];
  cbf_state.hypotension_mmhg = x[ix::kHypotension];
  const auto cbf = cerebral_blood_flow_rates(
      p.cerebral_blood_flow, cbf_state, drive_.work_vo2max_frac,
      x[ix::kBloodLactate] - p.lactate.rest_mmol_l, subject_.age_years, blood_lactate_per_min,
      drive_.work_vo2max_frac >= subject_.lactate_threshold_frac);
  std::copy_n(cbf.delay_per_min.begin(), kCbfDelayStages, dxdt.begin() + ix::kCbfDelay);
  dxdt[ix::kCbf] = cbf.cbf_per_min;
  dxdt[ix::kCbfHypocapnia] = cbf.hypocapnia_mmhg_per_min;
  dxdt[ix::kCbfPressor] = cbf.pressor_per_min;
  dxdt[ix::kHypotension] = cbf.hypotension_mmhg_per_min;
}

bool AcuteModel::feeds_doses(std::size_t i) {
  // The cerebral blood flow group is read by cognition (events, traces) and by nothing the
  // chronic layer sees. Oxygen uptake and heart rate are read by traces and events only, except
  // the slow component and its recruitment lag, which the lactate pathway's ATP demand reads (its
  // removal reads the demand, not the uptake state), and the HPA axis, the
  // plasma volume and the glucose states (which drive only the axis) by the cortisol, ACTH and
  // glucose observables only: the HPA dose integrates the
  // above-threshold intensity of the drive, not the hormones.
  const bool cbf_group =
      (i >= ix::kCbfDelay && i <= ix::kCbfPressor) || i == ix::kCbf || i == ix::kHypotension;
  const bool cardio = i == ix::kHeartRate || i == ix::kHrSympathetic || i == ix::kHrDrift ||
                      i == ix::kHrVagalSlow || i == ix::kVo2Primary || i == ix::kVo2Prolonged;
  const bool hpa = (i >= ix::kCrh && i <= ix::kCortisol) || i == ix::kPlasmaVolume ||
                   i == ix::kLiverGlycogen || i == ix::kGlucose;
  return !cbf_group && !cardio && !hpa;
}

bool AcuteModel::is_slow_state(std::size_t i) {
  // The states that carry daily doses and relax over tens of minutes after exercise. Heart rate and
  // oxygen uptake (with their slow parts, which linger 30 min and more) feed no dose: they are held
  // in the slow-only tail of a session window, and a window's end does not wait for them. Where
  // they are observed (trace, measure events) the whole day is integrated without that tail.
  return i == ix::kBrainNe || i == ix::kBloodLactate || i == ix::kVegf || i == ix::kBdnf ||
         i == ix::kBoneSignal || i == ix::kOsteocalcin || i == ix::kCatDrift ||
         i == ix::kIl6Muscle || i == ix::kIl6;
}

}  // namespace brainload
