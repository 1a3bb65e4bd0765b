#include "brainload/analysis/sensitivity.hpp"

#include <algorithm>
#include <bit>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/sobol.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace brainload {

namespace {

using Engine = boost::random::mt19937_64;

// The 2.5 % and 97.5 % points of `values` (sorted in place), linear between order statistics.
std::array<double, 2> percentile_interval(std::vector<double>& values) {
  if (values.empty()) return {std::nan(""), std::nan("")};
  std::ranges::sort(values);
  const auto at = [&values](double q) {
    const double pos = q * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (pos - static_cast<double>(lo)) * (values[hi] - values[lo]);
  };
  return {at(0.025), at(0.975)};
}

// Jansen's first-order and total indices of input i over the rows `rows` (indices into the
// design's base rows, repeats allowed).
struct JansenSums {
  double variance = 0.0;
  std::vector<double> first;
  std::vector<double> total;
};

JansenSums jansen(std::size_t k, std::span<const double> y, std::span<const std::size_t> rows) {
  const std::size_t stride = k + 2;
  const auto n = static_cast<double>(rows.size());
  double sum = 0.0;
  double sum_sq = 0.0;
  for (const std::size_t j : rows) {
    const double a = y[j * stride];
    const double b = y[j * stride + 1];
    sum += a + b;
    sum_sq += a * a + b * b;
  }
  JansenSums s;
  const double mean = sum / (2.0 * n);
  s.variance = sum_sq / (2.0 * n) - mean * mean;
  s.first.assign(k, 0.0);
  s.total.assign(k, 0.0);
  for (std::size_t i = 0; i < k; ++i) {
    double d_first = 0.0;
    double d_total = 0.0;
    for (const std::size_t j : rows) {
      const double a = y[j * stride];
      const double b = y[j * stride + 1];
      const double ab = y[j * stride + 2 + i];
      d_first += (b - ab) * (b - ab);
      d_total += (a - ab) * (a - ab);
    }
    if (s.variance > 0.0) {
      s.first[i] = (s.variance - 0.5 * d_first / n) / s.variance;
      s.total[i] = 0.5 * d_total / n / s.variance;
    }
  }
  return s;
}

// Matoušek's linear matrix scramble with a digital shift of one coordinate (64 binary digits,
// the most significant first): output digit k = input digit k XOR the parity of the input digits
// before it selected by a random lower-triangular matrix row, then XOR a random shift. It keeps
// the sequence's net structure and makes every point uniform on [0, 1).
struct LinearScramble {
  std::array<std::uint64_t, 64> row{};  // row[k]: random digits among those before digit k
  std::uint64_t shift = 0;
  [[nodiscard]] std::uint64_t apply(std::uint64_t v) const {
    std::uint64_t out = 0;
    for (unsigned k = 0; k < 64; ++k) {
      const unsigned bit = 63U - k;
      const auto parity = static_cast<std::uint64_t>(std::popcount(v & row[k]) & 1);
      out |= (((v >> bit) & 1U) ^ parity) << bit;
    }
    return out ^ shift;
  }
};

LinearScramble random_scramble(Engine& engine) {
  LinearScramble s;
  for (unsigned k = 1; k < 64; ++k) s.row[k] = engine() & (~std::uint64_t{0} << (64U - k));
  s.shift = engine();
  return s;
}

}  // namespace

UnitDesign saltelli_design(std::size_t inputs, std::size_t base_samples, std::uint64_t seed) {
  if (inputs == 0) throw std::invalid_argument("a Sobol design needs at least one input");
  UnitDesign d;
  d.inputs = inputs;
  const std::size_t dim = 2 * inputs;
  boost::random::sobol sequence(dim);
  Engine engine(seed);
  std::vector<LinearScramble> scramble(dim);
  for (LinearScramble& s : scramble) s = random_scramble(engine);
  const std::size_t stride = inputs + 2;
  d.points.assign(base_samples * stride * inputs, 0.0);
  std::vector<double> x(dim);
  for (std::size_t j = 0; j < base_samples; ++j) {
    for (std::size_t c = 0; c < dim; ++c) {
      // The 53 leading digits of the scrambled coordinate, a double in [0, 1).
      x[c] = std::ldexp(static_cast<double>(scramble[c].apply(sequence()) >> 11U), -53);
    }
    double* row = d.points.data() + j * stride * inputs;
    std::copy_n(x.begin(), inputs, row);                                                 // A_j
    std::copy_n(x.begin() + static_cast<std::ptrdiff_t>(inputs), inputs, row + inputs);  // B_j
    for (std::size_t i = 0; i < inputs; ++i) {  // AB_ij: A_j with column i from B_j
      double* ab = row + (2 + i) * inputs;
      std::copy_n(x.begin(), inputs, ab);
      ab[i] = x[inputs + i];
    }
  }
  return d;
}

SobolResult sobol_indices(std::size_t inputs, std::span<const double> y, std::size_t bootstrap,
                          std::uint64_t seed) {
  const std::size_t stride = inputs + 2;
  if (inputs == 0 || y.size() % stride != 0) {
    throw std::invalid_argument("Sobol outputs do not match a Saltelli design");
  }
  const std::size_t base = y.size() / stride;
  std::vector<std::size_t> rows;
  for (std::size_t j = 0; j < base; ++j) {
    const auto first = y.begin() + static_cast<std::ptrdiff_t>(j * stride);
    if (std::all_of(first, first + static_cast<std::ptrdiff_t>(stride),
                    [](double v) { return std::isfinite(v); })) {
      rows.push_back(j);
    }
  }
  SobolResult r;
  r.rows_used = rows.size();
  r.indices.resize(inputs);
  if (rows.size() < 2) {
    for (SobolIndex& s : r.indices) {
      s.first = s.total = std::nan("");
      s.first_ci95 = s.total_ci95 = {std::nan(""), std::nan("")};
    }
    r.variance = r.mean = std::nan("");
    return r;
  }
  const JansenSums point = jansen(inputs, y, rows);
  double sum = 0.0;
  for (const std::size_t j : rows) sum += y[j * stride] + y[j * stride + 1];
  r.mean = sum / (2.0 * static_cast<double>(rows.size()));
  r.variance = point.variance;
  for (std::size_t i = 0; i < inputs; ++i) {
    r.indices[i].first = point.first[i];
    r.indices[i].total = point.total[i];
  }
  if (bootstrap == 0) {
    for (SobolIndex& s : r.indices) {
      s.first_ci95 = s.total_ci95 = {std::nan(""), std::nan("")};
    }
    return r;
  }
  Engine engine(seed);
  boost::random::uniform_int_distribution<std::size_t> pick(0, rows.size() - 1);
  std::vector<std::vector<double>> first(inputs);
  std::vector<std::vector<double>> total(inputs);
  std::vector<std::size_t> resampled(rows.size());
  for (std::size_t b = 0; b < bootstrap; ++b) {
    for (std::size_t& j : resampled) j = rows[pick(engine)];
    const JansenSums s = jansen(inputs, y, resampled);
    if (!(s.variance > 0.0)) continue;
    for (std::size_t i = 0; i < inputs; ++i) {
      first[i].push_back(s.first[i]);
      total[i].push_back(s.total[i]);
    }
  }
  for (std::size_t i = 0; i < inputs; ++i) {
    r.indices[i].first_ci95 = percentile_interval(first[i]);
    r.indices[i].total_ci95 = percentile_interval(total[i]);
  }
  return r;
}

UnitDesign morris_design(std::size_t inputs, std::size_t trajectories, int levels,
                         std::uint64_t seed) {
  if (inputs == 0) throw std::invalid_argument("a Morris design needs at least one input");
  if (levels < 2 || levels % 2 != 0) {
    throw std::invalid_argument("Morris levels must be an even number of at least 2");
  }
  const double step_levels = levels - 1.0;
  const double delta = levels / (2.0 * step_levels);
  // Starting grid points from which +Δ (resp. −Δ) stays in [0, 1]: levels/2 of each.
  const int starts = levels / 2;
  UnitDesign d;
  d.inputs = inputs;
  d.points.reserve(trajectories * (inputs + 1) * inputs);
  Engine engine(seed);
  boost::random::uniform_int_distribution<int> start_level(0, starts - 1);
  boost::random::uniform_int_distribution<int> coin(0, 1);
  std::vector<double> x(inputs);
  std::vector<double> direction(inputs);
  std::vector<std::size_t> order(inputs);
  for (std::size_t t = 0; t < trajectories; ++t) {
    for (std::size_t i = 0; i < inputs; ++i) {
      direction[i] = coin(engine) == 0 ? 1.0 : -1.0;
      const int level = start_level(engine);
      x[i] = direction[i] > 0.0 ? level / step_levels : 1.0 - level / step_levels;
    }
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = inputs; i > 1; --i) {  // Fisher–Yates
      boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
      std::swap(order[i - 1], order[pick(engine)]);
    }
    d.points.insert(d.points.end(), x.begin(), x.end());
    for (const std::size_t i : order) {
      x[i] += direction[i] * delta;
      d.points.insert(d.points.end(), x.begin(), x.end());
    }
  }
  return d;
}

std::vector<MorrisIndex> morris_indices(const UnitDesign& design, std::span<const double> y,
                                        std::size_t bootstrap, std::uint64_t seed) {
  const std::size_t k = design.inputs;
  const std::size_t per = k + 1;
  if (k == 0 || y.size() != design.size() || design.size() % per != 0) {
    throw std::invalid_argument("Morris outputs do not match the design");
  }
  const std::size_t trajectories = design.size() / per;
  std::vector<std::vector<double>> effects(k);
  for (std::size_t t = 0; t < trajectories; ++t) {
    const auto first = y.begin() + static_cast<std::ptrdiff_t>(t * per);
    if (!std::all_of(first, first + static_cast<std::ptrdiff_t>(per),
                     [](double v) { return std::isfinite(v); })) {
      continue;
    }
    for (std::size_t s = 0; s < k; ++s) {
      const std::span<const double> from = design.point(t * per + s);
      const std::span<const double> to = design.point(t * per + s + 1);
      for (std::size_t i = 0; i < k; ++i) {
        const double step = to[i] - from[i];
        if (step == 0.0) continue;
        effects[i].push_back((y[t * per + s + 1] - y[t * per + s]) / step);
        break;
      }
    }
  }
  std::vector<MorrisIndex> out(k);
  Engine engine(seed);
  for (std::size_t i = 0; i < k; ++i) {
    const std::vector<double>& e = effects[i];
    MorrisIndex& m = out[i];
    m.effects = e.size();
    if (e.empty()) {
      m.mu_star = m.sigma = m.mu = std::nan("");
      m.mu_star_ci95 = {std::nan(""), std::nan("")};
      continue;
    }
    const auto n = static_cast<double>(e.size());
    double abs_sum = 0.0;
    double sum = 0.0;
    for (const double v : e) {
      abs_sum += std::abs(v);
      sum += v;
    }
    m.mu_star = abs_sum / n;
    m.mu = sum / n;
    double ss = 0.0;
    for (const double v : e) ss += (v - m.mu) * (v - m.mu);
    m.sigma = e.size() > 1 ? std::sqrt(ss / (n - 1.0)) : 0.0;
    if (bootstrap == 0 || e.size() < 2) {
      m.mu_star_ci95 = {std::nan(""), std::nan("")};
      continue;
    }
    boost::random::uniform_int_distribution<std::size_t> pick(0, e.size() - 1);
    std::vector<double> means(bootstrap);
    for (double& mean : means) {
      double s = 0.0;
      for (std::size_t j = 0; j < e.size(); ++j) s += std::abs(e[pick(engine)]);
      mean = s / n;
    }
    m.mu_star_ci95 = percentile_interval(means);
  }
  return out;
}

}  // namespace brainload
