#!/usr/bin/env python3
"""Fit of the acute cognition weights of include/brainload/model/cognition.hpp,

    z = k_A·(U(A) − U(A_rest)) + k_up·max(0, CBF − 1) + k_down·min(0, CBF − 1) + k_lac·ΔLac_brain,

to Chang, Labban, Gapin & Etnier 2012 (Brain Res 1453:87): g = 0.108 immediately after exercise,
read as the cognitive test one minute after 20 min of cycling at 60 % VO2max in
scenarios/validation/cognition_moderate_cycling.toml (the reference individual's trace, as
`brainload validate` reads `cognition.acute.chang_after`). The arousal share of the benefit is
fixed at 0.65 (shared/MODEL.md: "about 60–70 % of exercise's acute benefit to cognition is
explained by this arousal"); k_lac and k_down are left as they are. z is linear in the weights and
the weights feed nothing else, so four traces with unit weights give the components (and check that
the test sees no flow below rest) and the solution is exact
(docs/research/acute_cognition_weights.md).

Run from the repository root after the build:
    python3 validation/fits/fit_acute_cognition.py [path/to/brainload]
"""
import csv, io, subprocess, sys

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/brainload"
SCEN = "scenarios/validation/cognition_moderate_cycling.toml"
G_CHANG = 0.108       # Chang et al. 2012, immediately after exercise
AROUSAL_SHARE = 0.65  # MODEL.md, midpoint of 60-70 %


def tests(**weights):
    """The cognitive-test values (10:10 during the ride, 10:21 after it) with these weights."""
    cmd = [BIN, "trace", SCEN]
    for name, value in weights.items():
        cmd += ["--set", f"cognition.{name}={value!r}"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    values = [float(r["event_value"]) for r in rows if r["event"] == "cognitive_test"]
    assert len(values) == 2, values
    return values


zero = dict(arousal_weight_z=0.0, perfusion_gain_weight_z=0.0, perfusion_loss_weight_z=0.0)
fuel = tests(**zero)                                            # k_lac·ΔLac only
du = [v - f for v, f in zip(tests(**{**zero, "arousal_weight_z": 1.0}), fuel)]
dc = [v - f for v, f in zip(tests(**{**zero, "perfusion_gain_weight_z": 1.0}), fuel)]
down = [v - f for v, f in zip(tests(**{**zero, "perfusion_loss_weight_z": 1.0}), fuel)]
print(f"components (during, after): ΔU {du}, ΔCBF above rest {dc}, below rest {down}, fuel {fuel}")
assert down[1] == 0.0, "the Chang test should see no flow below rest"

benefit = G_CHANG - fuel[1]
k_a = AROUSAL_SHARE * benefit / du[1]
k_up = (1.0 - AROUSAL_SHARE) * benefit / dc[1]
print(f"arousal_weight_z = {k_a:.4f}   perfusion_gain_weight_z = {k_up:.4f}")
during, after = tests(arousal_weight_z=k_a, perfusion_gain_weight_z=k_up)
print(f"check: after {after:+.4f} (target {G_CHANG}), during {during:+.4f} "
      "(Lambourne & Tomporowski 2010, held out: -0.14, band -0.21 to -0.07)")
