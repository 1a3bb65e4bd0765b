#!/usr/bin/python3
"""Figures of `brainload power` and `brainload sensitivity`, from their JSON.

    design.py --kind power --json RESULT.json --out FILE.png|svg|pdf
        power against sample size per arm, with the 95 % interval of each estimate and the
        80 % and 90 % lines
    design.py --kind sensitivity --json RESULT.json --out FILE [--top N]
        Sobol first-order and total indices with their 95 % intervals, or Morris mu* with sigma,
        for the N parameters that rank highest

`brainload power ... --plot FILE` and `brainload sensitivity ... --plot FILE` run this script
(sim/cli/design.cpp); the output appears only when complete.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from brainload_viz import common  # noqa: E402
from brainload_viz.common import VizError  # noqa: E402


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=["power", "sensitivity"], required=True)
    parser.add_argument("--json", required=True, help="the command's JSON result")
    parser.add_argument("--out", required=True, help="figure file (.png, .svg or .pdf)")
    parser.add_argument("--top", type=int, default=15, help="parameters shown (sensitivity)")
    try:
        return parser.parse_args(argv)
    except SystemExit as error:
        raise VizError("bad arguments to design.py", common.EXIT_USAGE) from error


def _number(x) -> float:
    return float("nan") if x is None else float(x)


def power_figure(plt, d: dict):
    fig, ax = plt.subplots(figsize=(6.0, 4.0))
    n = d["n"]
    power = d["power"]
    lo = [c[0] for c in d["ci95"]]
    hi = [c[1] for c in d["ci95"]]
    ax.fill_between(n, lo, hi, color="tab:blue", alpha=0.2, label="95 % interval")
    ax.plot(n, power, "o-", color="tab:blue", label=f"{d['replicates']} trials per n")
    for level, style in ((0.8, "--"), (0.9, ":")):
        ax.axhline(level, color="0.4", linestyle=style, linewidth=0.8)
    for key, level in (("n_for_80", 0.8), ("n_for_90", 0.9)):
        if d.get(key) is not None:
            ax.annotate(f"n = {math.ceil(d[key])}", (d[key], level), textcoords="offset points",
                        xytext=(4, -12), fontsize=8)
    ax.set_xscale("log")
    from matplotlib.ticker import NullFormatter
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_xticks(n)
    ax.set_xticklabels([str(v) for v in n])
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("participants per arm")
    ax.set_ylabel(f"power (alpha = {d['alpha']})")
    what = d["outcome"] if d.get("unit") is None else f"{d['outcome']} ({d['unit']})"
    day = f", day {d['day']}" if not d["test"].endswith("event, two-sided") else ""
    ax.set_title(f"{d.get('scenario', '')}: {d['arm']} ({d.get('setting', '')}) vs {d['vs']}\n"
                 f"{what}{day}")
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


def sensitivity_figure(plt, d: dict, top: int):
    rows = d["parameters"][:top]
    names = [r["name"] for r in rows][::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.35 * len(rows) + 1.6))
    y = list(range(len(rows)))
    if d["method"] == "sobol":
        for key, offset, color, label in (("first", -0.18, "tab:blue", "first order"),
                                          ("total", 0.18, "tab:orange", "total")):
            values = [_number(r[key]) for r in rows][::-1]
            ci = [r[f"{key}_ci95"] for r in rows][::-1]
            err = [[max(0.0, v - _number(c[0])) for v, c in zip(values, ci)],
                   [max(0.0, _number(c[1]) - v) for v, c in zip(values, ci)]]
            ax.barh([k + offset for k in y], values, height=0.34, color=color, label=label,
                    xerr=err, error_kw={"linewidth": 0.8})
        ax.set_xlabel("Sobol index (share of the outcome's variance), 95 % bootstrap interval")
        ax.legend(loc="lower right")
    else:
        values = [_number(r["mu_star"]) for r in rows][::-1]
        sigma = [_number(r["sigma"]) for r in rows][::-1]
        ax.barh(y, values, height=0.5, color="tab:blue", label="mu*")
        ax.plot(sigma, y, "o", color="tab:red", label="sigma")
        ax.set_xlabel(f"elementary effect per unit of the parameter's range ({d.get('unit', '')})")
        ax.legend(loc="lower right")
    ax.set_yticks(y)
    ax.set_yticklabels(names, fontsize=7)
    what = d["outcome"] + (f" − {d['vs']}" if d.get("vs") else "")
    ax.set_title(f"{d.get('scenario', '')}: {d['method']} indices of {what} in {d['arm']}\n"
                 f"{d['evaluations']} simulations, parameters over {d.get('range', '')}",
                 fontsize=9)
    fig.tight_layout()
    return fig


def main(argv):
    args = parse_args(argv)
    out = Path(args.out)
    fmt = out.suffix.lstrip(".").lower()
    if fmt not in ("png", "svg", "pdf"):
        raise VizError(f"--out '{out}': give a .png, .svg or .pdf file", common.EXIT_USAGE)
    text = common.read_input_bytes(Path(args.json), "result").decode("utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise VizError(f"'{args.json}' is not JSON: {error}", common.EXIT_DATA) from error
    plt = common.setup_matplotlib()
    try:
        fig = (power_figure(plt, data) if args.kind == "power"
               else sensitivity_figure(plt, data, args.top))
    except (KeyError, TypeError, IndexError) as error:
        raise VizError(f"'{args.json}' is not a brainload {args.kind} result ({error})",
                       common.EXIT_DATA) from error
    metadata = {"Date": None} if fmt == "svg" else {}
    with common.AtomicPath(out) as tmp:
        fig.savefig(tmp, format=fmt, dpi=110 if fmt == "png" else None, metadata=metadata)
    plt.close(fig)
    return 0


if __name__ == "__main__":
    common.main_guard(main)
