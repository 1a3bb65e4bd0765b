// The accuracy contract of the population runner (issue 5): every chronic outcome within 1e-3
// relative of a tight-tolerance continuous integration of the same model, or within an
// absolute floor where a relative error means nothing near zero (z-scores, years, counts): each
// observable's accuracy_floor in observables.hpp.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>

#include "brainload/observables.hpp"

namespace brainload {

inline constexpr double kContractRelative = 1e-3;

// Error of `value` against `reference` as a fraction of what the contract allows (≤ 1: kept).
inline double contract_ratio(std::size_t observable, double value, double reference) {
  const double allowed = std::max(chronic_observables()[observable].accuracy_floor,
                                  kContractRelative * std::abs(reference));
  const double error = std::abs(value - reference);
  return allowed > 0.0 ? error / allowed : (error == 0.0 ? 0.0 : INFINITY);
}

}  // namespace brainload
