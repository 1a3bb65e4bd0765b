#include "brainload/model/glucose.hpp"

#include <algorithm>

#include "brainload/units.hpp"

namespace brainload {

namespace {
constexpr double kUmolPerMmol = 1000.0;
}  // namespace

double glucose_uptake_umol_kg_min(const GlucoseParams& p, double glucose_mmol_l,
                                  double vo2_ml_kg_min) {
  const double above_rest = std::max(0.0, vo2_ml_kg_min - units::kRestingVo2MlKgMin);
  return (std::max(0.0, glucose_mmol_l) / p.rest_mmol_l) *
         (p.uptake_rest_umol_kg_min + p.uptake_per_vo2_umol_ml * above_rest);
}

GlucoseRates glucose_rates(const GlucoseParams& p, double glucose_mmol_l, double liver_mmol_kg,
                           double vo2_ml_kg_min, bool exercising) {
  const double uptake = glucose_uptake_umol_kg_min(p, glucose_mmol_l, vo2_ml_kg_min);
  const double n = p.gluconeogenesis_umol_kg_min;
  // µmol/kg/min the liver would release to meet the uptake and restore G_0 (V_G·ΔG in µmol/kg).
  const double wanted = uptake - n +
                        p.counter_regulation_per_min * (p.rest_mmol_l - glucose_mmol_l) *
                            p.space_l_per_kg * kUmolPerMmol;
  const double store = std::max(0.0, liver_mmol_kg) / p.liver_fasted_mmol_kg;
  const double release = std::min(std::max(0.0, wanted), p.glycogenolysis_max_umol_kg_min * store);
  double liver = -release;
  if (!exercising) {
    liver += (p.uptake_rest_umol_kg_min - n) +
             kUmolPerMmol * (p.liver_fasted_mmol_kg - liver_mmol_kg) / p.refill_tau_min;
  }
  return {(n + release - uptake) / (p.space_l_per_kg * kUmolPerMmol), liver / kUmolPerMmol};
}

}  // namespace brainload
