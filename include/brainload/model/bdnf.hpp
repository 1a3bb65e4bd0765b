// Serum BDNF: acute rise with exercise, return after, and its activity-dependent action.
//
//   release = r · (g_m · m + g_L · ΔL/(EC50 + ΔL) + g_NE · max(0, NE_b − 1)
//                  + g_OC · max(0, OC/OC_rest − 1))                       m = motor_drive
//   dB/dt   = k_B · (B_rest · (1 + release) − B)
//   action  = max(0, B − B_rest)/B_rest · activity,   activity = A + e·(1 − A)
//
// The brain supplies most circulating BDNF during exercise (Rasmussen et al. 2009, Exp Physiol
// 94:1062: 70–80 %); lactate drives part of it (Schiffer et al. 2011, Neurosci Lett 488:234,
// lactate infusion raised BDNF); osteocalcin raises hippocampal BDNF (Oury et al. 2013, Cell
// 155:228). Acute exercise raises BDNF moderately (Szuhany et al. 2015, J Psychiatr Res 60:56:
// d ≈ 0.46) and it returns within 10–60 min (Knaepen et al. 2010, Sports Med 40:765). r is the
// individual's activity-dependent release (Val66Met carriers lower: Egan et al. 2003, Cell
// 112:257). Its action is activity dependent (Lu 2003, Learn Mem 10:86): the chronic layer
// integrates `action`, so arousal and cognitive engagement (dual-task training) multiply the
// benefit. Output is SERUM BDNF (platelet-rich; plasma is > 10× lower).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct BdnfParams {
  double motor_gain = 0.4;           // g_m: brain release while exercising (derived: ≈ +25–30 %
                                     // after 20–30 min of hard exercise, Knaepen 2010)
  double lactate_gain = 0.15;        // g_L (assumed: ≈ +10 % from a sprint's lactate)
  double lactate_ec50_mmol_l = 4.0;  // mmol/L above rest (assumed)
  double brain_ne_gain = 0.1;        // g_NE per unit brain NE above rest (assumed)
  double osteocalcin_gain = 0.2;     // g_OC per unit relative osteocalcin rise (assumed)
  double half_life_min = 12.0;       // min (derived: back to baseline within 10–60 min,
                                     // Knaepen 2010)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, BdnfParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("motor_gain", p.motor_gain, "1", ValidRange{0.0, 5.0},
        "derived: brain release while exercising, ≈ +25–30 % after 20–30 min of hard exercise "
        "(Knaepen et al. 2010, Sports Med 40:765)");
  visit("lactate_gain", p.lactate_gain, "1", ValidRange{0.0, 5.0},
        "assumed: ≈ +10 % from a sprint's lactate");
  visit("lactate_ec50_mmol_l", p.lactate_ec50_mmol_l, "mmol/L", ValidRange{0.5, 20.0},
        "assumed: above rest");
  visit("brain_ne_gain", p.brain_ne_gain, "1", ValidRange{0.0, 5.0},
        "assumed: per unit brain NE above rest");
  visit("osteocalcin_gain", p.osteocalcin_gain, "1", ValidRange{0.0, 5.0},
        "assumed: per unit relative osteocalcin rise");
  visit("half_life_min", p.half_life_min, "min", ValidRange{1.0, 120.0},
        "derived: back to baseline within 10–60 min (Knaepen 2010)");
}

[[nodiscard]] double bdnf_rate(const BdnfParams& p, double bdnf_ng_ml, double rest_ng_ml,
                               double release_rel, double motor_drive,
                               double blood_lactate_excess_mmol_l, double brain_ne_rel,
                               double osteocalcin_rel);
[[nodiscard]] double bdnf_action(double bdnf_ng_ml, double rest_ng_ml, double arousal,
                                 double cognitive_engagement);

}  // namespace brainload
