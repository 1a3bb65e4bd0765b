// Running one individual through one arm: spin-up, integration along the timeline, events.
// `trace` uses it for the reference individual; the population runner for every agent.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "brainload/model/acute_model.hpp"
#include "brainload/params.hpp"
#include "brainload/model/chronic_state.hpp"
#include "brainload/observables.hpp"
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

struct EventRecord {
  double t_min = 0.0;
  EventType type = EventType::cognitive_test;
  // cognitive_test: cognitive_performance_z; learn: encoding z (inverted U of mean arousal while
  // learning); recall: recall_z of the most recent learn (NaN if none).
  double value = 0.0;
  std::string note;
};

struct TraceOptions {
  double every_min = 1.0;
  double from_day = 0.0;
  std::optional<double> to_day;  // default: end of scenario
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
  std::vector<EventRecord> events;
  SolveStats stats;
};

// The reference individual (typical_subject of the population, no randomness, every session).
[[nodiscard]] Trace trace_reference(const Scenario& scenario, const Arm& arm,
                                    const TraceOptions& options, const ModelParams& params = {},
                                    const SolverConfig& config = {});

[[nodiscard]] const char* event_type_name(EventType type);

}  // namespace brainload
