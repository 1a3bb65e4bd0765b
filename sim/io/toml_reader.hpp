// The TOML reading both the scenario parser (io/scenario_toml.cpp) and the validation catalogue
// parser (validation/catalogue.cpp) use: parsing with the nesting-depth guard (toml_nesting.hpp),
// diagnostics with file:line:column and the field path, typed getters whose messages say what is
// expected and what was found, and the unknown-key check with "did you mean" suggestions.
// Internal to the brainload library (sim/), not a public header.
#pragma once

#include <fmt/format.h>

// toml++ 3.3 asserts (aborts) on some malformed input where it should throw parse_error:
// "[[[arm]]" (marzer/tomlplusplus#301), "x = [ }". The shared library linked in the CMake build
// is compiled without assertions and throws; a header-only build (no TOML_HEADER_ONLY=0) is
// made to behave the same, so bad input never aborts the program.
#if !defined(TOML_HEADER_ONLY) || TOML_HEADER_ONLY
#define TOML_ASSERT(expr) static_assert(true)
#endif
#include <toml++/toml.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brainload/error.hpp"

namespace brainload::detail {

using Keys = std::span<const std::string_view>;

enum class Need { optional, required };

// Parses `text` after checking it nests no deeper than `max_depth` (toml_nesting.hpp); a syntax
// error or too deep a nesting is a ScenarioError with its file:line:column.
[[nodiscard]] toml::table parse_toml(std::string_view text, std::string_view file_name,
                                     int max_depth = 256);

// ---------------------------------------------------------------------------------------------
// Text

[[nodiscard]] std::string join(Keys names);
// Control characters escaped, so a message never carries raw bytes from the file.
[[nodiscard]] std::string printable(std::string_view text, std::size_t max_chars = 60);
[[nodiscard]] std::string number_text(double x);
// How a value is shown after "got".
[[nodiscard]] std::string shown(const toml::node& node);

// ---------------------------------------------------------------------------------------------
// Diagnostics and field paths

class Context {
 public:
  explicit Context(std::string_view file) : file_(file) {}

  [[nodiscard]] SourceLocation at(const toml::source_region& region) const {
    return {file_, std::max(1, static_cast<int>(region.begin.line)),
            std::max(1, static_cast<int>(region.begin.column))};
  }
  [[nodiscard]] SourceLocation at(const toml::node& node) const { return at(node.source()); }

  void error(SourceLocation where, std::string field, std::string message) {
    diagnostics_.push_back({std::move(where), std::move(field), std::move(message)});
  }
  void error(const toml::node& node, std::string field, std::string message) {
    error(at(node), std::move(field), std::move(message));
  }
  [[nodiscard]] bool ok() const { return diagnostics_.empty(); }

  // In the order they appear in the file.
  [[nodiscard]] std::vector<Diagnostic> take_sorted() {
    std::ranges::stable_sort(diagnostics_, [](const Diagnostic& a, const Diagnostic& b) {
      return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return std::move(diagnostics_);
  }

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

[[nodiscard]] std::string item_path(std::string_view path, std::size_t index);

// A TOML table being read and its field path ("protocol.my_hiit.blocks[0]").
struct TableRef {
  const toml::table& table;
  std::string path;

  [[nodiscard]] std::string field(std::string_view key) const {
    return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
  }
  [[nodiscard]] const toml::node* get(std::string_view key) const { return table.get(key); }
  [[nodiscard]] bool has(std::string_view key) const { return table.contains(key); }
};

// Reports every key of `t` not in `allowed`, with a "did you mean" for a near miss.
void check_keys(Context& ctx, const TableRef& t, Keys allowed);

// The value of a key, or nullptr; reports a required key that is missing (at its table).
[[nodiscard]] const toml::node* lookup(Context& ctx, const TableRef& t, std::string_view key,
                                       Need need, std::string_view expected);

// ---------------------------------------------------------------------------------------------
// Typed values: nullopt (and a diagnostic) when the value is not what is expected.

struct IntRange {
  std::int64_t min;
  std::int64_t max;
  std::string note = {};  // why the bounds are what they are, e.g. " (the scenario's days)"

  [[nodiscard]] std::string expected() const {
    return fmt::format("an integer from {} to {}{}", min, max, note);
  }
};

// Bounds of a real number; open bounds exclude the value itself.
struct NumRange {
  double min;
  bool min_open;
  double max;
  bool max_open;

  [[nodiscard]] std::string expected() const {
    if (!min_open && !max_open) return fmt::format("a number from {} to {}", min, max);
    return fmt::format("a number {} {} and {} {}", min_open ? ">" : "≥", min, max_open ? "<" : "≤",
                       max);
  }
  [[nodiscard]] bool contains(double x) const {
    return (min_open ? x > min : x >= min) && (max_open ? x < max : x <= max);
  }
};

constexpr NumRange above_zero_to(double max) { return {0.0, true, max, false}; }
constexpr NumRange from_zero_to(double max) { return {0.0, false, max, false}; }
[[nodiscard]] bool is_nonfinite_float(const toml::node& node);
[[nodiscard]] std::optional<std::int64_t> int_value(Context& ctx, const toml::node& node,
                                                    const std::string& field,
                                                    const IntRange& range);
[[nodiscard]] std::optional<double> number_value(Context& ctx, const toml::node& node,
                                                 const std::string& field, const NumRange& range);
[[nodiscard]] std::optional<std::string> string_value(Context& ctx, const toml::node& node,
                                                      const std::string& field,
                                                      std::string_view expected);
// Index of the string in `choices`.
[[nodiscard]] std::optional<std::size_t> choice_value(Context& ctx, const toml::node& node,
                                                      const std::string& field, Keys choices);

// The same, looked up by key: nullopt when absent (reported if required) or invalid.
[[nodiscard]] std::optional<std::int64_t> read_int(Context& ctx, const TableRef& t,
                                                   std::string_view key, Need need,
                                                   const IntRange& range);
[[nodiscard]] std::optional<double> read_number(Context& ctx, const TableRef& t,
                                                std::string_view key, Need need,
                                                const NumRange& range);
[[nodiscard]] std::optional<std::string> read_string(Context& ctx, const TableRef& t,
                                                     std::string_view key, Need need);
[[nodiscard]] std::optional<std::size_t> read_choice(Context& ctx, const TableRef& t,
                                                     std::string_view key, Need need, Keys choices);
// Optional only: nullopt when absent.
[[nodiscard]] std::optional<bool> read_bool(Context& ctx, const TableRef& t, std::string_view key);

// Calls read_item(TableRef) for each inline table in the array under `key`.
template <typename ReadItem>
void for_each_table(Context& ctx, const TableRef& t, std::string_view key, std::string_view example,
                    ReadItem&& read_item) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return;
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    ctx.error(*node, t.field(key),
              fmt::format("expected an array of inline tables like [ {} ], got {}", example,
                          shown(*node)));
    return;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = (*array)[i];
    const std::string path = item_path(t.field(key), i);
    if (const toml::table* table = item.as_table()) {
      read_item(TableRef{*table, path});
    } else {
      ctx.error(item, path,
                fmt::format("expected an inline table like {}, got {}", example, shown(item)));
    }
  }
}

}  // namespace brainload::detail
