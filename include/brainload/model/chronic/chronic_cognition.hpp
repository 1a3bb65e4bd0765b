// Chronic cognition: composite cognition and executive function from an aerobic and a
// resistance term, each saturating in its own type's load (section 7m), plus the hippocampal and
// prefrontal terms; working memory from dual-task minutes. All in SD units against the person's
// own baseline.
//
//   A = T · S(Ā, L_A)      Ā the 14-day aerobic load                  T = trainability
//   R = T · S(R̄, L_R)      R̄ the whole-body 14-day resistance load (chronic_state.hpp)
//   c → X_A,comp · A + X_R,comp · R        rising with τ_rise, fading with τ_decay
//   e → X_A,exec · A + X_R,exec · R        the same (relax_up_down, relaxation.hpp)
//   composite = c + k_H · (hippocampal volume − 1)          (hippocampus.hpp)
//   executive = e + k_P · (prefrontal connectivity − 1)      (prefrontal.hpp)
//   w → W · S(M̄, M50)      M̄ the 14-day daily dual-task minutes; τ_W; working memory = w
// Combined programmes add the two types' terms.
//
// Sources: X_R fitted to Landrigan et al. 2020 (Psychol Res 84:1167: composite SMD 0.71,
// executive 0.39 after 12–24 weeks of resistance training) and X_A,comp to the aerobic subgroup
// of Northey et al. 2018 (Br J Sports Med 52:154: SMD 0.24), validation/fits/
// fit_cognition_type.py --expected 20 (each SMD the mean over 20 seeds, section 7q). Fitted so,
// X_A,comp is 0: walking's leg load (through X_R) and the hippocampal term already give Northey
// et al.'s walking trial 0.25 SD, so the structure carries no aerobic term of its own. X_A,exec
// derived by the same domain split; the half-loads those of
// VO2max and strength (assumed); benefits in 6–12 weeks (seed 000) that outlast training
// (Fiatarone Singh et al. 2014, J Am Med Dir Assoc 15:873); W fitted to a working-memory SMD of
// 0.44 with cognitive training (2022 review). Section 7m of docs/research/chronic_structures.md.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct ChronicCognitionParams {
  // Training part of each gain by exercise type (docs/research/chronic_structures.md 7m):
  //   target = trainability · (X_A · S(aerobic load, L_A) + X_R · S(resistance load, L_R))
  double composite_resistance_max = 1.1780;  // SD at saturated resistance load (fitted: composite
                                             // SMD 0.71 after 12–24 weeks, Landrigan et al. 2020,
                                             // as the mean over 20 seeds: section 7q)
  double executive_resistance_max = 0.6973;  // SD (fitted: EF SMD 0.39, Landrigan et al. 2020;
                                             // mean over 20 seeds)
  double composite_aerobic_max = 0.0;        // SD at saturated aerobic load (fitted: SMD 0.24,
                                             // Northey et al. 2018's aerobic subgroup, mean over
                                             // 20 seeds; at the range's floor, section 7q)
  double executive_aerobic_max = 0.0;        // SD (derived: composite_aerobic_max × the resistance
                                             // fit's executive/composite ratio, assumed)
  double aerobic_half_load = 1.453;          // L50 of the 14-day aerobic load (assumed = VO2max's)
  double resistance_half_load = 0.3;         // L50 of the 14-day whole-body resistance load
                                             // (assumed = strength's)
  double rise_tau_days = 42.0;               // benefits appear in 6–12 weeks (seed 000)
  double decay_tau_days = 365.0;  // and outlast training (Fiatarone Singh et al. 2014, J Am Med
                                  // Dir Assoc 15:873: still present 18 months later)
  double composite_per_hippocampus = 10.0;  // SD per unit relative hippocampal volume (assumed)
  double executive_per_prefrontal = 1.0;    // SD per unit relative connectivity (assumed)
  double working_memory_max = 0.45;         // SD from dual-task training at saturation (fitted:
                                            // WM SMD 0.44 with cognitive training, 2022 review)
  double dual_task_half_minutes = 5.0;      // L50 of daily dual-task minutes (assumed)
  double working_memory_tau_days = 60.0;    // (assumed)
};

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` and parameter overrides: visit(name, value, unit, range,
// source) with value a double& (const double& for a const struct). "load" is the daily training
// load of daily_dose.hpp (dimensionless). A new field needs a
// line here (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, ChronicCognitionParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("composite_resistance_max", p.composite_resistance_max, "SD", ValidRange{0.0, 3.0},
        "fitted: composite SMD 0.71 after 12–24 weeks of resistance training (Landrigan et al. "
        "2020, Psychol Res 84:1167; validation/fits/fit_cognition_type.py --expected 20: the "
        "mean over 20 seeds, docs/research/chronic_structures.md 7q)");
  visit("executive_resistance_max", p.executive_resistance_max, "SD", ValidRange{0.0, 3.0},
        "fitted: executive function SMD 0.39 after resistance training (Landrigan et al. 2020; "
        "mean over 20 seeds, chronic_structures.md 7q)");
  visit("composite_aerobic_max", p.composite_aerobic_max, "SD", ValidRange{0.0, 3.0},
        "fitted: composite SMD 0.24 for aerobic exercise in adults over 50 (Northey et al. 2018, "
        "Br J Sports Med 52:154, aerobic subgroup; chronic_structures.md 7m), as the mean over 20 "
        "seeds (7q): 0, the floor, because walking's leg load and the hippocampal term already "
        "give that trial 0.25 SD");
  visit("executive_aerobic_max", p.executive_aerobic_max, "SD", ValidRange{0.0, 3.0},
        "derived: composite_aerobic_max × executive_resistance_max / composite_resistance_max "
        "(assumed: the same domain split for both exercise types)");
  visit("aerobic_half_load", p.aerobic_half_load, "1", ValidRange{0.01, 10.0},
        "assumed = training.aerobic_half_load: the cognitive benefit follows the aerobic dose that "
        "raises VO2max (Northey et al. 2018: benefits with 45–60 min sessions at moderate or "
        "vigorous intensity)");
  visit("resistance_half_load", p.resistance_half_load, "1", ValidRange{0.01, 10.0},
        "assumed = training.resistance_half_load: L50 of the 14-day whole-body resistance load "
        "(the mean of the lower- and upper-body loads)");
  visit("rise_tau_days", p.rise_tau_days, "d", ValidRange{1.0, 365.0},
        "benefits appear in 6–12 weeks (seed 000)");
  visit("decay_tau_days", p.decay_tau_days, "d", ValidRange{7.0, 3650.0},
        "benefits outlast training (Fiatarone Singh et al. 2014, J Am Med Dir Assoc 15:873: still "
        "present 18 months later)");
  visit("composite_per_hippocampus", p.composite_per_hippocampus, "SD", ValidRange{0.0, 50.0},
        "assumed: per unit relative hippocampal volume");
  visit("executive_per_prefrontal", p.executive_per_prefrontal, "SD", ValidRange{0.0, 10.0},
        "assumed: per unit relative prefrontal connectivity");
  visit("working_memory_max", p.working_memory_max, "SD", ValidRange{0.0, 3.0},
        "fitted: working-memory SMD 0.44 with cognitive training (2022 review); from dual-task "
        "training at saturation");
  visit("dual_task_half_minutes", p.dual_task_half_minutes, "min", ValidRange{0.1, 120.0},
        "assumed: L50 of daily dual-task minutes");
  visit("working_memory_tau_days", p.working_memory_tau_days, "d", ValidRange{1.0, 365.0},
        "assumed");
}

void step_chronic_cognition(const ChronicCognitionParams& p, double trainability, ChronicState& s);

}  // namespace brainload
