// Tests of whole-scenario validation: arms, protocols, span, overlaps (once per weekly
// pattern), events and assessment days, each reported where the user wrote it.
#include "brainload/schedule/validate.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "brainload/io/scenario_toml.hpp"

namespace brainload {
namespace {

// A parsed scenario: [scenario] with `scenario_body` from line 2, then a single arm "a" whose
// body starts at line 4 + the number of lines in scenario_body.
Scenario parsed(std::string_view scenario_body, std::string_view arm_body) {
  const std::string text = "[scenario]\nname = \"v\"\n" + std::string(scenario_body) +
                           "\n[[arm]]\nname = \"a\"\n" + std::string(arm_body) + "\n";
  return parse_scenario(text, "v.toml");
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(Validate, MixedScheduleIsValid) {
  const Scenario s = parsed("days = 1\nstart_clock = \"07:00\"", R"(
sessions = [ { day = 0, at = "09:00", protocol = "hiit_4x4" },
             { day = 0, at = "09:25", protocol = "wingate" } ]
events = [ { day = 0, at = "14:00", type = "cognitive_test" },
           { day = 0, at = "15:00", type = "learn", minutes = 30 },
           { day = 1, at = "07:00", type = "recall" } ]
weekly = [ { days = ["mon"], at = "18:00", protocol = "lisa_hrt" } ])");
  EXPECT_TRUE(validate_scenario(s).empty()) << ScenarioError(validate_scenario(s)).what();
  EXPECT_NO_THROW(require_valid(s));
}

TEST(Validate, NoArms) {
  Scenario s;
  s.file = "v.toml";
  s.assess_days = {0, 1};
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "arm");
  EXPECT_EQ(d[0].where.file, "v.toml");
  EXPECT_TRUE(contains(d[0].message, "expected at least one [[arm]]")) << d[0].message;
}

TEST(Validate, DuplicateArmNames) {
  Scenario s;
  s.assess_days = {0, 1};
  s.arms = {Arm{}, Arm{}};
  s.arms[0].name = s.arms[1].name = "same";
  s.arms[0].where = {"v.toml", 3, 1};
  s.arms[1].where = {"v.toml", 9, 1};
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "arm[1].name");
  EXPECT_EQ(d[0].where.line, 9);
  EXPECT_TRUE(contains(d[0].message, "'same' is already used by arm[0] (line 3)")) << d[0].message;
}

TEST(Validate, UnknownProtocol) {
  Scenario s;
  s.assess_days = {0, 1};
  s.arms.resize(1);
  s.arms[0].name = "a";
  s.arms[0].sessions = {{0, 60.0, "nope", {"v.toml", 5, 14}}};
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "arm[0].sessions[0].protocol");
  EXPECT_EQ(d[0].where.line, 5);
  EXPECT_TRUE(contains(d[0].message, "unknown protocol 'nope'; expected one of: wingate"))
      << d[0].message;
}

TEST(Validate, SessionBeforeTheStart) {
  const Scenario s = parsed("start_clock = \"07:00\"",
                            R"(sessions = [ { day = 0, at = "06:30", protocol = "wingate" } ])");
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "arm[0].sessions[0]");
  EXPECT_EQ(d[0].where.line, 6);
  EXPECT_EQ(d[0].where.column, 14);
  EXPECT_TRUE(contains(d[0].message, "starts before the scenario does (day 0 07:00)"))
      << d[0].message;
  EXPECT_TRUE(contains(d[0].format(), "v.toml:6:14: arm[0].sessions[0]: ")) << d[0].format();
}

TEST(Validate, SessionPastTheEnd) {
  const Scenario s =
      parsed("days = 2", R"(sessions = [ { day = 1, at = "23:50", protocol = "hiit_4x4" } ])");
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(contains(d[0].message,
                       "runs day 1 23:50–00:15 and ends after the scenario does "
                       "(day 2 00:00 after 2 days)"))
      << d[0].message;
}

TEST(Validate, SessionOnADayAfterTheSpan) {
  const Scenario s =
      parsed("days = 2", R"(sessions = [ { day = 5, at = "10:00", protocol = "wingate" } ])");
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "arm[0].sessions[0]");
}

TEST(Validate, OverlapNamesTheOtherLineAndBothTimes) {
  const Scenario s = parsed("", R"(sessions = [
  { day = 0, at = "09:00", protocol = "hiit_4x4" },
  { day = 0, at = "09:10", protocol = "wingate" },
])");
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "arm[0].sessions[1]");
  EXPECT_EQ(d[0].where.line, 8);  // the later session
  EXPECT_TRUE(contains(d[0].message,
                       "'wingate' on day 0 09:10 (mon) overlaps arm[0].sessions[0] "
                       "(line 7: 'hiit_4x4' day 0 09:00–09:25)"))
      << d[0].message;
  EXPECT_TRUE(contains(d[0].message, "a start at or after 09:25")) << d[0].message;
}

TEST(Validate, BackToBackIsNotAnOverlap) {
  const Scenario s = parsed("", R"(sessions = [
  { day = 0, at = "09:00", protocol = "hiit_4x4" },
  { day = 0, at = "09:25", protocol = "hiit_4x4" },
])");
  EXPECT_TRUE(validate_scenario(s).empty());
}

TEST(Validate, OverlapWithALongEarlierSessionIsFound) {
  // zone2 09:00-09:45 spans the wingate at 09:10 and the tabata at 09:30
  const Scenario s = parsed("", R"(sessions = [
  { day = 0, at = "09:00", protocol = "zone2_45min" },
  { day = 0, at = "09:10", protocol = "wingate" },
  { day = 0, at = "09:30", protocol = "tabata" },
])");
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].field, "arm[0].sessions[1]");
  EXPECT_EQ(d[1].field, "arm[0].sessions[2]");
  EXPECT_TRUE(contains(d[1].message, "overlaps arm[0].sessions[0]")) << d[1].message;
}

TEST(Validate, WeeklyOverlapIsReportedOncePerPattern) {
  const Scenario s = parsed("weeks = 52", R"(weekly = [
  { days = ["mon", "thu"], at = "10:00", protocol = "lisa_hrt" },
  { days = ["thu"], at = "10:15", protocol = "tabata" },
])");
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "arm[0].weekly[1]");
  EXPECT_EQ(d[0].where.line, 8);
  EXPECT_TRUE(contains(d[0].message, "overlaps arm[0].weekly[0] (line 7")) << d[0].message;
  EXPECT_TRUE(contains(d[0].message, "it happens 52 times")) << d[0].message;
}

TEST(Validate, WeeklyPastTheEndIsReportedOnce) {
  const Scenario s = parsed("weeks = 4\nstart_clock = \"12:00\"", R"(weekly = [
  { days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], at = "08:00", protocol = "wingate" },
])");
  // Each day's 08:00 falls before the 12:00 start only on day 0.
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "arm[0].weekly[0]");
  EXPECT_TRUE(contains(d[0].message, "starts before the scenario does")) << d[0].message;
}

TEST(Validate, DailySessionCrossingMidnightOnlyFailsOnTheLastDay) {
  const Scenario s = parsed("weeks = 2", R"(weekly = [
  { days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], at = "23:50", protocol = "hiit_4x4" },
])");
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u) << ScenarioError(d).what();
  EXPECT_EQ(d[0].field, "arm[0].weekly[0]");
  EXPECT_TRUE(contains(d[0].message, "'hiit_4x4' on day 13 23:50 (sun) runs day 13 23:50–00:15"))
      << d[0].message;
}

TEST(Validate, EventsOutsideTheSpan) {
  const Scenario s = parsed("days = 1\nstart_clock = \"08:00\"", R"(events = [
  { day = 0, at = "07:00", type = "cognitive_test" },
  { day = 1, at = "08:00", type = "recall" },
  { day = 1, at = "08:01", type = "recall" },
  { day = 0, at = "07:50", type = "learn", minutes = 20 },
  { day = 0, at = "08:00", type = "learn", minutes = 10 },
  { day = 1, at = "07:50", type = "learn", minutes = 20 },
])");
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 4u) << ScenarioError(d).what();
  EXPECT_EQ(d[0].field, "arm[0].events[0]");
  EXPECT_TRUE(contains(d[0].message, "before the scenario starts (day 0 08:00)")) << d[0].message;
  EXPECT_EQ(d[1].field, "arm[0].events[2]");
  EXPECT_TRUE(contains(d[1].message, "after the scenario ends (day 1 08:00)")) << d[1].message;
  EXPECT_EQ(d[2].field, "arm[0].events[3]");
  EXPECT_EQ(d[3].field, "arm[0].events[5]");
  EXPECT_TRUE(contains(d[3].message, "learn event at day 1 07:50 for 20 min ends after"))
      << d[3].message;
  EXPECT_EQ(d[3].where.line, 13);
}

TEST(Validate, AssessDays) {
  Scenario s;
  s.days = 10;
  s.assess_days = {0, 5, 5, 11};
  s.arms.resize(1);
  s.arms[0].name = "a";
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].field, "scenario.assess_days");
  EXPECT_TRUE(contains(d[0].message, "day 5 is listed twice")) << d[0].message;
  EXPECT_TRUE(contains(d[1].message, "expected days from 0 to 10")) << d[1].message;
  EXPECT_TRUE(contains(d[1].message, "got 11")) << d[1].message;
}

TEST(Validate, ToDayBeforeFromDay) {
  Scenario s;
  s.assess_days = {0, 1};
  s.arms.resize(1);
  s.arms[0].name = "a";
  s.arms[0].from_day = 5;
  s.arms[0].to_day = 2;
  const auto d = validate_scenario(s);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "arm[0].to_day");
  EXPECT_TRUE(contains(d[0].message, "expected to_day ≥ from_day (5), got 2")) << d[0].message;
}

TEST(Validate, RequireValidThrowsWithEveryDiagnostic) {
  const Scenario s = parsed("start_clock = \"10:00\"", R"(sessions = [
  { day = 0, at = "09:00", protocol = "wingate" },
  { day = 0, at = "11:00", protocol = "hiit_4x4" },
  { day = 0, at = "11:05", protocol = "wingate" },
])");
  try {
    require_valid(s);
    FAIL() << "no ScenarioError";
  } catch (const ScenarioError& error) {
    ASSERT_EQ(error.diagnostics().size(), 2u) << error.what();
    const std::string what = error.what();
    EXPECT_TRUE(contains(what, "v.toml:7:3: arm[0].sessions[0]: ")) << what;
    EXPECT_TRUE(contains(what, "v.toml:9:3: arm[0].sessions[2]: ")) << what;
  }
}

}  // namespace
}  // namespace brainload
