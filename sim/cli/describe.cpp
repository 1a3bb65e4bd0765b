#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brainload/model/exercise.hpp"
#include "brainload/model/subject_norms.hpp"
#include "brainload/observables.hpp"
#include "brainload/params.hpp"
#include "brainload/schedule/protocols.hpp"
#include "brainload/validation/credibility.hpp"
#include "cli/commands.hpp"
#include "cli/jobs.hpp"

namespace brainload::cli {

namespace {

// Display width of UTF-8 text (the sources use Greek letters and symbols, all one column wide).
std::size_t display_width(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

// Greedy word wrap to `width` columns (a word longer than that gets a line of its own).
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
    if (word.empty()) continue;
    const std::size_t w = display_width(word);
    if (!line.empty() && line_width + 1 + w > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += w;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

// Terminal columns when stdout is a terminal; 0 (do not wrap: one line per parameter, for grep
// and pipes) otherwise.
std::size_t terminal_columns() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) == 0 || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0) return 0;
  return ws.ws_col;
}

std::string range_text(ValidRange range) {
  return fmt::format("[{:g}, {:g}]", range.min, range.max);
}

void print_parameters(const std::vector<ParameterInfo>& rows) {
  std::size_t name_w = 0;
  std::size_t unit_w = 0;
  std::size_t range_w = 0;
  for (const auto& r : rows) {
    name_w = std::max(name_w, display_width(r.name));
    unit_w = std::max(unit_w, display_width(r.unit));
    range_w = std::max(range_w, display_width(range_text(r.range)));
  }
  constexpr std::size_t kValueWidth = 9;
  constexpr std::size_t kMinSourceWidth = 30;
  const std::size_t indent = 4 + name_w + 2 + kValueWidth + 2 + unit_w + 2 + range_w + 2;
  const std::size_t columns = terminal_columns();
  const std::size_t source_w = columns == 0
                                   ? std::string_view::npos
                                   : std::max(kMinSourceWidth, columns - std::min(columns, indent));
  fmt::print(
      "\nParameters ({}; <group>.<name>, default value, unit, valid range, source; set one with "
      "--set <group>.<name>=VALUE or a [parameters] table)\n",
      rows.size());
  std::string_view group;
  for (const auto& r : rows) {
    if (r.group != group) {
      group = r.group;
      fmt::print("  {}\n", group);
    }
    const std::vector<std::string> source = wrap(r.source, source_w);
    fmt::print("    {:<{}}  {:>{}}  {:<{}}  {:<{}}  {}\n", r.name, name_w,
               fmt::format("{:g}", r.value), kValueWidth, r.unit, unit_w, range_text(r.range),
               range_w, source.front());
    for (std::size_t k = 1; k < source.size(); ++k) {
      fmt::print("{:<{}}{}\n", "", indent, source[k]);
    }
  }
}

// Credibility grade of an observable from the validation catalogue (docs/validation.md).
std::string grade_of(const std::map<std::string, std::string>& grades, std::string_view name) {
  const auto it = grades.find(std::string(name));
  return it == grades.end() ? std::string("unknown") : it->second;
}

}  // namespace

nlohmann::json describe_json() {
  nlohmann::json j;
  const auto grades = validation::shipped_grades();
  auto list = [&grades](auto infos) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& o : infos) {
      a.push_back({{"name", o.name},
                   {"unit", o.unit},
                   {"meaning", o.meaning},
                   {"long_name", o.meaning},
                   {"label", o.label},
                   {"kind", o.kind == ObservableKind::acute ? "acute" : "chronic"},
                   {"credibility", grade_of(grades, o.name)}});
    }
    return a;
  };
  j["observables"] = {{"acute", list(acute_observables())},
                      {"chronic", list(chronic_observables())}};
  nlohmann::json protocols = nlohmann::json::array();
  for (const auto& p : builtin_protocols()) {
    protocols.push_back({{"name", p.name},
                         {"description", p.description},
                         {"minutes", protocol_duration_min(p)},
                         {"source", p.source}});
  }
  j["protocols"] = protocols;
  nlohmann::json exercises = nlohmann::json::array();
  for (const auto& e : exercise_catalogue()) {
    exercises.push_back({{"name", e.name},
                         {"muscle_mass_frac", e.muscle_mass_frac},
                         {"compound", e.compound},
                         {"axial_load_bw", e.axial_load_bw},
                         {"lower_body_frac", e.lower_body_frac},
                         {"note", e.note}});
  }
  j["exercises"] = exercises;
  nlohmann::json impacts = nlohmann::json::array();
  for (const auto& i : impact_catalogue()) {
    impacts.push_back({{"name", i.name},
                       {"peak_force_bw", i.peak_force_bw},
                       {"seconds_per_jump", i.seconds_per_jump},
                       {"vo2max_frac", i.vo2max_frac},
                       {"note", i.note}});
  }
  j["impacts"] = impacts;
  nlohmann::json parameters = nlohmann::json::array();
  for (const auto& r : parameter_list()) {
    parameters.push_back({{"name", r.full_name()},
                          {"group", r.group},
                          {"field", r.name},
                          {"value", r.value},
                          {"unit", r.unit},
                          {"range", {r.range.min, r.range.max}},
                          {"min", r.range.min},
                          {"max", r.range.max},
                          {"source", r.source}});
  }
  j["parameters"] = parameters;
  return j;
}

namespace {

int run_describe(bool json) {
  const nlohmann::json j = describe_json();
  if (json) {
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  const auto grades = validation::shipped_grades();
  fmt::print("Observables (acute; name, unit, credibility grade, meaning)\n");
  for (const auto& o : acute_observables())
    fmt::print("  {:<30} {:<10} {:<9} {}\n", o.name, o.unit, grade_of(grades, o.name), o.meaning);
  fmt::print("\nObservables (chronic)\n");
  for (const auto& o : chronic_observables())
    fmt::print("  {:<30} {:<10} {:<9} {}\n", o.name, o.unit, grade_of(grades, o.name), o.meaning);
  fmt::print("\nBuilt-in protocols\n");
  for (const auto& p : builtin_protocols()) {
    fmt::print("  {:<18} {:>5.1f} min  {}\n  {:<18}             source: {}\n", p.name,
               protocol_duration_min(p), p.description, "", p.source);
  }
  fmt::print(
      "\nExercises (muscle mass fraction, compound 0-1, axial load at 1RM in body weights, "
      "lower-body share of the working muscle)\n");
  for (const auto& e : exercise_catalogue()) {
    fmt::print("  {:<18} {:>5.2f} {:>5.2f} {:>5.1f} {:>5.2f}  {}\n", e.name, e.muscle_mass_frac,
               e.compound, e.axial_load_bw, e.lower_body_frac, e.note);
  }
  fmt::print("\nImpact kinds (peak force in body weights, seconds per jump, VO2max fraction)\n");
  for (const auto& i : impact_catalogue()) {
    fmt::print("  {:<18} {:>5.1f} {:>5.1f} {:>5.2f}  {}\n", i.name, i.peak_force_bw,
               i.seconds_per_jump, i.vo2max_frac, i.note);
  }
  print_parameters(parameter_list());
  return 0;
}

}  // namespace

Command add_describe_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd =
      app.add_subcommand("describe", "every observable, parameter, protocol and exercise");
  cmd->add_flag("--json", *json, "print JSON instead of text");
  return {cmd, [json] { return run_describe(*json); }};
}

}  // namespace brainload::cli
