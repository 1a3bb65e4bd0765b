// The population runner: identical results at any thread count, heterogeneity, adherence.
#include "brainload/population/runner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "brainload/population/summary.hpp"
#include "runner_test_support.hpp"

namespace brainload {
namespace {

using testing::same_bits;

Scenario small_trial() { return testing::resistance_trial_of(56); }

TEST(Runner, SameSeedSameNumbersAtOneAndTwoThreads) {
  const Scenario s = small_trial();
  RunOptions one;
  one.agents = 24;
  one.seed = 7;
  one.threads = 1;
  RunOptions two = one;
  two.threads = 2;
  const RunResults a = run_population(s, one);
  const RunResults b = run_population(s, two);
  ASSERT_EQ(a.agents.size(), b.agents.size());
  for (std::size_t i = 0; i < a.agents.size(); ++i) {
    ASSERT_EQ(a.agents[i].assessments.size(), b.agents[i].assessments.size());
    for (std::size_t d = 0; d < a.agents[i].assessments.size(); ++d) {
      EXPECT_TRUE(same_bits(a.agents[i].assessments[d], b.agents[i].assessments[d]))
          << "agent " << i;
    }
    EXPECT_EQ(a.agents[i].sessions_done, b.agents[i].sessions_done);
  }
}

TEST(Runner, DifferentSeedsDifferAndAgentsAreHeterogeneous) {
  const Scenario s = small_trial();
  RunOptions o;
  o.agents = 20;
  o.threads = 2;
  const RunResults a = run_population(s, o);
  o.seed = 2;
  const RunResults b = run_population(s, o);
  EXPECT_NE(a.agents[1].traits.subject.age_years, b.agents[1].traits.subject.age_years);
  EXPECT_NE(a.agents[1].traits.subject.age_years, a.agents[3].traits.subject.age_years);
}

TEST(Runner, TrainingArmAttendsMostSessionsAndGetsStronger) {
  const Scenario s = small_trial();
  RunOptions o;
  o.agents = 40;
  o.threads = 2;
  const RunResults r = run_population(s, o);
  const TrialSummary t = summarize(s, r);
  ASSERT_EQ(t.arms.size(), 2U);
  const ArmSummary& trained = t.arms[1];
  const double attended =
      static_cast<double>(trained.sessions_done) / static_cast<double>(trained.sessions_scheduled);
  EXPECT_GT(attended, 0.6);  // supervised trials report 70–90 % (MODEL.md)
  EXPECT_LT(attended, 0.97);
  EXPECT_EQ(t.arms[0].sessions_done, 0);
  bool found = false;
  for (const Contrast& c : t.contrasts) {
    if (c.outcome == "strength_1rm_rel") {
      found = true;
      EXPECT_EQ(c.vs, "control");
      EXPECT_GT(c.mean_difference, 0.03);
      EXPECT_LT(c.ci95_low, c.mean_difference);
    }
  }
  EXPECT_TRUE(found);
}

// Issue 7: one individual whose integration fails is flagged with a reason, excluded from the
// statistics and counted, and the run completes.
TEST(Runner, AnAgentWhoseIntegrationFailsIsFlaggedAndTheRunGoesOn) {
  const Scenario s = small_trial();
  RunOptions o;
  o.agents = 12;
  o.threads = 2;
  o.perturb = [](AgentTraits& t) {
    if (t.id == 5) t.subject.lactate_clearance_rel = -400.0;  // lactate then grows without bound
  };
  const RunResults r = run_population(s, o);
  ASSERT_EQ(r.agents.size(), 12U);
  for (const AgentResult& a : r.agents) {
    if (a.traits.id == 5) {
      EXPECT_TRUE(a.failed);
      EXPECT_NE(a.failure_code, AgentResult::none);
      EXPECT_FALSE(a.failure.empty());
    } else {
      EXPECT_FALSE(a.failed) << a.traits.id << ": " << a.failure;
      EXPECT_EQ(a.assessments.size(), s.assess_days.size());
    }
  }
  const TrialSummary t = summarize(s, r);
  EXPECT_EQ(t.arms[1].failed, 1);  // agent 5 is in arm 1 (ids alternate)
  EXPECT_EQ(t.arms[1].n, 5);
  EXPECT_EQ(t.arms[0].n, 6);
}

TEST(Runner, SamplingRejectsImpossibleTraitsInsteadOfClamping) {
  Scenario s = small_trial();
  s.population.age = {AgeDistribution::Kind::normal, 30.0, 40.0};  // wide: many draws < 18 y
  for (std::int64_t id = 0; id < 200; ++id) {
    const AgentTraits t = sample_agent(s, ModelParams{}, 3, id, 0);
    EXPECT_GE(t.subject.age_years, 18.0);
    EXPECT_NE(t.subject.age_years, 18.0);  // rejected and redrawn, not clamped to the edge
    EXPECT_GE(t.subject.vo2max_ml_kg_min, 10.0);
  }
}

}  // namespace
}  // namespace brainload

namespace brainload {
namespace {

// The statistics are exact sums: any split of the agents, merged in any order, gives the same
// bits as one pass (what lets threads or MPI ranks share the work).
TEST(TrialAccumulator, PartsMergeToTheSameBitsInAnyOrder) {
  const Scenario s = small_trial();
  RunOptions o;
  o.agents = 30;
  o.threads = 2;
  const RunResults r = run_population(s, o);
  TrialAccumulator whole(s, r.plan);
  for (const AgentResult& a : r.agents) whole.add(a);
  TrialAccumulator first(s, r.plan);
  TrialAccumulator second(s, r.plan);
  for (std::size_t i = r.agents.size(); i-- > 0;) (i < 11 ? first : second).add(r.agents[i]);
  TrialAccumulator merged(s, r.plan);
  merged.merge_serialized(second.serialize());
  merged.merge(first);
  EXPECT_EQ(whole.serialize(), merged.serialize());
  const TrialSummary a = whole.summary();
  const TrialSummary b = merged.summary();
  ASSERT_EQ(a.contrasts.size(), b.contrasts.size());
  for (std::size_t i = 0; i < a.contrasts.size(); ++i) {
    EXPECT_EQ(a.contrasts[i].smd, b.contrasts[i].smd);
    EXPECT_EQ(a.contrasts[i].ci95_low, b.contrasts[i].ci95_low);
  }
  EXPECT_EQ(whole.quantiles(), merged.quantiles());
}

TEST(TrialAccumulator, MeansAndSdMatchDirectComputation) {
  const Scenario s = small_trial();
  RunOptions o;
  o.agents = 20;
  const RunResults r = run_population(s, o);
  const TrialSummary t = summarize(s, r);
  double sum = 0.0;
  double sq = 0.0;
  int n = 0;
  for (const AgentResult& a : r.agents) {
    if (a.traits.arm != 1) continue;
    const double x = a.assessments.back()[0];  // VO2max at the last assessment
    sum += x;
    sq += x * x;
    ++n;
  }
  const double mean = sum / n;
  const double sd = std::sqrt((sq - n * mean * mean) / (n - 1));
  EXPECT_NEAR(t.arms[1].outcomes.back()[0].mean, mean, 1e-9);
  EXPECT_NEAR(t.arms[1].outcomes.back()[0].sd, sd, 1e-7);
}

}  // namespace
}  // namespace brainload

namespace brainload {
namespace {

// Training in a group raises adherence, training alone at home lowers it (MODEL.md).
TEST(Runner, GroupTrainingIsAttendedMoreThanHomeTraining) {
  Scenario s = small_trial();
  s.arms[0] = s.arms[1];
  s.arms[0].name = "home";
  s.arms[0].setting = TrainingSetting::home;
  s.arms[1].name = "group";
  s.arms[1].setting = TrainingSetting::group;
  RunOptions o;
  o.agents = 80;
  o.threads = 2;
  const TrialSummary t = summarize(s, run_population(s, o));
  const auto rate = [](const ArmSummary& a) {
    return static_cast<double>(a.sessions_done) / static_cast<double>(a.sessions_scheduled);
  };
  EXPECT_LT(rate(t.arms[0]) + 0.05, rate(t.arms[1]))
      << rate(t.arms[0]) << " vs " << rate(t.arms[1]);
}

}  // namespace
}  // namespace brainload

namespace brainload {
namespace {

// regression: sums of separately rounded squares gave a constant outcome an SD of 1.5e-5
// (bbb_integrity at day 0) where the exact answer, and the report's recomputation, is 0.
TEST(TrialAccumulator, regression_constant_outcome_has_zero_sd_and_small_sd_is_exact) {
  Scenario s = small_trial();
  RunPlan plan;
  plan.sample_days = {0};
  TrialAccumulator acc(s, plan);
  for (int i = 0; i < 50; ++i) {
    AgentResult a;
    a.traits.arm = 0;
    std::array<double, kChronicObservableCount> v{};
    v.fill(0.9);
    v[chronic_observable_index("strength_1rm_rel")] = 1.0 + 1e-6 * (i % 2);  // sd ≈ 5.05e-7
    a.assessments = {v, v};
    acc.add(a);
  }
  const TrialSummary t = acc.summary();
  EXPECT_EQ(t.arms[0].outcomes[0][chronic_observable_index("bbb_integrity")].sd, 0.0);
  const double expected = 1e-6 * std::sqrt(0.25 * 50.0 / 49.0);
  EXPECT_NEAR(t.arms[0].outcomes[0][chronic_observable_index("strength_1rm_rel")].sd, expected,
              1e-9);
}

// regression: the correlation read fixed indices, and when an observable was inserted before
// brain age it correlated strength with prefrontal connectivity (r = 0 in arms without heavy
// sets). Agents whose brain age falls by exactly their strength gain must give r = −1.
TEST(TrialAccumulator, regression_strength_brain_age_correlation_reads_those_two_observables) {
  Scenario s = small_trial();
  RunPlan plan;
  plan.sample_days = {0};
  TrialAccumulator acc(s, plan);
  const std::size_t strength = chronic_observable_index("strength_1rm_rel");
  const std::size_t brain_age = chronic_observable_index("brain_age_gap_years");
  for (int i = 0; i < 20; ++i) {
    AgentResult a;
    a.traits.arm = 0;
    std::array<double, kChronicObservableCount> before{};
    before.fill(1.0);
    std::array<double, kChronicObservableCount> after = before;
    after[strength] += 0.01 * i;
    after[brain_age] -= 0.01 * i;
    a.assessments = {before, after};
    acc.add(a);
  }
  const TrialSummary t = acc.summary();
  ASSERT_FALSE(t.correlations.empty());
  EXPECT_NEAR(t.correlations.front().r, -1.0, 1e-9);
}

}  // namespace
}  // namespace brainload
