#!/usr/bin/env python3
"""Fit of the resistance-training route of resting BDNF (docs/research/chronic_structures.md
section 7n): resting_bdnf.resistance_gain_max by bisection so that the fitted target
bdnf_resting.rt_older.mean_difference (Setayesh & Mohammad Rahimi 2023, Geriatr Nurs 54:23:
+0.73 ng/mL after 16 weeks of resistance training, adults >= 60) reads +0.73 ng/mL with the BDNF
assay error (population.bdnf_noise_sd_ng_ml) off. Only that target runs.

    python3 validation/fits/fit_bdnf_resistance.py [path/to/brainload]   (from the repository root)
"""
import os, sys

import fitlib

TARGET = "bdnf_resting.rt_older.mean_difference"
SCENARIO = "resistance_older_adults_rct"
WANT = 0.73


def simulated(binary, x):
    values = {"resting_bdnf.resistance_gain_max": x, "population.bdnf_noise_sd_ng_ml": 0.0}
    return fitlib.simulated(binary, [TARGET], {SCENARIO: values})[TARGET]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    x = fitlib.bisect(lambda v: simulated(binary, v) - WANT, 0.0, 0.5, 14, rising=True,
                      label="resistance_gain_max")
    print(f"resting_bdnf.resistance_gain_max = {x:.4f}")
    print(f"check: {TARGET} {simulated(binary, x):+.3f} ng/mL (want {WANT:+.2f})")


if __name__ == "__main__":
    main()
