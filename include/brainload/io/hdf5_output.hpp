// The HDF5 file of `brainload run`: netCDF-4/CF-style, readable by
// xarray.open_dataset(path, engine="h5netcdf") with named dimensions.
//
// Dimensions: agent, arm, assess_day, time (days), quantile, and event when the scenario has
// events. Every variable carries `units` and
// `long_name`; the file carries the scenario text, model version, seed and command as attributes.
// Only this file's implementation touches HDF5, and only one thread calls it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace brainload {

struct OutputVariable {
  std::string name;
  std::string units;  // CF units string ("1" for dimensionless)
  std::string long_name;
  std::vector<double> data;  // row-major over the variable's dimensions
};

struct OutputIntVariable {
  std::string name;
  std::string units;
  std::string long_name;
  std::vector<std::int64_t> data;
};

struct RunOutput {
  // Global attributes.
  std::string scenario_name;
  std::string scenario_text;
  std::string model_version;
  std::string command;
  std::uint64_t seed = 0;
  // Model parameters set away from their defaults ([parameters], --set): full name → value,
  // written as the attribute `parameters_overridden`, a JSON object ("{}" when none).
  std::map<std::string, double> parameters_overridden;
  // Coordinates.
  std::vector<std::string> arm_names;    // dimension `arm`
  std::vector<double> assess_days;       // dimension `assess_day` (days since start)
  std::vector<double> time_days;         // dimension `time` (days since start)
  std::vector<double> quantiles;         // dimension `quantile` (0–1)
  std::int64_t agents = 0;               // dimension `agent` (coordinate 0..agents-1)
  std::vector<std::string> event_names;  // dimension `event` (absent when empty)
  std::vector<std::string> event_units;  // `event_unit` (event): the unit of each event's values
  // Data.
  std::vector<OutputVariable> agent_vars;         // (agent)
  std::vector<OutputIntVariable> agent_int_vars;  // (agent), e.g. arm index, sessions done
  std::vector<OutputVariable> outcome_vars;       // (agent, assess_day)
  std::vector<OutputVariable> event_vars;         // (agent, event): measured event values
  std::vector<OutputVariable> quantile_vars;      // (arm, time, quantile)
  std::vector<OutputVariable> trajectory_vars;    // (agent, time), chunked and compressed; optional
};

// Writes the whole file at `path` (the caller writes to a temporary path and renames).
// Throws OutputError on any HDF5 failure.
void write_run_hdf5(const std::filesystem::path& path, const RunOutput& output);

// Streaming form for runs too large to hold: the layout (every variable's name, units and
// long_name, with empty data) is fixed when the file is created; per-agent variables arrive in
// blocks of consecutive agents; quantile variables are written at the end. Memory is bounded by
// the block, not by the number of agents. One thread makes every call.
class RunFileWriter {
 public:
  // Creates the file with every dimension and dataset; `layout`'s data vectors are ignored
  // except those of quantile_vars, which must stay empty here.
  RunFileWriter(const std::filesystem::path& path, const RunOutput& layout);
#ifdef BRAINLOAD_MPI
  // MPI builds: the same file written by every rank of MPI_COMM_WORLD together (MPI-IO,
  // collective transfers), with the same layout as above. Every rank makes every call, with
  // the same path and layout; write_agents takes each rank's own rows (count 0: none, yet it
  // must still be called); finish takes rank 0's quantile variables (the others pass an empty
  // vector). A failure inside these collective calls cannot be agreed on, so it ends the job
  // (MPI_Abort). Destroyed without finish(), every rank closes the file and rank 0 removes it.
  struct Collective {};
  RunFileWriter(const std::filesystem::path& path, const RunOutput& layout, Collective);
#endif
  RunFileWriter(const RunFileWriter&) = delete;
  RunFileWriter& operator=(const RunFileWriter&) = delete;
  // Closes and removes the file unless finish() succeeded.
  ~RunFileWriter();

  // Agents [first, first + count): `block` has the layout's agent, int, outcome and trajectory
  // variables in the same order, each holding count × (assess days or times) values.
  void write_agents(std::int64_t first, std::int64_t count, const RunOutput& block);
  // Writes the quantile variables (data in the layout's order and shape) and the global
  // attribute `summary` (the run's summary JSON, when not empty; in collective mode rank 0's),
  // and closes the file.
  void finish(const std::vector<OutputVariable>& quantile_vars, const std::string& summary = {});

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace brainload
