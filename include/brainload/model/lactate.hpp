// Lactate: muscle production above the lactate threshold, exchange into blood, clearance,
// and monocarboxylate-transporter uptake into the brain.
//
//   P      = p_max · prod_rel · (mass/mass_ref) · ((x_m − LT)/(1 − LT))²   for x_m > LT, else 0
//   dL_m/dt = P − k_ex · L_m                                  (muscle pool, mmol/L of blood)
//   dL_b/dt = k_ex · L_m − k_cl · (L_b − L_rest)
//   k_cl   = k_pass · clear_rel · (1 + a · min(x, LT)/LT)     (faster with active recovery)
//   dL_br/dt = T · (L_b/(K_m + L_b) − L_br/(K_m + L_br)) + k_ox · (L_br,rest − L_br)
//
// The L_m → L_b → cleared chain is the bi-exponential appearance–disappearance model of Beneke
// et al. 2007 (Dyn Med 6:8) and Freund & Zouloumian 1981 (Eur J Appl Physiol 46:121). Active
// recovery speeds clearance (Menzies et al. 2010, J Sports Sci 28:975). Brain uptake by MCT1
// with K_m ≈ 3.5–10 mM (Halestrap 2012, IUBMB Life 64:1); lactate is a preferred neuronal fuel
// during intense exercise (van Hall et al. 2009, J Cereb Blood Flow Metab 29:1121).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct LactateParams {
  double rest_mmol_l = 1.0;                    // mmol/L; textbook 1–2 (MODEL.md)
  double production_max_mmol_l_per_min = 1.4;  // p_max at x_m = 1 and mass_ref (derived: a 30 s
                                               // Wingate at x_m ≈ 2.5 drives blood lactate to
                                               // 11–13 mmol/L, Beneke et al. 2007)
  double mass_ref_frac = 0.5;                  // reference muscle mass (two-leg cycling, assumed)
  double exchange_per_min = 0.5;             // k_ex (derived: blood peak 5–8 min after a sprint,
                                             // Beneke 2007)
  double passive_clearance_per_min = 0.025;  // k_pass (derived: t½ ≈ 28 min after a Wingate,
                                             // Beneke 2007 k2 ≈ 0.02–0.03 min⁻¹)
  double active_clearance_gain = 2.0;        // a: clearance ×3 at work near LT (Menzies 2010)
  double brain_rest_mmol_l = 1.0;            // mmol/L; resting brain lactate ≈ 0.6–1 mM (MRS,
                                             // Maddock et al. 2016, J Neurosci 36:2449)
  double brain_transport_mmol_l_per_min = 0.45;  // T (derived: brain ≈ 2.2 mM at blood 12 mM)
  double brain_km_mmol_l = 5.0;                  // K_m of MCT1 (Halestrap 2012)
  double brain_oxidation_per_min = 0.15;         // k_ox (assumed: brain lactate turnover ≈ 7 min)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, LactateParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("rest_mmol_l", p.rest_mmol_l, "mmol/L", ValidRange{0.3, 3.0},
        "textbook 1–2 mmol/L (MODEL.md)");
  visit("production_max_mmol_l_per_min", p.production_max_mmol_l_per_min, "mmol/L/min",
        ValidRange{0.1, 10.0},
        "derived: a 30 s Wingate at x_m ≈ 2.5 drives blood lactate to 11–13 mmol/L (Beneke et "
        "al. 2007, Dyn Med 6:8)");
  visit("mass_ref_frac", p.mass_ref_frac, "1", ValidRange{0.05, 1.0},
        "assumed: reference muscle mass, two-leg cycling");
  visit("exchange_per_min", p.exchange_per_min, "1/min", ValidRange{0.01, 5.0},
        "derived: blood peak 5–8 min after a sprint (Beneke 2007)");
  visit("passive_clearance_per_min", p.passive_clearance_per_min, "1/min", ValidRange{0.002, 0.5},
        "derived: t½ ≈ 28 min after a Wingate (Beneke 2007: k2 ≈ 0.02–0.03 min⁻¹)");
  visit("active_clearance_gain", p.active_clearance_gain, "1", ValidRange{0.0, 10.0},
        "clearance ×3 at work near LT (Menzies et al. 2010, J Sports Sci 28:975)");
  visit("brain_rest_mmol_l", p.brain_rest_mmol_l, "mmol/L", ValidRange{0.2, 3.0},
        "resting brain lactate ≈ 0.6–1 mM (MRS, Maddock et al. 2016, J Neurosci 36:2449)");
  visit("brain_transport_mmol_l_per_min", p.brain_transport_mmol_l_per_min, "mmol/L/min",
        ValidRange{0.0, 5.0}, "derived: brain ≈ 2.2 mM at blood 12 mM");
  visit("brain_km_mmol_l", p.brain_km_mmol_l, "mmol/L", ValidRange{1.0, 20.0},
        "K_m of MCT1, 3.5–10 mM (Halestrap 2012, IUBMB Life 64:1)");
  visit("brain_oxidation_per_min", p.brain_oxidation_per_min, "1/min", ValidRange{0.01, 2.0},
        "assumed: brain lactate turnover ≈ 7 min");
}

struct LactateRates {
  double muscle_per_min;
  double blood_per_min;
  double brain_per_min;
};

[[nodiscard]] double lactate_production(const LactateParams& p, double muscle_intensity_frac,
                                        double muscle_mass_frac, double threshold_frac,
                                        double production_rel);
[[nodiscard]] LactateRates lactate_rates(const LactateParams& p, double production,
                                         double work_vo2max_frac, double threshold_frac,
                                         double clearance_rel, double muscle_mmol_l,
                                         double blood_mmol_l, double brain_mmol_l);

}  // namespace brainload
