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
    python3 validation/fits/fit_cognition_type.py [path/to/brainload] --expected 20

`--expected K` (section 7q): each effect is the mean over seeds 1..K (`validate --seeds K`), its
expectation rather than seed 1's draw, which the bisection above fitted. Each effect being close
to proportional to its maximum, every round multiplies each maximum by target / expected (the
two resistance maxima from the Landrigan run, the aerobic one from the Northey run, the executive
aerobic maximum by the ratio rule), for at most three rounds, until all three are within
± 0.03 SD. It starts from the values in the model (`brainload describe`).
"""
import json, os, subprocess, sys

import fitlib

RESISTANCE = ("resistance_older_adults_rct", "cognition_chronic.rt_older.landrigan_composite",
              "cognition_chronic.rt_older.landrigan_executive", 0.71, 0.39)
AEROBIC = ("aerobic_year_older", "cognition_chronic.aerobic_older.northey_aerobic", 0.24)
PREFIX = "chronic_cognition."


def simulated(binary, target, scenario, values):
    return fitlib.simulated(binary, [target], {scenario: {PREFIX + k: v for k, v in values.items()}})[target]


def expected_fit(binary, seeds):
    describe = subprocess.run([binary, "describe", "--json"], check=True, capture_output=True,
                              text=True).stdout
    current = {p["name"]: p["value"] for p in json.loads(describe)["parameters"]
               if p["name"].startswith(PREFIX)}
    v = {k: current[PREFIX + k] for k in ("composite_resistance_max", "executive_resistance_max",
                                          "composite_aerobic_max", "executive_aerobic_max")}
    print("start: " + ", ".join(f"{k} = {x:.4f}" for k, x in v.items()))
    for round_ in range(3):
        params = {PREFIX + k: x for k, x in v.items()}
        res = fitlib.simulated(binary, ["landrigan"], {RESISTANCE[0]: params}, seeds=seeds)
        aer = fitlib.simulated(binary, [AEROBIC[1]], {AEROBIC[0]: params}, seeds=seeds)
        got = (res[RESISTANCE[1]], res[RESISTANCE[2]], aer[AEROBIC[1]])
        print(f"round {round_ + 1}: expected Landrigan composite {got[0]:+.3f} (0.71), executive "
              f"{got[1]:+.3f} (0.39), Northey aerobic {got[2]:+.3f} (0.24) over {seeds} seeds")
        if max(abs(got[0] - RESISTANCE[3]), abs(got[1] - RESISTANCE[4]),
               abs(got[2] - AEROBIC[2])) <= 0.03:
            break
        v["composite_resistance_max"] *= RESISTANCE[3] / got[0]
        v["executive_resistance_max"] *= RESISTANCE[4] / got[1]
        v["composite_aerobic_max"] *= AEROBIC[2] / got[2]
        v["executive_aerobic_max"] = (v["composite_aerobic_max"] * v["executive_resistance_max"]
                                      / v["composite_resistance_max"])
        print("  now: " + ", ".join(f"{k} = {x:.4f}" for k, x in v.items()))
    return v


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--")
                             else "build/brainload")
    if "--expected" in sys.argv:
        seeds = int(sys.argv[sys.argv.index("--expected") + 1])
        v = expected_fit(binary, seeds)
        print("result: " + ", ".join(f"{k} = {x:.4f}" for k, x in v.items()))
        return
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
