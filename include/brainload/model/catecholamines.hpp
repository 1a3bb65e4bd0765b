// Plasma catecholamines: adrenal epinephrine and sympathetic norepinephrine spill-over.
//
//   dE/dt  = k_E · (E_rest · exp(β_E · m^n) − E)      m = motor_drive
//   dNE/dt = k_NE · (NE_rest · exp(β_NE · m^n) − NE)
//
// Secretion rises exponentially with relative intensity (Kjaer 1998, Adv Exp Med Biol 441:77;
// Zouhal et al. 2008, Sports Med 38:401: up to 5–15 fold at supramaximal work); clearance is
// first order with the plasma half-life. Resting values are the textbook anchors.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct CatecholamineParams {
  double epinephrine_rest_nmol_l = 0.3;       // nmol/L; textbook 0.2–0.4 (MODEL.md)
  double norepinephrine_rest_nmol_l = 1.8;    // nmol/L; resting plasma NE 1.2–2.5 (Zouhal 2008)
  double epinephrine_half_life_min = 1.5;     // min; plasma t½ 1–3 min (Esler et al. 1990,
                                              // Physiol Rev 70:963)
  double norepinephrine_half_life_min = 1.5;  // min; same source
  double epinephrine_gain = 5.5;     // β_E, dimensionless (derived: ×7–9 at the end of a 30 s
                                     // sprint, m ≈ 0.9; Zouhal 2008 reports ×5–15)
  double norepinephrine_gain = 4.3;  // β_NE (derived: ×4–5 at the end of a 30 s sprint, Zouhal
                                     // 2008)
  double drive_exponent = 4.0;       // n: ≈ ×1.4 at m = 0.5, so little response below ≈ 50 %
                                     // effort (Kjaer 1998)
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
  visit("epinephrine_gain", p.epinephrine_gain, "1", ValidRange{0.0, 30.0},
        "derived: ×7–9 at the end of a 30 s sprint, m ≈ 0.9; Zouhal 2008 reports ×5–15");
  visit("norepinephrine_gain", p.norepinephrine_gain, "1", ValidRange{0.0, 30.0},
        "derived: ×4–5 at the end of a 30 s sprint (Zouhal 2008)");
  visit("drive_exponent", p.drive_exponent, "1", ValidRange{1.0, 8.0},
        "≈ ×1.4 at m = 0.5, so little response below ≈ 50 % effort (Kjaer 1998, Adv Exp Med Biol "
        "441:77)");
}

struct CatecholamineRates {
  double epinephrine_per_min;
  double norepinephrine_per_min;
};

[[nodiscard]] CatecholamineRates catecholamine_rates(const CatecholamineParams& p,
                                                     double epinephrine_nmol_l,
                                                     double norepinephrine_nmol_l,
                                                     double motor_drive);

}  // namespace brainload
