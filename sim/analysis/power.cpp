#include "brainload/analysis/power.hpp"

#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <stdexcept>

namespace brainload {

namespace {

struct Moments {
  double n = 0.0;
  double mean = 0.0;
  double var = 0.0;
};

Moments moments(std::span<const double> v) {
  Moments m;
  double sum = 0.0;
  for (const double x : v) {
    if (!std::isfinite(x)) continue;
    m.n += 1.0;
    sum += x;
  }
  if (m.n == 0.0) return m;
  m.mean = sum / m.n;
  double ss = 0.0;
  for (const double x : v) {
    if (std::isfinite(x)) ss += (x - m.mean) * (x - m.mean);
  }
  m.var = m.n > 1.0 ? ss / (m.n - 1.0) : 0.0;
  return m;
}

}  // namespace

WelchTest welch_test(std::span<const double> x, std::span<const double> y) {
  const Moments a = moments(x);
  const Moments b = moments(y);
  WelchTest w;
  w.difference = a.mean - b.mean;
  if (a.n < 2.0 || b.n < 2.0) return w;
  const double va = a.var / a.n;
  const double vb = b.var / b.n;
  const double se2 = va + vb;
  if (!(se2 > 0.0)) return w;
  const double pooled = std::sqrt(((a.n - 1.0) * a.var + (b.n - 1.0) * b.var) / (a.n + b.n - 2.0));
  w.smd = w.difference / pooled;
  w.t = w.difference / std::sqrt(se2);
  w.df = se2 * se2 / (va * va / (a.n - 1.0) + vb * vb / (b.n - 1.0));
  const boost::math::students_t dist(w.df);
  w.p = 2.0 * boost::math::cdf(boost::math::complement(dist, std::abs(w.t)));
  w.valid = true;
  return w;
}

Proportion wilson_interval(std::int64_t hits, std::int64_t trials) {
  if (trials <= 0) return {std::nan(""), {std::nan(""), std::nan("")}};
  constexpr double kZ95 = 1.959963984540054;  // standard normal 97.5 % point
  const auto n = static_cast<double>(trials);
  const double p = static_cast<double>(hits) / n;
  const double z2 = kZ95 * kZ95;
  const double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
  const double half = kZ95 / (1.0 + z2 / n) * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
  return {p, {std::max(0.0, centre - half), std::min(1.0, centre + half)}};
}

double analytic_t_power(double effect_size, double n_per_arm, double alpha) {
  if (!(n_per_arm >= 2.0) || !(alpha > 0.0 && alpha < 1.0)) {
    throw std::invalid_argument("analytic power needs n ≥ 2 per arm and 0 < alpha < 1");
  }
  const double df = 2.0 * n_per_arm - 2.0;
  const double critical =
      boost::math::quantile(boost::math::complement(boost::math::students_t(df), alpha / 2.0));
  const double ncp = effect_size * std::sqrt(n_per_arm / 2.0);
  const boost::math::non_central_t t(df, ncp);
  return boost::math::cdf(boost::math::complement(t, critical)) + boost::math::cdf(t, -critical);
}

std::optional<double> n_for_power(std::span<const int> n, std::span<const double> power,
                                  double target) {
  for (std::size_t k = 0; k < n.size() && k < power.size(); ++k) {
    if (!(power[k] >= target)) continue;
    if (k == 0) return static_cast<double>(n[0]);
    const double f = (target - power[k - 1]) / (power[k] - power[k - 1]);
    return n[k - 1] + f * (n[k] - n[k - 1]);
  }
  return std::nullopt;
}

}  // namespace brainload
