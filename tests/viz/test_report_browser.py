#!/usr/bin/python3
"""A `brainload report` page in headless Chromium: it loads with no console messages and a
screenshot shows the plots.

Run:  /usr/bin/python3 tests/viz/test_report_browser.py BRAINLOAD_EXE SOURCE_DIR [ARTIFACT_DIR]

Skipped (exit 0, "skipped: ..." printed) when no Chromium is installed, so CI without it stays
green; Debian's package is `chromium` (apt-get install chromium). With ARTIFACT_DIR the report
and the screenshot are kept there as report.html and report_screenshot.png.

The page has no script, so Chromium's console must stay silent: any CONSOLE line in its log
(an uncaught exception, console.error, a resource that failed to load) fails the test. A
control page with a script error checks that such lines are caught.
"""

import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

EXE = ""
SOURCE_DIR = ""
ARTIFACTS = ""

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--enable-logging=stderr",
                  "--v=0"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def console_errors(log: str):
    """Lines of Chromium's log that come from the page's console, or say Uncaught."""
    return [line for line in log.splitlines()
            if ":CONSOLE" in line or "Uncaught" in line or "console.error" in line]


def screenshot(page: Path, png: Path, profile: Path, size="1200,2000"):
    """Runs Chromium on file://page; returns (exit code, log)."""
    command = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
               f"--window-size={size}", page.resolve().as_uri()]
    proc = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          errors="replace", timeout=180)
    return proc.returncode, proc.stdout + proc.stderr


@unittest.skipIf(chromium() is None, "chromium is not installed (apt-get install chromium)")
class ReportInChromium(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="brainload-browser-"))
        h5 = cls.tmp / "lifting.h5"
        cls.page = cls.tmp / "report.html"
        for args in (["run", Path(SOURCE_DIR) / "scenarios/teaching/lifting_year.toml",
                      "--agents", "40", "--out", h5, "--quiet", "--threads", "2"],
                     ["report", h5, "--html", cls.page]):
            proc = subprocess.run([EXE, *map(str, args)], stdin=subprocess.DEVNULL,
                                  capture_output=True, text=True, timeout=300)
            assert proc.returncode == 0, proc.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_page_loads_without_console_errors_and_shows_the_plots(self):
        png = self.tmp / "report_screenshot.png"
        code, log = screenshot(self.page, png, self.tmp / "profile")
        if ARTIFACTS:
            Path(ARTIFACTS).mkdir(parents=True, exist_ok=True)
            shutil.copy(self.page, Path(ARTIFACTS) / "report.html")
            if png.exists():
                shutil.copy(png, Path(ARTIFACTS) / "report_screenshot.png")
        self.assertEqual(code, 0, log[-3000:])
        self.assertTrue(png.is_file(), "no screenshot\n" + log[-3000:])
        self.assertEqual(console_errors(log), [], "console messages from the page")

        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.image as mpimg
        pixels = mpimg.imread(str(png))[..., :3]
        self.assertEqual(pixels.shape[:2], (2000, 1200))
        self.assertGreater(float(pixels.std()), 0.05, "the screenshot is blank")
        # Plots are colour: count pixels far from grey (lines and ribbons of the arms).
        spread = pixels.max(axis=2) - pixels.min(axis=2)
        self.assertGreater(int((spread > 0.25).sum()), 5000, "no coloured plot in the screenshot")

    def test_console_errors_are_caught(self):
        """Control: a page with a script error and console.error must fail the check."""
        bad = self.tmp / "bad.html"
        bad.write_text("<!DOCTYPE html><html><head><link rel=icon href='data:,'></head><body>"
                       "<script>console.error('boom'); missing_function();</script></body></html>")
        code, log = screenshot(bad, self.tmp / "bad.png", self.tmp / "profile-bad", "400,300")
        self.assertEqual(code, 0, log[-3000:])
        errors = console_errors(log)
        self.assertTrue(any("Uncaught" in e for e in errors), log[-3000:])
        self.assertTrue(any("boom" in e for e in errors), log[-3000:])


def main():
    global EXE, SOURCE_DIR, ARTIFACTS
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit("usage: test_report_browser.py BRAINLOAD_EXE SOURCE_DIR [ARTIFACT_DIR]")
    EXE, SOURCE_DIR = str(Path(args[0]).resolve()), str(Path(args[1]).resolve())
    rest = args[2:]
    if rest and not rest[0].startswith("-"):
        ARTIFACTS, rest = rest[0], rest[1:]
    if chromium() is None:
        print("skipped: chromium is not installed (Debian: apt-get install chromium)")
        sys.exit(0)
    unittest.main(argv=[sys.argv[0], *rest])


if __name__ == "__main__":
    main()
