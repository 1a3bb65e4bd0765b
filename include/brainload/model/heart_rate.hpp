// Heart rate: a fast vagal part set by the demand of the activity, a slow sympathetic part set by
// the actual oxygen uptake, and a slower drift.
//
//   v(y) = clamp((y − r) / (1 − r), 0, 1),  r = VO2_rest / VO2max     (%VO2 reserve of y)
//   h(v) = α + β·v for v ≥ vρ = (ρ − α)/β,  v·ρ/vρ below; ≤ 1          (%HRR of a %VO2R)
//   hd = h(v(x))  (x = work_vo2max_frac: demand),  hm = h(max(v(x), vu)),  vu = v(VO2/VO2max)
//   f  = min(hd, ρ) + (1 − w) · max(0, hd − ρ)                          vagal withdrawal
//   dS/dt = (w · max(0, hm − ρ) − S) / τS   (τS on or off)             sympathetic part
//   g  = clamp((hm − ρ) / (1 − ρ), 0, 1)                                effort above ρ
//   ρv = max(0, IHR − HR_rest) / (HR_max − HR_rest),  IHR = a − b·age   resting vagal brake
//   dVs/dt = (ρv · g − Vs) / τ  (τ = τS,on rising, τv falling)          brake held back
//   dD/dt = (γ · vu − D) / τD                                           drift (thermal, volume)
//   HR* = HR_rest − sleep_drop·[asleep] + (HR_max − HR_rest) · clamp(max(f, Vs) + S + D, 0, 1)
//   dHR/dt = (HR* − HR) / τ,   τ = τ_on if HR* > HR else τ_off          (vagal withdrawal /
//   reactivation)
//   τ_off = τ_off,untrained · exp(−k · (LT − LT_ref))                    (faster when trained)
//
// At steady state without drift f + S = hd: the share of the heart-rate reserve follows the
// VO2 reserve on HERITAGE's line, %HRR = 8.9 + 0.971·%VO2R (means of 450 sedentary adults'
// individual regressions over an incremental cycle test: Ferri Marini et al. 2023, Eur J Sport
// Sci 23:1600; α and β are the Subject traits hrr_vo2r_intercept and hrr_vo2r_slope, from
// subject_norms). The line was fitted to exercise stages, so below the vagal range it is
// replaced by a straight line from rest; it reaches HRmax at 94 % of the VO2 reserve. It
// replaced the identity %HRR = %VO2R (Swain & Leutholtz 1997, Med Sci Sports Exerc 29:410; 63
// adults, regression through the resting point): docs/research/hr_vo2_reserve_relation.md.
// HR_max = 208 − 0.7·age (Tanaka et al. 2001, J Am Coll Cardiol 37:153; in Subject).
// Two autonomic components: the rise up to ≈ 100 bpm (ρ of the reserve) is vagal withdrawal,
// immediate with central command; above it the sympathetic share w builds up over a minute
// or more (Rowell 1993, Human Cardiovascular Control), driven by central command (the demand)
// during an effort and by the uptake still raised after it; recovery is bi-phasic, a fast vagal
// reactivation over the first minute and a slow phase (Imai et al. 1994, J Am Coll Cardiol
// 24:1529): the sympathetic part declines over minutes and the held-back share of the resting
// vagal brake (below) over tens of minutes. The two-state (fast + slow) form follows the
// heart-rate kinetics model of Stirling, Zakynthinaki, Refoyo & Sampedro 2008 (J Nonlinear
// Math Phys 15 Suppl 3:426), which adapts their oxygen-uptake model to heart rate; here the slow
// state is driven by the modelled uptake (oxygen_uptake.hpp), so the VO2 slow component and the
// excess post-exercise uptake raise heart rate too. The drift D is cardiovascular drift in long
// exercise (Coyle & González-Alonso 2001, Exerc Sport Sci Rev 29:88).
// Vagal reactivation is faster in trained people (Imai et al. 1994; Otsuki et al. 2007, Med Sci
// Sports Exerc 39:365); training status enters through the lactate threshold, the marker the
// oxygen-uptake kinetics use and the chronic layer raises with training
// (docs/research/heart_rate_recovery.md).
// Not all of the vagal brake returns in the fast phase. A resting rate below the sinus node's
// intrinsic rate (IHR = 118.1 − 0.57·age after combined autonomic blockade, Jose & Collison
// 1970, Cardiovasc Res 4:160) is the resting vagal brake, B_v = IHR − HR_rest; after maximal
// exercise the parasympathetic effect on heart rate grows for 4 min and then stays flat to
// 10 min while heart rate is still raised (Kannankeril et al. 2004, J Investig Med 52:394; read
// here as short of the resting brake, whose value that abstract does not give), and its return
// is delayed by intensity above the first threshold more than by duration (Seiler, Haugen &
// Kuffel 2007, Med Sci Sports Exerc 39:1366). Vs is that held-back share (gated by g, the drive
// above the vagal range) and returns with τv, so the late excess over rest scales with each
// person's brake: fit people, whose low resting rate is a large brake, stay further above rest
// half an hour after a test. During a steady effort f ≥ Vs, so steady states and onsets from
// rest are unchanged (heart_rate_recovery.md, last section); in the easy part of intervals Vs
// keeps heart rate up. The onset split ρ stays the assumed constant (not read from IHR).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/drive.hpp"
#include "brainload/model/parameter_range.hpp"
#include "brainload/model/subject.hpp"

namespace brainload {

struct HeartRateParams {
  double on_tau_min = 0.3;  // min; vagal withdrawal lifts HR within seconds of a hard start,
                            // τ ≈ 15–30 s (assumed)
  // min; vagal reactivation after exercise (Imai et al. 1994) for an untrained lactate threshold.
  // Derived: 1.75 min fitted to Facioli et al. 2021 (Sci Rep 11:3620) moderate-fitness men, whose
  // recreational threshold 0.62 gives 1.75 · exp(2.114 · 0.07) = 2.028 min untrained
  // (docs/research/heart_rate_recovery.md).
  double off_tau_min = 2.028;
  // 1 per unit of lactate-threshold fraction; τ_off shortens by exp(−k·(LT − LT_ref)). Derived
  // from Otsuki et al. 2007 (Med Sci Sports Exerc 39:365): post-exercise heart-rate decay τ 94.4 s
  // in sedentary and 65.9 s in endurance-trained men, read as the untrained (0.55) and trained
  // (0.72) thresholds: k = ln(94.4 / 65.9) / 0.17.
  double off_fitness_exponent = 2.114;
  // fraction of VO2max; the untrained lactate threshold of subject_norms (Faude et al. 2009),
  // where the fitness term is 1 (derived, as in oxygen_uptake.hpp).
  double off_lt_reference_frac = 0.55;
  double sleep_drop_bpm = 7.0;    // bpm; nocturnal dip ≈ 10 % of resting HR (assumed)
  double vagal_range_frac = 0.3;  // fraction of the HR reserve carried by vagal withdrawal alone
                                  // (≈ up to 100 bpm; Rowell 1993; assumed)
  double sympathetic_share = 0.3114;    // 1; share of the reserve above ρ carried by the slow
                                        // sympathetic part (fitted, Facioli et al. 2021; 0.7
                                        // before the held-back vagal brake, 0.3185 before the
                                        // slow component left with the primary VO2, 0.3254
                                        // before HERITAGE's %HRR-%VO2R line)
  double sympathetic_on_tau_min = 1.0;  // min; build-up of the sympathetic part (assumed)
  // min; its decline after exercise (fitted, Facioli et al. 2021; 12 before the held-back brake,
  // 3.923 before the slow component of VO2 left with the primary, vo2_off_kinetics.md, 4.134
  // before HERITAGE's %HRR-%VO2R line, hr_vo2_reserve_relation.md)
  double sympathetic_off_tau_min = 4.033;
  double intrinsic_hr_intercept_bpm = 118.1;  // bpm; IHR at age 0 (Jose & Collison 1970)
  double intrinsic_hr_age_slope_bpm = 0.57;   // bpm per year (Jose & Collison 1970)
  // min; return of the held-back vagal brake (fitted, Facioli et al. 2021 moderate-fitness men;
  // 21.28 before the slow component of VO2 left with the primary, vo2_off_kinetics.md, 23.33
  // before HERITAGE's %HRR-%VO2R line)
  double vagal_slow_off_tau_min = 22.85;
  double drift_gain = 0.3;      // fraction of the reserve per unit %VO2R at steady state (assumed:
                                // ≈ +10 % HR from 10 to 60 min of moderate work, Coyle &
                                // González-Alonso 2001, not checked against a primary study)
  double drift_tau_min = 40.0;  // min; build-up and decay of the drift (assumed)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, HeartRateParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("on_tau_min", p.on_tau_min, "min", ValidRange{0.05, 5.0},
        "assumed: vagal withdrawal lifts HR within seconds of a hard start, τ ≈ 15–30 s");
  visit("off_tau_min", p.off_tau_min, "min", ValidRange{0.1, 10.0},
        "derived: fast vagal reactivation after exercise (Imai et al. 1994, J Am Coll Cardiol "
        "24:1529) at the untrained lactate threshold; 1.75 min fitted to Facioli et al. 2021 (Sci "
        "Rep 11:3620) moderate-fitness men, carried to the untrained threshold with "
        "off_fitness_exponent");
  visit("off_fitness_exponent", p.off_fitness_exponent, "1", ValidRange{0.0, 10.0},
        "derived: Otsuki et al. 2007 (Med Sci Sports Exerc 39:365), heart-rate decay τ 94.4 s "
        "sedentary against 65.9 s endurance-trained men, over the untrained-to-trained threshold "
        "difference 0.17");
  visit("off_lt_reference_frac", p.off_lt_reference_frac, "1", ValidRange{0.3, 0.9},
        "derived: the untrained lactate threshold of subject_norms (Faude et al. 2009, Sports Med "
        "39:469)");
  visit("sleep_drop_bpm", p.sleep_drop_bpm, "bpm", ValidRange{0.0, 20.0},
        "assumed: nocturnal dip ≈ 10 % of resting HR");
  visit("vagal_range_frac", p.vagal_range_frac, "1", ValidRange{0.0, 1.0},
        "assumed: vagal withdrawal alone carries the rise to ≈ 100 bpm (Rowell 1993, Human "
        "Cardiovascular Control)");
  visit("sympathetic_share", p.sympathetic_share, "1", ValidRange{0.0, 1.0},
        "fitted: share of the reserve above the vagal range carried by the slow sympathetic part, "
        "to Facioli et al. 2021 (Sci Rep 11:3620) moderate-fitness men with "
        "sympathetic_off_tau_min and vagal_slow_off_tau_min (validation/fits/fit_hr_recovery.py)");
  visit("sympathetic_on_tau_min", p.sympathetic_on_tau_min, "min", ValidRange{0.1, 10.0},
        "assumed: sympathetic heart-rate drive builds over a minute or more");
  visit("sympathetic_off_tau_min", p.sympathetic_off_tau_min, "min", ValidRange{1.0, 120.0},
        "fitted: sympathetic phase of recovery (Imai et al. 1994), to Facioli et al. 2021 (Sci Rep "
        "11:3620) moderate-fitness men with sympathetic_share and vagal_slow_off_tau_min "
        "(validation/fits/fit_hr_recovery.py)");
  visit("intrinsic_hr_intercept_bpm", p.intrinsic_hr_intercept_bpm, "bpm", ValidRange{80.0, 150.0},
        "measured: intrinsic heart rate after propranolol 0.2 mg/kg and atropine 0.04 mg/kg in "
        "about 400 healthy adults aged 18-60, IHR = 118.1 - 0.57 age (Jose & Collison 1970, "
        "Cardiovasc Res 4:160)");
  visit("intrinsic_hr_age_slope_bpm", p.intrinsic_hr_age_slope_bpm, "bpm/y", ValidRange{0.0, 1.5},
        "measured: the age slope of the same regression (Jose & Collison 1970)");
  visit("vagal_slow_off_tau_min", p.vagal_slow_off_tau_min, "min", ValidRange{1.0, 240.0},
        "fitted: return of the resting vagal brake held back by effort above the vagal range "
        "(Kannankeril et al. 2004, J Investig Med 52:394; Seiler et al. 2007, Med Sci Sports "
        "Exerc 39:1366), to Facioli et al. 2021 (Sci Rep 11:3620) moderate-fitness men with "
        "sympathetic_share and sympathetic_off_tau_min (validation/fits/fit_hr_recovery.py)");
  visit("drift_gain", p.drift_gain, "1", ValidRange{0.0, 1.0},
        "assumed: cardiovascular drift ≈ +10 % HR from 10 to 60 min of constant moderate work "
        "(Coyle & González-Alonso 2001, Exerc Sport Sci Rev 29:88; magnitude not checked against "
        "a primary study)");
  visit("drift_tau_min", p.drift_tau_min, "min", ValidRange{5.0, 240.0},
        "assumed: drift builds over tens of minutes and fades as slowly");
}

// h: the share of the heart-rate reserve at steady state for a share of the VO2 reserve.
[[nodiscard]] double hr_reserve_of_vo2_reserve(const HeartRateParams& p, const Subject& s,
                                               double vo2_reserve);

// Heart rate at steady state for an activity (no drift, no slow component): rest + reserve · h.
[[nodiscard]] double heart_rate_steady_bpm(const HeartRateParams& p, const Subject& s,
                                           const Drive& d);

struct HeartRateRates {
  double hr_bpm_per_min;
  double sympathetic_per_min;  // fraction of the HR reserve per min
  double drift_per_min;        // fraction of the HR reserve per min
  double vagal_slow_per_min;   // fraction of the HR reserve per min
};

// The slow heart-rate states, fractions of the heart-rate reserve.
struct HeartRateSlow {
  double sympathetic = 0.0;  // S
  double drift = 0.0;        // D
  double vagal_slow = 0.0;   // Vs
};

// ρv: the resting vagal brake, max(0, IHR − HR_rest), as a fraction of the heart-rate reserve.
[[nodiscard]] double resting_vagal_brake_frac(const HeartRateParams& p, const Subject& s);

// `uptake_ml_kg_min`: actual oxygen uptake (oxygen_uptake.hpp).
[[nodiscard]] double heart_rate_target_bpm(const HeartRateParams& p, const Subject& s,
                                           const Drive& d, const HeartRateSlow& slow);
[[nodiscard]] HeartRateRates heart_rate_rates(const HeartRateParams& p, const Subject& s,
                                              const Drive& d, double uptake_ml_kg_min,
                                              double hr_bpm, const HeartRateSlow& slow);

// Fraction of VO2max at which a steady heart rate equals `hrmax_frac` × HR_max (inverse of the
// steady state above; 0 if below resting heart rate, at most 1).
[[nodiscard]] double vo2max_frac_from_hrmax_frac(const HeartRateParams& p, const Subject& s,
                                                 double hrmax_frac);
// The same for a share of the heart-rate reserve, HR = HR_rest + `hrr_frac` · (HR_max − HR_rest).
[[nodiscard]] double vo2max_frac_from_hrr_frac(const HeartRateParams& p, const Subject& s,
                                               double hrr_frac);

}  // namespace brainload
