#include "brainload/model/chronic/chronic_cognition.hpp"

#include "brainload/model/chronic/relaxation.hpp"

namespace brainload {

using chronic_step::kDay;

void step_chronic_cognition(const ChronicCognitionParams& p, double trainability, ChronicState& s) {
  const double target_wm =
      p.working_memory_max * saturating(s.dual_task_avg, p.dual_task_half_minutes);
  s.working_memory_gain = relax(s.working_memory_gain, target_wm, p.working_memory_tau_days, kDay);
  s.working_memory_z = s.working_memory_gain;
  // By exercise type (chronic_structures.md 7m): each type saturates in its own load.
  const double aerobic = trainability * saturating(s.aerobic_avg, p.aerobic_half_load);
  const double resistance =
      trainability * saturating(whole_body_resistance_avg(s), p.resistance_half_load);
  auto follow = [&](double& gain, double aerobic_max, double resistance_max) {
    const double target = aerobic_max * aerobic + resistance_max * resistance;
    gain = relax_up_down(gain, target, p.rise_tau_days, p.decay_tau_days, kDay);
  };
  follow(s.composite_gain, p.composite_aerobic_max, p.composite_resistance_max);
  follow(s.executive_gain, p.executive_aerobic_max, p.executive_resistance_max);
  s.executive_function_z =
      s.executive_gain + p.executive_per_prefrontal * (s.prefrontal_connectivity_rel - 1.0);
  s.cognition_composite_z =
      s.composite_gain + p.composite_per_hippocampus * (s.hippocampal_volume_rel - 1.0);
}

}  // namespace brainload
