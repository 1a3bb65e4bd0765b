// The accuracy contract of the population runner (issue 5): every chronic outcome within 1e-3
// relative of a tight-tolerance continuous integration of the same model, or within an
// absolute floor where a relative error means nothing near zero (z-scores, years, counts).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>

#include "brainload/observables.hpp"

namespace brainload {

inline constexpr double kContractRelative = 1e-3;
inline constexpr std::array<double, kChronicObservableCount> kContractAbsoluteFloor{
    1e-3,  // vo2max_ml_kg_min
    1e-4,  // strength_1rm_rel
    1e-3,  // bdnf_resting_ng_ml
    1e-5,  // hippocampal_volume_rel
    1e-5,  // prefrontal_connectivity_rel
    1e-3,  // brain_age_gap_years
    1e-3,  // cognition_composite_z
    1e-3,  // executive_function_z
    1e-3,  // working_memory_z
    1e-3,  // depression_z
    1e-4,  // il6_resting_pg_ml
    1e-5,  // bbb_integrity
    1e-3,  // fatigue
    0.0,   // sessions_done (exact)
};

// Error of `value` against `reference` as a fraction of what the contract allows (≤ 1: kept).
inline double contract_ratio(std::size_t observable, double value, double reference) {
  const double allowed =
      std::max(kContractAbsoluteFloor[observable], kContractRelative * std::abs(reference));
  const double error = std::abs(value - reference);
  return allowed > 0.0 ? error / allowed : (error == 0.0 ? 0.0 : INFINITY);
}

}  // namespace brainload
