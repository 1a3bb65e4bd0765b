#!/usr/bin/env python3
"""`brainload run` on a full or failing disk (issue 19): every I/O failure ends with exit 74
(or 73 where the output cannot be created), a message naming the file and the cause, no
crash, and nothing left behind: neither the outputs nor their temporary `.NAME.PID.partial`.

InjectedFaults runs on every machine: libbrainload_fault_inject.so (fault_inject.c, through
LD_PRELOAD) fails the n-th write, fsync, close or rename of the temporary files with ENOSPC or
EIO, for every n the run makes. SmallFilesystem mounts tmpfs of sizes from 64 KB up to the
full size of the outputs (root only; skipped with a message where mount is refused).
StalePartials checks that a dead process's temporary file is removed by the next run.

Usage: test_faults.py BRAINLOAD SOURCE_DIR FAULT_LIBRARY [TestClass]   (/usr/bin/python3)
"""
import concurrent.futures
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

BRAINLOAD = SOURCE = FAULT_LIBRARY = None
# Short, with trajectories: 2 agents of the Wingate scenario write about 150 times.
SCENARIO = "scenarios/wingate.toml"
MESSAGES = {28: "No space left on device", 5: "Input/output error"}


def run_into(directory, env=None):
    return subprocess.run(
        [BRAINLOAD, "run", Path(SOURCE) / SCENARIO, "--agents", "2", "--trajectories", "--quiet",
         "--out", directory / "x.h5", "--summary-json", directory / "s.json"],
        capture_output=True, text=True, timeout=120, env=env)


def injected(directory, op, at, errno=28, count_file=None):
    env = dict(os.environ, LD_PRELOAD=FAULT_LIBRARY, FAULT_OP=op, FAULT_AT=str(at),
               FAULT_ERRNO=str(errno), ASAN_OPTIONS="verify_asan_link_order=0:" +
               os.environ.get("ASAN_OPTIONS", ""),
               # Under ASan: HDF5's own memory after a failed close (lsan_hdf5.supp says why).
               LSAN_OPTIONS=f"suppressions={Path(__file__).parent / 'lsan_hdf5.supp'}:"
                            "print_suppressions=0")
    if count_file:
        env["FAULT_COUNT"] = str(count_file)
    return run_into(directory, env)


class FailureChecks:
    def assert_failed_cleanly(self, p, directory, cause, what):
        self.assertIn(p.returncode, (73, 74), f"{what}: exit {p.returncode}\n{p.stderr}")
        lines = [line for line in p.stderr.splitlines() if line.strip()]
        self.assertEqual(len(lines), 1, f"{what}: one line of error expected\n{p.stderr}")
        self.assertTrue(lines[0].startswith("error: cannot "), f"{what}: {lines[0]}")
        self.assertIn(cause, lines[0], what)
        self.assertTrue("x.h5" in lines[0] or "s.json" in lines[0], f"{what}: {lines[0]}")
        self.assertEqual(sorted(os.listdir(directory)), [], f"{what}: left behind")


class InjectedFaults(FailureChecks, unittest.TestCase):
    def count(self, op):
        # The output directory's path has the same length as in the sweep below: the command
        # line is stored in the HDF5 file, and a longer one can take one more metadata write.
        with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as c:
            counts = Path(c) / "count"
            p = injected(Path(d), op, 0, count_file=counts)
            self.assertEqual(p.returncode, 0, p.stderr)
            return int(counts.read_text())

    def sweep(self, op, errno=28):
        total = self.count(op)
        self.assertGreater(total, 0, op)

        def one(at):
            with tempfile.TemporaryDirectory() as d:
                p = injected(Path(d), op, at, errno)
                return at, p, sorted(os.listdir(d))

        workers = max(1, min(4, os.cpu_count() or 1))
        with concurrent.futures.ThreadPoolExecutor(workers) as pool:
            results = list(pool.map(one, range(1, total + 1)))
        for at, p, left in results:
            what = f"{op} #{at} of {total} fails (errno {errno})"
            self.assertIn(p.returncode, (73, 74), f"{what}: exit {p.returncode}\n{p.stderr}")
            lines = [line for line in p.stderr.splitlines() if line.strip()]
            self.assertEqual(len(lines), 1, f"{what}: one line of error expected\n{p.stderr}")
            self.assertTrue(lines[0].startswith("error: cannot "), f"{what}: {lines[0]}")
            self.assertIn(MESSAGES[errno], lines[0], what)
            self.assertTrue("x.h5" in lines[0] or "s.json" in lines[0], f"{what}: {lines[0]}")
            self.assertEqual(left, [], f"{what}: left behind")
        return total

    def test_every_write_failing_with_a_full_disk(self):
        # Every write from the first: HDF5's metadata, each chunk, the summary JSON.
        self.assertGreater(self.sweep("write"), 100)

    def test_every_fsync_close_and_rename_failing(self):
        self.assertEqual(self.sweep("fsync", errno=5), 2)  # HDF5 file, summary
        self.assertGreaterEqual(self.sweep("close", errno=5), 3)
        # The second rename (summary after HDF5) removes the HDF5 file again.
        self.assertEqual(self.sweep("rename", errno=5), 2)


class SmallFilesystem(FailureChecks, unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.mnt = Path(self.tmp.name)

    def tearDown(self):
        subprocess.run(["umount", self.mnt], capture_output=True)
        self.tmp.cleanup()

    def mount(self, size):
        p = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", self.mnt],
                           capture_output=True, text=True)
        if p.returncode != 0:
            self.skipTest(f"cannot mount tmpfs here (needs root): {p.stderr.strip()}")

    def test_tmpfs_from_64_kb_to_the_full_size(self):
        with tempfile.TemporaryDirectory() as d:
            p = run_into(Path(d))
            self.assertEqual(p.returncode, 0, p.stderr)
            full = sum(f.stat().st_size for f in Path(d).iterdir())
        page = 4096
        # Every page size from 64 KB to the full size, and one with room to spare.
        sizes = [*range(64 * 1024, full + 2 * page, page), full + 16 * page]
        failed = succeeded = 0
        for size in sizes:
            self.mount(size)
            p = run_into(self.mnt)
            what = f"tmpfs of {size} bytes (outputs {full} bytes)"
            if p.returncode == 0:
                succeeded += 1
                self.assertEqual(sorted(os.listdir(self.mnt)), ["s.json", "x.h5"], what)
            else:
                failed += 1
                self.assert_failed_cleanly(p, self.mnt, "No space left on device", what)
            subprocess.run(["umount", self.mnt], check=True)
        # Both outcomes reached: the small sizes fail, the largest succeeds.
        self.assertGreater(failed, 0)
        self.assertGreater(succeeded, 0)
        print(f"\n{len(sizes)} sizes from {sizes[0]} to {sizes[-1]} bytes (outputs {full} "
              f"bytes): {failed} failed cleanly, {succeeded} succeeded", file=sys.stderr)


class StalePartials(unittest.TestCase):
    def test_a_dead_process_temporary_file_is_removed_and_named(self):
        with tempfile.TemporaryDirectory() as d:
            d = Path(d)
            dead = subprocess.Popen(["true"])
            dead.wait()  # reaped: its pid no longer exists
            stale = d / f".x.h5.{dead.pid}.partial"
            stale.write_bytes(b"half a file")
            alive = d / f".x.h5.{os.getpid()}.partial"  # this process exists: kept
            alive.write_bytes(b"still writing")
            other = d / f".y.h5.{dead.pid}.partial"  # another output's: not ours to judge
            other.write_bytes(b"")
            p = run_into(d)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(f"removed '{stale}'", p.stderr)
            self.assertIn("no longer exists", p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
            self.assertEqual(sorted(os.listdir(d)),
                             sorted(["s.json", "x.h5", alive.name, other.name]))


if __name__ == "__main__":
    BRAINLOAD, SOURCE, FAULT_LIBRARY = sys.argv[1:4]
    unittest.main(argv=[sys.argv[0], *sys.argv[4:]], verbosity=2)
