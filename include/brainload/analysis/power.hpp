// Statistical power: the test a virtual trial is analysed with, the share of trials that detect
// an effect with its confidence interval, and the analytic power of the same test for a normal
// outcome (the reference the simulated power is tested against).
//
//   Welch's t test (Welch 1947, Biometrika 34:28): t = (x̄ − ȳ) / √(s_x²/n_x + s_y²/n_y),
//   Welch–Satterthwaite degrees of freedom, two-sided p from Student's t (Boost.Math). It is
//   the test of the summary's contrasts (population/summary.hpp: difference of mean change
//   from baseline with the Welch standard error), on change scores of a chronic outcome or on
//   the measured values of an event.
//   Power of k detections in R trials: k/R with the Wilson score interval (Wilson 1927, J Am
//   Stat Assoc 22:209), which stays inside [0, 1] at 0 and R detections.
//   Analytic power of the two-sided two-sample t test with n per arm and standardised effect d:
//   P(|T| > t_{1−α/2, 2n−2}) with T noncentral t, 2n − 2 degrees of freedom, noncentrality
//   d·√(n/2) (Cohen 1988, Statistical Power Analysis, ch. 2); Boost.Math's non_central_t.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace brainload {

struct WelchTest {
  double difference = 0.0;  // mean x − mean y
  double smd = 0.0;         // difference / pooled SD (Cohen's d)
  double t = 0.0;
  double df = 0.0;
  double p = 1.0;  // two-sided; 1 when the test cannot be made (fewer than 2 per arm, no spread)
  bool valid = false;
};

// Non-finite values are left out (agents that failed or did not take an event).
[[nodiscard]] WelchTest welch_test(std::span<const double> x, std::span<const double> y);

struct Proportion {
  double p = 0.0;
  std::array<double, 2> ci95{};
};

[[nodiscard]] Proportion wilson_interval(std::int64_t hits, std::int64_t trials);

[[nodiscard]] double analytic_t_power(double effect_size, double n_per_arm, double alpha);

// The smallest n at which `power` (over increasing `n`) first reaches `target`, interpolated
// linearly between the two sample sizes around the crossing; `n.front()` if already reached
// there; nullopt when no sample size reaches it.
[[nodiscard]] std::optional<double> n_for_power(std::span<const int> n,
                                                std::span<const double> power, double target);

}  // namespace brainload
