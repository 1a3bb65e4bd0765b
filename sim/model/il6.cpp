#include "brainload/model/il6.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/units.hpp"

namespace brainload {

namespace {
constexpr double kReferenceIntensity = 0.75;  // Spencer et al. 1992's 75 % VO2max
}  // namespace

double glycogen_use_per_min(const Il6Params& p, double work_vo2max_frac, double muscle_mass_frac) {
  const double x = std::clamp(work_vo2max_frac, 0.0, 1.0);
  if (x <= 0.0 || muscle_mass_frac <= 0.0) return 0.0;
  return p.glycogen_use_75_per_min * std::pow(x / kReferenceIntensity, p.glycogen_use_exponent) *
         (p.glycogen_mass_ref_frac / muscle_mass_frac);
}

Il6Rates il6_rates(const Il6Params& p, double work_vo2max_frac, double muscle_mass_frac,
                   double muscle_signal, double plasma_pg_ml, double rest_pg_ml,
                   double glycogen_frac) {
  const double load = (muscle_mass_frac / p.mass_ref_frac) * std::max(0.0, work_vo2max_frac);
  const double contracting = std::min(1.0, load / p.contraction_load);
  const double g = std::clamp(glycogen_frac, 0.0, 1.0);
  const double production = load * p.onset_per_min * std::exp(p.glycogen_gain * (1.0 - g));
  // Release follows the muscle signal during and after contraction (docs/research/il6_glycogen.md
  // section 10); glycogen is rebuilt only while the muscle is not working.
  return {production - p.muscle_decay_per_min * muscle_signal,
          p.release_pg_ml_per_min * std::max(0.0, muscle_signal) -
              units::rate_from_half_life(p.plasma_half_life_min) * (plasma_pg_ml - rest_pg_ml),
          -glycogen_use_per_min(p, work_vo2max_frac, muscle_mass_frac) * glycogen_frac +
              p.glycogen_resynthesis_per_min * (1.0 - glycogen_frac) * (1.0 - contracting)};
}

}  // namespace brainload
