// One individual's saved life (simulation.hpp LifeState) as a JSON file: `trace --save-state
// FILE --to DAY` writes it, `trace --load-state FILE` continues from it. The file records what
// the state belongs to (model version, scenario name and a hash of its text, arm, parameters set
// away from their defaults); reading it for anything else is refused with a message saying
// what differs. Doubles are written with 17 significant digits, so they read back exactly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include "brainload/io/fingerprint.hpp"  // text_fingerprint, used with StateProvenance
#include "brainload/simulation.hpp"

namespace brainload {

// An input file whose content cannot be used (exit code 65): a saved state that is not one, or
// belongs to another scenario, arm, parameter set or model version.
class InputDataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct StateProvenance {
  std::string model_version;
  std::string scenario;
  std::uint64_t scenario_hash = 0;  // FNV-1a of the scenario file's text
  std::string arm;
  std::map<std::string, double> parameters;  // overridden, full name → value
};

// Written complete or not at all (AtomicFile); OutputError / OutputIoError as for other outputs.
void write_life_state(const std::filesystem::path& path, const LifeState& state,
                      const StateProvenance& provenance);

// MissingInputError (66) when it cannot be read; InputDataError (65) when it is not a saved state
// or does not match `expected`.
[[nodiscard]] LifeState read_life_state(const std::filesystem::path& path,
                                        const StateProvenance& expected);

}  // namespace brainload
