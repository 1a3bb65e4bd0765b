#!/usr/bin/env python3
"""Fit of the between-person spread of trainability to HERITAGE's response CV
(docs/research/chronic_structures.md section 7d). `population.trainability_sd_log` (the log-SD of
the per-person multiplier of every training gain) is set by bisection so that the fitted target
`vo2max.heritage.response_cv` reads 0.526: the CV of the VO2max gains of completers after 20
weeks, each assessment the mean of two tests (the scenario's assessment_tests = 2), so each
reading carries the 5.6 % test-retest error divided by sqrt(2). Only that target runs, on a copy
of the catalogue and scenarios with the value as a [parameters] table and 4000 agents (the
catalogue's 200 leave a sampling error of the CV of a few hundredths).

    python3 validation/fits/fit_trainability.py [path/to/brainload]   (from the repository root)
"""
import os, sys

import fitlib

TARGET = "vo2max.heritage.response_cv"
SCENARIO = "heritage_20_weeks"
WANT = 0.526
AGENTS = 4000


def simulate(binary, sd_log):
    values = {"population.trainability_sd_log": sd_log}
    return fitlib.simulated(binary, [TARGET], {SCENARIO: values}, {TARGET: AGENTS})[TARGET]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    lo, hi = 0.0, 1.0  # the CV rises with the spread
    print(f"  trainability_sd_log 0: CV {simulate(binary, 0.0):.4f} (test error alone)")
    for _ in range(10):  # 1e-3 on the log-SD; each run ≈ 1 min on 2 cores
        mid = 0.5 * (lo + hi)
        cv = simulate(binary, mid)
        print(f"  trainability_sd_log {mid:.4f}: CV {cv:.4f}")
        if cv < WANT:
            lo = mid
        else:
            hi = mid
    print(f"trainability_sd_log = {0.5 * (lo + hi):.3f}")


if __name__ == "__main__":
    main()
