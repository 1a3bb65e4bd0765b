// The validation report: a plain-text table for the terminal, and the same table with the
// calibration status and full citations as Markdown and as a self-contained HTML page.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "brainload/validation/catalogue.hpp"
#include "brainload/validation/compare.hpp"
#include "brainload/validation/suite.hpp"

namespace brainload::validation {

void print_table(std::ostream& out, const Catalogue& c, const SuiteResult& r);
// `comparison` (validate --compare) adds a section "Compared with an earlier report".
[[nodiscard]] std::string markdown_report(const Catalogue& c, const SuiteResult& r,
                                          const std::string& command,
                                          const Comparison* comparison = nullptr);
[[nodiscard]] std::string html_report(const Catalogue& c, const SuiteResult& r,
                                      const std::string& command);
// report.json: {"targets": [{id, pathway, observable, source, evidence, role, layer ("acute" or
// "chronic", by the graded observable), published: {value, low, high}, simulated, pass,
// known_miss, reason}], "summary": {targets, held_out, held_out_passed, fitted, derived,
// known_misses}, "credibility": {observable: grade}}; low and high are the band's edges (null
// when open), curve targets add "curve". With `comparison` (validate --compare): "comparison":
// {earlier, added, removed (ids), status_changes [{id, role_before, role_after, pass_before,
// pass_after, simulated_before, simulated_after}], common, values_changed,
// largest_relative_change, largest_change_id, held_out [{pathway, before_passed, before_total,
// after_passed, after_total}] then the layers as pathways "acute" and "chronic" and the totals
// as pathway "all"}.
[[nodiscard]] std::string json_report(const Catalogue& c, const SuiteResult& r,
                                      const Comparison* comparison = nullptr);
// Writes report.md, report.html and report.json into `directory` (created if missing); each file
// appears only when complete. Throws OutputError if the directory cannot be created or written.
void write_reports(const std::filesystem::path& directory, const Catalogue& c, const SuiteResult& r,
                   const std::string& command, const Comparison* comparison = nullptr);

// Number formatting shared by the three outputs: 3 significant digits, no exponent for
// ordinary magnitudes.
[[nodiscard]] std::string format_number(double v);

}  // namespace brainload::validation
