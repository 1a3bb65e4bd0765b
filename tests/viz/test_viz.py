#!/usr/bin/python3
"""`brainload plot`, `brainload report`, the scenario library and the teaching demos.

Run:  /usr/bin/python3 tests/viz/test_viz.py BRAINLOAD_EXE SOURCE_DIR [unittest arguments]
e.g.  /usr/bin/python3 tests/viz/test_viz.py build/brainload . ScenarioLibrary -v

Needs Debian's python3 with matplotlib, numpy and h5py (the plots need them anyway).
Set BRAINLOAD_VIZ_ARTIFACTS=DIR to keep the figures and pages the tests make.

What is checked (issue 6):
- plot from a trace CSV: session bands where work_vo2max_frac > 0, event markers, PNG + SVG;
- plot from a run file: quantile ribbons and contrasts with confidence intervals;
- plot from a scenario (it traces each arm itself);
- report: one self-contained page (no http:// or https://, images are data: URIs), tables
  read from the run file's `summary` attribute, equal to `brainload run --summary-json`;
- exit codes: 66 missing input, 73 output cannot be created, 2 bad arguments, 65 bad data;
  no half-written file at a final path;
- every scenario under scenarios/ passes `brainload check` and runs at small size;
- the commands of docs/teaching.md produce their plots and reports.
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

EXE = os.environ.get("BRAINLOAD_EXE", "")
SOURCE_DIR = os.environ.get("BRAINLOAD_SOURCE_DIR", "")
ARTIFACTS = os.environ.get("BRAINLOAD_VIZ_ARTIFACTS", "")


def run(*args, cwd=None, timeout=300):
    return subprocess.run([EXE, *map(str, args)], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, errors="replace", timeout=timeout, cwd=cwd)


def outcome(proc):
    return (f"exit {proc.returncode}\n--- stdout ---\n{proc.stdout[-3000:]}"
            f"\n--- stderr ---\n{proc.stderr[-3000:]}")


def scenario(name):
    return Path(SOURCE_DIR) / "scenarios" / f"{name}.toml"


def viz():
    """The brainload_viz package built beside the executable (<build>/python, with the brainload
    module it imports), for its readers and statistics."""
    sys.path.insert(0, str(Path(EXE).resolve().parent / "python"))
    from brainload_viz import common, plot  # noqa: E402
    return common, plot


def image(path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.image as mpimg
    return mpimg.imread(str(path))


class Temp(unittest.TestCase):
    """A fresh directory per test class; copied to $BRAINLOAD_VIZ_ARTIFACTS when set."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix=f"brainload-viz-{cls.__name__}-"))

    @classmethod
    def tearDownClass(cls):
        if ARTIFACTS:
            target = Path(ARTIFACTS) / cls.__name__
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(cls.tmp, target, symlinks=True)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def assertRuns(self, *args, cwd=None):
        proc = run(*args, cwd=cwd)
        self.assertEqual(proc.returncode, 0, outcome(proc))
        return proc

    def assertExit(self, code, *args):
        proc = run(*args)
        self.assertEqual(proc.returncode, code, outcome(proc))
        self.assertTrue(proc.stderr.strip(), "no message on stderr\n" + outcome(proc))
        return proc

    def assertPicture(self, path):
        """A PNG that shows something: decodable and not of one colour."""
        self.assertTrue(Path(path).is_file(), f"{path} was not written")
        pixels = image(path)
        self.assertGreater(pixels.shape[0], 200, path)
        self.assertGreater(float(pixels[..., :3].std()), 0.02, f"{path} looks blank")

    def assertSvg(self, path):
        self.assertTrue(Path(path).is_file(), f"{path} was not written")
        root = ET.parse(path).getroot()
        self.assertTrue(root.tag.endswith("svg"), f"{path}: root element {root.tag}")

    def assertNoPartials(self, directory):
        partial = [p.name for p in Path(directory).rglob("*.partial")]
        self.assertEqual(partial, [], f"temporary files left in {directory}")


# ---------------------------------------------------------------------------------------------


class PlotTrace(Temp):
    """`brainload plot` of trace CSVs and of a scenario."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for arm in ("single", "double"):
            proc = run("trace", scenario("back_to_back_hiit"), "--arm", arm, "--every", "1",
                       "--csv", cls.tmp / f"{arm}.csv")
            assert proc.returncode == 0, outcome(proc)

    def test_observables_are_those_of_describe_json(self):
        # Python keeps no table of its own (issue 12): names, units and order come from the
        # C++ registry (brainload.describe(), the content of describe --json).
        common, _ = viz()
        described = json.loads(run("describe", "--json").stdout)["observables"]
        self.assertEqual(list(common.ACUTE), [o["name"] for o in described["acute"]])
        self.assertEqual(list(common.CHRONIC), [o["name"] for o in described["chronic"]])
        self.assertEqual(common.OBSERVABLES["lactate_mmol_l"], ("mmol/L", "blood lactate"))
        self.assertEqual(common.axis_label("vagal_afferent_rel"), "vagal afferents (1 = rest)")
        self.assertEqual(common.axis_label("bbb_integrity"), "blood-brain barrier integrity (0-1)")

    def test_trace_csv_gives_png_and_svg_of_every_figure(self):
        out = self.tmp / "one trace"  # a space in the path
        proc = self.assertRuns("plot", self.tmp / "double.csv", "--out-dir", out,
                               "--start-clock", "07:00")
        for kind in ("trace", "chain", "events"):
            self.assertPicture(out / f"double_{kind}.png")
            self.assertSvg(out / f"double_{kind}.svg")
            self.assertIn(str(out / f"double_{kind}.png"), proc.stdout)
        self.assertNoPartials(out)

    def test_outputs_graded_c_or_untested_are_marked(self):
        # Grades come from brainload.describe() (docs/validation.md, Credibility).
        common, _ = viz()
        grades = common.load_credibility()
        try:
            self.assertEqual(grades.get("arousal"), "untested")
            self.assertTrue(common.short_label("arousal").endswith("[untested]"))
            flagged = [n for n, g in grades.items() if g in ("C", "untested")]
            graded = [n for n, g in grades.items() if g in ("A", "B")]
            for name in flagged:
                self.assertIn("[", common.short_label(name), name)
            for name in graded:
                self.assertNotIn("[", common.short_label(name), name)
            common.CREDIBILITY.clear()
            self.assertEqual(common.short_label("arousal"), "arousal")
        finally:
            common.CREDIBILITY.clear()

    def test_session_bands_and_events_come_from_the_csv(self):
        common, _ = viz()
        trace = common.read_trace_csv(self.tmp / "double.csv")
        bands = common.session_bands(trace.time, trace.columns["work_vo2max_frac"])
        # HIIT at 09:00 and 10:00 with the clock starting 07:00: 120 and 180 min, 25 min each.
        self.assertEqual(len(bands), 2, bands)
        for (start, end), expected in zip(bands, (120.0, 180.0)):
            self.assertAlmostEqual(start, expected, delta=1.0)
            self.assertAlmostEqual(end - start, 25.0, delta=2.0)
        self.assertEqual([(t, kind) for t, kind, _ in trace.events],
                         [(420.0, "cognitive_test"), (420.0, "measure")])
        # The sign of the seed claim; its size (-0.007 SD since the acute cognition weights were
        # fitted to Chang et al. 2012, docs/research/acute_cognition_weights.md) is the README's.
        self.assertLess(trace.events[0][2], 0.0, "two HIIT sessions should hurt the 14:00 test")

    def test_several_csvs_are_overlaid(self):
        out = self.tmp / "overlay"
        self.assertRuns("plot", self.tmp / "single.csv", self.tmp / "double.csv", "--out-dir",
                        out, "--name", "hiit", "--kind", "events", "--format", "svg")
        self.assertSvg(out / "hiit_events.svg")
        self.assertFalse((out / "hiit_events.png").exists(), "--format svg wrote a PNG")
        self.assertFalse((out / "hiit_trace.svg").exists(), "--kind events made a trace figure")

    def test_scenario_is_traced_arm_by_arm(self):
        out = self.tmp / "scenario"
        self.assertRuns("plot", scenario("teaching/arousal_sprint"), "--to", "0.125", "--every",
                        "0.25", "--arm", "sprint", "--out-dir", out, "--format", "png")
        self.assertPicture(out / "teach_arousal_sprint_trace.png")
        self.assertPicture(out / "teach_arousal_sprint_chain.png")

    def test_arousal_chain_peaks_in_order(self):
        """The chain figure's premise, read from the trace it draws: each relay peaks later."""
        common, _ = viz()
        trace = common.run_trace(scenario("wingate"), "sprint", 0.25, None, 0.125)
        peaks = [float(trace.time[trace.columns[name].argmax()]) for name in common.AROUSAL_CHAIN]
        self.assertEqual(peaks, sorted(peaks), dict(zip(common.AROUSAL_CHAIN, peaks)))

    def test_figures_have_their_parts(self):
        """Bands in the trace panels, one line per arm, markers at the events."""
        common, plot = viz()
        plt = common.setup_matplotlib()
        traces = [common.read_trace_csv(self.tmp / f"{arm}.csv") for arm in ("single", "double")]
        fig = plot.figure_trace(plt, traces, ["arousal", "cognitive_performance_z"], "t")
        strip, arousal, cognition = fig.axes[:3]
        self.assertEqual(len(arousal.get_lines()) - 2, 2)  # 2 arms + 2 dotted event lines
        self.assertEqual(len(arousal.patches), 3)  # 1 band (single) + 2 bands (double)
        dots = [l for l in cognition.get_lines() if l.get_marker() == "o"]
        self.assertEqual(len(dots), 2)  # the 14:00 test of each arm
        plt.close(fig)

    def test_a_failed_write_leaves_nothing_at_the_final_path(self):
        common, _ = viz()
        plt = common.setup_matplotlib()
        fig = plt.figure()

        def broken_savefig(path, **kwargs):
            Path(path).write_bytes(b"half a picture")
            raise OSError("disk full")

        fig.savefig = broken_savefig
        out = self.tmp / "broken"
        out.mkdir()
        with self.assertRaises(OSError):
            common.save_figure(fig, out / "x", ["png"])
        self.assertEqual(list(out.iterdir()), [], "a failed save left a file behind")
        plt.close(fig)

    def test_missing_input_exits_66(self):
        self.assertExit(66, "plot", self.tmp / "no_such.csv", "--out-dir", self.tmp / "m")
        self.assertExit(66, "report", self.tmp / "no_such.h5", "--html", self.tmp / "m.html")

    def test_output_that_cannot_be_created_exits_73(self):
        blocker = self.tmp / "a_file"
        blocker.write_text("x")
        self.assertExit(73, "plot", self.tmp / "double.csv", "--out-dir", blocker / "sub")
        self.assertExit(73, "report", scenario("wingate"), "--html", blocker / "sub" / "r.html")
        self.assertFalse((blocker.parent / "sub").exists())

    def test_bad_arguments_exit_2(self):
        csv = self.tmp / "double.csv"
        self.assertExit(2, "plot", csv, "--format", "gif")
        self.assertExit(2, "plot", csv, "--observable", "no_such_observable")
        self.assertExit(2, "plot", csv, "--kind", "pie")
        self.assertExit(2, "plot", scenario("wingate"), "--arm", "no_such_arm")
        self.assertExit(2, "plot", scenario("wingate"), scenario("wingate"))
        self.assertExit(2, "plot", csv, "--from", "1", "--to", "0.5")
        self.assertExit(2, "report", csv, "--html", self.tmp / "r.html")
        self.assertExit(2, "plot")

    def test_bad_data_exits_65(self):
        not_a_trace = self.tmp / "not_a_trace.csv"
        not_a_trace.write_text("a,b\n1,2\n")
        self.assertExit(65, "plot", not_a_trace, "--out-dir", self.tmp / "bad")
        not_hdf5 = self.tmp / "not_a_run.h5"
        not_hdf5.write_text("hello")
        self.assertExit(65, "report", not_hdf5, "--html", self.tmp / "bad.html")
        self.assertFalse((self.tmp / "bad.html").exists())
        self.assertExit(65, "plot", Path(SOURCE_DIR) / "tests/data/bad/nan_load.toml")


# ---------------------------------------------------------------------------------------------


class LiftingRun(Temp):
    """A 40-agent run of teaching/lifting_year (cls.h5, cls.json) for the classes below."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.h5 = cls.tmp / "lifting.h5"
        cls.json = cls.tmp / "lifting.json"
        proc = run("run", scenario("teaching/lifting_year"), "--agents", "40", "--out", cls.h5,
                   "--summary-json", cls.json, "--quiet", "--threads", "2")
        assert proc.returncode == 0, outcome(proc)


class PlotRun(LiftingRun):
    """`brainload plot` and `brainload report` of a run file."""

    def test_run_file_gives_ribbons_contrasts_and_responders(self):
        out = self.tmp / "plots"
        self.assertRuns("plot", self.h5, "--out-dir", out)
        for kind in ("quantiles", "contrasts", "responders"):
            self.assertPicture(out / f"teach_lifting_year_{kind}.png")
            self.assertSvg(out / f"teach_lifting_year_{kind}.svg")
        self.assertNoPartials(out)

    def test_ribbons_and_intervals_are_drawn(self):
        common, plot = viz()
        plt = common.setup_matplotlib()
        data = common.read_run(self.h5)
        fig = plot.figure_quantiles(plt, data, ["strength_1rm_rel", "brain_age_gap_years"],
                                    data.arms, "t")
        for ax in fig.axes:
            # Two bands (5-95 %, 25-75 %) and a median line per arm.
            self.assertEqual(len(ax.collections), 2 * len(data.arms))
        plt.close(fig)
        summary = common.run_summary(data)
        fig = plot.figure_contrasts(plt, summary, ["strength_1rm_rel", "brain_age_gap_years"], "t")
        ax = fig.axes[0]
        intervals = [l for l in ax.get_lines() if len(l.get_xdata()) == 2 and l.get_marker()
                     in ("None", "", None)]
        self.assertGreaterEqual(len(intervals), 2)  # one CI per outcome and arm
        strength = next(c for c in summary["contrasts"]
                        if c["outcome"] == "strength_1rm_rel" and c["day"] == 364)
        self.assertGreater(strength["ci95"][0], 0, "a year of lifting should clearly add strength")
        plt.close(fig)

    def test_file_summary_equals_summary_json(self):
        # The tables of plot and report are the run's own statistics, stored in the file: no
        # copy of summary.cpp in Python (issue 16).
        common, _ = viz()
        mine = common.run_summary(common.read_run(self.h5))
        theirs = json.loads(self.json.read_text())
        for c in mine["contrasts"]:
            c.pop("pooled_sd", None)
        self.assertEqual(mine, theirs)


class Report(LiftingRun):
    """`brainload report`: one page that needs nothing from the network."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.html = cls.tmp / "report page.html"
        proc = run("report", cls.h5, "--html", cls.html)
        assert proc.returncode == 0, outcome(proc)
        cls.page = cls.html.read_text(encoding="utf-8")

    def assertSelfContained(self, page):
        self.assertNotIn("http://", page)
        self.assertNotIn("https://", page)
        self.assertNotRegex(page, r"<script", "the page runs no script")
        sources = re.findall(r'<img[^>]*\ssrc="([^"]*)"', page)
        self.assertGreaterEqual(len(sources), 3, "expected the plots as images")
        for src in sources:
            self.assertTrue(src.startswith("data:image/png;base64,"), src[:60])
        for href in re.findall(r'\shref="?([^"\s>]*)', page):
            self.assertTrue(href.startswith("data:"), f"external reference {href!r}")
        import base64
        for src in sources:
            png = base64.b64decode(src.split(",", 1)[1])
            self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")

    def test_page_is_self_contained(self):
        self.assertSelfContained(self.page)
        self.assertTrue(self.page.startswith("<!DOCTYPE html>"))

    def test_page_explains_the_scenario_and_asks_the_questions(self):
        common, _ = viz()
        text = scenario("teaching/lifting_year").read_text()
        questions, answers = common.teaching(common.parse_toml(text))
        self.assertTrue(questions and answers)
        import html
        for q in questions + answers:
            self.assertIn(html.escape(q, quote=True), self.page)
        self.assertIn("Predict, then look", self.page)
        self.assertIn("One year of heavy resistance training", self.page)  # the description
        self.assertIn("randomised to heavy resistance training", self.page)  # the comments
        self.assertLess(self.page.index("Predict, then look"), self.page.index("<img"),
                        "the questions come before the plots")

    def test_tables_carry_the_summary_numbers(self):
        summary = json.loads(self.json.read_text())
        self.assertIn("Contrasts against control", self.page)
        for c in summary["contrasts"]:
            if c["day"] == 364 and c["outcome"] in ("strength_1rm_rel", "brain_age_gap_years"):
                digits = 3 if c["outcome"].endswith("_rel") else 2
                self.assertIn(f"{c['mean_difference']:+.{digits}f}", self.page, c)
                self.assertIn(f"{c['smd']:+.2f}", self.page, c)
        lifting = summary["arms"]["lifting"]
        self.assertIn(f">{lifting['n']}<", self.page)

    def test_summary_json_can_be_given(self):
        html_path = self.tmp / "from_json.html"
        self.assertRuns("report", self.h5, "--html", html_path, "--summary", self.json)
        page = html_path.read_text(encoding="utf-8")
        self.assertSelfContained(page)
        self.assertIn("Contrasts against control", page)

    def test_scenario_report_has_traces_and_event_table(self):
        html_path = self.tmp / "two_hiit.html"
        self.assertRuns("report", scenario("teaching/two_hiit_afternoon"), "--html", html_path)
        page = html_path.read_text(encoding="utf-8")
        self.assertSelfContained(page)
        self.assertIn("-0.009", page)  # the double arm's 14:00 test (README)
        self.assertIn("+0.043", page)  # the moderate arm's
        self.assertNoPartials(self.tmp)


class EventContrastReport(Temp):
    """`brainload report` of a run whose arms are compared on measured events (`measure` events
    give contrasts keyed "event", not "outcome", in the summary): they get their own table."""

    def test_event_contrasts_are_tabled(self):
        h5 = self.tmp / "saliva.h5"
        summary_json = self.tmp / "saliva.json"
        self.assertRuns("run", scenario("saliva_vs_serum_cortisol"), "--agents", "20", "--out", h5,
                        "--summary-json", summary_json, "--quiet", "--threads", "2")
        html_path = self.tmp / "saliva.html"
        self.assertRuns("report", h5, "--html", html_path)
        page = html_path.read_text(encoding="utf-8")
        self.assertIn("Measured events against rest", page)
        summary = json.loads(summary_json.read_text())
        events = [c for c in summary["contrasts"] if "event" in c]
        self.assertEqual(len(events), 4)
        for c in events:
            self.assertIn(f"{c['mean_difference']:+.2f}", page, c)
            self.assertIn(f"{c['smd']:+.2f}", page, c)
        self.assertIn("cortisol_free_nmol_l", page)
        self.assertNoPartials(self.tmp)


# ---------------------------------------------------------------------------------------------


def library():
    return sorted((Path(SOURCE_DIR) / "scenarios").rglob("*.toml"))


class ScenarioLibrary(Temp):
    """Every scenario under scenarios/ is valid, commented, and runs at small size."""

    def test_library_has_the_issue_6_scenarios(self):
        names = {p.relative_to(Path(SOURCE_DIR) / "scenarios").with_suffix("").as_posix()
                 for p in library()}
        expected = {
            "resistance_2_vs_3_per_week", "moderate_vs_heavy_load", "hiit_around_resistance_day",
            "four_blocks_vs_resistance", "back_to_back_hiit", "exercise_and_learning",
            "exercise_snacks", "compound_vs_isolation", "jumping_vs_cycling",
            "dual_task_resistance", "lisa_trial", "aerobic_resistance_combined_older",
            "detraining", "teaching/arousal_sprint", "teaching/two_hiit_afternoon",
            "teaching/lifting_year"}
        self.assertLessEqual(expected, names, f"missing: {sorted(expected - names)}")

    def test_every_scenario_is_valid_and_commented(self):
        common, _ = viz()
        for path in library():
            with self.subTest(scenario=str(path.relative_to(SOURCE_DIR))):
                proc = run("check", path)
                self.assertEqual(proc.returncode, 0, outcome(proc))
                prose = [b for kind, b in common.header_comments(path.read_text()) if kind == "p"]
                self.assertTrue(prose, "no opening comment that explains the scenario")

    def test_every_scenario_runs_at_small_size(self):
        """One-day and two-day scenarios: `trace` of every arm; longer ones: `run` with 8
        agents."""
        common, _ = viz()
        for path in library():
            doc = common.parse_toml(path.read_text())
            days = common.scenario_days(doc)
            with self.subTest(scenario=str(path.relative_to(SOURCE_DIR)), days=days):
                if days <= 2:
                    for arm in doc["arm"]:
                        proc = run("trace", path, "--arm", arm["name"], "--every", "5")
                        self.assertEqual(proc.returncode, 0, outcome(proc))
                        rows = proc.stdout.strip().splitlines()
                        self.assertGreaterEqual(len(rows), 1 + days * 1440 // 5, arm["name"])
                else:
                    out = self.tmp / f"{path.stem}.h5"
                    proc = run("run", path, "--agents", "8", "--out", out, "--quiet",
                               "--force", "--threads", "2")
                    self.assertEqual(proc.returncode, 0, outcome(proc))
                    self.assertTrue(out.is_file())
                    out.unlink()

    def test_teaching_scenarios_have_questions_and_answers(self):
        common, _ = viz()
        for path in sorted((Path(SOURCE_DIR) / "scenarios" / "teaching").glob("*.toml")):
            with self.subTest(scenario=path.name):
                questions, answers = common.teaching(common.parse_toml(path.read_text()))
                self.assertGreaterEqual(len(questions), 3)
                self.assertEqual(len(answers), len(questions))


# ---------------------------------------------------------------------------------------------


def demo_commands():
    """The `brainload ...` lines of the ```sh blocks of docs/teaching.md, by demo (## heading)."""
    text = (Path(SOURCE_DIR) / "docs" / "teaching.md").read_text(encoding="utf-8")
    demos, current, in_sh = {}, None, False
    for line in text.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif line.strip().startswith("```"):
            in_sh = line.strip() == "```sh" and not in_sh
        elif in_sh and line.startswith("brainload ") and current:
            demos.setdefault(current, []).append(shlex.split(line))
    return demos


class TeachingDemos(Temp):
    """Each demo of docs/teaching.md, its commands run as written from a fresh directory."""

    def test_each_demo_makes_its_plots_and_report(self):
        demos = demo_commands()
        self.assertEqual(len(demos), 3, f"expected three demos, got {list(demos)}")
        for title, commands in demos.items():
            with self.subTest(demo=title):
                cwd = self.tmp / re.sub(r"\W+", "_", title)[:40]
                cwd.mkdir()
                (cwd / "scenarios").symlink_to(Path(SOURCE_DIR) / "scenarios")
                kinds = {c[1] for c in commands}
                self.assertIn("plot", kinds, "a demo shows plots")
                self.assertIn("report", kinds, "a demo makes a report")
                for command in commands:
                    proc = run(*command[1:], cwd=cwd)
                    self.assertEqual(proc.returncode, 0, " ".join(command) + "\n" + outcome(proc))
                    for written in re.findall(r"^wrote (.+)$", proc.stdout, re.M):
                        path = cwd / written.strip()
                        self.assertTrue(path.is_file(), f"{written} missing")
                        if path.suffix == ".png":
                            self.assertPicture(path)
                        if path.suffix == ".html":
                            page = path.read_text(encoding="utf-8")
                            self.assertNotIn("https://", page)
                            self.assertIn("Predict, then look", page)
                self.assertNoPartials(cwd / "output")


def main():
    global EXE, SOURCE_DIR
    args = sys.argv[1:]
    if len(args) >= 2 and not args[0].startswith("-"):
        EXE, SOURCE_DIR, args = str(Path(args[0]).resolve()), str(Path(args[1]).resolve()), args[2:]
    if not EXE or not SOURCE_DIR:
        sys.exit("usage: test_viz.py BRAINLOAD_EXE SOURCE_DIR [unittest arguments]")
    unittest.main(argv=[sys.argv[0], *args])


if __name__ == "__main__":
    main()
