// libFuzzer target for the checkpoint reader of `run --resume` (docs/reliability.md "Fuzzing").
//
// The contract under test: any file either reads back as a checkpoint (its committed blocks
// handed over in order) or throws InputDataError (exit 65) or MissingInputError (66). Anything
// else — another exception, a crash, a sanitizer report, a hang, an allocation driven by a
// length field (-rss_limit_mb) — is a bug.
//
// The first byte chooses what the rest is, so that the fuzzer reaches past the checksums:
//   0: the whole file, raw;
//   1: the rest follows a valid magic and header, raw (damaged or torn records);
//   2: the rest is cut into records — u8 kind, u16 length, that many payload bytes — that this
//      target frames with their correct checksums (the payload parsers: blocks, commits, parts).
// Each file is read by both readers: the serial build's (read_checkpoint) and the MPI build's
// (read_checkpoint_index, then read_checkpoint_block for every block it locates).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "brainload/error.hpp"
#include "brainload/io/checkpoint.hpp"
#include "brainload/io/fingerprint.hpp"
#include "brainload/io/life_state.hpp"  // InputDataError

namespace {

brainload::CheckpointHeader expected() {
  brainload::CheckpointHeader h;
  h.model_version = "fuzz";
  h.scenario = "fuzz";
  h.scenario_hash = 1;
  h.seed = 1;
  h.agents = 64;
  h.block_agents = 32;
  h.accumulator_words = 64;
  h.command = "fuzz";
  return h;
}

// A log whose header is valid, written by the real writer, as bytes.
std::string valid_prefix(const std::filesystem::path& path) {
  { brainload::CheckpointLog log(path, expected()); }
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

template <class T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

// The scratch file, removed when the fuzzer exits (a static's destructor runs at exit()).
struct ScratchFile {
  std::filesystem::path path;
  ~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const ScratchFile kScratch{
      std::filesystem::temp_directory_path() /
      ("brainload_checkpoint_fuzz_" + std::to_string(::getpid()) + ".ckpt")};
  static const std::string kPrefix = valid_prefix(kScratch.path);
  const std::filesystem::path& path = kScratch.path;
  const std::string& prefix = kPrefix;
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string file;
  switch (data[0] % 3) {
    case 0:
      file = rest;
      break;
    case 1:
      file = prefix + rest;
      break;
    default: {
      file = prefix;
      std::size_t at = 0;
      while (at + 3 <= rest.size()) {
        const auto kind = static_cast<std::uint32_t>(static_cast<unsigned char>(rest[at]) % 5);
        std::uint16_t length = 0;
        std::memcpy(&length, rest.data() + at + 1, sizeof length);
        at += 3;
        const std::string payload = rest.substr(at, length);
        at += payload.size();
        put(file, kind);
        put(file, static_cast<std::uint64_t>(payload.size()));
        file += payload;
        put(file, brainload::text_fingerprint(payload));
      }
    }
  }
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
  }
  try {
    std::int64_t agents = 0;
    const auto progress = brainload::read_checkpoint(
        path, expected(), [&](const brainload::CheckpointBlock& b) { agents += b.count; });
    if (agents != progress.agents_done || progress.accumulator.size() != 64) {
      std::fprintf(stderr, "read back %lld agents, commit says %lld\n",
                   static_cast<long long>(agents), static_cast<long long>(progress.agents_done));
      std::abort();
    }
  } catch (const brainload::InputDataError&) {
  } catch (const brainload::MissingInputError&) {
  } catch (const std::exception& e) {
    std::fprintf(stderr, "unexpected exception: %s\n", e.what());
    std::abort();
  }
  // The MPI build's reader: the same file as the main log of a checkpoint (a serial one is its
  // own single part; parts records name part files beside it), and every block it locates.
  try {
    const brainload::CheckpointIndex index = brainload::read_checkpoint_index(path, expected());
    std::int64_t agents = 0;
    for (const brainload::CheckpointBlockRef& ref : index.blocks) {
      const brainload::CheckpointBlock b = brainload::read_checkpoint_block(
          brainload::checkpoint_part_path(path, index.parts.at(ref.part)), ref.offset);
      if (b.first != ref.first || b.count != ref.count) {
        std::fprintf(stderr, "block at %llu reads back as agents %lld+%lld, indexed %lld+%lld\n",
                     static_cast<unsigned long long>(ref.offset), static_cast<long long>(b.first),
                     static_cast<long long>(b.count), static_cast<long long>(ref.first),
                     static_cast<long long>(ref.count));
        std::abort();
      }
      agents += b.count;
    }
    if (agents != index.agents_done) std::abort();
  } catch (const brainload::InputDataError&) {
  } catch (const brainload::MissingInputError&) {
  } catch (const std::exception& e) {
    std::fprintf(stderr, "unexpected exception (index): %s\n", e.what());
    std::abort();
  }
  return 0;
}
