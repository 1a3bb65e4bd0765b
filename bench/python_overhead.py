#!/usr/bin/python3
"""brainload.trace() against `brainload trace` on a one-day scenario (issue 16: within 1.2x).

    PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py [build/brainload] [SCENARIO]

Both are timed in this one run, alternating, REPEATS times each; the medians and their ratio are
printed. The command's time is the whole process (start, reading the scenario, simulating,
writing the CSV to /dev/null); the Python call's is brainload.trace() from the scenario path to
the finished xarray.Dataset, in a process that has already imported brainload (what a notebook
pays per call)."""

import statistics
import subprocess
import sys
import time
from pathlib import Path

import brainload

REPEATS = 7
root = Path(__file__).resolve().parent.parent
exe = sys.argv[1] if len(sys.argv) > 1 else str(root / "build" / "brainload")
scenario = sys.argv[2] if len(sys.argv) > 2 else str(root / "scenarios" / "back_to_back_hiit.toml")

brainload.trace(scenario, arm="double", every=1.0)  # warm: first-call imports (xarray)
cli, py = [], []
for _ in range(REPEATS):
    t = time.perf_counter()
    subprocess.run([exe, "trace", scenario, "--arm", "double", "--every", "1"], check=True,
                   stdout=subprocess.DEVNULL)
    cli.append(time.perf_counter() - t)
    t = time.perf_counter()
    ds = brainload.trace(scenario, arm="double", every=1.0)
    py.append(time.perf_counter() - t)
c, p = statistics.median(cli), statistics.median(py)
print(f"scenario {Path(scenario).name}, arm double, every 1 min: {ds.sizes['time']} rows")
print(f"brainload trace (CLI, CSV to /dev/null): median {c * 1000:.0f} ms of {REPEATS}")
print(f"brainload.trace (Python, xarray):        median {p * 1000:.0f} ms of {REPEATS}")
print(f"ratio Python / CLI: {p / c:.2f} (target <= 1.2)")
