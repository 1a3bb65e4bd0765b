"""`cmake --install` into a fresh prefix, then the installed copy used as a user would, from
another directory and with no PYTHONPATH into the build: the executable, plot and report (which
find their Python package beside the executable), describe's credibility grades (from the
installed catalogue), and `import brainload` from the installed package.

    /usr/bin/python3 tests/install/test_install.py BUILD_DIR

ctest runs it as install.relocated (tests/CMakeLists.txt)."""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

BUILD = Path(sys.argv.pop(1)).resolve()


class Installed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="brainload-install-")
        cls.prefix = Path(cls.tmp.name) / "prefix"
        subprocess.run(["cmake", "--install", str(BUILD), "--prefix", str(cls.prefix)],
                       check=True, capture_output=True)
        cls.exe = cls.prefix / "bin" / "brainload"
        packages = list((cls.prefix / "lib").glob("python3*/dist-packages"))
        assert len(packages) == 1, packages
        cls.site = packages[0]
        cls.env = {k: v for k, v in os.environ.items()
                   if k not in ("PYTHONPATH", "BRAINLOAD_PYTHON_DIR", "BRAINLOAD_EXE")}
        cls.work = Path(cls.tmp.name) / "work"
        cls.work.mkdir()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_installed(self, *args, env=None):
        return subprocess.run([str(self.exe), *map(str, args)], cwd=self.work,
                              env=env or self.env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL)

    def test_layout(self):
        self.assertTrue(self.exe.is_file())
        self.assertTrue(list((self.site / "brainload").glob("_core*.so")))
        self.assertTrue((self.site / "brainload_viz" / "plot.py").is_file())
        self.assertTrue((self.prefix / "share/brainload/scenarios/lisa_trial.toml").is_file())
        self.assertTrue((self.prefix / "share/brainload/validation/catalogue.toml").is_file())

    def test_describe_grades_come_from_the_installed_catalogue(self):
        out = self.run_installed("describe", "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        grades = {o["credibility"] for o in json.loads(out.stdout)["observables"]["acute"]}
        self.assertNotIn("unknown", grades)

    def test_plot_and_report_of_an_installed_scenario(self):
        scenario = self.prefix / "share/brainload/scenarios/wingate.toml"
        out = self.run_installed("plot", scenario, "--out-dir", "plots", "--format", "png")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertTrue((self.work / "plots" / "wingate_trace.png").stat().st_size > 10000)
        out = self.run_installed("report", scenario, "--html", "wingate.html")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("data:image/png;base64", (self.work / "wingate.html").read_text())

    def test_import_from_the_installed_package(self):
        env = dict(self.env, PYTHONPATH=str(self.site))
        code = ("import brainload; print(brainload.__file__); "
                "print(brainload.trace(brainload.load_scenario('%s'), every=5).sizes['time'])"
                % (self.prefix / "share/brainload/scenarios/wingate.toml"))
        out = subprocess.run(["/usr/bin/python3", "-c", code], cwd=self.work, env=env,
                             capture_output=True, text=True)
        self.assertEqual(out.returncode, 0, out.stderr)
        path, rows = out.stdout.split()
        self.assertTrue(path.startswith(str(self.site)), path)
        self.assertGreater(int(rows), 10)


if __name__ == "__main__":
    unittest.main()
