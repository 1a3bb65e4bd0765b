#include "brainload/io/checkpoint.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "brainload/error.hpp"
#include "brainload/io/life_state.hpp"

namespace brainload {
namespace {

namespace fs = std::filesystem;

CheckpointHeader header() {
  CheckpointHeader h;
  h.model_version = "test";
  h.scenario = "lisa_trial";
  h.scenario_hash = 0x1234;
  h.seed = 7;
  h.agents = 96;
  h.block_agents = 32;
  h.parameters = {{"hpa.cortisol_half_life_min", 70.0}};
  h.accumulator_words = 7;
  h.command = "brainload run lisa_trial.toml";
  return h;
}

CheckpointBlock block(std::int64_t first) {
  CheckpointBlock b{first, 32, {}, {}};
  b.reals.emplace_back(32, 0.5 + static_cast<double>(first));
  b.reals.emplace_back(64, -1.0);
  b.ints.emplace_back(32, first);
  return b;
}

class CheckpointTest : public ::testing::Test {
 protected:
  // ctest runs each test in its own process, two at a time: the name carries the process id
  // and the test's name so that concurrent tests never share a file (gtest's random_seed is
  // taken from the clock, and two processes started in one millisecond once shared it).
  fs::path path_ = fs::temp_directory_path() /
                   ("brainload_checkpoint_test_" + std::to_string(::getpid()) + "_" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".ckpt");
  void TearDown() override { fs::remove(path_); }

  std::vector<std::int64_t> firsts(const CheckpointHeader& expected,
                                   CheckpointProgress* progress = nullptr) {
    std::vector<std::int64_t> seen;
    const CheckpointProgress p = read_checkpoint(path_, expected, [&](const CheckpointBlock& b) {
      EXPECT_EQ(b.reals[0][0], 0.5 + static_cast<double>(b.first));
      EXPECT_EQ(b.ints[0][31], b.first);
      seen.push_back(b.first);
    });
    if (progress != nullptr) *progress = p;
    return seen;
  }
};

TEST_F(CheckpointTest, OnlyCommittedBlocksAreRead) {
  {
    CheckpointLog log(path_, header());
    log.append_block(block(0));
    log.commit(32, {0, 0, 5, 0, 0, 0, 9});
    log.append_block(block(32));
    log.append_block(block(64));  // never committed: a kill came first
  }
  CheckpointProgress p;
  EXPECT_EQ(firsts(header(), &p), (std::vector<std::int64_t>{0}));
  EXPECT_EQ(p.agents_done, 32);
  EXPECT_EQ(p.accumulator, (std::vector<std::uint64_t>{0, 0, 5, 0, 0, 0, 9}));
  EXPECT_EQ(p.header.command, "brainload run lisa_trial.toml");
  // Continuing cuts the uncommitted tail and appends after the commit.
  {
    CheckpointLog log(path_, p.committed_bytes);
    log.append_block(block(32));
    log.append_block(block(64));
    log.commit(96, {1, 0, 0, 0, 0, 0, 0});
  }
  EXPECT_EQ(firsts(header(), &p), (std::vector<std::int64_t>{0, 32, 64}));
  EXPECT_EQ(p.agents_done, 96);
}

// A kill can cut the file at any byte: whatever the cut, the reader finds the last commit before
// it, or says there is none.
TEST_F(CheckpointTest, ATornFileReadsBackToItsLastIntactCommit) {
  std::uintmax_t first_commit_end = 0;
  {
    CheckpointLog log(path_, header());
    log.append_block(block(0));
    log.commit(32, {3, 0, 0, 0, 0, 0, 0});
    first_commit_end = fs::file_size(path_);
    log.append_block(block(32));
    log.commit(64, {4, 0, 0, 0, 0, 0, 0});
  }
  const std::uintmax_t size = fs::file_size(path_);
  std::ifstream in(path_, std::ios::binary);
  const std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  for (std::uintmax_t cut = 0; cut <= size; cut += 7) {
    {
      std::ofstream out(path_, std::ios::binary | std::ios::trunc);
      out.write(whole.data(), static_cast<std::streamsize>(cut));
    }
    if (cut < first_commit_end) {
      EXPECT_THROW((void)firsts(header()), InputDataError) << "cut at " << cut;
      continue;
    }
    CheckpointProgress p;
    const auto seen = firsts(header(), &p);
    if (cut < size) {
      EXPECT_EQ(p.agents_done, 32) << "cut at " << cut;
      EXPECT_EQ(seen, (std::vector<std::int64_t>{0}));
    } else {
      EXPECT_EQ(p.agents_done, 64);
    }
  }
}

TEST_F(CheckpointTest, AnotherRunIsRefusedWithWhatDiffers) {
  {
    CheckpointLog log(path_, header());
    log.append_block(block(0));
    log.commit(32, {0, 0, 0, 0, 0, 0, 0});
  }
  const auto refused = [&](const CheckpointHeader& h, const std::string& says) {
    try {
      (void)firsts(h);
      ADD_FAILURE() << "accepted: " << says;
    } catch (const InputDataError& e) {
      EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
    }
  };
  CheckpointHeader h = header();
  h.seed = 8;
  refused(h, "--seed 7, not 8");
  h = header();
  h.scenario_hash = 1;
  refused(h, "has changed since the checkpoint");
  h = header();
  h.agents = 100;
  refused(h, "96 agents, not 100");
  h = header();
  h.parameters.clear();
  refused(h, "hpa.cortisol_half_life_min=70");
  h = header();
  h.model_version = "other";
  refused(h, "written by brainload test");
  h = header();
  h.accumulator_words = 8;
  refused(h, "trial statistics have 7 words");
  h = header();
  h.command = "anything";  // the command is not part of what must match
  EXPECT_EQ(firsts(h).size(), 1U);
}

// Found by fuzz/checkpoint_fuzz.cpp: an empty array in a block made the reader call memcpy with a
// null destination (undefined behaviour, reported by UBSan). It reads back as an empty array.
TEST_F(CheckpointTest, EmptyArraysReadBack) {
  {
    CheckpointLog log(path_, header());
    CheckpointBlock b = block(0);
    b.reals.emplace_back();
    b.ints.emplace_back();
    log.append_block(b);
    log.commit(32, {0, 0, 0, 0, 0, 0, 0});
  }
  std::size_t empty_reals = 9;
  (void)read_checkpoint(path_, header(), [&](const CheckpointBlock& b) {
    empty_reals = b.reals.back().size() + b.ints.back().size();
  });
  EXPECT_EQ(empty_reals, 0U);
}

TEST_F(CheckpointTest, NotACheckpointOrMissing) {
  EXPECT_THROW((void)read_checkpoint_header(path_), MissingInputError);
  {
    std::ofstream out(path_);
    out << "[scenario]\nname = \"x\"\n";
  }
  EXPECT_THROW((void)read_checkpoint_header(path_), InputDataError);
}

// MPI runs: blocks in one part log per rank, commits in the main log naming the parts.
class CheckpointPartsTest : public CheckpointTest {
 protected:
  [[nodiscard]] fs::path part(std::size_t k) const {
    return {path_.string() + ".p" + std::to_string(k)};
  }
  [[nodiscard]] std::string part_name(std::size_t k) const { return part(k).filename().string(); }
  void TearDown() override {
    for (std::size_t k = 0; k < 4; ++k) fs::remove(part(k));
    CheckpointTest::TearDown();
  }
  std::vector<std::int64_t> blocks_of(const CheckpointIndex& index) {
    std::vector<std::int64_t> seen;
    for (const CheckpointBlockRef& ref : index.blocks) {
      const CheckpointBlock b =
          read_checkpoint_block(checkpoint_part_path(path_, index.parts.at(ref.part)), ref.offset);
      EXPECT_EQ(b.first, ref.first);
      EXPECT_EQ(b.count, ref.count);
      EXPECT_EQ(b.reals[0][0], 0.5 + static_cast<double>(b.first));
      seen.push_back(b.first);
    }
    return seen;
  }
};

TEST_F(CheckpointPartsTest, CommittedBlocksOfEveryPartInAgentOrder) {
  CheckpointLog main(path_, header());
  CheckpointLog p0 = CheckpointLog::part(part(0), header(), 0);
  CheckpointLog p1 = CheckpointLog::part(part(1), header(), 1);
  p0.append_block(block(0));
  p1.append_block(block(64));
  main.commit(64, {0, 0, 0, 0, 0, 0, 3}, {{part_name(0), p0.sync()}, {part_name(1), p1.sync()}});
  p0.append_block(block(32));  // never committed
  const CheckpointIndex index = read_checkpoint_index(path_, header());
  EXPECT_EQ(index.agents_done, 64);
  EXPECT_EQ(index.accumulator, (std::vector<std::uint64_t>{0, 0, 0, 0, 0, 0, 3}));
  ASSERT_EQ(index.parts.size(), 2U);
  EXPECT_EQ(blocks_of(index), (std::vector<std::int64_t>{0, 64}));
  // The serial build refuses it, naming the MPI build.
  try {
    (void)read_checkpoint(path_, header(), [](const CheckpointBlock&) {});
    FAIL() << "read_checkpoint accepted an MPI checkpoint";
  } catch (const InputDataError& e) {
    EXPECT_NE(std::string(e.what()).find("MPI build"), std::string::npos) << e.what();
  }
}

TEST_F(CheckpointPartsTest, ASerialCheckpointIsOnePartAndCanBeContinuedWithParts) {
  std::uintmax_t committed = 0;
  {
    CheckpointLog log(path_, header());
    log.append_block(block(0));
    log.commit(32, {0, 0, 0, 0, 0, 0, 1});
  }
  CheckpointIndex index = read_checkpoint_index(path_, header());
  ASSERT_EQ(index.parts.size(), 1U);
  EXPECT_EQ(index.parts[0].file, "");
  EXPECT_EQ(blocks_of(index), (std::vector<std::int64_t>{0}));
  committed = index.committed_bytes;
  // Resumed by an MPI run of two ranks: the serial part stays, two parts are added.
  {
    CheckpointLog main(path_, committed);
    CheckpointLog p1 = CheckpointLog::part(part(1), header(), 1);
    CheckpointLog p2 = CheckpointLog::part(part(2), header(), 2);
    p1.append_block(block(32));
    p2.append_block(block(64));
    main.commit(96, {1, 0, 0, 0, 0, 0, 1},
                {index.parts[0], {part_name(1), p1.sync()}, {part_name(2), p2.sync()}});
  }
  index = read_checkpoint_index(path_, header());
  EXPECT_EQ(index.agents_done, 96);
  EXPECT_EQ(blocks_of(index), (std::vector<std::int64_t>{0, 32, 64}));
}

TEST_F(CheckpointPartsTest, DamageAndStrangersAreRefused) {
  {
    CheckpointLog main(path_, header());
    CheckpointLog p0 = CheckpointLog::part(part(0), header(), 0);
    p0.append_block(block(0));
    main.commit(32, {0, 0, 0, 0, 0, 0, 1}, {{part_name(0), p0.sync()}});
  }
  // A part of another run under the same name.
  CheckpointHeader other = header();
  other.seed = 8;
  {
    CheckpointLog stranger = CheckpointLog::part(part(0), other, 0);
    stranger.append_block(block(0));
    stranger.sync();
  }
  EXPECT_THROW((void)read_checkpoint_index(path_, header()), InputDataError);
  // A part shorter than its commit says.
  fs::resize_file(part(0), 10);
  EXPECT_THROW((void)read_checkpoint_index(path_, header()), InputDataError);
  fs::remove(part(0));
  EXPECT_THROW((void)read_checkpoint_index(path_, header()), InputDataError);
  // A block record whose bytes changed after the index was taken.
  EXPECT_THROW((void)read_checkpoint_block(path_, 9), InputDataError);
}

}  // namespace
}  // namespace brainload
