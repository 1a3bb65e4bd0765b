// Built-in session protocols, each with the publication it follows.
#pragma once

#include <span>
#include <string_view>

#include "brainload/schedule/scenario.hpp"

namespace brainload {

[[nodiscard]] std::span<const Protocol> builtin_protocols();
// nullptr when no built-in protocol has that name.
[[nodiscard]] const Protocol* find_builtin_protocol(std::string_view name);
// A user protocol of the scenario if it has one of that name, else a built-in; nullptr if none.
[[nodiscard]] const Protocol* find_protocol(const Scenario& scenario, std::string_view name);

// Wall-clock length of a protocol in minutes: the sum of its blocks, where an interval block
// lasts repeat × work + (repeat − 1) × rest, a resistance block sets × reps × kSecondsPerRep +
// (sets − 1) × rest, an impact block sets × jumps × seconds_per_jump + (sets − 1) × rest.
[[nodiscard]] double protocol_duration_min(const Protocol& protocol);

}  // namespace brainload
