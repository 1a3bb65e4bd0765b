// Trial statistics: per-arm outcomes at each assessment day, contrasts against the control arm,
// and per-arm quantile time series. Agents whose integration failed are excluded and counted.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "brainload/observables.hpp"
#include "brainload/population/runner.hpp"

namespace brainload {

struct OutcomeStats {
  double mean = 0.0;
  double sd = 0.0;
  double change_mean = 0.0;  // against the first assessment (day 0)
  double change_sd = 0.0;
};

struct ArmSummary {
  std::string name;
  std::int64_t n = 0;
  std::int64_t dropouts = 0;
  std::int64_t failed = 0;
  std::int64_t sessions_scheduled = 0;
  std::int64_t sessions_done = 0;
  // [assessment][observable]
  std::vector<std::array<OutcomeStats, kChronicObservableCount>> outcomes;
};

// Mean difference of change from baseline (arm − control), standardised by the pooled SD of
// change, with a normal-approximation 95 % confidence interval (Welch standard error).
struct Contrast {
  std::string arm;
  std::string vs;
  std::string outcome;
  int day = 0;
  double mean_difference = 0.0;
  double smd = 0.0;
  double ci95_low = 0.0;
  double ci95_high = 0.0;
};

struct TrialSummary {
  std::vector<int> assess_days;
  std::vector<ArmSummary> arms;
  std::vector<Contrast> contrasts;
  std::string control;
};

[[nodiscard]] TrialSummary summarize(const Scenario& scenario, const RunResults& results);

inline constexpr std::array<double, 5> kQuantiles{0.05, 0.25, 0.5, 0.75, 0.95};

// [arm][sample][observable][quantile], linear interpolation between order statistics.
[[nodiscard]] std::vector<double> arm_quantiles(const Scenario& scenario, const RunResults& results);

// Pearson correlation across the agents of one arm between the changes (last − first
// assessment) of two chronic observables.
[[nodiscard]] double change_correlation(const RunResults& results, int arm, std::size_t a,
                                        std::size_t b);

}  // namespace brainload
