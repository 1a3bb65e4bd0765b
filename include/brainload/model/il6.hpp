// IL-6 released by contracting muscle (myokine).
//
//   load   = (mass/mass_ref) · x                                  x = work_vo2max_frac
//   dM/dt  = load · (k_0 + k_g · M) − k_M · M                     (muscle IL-6 signal,
//   dimensionless) c      = min(1, load / load_on)                               contraction (0 at
//   rest) dI/dt  = k_rel · c · M − k_I · (I − I_rest)                   (plasma, pg/mL)
//
// Contracting muscle releases IL-6 into the blood only while it works (Steensberg et al. 2000,
// J Physiol 529:237: net release from the working leg, none from the resting one); the release
// grows nearly exponentially with duration (glycogen depletion drives transcription: the growth
// term k_g·M) and scales with intensity and the muscle mass involved (Fischer 2006, Exerc Immunol
// Rev 12:6; Pedersen & Febbraio 2008, Physiol Rev 88:1379). Plasma IL-6 therefore peaks at the
// end of exercise (Ostrowski et al. 2000, Eur J Appl Physiol 83:512: "peaked immediately after
// the run") and falls with the plasma clearance. A two-compartment form after Morettini et al.
// 2017 (PLoS ONE 12:e0181224), simplified. Resting plasma IL-6 (≈ 1–2 pg/mL) is the individual's
// (Subject::il6_resting_pg_ml).
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct Il6Params {
  double mass_ref_frac = 0.5;    // reference working mass (assumed, two-leg cycling)
  double onset_per_min = 0.007;  // k_0 (fitted: ≈ ×2 after 30 min at 65 % VO2max, Fischer 2006)
  double growth_per_min = 0.05;  // k_g (fitted: ≈ ×5 after 60 min)
  double muscle_decay_per_min = 0.02;  // k_M (assumed)
  double release_pg_ml_per_min = 0.6;  // k_rel (fitted with k_0, k_g)
  double contraction_load = 0.05;      // load_on: below it release fades to 0 (assumed)
  double plasma_half_life_min = 20.0;  // min (assumed; see the source below)
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
        "fitted: ≈ ×2 after 30 min at 65 % VO2max (Fischer 2006, Exerc Immunol Rev 12:6)");
  visit("growth_per_min", p.growth_per_min, "1/min", ValidRange{0.0, 1.0},
        "fitted: ≈ ×5 after 60 min at 65 % VO2max (Fischer 2006)");
  visit("muscle_decay_per_min", p.muscle_decay_per_min, "1/min", ValidRange{0.001, 1.0}, "assumed");
  visit("release_pg_ml_per_min", p.release_pg_ml_per_min, "pg/mL/min", ValidRange{0.0, 10.0},
        "fitted with k_0, k_g (Fischer 2006)");
  visit("contraction_load", p.contraction_load, "1", ValidRange{0.001, 0.5},
        "assumed: release only from working muscle (Steensberg et al. 2000, J Physiol 529:237); "
        "ramps to full at 5 % of VO2max with the reference mass");
  visit("plasma_half_life_min", p.plasma_half_life_min, "min", ValidRange{1.0, 240.0},
        "assumed: the elimination phase of intravenous IL-6 is tens of minutes (rat: t½α 1.5 min, "
        "t½β 0.38 h); turnover during exercise is minutes (Steensberg et al. 2000)");
}

struct Il6Rates {
  double muscle_per_min;
  double plasma_per_min;
};

[[nodiscard]] Il6Rates il6_rates(const Il6Params& p, double work_vo2max_frac,
                                 double muscle_mass_frac, double muscle_signal, double plasma_pg_ml,
                                 double rest_pg_ml);

}  // namespace brainload
