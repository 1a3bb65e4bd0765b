#!/usr/bin/env python3
"""Fit of the off-time constant of the neural part of strength (docs/research/chronic_structures.md
section 7k). `training.strength_neural_off_tau_days` (how slowly the neural part of a muscle
group's gain falls once its target drops) is bisected on a log scale so that the fitted target
strength.smith.detrained_vs_control_5y reads +0.237: Smith et al. 2003's leg press, 2 years of
training then 3 without, +14 % against the controls' -9.7 % at 5 years. The test error is off.
Only that target runs, on a copy of the catalogue and scenarios.

    python3 validation/fits/fit_strength_retention.py [path/to/brainload]   (from the repository root)
"""
import os, sys

import fitlib

TARGET = "strength.smith.detrained_vs_control_5y"
SCENARIO = "smith_detraining"
WANT = 0.237
LO_D, HI_D = 21.0, 7305.0  # the rise's own 21 d (no asymmetry) to 20 years


def simulate(binary, tau_days):
    values = {"training.strength_neural_off_tau_days": tau_days,
              "population.strength_noise_cv": 0.0}
    return fitlib.simulated(binary, [TARGET], {SCENARIO: values})[TARGET]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    top = simulate(binary, HI_D)
    print(f"at the upper bound ({HI_D:.0f} d): {top:+.4f} (want {WANT:+.3f})")
    if top < WANT:
        print("the target is above what the slowest allowed decay gives: strength_neural_off_tau_days "
              f"= {HI_D:.0f} (the bound)")
        return
    tau = fitlib.bisect(lambda v: simulate(binary, v) - WANT, LO_D, HI_D, 12, rising=True,
                        geometric=True, label="strength_neural_off_tau_days")
    print(f"strength_neural_off_tau_days = {tau:.0f}")
    print(f"check: {simulate(binary, tau):+.4f} (want {WANT:+.3f})")


if __name__ == "__main__":
    main()
