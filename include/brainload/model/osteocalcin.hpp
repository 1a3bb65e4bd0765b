// Undercarboxylated osteocalcin (serum) released by mechanical loading of bone.
//
//   S      = contacts/min · max(0, F − F_thr)²          (F in body weights; Drive computes it)
//   dσ/dt  = S − σ / τ_σ                                 (bone loading signal, accumulated cycles)
//   dOC/dt = k_OC · (OC_rest · (1 + g · σ/(σ50 + σ)) − OC)
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
}

[[nodiscard]] double bone_stimulus(const OsteocalcinParams& p, double contacts_per_min,
                                   double peak_force_bw);
struct OsteocalcinRates {
  double signal_per_min;
  double osteocalcin_per_min;
};

[[nodiscard]] OsteocalcinRates osteocalcin_rates(const OsteocalcinParams& p, double bone_signal,
                                                 double osteocalcin_ng_ml,
                                                 double bone_stimulus_per_min);

}  // namespace brainload
