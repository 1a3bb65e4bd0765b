// The checkpoint of `brainload run --checkpoint FILE`: an append-only log of the run's finished
// agent blocks, so that `run --resume FILE` after a kill finishes with the same files as a run
// that never stopped.
//
// Layout: the 8-byte magic "BLCKPT01", then records, each
//   u32 kind · u64 payload length · payload · u64 FNV-1a of the payload
// (native byte order: a checkpoint is read on the machine kind that wrote it). Kinds:
//   header (once, first): JSON of what the run is (model version, scenario name and text hash,
//     seed, agents, trajectories, block size, parameters set away from their defaults, command);
//   block: agents [first, first + count) as the arrays RunFileWriter::write_agents takes;
//   commit: the number of agents finished and the TrialAccumulator's words after them.
// Only what precedes the last intact commit counts: a record torn by a kill, or blocks appended
// after the last commit, are dropped on reading and overwritten on resuming. A commit is written
// with fsync, so what it covers survives a power cut as well as a kill.
//
// MPI runs (the MPI build) keep their blocks in one log per rank, the *parts* FILE.p<k> (magic, a
// part header naming the run's header fingerprint, then block records), written in parallel;
// rank 0's FILE holds the header and, before each commit, a parts record (kind 4: JSON naming
// each part file and how many of its bytes the commit covers). A commit is made by all ranks
// together: each makes its part durable, then rank 0 writes the parts record and the commit with
// the merged accumulator. A serial checkpoint is read as one part, FILE itself, so the MPI build
// resumes either kind at any number of ranks; the serial build resumes only its own kind.
//
// Why not HDF5's own file: a run's HDF5 file is compressed and chunked, and a process killed
// between two flushes can leave its metadata inconsistent; an append-only log with checksums
// cannot be left half-valid. (HDF5's SWMR mode would need the 1.10 file format and readers that
// know it.)
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace brainload {

// What a checkpoint belongs to. A resume must match every field but `command`.
struct CheckpointHeader {
  std::string model_version;
  std::string scenario;
  std::uint64_t scenario_hash = 0;  // text_fingerprint of the scenario file's text
  std::uint64_t seed = 0;
  std::int64_t agents = 0;
  bool trajectories = false;
  std::int64_t block_agents = 0;
  std::map<std::string, double> parameters;  // overridden, full name → value
  std::uint64_t accumulator_words = 0;       // TrialAccumulator::serialize().size() of the run
  std::string command;                       // the original command, recorded in the HDF5 file
};

// One block of finished agents: the data arrays of agent_block() in its order (agent, outcome,
// event and trajectory variables as `reals`; integer agent variables as `ints`).
struct CheckpointBlock {
  std::int64_t first = 0;
  std::int64_t count = 0;
  std::vector<std::vector<double>> reals;
  std::vector<std::vector<std::int64_t>> ints;
};

// The committed part of a checkpoint.
struct CheckpointProgress {
  CheckpointHeader header;
  std::int64_t agents_done = 0;
  std::vector<std::uint64_t> accumulator;  // TrialAccumulator::serialize() after agents_done
  std::uintmax_t committed_bytes = 0;      // the log's valid length
};

// One part of an MPI checkpoint: a file in the checkpoint's directory ("" for the checkpoint
// file itself) and how many of its bytes the last commit covers.
struct CheckpointPart {
  std::string file;
  std::uintmax_t bytes = 0;
};

// Where a committed block is: its part (an index into CheckpointIndex::parts), the byte offset
// of its record there, and its agents.
struct CheckpointBlockRef {
  std::size_t part = 0;
  std::uintmax_t offset = 0;
  std::int64_t first = 0;
  std::int64_t count = 0;
};

// The committed part of a checkpoint of either kind, with its blocks located but not read.
struct CheckpointIndex {
  CheckpointHeader header;
  std::int64_t agents_done = 0;
  std::vector<std::uint64_t> accumulator;
  std::uintmax_t committed_bytes = 0;  // the main log's valid length
  std::vector<CheckpointPart> parts;
  std::vector<CheckpointBlockRef> blocks;  // by first agent; disjoint, within [0, agents)
};

// Reads the main log at `path` and scans its parts (errors as read_checkpoint; a part that is
// missing or shorter than its commit says is InputDataError). Blocks are checked only by their
// record's framing here; read_checkpoint_block verifies the checksum.
[[nodiscard]] CheckpointIndex read_checkpoint_index(const std::filesystem::path& path,
                                                    const CheckpointHeader& expected);

// The file of part `part` of the checkpoint at `path`.
[[nodiscard]] std::filesystem::path checkpoint_part_path(const std::filesystem::path& path,
                                                         const CheckpointPart& part);

// The block whose record starts at `offset` of `file` (InputDataError when it is damaged).
[[nodiscard]] CheckpointBlock read_checkpoint_block(const std::filesystem::path& file,
                                                    std::uintmax_t offset);

// The header alone, unchecked (a resumed run records the original command in its HDF5 file):
// MissingInputError / InputDataError as below.
[[nodiscard]] CheckpointHeader read_checkpoint_header(const std::filesystem::path& path);

// Reads the checkpoint at `path`: MissingInputError (66) when it cannot be read; InputDataError
// (65) when it is not a checkpoint, has no commit, or differs from `expected` (the message says
// what differs). Calls `on_block` for every committed block, in order, before returning.
[[nodiscard]] CheckpointProgress read_checkpoint(
    const std::filesystem::path& path, const CheckpointHeader& expected,
    const std::function<void(const CheckpointBlock&)>& on_block);

// The writing end. Write failures throw OutputIoError naming the file and the cause; a log that
// cannot be created throws OutputError.
class CheckpointLog {
 public:
  // A new log at `path` (replacing any file there) holding only the header.
  CheckpointLog(const std::filesystem::path& path, const CheckpointHeader& header);
  // An existing log continued after read_checkpoint: cut to `committed_bytes`, then appended to.
  CheckpointLog(const std::filesystem::path& path, std::uintmax_t committed_bytes);
  CheckpointLog(const CheckpointLog&) = delete;
  CheckpointLog& operator=(const CheckpointLog&) = delete;
  ~CheckpointLog();

  void append_block(const CheckpointBlock& block);
  // Everything appended so far is made durable (write + fsync) and counts from now on.
  void commit(std::int64_t agents_done, const std::vector<std::uint64_t>& accumulator);
  // Closes and deletes the log (the run finished: it is no longer needed).
  void remove();

  // MPI runs. A new part log at `path` for the run whose main log has header `header`.
  static CheckpointLog part(const std::filesystem::path& path, const CheckpointHeader& header,
                            std::size_t index);
  // Everything appended is made durable; returns the log's length, which a commit may cover.
  std::uintmax_t sync();
  // Main log: a commit covering `parts` (each part's durable length, from sync()).
  void commit(std::int64_t agents_done, const std::vector<std::uint64_t>& accumulator,
              const std::vector<CheckpointPart>& parts);

  CheckpointLog(CheckpointLog&& other) noexcept;
  CheckpointLog& operator=(CheckpointLog&&) = delete;

 private:
  CheckpointLog() = default;
  void write_record(std::uint32_t kind, const std::string& payload);
  void flush();
  std::filesystem::path path_;
  int fd_ = -1;
  std::string buffer_;          // records not yet written to the file
  std::uintmax_t written_ = 0;  // bytes in the file
};

}  // namespace brainload
