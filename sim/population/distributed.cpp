// MPI side of a distributed run (see the header). Compiled only with -DBRAINLOAD_MPI=ON.
#include "brainload/population/distributed.hpp"

#include <fmt/format.h>
#include <mpi.h>
#include <sched.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "brainload/error.hpp"

namespace brainload {

namespace {

constexpr int kAccumulatorTag = 7301;
// Largest piece of one message, in 64-bit words (MPI counts are int).
constexpr std::size_t kMaxMessageWords = std::size_t{1} << 27U;

// Waits for a non-blocking collective without spinning: a rank that is ahead of the others
// sleeps, leaving its cores to its TBB workers (a blocking MPI call would poll at 100 %).
void wait_politely(MPI_Request& request) {
  int done = 0;
  MPI_Test(&request, &done, MPI_STATUS_IGNORE);
  while (done == 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    MPI_Test(&request, &done, MPI_STATUS_IGNORE);
  }
}

void allreduce_politely(const void* in, void* out, int count, MPI_Datatype type, MPI_Op op) {
  MPI_Request request = MPI_REQUEST_NULL;
  MPI_Iallreduce(in, out, count, type, op, MPI_COMM_WORLD, &request);
  wait_politely(request);
}

void broadcast_politely(void* data, int count, MPI_Datatype type, int root) {
  MPI_Request request = MPI_REQUEST_NULL;
  MPI_Ibcast(data, count, type, root, MPI_COMM_WORLD, &request);
  wait_politely(request);
}

// The vote before each round, summed over ranks.
struct RoundVote {
  std::int64_t cancelled = 0;
  std::int64_t failed = 0;
  std::int64_t agents_done = 0;
  std::int64_t checkpoint = 0;
};

RoundVote vote(bool cancelled, bool failed, std::int64_t agents_done, bool checkpoint) {
  const std::array<std::int64_t, 4> in{cancelled ? 1 : 0, failed ? 1 : 0, agents_done,
                                       checkpoint ? 1 : 0};
  std::array<std::int64_t, 4> out{};
  allreduce_politely(in.data(), out.data(), 4, MPI_INT64_T, MPI_SUM);
  return {out[0], out[1], out[2], out[3]};
}

// A size, then the words in pieces.
void send_words(const std::vector<std::uint64_t>& words, int to) {
  const std::uint64_t size = words.size();
  MPI_Send(&size, 1, MPI_UINT64_T, to, kAccumulatorTag, MPI_COMM_WORLD);
  for (std::size_t at = 0; at < words.size(); at += kMaxMessageWords) {
    const std::size_t n = std::min(kMaxMessageWords, words.size() - at);
    MPI_Send(words.data() + at, static_cast<int>(n), MPI_UINT64_T, to, kAccumulatorTag,
             MPI_COMM_WORLD);
  }
}

std::vector<std::uint64_t> receive_words(int from) {
  std::uint64_t size = 0;
  MPI_Recv(&size, 1, MPI_UINT64_T, from, kAccumulatorTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  std::vector<std::uint64_t> words(size);
  for (std::size_t at = 0; at < words.size(); at += kMaxMessageWords) {
    const std::size_t n = std::min(kMaxMessageWords, words.size() - at);
    MPI_Recv(words.data() + at, static_cast<int>(n), MPI_UINT64_T, from, kAccumulatorTag,
             MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  }
  return words;
}

int exit_code_for(const std::exception& e) {
  return dynamic_cast<const OutputError*>(&e) != nullptr ? 73 : 70;
}

}  // namespace

MpiJob::MpiJob() {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (initialized == 0) {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    finalize_ = true;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  MPI_Comm node = MPI_COMM_NULL;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node);
  MPI_Comm_size(node, &ranks_on_node_);
  MPI_Comm_free(&node);
}

MpiJob::~MpiJob() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (finalize_ && finalized == 0) MPI_Finalize();
}

AgentRange rank_agents(std::int64_t total, int rank, int ranks) {
  const std::int64_t first = total * rank / ranks;
  const std::int64_t end = total * (rank + 1) / ranks;
  return {first, end - first};
}

int threads_per_rank(int requested, int ranks_on_node) {
  const int node_cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  int allowed = node_cores;  // the cores this process may run on (mpirun may bind it)
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) allowed = std::max(1, CPU_COUNT(&set));
  const int share = std::max(1, node_cores / std::max(1, ranks_on_node));
  const int wanted = requested > 0 ? requested : allowed;
  return std::max(1, std::min({wanted, allowed, share}));
}

std::vector<AgentRange> rank_share(const std::vector<AgentRange>& remaining, int rank, int ranks) {
  std::int64_t total = 0;
  for (const AgentRange& r : remaining) total += r.count;
  // [begin, end) of the concatenation, mapped back onto the ranges.
  const AgentRange mine = rank_agents(total, rank, ranks);
  const std::int64_t begin = mine.first;
  const std::int64_t end = mine.first + mine.count;
  std::vector<AgentRange> share;
  std::int64_t at = 0;  // position of r.first in the concatenation
  for (const AgentRange& r : remaining) {
    const std::int64_t lo = std::max(begin, at);
    const std::int64_t hi = std::min(end, at + r.count);
    if (lo < hi) share.push_back({r.first + (lo - at), hi - lo});
    at += r.count;
  }
  return share;
}

void run_population_distributed(const MpiJob& job, const Scenario& scenario,
                                const RunOptions& options, const RoundSink& sink,
                                const ModelParams& params, const SolverConfig& config,
                                const DistributedWork& work) {
  const std::int64_t total = total_agents(scenario, options);
  const std::vector<AgentRange> remaining =
      work.remaining.empty() ? std::vector<AgentRange>{{0, total}} : work.remaining;
  RunOptions mine = options;
  mine.threads = threads_per_rank(options.threads, job.ranks_on_node());
  // Every rank computes every rank's block count: the rounds need no communication.
  const auto blocks_of = [&](const std::vector<AgentRange>& share) {
    std::int64_t n = 0;
    for (const AgentRange& r : share) {
      RunOptions part = mine;
      part.first_agent = r.first;
      part.agent_count = r.count;
      n += block_count(part, total);
    }
    return n;
  };
  std::int64_t rounds = 0;
  for (int r = 0; r < job.size(); ++r) {
    rounds = std::max(rounds, blocks_of(rank_share(remaining, r, job.size())));
  }
  const std::vector<AgentRange> share = rank_share(remaining, job.rank(), job.size());

  const auto interrupted = [&] { return options.cancel != nullptr && options.cancel->load(); };
  std::int64_t round = 0;
  std::int64_t done = 0;
  bool agreed_stop = false;
  // The vote before a round. Returns the agents all ranks will have done after it and whether
  // to checkpoint after it; when a rank was interrupted or failed every rank stops here: a
  // failed rank returns -1 (it rethrows its own error), the others throw.
  const auto agree = [&](bool failed, std::int64_t block_agents) -> std::pair<std::int64_t, bool> {
    const bool due = job.root() && !failed && work.checkpoint_due && work.checkpoint_due();
    const RoundVote v = vote(interrupted(), failed, done + block_agents, due);
    if (v.cancelled == 0 && v.failed == 0) return {v.agents_done, v.checkpoint > 0};
    agreed_stop = true;
    if (failed) return {-1, false};
    if (v.cancelled > 0) throw Cancelled();
    throw StoppedByOtherRank();
  };
  const auto deliver = [&](std::int64_t first, std::vector<AgentResult>& block) {
    const auto n = static_cast<std::int64_t>(block.size());
    const auto [all_done, checkpoint] = agree(false, n);
    try {
      sink(first, block, all_done, checkpoint);
    } catch (const std::exception& e) {
      abort_job(exit_code_for(e), fmt::format("rank {}: {}", job.rank(), e.what()));
    } catch (...) {
      abort_job(70, fmt::format("rank {}: unknown error while writing", job.rank()));
    }
    ++round;
    done += n;
  };

  std::exception_ptr local_error;
  try {
    for (const AgentRange& r : share) {
      RunOptions part = mine;
      part.first_agent = r.first;
      part.agent_count = r.count;
      run_population_streaming(scenario, part, deliver, params, config);
    }
  } catch (...) {
    if (agreed_stop) throw;  // every rank stopped at the same round
    local_error = std::current_exception();
  }
  if (local_error) {
    // Interrupted or failed between rounds: the next vote tells the others.
    bool cancelled = false;
    try {
      std::rethrow_exception(local_error);
    } catch (const Cancelled&) {
      cancelled = true;
    } catch (...) {
    }
    (void)agree(!cancelled, 0);  // throws Cancelled if cancelled
    std::rethrow_exception(local_error);
  }
  std::vector<AgentResult> none;
  const std::int64_t after = share.empty() ? 0 : share.back().first + share.back().count;
  while (round < rounds) deliver(after, none);
}

std::vector<std::uint64_t> gather_to_root(const MpiJob& job, std::uint64_t value) {
  std::vector<std::uint64_t> all(job.root() ? static_cast<std::size_t>(job.size()) : 0);
  MPI_Request request = MPI_REQUEST_NULL;
  MPI_Igather(&value, 1, MPI_UINT64_T, all.data(), 1, MPI_UINT64_T, 0, MPI_COMM_WORLD, &request);
  wait_politely(request);
  return all;
}

int count_ranks(const MpiJob& /*job*/, bool local) {
  const int in = local ? 1 : 0;
  int out = 0;
  allreduce_politely(&in, &out, 1, MPI_INT, MPI_SUM);
  return out;
}

bool any_rank(const MpiJob& job, bool local) { return count_ranks(job, local) > 0; }

std::string broadcast_text(const MpiJob& job, const std::string& text, int root) {
  std::uint64_t size = text.size();
  broadcast_politely(&size, 1, MPI_UINT64_T, root);
  std::string out = job.rank() == root ? text : std::string(size, '\0');
  if (size > 0) {
    if (size > static_cast<std::uint64_t>(INT_MAX)) abort_job(70, "broadcast_text: text too long");
    broadcast_politely(out.data(), static_cast<int>(size), MPI_CHAR, root);
  }
  return out;
}

void reduce_to_root(const MpiJob& job, TrialAccumulator& accumulator) {
  // Step s: ranks at an odd multiple of s send to rank − s and are done; the ranks at even
  // multiples merge what they receive. Rank 0 ends with everything.
  for (int step = 1; step < job.size(); step *= 2) {
    if (job.rank() % (2 * step) == step) {
      send_words(accumulator.serialize(), job.rank() - step);
      return;
    }
    if (job.rank() % (2 * step) == 0 && job.rank() + step < job.size()) {
      accumulator.merge_serialized(receive_words(job.rank() + step));
    }
  }
}

std::optional<RankFailure> agree_on_failure(const MpiJob& job, int exit_code,
                                            const std::string& message) {
  const std::array<int, 2> in{exit_code > 0 ? job.rank() : job.size(), exit_code != 0 ? 1 : 0};
  std::array<int, 2> lowest{};
  std::array<int, 2> sum{};
  allreduce_politely(in.data(), lowest.data(), 2, MPI_INT, MPI_MIN);
  allreduce_politely(in.data(), sum.data(), 2, MPI_INT, MPI_SUM);
  if (sum[1] == 0) return std::nullopt;
  if (lowest[0] == job.size()) {
    return RankFailure{0, 70, "ranks stopped, but none reported why (a bug)"};
  }
  RankFailure failure;
  failure.rank = lowest[0];
  failure.exit_code = exit_code;
  broadcast_politely(&failure.exit_code, 1, MPI_INT, failure.rank);
  failure.message = broadcast_text(job, message, failure.rank);
  return failure;
}

void abort_job(int exit_code, const std::string& message) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  std::fflush(stderr);
  MPI_Abort(MPI_COMM_WORLD, exit_code);
  std::abort();  // MPI_Abort does not return
}

}  // namespace brainload
