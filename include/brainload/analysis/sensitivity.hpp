// Global sensitivity analysis of a scalar model output over k inputs scaled to the unit cube:
// the designs (where to evaluate the model) and the estimators (what the outputs say), apart
// from the model itself, which the caller evaluates (population/trial_design.hpp).
//
// Sobol indices (Saltelli et al. 2010, Comput Phys Commun 181:259, "Variance based sensitivity
// analysis of model output. Design and estimator for the total sensitivity index"):
//   A, B    two N × k matrices, the first and last k coordinates of the first N points of a
//           2k-dimensional Sobol sequence (Boost.Random's sobol engine, Joe–Kuo direction
//           numbers), each coordinate randomised by a linear matrix scramble and a digital
//           shift drawn from the seed (Matoušek 1998, J Complexity 14:527; what SciPy's
//           qmc.Sobol(scramble=True) does). Unscrambled, some coordinate pairs of the sequence
//           are far from independent at small N (coordinates 8 and 18 give ½·mean (a − b)² =
//           1.20 of the variance at N = 512 instead of 1), which biases every Jansen estimate
//           of an input paired through them; scrambled, the ratio is 1.00 ± 0.02 for most
//           seeds. The first point is kept (Owen 2022, "On dropping the first Sobol' point",
//           MCQMC 2020). N a power of 2 is best;
//   AB_i    A with column i taken from B;
//   V       the variance of f over the 2N rows of A and B;
//   S_i     first order, Jansen (1999):  (V − ½·mean_j (f(B)_j − f(AB_i)_j)²) / V
//   ST_i    total,       Jansen (1999):  ½·mean_j (f(A)_j − f(AB_i)_j)² / V
//   N(k + 2) model evaluations. Confidence intervals: percentile bootstrap over the N rows
//   (the rows of A, B and every AB_i resampled together).
//
// Elementary effects (Morris 1991, Technometrics 33:161; μ* of Campolongo, Cariboni & Saltelli
// 2007, Environ Model Softw 22:1509): r trajectories on a grid of p levels {0, 1/(p−1), …, 1},
// step Δ = p / (2(p − 1)); each trajectory starts at a random grid point and moves one input at
// a time, in a random order, by +Δ or −Δ. EE_i = (f(x + e_i·Δ·d) − f(x)) / (Δ·d) in unit-cube
// coordinates; μ* = mean |EE_i|, σ = standard deviation of EE_i, μ = mean EE_i. r(k + 1)
// evaluations.
//
// Why not a library: Boost provides the Sobol sequence (used) but no scrambling; no Debian 12
// C++ package provides scrambling, Saltelli designs, Jansen estimators or Morris trajectories
// (SALib and SciPy's qmc are Python; SALib is not packaged in Debian 12), and each is a few
// lines of the published formulas.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace brainload {

// Points row by row, k coordinates each, in [0, 1).
struct UnitDesign {
  std::size_t inputs = 0;  // k
  std::vector<double> points;
  [[nodiscard]] std::size_t size() const { return inputs == 0 ? 0 : points.size() / inputs; }
  [[nodiscard]] std::span<const double> point(std::size_t row) const {
    return {points.data() + row * inputs, inputs};
  }
};

// The Saltelli design for `base_samples` (N) rows: for row j, the points A_j, B_j, AB_1j, …,
// AB_kj, consecutively (N(k + 2) points).
[[nodiscard]] UnitDesign saltelli_design(std::size_t inputs, std::size_t base_samples,
                                         std::uint64_t seed);

struct SobolIndex {
  double first = 0.0;
  std::array<double, 2> first_ci95{};
  double total = 0.0;
  std::array<double, 2> total_ci95{};
};

struct SobolResult {
  std::vector<SobolIndex> indices;  // per input
  double variance = 0.0;            // V
  double mean = 0.0;
  std::size_t rows_used = 0;  // N less the rows with a non-finite output
};

// Indices from the outputs y of saltelli_design's points, in its order. A row whose A, B or any
// AB_i output is not finite (a failed simulation) is left out whole. `bootstrap` resamples
// (0: no intervals) drawn from `seed`.
[[nodiscard]] SobolResult sobol_indices(std::size_t inputs, std::span<const double> y,
                                        std::size_t bootstrap, std::uint64_t seed);

// The Morris design: r trajectories of k + 1 points each, consecutively.
[[nodiscard]] UnitDesign morris_design(std::size_t inputs, std::size_t trajectories, int levels,
                                       std::uint64_t seed);

struct MorrisIndex {
  double mu_star = 0.0;
  double sigma = 0.0;
  double mu = 0.0;
  std::array<double, 2> mu_star_ci95{};
  std::size_t effects = 0;  // elementary effects used (trajectories with finite outputs)
};

// μ*, σ and μ from the outputs of morris_design's points (the design is needed for the step
// each pair of consecutive points takes). A trajectory with a non-finite output is left out.
[[nodiscard]] std::vector<MorrisIndex> morris_indices(const UnitDesign& design,
                                                      std::span<const double> y,
                                                      std::size_t bootstrap, std::uint64_t seed);

}  // namespace brainload
