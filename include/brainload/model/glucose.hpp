// Blood glucose and liver glycogen: the supply that runs out in long exercise without food.
//
// clang-format off
//   R_d   = (G/G_0) · (R_rest + k_v · max(0, VO2 − VO2_rest))     uptake, µmol/kg/min
//   J     = min(max(0, R_d − N + κ·(G_0 − G)·V_G), J_max · H/H_f)  net hepatic glycogenolysis
//   dG/dt = (N + J − R_d) / V_G                                    G: plasma glucose, mmol/L
//   dH/dt = −J + [at rest] · ((R_rest − N) + (H_f − H)/τ_refill)   H: liver glycogen, per kg
// clang-format on
// (V_G in L/kg; fluxes in µmol/kg/min, H in mmol/kg, so the code divides fluxes by 1000.)
//
// Uptake rises with the whole-body oxygen uptake above rest (the model's own VO2, so a trained
// person at the same relative intensity takes up more per kg) and falls in proportion to glucose
// (a constant clearance). Production is gluconeogenesis N, constant (Petersen et al. 2004, J Clin
// Endocrinol Metab 89:4656: the rise of glucose production with exercise intensity is entirely
// net hepatic glycogenolysis), plus glycogenolysis J, which meets the uptake and answers a fall
// of glucose while the liver has glycogen; its capacity falls in proportion to the store. When the
// store runs low, production falls behind uptake and glucose falls: Tabata et al. 1984 (Clin
// Physiol 4:299) saw plasma glucose reach 3.3 and then 2.6 mmol/L in 3 h at 49 % VO2max after a
// fast. The model carries no meals: at rest the liver's resting glycogenolysis is taken as replaced
// and the store refills towards its post-absorptive level; in exercise nothing is eaten.
// Below the counter-regulatory threshold glucose can drive the HPA axis (hpa.hpp,
// hypoglycaemia_hpa_drive), but that gain is 0: its fit had no solution. Design, value standing
// and the target split fixed before this code, and the outcome: docs/research/hypoglycaemia_hpa.md.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct GlucoseParams {
  double rest_mmol_l = 5.0;                  // G_0 (assumed: post-absorptive plasma glucose)
  double space_l_per_kg = 0.20;              // V_G (assumed: the extracellular water)
  double uptake_rest_umol_kg_min = 14.3;     // R_rest (measured: Petersen et al. 2004)
  double uptake_per_vo2_umol_ml = 1.28;      // k_v (fitted: Jeukendrup et al. 1999)
  double gluconeogenesis_umol_kg_min = 9.7;  // N (derived: Petersen et al. 2004, 68 % of 14.3)
  double liver_fasted_mmol_kg = 4.73;        // H_f (derived: Taylor et al. 1996, 1.6 L of liver)
  double glycogenolysis_max_umol_kg_min = 77.0;  // J_max (derived: the demand at VO2max 60)
  double counter_regulation_per_min = 0.1;       // κ (assumed)
  double refill_tau_min = 360.0;                 // τ_refill (assumed: meals restore the store)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, GlucoseParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("rest_mmol_l", p.rest_mmol_l, "mmol/L", ValidRange{3.0, 8.0},
        "assumed: post-absorptive plasma glucose (5.0 ± 0.1 before exercise in Coggan & Coyle "
        "1987, J Appl Physiol 63:2388); the held-out targets read relative changes");
  visit("space_l_per_kg", p.space_l_per_kg, "L/kg", ValidRange{0.05, 0.6},
        "assumed: glucose distributes in the extracellular water, about 0.2 L/kg");
  visit("uptake_rest_umol_kg_min", p.uptake_rest_umol_kg_min, "µmol/kg/min", ValidRange{1.0, 40.0},
        "measured: glucose production at rest (= uptake at steady state) 14.3 ± 0.5 µmol/kg/min in "
        "healthy controls (Petersen et al. 2004, J Clin Endocrinol Metab 89:4656)");
  visit("uptake_per_vo2_umol_ml", p.uptake_per_vo2_umol_ml, "µmol/mL", ValidRange{0.0, 5.0},
        "fitted: uptake 51.5 µmol/kg/min after 120 min at 50 % VO2max, fasted (Jeukendrup et al. "
        "1999, J Physiol 515:579), with the cyclists' VO2max assumed 65 mL/kg/min (not read): "
        "(51.5 − 14.3)/(32.5 − 3.5); read at 120 min, so early uptake is overstated");
  visit("gluconeogenesis_umol_kg_min", p.gluconeogenesis_umol_kg_min, "µmol/kg/min",
        ValidRange{0.0, 40.0},
        "derived: the non-glycogen 68 % of glucose production at rest, 14.3 µmol/kg/min; held "
        "constant in exercise, where the rise of production was entirely net hepatic "
        "glycogenolysis (Petersen et al. 2004, J Clin Endocrinol Metab 89:4656)");
  visit("liver_fasted_mmol_kg", p.liver_fasted_mmol_kg, "mmol/kg", ValidRange{0.5, 20.0},
        "derived: liver glycogen 207 ± 22 mmol/L after an overnight fast (13C-MRS; Taylor et al. "
        "1996, J Clin Invest 97:126) times an assumed 1.6 L liver in a 70-kg adult");
  visit("glycogenolysis_max_umol_kg_min", p.glycogenolysis_max_umol_kg_min, "µmol/kg/min",
        ValidRange{1.0, 300.0},
        "derived: the hepatic demand R_d − N at VO2max 60 mL/kg/min with the store full, since "
        "glucose does not fall in short heavy exercise (Wahren et al. 1971, J Clin Invest "
        "50:2715); the capacity falls in proportion to the store (assumed linear)");
  visit("counter_regulation_per_min", p.counter_regulation_per_min, "1/min",
        ValidRange{0.001, 10.0},
        "assumed: the liver answers a fall of glucose within about 10 min while it has glycogen");
  visit("refill_tau_min", p.refill_tau_min, "min", ValidRange{10.0, 10000.0},
        "assumed: meals, which the model does not carry, restore the post-absorptive liver store "
        "within hours; only while not exercising");
}

struct GlucoseRates {
  double glucose_mmol_l_per_min;
  double liver_mmol_kg_per_min;
};

// Uptake R_d, µmol/kg/min, at plasma glucose G and whole-body oxygen uptake VO2 (mL/kg/min).
[[nodiscard]] double glucose_uptake_umol_kg_min(const GlucoseParams& p, double glucose_mmol_l,
                                                double vo2_ml_kg_min);
// dG/dt and dH/dt; `exercising` switches the refilling of the store off.
[[nodiscard]] GlucoseRates glucose_rates(const GlucoseParams& p, double glucose_mmol_l,
                                         double liver_mmol_kg, double vo2_ml_kg_min,
                                         bool exercising);

}  // namespace brainload
