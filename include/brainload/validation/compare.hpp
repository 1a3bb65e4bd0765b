// `brainload validate --compare EARLIER/report.json`: this run against an earlier report, target by
// target. Model work is judged by what a change does to the catalogue: which held-out targets
// start or stop passing, per pathway (issue 14 asks for the held-out pass rate per pathway before
// and after), which targets were added or removed, and by how much every other value moved. Each
// session used to rebuild this with a script over two report.json files; here it is one option.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "brainload/validation/catalogue.hpp"
#include "brainload/validation/suite.hpp"

namespace brainload::validation {

// What a comparison needs of one target, as report.json carries it.
struct TargetRecord {
  std::string id;
  std::string pathway;
  std::string role;   // "fitted", "held_out", "derived"
  std::string layer;  // "acute" or "chronic" (empty in reports from before the field)
  bool pass = false;
  bool wrong_reason = false;  // a pass for the wrong reason: not evidence
  double simulated = 0.0;     // NaN when the report has null (no value)
  // A sound held-out pass: what the summary line's "held out: N passed" counts.
  [[nodiscard]] bool held_out_pass() const { return role == "held_out" && pass && !wrong_reason; }
};

// The targets of a report.json written by `brainload validate`. Throws MissingInputError when the
// file cannot be read, ScenarioError (file:line:column, or the field) when it is not such a report.
[[nodiscard]] std::vector<TargetRecord> read_report_targets(const std::filesystem::path& file);

// An earlier report.json as `validate --compare` reads it: its targets (read_report_targets) and
// the parameter overrides it ran with (`validate --set`; empty for the shipped model and for
// reports from before the field). The same errors as read_report_targets, and
// "parameter_overrides: not an object of numbers" for a malformed field.
struct EarlierReport {
  std::vector<TargetRecord> targets;
  std::vector<std::pair<std::string, double>> parameter_overrides;
};
[[nodiscard]] EarlierReport read_report(const std::filesystem::path& file);

// "acute" when the observable a target grades is an acute observable (observables.hpp), else
// "chronic": the split docs/validation.md counts held-out passes by (issues 14 and 15).
[[nodiscard]] std::string target_layer(const Target& t);

// The same records for this run.
[[nodiscard]] std::vector<TargetRecord> target_records(const Catalogue& c, const SuiteResult& r);

struct PathwayHeldOut {
  std::string pathway;
  int before_passed = 0;
  int before_total = 0;
  int after_passed = 0;
  int after_total = 0;
};

struct StatusChange {
  std::string id;
  std::string role_before;
  std::string role_after;
  bool pass_before = false;
  bool pass_after = false;
  bool wrong_reason_before = false;
  bool wrong_reason_after = false;
  double before = 0.0;
  double after = 0.0;
};

struct Comparison {
  std::string earlier;  // the earlier report's path, as given
  std::vector<TargetRecord> added;
  std::vector<TargetRecord> removed;
  // Common targets whose pass/miss, wrong-reason flag or role changed.
  std::vector<StatusChange> status_changes;
  int common = 0;                        // targets in both reports
  int values_changed = 0;                // common targets whose simulated value differs at all
  double largest_relative_change = 0.0;  // |a − b| / max(|a|, |b|) over the common targets
  std::string largest_change_id;
  double largest_before = 0.0;
  double largest_after = 0.0;
  std::vector<PathwayHeldOut> held_out;  // every pathway with a held-out target in either, sorted
  PathwayHeldOut acute;                  // pathway "acute": targets of acute observables
  PathwayHeldOut chronic;                // pathway "chronic": targets of chronic observables
  PathwayHeldOut all;                    // pathway "all": the totals
  // The parameter overrides of each run (`validate --set`), set by the caller: the comparison
  // names them when either is not empty, so a variant is not read as the shipped model.
  std::vector<std::pair<std::string, double>> overrides_before;
  std::vector<std::pair<std::string, double>> overrides_after;
};

[[nodiscard]] Comparison compare_reports(const std::vector<TargetRecord>& before,
                                         const std::vector<TargetRecord>& after,
                                         const std::string& earlier);

// Plain text for the terminal: one headline, the held-out passes per pathway and for the acute
// and chronic layers (before → now, the ones that changed marked *), the added, removed and
// changed targets, the largest change. An earlier target without a layer takes that of the same
// id now; one removed since is counted in "all" only.
[[nodiscard]] std::string comparison_text(const Comparison& c);
// The same as a Markdown section (for report.md).
[[nodiscard]] std::string comparison_markdown(const Comparison& c);

}  // namespace brainload::validation
