#!/usr/bin/env python3
"""Fit of the IL-6 production constant of include/brainload/model/il6.hpp
(docs/research/il6_glycogen.md, decision 3):

    dM/dt = load · k_0 · exp(β · (1 − G)) − k_M · M        (G: working-muscle glycogen)

Only k_0 (`il6.onset_per_min`) is fitted, by least squares in log-fold to the two `fitted`
running figures of Fischer 2006 (Exerc Immunol Rev 12:6): about ×2 after 30 min and ×5 after 60
min at 65 % VO2max (`il6.duration.run30_fold`, `il6.duration.run60_fold`). β, the glycogen use
and everything else keep their derived values. Only those targets run, on a copy of the
catalogue and scenarios; a golden-section search over log k_0 (written here because scipy is not
among the packages the README installs; the loss is unimodal in k_0).

    python3 validation/fits/fit_il6.py [path/to/brainload]   (from the repository root)
"""
import math, os, sys

import fitlib

TARGETS = {"il6.duration.run30_fold": 2.0, "il6.duration.run60_fold": 5.0}
SCENARIO = "il6_running_duration"
PARAM = "il6.onset_per_min"


def simulate(binary, k0):
    got = fitlib.simulated(binary, list(TARGETS), {SCENARIO: {PARAM: k0}})
    return {tid: got[tid] for tid in TARGETS}


def loss(binary, log_k0):
    got = simulate(binary, math.exp(log_k0))
    value = sum(math.log(got[t] / want) ** 2 for t, want in TARGETS.items())
    print(f"  k_0 {math.exp(log_k0):.6f}: {got} -> {value:.5f}")
    return value


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    lo, hi = math.log(1e-4), math.log(0.05)
    ratio = (math.sqrt(5.0) - 1.0) / 2.0
    a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
    fa, fb = loss(binary, a), loss(binary, b)
    while hi - lo > 2e-3:
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - ratio * (hi - lo)
            fa = loss(binary, a)
        else:
            lo, a, fa = a, b, fb
            b = lo + ratio * (hi - lo)
            fb = loss(binary, b)
    k0 = math.exp(0.5 * (lo + hi))
    print(f"onset_per_min = {k0:.6f}")
    print(f"check: {simulate(binary, k0)}")


if __name__ == "__main__":
    main()
