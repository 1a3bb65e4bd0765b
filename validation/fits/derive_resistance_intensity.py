#!/usr/bin/env python3
"""Derivation of session.resistance_intensity_per_load by its documented rule (session_drive.hpp):
3 x 8 back squats at 80 % 1RM raise blood lactate to 5 mmol/L (4-6, Kraemer & Ratamess 2005,
Sports Med 35:339). Bisection on the factor so that the reference individual of
scenarios/validation/resistance_squats_derivation.toml peaks at 5.0 mmol/L over the 15 min after
the last set (the session starts at scenario minute 60 and lasts 3 x 24 s + 2 x 120 s = 5.2 min).
Rule and details: docs/research/lactate_onset_and_resistance.md section G. Standard library only.

    python3 validation/fits/derive_resistance_intensity.py [path/to/brainload]  (repository root)
"""
import csv, io, os, subprocess, sys

SCENARIO = "scenarios/validation/resistance_squats_derivation.toml"
WANT = 5.0
SESSION_END_MIN = 60.0 + (3 * 24 + 2 * 120) / 60.0


def peak(binary, factor=None):
    """Peak blood lactate after the last set; factor None: the model's documented value."""
    cmd = [binary, "trace", SCENARIO, "--every", "0.1", "--to", "0.2", "--csv", "-"]
    if factor is not None:
        cmd += ["--set", f"session.resistance_intensity_per_load={factor!r}"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rows = csv.DictReader(io.StringIO(out))
    return max(float(r["lactate_mmol_l"]) for r in rows
               if SESSION_END_MIN - 5.3 <= float(r["time_min"]) <= SESSION_END_MIN + 15.0)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/brainload")
    lo, hi = 0.5, 3.0
    for _ in range(30):
        mid = 0.5 * (lo + hi)
        if peak(binary, mid) < WANT:
            lo = mid
        else:
            hi = mid
    factor = 0.5 * (lo + hi)
    print(f"session.resistance_intensity_per_load = {factor:.4f}")
    print(f"check: peak blood lactate {peak(binary, factor):.3f} mmol/L (want {WANT})")
    print(f"at the documented value: {peak(binary):.3f} mmol/L")


if __name__ == "__main__":
    main()
