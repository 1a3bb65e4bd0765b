// Reading a scenario from TOML (the format in README "Scenario files").
#pragma once

#include <string>
#include <string_view>

#include "brainload/error.hpp"
#include "brainload/schedule/scenario.hpp"

namespace brainload {

// Parses and checks the file's own content (syntax, known keys, types, ranges, names of
// protocols/exercises/impact kinds, clock strings). Cross-checks that need the whole schedule
// (overlaps, span) are in validate_scenario. Throws MissingInputError if the file cannot be
// read, ScenarioError (with every problem found, each with file:line:column and field).
[[nodiscard]] Scenario load_scenario_file(const std::string& path);
[[nodiscard]] Scenario parse_scenario(std::string_view text, std::string_view file_name);

}  // namespace brainload
