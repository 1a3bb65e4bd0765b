// AtomicFile and write_text_file (sim/io/atomic_file.cpp): temporaries beside the target,
// removed unless committed; a full device is exit 74 (OutputIoError) naming the file and cause;
// temporaries of dead processes are removed by the next AtomicFile of the same target.
#include "brainload/io/atomic_file.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "brainload/error.hpp"

namespace brainload {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("brainload_atomic_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  static void touch(const fs::path& p) { std::ofstream(p) << "partial"; }
  // The id of a process that has exited and been reaped.
  static pid_t dead_pid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
  }
  fs::path dir_;
};

TEST_F(AtomicFileTest, CommitRenamesAndDestructionRemovesTheTemporary) {
  {
    AtomicFile f(dir_ / "a.json");
    write_text_file(f.temp_path(), "{}\n", f.target());
    f.commit();
  }
  EXPECT_TRUE(fs::exists(dir_ / "a.json"));
  {
    AtomicFile f(dir_ / "b.json");
    write_text_file(f.temp_path(), "{}\n", f.target());
    EXPECT_TRUE(fs::exists(f.temp_path()));
  }
  EXPECT_FALSE(fs::exists(dir_ / "b.json"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

// /dev/full fails every write with ENOSPC: a full disk without root or a mount.
TEST_F(AtomicFileTest, FullDeviceIsAnIoErrorNamingFileAndCause) {
  try {
    write_text_file("/dev/full", "{}\n", dir_ / "s.json");
    ADD_FAILURE() << "no OutputIoError";
  } catch (const OutputIoError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("s.json"), std::string::npos) << what;
    EXPECT_NE(what.find("No space left on device"), std::string::npos) << what;
  }
}

TEST_F(AtomicFileTest, UncreatableFileIsAnOutputError) {
  EXPECT_THROW(write_text_file(dir_ / "no" / "such" / "x.json", "{}", dir_ / "x.json"),
               OutputError);
}

TEST_F(AtomicFileTest, StaleTemporariesOfDeadProcessesAreRemoved) {
  const pid_t dead = dead_pid();
  const fs::path stale = dir_ / (".x.h5." + std::to_string(dead) + ".partial");
  const fs::path alive = dir_ / (".x.h5." + std::to_string(::getppid()) + ".partial");
  const fs::path other = dir_ / (".y.h5." + std::to_string(dead) + ".partial");
  const fs::path not_a_pid = dir_ / ".x.h5.12ab.partial";
  for (const fs::path& p : {stale, alive, other, not_a_pid}) touch(p);
  testing::internal::CaptureStderr();
  { const AtomicFile f(dir_ / "x.h5"); }
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_NE(err.find(stale.string()), std::string::npos) << err;
  EXPECT_TRUE(fs::exists(alive));
  EXPECT_TRUE(fs::exists(other));
  EXPECT_TRUE(fs::exists(not_a_pid));
}

}  // namespace
}  // namespace brainload
