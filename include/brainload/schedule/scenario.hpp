// Scenario: what a user writes in a TOML file, as plain values.
//
// The parser (io/scenario_toml) fills these structs and records where each element came
// from, so that validation done later (schedule/validate) can still point at file:line:column.
// Nothing here knows about TOML, the model or the solver.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace brainload {

// Where a value was written: file, 1-based line and column. line == 0 means "not from a file"
// (built-in protocols, defaults).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

// How hard a block is. Exactly one of: a fraction of VO2max (may exceed 1 for supramaximal
// work), a fraction of maximal heart rate or of the heart-rate reserve, an absolute oxygen
// demand, or all-out.
struct Intensity {
  // vo2max: a fraction of the individual's VO2max on the day; hrmax: a fraction of HRmax; hrr: a
  // fraction of the heart-rate reserve, HRrest + hrr · (HRmax − HRrest) (Karvonen); both heart-rate
  // kinds become the fraction of VO2max at which the heart-rate model settles at that rate
  // (heart_rate.hpp: HERITAGE's %HRR-%VO2R line); vo2_ml_kg_min: an absolute oxygen demand
  // (ml/kg/min; the scenario's `mets` keys are read into it at 3.5 ml/kg/min per MET), whose
  // share of VO2max falls as training raises VO2max; all_out: a maximal sprint.
  enum class Kind { vo2max, hrmax, hrr, vo2_ml_kg_min, all_out };
  Kind kind = Kind::vo2max;
  double value = 0.0;  // fraction (dimensionless), or ml/kg/min for vo2_ml_kg_min; ignored for
                       // all_out
};

// Whole-body modality of steady and interval work; decides recruited muscle mass and bone
// loading (cycling loads bone little, running and rowing more).
enum class Modality { cycle, run, row, walk, swim };

struct SteadyBlock {
  double minutes = 0.0;
  Intensity intensity;
  Modality mode = Modality::cycle;
};

struct IntervalBlock {
  int repeat = 1;
  double work_s = 0.0;
  Intensity work;
  double rest_s = 0.0;
  std::optional<Intensity> rest;  // passive rest when absent
  Modality mode = Modality::cycle;
};

struct ResistanceBlock {
  std::string exercise;  // a name from the built-in exercise catalogue
  int sets = 1;
  int reps = 1;
  double load_1rm = 0.0;   // fraction of one-repetition maximum
  double rest_s = 0.0;     // between sets
  bool dual_task = false;  // a cognitive task during the sets
};

struct ImpactBlock {
  int jumps = 0;  // per set
  int sets = 1;
  double rest_s = 0.0;  // between sets
  std::string kind;     // jump_rope | box_jump | drop_jump | skipping
};

struct RestBlock {
  double minutes = 0.0;
};

using Block = std::variant<SteadyBlock, IntervalBlock, ResistanceBlock, ImpactBlock, RestBlock>;

struct BlockSpec {
  Block block;
  SourceLocation where;
};

struct Protocol {
  std::string name;
  std::string description;
  std::string source;  // publication the built-in protocol follows; empty for user protocols
  std::vector<BlockSpec> blocks;
  SourceLocation where;
};

struct SessionSpec {
  int day = 0;
  double at_min = 0.0;  // minutes after midnight, wall clock
  std::string protocol;
  SourceLocation where;
};

enum class Weekday { mon, tue, wed, thu, fri, sat, sun };

struct WeeklySpec {
  std::vector<Weekday> days;
  double at_min = 0.0;
  std::string protocol;
  SourceLocation where;
};

// cognitive_test: the cognitive performance z at that moment; learn: encoding z of a learning
// block; recall: recall z of the most recent learn; measure: a blood draw or recording of one
// acute observable (a value at that moment, or its peak, mean or area over a window after it).
enum class EventType { cognitive_test, learn, recall, measure };

// What a `measure` event reads of its observable over [at, at + window_min].
enum class MeasureStat { value, peak, mean, auc };

struct EventSpec {
  std::string name;  // unique within the arm; default <type>_d<day>_<HHMM>
  int day = 0;
  double at_min = 0.0;
  EventType type = EventType::cognitive_test;
  double minutes = 0.0;    // duration, `learn` only (0 otherwise)
  std::string observable;  // `measure` only: an acute observable name
  MeasureStat stat = MeasureStat::value;
  double window_min = 0.0;  // `measure` with peak, mean or auc: the window after `at` (min)
  SourceLocation where;
};

// Where and how an arm trains: supervised one-to-one (the default), in a supervised group, or
// unsupervised at home, which set the adherence of its agents; or `lab`, a laboratory protocol
// in which every agent does every session as prescribed (no adherence draw, no dropout).
enum class TrainingSetting { supervised, group, home, lab };

struct Arm {
  std::string name;
  TrainingSetting setting = TrainingSetting::supervised;
  std::vector<SessionSpec> sessions;
  std::vector<WeeklySpec> weekly;
  int from_day = 0;           // weekly sessions start on this day
  std::optional<int> to_day;  // weekly sessions stop after this day; default: last day
  std::vector<EventSpec> events;
  SourceLocation where;
};

enum class TrainingStatus { untrained, recreational, trained };

// Age in years: uniform between min and max, or normal with mean and sd.
struct AgeDistribution {
  enum class Kind { uniform, normal };
  Kind kind = Kind::uniform;
  double a = 20.0;  // min (uniform) or mean (normal), years
  double b = 30.0;  // max (uniform) or sd (normal), years
  [[nodiscard]] double mean() const { return kind == Kind::uniform ? 0.5 * (a + b) : a; }
};

struct PopulationSpec {
  int agents = 100;
  AgeDistribution age;
  double female_fraction = 0.5;
  TrainingStatus training_status = TrainingStatus::recreational;
  // Tests averaged into each assessment (HERITAGE tested VO2max twice before and twice after):
  // every test-retest error is divided by √assessment_tests.
  int assessment_tests = 1;
  // Mean baseline depressive symptoms of the population, in general-population SD units (0: a
  // general population; each person draws N(mean, 1)). Sets the size of the mood response
  // (mood.hpp) and, through attendance, adherence.
  double depression_baseline_z = 0.0;
  SourceLocation where;
};

// One `[parameters]` entry: a model parameter by its full name ("lactate.rest_mmol_l", as
// `brainload describe` lists it), set for every arm. Checked against ModelParams when read.
struct ParameterSetting {
  std::string name;
  double value = 0.0;
  SourceLocation where;
};

struct Scenario {
  std::string name;
  std::string description;
  int days = 1;
  double start_clock_min = 0.0;  // wall clock at t = 0, minutes after midnight
  Weekday start_weekday = Weekday::mon;
  double sleep_from_min = 23 * 60;  // wall clock when the individual falls asleep
  double sleep_to_min = 7 * 60;     // wall clock when the individual wakes
  std::vector<int> assess_days;     // default: first and last day
  PopulationSpec population;
  std::map<std::string, Protocol> protocols;  // user protocols only; built-ins live in schedule/
  std::vector<Arm> arms;
  // Optional [teaching] table: "predict, then look" questions shown by `brainload report`,
  // and their answers (empty, or one per question).
  std::vector<std::string> teaching_questions;
  std::vector<std::string> teaching_answers;
  // Optional [report] outcomes = [...]: chronic outcomes the printed summary shows whatever the
  // span (by default it shows them only when the scenario lasts at least 28 days).
  std::vector<std::string> report_outcomes;
  SourceLocation report_where;
  std::vector<ParameterSetting> parameters;  // [parameters], in file order
  std::string file;                          // path it was read from
  std::string source_text;                   // the whole file, kept for provenance in outputs
};

}  // namespace brainload
