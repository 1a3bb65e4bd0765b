#include "brainload/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace brainload {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string suggestion(std::string_view key, std::span<const std::string_view> allowed,
                       std::size_t max_distance) {
  if (key.size() <= 2) return "";
  for (const std::string_view name : allowed) {
    if (edit_distance(key, name) <= max_distance) return fmt::format(" did you mean '{}'?", name);
  }
  return "";
}

}  // namespace brainload
