#include "brainload/model/cerebral_blood_flow.hpp"

#include <algorithm>
#include <cmath>

namespace brainload {

double expressed_hypotension_mmhg(const CerebralBloodFlowParams& p, double work_vo2max_frac,
                                  double hypotension_mmhg) {
  // Expressed in proportion to how far the work is below the threshold: none while exercising
  // at or above it (the exercise pressor response holds the pressure up), all of it at rest.
  const double expressed =
      std::clamp(1.0 - work_vo2max_frac / p.peh_threshold_vo2max_frac, 0.0, 1.0);
  return expressed * std::max(0.0, hypotension_mmhg);
}

double cerebral_blood_flow_tau_min(const CerebralBloodFlowParams& p, double age_years) {
  constexpr double kReferenceAgeYears = 25.0;  // Ward et al. 2018's young group
  return p.tau_min + p.age_slowing_min_per_year * std::max(0.0, age_years - kReferenceAgeYears);
}

double cerebral_blood_flow_target(const CerebralBloodFlowParams& p, const CerebralBloodFlowState& s,
                                  double work_vo2max_frac) {
  const double activation = 1.0 + p.activation_gain * s.delay.back();
  const double co2 = std::exp(-p.co2_reactivity_per_mmhg * s.hypocapnia_mmhg);
  const double pressor = 1.0 + p.pressure_rise_sensitivity * s.pressor_rel;
  const double pressure_fall =
      expressed_hypotension_mmhg(p, work_vo2max_frac, s.hypotension_mmhg) / p.map_rest_mmhg;
  const double target = activation * co2 * pressor * (1.0 - p.pressure_sensitivity * pressure_fall);
  return std::max(p.floor_rel, target);
}

double buffering_co2_gain_mmhg_per_mmol(const CerebralBloodFlowParams& p) {
  constexpr double kCo2MlPerMmol = 22.4;  // molar volume of a gas at STPD
  return p.extracellular_volume_l_per_kg * kCo2MlPerMmol / p.co2_storage_ml_per_kg_mmhg;
}

CerebralBloodFlowRates cerebral_blood_flow_rates(const CerebralBloodFlowParams& p,
                                                 const CerebralBloodFlowState& s,
                                                 double work_vo2max_frac,
                                                 double blood_lactate_excess_mmol_l,
                                                 double age_years, double blood_lactate_per_min,
                                                 bool buffering_matched) {
  CerebralBloodFlowRates r;
  const double u = std::clamp(work_vo2max_frac, 0.0, p.activation_cap_vo2max_frac);
  const double stage_tau = p.onset_delay_min / static_cast<double>(kCbfDelayStages);
  double upstream = u;
  for (std::size_t k = 0; k < kCbfDelayStages; ++k) {
    r.delay_per_min[k] = (upstream - s.delay[k]) / stage_tau;
    upstream = s.delay[k];
  }
  const double bicarbonate_fall =
      std::max(0.0, blood_lactate_excess_mmol_l - p.buffer_offset_mmol_l);
  // Bicarbonate used up (or rebuilt) sets CO2 free (or takes it back) at the rate lactate rises
  // (or falls) beyond the offset; unless ventilation is matching it, PaCO2 moves with it.
  const double bicarbonate_fall_per_min = bicarbonate_fall > 0.0 ? blood_lactate_per_min : 0.0;
  const double buffering_co2 =
      buffering_matched ? 0.0 : buffering_co2_gain_mmhg_per_mmol(p) * bicarbonate_fall_per_min;
  r.hypocapnia_mmhg_per_min =
      (p.compensation_mmhg_per_mmol * bicarbonate_fall - s.hypocapnia_mmhg) /
          p.compensation_tau_min -
      buffering_co2;
  r.pressor_per_min = (p.pressor_gain * u - s.pressor_rel) / p.pressor_tau_min;
  r.cbf_per_min = (cerebral_blood_flow_target(p, s, work_vo2max_frac) - s.cbf_rel) /
                  cerebral_blood_flow_tau_min(p, age_years);
  r.hypotension_mmhg_per_min =
      p.peh_gain_mmhg_per_min * std::max(0.0, work_vo2max_frac - p.peh_threshold_vo2max_frac) -
      s.hypotension_mmhg / p.peh_decay_tau_min;
  return r;
}

}  // namespace brainload
