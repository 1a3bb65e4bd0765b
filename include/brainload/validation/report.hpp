// The validation report: a plain-text table for the terminal, and the same table with the
// calibration status and full citations as Markdown and as a self-contained HTML page.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "brainload/validation/catalogue.hpp"
#include "brainload/validation/suite.hpp"

namespace brainload::validation {

void print_table(std::ostream& out, const Catalogue& c, const SuiteResult& r);
[[nodiscard]] std::string markdown_report(const Catalogue& c, const SuiteResult& r,
                                          const std::string& command);
[[nodiscard]] std::string html_report(const Catalogue& c, const SuiteResult& r,
                                      const std::string& command);
// Writes report.md and report.html into `directory` (created if missing); each file appears only
// when complete. Throws OutputError if the directory cannot be created or written.
void write_reports(const std::filesystem::path& directory, const Catalogue& c, const SuiteResult& r,
                   const std::string& command);

// Number formatting shared by the three outputs: 3 significant digits, no exponent for
// ordinary magnitudes.
[[nodiscard]] std::string format_number(double v);

}  // namespace brainload::validation
