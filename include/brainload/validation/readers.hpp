// How a simulated value is read: pure functions of a sampled series (acute) or of a trial
// summary (population), so each can be tested on synthetic data with hand-computed answers.
//
// A Series is sampled at increasing times; values between samples are linear interpolation,
// values outside the sampled span are an error (std::invalid_argument), as is an empty window.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "brainload/population/summary.hpp"
#include "brainload/validation/catalogue.hpp"

namespace brainload::validation {

struct Series {
  std::vector<double> t;  // minutes, strictly increasing
  std::vector<double> y;
};

struct Extremum {
  double t = 0.0;
  double value = 0.0;
};

[[nodiscard]] double value_at(const Series& s, double t);
// Max (min) over the samples inside [from, to] and the interpolated end points; the earliest
// time wins ties.
[[nodiscard]] Extremum peak_in(const Series& s, double from, double to);
[[nodiscard]] Extremum min_in(const Series& s, double from, double to);
// Trapezoidal time average over [from, to].
[[nodiscard]] double mean_over(const Series& s, double from, double to);
// Wall-clock hour of scenario time t (start_clock_min: clock at t = 0); values below wrap_h get
// +24 so that a window around midnight reads continuously (23.5, 24.5 …).
[[nodiscard]] double clock_hours(double t_min, double start_clock_min, double wrap_h);
// Minutes after the max in [from, to] until y − base first falls to half of (max − base), by
// linear interpolation; throws if it never does inside the series.
[[nodiscard]] double half_life_after_peak(const Series& s, double from, double to, double base);
// Two-point exponential half-life of the excess over `base` between t_a and t_b.
[[nodiscard]] double exp_half_life(const Series& s, double t_a, double t_b, double base);
// (y(at) − base) / (max over [from, to] − base).
[[nodiscard]] double remaining_fraction(const Series& s, double from, double to, double at,
                                        double base);

// A time-course target: the simulated value at each of t.curve_t_min (minus the value at
// t.base_min when given) into `simulated`, and the normalised RMS error against t.curve_values,
// sqrt(mean((sim − pub)²)) / (max pub − min pub).
[[nodiscard]] double curve_nrmse(const Target& t, const Series& s, std::vector<double>& simulated);
// work_at_level: the work (mean of `work` over each stage) at which `observable`, read at the end
// of each stage of t.stage_min from t.from_min to t.to_min, first reaches t.level, interpolated
// linearly between the last stage below and the first at or above it; the first stage's work if
// it already is; +inf if no stage reaches it.
[[nodiscard]] double work_at_level(const Target& t, const Series& observable, const Series& work);
// Distribution-level readers on per-agent changes: SD / mean, and the share of changes below
// threshold × mean. Throw std::invalid_argument for fewer than 2 values or a zero mean.
[[nodiscard]] double coefficient_of_variation(const std::vector<double>& changes);
[[nodiscard]] double fraction_below_share_of_mean(const std::vector<double>& changes,
                                                  double threshold_of_mean);

// Population readers on a trial summary. `arm` is an index into summary.arms; `k` a chronic
// observable index; days must be assessment days of the scenario.
[[nodiscard]] const Contrast& find_contrast(const TrialSummary& t, std::string_view arm,
                                            std::string_view outcome, int day);
[[nodiscard]] double arm_mean(const TrialSummary& t, std::size_t arm, std::size_t k, int day);
[[nodiscard]] double arm_sd(const TrialSummary& t, std::size_t arm, std::size_t k, int day);
[[nodiscard]] double arm_change_mean(const TrialSummary& t, std::size_t arm, std::size_t k, int day,
                                     int from_day);
[[nodiscard]] double arm_change_relative(const TrialSummary& t, std::size_t arm, std::size_t k,
                                         int day, int from_day);
[[nodiscard]] double arm_change_smd(const TrialSummary& t, std::size_t arm, std::size_t k, int day);
[[nodiscard]] double retained_fraction(const TrialSummary& t, std::size_t arm, std::size_t k,
                                       int day, int from_day);
[[nodiscard]] double attendance(const ArmSummary& arm);

// The catalogue's acute readers (every one except event_value) applied to one observable's
// series; start_clock_min is the scenario's wall clock at t = 0 (for the clock readers).
[[nodiscard]] double read_series(const Target& t, const Series& s, double start_clock_min);
// The catalogue's summary-based population readers (contrast_smd, contrast_mean_difference,
// arm_change_mean, arm_change_relative, arm_change_smd, retained_fraction, attendance) for the
// target's arm at index `arm` of the summary. change_correlation and dropout_fraction need the
// per-agent results and are read by the suite.
[[nodiscard]] double read_summary(const Target& t, const TrialSummary& summary, std::size_t arm);

}  // namespace brainload::validation
