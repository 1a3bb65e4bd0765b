// The virtual trial: every agent of every arm simulated in parallel with TBB. Each agent's
// random streams derive from (seed, agent id), and results land in a slot indexed by agent,
// so the numbers are identical bit for bit at any thread count.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "brainload/population/agent.hpp"

namespace brainload {

struct RunOptions {
  std::int64_t agents = 0;  // 0: the scenario's population.agents
  std::uint64_t seed = 1;
  int threads = 0;          // 0: all cores
  int sample_every_days = 7;
  const std::atomic<bool>* cancel = nullptr;  // set by a signal handler; the run throws Cancelled
  std::function<void(std::int64_t done, std::int64_t total)> progress;  // called from one thread
};

struct Cancelled : std::exception {
  [[nodiscard]] const char* what() const noexcept override { return "run cancelled"; }
};

struct RunResults {
  std::vector<AgentResult> agents;  // by agent id; arm = id % arms (randomised allocation)
  RunPlan plan;
  std::int64_t total_agents = 0;
  std::uint64_t seed = 0;
};

[[nodiscard]] RunResults run_population(const Scenario& scenario, const RunOptions& options,
                                        const ModelConfig& model = {},
                                        const ChronicParams& chronic = {},
                                        const PopulationParams& population = {});

}  // namespace brainload
