// Lactate → VEGF (serum), the first step of the lactate → VEGF → blood-brain-barrier path.
//
//   dV/dt = k_V · (V_rest · (1 + g · ΔL/(EC50 + ΔL)) − V)       ΔL = max(0, L_blood − L_rest)
//
// Lactate raises VEGF-A through the lactate receptor HCAR1 (Morland et al. 2017, Nat Commun
// 8:15557); circulating VEGF rises transiently after intense exercise (Kraus et al. 2004, Am J
// Physiol Heart Circ Physiol 287:H2444, 20–60 %).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct VegfParams {
  double rest_pg_ml = 250.0;  // pg/mL; serum VEGF 100–400 in healthy adults (assumed centre)
  double lactate_gain = 0.6;  // g: at most +60 % (derived from Kraus 2004's range)
  double lactate_ec50_mmol_l = 5.0;  // mmol/L above rest for half effect (assumed)
  double half_life_min = 30.0;       // min (assumed)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, VegfParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("rest_pg_ml", p.rest_pg_ml, "pg/mL", ValidRange{20.0, 1000.0},
        "assumed centre: serum VEGF 100–400 pg/mL in healthy adults");
  visit("lactate_gain", p.lactate_gain, "1", ValidRange{0.0, 5.0},
        "derived from Kraus et al. 2004 (Am J Physiol Heart Circ Physiol 287:H2444, 20–60 %): at "
        "most +60 %");
  visit("lactate_ec50_mmol_l", p.lactate_ec50_mmol_l, "mmol/L", ValidRange{0.5, 20.0},
        "assumed: blood lactate above rest for half effect");
  visit("half_life_min", p.half_life_min, "min", ValidRange{2.0, 240.0}, "assumed");
}

[[nodiscard]] double vegf_rate(const VegfParams& p, double vegf_pg_ml,
                               double blood_lactate_excess_mmol_l);

}  // namespace brainload
