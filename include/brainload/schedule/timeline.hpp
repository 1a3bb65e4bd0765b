// The timeline of one individual in one arm: segments of constant Drive covering the whole
// simulated span, and the events to record. Every boundary here (a set starting, a rest ending,
// waking up, a learning block) is where the solver stops and restarts.
#pragma once

#include <utility>
#include <vector>

#include "brainload/model/drive.hpp"
#include "brainload/model/subject.hpp"
#include "brainload/schedule/calendar.hpp"
#include "brainload/schedule/scenario.hpp"
#include "brainload/schedule/session_drive.hpp"

namespace brainload {

struct Segment {
  double t0_min = 0.0;
  double t1_min = 0.0;
  Drive drive;
};

struct TimedEvent {
  double t_min = 0.0;
  EventType type = EventType::cognitive_test;
  double minutes = 0.0;  // learn only
  SourceLocation where;
};

struct Timeline {
  std::vector<Segment> segments;   // contiguous, sorted, covering [0, end_min]
  std::vector<TimedEvent> events;  // sorted by time
  std::vector<ScheduledSession> sessions;
  double end_min = 0.0;
};

// A time window [first, second] in minutes since the scenario start.
using Window = std::pair<double, double>;

// Segments of constant drive covering [t0, t1]: the given session pieces (sorted, inside the
// span), rest between them, cut at the sleep boundaries; the person is awake inside `sessions`
// windows and `learning` windows (where cognitive engagement is 1) and otherwise by the clock.
// Consecutive segments of equal drive merge. Events are not filled in.
[[nodiscard]] Timeline span_timeline(const Scenario& scenario, double t0, double t1,
                                     const std::vector<Segment>& pieces,
                                     const std::vector<Window>& sessions,
                                     const std::vector<Window>& learning);

// Index of the segment containing t (the last one whose t0 ≤ t).
[[nodiscard]] std::size_t segment_at(const Timeline& timeline, double t_min);

[[nodiscard]] bool is_asleep(const Scenario& scenario, double t_min);

}  // namespace brainload
