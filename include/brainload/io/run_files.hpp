// The files of `brainload run`: the summary JSON (PRODUCT.md "--summary-json") and the HDF5
// layout (agent covariates, parameters and outcomes; per-arm quantile series).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "brainload/io/hdf5_output.hpp"
#include "brainload/population/summary.hpp"

namespace brainload {

[[nodiscard]] nlohmann::json summary_json(const Scenario& scenario, const RunResults& results,
                                          const TrialSummary& summary);

[[nodiscard]] RunOutput run_output(const Scenario& scenario, const RunResults& results,
                                   const std::string& command, bool trajectories);

}  // namespace brainload
