// Credibility per observable, in the spirit of ASME V&V 40: how far each output of the model is
// backed by held-out evidence. The grade comes from the observable's held-out targets only
// (fitted and derived targets are never evidence), counted after the band rules:
//   A  ≥ 3 held-out targets from measured evidence (data or meta-analysis), and every held-out
//      target of the observable passes;
//   B  at least one held-out measured target passes, and at least half the held-out targets pass;
//   C  held-out targets exist, but fewer than half pass or no measured one passes;
//   untested  no held-out target.
// A target whose band contains the null value (a model without the pathway passes too) and a
// pass for the wrong reason do not count as passes; the first is left out of the grade, the
// second counts as a miss. docs/validation.md gives the rules and the current grades.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "brainload/validation/catalogue.hpp"

namespace brainload::validation {

enum class Grade { a, b, c, untested };

struct Credibility {
  std::string observable;
  bool acute = true;
  Grade grade = Grade::untested;
  int held_out = 0;         // graded held-out targets (null-value bands left out)
  int measured = 0;         // of which data or meta-analysis
  int passed = 0;           // sound passes among the graded held-out targets
  int measured_passed = 0;  // of which data or meta-analysis
  int null_band = 0;        // held-out targets left out: their band contains the null value
  int calibration = 0;      // fitted and derived targets (shown, never evidence)
};

[[nodiscard]] std::string_view grade_name(Grade g);
// True when the band of `t` contains the value a model without the pathway gives.
[[nodiscard]] bool band_contains_null(const Target& t);
// Every acute then chronic observable, graded. passed[i]: target i is inside its band.
[[nodiscard]] std::vector<Credibility> grade_observables(const Catalogue& c,
                                                         const std::vector<bool>& passed);
// The same from the catalogue alone: a target passes unless it lists a known miss (validate
// fails on any unlisted miss, so the catalogue records the last green run).
[[nodiscard]] std::vector<Credibility> grade_observables(const Catalogue& c);
// Grades of the shipped catalogue (validation/catalogue.toml under the working directory, else
// an installed copy beside the executable or the Python module, else the source tree's), by
// observable name; empty when none can be read.
[[nodiscard]] std::map<std::string, std::string> shipped_grades();

}  // namespace brainload::validation
