#!/usr/bin/env python3
"""Check that docs/validation.md's known-misses table matches a validation report.

Usage: check_known_misses.py REPORT_JSON DOC_MD [OTHER_MD ...]

The table under "Known misses (" in docs/validation.md groups every known miss by what it says
about the model. It is written by hand, so it goes stale when a target starts passing or a new
one misses (the IL-6 marathon row read x80 below its band for months after the model moved to
x378 above it). This check fails when
  - a known miss of the report is named in no row, by its full id or by a `prefix.*` glob, or
  - a full id named in the table is a target of the report that is not a known miss.
A glob may stand for several targets ("`cerebral_blood_flow.weston.*` (6 of 8)"); it must match
at least one known miss. Ids in the table are the back-quoted words with a dot in them.

Three other hand-written parts of the document are checked against the same report:
  - the summary line ("validation: N targets (H held out: P passed)"), in DOC_MD and in every
    OTHER_MD (the README quotes it),
  - the grade of every observable in the credibility table ("| observable | credibility |"),
  - the "now" column of the per-pathway table ("| pathway | before | now |"): for each row, the
    sound held-out passes (pass and not wrong_reason) over the held-out targets of the pathways
    it names, and every pathway with a held-out target named in some row,
  - the sentences "Acute held-out targets pass P of N" and "Chronic held-out targets pass P of N"
    against the report's rows of that `layer` (the layer of the observable a target grades).
"""
import json
import re
import sys


def table_text(doc: str) -> str:
    start = doc.find("Known misses (")
    if start < 0:
        raise SystemExit("check_known_misses: no 'Known misses (' paragraph in the document")
    end = doc.find("\n### ", start)
    return doc[start:] if end < 0 else doc[start:end]


def summary_problems(doc: str, report: dict) -> list[str]:
    m = re.search(r"validation: (\d+) targets \((\d+) held out: (\d+) passed\)", doc)
    if not m:
        return ["no 'validation: N targets (H held out: P passed)' summary line"]
    s = report["summary"]
    want = (s["targets"], s["held_out"], s["held_out_passed"])
    got = tuple(int(g) for g in m.groups())
    if got != want:
        return [f"summary line says {got[0]} targets ({got[1]} held out: {got[2]} passed), "
                f"the report {want[0]} ({want[1]}: {want[2]})"]
    return []


def grade_problems(doc: str, report: dict) -> list[str]:
    rows = re.findall(r"^\| `([a-z0-9_]+)` \| (A|B|C|untested) \|", doc, re.M)
    if not rows:
        return ["no credibility table ('| `observable` | grade |' rows)"]
    grades = report["credibility"]
    problems = []
    seen = set()
    for obs, grade in rows:
        seen.add(obs)
        if obs not in grades:
            problems.append(f"credibility table names no observable of the report: {obs}")
        elif grades[obs] != grade:
            problems.append(f"credibility of {obs}: the table says {grade}, the report {grades[obs]}")
    for obs in sorted(set(grades) - seen):
        problems.append(f"observable missing from the credibility table: {obs}")
    return problems


def pathway_problems(doc: str, report: dict) -> list[str]:
    start = doc.find("| pathway | before | now |")
    if start < 0:
        return ["no per-pathway table ('| pathway | before | now |')"]
    held = [t for t in report["targets"] if t["role"] == "held_out"]
    problems = []
    covered = set()
    for line in doc[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        names = {re.sub(r"\s*\(.*\)$", "", n).strip() for n in cells[0].split(",")}
        covered |= names
        m = re.fullmatch(r"(\d+) / (\d+)", cells[2])
        if not m:
            problems.append(f"per-pathway row '{cells[0]}': 'now' is not 'P / N': {cells[2]}")
            continue
        rows = [t for t in held if t["pathway"] in names]
        sound = sum(1 for t in rows if t["pass"] and not t.get("wrong_reason", False))
        if (int(m.group(1)), int(m.group(2))) != (sound, len(rows)):
            problems.append(f"per-pathway row '{cells[0]}' says {cells[2]}, "
                            f"the report {sound} / {len(rows)}")
    for p in sorted({t["pathway"] for t in held} - covered):
        problems.append(f"pathway with held-out targets missing from the per-pathway table: {p}")
    return problems


def layer_problems(doc: str, report: dict) -> list[str]:
    problems = []
    for layer in ("acute", "chronic"):
        m = re.search(rf"{layer.capitalize()} held-out targets pass (\d+) of (\d+)", doc)
        if not m:
            problems.append(f"no '{layer.capitalize()} held-out targets pass P of N' sentence")
            continue
        rows = [t for t in report["targets"]
                if t["role"] == "held_out" and t.get("layer") == layer]
        sound = sum(1 for t in rows if t["pass"] and not t.get("wrong_reason", False))
        if (int(m.group(1)), int(m.group(2))) != (sound, len(rows)):
            problems.append(f"{layer} held-out sentence says {m.group(1)} of {m.group(2)}, "
                            f"the report {sound} of {len(rows)}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        report = json.load(open(argv[1], encoding="utf-8"))
    except FileNotFoundError:
        print(f"check_known_misses: no report at {argv[1]}: run `brainload validate --out DIR` "
              "(ctest: validation.suite) first", file=sys.stderr)
        return 2
    doc = open(argv[2], encoding="utf-8").read()
    table = table_text(doc)
    targets = {t["id"]: t for t in report["targets"]}
    misses = {i for i, t in targets.items() if t["known_miss"]}
    named = set(re.findall(r"`([a-z0-9_]+(?:\.[a-z0-9_]+)+(?:\.\*)?)`", table))
    globs = {n[:-1] for n in named if n.endswith(".*")}
    full = {n for n in named if not n.endswith(".*")}

    problems = []
    for i in sorted(misses):
        if i not in full and not any(i.startswith(g) for g in globs):
            problems.append(f"known miss not in the table: {i}")
    for i in sorted(full):
        if i in targets and i not in misses:
            status = "passes" if targets[i]["pass"] else "fails"
            problems.append(f"in the table but not a known miss ({status}): {i}")
        elif i not in targets and "." in i and i.split(".")[0] in {t.split(".")[0] for t in targets}:
            problems.append(f"in the table but no such target: {i}")
    for g in sorted(globs):
        if not any(i.startswith(g) for i in misses):
            problems.append(f"glob matches no known miss: {g}*")

    problems += summary_problems(doc, report)
    problems += grade_problems(doc, report)
    problems += pathway_problems(doc, report)
    problems += layer_problems(doc, report)

    for p in problems:
        print(f"{argv[2]}: {p}")
    for other in argv[3:]:
        for p in summary_problems(open(other, encoding="utf-8").read(), report):
            problems.append(p)
            print(f"{other}: {p}")
    print(f"check_known_misses: {len(misses)} known misses, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
