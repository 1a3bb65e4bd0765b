#!/usr/bin/env python3
"""The dynamic Mader core on its own: does the O2 deficit at an interval's onset add glycolysis?

A check, not a fit (docs/research/lactate_onset_and_resistance.md, section C). Phosphocreatine
(PCr) through the creatine-kinase equilibrium at pH 7.0 sets free ADP; muscle O2 uptake v chases
its ADP-set target with T_ox; PCr takes the difference between oxidative ATP supply and demand.
Constants as implemented by others from Mader 2003 (Eur J Appl Physiol 88:317), section A.2:
total creatine Sc 25 mmol/kg, adenine nucleotides Sa 7 mmol/kg, adenylate-kinase term M3 0.96,
K_CK 1.66e9 /M, sqrt(Ks1) 0.035 and cbrt(Ks2) 0.15 mmol/kg, T_ox 10 s, 0.233 mmol ATP per ml O2.
Muscle VO2max: 42 ml/kg/min of body over 0.2 kg of working muscle per kg (two legs, derived).
The glycolytic ATP is left out of the balance, so the steady state equals the model's present
ADP^2 = Ks1 x/(1 - x) and only the transient is compared.

Prints, for steps from rest to x, the steady PCr, the emergent tau of v, the peak activation a and
its integral over 7 min against the steady-state a times 7 min. Standard library only.

    python3 validation/fits/mader_onset_core.py
"""
import math

SC, SA, M3, K_CK = 25.0, 7.0, 0.96, 1.66e9
KS1, KS2 = 0.035**2, 0.15**3
T_OX = 10.0 / 60.0  # min
ATP_AT_VO2MAX = 42.0 / 0.2 * 0.233  # mmol ATP per kg muscle per min
X_REST = 3.5 / 42.0
DT = 1.0 / 600.0  # min


def adp_of(pcr, ph=7.0):
    q = K_CK * 10.0 ** (-ph) * pcr / max(SC - pcr, 1e-9)
    return SA * q / (M3 + q + q * q)


def v_ss(adp):
    return adp * adp / (KS1 + adp * adp)


def activation(adp):
    return adp**3 / (KS2 + adp**3)


def resting_pcr():
    lo, hi = 0.01, SC - 0.01
    for _ in range(100):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if v_ss(adp_of(mid)) > X_REST else (lo, mid)
    return mid


def step(x, minutes=7.0):
    pcr, v = resting_pcr(), X_REST
    trace = []
    for i in range(int(minutes / DT)):
        adp = adp_of(pcr)
        dv = (v_ss(adp) - v) / T_OX
        dpcr = ATP_AT_VO2MAX * (v - max(x, X_REST))
        pcr = min(max(pcr + dpcr * DT, 1e-6), SC - 1e-6)
        v += dv * DT
        trace.append((i * DT, pcr, v, activation(adp)))
    return trace


def main():
    print("x     PCr_ss  tau_s  peak_a  int_a_7min  steady_a*7")
    for x in (0.5, 0.82, 0.97):
        tr = step(x)
        v0, v1 = tr[0][2], tr[-1][2]
        tau = next(t for t, _, v, _ in tr if v >= v0 + 0.632 * (v1 - v0)) * 60.0
        a_ss = activation(math.sqrt(KS1 * x / (1.0 - x)))
        print(f"{x:<5} {tr[-1][1]:6.1f} {tau:6.1f} {max(a for *_, a in tr):7.3f} "
              f"{sum(a for *_, a in tr) * DT:10.3f} {a_ss * 7.0:11.3f}")


if __name__ == "__main__":
    main()
