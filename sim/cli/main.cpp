// brainload: the command-line entry point. Exit codes (README): 0 ok, 2 bad command line,
// 65 invalid scenario, 66 missing input, 70 internal error, 73 output cannot be created,
// 74 output could not be written (I/O error, full disk), 130 interrupted.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "brainload/error.hpp"
#include "brainload/io/life_state.hpp"
#include "brainload/population/runner.hpp"
#include "cli/commands.hpp"

namespace {

int run_cli(int argc, char** argv) {
  using namespace brainload::cli;
  CLI::App app{"brainload: how exercise acts on the brain, from one session to a virtual trial"};
  app.set_version_flag("--version", std::string("brainload ") + BRAINLOAD_VERSION);
  app.require_subcommand(1);

  std::string command_line;
  for (int k = 0; k < argc; ++k) command_line += (k > 0 ? " " : "") + std::string(argv[k]);

  // One line per subcommand, in the order --help lists them.
  const std::vector<Command> commands{
      add_run_command(app, command_line),
      add_trace_command(app),
      add_check_command(app),
      add_describe_command(app),
      add_validate_command(app),
      add_plot_command(app),
      add_report_command(app),
      add_power_command(app),
      add_sensitivity_command(app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    for (const Command& c : commands) {
      if (c.app->parsed()) return c.action();
    }
  } catch (const brainload::Cancelled&) {
    fmt::print(stderr, "\ninterrupted: no output written\n");
    return 130;
  } catch (const brainload::ScenarioError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return 65;
  } catch (const brainload::InputDataError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 65;
  } catch (const brainload::MissingInputError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 66;
  } catch (const brainload::OutputError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 73;
  } catch (const brainload::OutputIoError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 74;
  } catch (const UsageError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "internal error: {}\n", e.what());
    return 70;
  }
  return 2;
}

}  // namespace

// An exception that leaves run_cli (building the command line, or printing one of the errors
// above) is an internal error too, instead of std::terminate.
int main(int argc, char** argv) {
  try {
    return run_cli(argc, argv);
  } catch (...) {
    std::fputs("internal error: unexpected exception\n", stderr);
    return 70;
  }
}
