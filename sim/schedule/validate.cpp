// Whole-scenario checks that need the schedule: arms present and uniquely named, protocols
// that exist, weekly ranges, sessions inside [0, days · 1440] and not overlapping one another,
// events inside the span, assessment days inside [0, days].
//
// A weekly pattern expands to one session a week; a problem it has is reported once for the
// pattern (with how many sessions it affects), not once a week.
#include "brainload/schedule/validate.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "brainload/schedule/calendar.hpp"
#include "brainload/schedule/protocols.hpp"

namespace brainload {

namespace {

constexpr std::array<const char*, 7> kWeekdayNames{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// Collects diagnostics; fills in the scenario's file where a location lacks one.
class Report {
 public:
  explicit Report(const Scenario& scenario) : file_(scenario.file) {}
  void add(SourceLocation where, std::string field, std::string message) {
    if (where.file.empty()) where.file = file_;
    diagnostics_.push_back({std::move(where), std::move(field), std::move(message)});
  }
  std::vector<Diagnostic> take() { return std::move(diagnostics_); }

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

// "HH:MM" (with ":SS" when the time is not a whole minute) of a time of day in minutes.
std::string clock_text(double clock_min) {
  const long seconds = std::lround(clock_min * 60.0);
  const long in_day = ((seconds % 86400) + 86400) % 86400;
  const long hh = in_day / 3600;
  const long mm = (in_day / 60) % 60;
  const long ss = in_day % 60;
  if (ss == 0) return fmt::format("{:02}:{:02}", hh, mm);
  return fmt::format("{:02}:{:02}:{:02}", hh, mm, ss);
}

// "day 3 10:25": the calendar day and wall-clock time of a scenario time t.
std::string when_text(const Scenario& scenario, double t_min) {
  const double wall_min = t_min + scenario.start_clock_min;
  const auto day = static_cast<long>(std::floor(wall_min / kMinutesPerDay + 1e-9));
  return fmt::format("day {} {}", day,
                     clock_text(wall_min - static_cast<double>(day) * kMinutesPerDay));
}

std::string arm_field(std::size_t arm_index) { return fmt::format("arm[{}]", arm_index); }

std::string session_field(std::size_t arm_index, const ScheduledSession& s) {
  return fmt::format("{}.{}[{}]", arm_field(arm_index), s.from_weekly ? "weekly" : "sessions",
                     s.index);
}

std::string session_text(const Scenario& scenario, const ScheduledSession& s) {
  const char* kind = s.from_weekly ? "weekly session" : "session";
  return fmt::format("{} '{}' on {} ({})", kind, s.protocol, when_text(scenario, s.t0_min),
                     kWeekdayNames[static_cast<std::size_t>(weekday_of(scenario, s.day))]);
}

std::string span_text(const Scenario& scenario, const ScheduledSession& s) {
  return fmt::format("{}–{}", when_text(scenario, s.t0_min),
                     clock_text(s.t1_min + scenario.start_clock_min));
}

// " (N sessions of this weekly pattern)" when a pattern's problem repeats.
std::string repeat_note(const ScheduledSession& s, int count) {
  if (!s.from_weekly || count <= 1) return "";
  return fmt::format(" (reported once; {} sessions of this weekly pattern have this problem)",
                     count);
}

void check_arm_names(const Scenario& scenario, Report& report) {
  if (scenario.arms.empty()) {
    report.add({}, "arm", "no arms; expected at least one [[arm]] with a name");
  }
  std::map<std::string, std::size_t> first_with_name;
  for (std::size_t i = 0; i < scenario.arms.size(); ++i) {
    const Arm& arm = scenario.arms[i];
    const auto [it, inserted] = first_with_name.emplace(arm.name, i);
    if (inserted) continue;
    const Arm& other = scenario.arms[it->second];
    report.add(arm.where, arm_field(i) + ".name",
               fmt::format("arm name '{}' is already used by arm[{}]{}; expected unique arm names",
                           arm.name, it->second,
                           other.where.line > 0 ? fmt::format(" (line {})", other.where.line)
                                                : std::string()));
  }
}

std::string unknown_protocol_message(const Scenario& scenario, const std::string& name) {
  std::string known;
  for (const auto& [user_name, protocol] : scenario.protocols) known += user_name + ", ";
  for (const Protocol& p : builtin_protocols()) known += p.name + ", ";
  if (known.size() >= 2) known.resize(known.size() - 2);
  return fmt::format("unknown protocol '{}'; expected one of: {}", name, known);
}

void check_protocols_exist(const Scenario& scenario, std::size_t arm_index, Report& report) {
  const Arm& arm = scenario.arms[arm_index];
  for (std::size_t j = 0; j < arm.sessions.size(); ++j) {
    const SessionSpec& s = arm.sessions[j];
    if (find_protocol(scenario, s.protocol) != nullptr) continue;
    report.add(s.where, fmt::format("{}.sessions[{}].protocol", arm_field(arm_index), j),
               unknown_protocol_message(scenario, s.protocol));
  }
  for (std::size_t j = 0; j < arm.weekly.size(); ++j) {
    const WeeklySpec& w = arm.weekly[j];
    if (find_protocol(scenario, w.protocol) != nullptr) continue;
    report.add(w.where, fmt::format("{}.weekly[{}].protocol", arm_field(arm_index), j),
               unknown_protocol_message(scenario, w.protocol));
  }
}

void check_weekly_range(const Scenario& scenario, std::size_t arm_index, Report& report) {
  const Arm& arm = scenario.arms[arm_index];
  if (arm.from_day < 0) {
    report.add(arm.where, arm_field(arm_index) + ".from_day",
               fmt::format("expected a day ≥ 0, got {}", arm.from_day));
  }
  if (arm.to_day && *arm.to_day < arm.from_day) {
    report.add(arm.where, arm_field(arm_index) + ".to_day",
               fmt::format("expected to_day ≥ from_day ({}), got {}", arm.from_day, *arm.to_day));
  }
}

// Problems keyed by the spec that causes them (and the kind of problem), so a weekly pattern is
// reported once.
enum class Problem { before_start, after_end, overlap };
using Origin = std::tuple<bool, std::size_t, Problem>;
struct Finding {
  ScheduledSession session;
  std::string message;
  int count = 0;
};

void add_finding(std::map<Origin, Finding>& findings, std::vector<Origin>& order,
                 const ScheduledSession& s, const Origin& key, std::string message) {
  auto [it, inserted] = findings.try_emplace(key, Finding{s, std::move(message), 0});
  if (inserted) order.push_back(key);
  ++it->second.count;
}

void check_span(const Scenario& scenario, std::size_t arm_index,
                const std::vector<ScheduledSession>& sessions, Report& report) {
  const double end = scenario_end_min(scenario);
  std::map<Origin, Finding> findings;
  std::vector<Origin> order;
  for (const ScheduledSession& s : sessions) {
    if (s.t0_min < 0.0) {
      add_finding(findings, order, s, {s.from_weekly, s.index, Problem::before_start},
                  fmt::format("{} starts before the scenario does (day 0 {}); expected a start "
                              "at or after it",
                              session_text(scenario, s), clock_text(scenario.start_clock_min)));
    } else if (s.t1_min > end + 1e-9) {
      add_finding(findings, order, s, {s.from_weekly, s.index, Problem::after_end},
                  fmt::format("{} runs {} and ends after the scenario does ({} after {} days); "
                              "expected it to end by then",
                              session_text(scenario, s), span_text(scenario, s),
                              when_text(scenario, end), scenario.days));
    }
  }
  for (const Origin& key : order) {
    const Finding& f = findings.at(key);
    report.add(f.session.where, session_field(arm_index, f.session),
               f.message + repeat_note(f.session, f.count));
  }
}

std::string overlap_message(const Scenario& scenario, std::size_t arm_index,
                            const ScheduledSession& later, const ScheduledSession& earlier) {
  const std::string line =
      earlier.where.line > 0 ? fmt::format("line {}: ", earlier.where.line) : std::string();
  return fmt::format(
      "{} overlaps {} ({}'{}' {}); expected sessions of an arm not to overlap, so a start at or "
      "after {}",
      session_text(scenario, later), session_field(arm_index, earlier), line, earlier.protocol,
      span_text(scenario, earlier), clock_text(earlier.t1_min + scenario.start_clock_min));
}

void check_overlaps(const Scenario& scenario, std::size_t arm_index,
                    const std::vector<ScheduledSession>& sessions, Report& report) {
  using Pair = std::pair<Origin, Origin>;
  std::map<Pair, Finding> findings;
  std::vector<Pair> order;
  const ScheduledSession* latest_end = nullptr;  // the earlier session that ends last
  for (const ScheduledSession& s : sessions) {
    if (latest_end != nullptr && s.t0_min < latest_end->t1_min - 1e-9) {
      const Pair key{{s.from_weekly, s.index, Problem::overlap},
                     {latest_end->from_weekly, latest_end->index, Problem::overlap}};
      auto [it, inserted] = findings.try_emplace(
          key, Finding{s, overlap_message(scenario, arm_index, s, *latest_end), 0});
      if (inserted) order.push_back(key);
      ++it->second.count;
    }
    if (latest_end == nullptr || s.t1_min > latest_end->t1_min) latest_end = &s;
  }
  for (const Pair& key : order) {
    const Finding& f = findings.at(key);
    const bool weekly = std::get<0>(key.first) || std::get<0>(key.second);
    const std::string note =
        weekly && f.count > 1
            ? fmt::format(" (reported once; it happens {} times with this weekly pattern)", f.count)
            : "";
    report.add(f.session.where, session_field(arm_index, f.session), f.message + note);
  }
}

void check_events(const Scenario& scenario, std::size_t arm_index, Report& report) {
  const Arm& arm = scenario.arms[arm_index];
  const double end = scenario_end_min(scenario);
  for (std::size_t j = 0; j < arm.events.size(); ++j) {
    const EventSpec& e = arm.events[j];
    const std::string field = fmt::format("{}.events[{}]", arm_field(arm_index), j);
    const double t0 = to_scenario_min(scenario, e.day, e.at_min);
    const std::string at = fmt::format("day {} {}", e.day, clock_text(e.at_min));
    if (t0 < 0.0) {
      report.add(e.where, field,
                 fmt::format("event at {} is before the scenario starts (day 0 {}); expected a "
                             "time inside the simulated span",
                             at, clock_text(scenario.start_clock_min)));
    } else if (t0 > end + 1e-9) {
      report.add(e.where, field,
                 fmt::format("event at {} is after the scenario ends ({}); expected a time "
                             "inside the simulated span",
                             at, when_text(scenario, end)));
    } else if (e.type == EventType::learn && !(e.minutes > 0.0)) {
      report.add(e.where, field + ".minutes",
                 fmt::format("a learn event needs minutes > 0, got {}", e.minutes));
    } else if (e.type == EventType::learn && t0 + e.minutes > end + 1e-9) {
      report.add(e.where, field,
                 fmt::format("learn event at {} for {} min ends after the scenario does ({}); "
                             "expected it to end inside the simulated span",
                             at, e.minutes, when_text(scenario, end)));
    } else if (e.type == EventType::measure && t0 + e.window_min > end + 1e-9) {
      report.add(e.where, field + ".window_min",
                 fmt::format("measurement at {} over {} min ends after the scenario does ({}); "
                             "expected the window to end inside the simulated span",
                             at, e.window_min, when_text(scenario, end)));
    }
    for (std::size_t k = 0; k < j; ++k) {
      if (arm.events[k].name == e.name) {
        report.add(e.where, field + ".name",
                   fmt::format("event name \"{}\" is used twice in this arm (also events[{}]); "
                               "expected a unique name (set name = \"...\")",
                               e.name, k));
        break;
      }
    }
  }
}

void check_assess_days(const Scenario& scenario, Report& report) {
  std::set<int> seen;
  for (const int day : scenario.assess_days) {
    if (day < 0 || day > scenario.days) {
      report.add({}, "scenario.assess_days",
                 fmt::format("expected days from 0 to {} (the scenario's days), got {}",
                             scenario.days, day));
    }
    if (!seen.insert(day).second) {
      report.add({}, "scenario.assess_days",
                 fmt::format("day {} is listed twice; expected each day once", day));
    }
  }
}

}  // namespace

std::vector<Diagnostic> validate_scenario(const Scenario& scenario) {
  Report report(scenario);
  check_assess_days(scenario, report);
  check_arm_names(scenario, report);
  for (std::size_t i = 0; i < scenario.arms.size(); ++i) {
    check_protocols_exist(scenario, i, report);
    check_weekly_range(scenario, i, report);
    const std::vector<ScheduledSession> sessions = expand_sessions(scenario, scenario.arms[i]);
    check_span(scenario, i, sessions, report);
    check_overlaps(scenario, i, sessions, report);
    check_events(scenario, i, report);
  }
  return report.take();
}

void require_valid(const Scenario& scenario) {
  std::vector<Diagnostic> diagnostics = validate_scenario(scenario);
  if (!diagnostics.empty()) throw ScenarioError(std::move(diagnostics));
}

}  // namespace brainload
