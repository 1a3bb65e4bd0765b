#include "brainload/observables.hpp"

#include <stdexcept>
#include <string>

namespace brainload {

namespace {

using AcuteGetter = double (*)(const AcuteModel&, const AcuteState&);
using ChronicGetter = double (*)(const ChronicState&);

constexpr ObservableInfo acute(std::string_view name, std::string_view unit, std::string_view label,
                               std::string_view meaning, AcuteGetter value) {
  return {name, unit, meaning, label, ObservableKind::acute, value, nullptr};
}

// A state variable read as it is.
template <std::size_t I>
double state(const AcuteModel& /*model*/, const AcuteState& x) {
  return x[I];
}

struct Span {
  double min;
  double max;
};

constexpr ObservableInfo chronic(std::string_view name, std::string_view unit,
                                 std::string_view label, std::string_view meaning,
                                 ChronicGetter value, Span histogram, double accuracy_floor) {
  return {name,    unit,  meaning,       label,         ObservableKind::chronic,
          nullptr, value, histogram.min, histogram.max, accuracy_floor};
}

constexpr std::array<ObservableInfo, kAcuteObservableCount> kAcute{{
    acute("work_vo2max_frac", "1", "work, fraction of VO2max",
          "whole-body oxygen demand of the current activity, fraction of VO2max",
          [](const AcuteModel& m, const AcuteState&) { return m.drive().work_vo2max_frac; }),
    acute("vo2_ml_kg_min", "mL/kg/min", "oxygen uptake",
          "whole-body oxygen uptake (pulmonary VO2), mL/kg/min",
          [](const AcuteModel& m, const AcuteState& x) { return m.vo2_ml_kg_min(x); }),
    acute("heart_rate_bpm", "beats/min", "heart rate", "heart rate", state<ix::kHeartRate>),
    acute("motor_drive", "1", "motor drive (central command)",
          "central command from motor cortex, 0-1",
          [](const AcuteModel& m, const AcuteState&) { return m.motor_drive(); }),
    acute("epinephrine_nmol_l", "nmol/L", "plasma epinephrine",
          "plasma epinephrine (adrenal medulla)", state<ix::kEpinephrine>),
    acute("norepinephrine_nmol_l", "nmol/L", "plasma norepinephrine",
          "plasma norepinephrine (sympathetic spill-over)", state<ix::kNorepinephrine>),
    acute("vagal_afferent_rel", "1", "vagal afferents", "vagal afferent activity, 1 = rest",
          state<ix::kVagal>),
    acute("nts_activity_rel", "1", "NTS activity",
          "nucleus of the solitary tract activity, 1 = rest", state<ix::kNts>),
    acute("lc_firing_hz", "Hz", "locus coeruleus firing", "locus coeruleus tonic firing rate",
          state<ix::kLc>),
    acute("brain_norepinephrine_rel", "1", "brain noradrenaline",
          "cortical norepinephrine, 1 = awake rest", state<ix::kBrainNe>),
    acute("arousal", "1", "arousal", "arousal (focus, alertness), 0-1",
          [](const AcuteModel& m, const AcuteState& x) { return m.arousal(x); }),
    acute("cerebral_blood_flow_rel", "1", "cerebral blood flow",
          "middle-cerebral-artery blood velocity, 1 = rest", state<ix::kCbf>),
    acute(
        "arterial_pco2_mmhg", "mmHg", "arterial PCO2",
        "arterial CO2 tension: lowered by the ventilatory compensation of lactic acidosis, raised "
        "after exercise by the CO2 that bicarbonate buffering sets free",
        [](const AcuteModel& m, const AcuteState& x) { return m.arterial_pco2_mmhg(x); }),
    acute("blood_pressure_fall_mmhg", "mmHg", "post-exercise hypotension",
          "fall of mean arterial pressure below rest after exercise (post-exercise hypotension); "
          "0 while working at or above its threshold, where blood pressure is not modelled",
          [](const AcuteModel& m, const AcuteState& x) { return m.blood_pressure_fall_mmhg(x); }),
    acute("lactate_mmol_l", "mmol/L", "blood lactate", "blood lactate", state<ix::kBloodLactate>),
    acute("brain_lactate_mmol_l", "mmol/L", "brain lactate", "brain lactate",
          state<ix::kBrainLactate>),
    acute("vegf_pg_ml", "pg/mL", "serum VEGF", "serum VEGF", state<ix::kVegf>),
    acute("bdnf_serum_ng_ml", "ng/mL", "serum BDNF", "serum BDNF (plasma is over 10 times lower)",
          state<ix::kBdnf>),
    acute("osteocalcin_ng_ml", "ng/mL", "osteocalcin (ucOC)", "serum undercarboxylated osteocalcin",
          state<ix::kOsteocalcin>),
    acute("il6_pg_ml", "pg/mL", "plasma IL-6", "plasma interleukin-6", state<ix::kIl6>),
    acute("cortisol_nmol_l", "nmol/L", "serum cortisol", "serum cortisol",
          [](const AcuteModel& m, const AcuteState& x) { return m.cortisol_nmol_l(x); }),
    acute("cortisol_free_nmol_l", "nmol/L", "free (salivary) cortisol",
          "free serum cortisol, what saliva reads (binding equilibrium with CBG and albumin)",
          [](const AcuteModel& m, const AcuteState& x) { return m.cortisol_free_nmol_l(x); }),
    acute("acth_rel", "1", "plasma ACTH", "plasma ACTH, 1 = its daily mean",
          [](const AcuteModel& m, const AcuteState& x) { return m.acth_rel(x); }),
    acute("glucose_mmol_l", "mmol/L", "plasma glucose",
          "plasma glucose: held while the liver's glycogen lasts, falling in long exercise without "
          "food as the store runs low",
          state<ix::kGlucose>),
    acute("cognitive_performance_z", "SD", "cognitive performance",
          "acute cognitive performance against the same person rested",
          [](const AcuteModel& m, const AcuteState& x) { return m.cognitive_performance_z(x); }),
}};

constexpr std::array<ObservableInfo, kChronicObservableCount> kChronic{{
    chronic(
        "vo2max_ml_kg_min", "mL/kg/min", "VO2max", "maximal oxygen uptake",
        [](const ChronicState& c) { return c.vo2max_ml_kg_min; }, {5.0, 95.0}, 1e-3),
    chronic(
        "strength_1rm_rel", "1", "leg strength (1RM)",
        "lower-body (leg) one-repetition maximum, 1 = baseline",
        [](const ChronicState& c) { return c.strength_1rm_rel; }, {0.3, 3.0}, 1e-4),
    chronic(
        "upper_strength_1rm_rel", "1", "upper-body strength (1RM)",
        "upper-body one-repetition maximum, 1 = baseline",
        [](const ChronicState& c) { return c.upper_strength_1rm_rel; }, {0.3, 3.0}, 1e-4),
    chronic(
        "bdnf_resting_ng_ml", "ng/mL", "resting serum BDNF", "resting serum BDNF",
        [](const ChronicState& c) { return c.bdnf_resting_ng_ml; }, {0.0, 120.0}, 1e-3),
    chronic(
        "hippocampal_volume_rel", "1", "hippocampal volume", "hippocampal volume, 1 = baseline",
        [](const ChronicState& c) { return c.hippocampal_volume_rel; }, {0.7, 1.3}, 1e-5),
    chronic(
        "prefrontal_connectivity_rel", "1", "prefrontal connectivity",
        "prefrontal functional connectivity, 1 = baseline",
        [](const ChronicState& c) { return c.prefrontal_connectivity_rel; }, {0.7, 1.5}, 1e-5),
    chronic(
        "brain_age_gap_years", "years", "brain age gap", "brain age minus chronological age",
        [](const ChronicState& c) { return c.brain_age_gap_years; }, {-20.0, 20.0}, 1e-3),
    chronic(
        "cognition_composite_z", "SD", "composite cognition",
        "composite cognition against own baseline",
        [](const ChronicState& c) { return c.cognition_composite_z; }, {-6.0, 6.0}, 1e-3),
    chronic(
        "executive_function_z", "SD", "executive function",
        "executive function against own baseline",
        [](const ChronicState& c) { return c.executive_function_z; }, {-6.0, 6.0}, 1e-3),
    chronic(
        "working_memory_z", "SD", "working memory", "working memory against own baseline",
        [](const ChronicState& c) { return c.working_memory_z; }, {-6.0, 6.0}, 1e-3),
    chronic(
        "depression_z", "SD", "depressive symptoms (lower is better)",
        "depressive symptoms against own baseline (lower is better)",
        [](const ChronicState& c) { return c.depression_z; }, {-6.0, 6.0}, 1e-3),
    chronic(
        "il6_resting_pg_ml", "pg/mL", "resting IL-6", "resting plasma interleukin-6",
        [](const ChronicState& c) { return c.il6_resting_pg_ml; }, {0.0, 30.0}, 1e-4),
    chronic(
        "bbb_integrity", "1", "blood-brain barrier integrity", "blood-brain-barrier integrity, 0-1",
        [](const ChronicState& c) { return c.bbb_integrity; }, {0.0, 1.0}, 1e-5),
    chronic(
        "fatigue", "1", "training fatigue",
        "accumulated training fatigue (impulse-response), load units",
        [](const ChronicState& c) { return c.fatigue; }, {0.0, 60.0}, 1e-3),
    chronic(
        "sessions_done", "1", "sessions done", "training sessions completed so far",
        [](const ChronicState& c) { return c.sessions_done; }, {0.0, 4000.0},
        0.0),  // exact
    chronic(
        "resting_heart_rate_bpm", "beats/min", "resting heart rate",
        "resting heart rate: the baseline trait, lowered by the aerobic VO2max gain of training",
        [](const ChronicState& c) { return c.resting_heart_rate_bpm; }, {30.0, 110.0}, 1e-3),
}};

}  // namespace

std::span<const ObservableInfo, kAcuteObservableCount> acute_observables() { return kAcute; }
std::span<const ObservableInfo, kChronicObservableCount> chronic_observables() { return kChronic; }

std::array<double, kAcuteObservableCount> acute_values(const AcuteModel& m, const AcuteState& x) {
  std::array<double, kAcuteObservableCount> values{};
  for (std::size_t k = 0; k < kAcuteObservableCount; ++k) values[k] = kAcute[k].acute_value(m, x);
  return values;
}

std::size_t chronic_observable_index(std::string_view name) {
  for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
    if (kChronic[k].name == name) return k;
  }
  throw std::invalid_argument("unknown chronic observable '" + std::string(name) + "'");
}

std::array<double, kChronicObservableCount> chronic_values(const ChronicState& c) {
  std::array<double, kChronicObservableCount> values{};
  for (std::size_t k = 0; k < kChronicObservableCount; ++k)
    values[k] = kChronic[k].chronic_value(c);
  return values;
}

}  // namespace brainload
