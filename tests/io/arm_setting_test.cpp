// The arm's training setting (supervised, group, home): parsed, defaulted, and checked.
#include <gtest/gtest.h>

#include "brainload/io/scenario_toml.hpp"

namespace brainload {
namespace {

std::string scenario_with(const std::string& arm_extra) {
  return "[scenario]\nname = \"s\"\n[[arm]]\nname = \"a\"\n" + arm_extra + "\n";
}

TEST(ArmSetting, DefaultsToSupervisedAndReadsEachValue) {
  EXPECT_EQ(parse_scenario(scenario_with(""), "s.toml").arms[0].setting,
            TrainingSetting::supervised);
  EXPECT_EQ(parse_scenario(scenario_with("setting = \"group\""), "s.toml").arms[0].setting,
            TrainingSetting::group);
  EXPECT_EQ(parse_scenario(scenario_with("setting = \"home\""), "s.toml").arms[0].setting,
            TrainingSetting::home);
}

TEST(ArmSetting, UnknownValueNamesFileLineFieldAndChoices) {
  try {
    (void)parse_scenario(scenario_with("setting = \"gym\""), "s.toml");
    FAIL() << "accepted setting = \"gym\"";
  } catch (const ScenarioError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("s.toml:5:"), std::string::npos) << m;
    EXPECT_NE(m.find("setting"), std::string::npos) << m;
    EXPECT_NE(m.find("home"), std::string::npos) << m;
  }
}

}  // namespace
}  // namespace brainload
