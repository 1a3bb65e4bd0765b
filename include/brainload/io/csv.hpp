// CSV output of a trace: `time_min`, every acute then chronic observable, then `event` and
// `event_value` (the recorded value at event rows, empty elsewhere).
#pragma once

#include <ostream>

#include "brainload/simulation.hpp"

namespace brainload {

// `arm_events` are the traced arm's events (Trace::events index into them), for their names.
void write_trace_csv(std::ostream& out, const Trace& trace,
                     const std::vector<EventSpec>& arm_events);

}  // namespace brainload
