#include "brainload/model/chronic/inflammation.hpp"

#include <algorithm>

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

using chronic_step::kDay;
using chronic_step::kYear;

void step_inflammation(const InflammationParams& p, double trainability, ChronicState& s) {
  const double target =
      p.reduction_max * std::min(1.0, trainability) * saturating(s.training_avg, p.half_load);
  s.il6_reduction = relax(s.il6_reduction, target, p.tau_days, kDay);
  s.il6_base_pg_ml += p.rise_per_year_pg_ml * kDay / kYear;
  s.il6_resting_pg_ml = s.il6_base_pg_ml * (1.0 - s.il6_reduction);
}

}  // namespace brainload
