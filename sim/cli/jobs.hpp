// What `describe --json`, `trace` and `run` compute, callable without a command line. The
// commands (describe.cpp, check_trace.cpp, run.cpp) parse their options into these and print or
// write what comes back; the Python module (sim/python/module.cpp) calls the same functions, so
// `brainload.run(...).summary` is the CLI's summary JSON by construction, not by a copy.
// Errors are the library's (brainload/error.hpp, io/life_state.hpp, population/runner.hpp)
// and UsageError for a request that names something that does not exist.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "brainload/population/summary.hpp"
#include "brainload/schedule/scenario.hpp"
#include "brainload/simulation.hpp"

namespace brainload::cli {

// Every observable (with unit, meaning and credibility grade), protocol, exercise, impact kind
// and parameter: the content of `brainload describe --json`.
[[nodiscard]] nlohmann::json describe_json();

// `brainload trace` of a validated scenario.
struct TraceJob {
  std::string arm;  // empty: the first arm
  double every_min = 1.0;
  double from_day = 0.0;
  std::optional<double> to_day;   // default: the scenario's last day
  std::vector<std::string> sets;  // NAME=VALUE, as --set
  std::string save_state;         // --save-state FILE (empty: none)
  std::string load_state;         // --load-state FILE (empty: none)
};

struct TraceResult {
  Trace trace;
  const Arm* arm = nullptr;                  // into the scenario passed in
  std::map<std::string, double> overridden;  // parameters set away from their defaults
};

// UsageError for an unknown arm, a bad --set, a bad every/from/to; std::runtime_error when the
// reference individual cannot be simulated. Writes the state file of save_state.
[[nodiscard]] TraceResult trace_job(const Scenario& scenario, const TraceJob& job);

#ifndef BRAINLOAD_MPI
// `brainload run` of a validated scenario in this process (the MPI build's run is run.cpp's own).
struct RunJob {
  std::filesystem::path out;  // the HDF5 file; its directory must exist
  std::optional<std::int64_t> agents;
  std::uint64_t seed = 1;
  int threads = 0;
  bool trajectories = false;
  std::vector<std::string> sets;  // NAME=VALUE, as --set
  std::string command;            // recorded in the HDF5 file's `command` attribute
  std::string summary_json;       // empty: none; "-": standard output; else a file
  std::string checkpoint;         // --checkpoint FILE
  std::string resume;             // --resume FILE
  double checkpoint_every_min = 5.0;
  bool quiet = false;                   // no "resuming from" line
  std::atomic<bool>* cancel = nullptr;  // set to stop: Cancelled, nothing written
  // Called after each block of agents with (done, total), on the thread that writes the file.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

struct RunResult {
  Scenario scenario;  // as run (agents from RunJob::agents)
  TrialSummary summary;
  nlohmann::json summary_json;  // what --summary-json writes
};

// Both outputs appear complete or not at all (atomic_file.hpp). The caller decides whether an
// existing `out` may be replaced.
[[nodiscard]] RunResult run_job(Scenario scenario, const RunJob& job);
#endif

}  // namespace brainload::cli
