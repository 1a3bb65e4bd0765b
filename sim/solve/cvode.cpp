#include "solve/cvode.hpp"

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace brainload {

namespace {

constexpr auto kN = static_cast<sunindextype>(ix::kCount);

// CVODE's right-hand side: copies in and out of the model's fixed-size state.
int rhs(realtype t, N_Vector y, N_Vector ydot, void* user) {
  const auto* model = static_cast<const AcuteModel*>(user);
  AcuteState in;
  AcuteState out;
  std::copy_n(N_VGetArrayPointer(y), ix::kCount, in.begin());
  (*model)(in, out, t);
  std::copy_n(out.begin(), ix::kCount, N_VGetArrayPointer(ydot));
  return 0;
}

void check(int flag, const char* what) {
  if (flag < 0)
    throw std::runtime_error(std::string("CVODE: ") + what + " failed, flag " +
                             std::to_string(flag));
}

// Owns the SUNDIALS objects of one integration.
struct Cvode {
  SUNContext ctx = nullptr;
  N_Vector y = nullptr;
  SUNMatrix a = nullptr;
  SUNLinearSolver ls = nullptr;
  void* mem = nullptr;
  Cvode() {
    check(SUNContext_Create(nullptr, &ctx), "SUNContext_Create");
    y = N_VNew_Serial(kN, ctx);
    a = SUNDenseMatrix(kN, kN, ctx);
    ls = SUNLinSol_Dense(y, a, ctx);
    mem = CVodeCreate(CV_BDF, ctx);
    if (y == nullptr || a == nullptr || ls == nullptr || mem == nullptr) {
      throw std::runtime_error("CVODE: allocation failed");
    }
  }
  Cvode(const Cvode&) = delete;
  Cvode& operator=(const Cvode&) = delete;
  ~Cvode() {
    CVodeFree(&mem);
    SUNLinSolFree(ls);
    SUNMatDestroy(a);
    N_VDestroy(y);
    SUNContext_Free(&ctx);
  }
};

}  // namespace

SolveStats integrate_acute_cvode(AcuteModel& model, const Timeline& timeline, AcuteState& x,
                                 double t0, double t1, std::span<const double> samples,
                                 const AcuteObserver& observer, const SolverOptions& options) {
  SolveStats stats;
  Cvode cv;
  std::copy(x.begin(), x.end(), N_VGetArrayPointer(cv.y));
  check(CVodeInit(cv.mem, rhs, t0, cv.y), "CVodeInit");
  check(CVodeSStolerances(cv.mem, options.rel_tol, options.abs_tol), "CVodeSStolerances");
  check(CVodeSetLinearSolver(cv.mem, cv.ls, cv.a), "CVodeSetLinearSolver");
  check(CVodeSetUserData(cv.mem, &model), "CVodeSetUserData");
  check(CVodeSetMaxNumSteps(cv.mem, 100000), "CVodeSetMaxNumSteps");
  check(CVodeSetMaxStep(cv.mem, options.max_dt_min), "CVodeSetMaxStep");
  std::size_t next_sample = 0;
  while (next_sample < samples.size() && samples[next_sample] < t0) ++next_sample;
  double t = t0;
  bool first = true;
  for (std::size_t k = segment_at(timeline, t0); k < timeline.segments.size() && t < t1; ++k) {
    const Segment& seg = timeline.segments[k];
    const double end = std::min(seg.t1_min, t1);
    if (end <= t) continue;
    model.set_drive(seg.drive);
    // A discontinuity in the input: restart the BDF history at the boundary.
    if (!first) check(CVodeReInit(cv.mem, t, cv.y), "CVodeReInit");
    first = false;
    check(CVodeSetStopTime(cv.mem, end), "CVodeSetStopTime");
    for (;;) {
      const bool sample_here = next_sample < samples.size() && samples[next_sample] <= end;
      const double target = sample_here ? samples[next_sample] : end;
      realtype reached = t;
      if (target > t) check(CVode(cv.mem, target, cv.y, &reached, CV_NORMAL), "CVode");
      t = target;
      if (!sample_here) break;
      if (observer) {
        AcuteState at;
        std::copy_n(N_VGetArrayPointer(cv.y), ix::kCount, at.begin());
        observer(at, samples[next_sample]);
      }
      ++next_sample;
    }
    ++stats.segments;
  }
  long steps = 0;
  CVodeGetNumSteps(cv.mem, &steps);
  stats.steps = steps;
  std::copy_n(N_VGetArrayPointer(cv.y), ix::kCount, x.begin());
  return stats;
}

}  // namespace brainload
