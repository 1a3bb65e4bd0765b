#!/usr/bin/env python3
"""`brainload run` split across MPI ranks (an MPI build, -DBRAINLOAD_MPI=ON), as a user runs it
with mpirun: 1, 2 and 3 ranks write the same summary JSON, byte for byte, and the same HDF5
contents (every variable's values, dtype, shape, storage and attributes) as the default build
with the same seed; an interrupted 2-rank run leaves no file; a failure on one rank makes the
job fail with the README's exit code and one message.

Usage: test_mpi.py BRAINLOAD_MPI BRAINLOAD_DEFAULT SOURCE_DIR [MPIEXEC] [TestClass]
(run with /usr/bin/python3, which has h5py and xarray)
"""
import json
import os
import signal
import struct
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

MPI_EXE = DEFAULT_EXE = SOURCE = None
MPIEXEC = "mpirun"

# Attributes that name the command line, which differs between the two binaries.
PROVENANCE = {"command", "history"}


def mpirun(ranks, *args, bind_to_none=False, **kw):
    """The argv of `mpirun -np RANKS brainload ARGS` on this machine (oversubscribed, as root)."""
    cmd = [MPIEXEC, "--oversubscribe", "-np", str(ranks)]
    if os.geteuid() == 0:
        cmd.append("--allow-run-as-root")
    if bind_to_none:
        cmd += ["--bind-to", "none"]
    return cmd + [MPI_EXE, *map(str, args)]


def run(argv, **kw):
    return subprocess.run(list(map(str, argv)), capture_output=True, text=True, timeout=600, **kw)


def plain(value, f):
    """An attribute value with HDF5 object references replaced by the names they point to."""
    import h5py
    import numpy as np
    if isinstance(value, h5py.Reference):
        return f[value].name if value else None
    if isinstance(value, np.ndarray):
        if value.dtype.names:  # compound (REFERENCE_LIST: dataset, dimension)
            return sorted(tuple(plain(row[n], f) for n in value.dtype.names) for row in value)
        if value.dtype == object:
            return [plain(v, f) for v in value.tolist()]
        return value.tolist()
    if isinstance(value, (list, tuple)):
        return [plain(v, f) for v in value]
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, np.generic):
        return value.item()
    return value


def attributes(obj, f):
    return [(k, plain(obj.attrs[k], f)) for k in obj.attrs.keys() if k not in PROVENANCE]


def same_values(a, b):
    import numpy as np
    if a.dtype.kind == "f":
        return a.dtype == b.dtype and np.array_equal(a, b, equal_nan=True)
    return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)


class RanksAgree(unittest.TestCase):
    """37 agents (divisible by neither 2 nor 3) of resistance_older_adults with trajectories."""

    SCENARIO = "scenarios/resistance_older_adults.toml"
    AGENTS = 37

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = Path(cls.tmp.name)
        args = ["run", Path(SOURCE) / cls.SCENARIO, "--agents", cls.AGENTS, "--seed", 11,
                "--trajectories", "--quiet"]
        cls.outputs = {}
        p = run([DEFAULT_EXE, *args, "--out", d / "default.h5", "--summary-json",
                 d / "default.json"])
        assert p.returncode == 0, p.stderr
        cls.outputs["default build"] = (d / "default.h5", d / "default.json")
        for ranks in (1, 2, 3):
            h5, js = d / f"np{ranks}.h5", d / f"np{ranks}.json"
            p = run(mpirun(ranks, *args, "--out", h5, "--summary-json", js))
            assert p.returncode == 0, f"mpirun -np {ranks}: {p.stderr}"
            cls.outputs[f"mpirun -np {ranks}"] = (h5, js)
        # The MPI build started without mpirun is a job of one rank.
        h5, js = d / "singleton.h5", d / "singleton.json"
        p = run([MPI_EXE, *args, "--out", h5, "--summary-json", js])
        assert p.returncode == 0, f"MPI build without mpirun: {p.stderr}"
        cls.outputs["MPI build without mpirun"] = (h5, js)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_summary_json_identical_bytes(self):
        reference = self.outputs["default build"][1].read_bytes()
        self.assertEqual(json.loads(reference)["agents"], self.AGENTS)
        for name, (_, js) in self.outputs.items():
            self.assertEqual(js.read_bytes(), reference, f"{name}: summary JSON differs")

    def test_hdf5_contents_identical(self):
        import h5py
        ref_path = self.outputs["default build"][0]
        with h5py.File(ref_path, "r") as ref:
            for name, (path, _) in self.outputs.items():
                with self.subTest(run=name), h5py.File(path, "r") as f:
                    self.assertEqual(list(f.keys()), list(ref.keys()), "variables or their order")
                    self.assertEqual(attributes(f, f), attributes(ref, ref), "file attributes")
                    for var in ref:
                        a, b = ref[var], f[var]
                        self.assertEqual((b.shape, b.dtype), (a.shape, a.dtype), var)
                        self.assertTrue(same_values(a[()], b[()]), f"{var}: values differ")
                        self.assertEqual(attributes(b, f), attributes(a, ref), f"{var}: attributes")
                        self.assertEqual((b.chunks, b.compression, b.compression_opts, b.shuffle),
                                         (a.chunks, a.compression, a.compression_opts, a.shuffle),
                                         f"{var}: storage")
                    self.assertEqual(f["agent"].shape, (self.AGENTS,))
                    self.assertIn("fatigue_trajectory", f)

    def test_xarray_sees_identical_datasets(self):
        import xarray as xr
        def load(path):
            ds = xr.open_dataset(path, engine="h5netcdf", decode_timedelta=False).load()
            for k in PROVENANCE:
                ds.attrs.pop(k, None)
            return ds
        reference = load(self.outputs["default build"][0])
        for name, (path, _) in self.outputs.items():
            with self.subTest(run=name):
                xr.testing.assert_identical(load(path), reference)


class RanksAgreeManyChunks(RanksAgree):
    """Trajectory chunks of 298 agents: 299 agents (13 x 23) fill two chunks, ranks'
    shares end inside chunks, and several ranks write parts of the same chunk."""

    SCENARIO = "tests/mpi/long_sampling.toml"
    AGENTS = 299

    def test_trajectories_span_several_chunks(self):
        import h5py
        with h5py.File(self.outputs["default build"][0], "r") as f:
            self.assertEqual(f["fatigue_trajectory"].chunks[0], 298)


class Interrupt(unittest.TestCase):
    def test_sigint_to_mpirun_with_two_ranks_leaves_no_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            out = d / "big.h5"
            proc = subprocess.Popen(
                mpirun(2, "run", Path(SOURCE) / "scenarios/lisa_trial.toml", "--agents", 100000,
                       "--out", out, "--quiet"),
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            # Interrupt once the ranks are writing (the temporary file exists).
            deadline = time.monotonic() + 60
            while not any(d.iterdir()) and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.1)
            time.sleep(1.0)
            self.assertIsNone(proc.poll(), "the run ended before it could be interrupted")
            started = time.monotonic()
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=120)
            self.assertLess(time.monotonic() - started, 30, "the ranks took long to stop")
            self.assertNotEqual(proc.returncode, 0, err)
            self.assertFalse(out.exists(), "an interrupted run left a file at the output path")
            self.assertEqual([p.name for p in d.iterdir()], [], "temporary files were left")


class Failures(unittest.TestCase):
    def test_existing_output_exits_73_on_every_rank_with_one_message(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "x.h5"
            out.write_text("keep me")
            p = run(mpirun(2, "run", Path(SOURCE) / "scenarios/resistance_older_adults.toml",
                           "--agents", 4, "--out", out, "--quiet"))
            self.assertEqual(p.returncode, 73, p.stderr)
            self.assertEqual(p.stderr.count("exists; pass --force"), 1, p.stderr)
            self.assertEqual(out.read_text(), "keep me")

    def test_invalid_scenario_exits_65(self):
        bad = Path(SOURCE) / "tests/data/bad/load_above_1rm.toml"
        p = run(mpirun(2, "run", bad, "--quiet"))
        self.assertEqual(p.returncode, 65, p.stderr)
        self.assertEqual(p.stderr.count("load_1rm"), 1, p.stderr)


class Checkpoint(unittest.TestCase):
    """Issue 19 in the MPI build: the ranks checkpoint together; a 2-rank run killed with
    SIGKILL (mpirun and every rank) or stopped with SIGTERM resumes, at 2, 3 or 1 ranks, to the
    summary JSON of a run that never stopped (byte for byte, the default build's) and its HDF5
    contents; a serial checkpoint resumes under mpirun; the serial build refuses an MPI one."""

    AGENTS = 512  # 16 blocks of 32: 8 rounds at 2 ranks, about 0.3 s each

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.scenario = Path(SOURCE) / "scenarios/resistance_older_adults.toml"
        cls.ref = Path(cls.tmp.name) / "ref"
        cls.ref.mkdir()
        p = run([DEFAULT_EXE, *cls.args("--threads", 2)], cwd=cls.ref)
        assert p.returncode == 0, p.stderr

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.dir = Path(self.tmp.name) / self.id().rsplit(".", 1)[-1]
        self.dir.mkdir()

    @classmethod
    def args(cls, *extra):
        # Relative outputs, run in per-run directories: the recorded command is the same text.
        return ["run", cls.scenario, "--agents", cls.AGENTS, "--out", "trial.h5",
                "--summary-json", "trial.json", "--quiet", *extra]

    def reference(self):
        return self.ref

    def start(self, where, argv):
        where.mkdir(exist_ok=True)
        return subprocess.Popen(list(map(str, argv)), cwd=where, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)

    @staticmethod
    def commits(ckpt):
        """The complete commit records in a checkpoint's main log (sim/io/checkpoint.cpp: the
        magic, then records of kind u32, length u64, payload and checksum u64). The file's size
        alone is no sign of a commit: a serial log holds the blocks before their commit, and a
        write is seen growing before it ends (a SIGKILL there left no commit, stop 32's CI)."""
        try:
            data = ckpt.read_bytes()
        except FileNotFoundError:
            return 0
        at, n = 8, 0
        while at + 12 <= len(data):
            kind, length = struct.unpack_from("<IQ", data, at)
            end = at + 12 + length + 8
            if end > len(data):
                break
            n += kind == 3
            at = end
        return n

    def wait_for_commit(self, proc, where, beyond=0):
        """Until the checkpoint's main log holds more than `beyond` complete commits."""
        ckpt = where / "run.ckpt"
        deadline = time.time() + 300
        while time.time() < deadline and proc.poll() is None and self.commits(ckpt) <= beyond:
            time.sleep(0.01)

    def killed_run(self, where, ranks, rng):
        proc = self.start(where, mpirun(ranks, *self.args("--checkpoint", "run.ckpt",
                                                          "--checkpoint-every", 0)))
        self.wait_for_commit(proc, where)
        time.sleep(rng.uniform(0.0, 0.2))
        self.assertIsNone(proc.poll(), "the run finished before it could be killed")
        self.kill_job(proc)
        self.reap(proc, where)
        self.assertFalse((where / "trial.h5").exists(), "a killed run left an output file")

    @staticmethod
    def kill_job(proc):
        """SIGKILL to mpirun and its ranks at once, as a node failure would (the ranks run in
        process groups of their own, so killing mpirun's group alone leaves them running)."""
        ranks = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True)
        for pid in ranks.stdout.split():
            os.kill(int(pid), signal.SIGKILL)
        os.killpg(proc.pid, signal.SIGKILL)

    def reap(self, proc, where):
        """Waits for mpirun and for the ranks that wrote temporaries (.trial.h5.<pid>.partial)
        to have ended: a SIGKILLed process takes a moment to exit, and the next run removes
        only the temporaries of processes that have."""
        proc.wait()
        proc.stderr.close()
        deadline = time.time() + 30
        for q in where.glob(".trial.h5.*.partial"):
            stat = Path(f"/proc/{q.name.split('.')[-2]}/stat")
            while time.time() < deadline:
                try:
                    if stat.read_text().rsplit(")", 1)[1].split()[0] in "ZX":
                        break
                except (FileNotFoundError, IndexError):
                    break
                time.sleep(0.02)

    def check_same(self, ref, where, what):
        self.assertEqual((where / "trial.json").read_bytes(), (ref / "trial.json").read_bytes(),
                         f"{what}: summary JSON")
        import h5py
        with h5py.File(ref / "trial.h5", "r") as a, h5py.File(where / "trial.h5", "r") as b:
            self.assertEqual(list(a.keys()), list(b.keys()), what)
            for var in a:
                self.assertTrue(same_values(a[var][()], b[var][()]), f"{what}: {var} differs")
                self.assertEqual(attributes(b[var], b), attributes(a[var], a), f"{what}: {var}")
            self.assertEqual(attributes(b, b), attributes(a, a), f"{what}: file attributes")
        left = sorted(q.name for q in where.iterdir())
        self.assertEqual(left, ["trial.h5", "trial.json"], f"{what}: files left")

    def test_killed_or_interrupted_then_resumed_at_any_rank_count(self):
        import random
        rng = random.Random(os.environ.get("BRAINLOAD_TEST_SEED", "19"))
        ref = self.reference()
        # kill -9 at 2 ranks, resumed at 2; then at 3 (and the resumed run killed again) and 1.
        where = self.dir / "killed"
        self.killed_run(where, 2, rng)
        p = run(mpirun(2, *self.args("--resume", "run.ckpt")), cwd=where)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.check_same(ref, where, "killed at 2 ranks, resumed at 2")

        where = self.dir / "twice"
        self.killed_run(where, 2, rng)
        done = self.commits(where / "run.ckpt")
        proc = self.start(where, mpirun(3, *self.args("--resume", "run.ckpt",
                                                      "--checkpoint-every", 0)))
        self.wait_for_commit(proc, where, beyond=done)  # the resumed run's first commit
        self.assertIsNone(proc.poll(), "the resumed run finished before it could be killed")
        self.kill_job(proc)
        self.reap(proc, where)
        p = run([MPI_EXE, *self.args("--resume", "run.ckpt")], cwd=where)  # 1 rank
        self.assertEqual(p.returncode, 0, p.stderr)
        self.check_same(ref, where, "killed at 2 ranks, resumed at 3 and killed, then at 1")

        # SIGTERM to every rank, as a batch system sends at a job's time limit (Slurm waits
        # KillWait, 30 s by default, before SIGKILL): the ranks stop at the same round and
        # commit together. (Ctrl-C at mpirun reaches the ranks as SIGTERM too, but mpirun kills
        # them 1 s later, odls_base_sigkill_timeout; then the last commit is what remains.)
        where = self.dir / "sigterm"
        proc = self.start(where, mpirun(2, *self.args("--checkpoint", "run.ckpt")))
        self.wait_for_part(proc, where)
        subprocess.run(["pkill", "-TERM", "-P", str(proc.pid)], check=True)  # mpirun's ranks
        _, err = proc.communicate(timeout=120)
        self.assertNotEqual(proc.returncode, 0, err)
        self.assertIn("continue with --resume run.ckpt", err)
        p = run(mpirun(3, *self.args("--resume", "run.ckpt")), cwd=where)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.check_same(ref, where, "SIGTERM at 2 ranks, resumed at 3")

    def wait_for_part(self, proc, where):
        deadline = time.time() + 300
        while time.time() < deadline and proc.poll() is None and \
                not (where / "run.ckpt.p1").exists():
            time.sleep(0.01)
        time.sleep(0.5)
        self.assertIsNone(proc.poll(), "the run finished before it could be interrupted")

    def test_serial_and_mpi_checkpoints_across_builds(self):
        ref = self.reference()
        # A serial run's checkpoint, resumed under mpirun.
        where = self.dir / "serial"
        where.mkdir()
        proc = self.start(where, [DEFAULT_EXE, *self.args("--threads", 2, "--checkpoint",
                                                          "run.ckpt", "--checkpoint-every", 0)])
        self.wait_for_commit(proc, where)
        self.assertIsNone(proc.poll(), "the run finished before it could be killed")
        os.killpg(proc.pid, signal.SIGKILL)
        self.reap(proc, where)
        p = run(mpirun(2, *self.args("--resume", "run.ckpt")), cwd=where)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.check_same(ref, where, "serial checkpoint resumed at 2 ranks")
        # An MPI run's checkpoint: the serial build says which build resumes it.
        where = self.dir / "mpi"
        self.killed_run(where, 2, __import__("random").Random(2))
        p = run([DEFAULT_EXE, *self.args("--resume", "run.ckpt")], cwd=where)
        self.assertEqual(p.returncode, 65, p.stderr)
        self.assertIn("MPI build", p.stderr)
        p = run(mpirun(2, *self.args("--resume", "run.ckpt", "--seed", 2)), cwd=where)
        self.assertEqual(p.returncode, 65, p.stderr)
        self.assertIn("--seed 1, not 2", p.stderr)
        self.assertEqual(p.stderr.count("cannot resume"), 1, p.stderr)


class FullDisk(unittest.TestCase):
    """Write failures of a 2-rank run (issue 19): parallel HDF5 1.10 used to leave the ranks in
    different collective calls for ever. Each failure must end the job with 73 or 74, a message
    naming the output and the cause, and nothing left behind."""

    ARGS = ["--agents", 20, "--trajectories", "--quiet"]

    def run_in(self, d, env=None, extra=()):
        cmd = mpirun(2, "run", Path(SOURCE) / "scenarios/wingate.toml", *self.ARGS,
                     "--out", d / "x.h5", "--summary-json", d / "s.json")
        # mpirun -x passes the variables to the ranks.
        for k, v in (env or {}).items():
            cmd[1:1] = ["-x", f"{k}={v}"]
        return subprocess.run(list(map(str, cmd)), capture_output=True, text=True, timeout=120,
                              cwd=d)

    def check_failed_cleanly(self, p, d, what):
        self.assertIn(p.returncode, (73, 74), f"{what}: {p.stderr}")
        errors = [l for l in p.stderr.splitlines() if l.startswith("error:")]
        self.assertTrue(errors, f"{what}: no error line: {p.stderr}")
        for line in errors:
            self.assertRegex(line, r"(x\.h5|s\.json)", f"{what}: {line}")
            self.assertRegex(line, r"No space left on device|Input/output error", f"{what}: {line}")
        self.assertEqual([q.name for q in d.iterdir()], [], f"{what}: files left")

    def test_injected_failure_at_each_kind_of_call(self):
        lib = os.environ.get("BRAINLOAD_FAULT_INJECT")
        if not lib or not os.path.exists(lib):
            self.skipTest("no fault injection library (BRAINLOAD_FAULT_INJECT)")
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            count = d / "count"
            p = self.run_in(d, {"LD_PRELOAD": lib, "FAULT_OP": "write", "FAULT_COUNT": count})
            self.assertEqual(p.returncode, 0, p.stderr)
            writes = int(count.read_text())  # one rank's (both write the file)
            self.assertGreater(writes, 20)
            for q in d.iterdir():
                q.unlink()
            # Spread over the run: the first writes (superblock), the rows, the closing flush,
            # rank 0's serial reopen for the arm names, the JSON; then the other calls.
            cases = [("write", n) for n in sorted({1, 2, 5, 17, writes // 2, writes - 8,
                                                   writes - 2, writes})]
            cases += [("fsync", 2), ("close", 1), ("rename", 1), ("rename", 2)]
            for op, n in cases:
                with self.subTest(op=op, at=n):
                    p = self.run_in(d, {"LD_PRELOAD": lib, "FAULT_OP": op, "FAULT_AT": n})
                    self.check_failed_cleanly(p, d, f"{op} #{n}")
                    for q in d.iterdir():
                        q.unlink()

    def test_small_filesystems(self):
        if os.geteuid() != 0:
            self.skipTest("mounting tmpfs needs root")
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            failed = succeeded = 0
            for kb in (64, 96, 128, 160, 256):
                m = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kb}k", "tmpfs", tmp],
                                   capture_output=True, text=True)
                if m.returncode != 0:
                    self.skipTest(f"cannot mount tmpfs here: {m.stderr.strip()}")
                try:
                    p = self.run_in(d)
                    if p.returncode == 0:
                        succeeded += 1
                        self.assertEqual(sorted(q.name for q in d.iterdir()), ["s.json", "x.h5"])
                        json.loads((d / "s.json").read_text())
                    else:
                        failed += 1
                        self.check_failed_cleanly(p, d, f"tmpfs of {kb} KB")
                finally:
                    subprocess.run(["umount", tmp], check=True)
            self.assertGreater(failed, 0, "no size was too small: the sweep tests nothing")
            self.assertGreater(succeeded, 0, "no size was large enough")


if __name__ == "__main__":
    MPI_EXE, DEFAULT_EXE, SOURCE = sys.argv[1], sys.argv[2], sys.argv[3]
    rest = sys.argv[4:]
    if rest and not rest[0][:1].isupper():
        MPIEXEC = rest.pop(0)
    for exe in (MPI_EXE, DEFAULT_EXE):
        if not os.access(exe, os.X_OK):
            sys.exit(f"test_mpi.py: no executable {exe} (build it first)")
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
