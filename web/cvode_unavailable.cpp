// The browser build has no SUNDIALS: SolverMethod::cvode_bdf (a benchmark comparison, never
// the default) reports that instead of integrating. Replaces sim/solve/cvode.cpp in the wasm
// build only.
#include <stdexcept>

#include "solve/cvode.hpp"

namespace brainload {

SolveStats integrate_acute_cvode(AcuteModel& /*model*/, const Timeline& /*timeline*/,
                                 AcuteState& /*x*/, double /*t0*/, double /*t1*/,
                                 std::span<const double> /*samples*/,
                                 const AcuteObserver& /*observer*/,
                                 const SolverOptions& /*options*/) {
  throw std::runtime_error("the CVODE solver is not in the browser build; use dopri5");
}

}  // namespace brainload
