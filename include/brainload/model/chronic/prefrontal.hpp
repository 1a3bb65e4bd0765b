// Prefrontal connectivity: raised by heavy resistance work (the LISA trial's heavy arm).
//
//   target = 1 + X · T · S(H̄, L50)          H̄ the 14-day heavy-set load (sets ≥ 70 % 1RM)
//   P      → target                         τ (relaxation.hpp); P relative to baseline
// Executive function reads P (chronic_cognition.hpp).
//
// Sources: the form after LISA's heavy-resistance arm (Gonzalez-Gomez et al. 2026, GeroScience);
// X, L50 and τ assumed.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct PrefrontalParams {
  double heavy_half_load = 0.3;  // L50 of the heavy-set load (assumed)
  double gain_max = 0.10;        // relative connectivity gain at saturation (assumed; LISA HRT)
  double tau_days = 120.0;       // (assumed)
};

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` and parameter overrides: visit(name, value, unit, range,
// source) with value a double& (const double& for a const struct). "load" is the daily training
// load of daily_dose.hpp (dimensionless). A new field needs a
// line here (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, PrefrontalParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("heavy_half_load", p.heavy_half_load, "1", ValidRange{0.01, 10.0},
        "assumed: L50 of the heavy-set load");
  visit("gain_max", p.gain_max, "1", ValidRange{0.0, 0.5},
        "assumed: relative connectivity gain at saturation (LISA HRT)");
  visit("tau_days", p.tau_days, "d", ValidRange{7.0, 730.0}, "assumed");
}

void step_prefrontal(const PrefrontalParams& p, double trainability, ChronicState& s);

}  // namespace brainload
