// The files of `brainload run`: the summary JSON (PRODUCT.md "--summary-json") and the HDF5
// layout (agent covariates, sampled parameters and outcomes; per-arm quantile series;
// optional per-agent trajectories), filled block by block as agents finish.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "brainload/io/hdf5_output.hpp"
#include "brainload/population/summary.hpp"

namespace brainload {

[[nodiscard]] nlohmann::json summary_json(const Scenario& scenario, std::uint64_t seed,
                                          std::int64_t agents, const TrialSummary& summary);

// Every variable named, with empty data: what RunFileWriter creates.
[[nodiscard]] RunOutput run_layout(const Scenario& scenario, const RunPlan& plan,
                                   std::int64_t agents, std::uint64_t seed,
                                   const std::string& command, bool trajectories);
// The per-agent variables of a block of consecutive agents, in run_layout's order.
[[nodiscard]] RunOutput agent_block(const Scenario& scenario, const RunPlan& plan,
                                    const std::vector<AgentResult>& agents, bool trajectories);
// The quantile variables from TrialAccumulator::quantiles(), in run_layout's order.
[[nodiscard]] std::vector<OutputVariable> quantile_variables(const Scenario& scenario,
                                                             const RunPlan& plan,
                                                             const std::vector<double>& quantiles);

}  // namespace brainload
