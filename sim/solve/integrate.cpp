#include "brainload/solve/integrate.hpp"

#include <algorithm>
#include <boost/numeric/odeint.hpp>
#include <cmath>

#include "solve/cvode.hpp"

namespace brainload {

namespace odeint = boost::numeric::odeint;

namespace {

using Stepper = odeint::runge_kutta_dopri5<AcuteState>;
using DenseStepper = odeint::dense_output_runge_kutta<odeint::controlled_runge_kutta<Stepper>>;

// One segment [t0, t1] with constant input; returns the last step size to seed the next one.
double run_segment(AcuteModel& model, AcuteState& x, double t0, double t1, double dt,
                   std::span<const double> samples, std::size_t& next_sample,
                   const AcuteObserver& observer, const SolverOptions& o, SolveStats& stats) {
  auto stepper = odeint::make_dense_output(o.abs_tol, o.rel_tol, o.max_dt_min, Stepper());
  dt = std::clamp(dt, 1e-6, std::max(1e-6, t1 - t0));
  stepper.initialize(x, t0, dt);
  auto system = std::cref(model);
  while (stepper.current_time() < t1) {
    stepper.do_step(system);
    ++stats.steps;
    const double reached = std::min(stepper.current_time(), t1);
    while (next_sample < samples.size() && samples[next_sample] <= reached) {
      if (samples[next_sample] >= t0 && observer) {
        AcuteState at;
        stepper.calc_state(samples[next_sample], at);
        observer(at, samples[next_sample]);
      }
      ++next_sample;
    }
  }
  const double last_dt = stepper.current_time_step();
  stepper.calc_state(t1, x);
  return last_dt;
}

}  // namespace

SolveStats integrate_acute(AcuteModel& model, const Timeline& timeline, AcuteState& x, double t0,
                           double t1, std::span<const double> samples,
                           const AcuteObserver& observer, const SolverOptions& options) {
  if (options.method == SolverMethod::cvode_bdf) {
    return integrate_acute_cvode(model, timeline, x, t0, t1, samples, observer, options);
  }
  SolveStats stats;
  std::size_t next_sample = 0;
  while (next_sample < samples.size() && samples[next_sample] < t0) ++next_sample;
  double dt = options.first_dt_min;
  double t = t0;
  for (std::size_t k = segment_at(timeline, t0); k < timeline.segments.size() && t < t1; ++k) {
    const Segment& seg = timeline.segments[k];
    const double end = std::min(seg.t1_min, t1);
    if (end <= t) continue;
    model.set_drive(seg.drive);
    // A new segment may hold a fast change; the controller rejects and shrinks a step that is
    // too long for it, so the last accepted step is a fair first try.
    dt = run_segment(model, x, t, end, dt, samples, next_sample, observer, options, stats);
    ++stats.segments;
    t = end;
  }
  // Samples exactly at t1 that the last segment ended on.
  while (next_sample < samples.size() && samples[next_sample] <= t1 + 1e-12) {
    if (observer) observer(x, samples[next_sample]);
    ++next_sample;
  }
  return stats;
}

SolveStats integrate_constant(AcuteModel& model, const Drive& drive, AcuteState& x, double t0,
                              double t1, const SolverOptions& options) {
  SolveStats stats;
  model.set_drive(drive);
  std::size_t none = 0;
  run_segment(model, x, t0, t1, options.first_dt_min, {}, none, nullptr, options, stats);
  stats.segments = 1;
  return stats;
}

}  // namespace brainload
