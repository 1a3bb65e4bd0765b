// What the schedule tells the model for one stretch of time: the exercise being done (or none),
// whether the person is awake, and how cognitively engaged they are. Constant over a segment;
// segment boundaries are integration boundaries (STYLE.md: discontinuities belong to the
// schedule, not to the right-hand side).
#pragma once

namespace brainload {

struct Drive {
  // Whole-body oxygen demand as a fraction of VO2max (0 at rest, ≤ 1: the observable
  // work_vo2max_frac). Sets heart rate, cerebral blood flow, IL-6 and cortisol drive.
  double work_vo2max_frac = 0.0;
  // Intensity of the working muscle relative to the power at VO2max (may exceed 1 for sprints
  // and heavy sets). Sets glycolytic lactate production.
  double muscle_intensity_frac = 0.0;
  // Effort relative to maximal (0–1): what central command scales with.
  double effort = 0.0;
  // Fraction of skeletal muscle working (0–1).
  double muscle_mass_frac = 0.0;
  // 0 single-joint isolation … 1 multi-joint core-heavy.
  double compound = 0.0;
  // Osteogenic loading stimulus, (body weights above threshold)² per minute; see osteocalcin.hpp.
  double bone_stimulus_per_min = 0.0;
  // 0 none … 1 a demanding cognitive task (learning, dual-task training).
  double cognitive_engagement = 0.0;
  // An all-out bout (a sprint at maximal effort): glycolysis runs at its maximal rate, whatever
  // the demand (lactate.hpp).
  bool all_out = false;
  // Passive recovery between efforts, or no exercise at all: 0; active: the rest intensity is in
  // work_vo2max_frac. Used only to label segments.
  bool exercising = false;
  bool awake = true;
  // Wall clock (min after midnight) at which the person wakes each day: the awakening response
  // of the HPA axis runs from it (hpa.hpp). The scenario's sleep span sets it.
  double wake_clock_min = 7.0 * 60.0;
};

}  // namespace brainload
