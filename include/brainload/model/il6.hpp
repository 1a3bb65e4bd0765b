// IL-6 released by contracting muscle (myokine).
//
//   dM/dt = (mass/mass_ref) · x · (k_0 + k_g · M) − k_M · M     (muscle signal, dimensionless)
//   dI/dt = k_rel · M − k_I · (I − I_rest)                      (plasma, pg/mL)
//
// Plasma IL-6 rises nearly exponentially with exercise duration, scales with intensity and
// the muscle mass involved, peaks at the end of exercise and falls within hours (Fischer 2006,
// Exerc Immunol Rev 12:6; Pedersen & Febbraio 2008, Physiol Rev 88:1379). The growth term
// k_g·M gives the duration dependence (glycogen depletion drives transcription). A two-
// compartment form after Morettini et al. 2017 (PLoS ONE 12:e0181224), simplified.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct Il6Params {
  double mass_ref_frac = 0.5;    // reference working mass (assumed, two-leg cycling)
  double onset_per_min = 0.012;  // k_0 (derived: ≈ ×2 after 30 min at 65 % VO2max, Fischer 2006)
  double growth_per_min = 0.03;  // k_g (derived: ≈ ×5 after 60 min, ≈ ×30 after 2.5 h)
  double muscle_decay_per_min = 0.02;  // k_M (assumed)
  double release_pg_ml_per_min = 0.6;  // k_rel (derived with k_0, k_g)
  double plasma_half_life_min = 30.0;  // min (derived: near baseline 1–3 h after, Fischer 2006)
};

// Every field with its unit, valid range (ValidRange) and source, for `brainload describe` and
// parameter overrides: visit(name, value, unit, range, source) with value a double& (const double&
// for a const struct) and string literals. A new field needs a line here
// (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, Il6Params>
void visit_parameters(P& p, Visitor&& visit) {
  visit("mass_ref_frac", p.mass_ref_frac, "1", ValidRange{0.05, 1.0},
        "assumed: reference working mass, two-leg cycling");
  visit("onset_per_min", p.onset_per_min, "1/min", ValidRange{0.001, 1.0},
        "derived: ≈ ×2 after 30 min at 65 % VO2max (Fischer 2006, Exerc Immunol Rev 12:6)");
  visit("growth_per_min", p.growth_per_min, "1/min", ValidRange{0.0, 1.0},
        "derived: ≈ ×5 after 60 min, ≈ ×30 after 2.5 h");
  visit("muscle_decay_per_min", p.muscle_decay_per_min, "1/min", ValidRange{0.001, 1.0}, "assumed");
  visit("release_pg_ml_per_min", p.release_pg_ml_per_min, "pg/mL/min", ValidRange{0.0, 10.0},
        "derived with k_0, k_g");
  visit("plasma_half_life_min", p.plasma_half_life_min, "min", ValidRange{2.0, 240.0},
        "derived: near baseline 1–3 h after (Fischer 2006)");
}

struct Il6Rates {
  double muscle_per_min;
  double plasma_per_min;
};

[[nodiscard]] Il6Rates il6_rates(const Il6Params& p, double work_vo2max_frac,
                                 double muscle_mass_frac, double muscle_signal, double plasma_pg_ml,
                                 double rest_pg_ml);

}  // namespace brainload
