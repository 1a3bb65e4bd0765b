#include "brainload/io/csv.hpp"

#include <fmt/format.h>

#include <cmath>

namespace brainload {

namespace {
std::string csv_number(double v) {
  if (std::isnan(v)) return "nan";
  return fmt::format("{:.6g}", v);
}
}  // namespace

void write_trace_csv(std::ostream& out, const Trace& trace,
                     const std::vector<EventSpec>& arm_events) {
  std::string header = "time_min";
  for (const auto& o : acute_observables()) header += fmt::format(",{}", o.name);
  for (const auto& o : chronic_observables()) header += fmt::format(",{}", o.name);
  header += ",event,event_value,event_name\n";
  out << header;
  std::string line;
  for (const auto& row : trace.rows) {
    line = csv_number(row.t_min);
    for (double v : row.acute) line += ',' + csv_number(v);
    for (double v : row.chronic) line += ',' + csv_number(v);
    if (row.event >= 0) {
      const auto& e = trace.events[static_cast<std::size_t>(row.event)];
      const EventSpec& spec = arm_events[e.index];
      line += fmt::format(",{},{},{}", event_type_name(e.type), csv_number(e.value), spec.name);
    } else {
      line += ",,,";
    }
    line += '\n';
    out << line;
  }
}

}  // namespace brainload
