// The one loop (simulation.hpp). Per day d, over [t0, t1) = [d, d + 1) days:
//   1. the observer sees the chronic state; the attendance rule may end the study for good;
//   2. attended sessions become pieces of constant drive and session loads (schedule/);
//   3. the acute model is integrated: the whole day, carrying the state, when the observer
//      wants samples or an event's window lies in the day (or with the continuous strategy);
//      otherwise only a window around the sessions, from rest (the state outside windows is
//      rest up to SolverConfig::quiescence_rel);
//   4. the dose integrals of the acute state feed one chronic step;
//   5. events complete as their windows close, and the observer is told.
#include "brainload/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "brainload/model/chronic/chronic_pathways.hpp"
#include "brainload/schedule/protocols.hpp"
#include "brainload/schedule/session_dose.hpp"
#include "brainload/schedule/timeline.hpp"
#include "brainload/units.hpp"

namespace brainload {

namespace {

constexpr double kWindowSampleMin = 0.25;  // grid of arousal and measured values inside event
                                           // windows (min): the means and peaks read from it
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Why an acute state is not physiological, or nullptr. Bounds are generous sanity limits
// (assumed), far outside anything the model produces for a valid input.
const char* acute_state_problem(const AcuteState& x) {
  for (double v : x) {
    if (!std::isfinite(v)) return "non-finite acute state";
  }
  struct Bound {
    std::size_t i;
    double lo, hi;
    const char* what;
  };
  static constexpr std::array<Bound, 10> kBounds{{
      {ix::kHeartRate, 20.0, 260.0, "heart rate out of 20-260 bpm"},
      {ix::kEpinephrine, 0.0, 100.0, "epinephrine out of 0-100 nmol/L"},
      {ix::kNorepinephrine, 0.0, 200.0, "norepinephrine out of 0-200 nmol/L"},
      {ix::kBloodLactate, 0.0, 40.0, "blood lactate out of 0-40 mmol/L"},
      {ix::kBrainLactate, 0.0, 40.0, "brain lactate out of 0-40 mmol/L"},
      {ix::kCbf, 0.2, 3.0, "cerebral blood flow out of 0.2-3 x rest"},
      {ix::kBdnf, 0.0, 500.0, "serum BDNF out of 0-500 ng/mL"},
      {ix::kIl6, 0.0, 5000.0, "IL-6 out of 0-5000 pg/mL"},
      {ix::kCortisol, 0.0, 20.0, "cortisol out of 0-20 x daily mean"},
      {ix::kLc, 0.0, 50.0, "LC firing out of 0-50 Hz"},
  }};
  for (const Bound& b : kBounds) {
    if (x[b.i] < b.lo || x[b.i] > b.hi) return b.what;
  }
  return nullptr;
}

bool chronic_finite(const ChronicState& s) {
  return std::ranges::all_of(chronic_values(s), [](double v) { return std::isfinite(v); });
}

void read_doses(const AcuteState& x, DailyDose& dose) {
  dose.bdnf_action = x[ix::kDoseBdnfAction];
  dose.osteocalcin = x[ix::kDoseOsteocalcin];
  dose.vegf = x[ix::kDoseVegf];
  dose.hpa_exercise_drive = x[ix::kDoseHpaDrive];
}

void reset_doses(AcuteState& x) {
  for (std::size_t k = ix::kFirstDose; k < ix::kCount; ++k) x[k] = 0.0;
}

// Rest, with the HPA axis where the resting day cycle has it at time t.
AcuteState rest_at(const AcuteModel& model, const RestCycle& rest, const Scenario& scenario,
                   double t_min) {
  AcuteState x = model.resting_state();
  const auto minute =
      static_cast<std::size_t>(std::floor(units::clock_of(t_min, scenario.start_clock_min))) %
      rest.hpa.size();
  x[ix::kCrh] = rest.hpa[minute][0];
  x[ix::kActh] = rest.hpa[minute][1];
  x[ix::kCortisol] = rest.hpa[minute][2];
  return x;
}

// Excess over rest of the states that carry doses, relative to their resting values.
double dose_excess(const AcuteModel& model, const AcuteState& x) {
  const AcuteState r = model.resting_state();
  double worst = 0.0;
  for (std::size_t i : {ix::kMuscleLactate, ix::kBoneSignal})
    worst = std::max(worst, std::abs(x[i]));
  for (std::size_t i : {ix::kBloodLactate, ix::kVegf, ix::kBdnf, ix::kOsteocalcin, ix::kEpinephrine,
                        ix::kBrainNe}) {
    worst = std::max(worst, std::abs(x[i] - r[i]) / r[i]);
  }
  return worst;
}

// The session-window strategy: from rest at the first piece until the dose-carrying states are
// back at rest (no earlier than min_window_min after the last piece, at most a day).
// Multi-rate tail: once the fast states (epinephrine, vagus, NTS, LC, muscle lactate: time
// constants of seconds to minutes) are back at rest they are held there and the explicit solver
// steps on the slow dose-carrying states alone.
AcuteState integrate_window(const Scenario& scenario, const Subject& today,
                            const ModelParams& params, const SolverConfig& config,
                            const RestCycle& rest, const std::vector<Segment>& pieces,
                            const std::vector<Window>& sessions, SolveStats& stats) {
  const double start = pieces.front().t0_min;
  const double earliest_end = pieces.back().t1_min + config.min_window_min;
  double end = pieces.back().t1_min;
  AcuteModel model(params.acute, today, scenario.start_clock_min);
  model.set_dose_only(true);  // nobody observes this window: only the doses matter
  AcuteState x = rest_at(model, rest, scenario, start);
  const auto add = [&stats](const SolveStats& s) {
    stats.steps += s.steps;
    stats.segments += s.segments;
  };
  add(integrate_acute(model, span_timeline(scenario, start, end, pieces, sessions, {}), x, start,
                      end, {}, nullptr, config.solver));
  constexpr double kExtendMin = 30.0;
  const double limit = start + units::kMinutesPerDay;
  const AcuteState r = model.resting_state();
  constexpr std::array kFast{ix::kEpinephrine, ix::kVagal, ix::kNts, ix::kLc, ix::kMuscleLactate};
  const auto fast_at_rest = [&] {
    return std::ranges::all_of(kFast, [&](std::size_t i) {
      return std::abs(x[i] - r[i]) <= config.quiescence_rel * std::max(1.0, std::abs(r[i]));
    });
  };
  while ((end < earliest_end || dose_excess(model, x) > config.quiescence_rel) && end < limit) {
    if (fast_at_rest()) {
      for (std::size_t i : kFast) x[i] = r[i];
      model.set_slow_only(true);
    }
    const double next = std::min(limit, end + kExtendMin);
    add(integrate_acute(model, span_timeline(scenario, end, next, {}, {}, {}), x, end, next, {},
                        nullptr, config.solver));
    end = next;
  }
  return x;
}

// Time-weighted mean of a sampled series over [a, b] (trapezoids), NaN if it does not cover it.
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
  return weight > 0.0 ? sum / weight : kNaN;
}

// One event of the arm as the loop follows it: the span it must see, and what it has seen.
struct LiveEvent {
  std::size_t index = 0;  // into Arm::events
  const EventSpec* spec = nullptr;
  double t = 0.0;        // its moment (start)
  double end = 0.0;      // last time it needs samples for (consolidation, measure window)
  double done_at = 0.0;  // when its value is complete
  std::size_t observable = 0;
  std::vector<std::pair<double, double>> series;  // (t, arousal or measured value)
  bool finished = false;
};

std::size_t acute_index(std::string_view name) {
  const auto all = acute_observables();
  const auto it = std::ranges::find(all, name, &ObservableInfo::name);
  if (it == all.end()) throw std::invalid_argument("unknown acute observable " + std::string(name));
  return static_cast<std::size_t>(it - all.begin());
}

std::vector<LiveEvent> live_events(const Scenario& scenario, const Arm& arm,
                                   const ModelParams& params) {
  std::vector<LiveEvent> events;
  const double consolidation = params.acute.cognition.consolidation_window_min;
  for (std::size_t i = 0; i < arm.events.size(); ++i) {
    const EventSpec& e = arm.events[i];
    LiveEvent le;
    le.index = i;
    le.spec = &e;
    le.t = to_scenario_min(scenario, e.day, e.at_min);
    le.end = le.t;
    le.done_at = le.t;
    switch (e.type) {
      case EventType::learn:
        le.done_at = le.t + e.minutes;
        le.end = le.done_at + consolidation;
        break;
      case EventType::measure:
        le.observable = acute_index(e.observable);
        le.end = le.done_at = le.t + (e.stat == MeasureStat::value ? 0.0 : e.window_min);
        break;
      case EventType::cognitive_test:
      case EventType::recall:
        break;
    }
    events.push_back(std::move(le));
  }
  std::ranges::stable_sort(events, {}, &LiveEvent::t);
  return events;
}

// Completes `e` (all its samples are in) and tells the observer.
void finish_event(LiveEvent& e, const std::vector<LiveEvent>& all, const ModelParams& params,
                  double at_value, LifeObserver& observer) {
  const auto& cp = params.acute.cognition;
  EventRecord rec{e.index, e.t, e.spec->type, kNaN, {}};
  switch (e.spec->type) {
    case EventType::cognitive_test:
      rec.value = at_value;
      break;
    case EventType::learn: {
      const double during = mean_over(e.series, e.t, e.done_at);
      rec.value = cp.encoding_weight_z *
                  (arousal_performance(cp, during) - arousal_performance(cp, cp.arousal_rest));
      rec.note = "encoding z from mean arousal while learning";
      break;
    }
    case EventType::recall: {
      const LiveEvent* learn = nullptr;
      for (const LiveEvent& o : all) {
        if (o.spec->type == EventType::learn && o.done_at <= e.t) learn = &o;
      }
      if (learn == nullptr) {
        rec.note = "no learn event before this recall";
      } else {
        const double during = mean_over(learn->series, learn->t, learn->done_at);
        const double after = mean_over(learn->series, learn->done_at, std::min(e.t, learn->end));
        rec.value = recall_z(cp, during, std::isnan(after) ? cp.arousal_rest : after);
        rec.note = "recall z of the most recent learn";
      }
      break;
    }
    case EventType::measure: {
      const double w = e.spec->window_min;
      switch (e.spec->stat) {
        case MeasureStat::value:
          rec.value = at_value;
          break;
        case MeasureStat::peak:
          for (const auto& [t, v] : e.series) {
            if (t >= e.t && t <= e.t + w && !(v <= rec.value)) rec.value = v;
          }
          break;
        case MeasureStat::mean:
          rec.value = mean_over(e.series, e.t, e.t + w);
          break;
        case MeasureStat::auc:
          rec.value = mean_over(e.series, e.t, e.t + w) * w;
          break;
      }
      rec.note = std::string(measure_stat_name(e.spec->stat)) + " of " + e.spec->observable;
      break;
    }
  }
  // Learning needs its series until the consolidation window closes (for a later recall).
  if (e.spec->type != EventType::learn) e.series.clear();
  e.finished = true;
  observer.event(rec);
}

// What happens at one sample time of a day integrated in full.
struct Sample {
  double t = 0.0;
  bool wanted = false;  // the observer asked for it
  int event = -1;       // an event's moment (index into the live events), or -1
  bool window = false;  // inside some event's window
};

}  // namespace

const char* event_type_name(EventType type) {
  switch (type) {
    case EventType::cognitive_test:
      return "cognitive_test";
    case EventType::learn:
      return "learn";
    case EventType::recall:
      return "recall";
    case EventType::measure:
      return "measure";
  }
  return "?";
}

const char* measure_stat_name(MeasureStat stat) {
  switch (stat) {
    case MeasureStat::value:
      return "value";
    case MeasureStat::peak:
      return "peak";
    case MeasureStat::mean:
      return "mean";
    case MeasureStat::auc:
      return "auc";
  }
  return "?";
}

std::string event_unit(const EventSpec& event) {
  if (event.type != EventType::measure) return "SD";
  const std::string unit(acute_observables()[acute_index(event.observable)].unit);
  return event.stat == MeasureStat::auc ? unit + " min" : unit;
}

RestCycle compute_rest_cycle(const ModelParams& params, const SolverConfig& config,
                             double wake_clock_min) {
  AcuteModel model(params.acute, Subject{}, 0.0);
  AcuteState x = model.resting_state();
  Drive awake_at_rest;
  awake_at_rest.wake_clock_min = wake_clock_min;
  (void)integrate_constant(model, awake_at_rest, x, -config.spin_up_days * units::kMinutesPerDay,
                           0.0, config.solver);
  RestCycle cycle;
  cycle.hpa.resize(static_cast<std::size_t>(units::kMinutesPerDay));
  for (std::size_t m = 0; m < cycle.hpa.size(); ++m) {
    cycle.hpa[m] = {x[ix::kCrh], x[ix::kActh], x[ix::kCortisol]};
    (void)integrate_constant(model, awake_at_rest, x, static_cast<double>(m),
                             static_cast<double>(m + 1), config.solver);
  }
  return cycle;
}

Life live(const Scenario& scenario, const Arm& arm, const Subject& subject, double trainability,
          int days, const ModelParams& params, const SolverConfig& config, const RestCycle& rest,
          AttendanceRule& attendance, LifeObserver& observer, const LifeState* resume,
          LifeState* save) {
  Life out;
  const std::vector<ScheduledSession> sessions = expand_sessions(scenario, arm);
  out.sessions_scheduled = static_cast<int>(sessions.size());
  std::vector<LiveEvent> events = live_events(scenario, arm, params);
  const bool continuous_strategy = config.strategy == AcuteStrategy::continuous;

  ChronicState s = baseline_chronic_state(subject);
  s.depression_z = 0.0;  // relative to the individual's own baseline
  AcuteState carried{};
  bool carried_valid = false;    // carried holds the state at the start of the day
  std::size_t next_session = 0;  // sessions of days before the current one are skipped below
  int first_day = 0;
  if (resume != nullptr) {
    if (resume->events.size() != events.size()) {
      throw std::invalid_argument("a saved life state with " +
                                  std::to_string(resume->events.size()) +
                                  " events for an arm with " + std::to_string(events.size()));
    }
    first_day = resume->day;
    s = resume->chronic;
    carried = resume->acute;
    carried_valid = resume->acute_valid;
    out.sessions_done = resume->sessions_done;
    out.dropped_out = resume->dropped_out;
    out.dropout_day = resume->dropout_day;
    for (LiveEvent& e : events) {
      const EventProgress& p = resume->events[e.index];
      e.finished = p.finished;
      e.series = p.series;
      if (p.finished) observer.event(p.record);
    }
  }
  // The state handed back at the end; records of finished events are kept as they are given.
  std::vector<EventRecord> records(events.size());
  struct Recorder final : LifeObserver {
    LifeObserver& inner;
    std::vector<EventRecord>& records;
    Recorder(LifeObserver& o, std::vector<EventRecord>& r) : inner(o), records(r) {}
    void sample_times(double t0, double t1, bool last, std::vector<double>& times) const override {
      inner.sample_times(t0, t1, last, times);
    }
    void acute(double t, const AcuteModel& m, const AcuteState& x, int event) override {
      inner.acute(t, m, x, event);
    }
    void day(int d, const ChronicState& c) override { inner.day(d, c); }
    void event(const EventRecord& r) override {
      records[r.index] = r;
      inner.event(r);
    }
  };
  if (resume != nullptr) {
    for (std::size_t i = 0; i < records.size(); ++i) records[i] = resume->events[i].record;
  }
  Recorder recorder(observer, records);
  LifeObserver& watch = save != nullptr ? static_cast<LifeObserver&>(recorder) : observer;
  const auto keep = [&](int day) {
    if (save == nullptr) return;
    save->day = day;
    save->chronic = s;
    save->acute = carried;
    save->acute_valid = carried_valid;
    save->sessions_done = out.sessions_done;
    save->dropped_out = out.dropped_out;
    save->dropout_day = out.dropout_day;
    save->events.assign(events.size(), EventProgress{});
    for (const LiveEvent& e : events) {
      save->events[e.index] = {e.finished, records[e.index], e.series};
    }
  };

  for (int day = first_day; day < days; ++day) {
    watch.day(day, s);
    const double t0 = day * units::kMinutesPerDay;
    const double t1 = t0 + units::kMinutesPerDay;
    const bool last = day + 1 == days;
    if (!out.dropped_out && next_session < sessions.size() && !attendance.stays(day, s)) {
      out.dropped_out = true;
      out.dropout_day = day;
    }
    DailyDose dose;
    std::vector<Segment> pieces;  // the attended sessions of the day, in time order
    std::vector<Window> attended;
    for (; next_session < sessions.size() && sessions[next_session].day <= day; ++next_session) {
      const ScheduledSession& ss = sessions[next_session];
      if (ss.day < day || out.dropped_out) continue;
      if (!attendance.attends(ss, s)) continue;
      const Protocol* protocol = find_protocol(scenario, ss.protocol);
      if (protocol == nullptr) continue;
      lay_session(*protocol, ss, acute_subject(params.chronic.training, subject, s), params.session,
                  params.acute.osteocalcin, params.acute.heart_rate, params.dose, pieces, dose);
      attended.emplace_back(ss.t0_min, ss.t1_min);
    }
    // Events after a dropout are not taken: the individual has left the study.
    const double in_study_until = out.dropped_out ? out.dropout_day * units::kMinutesPerDay
                                                  : std::numeric_limits<double>::infinity();
    std::vector<double> wanted;
    watch.sample_times(t0, t1, last, wanted);
    std::vector<LiveEvent*> today_events;  // events whose span touches this day
    for (LiveEvent& e : events) {
      if ((e.finished && e.end < t0) || e.t >= in_study_until) continue;
      const bool starts_before_end = e.t < t1 || (last && e.t <= t1);
      if (starts_before_end && e.end >= t0) today_events.push_back(&e);
    }
    const bool full_day = continuous_strategy || !wanted.empty() || !today_events.empty();
    const Subject today = acute_subject(params.chronic.training, subject, s);
    const char* problem = nullptr;
    std::string solver_error;
    try {
      if (full_day) {
        AcuteModel model(params.acute, today, scenario.start_clock_min);
        if (!carried_valid) {
          if (day == 0) {
            // Spin-up at rest so the circadian HPA axis and every state are settled at t = 0.
            carried = model.resting_state();
            (void)integrate_constant(model, Drive{}, carried,
                                     -config.spin_up_days * units::kMinutesPerDay, 0.0,
                                     config.solver);
          } else {
            carried = rest_at(model, rest, scenario, t0);
          }
        }
        reset_doses(carried);
        std::vector<Window> learning;
        for (const LiveEvent* e : today_events) {
          if (e->spec->type == EventType::learn) learning.emplace_back(e->t, e->done_at);
        }
        const Timeline tl = span_timeline(scenario, t0, t1, pieces, attended, learning);
        // The sample plan: wanted times, event moments and window grids, merged by time.
        std::vector<Sample> plan;
        plan.reserve(wanted.size() + today_events.size());
        for (double t : wanted) plan.push_back({t, true, -1, false});
        for (LiveEvent* e : today_events) {
          const auto k = static_cast<int>(e - events.data());
          if (e->t >= t0 && (e->t < t1 || (last && e->t <= t1)))
            plan.push_back({e->t, false, k, false});
          if (e->done_at > e->t || e->end > e->t) {
            const double lo = std::max(t0, e->t);
            const double hi = std::min(t1, e->end);
            const auto first = static_cast<long>(std::ceil((lo - e->t) / kWindowSampleMin - 1e-9));
            const auto final = static_cast<long>(std::floor((hi - e->t) / kWindowSampleMin + 1e-9));
            for (long j = first; j <= final; ++j) {
              const double t = e->t + static_cast<double>(j) * kWindowSampleMin;
              if (t < t1 || (last && t <= t1)) plan.push_back({t, false, -1, true});
            }
          }
        }
        std::ranges::stable_sort(plan, {}, &Sample::t);
        std::vector<Sample> merged;
        for (const Sample& p : plan) {
          if (!merged.empty() && std::abs(merged.back().t - p.t) < 1e-9) {
            merged.back().wanted = merged.back().wanted || p.wanted;
            merged.back().window = merged.back().window || p.window;
            if (p.event >= 0 && merged.back().event < 0)
              merged.back().event = p.event;
            else if (p.event >= 0)
              merged.push_back(p);  // two events at one moment
            continue;
          }
          merged.push_back(p);
        }
        std::vector<double> times;
        times.reserve(merged.size());
        for (const Sample& p : merged) times.push_back(p.t);
        std::size_t cursor = 0;
        std::vector<std::pair<AcuteState, bool>> final_state;  // t1 of the last day: after the step
        const auto at_sample = [&](const AcuteState& x, double t) {
          // Several plan entries may share t (two events at one moment): take them all.
          while (cursor < merged.size() && merged[cursor].t <= t + 1e-9) {
            const Sample& p = merged[cursor++];
            const bool end_of_life = last && std::abs(t - t1) < 1e-9;
            for (LiveEvent* e : today_events) {
              if (e->finished && e->spec->type != EventType::learn) continue;
              if (e->spec->type == EventType::learn && t >= e->t - 1e-9 && t <= e->end + 1e-9) {
                e->series.emplace_back(t, model.arousal(x));
              }
              if (e->spec->type == EventType::measure && e->spec->stat != MeasureStat::value &&
                  t >= e->t - 1e-9 && t <= e->end + 1e-9) {
                e->series.emplace_back(t, acute_values(model, x)[e->observable]);
              }
            }
            if (p.event >= 0 && !events[static_cast<std::size_t>(p.event)].finished) {
              LiveEvent& e = events[static_cast<std::size_t>(p.event)];
              if (e.spec->type == EventType::cognitive_test) {
                finish_event(e, events, params, model.cognitive_performance_z(x), watch);
              } else if (e.spec->type == EventType::measure && e.spec->stat == MeasureStat::value) {
                finish_event(e, events, params, acute_values(model, x)[e.observable], watch);
              } else if (e.spec->type == EventType::recall) {
                finish_event(e, events, params, kNaN, watch);
              }
            }
            for (LiveEvent* e : today_events) {
              if (!e->finished && e->done_at > e->t && t >= e->done_at - 1e-9) {
                finish_event(*e, events, params, kNaN, watch);
              }
            }
            if (p.wanted || p.event >= 0) {
              if (end_of_life) {
                final_state.emplace_back(x, p.wanted);
              } else {
                const int ev =
                    p.event >= 0 ? static_cast<int>(events[static_cast<std::size_t>(p.event)].index)
                                 : -1;
                watch.acute(t, model, x, ev);
              }
            }
          }
        };
        const SolveStats st =
            integrate_acute(model, tl, carried, t0, t1, times, at_sample, config.solver);
        out.stats.steps += st.steps;
        out.stats.segments += st.segments;
        carried_valid = true;
        problem = acute_state_problem(carried);
        read_doses(carried, dose);
        if (problem == nullptr && !final_state.empty()) {
          // Delivered after the day's chronic step below.
          out.sessions_done += dose.sessions;
          step_chronic_day(params.chronic, dose, trainability, s);
          watch.day(days, s);
          if (final_state.front().second) watch.acute(t1, model, final_state.front().first, -1);
          if (!chronic_finite(s)) {
            out.failure_code = Life::out_of_bounds;
            out.failure = "non-finite chronic state on day " + std::to_string(day);
          } else {
            keep(days);
          }
          return out;
        }
      } else if (!pieces.empty()) {
        carried_valid = false;
        const AcuteState x =
            integrate_window(scenario, today, params, config, rest, pieces, attended, out.stats);
        problem = acute_state_problem(x);
        read_doses(x, dose);
      } else {
        carried_valid = false;
      }
    } catch (const std::exception& err) {  // odeint: step-size underflow, no progress
      solver_error = err.what();
    }
    if (problem != nullptr || !solver_error.empty()) {
      out.failure_code = problem != nullptr ? Life::out_of_bounds : Life::solver;
      out.failure =
          (problem != nullptr ? std::string(problem) : "integration failed: " + solver_error) +
          " on day " + std::to_string(day);
      return out;
    }
    out.sessions_done += dose.sessions;
    step_chronic_day(params.chronic, dose, trainability, s);
    if (!chronic_finite(s)) {
      out.failure_code = Life::out_of_bounds;
      out.failure = "non-finite chronic state on day " + std::to_string(day);
      return out;
    }
  }
  watch.day(days, s);
  keep(days);
  return out;
}

namespace {

// The trace's observer: rows on a grid of `every` minutes over [from, to], and at events.
class TraceObserver final : public LifeObserver {
 public:
  TraceObserver(Trace& trace, double from_min, double to_min, double every_min)
      : trace_(trace), from_(from_min), to_(to_min), every_(every_min) {}

  void sample_times(double t0, double t1, bool last, std::vector<double>& times) const override {
    const double hi = std::min(to_, t1);
    if (hi < from_ || t0 > to_) return;
    auto k = static_cast<long>(std::ceil((std::max(t0, from_) - from_) / every_ - 1e-9));
    for (;; ++k) {
      const double t = from_ + static_cast<double>(k) * every_;
      if (t > hi + 1e-9 || (t >= t1 - 1e-9 && !last)) break;
      times.push_back(t);
    }
  }

  void acute(double t, const AcuteModel& model, const AcuteState& x, int event) override {
    if (t < from_ - 1e-9 || t > to_ + 1e-9) return;
    const int row_event = event >= 0 ? position_[static_cast<std::size_t>(event)] : -1;
    trace_.rows.push_back({t, acute_values(model, x), chronic_values(chronic_), row_event});
  }

  void day(int /*day*/, const ChronicState& state) override { chronic_ = state; }

  void event(const EventRecord& record) override {
    trace_.events[static_cast<std::size_t>(position_[record.index])] = record;
  }

  // Trace::events lists the arm's events in time order; position_[i] is where Arm::events[i] is.
  void set_positions(std::vector<int> position) { position_ = std::move(position); }

 private:
  Trace& trace_;
  double from_, to_, every_;
  ChronicState chronic_;
  std::vector<int> position_;
};

}  // namespace

Trace trace_reference(const Scenario& scenario, const Arm& arm, const TraceOptions& options,
                      const ModelParams& params, const SolverConfig& config) {
  Trace trace;
  trace.arm = arm.name;
  trace.subject = options.subject.value_or(typical_subject(scenario.population, params.norms));
  const double end = scenario_end_min(scenario);
  const double resume_day = options.resume ? options.resume->day : 0.0;
  const double from =
      std::clamp(std::max(options.from_day, resume_day) * units::kMinutesPerDay, 0.0, end);
  const double to =
      std::clamp(options.to_day.value_or(scenario.days) * units::kMinutesPerDay, from, end);
  const double every = options.every_min > 0.0 ? options.every_min : 1.0;

  // Every event in time order, NaN until reached.
  std::vector<std::size_t> order(arm.events.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::ranges::stable_sort(order, {}, [&](std::size_t i) {
    return to_scenario_min(scenario, arm.events[i].day, arm.events[i].at_min);
  });
  std::vector<int> position(arm.events.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const EventSpec& e = arm.events[order[k]];
    position[order[k]] = static_cast<int>(k);
    trace.events.push_back(
        {order[k], to_scenario_min(scenario, e.day, e.at_min), e.type, kNaN, "not reached"});
  }
  TraceObserver observer(trace, from, to, every);
  observer.set_positions(std::move(position));
  AttendEverySession everyone;
  const int days =
      std::clamp(static_cast<int>(std::ceil(to / units::kMinutesPerDay - 1e-9)), 1, scenario.days);
  const RestCycle rest = compute_rest_cycle(params, config, scenario.sleep_to_min);
  LifeState saved;
  const Life life = live(scenario, arm, trace.subject, options.trainability, days, params, config,
                         rest, everyone, observer, options.resume ? &*options.resume : nullptr,
                         options.save_state ? &saved : nullptr);
  trace.stats = life.stats;
  trace.failure = life.failure;
  if (options.save_state && life.failure_code == Life::none) trace.state = std::move(saved);
  return trace;
}

}  // namespace brainload
