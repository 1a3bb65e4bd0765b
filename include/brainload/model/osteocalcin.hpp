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

namespace brainload {

struct OsteocalcinParams {
  double rest_ng_ml = 4.0;          // ng/mL; serum ucOC ≈ 2–8 in adults (assumed centre)
  double force_threshold_bw = 1.5;  // F_thr: walking-level loads do not count (assumed)
  double gain = 0.5;                // g: at most +50 % (assumed; Levinger 2011 saw ≈ +10–30 %)
  double signal_half_effect = 300.0;  // σ50, loading cycles × BW² (assumed: one jump session
                                      // ≈ 0.7 × σ50)
  double signal_tau_min = 60.0;     // τ_σ, min (assumed: osteocyte signalling over an hour)
  double half_life_min = 40.0;      // min (assumed)
};

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
