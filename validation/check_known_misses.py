#!/usr/bin/env python3
"""Check that docs/validation.md's known-misses table matches a validation report.

Usage: check_known_misses.py REPORT_JSON DOC_MD

The table under "Known misses (" in docs/validation.md groups every known miss by what it says
about the model. It is written by hand, so it goes stale when a target starts passing or a new
one misses (the IL-6 marathon row read x80 below its band for months after the model moved to
x378 above it). This check fails when
  - a known miss of the report is named in no row, by its full id or by a `prefix.*` glob, or
  - a full id named in the table is a target of the report that is not a known miss.
A glob may stand for several targets ("`cerebral_blood_flow.weston.*` (6 of 8)"); it must match
at least one known miss. Ids in the table are the back-quoted words with a dot in them.
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


def main(argv: list[str]) -> int:
    if len(argv) != 3:
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

    for p in problems:
        print(f"{argv[2]}: {p}")
    print(f"check_known_misses: {len(misses)} known misses, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
