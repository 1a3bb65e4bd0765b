// HPA axis: CRH → ACTH → cortisol with mineralocorticoid- and glucocorticoid-receptor feedback, a
// circadian drive, an awakening response, exercise as a multiplicative drive above an intensity
// threshold, and cortisol read through the session's plasma-volume shift.
//
// clang-format off
//   MR(c)    = 1 / c                                     MR feedback, saturated MR (Karin 2020)
//   GR(c)    = 1 / (1 + (c/K_GR)³)                       GR feedback, Hill n = 3 (Karin 2020)
//   dx1/dt   = a1 · (u · MR(x3)·GR(x3)/GR(1) − x1)       CRH (1 = daily mean)
//   dx2/dt   = a2 · (x1 · P · GR(x3)/GR(1) − x2)         ACTH
//   dx3/dt   = a3 · (x2 · A − x3)                        cortisol secretion, x3 · scale = nmol/L
//   u(t)     = u_c(t) · (1 + E_ex + E_aw + E_glc)
//   u_c(t)   = exp(c1·cos(ω(t − φ1)) + c2·cos(2ω(t − φ2))) / u_norm
//   E_ex     = g_ex · reactivity · clamp((x − x_thr)/(1 − x_thr), 0, 1)
//   E_aw     = g_aw · exp(−s/τ_aw)  while awake, s = minutes since the wall-clock wake time
//   E_glc    = g_glc · clamp((G_thr − G)/G_thr, 0, 1)   G: plasma glucose (glucose.hpp)
//   dV/dt    = (V* − V) / τ,  V* = 1 − k_V · x            plasma volume, 1 = rest; τ = τ_on
//                                                        while V > V* (falling), τ_V returning
//   cortisol_nmol_l      = T = x3 · scale / V
//   cortisol_free_nmol_l = U:  T = U·(1 + N) + (G/V)·K·U/(1 + K·U)
// clang-format on
//
// Structure: Karin, Raz, Tendler, Bar, Korem Kohanim, Milo & Alon 2020 (Mol Syst Biol 16:e9510):
// three hormones with first-order removal (half-lives CRH ≈ 4 min, ACTH ≈ 20 min, cortisol ≈ 80
// min), CRH inhibited by cortisol through MR (≈ 1/x3 at physiological levels) and GR (cooperative,
// n = 3), ACTH through GR; P and A (pituitary and adrenal functional mass) are 1 here and move
// over weeks in the chronic layer. Because the MR term divides the drive by cortisol, the axis
// answers a multiplicative input with a similar relative rise at any time of day, as measured
// (no diurnal difference in the response to 70-90 % VO2max: Galliven et al. 1997, J Appl Physiol
// 83:1822); the previous additive input with cubic feedback gave +1 % at 10:00 and +113 % at
// 19:00 for the same session.
// Exercise raises the drive only above ≈ 50-60 % VO2max (Hill et al. 2008, J Endocrinol Invest
// 31:587: 40 % does not raise secretion, 60 % does). The awakening response is a burst of drive
// after waking (Wüst et al. 2000, Noise Health 2:79: ≈ +50 % in 30 min). Plasma glucose below the
// counter-regulatory threshold can drive the axis as well (glucose.hpp): in long exercise after a
// fast, ACTH and cortisol rise late, as glucose falls, and not at all when glucose is clamped
// (Tabata et al. 1984, Clin Physiol 4:299; 1991, J Appl Physiol 71:1807). Its gain is 0 (off)
// until the modelled glucose falls when theirs did (hypoglycaemia_gain below). Exercise moves fluid
// out of the plasma (haemoconcentration) so every plasma concentration rises without any change
// in secretion; Hill et al. measured plasma volume −9.9 % after 30 min at 40 % and −17 % at 80 %
// VO2max, and the cortisol they report is the measured concentration, so the model reads it the
// same way. The volume falls within minutes of starting (stable by 5 min of cycling: Pivarnik et
// al. 1986, Eur J Appl Physiol 55:450) and returns over half an hour (Mack et al. 1998, J Appl
// Physiol 85:667), so the shift has two time constants (docs/research/cortisol_recovery_timing.md,
// the asymmetric-shift decision). The circadian harmonics, scale, awakening gain, exercise gain and
// plasma-volume slope are fitted jointly (validation/fits/fit_hpa.py) to the catalogue's fitted HPA
// targets only.
//
// Free cortisol (what saliva reads; docs/research/free_cortisol.md): the measured total T is bound
// to corticosteroid-binding globulin (one site per molecule, capacity G, association constant K)
// and to albumin (bound/free ratio N, not saturable at these levels), so by mass action the free
// concentration U is the positive root of a quadratic (Coolens, Van Baelen & Heyns 1987, J Steroid
// Biochem 26:197, whose K = 3e7 /M and N = 1.74 are used). The CBG capacity lies near the morning
// total, so free cortisol rises more steeply than total: the awakening response of saliva is
// larger than that of serum. The plasma-volume shift concentrates the binding protein as it
// concentrates bound cortisol (G/V), so free cortisol barely shows haemoconcentration, as the
// serum and saliva timings of exercise studies differ. Only the readout: the MR and GR feedback
// read the cortisol state as before. Coolens' form underestimates dialysed free cortisol, most at
// high totals (Dorin et al. 2009, Clin Biochem 42:64: mean −41 %), so only relative changes and
// timings of the free readout are compared with data.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct HpaParams {
  double crh_half_life_min = 4.0;        // Karin et al. 2020
  double acth_half_life_min = 20.0;      // Karin et al. 2020
  double cortisol_half_life_min = 80.0;  // Karin et al. 2020
  // K_GR in units of the daily mean (x3 ≈ 1 at u = 1), Hill n = 3: the value of the Alon
  // laboratory's published implementation of this structure (Milo et al. 2025, Mol Syst Biol
  // 21:254, github.com/tomermilo/hpa-drugs, KGR = 4); 3 was assumed until the last section of
  // docs/research/cortisol_recovery_timing.md.
  double gr_k = 4.0;
  // Circadian harmonics (validation/fits/fit_hpa.py): fitted with the awakening response included,
  // least squares in log (08:30 weighted ×2, plus the peak's value and clock), to a serum profile
  // of 50 (00:00), 90 (03:00), 300 (06:00), 430 (08:30), 280 (12:00), 180 (16:00), 110 (20:00), 60
  // (23:00) nmol/L read off Debono et al. 2009 (J Clin Endocrinol Metab 94:1548).
  // Refitted 2026-12-07 with the asymmetric plasma-volume shift (fit_hpa.py's docstring).
  double circadian_c1 = 1.8936;                // dimensionless (fitted)
  double circadian_c2 = -0.6298;               // dimensionless (fitted)
  double circadian_phase1_clock_min = 579.65;  // φ1, min after midnight (fitted)
  double circadian_phase2_clock_min = 720.42;  // φ2, min after midnight (fitted; period 720)
  double circadian_norm = 1.0;                 // u_norm (definition)
  double cortisol_scale_nmol_l = 154.67;       // nmol/L per unit x3 (fitted with the profile)
  double pituitary_mass = 1.0;                 // P (chronic layer)
  double adrenal_mass = 1.0;                   // A (chronic layer)
  double awakening_gain = 3.061;  // g_aw (fitted: +50 % free cortisol in 30 min, Wüst et al. 2000)
  double awakening_tau_min = 15.0;  // τ_aw, min (assumed: the ACTH burst after waking is over
                                    // within the first half hour; not fitted to the peak time)
  double exercise_gain = 30.16;  // g_ex (fitted: 30 min at 60 / 80 % VO2max → +40 / +83 % measured
                                 // concentration, Hill et al. 2008)
  double exercise_threshold_vo2max_frac = 0.50;  // x_thr: 40 % does not raise secretion, 60 % does
                                                 // (Hill et al. 2008)
  double plasma_volume_slope = 0.2202;  // k_V per unit VO2max fraction (fitted: −9.9 % at 40 %,
                                        // −17 % at 80 % after 30 min, Hill et al. 2008)
  // τ_V, min: the return (assumed; as measured: back within 30 min of intense exercise, Mack et
  // al. 1998, J Appl Physiol 85:667; docs/research/cortisol_recovery_timing.md); the fall has its
  // own τ_on below
  double plasma_volume_tau_min = 10.0;
  // τ_on, min (derived: 95 % of the fall within 5 min of cycling, 5 / ln 20: "stabilized by 5
  // min", Pivarnik, Goetting & Senay 1986, Eur J Appl Physiol 55:450; "essentially maximal within
  // 5 min", Eur J Appl Physiol 1992, 65:302)
  double plasma_volume_onset_tau_min = 1.67;
  double cbg_capacity_nmol_l = 650.0;     // G (derived: 34 mg/L of CBG, 52 kDa, one site; J Clin
                                          // Endocrinol Metab 1964, 24:1029)
  double cbg_affinity_l_per_nmol = 0.03;  // K = 3e7 /M (Coolens et al. 1987)
  double albumin_bound_ratio = 1.74;      // N, albumin-bound over free (Coolens et al. 1987)
  // Hypoglycaemia (glucose.hpp): E_glc = g_glc · clamp((G_thr − G)/G_thr, 0, 1), added to the
  // exercise and awakening drives (docs/research/hypoglycaemia_hpa.md).
  double glucose_threshold_mmol_l = 3.75;  // G_thr (measured: 3.6-3.9 mmol/L, Cryer's table)
  // g_glc: 0, off. Its fit to Tabata et al. 1984's ×2.67 has no solution in the valid range: the
  // model's glucose reaches the threshold only 13 min before the end of that protocol
  // (validation/fits/fit_hypoglycaemia_hpa.py; docs/research/hypoglycaemia_hpa.md, "Outcome").
  double hypoglycaemia_gain = 0.0;
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, HpaParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("crh_half_life_min", p.crh_half_life_min, "min", ValidRange{0.5, 30.0},
        "Karin et al. 2020, Mol Syst Biol 16:e9510");
  visit("acth_half_life_min", p.acth_half_life_min, "min", ValidRange{2.0, 60.0},
        "Karin et al. 2020, Mol Syst Biol 16:e9510");
  visit("cortisol_half_life_min", p.cortisol_half_life_min, "min", ValidRange{20.0, 180.0},
        "Karin et al. 2020, Mol Syst Biol 16:e9510");
  visit("gr_k", p.gr_k, "1", ValidRange{0.5, 20.0},
        "GR feedback threshold K_GR in units of the daily mean, Hill n = 3: KGR = 4 of the Alon "
        "laboratory's implementation of the structure (Milo et al. 2025, Mol Syst Biol 21:254; "
        "structure: Karin et al. 2020)");
  visit("circadian_c1", p.circadian_c1, "1", ValidRange{0.0, 10.0},
        "fitted to a serum cortisol profile read off Debono et al. 2009 (J Clin Endocrinol Metab "
        "94:1548)");
  visit("circadian_c2", p.circadian_c2, "1", ValidRange{-10.0, 10.0},
        "fitted to a serum cortisol profile read off Debono et al. 2009 (J Clin Endocrinol Metab "
        "94:1548)");
  visit("circadian_phase1_clock_min", p.circadian_phase1_clock_min, "min", ValidRange{0.0, 1440.0},
        "φ1, min after midnight; fitted to a serum cortisol profile read off Debono et al. 2009 "
        "(J Clin Endocrinol Metab 94:1548)");
  visit("circadian_phase2_clock_min", p.circadian_phase2_clock_min, "min", ValidRange{0.0, 1440.0},
        "φ2, min after midnight; fitted to a serum cortisol profile read off Debono et al. 2009 "
        "(J Clin Endocrinol Metab 94:1548)");
  visit("circadian_norm", p.circadian_norm, "1", ValidRange{0.1, 10.0}, "u_norm (definition: 1)");
  visit("cortisol_scale_nmol_l", p.cortisol_scale_nmol_l, "nmol/L", ValidRange{50.0, 600.0},
        "fitted with the circadian profile (Debono et al. 2009)");
  visit("pituitary_mass", p.pituitary_mass, "1", ValidRange{0.1, 10.0},
        "chronic layer: functional mass, 1 here, moves over weeks (Karin et al. 2020)");
  visit("adrenal_mass", p.adrenal_mass, "1", ValidRange{0.1, 10.0},
        "chronic layer: functional mass, 1 here, moves over weeks (Karin et al. 2020)");
  visit("awakening_gain", p.awakening_gain, "1", ValidRange{0.0, 20.0},
        "fitted: +50 % free (salivary) cortisol within 30 min of waking (Wüst et al. 2000, Noise "
        "Health 2:79), read on cortisol_free_nmol_l");
  visit("awakening_tau_min", p.awakening_tau_min, "min", ValidRange{1.0, 120.0},
        "assumed: the drive burst after waking is over within the first half hour");
  visit("exercise_gain", p.exercise_gain, "1", ValidRange{0.0, 100.0},
        "fitted: 30 min at 60 / 80 % VO2max → +40 / +83 % measured cortisol (Hill et al. 2008, J "
        "Endocrinol Invest 31:587)");
  visit("exercise_threshold_vo2max_frac", p.exercise_threshold_vo2max_frac, "1",
        ValidRange{0.2, 1.0}, "40 % VO2max does not raise secretion, 60 % does (Hill et al. 2008)");
  visit("plasma_volume_slope", p.plasma_volume_slope, "1", ValidRange{0.0, 0.5},
        "fitted: plasma volume −9.9 % after 30 min at 40 % and −17 % at 80 % VO2max (Hill et al. "
        "2008)");
  visit("plasma_volume_tau_min", p.plasma_volume_tau_min, "min", ValidRange{1.0, 120.0},
        "assumed; the return, while the volume is below its target, as measured (baseline "
        "within 30 min of intense exercise, Mack et al. 1998, J Appl Physiol 85:667); the fall "
        "has its own plasma_volume_onset_tau_min");
  visit("plasma_volume_onset_tau_min", p.plasma_volume_onset_tau_min, "min", ValidRange{0.2, 60.0},
        "derived: the fall while the volume is above its target, 95 % within 5 min of cycling "
        "(5 / ln 20): \"stabilized by 5 min\" (Pivarnik, Goetting & Senay 1986, Eur J Appl Physiol "
        "55:450), \"essentially maximal within 5 min\" (Eur J Appl Physiol 1992, 65:302)");
  visit("cbg_capacity_nmol_l", p.cbg_capacity_nmol_l, "nmol/L", ValidRange{100.0, 2000.0},
        "derived: CBG 35 ± 3.6 mg/L in 19 men and 33 ± 4.2 in 16 women (\"Measurement of "
        "corticosteroid-binding globulin in man\", J Clin Endocrinol Metab 1964, 24:1029, "
        "doi:10.1210/jcem-24-10-1029), 52 kDa, one cortisol site per molecule");
  visit("cbg_affinity_l_per_nmol", p.cbg_affinity_l_per_nmol, "L/nmol", ValidRange{0.001, 1.0},
        "CBG association constant 3e7 /M (Coolens, Van Baelen & Heyns 1987, J Steroid Biochem "
        "26:197)");
  visit("albumin_bound_ratio", p.albumin_bound_ratio, "1", ValidRange{0.0, 10.0},
        "albumin-bound over free cortisol, 1.74 (Coolens, Van Baelen & Heyns 1987, J Steroid "
        "Biochem 26:197)");
  visit("glucose_threshold_mmol_l", p.glucose_threshold_mmol_l, "mmol/L", ValidRange{1.0, 6.0},
        "measured: the glycaemic threshold of the cortisol response, 65-70 mg/dl (3.6-3.9 mmol/L) "
        "in Cryer's table of counter-regulatory thresholds (glucagon and adrenaline at 68 mg/dl: "
        "Mitrakou et al. 1991, Am J Physiol 260:E67); the middle");
  visit("hypoglycaemia_gain", p.hypoglycaemia_gain, "1", ValidRange{0.0, 1000.0},
        "0, off: the fit to serum cortisol ×2.67 at the end of 3 h at 49.3 % VO2max after a fast "
        "(Tabata et al. 1984, Clin Physiol 4:299) has no solution up to 1000, because the model's "
        "glucose reaches the threshold only 13 min before that protocol ends "
        "(validation/fits/fit_hypoglycaemia_hpa.py); set it to explore the coupling");
}

struct HpaRates {
  double crh_per_min;
  double acth_per_min;
  double cortisol_per_min;  // of x3 (dimensionless)
};

[[nodiscard]] double circadian_drive(const HpaParams& p, double clock_min);
// E_ex: the relative extra drive of exercise at this intensity (0 below the threshold).
[[nodiscard]] double exercise_hpa_drive(const HpaParams& p, double work_vo2max_frac,
                                        double reactivity_rel);
// Minutes-weighted intensity above the threshold that the chronic layer integrates as the daily
// HPA exercise dose: clamp((x − x_thr)/(1 − x_thr), 0, 1) · reactivity (independent of g_ex).
[[nodiscard]] double exercise_hpa_dose_rate(const HpaParams& p, double work_vo2max_frac,
                                            double reactivity_rel);
// E_glc: the relative extra drive of plasma glucose below the counter-regulatory threshold.
[[nodiscard]] double hypoglycaemia_hpa_drive(const HpaParams& p, double glucose_mmol_l);
// E_aw: the relative extra drive `minutes_awake` after waking (0 before waking or asleep).
[[nodiscard]] double awakening_drive(const HpaParams& p, double minutes_awake);
[[nodiscard]] HpaRates hpa_rates(const HpaParams& p, double drive, double crh, double acth,
                                 double cortisol_rel);
// U: free cortisol (nmol/L) in equilibrium with a measured total (nmol/L) at the relative plasma
// volume V (the binding capacity concentrated as G/V); the positive root of the mass-action
// quadratic, written in the form that does not cancel when b is large.
[[nodiscard]] double free_cortisol_nmol_l(const HpaParams& p, double total_nmol_l,
                                          double volume_rel);
// dV/dt of the relative plasma volume V at this whole-body intensity: towards its target with
// τ_on while above it (falling), with τ_V while below it (returning).
[[nodiscard]] double plasma_volume_rate(const HpaParams& p, double work_vo2max_frac,
                                        double volume_rel);

}  // namespace brainload
