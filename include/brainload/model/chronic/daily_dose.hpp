// What one day of activity hands the chronic layer (STYLE.md: the acute layer feeds the
// chronic one through daily doses). All are day totals; zero on a day without exercise.
#pragma once

namespace brainload {

struct DailyDose {
  double training_load = 0.0;  // session-RPE load: Σ effort × minutes / 60 (Foster et al. 2001,
                               // J Strength Cond Res 15:109), arbitrary units
  // Strength loads of the two muscle groups: Σ sets × reps × (%1RM)² × the exercise's share of
  // working muscle in that group / 38.4 (a LISA heavy session ≈ 0.8 for each group).
  double lower_resistance_load = 0.0;
  double upper_resistance_load = 0.0;
  // Whole-body heavy volume, sets ≥ 70 % 1RM: Σ sets × reps × (%1RM)² × muscle fraction / 20.
  double heavy_resistance_load = 0.0;
  double aerobic_load = 0.0;       // Σ minutes × max(0, x − 0.4) / 10 at whole-body intensity x
  double dual_task_minutes = 0.0;  // minutes of sets done with a cognitive task
  double bdnf_action = 0.0;        // ∫ activity-weighted relative serum-BDNF rise, min
  double osteocalcin = 0.0;        // ∫ relative ucOC rise, min
  double vegf = 0.0;               // ∫ relative VEGF rise, min
  double hpa_exercise_drive = 0.0;  // ∫ above-threshold HPA exercise intensity (hpa.hpp), min
  int sessions = 0;                 // sessions done that day
};

}  // namespace brainload
