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
    # The CV rises with the spread; 10 halvings: 1e-3 on the log-SD, each run ≈ 1 min on 2 cores.
    sd_log = fitlib.bisect(lambda v: simulate(binary, v) - WANT, 0.0, 1.0, 10, rising=True,
                           label="trainability_sd_log")
    print(f"trainability_sd_log = {sd_log:.3f}")


if __name__ == "__main__":
    main()
