#include "brainload/observables.hpp"

namespace brainload {

namespace {

constexpr std::array<ObservableInfo, kAcuteObservableCount> kAcute{{
    {"work_vo2max_frac", "1",
     "whole-body oxygen demand of the current activity, fraction of VO2max"},
    {"heart_rate_bpm", "beats/min", "heart rate"},
    {"motor_drive", "1", "central command from motor cortex, 0-1"},
    {"epinephrine_nmol_l", "nmol/L", "plasma epinephrine (adrenal medulla)"},
    {"norepinephrine_nmol_l", "nmol/L", "plasma norepinephrine (sympathetic spill-over)"},
    {"vagal_afferent_rel", "1", "vagal afferent activity, 1 = rest"},
    {"nts_activity_rel", "1", "nucleus of the solitary tract activity, 1 = rest"},
    {"lc_firing_hz", "Hz", "locus coeruleus tonic firing rate"},
    {"brain_norepinephrine_rel", "1", "cortical norepinephrine, 1 = awake rest"},
    {"arousal", "1", "arousal (focus, alertness), 0-1"},
    {"cerebral_blood_flow_rel", "1", "middle-cerebral-artery blood velocity, 1 = rest"},
    {"lactate_mmol_l", "mmol/L", "blood lactate"},
    {"brain_lactate_mmol_l", "mmol/L", "brain lactate"},
    {"vegf_pg_ml", "pg/mL", "serum VEGF"},
    {"bdnf_serum_ng_ml", "ng/mL", "serum BDNF (plasma is over 10 times lower)"},
    {"osteocalcin_ng_ml", "ng/mL", "serum undercarboxylated osteocalcin"},
    {"il6_pg_ml", "pg/mL", "plasma interleukin-6"},
    {"cortisol_nmol_l", "nmol/L", "serum cortisol"},
    {"cognitive_performance_z", "SD", "acute cognitive performance against the same person rested"},
}};

constexpr std::array<ObservableInfo, kChronicObservableCount> kChronic{{
    {"vo2max_ml_kg_min", "mL/kg/min", "maximal oxygen uptake"},
    {"strength_1rm_rel", "1", "one-repetition maximum, 1 = baseline"},
    {"bdnf_resting_ng_ml", "ng/mL", "resting serum BDNF"},
    {"hippocampal_volume_rel", "1", "hippocampal volume, 1 = baseline"},
    {"prefrontal_connectivity_rel", "1", "prefrontal functional connectivity, 1 = baseline"},
    {"brain_age_gap_years", "years", "brain age minus chronological age"},
    {"cognition_composite_z", "SD", "composite cognition against own baseline"},
    {"executive_function_z", "SD", "executive function against own baseline"},
    {"working_memory_z", "SD", "working memory against own baseline"},
    {"depression_z", "SD", "depressive symptoms against own baseline (lower is better)"},
    {"il6_resting_pg_ml", "pg/mL", "resting plasma interleukin-6"},
    {"bbb_integrity", "1", "blood-brain-barrier integrity, 0-1"},
    {"fatigue", "1", "accumulated training fatigue (impulse-response), load units"},
    {"sessions_done", "1", "training sessions completed so far"},
}};

}  // namespace

std::span<const ObservableInfo, kAcuteObservableCount> acute_observables() { return kAcute; }
std::span<const ObservableInfo, kChronicObservableCount> chronic_observables() { return kChronic; }

std::array<double, kAcuteObservableCount> acute_values(const AcuteModel& m, const AcuteState& x) {
  return {m.drive().work_vo2max_frac,
          x[ix::kHeartRate],
          m.motor_drive(),
          x[ix::kEpinephrine],
          x[ix::kNorepinephrine],
          x[ix::kVagal],
          x[ix::kNts],
          x[ix::kLc],
          x[ix::kBrainNe],
          m.arousal(x),
          x[ix::kCbf],
          x[ix::kBloodLactate],
          x[ix::kBrainLactate],
          x[ix::kVegf],
          x[ix::kBdnf],
          x[ix::kOsteocalcin],
          x[ix::kIl6],
          m.cortisol_nmol_l(x),
          m.cognitive_performance_z(x)};
}

std::array<double, kChronicObservableCount> chronic_values(const ChronicState& c) {
  return {c.vo2max_ml_kg_min,
          c.strength_1rm_rel,
          c.bdnf_resting_ng_ml,
          c.hippocampal_volume_rel,
          c.prefrontal_connectivity_rel,
          c.brain_age_gap_years,
          c.cognition_composite_z,
          c.executive_function_z,
          c.working_memory_z,
          c.depression_z,
          c.il6_resting_pg_ml,
          c.bbb_integrity,
          c.fatigue,
          c.sessions_done};
}

}  // namespace brainload
