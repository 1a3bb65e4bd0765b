#!/usr/bin/env python3
"""`brainload run` as a user runs it: the HDF5 opens in xarray with named dimensions, the same
seed gives byte-identical summary JSON at 1 and 2 threads, and an interrupted run (SIGINT)
leaves no file at the output path.

Usage: test_run.py BRAINLOAD SOURCE_DIR [TestClass]   (run with /usr/bin/python3)
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

BRAINLOAD = SOURCE = None


def run(*args, **kw):
    return subprocess.run([BRAINLOAD, *map(str, args)], capture_output=True, text=True,
                          timeout=600, **kw)


class RunOutputs(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def test_hdf5_opens_in_xarray_with_named_dimensions(self):
        import xarray as xr
        out = self.dir / "rt.h5"
        p = run("run", Path(SOURCE) / "scenarios/resistance_older_adults.toml", "--agents", 40,
                "--out", out, "--quiet", "--trajectories")
        self.assertEqual(p.returncode, 0, p.stderr)
        ds = xr.open_dataset(out, engine="h5netcdf", decode_timedelta=False)
        self.assertEqual(dict(ds.sizes)["agent"], 40)
        self.assertEqual(list(ds["arm"].values), ["control", "resistance"])
        self.assertEqual(ds["strength_1rm_rel"].dims, ("agent", "assess_day"))
        self.assertEqual(ds["strength_1rm_rel_quantiles"].dims, ("arm", "time", "quantile"))
        self.assertEqual(ds["strength_1rm_rel_trajectory"].dims, ("agent", "time"))
        for name, var in ds.data_vars.items():
            self.assertIsInstance(var.attrs.get("units"), str, name)
            self.assertIsInstance(var.attrs.get("long_name"), str, name)
        self.assertIn("[scenario]", ds.attrs["scenario"])
        self.assertEqual(int(ds.attrs["seed"]), 1)
        # Training arm got stronger than control by day 112 (median of the quantile series).
        q = ds["strength_1rm_rel_quantiles"].sel(quantile=0.5).isel(time=-1).values
        self.assertGreater(q[1], q[0] + 0.05, q)
        # Agents alternate between arms.
        self.assertEqual(list(ds["arm_index"].values[:4]), [0, 1, 0, 1])

    def test_events_in_the_summary_table_json_and_hdf5(self):
        """The back-to-back HIIT question answered by `run`: the 14:00 test per arm, contrasts."""
        import xarray as xr
        out = self.dir / "b2b.h5"
        js = self.dir / "b2b.json"
        p = run("run", Path(SOURCE) / "scenarios/back_to_back_hiit.toml", "--agents", 40,
                "--out", out, "--summary-json", js)
        self.assertEqual(p.returncode, 0, p.stderr)
        summary = json.loads(js.read_text())
        for arm in ("rest", "moderate", "single", "double"):
            a = summary["arms"][arm]
            self.assertEqual(a["dropouts"], 0, arm)  # a lab study
            self.assertEqual(a["sessions_done"], a["sessions_scheduled"], arm)
            test = a["events"]["cognitive_test_d0_1400"]
            self.assertEqual((test["type"], test["day"], test["time_min"], test["n"]),
                             ("cognitive_test", 0, 840.0, 10), arm)
            self.assertIsInstance(test["mean"], float)
            self.assertGreater(test["sd"], 0.0)
            cbf = a["events"]["cbf_1400"]
            self.assertEqual(cbf["observable"], "cerebral_blood_flow_rel")
        contrasts = [c for c in summary["contrasts"] if "event" in c]
        self.assertEqual({(c["arm"], c["vs"]) for c in contrasts},
                         {("moderate", "rest"), ("single", "rest"), ("double", "rest")})
        for c in contrasts:
            self.assertEqual(set(c), {"arm", "vs", "event", "day", "mean_difference", "smd",
                                      "ci95"})
            self.assertLessEqual(c["ci95"][0], c["mean_difference"])
        # The printed summary shows the events, not one-day "changes" of chronic outcomes.
        self.assertIn("cognitive_test_d0_1400", p.stdout)
        self.assertNotIn("brain_age_gap_years", p.stdout)
        ds = xr.open_dataset(out, engine="h5netcdf", decode_timedelta=False)
        self.assertEqual(ds["event_value"].dims, ("agent", "event"))
        self.assertEqual(list(ds["event"].values), ["cognitive_test_d0_1400", "cbf_1400"])
        self.assertEqual(list(ds["event_unit"].values), ["SD", "1"])
        by_arm = ds["event_value"].groupby(ds["arm_index"]).mean("agent")
        double = summary["arms"]["double"]["events"]["cognitive_test_d0_1400"]["mean"]
        self.assertAlmostEqual(float(by_arm.values[3, 0]), double, places=9)

    def test_parameter_overrides_are_recorded_in_the_hdf5_attributes(self):
        import h5py
        scenario = self.dir / "p.toml"
        scenario.write_text((Path(SOURCE) / "scenarios/wingate.toml").read_text() +
                            '\n[parameters]\n"lactate.rest_mmol_l" = 1.5\n'
                            '"training.fatigue_tau_days" = 5\n')
        plain, overridden = self.dir / "plain.h5", self.dir / "set.h5"
        for out, extra in ((plain, []), (overridden, ["--set", "training.fatigue_tau_days=9"])):
            p = run("run", scenario if extra else Path(SOURCE) / "scenarios/wingate.toml",
                    "--agents", 2, "--out", out, "--quiet", *extra)
            self.assertEqual(p.returncode, 0, p.stderr)
        with h5py.File(plain, "r") as f:
            self.assertEqual(json.loads(f.attrs["parameters_overridden"]), {})
        with h5py.File(overridden, "r") as f:
            self.assertEqual(json.loads(f.attrs["parameters_overridden"]),
                             {"lactate.rest_mmol_l": 1.5, "training.fatigue_tau_days": 9.0})

    def test_same_seed_same_json_at_one_and_two_threads(self):
        texts = []
        for threads in (1, 2):
            js = self.dir / f"s{threads}.json"
            p = run("run", Path(SOURCE) / "scenarios/lisa_trial.toml", "--agents", 30, "--seed", 5,
                    "--threads", threads, "--out", self.dir / f"l{threads}.h5", "--quiet",
                    "--summary-json", js)
            self.assertEqual(p.returncode, 0, p.stderr)
            texts.append(js.read_bytes())
        self.assertEqual(texts[0], texts[1])
        summary = json.loads(texts[0])
        self.assertEqual(summary["agents"], 30)
        self.assertEqual(set(summary["arms"]), {"control", "hrt", "mit"})
        self.assertTrue(any(c["arm"] == "hrt" and c["outcome"] == "brain_age_gap_years" and
                            c["day"] == 365 for c in summary["contrasts"]))

    def test_sigint_leaves_no_file(self):
        out = self.dir / "big.h5"
        proc = subprocess.Popen([BRAINLOAD, "run", str(Path(SOURCE) / "scenarios/lisa_trial.toml"),
                                 "--agents", "100000", "--out", str(out), "--quiet"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(2.0)
        self.assertIsNone(proc.poll(), "the run ended before it could be interrupted")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        self.assertNotEqual(proc.returncode, 0, err)
        self.assertFalse(out.exists(), "an interrupted run left a file at the output path")
        self.assertEqual([p.name for p in self.dir.iterdir()], [], "temporary files were left")
        self.assertIn("interrupted", err)

    def test_existing_output_needs_force_and_bad_directory_exits_73(self):
        out = self.dir / "x.h5"
        out.write_text("keep me")
        scenario = Path(SOURCE) / "scenarios/resistance_older_adults.toml"
        p = run("run", scenario, "--agents", 4, "--out", out, "--quiet")
        self.assertEqual(p.returncode, 73, p.stderr)
        self.assertEqual(out.read_text(), "keep me")
        p = run("run", scenario, "--agents", 4, "--out", self.dir / "no/such/dir/x.h5", "--quiet")
        self.assertEqual(p.returncode, 73, p.stderr)

    def test_default_output_directory_blocked_by_a_file_exits_73(self):
        # Without --out the run writes output/<name>.h5 and creates output/ first; a file
        # called "output" in the way is an output error, not an internal one.
        (self.dir / "output").write_text("not a directory")
        scenario = Path(SOURCE) / "scenarios/resistance_older_adults.toml"
        p = run("run", scenario, "--agents", 4, "--quiet", cwd=self.dir)
        self.assertEqual(p.returncode, 73, p.stderr)
        self.assertIn("cannot create output directory 'output'", p.stderr)
        self.assertEqual(sorted(q.name for q in self.dir.iterdir()), ["output"])


def same_hdf5(a_path, b_path):
    """Every group and dataset of two HDF5 files with equal data (NaN = NaN) and equal
    attributes; dimension-scale references compared by the names they point to. Returns the
    differences (empty when identical)."""
    import h5py
    import numpy as np
    diffs = []

    def value(f, v):
        a = np.asarray(v)
        if a.dtype == object:  # object references (DIMENSION_LIST, REFERENCE_LIST)
            return repr([f[r].name if isinstance(r, h5py.Reference) else
                         [f[x].name for x in np.ravel(r) if isinstance(x, h5py.Reference)]
                         for r in np.ravel(a)])
        if a.dtype.names:  # REFERENCE_LIST: (dataset reference, index) pairs
            return repr([(f[r[0]].name, int(r[1])) for r in a])
        return a

    def same(x, y):
        if isinstance(x, str) or isinstance(y, str):
            return x == y
        x, y = np.asarray(x), np.asarray(y)
        if x.dtype.kind == "f" and y.dtype.kind == "f":
            return x.shape == y.shape and np.array_equal(x, y, equal_nan=True)
        return x.shape == y.shape and np.array_equal(x, y)

    with h5py.File(a_path) as a, h5py.File(b_path) as b:
        def visit(name, obj):
            other = b.get(name)
            if other is None:
                diffs.append(f"{name}: only in {a_path}")
                return
            for k in sorted(set(obj.attrs) | set(other.attrs)):
                if k not in obj.attrs or k not in other.attrs or \
                        not same(value(a, obj.attrs[k]), value(b, other.attrs[k])):
                    diffs.append(f"{name}@{k} differs")
            if isinstance(obj, h5py.Dataset) and not same(obj[()], other[()]):
                diffs.append(f"{name}: data differ")
        visit("/", a["/"])
        a.visititems(visit)
        b.visititems(lambda name, _: diffs.append(f"{name}: only in {b_path}")
                     if a.get(name) is None else None)
    return diffs


class Checkpoint(unittest.TestCase):
    """Issue 19: `run --checkpoint` survives kill -9 at a random moment, and `run --resume`
    finishes with the summary JSON and the HDF5 file of a run that never stopped, byte for byte,
    resuming at another thread count; a checkpoint of another run is refused."""

    # Enough agents that a run is still going when it is killed; fewer under a sanitizer, whose
    # instrumented runs are about five times slower (ci/sanitizers.sh sets 64).
    AGENTS = int(os.environ.get("BRAINLOAD_CHECKPOINT_AGENTS", "96"))

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)
        self.scenario = Path(SOURCE) / "scenarios/lisa_trial.toml"

    def tearDown(self):
        self.tmp.cleanup()

    def args(self, *extra):
        # Relative --out and --summary-json, run in per-run directories, so that the command
        # recorded in the HDF5 file is the same text for every run.
        return ["run", self.scenario, "--agents", self.AGENTS, "--out", "trial.h5",
                "--summary-json", "trial.json", "--quiet", "--force", *extra]

    def reference(self, threads):
        ref = self.dir / f"ref{threads}"
        ref.mkdir()
        p = run(*self.args("--threads", threads), cwd=ref)
        self.assertEqual(p.returncode, 0, p.stderr)
        return ref

    def killed_run(self, where, threads, rng):
        """Starts a checkpointed run in `where` and kills it (SIGKILL) at a random moment after
        its first commit; returns how many bytes of checkpoint it left."""
        where.mkdir()
        proc = subprocess.Popen([BRAINLOAD, *map(str, self.args(
            "--threads", threads, "--checkpoint", "run.ckpt", "--checkpoint-every", "0"))],
            cwd=where, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        ckpt = where / "run.ckpt"
        deadline = time.time() + 300
        while time.time() < deadline and proc.poll() is None and \
                (not ckpt.exists() or ckpt.stat().st_size < 4096):
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.4))
        proc.kill()
        proc.wait()
        self.assertEqual(proc.returncode, -signal.SIGKILL,
                         "the run finished before it could be killed: raise AGENTS")
        self.assertFalse((where / "trial.h5").exists(), "a killed run left an output file")
        return ckpt.stat().st_size

    def interrupted_run(self, where):
        """Starts a checkpointed run in `where` and stops it with Ctrl-C (SIGINT) after the
        checkpoint exists: it must commit, exit 130 and name the command that continues it."""
        where.mkdir()
        proc = subprocess.Popen([BRAINLOAD, *map(str, self.args(
            "--threads", 2, "--checkpoint", "run.ckpt"))], cwd=where,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        ckpt = where / "run.ckpt"
        deadline = time.time() + 300
        while time.time() < deadline and proc.poll() is None and not ckpt.exists():
            time.sleep(0.01)
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=300)
        self.assertEqual(proc.returncode, 130, err)
        self.assertIn("continue with --resume run.ckpt", err)

    def test_kill_9_or_ctrl_c_then_resume_equals_an_uninterrupted_run(self):
        import random
        rng = random.Random(os.environ.get("BRAINLOAD_TEST_SEED", "19"))
        ref = self.reference(2)
        # Killed at 2 threads and resumed at 1, killed at 1 and resumed at 2, stopped by Ctrl-C:
        # each must end with the reference's files (any thread count gives the same numbers).
        for name, threads in (("killed2", 2), ("killed1", 1), ("ctrl_c", 2)):
            with self.subTest(run=name):
                where = self.dir / name
                if name == "ctrl_c":
                    self.interrupted_run(where)
                    left = (where / "run.ckpt").stat().st_size
                else:
                    left = self.killed_run(where, threads, rng)
                p = run(*self.args("--threads", 3 - threads, "--resume", "run.ckpt"),
                        cwd=where)
                self.assertEqual(p.returncode, 0, p.stderr)
                self.assertEqual((where / "trial.json").read_bytes(),
                                 (ref / "trial.json").read_bytes(),
                                 f"summary JSON after {name} ({left} bytes of checkpoint)")
                # The file records the command that started the run (without the checkpoint
                # options): killed at 1 thread, that command says --threads 1, not 2.
                differences = same_hdf5(ref / "trial.h5", where / "trial.h5")
                expected = [] if threads == 2 else ["/@command differs", "/@history differs"]
                self.assertEqual(sorted(differences), expected)
                if threads == 2:  # byte for byte too: the writer records no object times
                    self.assertEqual((where / "trial.h5").read_bytes(),
                                     (ref / "trial.h5").read_bytes())
                self.assertFalse((where / "run.ckpt").exists(),
                                 "the checkpoint of a completed run was kept")

    def test_resume_refuses_another_run_and_says_what_differs(self):
        where = self.dir / "k"
        self.killed_run(where, 2, __import__("random").Random(1))
        for extra, says in ((["--seed", "2"], "--seed 1, not 2"),
                            (["--set", "hpa.cortisol_half_life_min=70"], "parameters"),
                            (["--trajectories"], "without --trajectories")):
            with self.subTest(extra=extra):
                p = run(*self.args("--resume", "run.ckpt", *extra), cwd=where)
                self.assertEqual(p.returncode, 65, p.stderr)
                self.assertIn("cannot resume from 'run.ckpt'", p.stderr)
                self.assertIn(says, p.stderr)
        other = run("run", Path(SOURCE) / "scenarios/resistance_older_adults.toml", "--agents",
                    self.AGENTS, "--out", "x.h5", "--quiet", "--resume", "run.ckpt", cwd=where)
        self.assertEqual(other.returncode, 65, other.stderr)
        self.assertIn("scenario 'lisa_trial'", other.stderr)
        (where / "junk.ckpt").write_bytes(b"not a checkpoint at all")
        junk = run(*self.args("--resume", "junk.ckpt"), cwd=where)
        self.assertEqual(junk.returncode, 65, junk.stderr)
        self.assertIn("not a brainload run checkpoint", junk.stderr)
        missing = run(*self.args("--resume", "nowhere.ckpt"), cwd=where)
        self.assertEqual(missing.returncode, 66, missing.stderr)


if __name__ == "__main__":
    BRAINLOAD, SOURCE = str(Path(sys.argv[1]).resolve()), str(Path(sys.argv[2]).resolve())
    unittest.main(argv=[sys.argv[0], *sys.argv[3:]], verbosity=2)
