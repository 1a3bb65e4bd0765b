// Every observable a user can read, by its contract name (PRODUCT.md): one row each, with unit,
// short label, meaning, how it is computed from the model state, and, for chronic observables,
// the span of the trial histograms and the absolute floor of the accuracy contract. Nothing
// else keeps a list of observables: the trace CSV, the summary, the HDF5 output, the accuracy
// contract and (through `brainload describe --json`) the Python plots all read these rows.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "brainload/model/acute_model.hpp"
#include "brainload/model/chronic_state.hpp"

namespace brainload {

enum class ObservableKind { acute, chronic };

struct ObservableInfo {
  std::string_view name;
  std::string_view unit;
  std::string_view meaning;
  std::string_view label;  // short, for an axis or a table row
  ObservableKind kind = ObservableKind::acute;
  // The value: acute ones from the model (its current drive) and state, chronic ones from the
  // chronic state. Exactly the one of the row's kind is set.
  double (*acute_value)(const AcuteModel&, const AcuteState&) = nullptr;
  double (*chronic_value)(const ChronicState&) = nullptr;
  // Chronic only. Span of the trial histograms (quantiles) and of the exact sums of the summary
  // (assumed physiological ranges, wide enough for every scenario shipped).
  double histogram_min = 0.0;
  double histogram_max = 0.0;
  // Chronic only. Absolute error the accuracy contract allows where a relative error means
  // nothing near zero (z-scores, years, counts); population/accuracy.hpp.
  double accuracy_floor = 0.0;
};

inline constexpr std::size_t kAcuteObservableCount = 25;
inline constexpr std::size_t kChronicObservableCount = 16;

[[nodiscard]] std::span<const ObservableInfo, kAcuteObservableCount> acute_observables();
[[nodiscard]] std::span<const ObservableInfo, kChronicObservableCount> chronic_observables();

// Values in the order of acute_observables(), for the model's current drive.
[[nodiscard]] std::array<double, kAcuteObservableCount> acute_values(const AcuteModel& model,
                                                                     const AcuteState& x);
// Position of a chronic observable in chronic_observables(), by name; std::invalid_argument
// for an unknown name. Code that needs one observable looks it up here rather than by a fixed
// index, so that adding an observable moves nothing.
[[nodiscard]] std::size_t chronic_observable_index(std::string_view name);

// Values in the order of chronic_observables().
[[nodiscard]] std::array<double, kChronicObservableCount> chronic_values(const ChronicState& c);

}  // namespace brainload
