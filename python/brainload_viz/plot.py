#!/usr/bin/python3
"""Plots of brainload outputs, as PNG and SVG.

    plot.py TRACE.csv [TRACE2.csv ...]   observables over time with session bands and events
    plot.py SCENARIO.toml [--arm A ...]  the same, tracing each arm with brainload.trace()
    plot.py RUN.h5                       per-arm quantile ribbons, contrasts against control
                                         with 95 % confidence intervals, responders

Figures (NAME is the scenario name, or the CSV's file name):
    NAME_trace       a schedule strip (sessions as bars, events as markers) over panels of
                     observables against the wall clock; bands where work_vo2max_frac > 0
    NAME_chain       the arousal chain around the first session of each arm, each signal
                     scaled from its value before the session (0) to its peak (1)
    NAME_events      the value of every event (cognitive test, learn, recall) by arm
    NAME_quantiles   per-arm median, 25-75 % and 5-95 % ribbons of chronic observables
    NAME_contrasts   every arm against control: standardised mean difference of the change
                     from day 0, with 95 % confidence intervals, at each assessment day
    NAME_responders  change in strength against change in brain age, one point per agent

Normally run by `brainload plot` (which checks the inputs first and puts the brainload package
built with it first on PYTHONPATH); also runs on its own with Debian's /usr/bin/python3
(matplotlib, numpy, h5py) and the brainload package importable.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from brainload_viz import common
from brainload_viz.common import VizError

DEFAULT_TRACE_OBSERVABLES = [
    "heart_rate_bpm", "epinephrine_nmol_l", "brain_norepinephrine_rel", "arousal",
    "cerebral_blood_flow_rel", "lactate_mmol_l", "cortisol_nmol_l", "cognitive_performance_z",
]
DEFAULT_RUN_OBSERVABLES = [
    "strength_1rm_rel", "vo2max_ml_kg_min", "bdnf_resting_ng_ml", "hippocampal_volume_rel",
    "brain_age_gap_years", "cognition_composite_z", "executive_function_z", "depression_z",
]
# Left out of the contrast plot: a count of sessions is not an outcome.
NOT_CONTRASTED = {"sessions_done"}
KINDS = ("trace", "chain", "events", "quantiles", "contrasts", "responders")
EVENT_MARKERS = {"cognitive_test": "v", "learn": "s", "recall": "D"}


# ---------------------------------------------------------------------------------------------
# Time axes


class Clock:
    """x positions of trace rows and their tick labels: hours (wall clock when the start clock
    is known) for spans up to three days, days beyond."""

    def __init__(self, start_clock_min: float | None, span_min: float):
        self.start = start_clock_min
        self.in_days = span_min > 3 * 1440

    def x(self, t_min):
        return np.asarray(t_min) / (1440.0 if self.in_days else 60.0)

    def label(self) -> str:
        if self.in_days:
            return "days since the start"
        return "wall clock" if self.start is not None else "hours since the start"

    def format(self, value, _pos=None) -> str:
        if self.in_days:
            return f"{value:g}"
        minutes = value * 60.0 + (self.start or 0.0)
        day, minute = divmod(int(round(minutes)), 1440)
        hh, mm = divmod(minute, 60)
        if self.start is None:
            return f"{value:g} h"
        return f"{hh:02d}:{mm:02d}" + (f"\n+{day} d" if day else "")

    def apply(self, ax, span_min: float):
        import matplotlib.ticker as ticker

        if not self.in_days:
            hours = span_min / 60.0
            step = next((s for s in (0.25, 0.5, 1, 2, 3, 4, 6, 12) if hours / s <= 10), 24)
            ax.xaxis.set_major_locator(ticker.MultipleLocator(step))
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(self.format))


def _span(traces) -> tuple[float, float]:
    t0 = min(float(t.time[0]) for t in traces)
    t1 = max(float(t.time[-1]) for t in traces)
    return t0, max(t1, t0 + 1e-6)


# ---------------------------------------------------------------------------------------------
# Traces


def figure_trace(plt, traces, observables, title: str):
    """Schedule strip over one panel per observable, every arm overlaid."""
    observables = [o for o in observables if all(t.has(o) for t in traces)]
    if not observables:
        raise VizError("none of the requested observables is in the trace", common.EXIT_USAGE)
    t0, t1 = _span(traces)
    clock = Clock(traces[0].start_clock_min, t1 - t0)
    colors = common.arm_colors([t.label for t in traces])
    ncols = 2 if len(observables) > 3 else 1
    nrows = math.ceil(len(observables) / ncols)
    strip_h = 0.35 + 0.28 * len(traces)
    fig = plt.figure(figsize=(11 if ncols == 2 else 8, strip_h + 2.1 * nrows), layout="constrained")
    grid = fig.add_gridspec(nrows + 1, ncols, height_ratios=[strip_h] + [2.1] * nrows)
    strip = fig.add_subplot(grid[0, :])
    bands = {t.label: common.session_bands(t.time, t.columns.get("work_vo2max_frac",
                                                                  np.zeros_like(t.time)))
             for t in traces}
    _schedule_strip(strip, traces, bands, colors, clock, t1 - t0)
    strip.set_title(title, loc="left", fontsize=11)
    axes = []
    # Later arms are drawn wider and underneath, so curves that coincide stay visible.
    widths = {t.label: 1.1 + (1.8 * j / (len(traces) - 1) if len(traces) > 1 else 0.3)
              for j, t in enumerate(traces)}
    for k, name in enumerate(observables):
        ax = fig.add_subplot(grid[1 + k // ncols, k % ncols], sharex=strip)
        axes.append(ax)
        for t in traces:
            for start, end in bands[t.label]:
                ax.axvspan(*clock.x([start, end]), color=colors[t.label],
                           alpha=0.12 if len(traces) == 1 else 0.06, lw=0)
            ax.plot(clock.x(t.time), t.columns[name], color=colors[t.label], lw=widths[t.label],
                    zorder=3 + len(traces) - list(widths).index(t.label), label=t.label)
            # One dotted line per event moment (a test and a blood draw may share one).
            for time_min in sorted({e[0] for e in t.events}):
                ax.axvline(clock.x(time_min), color=colors[t.label], lw=0.7, ls=":", alpha=0.7)
            for time_min, kind, value in t.events:
                if name == "cognitive_performance_z" and kind == "cognitive_test" \
                        and math.isfinite(value):
                    ax.plot(clock.x(time_min), value, marker="o", color=colors[t.label], ms=5)
        ax.set_ylabel(common.axis_label(name))
        ax.set_title(common.short_label(name), loc="left")
        if k // ncols == nrows - 1 or k + ncols >= len(observables):
            ax.set_xlabel(clock.label())
        else:
            ax.tick_params(labelbottom=False)
    if len(traces) > 1:
        axes[0].legend(loc="upper right", fontsize=8)
    clock.apply(strip, t1 - t0)
    strip.set_xlim(*clock.x([t0, t1]))
    return fig


def _schedule_strip(ax, traces, bands, colors, clock, span_min):
    for row, t in enumerate(traces):
        y = len(traces) - 1 - row
        spans = [(clock.x(s), max(clock.x(e) - clock.x(s), clock.x(span_min) * 0.003))
                 for s, e in bands[t.label]]
        ax.broken_barh(spans, (y - 0.3, 0.6), color=colors[t.label])
        for time_min, kind, _value in t.events:
            ax.plot(clock.x(time_min), y, marker=EVENT_MARKERS.get(kind, "o"), color="black",
                    ms=6, ls="none")
    ax.set_yticks(range(len(traces)), [t.label for t in reversed(traces)])
    ax.set_ylim(-0.6, len(traces) - 0.4)
    ax.grid(False, axis="y")
    ax.tick_params(labelbottom=False)
    kinds = sorted({e[1] for t in traces for e in t.events})
    handles = [ax.plot([], [], color="grey", lw=6)[0]] + [
        ax.plot([], [], marker=EVENT_MARKERS.get(k, "o"), color="black", ls="none")[0]
        for k in kinds]
    ax.legend(handles, ["session (work > 0)"] + [k.replace("_", " ") for k in kinds],
              loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)


def figure_chain(plt, traces, title: str):
    """The arousal chain around each arm's first session (arms without one are skipped)."""
    chain = [n for n in common.AROUSAL_CHAIN if all(t.has(n) for t in traces)]
    panels = []
    for t in traces:
        bands = common.session_bands(t.time, t.columns.get("work_vo2max_frac",
                                                           np.zeros_like(t.time)))
        if bands:
            panels.append((t, bands[0]))
    if not panels or len(chain) < 2:
        return None
    panels = panels[:4]
    fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels) + 1.5, 3.6),
                             squeeze=False, layout="constrained")
    cmap = plt.get_cmap("viridis")
    for ax, (t, (start, end)) in zip(axes[0], panels):
        window_end = end + max(45.0, 3.0 * (end - start))
        rows = (t.time >= start - 5.0) & (t.time <= window_end)
        x = t.time[rows] - start
        base_row = int(np.argmax(t.time >= start - 5.0))
        for k, name in enumerate(chain):
            v = t.columns[name][rows]
            base = t.columns[name][base_row]
            peak = float(np.max(v)) if v.size else base
            scaled = (v - base) / (peak - base) if peak - base > 1e-9 else np.zeros_like(v)
            color = cmap(k / max(1, len(chain) - 1))
            i = int(np.argmax(v)) if v.size else 0
            label = common.short_label(name)
            if len(panels) == 1 and v.size:
                label += f" (peak +{x[i]:g} min)"
            ax.plot(x, scaled, color=color, lw=1.5, label=label)
            if v.size:
                ax.plot(x[i], scaled[i], marker="o", color=color, ms=4)
        ax.axvspan(0, end - start, color="grey", alpha=0.15, lw=0)
        ax.set_title(f"{t.label}: session at +0 min", loc="left")
        ax.set_xlabel("minutes after the session starts")
        ax.set_ylim(-0.1, 1.1)
    axes[0][0].set_ylabel("scaled: before (0) to peak (1)")
    axes[0][-1].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
                       title="from muscle to mind")
    fig.suptitle(title, x=0.01, ha="left", fontsize=11)
    return fig


def figure_events(plt, traces, title: str):
    """Bars of event values by arm, grouped by event (time and type)."""
    keys = sorted({(e[0], e[1]) for t in traces for e in t.events if math.isfinite(e[2])})
    if not keys:
        return None
    clock = Clock(traces[0].start_clock_min, 0.0)
    colors = common.arm_colors([t.label for t in traces])
    fig, ax = plt.subplots(figsize=(max(5.0, 1.1 + 0.45 * len(keys) * len(traces)), 3.8),
                           layout="constrained")
    width = 0.8 / len(traces)
    for j, t in enumerate(traces):
        values = {(e[0], e[1]): e[2] for e in t.events}
        xs = [i - 0.4 + width * (j + 0.5) for i in range(len(keys))]
        ys = [values.get(k, math.nan) for k in keys]
        bars = ax.bar(xs, ys, width=width * 0.92, color=colors[t.label], label=t.label)
        for bar, y in zip(bars, ys):
            if math.isfinite(y):
                ax.annotate(f"{y:+.2f}", (bar.get_x() + bar.get_width() / 2, y),
                            xytext=(0, 2 if y >= 0 else -9), textcoords="offset points",
                            ha="center", fontsize=7)
    ax.axhline(0, color="black", lw=0.8)
    labels = [f"{kind.replace('_', ' ')}\n{clock.format(time / 60.0)}".replace("\n+", " +")
              for time, kind in keys]
    ax.set_xticks(range(len(keys)), labels)
    ax.set_ylabel("SD units (0 = the same person rested)")
    ax.set_title(title, loc="left")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    return fig


# ---------------------------------------------------------------------------------------------
# Runs


def _quantile_index(run, q: float) -> int:
    return int(np.argmin(np.abs(run.quantiles - q)))


def figure_quantiles(plt, run, observables, arms, title: str):
    names = [o for o in observables if o in run.quantile_vars]
    if not names:
        return None
    weeks = run.days >= 28
    x = run.time_days / (7.0 if weeks else 1.0)
    colors = common.arm_colors(run.arms)
    ncols = 2 if len(names) > 1 else 1
    nrows = math.ceil(len(names) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(11 if ncols == 2 else 6, 0.6 + 2.4 * nrows),
                             squeeze=False, sharex=True, layout="constrained")
    q = {p: _quantile_index(run, p) for p in (0.05, 0.25, 0.5, 0.75, 0.95)}
    for k, name in enumerate(names):
        ax = axes[k // ncols][k % ncols]
        data = run.quantile_vars[name]
        for arm in arms:
            a = run.arms.index(arm)
            c = colors[arm]
            ax.fill_between(x, data[a, :, q[0.05]], data[a, :, q[0.95]], color=c, alpha=0.10,
                            lw=0)
            ax.fill_between(x, data[a, :, q[0.25]], data[a, :, q[0.75]], color=c, alpha=0.28,
                            lw=0)
            ax.plot(x, data[a, :, q[0.5]], color=c, lw=1.6, label=arm)
        for day in run.assess_days:
            ax.axvline(day / (7.0 if weeks else 1.0), color="black", lw=0.6, ls=":", alpha=0.6)
        ax.set_title(common.short_label(name), loc="left")
        ax.set_ylabel(common.axis_label(name, run.units.get(name)))
    for k in range(len(names), nrows * ncols):
        axes[k // ncols][k % ncols].set_visible(False)
    for k in range(min(ncols, len(names))):
        bottom = axes[max(i for i in range(nrows) if i * ncols + k < len(names))][k]
        bottom.set_xlabel("weeks" if weeks else "days")
        bottom.tick_params(labelbottom=True)
    axes[0][0].legend(loc="best", fontsize=8)
    fig.suptitle(f"{title}\nline: median; dark band: 25-75 %; light band: 5-95 % of agents; "
                 "dotted: assessment days", x=0.01, ha="left", fontsize=10)
    return fig


def figure_contrasts(plt, summary, outcomes, title: str, max_days: int = 3):
    contrasts = [c for c in summary.get("contrasts", [])
                 if c.get("outcome") in outcomes and c.get("outcome") not in NOT_CONTRASTED]
    if not contrasts:
        return None
    days = sorted({int(c["day"]) for c in contrasts})[-max_days:]
    arms = list(dict.fromkeys(c["arm"] for c in contrasts))
    names = [o for o in outcomes if o not in NOT_CONTRASTED
             and any(c["outcome"] == o for c in contrasts)]
    control = contrasts[0]["vs"]
    all_arms = list(summary.get("arms", {})) or [control, *arms]
    colors = common.arm_colors(all_arms)
    fig, axes = plt.subplots(1, len(days), figsize=(3.2 * len(days) + 2.6, 0.9 + 0.32 * len(names)
                                                    * max(1, len(arms)) ** 0.5),
                             squeeze=False, sharey=True, layout="constrained")
    by_key = {(c["arm"], c["outcome"], int(c["day"])): c for c in contrasts}
    step = 0.7 / max(1, len(arms))
    for ax, day in zip(axes[0], days):
        for j, arm in enumerate(arms):
            for i, name in enumerate(names):
                c = by_key.get((arm, name, day))
                if c is None:
                    continue
                y = i - 0.35 + step * (j + 0.5)
                smd = c.get("smd")
                pooled = c.get("pooled_sd")
                lo, hi = (c.get("ci95") or [None, None])[:2]
                if smd is None:
                    continue
                if pooled and lo is not None and hi is not None:
                    ax.plot([lo / pooled, hi / pooled], [y, y], color=colors[arm], lw=1.6)
                ax.plot(smd, y, marker="o", color=colors[arm], ms=4.5,
                        label=arm if (i == 0 and ax is axes[0][0]) else None)
        ax.axvline(0, color="black", lw=0.8)
        ax.set_title(f"day {day}" + (f" (week {day / 7:g})" if day % 7 == 0 and day >= 28
                                     else ""), loc="left")
        ax.set_xlabel(f"SMD vs {control} (95 % CI)")
        ax.grid(True, axis="x", alpha=0.3)
        ax.grid(False, axis="y")
    axes[0][0].set_yticks(range(len(names)), [common.short_label(n) for n in names])
    axes[0][0].set_ylim(len(names) - 0.5, -0.5)
    axes[0][0].legend(loc="lower left", bbox_to_anchor=(0.0, 1.06), ncol=len(arms), fontsize=8)
    fig.suptitle(f"{title}\nchange from day 0, arm minus {control}, in units of the pooled SD of "
                 "change; positive = the arm rose more", x=0.01, ha="left", fontsize=10)
    return fig


def figure_responders(plt, run, arms, title: str):
    a_name, b_name = "strength_1rm_rel", "brain_age_gap_years"
    if a_name not in run.outcomes or b_name not in run.outcomes or run.assess_days.size < 2:
        return None
    colors = common.arm_colors(run.arms)
    last = run.assess_days.size - 1
    fig, ax = plt.subplots(figsize=(6.4, 4.6), layout="constrained")
    for arm in arms:
        rows = (run.arm_index == run.arms.index(arm)) & ~run.failed
        dx = run.outcomes[a_name][rows, last] - run.outcomes[a_name][rows, 0]
        dy = run.outcomes[b_name][rows, last] - run.outcomes[b_name][rows, 0]
        ok = np.isfinite(dx) & np.isfinite(dy)
        dx, dy = dx[ok], dy[ok]
        r = float(np.corrcoef(dx, dy)[0, 1]) if dx.size > 2 and np.std(dx) > 0 \
            and np.std(dy) > 0 else math.nan
        label = f"{arm} (n = {dx.size}" + (f", r = {r:+.2f})" if math.isfinite(r) else ")")
        ax.scatter(dx, dy, s=12, alpha=0.6, color=colors[arm], label=label, lw=0)
    ax.axhline(0, color="black", lw=0.6)
    ax.axvline(0, color="black", lw=0.6)
    ax.set_xlabel(f"change in leg strength, 1RM relative to baseline (day 0 to "
                  f"{run.assess_days[last]:g})")
    ax.set_ylabel("change in brain age gap (years; below 0 = younger)")
    ax.set_title(f"{title}\nresponders: one point per agent", loc="left")
    ax.legend(loc="best", fontsize=8)
    return fig


# ---------------------------------------------------------------------------------------------
# Inputs


def input_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "trace"
    if suffix == ".toml":
        return "scenario"
    if suffix in (".h5", ".hdf5", ".nc", ".nc4"):
        return "run"
    common.read_input_bytes_check(path, "input")
    with open(path, "rb") as f:
        head = f.read(16)
    if head.startswith(b"\x89HDF"):
        return "run"
    if head.startswith(b"time_min"):
        return "trace"
    raise VizError(f"cannot tell what '{path}' is: expected a trace (.csv), a scenario (.toml) "
                   "or a run file (.h5)", common.EXIT_USAGE)


def scenario_traces(path: Path, arms, every: float | None, from_day, to_day):
    """brainload.trace() of each arm (all arms by default), with the start clock."""
    scenario = common.load_scenario(path)
    chosen = list(arms) if arms else list(scenario.arms)
    for arm in chosen:
        if arm not in scenario.arms:
            raise VizError(f"--arm: scenario '{path}' has no arm '{arm}'; its arms are: "
                           f"{', '.join(scenario.arms)}", common.EXIT_USAGE)
    start = 0.0 if from_day is None else from_day
    end = scenario.days if to_day is None else min(to_day, scenario.days)
    every = every or common.default_every_min(end - start)
    traces = []
    for arm in chosen:
        t = common.run_trace(scenario, arm, every, from_day, to_day)
        t.start_clock_min = scenario.start_clock_min
        traces.append(t)
    return scenario.name, traces


def load_traces(args):
    """(name, traces) from CSV files or a scenario, cut to --from/--to."""
    first = Path(args.inputs[0])
    if input_kind(first) == "scenario":
        name, traces = scenario_traces(first, args.arm, args.every, args.from_day, args.to_day)
    else:
        labels = args.label or []
        if labels and len(labels) != len(args.inputs):
            raise VizError(f"--label: got {len(labels)} label(s) for {len(args.inputs)} "
                           "trace(s); give one per trace or none", common.EXIT_USAGE)
        traces = [common.read_trace_csv(Path(p), labels[i] if labels else None)
                  for i, p in enumerate(args.inputs)]
        name = traces[0].label if len(traces) == 1 else "traces"
        start = common.clock_min(args.start_clock) if args.start_clock else None
        for t in traces:
            t.start_clock_min = start
        lo = None if args.from_day is None else args.from_day * 1440.0
        hi = None if args.to_day is None else args.to_day * 1440.0
        traces = [t.window(lo, hi) for t in traces]
        if any(t.time.size == 0 for t in traces):
            raise VizError("--from/--to leave no rows of the trace", common.EXIT_USAGE)
    return name, traces


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="brainload plot", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="trace CSV(s), one scenario TOML, or one run HDF5 file")
    p.add_argument("--arm", action="append", default=[],
                   help="arm to show (repeatable; default: every arm)")
    p.add_argument("--observable", action="append", default=[],
                   help="observable to plot (repeatable; default: a set for the input)")
    p.add_argument("--out-dir", default="output/plots", help="directory for the figures")
    p.add_argument("--name", help="file name stem (default: the scenario or CSV name)")
    p.add_argument("--format", default="png,svg", help="png, svg or png,svg (default)")
    p.add_argument("--kind", action="append", default=[], choices=KINDS,
                   help="figure to make (repeatable; default: all that apply)")
    p.add_argument("--every", type=float, help="minutes between trace rows (scenario input)")
    p.add_argument("--from", dest="from_day", type=float, help="first day to show")
    p.add_argument("--to", dest="to_day", type=float, help="last day to show")
    p.add_argument("--start-clock", help="wall clock at time_min 0 of a CSV, HH:MM")
    p.add_argument("--label", action="append", help="legend label per CSV (repeatable)")
    args = p.parse_args(argv)
    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    if not formats or any(f not in ("png", "svg") for f in formats):
        p.error(f"--format: expected png, svg or png,svg, got {args.format!r}")
    args.formats = list(dict.fromkeys(formats))
    if args.every is not None and not args.every > 0:
        p.error("--every: expected a number of minutes > 0")
    if args.from_day is not None and args.from_day < 0:
        p.error("--from: expected a day >= 0")
    if args.to_day is not None and args.from_day is not None and args.to_day < args.from_day:
        p.error(f"--to {args.to_day:g} is before --from {args.from_day:g}")
    if args.start_clock and common.clock_min(args.start_clock) is None:
        p.error(f"--start-clock: expected HH:MM, got {args.start_clock!r}")
    for name in args.observable:
        if common.OBSERVABLES and name not in common.OBSERVABLES:
            p.error(f"--observable: unknown observable {name!r}; see `brainload describe`")
    return args


def make_figures(plt, args):
    """[(suffix, figure)] for the inputs; the caller saves or embeds them."""
    kinds = set(args.kind or KINDS)
    for p in args.inputs:
        common.read_input_bytes_check(Path(p), "input")
    kinds_of_inputs = {input_kind(Path(p)) for p in args.inputs}
    if len(kinds_of_inputs) > 1 or (kinds_of_inputs & {"run", "scenario"} and len(args.inputs) > 1):
        raise VizError("give several trace CSVs, or one scenario, or one run file",
                       common.EXIT_USAGE)
    figures = []
    if kinds_of_inputs == {"run"}:
        run = common.read_run(Path(args.inputs[0]))
        for arm in args.arm:
            if arm not in run.arms:
                raise VizError(f"--arm: run '{run.name}' has no arm '{arm}'; its arms are: "
                               f"{', '.join(run.arms)}", common.EXIT_USAGE)
        arms = args.arm or run.arms
        name = args.name or run.name
        observables = [o for o in (args.observable or DEFAULT_RUN_OBSERVABLES)]
        if "quantiles" in kinds:
            figures.append(("quantiles", figure_quantiles(plt, run, observables, arms,
                                                          f"{run.name}: per-arm distribution")))
        if "contrasts" in kinds:
            summary = common.run_summary(run)
            summary["contrasts"] = [c for c in summary["contrasts"] if c["arm"] in arms]
            outcomes = args.observable or list(run.outcomes)
            figures.append(("contrasts", figure_contrasts(plt, summary, outcomes,
                                                          f"{run.name}: effects")))
        if "responders" in kinds:
            figures.append(("responders", figure_responders(plt, run, arms, run.name)))
        return name, [(k, f) for k, f in figures if f is not None]
    name, traces = load_traces(args)
    name = args.name or name
    observables = args.observable or DEFAULT_TRACE_OBSERVABLES
    if "trace" in kinds:
        figures.append(("trace", figure_trace(plt, traces, observables, name)))
    if "chain" in kinds:
        figures.append(("chain", figure_chain(
            plt, traces, f"{name}: the arousal chain, epinephrine to arousal")))
    if "events" in kinds:
        figures.append(("events", figure_events(plt, traces, f"{name}: events")))
    return name, [(k, f) for k, f in figures if f is not None]


def main(argv):
    args = parse_args(argv)
    # Outputs graded C or untested are marked in titles and legends (docs/validation.md).
    common.load_credibility()
    plt = common.setup_matplotlib()
    out_dir = common.ensure_directory(Path(args.out_dir))
    name, figures = make_figures(plt, args)
    if not figures:
        raise VizError("nothing to plot for these inputs and --kind", common.EXIT_USAGE)
    for suffix, fig in figures:
        for path in common.save_figure(fig, out_dir / f"{name}_{suffix}", args.formats):
            print(f"wrote {path}")
        plt.close(fig)
    return 0


if __name__ == "__main__":
    common.main_guard(main)
