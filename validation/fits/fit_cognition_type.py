#!/usr/bin/env python3
"""Fit of the chronic-cognition maxima by exercise type (docs/research/chronic_structures.md
section 7m): the training part of composite cognition and executive function is
    trainability * (X_A * S(aerobic load, L_A) + X_R * S(resistance load, L_R)).

1. X_R (composite, then executive) by bisection so that the resistance trial reads Landrigan et
   al. 2020's composite SMD 0.71 and executive SMD 0.39 (cognition_chronic.rt_older.landrigan_*).
2. X_A (composite) by bisection so that 26 weeks of walking read Northey et al. 2018's aerobic
   subgroup, SMD 0.24 (cognition_chronic.aerobic_older.northey_aerobic); X_A (executive) =
   X_A (composite) * X_R (executive) / X_R (composite), the domain split assumed alike.
3. Steps 1 and 2 again with the other type's values in place (the resistance trial's sessions
   carry a little aerobic load, walking a little leg load), until no value moves by 0.005 SD.

The targets are SMDs, whose denominators include the cognitive tests' measurement error, so the
error stays on (it is part of what the meta-analyses measured). Only the fitted targets run.

    python3 validation/fits/fit_cognition_type.py [path/to/brainload]   (from the repository root)
"""
import os, sys

import fitlib

RESISTANCE = ("resistance_older_adults_rct", "cognition_chronic.rt_older.landrigan_composite",
              "cognition_chronic.rt_older.landrigan_executive", 0.71, 0.39)
AEROBIC = ("aerobic_year_older", "cognition_chronic.aerobic_older.northey_aerobic", 0.24)
PREFIX = "chronic_cognition."


def simulated(binary, target, scenario, values):
    return fitlib.simulated(binary, [target], {scenario: {PREFIX + k: v for k, v in values.items()}})[target]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    v = {"composite_resistance_max": 0.90, "executive_resistance_max": 0.45,
         "composite_aerobic_max": 0.90, "executive_aerobic_max": 0.45}
    for round_ in range(4):
        old = dict(v)
        for key, target, want in (("composite_resistance_max", RESISTANCE[1], RESISTANCE[3]),
                                  ("executive_resistance_max", RESISTANCE[2], RESISTANCE[4])):
            def residual(x, key=key, target=target, want=want):
                return simulated(binary, target, RESISTANCE[0], {**v, key: x}) - want
            v[key] = fitlib.bisect(residual, 0.0, 3.0, 14, rising=True)
        ratio = v["executive_resistance_max"] / v["composite_resistance_max"]

        def residual_a(x):
            return simulated(binary, AEROBIC[1], AEROBIC[0],
                             {**v, "composite_aerobic_max": x, "executive_aerobic_max": ratio * x}) - AEROBIC[2]
        v["composite_aerobic_max"] = fitlib.bisect(residual_a, 0.0, 3.0, 14, rising=True)
        v["executive_aerobic_max"] = ratio * v["composite_aerobic_max"]
        print(f"round {round_ + 1}: " + ", ".join(f"{k} = {x:.4f}" for k, x in v.items()))
        if max(abs(v[k] - old[k]) for k in v) < 0.005:
            break
    print("check: Landrigan composite {:+.3f} (0.71), executive {:+.3f} (0.39), Northey aerobic "
          "{:+.3f} (0.24)".format(simulated(binary, RESISTANCE[1], RESISTANCE[0], v),
                                  simulated(binary, RESISTANCE[2], RESISTANCE[0], v),
                                  simulated(binary, AEROBIC[1], AEROBIC[0], v)))


if __name__ == "__main__":
    main()
