// Tests of the HDF5 writer: a small run round-trips through xarray/h5netcdf (checked by
// tests/io/read_hdf5.py with Debian's /usr/bin/python3), a size mismatch throws OutputError
// naming the variable and leaves no file, and empty lists or zero agents still give a valid file.
#include "brainload/io/hdf5_output.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "brainload/error.hpp"

namespace brainload {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPython = "/usr/bin/python3";

// A fresh directory per test, removed afterwards.
class Hdf5Output : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("brainload_hdf5_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs read_hdf5.py on `file`; returns its exit status (-1 when it did not exit normally).
int run_reader(const fs::path& file, const std::string& mode = "") {
  const std::string script = std::string(BRAINLOAD_SOURCE_DIR) + "/tests/io/read_hdf5.py";
  std::string cmd = std::string(kPython) + " " + quoted(script) + " ";
  if (!mode.empty()) cmd += mode + " ";
  cmd += quoted(file.string());
  const int status = std::system(cmd.c_str());
  return (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
}

bool python_can_read() {
  const std::string probe =
      std::string(kPython) + " -c 'import xarray, h5netcdf, h5py' >/dev/null 2>&1";
  const int status = std::system(probe.c_str());
  return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// The fixture also hard-coded in read_hdf5.py: keep both in step.
RunOutput small_run() {
  RunOutput out;
  out.scenario_name = "demo";
  out.scenario_text =
      "[scenario]\nname = \"demo\"\ndescription = \"\xC3\x9Cn\xC3\xAF"
      "code \xE2\x9C\x93 and "
      "\\\"quotes\\\"\"\ndays = 1\n";
  out.model_version = "0.1.0-test";
  out.command = "brainload run \"scenarios/demo file.toml\" --agents 3 --seed 12345678901234567890";
  out.seed = 12345678901234567890ULL;
  out.arm_names = {"control", "hiit_4x4"};
  out.assess_days = {0.0, 365.0};
  out.time_days = {0.0, 0.25, 0.5, 1.0};
  out.quantiles = {0.05, 0.5, 0.95};
  out.agents = 3;
  const std::size_t n = 3, days = 2, times = 4, quantiles = 3, arms = 2;

  // Two agent variables in non-alphabetical order: the file must keep creation order.
  out.agent_vars.push_back({"weight_kg", "kg", "body mass", {70.5, 82.25, 58.0}});
  out.agent_vars.push_back({"age_years", "years", "age at baseline", {21.0, 34.5, 66.0}});
  out.agent_int_vars.push_back({"sessions_done", "1", "sessions attended", {0, 7, -3}});

  OutputVariable vo2{"vo2max_ml_kg_min", "ml/kg/min", "maximal oxygen uptake", {}};
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < days; ++j) vo2.data.push_back(10.0 * double(i) + double(j) + 0.5);
  out.outcome_vars.push_back(vo2);

  OutputVariable hr{"heart_rate_bpm", "1/min", "heart rate", {}};
  for (std::size_t a = 0; a < arms; ++a)
    for (std::size_t t = 0; t < times; ++t)
      for (std::size_t q = 0; q < quantiles; ++q)
        hr.data.push_back(60.0 + 100.0 * double(a) + 10.0 * double(t) + double(q));
  out.quantile_vars.push_back(hr);

  OutputVariable arousal{"arousal", "1", "arousal", {}};
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t t = 0; t < times; ++t)
      arousal.data.push_back(0.1 * double(i) + 0.01 * double(t));
  out.trajectory_vars.push_back(arousal);
  return out;
}

TEST_F(Hdf5Output, RoundTripsThroughXarray) {
  const fs::path file = dir_ / "run.h5";
  write_run_hdf5(file, small_run());
  ASSERT_TRUE(fs::exists(file));
  if (!python_can_read()) GTEST_SKIP() << kPython << " lacks xarray/h5netcdf/h5py";
  EXPECT_EQ(run_reader(file), 0) << "tests/io/read_hdf5.py rejected " << file;
}

TEST_F(Hdf5Output, OverwritesAnExistingFile) {
  const fs::path file = dir_ / "run.h5";
  write_run_hdf5(file, small_run());
  write_run_hdf5(file, small_run());
  if (!python_can_read()) GTEST_SKIP() << kPython << " lacks xarray/h5netcdf/h5py";
  EXPECT_EQ(run_reader(file), 0);
}

void expect_output_error(const fs::path& file, const RunOutput& out, const std::string& needle) {
  try {
    write_run_hdf5(file, out);
    ADD_FAILURE() << "no OutputError for " << needle;
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(file)) << "a malformed file was left at " << file;
}

TEST_F(Hdf5Output, SizeMismatchThrowsNamingTheVariable) {
  const fs::path file = dir_ / "bad.h5";
  {
    RunOutput out = small_run();
    out.agent_vars[1].data.pop_back();
    expect_output_error(file, out, "'age_years'");
  }
  {
    RunOutput out = small_run();
    out.agent_int_vars[0].data.push_back(1);
    expect_output_error(file, out, "'sessions_done'");
  }
  {
    RunOutput out = small_run();
    out.outcome_vars[0].data.resize(5);
    expect_output_error(file, out, "'vo2max_ml_kg_min'");
  }
  {
    RunOutput out = small_run();
    out.quantiles.push_back(0.99);  // quantile_vars now too short
    expect_output_error(file, out, "'heart_rate_bpm'");
  }
  {
    RunOutput out = small_run();
    out.time_days.pop_back();  // quantile and trajectory vars now too long
    expect_output_error(file, out, "'heart_rate_bpm'");
  }
}

TEST_F(Hdf5Output, BadNamesThrow) {
  const fs::path file = dir_ / "bad.h5";
  {
    RunOutput out = small_run();
    out.agent_vars[1].name = "weight_kg";
    expect_output_error(file, out, "'weight_kg'");
  }
  {
    RunOutput out = small_run();
    out.agent_vars[0].name = "time";
    expect_output_error(file, out, "'time'");
  }
  {
    RunOutput out = small_run();
    out.agent_vars[0].name = "a/b";
    expect_output_error(file, out, "'a/b'");
  }
}

TEST_F(Hdf5Output, UnwritablePathThrowsOutputError) {
  const fs::path file = dir_ / "missing_dir" / "run.h5";
  expect_output_error(file, small_run(), "H5Fcreate");
}

TEST_F(Hdf5Output, EmptyListsAndZeroAgentsGiveAValidFile) {
  {
    // Agents but no trajectories, no quantiles and no outcome variables.
    RunOutput out = small_run();
    out.trajectory_vars.clear();
    out.quantile_vars.clear();
    out.quantiles.clear();
    out.outcome_vars.clear();
    const fs::path file = dir_ / "no_traj.h5";
    EXPECT_NO_THROW(write_run_hdf5(file, out));
    EXPECT_TRUE(fs::exists(file));
  }
  {
    // Zero agents with an (empty) trajectory variable: zero-size dimension, no chunking.
    RunOutput out = small_run();
    out.agents = 0;
    for (auto& v : out.agent_vars) v.data.clear();
    for (auto& v : out.agent_int_vars) v.data.clear();
    for (auto& v : out.outcome_vars) v.data.clear();
    for (auto& v : out.trajectory_vars) v.data.clear();
    const fs::path file = dir_ / "zero_agents.h5";
    EXPECT_NO_THROW(write_run_hdf5(file, out));
    EXPECT_TRUE(fs::exists(file));
  }
  {
    // Nothing at all.
    RunOutput out;
    out.scenario_text = "[scenario]\nname = \"empty\"\n";
    const fs::path file = dir_ / "empty.h5";
    EXPECT_NO_THROW(write_run_hdf5(file, out));
    ASSERT_TRUE(fs::exists(file));
    if (!python_can_read()) GTEST_SKIP() << kPython << " lacks xarray/h5netcdf/h5py";
    EXPECT_EQ(run_reader(file, "--empty"), 0) << "tests/io/read_hdf5.py rejected " << file;
  }
}

}  // namespace
}  // namespace brainload
