#!/usr/bin/env python3
"""Fit of the hypoglycaemic HPA gain g_glc (hpa.hypoglycaemia_gain, include/brainload/model/hpa.hpp)
to its one fitted target, hpa.tabata.prolonged_fasted_end_ratio: serum cortisol ×2.669 at the end
of 180 min at 49.3 % VO2max after a 12-h fast, against before (Tabata et al. 1984, Clin Physiol
4:299), read as `brainload validate` reads it: the reference individual's trace of
scenarios/validation/cortisol_prolonged_tabata.toml at 240 min over 60 min.

The ratio rises monotonically with the gain (the drive only adds), so bisection in log finds it.
Split and design fixed before the code: docs/research/hypoglycaemia_hpa.md ("Decision").

Run from the repository root after the build:
    python3 validation/fits/fit_hypoglycaemia_hpa.py [path/to/brainload]
"""
import csv, io, math, subprocess, sys

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/brainload"
SCEN = "scenarios/validation/cortisol_prolonged_tabata.toml"
TARGET = 2.669
AT_MIN, BASE_MIN = 240.0, 60.0


def run(gain):
    """Cortisol fold at the end and plasma glucose there, for this gain."""
    out = subprocess.run([BIN, "trace", SCEN, "--every", "1", "--set",
                          f"hpa.hypoglycaemia_gain={gain!r}"],
                         check=True, capture_output=True, text=True).stdout
    rows = {float(r["time_min"]): r for r in csv.DictReader(io.StringIO(out))}
    fold = float(rows[AT_MIN]["cortisol_nmol_l"]) / float(rows[BASE_MIN]["cortisol_nmol_l"])
    return fold, float(rows[AT_MIN]["glucose_mmol_l"])


lo, hi = 1.0, 1000.0
f_hi, _ = run(hi)
if f_hi < TARGET:
    print(f"even a gain of {hi} gives ×{f_hi:.3f} < ×{TARGET}: no fit inside the valid range")
    sys.exit(1)
for _ in range(40):
    mid = math.sqrt(lo * hi)
    f, _ = run(mid)
    lo, hi = (mid, hi) if f < TARGET else (lo, mid)
    if hi / lo < 1.0005:
        break
gain = math.sqrt(lo * hi)
fold, glucose = run(gain)
print(f"hypoglycaemia_gain = {gain:.2f}: cortisol ×{fold:.3f} at 180 min (target ×{TARGET}), "
      f"plasma glucose {glucose:.2f} mmol/L there (Tabata et al.: 2.60 ± 0.21)")
