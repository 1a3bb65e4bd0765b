// Lactate → VEGF (serum), the first step of the lactate → VEGF → blood-brain-barrier path.
//
//   dV/dt = k_V · (V_rest · (1 + g · ΔL/(EC50 + ΔL)) − V)       ΔL = max(0, L_blood − L_rest)
//
// Lactate raises VEGF-A through the lactate receptor HCAR1 (Morland et al. 2017, Nat Commun
// 8:15557); circulating VEGF rises transiently after intense exercise (Kraus et al. 2004, Am J
// Physiol Heart Circ Physiol 287:H2444, 20–60 %).
#pragma once

namespace brainload {

struct VegfParams {
  double rest_pg_ml = 250.0;        // pg/mL; serum VEGF 100–400 in healthy adults (assumed centre)
  double lactate_gain = 0.6;        // g: at most +60 % (derived from Kraus 2004's range)
  double lactate_ec50_mmol_l = 5.0; // mmol/L above rest for half effect (assumed)
  double half_life_min = 30.0;      // min (assumed)
};

[[nodiscard]] double vegf_rate(const VegfParams& p, double vegf_pg_ml,
                               double blood_lactate_excess_mmol_l);

}  // namespace brainload
