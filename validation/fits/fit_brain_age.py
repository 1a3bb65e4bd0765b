#!/usr/bin/env python3
"""Fit of the saturating brain-age benefit (docs/research/chronic_structures.md section 7o):
brain_age.gap_max_years by bisection so that the mean of the two fitted LISA contrasts
(brain_age.lisa.hrt_one_year and .mit_one_year: Gonzalez-Gomez et al. 2026, GeroScience, brain
age 1.4-2.3 years younger than control after a year of heavy or moderate resistance training)
is -1.85 years, the band's middle, with the brain-age test-retest error
(population.brain_age_noise_sd) off. brain_age.benefit_half_load keeps its value. Only those two
targets run (one scenario).

    python3 validation/fits/fit_brain_age.py [path/to/brainload]   (from the repository root)
"""
import os, sys

import fitlib

TARGETS = ["brain_age.lisa.hrt_one_year", "brain_age.lisa.mit_one_year"]
SCENARIO = "lisa_brain_age"
WANT = -1.85


def simulated(binary, g):
    values = {"brain_age.gap_max_years": g, "population.brain_age_noise_sd": 0.0}
    out = fitlib.simulated(binary, ["brain_age.lisa."], {SCENARIO: values})
    return [out[t] for t in TARGETS]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    # The mean contrast falls (grows more negative) as G rises.
    g = fitlib.bisect(lambda v: sum(simulated(binary, v)) / 2 - WANT, 0.5, 5.0, 14, rising=False,
                      label="gap_max_years")
    hrt, mit = simulated(binary, g)
    print(f"brain_age.gap_max_years = {g:.4f}")
    print(f"check: HRT {hrt:+.3f}, MIT {mit:+.3f}, mean {(hrt + mit) / 2:+.3f} years "
          f"(want {WANT:+.2f}; band -2.3 to -1.4)")


if __name__ == "__main__":
    main()
