#include "brainload/model/chronic/brain_age.hpp"

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

using chronic_step::kDay;

void step_brain_age(const BrainAgeParams& p, double trainability, ChronicState& s) {
  // b = −gap relaxes towards G · T · S(load), rising with τ_rise, fading with τ_decay (7o).
  const double target =
      p.gap_max_years * trainability * saturating(s.training_avg, p.benefit_half_load);
  const double benefit =
      relax_up_down(-s.brain_age_gap_years, target, p.rise_tau_days, p.decay_tau_days, kDay);
  s.brain_age_gap_years = -benefit;
}

}  // namespace brainload
