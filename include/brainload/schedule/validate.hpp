// Whole-scenario checks that need the schedule: protocols that exist, sessions that do not
// overlap, sessions and events inside the simulated span, assessment days inside it.
#pragma once

#include <vector>

#include "brainload/error.hpp"
#include "brainload/schedule/scenario.hpp"

namespace brainload {

[[nodiscard]] std::vector<Diagnostic> validate_scenario(const Scenario& scenario);
// Throws ScenarioError if validate_scenario finds anything.
void require_valid(const Scenario& scenario);

}  // namespace brainload
