// The virtual trial: every agent of every arm simulated in parallel with TBB.
//
// Agents go through a TBB pipeline in small tasks of consecutive ids, simulated in parallel and
// gathered in id order into blocks, which are handed to one consumer running on the calling
// thread (which may write HDF5: one thread makes every such call). Tasks are small so that even
// a population of a few dozen agents keeps every thread busy to the end; blocks are larger so
// that the consumer's writes stay few. At most a few tasks and blocks are in flight, so memory
// is bounded by the thread count, not by the number of agents. Each agent's random streams
// derive from (seed, agent id) alone, so the numbers are identical bit for bit at any thread
// count.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <vector>

#include "brainload/population/agent.hpp"

namespace brainload {

struct RunOptions {
  std::int64_t agents = 0;  // 0: the scenario's population.agents
  std::uint64_t seed = 1;
  int threads = 0;  // 0: all cores
  int sample_every_days = 7;
  std::int64_t block_agents = 32;  // agents per consumer (sink) call: the HDF5 write batch
  std::int64_t task_agents = 4;    // agents per parallel task (the unit of load balance)
  // The part of the population this call simulates: agents [first_agent, first_agent +
  // agent_count) of the whole run (agent_count < 0: to the last agent). Ids, arms and random
  // streams stay those of the whole run, and blocks start at multiples of block_agents counted
  // from agent 0, so a part is simulated exactly as inside the whole (MPI ranks each take one).
  std::int64_t first_agent = 0;
  std::int64_t agent_count = -1;
  const std::atomic<bool>* cancel = nullptr;  // set by a signal handler; the run throws Cancelled
  // Fault injection for tests: called on every sampled agent before it runs.
  std::function<void(AgentTraits&)> perturb;
};

struct Cancelled : std::exception {
  [[nodiscard]] const char* what() const noexcept override { return "run cancelled"; }
};

// The plan every agent follows (same for all), known before the first agent runs.
[[nodiscard]] RunPlan make_run_plan(const Scenario& scenario, const RunOptions& options);
[[nodiscard]] std::int64_t total_agents(const Scenario& scenario, const RunOptions& options);
// The blocks (sink calls) run_population_streaming makes for options' part of `total` agents.
[[nodiscard]] std::int64_t block_count(const RunOptions& options, std::int64_t total);

// Consumer of results: agents [first, first + block.size()) in increasing order (within
// options' part of the population), on the calling thread. An exception thrown here stops the run
// and propagates.
using AgentSink = std::function<void(std::int64_t first, std::vector<AgentResult>& block)>;

// Agents are allocated to arms in rotation: agent id → arm id % arms.
void run_population_streaming(const Scenario& scenario, const RunOptions& options,
                              const AgentSink& sink, const ModelParams& params = {},
                              const SolverConfig& config = {});

// Everything in memory (tests, validation, small runs).
struct RunResults {
  std::vector<AgentResult> agents;  // by agent id
  RunPlan plan;
  std::int64_t total_agents = 0;
  std::uint64_t seed = 0;
};

[[nodiscard]] RunResults run_population(const Scenario& scenario, const RunOptions& options,
                                        const ModelParams& params = {},
                                        const SolverConfig& config = {});

}  // namespace brainload
