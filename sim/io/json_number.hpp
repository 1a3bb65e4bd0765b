// A finite double as a JSON number, anything else as null: JSON has no NaN or infinity. Shared by
// the run files and the life state (one definition, so the files can also share a unity build).
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>

namespace brainload {

inline nlohmann::json json_number_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json();
}

}  // namespace brainload
