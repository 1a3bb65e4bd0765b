#include "brainload/population/runner.hpp"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <thread>

namespace brainload {

RunResults run_population(const Scenario& scenario, const RunOptions& options,
                          const ModelConfig& model, const ChronicParams& chronic,
                          const PopulationParams& population) {
  RunResults results;
  results.seed = options.seed;
  results.total_agents = options.agents > 0 ? options.agents : scenario.population.agents;
  for (int d = 0; d <= scenario.days; d += std::max(1, options.sample_every_days)) {
    results.plan.sample_days.push_back(d);
  }
  if (results.plan.sample_days.back() != scenario.days) results.plan.sample_days.push_back(scenario.days);
  results.agents.resize(static_cast<std::size_t>(results.total_agents));

  const RestCycle rest = compute_rest_cycle(model);
  const auto arms = static_cast<std::int64_t>(scenario.arms.size());
  std::atomic<std::int64_t> done{0};
  std::atomic<bool> stop{false};
  const int threads = options.threads > 0 ? options.threads
                                          : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  oneapi::tbb::task_arena arena(threads);
  std::thread::id caller = std::this_thread::get_id();
  arena.execute([&] {
    oneapi::tbb::parallel_for(
        oneapi::tbb::blocked_range<std::int64_t>(0, results.total_agents, 1),
        [&](const oneapi::tbb::blocked_range<std::int64_t>& range) {
          for (std::int64_t id = range.begin(); id != range.end(); ++id) {
            if (stop.load(std::memory_order_relaxed)) return;
            if (options.cancel != nullptr && options.cancel->load()) {
              stop = true;
              return;
            }
            const int arm = static_cast<int>(id % arms);
            const AgentTraits traits = sample_agent(scenario, population, options.seed, id, arm);
            results.agents[static_cast<std::size_t>(id)] =
                simulate_agent(scenario, traits, population, model, chronic, rest, options.seed,
                               results.plan);
            const std::int64_t n = ++done;
            if (options.progress && std::this_thread::get_id() == caller) {
              options.progress(n, results.total_agents);
            }
          }
        });
  });
  if (stop.load()) throw Cancelled();
  if (options.progress) options.progress(results.total_agents, results.total_agents);
  return results;
}

}  // namespace brainload
