// Epinephrine → vagal afferents → nucleus of the solitary tract → locus coeruleus →
// brain norepinephrine → arousal.
//
// Epinephrine does not cross the blood-brain barrier; it excites β-adrenergic receptors on
// vagal afferents that project to the NTS, which drives the locus coeruleus (Miyashita &
// Williams 2006, Neurobiol Learn Mem 85:116; seed 002). LC tonic firing sets cortical NE.
//
//   dv/dt   = (1 + g_v · ΔE/(EC50 + ΔE) − v) / τ_v          ΔE = max(0, E − E_rest)
//   dn/dt   = (1 + g_n · (v − 1) − n) / τ_n
//   dLC/dt  = (f_wake·(awake ? 1 : s_sleep) + g_lc·(n − 1) + g_c·engagement − LC) / τ_lc
//   dNE_b/dt = (LC / f_wake − NE_b) / τ_NE                  (1 = awake rest)
//   arousal = 1 / (1 + exp(−(ln NE_b − θ) / σ))              (0–1)
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/drive.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct ArousalParams {
  double vagal_gain = 2.0;         // g_v: afferent activity up to ×3 (assumed)
  double vagal_ec50_nmol_l = 0.3;  // nmol/L of epinephrine above rest for half effect (assumed:
                                   // moderate exercise, ΔE ≈ 0.15 nmol/L, reaches a third)
  double vagal_tau_min = 0.5;      // min (assumed)
  double nts_gain = 1.0;           // g_n (assumed: relay)
  double nts_tau_min = 0.5;        // min (assumed)
  double lc_wake_hz = 1.5;         // Hz; quiet-waking tonic rate 1–2 Hz (Aston-Jones &
                                   // Bloom 1981, J Neurosci 1:876)
  double lc_sleep_factor = 0.3;    // LC slows in slow-wave sleep, silent in REM; night
                                   // average assumed 0.3 of waking
  double lc_nts_gain_hz = 1.2;     // Hz per unit NTS excess (assumed; caps LC ≈ 4 Hz)
  double lc_engagement_hz = 0.5;   // Hz added by a demanding task (assumed; Aston-Jones &
                                   // Cohen 2005, Annu Rev Neurosci 28:403)
  double lc_tau_min = 0.5;         // min (assumed)
  double brain_ne_tau_min = 15.0;  // min (assumed: cognitive benefits persist 10–20 min after
                                   // exercise and fade by an hour, Chang et al. 2012, Brain Res
                                   // 1453:87)
  double arousal_theta = 0.33;     // θ: with σ, rest arousal 0.35 at NE_b = 1 and 0.75 at
  double arousal_sigma = 0.533;    // NE_b = 2.5 (derived from those two assumed anchors)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, ArousalParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("vagal_gain", p.vagal_gain, "1", ValidRange{0.0, 10.0},
        "assumed: afferent activity up to ×3");
  visit("vagal_ec50_nmol_l", p.vagal_ec50_nmol_l, "nmol/L", ValidRange{0.01, 10.0},
        "assumed: epinephrine above rest for half effect; moderate exercise, ΔE ≈ 0.15 nmol/L, "
        "reaches a third");
  visit("vagal_tau_min", p.vagal_tau_min, "min", ValidRange{0.05, 10.0}, "assumed");
  visit("nts_gain", p.nts_gain, "1", ValidRange{0.0, 10.0}, "assumed: relay");
  visit("nts_tau_min", p.nts_tau_min, "min", ValidRange{0.05, 10.0}, "assumed");
  visit("lc_wake_hz", p.lc_wake_hz, "Hz", ValidRange{0.1, 5.0},
        "quiet-waking tonic rate 1–2 Hz (Aston-Jones & Bloom 1981, J Neurosci 1:876)");
  visit("lc_sleep_factor", p.lc_sleep_factor, "1", ValidRange{0.0, 1.0},
        "assumed: LC slows in slow-wave sleep, silent in REM; night average 0.3 of waking");
  visit("lc_nts_gain_hz", p.lc_nts_gain_hz, "Hz", ValidRange{0.0, 10.0},
        "assumed: Hz per unit NTS excess; caps LC ≈ 4 Hz");
  visit("lc_engagement_hz", p.lc_engagement_hz, "Hz", ValidRange{0.0, 5.0},
        "assumed: added by a demanding task (Aston-Jones & Cohen 2005, Annu Rev Neurosci 28:403)");
  visit("lc_tau_min", p.lc_tau_min, "min", ValidRange{0.05, 10.0}, "assumed");
  visit("brain_ne_tau_min", p.brain_ne_tau_min, "min", ValidRange{1.0, 120.0},
        "assumed: cognitive benefits persist 10–20 min after exercise and fade by an hour (Chang "
        "et al. 2012, Brain Res 1453:87)");
  visit("arousal_theta", p.arousal_theta, "1", ValidRange{0.0, 5.0},
        "derived: with σ, rest arousal 0.35 at NE_b = 1 and 0.75 at NE_b = 2.5 (assumed anchors)");
  visit("arousal_sigma", p.arousal_sigma, "1", ValidRange{0.01, 5.0},
        "derived: with θ, rest arousal 0.35 at NE_b = 1 and 0.75 at NE_b = 2.5 (assumed anchors)");
}

struct ArousalRates {
  double vagal_per_min;
  double nts_per_min;
  double lc_hz_per_min;
  double brain_ne_per_min;
};

[[nodiscard]] ArousalRates arousal_rates(const ArousalParams& p, const Drive& d,
                                         double epinephrine_excess_nmol_l, double vagal_rel,
                                         double nts_rel, double lc_hz, double brain_ne_rel);
[[nodiscard]] double arousal_from_brain_ne(const ArousalParams& p, double brain_ne_rel);

}  // namespace brainload
