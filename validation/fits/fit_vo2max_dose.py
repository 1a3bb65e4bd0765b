#!/usr/bin/env python3
"""Fit of the VO2max dose response's half-load to HERITAGE (docs/research/chronic_structures.md
section 7c). The gain target is trainability x G_max x L / (L50 + L) of the 14-day aerobic load
(chronic_pathways.hpp); G_max is derived (0.35, the model's trained-to-untrained VO2max norm
ratio) and L50 (`training.aerobic_half_load`) is set by bisection so that the fitted target
`vo2max.heritage.relative_gain` reads +17 % after 20 weeks. Only that target is run, on a copy of
its scenario with the values as a [parameters] table and the VO2max test error
(population.vo2max_noise_cv) off: the fit is of the model's expected gain, not of one draw of
measurement noise.

    python3 validation/fits/fit_vo2max_dose.py [path/to/brainload]   (from the repository root)
"""
import os, sys

import fitlib

TARGET = "vo2max.heritage.relative_gain"
SCENARIO = "heritage_20_weeks"
WANT = 0.17
GAIN_MAX = 0.35


def simulate(binary, half_load):
    values = {"training.vo2max_gain_max": GAIN_MAX, "training.aerobic_half_load": half_load,
              "population.vo2max_noise_cv": 0.0}
    return fitlib.simulated(binary, [TARGET], {SCENARIO: values})[TARGET]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    # The gain falls as the half-load rises; 12 halvings of the log range: 0.1 % on the value.
    half_load = fitlib.bisect(lambda h: simulate(binary, h) - WANT, 0.01, 5.0, 12, rising=False,
                              geometric=True, label="aerobic_half_load")
    print(f"vo2max_gain_max = {GAIN_MAX} (derived)   aerobic_half_load = {half_load:.4f}")


if __name__ == "__main__":
    main()
