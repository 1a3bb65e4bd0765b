// The valid range of a model parameter: the closed interval [min, max] an override
// (`[parameters]`, `--set`) may set it to. Each parameter's visitor line states it beside the
// unit and source.
//
// How the bounds were chosen (a range is a guard against nonsense, not a confidence interval):
//   - fractions, weights of a fraction and probabilities: 0 to 1;
//   - rest levels, set points and norms: a generous band around the published spread the source
//     text quotes (e.g. lactate threshold 0.3–0.95 of VO2max for 50–80 % published);
//   - time constants and half-lives: strictly positive (they divide), up to several times the
//     longest published or assumed value;
//   - gains, slopes and weights: 0 (pathway switched off) to several times the default, with the
//     sign of the default (a negative effect stays negative);
//   - half-effect loads and doses: strictly positive (they divide), over two orders of magnitude;
//   - clock times: within one day (0–1440 min).
// A range reaching outside what the equations tolerate (a zero divisor, a fraction above 1)
// would be a bug: tests/model/parameters_test.cpp checks every default lies inside its range.
#pragma once

namespace brainload {

struct ValidRange {
  double min = 0.0;
  double max = 0.0;
  [[nodiscard]] constexpr bool contains(double x) const { return x >= min && x <= max; }
};

}  // namespace brainload
