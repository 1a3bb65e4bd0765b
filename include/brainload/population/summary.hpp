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

// One event of one arm across its agents (measured values; agents that did not take it, e.g.
// after dropping out, are not counted).
struct EventStats {
  std::string name;
  EventType type = EventType::cognitive_test;
  int day = 0;
  double time_min = 0.0;   // clock time, minutes after midnight
  std::string observable;  // measure only
  std::string unit;
  std::int64_t n = 0;
  double mean = 0.0;
  double sd = 0.0;
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
  std::vector<EventStats> events;  // the arm's events, in the arm's order
};

// Mean difference of change from baseline (arm − control), standardised by the pooled SD of
// change, with a normal-approximation 95 % confidence interval (Welch standard error).
// For an event (`event` set, `outcome` empty) the difference is of the measured values at the
// event, standardised by their pooled SD.
struct Contrast {
  std::string arm;
  std::string vs;
  std::string outcome;
  int day = 0;
  double mean_difference = 0.0;
  double smd = 0.0;
  double ci95_low = 0.0;
  double ci95_high = 0.0;
  std::string event;
};

// Across the agents of one arm, the Pearson correlation between the changes (from the first
// assessment to a later one) of two chronic observables.
struct Correlation {
  std::string arm;
  int day = 0;  // change from the first assessment to this one
  std::string x;
  std::string y;
  double r = 0.0;
  std::int64_t n = 0;
};

struct TrialSummary {
  std::vector<int> assess_days;
  std::vector<ArmSummary> arms;
  std::vector<Contrast> contrasts;
  std::vector<Contrast> event_contrasts;  // every arm's events against the control's same-named
  std::vector<Correlation> correlations;  // strength gain vs brain-age change, per arm
  std::string control;
};

// 128-bit integers (a GCC/Clang extension) hold the exact fixed-point sums below.
__extension__ using ExactInt = __int128;

inline constexpr std::array<double, 5> kQuantiles{0.05, 0.25, 0.5, 0.75, 0.95};

// Statistics of a run, fed one agent at a time and holding nothing per agent: sums per arm,
// assessment and observable, and fixed-bin histograms per arm, sample time and observable for
// the quantile series. Every sum is kept exactly, in 128-bit fixed point (a resolution of 2^-44 of
// each observable's span), so the statistics do not depend on the order agents arrive in or on how
// the population was split across threads or processes: accumulators of parts merge into the same
// bits as one accumulator of the whole. Quantiles are read from the histograms with linear
// interpolation inside a bin; the bins span the physiological range of each observable in
// kHistogramBins steps (values outside count in the edge bins), which bounds their error by one bin
// width.
class TrialAccumulator {
 public:
  static constexpr std::size_t kHistogramBins = 1024;
  TrialAccumulator(const Scenario& scenario, const RunPlan& plan);
  void add(const AgentResult& agent);
  // Adds another accumulator of the same scenario and plan (another part of the population).
  void merge(const TrialAccumulator& other);
  // The accumulator as plain 64-bit words and back, to ship it between processes.
  [[nodiscard]] std::vector<std::uint64_t> serialize() const;
  void merge_serialized(const std::vector<std::uint64_t>& words);
  [[nodiscard]] TrialSummary summary() const;
  // [arm][sample][observable][quantile]
  [[nodiscard]] std::vector<double> quantiles() const;

 private:
  // Exact sums of q = round(x / resolution of the observable) and of q² (and of the y and xy
  // terms for correlations).
  struct Moments {
    std::int64_t n = 0;
    ExactInt sx = 0, sxx = 0;
    void add(double x, std::size_t observable);
    void merge(const Moments& o);
    [[nodiscard]] double mean(std::size_t observable) const;
    [[nodiscard]] double sd(std::size_t observable) const;
  };
  struct CoMoments {
    std::int64_t n = 0;
    ExactInt sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    void add(double x, double y, std::size_t observable_x, std::size_t observable_y);
    void merge(const CoMoments& o);
    [[nodiscard]] double r() const;
  };
  [[nodiscard]] static Contrast contrast_of(const Moments& x, const Moments& control,
                                            std::size_t observable);
  const Scenario* scenario_;
  std::size_t samples_;
  std::vector<ArmSummary> arms_;
  std::vector<Moments> values_;                // [arm][assess][obs]
  std::vector<Moments> changes_;               // [arm][assess][obs]
  std::vector<CoMoments> strength_brain_age_;  // [arm][assess]
  std::vector<Moments> events_;                // [arm][event of the arm]
  std::vector<std::size_t> event_offset_;      // first events_ entry of each arm
  std::vector<std::uint32_t> histogram_;       // [arm][sample][obs][bin]
  std::vector<std::uint32_t> histogram_n_;     // [arm][sample][obs]
};

[[nodiscard]] TrialSummary summarize(const Scenario& scenario, const RunResults& results);
[[nodiscard]] std::vector<double> arm_quantiles(const Scenario& scenario,
                                                const RunResults& results);

// Pearson correlation across the agents of one arm between the changes (last − first
// assessment) of two chronic observables.
[[nodiscard]] double change_correlation(const RunResults& results, int arm, std::size_t a,
                                        std::size_t b);

}  // namespace brainload
