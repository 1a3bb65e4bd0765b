// Every observable a user can read, by its contract name (PRODUCT.md), with unit and meaning,
// and how each is computed from the model state.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "brainload/model/acute_model.hpp"
#include "brainload/model/chronic_state.hpp"

namespace brainload {

struct ObservableInfo {
  std::string_view name;
  std::string_view unit;
  std::string_view meaning;
};

inline constexpr std::size_t kAcuteObservableCount = 19;
inline constexpr std::size_t kChronicObservableCount = 14;

[[nodiscard]] std::span<const ObservableInfo, kAcuteObservableCount> acute_observables();
[[nodiscard]] std::span<const ObservableInfo, kChronicObservableCount> chronic_observables();

// Values in the order of acute_observables(), for the model's current drive.
[[nodiscard]] std::array<double, kAcuteObservableCount> acute_values(const AcuteModel& model,
                                                                     const AcuteState& x);
// Values in the order of chronic_observables().
[[nodiscard]] std::array<double, kChronicObservableCount> chronic_values(const ChronicState& c);

}  // namespace brainload
