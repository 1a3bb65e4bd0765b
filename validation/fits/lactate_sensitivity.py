#!/usr/bin/env python3
"""Sensitivity of the lactate targets to the assumed numbers of lactate.hpp and of the status
norms that scale it (docs/research/lactate_onset_and_resistance.md section M). A report, not a
fit: the model keeps its values whatever this prints, and the held-out targets are shown side by
side for each variant rather than used to choose one (docs/validation.md, "Held-out commitment":
a value chosen from this table would make the targets it was chosen on `fitted`).

Each variant is one `brainload validate --filter lactate --set NAME=VALUE ...` run (about a
second). Only assumed numbers are varied, each to an end of its stated range or to the neutral
value that removes it; fitted numbers (vlamax, the exchange and passive clearance) keep their
values, so a variant that moves a fitted Wingate target shows it in the fitted rows.

Run from the repository root after the build:
    python3 validation/fits/lactate_sensitivity.py [path/to/brainload]
"""
import os, sys

import fitlib

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
L = "lactate."
N = "subject_norms."
VARIANTS = [
    ("as built", {}),
    ("K_el 1.1 (implementations' low end)", {L + "removal_km2_mmol2_l2": 1.1}),
    ("K_el 4.0 (implementations' high end)", {L + "removal_km2_mmol2_l2": 4.0}),
    ("reference mass = cycling's 0.45", {L + "mass_ref_frac": 0.45}),
    ("no training effect on removal", {N + "clearance_recreational_rel": 1.0,
                                       N + "clearance_trained_rel": 1.0}),
    ("no training effect on vlamax", {N + "production_recreational_rel": 1.0,
                                      N + "production_trained_rel": 1.0}),
    ("slow component halved", {"oxygen_uptake.slow_gain": 0.64}),
]


def main():
    rows = []
    for label, overrides in VARIANTS:
        targets = fitlib.report_with_set(BIN, "lactate", overrides)["targets"]
        held = [t for t in targets if t["role"] == "held_out"]
        passed = [t for t in held if t["pass"] and not t.get("wrong_reason", False)]
        fitted_missed = [t["id"] for t in targets if t["role"] != "held_out" and not t["pass"]]
        rows.append((label, len(passed), len(held), fitted_missed,
                     {t["id"].removeprefix(L): (t["simulated"], t["pass"]) for t in targets}))
    print(f"{'variant':40s} held-out passes   fitted targets missed")
    for i, (label, n, m, missed, _) in enumerate(rows):
        print(f"{i} {label:38s} {n}/{m}              {', '.join(missed) or '-'}")
    print()
    print("target (* inside its band)".ljust(44) + "".join(f"{i:>9d}" for i in range(len(rows))))
    for key in rows[0][4]:
        cells = "".join(f"{r[4][key][0]:8.3f}{'*' if r[4][key][1] else ' '}" for r in rows)
        print(key[:44].ljust(44) + cells)


if __name__ == "__main__":
    main()
