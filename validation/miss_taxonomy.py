#!/usr/bin/env python3
"""Classify what keeps each uncounted held-out target out, and what the classes allow.

Usage: miss_taxonomy.py REPORT_JSON [TAXONOMY_TOML] [--doc FILE ...]

REPORT_JSON is the report.json of `brainload validate --out DIR`; TAXONOMY_TOML defaults to
validation/miss_taxonomy.toml beside this script. Every held-out target that the summary line does
not count as a pass (a known miss, or a pass for the wrong reason) needs one entry there with a
class:

  conflict   another catalogue target (`with`, often fitted) measures, under comparable
             conditions, a value that the same model quantity cannot meet together with this one
  mechanism  the miss needs a mechanism the sources name but the model lacks, with no human
             dose-response or parameter found for it
  parameter  the model has the mechanism; an assumed or fitted value or form gives the miss, and no
             sourced replacement has been found
  protocol   the study detail the miss hinges on (fitness, intensity, adherence, recovery mode) is
             not in what could be read

The script checks the file against the report (every uncounted held-out target classified, no
entry for a target that now counts as a pass, `with` naming a catalogue target) and prints the
counts per layer and class, and the held-out pass rate each layer would reach if every miss of
the non-conflict classes were mended while every conflict stayed a miss: the ceiling that the
conflicts alone leave (docs/research/held_out_miss_taxonomy.md). Its last line, "miss taxonomy:
...", is quoted in the documents; each --doc FILE must contain it (whitespace-insensitive), so
the counts written there cannot go stale. Exit status 1 on any problem, 2 on unreadable input.
"""
import json
import math
import sys
import tomllib
from collections import Counter
from pathlib import Path

CLASSES = ("conflict", "mechanism", "parameter", "protocol")
GOAL = 0.75  # issues 14 and 15: at least 75 % of held-out targets passing, per layer


def uncounted(targets):
    """Held-out targets the summary line does not count as passes."""
    return {t["id"]: t for t in targets
            if t["role"] == "held_out" and (not t["pass"] or t.get("wrong_reason"))}


def check(report, taxonomy):
    problems = []
    ids = {t["id"] for t in report["targets"]}
    out = uncounted(report["targets"])
    entries = taxonomy.get("target", {})
    for tid in sorted(out):
        if tid not in entries:
            problems.append(f"{tid}: not classified")
    for tid, e in sorted(entries.items()):
        if tid not in ids:
            problems.append(f"{tid}: no such target in the report")
        elif tid not in out:
            problems.append(f"{tid}: counts as a held-out pass now; remove its entry")
        cls = e.get("class")
        if cls not in CLASSES:
            problems.append(f"{tid}: class {cls!r} is not one of {', '.join(CLASSES)}")
        if not e.get("needs"):
            problems.append(f"{tid}: 'needs' is empty")
        partner = e.get("with")
        if cls == "conflict":
            if not partner:
                problems.append(f"{tid}: a conflict names the target it conflicts with ('with')")
            elif partner not in ids:
                problems.append(f"{tid}: 'with' names {partner!r}, not a catalogue target")
        elif partner:
            problems.append(f"{tid}: 'with' belongs to class conflict only")
    return problems


def layers(report, taxonomy):
    """Per layer: held-out targets, passes, uncounted ones by class, and the conflict ceiling."""
    entries = taxonomy.get("target", {})
    held = [t for t in report["targets"] if t["role"] == "held_out"]
    out = uncounted(report["targets"])
    result = {}
    for layer in ("acute", "chronic"):
        n = sum(1 for t in held if t["layer"] == layer)
        missing = [tid for tid, t in out.items() if t["layer"] == layer]
        by_class = Counter(entries[tid]["class"] for tid in missing if tid in entries)
        passed = n - len(missing)
        result[layer] = {
            "n": n, "passed": passed, "missing": len(missing), "by_class": by_class,
            "need": math.ceil(GOAL * n - 1e-9),
            "ceiling": passed + sum(v for k, v in by_class.items() if k != "conflict"),
        }
    return result


def percent(part, whole):
    return f"{round(100 * part / whole)} %"


def summary(report, taxonomy):
    lines = []
    for layer, c in layers(report, taxonomy).items():
        n, passed = c["n"], c["passed"]
        lines.append(
            f"{layer}: {passed} of {n} held-out targets pass ({percent(passed, n)}); "
            f"{GOAL:.0%} needs {c['need']}, i.e. {max(0, c['need'] - passed)} of the "
            f"{c['missing']} uncounted mended")
        lines.append("  " + ", ".join(f"{k} {c['by_class'].get(k, 0)}" for k in CLASSES))
        lines.append(
            f"  with every non-conflict miss mended and every conflict still missing: "
            f"{c['ceiling']} of {n} ({percent(c['ceiling'], n)})")
    entries = taxonomy.get("target", {})
    partners = Counter(e["with"] for e in entries.values() if e.get("class") == "conflict")
    roles = {t["id"]: t["role"] for t in report["targets"]}
    fitted = sum(v for k, v in partners.items() if roles.get(k) != "held_out")
    lines.append(f"conflicts: {sum(partners.values())}, {fitted} of them with a fitted or derived "
                 f"target (a refit or a different fit target could move them), "
                 f"{sum(partners.values()) - fitted} with another held-out target")
    return lines


def digest(report, taxonomy):
    """One line that the documents quote verbatim (checked with --doc)."""
    per_layer = layers(report, taxonomy)
    by_class = sum((c["by_class"] for c in per_layer.values()), Counter())
    counts = ", ".join(f"{k} {by_class.get(k, 0)}" for k in CLASSES)
    ceilings = ", ".join(f"{percent(c['ceiling'], c['n'])} {layer}"
                         for layer, c in per_layer.items())
    return f"miss taxonomy: {counts}; ceiling {ceilings}"


def main(argv):
    docs = []
    while "--doc" in argv:
        i = argv.index("--doc")
        if i + 1 >= len(argv):
            print("miss_taxonomy: --doc needs a file", file=sys.stderr)
            return 2
        docs.append(Path(argv[i + 1]))
        argv = argv[:i] + argv[i + 2:]
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    report_path = Path(argv[1])
    tax_path = Path(argv[2]) if len(argv) > 2 else Path(__file__).with_name("miss_taxonomy.toml")
    try:
        report = json.loads(report_path.read_text())
    except (OSError, json.JSONDecodeError) as e:
        print(f"miss_taxonomy: cannot read the report {report_path}: {e}", file=sys.stderr)
        return 2
    try:
        taxonomy = tomllib.loads(tax_path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as e:
        print(f"miss_taxonomy: cannot read {tax_path}: {e}", file=sys.stderr)
        return 2
    problems = check(report, taxonomy)
    for p in problems:
        print(f"miss_taxonomy: {tax_path}: {p}", file=sys.stderr)
    for line in summary(report, taxonomy):
        print(line)
    line = digest(report, taxonomy)
    print(line)
    for doc in docs:
        try:
            text = doc.read_text()
        except OSError as e:
            problems.append(f"cannot read {doc}: {e}")
            print(f"miss_taxonomy: cannot read {doc}: {e}", file=sys.stderr)
            continue
        if line not in " ".join(text.split()):
            problems.append(f"{doc} does not quote the line above")
            print(f"miss_taxonomy: {doc} does not quote `{line}`; update it", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
