// The acute model: every acute pathway composed into one right-hand side.
//
// State (all per the units in the names; "rel" = 1 at rest):
//   heart rate (with its slow sympathetic and drift parts) · oxygen uptake (primary, recruitment,
//   slow component) · plasma epinephrine, norepinephrine · vagal afferents, NTS, LC firing, brain
//   NE · cerebral blood flow with its delay chain, hypocapnia, pressor and post-exercise
//   hypotension states · muscle, blood and brain lactate · serum
//   VEGF · serum BDNF · bone loading signal, ucOC · muscle IL-6 signal, plasma IL-6 · CRH, ACTH,
//   cortisol · plasma volume · catecholamine drift · liver glycogen, plasma glucose · and dose
//   integrals the chronic layer reads
//   once a day.
//
// The input (Drive) is constant between schedule boundaries; the model object holds it, and the
// solver re-binds it at each boundary. The model is a plain value: copy it per individual.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <span>
#include <string_view>
#include <type_traits>

#include "brainload/model/arousal.hpp"
#include "brainload/model/bdnf.hpp"
#include "brainload/model/catecholamines.hpp"
#include "brainload/model/central_command.hpp"
#include "brainload/model/cerebral_blood_flow.hpp"
#include "brainload/model/cognition.hpp"
#include "brainload/model/drive.hpp"
#include "brainload/model/glucose.hpp"
#include "brainload/model/heart_rate.hpp"
#include "brainload/model/hpa.hpp"
#include "brainload/model/il6.hpp"
#include "brainload/model/lactate.hpp"
#include "brainload/model/osteocalcin.hpp"
#include "brainload/model/oxygen_uptake.hpp"
#include "brainload/model/subject.hpp"
#include "brainload/model/vegf.hpp"

namespace brainload {

// Indices into AcuteState.
namespace ix {
inline constexpr std::size_t kHeartRate = 0;
inline constexpr std::size_t kEpinephrine = 1;
inline constexpr std::size_t kNorepinephrine = 2;
inline constexpr std::size_t kVagal = 3;
inline constexpr std::size_t kNts = 4;
inline constexpr std::size_t kLc = 5;
inline constexpr std::size_t kBrainNe = 6;
inline constexpr std::size_t kCbf = 7;
inline constexpr std::size_t kHypotension = 8;    // post-exercise MAP fall, mmHg (cbf.hpp)
inline constexpr std::size_t kMuscleLactate = 9;  // muscle − blood lactate gradient (lactate.hpp)
inline constexpr std::size_t kBloodLactate = 10;
inline constexpr std::size_t kBrainLactate = 11;
inline constexpr std::size_t kVegf = 12;
inline constexpr std::size_t kBdnf = 13;
inline constexpr std::size_t kBoneSignal = 14;  // accumulated bone loading (osteocalcin.hpp)
inline constexpr std::size_t kOsteocalcin = 15;
inline constexpr std::size_t kIl6Muscle = 16;
inline constexpr std::size_t kIl6 = 17;
inline constexpr std::size_t kCrh = 18;
inline constexpr std::size_t kActh = 19;
inline constexpr std::size_t kCortisol = 20;  // secretion relative to the daily mean (x3)
// Oxygen uptake (oxygen_uptake.hpp) and the slow heart-rate parts (heart_rate.hpp).
inline constexpr std::size_t kVo2Primary = 21;     // primary uptake, mL/kg/min
inline constexpr std::size_t kVo2Recruit = 22;     // recruitment above the lactate threshold
inline constexpr std::size_t kVo2Slow = 23;        // slow component above the threshold, mL/kg/min
inline constexpr std::size_t kHrSympathetic = 24;  // fraction of the heart-rate reserve
inline constexpr std::size_t kHrDrift = 25;        // fraction of the heart-rate reserve
inline constexpr std::size_t kPlasmaVolume = 26;   // relative plasma volume, 1 = rest (hpa.hpp)
inline constexpr std::size_t kCatDrift = 27;  // sympathetic drift above threshold (catecholamines)
inline constexpr std::size_t kMuscleGlycogen = 28;  // working-muscle glycogen, 1 = store (il6.hpp)
inline constexpr std::size_t kHrVagalSlow = 29;     // held-back vagal brake (heart_rate.hpp)
inline constexpr std::size_t kVo2Prolonged = 30;    // prolonged EPOC component, mL/kg/min
inline constexpr std::size_t kLiverGlycogen = 31;   // liver glycogen, mmol/kg body (glucose.hpp)
inline constexpr std::size_t kGlucose = 32;         // plasma glucose, mmol/L (glucose.hpp)
// Cerebral blood flow drives (cerebral_blood_flow.hpp): the onset-delay chain, the fall of PaCO2
// from respiratory compensation, the exercise rise of arterial pressure.
inline constexpr std::size_t kCbfDelay = 33;  // first of kCbfDelayStages stages (work fraction)
inline constexpr std::size_t kCbfHypocapnia = kCbfDelay + kCbfDelayStages;  // mmHg
inline constexpr std::size_t kCbfPressor = kCbfHypocapnia + 1;              // ΔMAP/MAP
// Dose integrals (units × min), reset at the start of each day; the chronic layer reads them.
inline constexpr std::size_t kDoseBdnfAction = kCbfPressor + 1;  // ∫ activity-weighted BDNF rise
inline constexpr std::size_t kDoseOsteocalcin = kDoseBdnfAction + 1;  // ∫ relative ucOC rise
inline constexpr std::size_t kDoseVegf = kDoseBdnfAction + 2;         // ∫ relative VEGF rise
inline constexpr std::size_t kDoseHpaDrive = kDoseBdnfAction + 3;  // ∫ above-threshold intensity
inline constexpr std::size_t kCount = kDoseBdnfAction + 4;
inline constexpr std::size_t kFirstDose = kDoseBdnfAction;
}  // namespace ix

using AcuteState = std::array<double, ix::kCount>;

struct AcuteParams {
  HeartRateParams heart_rate;
  OxygenUptakeParams oxygen_uptake;
  CentralCommandParams central_command;
  CatecholamineParams catecholamines;
  ArousalParams arousal;
  CognitionParams cognition;
  CerebralBloodFlowParams cerebral_blood_flow;
  LactateParams lactate;
  VegfParams vegf;
  BdnfParams bdnf;
  OsteocalcinParams osteocalcin;
  Il6Params il6;
  GlucoseParams glucose;
  HpaParams hpa;
};

// Every acute parameter with its group (the AcuteParams member name), for `brainload describe`
// and parameter overrides: visit(group, name, value, unit, range, source), all strings
// std::string_view, range a ValidRange and value a double& (const double& for a const
// AcuteParams). Each pathway header lists its own.
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, AcuteParams>
void visit_parameters(P& p, Visitor&& visit) {
  const auto in = [&visit](std::string_view group) {
    return [&visit, group](std::string_view name, auto& value, std::string_view unit,
                           ValidRange range, std::string_view source) {
      visit(group, name, value, unit, range, source);
    };
  };
  visit_parameters(p.heart_rate, in("heart_rate"));
  visit_parameters(p.oxygen_uptake, in("oxygen_uptake"));
  visit_parameters(p.central_command, in("central_command"));
  visit_parameters(p.catecholamines, in("catecholamines"));
  visit_parameters(p.arousal, in("arousal"));
  visit_parameters(p.cognition, in("cognition"));
  visit_parameters(p.cerebral_blood_flow, in("cerebral_blood_flow"));
  visit_parameters(p.lactate, in("lactate"));
  visit_parameters(p.vegf, in("vegf"));
  visit_parameters(p.bdnf, in("bdnf"));
  visit_parameters(p.osteocalcin, in("osteocalcin"));
  visit_parameters(p.il6, in("il6"));
  visit_parameters(p.glucose, in("glucose"));
  visit_parameters(p.hpa, in("hpa"));
}

class AcuteModel {
 public:
  AcuteModel(const AcuteParams& params, const Subject& subject, double start_clock_min);

  void set_drive(const Drive& drive) { drive_ = drive; }
  // Slow-only mode for the tail of a session window: once the fast states (and those that feed
  // no daily dose) are back at rest, they are held there (derivatives zero) so an explicit
  // solver may take steps set by the slow states alone. Callers set those states to rest first.
  void set_slow_only(bool on) { slow_only_ = on; }
  // Dose-only mode for session windows that nobody observes: the states that feed no daily dose
  // (cerebral blood flow with its delay chain, hypocapnia, pressor and post-exercise hypotension;
  // oxygen uptake and heart rate with their slow parts; the HPA axis and the plasma volume) are
  // held where they are (derivatives zero, their rates not computed), so their time constants do
  // not bound the explicit solver's steps. The doses change only through the steps the solver
  // takes (well inside the accuracy contract, bench/README.md).
  void set_dose_only(bool on) { dose_only_ = on; }
  [[nodiscard]] static bool feeds_doses(std::size_t i);
  [[nodiscard]] static bool is_slow_state(std::size_t i);
  [[nodiscard]] const Drive& drive() const { return drive_; }
  [[nodiscard]] const AcuteParams& params() const { return params_; }
  [[nodiscard]] const Subject& subject() const { return subject_; }
  [[nodiscard]] double start_clock_min() const { return start_clock_min_; }

  // odeint's system signature: dxdt = f(x, t).
  void operator()(const AcuteState& x, AcuteState& dxdt, double t_min) const;

  // Resting, awake values; the HPA axis at its daily mean (callers spin it up over days).
  [[nodiscard]] AcuteState resting_state() const;

  [[nodiscard]] double motor_drive() const;
  [[nodiscard]] double arousal(const AcuteState& x) const;
  [[nodiscard]] double cognitive_performance_z(const AcuteState& x) const;
  [[nodiscard]] double cortisol_nmol_l(const AcuteState& x) const;
  // Free (unbound) cortisol, what saliva reads: the binding equilibrium of the measured total
  // with the plasma-volume-concentrated CBG (hpa.hpp, free_cortisol_nmol_l).
  [[nodiscard]] double cortisol_free_nmol_l(const AcuteState& x) const;
  // Plasma ACTH relative to its daily mean, read through the plasma volume as cortisol is.
  [[nodiscard]] double acth_rel(const AcuteState& x) const;
  // Post-exercise fall of mean arterial pressure, as expressed at the current work (mmHg).
  [[nodiscard]] double blood_pressure_fall_mmhg(const AcuteState& x) const;
  // Arterial PCO2, mmHg: rest minus the fall the CBF pathway carries (cerebral_blood_flow.hpp).
  [[nodiscard]] double arterial_pco2_mmhg(const AcuteState& x) const;
  // Whole-body oxygen uptake, mL/kg/min (the observable vo2_ml_kg_min).
  [[nodiscard]] double vo2_ml_kg_min(const AcuteState& x) const;

 private:
  AcuteParams params_;
  Subject subject_;
  double start_clock_min_;
  Drive drive_;
  void cerebral_blood_flow_derivatives(const AcuteState& x, double blood_lactate_per_min,
                                       AcuteState& dxdt) const;

  bool slow_only_ = false;
  bool dose_only_ = false;
};

}  // namespace brainload
