// The per-person trainability multiplier (population/agent.hpp, sample_agent): a normal with mean
// 1 and SD population.trainability_sd, truncated at zero (docs/research/chronic_structures.md
// section 7e). Its moments, its share of true non-responders and its symmetry are checked over
// many drawn agents, so a right-skewed (lognormal) or untruncated sampler fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "brainload/io/scenario_toml.hpp"
#include "brainload/population/agent.hpp"
#include "shipped_scenario.hpp"

namespace brainload {
namespace {

std::vector<double> drawn_trainability(const ModelParams& params, int n) {
  const Scenario s = shipped("wingate");
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int id = 0; id < n; ++id) out.push_back(sample_agent(s, params, 11, id, 0).trainability);
  return out;
}

constexpr int kAgents = 20000;

TEST(Trainability, IsANormalOfMeanOneTruncatedAtZero) {
  ModelParams params;
  params.population.trainability_sd = 0.45;
  const std::vector<double> t = drawn_trainability(params, kAgents);
  double sum = 0.0, sum2 = 0.0;
  int zeros = 0, below = 0, above = 0;
  for (double v : t) {
    ASSERT_GE(v, 0.0);
    sum += v;
    sum2 += v * v;
    zeros += v == 0.0 ? 1 : 0;
    below += v < 1.0 - 0.6 ? 1 : 0;  // 1.33 SD below the mean
    above += v > 1.0 + 0.6 ? 1 : 0;  // 1.33 SD above
  }
  const double n = kAgents;
  const double mean = sum / n;
  const double sd = std::sqrt(sum2 / n - mean * mean);
  // Truncation at zero moves the mean by σφ(1/σ) − Φ(−1/σ)·0 ≈ +0.002 and the SD slightly down;
  // the sampling SE of the mean is 0.45/√20000 = 0.003.
  EXPECT_NEAR(mean, 1.0, 0.012);
  EXPECT_NEAR(sd, 0.45, 0.012);
  // True non-responders: Φ(−1/0.45) = 1.31 %; binomial SE 0.08 %.
  EXPECT_NEAR(zeros / n, 0.0131, 0.0035);
  // Symmetric tails: Φ(−1.333) = 9.1 % on each side (a lognormal of the same mean and SD gives
  // about 3 % below and 10 % above).
  EXPECT_NEAR(below / n, 0.091, 0.012);
  EXPECT_NEAR(above / n, 0.091, 0.012);
}

TEST(Trainability, ZeroSpreadGivesEveryoneTheSameMultiplier) {
  ModelParams params;
  params.population.trainability_sd = 0.0;
  for (double v : drawn_trainability(params, 50)) EXPECT_EQ(v, 1.0);
}

// Baseline depressive symptoms (chronic_structures.md 7u): a population's depression_baseline_z
// shifts every person's baseline by the same amount, from the same draw, reaches the chronic
// layer through the subject, and leaves motivation (the within-population deviation) and every
// other trait as they were.
TEST(Trainability, DepressionBaselineShiftsEveryoneAndLeavesTheOtherTraits) {
  const ModelParams params;
  Scenario general = shipped("wingate");
  Scenario depressed = general;
  depressed.population.depression_baseline_z = 3.46;
  for (int id = 0; id < 200; ++id) {
    const AgentTraits a = sample_agent(general, params, 11, id, 0);
    const AgentTraits b = sample_agent(depressed, params, 11, id, 0);
    EXPECT_NEAR(b.baseline_depression - a.baseline_depression, 3.46, 1e-12);
    EXPECT_EQ(b.subject.depression_baseline_z, b.baseline_depression);
    EXPECT_EQ(a.subject.depression_baseline_z, a.baseline_depression);
    EXPECT_EQ(b.motivation, a.motivation);
    EXPECT_EQ(b.trainability, a.trainability);
    EXPECT_EQ(b.subject.vo2max_ml_kg_min, a.subject.vo2max_ml_kg_min);
  }
}

}  // namespace
}  // namespace brainload
