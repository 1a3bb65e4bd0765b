// Undercarboxylated osteocalcin (serum) released by mechanical loading of bone and by the
// muscle IL-6 that exercise sends to osteoblasts.
//
//   S      = contacts/min · max(0, F − F_thr)²          (F in body weights; Drive computes it)
//   dσ/dt  = S − σ / τ_σ                                 (bone loading signal, accumulated cycles)
//   φ      = max(0, 1 − I_rest / I)                      (I = plasma IL-6: 0 at rest, → 1)
//   dOC/dt = k_OC · (OC_rest · (1 + g · σ/(σ50 + σ) + g_ex · φ) − OC)
//
// Exercise without impact raises ucOC as well: 4 × 4 min of cycling raised it by 6.4 % one hour
// later (Levinger et al. 2014, J Bone Miner Res 29:2571), 45 min of cycling at 75 % VO2peak
// raised it too (Levinger et al. 2011, Osteoporos Int 22:1621). The signal is muscle-derived
// IL-6 acting on osteoblasts, which release ucOC during exercise (Chowdhury et al. 2020, J Clin
// Invest 130:2888); φ saturates so that very long exercise (a marathon's ×100 IL-6) adds at most
// g_ex.
//
// Osteocytes respond to strain magnitude and rate (Turner 1998, Bone 23:399); impact loading
// raises bone-formation markers and osteocalcin acutely (Levinger et al. 2011, Osteoporos Int
// 22:1621; jumping with eccentric landings, seed 002). Undercarboxylated osteocalcin crosses the
// blood-brain barrier and supports hippocampal neurons (Oury et al. 2013, Cell 155:228).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct OsteocalcinParams {
  double rest_ng_ml = 4.0;          // ng/mL; serum ucOC ≈ 2–8 in adults (assumed centre)
  double force_threshold_bw = 1.5;  // F_thr: walking-level loads do not count (assumed)
  double gain = 0.5;                // g: at most +50 % (assumed; Levinger 2011 saw ≈ +10–30 %)
  double signal_half_effect = 300.0;  // σ50, loading cycles × BW² (assumed: one jump session
                                      // ≈ 0.7 × σ50)
  double signal_tau_min = 60.0;       // τ_σ, min (assumed: osteocyte signalling over an hour)
  double half_life_min = 40.0;        // min (assumed)
  double exercise_gain = 0.3729;      // g_ex (fitted: +6.4 % 1 h after 4 × 4 min cycling,
                                      // Levinger 2014)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, OsteocalcinParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("rest_ng_ml", p.rest_ng_ml, "ng/mL", ValidRange{0.5, 30.0},
        "assumed centre: serum ucOC ≈ 2–8 ng/mL in adults");
  visit("force_threshold_bw", p.force_threshold_bw, "BW", ValidRange{0.0, 5.0},
        "assumed: walking-level loads do not count");
  visit("gain", p.gain, "1", ValidRange{0.0, 5.0},
        "assumed: at most +50 % (Levinger 2011 saw ≈ +10–30 %)");
  visit("signal_half_effect", p.signal_half_effect, "cycles·BW²", ValidRange{1.0, 10000.0},
        "assumed: one jump session ≈ 0.7 × σ50");
  visit("signal_tau_min", p.signal_tau_min, "min", ValidRange{1.0, 1440.0},
        "assumed: osteocyte signalling over an hour");
  visit("half_life_min", p.half_life_min, "min", ValidRange{5.0, 480.0}, "assumed");
  visit("exercise_gain", p.exercise_gain, "1", ValidRange{0.0, 2.0},
        "fitted: +6.4 % ucOC 60 min after 4 × 4 min cycling at 95 % HRpeak (Levinger et al. 2014, "
        "J Bone Miner Res 29:2571), validation/fits/fit_osteocalcin.py; IL-6 to osteoblasts "
        "(Chowdhury et al. 2020, J Clin Invest 130:2888)");
}

[[nodiscard]] double bone_stimulus(const OsteocalcinParams& p, double contacts_per_min,
                                   double peak_force_bw);
struct OsteocalcinRates {
  double signal_per_min;
  double osteocalcin_per_min;
};

// il6_fold: plasma IL-6 over the individual's resting value (1 at rest).
[[nodiscard]] OsteocalcinRates osteocalcin_rates(const OsteocalcinParams& p, double bone_signal,
                                                 double osteocalcin_ng_ml,
                                                 double bone_stimulus_per_min, double il6_fold);

}  // namespace brainload
