#include "brainload/error.hpp"

#include <fmt/format.h>

namespace brainload {

std::string Diagnostic::format() const {
  std::string location = where.file.empty() ? std::string("<scenario>") : where.file;
  if (where.line > 0) location += fmt::format(":{}:{}", where.line, where.column);
  if (field.empty()) return fmt::format("{}: {}", location, message);
  return fmt::format("{}: {}: {}", location, field, message);
}

namespace {
std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.format();
  }
  return out;
}
}  // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace brainload
