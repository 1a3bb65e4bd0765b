// Brain age: the gap between brain age and chronological age (change since day 0) falls with a
// saturating training benefit and returns slowly after training stops (section 7o).
//
//   target = G · T · S(L̄₂₈, L50)            L̄₂₈ the 28-day daily training load, T = trainability
//   b      → target                         rising with τ_rise, fading with τ_decay
//   gap    = −b                             (relax_up_down, relaxation.hpp)
// The benefit never exceeds G, and once the load average has fallen it only decays.
// Phenomenological: no mediator (strength, VO2max, resting BDNF) is used.
//
// Sources: G fitted to LISA, −1.4 to −2.3 years against control at one year in both arms
// (Gonzalez-Gomez et al. 2026, GeroScience; validation/fits/fit_brain_age.py); L50 fitted before
// 7o so that a moderate load does about as much as a heavy one (HRT ≈ MIT); τ_rise assumed equal
// to chronic cognition's rise, τ_decay to its decay (Fiatarone Singh et al. 2014, J Am Med Dir
// Assoc 15:873: benefits still present 18 months after training ended). Section 7o of
// docs/research/chronic_structures.md.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct BrainAgeParams {
  // The benefit b = −gap relaxes towards G · trainability · S(28-day load, L50), rising with
  // τ_rise and fading with τ_decay (docs/research/chronic_structures.md 7o).
  double gap_max_years = 2.2269;  // G, years younger at saturated benefit (fitted: LISA −1.4 to
                                  // −2.3 y vs control at one year, both arms)
  double benefit_half_load =
      0.01;  // L50 of the daily training load for brain age (fitted before 7o: HRT ≈ MIT)
  double rise_tau_days = 42.0;    // (assumed = chronic cognition's rise: benefits in 6–12 weeks)
  double decay_tau_days = 365.0;  // fades after training stops (= chronic cognition's decay:
                                  // Fiatarone Singh et al. 2014, still present 18 months later)
};

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` and parameter overrides: visit(name, value, unit, range,
// source) with value a double& (const double& for a const struct). "load" is the daily training
// load of daily_dose.hpp (dimensionless). A new field needs a
// line here (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, BrainAgeParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("gap_max_years", p.gap_max_years, "y", ValidRange{0.0, 20.0},
        "fitted: years younger at saturated benefit, LISA −1.4 to −2.3 y vs control at one year "
        "in both arms (Gonzalez-Gomez et al. 2026, GeroScience; validation/fits/"
        "fit_brain_age.py)");
  visit("benefit_half_load", p.benefit_half_load, "1", ValidRange{0.0001, 1.0},
        "fitted before section 7o: L50 of the daily training load for brain age (HRT ≈ MIT)");
  visit("rise_tau_days", p.rise_tau_days, "d", ValidRange{1.0, 730.0},
        "assumed: equal to chronic cognition's rise (benefits appear in 6–12 weeks, seed 000)");
  visit("decay_tau_days", p.decay_tau_days, "d", ValidRange{7.0, 3650.0},
        "equal to chronic cognition's decay (assumed): cognitive benefits of resistance training "
        "still present 18 months after it ended (Fiatarone Singh et al. 2014, J Am Med Dir Assoc "
        "15:873)");
}

void step_brain_age(const BrainAgeParams& p, double trainability, ChronicState& s);

}  // namespace brainload
