// Errors that carry what a user needs to fix their input: where, which field, what is expected.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "brainload/schedule/scenario.hpp"

namespace brainload {

// One problem in a scenario. `field` is the dotted path a user would recognise
// ("arm[1].sessions[0].protocol"); `message` says what is wrong and what is expected.
struct Diagnostic {
  SourceLocation where;
  std::string field;
  std::string message;
  // "file:line:column: field: message" (line and column omitted when unknown).
  [[nodiscard]] std::string format() const;
};

// A scenario that cannot be run. Carries every diagnostic found, not just the first.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// An input file that does not exist or cannot be read (exit code 66).
class MissingInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An output that cannot be created (exit code 73).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An output that was created but could not be written, flushed, closed or renamed into place
// (a full disk, an I/O error): exit code 74 (sysexits EX_IOERR). The message names the file
// and the cause.
class OutputIoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace brainload
