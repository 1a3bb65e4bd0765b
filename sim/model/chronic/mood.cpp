#include "brainload/model/chronic/mood.hpp"

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

void step_mood(const MoodParams& p, ChronicState& s) {
  s.depression_z = p.per_bdnf_gain * s.bdnf_gain + p.per_il6_reduction * s.il6_reduction +
                   p.training_max * saturating(s.training_avg, p.training_half_load);
}

}  // namespace brainload
