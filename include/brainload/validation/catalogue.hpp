// The literature validation catalogue (validation/catalogue.toml): data, not code. Each target
// names a measured quantity, the scenario that reproduces the study protocol, how the simulated
// value is read from the run (a reader, readers.hpp), the published value with its range or
// confidence interval, the tolerance rule, whether the value was used to fit the model, and the
// publication. docs/validation.md documents the format.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "brainload/error.hpp"
#include "brainload/schedule/scenario.hpp"

namespace brainload::validation {

// How a simulated value is obtained. Acute readers work on the reference individual's trace of
// one observable (trace_reference); population readers on run_population + summarize.
enum class Reader {
  // acute (trace of `observable` in `arm`; times in minutes since the scenario start, time_min)
  peak,                 // max over [from_min, to_min]
  min,                  // min over [from_min, to_min]
  value_at,             // value at at_min
  mean_over,            // time average over [from_min, to_min]
  time_of_peak_min,     // time of the max in [from_min, to_min] minus ref_min (default from_min)
  time_of_min_min,      // time of the min in [from_min, to_min] minus ref_min
  clock_of_peak_h,      // wall clock (h) of the max in [from_min, to_min]
  clock_of_min_h,       // wall clock (h) of the min in [from_min, to_min]
  fold_change_peak,     // max over [from_min, to_min] / value at base_min
  fold_change_at,       // value at at_min / value at base_min
  peak_minus_baseline,  // max over [from_min, to_min] − value at base_min
  relative_change_at,   // value at at_min / value at base_min − 1
  change_at,            // value at at_min − value at base_min
  drop,                 // value at base_min − value at at_min
  half_life_after_peak_min,  // time after the max until the excess over base halves
  exp_half_life_min,      // ln 2 · (to − from) / ln(excess(from) / excess(to)), excess over base
  remaining_fraction_at,  // (value at at_min − base) / (max over [from, to] − base)
  event_value,            // value of the event_index-th event of event_type (0-based)
  // work_vo2max_frac at which `observable` first reaches `level` in a test of stages of stage_min
  // from from_min to to_min: the observable at each stage's end against the stage's mean work,
  // interpolated linearly between the two stages around the crossing (as a lactate threshold at a
  // fixed concentration is read off a graded test); +inf if it never reaches the level
  work_at_level,
  // population (run_population + summarize; `arm` against the scenario's control arm)
  contrast_smd,              // SMD of change (arm − control) of `outcome` at `day`
  contrast_mean_difference,  // mean difference of change (arm − control) at `day`
  arm_change_mean,           // mean(day) − mean(from_day) of `outcome` in `arm`
  arm_change_relative,       // (mean(day) − mean(from_day)) / mean(from_day)
  arm_change_smd,            // change_mean(day) / sd(day 0): pre–post SMD within `arm`
  retained_fraction,         // (mean(day) − mean(0)) / (mean(from_day) − mean(0))
  change_correlation,  // Pearson r across agents of `arm` of the changes of outcome, outcome_b
  attendance,          // sessions done / sessions scheduled in `arm`
  dropout_fraction,    // agents of `arm` who dropped out / agents of `arm`
  // distribution-level (per agent of `arm` who completed: not dropped out, not failed)
  change_cv,              // SD / mean across agents of the change day − from_day of `outcome`
  fraction_change_below,  // share of agents whose change < threshold_of_mean × the mean change
  // share of the agents of `arm` (not failed; an event not taken is left out) whose value of
  // the `measure` event named event_name is below `level` (e.g. hypoglycaemia at exhaustion)
  event_fraction_below,
  // time course (acute): curve_t_min, curve_values, curve_low, curve_high; the value is the
  // normalised RMS error of the simulated curve (minus its value at base_min when given)
  curve_nrmse,
};

// What kind of publication the published value comes from.
enum class Evidence { data, meta_analysis, review, expert };
// How the target relates to the model's calibration (docs/validation.md, Roles).
enum class Role { fitted, held_out, derived };
// How the band was made from the publication (docs/validation.md, Band rules).
enum class BandRule { ci95, sd_n, between_subject, range, threshold, assumed, curve_ci };

enum class Tolerance {
  inside,    // low ≤ simulated ≤ high (a missing bound is open)
  absolute,  // |simulated − published| ≤ tolerance_value
  relative,  // |simulated − published| ≤ tolerance_value · |published|
  factor,    // 1/tolerance_value ≤ simulated / published ≤ tolerance_value
};

// How arm and vs_arm combine for acute readers: reader(arm) − reader(vs_arm), or the ratio.
enum class Combine { difference, ratio };

struct Citation {
  std::string authors;
  int year = 0;
  std::string title;
  std::string journal;
  std::string volume_pages;                      // "6:10", "108:3017-3022"
  std::string doi;                               // optional
  [[nodiscard]] std::string short_form() const;  // "Beneke et al. 2007, Dyn Med 6:10"
  [[nodiscard]] std::string long_form() const;
};

struct Target {
  std::string id;       // unique, "pathway.study.what"
  std::string pathway;  // lactate, catecholamines, hpa, cerebral_blood_flow, heart_rate, ...
  std::string quantity;
  std::string unit;
  std::string scenario;  // path as written in the catalogue (relative to scenario_root)
  std::string arm;
  std::string vs_scenario;  // acute only: compare against this scenario (default: the same)
  std::string vs_arm;       // acute only: compare against this arm (default: none)
  // Acute only: further arms of the same scenario whose readings are averaged with `arm`'s, for a
  // study that reports one mean pooled over sessions it ran separately (e.g. three lifts in
  // successive weeks). Empty: `arm` alone.
  std::vector<std::string> pool_arms;
  Combine combine = Combine::difference;
  Reader reader = Reader::peak;
  std::string observable;  // acute readers: an acute observable name
  // Acute reader arguments, minutes since the scenario start (NaN when absent).
  std::optional<double> from_min, to_min, at_min, base_min, ref_min;
  std::optional<double> clock_wrap_h;  // clocks below this get + 24 h (for "near midnight")
  double every_min = 0.25;             // trace sampling interval
  std::string event_type;              // event_value: cognitive_test | learn | recall
  int event_index = 0;
  // Population reader arguments.
  std::string outcome;    // a chronic observable name
  std::string outcome_b;  // change_correlation
  int day = 0;
  int from_day = 0;
  std::int64_t agents = 0;  // 0: the scenario's population.agents
  std::uint64_t seed = 1;
  // The published value and how close the simulation must come.
  double published = 0.0;
  std::optional<double> low, high;  // published range or CI (also the `inside` bounds)
  Tolerance tolerance = Tolerance::inside;
  double tolerance_value = 0.0;
  std::string tolerance_basis;  // where the tolerance comes from (CI, SD and n, assumption)
  // Band rules (docs/validation.md): how the band was made, and its checks.
  BandRule band = BandRule::ci95;
  std::optional<double> sd;  // sd_n: the published between-subject SD
  std::optional<double> n;   // sd_n: the number of subjects
  double widen = 0.0;        // a sourced measurement error added to both sides of the band
  std::string widen_basis;
  std::optional<bool> significant;  // the published effect's CI excludes the null value
  // Distribution and time-course readers.
  double threshold_of_mean = 0.0;   // fraction_change_below
  std::string event_name;           // event_fraction_below: the arm's `measure` event
  std::optional<double> level;      // work_at_level, event_fraction_below: in the observable's unit
  std::optional<double> stage_min;  // work_at_level: the length of each stage, min
  std::vector<double> curve_t_min, curve_values, curve_low, curve_high;
  // Evidence and calibration status.
  Evidence evidence = Evidence::data;
  Role role = Role::held_out;
  std::string fitted_parameters;  // fitted and derived: which parameters, and how
  std::string was_held_out;       // a fitted target that was held out until this commit
  std::string known_miss;         // non-empty: the model misses it, and why
  std::string wrong_reason;       // non-empty: it passes, but for the reason given
  Citation source;
  std::string note;
  SourceLocation where;
  std::string scenario_path;     // resolved path of `scenario`
  std::string vs_scenario_path;  // resolved path of vs_scenario (empty: same scenario)

  [[nodiscard]] bool is_population() const;
  [[nodiscard]] bool fitted() const { return role == Role::fitted; }
  [[nodiscard]] bool held_out() const { return role == Role::held_out; }
  // The observable whose credibility this target grades: `observable` for acute readers,
  // cognitive_performance_z for event_value, `outcome` for population readers (`observable`, the
  // measured one, for event_fraction_below), sessions_done for attendance and dropout.
  [[nodiscard]] std::string graded_observable() const;
};

// The tolerance band [lo, hi] a target's simulated value must fall in (±inf for an open side),
// widened by `widen` on both sides.
struct Band {
  double lo = 0.0;
  double hi = 0.0;
};
[[nodiscard]] Band tolerance_band(const Target& t);

// The value a model without the pathway gives: 1 for fold changes and ratios, 0 for changes and
// effects; nullopt for levels, times and curves.
[[nodiscard]] std::optional<double> null_value(const Target& t);
// A key naming the simulated number a target reads (scenario, arm, reader and its arguments):
// two targets with the same key compare one simulated number with two publications.
[[nodiscard]] std::string reading_key(const Target& t);

struct Catalogue {
  std::string file;
  std::string title;
  std::string scenario_root;  // resolved directory scenario paths are relative to
  std::vector<Target> targets;
};

[[nodiscard]] std::string_view reader_name(Reader r);
[[nodiscard]] std::optional<Reader> reader_from_name(std::string_view name);
[[nodiscard]] bool is_population_reader(Reader r);
[[nodiscard]] std::string_view tolerance_name(Tolerance t);
[[nodiscard]] std::string_view evidence_name(Evidence e);
[[nodiscard]] std::string_view role_name(Role r);
[[nodiscard]] std::string_view band_rule_name(BandRule b);
// Every reader name, in declaration order (docs and tests use it).
[[nodiscard]] std::vector<std::string_view> reader_names();

// Reads and checks a catalogue: TOML syntax, known keys, types, required fields per reader, unique
// ids, known observable names, and the band rules of docs/validation.md (a review's or expert's
// band within ±50 % of the value; no band containing the null value for an effect whose
// published CI excludes it; sd_n bands computed here; a widening only with its basis; a held-out
// target never reads the same simulated number as a fitted or derived one). Throws
// MissingInputError if the file cannot be read and ScenarioError with every problem found
// (file:line:column, field, message).
[[nodiscard]] Catalogue load_catalogue(const std::string& path);
[[nodiscard]] Catalogue parse_catalogue(std::string_view text, std::string_view file_name,
                                        const std::string& directory);

}  // namespace brainload::validation
