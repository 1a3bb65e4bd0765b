// Scenario events: names (given or <type>_d<day>_<HHMM>), the `measure` type and its fields,
// the `lab` setting and the [report] table; every mistake names file, line, column and field.
#include <gtest/gtest.h>

#include <string>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/schedule/validate.hpp"

namespace brainload {
namespace {

std::string with_events(const std::string& events, const std::string& extra = "") {
  return "[scenario]\nname = \"s\"\ndays = 1\n" + extra + "[[arm]]\nname = \"a\"\nevents = [ " +
         events + " ]\n";
}

std::string error_of(const std::string& text) {
  try {
    Scenario s = parse_scenario(text, "s.toml");
    require_valid(s);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

TEST(ScenarioEvents, DefaultNamesAreTypeDayAndClock) {
  const Scenario s = parse_scenario(
      with_events(R"({ day = 0, at = "14:05", type = "cognitive_test" }, )"
                  R"({ day = 0, at = "09:00", type = "measure", observable = "lactate_mmol_l" })"),
      "s.toml");
  ASSERT_EQ(s.arms[0].events.size(), 2U);
  EXPECT_EQ(s.arms[0].events[0].name, "cognitive_test_d0_1405");
  EXPECT_EQ(s.arms[0].events[1].name, "measure_d0_0900");
  EXPECT_EQ(s.arms[0].events[1].stat, MeasureStat::value);
}

TEST(ScenarioEvents, MeasureReadsObservableStatAndWindow) {
  const Scenario s = parse_scenario(
      with_events(R"({ day = 0, at = "10:00", type = "measure", name = "peak_la", )"
                  R"(observable = "lactate_mmol_l", stat = "peak", window_min = 15 })"),
      "s.toml");
  const EventSpec& e = s.arms[0].events[0];
  EXPECT_EQ(e.name, "peak_la");
  EXPECT_EQ(e.type, EventType::measure);
  EXPECT_EQ(e.observable, "lactate_mmol_l");
  EXPECT_EQ(e.stat, MeasureStat::peak);
  EXPECT_EQ(e.window_min, 15.0);
}

TEST(ScenarioEvents, UnknownObservableIsLocatedWithASuggestion) {
  const std::string m = error_of(
      with_events(R"({ day = 0, at = "10:00", type = "measure", observable = "lactate_mmol" })"));
  EXPECT_NE(m.find("s.toml:6:"), std::string::npos) << m;
  EXPECT_NE(m.find("events[0].observable"), std::string::npos) << m;
  EXPECT_NE(m.find("lactate_mmol_l"), std::string::npos) << m;
}

TEST(ScenarioEvents, MeasureWithoutObservableFails) {
  const std::string m = error_of(with_events(R"({ day = 0, at = "10:00", type = "measure" })"));
  EXPECT_NE(m.find("observable"), std::string::npos) << m;
}

TEST(ScenarioEvents, WindowedStatNeedsAWindowAndValueRefusesOne) {
  const std::string no_window = error_of(with_events(
      R"({ day = 0, at = "10:00", type = "measure", observable = "il6_pg_ml", stat = "auc" })"));
  EXPECT_NE(no_window.find("window_min"), std::string::npos) << no_window;
  const std::string stray = error_of(
      with_events(R"({ day = 0, at = "10:00", type = "measure", observable = "il6_pg_ml", )"
                  R"(window_min = 10 })"));
  EXPECT_NE(stray.find("window_min applies only"), std::string::npos) << stray;
  const std::string wrong_type =
      error_of(with_events(R"({ day = 0, at = "10:00", type = "cognitive_test", stat = "peak" })"));
  EXPECT_NE(wrong_type.find("stat applies only to type = \"measure\""), std::string::npos)
      << wrong_type;
}

TEST(ScenarioEvents, WindowPastTheEndFails) {
  const std::string m = error_of(with_events(
      R"({ day = 0, at = "23:30", type = "measure", observable = "il6_pg_ml", stat = "mean", )"
      R"(window_min = 60 })"));
  EXPECT_NE(m.find("events[0].window_min"), std::string::npos) << m;
  EXPECT_NE(m.find("ends after the scenario"), std::string::npos) << m;
}

TEST(ScenarioEvents, DuplicateNamesInOneArmFail) {
  const std::string m =
      error_of(with_events(R"({ day = 0, at = "10:00", type = "cognitive_test" }, )"
                           R"({ day = 0, at = "10:00", type = "cognitive_test" })"));
  EXPECT_NE(m.find("events[1].name"), std::string::npos) << m;
  EXPECT_NE(m.find("used twice"), std::string::npos) << m;
}

TEST(ScenarioEvents, LabSetting) {
  const Scenario s = parse_scenario(
      "[scenario]\nname = \"s\"\n[[arm]]\nname = \"a\"\nsetting = \"lab\"\n", "s.toml");
  EXPECT_EQ(s.arms[0].setting, TrainingSetting::lab);
}

TEST(ScenarioEvents, ReportOutcomesAreChronicObservables) {
  const Scenario s =
      parse_scenario(with_events("", "[report]\noutcomes = [\"brain_age_gap_years\"]\n"), "s.toml");
  ASSERT_EQ(s.report_outcomes.size(), 1U);
  EXPECT_EQ(s.report_outcomes[0], "brain_age_gap_years");
  const std::string m = error_of(with_events("", "[report]\noutcomes = [\"brain_age\"]\n"));
  EXPECT_NE(m.find("s.toml:5:"), std::string::npos) << m;
  EXPECT_NE(m.find("report.outcomes[0]"), std::string::npos) << m;
  EXPECT_NE(m.find("brain_age_gap_years"), std::string::npos) << m;
}

}  // namespace
}  // namespace brainload
