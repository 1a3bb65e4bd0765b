#include "brainload/model/oxygen_uptake.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/units.hpp"

namespace brainload {

namespace {
// The age at which primary_tau_min is stated (τ25 in oxygen_uptake.hpp): a definition, not a
// parameter.
constexpr double kPrimaryTauReferenceAgeYears = 25.0;
}  // namespace

double vo2_demand_ml_kg_min(const Subject& s, const Drive& d) {
  return std::max(units::kRestingVo2MlKgMin,
                  std::min(d.work_vo2max_frac, 1.0) * s.vo2max_ml_kg_min);
}

double total_uptake_ml_kg_min(const Subject& s, const Drive& d, double primary_ml_kg_min,
                              double slow_ml_kg_min, double prolonged_ml_kg_min) {
  const double expressed = d.work_vo2max_frac > 0.0 ? 0.0 : prolonged_ml_kg_min;
  return std::min(primary_ml_kg_min + slow_ml_kg_min + expressed,
                  std::max(primary_ml_kg_min, s.vo2max_ml_kg_min));
}

double primary_tau_min(const OxygenUptakeParams& p, const Subject& s) {
  const double by_age = p.primary_tau_min + p.primary_ageing_min_per_year *
                                                (s.age_years - kPrimaryTauReferenceAgeYears);
  const double fitness =
      std::exp(-p.primary_fitness_exponent * (s.lactate_threshold_frac - p.lt_reference_frac));
  return std::max(p.primary_tau_floor_min, by_age * fitness);
}

OxygenUptakeRates oxygen_uptake_rates(const OxygenUptakeParams& p, const Subject& s, const Drive& d,
                                      double primary_ml_kg_min, double recruit_frac,
                                      double slow_ml_kg_min, double prolonged_ml_kg_min) {
  OxygenUptakeRates r{};
  const double demand = vo2_demand_ml_kg_min(s, d);
  const double tau_p = primary_tau_min(p, s);
  r.primary_per_min = (demand - primary_ml_kg_min) / tau_p;
  const double above_lt = std::max(0.0, d.work_vo2max_frac - s.lactate_threshold_frac);
  r.recruit_per_min = (above_lt - recruit_frac) / p.slow_recruit_tau_min;
  // Up with the recruitment (its delay), down with the work: min(R, Δ) is R while the effort is
  // steady or rising and Δ once it falls; a falling slow component leaves with the primary τ.
  const double slow_target =
      std::min(p.slow_gain * s.vo2max_ml_kg_min * std::max(0.0, std::min(recruit_frac, above_lt)),
               std::max(0.0, s.vo2max_ml_kg_min - demand));
  const double tau = slow_target > slow_ml_kg_min ? p.slow_tau_min : tau_p;
  r.slow_per_min = (slow_target - slow_ml_kg_min) / tau;
  const double share = p.prolonged_share_at_threshold *
                       std::exp(p.prolonged_share_exponent *
                                (std::min(d.work_vo2max_frac, 1.0) - s.lactate_threshold_frac));
  r.prolonged_per_min =
      (share * (demand - units::kRestingVo2MlKgMin) - prolonged_ml_kg_min) / p.prolonged_tau_min;
  return r;
}

}  // namespace brainload
