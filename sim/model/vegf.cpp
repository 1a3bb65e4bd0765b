#include "brainload/model/vegf.hpp"

#include <algorithm>

#include "brainload/units.hpp"

namespace brainload {

double vegf_rate(const VegfParams& p, double vegf_pg_ml, double blood_lactate_excess_mmol_l) {
  const double dl = std::max(0.0, blood_lactate_excess_mmol_l);
  const double target = p.rest_pg_ml * (1.0 + p.lactate_gain * dl / (p.lactate_ec50_mmol_l + dl));
  return units::rate_from_half_life(p.half_life_min) * (target - vegf_pg_ml);
}

}  // namespace brainload
