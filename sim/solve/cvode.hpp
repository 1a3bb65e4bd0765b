// CVODE (SUNDIALS) BDF integration of the acute model: the implicit comparison for the
// benchmarks. Internal to solve/.
#pragma once

#include "brainload/solve/integrate.hpp"

namespace brainload {

SolveStats integrate_acute_cvode(AcuteModel& model, const Timeline& timeline, AcuteState& x,
                                 double t0, double t1, std::span<const double> samples,
                                 const AcuteObserver& observer, const SolverOptions& options);

}  // namespace brainload
