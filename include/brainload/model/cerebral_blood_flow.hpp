// Cerebral blood flow (middle-cerebral-artery velocity, MCAv, 1 = rest): activation, arterial CO2
// and pressure, each with its own kinetics, and post-exercise hypotension.
//
//   u      = min(x, u_max)                                   x: work as a fraction of VO2max
//   dD₁/dt = (u − D₁)/(T_D/3),  dDₖ/dt = (Dₖ₋₁ − Dₖ)/(T_D/3)   k = 2, 3 (onset delay)
//   B      = max(0, L − L₀ − b₀)                              bicarbonate used up, mmol/L
//   dR/dt  = (k_rc · B − R) / τ_rc − c · g_b · dB/dt          R: fall of PaCO2, mmHg (< 0: rise)
//   g_b    = V_ECF · V_m / C_CO2,  c = 0 at work ≥ LT, 1 below    CO2 set free by buffering
//   dM/dt  = (m_P · u − M) / τ_M                             M: exercise rise of MAP, ΔMAP/MAP
//   CBF*   = (1 + a_N · D₃) · exp(−k_CO2 · R) · (1 + s_up · M) · (1 − s_down · e(x) · P / MAP₀)
//   dCBF/dt = (CBF* − CBF) / τ_N(age),  τ_N = τ_N,25 + β · max(0, age − 25)
//   dP/dt   = g · max(0, x − x_peh) − P / τ_P                 P: post-exercise fall of MAP, mmHg
//   e(x)    = clamp(1 − x / x_peh, 0, 1)
//
// Design and sources: docs/research/cbf_exercise_kinetics.md (sections 2-4 and the decisions of
// section 9, committed before this code). During exercise MCAv rises with cerebral activation and
// metabolism (Ogoh & Ainslie 2009, J Appl Physiol 107:1370), after a delay: every onset-kinetics
// study fits delay + exponential (Billinger et al. 2017, J Appl Physiol 122:1125: delay 52-54 s,
// τ 30 s; Ward et al. 2018: τ 31 s young, 51 s at 69 y). The delay T_D = 37 s is the
// DerSimonian–Laird random-effects pool of the non-held-out delays (section 9.1), carried by a
// three-stage Erlang chain (assumed shape, section 9.2). Above the lactate threshold, bicarbonate
// buffers lactate about 1:1 once it has risen by ≈ 0.4 mmol/L (Beaver, Wasserman & Whipp 1986,
// J Appl Physiol 60:472), and ventilation compensates the metabolic acidosis by lowering PaCO2
// 0.83 mmHg per mmol/L of bicarbonate (arterial blood after runs to exhaustion: −0.90 mmHg and
// −1.09 mmol/L per mmol/L of lactate, Medbø & Sejersted 1985, Acta Physiol Scand 125:97; the
// clinical steady-state rule of 1.2, Narins & Emmett 1980, was the first choice of section 9.5 and
// put MCAv at its 0.5 floor after a 4×4 session: docs/research/cbf_hypocapnia_addendum.md); vessels
// constrict with hypocapnia, MCAv ∝ exp(0.034 · ΔPaCO2) (Markwalder et al. 1984, J Cereb Blood
// Flow Metab 4:368). So the fall of MCAv at high intensity (Ogoh & Ainslie 2009) and its fall
// within minutes of heavy constant work are not written in: they follow from the lactate state
// (lactate.hpp). Below the threshold PaCO2 is held at rest (no ventilatory term, section 9.4).
// The buffering itself sets CO2 free, one mmol per mmol of bicarbonate used up (HCO3⁻ + H⁺ → CO2
// + H2O). While the work is at or above the lactate threshold ventilation rises with that extra
// CO2 output and PaCO2 holds (isocapnic buffering, Beaver, Wasserman & Whipp 1986), so c = 0 there;
// below the threshold and after exercise (assumed switch at the threshold) the CO2 from the
// extracellular bicarbonate (V_ECF = 0.2 L/kg, V_m = 22.4 ml/mmol) goes to the body's CO2 stores,
// whose capacity C_CO2 = 1.51 ml·kg⁻¹·mmHg⁻¹ (mean of 1.83 and 1.19 at 30 and 60 % VO2max, "Body
// carbon dioxide storage capacity in exercise", scilit 7c6ae8ed) turns it into a rise of PaCO2,
// g_b = 2.97 mmHg per mmol/L: lactate still entering the blood after a sprint makes a few minutes
// of hypercapnia and a raised flow (Labrecque et al. 2020, Physiol Rep 8:e14430: PETCO2 +11 mmHg,
// MCAv +43 % after 30 s at the VO2max load), and bicarbonate rebuilt as lactate is cleared takes
// CO2 back (dB/dt < 0). The same study's washout (90 % within 4 min) gives τ_rc = 4/ln 10 = 1.74
// min (docs/research/cbf_hypocapnia_addendum.md section 6, decided before the code).
// Mean arterial pressure rises with work (least-squares slope through the origin of Ichinose et
// al. 2008, J Physiol 586:2753, Table 1: m_P = 0.33 per unit of work) with τ ≈ 1 min (MAP
// on-kinetics 59-66 s, doi:10.1152/japplphysiol.00057.2021), and autoregulation passes only
// 0.37 %/% of a rise to flow (meta-analysis of 143 studies, J Cereb Blood Flow Metab 2024,
// doi:10.1177/0271678X231210430). The vessel follows the product of its drives with one time
// constant τ_N (section 9.3). a_N is the one fitted number: validation/fits/fit_cbf_activation.py,
// to the rest-to-moderate amplitudes of Billinger et al. 2017 and Ward et al. 2018 (young).
//
// After exercise: P is the post-exercise fall of mean arterial pressure (mmHg), the sustained
// vasodilatation of the previously active muscle (histamine H1/H2; Halliwill et al. 2013, Exp
// Physiol 98:7). Its threshold x_peh, gain g and decay τ_P are fitted (validation/fits/fit_peh.py)
// to the three means Angadi, Bhammar & Gaesser 2015 (J Strength Cond Res 29:2888) give against a
// control day: 3-h mean MAP −5.3 mmHg after 4×4 min at 90–95 % HRmax, −2.7 mmHg in its third
// hour, −2.3 mmHg after 30 min at 75–80 % HRmax. A lower pressure lowers cerebral flow by the
// static pressure–flow sensitivity for falls in pressure, s_down = 1.47 %/% (same meta-analysis),
// with MAP₀ the control day's pressure in the same study. The fall is expressed only as far as the
// work is below the threshold (e; assumed: during exercise the pressor response holds the pressure
// up). So what lingers after one or two hard sessions follows from the pressure the sessions leave
// behind, not from a term written to produce it. Angadi's arms are prescribed in %HRmax, so the
// fit reads them through the heart-rate model's %HRR-%VO2R relation (HERITAGE's line since
// docs/research/hr_vo2_reserve_relation.md; x_peh was 0.62 under the identity). Held out, both
// missed until then and both weak passes since, near their lower edges: Angadi's third session
// (6 × 30 s sprints, −3.0 mmHg; the model gives −1.6, the sprint's work fraction being capped at
// 1) and Lockwood et al. 2005 (−6.5 mmHg 30 min after an hour at 60 % VO2max; the model gives
// −4.6). The dose's form (intensity above a threshold, no duration term) is still the weak part.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct CerebralBloodFlowParams {
  double activation_gain = 0.367;           // a_N, per unit work (fitted: fit_cbf_activation.py)
  double activation_cap_vo2max_frac = 1.0;  // u_max: supramaximal work activates no more (assumed)
  double onset_delay_min = 37.0 / 60.0;     // T_D: random-effects pool of non-held-out delays
  double tau_min = 0.5;                     // τ_N at 25 y (Billinger 2017 30 s; Ward 2018 31 s)
  double age_slowing_min_per_year = 0.45 / 60.0;  // β: 31 → 51 s from 25 to 69 y (Ward 2018)
  double co2_reactivity_per_mmhg = 0.034;         // k_CO2 (Markwalder et al. 1984)
  double compensation_mmhg_per_mmol = 0.83;       // k_rc (Medbø & Sejersted 1985, derived)
  double buffer_offset_mmol_l = 0.4;              // b₀ (Beaver, Wasserman & Whipp 1986)
  double compensation_tau_min = 1.74;             // τ_rc (derived: CO2 washout, 90 % in 4 min)
  double extracellular_volume_l_per_kg = 0.2;     // V_ECF (textbook: ≈ 20 % of body mass)
  double co2_storage_ml_per_kg_mmhg = 1.51;       // C_CO2 (derived: storage study, 1.83/1.19)
  double pressor_gain = 0.33;                     // m_P, ΔMAP/MAP per unit work (Ichinose 2008)
  double pressor_tau_min = 1.0;                   // τ_M (MAP on-kinetics 59-66 s)
  double pressure_rise_sensitivity = 0.37;        // s_up, %/% (meta-analysis, JCBFM 2024)
  double peh_threshold_vo2max_frac = 0.552;       // x_peh (fitted: Angadi et al. 2015)
  double peh_gain_mmhg_per_min = 2.786;           // g, mmHg per min per unit x (fitted: same)
  double peh_decay_tau_min = 103.3;               // τ_P, min (fitted: same)
  double pressure_sensitivity = 1.47;             // s_down, %/% (meta-analysis, JCBFM 2024)
  double map_rest_mmhg = 88.7;                    // MAP₀ (Angadi 2015 control day: 124/71 mmHg)
  double floor_rel = 0.5;                         // CBF* never below this (safety bound, assumed)
  double paco2_rest_mmhg = 40.0;  // resting arterial PCO2 (textbook normal 35-45 mmHg), for the
                                  // observable arterial_pco2_mmhg only
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, CerebralBloodFlowParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("activation_gain", p.activation_gain, "1", ValidRange{0.0, 2.0},
        "fitted: rest-to-moderate MCAv amplitude, n-weighted mean of Billinger et al. 2017 (J Appl "
        "Physiol 122:1125, 21.8 %) and Ward et al. 2018 (young, 28.1 %); "
        "validation/fits/fit_cbf_activation.py");
  visit("activation_cap_vo2max_frac", p.activation_cap_vo2max_frac, "1", ValidRange{0.3, 3.0},
        "assumed: work above VO2max activates the cortex no further");
  visit("onset_delay_min", p.onset_delay_min, "min", ValidRange{0.01, 3.0},
        "derived: DerSimonian-Laird random-effects pool of the non-held-out onset delays, "
        "Billinger et al. 2017 (53 s, n = 10) and an onset-nadir abstract (20.2 s, n = 23): 37 s "
        "(docs/research/cbf_exercise_kinetics.md section 9.1)");
  visit("tau_min", p.tau_min, "min", ValidRange{0.05, 10.0},
        "measured: MCAv time constant at 25 y, 30 s (Billinger et al. 2017) and 31 +/- 4 s (Ward "
        "et al. 2018, young)");
  visit("age_slowing_min_per_year", p.age_slowing_min_per_year, "min/y", ValidRange{0.0, 0.05},
        "derived: (51 - 31 s)/(69 - 25 y) = 0.45 s per year above 25 y (Ward et al. 2018); linear "
        "in age assumed");
  visit("co2_reactivity_per_mmhg", p.co2_reactivity_per_mmhg, "1/mmHg", ValidRange{0.0, 0.1},
        "measured: MCAv exponential in PCO2, exponent 0.034 (Markwalder et al. 1984, J Cereb "
        "Blood Flow Metab 4:368); the same slope assumed for hypocapnia");
  visit("compensation_mmhg_per_mmol", p.compensation_mmhg_per_mmol, "mmHg/(mmol/L)",
        ValidRange{0.0, 3.0},
        "derived: arterial blood after runs to exhaustion, PaCO2 -0.90 mmHg and HCO3 -1.09 mmol/L "
        "per mmol/L of lactate (Medbø & Sejersted 1985, Acta Physiol Scand 125:97): 0.83 "
        "(docs/research/cbf_hypocapnia_addendum.md); the clinical steady-state rule, 1.2 "
        "(Narins & Emmett 1980), overstates the acute compensation");
  visit("buffer_offset_mmol_l", p.buffer_offset_mmol_l, "mmol/L", ValidRange{0.0, 3.0},
        "measured: bicarbonate falls 1:1 with lactate once lactate has risen by about 0.4 mmol/L "
        "(Beaver, Wasserman & Whipp 1986, J Appl Physiol 60:472)");
  visit("compensation_tau_min", p.compensation_tau_min, "min", ValidRange{0.1, 20.0},
        "derived: 90 % of the body CO2 washout after a step rise of ventilation within 4 min "
        "('Body carbon dioxide storage capacity in exercise', 9 subjects at 30 and 60 % VO2max; "
        "scilit record 7c6ae8ed, authors not retrieved): tau = 4/ln 10 = 1.74 min (was 2.0 "
        "assumed; docs/research/cbf_hypocapnia_addendum.md section 6)");
  visit("extracellular_volume_l_per_kg", p.extracellular_volume_l_per_kg, "L/kg",
        ValidRange{0.1, 0.4},
        "textbook: extracellular fluid ≈ 20 % of body mass; the bicarbonate whose buffering of "
        "lactic acid sets CO2 free (1:1, Beaver, Wasserman & Whipp 1986, J Appl Physiol 60:472)");
  visit("co2_storage_ml_per_kg_mmhg", p.co2_storage_ml_per_kg_mmhg, "ml/kg/mmHg",
        ValidRange{0.2, 5.0},
        "derived: body CO2 storage capacity in exercise, 1.83 +/- 0.55 and 1.19 +/- 0.49 "
        "ml/kg/Torr at about 30 and 60 % VO2max (9 subjects; scilit record 7c6ae8ed, authors not "
        "retrieved): their mean 1.51 turns CO2 set free by buffering into a rise of PaCO2");
  visit("pressor_gain", p.pressor_gain, "1", ValidRange{0.0, 1.0},
        "derived: least-squares slope through the origin of MAP vs work, Ichinose et al. 2008 (J "
        "Physiol 586:2753) Table 1, +6.7 to +30.3 % of rest from 10 to 190 W (u = W/190 W "
        "assumed)");
  visit("pressor_tau_min", p.pressor_tau_min, "min", ValidRange{0.05, 10.0},
        "measured: MAP on-kinetics tau 59-66 s, knee-extensor exercise "
        "(doi:10.1152/japplphysiol.00057.2021)");
  visit("pressure_rise_sensitivity", p.pressure_rise_sensitivity, "1", ValidRange{0.0, 2.0},
        "measured: static cerebral pressure-flow sensitivity for rises in pressure, 0.37 +/- 0.38 "
        "%/% (143 studies, J Cereb Blood Flow Metab 2024, doi:10.1177/0271678X231210430)");
  visit("peh_threshold_vo2max_frac", p.peh_threshold_vo2max_frac, "1", ValidRange{0.0, 1.5},
        "fitted: post-exercise hypotension after 4x4 min vs 30 min steady (Angadi, Bhammar & "
        "Gaesser 2015, J Strength Cond Res 29:2888); validation/fits/fit_peh.py");
  visit("peh_gain_mmhg_per_min", p.peh_gain_mmhg_per_min, "mmHg/min", ValidRange{0.0, 50.0},
        "fitted: 3-h mean MAP fall after 4x4 min at 90-95 % HRmax, -5.3 mmHg (Angadi et al. "
        "2015)");
  visit("peh_decay_tau_min", p.peh_decay_tau_min, "min", ValidRange{10.0, 2880.0},
        "fitted: third-hour MAP fall after 4x4 min, -2.7 mmHg (Angadi et al. 2015)");
  visit("pressure_sensitivity", p.pressure_sensitivity, "1", ValidRange{0.0, 3.0},
        "measured: static cerebral pressure-flow sensitivity for falls in pressure, 1.47 +/- 0.71 "
        "%/% (143 studies, J Cereb Blood Flow Metab 2024, doi:10.1177/0271678X231210430)");
  visit("map_rest_mmhg", p.map_rest_mmhg, "mmHg", ValidRange{50.0, 150.0},
        "measured: control-day MAP, 124/71 mmHg (Angadi et al. 2015)");
  visit("floor_rel", p.floor_rel, "1", ValidRange{0.1, 1.0},
        "assumed: safety bound, CBF target never below this");
  visit("paco2_rest_mmhg", p.paco2_rest_mmhg, "mmHg", ValidRange{30.0, 50.0},
        "textbook: normal arterial PCO2 35-45 mmHg, 40 typical; the baseline of the observable "
        "arterial_pco2_mmhg (the model carries only its change)");
}

inline constexpr std::size_t kCbfDelayStages = 3;

// The pathway's states, in the order the acute model stores them.
struct CerebralBloodFlowState {
  std::array<double, kCbfDelayStages> delay{};  // D₁..D₃, work fraction carried through the delay
  double cbf_rel = 1.0;                         // MCAv relative to rest
  double hypocapnia_mmhg = 0.0;                 // R, fall of PaCO2 (negative: above rest)
  double pressor_rel = 0.0;                     // M, ΔMAP/MAP during exercise
  double hypotension_mmhg = 0.0;                // P, post-exercise fall of MAP
};

struct CerebralBloodFlowRates {
  std::array<double, kCbfDelayStages> delay_per_min{};
  double cbf_per_min = 0.0;
  double hypocapnia_mmhg_per_min = 0.0;
  double pressor_per_min = 0.0;
  double hypotension_mmhg_per_min = 0.0;
};

// The flow the vessel tends to from its current drives (CBF*).
[[nodiscard]] double cerebral_blood_flow_target(const CerebralBloodFlowParams& p,
                                                const CerebralBloodFlowState& s,
                                                double work_vo2max_frac);
// The fall of mean arterial pressure as expressed at this work: e(x)·P, mmHg.
[[nodiscard]] double expressed_hypotension_mmhg(const CerebralBloodFlowParams& p,
                                                double work_vo2max_frac, double hypotension_mmhg);
// τ_N at this age, min.
[[nodiscard]] double cerebral_blood_flow_tau_min(const CerebralBloodFlowParams& p,
                                                 double age_years);
// g_b: mmHg of PaCO2 per mmol/L of bicarbonate used up while ventilation does not match the CO2.
[[nodiscard]] double buffering_co2_gain_mmhg_per_mmol(const CerebralBloodFlowParams& p);
// blood_lactate_excess_mmol_l: blood lactate above its resting value (lactate.hpp);
// blood_lactate_per_min: its rate of change; buffering_matched: ventilation carries off the CO2
// that buffering sets free (work at or above the lactate threshold), so PaCO2 does not rise.
[[nodiscard]] CerebralBloodFlowRates cerebral_blood_flow_rates(
    const CerebralBloodFlowParams& p, const CerebralBloodFlowState& s, double work_vo2max_frac,
    double blood_lactate_excess_mmol_l, double age_years, double blood_lactate_per_min = 0.0,
    bool buffering_matched = true);

}  // namespace brainload
