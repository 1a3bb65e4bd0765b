// Inflammation: resting plasma IL-6, lowered by regular training, raised by age.
//
//   target  = X · min(1, T) · S(L̄₂₈, L50)       L̄₂₈ the 28-day daily training load
//   r       → target                           τ (relaxation.hpp)
//   base    ← base + rise · Δt                 Δt = 1/365.25 y
//   resting = base · (1 − r)
// Trainability above 1 does not deepen the fall (min(1, T)).
//
// Sources: X assumed from Fischer 2006 (Exerc Immunol Rev 12:6) and Nicklas et al. 2008 (Brain
// Behav Immun 22:1043); the rise with age after Ferrucci et al. 2005 (Blood 105:2294), as
// SubjectNorms; L50 and τ assumed.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct InflammationParams {
  double reduction_max = 0.2;  // relative resting IL-6 fall at saturation (assumed from
                               // Fischer 2006 and Nicklas et al. 2008, Brain Behav Immun 22:1043)
  double half_load = 0.3;      // L50 of the 28-day daily training load (assumed)
  double tau_days = 90.0;      // (assumed)
  double rise_per_year_pg_ml = 0.02;  // with age (Ferrucci 2005; as SubjectNorms)
};

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` and parameter overrides: visit(name, value, unit, range,
// source) with value a double& (const double& for a const struct). "load" is the daily training
// load of daily_dose.hpp (dimensionless). A new field needs a
// line here (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, InflammationParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("reduction_max", p.reduction_max, "1", ValidRange{0.0, 0.9},
        "assumed from Fischer 2006 and Nicklas et al. 2008 (Brain Behav Immun 22:1043): relative "
        "resting IL-6 fall at saturation");
  visit("half_load", p.half_load, "1", ValidRange{0.01, 10.0},
        "assumed: L50 of the 28-day daily training load");
  visit("tau_days", p.tau_days, "d", ValidRange{7.0, 730.0}, "assumed");
  visit("rise_per_year_pg_ml", p.rise_per_year_pg_ml, "pg/mL/y", ValidRange{0.0, 0.2},
        "with age (Ferrucci et al. 2005, Blood 105:2294; as subject_norms.il6_per_year_pg_ml)");
}

void step_inflammation(const InflammationParams& p, double trainability, ChronicState& s);

}  // namespace brainload
