#include "brainload/model/chronic/bbb.hpp"

#include <algorithm>

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

using chronic_step::kDay;
using chronic_step::kYear;

void step_bbb(const BbbParams& p, ChronicState& s) {
  if (s.age_years > p.loss_onset_years) s.bbb_base -= p.loss_per_year * kDay / kYear;
  s.bbb_gain =
      relax(s.bbb_gain, p.gain_max * saturating(s.vegf_dose_avg, p.half_dose), p.tau_days, kDay);
  s.bbb_integrity = std::clamp(s.bbb_base + s.bbb_gain, 0.0, 1.0);
}

}  // namespace brainload
