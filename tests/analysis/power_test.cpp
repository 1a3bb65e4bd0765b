// The trial analysis and its power against closed-form references.
#include "brainload/analysis/power.hpp"

#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <vector>

namespace brainload {
namespace {

TEST(WelchTest, MatchesAReferenceImplementation) {
  // scipy.stats.ttest_ind(x, y, equal_var=False) (SciPy 1.10): t = 2.941594868599457,
  // p = 0.017560348683478697, Welch–Satterthwaite df = 8.461951135881138.
  const std::vector<double> x{19.1, 20.3, 18.7, 22.4, 21.0, 19.9, 20.8};
  const std::vector<double> y{17.2, 18.9, 16.5, 19.8, 18.1};
  const WelchTest w = welch_test(x, y);
  ASSERT_TRUE(w.valid);
  EXPECT_NEAR(w.t, 2.941594868599457, 1e-9);
  EXPECT_NEAR(w.df, 8.461951135881138, 1e-9);
  EXPECT_NEAR(w.p, 0.017560348683478697, 1e-9);
}

TEST(WelchTest, NonFiniteValuesAreLeftOutAndTooFewIsNoTest) {
  const std::vector<double> x{1.0, 2.0, std::nan(""), 3.0};
  const std::vector<double> y{2.0, 3.0, 4.0};
  const WelchTest with = welch_test(x, y);
  const WelchTest without = welch_test(std::vector<double>{1.0, 2.0, 3.0}, y);
  EXPECT_DOUBLE_EQ(with.t, without.t);
  EXPECT_FALSE(welch_test(std::vector<double>{1.0}, y).valid);
  EXPECT_FALSE(welch_test(std::vector<double>{1.0, 1.0}, std::vector<double>{1.0, 1.0}).valid);
}

TEST(AnalyticPower, MatchesCohensTables) {
  // Noncentral t, two-sided: d = 0.5, n = 64 gives 0.80 (Cohen 1988, Table 2.3.5); the exact
  // values from scipy.stats.nct.
  EXPECT_NEAR(analytic_t_power(0.5, 64, 0.05), 0.8014595579287103, 1e-6);
  EXPECT_NEAR(analytic_t_power(0.8, 26, 0.05), 0.8074866157939418, 1e-6);
  EXPECT_NEAR(analytic_t_power(0.3, 50, 0.01), 0.1354547881674596, 1e-6);
}

TEST(SimulatedPower, WelchTrialsOfANormalOutcomeMatchAnalyticPower) {
  // R trials of n per arm, outcome N(d, 1) vs N(0, 1): the share with p < α is binomial around
  // the analytic power; allow 4 binomial standard errors (and the small difference between
  // Welch's and the pooled test at equal variances).
  boost::random::mt19937_64 engine(2024);
  boost::random::normal_distribution<double> normal;
  const int replicates = 4000;
  for (const auto& [d, n] : {std::pair{0.5, 20}, std::pair{0.8, 26}, std::pair{0.0, 15}}) {
    SCOPED_TRACE(d);
    int hits = 0;
    std::vector<double> x(static_cast<std::size_t>(n));
    std::vector<double> y(static_cast<std::size_t>(n));
    for (int r = 0; r < replicates; ++r) {
      for (double& v : x) v = d + normal(engine);
      for (double& v : y) v = normal(engine);
      if (welch_test(x, y).p < 0.05) ++hits;
    }
    const double expected = analytic_t_power(d, n, 0.05);
    const double se = std::sqrt(expected * (1.0 - expected) / replicates);
    EXPECT_NEAR(static_cast<double>(hits) / replicates, expected, 4.0 * se);
    const Proportion p = wilson_interval(hits, replicates);
    EXPECT_LT(p.ci95[0], p.p);
    EXPECT_GT(p.ci95[1], p.p);
  }
}

TEST(WilsonInterval, KnownValuesAndBounds) {
  // Newcombe (1998, Stat Med 17:857), Table I: 0/10 → [0, 0.2775]; 5/10 → [0.2366, 0.7634].
  const Proportion zero = wilson_interval(0, 10);
  EXPECT_DOUBLE_EQ(zero.ci95[0], 0.0);
  EXPECT_NEAR(zero.ci95[1], 0.2775, 1e-4);
  const Proportion half = wilson_interval(5, 10);
  EXPECT_NEAR(half.ci95[0], 0.2366, 1e-4);
  EXPECT_NEAR(half.ci95[1], 0.7634, 1e-4);
  EXPECT_DOUBLE_EQ(wilson_interval(10, 10).ci95[1], 1.0);
}

TEST(NForPower, InterpolatesAtTheFirstCrossing) {
  const std::vector<int> n{10, 20, 40, 80};
  const std::vector<double> power{0.3, 0.6, 0.9, 1.0};
  EXPECT_NEAR(*n_for_power(n, power, 0.8), 20 + (0.2 / 0.3) * 20, 1e-12);
  EXPECT_DOUBLE_EQ(*n_for_power(n, power, 0.9), 40.0);
  EXPECT_DOUBLE_EQ(*n_for_power(n, power, 0.2), 10.0);
  EXPECT_FALSE(n_for_power(n, std::vector<double>{0.1, 0.2, 0.3, 0.4}, 0.8).has_value());
}

}  // namespace
}  // namespace brainload
