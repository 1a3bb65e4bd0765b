// One individual through one arm: the one loop that `trace` (the reference individual, every
// row observed) and every trial agent (drawn traits, attendance, measurement noise) go through.
// They differ only in the attendance rule and the observer handed to live().
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "brainload/model/acute_model.hpp"
#include "brainload/model/chronic_state.hpp"
#include "brainload/observables.hpp"
#include "brainload/params.hpp"
#include "brainload/schedule/calendar.hpp"
#include "brainload/schedule/scenario.hpp"
#include "brainload/schedule/session_drive.hpp"
#include "brainload/solve/integrate.hpp"

namespace brainload {

// How the population runner integrates the acute layer.
//   session_windows  (default) only around the sessions of a day, from the first session's start
//                    until every dose-carrying state is back within `quiescence_rel` of rest;
//                    days without a session cost one chronic step. Between sessions the acute
//                    states sit at rest, so this is the continuous solution up to that tolerance.
//                    Multi-rate: once the fast states (epinephrine, vagus, NTS, LC, muscle
//                    lactate: time constants of seconds to minutes) are back at rest they are
//                    held there and the explicit solver steps on the slow dose-carrying states
//                    alone (blood lactate, VEGF, BDNF, brain NE, bone signal, osteocalcin).
//   continuous       the whole day, every day, carrying the state across midnight: the
//                    straightforward baseline and the reference for the accuracy contract.
enum class AcuteStrategy { session_windows, continuous };

// How one individual is integrated (the model itself is ModelParams, brainload/params.hpp).
struct SolverConfig {
  SolverOptions solver;
  double spin_up_days = 3.0;  // rest days before t = 0 so the circadian HPA axis is settled
  AcuteStrategy strategy = AcuteStrategy::session_windows;
  double quiescence_rel = 1e-5;   // relative excess below which a window may close (assumed)
  double min_window_min = 120.0;  // windows last at least this long after the last session (min)
};

// The resting HPA axis over one day, minute by minute, for a person waking at wake_clock_min (the
// awakening response; it depends on no individual trait):
// where a session window starts, and where a day integrated in full starts after a day that was
// not.
struct RestCycle {
  std::vector<std::array<double, 3>> hpa;  // crh, acth, cortisol at clock minute 0..1439
};

[[nodiscard]] RestCycle compute_rest_cycle(const ModelParams& params, const SolverConfig& config,
                                           double wake_clock_min = 7.0 * 60.0);

// One event's result, exact (a trial's observer adds the assay's measurement noise).
//   cognitive_test  cognitive_performance_z at that moment
//   learn           encoding z: inverted U of the mean arousal while learning
//   recall          recall z of the most recent learn (NaN if none)
//   measure         the observable's value, or its peak, mean or area over the window
struct EventRecord {
  std::size_t index = 0;  // into Arm::events
  double t_min = 0.0;
  EventType type = EventType::cognitive_test;
  double value = 0.0;
  std::string note;
};

// Who attends: asked at the start of each day on which sessions remain, and for each scheduled
// session of a day (not after a dropout). A trace attends everything; a trial agent draws.
class AttendanceRule {
 public:
  AttendanceRule() = default;
  AttendanceRule(const AttendanceRule&) = default;
  AttendanceRule& operator=(const AttendanceRule&) = default;
  AttendanceRule(AttendanceRule&&) = default;
  AttendanceRule& operator=(AttendanceRule&&) = default;
  virtual ~AttendanceRule() = default;
  // false: the individual drops out of the study today, for good.
  virtual bool stays(int day, const ChronicState& state) = 0;
  virtual bool attends(const ScheduledSession& session, const ChronicState& state) = 0;
};

// Every session, as prescribed, no dropout: a lab protocol, and the reference individual.
class AttendEverySession final : public AttendanceRule {
 public:
  bool stays(int /*day*/, const ChronicState& /*state*/) override { return true; }
  bool attends(const ScheduledSession& /*session*/, const ChronicState& /*state*/) override {
    return true;
  }
};

// What the caller sees of a life, as odeint's observers see a solution.
class LifeObserver {
 public:
  LifeObserver() = default;
  LifeObserver(const LifeObserver&) = default;
  LifeObserver& operator=(const LifeObserver&) = default;
  LifeObserver(LifeObserver&&) = default;
  LifeObserver& operator=(LifeObserver&&) = default;
  virtual ~LifeObserver() = default;
  // Acute sample times wanted in [t0, t1), and t1 itself when `last` (appended to `times` in
  // increasing order). A day with any is integrated in full, not in session windows.
  virtual void sample_times(double /*t0*/, double /*t1*/, bool /*last*/,
                            std::vector<double>& /*times*/) const {}
  // The acute state at a wanted time or at an event's moment (`event` its index, or -1).
  virtual void acute(double /*t_min*/, const AcuteModel& /*model*/, const AcuteState& /*x*/,
                     int /*event*/) {}
  // The chronic state at the start of each day, and after the last day (day == days).
  virtual void day(int /*day*/, const ChronicState& /*state*/) {}
  // An event's result once it is complete (only for events reached while in the study).
  virtual void event(const EventRecord& /*record*/) {}
};

// Where one event of a life stands: finished (with the record the observer was given), and the
// samples it still needs (a learn event keeps its arousal series until a later recall).
struct EventProgress {
  bool finished = false;
  EventRecord record;
  std::vector<std::pair<double, double>> series;  // (t_min, value)
};

// Everything a life carries from one day to the next, at the start of day `day`: continuing
// from it gives the life that was never stopped (Pulse and BioGears call this save/restore).
struct LifeState {
  int day = 0;
  ChronicState chronic;
  AcuteState acute{};
  bool acute_valid = false;  // `acute` is the state at the start of `day` (the day before was
                             // integrated in full); otherwise the day starts from the resting cycle
  int sessions_done = 0;
  bool dropped_out = false;
  int dropout_day = -1;
  std::vector<EventProgress> events;  // by index into Arm::events
};

struct Life {
  int sessions_scheduled = 0;
  int sessions_done = 0;
  bool dropped_out = false;
  int dropout_day = -1;
  // An integration that fails ends the life; the caller flags it and goes on.
  enum FailureCode : int { none = 0, solver = 1, out_of_bounds = 2 };
  int failure_code = none;
  std::string failure;
  SolveStats stats;
};

// The one loop: lives one individual through `days` days of an arm (schedule → acute windows →
// doses → chronic day step → events), told who attends and what to observe. Days the observer
// or an event looks into are integrated in full, carrying the acute state; other days with
// sessions are integrated in session windows (SolverConfig::strategy), days without cost one
// chronic step. Pure: same inputs, same calls, on any thread.
//   resume  start from this state (its day, chronic and acute state, events) instead of day 0;
//           events finished before it are delivered to the observer again first. The attendance
//           rule must be stateless (a trace's) or restored by the caller.
//   save    when the life reaches `days` without failing, its state there.
[[nodiscard]] Life live(const Scenario& scenario, const Arm& arm, const Subject& subject,
                        double trainability, int days, const ModelParams& params,
                        const SolverConfig& config, const RestCycle& rest,
                        AttendanceRule& attendance, LifeObserver& observer,
                        const LifeState* resume = nullptr, LifeState* save = nullptr);

struct TraceOptions {
  double every_min = 1.0;
  double from_day = 0.0;
  std::optional<double> to_day;  // default: end of scenario
  // Another individual than the population's typical one (e.g. one drawn with sample_agent, as
  // the classroom page draws a student's personal subject), with its trainability.
  std::optional<Subject> subject;
  double trainability = 1.0;
  // Continue a trace saved with save_state (rows start at max(from_day, resume->day)).
  std::optional<LifeState> resume;
  bool save_state = false;  // keep the state at to_day in Trace::state
};

struct TraceRow {
  double t_min = 0.0;
  std::array<double, kAcuteObservableCount> acute{};
  std::array<double, kChronicObservableCount> chronic{};
  int event = -1;  // index into Trace::events, or -1
};

struct Trace {
  std::string arm;
  Subject subject;
  std::vector<TraceRow> rows;
  std::vector<EventRecord> events;  // every event of the arm, in time order (NaN if not reached)
  SolveStats stats;
  std::string failure;             // why the integration stopped early, empty if it did not
  std::optional<LifeState> state;  // at to_day, when TraceOptions::save_state
};

// The reference individual (the population's typical subject unless options.subject says
// otherwise, every session attended) through the one loop, observed every `every_min` minutes in
// [from_day, to_day]: acute and chronic.
[[nodiscard]] Trace trace_reference(const Scenario& scenario, const Arm& arm,
                                    const TraceOptions& options, const ModelParams& params = {},
                                    const SolverConfig& config = {});

[[nodiscard]] const char* event_type_name(EventType type);
[[nodiscard]] const char* measure_stat_name(MeasureStat stat);

// The unit of an event's value: "SD" (z scores) or the measured observable's unit (times "min"
// for an area).
[[nodiscard]] std::string event_unit(const EventSpec& event);

}  // namespace brainload
