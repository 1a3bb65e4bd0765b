#include "brainload/model/chronic/prefrontal.hpp"

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

using chronic_step::kDay;

void step_prefrontal(const PrefrontalParams& p, double trainability, ChronicState& s) {
  const double target =
      1.0 + p.gain_max * trainability * saturating(s.heavy_avg, p.heavy_half_load);
  s.prefrontal_connectivity_rel = relax(s.prefrontal_connectivity_rel, target, p.tau_days, kDay);
}

}  // namespace brainload
