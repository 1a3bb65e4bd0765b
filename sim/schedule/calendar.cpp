// The session calendar: explicit sessions and expanded weekly patterns on the scenario's time
// axis (see calendar.hpp for the time convention).
#include "brainload/schedule/calendar.hpp"

#include <algorithm>

#include "brainload/schedule/protocols.hpp"

namespace brainload {

namespace {

constexpr int kDaysPerWeek = 7;

bool pattern_has(const WeeklySpec& pattern, Weekday weekday) {
  return std::ranges::find(pattern.days, weekday) != pattern.days.end();
}

// Sessions of one weekly pattern on days first_day..last_day (inclusive).
void expand_pattern(const Scenario& scenario, const WeeklySpec& pattern, std::size_t index,
                    int first_day, int last_day, std::vector<ScheduledSession>& out) {
  const Protocol* protocol = find_protocol(scenario, pattern.protocol);
  if (protocol == nullptr) return;
  const double duration_min = protocol_duration_min(*protocol);
  for (int day = first_day; day <= last_day; ++day) {
    if (!pattern_has(pattern, weekday_of(scenario, day))) continue;
    const double t0 = to_scenario_min(scenario, day, pattern.at_min);
    out.push_back({t0, t0 + duration_min, day, pattern.protocol, pattern.where, true, index});
  }
}

}  // namespace

double to_scenario_min(const Scenario& scenario, int day, double clock_min) {
  return day * kMinutesPerDay + clock_min - scenario.start_clock_min;
}

double scenario_end_min(const Scenario& scenario) { return scenario.days * kMinutesPerDay; }

Weekday weekday_of(const Scenario& scenario, int day) {
  const int shifted =
      (static_cast<int>(scenario.start_weekday) + day % kDaysPerWeek) % kDaysPerWeek;
  return static_cast<Weekday>((shifted + kDaysPerWeek) % kDaysPerWeek);
}

std::vector<ScheduledSession> expand_sessions(const Scenario& scenario, const Arm& arm) {
  std::vector<ScheduledSession> out;
  for (std::size_t i = 0; i < arm.sessions.size(); ++i) {
    const SessionSpec& spec = arm.sessions[i];
    const Protocol* protocol = find_protocol(scenario, spec.protocol);
    if (protocol == nullptr) continue;
    const double t0 = to_scenario_min(scenario, spec.day, spec.at_min);
    out.push_back(
        {t0, t0 + protocol_duration_min(*protocol), spec.day, spec.protocol, spec.where, false, i});
  }
  const int last_day = std::min(arm.to_day.value_or(scenario.days - 1), scenario.days - 1);
  const int first_day = std::max(arm.from_day, 0);
  for (std::size_t i = 0; i < arm.weekly.size(); ++i) {
    expand_pattern(scenario, arm.weekly[i], i, first_day, last_day, out);
  }
  std::ranges::stable_sort(out, {}, &ScheduledSession::t0_min);
  return out;
}

}  // namespace brainload
