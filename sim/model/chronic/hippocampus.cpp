#include "brainload/model/chronic/hippocampus.hpp"

#include <algorithm>

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

using chronic_step::kDay;
using chronic_step::kYear;

double hippocampal_ageing_rate_per_year(const HippocampusParams& p, double age_years) {
  return std::max(
      0.0, p.ageing_loss_at_70_per_year + p.ageing_acceleration_per_year2 * (age_years - 70.0));
}

void step_hippocampus(const HippocampusParams& p, ChronicState& s) {
  const double ageing = hippocampal_ageing_rate_per_year(p, s.age_years);
  const double growth = p.bdnf_growth_per_year * s.bdnf_gain + p.bbb_growth_per_year * s.bbb_gain;
  s.hippocampal_volume_rel *= 1.0 + (growth - ageing) * kDay / kYear;
}

}  // namespace brainload
