#include "brainload/population/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace brainload {

namespace {

bool counted(const AgentResult& a) { return !a.failed && !a.assessments.empty(); }

// Histogram span of chronic observable k (observables.hpp).
std::pair<double, double> histogram_range(std::size_t k) {
  const ObservableInfo& o = chronic_observables()[k];
  return {o.histogram_min, o.histogram_max};
}

// Event values share one fixed-point scale: every event kind (z scores, concentrations, areas)
// lies within ±64 spans of 1e4, at a resolution of 1e4 · 2^-44 ≈ 6e-10 of its unit.
constexpr double kEventSpan = 1e4;
constexpr std::size_t kEventScale = kChronicObservableCount;  // scale index for events

// The pair whose change the summary correlates across agents (LISA: leg-strength gain tracks
// brain-age gain).
const std::size_t kStrength = chronic_observable_index("strength_1rm_rel");
const std::size_t kBrainAge = chronic_observable_index("brain_age_gap_years");

}  // namespace

namespace {

// Each value x of observable k is rounded once to a multiple of a resolution set by that
// observable's span (range_k · 2^-44: 3e-14 for hippocampal volume, 2e-10 for sessions), to an
// integer q; sums of q and of products of q are then exact integers, so the order of additions
// cannot change them. With |x| below 64 spans, q < 2^50 and Σq² over 10^8 agents stays below the
// 2^127 of a signed 128-bit integer.
constexpr long double kResolutionPerSpan = 0x1p-44L;
constexpr double kSpansAllowed = 64.0;

double span_of(std::size_t k) {
  return k == kEventScale ? kEventSpan : histogram_range(k).second - histogram_range(k).first;
}

long double resolution_of(std::size_t k) {
  return static_cast<long double>(span_of(k)) * kResolutionPerSpan;
}

std::int64_t fixed(double x, std::size_t k) {
  const double span = span_of(k);
  if (!(std::abs(x) < kSpansAllowed * span)) {
    const std::string what = k == kEventScale ? std::string("an event value")
                                              : std::string(chronic_observables()[k].name);
    throw std::overflow_error("trial statistics: " + what + " = " + std::to_string(x) +
                              " is outside the exact-sum range");
  }
  return std::llround(static_cast<long double>(x) / resolution_of(k));
}

__extension__ using ExactUint = unsigned __int128;

// 256-bit unsigned integer, just enough for the exact variance numerator n·Σq² − (Σq)².
struct U256 {
  ExactUint hi = 0, lo = 0;
};

U256 multiply(ExactUint a, ExactUint b) {
  constexpr ExactUint kMask = (ExactUint{1} << 64U) - 1U;
  const ExactUint a0 = a & kMask, a1 = a >> 64U, b0 = b & kMask, b1 = b >> 64U;
  const ExactUint p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const ExactUint middle = (p00 >> 64U) + (p01 & kMask) + (p10 & kMask);
  U256 r;
  r.lo = (p00 & kMask) | (middle << 64U);
  r.hi = p11 + (p01 >> 64U) + (p10 >> 64U) + (middle >> 64U);
  return r;
}

U256 subtract(U256 a, U256 b) {  // requires a ≥ b
  U256 r;
  r.lo = a.lo - b.lo;
  r.hi = a.hi - b.hi - (a.lo < b.lo ? 1U : 0U);
  return r;
}

long double to_long_double(U256 v) {
  return static_cast<long double>(v.hi) * 0x1p128L + static_cast<long double>(v.lo);
}

ExactUint magnitude(ExactInt v) {
  return v < 0 ? static_cast<ExactUint>(-v) : static_cast<ExactUint>(v);
}

}  // namespace

void TrialAccumulator::Moments::add(double x, std::size_t k) {
  const std::int64_t q = fixed(x, k);
  ++n;
  sx += q;
  sxx += static_cast<ExactInt>(q) * q;
}

void TrialAccumulator::Moments::merge(const Moments& o) {
  n += o.n;
  sx += o.sx;
  sxx += o.sxx;
}

double TrialAccumulator::Moments::mean(std::size_t k) const {
  return n > 0 ? static_cast<double>(static_cast<long double>(sx) * resolution_of(k) /
                                     static_cast<long double>(n))
               : 0.0;
}

double TrialAccumulator::Moments::sd(std::size_t k) const {
  if (n < 2) return 0.0;
  // Exact numerator n·Σq² − (Σq)² (≥ 0), so a constant sample has sd exactly 0.
  const U256 numerator = subtract(multiply(static_cast<ExactUint>(n), static_cast<ExactUint>(sxx)),
                                  multiply(magnitude(sx), magnitude(sx)));
  const long double nn = n;
  const long double res = resolution_of(k);
  const long double var = to_long_double(numerator) / (nn * (nn - 1.0L)) * res * res;
  return static_cast<double>(std::sqrt(var));
}

void TrialAccumulator::CoMoments::add(double x, double y, std::size_t kx, std::size_t ky) {
  const std::int64_t qx = fixed(x, kx);
  const std::int64_t qy = fixed(y, ky);
  ++n;
  sx += qx;
  sy += qy;
  sxx += static_cast<ExactInt>(qx) * qx;
  syy += static_cast<ExactInt>(qy) * qy;
  sxy += static_cast<ExactInt>(qx) * qy;
}

void TrialAccumulator::CoMoments::merge(const CoMoments& o) {
  n += o.n;
  sx += o.sx;
  sy += o.sy;
  sxx += o.sxx;
  syy += o.syy;
  sxy += o.sxy;
}

double TrialAccumulator::CoMoments::r() const {
  if (n < 2) return 0.0;
  // From the exact integer sums (scale 2^64 cancels in the ratio).
  const long double nn = n;
  const long double mx = static_cast<long double>(sx) / nn;
  const long double my = static_cast<long double>(sy) / nn;
  const long double cxy = static_cast<long double>(sxy) - nn * mx * my;
  const long double vx = static_cast<long double>(sxx) - nn * mx * mx;
  const long double vy = static_cast<long double>(syy) - nn * my * my;
  const long double d = std::sqrt(vx * vy);
  return d > 0.0L ? static_cast<double>(cxy / d) : 0.0;
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
  for (std::size_t a = 0; a < arms; ++a) {
    event_offset_.push_back(events_.size());
    events_.resize(events_.size() + scenario.arms[a].events.size());
  }
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
      values_[i].add(r.assessments[d][k], k);
      changes_[i].add(r.assessments[d][k] - r.assessments[0][k], k);
    }
  }
  for (std::size_t d = 1; d < std::min(assess, r.assessments.size()); ++d) {
    strength_brain_age_[arm * assess + d].add(
        r.assessments[d][kStrength] - r.assessments[0][kStrength],
        r.assessments[d][kBrainAge] - r.assessments[0][kBrainAge], kStrength, kBrainAge);
  }
  for (std::size_t e = 0; e < r.events.size(); ++e) {
    if (std::isfinite(r.events[e])) events_[event_offset_[arm] + e].add(r.events[e], kEventScale);
  }
  for (std::size_t t = 0; t < std::min(samples_, r.samples.size()); ++t) {
    for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
      const double v = r.samples[t][k];
      if (!std::isfinite(v)) continue;
      const auto [lo, hi] = histogram_range(k);
      const double pos = (v - lo) / (hi - lo) * static_cast<double>(kHistogramBins);
      const auto bin = static_cast<std::size_t>(
          std::clamp(std::floor(pos), 0.0, static_cast<double>(kHistogramBins - 1)));
      const std::size_t cell = (arm * samples_ + t) * kChronicObservableCount + k;
      ++histogram_[cell * kHistogramBins + bin];
      ++histogram_n_[cell];
    }
  }
}

void TrialAccumulator::merge(const TrialAccumulator& o) {
  for (std::size_t a = 0; a < arms_.size(); ++a) {
    arms_[a].n += o.arms_[a].n;
    arms_[a].dropouts += o.arms_[a].dropouts;
    arms_[a].failed += o.arms_[a].failed;
    arms_[a].sessions_scheduled += o.arms_[a].sessions_scheduled;
    arms_[a].sessions_done += o.arms_[a].sessions_done;
  }
  for (std::size_t i = 0; i < values_.size(); ++i) {
    values_[i].merge(o.values_[i]);
    changes_[i].merge(o.changes_[i]);
  }
  for (std::size_t i = 0; i < strength_brain_age_.size(); ++i) {
    strength_brain_age_[i].merge(o.strength_brain_age_[i]);
  }
  for (std::size_t i = 0; i < events_.size(); ++i) events_[i].merge(o.events_[i]);
  for (std::size_t i = 0; i < histogram_.size(); ++i) histogram_[i] += o.histogram_[i];
  for (std::size_t i = 0; i < histogram_n_.size(); ++i) histogram_n_[i] += o.histogram_n_[i];
}

namespace {
void put(std::vector<std::uint64_t>& w, ExactInt v) {
  const auto u = static_cast<ExactUint>(v);
  w.push_back(static_cast<std::uint64_t>(u));
  w.push_back(static_cast<std::uint64_t>(u >> 64U));
}
ExactInt take(const std::vector<std::uint64_t>& w, std::size_t& i) {
  const ExactUint lo = w[i++];
  const ExactUint hi = w[i++];
  return static_cast<ExactInt>(lo | (hi << 64U));
}
}  // namespace

std::vector<std::uint64_t> TrialAccumulator::serialize() const {
  std::vector<std::uint64_t> w;
  for (const ArmSummary& a : arms_) {
    for (std::int64_t v : {a.n, a.dropouts, a.failed, a.sessions_scheduled, a.sessions_done}) {
      w.push_back(static_cast<std::uint64_t>(v));
    }
  }
  for (const auto* m : {&values_, &changes_, &events_}) {
    for (const Moments& x : *m) {
      w.push_back(static_cast<std::uint64_t>(x.n));
      put(w, x.sx);
      put(w, x.sxx);
    }
  }
  for (const CoMoments& x : strength_brain_age_) {
    w.push_back(static_cast<std::uint64_t>(x.n));
    for (ExactInt v : {x.sx, x.sy, x.sxx, x.syy, x.sxy}) put(w, v);
  }
  w.insert(w.end(), histogram_.begin(), histogram_.end());
  w.insert(w.end(), histogram_n_.begin(), histogram_n_.end());
  return w;
}

void TrialAccumulator::merge_serialized(const std::vector<std::uint64_t>& w) {
  TrialAccumulator o = *this;
  std::size_t i = 0;
  for (ArmSummary& a : o.arms_) {
    for (std::int64_t* v :
         {&a.n, &a.dropouts, &a.failed, &a.sessions_scheduled, &a.sessions_done}) {
      *v = static_cast<std::int64_t>(w.at(i++));
    }
  }
  for (auto* m : {&o.values_, &o.changes_, &o.events_}) {
    for (Moments& x : *m) {
      x.n = static_cast<std::int64_t>(w.at(i++));
      x.sx = take(w, i);
      x.sxx = take(w, i);
    }
  }
  for (CoMoments& x : o.strength_brain_age_) {
    x.n = static_cast<std::int64_t>(w.at(i++));
    for (ExactInt* v : {&x.sx, &x.sy, &x.sxx, &x.syy, &x.sxy}) *v = take(w, i);
  }
  for (auto& h : o.histogram_) h = static_cast<std::uint32_t>(w.at(i++));
  for (auto& h : o.histogram_n_) h = static_cast<std::uint32_t>(w.at(i++));
  if (i != w.size()) throw std::runtime_error("TrialAccumulator: serialized size mismatch");
  merge(o);
}

Contrast TrialAccumulator::contrast_of(const Moments& x, const Moments& c, std::size_t k) {
  Contrast ct;
  ct.mean_difference = x.mean(k) - c.mean(k);
  const auto nx = static_cast<double>(x.n);
  const auto nc = static_cast<double>(c.n);
  const double pooled =
      (nx + nc > 2.0)
          ? std::sqrt(((nx - 1.0) * x.sd(k) * x.sd(k) + (nc - 1.0) * c.sd(k) * c.sd(k)) /
                      (nx + nc - 2.0))
          : 0.0;
  ct.smd = pooled > 0.0 ? ct.mean_difference / pooled : 0.0;
  // Normal approximation with the Welch standard error.
  const double se =
      (nx > 0.0 && nc > 0.0) ? std::sqrt(x.sd(k) * x.sd(k) / nx + c.sd(k) * c.sd(k) / nc) : 0.0;
  ct.ci95_low = ct.mean_difference - 1.959964 * se;
  ct.ci95_high = ct.mean_difference + 1.959964 * se;
  return ct;
}

TrialSummary TrialAccumulator::summary() const {
  const Scenario& scenario = *scenario_;
  TrialSummary t;
  t.assess_days = scenario.assess_days;
  t.arms = arms_;
  const std::size_t assess = scenario.assess_days.size();
  const auto at = [&](const std::vector<Moments>& m, std::size_t a, std::size_t d,
                      std::size_t k) -> const Moments& {
    return m[(a * assess + d) * kChronicObservableCount + k];
  };
  for (std::size_t a = 0; a < t.arms.size(); ++a) {
    t.arms[a].outcomes.resize(assess);
    for (std::size_t d = 0; d < assess; ++d) {
      for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
        const Moments& v = at(values_, a, d, k);
        const Moments& c = at(changes_, a, d, k);
        t.arms[a].outcomes[d][k] = {v.mean(k), v.sd(k), c.mean(k), c.sd(k)};
      }
    }
    for (std::size_t d = 1; d < assess; ++d) {
      const CoMoments& c = strength_brain_age_[a * assess + d];
      t.correlations.push_back({t.arms[a].name, scenario.assess_days[d], "strength_1rm_rel",
                                "brain_age_gap_years", c.r(), static_cast<std::int64_t>(c.n)});
    }
  }
  for (std::size_t a = 0; a < t.arms.size(); ++a) {
    const Arm& arm = scenario.arms[a];
    for (std::size_t e = 0; e < arm.events.size(); ++e) {
      const EventSpec& spec = arm.events[e];
      const Moments& m = events_[event_offset_[a] + e];
      t.arms[a].events.push_back({spec.name, spec.type, spec.day, spec.at_min, spec.observable,
                                  event_unit(spec), m.n, m.mean(kEventScale), m.sd(kEventScale)});
    }
  }
  std::size_t control = 0;
  for (std::size_t a = 0; a < scenario.arms.size(); ++a) {
    if (scenario.arms[a].name == "control") control = a;
  }
  t.control = scenario.arms[control].name;
  // Events: each arm's against the control arm's event of the same name.
  for (std::size_t a = 0; a < scenario.arms.size(); ++a) {
    if (a == control) continue;
    const Arm& arm = scenario.arms[a];
    const Arm& ctl = scenario.arms[control];
    for (std::size_t e = 0; e < arm.events.size(); ++e) {
      const auto it = std::ranges::find(ctl.events, arm.events[e].name, &EventSpec::name);
      if (it == ctl.events.end()) continue;
      const auto ce = static_cast<std::size_t>(it - ctl.events.begin());
      t.event_contrasts.push_back(contrast_of(events_[event_offset_[a] + e],
                                              events_[event_offset_[control] + ce], kEventScale));
      Contrast& c = t.event_contrasts.back();
      c.arm = arm.name;
      c.vs = ctl.name;
      c.event = arm.events[e].name;
      c.day = arm.events[e].day;
    }
  }
  for (std::size_t a = 0; a < scenario.arms.size(); ++a) {
    if (a == control) continue;
    for (std::size_t d = 1; d < assess; ++d) {
      for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
        Contrast ct = contrast_of(at(changes_, a, d, k), at(changes_, control, d, k), k);
        ct.arm = scenario.arms[a].name;
        ct.vs = t.control;
        ct.outcome = std::string(chronic_observables()[k].name);
        ct.day = scenario.assess_days[d];
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
    const auto [lo, hi] = histogram_range(cell % kChronicObservableCount);
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
