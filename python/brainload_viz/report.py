#!/usr/bin/python3
"""One self-contained HTML page about a brainload run (or a scenario): what the scenario is,
the plots, the per-arm summary and the contrasts against control, and for teaching scenarios a
"predict, then look" question set.

    report.py RUN.h5 --html FILE [--summary SUMMARY.json]
    report.py SCENARIO.toml --html FILE

From a run file the tables are the run's own statistics, stored in the file (global attribute
`summary`, the JSON of `brainload run --summary-json`), or --summary's JSON. The scenario is
explained from the TOML text stored in the run file (global attribute `scenario`): its opening
comments, its description, population, arms and protocols; the optional [teaching] table gives
the questions (and answers). The reference individual of every arm is traced with
brainload.trace() (the whole span for scenarios of up to two days, the first week otherwise). Images are PNGs inside the page
as data: URIs; the page loads nothing from the network and runs no script.
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import math
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from brainload_viz import common, plot
from brainload_viz.common import VizError

# Built-in protocols (README "Built-in protocols"), to explain a schedule without a lookup.
BUILTIN_PROTOCOLS = {
    "wingate": "one 30 s all-out cycle sprint",
    "sprint_6x6s": "6 × 6 s all-out sprints, 60 s passive rest",
    "hiit_4x4": "4 × 4 min at 90 % HRmax, 3 min active rest at 65 % HRmax",
    "tabata": "8 × 20 s at 170 % VO2max, 10 s rest",
    "zone2_45min": "45 min steady at 70 % HRmax",
    "vo2max_intervals": "5 × 3 min at 95 % VO2max, 3 min active rest at 50 % VO2max",
    "lisa_hrt": "heavy resistance: 3 × 8 at 80 % 1RM of leg press, bench press, row, leg "
                "extension",
    "lisa_mit": "moderate resistance at home: 3 × 12 squat, lunge, row, overhead press at "
                "35-45 % 1RM",
    "jump_training": "3 × 10 box jumps, then 3 × 50 rope skips, 1 min rest",
    "air_squats_20": "an exercise snack: 20 body-weight squats",
}
# Outcomes shown first in the tables (the rest follow in file order).
HEADLINE = ["strength_1rm_rel", "vo2max_ml_kg_min", "bdnf_resting_ng_ml", "hippocampal_volume_rel",
            "prefrontal_connectivity_rel", "brain_age_gap_years", "cognition_composite_z",
            "executive_function_z", "working_memory_z", "depression_z"]

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       color: #1b1b1b; background: #fafafa; line-height: 1.45; }
main { max-width: 1150px; margin: 0 auto; padding: 1.5rem 2rem 3rem; background: #fff; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid #e4e4e4; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
.lead { font-size: 1.1rem; color: #333; margin-top: 0; }
.meta { color: #666; font-size: 0.85rem; }
figure { margin: 1.2rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #444; font-size: 0.9rem; margin-top: 0.3rem; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.85rem; }
th, td { border: 1px solid #ddd; padding: 0.25rem 0.55rem; text-align: right;
         vertical-align: top; }
th { background: #f2f2f2; }
td.name, th.name { text-align: left; }
.chg { color: #555; font-size: 0.8rem; }
.clear { font-weight: 600; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85rem; }
pre { background: #f5f5f5; padding: 0.6rem 0.8rem; overflow-x: auto; }
.predict { background: #fff8e1; border-left: 5px solid #f2b600; padding: 0.6rem 1.2rem; }
.predict li { margin: 0.35rem 0; }
.answers { background: #eef7ee; border-left: 5px solid #3c9a3c; padding: 0.6rem 1.2rem; }
details { margin: 0.8rem 0; }
summary { cursor: pointer; font-weight: 600; }
"""


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def png_data_uri(fig, plt) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def figure_html(uri: str, alt: str, caption: str) -> str:
    return (f'<figure><img src="{uri}" alt="{esc(alt)}">'
            f"<figcaption>{caption}</figcaption></figure>")


# ---------------------------------------------------------------------------------------------
# The scenario in words


def clock_of(text) -> str:
    return esc(text) if isinstance(text, str) else "?"


def protocol_text(name: str, doc: dict) -> str:
    own = doc.get("protocol", {}).get(name)
    if isinstance(own, dict):
        what = own.get("description") or f"{len(own.get('blocks', []))} block(s)"
        return f"<code>{esc(name)}</code> ({esc(what)})"
    return f"<code>{esc(name)}</code> ({esc(BUILTIN_PROTOCOLS.get(name, 'built in'))})"


def arm_rows(doc: dict) -> str:
    rows = []
    for arm in doc.get("arm", []):
        items = []
        for s in arm.get("sessions", []):
            items.append(f"day {esc(s.get('day'))} at {clock_of(s.get('at'))}: "
                         f"{protocol_text(s.get('protocol', '?'), doc)}")
        for w in arm.get("weekly", []):
            days = ", ".join(esc(d) for d in w.get("days", []))
            items.append(f"every {days} at {clock_of(w.get('at'))}: "
                         f"{protocol_text(w.get('protocol', '?'), doc)}")
        if arm.get("weekly") and ("from_day" in arm or "to_day" in arm):
            items.append(f"weekly sessions from day {esc(arm.get('from_day', 0))} to day "
                         f"{esc(arm.get('to_day', 'the end'))}")
        events = []
        for e in arm.get("events", []):
            kind = str(e.get("type", "?")).replace("_", " ")
            extra = f" ({esc(e['minutes'])} min)" if "minutes" in e else ""
            events.append(f"day {esc(e.get('day'))} at {clock_of(e.get('at'))}: {esc(kind)}{extra}")
        rows.append(f'<tr><td class="name"><b>{esc(arm.get("name", "?"))}</b></td>'
                    f'<td class="name">{"<br>".join(items) or "no exercise"}</td>'
                    f'<td class="name">{"<br>".join(events) or "–"}</td></tr>')
    return ("<table><tr><th class=name>arm</th><th class=name>exercise</th>"
            "<th class=name>events</th></tr>" + "".join(rows) + "</table>")


def population_text(doc: dict, agents: int | None) -> str:
    p = doc.get("population", {})
    age = p.get("age_years", {"min": 20, "max": 30})
    if isinstance(age, dict) and "mean" in age:
        ages = f"aged {esc(age.get('mean'))} ± {esc(age.get('sd'))} years (mean ± SD)"
    elif isinstance(age, dict):
        ages = f"aged {esc(age.get('min'))} to {esc(age.get('max'))} years"
    else:
        ages = ""
    n = agents if agents is not None else p.get("agents", 100)
    female = p.get("female_fraction", 0.5)
    status = p.get("training_status", "recreational")
    return (f"{esc(n)} simulated people {ages}, {esc(round(100 * float(female)))} % women, "
            f"{esc(status)} at the start, shared evenly between the arms.")


def scenario_section(text: str, doc: dict, agents: int | None, days: int) -> str:
    parts = ["<h2>The scenario</h2>"]
    for kind, body in common.header_comments(text):
        if kind == "code":
            parts.append(f"<pre>{esc(body)}</pre>")
        else:
            parts.append(f"<p>{esc(body)}</p>")
    span = f"{days // 7} weeks" if days % 7 == 0 and days >= 14 else f"{days} day(s)"
    section = doc.get("scenario", {})
    assess = section.get("assess_days")
    parts.append(f"<p><b>Who:</b> {population_text(doc, agents)}</p>")
    parts.append(f"<p><b>How long:</b> {esc(span)}, starting at "
                 f"{esc(section.get('start_clock', '00:00'))}"
                 + (f"; outcomes assessed on days {esc(', '.join(map(str, assess)))}"
                    if assess else "") + ".</p>")
    parts.append("<h3>Arms</h3>" + arm_rows(doc))
    parts.append("<details><summary>The scenario file (TOML)</summary>"
                 f"<pre>{esc(text)}</pre></details>")
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# Tables


def fmt(x, digits=2, signed=False) -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "–"
    return f"{x:+.{digits}f}" if signed else f"{x:.{digits}f}"


def digits_for(name: str) -> int:
    return 3 if name.endswith("_rel") or name == "bbb_integrity" else 2


def ordered_outcomes(names) -> list:
    names = list(names)
    return [n for n in HEADLINE if n in names] + [n for n in names if n not in HEADLINE]


def arms_table(summary: dict) -> str:
    rows = []
    for arm, a in summary["arms"].items():
        sched, done = a.get("sessions_scheduled", 0), a.get("sessions_done", 0)
        attended = f"{done} / {sched} ({100.0 * done / sched:.0f} %)" if sched else "–"
        rows.append(f'<tr><td class="name">{esc(arm)}</td><td>{esc(a.get("n", "–"))}</td>'
                    f'<td>{esc(a.get("dropouts", "–"))}</td><td>{esc(attended)}</td></tr>')
    return ("<table><tr><th class=name>arm</th><th>n analysed</th><th>dropouts</th>"
            "<th>sessions attended / offered</th></tr>" + "".join(rows) + "</table>")


def outcome_table(summary: dict, day: str, units: dict) -> str:
    arms = list(summary["arms"])
    first = summary["arms"][arms[0]]["outcomes"]
    head = "".join(f"<th>{esc(a)}</th>" for a in arms)
    rows = []
    for name in ordered_outcomes(first):
        cells = []
        d = digits_for(name)
        for arm in arms:
            o = summary["arms"][arm]["outcomes"].get(name, {}).get(day)
            if not o:
                cells.append("<td>–</td>")
                continue
            cells.append(f"<td>{fmt(o.get('mean'), d)} ± {fmt(o.get('sd'), d)}<br>"
                         f"<span class=chg>change {fmt(o.get('change_mean'), d, True)} ± "
                         f"{fmt(o.get('change_sd'), d)}</span></td>")
        unit = units.get(name) or common.OBSERVABLES.get(name, ("",))[0]
        rows.append(f'<tr><td class="name">{esc(common.short_label(name))}<br>'
                    f'<span class=chg><code>{esc(name)}</code> ({esc(unit)})</span></td>'
                    + "".join(cells) + "</tr>")
    return (f"<table><tr><th class=name>outcome (unit)</th>{head}</tr>" + "".join(rows)
            + "</table>")


def contrast_row(c: dict, label: str, d: int) -> str:
    """One contrast as a table row: its label cell, then arm, day, difference, CI and SMD; bold
    when the interval excludes 0."""
    lo, hi = (c.get("ci95") or [None, None])[:2]
    clear = lo is not None and hi is not None and (lo > 0 or hi < 0)
    cls = ' class="clear"' if clear else ""
    return (f"<tr{cls}><td class=name>{label}</td>"
            f"<td class=name>{esc(c['arm'])} vs {esc(c['vs'])}</td><td>{esc(c['day'])}</td>"
            f"<td>{fmt(c.get('mean_difference'), d, True)}</td>"
            f"<td>[{fmt(lo, d, True)}, {fmt(hi, d, True)}]</td>"
            f"<td>{fmt(c.get('smd'), 2, True)}</td></tr>")


def contrast_table(contrasts: list, units: dict) -> str:
    rows = []
    for c in sorted(contrasts, key=lambda c: (ordered_outcomes([x["outcome"] for x in contrasts])
                                              .index(c["outcome"]), c["arm"])):
        unit = units.get(c["outcome"]) or common.OBSERVABLES.get(c["outcome"], ("",))[0]
        label = (f"{esc(common.short_label(c['outcome']))} "
                 f"<span class=chg>({esc(unit)})</span>")
        rows.append(contrast_row(c, label, digits_for(c["outcome"])))
    return ("<table><tr><th class=name>outcome</th><th class=name>contrast</th><th>day</th>"
            "<th>mean difference of change</th><th>95 % CI</th><th>SMD</th></tr>"
            + "".join(rows) + "</table>")


def event_contrast_table(summary: dict, contrasts: list) -> str:
    """The contrasts of measured events, in the order the events come in the summary."""
    info = {}
    for a in summary["arms"].values():
        for name, e in (a.get("events") or {}).items():
            info.setdefault(name, e)
    order = {name: i for i, name in enumerate(
        sorted(info, key=lambda n: (float(info[n].get("time_min", 0.0)), n)))}
    rows = []
    for c in sorted(contrasts, key=lambda c: (order.get(c["event"], len(order)), c["arm"])):
        e = info.get(c["event"], {})
        what = e.get("observable") or e.get("type") or ""
        unit = e.get("unit") or common.OBSERVABLES.get(what, ("",))[0]
        # Test scores (SD units) and z observables with three decimals, as the summary prints them.
        d = 3 if what.endswith("_z") or what in ("cognitive_test", "learn", "recall") \
            else digits_for(what)
        label = (f"{esc(c['event'].replace('_', ' '))}<br>"
                 f"<span class=chg><code>{esc(what)}</code> ({esc(unit)})</span>")
        rows.append(contrast_row(c, label, d))
    return ("<table><tr><th class=name>event</th><th class=name>contrast</th><th>day</th>"
            "<th>mean difference</th><th>95 % CI</th><th>SMD</th></tr>" + "".join(rows)
            + "</table>")


def results_section(summary: dict, units: dict) -> str:
    arms = summary["arms"]
    if not arms:
        return ""
    days = list(next(iter(arms.values()))["outcomes"].get(
        next(iter(next(iter(arms.values()))["outcomes"]), ""), {}))
    parts = ["<h2>Summary</h2>", arms_table(summary)]
    if days:
        last = days[-1]
        parts.append(f"<h3>Outcomes on day {esc(last)}</h3><p>Mean ± SD across the arm's "
                     "agents; below, the change from day 0 (mean ± SD).</p>")
        parts.append(outcome_table(summary, last, units))
        for day in days[:-1]:
            parts.append(f"<details><summary>Outcomes on day {esc(day)}</summary>"
                         + outcome_table(summary, day, units) + "</details>")
    # Contrasts of chronic outcomes carry "outcome"; those of measured events (`measure`,
    # `cognitive_test`, ...) carry "event" instead and get their own table.
    contrasts = [c for c in summary.get("contrasts", [])
                 if "outcome" in c and c["outcome"] != "sessions_done"]
    event_contrasts = [c for c in summary.get("contrasts", []) if "event" in c]
    if contrasts:
        last_day = max(int(c["day"]) for c in contrasts)
        control = contrasts[0]["vs"]
        parts.append(f"<h2>Contrasts against {esc(control)}</h2><p>Difference in the change "
                     f"from day 0 (arm minus {esc(control)}), its 95 % confidence interval "
                     "(normal approximation, Welch standard error) and the standardised mean "
                     "difference (SMD: the difference in units of the pooled SD of change). "
                     "Rows in bold have an interval that excludes 0.</p>")
        parts.append(f"<h3>Day {last_day}</h3>")
        parts.append(contrast_table([c for c in contrasts if int(c["day"]) == last_day], units))
        for day in sorted({int(c["day"]) for c in contrasts} - {last_day}):
            parts.append(f"<details><summary>Day {day}</summary>"
                         + contrast_table([c for c in contrasts if int(c["day"]) == day], units)
                         + "</details>")
    if event_contrasts:
        control = event_contrasts[0]["vs"]
        parts.append(f"<h2>Measured events against {esc(control)}</h2><p>Difference of the event's "
                     f"mean (arm minus {esc(control)}), its 95 % confidence interval and the "
                     "standardised mean difference. Rows in bold have an interval that excludes "
                     "0.</p>")
        parts.append(event_contrast_table(summary, event_contrasts))
    return "\n".join(parts)


def events_table(traces) -> str:
    keys = sorted({(e[0], e[1]) for t in traces for e in t.events})
    if not keys:
        return ""
    clock = plot.Clock(traces[0].start_clock_min, 0.0)
    head = "".join(f"<th>{esc(k.replace('_', ' '))}<br>{esc(clock.format(t / 60.0))}</th>"
                   for t, k in keys)
    rows = []
    for t in traces:
        values = {(e[0], e[1]): e[2] for e in t.events}
        rows.append(f"<tr><td class=name>{esc(t.label)}</td>"
                    + "".join(f"<td>{fmt(values.get(k), 3, True)}</td>" for k in keys) + "</tr>")
    return ("<table><tr><th class=name>arm</th>" + head + "</tr>" + "".join(rows) + "</table>"
            "<p class=meta>Values in SD units against the same person rested: cognitive "
            "performance for a cognitive test, encoding quality for learn, memory for recall.</p>")


# ---------------------------------------------------------------------------------------------
# The page


def teaching_html(questions, answers):
    if not questions:
        return "", ""
    ask = ("<h2>Predict, then look</h2><div class=predict><p>Write down your answers before "
           "you scroll to the plots.</p><ol>" + "".join(f"<li>{esc(q)}</li>" for q in questions)
           + "</ol></div>")
    if not answers:
        return ask, ""
    tell = ("<h2>Answers</h2><details class=answers><summary>Open after you have looked at the "
            "plots</summary><ol>" + "".join(f"<li><b>{esc(q)}</b><br>{esc(a)}</li>"
                                            for q, a in zip(questions, answers))
            + "</ol></details>")
    return ask, tell


def trace_section(plt, scenario, days: int, every: float | None) -> str:
    to_day = None if days <= 2 else min(days, 7)
    span = days if to_day is None else to_day
    every = every or common.default_every_min(span)
    traces = []
    for arm in scenario.arms:
        t = common.run_trace(scenario, arm, every, None, to_day)
        t.start_clock_min = scenario.start_clock_min
        traces.append(t)
    name = scenario.name
    what = ("the whole scenario" if to_day is None else f"the first {to_day} days of the schedule")
    parts = [f"<h2>Minute by minute</h2><p>The reference individual of each arm (the "
             f"population's typical parameters, no randomness, attends every session) over "
             f"{esc(what)}, one row every {every:g} min (<code>brainload trace</code>).</p>"]
    fig = plot.figure_trace(plt, traces, plot.DEFAULT_TRACE_OBSERVABLES, name)
    parts.append(figure_html(png_data_uri(fig, plt), f"{name}: observables over time",
                             "Top: each arm's sessions (bars, where the work is above rest) and "
                             "events (markers). Below: observables against the wall clock, "
                             "session bands shaded, events dotted; dots on cognitive "
                             "performance are the cognitive tests."))
    if days <= 2:
        fig = plot.figure_chain(plt, traces, f"{name}: the arousal chain")
        if fig is not None:
            parts.append(figure_html(
                png_data_uri(fig, plt), f"{name}: the arousal chain",
                "The arousal chain around each arm's first session: plasma epinephrine → vagal "
                "afferents → nucleus of the solitary tract → locus coeruleus → brain "
                "noradrenaline → arousal, each scaled from its value before the session (0) to "
                "its peak (1). Each relay rises and falls later than the one before."))
    fig = plot.figure_events(plt, traces, f"{name}: events")
    if fig is not None:
        parts.append(figure_html(png_data_uri(fig, plt), f"{name}: events",
                                 "The result of every event, by arm."))
        parts.append(events_table(traces))
    return "\n".join(parts)


def run_figures(plt, run, summary) -> str:
    parts = ["<h2>The population over time</h2>"]
    fig = plot.figure_quantiles(plt, run, plot.DEFAULT_RUN_OBSERVABLES, run.arms,
                                f"{run.name}: per-arm distribution")
    if fig is not None:
        parts.append(figure_html(png_data_uri(fig, plt), "per-arm quantile ribbons",
                                 "For each arm, the median agent (line), the middle half "
                                 "(dark band) and 90 % of agents (light band) at each sample "
                                 "day; dotted lines are the assessment days."))
    fig = plot.figure_contrasts(plt, summary, ordered_outcomes(run.outcomes),
                                f"{run.name}: effects")
    if fig is not None:
        parts.append(figure_html(png_data_uri(fig, plt), "contrasts against control",
                                 "Each arm against the control arm: the difference in change "
                                 "from day 0, in units of the pooled SD of change (SMD), with "
                                 "its 95 % confidence interval. Intervals that do not cross 0 "
                                 "are clear effects in this virtual trial."))
    fig = plot.figure_responders(plt, run, run.arms, run.name)
    if fig is not None:
        parts.append(figure_html(png_data_uri(fig, plt), "responders",
                                 "One point per agent: change in strength against change in "
                                 "brain age gap. People differ: some gain a lot, some little "
                                 "(non-responders); r is the correlation within each arm."))
    return "\n".join(parts)


def build_page(plt, args) -> str:
    source = Path(args.input)
    kind = plot.input_kind(source)
    run = None
    if kind == "run":
        run = common.read_run(source)
        text = run.scenario_text
    elif kind == "scenario":
        text = common.read_input_bytes(source, "scenario").decode("utf-8", "replace")
    else:
        raise VizError(f"report: expected a run file (.h5) or a scenario (.toml), got "
                       f"'{source}'", common.EXIT_USAGE)
    summary = None
    if args.summary:
        summary = common.load_summary_json(Path(args.summary))
    elif run is not None:
        summary = common.run_summary(run)
    doc = common.parse_toml(text)
    section = doc.get("scenario", {})
    name = (run.name if run else section.get("name")) or source.stem
    days = common.scenario_days(doc) if doc else int(round(run.days)) if run else 1
    questions, answers = common.teaching(doc)
    ask, tell = teaching_html(questions, answers)
    # Outputs graded C or untested are marked beside their names (docs/validation.md).
    common.load_credibility()
    # A run file's scenario is its stored text, read by the same library as the file was.
    scenario = common.load_scenario(source if kind == "scenario" else text)
    traces = trace_section(plt, scenario, days, args.every) if doc else ""
    body = [f"<h1>{esc(name)}</h1>",
            f"<p class=lead>{esc(section.get('description', ''))}</p>"]
    if run is not None:
        body.append(f"<p class=meta>Run file <code>{esc(source.name)}</code>: {run.agents} "
                    f"agents, seed {esc(run.seed)}, model {esc(run.model_version)}; made by "
                    f"<code>{esc(run.command)}</code></p>")
    else:
        body.append(f"<p class=meta>Scenario <code>{esc(source.name)}</code>: traces of the "
                    "reference individual only; run <code>brainload run</code> for the "
                    "population and report its run file for the trial tables.</p>")
    body.append(ask)
    body.append(scenario_section(text, doc, run.agents if run else None, days))
    body.append(traces)
    if run is not None:
        body.append(run_figures(plt, run, summary))
    if summary is not None:
        body.append(results_section(summary, run.units if run else {}))
    body.append(tell)
    body.append("<p class=meta>Made by <code>brainload report</code>. A model, not a "
                "measurement: every number here comes from brainload's equations and "
                "parameters (<code>brainload describe</code> lists them with their sources).</p>")
    return ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content=\"width=device-width, initial-scale=1\">"
            "<link rel=icon href=\"data:,\">"
            f"<title>{esc(name)}: brainload report</title><style>{CSS}</style></head>"
            "<body><main>\n" + "\n".join(p for p in body if p) + "\n</main></body></html>\n")


def parse_args(argv):
    p = argparse.ArgumentParser(prog="brainload report", description=__doc__.split("\n\n")[0])
    p.add_argument("input", metavar="INPUT", help="run file (.h5) or scenario (.toml)")
    p.add_argument("--html", required=True, help="HTML file to write")
    p.add_argument("--summary", help="summary JSON from `brainload run --summary-json`")
    p.add_argument("--every", type=float, help="minutes between trace rows")
    args = p.parse_args(argv)
    if args.every is not None and not args.every > 0:
        p.error("--every: expected a number of minutes > 0")
    return args


def main(argv):
    args = parse_args(argv)
    target = Path(args.html)
    common.require_writable_file(target)
    common.read_input_bytes_check(Path(args.input), "input")
    if args.summary:
        common.read_input_bytes_check(Path(args.summary), "summary")
    plt = common.setup_matplotlib()
    page = build_page(plt, args)
    common.write_text_file(target, page)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    common.main_guard(main)
