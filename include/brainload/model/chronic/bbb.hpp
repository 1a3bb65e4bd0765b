// Blood-brain barrier: integrity (0–1) raised by the lactate→VEGF dose of training, lost with age
// after an onset age.
//
//   base      ← base − loss · Δt   once age > onset            Δt = 1/365.25 y
//   g         → X · S(V̄, D50)      V̄ the 14-day daily VEGF dose, min; τ (relaxation.hpp)
//   integrity = clamp(base + g, 0, 1)
// The hippocampus grows with g (hippocampus.hpp).
//
// Sources: the loss with age after Montagne et al. 2015 (Neuron 85:296: hippocampal BBB breakdown
// with age); its rate, the onset, X, D50 and τ assumed.
#pragma once

#include <concepts>
#include <type_traits>

#include "brainload/model/chronic_state.hpp"
#include "brainload/model/parameter_range.hpp"

namespace brainload {

struct BbbParams {
  double loss_per_year = 0.003;  // integrity lost per year after 40 (assumed; Montagne et al.
                                 // 2015, Neuron 85:296: hippocampal BBB breakdown with age)
  double loss_onset_years = 40.0;
  double gain_max = 0.03;   // integrity gained at saturation of the VEGF dose (assumed)
  double half_dose = 20.0;  // L50 of the 14-day daily VEGF dose, min (assumed)
  double tau_days = 60.0;   // (assumed)
};

// Every field with its unit, valid range (ValidRange, conventions in parameter_range.hpp) and
// source, for `brainload describe` and parameter overrides: visit(name, value, unit, range,
// source) with value a double& (const double& for a const struct). A new field needs a
// line here (tests/model/parameters_test.cpp counts them).
template <class P, class Visitor>
requires std::same_as<std::remove_const_t<P>, BbbParams>
void visit_parameters(P& p, Visitor&& visit) {
  visit("loss_per_year", p.loss_per_year, "1/y", ValidRange{0.0, 0.05},
        "assumed: integrity lost per year after the onset age (Montagne et al. 2015, Neuron "
        "85:296: hippocampal BBB breakdown with age)");
  visit("loss_onset_years", p.loss_onset_years, "y", ValidRange{20.0, 90.0}, "assumed");
  visit("gain_max", p.gain_max, "1", ValidRange{0.0, 0.5},
        "assumed: integrity gained at saturation of the VEGF dose");
  visit("half_dose", p.half_dose, "min", ValidRange{0.1, 1000.0},
        "assumed: L50 of the 14-day daily VEGF dose");
  visit("tau_days", p.tau_days, "d", ValidRange{7.0, 730.0}, "assumed");
}

void step_bbb(const BbbParams& p, ChronicState& s);

}  // namespace brainload
