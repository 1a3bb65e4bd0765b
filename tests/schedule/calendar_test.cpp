// Tests of the session calendar: the time convention t = day·1440 + clock − start_clock,
// weekdays, and weekly patterns expanded over from_day..to_day within the span.
#include "brainload/schedule/calendar.hpp"

#include <gtest/gtest.h>

#include "brainload/schedule/protocols.hpp"

namespace brainload {
namespace {

Scenario scenario_of(int days, double start_clock_min, Weekday start) {
  Scenario s;
  s.name = "cal";
  s.days = days;
  s.start_clock_min = start_clock_min;
  s.start_weekday = start;
  return s;
}

WeeklySpec weekly(std::vector<Weekday> days, double at_min, std::string protocol, int line) {
  return WeeklySpec{std::move(days), at_min, std::move(protocol), {"w.toml", line, 3}};
}

TEST(Calendar, ScenarioMinutesCountFromTheStartClock) {
  const Scenario s = scenario_of(3, 7 * 60.0, Weekday::mon);
  EXPECT_DOUBLE_EQ(to_scenario_min(s, 0, 7 * 60.0), 0.0);
  EXPECT_DOUBLE_EQ(to_scenario_min(s, 0, 9 * 60.0), 120.0);
  EXPECT_DOUBLE_EQ(to_scenario_min(s, 1, 6 * 60.0), 1440.0 - 60.0);
  EXPECT_DOUBLE_EQ(to_scenario_min(s, 0, 6 * 60.0), -60.0);
  EXPECT_DOUBLE_EQ(scenario_end_min(s), 3 * 1440.0);
}

TEST(Calendar, WeekdaysWrap) {
  const Scenario s = scenario_of(30, 0.0, Weekday::sat);
  EXPECT_EQ(weekday_of(s, 0), Weekday::sat);
  EXPECT_EQ(weekday_of(s, 1), Weekday::sun);
  EXPECT_EQ(weekday_of(s, 2), Weekday::mon);
  EXPECT_EQ(weekday_of(s, 9), Weekday::mon);
  EXPECT_EQ(weekday_of(s, -1), Weekday::fri);
}

TEST(Calendar, ExplicitSessionsAreSortedAndLastTheirProtocol) {
  const Scenario s = scenario_of(2, 0.0, Weekday::mon);
  Arm arm;
  arm.sessions = {{1, 9 * 60.0, "wingate", {"w.toml", 4, 1}},
                  {0, 10 * 60.0, "hiit_4x4", {"w.toml", 5, 1}}};
  const auto sessions = expand_sessions(s, arm);
  ASSERT_EQ(sessions.size(), 2u);
  EXPECT_EQ(sessions[0].protocol, "hiit_4x4");
  EXPECT_DOUBLE_EQ(sessions[0].t0_min, 600.0);
  // hiit_4x4: 4 × 240 s work + 3 × 180 s rest = 25 min
  EXPECT_DOUBLE_EQ(sessions[0].t1_min, 625.0);
  EXPECT_EQ(sessions[0].day, 0);
  EXPECT_EQ(sessions[0].where.line, 5);
  EXPECT_FALSE(sessions[0].from_weekly);
  EXPECT_EQ(sessions[0].index, 1u);
  EXPECT_DOUBLE_EQ(sessions[1].t0_min, 1440.0 + 540.0);
  EXPECT_DOUBLE_EQ(sessions[1].t1_min, 1440.0 + 540.0 + 0.5);  // wingate: 30 s
}

TEST(Calendar, WeeklyPatternOverFromDayToDay) {
  const Scenario s = scenario_of(28, 0.0, Weekday::mon);
  Arm arm;
  arm.weekly = {weekly({Weekday::mon, Weekday::thu}, 10 * 60.0, "wingate", 7)};
  arm.from_day = 3;
  arm.to_day = 14;
  const auto sessions = expand_sessions(s, arm);
  // thu 3, mon 7, thu 10, mon 14
  ASSERT_EQ(sessions.size(), 4u);
  const std::vector<int> expected_days{3, 7, 10, 14};
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    EXPECT_EQ(sessions[i].day, expected_days[i]);
    EXPECT_DOUBLE_EQ(sessions[i].t0_min, expected_days[i] * 1440.0 + 600.0);
    EXPECT_TRUE(sessions[i].from_weekly);
    EXPECT_EQ(sessions[i].index, 0u);
    EXPECT_EQ(sessions[i].where.line, 7);
  }
}

TEST(Calendar, WeeklyStopsAtTheLastDayEvenIfToDayIsLater) {
  const Scenario s = scenario_of(364, 0.0, Weekday::mon);
  Arm arm;
  arm.weekly = {weekly({Weekday::mon, Weekday::wed, Weekday::fri}, 10 * 60.0, "lisa_hrt", 9)};
  arm.to_day = 400;
  const auto sessions = expand_sessions(s, arm);
  EXPECT_EQ(sessions.size(), 52u * 3u);
  EXPECT_EQ(sessions.back().day, 361);  // the last Friday before day 364
}

TEST(Calendar, MergesExplicitAndWeeklyAndSkipsUnknownProtocols) {
  const Scenario s = scenario_of(7, 0.0, Weekday::mon);
  Arm arm;
  arm.sessions = {{2, 8 * 60.0, "tabata", {}}, {3, 8 * 60.0, "no_such_protocol", {}}};
  arm.weekly = {weekly({Weekday::tue, Weekday::wed}, 9 * 60.0, "zone2_45min", 2),
                weekly({Weekday::sun}, 9 * 60.0, "missing_too", 3)};
  const auto sessions = expand_sessions(s, arm);
  ASSERT_EQ(sessions.size(), 3u);
  EXPECT_EQ(sessions[0].day, 1);  // tue, weekly
  EXPECT_EQ(sessions[1].protocol, "tabata");
  EXPECT_EQ(sessions[2].day, 2);  // wed 09:00 after the 08:00 tabata
  EXPECT_DOUBLE_EQ(sessions[2].t1_min - sessions[2].t0_min, 45.0);
}

TEST(Calendar, UserProtocolsAreFound) {
  Scenario s = scenario_of(1, 0.0, Weekday::mon);
  Protocol own;
  own.name = "walk";
  own.blocks = {{SteadyBlock{12.5, {Intensity::Kind::vo2max, 0.3}, Modality::walk}, {}}};
  s.protocols.emplace("walk", own);
  Arm arm;
  arm.sessions = {{0, 60.0, "walk", {}}};
  const auto sessions = expand_sessions(s, arm);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_DOUBLE_EQ(sessions[0].t1_min, 72.5);
}

}  // namespace
}  // namespace brainload
