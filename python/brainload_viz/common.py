"""What plot.py and report.py share: reading brainload outputs, trial statistics, scenario text,
running `brainload trace`, and writing files that appear only when complete.

Inputs (README "Reading the trace CSV", "HDF5 output"):
- a trace CSV: `time_min`, the acute and chronic observables, `event` (its type),
  `event_value`, `event_name`;
- a run HDF5 file: dimensions agent, arm, assess_day, time (days), quantile; per-agent
  outcomes (agent, assess_day); `<observable>_quantiles` (arm, time, quantile); optional
  `<observable>_trajectory` (agent, time); global attributes `scenario` (the TOML text), `seed`,
  `command`, `model_version`.

Exit codes follow brainload's (PRODUCT.md): 2 bad command line, 65 invalid input data, 66
missing input, 70 internal error, 73 output cannot be created, 130 interrupted.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import os
import re
import sys
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

EXIT_USAGE = 2
EXIT_DATA = 65
EXIT_NO_INPUT = 66
EXIT_INTERNAL = 70
EXIT_CANNOT_CREATE = 73
EXIT_INTERRUPTED = 130



class VizError(Exception):
    """A problem the user can act on, with the exit code that reports it."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------------------------------------
# Observables (PRODUCT.md: names and units are fixed), from brainload.describe(): the C++
# registry (include/brainload/observables.hpp) is the one list. Each maps name -> (unit for an
# axis, short label). A dimensionless unit ("1") shows the scale its meaning states ("1 = rest",
# "0-1").

def _display_unit(o: dict) -> str:
    if o["unit"] != "1":
        return o["unit"]
    scale = re.search(r"(1 = [a-z ]+|0-1)$", o.get("meaning", ""))
    return scale.group(1) if scale else "1"


@functools.lru_cache(maxsize=1)
def _registry() -> dict:
    lists = _described().get("observables", {})
    return {kind: {o["name"]: (_display_unit(o), o.get("label") or o["name"].replace("_", " "))
                   for o in lists.get(kind, [])}
            for kind in ("acute", "chronic")}


@functools.lru_cache(maxsize=1)
def _described() -> dict:
    """brainload.describe(): the C++ library's registry, the one list of observables."""
    return _api().describe()


def _api():
    """The brainload package (python/brainload, the C++ library). `brainload plot` and `report`
    put the copy built with the executable first on PYTHONPATH."""
    try:
        import brainload
    except ImportError as error:
        raise VizError(f"cannot import the brainload Python module ({error}); build it "
                       "(cmake --build build) and put build/python on PYTHONPATH, or install "
                       "it (cmake --install build)", EXIT_INTERNAL) from None
    return brainload


class _Table(Mapping):
    """A read-only view of one part of the registry, loaded on first use."""

    def __init__(self, *kinds):
        self._kinds = kinds

    def _data(self) -> dict:
        table = {}
        for kind in self._kinds:
            table.update(_registry()[kind])
        return table

    def __getitem__(self, name):
        return self._data()[name]

    def __iter__(self):
        return iter(self._data())

    def __len__(self):
        return len(self._data())


ACUTE = _Table("acute")
CHRONIC = _Table("chronic")
OBSERVABLES = _Table("acute", "chronic")

# The arousal chain of MODEL.md pathway 2, in the order the signal travels.
AROUSAL_CHAIN = [
    "epinephrine_nmol_l", "vagal_afferent_rel", "nts_activity_rel", "lc_firing_hz",
    "brain_norepinephrine_rel", "arousal",
]


# Credibility grade per observable (docs/validation.md), read once from brainload.describe() by
# load_credibility.
CREDIBILITY: dict[str, str] = {}
# Grades that a figure or report must flag beside the output (issue 13).
FLAGGED_GRADES = ("C", "untested")


def load_credibility() -> dict[str, str]:
    """Fill CREDIBILITY from brainload.describe()."""
    CREDIBILITY.clear()
    for group in ("acute", "chronic"):
        for o in _described().get("observables", {}).get(group, []):
            if "credibility" in o:
                CREDIBILITY[o["name"]] = o["credibility"]
    return CREDIBILITY


def credibility_mark(name: str) -> str:
    """" [credibility C]" or " [untested]" for an output graded C or untested, else ""."""
    grade = CREDIBILITY.get(name)
    if grade not in FLAGGED_GRADES:
        return ""
    return " [untested]" if grade == "untested" else f" [credibility {grade}]"


def axis_label(name: str, units: str | None = None) -> str:
    unit, short = OBSERVABLES.get(name, (units or "", name.replace("_", " ")))
    unit = units if units and name not in OBSERVABLES else unit
    return f"{short} ({unit})" if unit and unit != "1" else short


def short_label(name: str) -> str:
    return OBSERVABLES.get(name, ("", name.replace("_", " ")))[1] + credibility_mark(name)


# ---------------------------------------------------------------------------------------------
# matplotlib


def setup_matplotlib():
    """pyplot on the Agg backend, with a writable config directory and reproducible SVGs."""
    if "MPLCONFIGDIR" not in os.environ:
        config = Path.home() / ".config" / "matplotlib"
        try:
            config.mkdir(parents=True, exist_ok=True)
            writable = os.access(config, os.W_OK)
        except OSError:
            writable = False
        if not writable:
            os.environ["MPLCONFIGDIR"] = tempfile.mkdtemp(prefix="brainload-mpl-")
    try:
        import matplotlib
    except ImportError as error:
        raise VizError(
            f"cannot import matplotlib ({error}); brainload's plots need Debian's "
            "python3-matplotlib, python3-numpy and python3-h5py "
            "(apt-get install python3-matplotlib python3-h5py), run by /usr/bin/python3",
            EXIT_INTERNAL) from error
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({
        "svg.hashsalt": "brainload",
        "font.size": 9,
        "axes.titlesize": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "legend.frameon": False,
    })
    return plt


def arm_colors(names):
    """A fixed colour per arm, in arm order (control-like arms grey)."""
    palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
               "#17becf", "#bcbd22"]
    colors, k = {}, 0
    for name in names:
        if name in ("control", "rest", "sitting"):
            colors[name] = "#555555"
        else:
            colors[name] = palette[k % len(palette)]
            k += 1
    return colors


# ---------------------------------------------------------------------------------------------
# Output files


def ensure_directory(path: Path) -> Path:
    """Creates `path` (and parents); exit 73 when it cannot be created or written."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise VizError(f"cannot create directory '{path}': {error.strerror or error}",
                       EXIT_CANNOT_CREATE) from error
    if not path.is_dir() or not os.access(path, os.W_OK):
        raise VizError(f"cannot write into '{path}': not a writable directory",
                       EXIT_CANNOT_CREATE)
    return path


def require_writable_file(target: Path) -> None:
    parent = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise VizError(f"cannot create '{target}': it is a directory", EXIT_CANNOT_CREATE)
    if not parent.is_dir():
        raise VizError(f"cannot create '{target}': directory '{parent}' does not exist",
                       EXIT_CANNOT_CREATE)
    if not os.access(parent, os.W_OK):
        raise VizError(f"cannot create '{target}': directory '{parent}' is not writable",
                       EXIT_CANNOT_CREATE)


class AtomicPath:
    """A temporary file beside `target`, renamed onto it by commit(); removed otherwise.

        with AtomicPath(target) as tmp:
            write(tmp)
            ...           # commit() is called on a clean exit
    """

    def __init__(self, target: Path):
        self.target = Path(target)
        require_writable_file(self.target)
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".partial",
                                        dir=self.target.parent if str(self.target.parent) else ".")
        except OSError as error:
            raise VizError(f"cannot create '{self.target}': {error.strerror or error}",
                           EXIT_CANNOT_CREATE) from error
        os.close(fd)
        self.temp = Path(name)

    def __enter__(self) -> Path:
        return self.temp

    def __exit__(self, kind, value, tb):
        if kind is None:
            try:
                os.chmod(self.temp, 0o644)
                os.replace(self.temp, self.target)
            except OSError as error:
                self.temp.unlink(missing_ok=True)
                raise VizError(f"cannot create '{self.target}': {error.strerror or error}",
                               EXIT_CANNOT_CREATE) from error
        else:
            self.temp.unlink(missing_ok=True)
        return False


def save_figure(fig, base: Path, formats) -> list[Path]:
    """Writes `base.<format>` for each format, each complete or not at all."""
    written = []
    for fmt in formats:
        target = base.with_name(f"{base.name}.{fmt}")
        metadata = {"Date": None} if fmt == "svg" else {}
        with AtomicPath(target) as tmp:
            fig.savefig(tmp, format=fmt, dpi=110 if fmt == "png" else None, metadata=metadata)
        written.append(target)
    return written


def write_text_file(target: Path, text: str) -> None:
    with AtomicPath(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def read_input_bytes(path: Path, what: str) -> bytes:
    if path.is_dir():
        raise VizError(f"cannot read {what} '{path}': it is a directory", EXIT_NO_INPUT)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise VizError(f"cannot read {what} '{path}': no such file", EXIT_NO_INPUT) from None
    except OSError as error:
        raise VizError(f"cannot read {what} '{path}': {error.strerror or error}",
                       EXIT_NO_INPUT) from None


# ---------------------------------------------------------------------------------------------
# Trace CSV


@dataclass
class Trace:
    """One `brainload trace` CSV: numeric columns and the event rows."""

    label: str
    columns: dict
    events: list = field(default_factory=list)  # (time_min, type, value)
    start_clock_min: float | None = None  # wall clock at time_min 0, when known

    @property
    def time(self):
        return self.columns["time_min"]

    def has(self, name: str) -> bool:
        return name in self.columns

    def window(self, from_min: float | None, to_min: float | None) -> "Trace":
        keep = np.ones(self.time.shape, dtype=bool)
        if from_min is not None:
            keep &= self.time >= from_min - 1e-9
        if to_min is not None:
            keep &= self.time <= to_min + 1e-9
        events = [e for e in self.events
                  if (from_min is None or e[0] >= from_min - 1e-9)
                  and (to_min is None or e[0] <= to_min + 1e-9)]
        return Trace(self.label, {k: v[keep] for k, v in self.columns.items()}, events,
                     self.start_clock_min)


def parse_trace_csv(text: str, label: str, source: str) -> Trace:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header or header[0] != "time_min":
        raise VizError(f"{source}: not a brainload trace CSV (the first column must be "
                       "time_min; make one with `brainload trace SCENARIO.toml --csv FILE`)",
                       EXIT_DATA)
    text_columns = {"event", "event_value", "event_name"}
    numeric = [(i, name) for i, name in enumerate(header) if name not in text_columns]
    event_i = header.index("event") if "event" in header else None
    value_i = header.index("event_value") if "event_value" in header else None
    values = {name: [] for _, name in numeric}
    events = []
    for line, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(row) != len(header):
            raise VizError(f"{source}:{line}: expected {len(header)} columns, got {len(row)}",
                           EXIT_DATA)
        try:
            for i, name in numeric:
                values[name].append(float(row[i]) if row[i] != "" else math.nan)
        except ValueError:
            raise VizError(f"{source}:{line}: column '{name}': expected a number, got "
                           f"{row[i][:40]!r}", EXIT_DATA) from None
        if event_i is not None and row[event_i]:
            value = math.nan
            if value_i is not None and row[value_i] not in ("", "nan"):
                try:
                    value = float(row[value_i])
                except ValueError:
                    pass
            events.append((values["time_min"][-1], row[event_i], value))
    if not values["time_min"]:
        raise VizError(f"{source}: the trace has a header but no rows", EXIT_DATA)
    columns = {name: np.asarray(v, dtype=float) for name, v in values.items()}
    return Trace(label, columns, events)


def read_trace_csv(path: Path, label: str | None = None) -> Trace:
    data = read_input_bytes(Path(path), "trace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise VizError(f"{path}: not a brainload trace CSV (not UTF-8 text)", EXIT_DATA) from None
    return parse_trace_csv(text, label or Path(path).stem, str(path))


def session_bands(time, work, merge_gap_min: float = 5.0):
    """[start, end] in minutes of the stretches where work_vo2max_frac > 0; stretches closer
    than `merge_gap_min` (rests between sets or intervals) are one session. A row shows the
    state at its time, so the row at a session's start still reads 0: a stretch starts at the
    last row before it and ends at the first row after it."""
    bands = []
    start = None
    for i in range(len(time)):
        active = work[i] > 0
        if active and start is None:
            start = time[i - 1] if i > 0 else time[i]
        elif not active and start is not None:
            bands.append([start, time[i]])
            start = None
    if start is not None:
        bands.append([start, time[-1]])
    merged = []
    for band in bands:
        if merged and band[0] - merged[-1][1] <= merge_gap_min:
            merged[-1][1] = band[1]
        else:
            merged.append(band)
    return [tuple(b) for b in merged]


# ---------------------------------------------------------------------------------------------
# Running `brainload trace`


class _ApiErrors:
    """brainload's Python exceptions as VizError with the command's exit codes."""

    def __init__(self, what: str):
        self.what = what

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if error is None:
            return False
        api = _api()
        if isinstance(error, api.ScenarioError):
            raise VizError(str(error), EXIT_DATA) from None
        if isinstance(error, FileNotFoundError):
            raise VizError(f"error: {error}", EXIT_NO_INPUT) from None
        if isinstance(error, ValueError):
            raise VizError(f"error: {error}", EXIT_USAGE) from None
        if isinstance(error, RuntimeError):
            raise VizError(f"internal error: {self.what}: {error}", EXIT_INTERNAL) from None
        return False


def load_scenario(path):
    """brainload.load_scenario(path), read and validated by the C++ library."""
    with _ApiErrors(f"reading '{path}'"):
        return _api().load_scenario(path)


def run_trace(scenario, arm: str, every_min: float, from_day: float | None = None,
              to_day: float | None = None) -> Trace:
    """brainload.trace() of one arm, as the Trace a CSV of `brainload trace` gives."""
    with _ApiErrors(f"tracing arm '{arm}'"):
        ds = _api().trace(scenario, arm=arm, every=every_min, from_day=from_day or 0.0,
                          to_day=to_day)
    columns = {"time_min": ds["time"].values.astype(float)}
    for name in ds.data_vars:
        if ds[name].dims == ("time",) and name != "event_index":
            columns[name] = ds[name].values.astype(float)
    events = []
    types = ds["event_type"].values
    values = ds["event_value"].values
    for i, k in enumerate(ds["event_index"].values):
        if k >= 0:
            events.append((float(columns["time_min"][i]), str(types[k]), float(values[k])))
    return Trace(arm, columns, events)


def default_every_min(span_days: float) -> float:
    """Row spacing that keeps a trace readable and small."""
    if span_days <= 2.0:
        return 0.25  # a 30 s sprint still shows in work_vo2max_frac
    if span_days <= 7.0:
        return 1.0  # fine enough to catch a set of a resistance session in work_vo2max_frac
    if span_days <= 30.0:
        return 5.0
    return 30.0


# ---------------------------------------------------------------------------------------------
# Scenario text (TOML)


def clock_min(text) -> float | None:
    if isinstance(text, str) and re.fullmatch(r"\d\d:\d\d", text):
        return int(text[:2]) * 60.0 + int(text[3:])
    return None


def parse_toml(text: str) -> dict:
    """The scenario as a dict; {} when it cannot be parsed (reports still show the text)."""
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, TypeError):
        return {}


def scenario_days(doc: dict) -> int:
    section = doc.get("scenario", {})
    if "weeks" in section:
        return 7 * int(section["weeks"])
    return int(section.get("days", 1))


def teaching(doc: dict):
    """(questions, answers) from the optional [teaching] table; answers may be []."""
    table = doc.get("teaching", {})
    questions = [q for q in table.get("questions", []) if isinstance(q, str)]
    answers = [a for a in table.get("answers", []) if isinstance(a, str)]
    return questions, answers if len(answers) == len(questions) else []


def header_comments(text: str):
    """The comment block at the top of a scenario file, as ("p", text) paragraphs and
    ("code", text) lines (comment lines indented by three or more spaces)."""
    blocks = []
    paragraph = []

    def flush():
        if paragraph:
            blocks.append(("p", " ".join(paragraph)))
            paragraph.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            flush()
            continue
        body = stripped[1:]
        if body.startswith("   ") and body.strip():
            flush()
            blocks.append(("code", body.strip()))
        elif not body.strip():
            flush()
        else:
            paragraph.append(body.strip())
    flush()
    return blocks


# ---------------------------------------------------------------------------------------------
# Run HDF5


@dataclass
class Run:
    path: Path
    name: str
    scenario_text: str
    seed: str
    command: str
    model_version: str
    arms: list
    assess_days: np.ndarray
    time_days: np.ndarray
    quantiles: np.ndarray
    arm_index: np.ndarray
    failed: np.ndarray
    dropout_day: np.ndarray
    sessions_scheduled: np.ndarray
    sessions_attended: np.ndarray
    outcomes: dict  # name -> (agent, assess_day)
    quantile_vars: dict  # name -> (arm, time, quantile)
    trajectories: dict  # name -> (agent, time)
    units: dict
    summary_text: str | None = None  # global attribute `summary`: the run's summary JSON

    @property
    def agents(self) -> int:
        return int(self.arm_index.shape[0])

    @property
    def days(self) -> float:
        return float(self.time_days[-1]) if self.time_days.size else 0.0


def _text(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, np.ndarray) and value.shape == ():
        return _text(value[()])
    return str(value)


def _dim_names(dataset) -> tuple:
    names = []
    try:
        for dim in dataset.dims:
            names.append(dim[0].name.rsplit("/", 1)[-1] if len(dim) else "")
    except Exception:  # dimension scales are a convenience; shapes decide otherwise
        return ()
    return tuple(names)


def read_run(path: Path) -> Run:
    path = Path(path)
    read_input_bytes_check(path, "run file")
    try:
        import h5py
    except ImportError as error:
        raise VizError(f"cannot import h5py ({error}); install Debian's python3-h5py and run "
                       "with /usr/bin/python3", EXIT_INTERNAL) from error
    try:
        f = h5py.File(path, "r")
    except OSError as error:
        raise VizError(f"{path}: not an HDF5 file written by `brainload run` ({error})",
                       EXIT_DATA) from None
    with f:
        def need(name):
            if name not in f:
                raise VizError(f"{path}: not a brainload run file: no variable '{name}'",
                               EXIT_DATA)
            return f[name][()]

        arms = [_text(a) for a in need("arm")]
        assess = np.asarray(need("assess_day"), dtype=float)
        time = np.asarray(need("time"), dtype=float)
        quantiles = np.asarray(need("quantile"), dtype=float)
        arm_index = np.asarray(need("arm_index"), dtype=int)
        n_agent = arm_index.shape[0]

        def agent_int(name, default):
            return np.asarray(f[name][()], dtype=int) if name in f else np.full(n_agent, default)

        outcomes, quantile_vars, trajectories, units = {}, {}, {}, {}
        for name, ds in f.items():
            if not isinstance(ds, h5py.Dataset):
                continue
            dims = _dim_names(ds)
            shape = ds.shape
            if name.endswith("_quantiles") and (
                    dims == ("arm", "time", "quantile")
                    or (not dims and shape == (len(arms), time.size, quantiles.size))):
                key = name[: -len("_quantiles")]
                quantile_vars[key] = np.asarray(ds[()], dtype=float)
            elif name.endswith("_trajectory") and (
                    dims == ("agent", "time") or (not dims and shape == (n_agent, time.size))):
                trajectories[name[: -len("_trajectory")]] = np.asarray(ds[()], dtype=float)
            elif dims == ("agent", "assess_day") or (
                    not dims and shape == (n_agent, assess.size) and assess.size != time.size):
                outcomes[name] = np.asarray(ds[()], dtype=float)
            else:
                continue
            key = name.removesuffix("_quantiles").removesuffix("_trajectory")
            units.setdefault(key, _text(ds.attrs.get("units", "")))
        attrs = f.attrs
        if "scenario" not in attrs:
            raise VizError(f"{path}: not a brainload run file: no global attribute 'scenario'",
                           EXIT_DATA)
        scenario_text = _text(attrs["scenario"])
        name = _text(attrs.get("scenario_name", "")) or parse_toml(scenario_text).get(
            "scenario", {}).get("name", path.stem)
        return Run(path=path, name=name, scenario_text=scenario_text,
                   seed=_text(attrs.get("seed", "")), command=_text(attrs.get("command", "")),
                   model_version=_text(attrs.get("model_version", "")), arms=arms,
                   assess_days=assess, time_days=time, quantiles=quantiles, arm_index=arm_index,
                   failed=agent_int("failed", 0).astype(bool),
                   dropout_day=agent_int("dropout_day", -1),
                   sessions_scheduled=agent_int("sessions_scheduled", 0),
                   sessions_attended=agent_int("sessions_attended", 0),
                   outcomes=dict(sorted(outcomes.items(), key=lambda kv: _order(kv[0]))),
                   quantile_vars=dict(sorted(quantile_vars.items(), key=lambda kv: _order(kv[0]))),
                   trajectories=trajectories, units=units,
                   summary_text=_text(attrs["summary"]) if "summary" in attrs else None)


def read_input_bytes_check(path: Path, what: str) -> None:
    if path.is_dir():
        raise VizError(f"cannot read {what} '{path}': it is a directory", EXIT_NO_INPUT)
    if not path.exists():
        raise VizError(f"cannot read {what} '{path}': no such file", EXIT_NO_INPUT)
    if not os.access(path, os.R_OK):
        raise VizError(f"cannot read {what} '{path}': permission denied", EXIT_NO_INPUT)


def _order(name: str):
    names = list(CHRONIC)
    return (names.index(name) if name in names else len(names), name)


# ---------------------------------------------------------------------------------------------
# Trial statistics: those `brainload run` computed (sim/population/summary.cpp), never recomputed


def _with_pooled_sd(summary: dict) -> dict:
    """The pooled SD of change behind each SMD, for drawing SMD intervals."""
    for c in summary["contrasts"]:
        md, smd = c.get("mean_difference"), c.get("smd")
        if "pooled_sd" not in c and md is not None and smd not in (None, 0):
            c["pooled_sd"] = md / smd
    return summary


def run_summary(run: Run) -> dict:
    """The summary the run wrote into its file (global attribute `summary`, the same JSON as
    --summary-json)."""
    if run.summary_text is None:
        raise VizError(f"{run.path}: this run file has no `summary` attribute (it was written by "
                       "an older brainload); pass --summary with its summary JSON, or run the "
                       "scenario again", EXIT_DATA)
    import json

    try:
        summary = json.loads(run.summary_text)
    except json.JSONDecodeError as error:
        raise VizError(f"{run.path}: its `summary` attribute is not JSON ({error})",
                       EXIT_DATA) from None
    return _with_pooled_sd(summary)


def load_summary_json(path: Path) -> dict:
    import json

    data = read_input_bytes(Path(path), "summary")
    try:
        summary = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise VizError(f"{path}: not a JSON file written by `brainload run --summary-json` "
                       f"({error})", EXIT_DATA) from None
    if not isinstance(summary, dict) or not isinstance(summary.get("arms"), dict) \
            or not isinstance(summary.get("contrasts"), list):
        raise VizError(f"{path}: not a brainload summary (expected the keys 'arms' and "
                       "'contrasts')", EXIT_DATA)
    return _with_pooled_sd(summary)


def main_guard(main):
    """Runs main(argv) and turns every failure into a message and an exit code."""
    try:
        code = main(sys.argv[1:])
    except VizError as error:
        print(f"error: {error}", file=sys.stderr)
        code = error.code
    except KeyboardInterrupt:
        print("\ninterrupted: no output written", file=sys.stderr)
        code = EXIT_INTERRUPTED
    except Exception:  # anything else is a bug: say so, with the traceback
        import traceback

        traceback.print_exc()
        print("internal error in brainload's plotting scripts", file=sys.stderr)
        code = EXIT_INTERNAL
    sys.exit(code or 0)
