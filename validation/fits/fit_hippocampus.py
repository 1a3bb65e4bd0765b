#!/usr/bin/env python3
"""Fit of the hippocampal pathway (docs/research/chronic_structures.md section 7p), in the
scenario of Erickson et al. 2011 (PNAS 108:3017: a year of walking against stretching, older
adults), with the scan-rescan error (population.hippocampal_volume_noise_cv) off:

1. hippocampus.ageing_loss_at_70_per_year by bisection so that the control arm reads -1.4 % at
   day 365 (hippocampus.aerobic_year.ageing_control, derived); the slope with age
   (ageing_acceleration_per_year2, Du et al. 2006) is a prior and stays.
2. hippocampus.bdnf_growth_per_year by bisection, with step 1's value, so that the walking arm
   reads +2 % at day 365 (hippocampus.aerobic_year.walking, fitted).

    python3 validation/fits/fit_hippocampus.py [path/to/brainload]   (from the repository root)
"""
import os, sys

import fitlib

SCENARIO = "aerobic_year_older"
CONTROL = "hippocampus.aerobic_year.ageing_control"
WALKING = "hippocampus.aerobic_year.walking"


def simulated(binary, target, values):
    values = dict(values, **{"population.hippocampal_volume_noise_cv": 0.0})
    return fitlib.simulated(binary, [target], {SCENARIO: values})[target]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    r70 = fitlib.bisect(
        lambda v: simulated(binary, CONTROL, {"hippocampus.ageing_loss_at_70_per_year": v}) + 0.014,
        0.0, 0.05, 14, rising=False, label="ageing_loss_at_70_per_year")
    growth = fitlib.bisect(
        lambda v: simulated(binary, WALKING, {"hippocampus.ageing_loss_at_70_per_year": r70,
                                              "hippocampus.bdnf_growth_per_year": v}) - 0.02,
        0.0, 2.0, 14, rising=True, label="bdnf_growth_per_year")
    both = {"hippocampus.ageing_loss_at_70_per_year": r70,
            "hippocampus.bdnf_growth_per_year": growth}
    print(f"hippocampus.ageing_loss_at_70_per_year = {r70:.5f}")
    print(f"hippocampus.bdnf_growth_per_year = {growth:.4f}")
    print(f"check: control {simulated(binary, CONTROL, both):+.4f} (want -0.014), "
          f"walking {simulated(binary, WALKING, both):+.4f} (want +0.020)")


if __name__ == "__main__":
    main()
