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
// little (supply exceeds demand); k_A and k_up are fitted together to Chang et al. 2012's pooled
// g = 0.108 immediately after exercise, split 65:35 by MODEL.md's arousal share, and a deficit
// costs as much per unit as a surplus gains (k_down = k_up, assumed: the asymmetric 4.0 had no
// source and made a Wingate cost a full SD; docs/research/acute_cognition_weights.md).
//
// Memory: encoding quality is U(mean arousal while learning); consolidation grows with mean
// arousal in the hour after learning (Cahill et al. 2003, Learn Mem 10:270; post-learning
// arousal helps consolidation).
//   recall_z = k_enc·(U(Ā_learn) − U(A_rest)) + k_cons·(Ā_after − A_rest)
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct CognitionParams {
  double arousal_optimum = 0.60;     // A_opt (assumed: moderate tonic LC state is optimal)
  double arousal_width = 0.30;       // w (assumed)
  double arousal_rest = 0.35;        // A_rest: awake rest arousal (same anchor as ArousalParams)
  double arousal_weight_z = 0.1815;  // k_A, SD units (fitted: 65 % of Chang et al. 2012's g =
                                     // 0.108 just after exercise, Brain Res 1453:87; the share
                                     // from MODEL.md's 60–70 %; fit_acute_cognition.py)
  double perfusion_gain_weight_z = 0.2821;  // k_up, SD per unit relative CBF above rest (fitted:
                                            // the other 35 % of the same g; refitted 2026-12-07,
                                            // acute_cognition_weights.md last section)
  double perfusion_loss_weight_z = 0.2821;  // k_down, SD per unit below rest (assumed = k_up:
                                            // falls of 10-30 % after exercise cost little; see
                                            // docs/research/acute_cognition_weights.md)
  double lactate_fuel_weight_z = 0.04;      // k_lac, SD per mmol/L brain lactate (assumed, small)
  double encoding_weight_z = 0.6;           // k_enc, SD (assumed)
  double consolidation_weight_z = 0.8;      // k_cons, SD per unit arousal (assumed)
  double consolidation_window_min = 60.0;   // min after learning that count (Cahill 2003)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, CognitionParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("arousal_optimum", p.arousal_optimum, "1", ValidRange{0.0, 1.0},
        "assumed: moderate tonic LC state is optimal");
  visit("arousal_width", p.arousal_width, "1", ValidRange{0.05, 1.0}, "assumed");
  visit("arousal_rest", p.arousal_rest, "1", ValidRange{0.0, 1.0},
        "awake rest arousal, the same anchor as ArousalParams (assumed there)");
  visit("arousal_weight_z", p.arousal_weight_z, "SD", ValidRange{0.0, 3.0},
        "fitted: the arousal term gives 65 % (MODEL.md: 60–70 % of the acute benefit is arousal) "
        "of Chang et al. 2012's g = 0.108 immediately after exercise (Brain Res 1453:87), read 1 "
        "min after 20 min at 60 % VO2max (validation/fits/fit_acute_cognition.py)");
  visit("perfusion_gain_weight_z", p.perfusion_gain_weight_z, "SD", ValidRange{0.0, 5.0},
        "fitted: SD per unit relative CBF above rest, the other 35 % of Chang et al. 2012's g = "
        "0.108 (validation/fits/fit_acute_cognition.py; 0.265 until the buffering CO2 of "
        "cerebral_blood_flow.hpp raised the flow the test sees)");
  visit("perfusion_loss_weight_z", p.perfusion_loss_weight_z, "SD", ValidRange{0.0, 20.0},
        "assumed: SD per unit relative CBF below rest, equal to the fitted gain weight (a linear "
        "term); the asymmetric 4.0 had no source, and falls of flow of 10-30 % during or after "
        "exercise or heating leave executive performance unchanged or improving (Moreau & Chou "
        "2019, Perspect Psychol Sci; docs/research/acute_cognition_weights.md)");
  visit("lactate_fuel_weight_z", p.lactate_fuel_weight_z, "SD/(mmol/L)", ValidRange{0.0, 0.5},
        "assumed, small: SD per mmol/L brain lactate");
  visit("encoding_weight_z", p.encoding_weight_z, "SD", ValidRange{0.0, 3.0}, "assumed");
  visit("consolidation_weight_z", p.consolidation_weight_z, "SD", ValidRange{0.0, 3.0},
        "assumed: SD per unit arousal");
  visit("consolidation_window_min", p.consolidation_window_min, "min", ValidRange{5.0, 240.0},
        "minutes after learning that count (Cahill et al. 2003, Learn Mem 10:270)");
}

[[nodiscard]] double arousal_performance(const CognitionParams& p, double arousal);
[[nodiscard]] double cognitive_performance_z(const CognitionParams& p, double arousal,
                                             double cbf_rel, double brain_lactate_excess_mmol_l);
[[nodiscard]] double recall_z(const CognitionParams& p, double mean_arousal_learning,
                              double mean_arousal_after);

}  // namespace brainload
