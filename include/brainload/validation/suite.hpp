// Running the catalogue: every distinct simulation a target needs (one trace per scenario and
// arm, one population run per scenario, agent count and seed) is run once, in parallel, and each
// target is read from it. Results are stored by target index, so the report's order and numbers
// do not depend on the thread count.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "brainload/error.hpp"
#include "brainload/validation/catalogue.hpp"

namespace brainload::validation {

enum class Status { pass, fail, known_miss, error };

struct TargetResult {
  double simulated = 0.0;  // NaN when the reader failed
  Status status = Status::error;
  bool known_miss_now_passes = false;  // listed as a known miss but inside tolerance
  std::string message;                 // reader error, or nothing
  std::vector<double> curve;           // curve_nrmse: the simulated value at each curve point
  // Population targets when SuiteOptions::seeds > 1: the value at seeds seed, seed + 1, …,
  // seed + seeds − 1 (the first is `simulated`; NaN where a replicate failed). Empty otherwise.
  std::vector<double> replicates;
};

// True when the simulated value is inside the band (false for NaN).
[[nodiscard]] bool within_tolerance(const Target& t, double simulated);
// Signed error: (simulated − published) / |published|, or simulated − published when published is
// 0.
[[nodiscard]] double relative_error(const Target& t, double simulated);

struct SuiteOptions {
  int threads = 0;                              // 0: all cores
  std::function<void(const std::string&)> log;  // progress lines (may be empty)
  // Seed replicates of every population target (≥ 1): with n > 1 each population run is
  // repeated at the target's seed + 1 … seed + n − 1, so that the report can say which passes and
  // misses hold whatever the seed (the catalogue's seed alone decides pass and miss).
  int seeds = 1;
  // Model parameters set for every target (`validate --set`), as (full name, value) pairs applied
  // after each scenario's own [parameters], so they win, as `run --set` and `trace --set` do.
  // Empty: the model as shipped. Validated by the caller (cli/parameters.hpp, parse_sets).
  std::vector<std::pair<std::string, double>> parameter_overrides;
};

// How many replicate values fall inside the target's band (NaN counts as outside).
[[nodiscard]] int replicates_inside(const Target& t, const std::vector<double>& values);
// A target whose replicates disagree about pass or miss: some inside the band, some outside.
[[nodiscard]] bool seed_dependent(const Target& t, const TargetResult& r);

// Targets and sound passes (inside the band, not for a wrong reason) of one evidence kind.
struct KindCount {
  int targets = 0;
  int passed = 0;
  int held_out = 0;
  int held_out_passed = 0;
};

struct SuiteSummary {
  int targets = 0;
  int held_out = 0;
  int held_out_passed = 0;  // sound passes of held-out targets: the evidence
  int fitted = 0;
  int derived = 0;
  int passed = 0;        // sound passes of every role
  int wrong_reason = 0;  // inside the band, but for the reason the target's wrong_reason gives
  int failed = 0;        // includes reader errors
  int known_misses = 0;
  std::array<KindCount, 4> by_kind{};  // indexed by Evidence
};

struct SuiteResult {
  std::vector<TargetResult> results;  // same order as the catalogue's targets
  SuiteSummary summary;
  double seconds = 0.0;
  // SuiteOptions::parameter_overrides as run, for the reports: a result under overrides is not
  // the shipped model's, and every report says so.
  std::vector<std::pair<std::string, double>> parameter_overrides;
};

[[nodiscard]] SuiteResult run_suite(const Catalogue& catalogue, const SuiteOptions& options = {});
[[nodiscard]] SuiteSummary summarize_results(const Catalogue& catalogue,
                                             const std::vector<TargetResult>& results);
// "validation: N targets (M held out: K passed), F fitted, D derived, P passed in all[, W passed
// for the wrong reason], X failed, Y known misses"
[[nodiscard]] std::string summary_line(const SuiteSummary& s);
[[nodiscard]] std::string_view status_name(Status s);
// "seed robustness (N seeds): P population targets, S keep their status in every seed; H of K
// held-out passes hold in every seed" (empty when no target has replicates).
[[nodiscard]] std::string robustness_line(const Catalogue& catalogue, const SuiteResult& result);
// Parameter overrides as "name=value, name=value" in their order ("" for none), as the terminal,
// the reports and the comparison print them.
[[nodiscard]] std::string overrides_text(
    const std::vector<std::pair<std::string, double>>& overrides);

// What can be checked of the targets without simulating them (`validate --check`): every
// scenario a target names is loaded and validated (a bad scenario throws its own ScenarioError),
// and its arms, vs_arm, pooled arms and assessment days are looked up. One diagnostic per problem,
// at the target's line.
struct ScenarioCheck {
  std::vector<Diagnostic> problems;
  std::size_t scenarios = 0;  // distinct scenario files loaded
};
[[nodiscard]] ScenarioCheck check_scenarios(const Catalogue& catalogue);

}  // namespace brainload::validation
