// Helpers shared by the runner's tests (runner_test.cpp, runner_parts_test.cpp).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/schedule/scenario.hpp"

namespace brainload::testing {

// The same bits (NaN payloads and signed zeros included), element by element: the runs must be
// bit-identical, which == on doubles does not say.
template <std::size_t N>
bool same_bits(const std::array<double, N>& a, const std::array<double, N>& b) {
  return std::ranges::equal(a, b, [](double x, double y) {
    return std::bit_cast<std::uint64_t>(x) == std::bit_cast<std::uint64_t>(y);
  });
}

// scenarios/resistance_older_adults.toml cut to `days`, assessed on the first and last day.
inline Scenario resistance_trial_of(int days) {
  Scenario s = load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) +
                                  "/scenarios/resistance_older_adults.toml");
  s.days = days;
  s.assess_days = {0, days};
  return s;
}

}  // namespace brainload::testing
