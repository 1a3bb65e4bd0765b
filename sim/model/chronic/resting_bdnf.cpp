#include "brainload/model/chronic/resting_bdnf.hpp"

#include <algorithm>

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

using chronic_step::kDay;
using chronic_step::kYear;

namespace {
// A numerical guard, not physiology: it keeps the base positive whatever the parameters.
constexpr double kMinBdnfNgMl = 1.0;  // serum BDNF, ng/mL
}  // namespace

void step_resting_bdnf(const RestingBdnfParams& p, double trainability, ChronicState& s) {
  // The acute-dose route and the resistance-training route (chronic_structures.md 7n).
  const double target =
      trainability *
      (p.gain_max * saturating(s.bdnf_dose_avg, p.half_dose) +
       p.resistance_gain_max * saturating(whole_body_resistance_avg(s), p.resistance_half_load));
  s.bdnf_gain = relax(s.bdnf_gain, target, p.tau_days, kDay);
  s.bdnf_base_ng_ml =
      std::max(kMinBdnfNgMl, s.bdnf_base_ng_ml - p.loss_per_year_ng_ml * kDay / kYear);
  s.bdnf_resting_ng_ml = s.bdnf_base_ng_ml * (1.0 + s.bdnf_gain);
}

}  // namespace brainload
