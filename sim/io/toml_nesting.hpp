// A bound on how deeply a TOML text nests tables and arrays, found before toml++ parses it.
//
// toml++ 3.3 caps nested array and inline-table *values* at 256 (TOML_MAX_NESTED_VALUES) but
// not tables made by dotted keys or table headers: `[a.a.a.…]` or `a.a.a.… = 1` with 50 000
// parts (a 100 kB line) builds tables that deep, and the parser's recursive
// update_region_ends() then overflows the stack (SIGSEGV, exit 139, instead of exit 65).
// Found by fuzz/scenario_fuzz; regression tests in tests/io/fuzz_regressions_test.cpp.
//
// The scan follows just enough of the TOML grammar to tell keys from values: strings
// (all four kinds) and comments are skipped, dots are counted in table headers and in keys,
// and `[` `{` in values open one more level. Depth of a node = 1 + its parent's, the root
// table being 0. The count never falls below what toml++ would build before its first syntax
// error; it may count more on text toml++ rejects anyway.
#pragma once

#include <optional>
#include <string_view>

namespace brainload::detail {

// Where the text first goes deeper than max_depth (1-based line; column in bytes).
struct DeepNesting {
  int line = 0;
  int column = 0;
};

[[nodiscard]] std::optional<DeepNesting> find_deep_nesting(std::string_view text, int max_depth);

}  // namespace brainload::detail
