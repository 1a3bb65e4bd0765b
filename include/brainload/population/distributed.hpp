// One virtual trial split across the processes of an MPI job (MPI builds only:
// -DBRAINLOAD_MPI=ON; the default build neither compiles nor includes this).
//
// Rank r of R simulates the contiguous agents [r·N/R, (r+1)·N/R) with TBB inside the rank.
// Agent ids, arms (id mod arms) and random streams are those of the single-process run, so
// every agent is simulated exactly as there, and the trial statistics (exact fixed-point
// sums, see summary.hpp) merge into the same bits: the results do not depend on R.
//
// The ranks advance in lock-step rounds so that they can write one HDF5 file with
// collective calls: round k hands each rank its k-th block of agents, or an empty block once
// its share is done, and every rank sees the same number of rounds. Before each round the
// ranks agree (one small all-reduce) whether any of them was interrupted or failed; if so they
// all stop at that same round, so none is left waiting in a collective call.
//
// Only the thread that created the MpiJob calls MPI (MPI_THREAD_FUNNELED): the sink thread
// of run_population_streaming. This header includes no MPI header.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "brainload/population/runner.hpp"
#include "brainload/population/summary.hpp"

namespace brainload {

// The processes of the job (MPI_COMM_WORLD). Initialises MPI with MPI_THREAD_FUNNELED unless
// it is initialised already, and finalises it on destruction if it initialised it. A program
// started without mpirun is a job of one rank.
class MpiJob {
 public:
  MpiJob();
  MpiJob(const MpiJob&) = delete;
  MpiJob& operator=(const MpiJob&) = delete;
  ~MpiJob();

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool root() const { return rank_ == 0; }
  // Ranks sharing this rank's node (memory); they share its cores.
  [[nodiscard]] int ranks_on_node() const { return ranks_on_node_; }

 private:
  int rank_ = 0;
  int size_ = 1;
  int ranks_on_node_ = 1;
  bool finalize_ = false;
};

struct AgentRange {
  std::int64_t first = 0;
  std::int64_t count = 0;
};

// Rank `rank` of `ranks`: agents [rank·total/ranks, (rank+1)·total/ranks), integer arithmetic.
[[nodiscard]] AgentRange rank_agents(std::int64_t total, int rank, int ranks);

// Worker threads for one rank: min(requested, or all cores if 0; the cores this process may
// run on; the node's cores / ranks_on_node, rounded down), at least 1. So ranks × threads
// never exceed the node's cores, and a rank that mpirun bound to one core runs one thread.
[[nodiscard]] int threads_per_rank(int requested, int ranks_on_node);

// Raised on the ranks that stopped only because another rank failed (its error is reported
// by agree_on_failure).
struct StoppedByOtherRank : std::runtime_error {
  StoppedByOtherRank() : std::runtime_error("stopped because another rank failed") {}
};

// Consumer of one round on the calling thread: this rank's agents [first, first +
// block.size()) (empty once its share is done) and the agents all ranks have finished so far
// including this round. Collective writes belong here; every rank calls it equally often. An
// exception thrown here cannot be agreed on (the other ranks are inside the round), so it
// aborts the job (MPI_Abort) after printing its message.
// `checkpoint`: the ranks agreed (rank 0's clock, see DistributedWork) to commit a checkpoint
// after this round; the same on every rank.
using RoundSink = std::function<void(std::int64_t first, std::vector<AgentResult>& block,
                                     std::int64_t agents_done, bool checkpoint)>;

// What is left to simulate, and when to checkpoint.
struct DistributedWork {
  // The agents to simulate, in ascending disjoint ranges; empty: the whole population. Each rank
  // takes an equal share of their concatenation (a resumed run's remaining agents).
  std::vector<AgentRange> remaining;
  // Asked on rank 0 before each round: whether the round should end with a checkpoint.
  std::function<bool()> checkpoint_due;
};

// Rank `rank`'s share of `remaining` (see DistributedWork), as ranges.
[[nodiscard]] std::vector<AgentRange> rank_share(const std::vector<AgentRange>& remaining, int rank,
                                                 int ranks);

// This rank's share of the population in lock-step rounds (see the top of this file). The
// share and threads come from rank_share (rank_agents for a whole population) and
// threads_per_rank (options.first_agent, agent_count and threads are replaced). options.cancel is
// this rank's interrupt flag. Throws, on every rank at the same round: Cancelled if any rank was
// interrupted, this rank's own error if it failed, StoppedByOtherRank otherwise.
void run_population_distributed(const MpiJob& job, const Scenario& scenario,
                                const RunOptions& options, const RoundSink& sink,
                                const ModelParams& params = {}, const SolverConfig& config = {},
                                const DistributedWork& work = {});

// Collective: every rank's value, on rank 0 (empty elsewhere).
[[nodiscard]] std::vector<std::uint64_t> gather_to_root(const MpiJob& job, std::uint64_t value);

// Collective: whether any rank passes true.
[[nodiscard]] bool any_rank(const MpiJob& job, bool local);

// Collective: how many ranks pass true.
[[nodiscard]] int count_ranks(const MpiJob& job, bool local);

// Collective: `root`'s text on every rank.
[[nodiscard]] std::string broadcast_text(const MpiJob& job, const std::string& text, int root);

// Collective: the accumulators of all ranks merged into rank 0's (a binomial tree of
// serialize()/merge_serialized(); merging is exact, so the order does not matter). The other
// ranks' accumulators are left partly merged.
void reduce_to_root(const MpiJob& job, TrialAccumulator& accumulator);

// What failed, agreed by all ranks.
struct RankFailure {
  int rank = 0;
  int exit_code = 0;
  std::string message;
};

// Collective: every rank passes its exit code (0: ok; -1: it only stopped because another
// rank failed) and message. Returns nothing if every rank passed 0; otherwise, on every rank,
// the failure of the lowest rank with a code above 0 (70 if none has one).
[[nodiscard]] std::optional<RankFailure> agree_on_failure(const MpiJob& job, int exit_code,
                                                          const std::string& message);

// Last resort when ranks can no longer agree (one failed inside a collective call): prints
// the message on standard error and ends every rank of the job with `exit_code`.
[[noreturn]] void abort_job(int exit_code, const std::string& message);

}  // namespace brainload
