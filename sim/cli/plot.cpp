// `brainload plot` and `brainload report`: figures (PNG, SVG) and a self-contained HTML page,
// drawn by the Python scripts in python/brainload_viz/ with matplotlib.
//
// This file checks everything it can before Python starts, so that mistakes get brainload's
// messages and exit codes: a missing input → 66, an invalid scenario → 65, an unknown arm,
// observable or option → 2, an output that cannot be created → 73. It then runs
// `/usr/bin/python3 <dir>/brainload_viz/<script>.py ARGS...` with posix_spawn (an argument
// vector, never a shell: paths may contain spaces) and returns the script's exit code, which
// follows the same table. <dir> is $BRAINLOAD_PYTHON_DIR, else the packages beside this
// executable (python_dir()), and is put first on the script's PYTHONPATH so that it imports the
// brainload module built with this executable; $BRAINLOAD_PYTHON replaces /usr/bin/python3
// (Debian's, which has matplotlib and h5py; a python3 first on PATH may be a pyenv shim).
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "brainload/error.hpp"
#include "brainload/io/atomic_file.hpp"
#include "brainload/io/scenario_toml.hpp"
#include "brainload/observables.hpp"
#include "brainload/population/runner.hpp"
#include "brainload/schedule/validate.hpp"
#include "cli/commands.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX, for posix_spawn

#ifndef BRAINLOAD_PYTHON_FROM_BIN
#define BRAINLOAD_PYTHON_FROM_BIN "../lib/python3/dist-packages"
#endif

namespace brainload::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultPython = "/usr/bin/python3";

enum class InputKind { trace, scenario, run };

struct PlotOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> arms;
  std::vector<std::string> observables;
  std::vector<std::string> kinds;
  std::string out_dir = "output/plots";
  std::string name;
  std::string format = "png,svg";
  std::optional<double> every_min;
  std::optional<double> from_day;
  std::optional<double> to_day;
  std::string start_clock;
};

struct ReportOptions {
  std::string input;
  std::string html;
  std::string summary;
  std::optional<double> every_min;
};

std::string lower(std::string text) {
  std::ranges::transform(text, text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// A readable regular file, or MissingInputError (exit 66).
void require_input(const std::string& path, const char* what) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    throw MissingInputError(fmt::format("cannot read {} '{}': it is a directory", what, path));
  }
  if (!fs::exists(path, ec)) {
    throw MissingInputError(fmt::format("cannot read {} '{}': no such file", what, path));
  }
  if (::access(path.c_str(), R_OK) != 0) {
    throw MissingInputError(fmt::format("cannot read {} '{}': permission denied", what, path));
  }
}

InputKind kind_of(const std::string& path) {
  const std::string ext = lower(fs::path(path).extension().string());
  if (ext == ".csv") return InputKind::trace;
  if (ext == ".toml") return InputKind::scenario;
  if (ext == ".h5" || ext == ".hdf5" || ext == ".nc" || ext == ".nc4") return InputKind::run;
  throw UsageError(fmt::format(
      "cannot tell what '{}' is: expected a trace from `brainload trace` (.csv), a scenario "
      "(.toml) or a run file from `brainload run` (.h5)",
      path));
}

Scenario load_valid(const std::string& path) {
  Scenario s = load_scenario_file(path);
  require_valid(s);
  return s;
}

void require_arms(const Scenario& s, const std::vector<std::string>& arms) {
  for (const std::string& name : arms) {
    if (std::ranges::any_of(s.arms, [&](const Arm& a) { return a.name == name; })) continue;
    std::string known;
    for (const Arm& a : s.arms) known += (known.empty() ? "" : ", ") + a.name;
    throw UsageError(
        fmt::format("--arm: scenario '{}' has no arm '{}'; its arms are: {}", s.name, name, known));
  }
}

void require_observables(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    const auto known = [&](std::span<const ObservableInfo> list) {
      return std::ranges::any_of(list, [&](const ObservableInfo& o) { return o.name == name; });
    };
    if (known(acute_observables()) || known(chronic_observables())) continue;
    throw UsageError(fmt::format(
        "--observable: unknown observable '{}'; `brainload describe` lists them", name));
  }
}

void require_day_range(const std::optional<double>& from_day, const std::optional<double>& to_day) {
  if (from_day && to_day && *to_day < *from_day) {
    throw UsageError(fmt::format("--to {} is before --from {}", *to_day, *from_day));
  }
}

// Creates `dir` if needed; OutputError (exit 73) when it cannot be created or written.
void require_output_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw OutputError(fmt::format("cannot create directory '{}': {}", dir.string(),
                                  ec ? ec.message() : "a file of that name exists"));
  }
  require_writable(dir / "plot.png");
}

// The directory holding the packages brainload and brainload_viz: $BRAINLOAD_PYTHON_DIR, else
// beside this executable: <bindir>/python in a build tree, <bindir>/BRAINLOAD_PYTHON_FROM_BIN
// (../lib/python3.X/dist-packages) in an installed copy. No path into the source tree.
fs::path python_dir() {
  const char* env = std::getenv("BRAINLOAD_PYTHON_DIR");
  if (env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path bin = fs::read_symlink("/proc/self/exe", ec).parent_path();
  fs::path build_tree = bin / "python";
  if (!ec && fs::is_directory(build_tree / "brainload_viz", ec)) return build_tree;
  return (bin / BRAINLOAD_PYTHON_FROM_BIN).lexically_normal();
}

std::string script_path(const fs::path& dir, const char* script) {
  const fs::path path = dir / "brainload_viz" / script;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw std::runtime_error(
        fmt::format("brainload's plotting script '{}' is missing: this executable was moved away "
                    "from its build directory or installation; set BRAINLOAD_PYTHON_DIR to the "
                    "directory holding brainload_viz/ and brainload/",
                    path.string()));
  }
  return path.string();
}

// This process's environment with `dir` first on PYTHONPATH, so that the scripts import the
// brainload package that belongs to this executable.
std::vector<std::string> script_environment(const fs::path& dir) {
  std::vector<std::string> env;
  std::string path = "PYTHONPATH=" + dir.string();
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    if (entry.starts_with("PYTHONPATH=")) {
      if (entry.size() > 11) path += ":" + entry.substr(11);
    } else {
      env.push_back(entry);
    }
  }
  env.push_back(path);
  return env;
}

std::string python_interpreter() {
  const char* env = std::getenv("BRAINLOAD_PYTHON");
  std::string python = (env != nullptr && *env != '\0') ? env : kDefaultPython;
  if (::access(python.c_str(), X_OK) != 0) {
    throw std::runtime_error(fmt::format(
        "cannot run '{}': plots need Debian's Python 3 with matplotlib and h5py (apt-get "
        "install python3 python3-matplotlib python3-h5py python3-numpy), or BRAINLOAD_PYTHON "
        "set to such an interpreter",
        python));
  }
  return python;
}

// Runs argv[0] with argv and waits; returns its exit status. Ctrl-C reaches the child through
// the terminal, so brainload ignores SIGINT while it waits and reports the interruption.
int spawn_and_wait(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  envp.reserve(env.size() + 1);
  for (const std::string& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);

  struct sigaction ignore {};
  struct sigaction previous {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGINT, &ignore, &previous);
  struct RestoreSigint {
    struct sigaction saved;
    ~RestoreSigint() { sigaction(SIGINT, &saved, nullptr); }
  } restore{previous};

  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], nullptr, &attr, argv.data(), envp.data());
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    throw std::runtime_error(fmt::format("cannot start '{}': {}", args[0], std::strerror(rc)));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      throw std::runtime_error(fmt::format("waiting for '{}': {}", args[0], std::strerror(errno)));
    }
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) throw Cancelled();
  throw std::runtime_error(fmt::format("'{}' was stopped by signal {}", args[1],
                                       WIFSIGNALED(status) ? WTERMSIG(status) : 0));
}

void add_number(std::vector<std::string>& args, const char* flag, const std::optional<double>& x) {
  if (x) args.insert(args.end(), {flag, fmt::format("{}", *x)});
}

int run_plot(const PlotOptions& o) {
  std::vector<InputKind> kinds;
  for (const std::string& input : o.inputs) {
    require_input(input, "input");
    kinds.push_back(kind_of(input));
  }
  const bool single = kinds.front() != InputKind::trace;
  if (std::ranges::any_of(kinds, [&](InputKind k) { return k != kinds.front(); }) ||
      (single && kinds.size() > 1)) {
    throw UsageError("plot: give one or more trace CSVs, or one scenario, or one run file");
  }
  if (kinds.front() == InputKind::scenario) require_arms(load_valid(o.inputs.front()), o.arms);
  require_observables(o.observables);
  require_day_range(o.from_day, o.to_day);
  require_output_dir(o.out_dir);

  const fs::path dir = python_dir();
  std::vector<std::string> args{python_interpreter(), script_path(dir, "plot.py"),
                                "--out-dir",          o.out_dir,
                                "--format",           o.format};
  for (const std::string& arm : o.arms) args.insert(args.end(), {"--arm", arm});
  for (const std::string& name : o.observables) args.insert(args.end(), {"--observable", name});
  for (const std::string& kind : o.kinds) args.insert(args.end(), {"--kind", kind});
  if (!o.name.empty()) args.insert(args.end(), {"--name", o.name});
  if (!o.start_clock.empty()) args.insert(args.end(), {"--start-clock", o.start_clock});
  add_number(args, "--every", o.every_min);
  add_number(args, "--from", o.from_day);
  add_number(args, "--to", o.to_day);
  args.emplace_back("--");
  args.insert(args.end(), o.inputs.begin(), o.inputs.end());
  return spawn_and_wait(args, script_environment(dir));
}

int run_report(const ReportOptions& o) {
  require_input(o.input, "input");
  const InputKind kind = kind_of(o.input);
  if (kind == InputKind::trace) {
    throw UsageError(fmt::format(
        "report: '{}' is a trace; give the run file (.h5) of `brainload run`, or a scenario "
        "(.toml)",
        o.input));
  }
  if (kind == InputKind::scenario) (void)load_valid(o.input);
  if (!o.summary.empty()) require_input(o.summary, "summary");
  fs::path html(o.html);
  if (html.empty()) {
    html = fs::path("output") / (fs::path(o.input).stem().string() + ".html");
    std::error_code ec;
    fs::create_directories("output", ec);
  }
  require_writable(html);

  const fs::path dir = python_dir();
  std::vector<std::string> args{python_interpreter(), script_path(dir, "report.py"), "--html",
                                html.string()};
  if (!o.summary.empty()) args.insert(args.end(), {"--summary", o.summary});
  add_number(args, "--every", o.every_min);
  args.emplace_back("--");
  args.push_back(o.input);
  return spawn_and_wait(args, script_environment(dir));
}

}  // namespace

int run_viz_script(const char* script, const std::vector<std::string>& args) {
  const fs::path dir = python_dir();
  std::vector<std::string> argv{python_interpreter(), script_path(dir, script)};
  argv.insert(argv.end(), args.begin(), args.end());
  return spawn_and_wait(argv, script_environment(dir));
}

Command add_plot_command(CLI::App& app) {
  auto o = std::make_shared<PlotOptions>();
  CLI::App* cmd = app.add_subcommand(
      "plot",
      "PNG and SVG plots of a trace CSV, a scenario (traced arm by arm) or a run file "
      "(quantile ribbons, contrasts with 95 % CI)");
  cmd->add_option("inputs", o->inputs,
                  "trace CSV(s) from `brainload trace`, one scenario (.toml), or one run file "
                  "(.h5)")
      ->required();
  cmd->add_option("--arm", o->arms, "arm to show (repeatable; default: every arm)")
      ->allow_extra_args(false);
  cmd->add_option("--observable", o->observables,
                  "observable to plot (repeatable; default: a set that suits the input)")
      ->allow_extra_args(false);
  cmd->add_option("--kind", o->kinds, "figure to make (repeatable; default: all that apply)")
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"trace", "chain", "events", "quantiles", "contrasts", "responders"}));
  cmd->add_option("--out-dir", o->out_dir, "directory for the figures")
      ->default_val("output/plots");
  cmd->add_option("--name", o->name, "file name stem (default: the scenario or CSV name)");
  cmd->add_option("--format", o->format, "png, svg or png,svg")
      ->default_val("png,svg")
      ->check(
          [](const std::string& v) {
            return (v == "png" || v == "svg" || v == "png,svg" || v == "svg,png")
                       ? std::string()
                       : fmt::format("expected png, svg or png,svg, got '{}'", v);
          },
          "png, svg or png,svg");
  cmd->add_option("--every", o->every_min, "minutes between trace rows (scenario input)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--from", o->from_day, "first day to show (trace or scenario)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--to", o->to_day, "last day to show (trace or scenario)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--start-clock", o->start_clock,
                  "wall clock at time_min 0 of a trace CSV, HH:MM (a scenario knows its own)");
  return {cmd, [o] { return run_plot(*o); }};
}

Command add_report_command(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "one self-contained HTML page: the scenario explained, plots, summary and contrast "
      "tables, and teaching questions");
  cmd->add_option("input", o->input, "run file (.h5) from `brainload run`, or a scenario (.toml)")
      ->required();
  cmd->add_option("--html", o->html, "HTML file to write (default output/<input name>.html)");
  cmd->add_option("--summary", o->summary,
                  "summary JSON from `brainload run --summary-json` (default: recomputed from "
                  "the run file)");
  cmd->add_option("--every", o->every_min, "minutes between trace rows")
      ->check(CLI::PositiveNumber);
  return {cmd, [o] { return run_report(*o); }};
}

}  // namespace brainload::cli
