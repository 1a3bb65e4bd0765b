#include "brainload/model/chronic/mood.hpp"

#include <algorithm>

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

void step_mood(const MoodParams& p, ChronicState& s) {
  const double severity = std::max(0.0, 1.0 + p.severity_gain_per_sd * s.depression_baseline_z);
  s.depression_z =
      severity * (p.per_bdnf_gain * s.bdnf_gain + p.per_il6_reduction * s.il6_reduction +
                  p.training_max * saturating(s.training_avg, p.training_half_load));
}

}  // namespace brainload
