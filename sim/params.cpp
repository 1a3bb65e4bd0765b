// Finding and setting model parameters by their full name, all through visit_parameters: the
// visitor is the one table of names, units and ranges.
#include "brainload/params.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>

#include "brainload/suggest.hpp"

namespace brainload {

std::string ParameterInfo::full_name() const { return fmt::format("{}.{}", group, name); }

std::vector<ParameterInfo> parameter_list(const ModelParams& params) {
  std::vector<ParameterInfo> list;
  visit_parameters(params,
                   [&list](std::string_view group, std::string_view name, const double& value,
                           std::string_view unit, ValidRange range, std::string_view source) {
                     list.push_back({group, name, value, unit, range, source});
                   });
  return list;
}

namespace {

bool names_match(std::string_view group, std::string_view name, std::string_view full_name) {
  return full_name.size() == group.size() + 1 + name.size() && full_name.starts_with(group) &&
         full_name[group.size()] == '.' && full_name.ends_with(name);
}

}  // namespace

std::optional<ParameterInfo> find_parameter(const ModelParams& params, std::string_view full_name) {
  for (const ParameterInfo& p : parameter_list(params)) {
    if (names_match(p.group, p.name, full_name)) return p;
  }
  return std::nullopt;
}

std::string parameter_suggestion(std::string_view full_name) {
  // The nearest full name, the first of equals in visiting order; a bare field name
  // ("rest_mmol_l") or one under the wrong group ("blood.rest_mmol_l") is matched on the field
  // alone.
  const std::size_t dot = full_name.rfind('.');
  const std::string_view field =
      dot == std::string_view::npos ? full_name : full_name.substr(dot + 1);
  std::size_t best = std::numeric_limits<std::size_t>::max();
  std::string best_name;
  for (const ParameterInfo& p : parameter_list()) {
    const std::string name = p.full_name();
    // A field given without its unit suffix ("passive_clearance") counts as one edit away.
    const bool prefix = field.size() >= 4 && p.name.starts_with(field);
    const std::size_t d =
        prefix ? 1 : std::min(edit_distance(full_name, name), edit_distance(field, p.name));
    if (d < best) {
      best = d;
      best_name = name;
    }
  }
  // A third of the field's letters may be wrong, at least two.
  const std::size_t allowed = std::max<std::size_t>(2, field.size() / 3);
  if (best_name.empty() || best > allowed || full_name.size() <= 2) return "";
  return fmt::format(" did you mean '{}'?", best_name);
}

std::optional<std::string> parameter_problem(std::string_view full_name, double value) {
  const auto p = find_parameter(ModelParams{}, full_name);
  if (!p) {
    return fmt::format(
        "unknown parameter '{}';{} `brainload describe` lists every parameter as "
        "<group>.<field>",
        full_name, parameter_suggestion(full_name));
  }
  if (!std::isfinite(value) || !p->range.contains(value)) {
    return fmt::format("parameter '{}' = {} is outside its valid range [{}, {}]{}", full_name,
                       value, p->range.min, p->range.max,
                       p->unit == "1" ? std::string() : fmt::format(" {}", p->unit));
  }
  return std::nullopt;
}

void apply_parameter(ModelParams& params, std::string_view full_name, double value) {
  if (const auto problem = parameter_problem(full_name, value)) throw ParameterError(*problem);
  visit_parameters(params, [&](std::string_view group, std::string_view name, double& field,
                               std::string_view, ValidRange, std::string_view) {
    if (names_match(group, name, full_name)) field = value;
  });
}

ModelParams with_overrides(ModelParams base, const ParameterOverrides& overrides) {
  for (const auto& [name, value] : overrides) apply_parameter(base, name, value);
  return base;
}

}  // namespace brainload
