#include "brainload/population/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace brainload {

namespace {

bool counted(const AgentResult& a) { return !a.failed && !a.assessments.empty(); }

// Histogram span of each chronic observable, in chronic_observables() order (assumed
// physiological ranges, wide enough for every scenario shipped).
constexpr std::array<std::pair<double, double>, kChronicObservableCount> kRanges{{
    {5.0, 95.0},      // vo2max_ml_kg_min
    {0.3, 3.0},       // strength_1rm_rel
    {0.0, 120.0},     // bdnf_resting_ng_ml
    {0.7, 1.3},       // hippocampal_volume_rel
    {0.7, 1.5},       // prefrontal_connectivity_rel
    {-20.0, 20.0},    // brain_age_gap_years
    {-6.0, 6.0},      // cognition_composite_z
    {-6.0, 6.0},      // executive_function_z
    {-6.0, 6.0},      // working_memory_z
    {-6.0, 6.0},      // depression_z
    {0.0, 30.0},      // il6_resting_pg_ml
    {0.0, 1.0},       // bbb_integrity
    {0.0, 60.0},      // fatigue
    {0.0, 4000.0},    // sessions_done
}};

constexpr std::size_t kStrength = 1;
constexpr std::size_t kBrainAge = 5;

}  // namespace

void TrialAccumulator::Moments::add(double x) {
  n += 1.0;
  const double d = x - mean;
  mean += d / n;
  m2 += d * (x - mean);
}

double TrialAccumulator::Moments::sd() const { return n > 1.0 ? std::sqrt(m2 / (n - 1.0)) : 0.0; }

void TrialAccumulator::CoMoments::add(double x, double y) {
  n += 1.0;
  const double dx = x - mean_x;
  mean_x += dx / n;
  const double dy = y - mean_y;
  mean_y += dy / n;
  cxy += dx * (y - mean_y);
  m2x += dx * (x - mean_x);
  m2y += dy * (y - mean_y);
}

double TrialAccumulator::CoMoments::r() const {
  const double d = std::sqrt(m2x * m2y);
  return d > 0.0 ? cxy / d : 0.0;
}

TrialAccumulator::TrialAccumulator(const Scenario& scenario, const RunPlan& plan)
    : scenario_(&scenario), samples_(plan.sample_days.size()) {
  const std::size_t arms = scenario.arms.size();
  const std::size_t assess = scenario.assess_days.size();
  arms_.resize(arms);
  for (std::size_t a = 0; a < arms; ++a) arms_[a].name = scenario.arms[a].name;
  values_.resize(arms * assess * kChronicObservableCount);
  changes_.resize(values_.size());
  strength_brain_age_.resize(arms * assess);
  histogram_n_.assign(arms * samples_ * kChronicObservableCount, 0);
  histogram_.assign(histogram_n_.size() * kHistogramBins, 0);
}

void TrialAccumulator::add(const AgentResult& r) {
  const auto arm = static_cast<std::size_t>(r.traits.arm);
  ArmSummary& s = arms_[arm];
  s.sessions_scheduled += r.sessions_scheduled;
  s.sessions_done += r.sessions_done;
  if (r.dropped_out) ++s.dropouts;
  if (r.failed) ++s.failed;
  if (!counted(r)) return;
  ++s.n;
  const std::size_t assess = scenario_->assess_days.size();
  for (std::size_t d = 0; d < std::min(assess, r.assessments.size()); ++d) {
    for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
      const std::size_t i = (arm * assess + d) * kChronicObservableCount + k;
      values_[i].add(r.assessments[d][k]);
      changes_[i].add(r.assessments[d][k] - r.assessments[0][k]);
    }
  }
  for (std::size_t d = 1; d < std::min(assess, r.assessments.size()); ++d) {
    strength_brain_age_[arm * assess + d].add(r.assessments[d][kStrength] - r.assessments[0][kStrength],
                                              r.assessments[d][kBrainAge] - r.assessments[0][kBrainAge]);
  }
  for (std::size_t t = 0; t < std::min(samples_, r.samples.size()); ++t) {
    for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
      const double v = r.samples[t][k];
      if (!std::isfinite(v)) continue;
      const auto [lo, hi] = kRanges[k];
      const double pos = (v - lo) / (hi - lo) * static_cast<double>(kHistogramBins);
      const auto bin = static_cast<std::size_t>(
          std::clamp(std::floor(pos), 0.0, static_cast<double>(kHistogramBins - 1)));
      const std::size_t cell = (arm * samples_ + t) * kChronicObservableCount + k;
      ++histogram_[cell * kHistogramBins + bin];
      ++histogram_n_[cell];
    }
  }
}

TrialSummary TrialAccumulator::summary() const {
  const Scenario& scenario = *scenario_;
  TrialSummary t;
  t.assess_days = scenario.assess_days;
  t.arms = arms_;
  const std::size_t assess = scenario.assess_days.size();
  const auto at = [&](const std::vector<Moments>& m, std::size_t a, std::size_t d, std::size_t k)
      -> const Moments& { return m[(a * assess + d) * kChronicObservableCount + k]; };
  for (std::size_t a = 0; a < t.arms.size(); ++a) {
    t.arms[a].outcomes.resize(assess);
    for (std::size_t d = 0; d < assess; ++d) {
      for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
        const Moments& v = at(values_, a, d, k);
        const Moments& c = at(changes_, a, d, k);
        t.arms[a].outcomes[d][k] = {v.mean, v.sd(), c.mean, c.sd()};
      }
    }
    for (std::size_t d = 1; d < assess; ++d) {
      const CoMoments& c = strength_brain_age_[a * assess + d];
      t.correlations.push_back({t.arms[a].name, scenario.assess_days[d], "strength_1rm_rel",
                                "brain_age_gap_years", c.r(), static_cast<std::int64_t>(c.n)});
    }
  }
  std::size_t control = 0;
  for (std::size_t a = 0; a < scenario.arms.size(); ++a) {
    if (scenario.arms[a].name == "control") control = a;
  }
  t.control = scenario.arms[control].name;
  for (std::size_t a = 0; a < scenario.arms.size(); ++a) {
    if (a == control) continue;
    for (std::size_t d = 1; d < assess; ++d) {
      for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
        const Moments& x = at(changes_, a, d, k);
        const Moments& c = at(changes_, control, d, k);
        Contrast ct;
        ct.arm = scenario.arms[a].name;
        ct.vs = t.control;
        ct.outcome = std::string(chronic_observables()[k].name);
        ct.day = scenario.assess_days[d];
        ct.mean_difference = x.mean - c.mean;
        const double pooled =
            (x.n + c.n > 2.0)
                ? std::sqrt(((x.n - 1.0) * x.sd() * x.sd() + (c.n - 1.0) * c.sd() * c.sd()) /
                            (x.n + c.n - 2.0))
                : 0.0;
        ct.smd = pooled > 0.0 ? ct.mean_difference / pooled : 0.0;
        const double se = (x.n > 0.0 && c.n > 0.0)
                              ? std::sqrt(x.sd() * x.sd() / x.n + c.sd() * c.sd() / c.n)
                              : 0.0;
        ct.ci95_low = ct.mean_difference - 1.959964 * se;
        ct.ci95_high = ct.mean_difference + 1.959964 * se;
        t.contrasts.push_back(ct);
      }
    }
  }
  return t;
}

std::vector<double> TrialAccumulator::quantiles() const {
  const std::size_t nq = kQuantiles.size();
  std::vector<double> out(histogram_n_.size() * nq, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t cell = 0; cell < histogram_n_.size(); ++cell) {
    const double total = histogram_n_[cell];
    if (total == 0.0) continue;
    const auto [lo, hi] = kRanges[cell % kChronicObservableCount];
    const double width = (hi - lo) / static_cast<double>(kHistogramBins);
    const std::uint32_t* h = &histogram_[cell * kHistogramBins];
    for (std::size_t q = 0; q < nq; ++q) {
      const double target = kQuantiles[q] * total;
      double below = 0.0;
      for (std::size_t b = 0; b < kHistogramBins; ++b) {
        if (h[b] == 0) continue;
        if (below + h[b] >= target) {
          const double frac = (target - below) / h[b];
          out[cell * nq + q] = lo + (static_cast<double>(b) + frac) * width;
          break;
        }
        below += h[b];
      }
    }
  }
  return out;
}

TrialSummary summarize(const Scenario& scenario, const RunResults& results) {
  TrialAccumulator acc(scenario, results.plan);
  for (const AgentResult& a : results.agents) acc.add(a);
  return acc.summary();
}

std::vector<double> arm_quantiles(const Scenario& scenario, const RunResults& results) {
  TrialAccumulator acc(scenario, results.plan);
  for (const AgentResult& a : results.agents) acc.add(a);
  return acc.quantiles();
}

double change_correlation(const RunResults& results, int arm, std::size_t a, std::size_t b) {
  double n = 0.0, mx = 0.0, my = 0.0, cxy = 0.0, m2x = 0.0, m2y = 0.0;
  for (const AgentResult& r : results.agents) {
    if (r.traits.arm != arm || !counted(r) || r.assessments.size() < 2) continue;
    const double x = r.assessments.back()[a] - r.assessments.front()[a];
    const double y = r.assessments.back()[b] - r.assessments.front()[b];
    n += 1.0;
    const double dx = x - mx;
    mx += dx / n;
    const double dy = y - my;
    my += dy / n;
    cxy += dx * (y - my);
    m2x += dx * (x - mx);
    m2y += dy * (y - my);
  }
  const double d = std::sqrt(m2x * m2y);
  return d > 0.0 ? cxy / d : 0.0;
}

}  // namespace brainload
