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

namespace brainload {

struct Il6Params {
  double mass_ref_frac = 0.5;     // reference working mass (assumed, two-leg cycling)
  double onset_per_min = 0.012;   // k_0 (derived: ≈ ×2 after 30 min at 65 % VO2max, Fischer 2006)
  double growth_per_min = 0.03;   // k_g (derived: ≈ ×5 after 60 min, ≈ ×30 after 2.5 h)
  double muscle_decay_per_min = 0.02;  // k_M (assumed)
  double release_pg_ml_per_min = 0.6;  // k_rel (derived with k_0, k_g)
  double plasma_half_life_min = 30.0;  // min (derived: near baseline 1–3 h after, Fischer 2006)
};

struct Il6Rates {
  double muscle_per_min;
  double plasma_per_min;
};

[[nodiscard]] Il6Rates il6_rates(const Il6Params& p, double work_vo2max_frac,
                                 double muscle_mass_frac, double muscle_signal,
                                 double plasma_pg_ml, double rest_pg_ml);

}  // namespace brainload
