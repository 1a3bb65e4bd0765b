// "Did you mean …?" for a mistyped name: the scenario and catalogue readers (unknown keys) and
// parameter overrides (unknown parameter names) share it.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace brainload {

// Levenshtein distance (insertions, deletions, substitutions of bytes).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// " did you mean 'days'?" for the first candidate within `max_distance` edits of `key` (keys of
// two characters or fewer get no suggestion), else "".
[[nodiscard]] std::string suggestion(std::string_view key,
                                     std::span<const std::string_view> allowed,
                                     std::size_t max_distance = 2);

}  // namespace brainload
