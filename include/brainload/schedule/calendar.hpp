// The session calendar: where on the scenario's time axis each session of an arm falls.
//
// Time t is in minutes since the scenario starts, which is `start_clock` on day 0:
//
//   t(day, clock) = day · 1440 + clock − start_clock        (minutes)
//
// so the simulated span is [0, days · 1440]. Day d falls on weekday (start_weekday + d) mod 7.
// A weekly pattern becomes one session on every matching day from `from_day` to
// min(to_day, days − 1).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "brainload/schedule/scenario.hpp"

namespace brainload {

inline constexpr double kMinutesPerDay = 1440.0;

// One session placed on the time axis.
struct ScheduledSession {
  double t0_min = 0.0;  // start, minutes since scenario start
  double t1_min = 0.0;  // end = t0 + protocol_duration_min
  int day = 0;          // calendar day it was scheduled on (0-based)
  std::string protocol;
  SourceLocation where;  // of the explicit session, or of the weekly pattern it came from
  // Which entry of the arm wrote it: Arm::sessions[index], or Arm::weekly[index] when
  // from_weekly is true (validation reports a pattern's problems once, not once a week).
  bool from_weekly = false;
  std::size_t index = 0;
};

// Minutes since scenario start of a wall-clock time (minutes after midnight) on a day.
[[nodiscard]] double to_scenario_min(const Scenario& scenario, int day, double clock_min);
// End of the simulated span, minutes since scenario start: days · 1440.
[[nodiscard]] double scenario_end_min(const Scenario& scenario);
// Weekday of a scenario day (day 0 is start_weekday).
[[nodiscard]] Weekday weekday_of(const Scenario& scenario, int day);

// Every session of the arm, explicit ones and weekly patterns expanded, sorted by start (ties
// keep explicit sessions first, then patterns in file order). Sessions naming a protocol that
// does not exist are left out (validate_scenario reports them).
[[nodiscard]] std::vector<ScheduledSession> expand_sessions(const Scenario& scenario,
                                                            const Arm& arm);

}  // namespace brainload
