// A scenario shipped in scenarios/, by its file stem, for tests that run the examples users see.
// One definition shared by the tests (they also share translation units in a unity build).
#pragma once

#include <string>

#include "brainload/io/scenario_toml.hpp"

namespace brainload {

inline Scenario shipped(const std::string& name) {
  return load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/" + name + ".toml");
}

}  // namespace brainload
