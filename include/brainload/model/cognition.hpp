// Acute cognitive performance: the inverted U of arousal plus perfusion and fuel.
//
//   U(A) = exp(−((A − A_opt) / w)²)                               Yerkes–Dodson inverted U
//   z    = k_A·(U(A) − U(A_rest)) + k_up·max(0, CBF − 1) + k_down·min(0, CBF − 1)
//          + k_lac·(Lac_brain − Lac_brain,rest)
//
// z is in SD units against the same person rested and awake (A = A_rest, CBF = 1). Arousal
// through LC norepinephrine sets the inverted U (Aston-Jones & Cohen 2005, Annu Rev Neurosci
// 28:403; Arnsten 2011, Biol Psychiatry 69:e89); MODEL.md: about 60–70 % of the acute benefit
// is arousal (seed 002), the rest here is perfusion and brain lactate fuel. Extra flow helps
// little (supply exceeds demand) while a deficit harms more: k_up < k_down (assumed).
//
// Memory: encoding quality is U(mean arousal while learning); consolidation grows with mean
// arousal in the hour after learning (Cahill et al. 2003, Learn Mem 10:270; post-learning
// arousal helps consolidation).
//   recall_z = k_enc·(U(Ā_learn) − U(A_rest)) + k_cons·(Ā_after − A_rest)
#pragma once

namespace brainload {

struct CognitionParams {
  double arousal_optimum = 0.60;     // A_opt (assumed: moderate tonic LC state is optimal)
  double arousal_width = 0.30;       // w (assumed)
  double arousal_rest = 0.35;        // A_rest: awake rest arousal (same anchor as ArousalParams)
  double arousal_weight_z = 0.55;    // k_A, SD units (derived: ≈ +0.2 SD just after moderate
                                     // exercise, Chang et al. 2012, Brain Res 1453:87, d ≈ 0.1–0.3)
  double perfusion_gain_weight_z = 0.8;  // k_up, SD per unit relative CBF above rest (assumed)
  double perfusion_loss_weight_z = 4.0;  // k_down, SD per unit below rest (assumed: a 10 % fall
                                         // costs ≈ 0.4 SD)
  double lactate_fuel_weight_z = 0.04;  // k_lac, SD per mmol/L brain lactate (assumed, small)
  double encoding_weight_z = 0.6;       // k_enc, SD (assumed)
  double consolidation_weight_z = 0.8;  // k_cons, SD per unit arousal (assumed)
  double consolidation_window_min = 60.0;  // min after learning that count (Cahill 2003)
};

[[nodiscard]] double arousal_performance(const CognitionParams& p, double arousal);
[[nodiscard]] double cognitive_performance_z(const CognitionParams& p, double arousal,
                                             double cbf_rel, double brain_lactate_excess_mmol_l);
[[nodiscard]] double recall_z(const CognitionParams& p, double mean_arousal_learning,
                              double mean_arousal_after);

}  // namespace brainload
