#!/usr/bin/env python3
"""Fit of the strength maxima (docs/research/chronic_structures.md section 7i).

1. The ratio of the neural to the structural maximum, N_max/M_max, from Seynnes, de Boer & Narici
   2007 (J Appl Physiol 102:368) as a prior: after 35 days of flywheel leg extension (4 x 7
   maximal repetitions, 3/week, modelled as 4 x 7 at 83 % 1RM, the 7-repetition maximum by
   Brzycki's table) quadriceps CSA was +7.0 % and MVC +38.9 %; with strength following CSA one to
   one (assumed) the structural part is 0.070 and the neural part 0.319. The model's lower-body
   group is replayed here for that protocol (a young adult: no ageing) to turn the two parts at
   day 35 into a ratio of maxima. The replay is the model's own two rules, nothing fitted:
       R <- R + (load_today - R)(1 - e^(-1/14))                  14-day average of the group load
       a  = R / (L50 + R)                                         trainability 1
       N <- N + (N_max a - N)(1 - e^(-1/tau)), tau = tau_N rising, tau_N,off falling (7k)
       M likewise with tau_M both ways
   in the order step_chronic_day applies them (the average first, then the parts).
2. With the ratio fixed, M_max (and N_max = ratio x M_max) by bisection so that the fitted
   target strength.rt_older.peterson_leg_press reads +29 % with the 1RM test error off.

    python3 validation/fits/fit_strength.py [path/to/brainload]   (from the repository root)
"""
import math, os, sys

import fitlib

TARGET = "strength.rt_older.peterson_leg_press"
SCENARIO = "resistance_older_adults_rct"
WANT = 0.29
# Model defaults the replay needs (include/brainload/model/chronic/training_adaptation.hpp,
# include/brainload/schedule/session_dose.hpp).
WINDOW_D, L50, TAU_N, TAU_M, GROUP_NORM = 14.0, 0.3, 21.0, 120.0, 38.4
TAU_N_OFF = 7305.0  # section 7k (fit_strength_retention.py), run before this fit is repeated
SEYNNES_NEURAL, SEYNNES_STRUCTURAL, SEYNNES_DAYS = 0.319, 0.070, 35


def seynnes_parts_per_unit_maximum():
    """(N, M) at day 35 of Seynnes's protocol for N_max = M_max = 1."""
    session = 4 * 7 * 0.833 ** 2 / GROUP_NORM
    r = n = m = 0.0
    for day in range(SEYNNES_DAYS):
        load = session if day % 7 in (0, 2, 4) else 0.0
        r += (load - r) * (1 - math.exp(-1 / WINDOW_D))
        a = r / (L50 + r)
        n += (a - n) * (1 - math.exp(-1 / (TAU_N if a >= n else TAU_N_OFF)))
        m += (a - m) * (1 - math.exp(-1 / TAU_M))
    return n, m


def peterson(binary, m_max, ratio):
    values = {"training.strength_muscle_max": m_max,
              "training.strength_neural_max": ratio * m_max,
              "population.strength_noise_cv": 0.0}
    return fitlib.simulated(binary, [TARGET], {SCENARIO: values})[TARGET]


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    n1, m1 = seynnes_parts_per_unit_maximum()
    ratio = (SEYNNES_NEURAL / n1) / (SEYNNES_STRUCTURAL / m1)
    print(f"Seynnes replay, per unit maximum: N(35) = {n1:.4f}, M(35) = {m1:.4f}; "
          f"N_max/M_max = {ratio:.3f}")
    print(f"  (Seynnes alone would set N_max = {SEYNNES_NEURAL / n1:.3f}, "
          f"M_max = {SEYNNES_STRUCTURAL / m1:.3f})")
    # Peterson's gain rises with the scale; strength_neural_max must stay inside its range [0, 0.5].
    hi = min(1.0, 0.5 / ratio)
    m_max = fitlib.bisect(lambda v: peterson(binary, v, ratio) - WANT, 0.0, hi, 12, rising=True,
                          label="strength_muscle_max")
    print(f"strength_muscle_max = {m_max:.4f}, strength_neural_max = {ratio * m_max:.4f}")
    print(f"check: Peterson {peterson(binary, m_max, ratio):+.4f} (want {WANT:+.2f})")


if __name__ == "__main__":
    main()
