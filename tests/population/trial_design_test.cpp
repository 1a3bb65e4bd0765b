// Power by simulation and global sensitivity on shipped scenarios: the outcome each reads, their
// reproducibility at any thread count, and the errors a user meets.
#include "brainload/population/trial_design.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "brainload/io/scenario_toml.hpp"
#include "shipped_scenario.hpp"

namespace brainload {
namespace {

constexpr const char* kTest = "cognitive_test_d0_1400";

TEST(TrialDesign, ResolvesChronicOutcomesAndEvents) {
  const Scenario lisa = shipped("lisa_trial");
  const DesignOutcome brain_age =
      resolve_outcome(lisa, "hrt", "control", "brain_age_gap_years", 365);
  EXPECT_FALSE(brain_age.is_event);
  EXPECT_EQ(brain_age.day, 365);
  EXPECT_EQ(brain_age.baseline_day, 0);
  EXPECT_EQ(brain_age.unit, "years");
  const Scenario hiit = shipped("back_to_back_hiit");
  const DesignOutcome test = resolve_outcome(hiit, "double", "rest", kTest, std::nullopt);
  EXPECT_TRUE(test.is_event);
  EXPECT_EQ(test.day, 0);
  EXPECT_EQ(test.unit, "SD");
}

TEST(TrialDesign, BadQuestionsNameWhatIsWrong) {
  const Scenario lisa = shipped("lisa_trial");
  const auto message = [&](const std::string& arm, const std::string& vs, const std::string& name,
                           std::optional<int> day) {
    try {
      (void)resolve_outcome(lisa, arm, vs, name, day);
    } catch (const DesignError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("hiit", "control", "brain_age_gap_years", 365).find("no arm 'hiit'"),
            std::string::npos);
  EXPECT_NE(message("hrt", "control", "brain_age_gap_years", 100).find("not an assessment day"),
            std::string::npos);
  EXPECT_NE(message("hrt", "control", "brain_age_gap_years", std::nullopt).find("--day"),
            std::string::npos);
  EXPECT_NE(message("hrt", "control", "brain_age", 365).find("neither a chronic observable"),
            std::string::npos);
  EXPECT_THROW((void)select_parameters({"hpa.no_such_parameter"}), DesignError);
}

TEST(TrialDesign, ParameterSelectionByGroupAndKeyword) {
  const std::vector<std::string> hpa = select_parameters({"hpa"});
  ASSERT_FALSE(hpa.empty());
  for (const std::string& name : hpa) EXPECT_EQ(name.rfind("hpa.", 0), 0U) << name;
  const std::vector<std::string> all = select_parameters({"all"});
  for (const std::string& name : all) {
    EXPECT_NE(name.rfind("population.", 0), 0U) << name;
    EXPECT_NE(name.rfind("measurement.", 0), 0U) << name;
  }
  const std::vector<std::string> acute = select_parameters({"acute"});
  const std::vector<std::string> chronic = select_parameters({"chronic"});
  EXPECT_LT(acute.size() + chronic.size(), all.size());  // session, dose and norms too
  // Duplicates collapse; order is describe's.
  EXPECT_EQ(select_parameters({"hpa", hpa.front()}), hpa);
}

TEST(TrialDesign, SensitivitySampleAtTheValuesIsTheTracedDifference) {
  // The reference individual of a sensitivity sample is trace's: the cognitive test of the
  // double-HIIT arm minus the rest arm's is the README's −0.126 SD (tests/cli checks the trace).
  const Scenario hiit = shipped("back_to_back_hiit");
  const DesignOutcome test = resolve_outcome(hiit, "double", "rest", kTest, std::nullopt);
  const double difference = reference_outcome(hiit, ModelParams{}, "double", "rest", test);
  const Trace dbl = trace_reference(hiit, hiit.arms[3], TraceOptions{});
  const Trace rest = trace_reference(hiit, hiit.arms[0], TraceOptions{});
  EXPECT_NEAR(difference, dbl.events[0].value - rest.events[0].value, 1e-9);
  EXPECT_LT(difference, 0.0);
}

// "Runner" in the suite name: the TSan job runs these (ci/sanitizers.sh, -R 'Runner|population').
TEST(TrialDesignRunner, PowerIsTheSameAtOneAndTwoThreads) {
  const Scenario hiit = shipped("back_to_back_hiit");
  PowerOptions o;
  o.arm = "double";
  o.vs = "rest";
  o.outcome = kTest;
  o.n = {3, 5};
  o.replicates = 3;
  o.seed = 7;
  o.threads = 1;
  const PowerResult one = estimate_power(hiit, ModelParams{}, o);
  o.threads = 2;
  const PowerResult two = estimate_power(hiit, ModelParams{}, o);
  EXPECT_EQ(one.power, two.power);
  EXPECT_EQ(one.mean_difference, two.mean_difference);
  EXPECT_EQ(one.agents_simulated, 3 * 2 * 5);
  // The double-HIIT arm scores lower at 14:00 than the rest arm in every replicate mean.
  for (const double d : one.mean_difference) EXPECT_LT(d, 0.0);
  o.seed = 8;
  EXPECT_NE(estimate_power(hiit, ModelParams{}, o).mean_difference, one.mean_difference);
}

TEST(TrialDesignRunner, SensitivityIsTheSameAtOneAndTwoThreads) {
  const Scenario hiit = shipped("back_to_back_hiit");
  SensitivityOptions o;
  o.arm = "double";
  o.vs = "rest";
  o.outcome = kTest;
  // One parameter the outcome hangs on, one the reference individual never uses.
  o.parameters = {"cerebral_blood_flow.peh_threshold_vo2max_frac", "population.vo2max_cv"};
  o.spread = 0.2;
  o.samples = 3;
  o.method = SensitivityMethod::morris;
  o.bootstrap = 50;
  o.threads = 1;
  const SensitivityResult one = analyse_sensitivity(hiit, ModelParams{}, o);
  o.threads = 2;
  const SensitivityResult two = analyse_sensitivity(hiit, ModelParams{}, o);
  ASSERT_EQ(one.parameters.size(), 2U);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(one.parameters[i].name, two.parameters[i].name);
    EXPECT_EQ(one.parameters[i].morris.mu_star, two.parameters[i].morris.mu_star);
  }
  EXPECT_EQ(one.parameters[0].name, "cerebral_blood_flow.peh_threshold_vo2max_frac");
  EXPECT_GT(one.parameters[0].morris.mu_star, 0.0);
  EXPECT_EQ(one.parameters[1].morris.mu_star, 0.0);  // no effect on one individual: exactly 0
  EXPECT_EQ(one.evaluations, 3U * 3U);
  EXPECT_EQ(one.failed, 0U);
}

TEST(TrialDesignRunner, SpreadHoldsZeroParametersAndRangesStayValid) {
  const Scenario hiit = shipped("back_to_back_hiit");
  SensitivityOptions o;
  o.arm = "double";
  o.outcome = kTest;
  o.parameters = {"catecholamines.epinephrine_threshold_above_lt", "hpa.cortisol_half_life_min"};
  o.spread = 0.5;
  o.samples = 2;
  o.method = SensitivityMethod::sobol;
  o.bootstrap = 0;
  const SensitivityResult r = analyse_sensitivity(hiit, ModelParams{}, o);
  ASSERT_EQ(r.fixed.size(), 1U);
  EXPECT_EQ(r.fixed[0], "catecholamines.epinephrine_threshold_above_lt");
  ASSERT_EQ(r.parameters.size(), 1U);
  const std::optional<ParameterInfo> info = find_parameter(ModelParams{}, r.parameters[0].name);
  ASSERT_TRUE(info.has_value());
  EXPECT_GE(r.parameters[0].low, info->range.min);
  EXPECT_LE(r.parameters[0].high, info->range.max);
  EXPECT_NEAR(
      r.parameters[0].high - r.parameters[0].low,
      std::min(info->range.max, 1.5 * info->value) - std::max(info->range.min, 0.5 * info->value),
      1e-12);
}

}  // namespace
}  // namespace brainload
