#include "brainload/model/cognition.hpp"

#include <cmath>

namespace brainload {

double arousal_performance(const CognitionParams& p, double arousal) {
  const double u = (arousal - p.arousal_optimum) / p.arousal_width;
  return std::exp(-u * u);
}

double cognitive_performance_z(const CognitionParams& p, double arousal, double cbf_rel,
                               double brain_lactate_excess_mmol_l) {
  const double arousal_term = p.arousal_weight_z * (arousal_performance(p, arousal) -
                                                    arousal_performance(p, p.arousal_rest));
  const double perfusion = cbf_rel >= 1.0 ? p.perfusion_gain_weight_z * (cbf_rel - 1.0)
                                          : p.perfusion_loss_weight_z * (cbf_rel - 1.0);
  return arousal_term + perfusion + p.lactate_fuel_weight_z * brain_lactate_excess_mmol_l;
}

double recall_z(const CognitionParams& p, double mean_arousal_learning, double mean_arousal_after) {
  return p.encoding_weight_z * (arousal_performance(p, mean_arousal_learning) -
                                arousal_performance(p, p.arousal_rest)) +
         p.consolidation_weight_z * (mean_arousal_after - p.arousal_rest);
}

}  // namespace brainload
