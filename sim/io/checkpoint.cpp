#include "brainload/io/checkpoint.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <system_error>
#include <utility>

#include "brainload/error.hpp"
#include "brainload/io/fingerprint.hpp"
#include "brainload/io/life_state.hpp"  // InputDataError

namespace brainload {

namespace {

constexpr std::string_view kMagic = "BLCKPT01";
constexpr std::uint32_t kHeader = 1;
constexpr std::uint32_t kBlock = 2;
constexpr std::uint32_t kCommit = 3;
constexpr std::uint32_t kParts = 4;  // MPI runs: the parts a following commit covers
// A record larger than this is not one of ours (a torn or foreign file): 64 GiB.
constexpr std::uint64_t kMaxPayload = std::uint64_t{1} << 36;

template <class T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <class T>
void put_array(std::string& out, const std::vector<T>& values) {
  put(out, static_cast<std::uint64_t>(values.size()));
  if (!values.empty()) {
    out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
}

// Reads fixed-size values from a payload; `ok` turns false past its end.
struct Cursor {
  const std::string& data;
  std::size_t at = 0;
  bool ok = true;
  template <class T>
  T get() {
    T value{};
    if (!ok || data.size() - at < sizeof(T)) {
      ok = false;
      return value;
    }
    std::memcpy(&value, data.data() + at, sizeof(T));
    at += sizeof(T);
    return value;
  }
  // `words`: the expected length (the header's); any other is a malformed record.
  std::vector<std::uint64_t> get_sparse(std::uint64_t expected_words) {
    const auto n = get<std::uint64_t>();
    if (n != expected_words) ok = false;
    std::vector<std::uint64_t> words;
    while (ok && words.size() < n) {
      const auto zeros = get<std::uint64_t>();
      const auto literals = get<std::uint64_t>();
      if (!ok || zeros > n - words.size() || literals > n - words.size() - zeros ||
          literals > (data.size() - at) / sizeof(std::uint64_t)) {
        ok = false;
        break;
      }
      words.insert(words.end(), zeros, 0);
      for (std::uint64_t k = 0; k < literals; ++k) words.push_back(get<std::uint64_t>());
    }
    return words;
  }
  template <class T>
  std::vector<T> get_array() {
    const auto n = get<std::uint64_t>();
    if (!ok || n > (data.size() - at) / sizeof(T)) {
      ok = false;
      return {};
    }
    std::vector<T> values(static_cast<std::size_t>(n));
    // An empty vector's data() may be null, and memcpy's arguments must not be, even for 0 bytes
    // (found by fuzz/checkpoint_fuzz.cpp, UBSan).
    if (n > 0) std::memcpy(values.data(), data.data() + at, values.size() * sizeof(T));
    at += values.size() * sizeof(T);
    return values;
  }
};

std::uint64_t checksum(const std::string& payload) { return text_fingerprint(payload); }

// The accumulator's words are mostly zero (histogram bins nobody fell in): stored as runs of
// (zeros, n literals, the n literals), which makes a commit kilobytes instead of megabytes.
void put_sparse(std::string& out, const std::vector<std::uint64_t>& words) {
  put(out, static_cast<std::uint64_t>(words.size()));
  std::size_t i = 0;
  while (i < words.size()) {
    std::uint64_t zeros = 0;
    while (i < words.size() && words[i] == 0) ++zeros, ++i;
    const std::size_t start = i;
    while (i < words.size() && words[i] != 0) ++i;
    put(out, zeros);
    put(out, static_cast<std::uint64_t>(i - start));
    out.append(reinterpret_cast<const char*>(words.data() + start),
               (i - start) * sizeof(std::uint64_t));
  }
}

nlohmann::json header_json(const CheckpointHeader& h) {
  return {{"format", "brainload run checkpoint"},
          {"model_version", h.model_version},
          {"scenario", h.scenario},
          {"scenario_fingerprint", fmt::format("{:016x}", h.scenario_hash)},
          {"seed", h.seed},
          {"agents", h.agents},
          {"trajectories", h.trajectories},
          {"block_agents", h.block_agents},
          {"parameters_overridden", h.parameters},
          {"accumulator_words", h.accumulator_words},
          {"command", h.command}};
}

CheckpointHeader header_of(const nlohmann::json& j) {
  CheckpointHeader h;
  h.model_version = j.at("model_version").get<std::string>();
  h.scenario = j.at("scenario").get<std::string>();
  h.scenario_hash = std::stoull(j.at("scenario_fingerprint").get<std::string>(), nullptr, 16);
  h.seed = j.at("seed").get<std::uint64_t>();
  h.agents = j.at("agents").get<std::int64_t>();
  h.trajectories = j.at("trajectories").get<bool>();
  h.block_agents = j.at("block_agents").get<std::int64_t>();
  h.parameters = j.at("parameters_overridden").get<std::map<std::string, double>>();
  h.accumulator_words = j.at("accumulator_words").get<std::uint64_t>();
  h.command = j.at("command").get<std::string>();
  return h;
}

// The first difference between a checkpoint's header and the run asking to resume it.
std::optional<std::string> difference(const CheckpointHeader& saved, const CheckpointHeader& now) {
  if (saved.model_version != now.model_version)
    return fmt::format("it was written by brainload {}, this is {}", saved.model_version,
                       now.model_version);
  if (saved.scenario != now.scenario)
    return fmt::format("it is a run of scenario '{}', not '{}'", saved.scenario, now.scenario);
  if (saved.scenario_hash != now.scenario_hash)
    return fmt::format("scenario '{}' has changed since the checkpoint (its text differs)",
                       now.scenario);
  if (saved.seed != now.seed)
    return fmt::format("it is a run with --seed {}, not {}", saved.seed, now.seed);
  if (saved.agents != now.agents)
    return fmt::format("it is a run of {} agents, not {}", saved.agents, now.agents);
  if (saved.trajectories != now.trajectories)
    return fmt::format("it is a run {} --trajectories", saved.trajectories ? "with" : "without");
  if (saved.block_agents != now.block_agents)
    return fmt::format("it was written in blocks of {} agents, not {}", saved.block_agents,
                       now.block_agents);
  if (saved.parameters != now.parameters) {
    std::string a;
    std::string b;
    for (const auto& [k, v] : saved.parameters) a += fmt::format(" {}={}", k, v);
    for (const auto& [k, v] : now.parameters) b += fmt::format(" {}={}", k, v);
    return fmt::format("it is a run with parameters set to{}, this one{}",
                       a.empty() ? " their defaults" : a, b.empty() ? " their defaults" : b);
  }
  if (saved.accumulator_words != now.accumulator_words)
    return fmt::format("its trial statistics have {} words, this run's {}", saved.accumulator_words,
                       now.accumulator_words);
  return std::nullopt;
}

std::string io_cause(int error) { return std::system_category().message(error); }

// A checkpoint file opened for reading, with its size; MissingInputError (66) when it cannot be.
std::ifstream open_checkpoint(const std::filesystem::path& path, std::uintmax_t& size) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  size = in ? std::filesystem::file_size(path, ec) : 0;
  if (!in || ec) {
    throw MissingInputError(fmt::format("cannot read checkpoint '{}': {}", path.string(),
                                        ec ? ec.message() : io_cause(errno)));
  }
  return in;
}

// A block record's payload; `ok` false when it is malformed.
CheckpointBlock parse_block(const std::string& payload, bool& ok) {
  Cursor c{payload};
  CheckpointBlock b;
  b.first = c.get<std::int64_t>();
  b.count = c.get<std::int64_t>();
  const auto nreal = c.get<std::uint32_t>();
  for (std::uint32_t k = 0; k < nreal && c.ok; ++k) b.reals.push_back(c.get_array<double>());
  const auto nint = c.get<std::uint32_t>();
  for (std::uint32_t k = 0; k < nint && c.ok; ++k) b.ints.push_back(c.get_array<std::int64_t>());
  ok = c.ok && c.at == payload.size();
  return b;
}

// What a part log names as its run: the main header without the command (a resumed run's
// command is the original's anyway).
std::string run_identity(const CheckpointHeader& h) {
  nlohmann::json j = header_json(h);
  j.erase("command");
  return fmt::format("{:016x}", text_fingerprint(j.dump()));
}

// A record's frame at the reader's position: kind and payload length (nullopt if it does not fit
// in `limit` bytes of the file or is not one of ours).
struct Frame {
  std::uint32_t kind = 0;
  std::uint64_t length = 0;
};

std::optional<Frame> read_frame(std::ifstream& in, std::uintmax_t limit) {
  Frame f;
  const auto at = static_cast<std::uintmax_t>(in.tellg());
  if (!in.read(reinterpret_cast<char*>(&f.kind), sizeof f.kind) ||
      !in.read(reinterpret_cast<char*>(&f.length), sizeof f.length) || f.kind < kHeader ||
      f.kind > kParts) {
    return std::nullopt;
  }
  const std::uintmax_t frame = sizeof f.kind + sizeof f.length;
  if (f.length > kMaxPayload || at + frame > limit ||
      f.length + sizeof(std::uint64_t) > limit - at - frame) {
    return std::nullopt;
  }
  return f;
}

// A whole record at the reader's position, its checksum verified.
std::optional<std::pair<std::uint32_t, std::string>> read_record(std::ifstream& in,
                                                                 std::uintmax_t limit) {
  const auto f = read_frame(in, limit);
  if (!f) return std::nullopt;
  std::string payload(static_cast<std::size_t>(f->length), '\0');
  std::uint64_t sum = 0;
  if (!in.read(payload.data(), static_cast<std::streamsize>(f->length)) ||
      !in.read(reinterpret_cast<char*>(&sum), sizeof sum) || sum != checksum(payload)) {
    return std::nullopt;
  }
  return std::make_pair(f->kind, std::move(payload));
}

}  // namespace

// Both readers: the header checked against `expected` when given, then the committed blocks.
CheckpointProgress read_checkpoint(const std::filesystem::path& path,
                                   const std::optional<CheckpointHeader>& expected,
                                   const std::function<void(const CheckpointBlock&)>& on_block);

CheckpointHeader read_checkpoint_header(const std::filesystem::path& path) {
  return read_checkpoint(path, std::nullopt, nullptr).header;
}

CheckpointProgress read_checkpoint(const std::filesystem::path& path,
                                   const CheckpointHeader& expected,
                                   const std::function<void(const CheckpointBlock&)>& on_block) {
  return read_checkpoint(path, std::optional<CheckpointHeader>(expected), on_block);
}

CheckpointProgress read_checkpoint(const std::filesystem::path& path,
                                   const std::optional<CheckpointHeader>& expected,
                                   const std::function<void(const CheckpointBlock&)>& on_block) {
  const auto bad = [&](const std::string& why) {
    return InputDataError(fmt::format("cannot resume from '{}': {}", path.string(), why));
  };
  std::uintmax_t file_size = 0;
  std::ifstream in = open_checkpoint(path, file_size);
  std::string magic(kMagic.size(), '\0');
  if (!in.read(magic.data(), static_cast<std::streamsize>(magic.size())) || magic != kMagic) {
    throw bad("not a brainload run checkpoint");
  }
  // One record at a time; nullopt at the end of the intact records.
  struct Record {
    std::uint32_t kind;
    std::string payload;
  };
  const auto next = [&]() -> std::optional<Record> {
    Record r{};
    std::uint64_t length = 0;
    if (!in.read(reinterpret_cast<char*>(&r.kind), sizeof r.kind) ||
        !in.read(reinterpret_cast<char*>(&length), sizeof length) || r.kind < kHeader ||
        r.kind > kParts) {
      return std::nullopt;
    }
    // A length beyond the file's end is a torn or damaged record: never allocate for it.
    const auto at = static_cast<std::uintmax_t>(in.tellg());
    if (length > kMaxPayload || at > file_size || length + sizeof(std::uint64_t) > file_size - at) {
      return std::nullopt;
    }
    r.payload.resize(static_cast<std::size_t>(length));
    std::uint64_t sum = 0;
    if (!in.read(r.payload.data(), static_cast<std::streamsize>(length)) ||
        !in.read(reinterpret_cast<char*>(&sum), sizeof sum) || sum != checksum(r.payload)) {
      return std::nullopt;
    }
    return r;
  };

  CheckpointProgress progress;
  const auto header = next();
  if (!header || header->kind != kHeader) throw bad("its header is missing or damaged");
  try {
    progress.header = header_of(nlohmann::json::parse(header->payload));
  } catch (const nlohmann::json::exception& e) {
    throw bad(fmt::format("its header is not a checkpoint header ({})", e.what()));
  }
  if (!expected) return progress;  // the header is all that was asked for
  if (const auto why = difference(progress.header, *expected)) {
    throw bad(*why + "; a checkpoint resumes only the run that wrote it");
  }

  // First pass: find the last intact commit.
  const std::streamoff records_start = in.tellg();
  std::streamoff committed_end = -1;
  bool parts = false;
  while (const auto r = next()) {
    if (r->kind == kHeader) break;
    if (r->kind == kParts) parts = true;
    if (r->kind != kCommit) continue;
    Cursor c{r->payload};
    progress.agents_done = c.get<std::int64_t>();
    progress.accumulator = c.get_sparse(progress.header.accumulator_words);
    if (!c.ok) break;
    committed_end = in.tellg();
  }
  if (committed_end < 0) throw bad("it holds no committed agents yet (start the run again)");
  if (parts) {
    throw bad(
        "it was written by an MPI run, whose blocks are in its part files: resume it with the "
        "MPI build (mpirun -np R brainload run ... --resume), at any number of ranks");
  }
  progress.committed_bytes = static_cast<std::uintmax_t>(committed_end);

  // Second pass: the blocks before that commit, in order.
  in.clear();
  in.seekg(records_start);
  std::int64_t expect_first = 0;
  while (in.tellg() < committed_end) {
    const auto r = next();
    if (!r) throw bad("a committed record cannot be read back");
    if (r->kind != kBlock) continue;
    bool ok = true;
    const CheckpointBlock b = parse_block(r->payload, ok);
    if (!ok || b.first != expect_first || b.count <= 0) {
      throw bad(fmt::format("its block of agents from {} is malformed", b.first));
    }
    expect_first = b.first + b.count;
    on_block(b);
  }
  if (expect_first != progress.agents_done) {
    throw bad(fmt::format("its blocks hold {} agents but its commit says {}", expect_first,
                          progress.agents_done));
  }
  return progress;
}

std::filesystem::path checkpoint_part_path(const std::filesystem::path& path,
                                           const CheckpointPart& part) {
  return part.file.empty() ? path : path.parent_path() / part.file;
}

CheckpointIndex read_checkpoint_index(const std::filesystem::path& path,
                                      const CheckpointHeader& expected) {
  const auto bad = [&](const std::string& why) {
    return InputDataError(fmt::format("cannot resume from '{}': {}", path.string(), why));
  };
  std::uintmax_t file_size = 0;
  std::ifstream in = open_checkpoint(path, file_size);
  std::string magic(kMagic.size(), '\0');
  if (!in.read(magic.data(), static_cast<std::streamsize>(magic.size())) || magic != kMagic) {
    throw bad("not a brainload run checkpoint");
  }
  CheckpointIndex index;
  const auto header = read_record(in, file_size);
  if (!header || header->first != kHeader) throw bad("its header is missing or damaged");
  try {
    const nlohmann::json j = nlohmann::json::parse(header->second);
    if (j.value("format", "") != "brainload run checkpoint") {
      throw bad("it is not the main file of a checkpoint (a part file?)");
    }
    index.header = header_of(j);
  } catch (const nlohmann::json::exception& e) {
    throw bad(fmt::format("its header is not a checkpoint header ({})", e.what()));
  }
  if (const auto why = difference(index.header, expected)) {
    throw bad(*why + "; a checkpoint resumes only the run that wrote it");
  }

  // The last intact commit, with the parts record before it (none: a serial commit, whose
  // blocks are in this file up to the commit).
  std::optional<std::vector<CheckpointPart>> pending;
  bool committed = false;
  while (const auto r = read_record(in, file_size)) {
    if (r->first == kHeader) break;
    if (r->first == kParts) {
      // Names in the checkpoint's own directory, never paths elsewhere; anything else ends the
      // intact records, as a torn one does.
      std::vector<CheckpointPart> list;
      bool valid = true;
      try {
        const nlohmann::json j = nlohmann::json::parse(r->second);  // outlives the loop
        for (const auto& p : j.at("parts")) {
          const auto file = p.at("file").get<std::string>();
          valid = valid && file.find('/') == std::string::npos && file != "." && file != "..";
          list.push_back({file, p.at("bytes").get<std::uintmax_t>()});
        }
      } catch (const nlohmann::json::exception&) {
        valid = false;
      }
      if (!valid || list.empty()) break;
      pending = std::move(list);
      continue;
    }
    if (r->first != kCommit) continue;
    Cursor c{r->second};
    const auto done = c.get<std::int64_t>();
    auto words = c.get_sparse(index.header.accumulator_words);
    if (!c.ok) break;
    const auto end = static_cast<std::uintmax_t>(in.tellg());
    index.agents_done = done;
    index.accumulator = std::move(words);
    index.committed_bytes = end;
    index.parts = pending ? *pending : std::vector<CheckpointPart>{{"", end}};
    pending.reset();
    committed = true;
  }
  if (!committed) throw bad("it holds no committed agents yet (start the run again)");

  const std::string identity = run_identity(index.header);
  for (std::size_t k = 0; k < index.parts.size(); ++k) {
    const CheckpointPart& part = index.parts[k];
    const std::filesystem::path file = checkpoint_part_path(path, part);
    std::ifstream p(file, std::ios::binary);
    std::error_code ec;
    const std::uintmax_t size = p ? std::filesystem::file_size(file, ec) : 0;
    if (!p || ec || size < part.bytes) {
      throw bad(fmt::format("its part '{}' is missing or shorter than its last commit says",
                            file.string()));
    }
    std::string m(kMagic.size(), '\0');
    if (!p.read(m.data(), static_cast<std::streamsize>(m.size())) || m != kMagic) {
      throw bad(fmt::format("its part '{}' is not a checkpoint part", file.string()));
    }
    if (!part.file.empty()) {
      const auto h = read_record(p, part.bytes);
      bool ours = false;
      try {
        ours = h && h->first == kHeader &&
               nlohmann::json::parse(h->second).value("run", "") == identity;
      } catch (const nlohmann::json::exception&) {
      }
      if (!ours) throw bad(fmt::format("its part '{}' belongs to another run", file.string()));
    }
    // The block records up to the committed length, located by their frames.
    while (static_cast<std::uintmax_t>(p.tellg()) < part.bytes) {
      const auto at = static_cast<std::uintmax_t>(p.tellg());
      const auto f = read_frame(p, part.bytes);
      if (!f) throw bad(fmt::format("its part '{}' is damaged at byte {}", file.string(), at));
      const auto payload_at = static_cast<std::streamoff>(p.tellg());
      if (f->kind == kBlock) {
        CheckpointBlockRef ref{k, at, 0, 0};
        if (f->length < 2 * sizeof(std::int64_t) ||
            !p.read(reinterpret_cast<char*>(&ref.first), sizeof ref.first) ||
            !p.read(reinterpret_cast<char*>(&ref.count), sizeof ref.count)) {
          throw bad(fmt::format("its part '{}' is damaged at byte {}", file.string(), at));
        }
        index.blocks.push_back(ref);
      }
      p.seekg(payload_at + static_cast<std::streamoff>(f->length + sizeof(std::uint64_t)));
    }
  }
  std::sort(index.blocks.begin(), index.blocks.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::int64_t end = 0;
  std::int64_t total = 0;
  for (const CheckpointBlockRef& b : index.blocks) {
    if (b.count <= 0 || b.first < end || b.count > index.header.agents - b.first) {
      throw bad(
          fmt::format("its block of agents from {} is malformed or overlaps another", b.first));
    }
    end = b.first + b.count;
    total += b.count;
  }
  if (total != index.agents_done) {
    throw bad(
        fmt::format("its blocks hold {} agents but its commit says {}", total, index.agents_done));
  }
  return index;
}

CheckpointBlock read_checkpoint_block(const std::filesystem::path& file, std::uintmax_t offset) {
  const auto bad = [&] {
    return InputDataError(fmt::format("cannot resume from '{}': its block at byte {} is damaged",
                                      file.string(), offset));
  };
  std::uintmax_t size = 0;
  std::ifstream in = open_checkpoint(file, size);
  if (offset >= size) throw bad();
  in.seekg(static_cast<std::streamoff>(offset));
  const auto r = read_record(in, size);
  if (!r || r->first != kBlock) throw bad();
  bool ok = true;
  CheckpointBlock b = parse_block(r->second, ok);
  if (!ok || b.count <= 0) throw bad();
  return b;
}

CheckpointLog::CheckpointLog(CheckpointLog&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      buffer_(std::move(other.buffer_)),
      written_(other.written_) {}

CheckpointLog CheckpointLog::part(const std::filesystem::path& path, const CheckpointHeader& header,
                                  std::size_t index) {
  CheckpointLog log;
  log.path_ = path;
  log.fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (log.fd_ < 0) {
    throw OutputError(
        fmt::format("cannot create checkpoint part '{}': {}", path.string(), io_cause(errno)));
  }
  log.buffer_.append(kMagic);
  const nlohmann::json j = {
      {"format", "brainload run checkpoint part"}, {"run", run_identity(header)}, {"part", index}};
  log.write_record(kHeader, j.dump());
  log.flush();
  return log;
}

std::uintmax_t CheckpointLog::sync() {
  flush();
  if (::fsync(fd_) != 0) {
    throw OutputIoError(
        fmt::format("cannot write checkpoint '{}': {}", path_.string(), io_cause(errno)));
  }
  return written_;
}

void CheckpointLog::commit(std::int64_t agents_done, const std::vector<std::uint64_t>& accumulator,
                           const std::vector<CheckpointPart>& parts) {
  nlohmann::json list = nlohmann::json::array();
  for (const CheckpointPart& p : parts) list.push_back({{"file", p.file}, {"bytes", p.bytes}});
  write_record(kParts, nlohmann::json{{"parts", list}}.dump());
  commit(agents_done, accumulator);
}

CheckpointLog::CheckpointLog(const std::filesystem::path& path, const CheckpointHeader& header)
    : path_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw OutputError(
        fmt::format("cannot create checkpoint '{}': {}", path.string(), io_cause(errno)));
  }
  buffer_.append(kMagic);
  write_record(kHeader, header_json(header).dump());
  flush();
}

CheckpointLog::CheckpointLog(const std::filesystem::path& path, std::uintmax_t committed_bytes)
    : path_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd_ < 0) {
    throw OutputError(
        fmt::format("cannot reopen checkpoint '{}': {}", path.string(), io_cause(errno)));
  }
  written_ = committed_bytes;
  if (::ftruncate(fd_, static_cast<off_t>(committed_bytes)) != 0 || ::lseek(fd_, 0, SEEK_END) < 0) {
    const int error = errno;
    ::close(fd_);
    fd_ = -1;
    throw OutputIoError(
        fmt::format("cannot continue checkpoint '{}': {}", path.string(), io_cause(error)));
  }
}

CheckpointLog::~CheckpointLog() {
  if (fd_ >= 0) ::close(fd_);
}

void CheckpointLog::write_record(std::uint32_t kind, const std::string& payload) {
  put(buffer_, kind);
  put(buffer_, static_cast<std::uint64_t>(payload.size()));
  buffer_ += payload;
  put(buffer_, checksum(payload));
}

void CheckpointLog::flush() {
  std::size_t at = 0;
  while (at < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + at, buffer_.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw OutputIoError(fmt::format("cannot write checkpoint '{}': {}", path_.string(),
                                      io_cause(n < 0 ? errno : ENOSPC)));
    }
    at += static_cast<std::size_t>(n);
  }
  written_ += buffer_.size();
  buffer_.clear();
}

void CheckpointLog::append_block(const CheckpointBlock& block) {
  std::string payload;
  put(payload, block.first);
  put(payload, block.count);
  put(payload, static_cast<std::uint32_t>(block.reals.size()));
  for (const auto& a : block.reals) put_array(payload, a);
  put(payload, static_cast<std::uint32_t>(block.ints.size()));
  for (const auto& a : block.ints) put_array(payload, a);
  write_record(kBlock, payload);
  // Large runs with trajectories: do not hold many blocks in memory between commits.
  if (buffer_.size() > (std::size_t{16} << 20)) flush();
}

void CheckpointLog::commit(std::int64_t agents_done,
                           const std::vector<std::uint64_t>& accumulator) {
  std::string payload;
  put(payload, agents_done);
  put_sparse(payload, accumulator);
  write_record(kCommit, payload);
  flush();
  if (::fsync(fd_) != 0) {
    throw OutputIoError(
        fmt::format("cannot write checkpoint '{}': {}", path_.string(), io_cause(errno)));
  }
}

void CheckpointLog::remove() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

}  // namespace brainload
