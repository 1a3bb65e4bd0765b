#include "brainload/model/il6.hpp"

#include <algorithm>

#include "brainload/units.hpp"

namespace brainload {

Il6Rates il6_rates(const Il6Params& p, double work_vo2max_frac, double muscle_mass_frac,
                   double muscle_signal, double plasma_pg_ml, double rest_pg_ml) {
  const double load = (muscle_mass_frac / p.mass_ref_frac) * std::max(0.0, work_vo2max_frac);
  const double m = std::max(0.0, muscle_signal);
  const double contracting = std::min(1.0, load / p.contraction_load);
  return {load * (p.onset_per_min + p.growth_per_min * m) - p.muscle_decay_per_min * muscle_signal,
          p.release_pg_ml_per_min * contracting * m -
              units::rate_from_half_life(p.plasma_half_life_min) * (plasma_pg_ml - rest_pg_ml)};
}

}  // namespace brainload
