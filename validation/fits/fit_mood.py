#!/usr/bin/env python3
"""Fit of the mood pathway's training maximum (docs/research/chronic_structures.md section 7r):
mood.training_max by bisection so that the fitted target mood.rt_older.setayesh_depression
(Setayesh & Mohammad Rahimi 2023, Geriatr Nurs 54:23: depression SMD -0.38 after resistance
training, adults >= 60) reads -0.38 as the mean over seeds 1..K (`validate --seeds K`), with the
depression test error on. Only that target runs.

    python3 validation/fits/fit_mood.py [path/to/brainload] [--expected K]   (repository root)
"""
import os, sys

import fitlib

TARGET = "mood.rt_older.setayesh_depression"
SCENARIO = "resistance_older_adults_rct"
WANT = -0.38


def simulated(binary, x, seeds):
    return fitlib.simulated(binary, [TARGET], {SCENARIO: {"mood.training_max": x}},
                            seeds=seeds)[TARGET]


def main():
    args = [a for a in sys.argv[1:]]
    seeds = 10
    if "--expected" in args:
        i = args.index("--expected")
        seeds = int(args[i + 1])
        del args[i:i + 2]
    binary = os.path.abspath(args[0] if args else "build/brainload")
    # The SMD falls (grows more negative) as training_max falls: the residual rises with x.
    x = fitlib.bisect(lambda v: simulated(binary, v, seeds) - WANT, -0.6, 0.0, 12, rising=True,
                      label="training_max")
    print(f"mood.training_max = {x:.4f}")
    print(f"check: {TARGET} {simulated(binary, x, seeds):+.3f} over {seeds} seeds (want {WANT:+.2f})")


if __name__ == "__main__":
    main()
