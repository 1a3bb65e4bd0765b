// Integrating the acute model along a timeline.
//
// Method: Dormand–Prince 5(4) with dense output (odeint runge_kutta_dopri5), restarted at every
// segment boundary so no step straddles a change of input (SUNDIALS practice: re-initialise after
// a discontinuity). Samples inside a segment come from the dense-output interpolant. With
// SolverMethod::cvode_bdf the same contract holds with CVODE (re-initialised per segment, stop
// time at the segment end).
#pragma once

#include <functional>
#include <span>

#include "brainload/model/acute_model.hpp"
#include "brainload/schedule/timeline.hpp"

namespace brainload {

// Dormand–Prince 5(4) (odeint, explicit) is the default: measured faster per simulated hour
// than implicit methods on this small, mildly stiff system (bench/README.md). CVODE's BDF
// (SUNDIALS, implicit, dense direct linear solver with a difference-quotient Jacobian) is the
// comparison the benchmarks print.
enum class SolverMethod { dopri5, cvode_bdf };

struct SolverOptions {
  SolverMethod method = SolverMethod::dopri5;
  double abs_tol = 1e-8;       // absolute error per step (state units)
  double rel_tol = 1e-6;       // relative error per step
  double first_dt_min = 0.01;  // first trial step (min)
  double max_dt_min = 60.0;    // cap so the circadian forcing is resolved (min)
};

struct SolveStats {
  long steps = 0;
  long segments = 0;
};

using AcuteObserver = std::function<void(const AcuteState&, double)>;

// Advances x from t0 to t1 (both inside the timeline), calling observer at every time of
// `samples` that lies in [t0, t1] (sorted ascending). The model's drive is set per segment.
SolveStats integrate_acute(AcuteModel& model, const Timeline& timeline, AcuteState& x, double t0,
                           double t1, std::span<const double> samples,
                           const AcuteObserver& observer, const SolverOptions& options = {});

// Advances x at rest (the given drive) from t0 to t1 without a timeline: spin-up of the
// circadian HPA axis before a scenario starts.
SolveStats integrate_constant(AcuteModel& model, const Drive& drive, AcuteState& x, double t0,
                              double t1, const SolverOptions& options = {});

}  // namespace brainload
