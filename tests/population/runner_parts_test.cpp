// Parts of a population (RunOptions::first_agent / agent_count, what each MPI rank runs): every
// agent of a part is simulated exactly as in the whole run, and the parts' statistics merge into
// the whole run's bits, wherever the parts start relative to the blocks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "brainload/population/runner.hpp"
#include "brainload/population/summary.hpp"
#include "runner_test_support.hpp"

namespace brainload {
namespace {

using testing::same_bits;

Scenario short_trial() { return testing::resistance_trial_of(28); }

struct Part {
  std::vector<AgentResult> agents;
  std::vector<std::int64_t> block_firsts;
};

Part run_part(const Scenario& s, RunOptions o, std::int64_t first, std::int64_t count) {
  o.first_agent = first;
  o.agent_count = count;
  Part part;
  run_population_streaming(s, o, [&](std::int64_t block_first, std::vector<AgentResult>& block) {
    part.block_firsts.push_back(block_first);
    for (auto& a : block) part.agents.push_back(std::move(a));
  });
  return part;
}

void expect_same_agent(const AgentResult& a, const AgentResult& b, std::size_t id) {
  EXPECT_EQ(a.traits.arm, b.traits.arm) << "agent " << id;
  EXPECT_EQ(a.traits.subject.age_years, b.traits.subject.age_years) << "agent " << id;
  EXPECT_EQ(a.sessions_done, b.sessions_done) << "agent " << id;
  EXPECT_EQ(a.dropout_day, b.dropout_day) << "agent " << id;
  ASSERT_EQ(a.assessments.size(), b.assessments.size()) << "agent " << id;
  for (std::size_t d = 0; d < a.assessments.size(); ++d) {
    EXPECT_TRUE(same_bits(a.assessments[d], b.assessments[d]))
        << "agent " << id << ", assessment " << d;
  }
  ASSERT_EQ(a.samples.size(), b.samples.size()) << "agent " << id;
  for (std::size_t t = 0; t < a.samples.size(); ++t) {
    EXPECT_TRUE(same_bits(a.samples[t], b.samples[t])) << "agent " << id << ", sample " << t;
  }
}

TEST(RunnerParts, PartsAreSimulatedExactlyAsInTheWholeRun) {
  const Scenario s = short_trial();
  RunOptions o;
  o.agents = 23;
  o.seed = 9;
  o.threads = 2;
  o.block_agents = 5;
  const RunResults whole = run_population(s, o);
  ASSERT_EQ(whole.agents.size(), 23U);

  // Three parts cut inside blocks (7 and 16 are not multiples of 5), as 23 agents on 3 ranks.
  const std::vector<std::pair<std::int64_t, std::int64_t>> parts{{0, 7}, {7, 8}, {15, 8}};
  std::vector<AgentResult> joined;
  TrialAccumulator merged(s, whole.plan);
  for (const auto& [first, count] : parts) {
    Part p = run_part(s, o, first, count);
    ASSERT_EQ(static_cast<std::int64_t>(p.agents.size()), count);
    TrialAccumulator part_stats(s, whole.plan);
    for (const AgentResult& a : p.agents) part_stats.add(a);
    merged.merge_serialized(part_stats.serialize());
    for (auto& a : p.agents) joined.push_back(std::move(a));
  }
  ASSERT_EQ(joined.size(), whole.agents.size());
  for (std::size_t i = 0; i < joined.size(); ++i) expect_same_agent(joined[i], whole.agents[i], i);

  TrialAccumulator all(s, whole.plan);
  for (const AgentResult& a : whole.agents) all.add(a);
  EXPECT_EQ(merged.serialize(), all.serialize());
  EXPECT_EQ(merged.quantiles(), all.quantiles());
}

TEST(RunnerParts, BlocksStartAtMultiplesOfTheBlockSizeCountedFromAgentZero) {
  const Scenario s = short_trial();
  RunOptions o;
  o.agents = 23;
  o.threads = 1;
  o.block_agents = 5;
  const Part p = run_part(s, o, 7, 8);  // agents 7..14
  EXPECT_EQ(p.block_firsts, (std::vector<std::int64_t>{7, 10}));
  o.first_agent = 7;
  o.agent_count = 8;
  EXPECT_EQ(block_count(o, 23), 2);
  o.first_agent = 0;
  o.agent_count = -1;  // the whole run: blocks 0, 5, 10, 15, 20
  EXPECT_EQ(block_count(o, 23), 5);
}

// Tasks (the unit of parallel work) are gathered into the same blocks (sink calls) whatever
// their size, and the agents do not depend on it.
TEST(RunnerParts, TaskSizeChangesNeitherBlocksNorAgents) {
  const Scenario s = short_trial();
  RunOptions o;
  o.agents = 23;
  o.seed = 4;
  o.threads = 2;
  o.block_agents = 5;
  o.task_agents = 5;
  const Part reference = run_part(s, o, 3, 19);  // agents 3..21
  EXPECT_EQ(reference.block_firsts, (std::vector<std::int64_t>{3, 5, 10, 15, 20}));
  for (const std::int64_t task : {1, 2, 3, 64}) {
    o.task_agents = task;
    const Part p = run_part(s, o, 3, 19);
    EXPECT_EQ(p.block_firsts, reference.block_firsts) << "task_agents " << task;
    ASSERT_EQ(p.agents.size(), reference.agents.size()) << "task_agents " << task;
    for (std::size_t i = 0; i < p.agents.size(); ++i) {
      expect_same_agent(p.agents[i], reference.agents[i], i + 3);
    }
  }
}

TEST(RunnerParts, AnEmptyPartCallsNoSink) {
  const Scenario s = short_trial();
  RunOptions o;
  o.agents = 4;
  o.threads = 1;
  const Part p = run_part(s, o, 4, 0);
  EXPECT_TRUE(p.agents.empty());
  EXPECT_TRUE(p.block_firsts.empty());
  o.first_agent = 4;
  o.agent_count = 0;
  EXPECT_EQ(block_count(o, 4), 0);
}

}  // namespace
}  // namespace brainload
