// Serum BDNF: acute rise with exercise above a threshold, return after, and its activity-
// dependent action.
//
//   u       = max(0, min(1, x) − (LT + δ_B)) / (1 − (LT + δ_B))   x = muscle_intensity_frac
//   release = r · (g_m · u + g_OC · max(0, OC/OC_rest − 1))
//   dB/dt   = k_B · (B_rest · (1 + release) − B)
//   action  = max(0, B − B_rest)/B_rest · activity,   activity = A + e·(1 − A)
//
// The brain supplies most circulating BDNF during exercise (Rasmussen et al. 2009, Exp Physiol
// 94:1062: 70–80 %, release two- to threefold during exercise, smaller after 1 h of recovery).
// Release needs an intensity above the ventilatory (lactate) threshold: Ferris et al. 2007 (Med
// Sci Sports Exerc 39:728) found +13 % after 30 min 10 % above it and no change 20 % below; it
// grows with intensity above it (Knaepen et al. 2010, Sports Med 40:765: ≈ +25–30 % after hard
// exercise). x is the intensity of the working muscle relative to its power at VO2max, so heavy
// resistance sets count as well as hard aerobic work (Yarrow et al. 2010, Neurosci Lett 479:161:
// serum BDNF rose after heavy resistance exercise). Serum BDNF is highest at the end of exercise
// and back to baseline within 10–60 min (Knaepen 2010; Nofuji et al. 2012, J Sports Sci Med 11:83).
// Osteocalcin raises hippocampal BDNF (Oury et al. 2013, Cell 155:228). r is the individual's
// activity-dependent release (Val66Met carriers lower: Egan et al. 2003, Cell 112:257). Its action
// is activity dependent (Lu 2003, Learn Mem 10:86): the chronic layer integrates `action`, so
// arousal and cognitive engagement (dual-task training) multiply the benefit. Output is SERUM BDNF
// (platelet-rich; plasma is > 10× lower). Lactate and brain norepinephrine are no longer release
// terms: lactate infusion at rest raised BDNF (Schiffer et al. 2011, Neurosci Lett 488:234), but
// lactate's slow clearance after exercise made the simulated serum BDNF peak 30 min after a
// sprint, and the assumed brain-norepinephrine term (slow as well) 14 min after, where serum
// BDNF is measured highest at the end of exercise.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct BdnfParams {
  double motor_gain = 0.69;  // g_m: release at VO2max (fitted: ≈ +25–30 % after 30 min at
                             // 80 % VO2max, Knaepen 2010)
  double intensity_threshold_above_lt = 0.0;  // δ_B, VO2max fraction (fitted: Ferris 2007)
  double osteocalcin_gain = 0.2;              // g_OC per unit relative osteocalcin rise (assumed)
  double half_life_min = 12.0;  // min (back to baseline within 10–60 min, Knaepen 2010)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, BdnfParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("motor_gain", p.motor_gain, "1", ValidRange{0.0, 5.0},
        "fitted: brain release at VO2max, set for ≈ +25–30 % after 30 min at 80 % VO2max "
        "(Knaepen et al. 2010, Sports Med 40:765)");
  visit("intensity_threshold_above_lt", p.intensity_threshold_above_lt, "VO2max fraction",
        ValidRange{-0.3, 0.3},
        "fitted: no change 20 % below the ventilatory threshold, a rise 10 % above it (Ferris et "
        "al. 2007, Med Sci Sports Exerc 39:728): the threshold is the lactate threshold");
  visit("osteocalcin_gain", p.osteocalcin_gain, "1", ValidRange{0.0, 5.0},
        "assumed: per unit relative osteocalcin rise (Oury et al. 2013, Cell 155:228)");
  visit("half_life_min", p.half_life_min, "min", ValidRange{1.0, 120.0},
        "derived: back to baseline within 10–60 min (Knaepen 2010)");
}

// The intensity drive u of BDNF release: 0 up to the threshold, 1 at VO2max and above.
[[nodiscard]] double bdnf_intensity_drive(const BdnfParams& p, double muscle_intensity_frac,
                                          double lactate_threshold_frac);
[[nodiscard]] double bdnf_rate(const BdnfParams& p, double bdnf_ng_ml, double rest_ng_ml,
                               double release_rel, double intensity_drive, double osteocalcin_rel);
[[nodiscard]] double bdnf_action(double bdnf_ng_ml, double rest_ng_ml, double arousal,
                                 double cognitive_engagement);

}  // namespace brainload
