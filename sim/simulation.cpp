#include "brainload/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "brainload/model/subject_norms.hpp"
#include "brainload/schedule/timeline.hpp"
#include "brainload/units.hpp"

namespace brainload {

namespace {

constexpr double kArousalSampleMin = 0.25;  // grid for event means of arousal (min)

struct Sample {
  double t;
  bool row;   // emit a trace row
  int event;  // event index or -1
};

std::vector<Sample> sample_plan(const Timeline& tl, const TraceOptions& o,
                                const std::vector<std::pair<double, double>>& windows, double t0,
                                double t1) {
  std::vector<Sample> plan;
  const double every = o.every_min > 0.0 ? o.every_min : 1.0;
  const auto n = static_cast<long>(std::floor((t1 - t0) / every + 1e-9));
  for (long k = 0; k <= n; ++k) plan.push_back({t0 + static_cast<double>(k) * every, true, -1});
  for (std::size_t e = 0; e < tl.events.size(); ++e) {
    plan.push_back({tl.events[e].t_min, tl.events[e].t_min >= t0 && tl.events[e].t_min <= t1,
                    static_cast<int>(e)});
  }
  for (const auto& [a, b] : windows) {
    for (double t = a; t <= b + 1e-9; t += kArousalSampleMin) plan.push_back({t, false, -1});
  }
  std::ranges::stable_sort(plan, {}, &Sample::t);
  return plan;
}

double mean_over(const std::vector<std::pair<double, double>>& series, double a, double b) {
  double sum = 0.0;
  double weight = 0.0;
  for (std::size_t k = 1; k < series.size(); ++k) {
    const double lo = std::max(a, series[k - 1].first);
    const double hi = std::min(b, series[k].first);
    if (hi <= lo) continue;
    sum += 0.5 * (series[k - 1].second + series[k].second) * (hi - lo);
    weight += hi - lo;
  }
  return weight > 0.0 ? sum / weight : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

const char* event_type_name(EventType type) {
  switch (type) {
    case EventType::cognitive_test:
      return "cognitive_test";
    case EventType::learn:
      return "learn";
    case EventType::recall:
      return "recall";
  }
  return "?";
}

Trace trace_reference(const Scenario& scenario, const Arm& arm, const TraceOptions& options,
                      const ModelParams& params, const SolverConfig& config) {
  Trace trace;
  trace.arm = arm.name;
  trace.subject = typical_subject(scenario.population, params.norms);
  const Timeline tl =
      build_timeline(scenario, arm, trace.subject, params.session, params.acute.osteocalcin);
  AcuteModel model(params.acute, trace.subject, scenario.start_clock_min);
  AcuteState x = model.resting_state();
  Drive awake_rest;
  integrate_constant(model, awake_rest, x, -config.spin_up_days * units::kMinutesPerDay, 0.0,
                     config.solver);
  for (std::size_t k = ix::kFirstDose; k < ix::kCount; ++k) x[k] = 0.0;

  const double t0 = std::clamp(options.from_day * units::kMinutesPerDay, 0.0, tl.end_min);
  const double t1 =
      std::clamp(options.to_day.value_or(scenario.days) * units::kMinutesPerDay, t0, tl.end_min);

  // Arousal is needed at fine resolution around learning for the memory events.
  std::vector<std::pair<double, double>> windows;
  const double consolidation = params.acute.cognition.consolidation_window_min;
  for (const auto& e : tl.events) {
    if (e.type == EventType::learn)
      windows.emplace_back(e.t_min, e.t_min + e.minutes + consolidation);
  }
  const std::vector<Sample> plan = sample_plan(tl, options, windows, t0, t1);
  std::vector<double> times;
  times.reserve(plan.size());
  for (const auto& s : plan) times.push_back(s.t);

  ChronicState chronic = baseline_chronic_state(trace.subject);
  std::vector<std::pair<double, double>> arousal_series;
  std::vector<double> event_z(tl.events.size(), std::numeric_limits<double>::quiet_NaN());
  std::size_t cursor = 0;
  auto observer = [&](const AcuteState& state, double t) {
    const Sample& s = plan[cursor++];
    const double a = model.arousal(state);
    if (!windows.empty()) arousal_series.emplace_back(t, a);
    if (s.event >= 0)
      event_z[static_cast<std::size_t>(s.event)] = model.cognitive_performance_z(state);
    if (!s.row) return;
    // A grid point and an event at the same time make one row.
    if (!trace.rows.empty() && trace.rows.back().t_min == t &&
        (s.event < 0 || trace.rows.back().event < 0)) {
      if (s.event >= 0) trace.rows.back().event = s.event;
      return;
    }
    chronic.sessions_done = static_cast<double>(std::ranges::count_if(
        tl.sessions, [&](const ScheduledSession& ss) { return ss.t1_min <= t + 1e-9; }));
    TraceRow row{t, acute_values(model, state), chronic_values(chronic), s.event};
    trace.rows.push_back(row);
  };

  // Integrate from 0 so the state at t0 is right, observing from the first sample on.
  trace.stats = integrate_acute(model, tl, x, 0.0, t1, times, observer, config.solver);

  const auto& cp = params.acute.cognition;
  double last_learn_encoding = std::numeric_limits<double>::quiet_NaN();
  double last_learn_end = 0.0;
  for (std::size_t e = 0; e < tl.events.size(); ++e) {
    const TimedEvent& ev = tl.events[e];
    EventRecord rec{ev.t_min, ev.type, 0.0, {}};
    switch (ev.type) {
      case EventType::cognitive_test:
        rec.value = event_z[e];
        break;
      case EventType::learn: {
        const double during = mean_over(arousal_series, ev.t_min, ev.t_min + ev.minutes);
        rec.value = cp.encoding_weight_z *
                    (arousal_performance(cp, during) - arousal_performance(cp, cp.arousal_rest));
        rec.note = "encoding z from mean arousal while learning";
        last_learn_encoding = during;
        last_learn_end = ev.t_min + ev.minutes;
        break;
      }
      case EventType::recall: {
        if (std::isnan(last_learn_encoding)) {
          rec.value = std::numeric_limits<double>::quiet_NaN();
          rec.note = "no learn event before this recall";
        } else {
          const double after = mean_over(arousal_series, last_learn_end,
                                         std::min(ev.t_min, last_learn_end + consolidation));
          rec.value =
              recall_z(cp, last_learn_encoding, std::isnan(after) ? cp.arousal_rest : after);
          rec.note = "recall z of the most recent learn";
        }
        break;
      }
    }
    trace.events.push_back(rec);
  }
  // Rows before t0 were observed only to integrate through; drop them.
  std::erase_if(trace.rows, [&](const TraceRow& r) { return r.t_min < t0 - 1e-9; });
  for (auto& r : trace.rows) {
    if (r.event >= 0 && (r.t_min < t0 - 1e-9 || r.t_min > t1 + 1e-9)) r.event = -1;
  }
  return trace;
}

}  // namespace brainload
