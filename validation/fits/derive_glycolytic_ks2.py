#!/usr/bin/env python3
"""A derivation of lactate.adp_ks2_mmol_kg (the cube root of Mader's Ks2, the free ADP of
half-maximal glycolysis) from muscle glycogen use in sustained cycling, in the model's own units.
NOT ADOPTED: the model keeps Mader's 0.15; with 0.174 the trained cyclist's graded test ends below
8 mmol/L (Lactate.GradedTestEndsAbove8), so section I of the research note records it as a finding.

Why (docs/research/lactate_onset_and_resistance.md section I): Mader's Ks2 = 0.15^3 was set
together with his vlamax values (about 0.3-0.7 mmol/L/s for non-sprinters). This model identifies
vlamax from a 30-s Wingate with its own acidosis (0.97 mmol/L/s, lactate.wingate30.peak_rise), so
the submaximal glycolytic rate vlamax*a(x) is not Mader's any more. Here Ks2 is chosen so that the
model's gross glycolytic rate below the MLSS matches the measured glycogen breakdown:

  P_model(x) = vlamax * 60 * (m / m_ref) * a(x) * h        mmol lactate per L of space per min
  a(x)       = u^3 / (Ks2 + u^3),  u^2 = Ks1 * x / (1 - x)  (x = oxidative rate / VO2max)
  h          = 1 / (1 + 10^(3 (pH_half - pH))),  pH = pH_rest + dpH_PCr * a  (resting muscle lactate)
  P_data(x)  = 2 * glycogen use (mmol glucosyl/kg dw/min) / (dw->ww 4.3) * M_w / V

with the model's own working-muscle mass M_w = 0.45 * 0.40 = 0.18 kg per kg body mass for two-leg
cycling (lactate.muscle_space_frac's derivation, Janssen et al. 2000) and its distribution space
V = 0.4 L/kg. Data (abstracts, G.2 of the research note):
  57 % VO2max, 120 min: 468 -> 217 mmol/kg dm, 2.1 /min  (Watt et al. 2002, J Physiol 541:969)
  75 % VO2max,  37 min: 725 -> 353 mmol/kg dm, 10.0 /min (Spencer, Yan & Katz 1992, Am J Physiol
                                                          262:C975)
  80 % VO2max, 12 x 75 s: 94.6 -> 53.3 mmol/kg ww, 11.8 /min dw (Shiose et al. 2012, Open J Mol
                                                          Integr Physiol 2(4))
Log least squares over the three points, Ks1, vlamax, pH terms and masses fixed at the model's
values; the 100 % point of Shiose et al. lies above the MLSS, where the ATP balance, not a(x),
sets the rate, so it is left out. Blood glucose uptake (not in glycogen use) makes the 57 % point
a lower bound of the glycolytic flux; the fit is also reported without it. Standard library and fitlib.py only.

    python3 validation/fits/derive_glycolytic_ks2.py
"""
import math

import fitlib

VLAMAX = 0.97           # mmol/L/s, lactate.vlamax_mmol_l_s (fitted to the 30-s Wingate)
MASS, MASS_REF = 0.45, 0.5   # two-leg cycling (session_drive.cpp), lactate.mass_ref_frac
KS1 = 0.035 ** 2        # (mmol/kg)^2, Mader 2003
PH_REST, PH_HALF, PH_PCR = 7.0, 6.733, 0.296
WET_PER_DRY = 4.3       # assumed (G.2)
WORKING_MUSCLE_KG_PER_KG = 0.45 * 0.40
SPACE_L_PER_KG = 0.4
DATA = {0.57: 2.1, 0.75: 10.0, 0.80: 11.8}  # mmol glucosyl per kg dry muscle per min


def activation(x, cbrt_ks2):
    u = math.sqrt(KS1 * x / (1.0 - x))
    return u ** 3 / (cbrt_ks2 ** 3 + u ** 3)


def model_rate(x, cbrt_ks2):
    a = activation(x, cbrt_ks2)
    h = 1.0 / (1.0 + 10.0 ** (3.0 * (PH_HALF - (PH_REST + PH_PCR * a))))
    return VLAMAX * 60.0 * (MASS / MASS_REF) * a * h


def data_rate(glucosyl):
    return 2.0 * glucosyl / WET_PER_DRY * WORKING_MUSCLE_KG_PER_KG / SPACE_L_PER_KG


def fit(points):
    def cost(c):
        return sum(math.log(model_rate(x, c) / data_rate(DATA[x])) ** 2 for x in points)
    return fitlib.golden(cost, 0.05, 0.5, iterations=200)


def main():
    for label, c in (("Mader 2003", 0.15), ("fit, three points", fit(DATA)),
                     ("fit, 75 and 80 % only", fit([0.75, 0.80]))):
        ratios = ", ".join(f"{x:.2f}: {model_rate(x, c) / data_rate(g):.2f}" for x, g in DATA.items())
        print(f"{label:22s} cbrt(Ks2) = {c:.4f} mmol/kg   model/data at {ratios}")


if __name__ == "__main__":
    main()
