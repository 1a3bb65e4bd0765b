// The subcommands of the brainload executable. Each lives in its own file and registers its
// options with add_<name>_command(); main.cpp only lists them and maps errors to exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace brainload::cli {

// A command line that parses but asks for something that does not exist (exit code 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> action;  // runs when app was chosen on the command line
};

// `argv` joined, for provenance in output files.
Command add_check_command(CLI::App& app);
Command add_run_command(CLI::App& app, const std::string& command_line);
Command add_trace_command(CLI::App& app);
Command add_describe_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
// plot.cpp: both run python/brainload_viz/ scripts with /usr/bin/python3.
Command add_plot_command(CLI::App& app);
Command add_report_command(CLI::App& app);
// design.cpp: trial design (power by simulation, global sensitivity).
Command add_power_command(CLI::App& app);
Command add_sensitivity_command(CLI::App& app);

// Runs python/brainload_viz/<script> with `args` as plot and report do (plot.cpp); returns its
// exit code.
int run_viz_script(const char* script, const std::vector<std::string>& args);

}  // namespace brainload::cli
