#include "cli/parameters.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <system_error>

#include "cli/commands.hpp"

namespace brainload::cli {

namespace {

std::optional<double> parse_number(std::string_view text) {
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

void add_set_option(CLI::App& cmd, std::vector<std::string>& sets) {
  cmd.add_option("--set", sets,
                 "set a model parameter, NAME=VALUE with NAME as `brainload describe` lists it "
                 "(<group>.<field>, e.g. lactate.rest_mmol_l=1.2); repeatable; wins over the "
                 "scenario's [parameters]")
      ->allow_extra_args(false);
}

ParameterOverrides parse_sets(const std::vector<std::string>& sets) {
  ParameterOverrides overrides;
  for (const std::string& set : sets) {
    const std::size_t eq = set.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw UsageError(
          fmt::format("--set '{}': expected NAME=VALUE, e.g. --set lactate.rest_mmol_l=1.2", set));
    }
    const std::string name = set.substr(0, eq);
    const std::string_view text = std::string_view(set).substr(eq + 1);
    if (!find_parameter(ModelParams{}, name)) {
      throw UsageError(fmt::format("--set {}: {}", set, *parameter_problem(name, 0.0)));
    }
    const auto value = parse_number(text);
    if (!value) {
      throw UsageError(
          fmt::format("--set {}: expected a finite number after '=', got '{}'", set, text));
    }
    if (const auto problem = parameter_problem(name, *value)) {
      throw UsageError(fmt::format("--set {}: {}", set, *problem));
    }
    overrides.emplace_back(name, *value);
  }
  return overrides;
}

ChosenParameters choose_parameters(const Scenario& scenario, const std::vector<std::string>& sets) {
  ParameterOverrides overrides;
  for (const ParameterSetting& p : scenario.parameters) overrides.emplace_back(p.name, p.value);
  for (auto& setting : parse_sets(sets)) overrides.push_back(std::move(setting));
  ChosenParameters chosen{with_overrides(ModelParams{}, overrides), {}};
  for (const auto& [name, value] : overrides) chosen.overridden[name] = value;
  return chosen;
}

}  // namespace brainload::cli
