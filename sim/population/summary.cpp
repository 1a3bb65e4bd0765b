#include "brainload/population/summary.hpp"

#include <algorithm>
#include <cmath>

namespace brainload {

namespace {

struct Moments {
  double n = 0.0, mean = 0.0, m2 = 0.0;  // Welford
  void add(double x) {
    n += 1.0;
    const double d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }
  [[nodiscard]] double sd() const { return n > 1.0 ? std::sqrt(m2 / (n - 1.0)) : 0.0; }
};

bool counted(const AgentResult& a) { return !a.failed && !a.assessments.empty(); }

double quantile_of(std::vector<double>& v, double q) {
  if (v.empty()) return std::nan("");
  std::ranges::sort(v);
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

TrialSummary summarize(const Scenario& scenario, const RunResults& results) {
  TrialSummary t;
  t.assess_days = scenario.assess_days;
  const std::size_t n_assess = scenario.assess_days.size();
  t.arms.resize(scenario.arms.size());
  std::vector<std::vector<std::array<Moments, kChronicObservableCount>>> values(
      scenario.arms.size(), std::vector<std::array<Moments, kChronicObservableCount>>(n_assess));
  auto changes = values;
  for (std::size_t a = 0; a < scenario.arms.size(); ++a) t.arms[a].name = scenario.arms[a].name;
  for (const AgentResult& r : results.agents) {
    ArmSummary& arm = t.arms[static_cast<std::size_t>(r.traits.arm)];
    arm.sessions_scheduled += r.sessions_scheduled;
    arm.sessions_done += r.sessions_done;
    if (r.dropped_out) ++arm.dropouts;
    if (r.failed) ++arm.failed;
    if (!counted(r)) continue;
    ++arm.n;
    for (std::size_t d = 0; d < std::min(n_assess, r.assessments.size()); ++d) {
      for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
        values[static_cast<std::size_t>(r.traits.arm)][d][k].add(r.assessments[d][k]);
        changes[static_cast<std::size_t>(r.traits.arm)][d][k].add(r.assessments[d][k] - r.assessments[0][k]);
      }
    }
  }
  for (std::size_t a = 0; a < t.arms.size(); ++a) {
    t.arms[a].outcomes.resize(n_assess);
    for (std::size_t d = 0; d < n_assess; ++d) {
      for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
        t.arms[a].outcomes[d][k] = {values[a][d][k].mean, values[a][d][k].sd(), changes[a][d][k].mean,
                                    changes[a][d][k].sd()};
      }
    }
  }
  std::size_t control = 0;
  for (std::size_t a = 0; a < scenario.arms.size(); ++a) {
    if (scenario.arms[a].name == "control") control = a;
  }
  t.control = scenario.arms[control].name;
  for (std::size_t a = 0; a < scenario.arms.size(); ++a) {
    if (a == control) continue;
    for (std::size_t d = 1; d < n_assess; ++d) {
      for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
        const Moments& x = changes[a][d][k];
        const Moments& c = changes[control][d][k];
        Contrast ct;
        ct.arm = scenario.arms[a].name;
        ct.vs = t.control;
        ct.outcome = std::string(chronic_observables()[k].name);
        ct.day = scenario.assess_days[d];
        ct.mean_difference = x.mean - c.mean;
        const double pooled = (x.n + c.n > 2.0)
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

std::vector<double> arm_quantiles(const Scenario& scenario, const RunResults& results) {
  const std::size_t arms = scenario.arms.size();
  const std::size_t samples = results.plan.sample_days.size();
  const std::size_t nq = kQuantiles.size();
  std::vector<double> out(arms * samples * kChronicObservableCount * nq, std::nan(""));
  std::vector<double> column;
  for (std::size_t a = 0; a < arms; ++a) {
    for (std::size_t s = 0; s < samples; ++s) {
      for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
        column.clear();
        for (const AgentResult& r : results.agents) {
          if (static_cast<std::size_t>(r.traits.arm) == a && !r.failed && s < r.samples.size()) {
            column.push_back(r.samples[s][k]);
          }
        }
        for (std::size_t q = 0; q < nq; ++q) {
          out[((a * samples + s) * kChronicObservableCount + k) * nq + q] = quantile_of(column, kQuantiles[q]);
        }
      }
    }
  }
  return out;
}

double change_correlation(const RunResults& results, int arm, std::size_t a, std::size_t b) {
  Moments mx, my;
  double sxy = 0.0;
  std::vector<std::pair<double, double>> pairs;
  for (const AgentResult& r : results.agents) {
    if (r.traits.arm != arm || !counted(r) || r.assessments.size() < 2) continue;
    pairs.emplace_back(r.assessments.back()[a] - r.assessments.front()[a],
                       r.assessments.back()[b] - r.assessments.front()[b]);
  }
  for (const auto& [x, y] : pairs) {
    mx.add(x);
    my.add(y);
  }
  for (const auto& [x, y] : pairs) sxy += (x - mx.mean) * (y - my.mean);
  const double denom = std::sqrt(mx.m2 * my.m2);
  return denom > 0.0 ? sxy / denom : 0.0;
}

}  // namespace brainload
