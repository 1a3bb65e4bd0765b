// brainload._core: the C++ library for Python (pybind11). The Python package brainload
// (python/brainload/__init__.py) wraps it into the documented API (README "Python"): it turns
// the tables returned here into xarray and the summary JSON into a dict.
//
// Each call is the CLI command's own code (cli/jobs.hpp), so a result here equals the
// command's. Long calls release the GIL. A run polls Python's signal state from its progress
// hook, so Ctrl-C (KeyboardInterrupt) stops it between blocks of agents and nothing is left on
// disk (the run's outputs are temporary files until the end).
//
// Errors become Python exceptions (registered below): a bad scenario ScenarioError with the
// CLI's file:line:column message; a request that names nothing (arm, --set parameter) ValueError;
// missing input FileNotFoundError; outputs that cannot be created or written OSError; an
// interrupted run KeyboardInterrupt.
#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "brainload/error.hpp"
#include "brainload/io/life_state.hpp"
#include "brainload/io/scenario_toml.hpp"
#include "brainload/observables.hpp"
#include "brainload/population/runner.hpp"
#include "brainload/schedule/validate.hpp"
#include "cli/commands.hpp"
#include "cli/jobs.hpp"

namespace py = pybind11;

namespace brainload {
namespace {

// A scenario read and validated (as `brainload check` does).
Scenario valid(Scenario s) {
  require_valid(s);
  return s;
}

std::vector<std::string> arm_names(const Scenario& s) {
  std::vector<std::string> names;
  names.reserve(s.arms.size());
  for (const Arm& a : s.arms) names.push_back(a.name);
  return names;
}

// `trace` as columns: time (min), the acute and chronic observables as (rows, observables)
// arrays, and one dict per event of the arm (NaN value if it was not reached in the window).
py::dict trace_table(const Scenario& s, const std::string& arm, double every_min, double from_day,
                     std::optional<double> to_day, const std::vector<std::string>& sets) {
  cli::TraceResult r;
  {
    const py::gil_scoped_release release;
    r = cli::trace_job(s, {arm, every_min, from_day, to_day, sets, {}, {}});
  }
  const auto n = static_cast<py::ssize_t>(r.trace.rows.size());
  constexpr auto kAcute = static_cast<py::ssize_t>(kAcuteObservableCount);
  constexpr auto kChronic = static_cast<py::ssize_t>(kChronicObservableCount);
  py::array_t<double> time(n);
  py::array_t<double> acute({n, kAcute});
  py::array_t<double> chronic({n, kChronic});
  py::array_t<std::int64_t> row_event(n);
  auto t = time.mutable_unchecked<1>();
  auto a = acute.mutable_unchecked<2>();
  auto c = chronic.mutable_unchecked<2>();
  auto e = row_event.mutable_unchecked<1>();
  for (py::ssize_t i = 0; i < n; ++i) {
    const TraceRow& row = r.trace.rows[static_cast<std::size_t>(i)];
    t(i) = row.t_min;
    for (py::ssize_t k = 0; k < kAcute; ++k) a(i, k) = row.acute[static_cast<std::size_t>(k)];
    for (py::ssize_t k = 0; k < kChronic; ++k) c(i, k) = row.chronic[static_cast<std::size_t>(k)];
    e(i) = row.event;
  }
  py::list events;
  for (const EventRecord& rec : r.trace.events) {
    const EventSpec& spec = r.arm->events[rec.index];
    py::dict d;
    d["name"] = spec.name;
    d["type"] = event_type_name(rec.type);
    d["day"] = spec.day;
    d["t_min"] = rec.t_min;
    d["value"] = rec.value;
    d["observable"] = spec.observable;
    d["note"] = rec.note;
    events.append(std::move(d));
  }
  py::dict out;
  out["arm"] = r.arm->name;
  out["time_min"] = std::move(time);
  out["acute"] = std::move(acute);
  out["chronic"] = std::move(chronic);
  out["row_event"] = std::move(row_event);
  out["events"] = std::move(events);
  out["parameters_overridden"] = r.overridden;
  return out;
}

// `run` into `out`; returns the summary JSON text. `progress(done, total)` is called with the GIL
// held after each block of agents; it may raise (KeyboardInterrupt from Ctrl-C, or an error of
// its own), which stops the run and is raised here once the workers have stopped.
std::string run_trial(const Scenario& s, const std::string& out, std::optional<std::int64_t> agents,
                      std::uint64_t seed, int threads, bool trajectories,
                      const std::vector<std::string>& sets, const std::string& command,
                      const std::optional<py::function>& progress) {
  std::atomic<bool> cancel{false};
  std::exception_ptr raised;  // what the progress hook raised (a py::error_already_set)
  cli::RunJob job;
  job.out = out;
  job.agents = agents;
  job.seed = seed;
  job.threads = threads;
  job.trajectories = trajectories;
  job.sets = sets;
  job.command = command;
  job.quiet = true;
  job.cancel = &cancel;
  job.progress = [&](std::int64_t done, std::int64_t total) {
    if (raised) return;
    const py::gil_scoped_acquire gil;
    try {
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
      if (progress) (*progress)(done, total);
    } catch (py::error_already_set&) {
      raised = std::current_exception();
      cancel.store(true);
    }
  };
  std::string summary;
  try {
    const py::gil_scoped_release release;
    summary = cli::run_job(s, job).summary_json.dump(2);
  } catch (const Cancelled&) {
    if (raised) std::rethrow_exception(raised);
    throw;
  }
  return summary;
}

}  // namespace
}  // namespace brainload

PYBIND11_MODULE(_core, m) {
  using namespace brainload;
  m.doc() = "brainload's C++ library; use the package brainload, not this module";
  m.attr("__version__") = BRAINLOAD_VERSION;

  static py::exception<ScenarioError> scenario_error(m, "ScenarioError", PyExc_ValueError);
  static py::exception<InputDataError> input_error(m, "InputDataError", PyExc_ValueError);
  // pybind11 takes a translator of type void (*)(std::exception_ptr), by value.
  // NOLINTNEXTLINE(performance-unnecessary-value-param)
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ScenarioError& e) {
      scenario_error(e.what());
    } catch (const InputDataError& e) {
      input_error(e.what());
    } catch (const MissingInputError& e) {
      PyErr_SetString(PyExc_FileNotFoundError, e.what());
    } catch (const OutputError& e) {
      PyErr_SetString(PyExc_OSError, e.what());
    } catch (const OutputIoError& e) {
      PyErr_SetString(PyExc_OSError, e.what());
    } catch (const cli::UsageError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const Cancelled& e) {
      PyErr_SetString(PyExc_KeyboardInterrupt, e.what());
    }
  });

  py::class_<Scenario>(m, "Scenario", "a scenario read and validated (use brainload.load_scenario)")
      .def_readonly("name", &Scenario::name)
      .def_readonly("description", &Scenario::description)
      .def_readonly("days", &Scenario::days)
      .def_readonly("start_clock_min", &Scenario::start_clock_min)
      .def_readonly("file", &Scenario::file)
      .def_readonly("text", &Scenario::source_text)
      .def_property_readonly("arms", &arm_names)
      .def_property_readonly("agents", [](const Scenario& s) { return s.population.agents; });

  m.def(
      "describe", [] { return cli::describe_json().dump(); },
      "`brainload describe --json` as JSON text");
  m.def(
      "load_file", [](const std::string& path) { return valid(load_scenario_file(path)); },
      py::arg("path"), "read and validate a scenario file");
  m.def(
      "parse",
      [](const std::string& text, const std::string& name) {
        return valid(parse_scenario(text, name));
      },
      py::arg("text"), py::arg("name"), "read and validate scenario TOML text named `name`");
  m.def("trace", &trace_table, py::arg("scenario"), py::arg("arm"), py::arg("every_min"),
        py::arg("from_day"), py::arg("to_day"), py::arg("sets"));
  m.def("run", &run_trial, py::arg("scenario"), py::arg("out"), py::arg("agents"), py::arg("seed"),
        py::arg("threads"), py::arg("trajectories"), py::arg("sets"), py::arg("command"),
        py::arg("progress"));
  py::list acute;
  for (const ObservableInfo& o : acute_observables()) acute.append(std::string(o.name));
  py::list chronic;
  for (const ObservableInfo& o : chronic_observables()) chronic.append(std::string(o.name));
  m.attr("acute_observables") = acute;
  m.attr("chronic_observables") = chronic;
}
