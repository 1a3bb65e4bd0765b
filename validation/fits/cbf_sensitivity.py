#!/usr/bin/env python3
"""Sensitivity of the cerebral-blood-flow targets to the assumed and pooled numbers of
cerebral_blood_flow.hpp (docs/research/cbf_exercise_kinetics.md section 4.2). A report, not a fit:
the model keeps the values of section 9 whatever this prints, and the held-out targets are shown
side by side for each variant rather than used to choose one.

Each variant re-runs `brainload validate --filter cerebral_blood_flow --set NAME=VALUE ...`, so it
applies to every scenario the filtered targets read (until the forty-third session the script
copied the catalogue and wrote the variant into six named scenarios, so targets added later ran
without it). The activation gain keeps its fitted value in every variant: the fitted amplitude
is read at 6 min, where the delay no longer matters, and below the lactate threshold the
compensation variants do not move it.

Run from the repository root after the build:
    python3 validation/fits/cbf_sensitivity.py [path/to/brainload]
"""
import os, sys

import fitlib

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
G = "cerebral_blood_flow."
VARIANTS = [
    ("as built (section 9)", {}),
    ("onset delay 20 s", {G + "onset_delay_min": 20 / 60}),
    ("onset delay 30 s (n-weighted)", {G + "onset_delay_min": 30 / 60}),
    ("onset delay 53 s (Billinger alone)", {G + "onset_delay_min": 53 / 60}),
    ("compensation lag 1 min", {G + "compensation_tau_min": 1.0}),
    ("compensation lag 4 min", {G + "compensation_tau_min": 4.0}),
    ("hypocapnic slope 0.02/mmHg", {G + "co2_reactivity_per_mmhg": 0.02}),
    ("no buffering offset", {G + "buffer_offset_mmol_l": 0.0}),
]


def main():
    rows = []
    for label, overrides in VARIANTS:
        report = fitlib.report_with_set(BIN, "cerebral_blood_flow", overrides)
        targets = report["targets"]
        held = [t for t in targets if t["role"] == "held_out"]
        passed = [t for t in held if t["pass"] and not t.get("wrong_reason", False)]
        rows.append((label, len(passed), len(held),
                     {t["id"].removeprefix(G): t["simulated"] for t in targets}))
    ids = list(rows[0][3])
    print(f"{'variant':38s} held-out passes")
    for label, n, m, _ in rows:
        print(f"{label:38s} {n}/{m}")
    print()
    print("target".ljust(38) + "".join(f"{i:>9d}" for i in range(len(rows))))
    for i in ids:
        print(i[:38].ljust(38) + "".join(f"{r[3][i]:9.3f}" for r in rows))


if __name__ == "__main__":
    main()
