// Reading a scenario from TOML (PRODUCT.md "Scenario files"): toml++ parses the syntax, then
// every table is read against the format, collecting every problem as a Diagnostic with the
// file:line:column of the offending value (of the enclosing table for a missing key), the
// field path ("protocol.my_hiit.blocks[0].work_hrmax", arms by 0-based index: "arm[1]...") and
// a message that says what is wrong and what is expected. Any problem → ScenarioError with all.
//
// Checks here are those the file alone decides: keys, types, ranges, names of protocols,
// exercises and impact kinds, clock strings. Schedule checks (overlaps, span) are in
// schedule/validate.
#include "brainload/io/scenario_toml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <system_error>
#include <utility>

#include "brainload/model/exercise.hpp"
#include "brainload/observables.hpp"
#include "brainload/params.hpp"
#include "brainload/schedule/calendar.hpp"
#include "brainload/schedule/protocols.hpp"
#include "brainload/suggest.hpp"
#include "brainload/units.hpp"
#include "toml_reader.hpp"

namespace brainload {

namespace {

using namespace detail;  // toml_reader.hpp: the TOML reading shared with the catalogue

constexpr int kMaxDays = 36500;  // 100 years
constexpr int kDaysPerWeek = 7;
constexpr std::int64_t kMaxAgents = 100'000'000;
constexpr double kMaxAgeYears = 110.0;
constexpr double kMaxAgeSdYears = 30.0;
// Baseline depressive symptoms of a population, general-population SD units: from a markedly
// low-symptom sample to one well beyond the severe PHQ-9 cut point (20 against a mean of 2.9,
// SD 3.5: 4.9 SD).
constexpr double kMinDepressionBaselineZ = -3.0;
constexpr double kMaxDepressionBaselineZ = 6.0;

constexpr std::array<std::string_view, 7> kTopKeys{"scenario", "population", "protocol",  "arm",
                                                   "teaching", "report",     "parameters"};
constexpr std::array<std::string_view, 8> kScenarioKeys{
    "name", "description", "days", "weeks", "start_clock", "start_weekday", "sleep", "assess_days"};
constexpr int kMaxAssessmentTests = 10;  // tests averaged into one assessment
constexpr std::array<std::string_view, 6> kPopulationKeys{
    "agents",          "age_years",        "female_fraction",
    "training_status", "assessment_tests", "depression_baseline_z"};
constexpr std::array<std::string_view, 4> kAgeKeys{"min", "max", "mean", "sd"};
constexpr std::array<std::string_view, 2> kProtocolKeys{"blocks", "description"};
constexpr std::array<std::string_view, 7> kSteadyKeys{"minutes",       "vo2max", "hrmax", "hrr",
                                                      "vo2_ml_kg_min", "mets",   "mode"};
constexpr std::array<std::string_view, 15> kIntervalKeys{
    "repeat",  "work_s", "work_vo2max", "work_hrmax", "work_hrr", "work_vo2_ml_kg_min", "work_mets",
    "all_out", "rest_s", "rest_vo2max", "rest_hrmax", "rest_hrr", "rest_vo2_ml_kg_min", "rest_mets",
    "mode"};
constexpr std::array<std::string_view, 6> kResistanceKeys{"exercise", "sets",   "reps",
                                                          "load_1rm", "rest_s", "dual_task"};
constexpr std::array<std::string_view, 4> kImpactKeys{"jumps", "sets", "rest_s", "kind"};
constexpr std::array<std::string_view, 1> kRestKeys{"minutes"};
constexpr std::array<std::string_view, 7> kArmKeys{"name",   "sessions", "weekly", "from_day",
                                                   "to_day", "events",   "setting"};
constexpr std::array<std::string_view, 4> kSettings{"supervised", "group", "home", "lab"};
constexpr std::array<std::string_view, 3> kSessionKeys{"day", "at", "protocol"};
constexpr std::array<std::string_view, 3> kWeeklyKeys{"days", "at", "protocol"};
constexpr std::array<std::string_view, 8> kEventKeys{"name",    "day",        "at",   "type",
                                                     "minutes", "observable", "stat", "window_min"};
constexpr std::array<std::string_view, 1> kReportKeys{"outcomes"};
constexpr std::array<std::string_view, 2> kTeachingKeys{"questions", "answers"};

// Choices, in the order of the enums they map to.
constexpr std::array<std::string_view, 5> kModes{"cycle", "run", "row", "walk", "swim"};
constexpr std::array<std::string_view, 7> kWeekdays{"mon", "tue", "wed", "thu",
                                                    "fri", "sat", "sun"};
constexpr std::array<std::string_view, 4> kEventTypes{"cognitive_test", "learn", "recall",
                                                      "measure"};
constexpr std::array<std::string_view, 4> kMeasureStats{"value", "peak", "mean", "auc"};
constexpr std::array<std::string_view, 3> kTrainingStatuses{"untrained", "recreational", "trained"};

constexpr std::string_view kBlockShapes =
    "steady { minutes, vo2max or hrmax or hrr or vo2_ml_kg_min or mets, mode }, "
    "intervals { repeat, work_s, work_vo2max or work_hrmax or work_hrr or work_vo2_ml_kg_min or "
    "work_mets or all_out = true, rest_s, rest_vo2max or rest_hrmax or rest_hrr or "
    "rest_vo2_ml_kg_min or rest_mets, mode }, "
    "resistance { exercise, sets, reps, load_1rm, rest_s, dual_task }, "
    "impact { jumps, sets, rest_s, kind }, "
    "rest { minutes }";
constexpr std::string_view kAgeForms =
    "an inline table { min = 20, max = 30 } (uniform) or { mean = 66, sd = 2.5 } (normal)";

bool is_valid_name(std::string_view name) {
  return !name.empty() && std::ranges::all_of(name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

std::optional<int> two_digits(std::string_view text) {
  if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9') {
    return std::nullopt;
  }
  return (text[0] - '0') * 10 + (text[1] - '0');
}

// Minutes after midnight of "HH:MM" (00:00 to 23:59).
std::optional<double> parse_clock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto hours = two_digits(text.substr(0, 2));
  const auto minutes = two_digits(text.substr(3, 2));
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return *hours * 60.0 + *minutes;
}

std::optional<double> clock_value(Context& ctx, const toml::node& node, const std::string& field) {
  if (const auto* value = node.as_string()) {
    if (const auto minutes = parse_clock(value->get())) return minutes;
  }
  ctx.error(node, field,
            fmt::format("expected a time \"HH:MM\" from 00:00 to 23:59, got {}", shown(node)));
  return std::nullopt;
}

std::optional<std::string> name_value(Context& ctx, const toml::node& node,
                                      const std::string& field, std::string_view what) {
  // The scenario name becomes a file name (output/<name>.h5), limited to 255 bytes by the
  // file system; 10 000 letters passed `check` and then failed `run` with exit 70.
  constexpr std::size_t kMaxNameChars = 100;
  const auto* value = node.as_string();
  if (value != nullptr && is_valid_name(value->get())) {
    if (value->get().size() <= kMaxNameChars) return value->get();
    ctx.error(node, field,
              fmt::format("expected {} of at most {} characters, got {} characters", what,
                          kMaxNameChars, value->get().size()));
    return std::nullopt;
  }
  ctx.error(
      node, field,
      fmt::format("expected {} made of letters, digits, '_' and '-', got {}", what, shown(node)));
  return std::nullopt;
}

// The same, looked up by key: nullopt when absent (reported if required) or invalid.

std::optional<double> read_clock(Context& ctx, const TableRef& t, std::string_view key, Need need) {
  const toml::node* node = lookup(ctx, t, key, need, "a time \"HH:MM\"");
  return node != nullptr ? clock_value(ctx, *node, t.field(key)) : std::nullopt;
}

std::optional<std::string> read_name(Context& ctx, const TableRef& t, std::string_view key,
                                     std::string_view what) {
  const toml::node* node = lookup(ctx, t, key, Need::required,
                                  fmt::format("{} made of letters, digits, '_' and '-'", what));
  return node != nullptr ? name_value(ctx, *node, t.field(key), what) : std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Blocks

constexpr NumRange kVo2maxFraction = above_zero_to(1.0);
constexpr NumRange kHrmaxFraction{0.3, false, 1.0, false};
constexpr NumRange kHrrFraction{0.0, true, 1.0, false};  // (0, 1]: above rest, at most HRmax

// Absolute demand: oxygen uptake up to 100 ml/kg/min (above any measured VO2max), or up to 28 METs
// (98 ml/kg/min). Whether it is above an individual's VO2max is known only per agent and day, so a
// steady block above it runs at VO2max (its work fraction is capped at 1, as for work_vo2max > 1).
constexpr double kMaxVo2MlKgMin = 100.0;
constexpr NumRange kVo2MlKgMin = above_zero_to(kMaxVo2MlKgMin);
constexpr NumRange kMets = above_zero_to(28.0);

struct IntensityKey {
  std::string_view key;
  Intensity::Kind kind;
  NumRange range;      // unused for all_out
  double scale = 1.0;  // the value stored is the value read times this (METs → ml/kg/min)
};

constexpr std::array kSteadyIntensity{
    IntensityKey{"vo2max", Intensity::Kind::vo2max, kVo2maxFraction},
    IntensityKey{"hrmax", Intensity::Kind::hrmax, kHrmaxFraction},
    IntensityKey{"hrr", Intensity::Kind::hrr, kHrrFraction},
    IntensityKey{"vo2_ml_kg_min", Intensity::Kind::vo2_ml_kg_min, kVo2MlKgMin},
    IntensityKey{"mets", Intensity::Kind::vo2_ml_kg_min, kMets, units::kRestingVo2MlKgMin}};
constexpr std::array kWorkIntensity{
    IntensityKey{"work_vo2max", Intensity::Kind::vo2max, above_zero_to(3.0)},
    IntensityKey{"work_hrmax", Intensity::Kind::hrmax, kHrmaxFraction},
    IntensityKey{"work_hrr", Intensity::Kind::hrr, kHrrFraction},
    IntensityKey{"work_vo2_ml_kg_min", Intensity::Kind::vo2_ml_kg_min, kVo2MlKgMin},
    IntensityKey{"work_mets", Intensity::Kind::vo2_ml_kg_min, kMets, units::kRestingVo2MlKgMin},
    IntensityKey{"all_out", Intensity::Kind::all_out, {}}};
constexpr std::array kRestIntensity{
    IntensityKey{"rest_vo2max", Intensity::Kind::vo2max, kVo2maxFraction},
    IntensityKey{"rest_hrmax", Intensity::Kind::hrmax, kHrmaxFraction},
    IntensityKey{"rest_hrr", Intensity::Kind::hrr, kHrrFraction},
    IntensityKey{"rest_vo2_ml_kg_min", Intensity::Kind::vo2_ml_kg_min, kVo2MlKgMin},
    IntensityKey{"rest_mets", Intensity::Kind::vo2_ml_kg_min, kMets, units::kRestingVo2MlKgMin}};

std::string describe_options(std::span<const IntensityKey> options) {
  std::string out;
  for (const IntensityKey& option : options) {
    if (!out.empty()) out += " or ";
    out += option.kind == Intensity::Kind::all_out
               ? std::string("all_out = true")
               : fmt::format("{} ({})", option.key, option.range.expected());
  }
  return out;
}

std::optional<Intensity> all_out_value(Context& ctx, const toml::node& node,
                                       const std::string& field) {
  const auto* value = node.as_boolean();
  if (value != nullptr && value->get()) return Intensity{Intensity::Kind::all_out, 1.0};
  if (value != nullptr) {
    ctx.error(node, field,
              "all_out = false has no meaning; remove it, or give work_vo2max (a fraction of "
              "VO2max) for an effort that is not all-out");
  } else {
    ctx.error(node, field, fmt::format("expected true, got {}", shown(node)));
  }
  return std::nullopt;
}

// Exactly one (required) or at most one (optional) of the intensity keys.
std::optional<Intensity> read_intensity(Context& ctx, const TableRef& t,
                                        std::span<const IntensityKey> options, Need need,
                                        std::string_view what) {
  std::vector<const IntensityKey*> present;
  for (const IntensityKey& option : options) {
    if (t.has(option.key)) present.push_back(&option);
  }
  const std::string_view quantity = need == Need::required ? "exactly" : "at most";
  if (present.empty()) {
    if (need == Need::required) {
      ctx.error(
          ctx.at(t.table), t.path,
          fmt::format("missing {}; expected exactly one of {}", what, describe_options(options)));
    }
    return std::nullopt;
  }
  if (present.size() > 1) {
    // Point at the one written second.
    std::ranges::sort(present, [&](const IntensityKey* a, const IntensityKey* b) {
      const auto& pa = t.get(a->key)->source().begin;
      const auto& pb = t.get(b->key)->source().begin;
      return std::pair(pa.line, pa.column) < std::pair(pb.line, pb.column);
    });
    ctx.error(*t.get(present[1]->key), t.field(present[1]->key),
              fmt::format("{} is given twice ({} and {}); expected {} one of {}", what,
                          present[0]->key, present[1]->key, quantity, describe_options(options)));
    return std::nullopt;
  }
  const IntensityKey& option = *present[0];
  const toml::node& node = *t.get(option.key);
  if (option.kind == Intensity::Kind::all_out) return all_out_value(ctx, node, t.field(option.key));
  const auto value = number_value(ctx, node, t.field(option.key), option.range);
  return value ? std::optional<Intensity>(Intensity{option.kind, *value * option.scale})
               : std::nullopt;
}

Modality read_mode(Context& ctx, const TableRef& t) {
  const auto mode = read_choice(ctx, t, "mode", Need::optional, kModes);
  return mode ? static_cast<Modality>(*mode) : Modality::cycle;
}

SteadyBlock read_steady(Context& ctx, const TableRef& t) {
  check_keys(ctx, t, kSteadyKeys);
  SteadyBlock block;
  block.minutes =
      read_number(ctx, t, "minutes", Need::required, above_zero_to(kMinutesPerDay)).value_or(0.0);
  block.intensity =
      read_intensity(ctx, t, kSteadyIntensity, Need::required, "intensity").value_or(Intensity{});
  block.mode = read_mode(ctx, t);
  return block;
}

IntervalBlock read_intervals(Context& ctx, const TableRef& t) {
  check_keys(ctx, t, kIntervalKeys);
  IntervalBlock block;
  block.repeat =
      static_cast<int>(read_int(ctx, t, "repeat", Need::required, {1, 1000}).value_or(1));
  block.work_s = read_number(ctx, t, "work_s", Need::required, above_zero_to(3600.0)).value_or(0.0);
  block.work = read_intensity(ctx, t, kWorkIntensity, Need::required, "work intensity")
                   .value_or(Intensity{});
  block.rest_s = read_number(ctx, t, "rest_s", Need::optional, from_zero_to(3600.0)).value_or(0.0);
  block.rest = read_intensity(ctx, t, kRestIntensity, Need::optional, "rest intensity");
  block.mode = read_mode(ctx, t);
  return block;
}

template <typename Info>
std::string catalogue_names(std::span<const Info> catalogue) {
  std::vector<std::string_view> names;
  for (const Info& info : catalogue) names.push_back(info.name);
  return join(names);
}

// A name from a built-in catalogue (exercises, impact kinds), checked with `find`.
template <typename Info, typename Find>
std::string read_catalogue_name(Context& ctx, const TableRef& t, std::string_view key,
                                std::span<const Info> catalogue, Find find, std::string_view what) {
  const std::string names = catalogue_names(catalogue);
  const toml::node* node = lookup(ctx, t, key, Need::required, fmt::format("one of: {}", names));
  if (node == nullptr) return {};
  const auto name = string_value(ctx, *node, t.field(key), fmt::format("one of: {}", names));
  if (!name) return {};
  if (find(*name) == nullptr) {
    ctx.error(*node, t.field(key),
              fmt::format("unknown {} '{}'; expected one of: {}", what, printable(*name), names));
  }
  return *name;
}

ResistanceBlock read_resistance(Context& ctx, const TableRef& t) {
  check_keys(ctx, t, kResistanceKeys);
  ResistanceBlock block;
  block.exercise =
      read_catalogue_name(ctx, t, "exercise", exercise_catalogue(), find_exercise, "exercise");
  block.sets = static_cast<int>(read_int(ctx, t, "sets", Need::required, {1, 20}).value_or(1));
  block.reps = static_cast<int>(read_int(ctx, t, "reps", Need::required, {1, 100}).value_or(1));
  block.load_1rm =
      read_number(ctx, t, "load_1rm", Need::required, above_zero_to(1.0)).value_or(0.0);
  block.rest_s =
      read_number(ctx, t, "rest_s", Need::optional, from_zero_to(1800.0)).value_or(120.0);
  block.dual_task = read_bool(ctx, t, "dual_task").value_or(false);
  return block;
}

ImpactBlock read_impact(Context& ctx, const TableRef& t) {
  check_keys(ctx, t, kImpactKeys);
  ImpactBlock block;
  block.jumps = static_cast<int>(read_int(ctx, t, "jumps", Need::required, {1, 1000}).value_or(1));
  block.sets = static_cast<int>(read_int(ctx, t, "sets", Need::optional, {1, 20}).value_or(1));
  block.rest_s = read_number(ctx, t, "rest_s", Need::optional, from_zero_to(1800.0)).value_or(60.0);
  block.kind = read_catalogue_name(ctx, t, "kind", impact_catalogue(), find_impact, "impact kind");
  return block;
}

RestBlock read_rest(Context& ctx, const TableRef& t) {
  check_keys(ctx, t, kRestKeys);
  return RestBlock{
      read_number(ctx, t, "minutes", Need::required, above_zero_to(kMinutesPerDay)).value_or(0.0)};
}

std::string key_list(const toml::table& table) {
  std::vector<std::string_view> keys;
  for (auto&& [key, value] : table) keys.push_back(key.str());
  return keys.empty() ? std::string("no keys") : join(keys);
}

// The block's type follows from its keys (PRODUCT.md lists the five shapes).
std::optional<Block> read_block(Context& ctx, const TableRef& t) {
  if (t.has("exercise")) return read_resistance(ctx, t);
  if (t.has("jumps")) return read_impact(ctx, t);
  if (t.has("repeat")) return read_intervals(ctx, t);
  if (t.has("minutes") &&
      std::ranges::any_of(kSteadyIntensity, [&](const IntensityKey& k) { return t.has(k.key); })) {
    return read_steady(ctx, t);
  }
  if (t.has("minutes") && t.table.size() == 1) return read_rest(ctx, t);
  ctx.error(ctx.at(t.table), t.path,
            fmt::format("cannot tell the block's type from its keys ({}); expected one of: {}",
                        key_list(t.table), kBlockShapes));
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// [scenario]

const toml::table* section(Context& ctx, const toml::table& root, std::string_view key,
                           std::string_view expected) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return nullptr;
  const toml::table* table = node->as_table();
  if (table == nullptr) {
    ctx.error(*node, std::string(key), fmt::format("expected {}, got {}", expected, shown(*node)));
  }
  return table;
}

// days or weeks; true when the result can be trusted for range checks that depend on it.
bool read_span(Context& ctx, const TableRef& t, Scenario& scenario) {
  const auto days = read_int(ctx, t, "days", Need::optional, {1, kMaxDays});
  const auto weeks = read_int(ctx, t, "weeks", Need::optional, {1, kMaxDays / kDaysPerWeek});
  if (t.has("days") && t.has("weeks")) {
    ctx.error(*t.get("weeks"), t.field("weeks"),
              "days and weeks are both given; expected only one of them (weeks = N means days = "
              "7 × N)");
    return false;
  }
  if (days) scenario.days = static_cast<int>(*days);
  if (weeks) scenario.days = kDaysPerWeek * static_cast<int>(*weeks);
  return (t.has("days") && days) || (t.has("weeks") && weeks) ||
         (!t.has("days") && !t.has("weeks"));
}

void read_sleep(Context& ctx, const TableRef& t, Scenario& scenario) {
  const toml::node* node = t.get("sleep");
  if (node == nullptr) return;
  const auto* text = node->as_string();
  const std::string_view value = text != nullptr ? std::string_view(text->get()) : "";
  const auto from =
      value.size() == 11 && value[5] == '-' ? parse_clock(value.substr(0, 5)) : std::nullopt;
  const auto to = value.size() == 11 ? parse_clock(value.substr(6, 5)) : std::nullopt;
  if (!from || !to) {
    ctx.error(*node, t.field("sleep"),
              fmt::format("expected a span \"HH:MM-HH:MM\" (falling asleep - waking, e.g. "
                          "\"23:00-07:00\"), got {}",
                          shown(*node)));
  } else if (*from == *to) {
    ctx.error(*node, t.field("sleep"),
              fmt::format("sleep starts and ends at the same time; expected two different "
                          "times \"HH:MM-HH:MM\", got {}",
                          shown(*node)));
  } else {
    scenario.sleep_from_min = *from;
    scenario.sleep_to_min = *to;
  }
}

void read_assess_days(Context& ctx, const TableRef& t, bool days_known, Scenario& scenario) {
  const toml::node* node = t.get("assess_days");
  if (node == nullptr) {
    scenario.assess_days = {0, scenario.days};
    return;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr || array->empty()) {
    ctx.error(*node, t.field("assess_days"),
              fmt::format("expected a non-empty array of days such as [0, {}], got {}",
                          scenario.days, array != nullptr ? "an empty array" : shown(*node)));
    return;
  }
  const IntRange range =
      days_known ? IntRange{0, scenario.days, " (the scenario's days)"} : IntRange{0, kMaxDays};
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string field = item_path(t.field("assess_days"), i);
    const auto day = int_value(ctx, (*array)[i], field, range);
    if (!day) continue;
    if (!seen.insert(*day).second) {
      ctx.error((*array)[i], field,
                fmt::format("day {} is listed twice; expected each day once", *day));
      continue;
    }
    scenario.assess_days.push_back(static_cast<int>(*day));
  }
  std::ranges::sort(scenario.assess_days);
}

void read_scenario_section(Context& ctx, const toml::table& root, Scenario& scenario) {
  if (!root.contains("scenario")) {
    ctx.error(ctx.at(root), "scenario",
              "missing the [scenario] table; expected [scenario] with at least name = \"...\"");
  }
  const toml::table* table = section(ctx, root, "scenario", "a table [scenario]");
  if (table == nullptr) return;
  const TableRef t{*table, "scenario"};
  check_keys(ctx, t, kScenarioKeys);
  scenario.name = read_name(ctx, t, "name", "a name (it names the output file)").value_or("");
  scenario.description = read_string(ctx, t, "description", Need::optional).value_or("");
  const bool days_known = read_span(ctx, t, scenario);
  scenario.start_clock_min = read_clock(ctx, t, "start_clock", Need::optional).value_or(0.0);
  if (const auto weekday = read_choice(ctx, t, "start_weekday", Need::optional, kWeekdays)) {
    scenario.start_weekday = static_cast<Weekday>(*weekday);
  }
  read_sleep(ctx, t, scenario);
  read_assess_days(ctx, t, days_known, scenario);
}

// ---------------------------------------------------------------------------------------------
// [population]

std::optional<AgeDistribution> age_value(Context& ctx, const toml::node& node,
                                         const std::string& field) {
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    ctx.error(node, field, fmt::format("expected {}, got {}", kAgeForms, shown(node)));
    return std::nullopt;
  }
  const TableRef t{*table, field};
  check_keys(ctx, t, kAgeKeys);
  const bool uniform = t.has("min") || t.has("max");
  const bool normal = t.has("mean") || t.has("sd");
  if (uniform == normal) {
    ctx.error(node, field,
              fmt::format("{}; expected {}",
                          uniform ? "both {min, max} and {mean, sd} are given" : "no age given",
                          kAgeForms));
    return std::nullopt;
  }
  if (normal) {
    const auto mean = read_number(ctx, t, "mean", Need::required, above_zero_to(kMaxAgeYears));
    const auto sd = read_number(ctx, t, "sd", Need::required, above_zero_to(kMaxAgeSdYears));
    if (!mean || !sd) return std::nullopt;
    return AgeDistribution{AgeDistribution::Kind::normal, *mean, *sd};
  }
  const auto min = read_number(ctx, t, "min", Need::required, {0.0, true, kMaxAgeYears, true});
  const auto max = read_number(ctx, t, "max", Need::required, above_zero_to(kMaxAgeYears));
  if (!min || !max) return std::nullopt;
  if (*max <= *min) {
    ctx.error(*t.get("max"), t.field("max"),
              fmt::format("expected max > min ({}), got {}", number_text(*min), number_text(*max)));
    return std::nullopt;
  }
  return AgeDistribution{AgeDistribution::Kind::uniform, *min, *max};
}

void read_population_section(Context& ctx, const toml::table& root, Scenario& scenario) {
  const toml::table* table = section(ctx, root, "population", "a table [population]");
  if (table == nullptr) return;
  const TableRef t{*table, "population"};
  check_keys(ctx, t, kPopulationKeys);
  PopulationSpec& population = scenario.population;
  population.where = ctx.at(*table);
  population.agents = static_cast<int>(
      read_int(ctx, t, "agents", Need::optional, {1, kMaxAgents}).value_or(population.agents));
  if (const toml::node* age = t.get("age_years")) {
    population.age = age_value(ctx, *age, t.field("age_years")).value_or(population.age);
  }
  population.female_fraction =
      read_number(ctx, t, "female_fraction", Need::optional, from_zero_to(1.0))
          .value_or(population.female_fraction);
  if (const auto status =
          read_choice(ctx, t, "training_status", Need::optional, kTrainingStatuses)) {
    population.training_status = static_cast<TrainingStatus>(*status);
  }
  population.assessment_tests = static_cast<int>(
      read_int(ctx, t, "assessment_tests", Need::optional, {1, kMaxAssessmentTests})
          .value_or(population.assessment_tests));
  population.depression_baseline_z =
      read_number(ctx, t, "depression_baseline_z", Need::optional,
                  {kMinDepressionBaselineZ, false, kMaxDepressionBaselineZ, false})
          .value_or(population.depression_baseline_z);
}

// ---------------------------------------------------------------------------------------------
// [protocol.NAME]

std::string builtin_names() {
  std::vector<std::string_view> names;
  for (const Protocol& protocol : builtin_protocols()) names.push_back(protocol.name);
  return join(names);
}

std::optional<Protocol> protocol_value(Context& ctx, const toml::node& node,
                                       const std::string& field, const std::string& name) {
  constexpr std::string_view kExample = "{ minutes = 30, vo2max = 0.6 }";
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    ctx.error(node, field,
              fmt::format("expected a table [{}] with blocks = [ {} ], got {}", field, kExample,
                          shown(node)));
    return std::nullopt;
  }
  const TableRef t{*table, field};
  check_keys(ctx, t, kProtocolKeys);
  Protocol protocol;
  protocol.name = name;
  protocol.where = ctx.at(*table);
  protocol.description = read_string(ctx, t, "description", Need::optional).value_or("");
  const toml::node* blocks =
      lookup(ctx, t, "blocks", Need::required,
             fmt::format("a non-empty array of blocks like [ {} ]", kExample));
  if (blocks == nullptr) return protocol;
  if (const toml::array* array = blocks->as_array(); array != nullptr && array->empty()) {
    ctx.error(*blocks, t.field("blocks"),
              fmt::format("expected at least one block, one of: {}", kBlockShapes));
  }
  for_each_table(ctx, t, "blocks", kExample, [&](const TableRef& block) {
    if (auto value = read_block(ctx, block)) {
      protocol.blocks.push_back({std::move(*value), ctx.at(block.table)});
    }
  });
  return protocol;
}

// Returns every protocol name the file declares (valid or not), for checking references.
std::set<std::string> read_protocol_section(Context& ctx, const toml::table& root,
                                            Scenario& scenario) {
  std::set<std::string> declared;
  const toml::table* table =
      section(ctx, root, "protocol", "tables [protocol.NAME] with blocks = [ ... ]");
  if (table == nullptr) return declared;
  for (auto&& [key, value] : *table) {
    const std::string name(key.str());
    const std::string field = fmt::format("protocol.{}", name);
    declared.insert(name);
    bool usable = true;
    if (!is_valid_name(name)) {
      ctx.error(ctx.at(key.source()), field,
                fmt::format("expected a protocol name made of letters, digits, '_' and '-', "
                            "got \"{}\"",
                            printable(name)));
      usable = false;
    } else if (find_builtin_protocol(name) != nullptr) {
      ctx.error(ctx.at(key.source()), field,
                fmt::format("'{}' shadows the built-in protocol '{}'; expected a name that is "
                            "not built in ({})",
                            name, name, builtin_names()));
      usable = false;
    }
    auto protocol = protocol_value(ctx, value, field, name);
    if (protocol && usable) scenario.protocols.emplace(name, std::move(*protocol));
  }
  return declared;
}

// ---------------------------------------------------------------------------------------------
// [[arm]]

std::string read_protocol_ref(Context& ctx, const TableRef& t,
                              const std::set<std::string>& declared) {
  const auto name = read_string(ctx, t, "protocol", Need::required);
  if (!name) return {};
  if (declared.contains(*name) || find_builtin_protocol(*name) != nullptr) return *name;
  std::vector<std::string_view> own;
  for (const std::string& declared_name : declared) {
    if (find_builtin_protocol(declared_name) == nullptr) own.push_back(declared_name);
  }
  const std::string in_file =
      own.empty() ? fmt::format("a [protocol.{}] table in this file", printable(*name))
                  : fmt::format("a protocol of this file ({})", join(own));
  ctx.error(*t.get("protocol"), t.field("protocol"),
            fmt::format("unknown protocol '{}'; expected {} or a built-in one: {}",
                        printable(*name), in_file, builtin_names()));
  return *name;
}

int read_day(Context& ctx, const TableRef& t, std::string_view key, Need need) {
  return static_cast<int>(read_int(ctx, t, key, need, {0, kMaxDays}).value_or(0));
}

SessionSpec read_session(Context& ctx, const TableRef& t, const std::set<std::string>& declared) {
  check_keys(ctx, t, kSessionKeys);
  SessionSpec session;
  session.where = ctx.at(t.table);
  session.day = read_day(ctx, t, "day", Need::required);
  session.at_min = read_clock(ctx, t, "at", Need::required).value_or(0.0);
  session.protocol = read_protocol_ref(ctx, t, declared);
  return session;
}

std::vector<Weekday> read_weekdays(Context& ctx, const TableRef& t) {
  constexpr std::string_view kExpected = R"(a non-empty array of weekdays like ["mon", "thu"])";
  std::vector<Weekday> days;
  const toml::node* node = lookup(ctx, t, "days", Need::required, kExpected);
  if (node == nullptr) return days;
  const toml::array* array = node->as_array();
  if (array == nullptr || array->empty()) {
    ctx.error(*node, t.field("days"),
              fmt::format("expected {}, got {}", kExpected,
                          array != nullptr ? "an empty array" : shown(*node)));
    return days;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string field = item_path(t.field("days"), i);
    const auto index = choice_value(ctx, (*array)[i], field, kWeekdays);
    if (!index) continue;
    const auto day = static_cast<Weekday>(*index);
    if (std::ranges::find(days, day) != days.end()) {
      ctx.error((*array)[i], field,
                fmt::format("'{}' is listed twice; expected each weekday once", kWeekdays[*index]));
      continue;
    }
    days.push_back(day);
  }
  return days;
}

WeeklySpec read_weekly(Context& ctx, const TableRef& t, const std::set<std::string>& declared) {
  check_keys(ctx, t, kWeeklyKeys);
  WeeklySpec weekly;
  weekly.where = ctx.at(t.table);
  weekly.days = read_weekdays(ctx, t);
  weekly.at_min = read_clock(ctx, t, "at", Need::required).value_or(0.0);
  weekly.protocol = read_protocol_ref(ctx, t, declared);
  return weekly;
}

constexpr std::size_t kLearn = 1;                // index of "learn" in kEventTypes
constexpr std::size_t kMeasure = 3;              // index of "measure" in kEventTypes
constexpr double kMaxMeasureWindowMin = 1440.0;  // a measurement window of at most a day

// The default event name: <type>_d<day>_<HHMM>, e.g. cognitive_test_d0_1400.
std::string default_event_name(const EventSpec& e) {
  const auto clock = static_cast<int>(std::lround(e.at_min));
  return fmt::format("{}_d{}_{:02}{:02}", kEventTypes[static_cast<std::size_t>(e.type)], e.day,
                     clock / 60, clock % 60);
}

// `measure` only: which acute observable, which statistic, over which window.
void read_measure(Context& ctx, const TableRef& t, EventSpec& event) {
  std::vector<std::string_view> names;
  for (const auto& info : acute_observables()) names.push_back(info.name);
  if (const auto k = read_choice(ctx, t, "observable", Need::required, names)) {
    event.observable = std::string(names[*k]);
  }
  if (const auto stat = read_choice(ctx, t, "stat", Need::optional, kMeasureStats)) {
    event.stat = static_cast<MeasureStat>(*stat);
  }
  const bool windowed = event.stat != MeasureStat::value;
  const auto window = read_number(ctx, t, "window_min", windowed ? Need::required : Need::optional,
                                  above_zero_to(kMaxMeasureWindowMin));
  if (window && !windowed) {
    ctx.error(*t.get("window_min"), t.field("window_min"),
              "window_min applies only to stat = \"peak\", \"mean\" or \"auc\"; expected no "
              "window_min for stat = \"value\" (remove it)");
  }
  event.window_min = window.value_or(0.0);
}

EventSpec read_event(Context& ctx, const TableRef& t) {
  check_keys(ctx, t, kEventKeys);
  EventSpec event;
  event.where = ctx.at(t.table);
  event.day = read_day(ctx, t, "day", Need::required);
  event.at_min = read_clock(ctx, t, "at", Need::required).value_or(0.0);
  const auto type = read_choice(ctx, t, "type", Need::required, kEventTypes);
  if (type) event.type = static_cast<EventType>(*type);
  const bool learn = type && *type == kLearn;
  if (type && *type == kMeasure) {
    read_measure(ctx, t, event);
  } else {
    for (std::string_view key : {"observable", "stat", "window_min"}) {
      if (const toml::node* node = t.get(key)) {
        ctx.error(*node, t.field(key),
                  fmt::format("{} applies only to type = \"measure\" (remove it)", key));
      }
    }
  }
  if (learn || !type) {
    event.minutes = read_number(ctx, t, "minutes", learn ? Need::required : Need::optional,
                                above_zero_to(600.0))
                        .value_or(0.0);
  } else if (const toml::node* minutes = t.get("minutes")) {
    ctx.error(*minutes, t.field("minutes"),
              fmt::format("minutes applies only to type = \"learn\"; expected no minutes for "
                          "type = \"{}\" (remove it)",
                          kEventTypes[*type]));
  }
  if (t.get("name") != nullptr) {
    event.name = read_name(ctx, t, "name", "an event name").value_or("");
  } else {
    event.name = default_event_name(event);
  }
  return event;
}

void read_weekly_range(Context& ctx, const TableRef& t, Arm& arm) {
  arm.from_day = read_day(ctx, t, "from_day", Need::optional);
  const auto to_day = read_int(ctx, t, "to_day", Need::optional, {0, kMaxDays});
  if (to_day) arm.to_day = static_cast<int>(*to_day);
  if (to_day && *to_day < arm.from_day) {
    ctx.error(*t.get("to_day"), t.field("to_day"),
              fmt::format("expected to_day ≥ from_day ({}), got {}", arm.from_day, *to_day));
  }
}

Arm read_arm(Context& ctx, const TableRef& t, const std::set<std::string>& declared) {
  check_keys(ctx, t, kArmKeys);
  Arm arm;
  arm.where = ctx.at(t.table);
  arm.name = read_name(ctx, t, "name", "an arm name").value_or("");
  if (const auto setting = read_choice(ctx, t, "setting", Need::optional, kSettings)) {
    arm.setting = static_cast<TrainingSetting>(*setting);
  }
  for_each_table(
      ctx, t, "sessions", R"({ day = 0, at = "09:00", protocol = "hiit_4x4" })",
      [&](const TableRef& item) { arm.sessions.push_back(read_session(ctx, item, declared)); });
  for_each_table(
      ctx, t, "weekly", R"({ days = ["mon", "thu"], at = "10:00", protocol = "lisa_hrt" })",
      [&](const TableRef& item) { arm.weekly.push_back(read_weekly(ctx, item, declared)); });
  read_weekly_range(ctx, t, arm);
  for_each_table(ctx, t, "events", R"({ day = 0, at = "14:00", type = "cognitive_test" })",
                 [&](const TableRef& item) { arm.events.push_back(read_event(ctx, item)); });
  return arm;
}

void check_unique_arm_name(Context& ctx, const TableRef& t, const Arm& arm,
                           std::map<std::string, std::size_t>& first_with_name) {
  if (arm.name.empty()) return;
  const auto [it, inserted] = first_with_name.emplace(arm.name, t.table.source().begin.line);
  if (inserted) return;
  ctx.error(*t.get("name"), t.field("name"),
            fmt::format("arm name '{}' is already used by the arm at line {}; expected unique "
                        "arm names",
                        arm.name, it->second));
}

void read_arm_section(Context& ctx, const toml::table& root, const std::set<std::string>& declared,
                      Scenario& scenario) {
  constexpr std::string_view kExpected = "at least one [[arm]] table with name = \"...\"";
  const toml::node* node = root.get("arm");
  const toml::array* array = node != nullptr ? node->as_array() : nullptr;
  if (node == nullptr || array == nullptr || array->empty()) {
    ctx.error(node != nullptr ? ctx.at(*node) : ctx.at(root), "arm",
              fmt::format("expected {}, got {}", kExpected,
                          node == nullptr    ? "none"
                          : array != nullptr ? "an empty array"
                                             : shown(*node)));
    return;
  }
  std::map<std::string, std::size_t> first_with_name;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = (*array)[i];
    const std::string path = item_path("arm", i);
    const toml::table* table = item.as_table();
    if (table == nullptr) {
      ctx.error(item, path,
                fmt::format("expected a table [[arm]] with name = \"...\", got {}", shown(item)));
      continue;
    }
    const TableRef t{*table, path};
    scenario.arms.push_back(read_arm(ctx, t, declared));
    check_unique_arm_name(ctx, t, scenario.arms.back(), first_with_name);
  }
}

// ---------------------------------------------------------------------------------------------
// [teaching]

bool is_blank(std::string_view text) {
  return std::ranges::all_of(
      text, [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

// A non-empty array of non-blank strings under `key`; nullopt when absent or invalid.
std::optional<std::vector<std::string>> read_texts(Context& ctx, const TableRef& t,
                                                   std::string_view key, Need need) {
  constexpr std::string_view kExpected =
      "a non-empty array of strings like [\"What happens to arousal after the sprint?\"]";
  const toml::node* node = lookup(ctx, t, key, need, kExpected);
  if (node == nullptr) return std::nullopt;
  const toml::array* array = node->as_array();
  if (array == nullptr || array->empty()) {
    ctx.error(*node, t.field(key),
              fmt::format("expected {}, got {}", kExpected,
                          array != nullptr ? "an empty array" : shown(*node)));
    return std::nullopt;
  }
  std::vector<std::string> texts;
  bool ok = true;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string field = item_path(t.field(key), i);
    const auto text = string_value(ctx, (*array)[i], field, "a string");
    if (text && is_blank(*text)) {
      ctx.error((*array)[i], field,
                fmt::format("expected a non-empty string, got {}", shown((*array)[i])));
    }
    if (!text || is_blank(*text)) {
      ok = false;
      continue;
    }
    texts.push_back(*text);
  }
  return ok ? std::optional(std::move(texts)) : std::nullopt;
}

// Optional [report] outcomes = [...]: chronic outcomes the printed summary of `run` shows.
void read_report_section(Context& ctx, const toml::table& root, Scenario& scenario) {
  const toml::table* table =
      section(ctx, root, "report", "a table [report] with outcomes = [\"brain_age_gap_years\"]");
  if (table == nullptr) return;
  const TableRef t{*table, "report"};
  check_keys(ctx, t, kReportKeys);
  scenario.report_where = ctx.at(*table);
  const auto outcomes = read_texts(ctx, t, "outcomes", Need::required);
  if (!outcomes) return;
  std::vector<std::string_view> names;
  for (const auto& info : chronic_observables()) names.push_back(info.name);
  const toml::node* array = t.get("outcomes");
  for (std::size_t i = 0; i < outcomes->size(); ++i) {
    const std::string& name = (*outcomes)[i];
    if (std::ranges::find(names, name) == names.end()) {
      const toml::node* item = array->as_array()->get(i);
      ctx.error(*item, fmt::format("report.outcomes[{}]", i),
                fmt::format("unknown chronic outcome \"{}\";{} expected one of: {}", name,
                            suggestion(name, names), join(names)));
      continue;
    }
    scenario.report_outcomes.push_back(name);
  }
}

// Optional; `brainload report` shows the questions before the plots and the answers after.
void read_teaching_section(Context& ctx, const toml::table& root, Scenario& scenario) {
  const toml::table* table =
      section(ctx, root, "teaching", "a table [teaching] with questions = [\"...\"]");
  if (table == nullptr) return;
  const TableRef t{*table, "teaching"};
  check_keys(ctx, t, kTeachingKeys);
  const auto questions = read_texts(ctx, t, "questions", Need::required);
  const auto answers = read_texts(ctx, t, "answers", Need::optional);
  if (questions) scenario.teaching_questions = *questions;
  if (!answers) return;
  if (questions && answers->size() != questions->size()) {
    ctx.error(*t.get("answers"), t.field("answers"),
              fmt::format("expected one answer per question ({} question{}), got {} answer{}",
                          questions->size(), questions->size() == 1 ? "" : "s", answers->size(),
                          answers->size() == 1 ? "" : "s"));
    return;
  }
  scenario.teaching_answers = *answers;
}

// ---------------------------------------------------------------------------------------------
// [parameters]

// One override: a number for a parameter ModelParams knows, inside its valid range. An unknown
// name is reported at its key, a bad value at the value.
void read_parameter(Context& ctx, const std::string& name, const toml::source_region& key_at,
                    const toml::node& node, Scenario& scenario) {
  const std::string field = fmt::format("parameters.{}", name);
  if (!find_parameter(ModelParams{}, name)) {
    ctx.error(ctx.at(key_at), field, *parameter_problem(name, 0.0));
    return;
  }
  std::optional<double> value;
  if (const auto* i = node.as_integer()) value = static_cast<double>(i->get());
  if (const auto* f = node.as_floating_point()) value = f->get();
  if (!value) {
    ctx.error(node, field, fmt::format("expected a number, got {}", shown(node)));
    return;
  }
  if (const auto problem = parameter_problem(name, *value)) {
    ctx.error(node, field, *problem);
    return;
  }
  scenario.parameters.push_back({name, *value, ctx.at(node)});
}

// Optional: "<group>.<field>" = number, quoted, or nested as [parameters.<group>] tables (and
// unquoted dotted keys, which TOML reads as the same nesting).
void read_parameters_section(Context& ctx, const toml::table& root, Scenario& scenario) {
  const toml::table* table =
      section(ctx, root, "parameters", "a table [parameters] with \"<group>.<field>\" = number");
  if (table == nullptr) return;
  for (auto&& [key, node] : *table) {
    const toml::table* group = node.as_table();
    if (group == nullptr) {
      read_parameter(ctx, std::string(key.str()), key.source(), node, scenario);
      continue;
    }
    for (auto&& [field, value] : *group) {
      read_parameter(ctx, fmt::format("{}.{}", key.str(), field.str()), field.source(), value,
                     scenario);
    }
  }
  // In file order (toml++ tables iterate by key). "lactate.rest_mmol_l" = 1 and
  // [parameters.lactate] rest_mmol_l = 1 name the same parameter.
  std::ranges::stable_sort(
      scenario.parameters, [](const ParameterSetting& a, const ParameterSetting& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
      });
  std::map<std::string, int> first_line;
  for (const ParameterSetting& p : scenario.parameters) {
    const auto [it, inserted] = first_line.emplace(p.name, p.where.line);
    if (!inserted) {
      ctx.error(p.where, fmt::format("parameters.{}", p.name),
                fmt::format("parameter '{}' is already set at line {}; expected each parameter "
                            "once",
                            p.name, it->second));
    }
  }
}

// ---------------------------------------------------------------------------------------------

Diagnostic empty_diagnostic(std::string_view file) {
  return {{std::string(file), 1, 1},
          "",
          "empty scenario: needs [scenario] name and at least one [[arm]]"};
}

}  // namespace

Scenario parse_scenario(std::string_view text, std::string_view file_name) {
  // A scenario nests about 6 levels; toml_reader.hpp guards against deeper ones.
  const toml::table root = detail::parse_toml(text, file_name);
  if (root.empty()) throw ScenarioError({empty_diagnostic(file_name)});

  Scenario scenario;
  scenario.file = std::string(file_name);
  scenario.source_text = std::string(text);
  Context ctx(file_name);
  check_keys(ctx, TableRef{root, ""}, kTopKeys);
  read_scenario_section(ctx, root, scenario);
  read_population_section(ctx, root, scenario);
  const std::set<std::string> declared = read_protocol_section(ctx, root, scenario);
  read_arm_section(ctx, root, declared, scenario);
  read_teaching_section(ctx, root, scenario);
  read_report_section(ctx, root, scenario);
  read_parameters_section(ctx, root, scenario);
  if (!ctx.ok()) throw ScenarioError(ctx.take_sorted());
  return scenario;
}

Scenario load_scenario_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw MissingInputError(
        fmt::format("cannot read scenario '{}': it is a directory, expected a .toml file", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int code = errno;
    throw MissingInputError(
        fmt::format("cannot read scenario '{}': {}", path, std::generic_category().message(code)));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    throw MissingInputError(fmt::format("cannot read scenario '{}': read error", path));
  }
  return parse_scenario(text, path);
}

}  // namespace brainload
