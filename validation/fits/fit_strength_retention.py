#!/usr/bin/env python3
"""Fit of the off-time constant of the neural part of strength (docs/research/chronic_structures.md
section 7t; section 7k's fit to Smith et al. 2003 ran to its 20-year bound).
`training.strength_neural_off_tau_days` (how slowly the neural part of a muscle group's gain falls
once its target drops) is bisected on a log scale to the zero of the mean signed error of the two
fitted retention targets, with the test error off:

  - strength.taaffe.retained_12_weeks: Taaffe & Marcus 1997, 70.1 % of a 24-week gain kept after
    12 weeks off;
  - strength.trappe.retained_6_months: Trappe et al. 2002, 66.7 % of a 12-week gain kept after 6
    months off.

Only those targets run, on a copy of the catalogue and scenarios. Smith et al.'s contrast (no
longer the fit's source) is printed at the result.

    python3 validation/fits/fit_strength_retention.py [path/to/brainload]   (from the repository root)
"""
import os, sys

import fitlib

TARGETS = {"strength.taaffe.retained_12_weeks": ("strength_detraining_taaffe", 0.701),
           "strength.trappe.retained_6_months": ("strength_detraining_trappe", 0.667)}
SMITH = ("strength.smith.detrained_vs_control_5y", "smith_detraining")
PARAM = "training.strength_neural_off_tau_days"
LO_D, HI_D = 21.0, 7305.0  # the rise's own 21 d (no asymmetry) to 20 years


def simulate(binary, tau_days):
    values = {PARAM: tau_days, "population.strength_noise_cv": 0.0}
    got = fitlib.simulated(binary, list(TARGETS), {scen: values for scen, _ in TARGETS.values()})
    return {tid: got[tid] for tid in TARGETS}


def mean_error(binary, tau_days):
    got = simulate(binary, tau_days)
    return sum(got[tid] - want for tid, (_, want) in TARGETS.items()) / len(TARGETS)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    for bound in (LO_D, HI_D):
        print(f"at {bound:.0f} d: {simulate(binary, bound)}")
    tau = fitlib.bisect(lambda v: mean_error(binary, v), LO_D, HI_D, 12, rising=True,
                        geometric=True, label="strength_neural_off_tau_days")
    print(f"strength_neural_off_tau_days = {tau:.0f}")
    print(f"check: {simulate(binary, tau)}")
    smith = fitlib.simulated(binary, [SMITH[0]], {SMITH[1]: {PARAM: tau,
                                                            "population.strength_noise_cv": 0.0}})
    print(f"Smith et al. contrast at this value (test error off): {smith[SMITH[0]]:+.4f} (+0.237)")


if __name__ == "__main__":
    main()
