#include "brainload/population/runner.hpp"

#include <oneapi/tbb/concurrent_queue.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <optional>
#include <thread>

namespace brainload {

namespace {

struct AgentBlock {
  std::int64_t first = 0;
  std::vector<AgentResult> agents;
  bool end = false;  // no more blocks (or the producer failed)
};

// Agents [first, last) simulated as one parallel task; `closes` when `last` ends its block.
struct AgentTask {
  std::int64_t first = 0;
  std::int64_t last = 0;
  bool closes = false;
  std::vector<AgentResult> agents;
};

// Agents [begin, end) of the whole run, in blocks [block_begin, block_end) of `block_agents`
// counted from agent 0 (the first and last may be cut by the part's ends).
struct AgentSpan {
  std::int64_t begin = 0;
  std::int64_t end = 0;
  std::int64_t block_begin = 0;
  std::int64_t block_end = 0;
};

AgentSpan agent_span(const RunOptions& options, std::int64_t total) {
  const std::int64_t block = std::max<std::int64_t>(1, options.block_agents);
  AgentSpan s;
  s.begin = std::clamp<std::int64_t>(options.first_agent, 0, total);
  s.end = options.agent_count < 0 ? total : std::min(total, s.begin + options.agent_count);
  if (s.end <= s.begin) {
    s.end = s.begin;
    return s;  // no blocks
  }
  s.block_begin = s.begin / block;
  s.block_end = (s.end + block - 1) / block;
  return s;
}

}  // namespace

std::int64_t block_count(const RunOptions& options, std::int64_t total) {
  const AgentSpan s = agent_span(options, total);
  return s.block_end - s.block_begin;
}

RunPlan make_run_plan(const Scenario& scenario, const RunOptions& options) {
  RunPlan plan;
  for (int d = 0; d <= scenario.days; d += std::max(1, options.sample_every_days)) {
    plan.sample_days.push_back(d);
  }
  if (plan.sample_days.back() != scenario.days) plan.sample_days.push_back(scenario.days);
  return plan;
}

std::int64_t total_agents(const Scenario& scenario, const RunOptions& options) {
  return options.agents > 0 ? options.agents : scenario.population.agents;
}

void run_population_streaming(const Scenario& scenario, const RunOptions& options,
                              const AgentSink& sink, const ModelParams& params,
                              const SolverConfig& config) {
  const RunPlan plan = make_run_plan(scenario, options);
  const std::int64_t n = total_agents(scenario, options);
  const std::int64_t block = std::max<std::int64_t>(1, options.block_agents);
  const std::int64_t task = std::clamp<std::int64_t>(options.task_agents, 1, block);
  const AgentSpan part = agent_span(options, n);
  const auto arms = static_cast<std::int64_t>(scenario.arms.size());
  const RestCycle rest = compute_rest_cycle(params, config, scenario.sleep_to_min);
  // More threads than cores gain nothing and make TBB warn; cap at the core count.
  const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  const int threads = options.threads > 0 ? std::min(options.threads, cores) : cores;
  // Tasks in flight: enough that a slow task (a long-lived agent) does not idle the others
  // while the in-order gathering waits for it; blocks waiting for the consumer: a few.
  const auto tasks_in_flight = 4 * static_cast<std::size_t>(threads) + 2;
  const auto blocks_queued = 2 * static_cast<std::ptrdiff_t>(threads) + 1;

  std::atomic<bool> stop{false};
  const auto cancelled = [&] {
    return stop.load() || (options.cancel != nullptr && options.cancel->load());
  };
  oneapi::tbb::concurrent_bounded_queue<AgentBlock> queue;
  queue.set_capacity(blocks_queued);
  std::exception_ptr producer_error;

  std::thread producer([&] {
    try {
      oneapi::tbb::task_arena arena(threads);
      arena.execute([&] {
        std::int64_t next = part.begin;  // first agent of the next task
        AgentBlock gathering;            // the block the finished tasks are filling, in order
        oneapi::tbb::parallel_pipeline(
            tasks_in_flight,
            oneapi::tbb::make_filter<void, AgentTask>(
                oneapi::tbb::filter_mode::serial_in_order,
                [&](oneapi::tbb::flow_control& fc) -> AgentTask {
                  if (next >= part.end || cancelled()) {
                    fc.stop();
                    return {};
                  }
                  // Tasks never straddle a block: blocks start at multiples of `block`.
                  const std::int64_t block_last = std::min(part.end, (next / block + 1) * block);
                  AgentTask t;
                  t.first = next;
                  t.last = std::min(block_last, next + task);
                  t.closes = t.last == block_last;
                  next = t.last;
                  return t;
                }) &
                oneapi::tbb::make_filter<AgentTask, AgentTask>(
                    oneapi::tbb::filter_mode::parallel,
                    [&](AgentTask t) {
                      t.agents.reserve(static_cast<std::size_t>(t.last - t.first));
                      for (std::int64_t id = t.first; id < t.last && !cancelled(); ++id) {
                        const int arm = static_cast<int>(id % arms);
                        AgentTraits traits = sample_agent(scenario, params, options.seed, id, arm);
                        if (options.perturb) options.perturb(traits);
                        t.agents.push_back(simulate_agent(scenario, traits, params, config, rest,
                                                          options.seed, plan));
                      }
                      return t;
                    }) &
                oneapi::tbb::make_filter<AgentTask, void>(
                    oneapi::tbb::filter_mode::serial_in_order, [&](AgentTask t) {
                      if (gathering.agents.empty()) gathering.first = t.first;
                      for (auto& a : t.agents) gathering.agents.push_back(std::move(a));
                      if (!t.closes) return;
                      if (!cancelled()) queue.push(std::move(gathering));
                      gathering = AgentBlock{};
                    }));
      });
    } catch (...) {
      producer_error = std::current_exception();
    }
    queue.push(AgentBlock{0, {}, true});
  });

  std::exception_ptr sink_error;
  for (;;) {
    AgentBlock b;
    queue.pop(b);
    if (b.end) break;
    if (sink_error || cancelled()) continue;  // drain so the producer can finish
    try {
      sink(b.first, b.agents);
    } catch (...) {
      sink_error = std::current_exception();
      stop = true;
    }
  }
  producer.join();
  if (sink_error) std::rethrow_exception(sink_error);
  if (producer_error) std::rethrow_exception(producer_error);
  if (options.cancel != nullptr && options.cancel->load()) throw Cancelled();
}

RunResults run_population(const Scenario& scenario, const RunOptions& options,
                          const ModelParams& params, const SolverConfig& config) {
  RunResults results;
  results.seed = options.seed;
  results.total_agents = total_agents(scenario, options);
  results.plan = make_run_plan(scenario, options);
  results.agents.reserve(static_cast<std::size_t>(results.total_agents));
  run_population_streaming(
      scenario, options,
      [&](std::int64_t, std::vector<AgentResult>& block) {
        for (auto& a : block) results.agents.push_back(std::move(a));
      },
      params, config);
  return results;
}

}  // namespace brainload
