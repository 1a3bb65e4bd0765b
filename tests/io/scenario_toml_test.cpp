// Tests of the scenario TOML reader: the PRODUCT.md example and every block shape read into
// the right values, and each malformed input gives a ScenarioError whose message names
// file:line:column, the field and what is expected.
#include "brainload/io/scenario_toml.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace brainload {
namespace {

constexpr std::string_view kProductExample = R"toml([scenario]
name = "back_to_back_hiit"          # used for the default output name
description = "One vs two HIIT sessions before an afternoon exam"
days = 1                            # simulated span; `weeks = 52` also accepted
start_clock = "07:00"               # wall-clock time at t = 0 (default "00:00")
assess_days = [0, 1]                # days at which chronic outcomes are assessed (default: first and last)

[population]
agents = 500
age_years = { min = 20, max = 30 } # uniform; or { mean = 66, sd = 2.5 }
female_fraction = 0.5
training_status = "recreational"    # untrained | recreational | trained

[protocol.my_hiit]                  # a user-defined session: a list of blocks
blocks = [
  { repeat = 4, work_s = 240, work_hrmax = 0.90, rest_s = 180, rest_hrmax = 0.65 },
]

[[arm]]
name = "single"
sessions = [ { day = 0, at = "09:00", protocol = "my_hiit" } ]
events   = [ { day = 0, at = "14:00", type = "cognitive_test" } ]

[[arm]]
name = "double"
sessions = [ { day = 0, at = "09:00", protocol = "my_hiit" },
             { day = 0, at = "10:00", protocol = "hiit_4x4" } ]      # built-in protocol
events   = [ { day = 0, at = "14:00", type = "cognitive_test" } ]

[[arm]]
name = "hrt"
weekly = [ { days = ["mon", "wed", "fri"], at = "10:00", protocol = "lisa_hrt" } ]
from_day = 0
to_day = 364                        # weekly sessions stop after this day (follow-up after)
)toml";

// A valid scenario around one [protocol.p] table whose body is `protocol_body`
// (line 1 [scenario], line 2 name, line 3 [protocol.p], line 4 the body, then one arm).
std::string with_protocol(std::string_view protocol_body) {
  return "[scenario]\nname = \"t\"\n[protocol.p]\n" + std::string(protocol_body) +
         "\n[[arm]]\nname = \"a\"\n";
}

// A valid scenario whose arm table is `arm_body` (line 3 [[arm]], line 4 name, line 5 on).
std::string with_arm(std::string_view arm_body) {
  return "[scenario]\nname = \"t\"\n[[arm]]\nname = \"a\"\n" + std::string(arm_body) + "\n";
}

// A scenario with `scenario_body` under [scenario] from line 2 and one empty arm after it.
std::string with_scenario(std::string_view scenario_body) {
  return "[scenario]\n" + std::string(scenario_body) + "\n[[arm]]\nname = \"a\"\n";
}

std::vector<Diagnostic> diagnostics_of(std::string_view text) {
  try {
    (void)parse_scenario(text, "t.toml");
  } catch (const ScenarioError& error) {
    return error.diagnostics();
  }
  ADD_FAILURE() << "no ScenarioError for:\n" << text;
  return {};
}

// The input fails with exactly one diagnostic at `location` ("t.toml:L:C") for `field`, and
// the error's message carries all of it and the `expected` text.
void expect_single_error(std::string_view text, std::string_view location, std::string_view field,
                         std::string_view expected) {
  SCOPED_TRACE(text);
  try {
    (void)parse_scenario(text, "t.toml");
    ADD_FAILURE() << "no ScenarioError";
  } catch (const ScenarioError& error) {
    const std::string what = error.what();
    ASSERT_EQ(error.diagnostics().size(), 1u) << what;
    const std::string head = std::string(location) + ": " + std::string(field) + ": ";
    EXPECT_EQ(what.rfind(head, 0), 0u) << "expected to start with '" << head << "': " << what;
    EXPECT_NE(what.find(expected), std::string::npos)
        << "expected to contain '" << expected << "': " << what;
  }
}

TEST(ScenarioToml, ProductExampleScenarioAndPopulation) {
  const Scenario s = parse_scenario(kProductExample, "example.toml");
  EXPECT_EQ(s.name, "back_to_back_hiit");
  EXPECT_EQ(s.description, "One vs two HIIT sessions before an afternoon exam");
  EXPECT_EQ(s.days, 1);
  EXPECT_DOUBLE_EQ(s.start_clock_min, 7 * 60.0);
  EXPECT_EQ(s.start_weekday, Weekday::mon);
  EXPECT_DOUBLE_EQ(s.sleep_from_min, 23 * 60.0);
  EXPECT_DOUBLE_EQ(s.sleep_to_min, 7 * 60.0);
  EXPECT_EQ(s.assess_days, (std::vector<int>{0, 1}));
  EXPECT_EQ(s.population.agents, 500);
  EXPECT_EQ(s.population.age.kind, AgeDistribution::Kind::uniform);
  EXPECT_DOUBLE_EQ(s.population.age.a, 20.0);
  EXPECT_DOUBLE_EQ(s.population.age.b, 30.0);
  EXPECT_DOUBLE_EQ(s.population.female_fraction, 0.5);
  EXPECT_EQ(s.population.training_status, TrainingStatus::recreational);
  EXPECT_EQ(s.population.where.line, 8);
  EXPECT_EQ(s.file, "example.toml");
  EXPECT_EQ(s.source_text, kProductExample);
}

TEST(ScenarioToml, ProductExampleProtocol) {
  const Scenario s = parse_scenario(kProductExample, "example.toml");
  ASSERT_EQ(s.protocols.size(), 1u);
  const Protocol& p = s.protocols.at("my_hiit");
  EXPECT_EQ(p.name, "my_hiit");
  EXPECT_EQ(p.where.line, 14);
  ASSERT_EQ(p.blocks.size(), 1u);
  EXPECT_EQ(p.blocks[0].where.line, 16);
  EXPECT_EQ(p.blocks[0].where.column, 3);
  const auto* b = std::get_if<IntervalBlock>(&p.blocks[0].block);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->repeat, 4);
  EXPECT_DOUBLE_EQ(b->work_s, 240.0);
  EXPECT_EQ(b->work.kind, Intensity::Kind::hrmax);
  EXPECT_DOUBLE_EQ(b->work.value, 0.90);
  EXPECT_DOUBLE_EQ(b->rest_s, 180.0);
  ASSERT_TRUE(b->rest.has_value());
  EXPECT_EQ(b->rest->kind, Intensity::Kind::hrmax);
  EXPECT_DOUBLE_EQ(b->rest->value, 0.65);
  EXPECT_EQ(b->mode, Modality::cycle);
}

TEST(ScenarioToml, ProductExampleArms) {
  const Scenario s = parse_scenario(kProductExample, "example.toml");
  ASSERT_EQ(s.arms.size(), 3u);
  const Arm& single = s.arms[0];
  EXPECT_EQ(single.name, "single");
  EXPECT_EQ(single.where.line, 19);
  ASSERT_EQ(single.sessions.size(), 1u);
  EXPECT_EQ(single.sessions[0].day, 0);
  EXPECT_DOUBLE_EQ(single.sessions[0].at_min, 9 * 60.0);
  EXPECT_EQ(single.sessions[0].protocol, "my_hiit");
  EXPECT_EQ(single.sessions[0].where.line, 21);
  ASSERT_EQ(single.events.size(), 1u);
  EXPECT_EQ(single.events[0].type, EventType::cognitive_test);
  EXPECT_DOUBLE_EQ(single.events[0].at_min, 14 * 60.0);
  EXPECT_DOUBLE_EQ(single.events[0].minutes, 0.0);

  const Arm& twice = s.arms[1];
  EXPECT_EQ(twice.name, "double");
  ASSERT_EQ(twice.sessions.size(), 2u);
  EXPECT_EQ(twice.sessions[1].protocol, "hiit_4x4");
  EXPECT_DOUBLE_EQ(twice.sessions[1].at_min, 10 * 60.0);
  EXPECT_EQ(twice.sessions[1].where.line, 27);

  const Arm& hrt = s.arms[2];
  EXPECT_EQ(hrt.name, "hrt");
  EXPECT_TRUE(hrt.sessions.empty());
  ASSERT_EQ(hrt.weekly.size(), 1u);
  EXPECT_EQ(hrt.weekly[0].days, (std::vector<Weekday>{Weekday::mon, Weekday::wed, Weekday::fri}));
  EXPECT_DOUBLE_EQ(hrt.weekly[0].at_min, 10 * 60.0);
  EXPECT_EQ(hrt.weekly[0].protocol, "lisa_hrt");
  EXPECT_EQ(hrt.from_day, 0);
  EXPECT_EQ(hrt.to_day, std::optional<int>(364));
}

TEST(ScenarioToml, EveryBlockShape) {
  const Scenario s = parse_scenario(with_protocol(R"(description = "all shapes"
blocks = [
  { minutes = 10, vo2max = 1 },
  { minutes = 20, hrmax = 0.7, mode = "run" },
  { repeat = 6, work_s = 6, all_out = true, rest_s = 60, mode = "row" },
  { repeat = 8, work_s = 20, work_vo2max = 1.7 },
  { exercise = "squat", sets = 3, reps = 8, load_1rm = 0.8, rest_s = 150, dual_task = true },
  { exercise = "deadlift", sets = 2, reps = 5, load_1rm = 0.9 },
  { jumps = 10, sets = 3, rest_s = 45, kind = "box_jump" },
  { jumps = 50, kind = "jump_rope" },
  { minutes = 5 },
  { minutes = 30, hrr = 0.6, mode = "run" },
  { repeat = 4, work_s = 240, work_hrr = 0.85, rest_s = 180, rest_hrr = 0.5 },
])"),
                                    "t.toml");
  const Protocol& p = s.protocols.at("p");
  EXPECT_EQ(p.description, "all shapes");
  ASSERT_EQ(p.blocks.size(), 11u);
  const auto& karvonen = std::get<SteadyBlock>(p.blocks[9].block);
  EXPECT_EQ(karvonen.intensity.kind, Intensity::Kind::hrr);
  EXPECT_DOUBLE_EQ(karvonen.intensity.value, 0.6);
  const auto& hrr_intervals = std::get<IntervalBlock>(p.blocks[10].block);
  EXPECT_EQ(hrr_intervals.work.kind, Intensity::Kind::hrr);
  EXPECT_DOUBLE_EQ(hrr_intervals.work.value, 0.85);
  ASSERT_TRUE(hrr_intervals.rest.has_value());
  EXPECT_EQ(hrr_intervals.rest->kind, Intensity::Kind::hrr);
  const auto& steady = std::get<SteadyBlock>(p.blocks[0].block);
  EXPECT_DOUBLE_EQ(steady.minutes, 10.0);
  EXPECT_EQ(steady.intensity.kind, Intensity::Kind::vo2max);
  EXPECT_DOUBLE_EQ(steady.intensity.value, 1.0);  // an integer where a number is expected
  EXPECT_EQ(steady.mode, Modality::cycle);
  const auto& run = std::get<SteadyBlock>(p.blocks[1].block);
  EXPECT_EQ(run.intensity.kind, Intensity::Kind::hrmax);
  EXPECT_EQ(run.mode, Modality::run);
  const auto& sprint = std::get<IntervalBlock>(p.blocks[2].block);
  EXPECT_EQ(sprint.repeat, 6);
  EXPECT_EQ(sprint.work.kind, Intensity::Kind::all_out);
  EXPECT_FALSE(sprint.rest.has_value());
  EXPECT_EQ(sprint.mode, Modality::row);
  const auto& tabata = std::get<IntervalBlock>(p.blocks[3].block);
  EXPECT_DOUBLE_EQ(tabata.work.value, 1.7);
  EXPECT_DOUBLE_EQ(tabata.rest_s, 0.0);
  const auto& squat = std::get<ResistanceBlock>(p.blocks[4].block);
  EXPECT_EQ(squat.exercise, "squat");
  EXPECT_EQ(squat.sets, 3);
  EXPECT_EQ(squat.reps, 8);
  EXPECT_DOUBLE_EQ(squat.load_1rm, 0.8);
  EXPECT_DOUBLE_EQ(squat.rest_s, 150.0);
  EXPECT_TRUE(squat.dual_task);
  const auto& deadlift = std::get<ResistanceBlock>(p.blocks[5].block);
  EXPECT_DOUBLE_EQ(deadlift.rest_s, 120.0);
  EXPECT_FALSE(deadlift.dual_task);
  const auto& box = std::get<ImpactBlock>(p.blocks[6].block);
  EXPECT_EQ(box.jumps, 10);
  EXPECT_EQ(box.sets, 3);
  EXPECT_DOUBLE_EQ(box.rest_s, 45.0);
  EXPECT_EQ(box.kind, "box_jump");
  const auto& rope = std::get<ImpactBlock>(p.blocks[7].block);
  EXPECT_EQ(rope.sets, 1);
  EXPECT_DOUBLE_EQ(rope.rest_s, 60.0);
  EXPECT_DOUBLE_EQ(std::get<RestBlock>(p.blocks[8].block).minutes, 5.0);
  EXPECT_EQ(p.blocks[8].where.line, 14);
}

TEST(ScenarioToml, AbsoluteIntensitiesAreReadInMlPerKgPerMin) {
  const Scenario s = parse_scenario(with_protocol(R"(blocks = [
  { minutes = 30, mets = 4, mode = "walk" },
  { minutes = 10, vo2_ml_kg_min = 24.6 },
  { repeat = 4, work_s = 60, work_mets = 10, rest_s = 60, rest_vo2_ml_kg_min = 7 },
  { repeat = 2, work_s = 30, work_vo2_ml_kg_min = 40, rest_s = 30, rest_mets = 2 },
])"),
                                    "t.toml");
  const Protocol& p = s.protocols.at("p");
  ASSERT_EQ(p.blocks.size(), 4u);
  const auto& walk = std::get<SteadyBlock>(p.blocks[0].block);
  EXPECT_EQ(walk.intensity.kind, Intensity::Kind::vo2_ml_kg_min);
  EXPECT_DOUBLE_EQ(walk.intensity.value, 14.0);  // 4 METs × 3.5 ml/kg/min
  const auto& cycle = std::get<SteadyBlock>(p.blocks[1].block);
  EXPECT_EQ(cycle.intensity.kind, Intensity::Kind::vo2_ml_kg_min);
  EXPECT_DOUBLE_EQ(cycle.intensity.value, 24.6);
  const auto& mets = std::get<IntervalBlock>(p.blocks[2].block);
  EXPECT_DOUBLE_EQ(mets.work.value, 35.0);
  ASSERT_TRUE(mets.rest.has_value());
  EXPECT_EQ(mets.rest->kind, Intensity::Kind::vo2_ml_kg_min);
  EXPECT_DOUBLE_EQ(mets.rest->value, 7.0);
  const auto& ml = std::get<IntervalBlock>(p.blocks[3].block);
  EXPECT_EQ(ml.work.kind, Intensity::Kind::vo2_ml_kg_min);
  EXPECT_DOUBLE_EQ(ml.work.value, 40.0);
  EXPECT_DOUBLE_EQ(ml.rest->value, 7.0);
}

TEST(ScenarioToml, WeeksAndDefaults) {
  const Scenario s = parse_scenario(with_scenario("name = \"year\"\nweeks = 52"), "t.toml");
  EXPECT_EQ(s.days, 364);
  EXPECT_EQ(s.assess_days, (std::vector<int>{0, 364}));
  EXPECT_DOUBLE_EQ(s.start_clock_min, 0.0);
  EXPECT_EQ(s.start_weekday, Weekday::mon);
  EXPECT_EQ(s.population.agents, 100);
  EXPECT_EQ(s.population.age.kind, AgeDistribution::Kind::uniform);
  EXPECT_DOUBLE_EQ(s.population.female_fraction, 0.5);
  EXPECT_EQ(s.population.training_status, TrainingStatus::recreational);
  EXPECT_TRUE(s.protocols.empty());
  EXPECT_EQ(s.arms.at(0).to_day, std::nullopt);
}

TEST(ScenarioToml, NoSpanMeansOneDay) {
  const Scenario s = parse_scenario(with_scenario("name = \"x\""), "t.toml");
  EXPECT_EQ(s.days, 1);
  EXPECT_EQ(s.assess_days, (std::vector<int>{0, 1}));
}

TEST(ScenarioToml, ScenarioOptions) {
  const Scenario s = parse_scenario(
      with_scenario("name = \"Opt-2\"\ndays = 30\nstart_weekday = \"sat\"\n"
                    "sleep = \"22:30-06:15\"\nassess_days = [30, 0, 14]\nstart_clock = \"23:59\""),
      "t.toml");
  EXPECT_EQ(s.name, "Opt-2");
  EXPECT_EQ(s.start_weekday, Weekday::sat);
  EXPECT_DOUBLE_EQ(s.sleep_from_min, 22 * 60.0 + 30);
  EXPECT_DOUBLE_EQ(s.sleep_to_min, 6 * 60.0 + 15);
  EXPECT_EQ(s.assess_days, (std::vector<int>{0, 14, 30}));
  EXPECT_DOUBLE_EQ(s.start_clock_min, 23 * 60.0 + 59);
}

TEST(ScenarioToml, NormalAgeAndPopulation) {
  const Scenario s = parse_scenario(
      "[scenario]\nname = \"x\"\n[population]\nagents = 900\nage_years = { mean = 66, sd = 2.5 }\n"
      "female_fraction = 1\ntraining_status = \"untrained\"\n[[arm]]\nname = \"a\"\n",
      "t.toml");
  EXPECT_EQ(s.population.agents, 900);
  EXPECT_EQ(s.population.age.kind, AgeDistribution::Kind::normal);
  EXPECT_DOUBLE_EQ(s.population.age.a, 66.0);
  EXPECT_DOUBLE_EQ(s.population.age.b, 2.5);
  EXPECT_DOUBLE_EQ(s.population.female_fraction, 1.0);
  EXPECT_EQ(s.population.training_status, TrainingStatus::untrained);
}

TEST(ScenarioToml, AssessmentTestsAreOneByDefaultAndBounded) {
  EXPECT_EQ(parse_scenario(with_scenario("name = \"x\""), "t.toml").population.assessment_tests, 1);
  const Scenario s = parse_scenario(
      "[scenario]\nname = \"x\"\n[population]\nassessment_tests = 2\n[[arm]]\nname = \"a\"\n",
      "t.toml");
  EXPECT_EQ(s.population.assessment_tests, 2);
  expect_single_error(
      "[scenario]\nname = \"x\"\n[population]\nassessment_tests = 0\n[[arm]]\nname = \"a\"\n",
      "t.toml:4:20", "population.assessment_tests", "from 1 to 10");
}

TEST(ScenarioToml, DepressionBaselineIsZeroByDefaultAndBounded) {
  EXPECT_EQ(
      parse_scenario(with_scenario("name = \"x\""), "t.toml").population.depression_baseline_z,
      0.0);
  const Scenario s = parse_scenario(
      "[scenario]\nname = \"x\"\n[population]\ndepression_baseline_z = 0.71\n[[arm]]\nname = "
      "\"a\"\n",
      "t.toml");
  EXPECT_DOUBLE_EQ(s.population.depression_baseline_z, 0.71);
  expect_single_error(
      "[scenario]\nname = \"x\"\n[population]\ndepression_baseline_z = 7\n[[arm]]\nname = "
      "\"a\"\n",
      "t.toml:4:25", "population.depression_baseline_z", "from -3 to 6");
}

TEST(ScenarioToml, EventsAndWeekly) {
  const Scenario s = parse_scenario(with_arm(R"(events = [
  { day = 2, at = "08:00", type = "learn", minutes = 20 },
  { day = 3, at = "08:00", type = "recall" },
]
weekly = [ { days = ["sun", "tue"], at = "18:30", protocol = "tabata" } ]
from_day = 7
to_day = 20)"),
                                    "t.toml");
  const Arm& arm = s.arms.at(0);
  ASSERT_EQ(arm.events.size(), 2u);
  EXPECT_EQ(arm.events[0].type, EventType::learn);
  EXPECT_DOUBLE_EQ(arm.events[0].minutes, 20.0);
  EXPECT_EQ(arm.events[0].day, 2);
  EXPECT_EQ(arm.events[0].where.line, 6);
  EXPECT_EQ(arm.events[1].type, EventType::recall);
  EXPECT_EQ(arm.weekly.at(0).days, (std::vector<Weekday>{Weekday::sun, Weekday::tue}));
  EXPECT_DOUBLE_EQ(arm.weekly.at(0).at_min, 18 * 60.0 + 30);
  EXPECT_EQ(arm.from_day, 7);
  EXPECT_EQ(arm.to_day, std::optional<int>(20));
}

// --- malformed input: top level and [scenario] -------------------------------------------------

TEST(ScenarioTomlErrors, SyntaxErrorHasLineAndColumn) {
  const auto d = diagnostics_of("[scenario]\nname = \"x\"\ndays = = 3\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].where.file, "t.toml");
  EXPECT_EQ(d[0].where.line, 3);
  EXPECT_GT(d[0].where.column, 1);
  EXPECT_NE(d[0].message.find("invalid TOML"), std::string::npos) << d[0].message;
}

// toml++ 3.3 asserted on these in assertion-enabled builds (marzer/tomlplusplus#301).
TEST(ScenarioTomlErrors, regression_MalformedHeadersAndArraysAreSyntaxErrors) {
  for (const std::string_view text :
       {"[[[arm]]\nname = \"a\"\n", "[scenario]\n  [[=\n", "[scenario]\nx = [ }{ a = 1 } ]\n"}) {
    const auto d = diagnostics_of(text);
    ASSERT_EQ(d.size(), 1u) << text;
    EXPECT_EQ(d[0].where.line, text.starts_with("[[[") ? 1 : 2);
    EXPECT_NE(d[0].message.find("invalid TOML"), std::string::npos) << d[0].message;
  }
}

TEST(ScenarioTomlErrors, UnknownTopLevelKey) {
  expect_single_error("[scenario]\nname = \"x\"\n[[arm]]\nname = \"a\"\n[output]\nfile = \"x\"\n",
                      "t.toml:5:2", "output",
                      "unknown key 'output'; expected one of: scenario, population, protocol, arm");
}

TEST(ScenarioTomlErrors, UnknownScenarioKeySuggestsTheNearOne) {
  expect_single_error(with_scenario("name = \"x\"\ndyas = 3"), "t.toml:3:1", "scenario.dyas",
                      "did you mean 'days'? expected one of: name, description, days, weeks");
}

TEST(ScenarioTomlErrors, MissingScenarioTable) {
  expect_single_error("[[arm]]\nname = \"a\"\n", "t.toml:1:1", "scenario",
                      "expected [scenario] with at least name");
}

TEST(ScenarioTomlErrors, MissingName) {
  expect_single_error(with_scenario("days = 2"), "t.toml:1:1", "scenario.name",
                      "missing required key 'name'; expected a name");
}

TEST(ScenarioTomlErrors, NameWithSpace) {
  expect_single_error(with_scenario("name = \"my trial\""), "t.toml:2:8", "scenario.name",
                      "made of letters, digits, '_' and '-', got \"my trial\"");
}

TEST(ScenarioTomlErrors, NegativeDays) {
  expect_single_error(with_scenario("name = \"x\"\ndays = -3"), "t.toml:3:8", "scenario.days",
                      "expected an integer from 1 to 36500, got -3");
}

TEST(ScenarioTomlErrors, FractionalDays) {
  expect_single_error(with_scenario("name = \"x\"\ndays = 2.5"), "t.toml:3:8", "scenario.days",
                      "expected an integer from 1 to 36500, got 2.5");
}

TEST(ScenarioTomlErrors, DaysAsString) {
  expect_single_error(with_scenario("name = \"x\"\ndays = \"3\""), "t.toml:3:8", "scenario.days",
                      "expected an integer from 1 to 36500, got \"3\"");
}

TEST(ScenarioTomlErrors, DaysAndWeeks) {
  expect_single_error(with_scenario("name = \"x\"\ndays = 7\nweeks = 1"), "t.toml:4:9",
                      "scenario.weeks", "expected only one of them");
}

TEST(ScenarioTomlErrors, ZeroWeeks) {
  expect_single_error(with_scenario("name = \"x\"\nweeks = 0"), "t.toml:3:9", "scenario.weeks",
                      "expected an integer from 1 to 5214, got 0");
}

TEST(ScenarioTomlErrors, StartClockOutOfRange) {
  expect_single_error(with_scenario("name = \"x\"\nstart_clock = \"24:00\""), "t.toml:3:15",
                      "scenario.start_clock",
                      R"(expected a time "HH:MM" from 00:00 to 23:59, got "24:00")");
}

TEST(ScenarioTomlErrors, StartClockWithoutLeadingZero) {
  expect_single_error(with_scenario("name = \"x\"\nstart_clock = \"7:00\""), "t.toml:3:15",
                      "scenario.start_clock", "expected a time \"HH:MM\"");
}

TEST(ScenarioTomlErrors, UnknownWeekday) {
  expect_single_error(with_scenario("name = \"x\"\nstart_weekday = \"monday\""), "t.toml:3:17",
                      "scenario.start_weekday",
                      "expected one of: mon, tue, wed, thu, fri, sat, sun, got \"monday\"");
}

TEST(ScenarioTomlErrors, SleepSameTimes) {
  expect_single_error(with_scenario("name = \"x\"\nsleep = \"23:00-23:00\""), "t.toml:3:9",
                      "scenario.sleep", "expected two different times");
}

TEST(ScenarioTomlErrors, SleepBadFormat) {
  expect_single_error(with_scenario("name = \"x\"\nsleep = \"23:00 to 07:00\""), "t.toml:3:9",
                      "scenario.sleep", "expected a span \"HH:MM-HH:MM\"");
}

TEST(ScenarioTomlErrors, AssessDayAfterTheEnd) {
  expect_single_error(with_scenario("name = \"x\"\ndays = 10\nassess_days = [0, 11]"),
                      "t.toml:4:19", "scenario.assess_days[1]",
                      "expected an integer from 0 to 10 (the scenario's days), got 11");
}

TEST(ScenarioTomlErrors, AssessDayTwice) {
  expect_single_error(with_scenario("name = \"x\"\ndays = 10\nassess_days = [0, 5, 5]"),
                      "t.toml:4:22", "scenario.assess_days[2]", "day 5 is listed twice");
}

TEST(ScenarioTomlErrors, AssessDaysNotAnArray) {
  expect_single_error(with_scenario("name = \"x\"\nassess_days = 3"), "t.toml:3:15",
                      "scenario.assess_days", "expected a non-empty array of days");
}

// --- [population] --------------------------------------------------------------------------

std::string with_population(std::string_view body) {
  return "[scenario]\nname = \"x\"\n[population]\n" + std::string(body) +
         "\n[[arm]]\nname = \"a\"\n";
}

TEST(ScenarioTomlErrors, ZeroAgents) {
  expect_single_error(with_population("agents = 0"), "t.toml:4:10", "population.agents",
                      "expected an integer from 1 to 100000000, got 0");
}

TEST(ScenarioTomlErrors, BareAgeShowsBothForms) {
  expect_single_error(with_population("age_years = 66"), "t.toml:4:13", "population.age_years",
                      "expected an inline table { min = 20, max = 30 } (uniform) or "
                      "{ mean = 66, sd = 2.5 } (normal), got 66");
}

TEST(ScenarioTomlErrors, MixedAgeForms) {
  expect_single_error(with_population("age_years = { min = 20, sd = 3 }"), "t.toml:4:13",
                      "population.age_years", "both {min, max} and {mean, sd} are given");
}

TEST(ScenarioTomlErrors, AgeMaxBelowMin) {
  expect_single_error(with_population("age_years = { min = 40, max = 30 }"), "t.toml:4:31",
                      "population.age_years.max", "expected max > min (40), got 30");
}

TEST(ScenarioTomlErrors, AgeMissingMax) {
  expect_single_error(with_population("age_years = { min = 40 }"), "t.toml:4:13",
                      "population.age_years.max", "missing required key 'max'");
}

TEST(ScenarioTomlErrors, AgeSdTooLarge) {
  expect_single_error(with_population("age_years = { mean = 50, sd = 31 }"), "t.toml:4:31",
                      "population.age_years.sd", "expected a number > 0 and ≤ 30, got 31");
}

TEST(ScenarioTomlErrors, FemaleFractionAboveOne) {
  expect_single_error(with_population("female_fraction = 1.5"), "t.toml:4:19",
                      "population.female_fraction", "expected a number from 0 to 1, got 1.5");
}

TEST(ScenarioTomlErrors, NanIsNotFinite) {
  expect_single_error(with_population("female_fraction = nan"), "t.toml:4:19",
                      "population.female_fraction", "must be a finite number");
}

TEST(ScenarioTomlErrors, UnknownTrainingStatus) {
  expect_single_error(with_population("training_status = \"elite\""), "t.toml:4:19",
                      "population.training_status",
                      "expected one of: untrained, recreational, trained, got \"elite\"");
}

// --- [protocol.NAME] and blocks --------------------------------------------------------------

TEST(ScenarioTomlErrors, ProtocolShadowsBuiltin) {
  expect_single_error(
      "[scenario]\nname = \"x\"\n[protocol.hiit_4x4]\nblocks = [ { minutes = 5 } ]\n"
      "[[arm]]\nname = \"a\"\n",
      "t.toml:3:11", "protocol.hiit_4x4", "shadows the built-in protocol 'hiit_4x4'");
}

TEST(ScenarioTomlErrors, ProtocolNameWithSpace) {
  expect_single_error(
      "[scenario]\nname = \"x\"\n[protocol.\"my hiit\"]\nblocks = [ { minutes = 5 } ]\n"
      "[[arm]]\nname = \"a\"\n",
      "t.toml:3:11", "protocol.my hiit", "made of letters, digits, '_' and '-'");
}

TEST(ScenarioTomlErrors, ProtocolWithoutBlocks) {
  expect_single_error(with_protocol("description = \"nothing\""), "t.toml:3:1", "protocol.p.blocks",
                      "missing required key 'blocks'");
}

TEST(ScenarioTomlErrors, ProtocolWithEmptyBlocks) {
  expect_single_error(with_protocol("blocks = []"), "t.toml:4:10", "protocol.p.blocks",
                      "expected at least one block");
}

TEST(ScenarioTomlErrors, BlockOfUnknownShapeNamesTheFive) {
  expect_single_error(
      with_protocol("blocks = [ { minutes = 5, mode = \"run\" } ]"), "t.toml:4:12",
      "protocol.p.blocks[0]",
      "cannot tell the block's type from its keys (minutes, mode); expected one "
      "of: steady { minutes, vo2max or hrmax or hrr or vo2_ml_kg_min or mets, mode }, "
      "intervals {");
}

TEST(ScenarioTomlErrors, SteadyWithTwoIntensities) {
  expect_single_error(with_protocol("blocks = [ { minutes = 5, vo2max = 0.5, hrmax = 0.6 } ]"),
                      "t.toml:4:49", "protocol.p.blocks[0].hrmax",
                      "intensity is given twice (vo2max and hrmax); expected exactly one of "
                      "vo2max (a number > 0 and ≤ 1) or hrmax (a number from 0.3 to 1)");
}

TEST(ScenarioTomlErrors, HrmaxTooLow) {
  expect_single_error(with_protocol("blocks = [ { minutes = 5, hrmax = 0.2 } ]"), "t.toml:4:35",
                      "protocol.p.blocks[0].hrmax", "expected a number from 0.3 to 1, got 0.2");
}

TEST(ScenarioTomlErrors, HeartRateReserveAboveOne) {
  expect_single_error(with_protocol("blocks = [ { minutes = 5, hrr = 1.2 } ]"), "t.toml:4:33",
                      "protocol.p.blocks[0].hrr", "expected a number > 0 and ≤ 1, got 1.2");
  expect_single_error(with_protocol("blocks = [ { minutes = 5, hrr = 0 } ]"), "t.toml:4:33",
                      "protocol.p.blocks[0].hrr", "expected a number > 0 and ≤ 1, got 0");
}

TEST(ScenarioTomlErrors, MetsAboveTheMaximum) {
  expect_single_error(with_protocol("blocks = [ { minutes = 5, mets = 40 } ]"), "t.toml:4:34",
                      "protocol.p.blocks[0].mets", "expected a number > 0 and ≤ 28, got 40");
}

TEST(ScenarioTomlErrors, AbsoluteAndRelativeIntensityTogether) {
  expect_single_error(
      with_protocol("blocks = [ { minutes = 5, vo2max = 0.5, vo2_ml_kg_min = 20 } ]"),
      "t.toml:4:57", "protocol.p.blocks[0].vo2_ml_kg_min",
      "intensity is given twice (vo2max and vo2_ml_kg_min)");
}

TEST(ScenarioTomlErrors, SteadyMinutesZero) {
  expect_single_error(with_protocol("blocks = [ { minutes = 0, vo2max = 0.5 } ]"), "t.toml:4:24",
                      "protocol.p.blocks[0].minutes", "expected a number > 0 and ≤ 1440, got 0");
}

TEST(ScenarioTomlErrors, AllOutFalse) {
  expect_single_error(with_protocol("blocks = [ { repeat = 3, work_s = 6, all_out = false } ]"),
                      "t.toml:4:48", "protocol.p.blocks[0].all_out",
                      "remove it, or give work_vo2max");
}

TEST(ScenarioTomlErrors, IntervalsWithoutWorkIntensity) {
  expect_single_error(with_protocol("blocks = [ { repeat = 3, work_s = 6 } ]"), "t.toml:4:12",
                      "protocol.p.blocks[0]",
                      "missing work intensity; expected exactly one of work_vo2max (a number > 0 "
                      "and ≤ 3) or work_hrmax (a number from 0.3 to 1) or work_hrr (a number > 0 "
                      "and ≤ 1) or work_vo2_ml_kg_min (a number > 0 and ≤ 100) or work_mets (a "
                      "number > 0 and ≤ 28) or all_out = true");
}

TEST(ScenarioTomlErrors, FractionalRepeat) {
  expect_single_error(with_protocol("blocks = [ { repeat = 2.5, work_s = 6, work_vo2max = 1.2 } ]"),
                      "t.toml:4:23", "protocol.p.blocks[0].repeat",
                      "expected an integer from 1 to 1000, got 2.5");
}

TEST(ScenarioTomlErrors, TwoRestIntensities) {
  expect_single_error(
      with_protocol("blocks = [ { repeat = 2, work_s = 6, work_vo2max = 1.2, rest_s = 30, "
                    "rest_vo2max = 0.3, rest_hrmax = 0.6 } ]"),
      "t.toml:4:102", "protocol.p.blocks[0].rest_hrmax",
      "rest intensity is given twice (rest_vo2max and rest_hrmax); expected at most one of");
}

TEST(ScenarioTomlErrors, UnknownIntervalKeyListsIntervalKeys) {
  expect_single_error(
      with_protocol("blocks = [ { repeat = 2, work_s = 6, work_vo2max = 1.2, pause_s = 30 } ]"),
      "t.toml:4:57", "protocol.p.blocks[0].pause_s",
      "unknown key 'pause_s'; expected one of: repeat, work_s, work_vo2max, work_hrmax, "
      "work_hrr, work_vo2_ml_kg_min, work_mets, all_out, rest_s, rest_vo2max, rest_hrmax, "
      "rest_hrr, rest_vo2_ml_kg_min, rest_mets, mode");
}

TEST(ScenarioTomlErrors, InfiniteWorkVo2max) {
  expect_single_error(with_protocol("blocks = [ { repeat = 2, work_s = 6, work_vo2max = inf } ]"),
                      "t.toml:4:52", "protocol.p.blocks[0].work_vo2max",
                      "must be a finite number; expected a number > 0 and ≤ 3, got inf");
}

TEST(ScenarioTomlErrors, UnknownExerciseListsTheKnownOnes) {
  expect_single_error(
      with_protocol("blocks = [ { exercise = \"curl\", sets = 3, reps = 8, load_1rm = 0.7 } ]"),
      "t.toml:4:25", "protocol.p.blocks[0].exercise",
      "unknown exercise 'curl'; expected one of: squat, deadlift, bench_press");
}

TEST(ScenarioTomlErrors, TooManySets) {
  expect_single_error(
      with_protocol("blocks = [ { exercise = \"squat\", sets = 25, reps = 8, load_1rm = 0.7 } ]"),
      "t.toml:4:41", "protocol.p.blocks[0].sets", "expected an integer from 1 to 20, got 25");
}

TEST(ScenarioTomlErrors, MissingRepsNamesTheBlock) {
  expect_single_error(
      with_protocol("blocks = [ { exercise = \"squat\", sets = 3, load_1rm = 0.7 } ]"),
      "t.toml:4:12", "protocol.p.blocks[0].reps",
      "missing required key 'reps'; expected an integer from 1 to 100");
}

TEST(ScenarioTomlErrors, UnknownImpactKind) {
  expect_single_error(with_protocol("blocks = [ { jumps = 10, kind = \"squat_jump\" } ]"),
                      "t.toml:4:33", "protocol.p.blocks[0].kind",
                      "unknown impact kind 'squat_jump'; expected one of: jump_rope, box_jump, "
                      "drop_jump, skipping");
}

TEST(ScenarioTomlErrors, ImpactWithoutKind) {
  expect_single_error(with_protocol("blocks = [ { jumps = 10 } ]"), "t.toml:4:12",
                      "protocol.p.blocks[0].kind", "missing required key 'kind'");
}

// --- [[arm]] -----------------------------------------------------------------------------------

TEST(ScenarioTomlErrors, NoArm) {
  expect_single_error("[scenario]\nname = \"x\"\n", "t.toml:1:1", "arm",
                      "expected at least one [[arm]] table");
}

TEST(ScenarioTomlErrors, DuplicateArmName) {
  expect_single_error(with_arm("[[arm]]\nname = \"a\""), "t.toml:6:8", "arm[1].name",
                      "arm name 'a' is already used by the arm at line 3");
}

TEST(ScenarioTomlErrors, UnknownProtocolListsBuiltins) {
  expect_single_error(with_arm(R"(sessions = [ { day = 0, at = "09:00", protocol = "hiit" } ])"),
                      "t.toml:5:50", "arm[0].sessions[0].protocol",
                      "unknown protocol 'hiit'; expected a [protocol.hiit] table in this file or "
                      "a built-in one: wingate, sprint_6x6s, hiit_4x4");
}

TEST(ScenarioTomlErrors, SessionWithoutAt) {
  expect_single_error(with_arm("sessions = [ { day = 0, protocol = \"wingate\" } ]"), "t.toml:5:14",
                      "arm[0].sessions[0].at", "missing required key 'at'");
}

TEST(ScenarioTomlErrors, NegativeSessionDay) {
  expect_single_error(
      with_arm(R"(sessions = [ { day = -1, at = "09:00", protocol = "wingate" } ])"), "t.toml:5:22",
      "arm[0].sessions[0].day", "expected an integer from 0 to 36500, got -1");
}

TEST(ScenarioTomlErrors, WeeklyWithNoDays) {
  expect_single_error(with_arm(R"(weekly = [ { days = [], at = "09:00", protocol = "wingate" } ])"),
                      "t.toml:5:21", "arm[0].weekly[0].days",
                      "expected a non-empty array of weekdays");
}

TEST(ScenarioTomlErrors, WeeklyDayTwice) {
  expect_single_error(
      with_arm(R"(weekly = [ { days = ["mon", "mon"], at = "09:00", protocol = "wingate" } ])"),
      "t.toml:5:29", "arm[0].weekly[0].days[1]", "'mon' is listed twice");
}

TEST(ScenarioTomlErrors, ToDayBeforeFromDay) {
  expect_single_error(with_arm("from_day = 10\nto_day = 5"), "t.toml:6:10", "arm[0].to_day",
                      "expected to_day ≥ from_day (10), got 5");
}

TEST(ScenarioTomlErrors, UnknownEventType) {
  expect_single_error(with_arm(R"(events = [ { day = 0, at = "09:00", type = "exam" } ])"),
                      "t.toml:5:44", "arm[0].events[0].type",
                      "expected one of: cognitive_test, learn, recall, measure, got \"exam\"");
}

TEST(ScenarioTomlErrors, LearnWithoutMinutes) {
  expect_single_error(with_arm(R"(events = [ { day = 0, at = "09:00", type = "learn" } ])"),
                      "t.toml:5:12", "arm[0].events[0].minutes",
                      "missing required key 'minutes'; expected a number > 0 and ≤ 600");
}

TEST(ScenarioTomlErrors, MinutesOnACognitiveTest) {
  expect_single_error(
      with_arm(R"(events = [ { day = 0, at = "09:00", type = "recall", minutes = 5 } ])"),
      "t.toml:5:64", "arm[0].events[0].minutes", "minutes applies only to type = \"learn\"");
}

TEST(ScenarioTomlErrors, UnknownArmKey) {
  expect_single_error(with_arm("session = []"), "t.toml:5:1", "arm[0].session",
                      "unknown key 'session'; did you mean 'sessions'? expected one of: name, "
                      "sessions, weekly, from_day, to_day, events");
}

TEST(ScenarioTomlErrors, EveryProblemIsReportedInFileOrder) {
  const auto d = diagnostics_of(
      "[scenario]\nname = \"x\"\ndays = 0\n[population]\nagents = -5\n[[arm]]\nname = \"a b\"\n");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].field, "scenario.days");
  EXPECT_EQ(d[0].where.line, 3);
  EXPECT_EQ(d[1].field, "population.agents");
  EXPECT_EQ(d[1].where.line, 5);
  EXPECT_EQ(d[2].field, "arm[0].name");
  EXPECT_EQ(d[2].where.line, 7);
}

// --- load_scenario_file ------------------------------------------------------------------------

// A fresh path in the temp directory, named after the running test.
std::filesystem::path temp_path(std::string_view suffix) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return std::filesystem::temp_directory_path() /
         (std::string("brainload_") + info->name() + "_" + std::to_string(::getpid()) +
          std::string(suffix));
}

std::filesystem::path write_temp(std::string_view content) {
  auto path = temp_path(".toml");
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(LoadScenarioFile, ReadsAFile) {
  const auto path = write_temp(kProductExample);
  const Scenario s = load_scenario_file(path.string());
  EXPECT_EQ(s.file, path.string());
  EXPECT_EQ(s.name, "back_to_back_hiit");
  EXPECT_EQ(s.arms.at(0).where.file, path.string());
  std::filesystem::remove(path);
}

TEST(LoadScenarioFile, MissingFileIsMissingInput) {
  const std::string path = temp_path("_absent.toml").string();
  try {
    (void)load_scenario_file(path);
    FAIL() << "no MissingInputError";
  } catch (const MissingInputError& error) {
    EXPECT_NE(std::string(error.what()).find("cannot read scenario '" + path + "': "),
              std::string::npos)
        << error.what();
    EXPECT_NE(std::string(error.what()).find("No such file"), std::string::npos) << error.what();
  }
}

TEST(LoadScenarioFile, DirectoryIsMissingInput) {
  const auto dir = temp_path("_dir");
  std::filesystem::create_directory(dir);
  EXPECT_THROW((void)load_scenario_file(dir.string()), MissingInputError);
  std::filesystem::remove(dir);
}

TEST(LoadScenarioFile, EmptyFileSaysWhatIsNeeded) {
  const auto path = write_temp("");
  try {
    (void)load_scenario_file(path.string());
    ADD_FAILURE() << "no ScenarioError";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(
        std::string(error.what()),
        path.string() + ":1:1: empty scenario: needs [scenario] name and at least one [[arm]]");
  }
  std::filesystem::remove(path);
}

TEST(LoadScenarioFile, NulBytesAreAScenarioError) {
  const auto path = write_temp(std::string_view("\0\0\x01garbage", 10));
  try {
    (void)load_scenario_file(path.string());
    ADD_FAILURE() << "no ScenarioError";
  } catch (const ScenarioError& error) {
    ASSERT_EQ(error.diagnostics().size(), 1u);
    EXPECT_EQ(error.diagnostics()[0].where.line, 1);
    const std::string what = error.what();
    EXPECT_EQ(what.rfind(path.string() + ":1:1: invalid TOML", 0), 0u) << what;
    EXPECT_EQ(what.find('\0'), std::string::npos);
  }
  std::filesystem::remove(path);
}

TEST(LoadScenarioFile, InvalidUtf8IsAScenarioError) {
  const auto path = write_temp("[scenario]\nname = \"\xff\xfe\"\n");
  try {
    (void)load_scenario_file(path.string());
    ADD_FAILURE() << "no ScenarioError";
  } catch (const ScenarioError& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find(path.string() + ":2:"), std::string::npos) << what;
    EXPECT_NE(what.find("expected a UTF-8 text file"), std::string::npos) << what;
  }
  std::filesystem::remove(path);
}

// --- [teaching] --------------------------------------------------------------------------------

// A valid scenario (one empty arm) followed by a [teaching] table at line 5, body from line 6.
std::string with_teaching(std::string_view teaching_body) {
  return "[scenario]\nname = \"t\"\n[[arm]]\nname = \"a\"\n[teaching]\n" +
         std::string(teaching_body) + "\n";
}

TEST(ScenarioTomlTeaching, QuestionsAndAnswersAreRead) {
  const Scenario s =
      parse_scenario(with_teaching("questions = [\"What does arousal do?\", \"And blood flow?\"]\n"
                                   "answers = [\"It rises.\", \"It falls.\"]"),
                     "t.toml");
  EXPECT_EQ(s.teaching_questions,
            (std::vector<std::string>{"What does arousal do?", "And blood flow?"}));
  EXPECT_EQ(s.teaching_answers, (std::vector<std::string>{"It rises.", "It falls."}));
}

TEST(ScenarioTomlTeaching, AnswersAreOptional) {
  const Scenario s = parse_scenario(with_teaching("questions = [\"Predict the peak.\"]"), "t.toml");
  EXPECT_EQ(s.teaching_questions, (std::vector<std::string>{"Predict the peak."}));
  EXPECT_TRUE(s.teaching_answers.empty());
}

TEST(ScenarioTomlTeaching, AbsentMeansNoQuestions) {
  const Scenario s = parse_scenario(kProductExample, "example.toml");
  EXPECT_TRUE(s.teaching_questions.empty());
  EXPECT_TRUE(s.teaching_answers.empty());
}

TEST(ScenarioTomlTeaching, TheShippedTeachingScenariosParse) {
  for (const char* name : {"teaching/arousal_sprint.toml", "teaching/two_hiit_afternoon.toml",
                           "teaching/lifting_year.toml"}) {
    SCOPED_TRACE(name);
    const Scenario s = load_scenario_file(std::string(BRAINLOAD_SOURCE_DIR) + "/scenarios/" + name);
    EXPECT_GE(s.teaching_questions.size(), 3u);
    EXPECT_EQ(s.teaching_answers.size(), s.teaching_questions.size());
  }
}

TEST(ScenarioTomlTeachingErrors, NotATable) {
  expect_single_error("teaching = \"why?\"\n[scenario]\nname = \"t\"\n[[arm]]\nname = \"a\"\n",
                      "t.toml:1:12", "teaching",
                      R"(expected a table [teaching] with questions = ["..."], got "why?")");
}

TEST(ScenarioTomlTeachingErrors, MissingQuestions) {
  expect_single_error(with_teaching("answers = [\"yes\"]"), "t.toml:5:1", "teaching.questions",
                      "missing required key 'questions'; expected a non-empty array of strings");
}

TEST(ScenarioTomlTeachingErrors, QuestionsNotAnArray) {
  expect_single_error(with_teaching("questions = \"Why?\""), "t.toml:6:13", "teaching.questions",
                      "expected a non-empty array of strings like [\"What happens to arousal "
                      "after the sprint?\"], got \"Why?\"");
}

TEST(ScenarioTomlTeachingErrors, EmptyQuestions) {
  expect_single_error(with_teaching("questions = []"), "t.toml:6:13", "teaching.questions",
                      "got an empty array");
}

TEST(ScenarioTomlTeachingErrors, QuestionThatIsNotAString) {
  expect_single_error(with_teaching("questions = [\"Why?\", 2]"), "t.toml:6:22",
                      "teaching.questions[1]", "expected a string, got 2");
}

TEST(ScenarioTomlTeachingErrors, BlankQuestion) {
  expect_single_error(with_teaching("questions = [\"  \"]"), "t.toml:6:14", "teaching.questions[0]",
                      "expected a non-empty string, got \"  \"");
}

TEST(ScenarioTomlTeachingErrors, OneAnswerPerQuestion) {
  expect_single_error(with_teaching("questions = [\"Why?\", \"When?\"]\nanswers = [\"Because.\"]"),
                      "t.toml:7:11", "teaching.answers",
                      "expected one answer per question (2 questions), got 1 answer");
}

TEST(ScenarioTomlTeachingErrors, UnknownKeyIsNamedWithASuggestion) {
  const auto d = diagnostics_of(with_teaching("question = [\"Why?\"]"));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].field, "teaching.questions");  // missing, reported at the [teaching] header
  EXPECT_EQ(d[0].where.line, 5);
  EXPECT_EQ(d[1].field, "teaching.question");
  EXPECT_EQ(d[1].where.line, 6);
  EXPECT_NE(d[1].message.find("did you mean 'questions'?"), std::string::npos) << d[1].message;
}

TEST(ScenarioTomlErrors, UnknownTopLevelKeyListsTeaching) {
  expect_single_error(with_arm("[output]\nx = 1"), "t.toml:5:2", "output",
                      "expected one of: scenario, population, protocol, arm, teaching");
}

// ---------------------------------------------------------------------------------------------
// [parameters] (issue 12): model parameters by full name, for every arm.

// A valid scenario with `body` under [parameters] from line 4.
std::string with_parameters(std::string_view body) {
  return "[scenario]\nname = \"t\"\n[parameters]\n" + std::string(body) +
         "\n[[arm]]\nname = \"a\"\n";
}

TEST(ScenarioTomlParameters, QuotedDottedAndNestedKeysAreRead) {
  const Scenario s = parse_scenario(
      "[scenario]\nname = \"t\"\n[parameters]\n\"lactate.rest_mmol_l\" = 1.5\n"
      "heart_rate.sleep_drop_bpm = 4\n[parameters.training]\nfitness_tau_days = 40\n"
      "[[arm]]\nname = \"a\"\n",
      "t.toml");
  std::map<std::string, double> by_name;
  for (const ParameterSetting& p : s.parameters) by_name[p.name] = p.value;
  EXPECT_EQ(by_name, (std::map<std::string, double>{{"heart_rate.sleep_drop_bpm", 4.0},
                                                    {"lactate.rest_mmol_l", 1.5},
                                                    {"training.fitness_tau_days", 40.0}}));
  for (const ParameterSetting& p : s.parameters) {
    if (p.name == "lactate.rest_mmol_l") {
      EXPECT_EQ(p.where.line, 4);
      EXPECT_EQ(p.where.column, 25);
    }
  }
}

TEST(ScenarioTomlParameters, AbsentMeansNone) {
  EXPECT_TRUE(parse_scenario(with_arm(""), "t.toml").parameters.empty());
}

TEST(ScenarioTomlParameters, UnknownNameAtItsKeyWithASuggestion) {
  expect_single_error(with_parameters("\"lactate.rest_mmol\" = 1.5"), "t.toml:4:1",
                      "parameters.lactate.rest_mmol",
                      "unknown parameter 'lactate.rest_mmol'; did you mean 'lactate.rest_mmol_l'?");
  expect_single_error(with_parameters("[parameters.lactate]\npassive_clearance = 0.1"),
                      "t.toml:5:1", "parameters.lactate.passive_clearance",
                      "did you mean 'lactate.passive_clearance_per_min'?");
}

TEST(ScenarioTomlParameters, OutOfRangeAtTheValueNamingTheRange) {
  expect_single_error(with_parameters("\"lactate.rest_mmol_l\" = 30"), "t.toml:4:25",
                      "parameters.lactate.rest_mmol_l",
                      "= 30 is outside its valid range [0.3, 3] mmol/L");
  expect_single_error(with_parameters("\"population.motivation_mood_corr\" = -1.5"), "t.toml:4:37",
                      "parameters.population.motivation_mood_corr",
                      "outside its valid range [-1, 1]");
  expect_single_error(with_parameters("\"lactate.rest_mmol_l\" = nan"), "t.toml:4:25",
                      "parameters.lactate.rest_mmol_l", "outside its valid range");
}

TEST(ScenarioTomlParameters, NonNumericValue) {
  expect_single_error(with_parameters(R"("lactate.rest_mmol_l" = "high")"), "t.toml:4:25",
                      "parameters.lactate.rest_mmol_l", "expected a number, got \"high\"");
  expect_single_error(with_parameters("\"lactate.rest_mmol_l\" = [1]"), "t.toml:4:25",
                      "parameters.lactate.rest_mmol_l", "expected a number, got an array");
}

TEST(ScenarioTomlParameters, TheSameParameterTwice) {
  expect_single_error(
      with_parameters("\"lactate.rest_mmol_l\" = 1.5\n[parameters.lactate]\nrest_mmol_l = 1.2"),
      "t.toml:6:15", "parameters.lactate.rest_mmol_l", "already set at line 4");
}

TEST(ScenarioTomlParameters, NotATable) {
  expect_single_error("parameters = 3\n[scenario]\nname = \"t\"\n[[arm]]\nname = \"a\"\n",
                      "t.toml:1:14", "parameters", "expected a table [parameters]");
}

}  // namespace
}  // namespace brainload
