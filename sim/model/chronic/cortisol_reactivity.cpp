#include "brainload/model/chronic/cortisol_reactivity.hpp"

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

using chronic_step::kDay;

void step_cortisol_reactivity(const CortisolReactivityParams& p, ChronicState& s) {
  const double target = p.reduction_max * saturating(s.hpa_dose_avg, p.half_dose);
  s.cortisol_reactivity_reduction =
      relax(s.cortisol_reactivity_reduction, target, p.tau_days, kDay);
}

}  // namespace brainload
