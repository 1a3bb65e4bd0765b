// Reading validation/catalogue.toml: toml++ parses the syntax, then each [[target]] is checked
// against the format (docs/validation.md): known keys, types, the arguments each reader needs,
// known observable names, unique ids, a complete citation. Every problem is collected as a
// Diagnostic with file:line:column and the field ("target[3].from_min"), as the scenario parser
// does; any problem → ScenarioError with all of them.
#include "brainload/validation/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <system_error>
#include <utility>

#include "brainload/observables.hpp"
#include "io/toml_reader.hpp"

namespace brainload::validation {

namespace {

struct ReaderInfo {
  Reader reader;
  std::string_view name;
};

constexpr std::array kReaders{
    ReaderInfo{Reader::peak, "peak"},
    ReaderInfo{Reader::min, "min"},
    ReaderInfo{Reader::value_at, "value_at"},
    ReaderInfo{Reader::mean_over, "mean_over"},
    ReaderInfo{Reader::time_of_peak_min, "time_of_peak_min"},
    ReaderInfo{Reader::time_of_min_min, "time_of_min_min"},
    ReaderInfo{Reader::clock_of_peak_h, "clock_of_peak_h"},
    ReaderInfo{Reader::clock_of_min_h, "clock_of_min_h"},
    ReaderInfo{Reader::fold_change_peak, "fold_change_peak"},
    ReaderInfo{Reader::fold_change_at, "fold_change_at"},
    ReaderInfo{Reader::peak_minus_baseline, "peak_minus_baseline"},
    ReaderInfo{Reader::relative_change_at, "relative_change_at"},
    ReaderInfo{Reader::change_at, "change_at"},
    ReaderInfo{Reader::drop, "drop"},
    ReaderInfo{Reader::half_life_after_peak_min, "half_life_after_peak_min"},
    ReaderInfo{Reader::exp_half_life_min, "exp_half_life_min"},
    ReaderInfo{Reader::remaining_fraction_at, "remaining_fraction_at"},
    ReaderInfo{Reader::event_value, "event_value"},
    ReaderInfo{Reader::work_at_level, "work_at_level"},
    ReaderInfo{Reader::contrast_smd, "contrast_smd"},
    ReaderInfo{Reader::contrast_mean_difference, "contrast_mean_difference"},
    ReaderInfo{Reader::arm_change_mean, "arm_change_mean"},
    ReaderInfo{Reader::arm_change_relative, "arm_change_relative"},
    ReaderInfo{Reader::arm_change_smd, "arm_change_smd"},
    ReaderInfo{Reader::retained_fraction, "retained_fraction"},
    ReaderInfo{Reader::change_correlation, "change_correlation"},
    ReaderInfo{Reader::attendance, "attendance"},
    ReaderInfo{Reader::dropout_fraction, "dropout_fraction"},
    ReaderInfo{Reader::change_cv, "change_cv"},
    ReaderInfo{Reader::fraction_change_below, "fraction_change_below"},
    ReaderInfo{Reader::event_fraction_below, "event_fraction_below"},
    ReaderInfo{Reader::curve_nrmse, "curve_nrmse"},
};

constexpr std::array<std::string_view, 4> kTolerances{"inside", "absolute", "relative", "factor"};
constexpr std::array<std::string_view, 2> kCombines{"difference", "ratio"};
constexpr std::array<std::string_view, 3> kEventTypes{"cognitive_test", "learn", "recall"};
constexpr std::array<std::string_view, 4> kEvidence{"data", "meta-analysis", "review", "expert"};
constexpr std::array<std::string_view, 3> kRoles{"fitted", "held_out", "derived"};
constexpr std::array<std::string_view, 7> kBandRules{
    "ci95", "sd_n", "between_subject", "range", "threshold", "assumed", "curve_ci"};
// docs/validation.md: a review's range or an expert's opinion may not give a band wider than
// ±50 % of the value.
constexpr double kMaxOpinionHalfWidth = 0.5;
// Band rule `assumed` (a mean without any published spread): ±50 % or a factor 1.5 at most.
constexpr double kMaxAssumedRelative = 0.5;
constexpr double kMaxAssumedFactor = 1.5;
// Two-sided 95 % normal quantile for sd_n bands (mean ± 1.96·SD/√n).
constexpr double kZ975 = 1.959964;

constexpr std::array<std::string_view, 2> kTopKeys{"catalogue", "target"};
constexpr std::array<std::string_view, 2> kCatalogueKeys{"title", "scenario_root"};
constexpr std::array<std::string_view, 6> kSourceKeys{"authors", "year",         "title",
                                                      "journal", "volume_pages", "doi"};
constexpr std::array<std::string_view, 57> kTargetKeys{"id",
                                                       "pathway",
                                                       "quantity",
                                                       "unit",
                                                       "scenario",
                                                       "arm",
                                                       "vs_scenario",
                                                       "vs_arm",
                                                       "pool_arms",
                                                       "combine",
                                                       "reader",
                                                       "observable",
                                                       "from_min",
                                                       "to_min",
                                                       "at_min",
                                                       "base_min",
                                                       "ref_min",
                                                       "clock_wrap_h",
                                                       "every_min",
                                                       "event_type",
                                                       "event_name",
                                                       "event_index",
                                                       "outcome",
                                                       "outcome_b",
                                                       "day",
                                                       "from_day",
                                                       "agents",
                                                       "seed",
                                                       "published",
                                                       "low",
                                                       "high",
                                                       "tolerance",
                                                       "tolerance_value",
                                                       "tolerance_basis",
                                                       "fitted_parameters",
                                                       "known_miss",
                                                       "note",
                                                       "source",
                                                       "evidence",
                                                       "role",
                                                       "band",
                                                       "sd",
                                                       "n",
                                                       "widen",
                                                       "widen_basis",
                                                       "significant",
                                                       "wrong_reason",
                                                       "was_held_out",
                                                       "threshold_of_mean",
                                                       "level",
                                                       "stage_min",
                                                       "curve_t_min",
                                                       "curve_values",
                                                       "curve_low",
                                                       "curve_high",
                                                       "fitted"};

// The TOML reading shared with the scenario parser (io/toml_reader.hpp): diagnostics with
// file:line:column, field paths, unknown keys with "did you mean".
using detail::check_keys;
using detail::Context;
using detail::join;
using detail::TableRef;

std::optional<std::string> read_string(Context& ctx, const TableRef& t, std::string_view key,
                                       bool required) {
  const toml::node* node = t.table.get(key);
  if (node == nullptr) {
    if (required) {
      ctx.error(ctx.at(t.table), t.field(key),
                fmt::format("missing required key '{}'; expected a string", key));
    }
    return std::nullopt;
  }
  if (const auto* s = node->as_string()) {
    if (required && s->get().empty()) {
      ctx.error(ctx.at(*node), t.field(key), "expected a non-empty string");
      return std::nullopt;
    }
    return s->get();
  }
  ctx.error(ctx.at(*node), t.field(key), "expected a string");
  return std::nullopt;
}

std::optional<double> read_number(Context& ctx, const TableRef& t, std::string_view key,
                                  bool required) {
  const toml::node* node = t.table.get(key);
  if (node == nullptr) {
    if (required) {
      ctx.error(ctx.at(t.table), t.field(key),
                fmt::format("missing required key '{}'; expected a number", key));
    }
    return std::nullopt;
  }
  double v = 0.0;
  if (const auto* f = node->as_floating_point()) {
    v = f->get();
  } else if (const auto* i = node->as_integer()) {
    v = static_cast<double>(i->get());
  } else {
    ctx.error(ctx.at(*node), t.field(key), "expected a number");
    return std::nullopt;
  }
  // ±inf is allowed for open range bounds; NaN never.
  if (std::isnan(v)) {
    ctx.error(ctx.at(*node), t.field(key), "expected a number, got nan");
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> read_int(Context& ctx, const TableRef& t, std::string_view key,
                                     bool required, std::int64_t min, std::int64_t max) {
  return detail::read_int(ctx, t, key, required ? detail::Need::required : detail::Need::optional,
                          {min, max});
}

std::optional<bool> read_bool(Context& ctx, const TableRef& t, std::string_view key,
                              bool required) {
  const toml::node* node = t.table.get(key);
  if (node == nullptr) {
    if (required) {
      ctx.error(ctx.at(t.table), t.field(key),
                fmt::format("missing required key '{}'; expected true or false", key));
    }
    return std::nullopt;
  }
  if (const auto* b = node->as_boolean()) return b->get();
  ctx.error(ctx.at(*node), t.field(key), "expected true or false");
  return std::nullopt;
}

// An optional array under `key`, each element turned into a T by `convert` (nullopt: not a valid
// element, reported as `what`); any error gives an empty vector.
template <class T, class Convert>
std::vector<T> read_array(Context& ctx, const TableRef& t, std::string_view key,
                          std::string_view what, Convert convert) {
  std::vector<T> out;
  const toml::node* node = t.table.get(key);
  if (node == nullptr) return out;
  const auto* a = node->as_array();
  if (a == nullptr) {
    ctx.error(ctx.at(*node), t.field(key), fmt::format("expected an array of {}s", what));
    return out;
  }
  for (const toml::node& e : *a) {
    std::optional<T> v = convert(e);
    if (!v) {
      ctx.error(ctx.at(e), t.field(key), fmt::format("expected a {}", what));
      return {};
    }
    out.push_back(std::move(*v));
  }
  return out;
}

std::vector<double> read_numbers(Context& ctx, const TableRef& t, std::string_view key) {
  return read_array<double>(ctx, t, key, "finite number", [](const toml::node& e) {
    std::optional<double> v;
    if (const auto* f = e.as_floating_point()) v = f->get();
    if (const auto* i = e.as_integer()) v = static_cast<double>(i->get());
    return v && std::isfinite(*v) ? v : std::nullopt;
  });
}

std::vector<std::string> read_strings(Context& ctx, const TableRef& t, std::string_view key) {
  return read_array<std::string>(ctx, t, key, "non-empty string", [](const toml::node& e) {
    const auto* str = e.as_string();
    return str != nullptr && !str->get().empty() ? std::optional<std::string>(str->get())
                                                 : std::nullopt;
  });
}

template <std::size_t N>
std::optional<std::size_t> read_choice(Context& ctx, const TableRef& t, std::string_view key,
                                       bool required,
                                       const std::array<std::string_view, N>& choices) {
  const auto s = read_string(ctx, t, key, required);
  if (!s) return std::nullopt;
  const auto it = std::ranges::find(choices, *s);
  if (it == choices.end()) {
    ctx.error(ctx.at(*t.table.get(key)), t.field(key),
              fmt::format("unknown value '{}'; expected one of: {}", *s, join(choices)));
    return std::nullopt;
  }
  return static_cast<std::size_t>(it - choices.begin());
}

bool is_acute_observable(std::string_view name) {
  return std::ranges::any_of(acute_observables(),
                             [&](const ObservableInfo& o) { return o.name == name; });
}
bool is_chronic_observable(std::string_view name) {
  return std::ranges::any_of(chronic_observables(),
                             [&](const ObservableInfo& o) { return o.name == name; });
}

std::string resolve(const std::string& root, const std::string& relative) {
  std::filesystem::path p(relative);
  if (p.is_absolute()) return p.lexically_normal().string();
  return (std::filesystem::path(root) / p).lexically_normal().string();
}

// The acute-reader arguments each reader needs.
struct Needs {
  bool from_to = false;
  bool at = false;
  bool base = false;
};

Needs acute_needs(Reader r) {
  switch (r) {
    case Reader::peak:
    case Reader::min:
    case Reader::mean_over:
    case Reader::time_of_peak_min:
    case Reader::time_of_min_min:
    case Reader::clock_of_peak_h:
    case Reader::clock_of_min_h:
    case Reader::work_at_level:
      return {true, false, false};
    case Reader::value_at:
      return {false, true, false};
    case Reader::fold_change_peak:
    case Reader::peak_minus_baseline:
    case Reader::half_life_after_peak_min:
    case Reader::exp_half_life_min:
      return {true, false, true};
    case Reader::fold_change_at:
    case Reader::relative_change_at:
    case Reader::change_at:
    case Reader::drop:
      return {false, true, true};
    case Reader::remaining_fraction_at:
      return {true, true, true};
    default:
      return {};
  }
}

// The band rules of docs/validation.md, on a target whose reader and numbers are read.
void check_band(Context& ctx, const TableRef& t, Target& g) {
  const SourceLocation at = ctx.at(t.table);
  const auto err = [&](std::string_view field, std::string message) {
    ctx.error(at, t.field(field), std::move(message));
  };
  if (g.reader == Reader::curve_nrmse) {
    const std::size_t n = g.curve_t_min.size();
    if (n < 3 || g.curve_values.size() != n || g.curve_low.size() != n ||
        g.curve_high.size() != n) {
      err("curve_t_min",
          "a curve needs at least 3 points and curve_t_min, curve_values, curve_low and "
          "curve_high of the same length");
      return;
    }
    if (g.band != BandRule::curve_ci) err("band", "a curve_nrmse target has band = \"curve_ci\"");
    double sum_sq = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0 && !(g.curve_t_min[i] > g.curve_t_min[i - 1])) {
        err("curve_t_min", "expected strictly increasing times");
        return;
      }
      if (!(g.curve_low[i] <= g.curve_values[i] && g.curve_values[i] <= g.curve_high[i])) {
        err("curve_low",
            fmt::format("point {}: expected curve_low ≤ curve_values ≤ curve_high", i));
        return;
      }
      const double half = 0.5 * (g.curve_high[i] - g.curve_low[i]);
      sum_sq += half * half;
    }
    const auto [lo, hi] = std::ranges::minmax(g.curve_values);
    if (!(hi > lo)) {
      err("curve_values", "a flat published curve cannot normalise an RMS error");
      return;
    }
    // NRMSE of the published curve is 0; the band is the RMS of its 95 % CI half-widths on the
    // same scale.
    g.published = 0.0;
    g.low = 0.0;
    g.high = std::sqrt(sum_sq / static_cast<double>(n)) / (hi - lo);
    if (g.tolerance != Tolerance::inside) err("tolerance", "a curve uses tolerance = \"inside\"");
    return;
  }
  if (!g.curve_t_min.empty() || !g.curve_values.empty()) {
    err("curve_t_min", "curve_* keys belong to reader = \"curve_nrmse\"");
  }
  if (g.widen < 0.0) err("widen", "expected a number ≥ 0");
  if (g.widen > 0.0) {
    if (g.widen_basis.empty()) {
      err("widen_basis", "a widened band needs widen_basis: the sourced measurement error");
    }
    if (g.band != BandRule::ci95 && g.band != BandRule::sd_n &&
        g.band != BandRule::between_subject) {
      err("widen", "only a ci95, sd_n or between_subject band may be widened");
    }
  }
  const bool opinion = g.evidence == Evidence::review || g.evidence == Evidence::expert;
  switch (g.band) {
    case BandRule::sd_n:
      if (!g.sd || !g.n || !(*g.sd > 0.0) || !(*g.n >= 2.0)) {
        err("sd", "band = \"sd_n\" needs sd > 0 and n ≥ 2 (mean ± 1.96·sd/√n)");
        break;
      }
      if (g.low || g.high) err("low", "band = \"sd_n\" computes low and high; do not give them");
      if (g.tolerance != Tolerance::inside) err("tolerance", R"(band = "sd_n" is "inside")");
      g.low = g.published - kZ975 * *g.sd / std::sqrt(*g.n);
      g.high = g.published + kZ975 * *g.sd / std::sqrt(*g.n);
      break;
    case BandRule::ci95:
    case BandRule::between_subject:
      if (g.tolerance != Tolerance::inside || !g.low || !g.high) {
        err("low", fmt::format(R"(band = "{}" is tolerance = "inside" with both low and high)",
                               band_rule_name(g.band)));
      }
      break;
    case BandRule::range:
      if (!opinion) err("band", "band = \"range\" is a review's or expert's range");
      if (g.tolerance != Tolerance::inside || !g.low || !g.high) {
        err("low", R"(band = "range" is tolerance = "inside" with both low and high)");
      }
      break;
    case BandRule::threshold:
      if (g.tolerance != Tolerance::inside || (g.low.has_value() == g.high.has_value())) {
        err("low", "band = \"threshold\" is one published cut-off: low or high, not both");
      }
      break;
    case BandRule::assumed: {
      // No published spread: ±50 % of the value at most (a factor 1.5 for fold changes); a
      // reported range ("3-6 %") inside that limit may be used as is. A published null result
      // (value 0) has no relative scale: its band then contains the null value and is flagged.
      const double limit = kMaxAssumedRelative * std::abs(g.published);
      const bool inside_ok = g.tolerance == Tolerance::inside && g.low && g.high &&
                             (g.published == 0.0 || (*g.low >= g.published - limit - 1e-12 &&
                                                     *g.high <= g.published + limit + 1e-12));
      const bool ok =
          inside_ok ||
          (g.tolerance == Tolerance::relative && g.tolerance_value <= kMaxAssumedRelative) ||
          (g.tolerance == Tolerance::factor && g.tolerance_value <= kMaxAssumedFactor);
      if (!ok) {
        err("tolerance_value",
            "band = \"assumed\" (no published spread) allows at most ±50 % of the value (relative "
            "0.5, factor 1.5, or low and high inside that)");
      }
      break;
    }
    case BandRule::curve_ci:
      err("band", R"(band = "curve_ci" belongs to reader = "curve_nrmse")");
      break;
  }
  if (g.band == BandRule::sd_n && !(g.low && g.high)) return;
  const Band b = tolerance_band(g);
  if (opinion) {
    const double limit = kMaxOpinionHalfWidth * std::abs(g.published);
    if (!(b.lo >= g.published - limit - 1e-12 && b.hi <= g.published + limit + 1e-12)) {
      err("low",
          fmt::format("a {} gives at most ±50 % of the value ({} to {}); this band is [{}, {}]",
                      evidence_name(g.evidence), g.published - limit, g.published + limit, b.lo,
                      b.hi));
    }
  }
  // A band containing the null value for an effect whose published CI excludes it.
  if (const auto null = null_value(g)) {
    const bool ci_excludes = (g.band == BandRule::ci95 || g.band == BandRule::sd_n) && g.low &&
                             g.high && (*g.low > *null || *g.high < *null);
    if (g.significant == false && ci_excludes) {
      err("significant", "significant = false, but the published CI excludes the null value");
    }
    if ((g.significant.value_or(false) || ci_excludes) && b.lo <= *null && *null <= b.hi) {
      err("low", fmt::format("the band [{}, {}] contains the null value {}, but the published "
                             "effect's CI excludes it",
                             b.lo, b.hi, *null));
    }
  }
}

Target read_target(Context& ctx, const TableRef& t, const std::string& root) {
  check_keys(ctx, t, kTargetKeys);
  Target g;
  g.where = ctx.at(t.table);
  g.id = read_string(ctx, t, "id", true).value_or("");
  g.pathway = read_string(ctx, t, "pathway", true).value_or("");
  g.quantity = read_string(ctx, t, "quantity", true).value_or("");
  g.unit = read_string(ctx, t, "unit", false).value_or("");
  g.scenario = read_string(ctx, t, "scenario", true).value_or("");
  g.arm = read_string(ctx, t, "arm", true).value_or("");
  g.vs_scenario = read_string(ctx, t, "vs_scenario", false).value_or("");
  g.vs_arm = read_string(ctx, t, "vs_arm", false).value_or("");
  g.pool_arms = read_strings(ctx, t, "pool_arms");
  if (const auto c = read_choice(ctx, t, "combine", false, kCombines)) {
    g.combine = *c == 0 ? Combine::difference : Combine::ratio;
  }
  const auto reader_text = read_string(ctx, t, "reader", true);
  bool reader_ok = false;
  if (reader_text) {
    if (const auto r = reader_from_name(*reader_text)) {
      g.reader = *r;
      reader_ok = true;
    } else {
      std::string known;
      for (const auto n : reader_names()) known += (known.empty() ? "" : ", ") + std::string(n);
      ctx.error(ctx.at(*t.table.get("reader")), t.field("reader"),
                fmt::format("unknown reader '{}'; expected one of: {}", *reader_text, known));
    }
  }
  g.observable = read_string(ctx, t, "observable", false).value_or("");
  g.from_min = read_number(ctx, t, "from_min", false);
  g.to_min = read_number(ctx, t, "to_min", false);
  g.at_min = read_number(ctx, t, "at_min", false);
  g.base_min = read_number(ctx, t, "base_min", false);
  g.ref_min = read_number(ctx, t, "ref_min", false);
  g.clock_wrap_h = read_number(ctx, t, "clock_wrap_h", false);
  g.every_min = read_number(ctx, t, "every_min", false).value_or(0.25);
  if (!(g.every_min > 0.0 && g.every_min <= 60.0)) {
    ctx.error(ctx.at(t.table), t.field("every_min"), "expected a number > 0 and ≤ 60");
  }
  if (const auto e = read_choice(ctx, t, "event_type", false, kEventTypes)) {
    g.event_type = std::string(kEventTypes[*e]);
  }
  g.event_index = static_cast<int>(read_int(ctx, t, "event_index", false, 0, 1000).value_or(0));
  g.event_name = read_string(ctx, t, "event_name", false).value_or("");
  g.outcome = read_string(ctx, t, "outcome", false).value_or("");
  g.outcome_b = read_string(ctx, t, "outcome_b", false).value_or("");
  g.day = static_cast<int>(read_int(ctx, t, "day", false, 0, 36500).value_or(0));
  g.from_day = static_cast<int>(read_int(ctx, t, "from_day", false, 0, 36500).value_or(0));
  g.agents = read_int(ctx, t, "agents", false, 0, 10'000'000).value_or(0);
  g.seed = static_cast<std::uint64_t>(
      read_int(ctx, t, "seed", false, 0, std::int64_t{1} << 53).value_or(1));
  g.curve_t_min = read_numbers(ctx, t, "curve_t_min");
  g.curve_values = read_numbers(ctx, t, "curve_values");
  g.curve_low = read_numbers(ctx, t, "curve_low");
  g.curve_high = read_numbers(ctx, t, "curve_high");
  g.threshold_of_mean = read_number(ctx, t, "threshold_of_mean", false).value_or(0.0);
  g.level = read_number(ctx, t, "level", false);
  g.stage_min = read_number(ctx, t, "stage_min", false);
  if (const auto b = read_choice(ctx, t, "band", true, kBandRules)) {
    g.band = static_cast<BandRule>(*b);
  }
  if (const auto e = read_choice(ctx, t, "evidence", true, kEvidence)) {
    g.evidence = static_cast<Evidence>(*e);
  }
  if (const auto r = read_choice(ctx, t, "role", true, kRoles)) g.role = static_cast<Role>(*r);
  if (const toml::node* old = t.table.get("fitted")) {
    ctx.error(ctx.at(*old), t.field("fitted"),
              R"('fitted' is replaced by role = "fitted" | "held_out" | "derived")");
  }
  const bool curve = reader_ok && g.reader == Reader::curve_nrmse;
  if (curve) {
    // The value of a curve target is its normalised RMS error; the published curve gives 0 and
    // its own 95 % CI gives the band (check_band).
    if (t.table.get("published") != nullptr || t.table.get("low") != nullptr ||
        t.table.get("high") != nullptr) {
      ctx.error(ctx.at(t.table), t.field("published"),
                "a curve_nrmse target takes curve_values, curve_low and curve_high, not "
                "published, low or high");
    }
  } else {
    g.published = read_number(ctx, t, "published", true).value_or(0.0);
    if (!std::isfinite(g.published)) {
      ctx.error(ctx.at(*t.table.get("published")), t.field("published"),
                "expected a finite number");
    }
    g.low = read_number(ctx, t, "low", false);
    g.high = read_number(ctx, t, "high", false);
    if (g.low && g.high && *g.low > *g.high) {
      ctx.error(ctx.at(*t.table.get("low")), t.field("low"), "low is above high");
    }
  }
  g.sd = read_number(ctx, t, "sd", false);
  g.n = read_number(ctx, t, "n", false);
  g.widen = read_number(ctx, t, "widen", false).value_or(0.0);
  g.widen_basis = read_string(ctx, t, "widen_basis", false).value_or("");
  g.significant = read_bool(ctx, t, "significant", false);
  if (const auto tol = read_choice(ctx, t, "tolerance", true, kTolerances)) {
    g.tolerance = static_cast<Tolerance>(*tol);
  }
  g.tolerance_value = read_number(ctx, t, "tolerance_value", false).value_or(0.0);
  g.tolerance_basis = read_string(ctx, t, "tolerance_basis", true).value_or("");
  switch (g.tolerance) {
    case Tolerance::inside:
      if (!g.low && !g.high && !curve && g.band != BandRule::sd_n) {
        ctx.error(ctx.at(t.table), t.field("low"),
                  "tolerance = \"inside\" needs low and/or high (the published range)");
      }
      break;
    case Tolerance::absolute:
    case Tolerance::relative:
      if (!(g.tolerance_value > 0.0)) {
        ctx.error(ctx.at(t.table), t.field("tolerance_value"), "expected a number > 0");
      }
      break;
    case Tolerance::factor:
      if (!(g.tolerance_value > 1.0)) {
        ctx.error(ctx.at(t.table), t.field("tolerance_value"), "expected a factor > 1");
      }
      if (!(g.published > 0.0)) {
        ctx.error(ctx.at(t.table), t.field("published"),
                  "tolerance = \"factor\" needs published > 0");
      }
      break;
  }
  g.fitted_parameters = read_string(ctx, t, "fitted_parameters", false).value_or("");
  if (g.role != Role::held_out && g.fitted_parameters.empty()) {
    ctx.error(ctx.at(t.table), t.field("fitted_parameters"),
              fmt::format("role = \"{}\" needs fitted_parameters naming the parameters fitted to "
                          "(or read back by) this target",
                          role_name(g.role)));
  }
  g.was_held_out = read_string(ctx, t, "was_held_out", false).value_or("");
  if (!g.was_held_out.empty() && g.role != Role::fitted) {
    ctx.error(ctx.at(t.table), t.field("was_held_out"),
              "was_held_out marks a held-out target that was later tuned against: role = "
              "\"fitted\"");
  }
  g.wrong_reason = read_string(ctx, t, "wrong_reason", false).value_or("");
  g.known_miss = read_string(ctx, t, "known_miss", false).value_or("");
  g.note = read_string(ctx, t, "note", false).value_or("");

  if (const toml::node* src = t.table.get("source")) {
    if (const auto* st = src->as_table()) {
      const TableRef s{*st, t.field("source")};
      check_keys(ctx, s, kSourceKeys);
      g.source.authors = read_string(ctx, s, "authors", true).value_or("");
      g.source.year = static_cast<int>(read_int(ctx, s, "year", true, 1800, 2100).value_or(0));
      g.source.title = read_string(ctx, s, "title", false).value_or("");
      g.source.journal = read_string(ctx, s, "journal", true).value_or("");
      g.source.volume_pages = read_string(ctx, s, "volume_pages", true).value_or("");
      g.source.doi = read_string(ctx, s, "doi", false).value_or("");
    } else {
      ctx.error(ctx.at(*src), t.field("source"),
                "expected a table { authors, year, journal, ... }");
    }
  } else {
    ctx.error(ctx.at(t.table), t.field("source"),
              "missing required table 'source' (authors, year, journal, volume_pages)");
  }

  if (reader_ok) {
    const bool population = is_population_reader(g.reader);
    if (!g.pool_arms.empty() &&
        (population || !g.vs_arm.empty() || g.reader == Reader::curve_nrmse)) {
      ctx.error(ctx.at(t.table), t.field("pool_arms"),
                "pool_arms applies to acute readers other than curve_nrmse, without vs_arm (the "
                "mean of the arms' readings)");
    }
    for (const std::string& a : g.pool_arms) {
      if (a == g.arm) {
        ctx.error(ctx.at(t.table), t.field("pool_arms"),
                  fmt::format("pool_arms repeats the target's own arm '{}'", a));
      }
    }
    if (population) {
      const bool arm_contrast =
          (g.reader == Reader::arm_change_relative || g.reader == Reader::arm_change_mean) &&
          g.vs_scenario.empty() && g.combine == Combine::difference;
      if ((!g.vs_arm.empty() && !arm_contrast) || !g.vs_scenario.empty()) {
        ctx.error(ctx.at(t.table), t.field("vs_arm"),
                  "vs_arm applies to acute readers and, as a difference of arm changes, to "
                  "arm_change_relative and arm_change_mean; vs_scenario to acute readers only");
      }
      const bool needs_outcome = g.reader != Reader::attendance &&
                                 g.reader != Reader::dropout_fraction &&
                                 g.reader != Reader::event_fraction_below;
      if (g.reader == Reader::event_fraction_below) {
        if (g.event_name.empty()) {
          ctx.error(ctx.at(t.table), t.field("event_name"),
                    "event_fraction_below needs event_name (a measure event of the arm)");
        }
        if (!g.level) {
          ctx.error(ctx.at(t.table), t.field("level"),
                    "event_fraction_below needs level (in the observable's unit)");
        }
        if (!is_acute_observable(g.observable)) {
          ctx.error(ctx.at(t.table), t.field("observable"),
                    fmt::format("expected the acute observable the event measures, got '{}'",
                                g.observable));
        }
      }
      if (needs_outcome && !is_chronic_observable(g.outcome)) {
        ctx.error(ctx.at(t.table), t.field("outcome"),
                  fmt::format("expected a chronic observable name, got '{}'", g.outcome));
      }
      if (g.reader == Reader::change_correlation && !is_chronic_observable(g.outcome_b)) {
        ctx.error(ctx.at(t.table), t.field("outcome_b"),
                  fmt::format("expected a chronic observable name, got '{}'", g.outcome_b));
      }
      if (g.reader == Reader::fraction_change_below && !(g.threshold_of_mean >= 0.0)) {
        ctx.error(ctx.at(t.table), t.field("threshold_of_mean"),
                  "fraction_change_below needs threshold_of_mean >= 0 (0: the share with no gain)");
      }
      const bool needs_day = needs_outcome && g.reader != Reader::change_correlation;
      if (needs_day && t.table.get("day") == nullptr) {
        ctx.error(ctx.at(t.table), t.field("day"),
                  "missing required key 'day' (an assessment day)");
      }
      if (g.reader == Reader::retained_fraction && t.table.get("from_day") == nullptr) {
        ctx.error(ctx.at(t.table), t.field("from_day"),
                  "missing required key 'from_day' (the assessment day the gain is measured at)");
      }
    } else {
      if (g.reader == Reader::event_value) {
        if (g.event_type.empty()) {
          ctx.error(ctx.at(t.table), t.field("event_type"),
                    "event_value needs event_type (cognitive_test, learn or recall)");
        }
      } else if (!is_acute_observable(g.observable)) {
        ctx.error(ctx.at(t.table), t.field("observable"),
                  fmt::format("expected an acute observable name, got '{}'", g.observable));
      }
      const Needs n = acute_needs(g.reader);
      if (n.from_to && (!g.from_min || !g.to_min)) {
        ctx.error(ctx.at(t.table), t.field("from_min"),
                  fmt::format("reader '{}' needs from_min and to_min", reader_name(g.reader)));
      }
      if (n.from_to && g.from_min && g.to_min && *g.from_min >= *g.to_min) {
        ctx.error(ctx.at(t.table), t.field("to_min"), "expected to_min > from_min");
      }
      if (n.at && !g.at_min) {
        ctx.error(ctx.at(t.table), t.field("at_min"),
                  fmt::format("reader '{}' needs at_min", reader_name(g.reader)));
      }
      if (n.base && !g.base_min) {
        ctx.error(ctx.at(t.table), t.field("base_min"),
                  fmt::format("reader '{}' needs base_min", reader_name(g.reader)));
      }
      if (!g.vs_scenario.empty() && g.vs_arm.empty()) {
        ctx.error(ctx.at(t.table), t.field("vs_arm"), "vs_scenario needs vs_arm");
      }
      if (g.reader == Reader::work_at_level) {
        if (!g.level) {
          ctx.error(ctx.at(t.table), t.field("level"),
                    "work_at_level needs level (the value of the observable sought)");
        }
        const double span = g.from_min && g.to_min ? *g.to_min - *g.from_min : 0.0;
        if (!g.stage_min || !(*g.stage_min > 0.0) || (span > 0.0 && *g.stage_min * 2.0 > span)) {
          ctx.error(ctx.at(t.table), t.field("stage_min"),
                    "work_at_level needs stage_min > 0, at most half of to_min − from_min (two "
                    "stages at least)");
        }
      }
    }
    // Checked for every reader, population ones included.
    if (g.reader != Reader::event_fraction_below && !g.event_name.empty()) {
      ctx.error(ctx.at(t.table), t.field("event_name"),
                "event_name applies to the event_fraction_below reader only");
    }
    const bool takes_level =
        g.reader == Reader::work_at_level || g.reader == Reader::event_fraction_below;
    if ((!takes_level && t.table.get("level") != nullptr) ||
        (g.reader != Reader::work_at_level && t.table.get("stage_min") != nullptr)) {
      ctx.error(ctx.at(t.table), t.field("level"),
                "level applies to the work_at_level and event_fraction_below readers only, "
                "stage_min to work_at_level only");
    }
  }
  if (reader_ok) check_band(ctx, t, g);
  if (!g.scenario.empty()) g.scenario_path = resolve(root, g.scenario);
  if (!g.vs_scenario.empty()) g.vs_scenario_path = resolve(root, g.vs_scenario);
  return g;
}

}  // namespace

std::string Citation::short_form() const {
  // "Beneke R, Jumah MD, Leithäuser RM" → "Beneke et al."; one author → "Beneke".
  std::string first = authors.substr(0, authors.find_first_of(" ,"));
  const bool several = authors.find(',') != std::string::npos ||
                       authors.find(" and ") != std::string::npos ||
                       authors.find('&') != std::string::npos;
  return fmt::format("{}{} {}, {} {}", first, several ? " et al." : "", year, journal,
                     volume_pages);
}

std::string Citation::long_form() const {
  std::string s = fmt::format("{} ({}).", authors, year);
  if (!title.empty()) {
    s += " " + title;
    if (title.back() != '.' && title.back() != '?') s += '.';
  }
  s += fmt::format(" {} {}.", journal, volume_pages);
  if (!doi.empty()) s += fmt::format(" doi:{}", doi);
  return s;
}

bool Target::is_population() const { return is_population_reader(reader); }

std::string_view reader_name(Reader r) {
  for (const auto& info : kReaders) {
    if (info.reader == r) return info.name;
  }
  return "?";
}

std::optional<Reader> reader_from_name(std::string_view name) {
  for (const auto& info : kReaders) {
    if (info.name == name) return info.reader;
  }
  return std::nullopt;
}

std::vector<std::string_view> reader_names() {
  std::vector<std::string_view> out;
  out.reserve(kReaders.size());
  for (const auto& info : kReaders) out.push_back(info.name);
  return out;
}

bool is_population_reader(Reader r) {
  switch (r) {
    case Reader::contrast_smd:
    case Reader::contrast_mean_difference:
    case Reader::arm_change_mean:
    case Reader::arm_change_relative:
    case Reader::arm_change_smd:
    case Reader::retained_fraction:
    case Reader::change_correlation:
    case Reader::attendance:
    case Reader::dropout_fraction:
    case Reader::change_cv:
    case Reader::fraction_change_below:
    case Reader::event_fraction_below:
      return true;
    default:
      return false;
  }
}

std::string_view tolerance_name(Tolerance t) { return kTolerances[static_cast<std::size_t>(t)]; }
std::string_view evidence_name(Evidence e) { return kEvidence[static_cast<std::size_t>(e)]; }
std::string_view role_name(Role r) { return kRoles[static_cast<std::size_t>(r)]; }
std::string_view band_rule_name(BandRule b) { return kBandRules[static_cast<std::size_t>(b)]; }

Band tolerance_band(const Target& t) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  Band b{-kInf, kInf};
  switch (t.tolerance) {
    case Tolerance::inside:
      b = {t.low.value_or(-kInf), t.high.value_or(kInf)};
      break;
    case Tolerance::absolute:
      b = {t.published - t.tolerance_value, t.published + t.tolerance_value};
      break;
    case Tolerance::relative: {
      const double d = t.tolerance_value * std::abs(t.published);
      b = {t.published - d, t.published + d};
      break;
    }
    case Tolerance::factor:
      b = {t.published / t.tolerance_value, t.published * t.tolerance_value};
      break;
  }
  return {b.lo - t.widen, b.hi + t.widen};
}

std::optional<double> null_value(const Target& t) {
  if (!t.vs_arm.empty()) return t.combine == Combine::ratio ? 1.0 : 0.0;
  switch (t.reader) {
    case Reader::fold_change_peak:
    case Reader::fold_change_at:
      return 1.0;
    case Reader::peak_minus_baseline:
    case Reader::relative_change_at:
    case Reader::change_at:
    case Reader::drop:
    case Reader::contrast_smd:
    case Reader::contrast_mean_difference:
    case Reader::arm_change_mean:
    case Reader::arm_change_relative:
    case Reader::arm_change_smd:
    case Reader::change_correlation:
      return 0.0;
    default:
      return std::nullopt;
  }
}

std::string Target::graded_observable() const {
  switch (reader) {
    case Reader::event_value:
      return "cognitive_performance_z";
    case Reader::attendance:
    case Reader::dropout_fraction:
      return "sessions_done";
    case Reader::event_fraction_below:
      return observable;
    default:
      return is_population() ? outcome : observable;
  }
}

std::string reading_key(const Target& t) {
  const auto opt = [](const std::optional<double>& v) {
    return v ? fmt::format("{}", *v) : std::string("-");
  };
  return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
                     t.scenario_path, t.arm, t.vs_scenario_path, t.vs_arm,
                     static_cast<int>(t.combine), reader_name(t.reader), t.observable, t.outcome,
                     t.outcome_b, opt(t.from_min), opt(t.to_min), opt(t.at_min), opt(t.base_min),
                     opt(t.ref_min), t.event_type, t.event_index, t.day, t.from_day, t.agents,
                     t.seed, t.threshold_of_mean, t.event_name, opt(t.level));
}

Catalogue parse_catalogue(std::string_view text, std::string_view file_name,
                          const std::string& directory) {
  const toml::table root = detail::parse_toml(text, file_name);
  Context ctx(file_name);
  Catalogue c;
  c.file = std::string(file_name);
  check_keys(ctx, TableRef{root, ""}, kTopKeys);
  std::string scenario_root = ".";
  if (const toml::node* meta = root.get("catalogue")) {
    if (const auto* mt = meta->as_table()) {
      const TableRef m{*mt, "catalogue"};
      check_keys(ctx, m, kCatalogueKeys);
      c.title = read_string(ctx, m, "title", false).value_or("");
      scenario_root = read_string(ctx, m, "scenario_root", false).value_or(".");
    } else {
      ctx.error(ctx.at(*meta), "catalogue", "expected a table");
    }
  }
  c.scenario_root = resolve(directory.empty() ? "." : directory, scenario_root);

  const toml::node* targets = root.get("target");
  const toml::array* list = targets != nullptr ? targets->as_array() : nullptr;
  if (list == nullptr || list->empty()) {
    ctx.error({std::string(file_name), 1, 1}, "target", "expected at least one [[target]] table");
  } else {
    std::map<std::string, int> first_line;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto* table = list->get(i)->as_table();
      const std::string path = fmt::format("target[{}]", i);
      if (table == nullptr) {
        ctx.error(ctx.at(*list->get(i)), path, "expected a table");
        continue;
      }
      Target t = read_target(ctx, TableRef{*table, path}, c.scenario_root);
      if (!t.id.empty()) {
        const auto [it, inserted] = first_line.emplace(t.id, t.where.line);
        if (!inserted) {
          ctx.error(t.where, path + ".id",
                    fmt::format("duplicate id '{}' (first at line {})", t.id, it->second));
        }
      }
      c.targets.push_back(std::move(t));
    }
    // A held-out target that reads the very number a fitted or derived target reads is not
    // held out (the Coelho-Junior case of issue 13).
    std::map<std::string, const Target*> calibrated;
    for (const Target& t : c.targets) {
      if (t.role != Role::held_out && t.reader != Reader::curve_nrmse) {
        calibrated.emplace(reading_key(t), &t);
      }
    }
    for (const Target& t : c.targets) {
      if (t.role != Role::held_out || t.reader == Reader::curve_nrmse) continue;
      if (const auto it = calibrated.find(reading_key(t)); it != calibrated.end()) {
        ctx.error(t.where, "role",
                  fmt::format("'{}' is held out but reads the same simulated number as {} target "
                              "'{}': make it derived",
                              t.id, role_name(it->second->role), it->second->id));
      }
    }
  }
  if (!ctx.ok()) throw ScenarioError(ctx.take_sorted());
  return c;
}

Catalogue load_catalogue(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw MissingInputError(
        fmt::format("cannot read catalogue '{}': it is a directory, expected a .toml file", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int code = errno;
    throw MissingInputError(
        fmt::format("cannot read catalogue '{}': {}", path, std::generic_category().message(code)));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string directory = std::filesystem::path(path).parent_path().string();
  return parse_catalogue(text, path, directory);
}

}  // namespace brainload::validation
