// CSV output of a trace: `time_min`, every acute then chronic observable, then `event` and
// `event_value` (the recorded value at event rows, empty elsewhere).
#pragma once

#include <ostream>

#include "brainload/simulation.hpp"

namespace brainload {

void write_trace_csv(std::ostream& out, const Trace& trace);

}  // namespace brainload
