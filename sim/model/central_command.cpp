#include "brainload/model/central_command.hpp"

#include <algorithm>
#include <cmath>

namespace brainload {

double motor_drive(const CentralCommandParams& p, const Drive& d) {
  const double mass = std::min(1.0, d.muscle_mass_frac / p.mass_full_frac);
  const double recruitment =
      std::sqrt(std::max(0.0, mass)) * (1.0 - p.compound_weight + p.compound_weight * d.compound);
  return std::clamp(d.effort * recruitment, 0.0, 1.0);
}

}  // namespace brainload
