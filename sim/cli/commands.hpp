// The subcommands of the brainload executable.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace brainload::cli {

// A command line that parses but asks for something that does not exist (exit code 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CheckOptions {
  std::string scenario;
};

struct TraceCliOptions {
  std::string scenario;
  std::string arm;
  double every_min = 1.0;
  double from_day = 0.0;
  std::optional<double> to_day;
  std::string csv = "-";
};

struct RunCliOptions {
  std::string scenario;
  std::string out;
  std::optional<std::int64_t> agents;
  std::uint64_t seed = 1;
  int threads = 0;
  std::string summary_json;
  bool quiet = false;
  bool force = false;
  bool trajectories = false;
  std::string command_line;
};

struct DescribeOptions {
  bool json = false;
};

int run_check(const CheckOptions& options);
int run_run(const RunCliOptions& options);
int run_trace(const TraceCliOptions& options);
int run_describe(const DescribeOptions& options);

}  // namespace brainload::cli
