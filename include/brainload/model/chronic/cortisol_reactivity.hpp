// Cortisol reactivity: regular training lowers the HPA axis's response to exercise.
//
//   target = X · S(D̄₂₈, D50)       D̄₂₈ the 28-day daily exercise HPA dose, min × the fraction of
//                                 the way from the HPA threshold to VO2max (hpa.hpp)
//   r      → target                τ (relaxation.hpp)
// The acute layer's cortisol reactivity is the baseline's × (1 − r) (acute_subject,
// chronic_pathways.hpp).
//
// Sources: X assumed after Hackney 2006; D50 and τ assumed.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct CortisolReactivityParams {
  double reduction_max = 0.3;  // relative fall of the exercise HPA response (assumed, Hackney 2006)
  // L50 of the 28-day daily exercise HPA dose: minutes × the fraction of the way from the HPA
  // threshold to VO2max (hpa.hpp). Assumed: 10 drive-min before the drive became multiplicative,
  // when the drive was 17 × that fraction; the same dose, 10/17 min.
  double half_dose = 0.59;
  double tau_days = 60.0;  // (assumed)
};

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` and parameter overrides: visit(name, value, unit, range,
// source) with value a double& (const double& for a const struct). A new field needs a
// line here (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, CortisolReactivityParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("reduction_max", p.reduction_max, "1", ValidRange{0.0, 0.9},
        "assumed: relative fall of the exercise HPA response (Hackney 2006)");
  visit("half_dose", p.half_dose, "min", ValidRange{0.01, 1000.0},
        "assumed: L50 of the 28-day daily exercise HPA dose (minutes × fraction of the way from "
        "the HPA threshold to VO2max)");
  visit("tau_days", p.tau_days, "d", ValidRange{7.0, 730.0}, "assumed");
}

void step_cortisol_reactivity(const CortisolReactivityParams& p, ChronicState& s);

}  // namespace brainload
