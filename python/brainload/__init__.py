"""brainload from Python: the simulator's own C++ library (the extension module _core), not a
copy of it, so that every number here is the one the `brainload` command prints.

    import brainload
    s = brainload.load_scenario("scenarios/back_to_back_hiit.toml")
    ds = brainload.trace(s, arm="double", every=1.0)          # xarray.Dataset, dim `time` (min)
    trial = brainload.run(s, agents=200, seed=1)              # Trial
    trial.summary                                             # == `run --summary-json` output
    trial.to_xarray()                                         # == the HDF5 file's content

Errors: a scenario that does not read or validate raises ScenarioError (a ValueError) with the
command's file:line:column message; an unknown arm or parameter ValueError; a missing file
FileNotFoundError; an output that cannot be written OSError; Ctrl-C during run()
KeyboardInterrupt, with nothing left on disk.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import weakref
from collections.abc import Mapping
from pathlib import Path

from . import _core

__all__ = ["Scenario", "ScenarioError", "InputDataError", "Trial", "describe", "load_scenario",
           "trace", "run", "__version__"]
__version__ = _core.__version__

ScenarioError = _core.ScenarioError
InputDataError = _core.InputDataError
Scenario = _core.Scenario


def describe() -> dict:
    """Every observable, parameter, protocol, exercise and impact kind: the content of
    `brainload describe --json`."""
    return json.loads(_core.describe())


def _toml_text(doc: Mapping) -> str:
    try:
        import tomli_w
    except ImportError as error:  # Debian: python3-tomli-w
        raise ImportError("a scenario given as a dict needs tomli_w (Debian: apt-get install "
                          "python3-tomli-w)") from error
    try:
        return tomli_w.dumps(doc)
    except (TypeError, ValueError) as error:
        raise ScenarioError(f"<dict>: cannot write the scenario as TOML: {error}") from None


def load_scenario(source) -> Scenario:
    """A scenario read and validated as `brainload check` does: a path (str or os.PathLike), TOML
    text, a dict of the TOML document, or a Scenario (returned as it is)."""
    if isinstance(source, Scenario):
        return source
    if isinstance(source, Mapping):
        return _core.parse(_toml_text(source), "<dict>")
    if isinstance(source, os.PathLike):
        return _core.load_file(os.fspath(source))
    if isinstance(source, str):
        # TOML text has a line break or an `=`; a file name has neither.
        if "\n" in source or "=" in source:
            return _core.parse(source, "<string>")
        return _core.load_file(source)
    raise TypeError(f"load_scenario: expected a path, TOML text, a dict or a Scenario, not "
                    f"{type(source).__name__}")


def _sets(values) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, Mapping):
        raise TypeError(f"set=: expected a dict {{parameter: value}}, not {type(values).__name__}")
    out = []
    for name, value in values.items():
        if not isinstance(name, str):
            raise TypeError(f"set=: parameter names are strings, not {type(name).__name__}")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"set=: the value of '{name}' must be a number, not "
                            f"{type(value).__name__}")
        out.append(f"{name}={float(value)!r}")
    return out


def _number(name: str, value, allow_none: bool = False):
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name}=: expected a number, not {type(value).__name__}")
    return float(value)


_registry_cache: dict | None = None


def _registry() -> dict:
    """name -> observable entry of describe()."""
    global _registry_cache
    if _registry_cache is None:
        d = describe()["observables"]
        _registry_cache = {o["name"]: o for o in d["acute"] + d["chronic"]}
    return _registry_cache


def trace(scenario, arm: str | None = None, every: float = 1.0, from_day: float = 0.0,
          to_day: float | None = None, set: Mapping | None = None):  # noqa: A002 (the API's name)
    """The reference individual (typical parameters, every session attended) through one arm, as
    `brainload trace`: an xarray.Dataset with dimension `time` (minutes from the scenario's
    start), every acute and chronic observable a variable with `units` and `long_name`, and the
    arm's events on a dimension `event` (event_name, event_type, event_time_min, event_value,
    event_observable); `event_index` (on `time`) marks the rows where the CSV reports one."""
    import numpy as np
    import xarray as xr

    s = load_scenario(scenario)
    table = _core.trace(s, arm or "", _number("every", every), _number("from_day", from_day),
                        _number("to_day", to_day, allow_none=True), _sets(set))
    registry = _registry()
    time = table["time_min"]
    data = {}
    for k, name in enumerate(_core.acute_observables):
        data[name] = ("time", table["acute"][:, k], _attrs(registry, name))
    for k, name in enumerate(_core.chronic_observables):
        data[name] = ("time", table["chronic"][:, k], _attrs(registry, name))
    events = table["events"]
    data["event_name"] = ("event", np.array([e["name"] for e in events], dtype=object))
    data["event_type"] = ("event", np.array([e["type"] for e in events], dtype=object))
    data["event_time_min"] = ("event", np.array([e["t_min"] for e in events], dtype=float),
                              {"units": "min", "long_name": "time of the event's result"})
    data["event_value"] = ("event", np.array([e["value"] for e in events], dtype=float),
                           {"long_name": "the event's result (NaN if not reached)"})
    data["event_observable"] = ("event", np.array([e["observable"] for e in events],
                                                  dtype=object))
    data["event_index"] = ("time", table["row_event"],
                           {"long_name": "index on dimension event of the event reported at "
                                         "this time (the CSV's event columns), -1 for none"})
    ds = xr.Dataset(data, coords={"time": ("time", time, {"units": "min",
                                                          "long_name": "time from the scenario's "
                                                                       "start"})})
    ds.attrs.update({"scenario": s.name, "arm": table["arm"], "model_version": __version__,
                     "start_clock_min": s.start_clock_min,
                     "parameters_overridden": json.dumps(table["parameters_overridden"])})
    return ds


def _attrs(registry: dict, name: str) -> dict:
    o = registry[name]
    return {"units": o["unit"], "long_name": o["meaning"], "label": o["label"],
            "kind": o["kind"], "credibility": o["credibility"]}


class Trial:
    """The result of run(): `summary` (the CLI's summary JSON as a dict), `path` (the HDF5 file)
    and to_xarray() (its content)."""

    def __init__(self, summary: dict, path: Path, scenario: Scenario, temporary: str | None):
        self.summary = summary
        self.path = path
        self.scenario = scenario
        self._tmp = temporary
        if temporary is not None:
            self._cleanup = weakref.finalize(self, shutil.rmtree, temporary, True)

    def to_xarray(self):
        """The run's HDF5 file as an xarray.Dataset, loaded into memory."""
        import xarray as xr

        with xr.open_dataset(self.path, engine="h5netcdf", phony_dims="access") as ds:
            return ds.load()

    def __repr__(self) -> str:
        arms = ", ".join(f"{name} (n={a['n']})" for name, a in self.summary.get("arms", {}).items())
        return f"<brainload.Trial {self.summary.get('scenario')!r}: {arms}; {self.path}>"


def _progress_bar(total_hint: str):
    """A tqdm bar where one is visible (a terminal, or a notebook), else None."""
    try:
        in_notebook = "ipykernel" in sys.modules
        if not in_notebook and not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()):
            return None
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm(total=None, unit="agent", desc=total_hint, leave=False)


def run(scenario, agents: int | None = None, seed: int = 1, threads: int = 0,
        set: Mapping | None = None, out=None, trajectories: bool = False,  # noqa: A002
        force: bool = False, progress: bool | None = None) -> Trial:
    """Every arm's population, as `brainload run`: the HDF5 file at `out` (default: a temporary
    file kept as long as the Trial is) and the summary. `progress`: a progress bar (default: where
    one can be seen). Releases the GIL while it runs; Ctrl-C raises KeyboardInterrupt and leaves
    no file."""
    s = load_scenario(scenario)
    if agents is not None and (isinstance(agents, bool) or not isinstance(agents, int)
                               or not 1 <= agents <= 100_000_000):
        raise ValueError(f"agents=: expected a whole number from 1 to 100000000, not {agents!r}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed=: expected a whole number from 0, not {seed!r}")
    if isinstance(threads, bool) or not isinstance(threads, int) or not 0 <= threads <= 1024:
        raise ValueError(f"threads=: expected a whole number from 0 to 1024, not {threads!r}")
    sets = _sets(set)
    temporary = None
    if out is None:
        temporary = tempfile.mkdtemp(prefix="brainload-")
        path = Path(temporary) / f"{s.name}.h5"
    else:
        path = Path(out)
        if path.exists() and not force:
            raise FileExistsError(f"'{path}' exists; pass force=True to overwrite it")
    command = (f"brainload.run({s.file or s.name!r}, agents={agents!r}, seed={seed}, "
               f"set={dict(set) if set else None!r}, trajectories={trajectories})")
    bar = _progress_bar(s.name) if progress in (None, True) else None
    if progress is True and bar is None:
        from tqdm.auto import tqdm
        bar = tqdm(total=None, unit="agent", desc=s.name, leave=False)

    def hook(done, total):
        if bar is not None:
            bar.total = total
            bar.update(done - bar.n)

    try:
        text = _core.run(s, str(path), agents, seed, threads, bool(trajectories), sets, command,
                         hook)
    except BaseException:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        raise
    finally:
        if bar is not None:
            bar.close()
    return Trial(json.loads(text), path, s, temporary)
