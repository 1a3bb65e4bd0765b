#include "brainload/validation/readers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "brainload/observables.hpp"
#include "brainload/units.hpp"

namespace brainload::validation {

namespace {

void check_series(const Series& s) {
  if (s.t.empty() || s.t.size() != s.y.size()) {
    throw std::invalid_argument("empty series, or times and values of different lengths");
  }
}

void check_inside(const Series& s, double t) {
  constexpr double kSlack = 1e-9;
  if (!(t >= s.t.front() - kSlack && t <= s.t.back() + kSlack)) {
    throw std::invalid_argument(fmt::format(
        "time {} min is outside the simulated span [{}, {}] min", t, s.t.front(), s.t.back()));
  }
}

void check_window(const Series& s, double from, double to) {
  if (!(from < to)) throw std::invalid_argument(fmt::format("empty window [{}, {}]", from, to));
  check_inside(s, from);
  check_inside(s, to);
}

template <class Better>
Extremum extremum_in(const Series& s, double from, double to, Better better) {
  check_series(s);
  check_window(s, from, to);
  Extremum best{from, value_at(s, from)};
  for (std::size_t k = 0; k < s.t.size(); ++k) {
    if (s.t[k] <= from || s.t[k] >= to) continue;
    if (better(s.y[k], best.value)) best = {s.t[k], s.y[k]};
  }
  const double end = value_at(s, to);
  if (better(end, best.value)) best = {to, end};
  return best;
}

std::size_t assessment_index(const TrialSummary& t, int day) {
  const auto it = std::ranges::find(t.assess_days, day);
  if (it == t.assess_days.end()) {
    std::string days;
    for (const int d : t.assess_days) days += (days.empty() ? "" : ", ") + std::to_string(d);
    throw std::invalid_argument(fmt::format(
        "day {} is not an assessment day of the scenario (assess_days: {})", day, days));
  }
  return static_cast<std::size_t>(it - t.assess_days.begin());
}

const OutcomeStats& stats(const TrialSummary& t, std::size_t arm, std::size_t k, int day) {
  if (arm >= t.arms.size()) throw std::invalid_argument("arm index out of range");
  if (k >= kChronicObservableCount) throw std::invalid_argument("observable index out of range");
  const std::size_t d = assessment_index(t, day);
  if (d >= t.arms[arm].outcomes.size()) throw std::invalid_argument("no outcomes for that day");
  return t.arms[arm].outcomes[d][k];
}

}  // namespace

double value_at(const Series& s, double t) {
  check_series(s);
  check_inside(s, t);
  if (t <= s.t.front()) return s.y.front();
  if (t >= s.t.back()) return s.y.back();
  const auto hi = static_cast<std::size_t>(std::ranges::upper_bound(s.t, t) - s.t.begin());
  const std::size_t lo = hi - 1;
  const double w = (t - s.t[lo]) / (s.t[hi] - s.t[lo]);
  return s.y[lo] + w * (s.y[hi] - s.y[lo]);
}

Extremum peak_in(const Series& s, double from, double to) {
  return extremum_in(s, from, to, [](double a, double b) { return a > b; });
}

Extremum min_in(const Series& s, double from, double to) {
  return extremum_in(s, from, to, [](double a, double b) { return a < b; });
}

double mean_over(const Series& s, double from, double to) {
  check_series(s);
  check_window(s, from, to);
  // Integrate the piecewise-linear interpolant over [from, to].
  std::vector<std::pair<double, double>> pts{{from, value_at(s, from)}};
  for (std::size_t k = 0; k < s.t.size(); ++k) {
    if (s.t[k] > from && s.t[k] < to) pts.emplace_back(s.t[k], s.y[k]);
  }
  pts.emplace_back(to, value_at(s, to));
  double area = 0.0;
  for (std::size_t k = 1; k < pts.size(); ++k) {
    area += 0.5 * (pts[k - 1].second + pts[k].second) * (pts[k].first - pts[k - 1].first);
  }
  return area / (to - from);
}

double clock_hours(double t_min, double start_clock_min, double wrap_h) {
  const double h = units::clock_of(t_min, start_clock_min) / units::kMinutesPerHour;
  return h < wrap_h ? h + 24.0 : h;
}

double half_life_after_peak(const Series& s, double from, double to, double base) {
  const Extremum p = peak_in(s, from, to);
  const double half = base + 0.5 * (p.value - base);
  if (!(p.value > base)) throw std::invalid_argument("no rise above base in the window");
  double t_prev = p.t;
  double y_prev = p.value;
  for (std::size_t k = 0; k < s.t.size(); ++k) {
    if (s.t[k] <= p.t) continue;
    if (s.y[k] <= half) {
      const double w = (y_prev - half) / (y_prev - s.y[k]);
      return t_prev + w * (s.t[k] - t_prev) - p.t;
    }
    t_prev = s.t[k];
    y_prev = s.y[k];
  }
  throw std::invalid_argument("the excess never fell to half inside the simulated span");
}

double exp_half_life(const Series& s, double t_a, double t_b, double base) {
  if (!(t_a < t_b)) throw std::invalid_argument("exp_half_life needs t_a < t_b");
  const double ea = value_at(s, t_a) - base;
  const double eb = value_at(s, t_b) - base;
  // An excess above base that decays, or a deficit below it that closes (a rise towards a steady
  // value read at base_min: the on-kinetics of oxygen uptake or heart rate).
  if (!(ea * eb > 0.0 && std::abs(ea) > std::abs(eb))) {
    throw std::invalid_argument(fmt::format(
        "exp_half_life needs an excess or deficit over the base that shrinks without changing "
        "sign (excess {} at {} min, {} at {} min)",
        ea, t_a, eb, t_b));
  }
  return std::log(2.0) * (t_b - t_a) / std::log(ea / eb);
}

double remaining_fraction(const Series& s, double from, double to, double at, double base) {
  const Extremum p = peak_in(s, from, to);
  if (!(p.value > base)) throw std::invalid_argument("no rise above base in the window");
  return (value_at(s, at) - base) / (p.value - base);
}

const Contrast& find_contrast(const TrialSummary& t, std::string_view arm, std::string_view outcome,
                              int day) {
  for (const Contrast& c : t.contrasts) {
    if (c.arm == arm && c.outcome == outcome && c.day == day) return c;
  }
  throw std::invalid_argument(fmt::format(
      "no contrast of arm '{}' against '{}' for {} on day {} (is the arm the control, or the day "
      "not an assessment day?)",
      arm, t.control, outcome, day));
}

double arm_mean(const TrialSummary& t, std::size_t arm, std::size_t k, int day) {
  return stats(t, arm, k, day).mean;
}

double arm_sd(const TrialSummary& t, std::size_t arm, std::size_t k, int day) {
  return stats(t, arm, k, day).sd;
}

double arm_change_mean(const TrialSummary& t, std::size_t arm, std::size_t k, int day,
                       int from_day) {
  return arm_mean(t, arm, k, day) - arm_mean(t, arm, k, from_day);
}

double arm_change_relative(const TrialSummary& t, std::size_t arm, std::size_t k, int day,
                           int from_day) {
  const double base = arm_mean(t, arm, k, from_day);
  if (base == 0.0) throw std::invalid_argument("relative change from a mean of zero");
  return (arm_mean(t, arm, k, day) - base) / base;
}

double arm_change_smd(const TrialSummary& t, std::size_t arm, std::size_t k, int day) {
  const int first = t.assess_days.empty() ? 0 : t.assess_days.front();
  const double sd = arm_sd(t, arm, k, first);
  if (!(sd > 0.0)) throw std::invalid_argument("baseline SD is zero");
  return stats(t, arm, k, day).change_mean / sd;
}

double retained_fraction(const TrialSummary& t, std::size_t arm, std::size_t k, int day,
                         int from_day) {
  const int first = t.assess_days.empty() ? 0 : t.assess_days.front();
  const double base = arm_mean(t, arm, k, first);
  const double gain = arm_mean(t, arm, k, from_day) - base;
  if (gain == 0.0) throw std::invalid_argument("no gain at from_day to retain");
  return (arm_mean(t, arm, k, day) - base) / gain;
}

double attendance(const ArmSummary& arm) {
  if (arm.sessions_scheduled <= 0) throw std::invalid_argument("the arm schedules no sessions");
  return static_cast<double>(arm.sessions_done) / static_cast<double>(arm.sessions_scheduled);
}

namespace {

double required(const std::optional<double>& v, std::string_view what) {
  if (!v) throw std::invalid_argument(fmt::format("the reader needs {}", what));
  return *v;
}

}  // namespace

double curve_nrmse(const Target& t, const Series& s, std::vector<double>& simulated) {
  const std::size_t n = t.curve_t_min.size();
  if (n == 0 || t.curve_values.size() != n) throw std::invalid_argument("an empty curve");
  const double base = t.base_min ? value_at(s, *t.base_min) : 0.0;
  simulated.assign(n, 0.0);
  double sum_sq = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    simulated[i] = value_at(s, t.curve_t_min[i]) - base;
    const double e = simulated[i] - t.curve_values[i];
    sum_sq += e * e;
  }
  const auto [lo, hi] = std::ranges::minmax(t.curve_values);
  if (!(hi > lo)) throw std::invalid_argument("a flat published curve");
  return std::sqrt(sum_sq / static_cast<double>(n)) / (hi - lo);
}

double work_at_level(const Target& t, const Series& observable, const Series& work) {
  const double from = required(t.from_min, "from_min");
  const double to = required(t.to_min, "to_min");
  const double level = required(t.level, "level");
  const double stage = required(t.stage_min, "stage_min");
  if (!(stage > 0.0)) throw std::invalid_argument("stage_min must be positive");
  double prev_work = 0.0;
  double prev_value = 0.0;
  bool have_prev = false;
  // Stage ends from + k·stage (k ≥ 1), up to `to` (a small tolerance keeps the last stage whose
  // end equals `to` despite rounding).
  for (int k = 1;; ++k) {
    const double end = from + k * stage;
    if (end > to + 1e-9 * std::max(1.0, std::abs(to))) break;
    const double w = mean_over(work, end - stage, end);
    const double y = value_at(observable, end);
    if (y >= level) {
      if (!have_prev || !(y > prev_value)) return w;
      return prev_work + (level - prev_value) * (w - prev_work) / (y - prev_value);
    }
    prev_work = w;
    prev_value = y;
    have_prev = true;
  }
  return std::numeric_limits<double>::infinity();
}

double coefficient_of_variation(const std::vector<double>& changes) {
  if (changes.size() < 2) throw std::invalid_argument("fewer than 2 agents");
  double mean = 0.0;
  for (const double c : changes) mean += c;
  mean /= static_cast<double>(changes.size());
  double ss = 0.0;
  for (const double c : changes) ss += (c - mean) * (c - mean);
  if (mean == 0.0) throw std::invalid_argument("the mean change is zero");
  return std::sqrt(ss / static_cast<double>(changes.size() - 1)) / std::abs(mean);
}

double fraction_below_share_of_mean(const std::vector<double>& changes, double threshold_of_mean) {
  if (changes.size() < 2) throw std::invalid_argument("fewer than 2 agents");
  double mean = 0.0;
  for (const double c : changes) mean += c;
  mean /= static_cast<double>(changes.size());
  if (mean == 0.0) throw std::invalid_argument("the mean change is zero");
  const double cut = threshold_of_mean * mean;
  const auto below = std::ranges::count_if(changes, [&](double c) { return c < cut; });
  return static_cast<double>(below) / static_cast<double>(changes.size());
}

double read_series(const Target& t, const Series& s, double start_clock_min) {
  const auto from = [&] { return required(t.from_min, "from_min"); };
  const auto to = [&] { return required(t.to_min, "to_min"); };
  const auto at = [&] { return required(t.at_min, "at_min"); };
  const auto base = [&] { return value_at(s, required(t.base_min, "base_min")); };
  const auto ratio = [](double a, double b) {
    if (b == 0.0) throw std::invalid_argument("ratio to a base value of zero");
    return a / b;
  };
  switch (t.reader) {
    case Reader::peak:
      return peak_in(s, from(), to()).value;
    case Reader::min:
      return min_in(s, from(), to()).value;
    case Reader::value_at:
      return value_at(s, at());
    case Reader::mean_over:
      return mean_over(s, from(), to());
    case Reader::time_of_peak_min:
      return peak_in(s, from(), to()).t - t.ref_min.value_or(from());
    case Reader::time_of_min_min:
      return min_in(s, from(), to()).t - t.ref_min.value_or(from());
    case Reader::clock_of_peak_h:
      return clock_hours(peak_in(s, from(), to()).t, start_clock_min, t.clock_wrap_h.value_or(0.0));
    case Reader::clock_of_min_h:
      return clock_hours(min_in(s, from(), to()).t, start_clock_min, t.clock_wrap_h.value_or(0.0));
    case Reader::fold_change_peak:
      return ratio(peak_in(s, from(), to()).value, base());
    case Reader::fold_change_at:
      return ratio(value_at(s, at()), base());
    case Reader::peak_minus_baseline:
      return peak_in(s, from(), to()).value - base();
    case Reader::relative_change_at:
      return ratio(value_at(s, at()), base()) - 1.0;
    case Reader::change_at:
      return value_at(s, at()) - base();
    case Reader::drop:
      return base() - value_at(s, at());
    case Reader::half_life_after_peak_min:
      return half_life_after_peak(s, from(), to(), base());
    case Reader::exp_half_life_min:
      return exp_half_life(s, from(), to(), base());
    case Reader::remaining_fraction_at:
      return remaining_fraction(s, from(), to(), at(), base());
    default:
      break;
  }
  throw std::invalid_argument(
      fmt::format("reader '{}' does not read a series", reader_name(t.reader)));
}

double read_summary(const Target& t, const TrialSummary& summary, std::size_t arm) {
  switch (t.reader) {
    case Reader::contrast_smd:
      return find_contrast(summary, t.arm, t.outcome, t.day).smd;
    case Reader::contrast_mean_difference:
      return find_contrast(summary, t.arm, t.outcome, t.day).mean_difference;
    case Reader::arm_change_mean:
      return arm_change_mean(summary, arm, chronic_observable_index(t.outcome), t.day, t.from_day);
    case Reader::arm_change_relative:
      return arm_change_relative(summary, arm, chronic_observable_index(t.outcome), t.day,
                                 t.from_day);
    case Reader::arm_change_smd:
      return arm_change_smd(summary, arm, chronic_observable_index(t.outcome), t.day);
    case Reader::retained_fraction:
      return retained_fraction(summary, arm, chronic_observable_index(t.outcome), t.day,
                               t.from_day);
    case Reader::attendance:
      if (arm >= summary.arms.size()) throw std::invalid_argument("arm index out of range");
      return attendance(summary.arms[arm]);
    default:
      break;
  }
  throw std::invalid_argument(
      fmt::format("reader '{}' does not read a trial summary", reader_name(t.reader)));
}

}  // namespace brainload::validation
