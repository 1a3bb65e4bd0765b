// Plasma catecholamines: adrenal epinephrine and sympathetic norepinephrine spill-over.
//
//   Δ_i    = max(0, x − (LT + δ_i))                 x = relative intensity (muscle_intensity_frac,
//                                                      > 1 supramaximal), LT = lactate threshold
//   s_i    = Δ_i / (Δ_i + Δ½_i)                      0 … 1
//   b_i    = 1 + (f_sub − 1) · min(1, x / (LT + δ_i)) modest rise up to the threshold
//   F_i    = b_i · exp(ln(F_max / f_sub) · s_i)      fold over rest: exponential in Δ above the
//                                                      threshold, saturating at F_max
//   w      = min(1, mass / mass_ref)                 working muscle mass (0 at rest)
//   dD/dt  = k_D · s_NE − D / τ_D                    sympathetic drift with time above threshold
//   a_E    = max(0, 1 − c_age · max(0, age − 25))    adrenal responsiveness with age
//   dE/dt  = k_E  · (E_rest  · (1 + a_E · w · (1 + D) · (F_E − 1)) − E)
//   dNE/dt = k_NE · (NE_rest · (1 + w · (1 + D) · (F_NE − 1)) − NE)
//
// Both amines rise only modestly below a threshold that coincides with the lactate threshold
// (the threshold is a break in slope) and exponentially above it (Schneider et al. 1992, Int J
// Sports Med 13:562: epinephrine and norepinephrine thresholds at 45.5 and 46.6 % VO2max against a
// lactate threshold at 40.8 %; Turner et al. 1995, J Appl Physiol 79:1206: 62.5 and 60.8 %
// against 64.6 %; Mazzeo 1991, Exerc Sport Sci Rev 19:1). They keep rising during prolonged work
// above the threshold (Urhausen et al. 1994, Eur J Appl Physiol 69:16). Supramaximal work raises
// them 5–15 fold (Zouhal et al. 2008, Sports Med 38:401). The adrenal (epinephrine) response at the
// same relative intensity is smaller in older adults (Kohrt et al. 1993, J Appl Physiol 75:1828:
// about half at 64 y). Less working muscle at the same relative intensity gives a smaller
// response (Kjaer 1998, Adv Exp Med Biol 441:77). Clearance is first order with the plasma
// half-life (Esler et al. 1990).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct CatecholamineParams {
  double epinephrine_rest_nmol_l = 0.3;         // nmol/L; textbook 0.2–0.4 (MODEL.md)
  double norepinephrine_rest_nmol_l = 1.8;      // nmol/L; resting plasma NE 1.2–2.5 (Zouhal 2008)
  double epinephrine_half_life_min = 1.5;       // min; plasma t½ 1–3 min (Esler et al. 1990,
                                                // Physiol Rev 70:963)
  double norepinephrine_half_life_min = 1.5;    // min; same source
  double epinephrine_threshold_above_lt = 0.0;  // δ_E, VO2max fraction (measured: Schneider
                                                // 1992 +0.05, Turner 1995 −0.02)
  double norepinephrine_threshold_above_lt = 0.0;  // δ_NE (measured: +0.06 and −0.04, same)
  double max_fold = 15.0;  // F_max (Zouhal 2008: 5–15 fold at supramaximal work, upper end)
  double sub_threshold_fold = 1.5;           // f_sub: fold reached at the threshold (assumed)
  double epinephrine_half_excess = 0.305;    // Δ½_E, VO2max fraction (fitted: Kohrt 1993 young)
  double norepinephrine_half_excess = 0.14;  // Δ½_NE (fitted: Kohrt 1993 young)
  double drift_per_min = 0.01;               // k_D, 1/min (assumed)
  double drift_tau_min = 60.0;               // τ_D, min (assumed)
  double epinephrine_age_decline_per_year = 0.0176;  // c_age, 1/year (fitted: Kohrt 1993 older)
  double mass_ref_frac = 0.45;  // mass giving the full response (assumed: two-leg cycling)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, CatecholamineParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("epinephrine_rest_nmol_l", p.epinephrine_rest_nmol_l, "nmol/L", ValidRange{0.05, 2.0},
        "textbook 0.2–0.4 nmol/L (MODEL.md)");
  visit("norepinephrine_rest_nmol_l", p.norepinephrine_rest_nmol_l, "nmol/L", ValidRange{0.3, 6.0},
        "resting plasma NE 1.2–2.5 nmol/L (Zouhal et al. 2008, Sports Med 38:401)");
  visit("epinephrine_half_life_min", p.epinephrine_half_life_min, "min", ValidRange{0.2, 10.0},
        "plasma t½ 1–3 min (Esler et al. 1990, Physiol Rev 70:963)");
  visit("norepinephrine_half_life_min", p.norepinephrine_half_life_min, "min",
        ValidRange{0.2, 10.0}, "plasma t½ 1–3 min (Esler et al. 1990, Physiol Rev 70:963)");
  visit("epinephrine_threshold_above_lt", p.epinephrine_threshold_above_lt, "VO2max fraction",
        ValidRange{-0.2, 0.3},
        "measured: epinephrine threshold − lactate threshold +0.05 (Schneider et al. 1992, Int J "
        "Sports Med 13:562) and −0.02 (Turner et al. 1995, J Appl Physiol 79:1206): 0");
  visit("norepinephrine_threshold_above_lt", p.norepinephrine_threshold_above_lt, "VO2max fraction",
        ValidRange{-0.2, 0.3},
        "measured: norepinephrine threshold − lactate threshold +0.06 (Schneider 1992) and −0.04 "
        "(Turner 1995): 0");
  visit("max_fold", p.max_fold, "1", ValidRange{2.0, 50.0},
        "upper end of the 5–15 fold rise at supramaximal work (Zouhal et al. 2008)");
  visit("sub_threshold_fold", p.sub_threshold_fold, "1", ValidRange{1.0, 3.0},
        "assumed: a modest rise up to the threshold, where the slope breaks (thresholds are break "
        "points of the curve: Schneider et al. 1992); moderate exercise raises epinephrine by "
        "≈ 0.15 nmol/L (arousal.vagal_ec50_nmol_l)");
  visit("epinephrine_half_excess", p.epinephrine_half_excess, "VO2max fraction",
        ValidRange{0.01, 2.0},
        "fitted: 1.24 nmol/L after 10 min at 78 % VO2max, young adults (Kohrt et al. 1993, J Appl "
        "Physiol 75:1828)");
  visit("norepinephrine_half_excess", p.norepinephrine_half_excess, "VO2max fraction",
        ValidRange{0.01, 2.0}, "fitted: 11.7 nmol/L at 78 % VO2max, young adults (Kohrt 1993)");
  visit("drift_per_min", p.drift_per_min, "1/min", ValidRange{0.0, 0.1},
        "assumed: catecholamines keep rising during 45 min above the threshold (Urhausen et al. "
        "1994, Eur J Appl Physiol 69:16), ≈ +30 % over 45 min at high intensity");
  visit("drift_tau_min", p.drift_tau_min, "min", ValidRange{5.0, 600.0},
        "assumed: the drift saturates within about an hour and fades over the next");
  visit("epinephrine_age_decline_per_year", p.epinephrine_age_decline_per_year, "1/year",
        ValidRange{0.0, 0.03},
        "fitted: epinephrine at 78 % VO2max about half as high at 64 y as at 25 y (Kohrt 1993); "
        "linear: beyond the 64 y measured it is an extrapolation (no adrenal response from 82 y)");
  visit("mass_ref_frac", p.mass_ref_frac, "1", ValidRange{0.05, 1.0},
        "assumed: two-leg cycling (0.45 of skeletal muscle, Janssen et al. 2000) gives the full "
        "response; less working muscle less (Kjaer 1998, Adv Exp Med Biol 441:77)");
}

struct CatecholamineRates {
  double epinephrine_per_min;
  double norepinephrine_per_min;
  double drift_per_min;
};

// Fraction of the way to saturation, s = Δ/(Δ + Δ½), at relative intensity x for a threshold.
[[nodiscard]] double catecholamine_activation(double intensity_frac, double threshold_frac,
                                              double half_excess);
// Epinephrine responsiveness a_E at an age (1 at 25 y and below).
[[nodiscard]] double adrenal_responsiveness(const CatecholamineParams& p, double age_years);

[[nodiscard]] CatecholamineRates catecholamine_rates(const CatecholamineParams& p,
                                                     double epinephrine_nmol_l,
                                                     double norepinephrine_nmol_l, double drift,
                                                     double intensity_frac, double muscle_mass_frac,
                                                     double lactate_threshold_frac,
                                                     double age_years);

}  // namespace brainload
