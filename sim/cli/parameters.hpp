// Model parameters of a `run`, `trace` or `validate`: the defaults, then the scenario's
// [parameters], then each --set NAME=VALUE on the command line (which wins).
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <string>
#include <vector>

#include "brainload/params.hpp"
#include "brainload/schedule/scenario.hpp"

namespace brainload::cli {

// --set NAME=VALUE, repeatable, into `sets` as typed.
void add_set_option(CLI::App& cmd, std::vector<std::string>& sets);

struct ChosenParameters {
  ModelParams params;
  std::map<std::string, double> overridden;  // full name → value, for the outputs' records
};

// The --set values as (full name, value) pairs in command-line order. UsageError (exit 2) for a
// --set that is not NAME=VALUE, names no parameter (with a "did you mean") or is out of its valid
// range.
[[nodiscard]] ParameterOverrides parse_sets(const std::vector<std::string>& sets);

// UsageError (exit 2) for a --set that is not NAME=VALUE, names no parameter (with a "did you
// mean") or is out of its valid range; the scenario's entries were checked when it was read.
[[nodiscard]] ChosenParameters choose_parameters(const Scenario& scenario,
                                                 const std::vector<std::string>& sets);

}  // namespace brainload::cli
