// Undercarboxylated osteocalcin (serum) released by mechanical loading of bone.
//
//   S     = Σ contacts/min · max(0, F − F_thr)²          (F in body weights; Drive computes it)
//   dOC/dt = k_OC · (OC_rest · (1 + g · S/(S50 + S)) − OC)
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
  double half_effect_per_min = 100.0;  // S50 (assumed: continuous rope skipping ≈ 2.7 × S50)
  double half_life_min = 40.0;      // min (assumed)
};

[[nodiscard]] double bone_stimulus(const OsteocalcinParams& p, double contacts_per_min,
                                   double peak_force_bw);
[[nodiscard]] double osteocalcin_rate(const OsteocalcinParams& p, double osteocalcin_ng_ml,
                                      double bone_stimulus_per_min);

}  // namespace brainload
