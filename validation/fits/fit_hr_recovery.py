#!/usr/bin/env python3
"""Fit of the slow phase of heart-rate recovery in include/brainload/model/heart_rate.hpp
(docs/research/heart_rate_recovery.md, last section, decision 3):

    dS/dt  = (w · max(0, max(vd, vu) − ρ) − S) / τ_S          sympathetic part
    dVs/dt = (ρ_v · g − Vs) / τ_v                             held-back vagal brake (off)

Fitted together, by least squares in the relative errors, to the four `fitted` targets of
Facioli et al. 2021's moderate-fitness men (1- and 3-min falls, excess over rest at 16 and 36
min): w (`heart_rate.sympathetic_share`), τ_S (`heart_rate.sympathetic_off_tau_min`) and τ_v
(`heart_rate.vagal_slow_off_tau_min`). ρ_v comes from Jose & Collison's intrinsic heart rate and
is not fitted. Only those targets run, on a copy of the catalogue and scenarios. A Nelder-Mead
simplex over (logit w, log τ_S, log τ_v), written here because scipy is not among the packages
the README installs.

    python3 validation/fits/fit_hr_recovery.py [path/to/brainload]   (from the repository root)
"""
import math, os, sys

import fitlib

TARGETS = {
    "heart_rate.recovery.facioli_moderate_1min_drop": 26.0,
    "heart_rate.recovery.facioli_moderate_3min_drop": 49.0,
    "heart_rate.recovery.facioli_moderate_16min_above_rest": 21.0,
    "heart_rate.recovery.facioli_moderate_36min_above_rest": 10.0,
}
SCENARIO = "hr_recovery_facioli_moderate"
NAMES = ("heart_rate.sympathetic_share", "heart_rate.sympathetic_off_tau_min",
         "heart_rate.vagal_slow_off_tau_min")


def values(z):
    return {NAMES[0]: 1.0 / (1.0 + math.exp(-z[0])), NAMES[1]: math.exp(z[1]),
            NAMES[2]: math.exp(z[2])}


def simulate(binary, z):
    got = fitlib.simulated(binary, ["facioli_moderate"], {SCENARIO: values(z)})
    return {t: got.get(t) for t in TARGETS}


def loss(binary, z):
    got = simulate(binary, z)
    shown = ", ".join(f"{v:.4g}" for v in values(z).values())
    if any(got[t] is None for t in TARGETS):  # a value outside its valid range: not run
        print(f"  ({shown}): rejected", flush=True)
        return 1e3
    value = sum(((got[t] - want) / want) ** 2 for t, want in TARGETS.items())
    print(f"  ({shown}): {[round(got[t], 2) for t in TARGETS]} -> {value:.5f}", flush=True)
    return value


def nelder_mead(f, x0, step, iterations):
    pts = [list(x0)] + [[x + (step if i == j else 0.0) for j, x in enumerate(x0)]
                        for i in range(len(x0))]
    vals = [f(p) for p in pts]
    for _ in range(iterations):
        order = sorted(range(len(pts)), key=lambda i: vals[i])
        pts, vals = [pts[i] for i in order], [vals[i] for i in order]
        n = len(x0)
        centroid = [sum(p[j] for p in pts[:-1]) / n for j in range(n)]
        worst = pts[-1]
        reflect = [c + (c - w) for c, w in zip(centroid, worst)]
        fr = f(reflect)
        if fr < vals[0]:
            expand = [c + 2.0 * (c - w) for c, w in zip(centroid, worst)]
            fe = f(expand)
            pts[-1], vals[-1] = (expand, fe) if fe < fr else (reflect, fr)
        elif fr < vals[-2]:
            pts[-1], vals[-1] = reflect, fr
        else:
            contract = [c + 0.5 * (w - c) for c, w in zip(centroid, worst)]
            fc = f(contract)
            if fc < vals[-1]:
                pts[-1], vals[-1] = contract, fc
            else:  # shrink towards the best point
                for i in range(1, len(pts)):
                    pts[i] = [b + 0.5 * (x - b) for b, x in zip(pts[0], pts[i])]
                    vals[i] = f(pts[i])
        if max(vals) - min(vals) < 1e-5:
            break
    best = min(range(len(pts)), key=lambda i: vals[i])
    return pts[best]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    # Start: the values before the held-back brake (w 0.7, τ_S 12 min) and τ_v 30 min.
    z0 = [math.log(0.7 / 0.3), math.log(12.0), math.log(30.0)]
    z = nelder_mead(lambda z: loss(binary, z), z0, 0.5, 150)
    for name, v in values(z).items():
        print(f"{name} = {v:.4g}")
    print(f"check: {simulate(binary, z)}")


if __name__ == "__main__":
    main()
