// Resting serum BDNF: a training gain on an untrained base that falls slowly with age.
//
//   target  = T · (X · S(D̄, D50) + X_R · S(R̄, L_R))          T = trainability
//   gain    → target                                         τ (relaxation.hpp)
//   base    ← max(1 ng/mL, base − loss · Δt)                 Δt = 1/365.25 y; 1 ng/mL a guard
//   resting = base · (1 + gain)
// Two routes (section 7n). The acute-dose route: D̄ is the 14-day average of a day's
// activity-weighted acute serum-BDNF rise plus w_OC × its osteocalcin rise (folded in by
// step_chronic_day, chronic_pathways.hpp). The resistance route, phenomenological (no mechanism
// with parameters was found): R̄ is the whole-body 14-day resistance load, the mean of the lower-
// and upper-body loads (whole_body_resistance_avg, chronic_state.hpp).
//
// Sources: X_R fitted to Setayesh & Mohammad Rahimi 2023 (Geriatr Nurs 54:23: +0.73 ng/mL after
// resistance training in adults ≥ 60; validation/fits/fit_bdnf_resistance.py); X fitted to the
// same trial through the sessions' acute dose before issue 14 and kept for the aerobic and
// impact dose; osteocalcin's share after Oury et al. 2013; the fall with age after Erickson et
// al. 2010 (J Neurosci 30:5368). Section 7n of docs/research/chronic_structures.md.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct RestingBdnfParams {
  double gain_max = 0.16;  // relative rise at saturation of the acute-dose route (fitted before
                           // issue 14 to Setayesh & Mohammad Rahimi 2023 through resistance
                           // sessions' acute BDNF; kept for the aerobic and impact dose since)
  // Resistance-training route (phenomenological, chronic_structures.md 7n): + X·S(r̄, L_R).
  double resistance_gain_max = 0.0405;  // relative rise at saturation (fitted: +0.73 ng/mL,
                                        // Setayesh & Mohammad Rahimi 2023, Geriatr Nurs 54:23)
  double resistance_half_load = 0.3;    // L50 of the 14-day whole-body resistance load (assumed =
                                        // strength's)
  double half_dose = 3.0;           // half-effect daily dose (activity-weighted BDNF action + OC,
                                    // min; assumed)
  double osteocalcin_weight = 0.5;  // OC dose per BDNF dose unit (assumed; Oury 2013)
  double tau_days = 28.0;           // (assumed: elevated levels persist weeks, fade after stopping)
  double loss_per_year_ng_ml = 0.1;  // (assumed; serum BDNF falls slowly with age, Erickson et
                                     // al. 2010, J Neurosci 30:5368)
};

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` and parameter overrides: visit(name, value, unit, range,
// source) with value a double& (const double& for a const struct). A new field needs a
// line here (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, RestingBdnfParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("gain_max", p.gain_max, "1", ValidRange{0.0, 1.0},
        "relative rise at saturation of the acute-dose route (activity-weighted serum BDNF and "
        "osteocalcin); fitted before issue 14 to Setayesh & Mohammad Rahimi 2023 through the "
        "resistance sessions' acute dose, kept since for the aerobic and impact dose, which no "
        "target sets (docs/research/chronic_structures.md 7n)");
  visit("resistance_gain_max", p.resistance_gain_max, "1", ValidRange{0.0, 1.0},
        "fitted: phenomenological resistance-training route, +0.73 ng/mL after 16 weeks in adults "
        "≥ 60 (Setayesh & Mohammad Rahimi 2023, Geriatr Nurs 54:23; Dinoff et al. 2016 found no "
        "resistance effect; validation/fits/fit_bdnf_resistance.py)");
  visit("resistance_half_load", p.resistance_half_load, "1", ValidRange{0.01, 10.0},
        "assumed = training.resistance_half_load: L50 of the 14-day whole-body resistance load");
  visit("half_dose", p.half_dose, "min", ValidRange{0.01, 100.0},
        "assumed: half-effect daily dose (activity-weighted BDNF action + osteocalcin)");
  visit("osteocalcin_weight", p.osteocalcin_weight, "1", ValidRange{0.0, 5.0},
        "assumed: osteocalcin dose per BDNF dose unit (Oury 2013)");
  visit("tau_days", p.tau_days, "d", ValidRange{1.0, 365.0},
        "assumed: elevated levels persist weeks, fade after stopping");
  visit("loss_per_year_ng_ml", p.loss_per_year_ng_ml, "ng/mL/y", ValidRange{0.0, 1.0},
        "assumed; serum BDNF falls slowly with age (Erickson et al. 2010, J Neurosci 30:5368)");
}

void step_resting_bdnf(const RestingBdnfParams& p, double trainability, ChronicState& s);

}  // namespace brainload
