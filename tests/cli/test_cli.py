#!/usr/bin/python3
"""The brainload executable as a user meets it: exit codes, messages, CSV, JSON, physiology.

Run:  /usr/bin/python3 tests/cli/test_cli.py BRAINLOAD_EXE SOURCE_DIR [unittest arguments]
e.g.  /usr/bin/python3 tests/cli/test_cli.py build/brainload . PhysiologyWingate -v

The executable and the source tree may also come from the environment (BRAINLOAD_EXE,
BRAINLOAD_SOURCE_DIR). Only the Python standard library is used.

Exit codes under test (PRODUCT.md): 0 success, 2 bad command line, 65 invalid scenario (message
names file:line:column and the field), 66 missing input, 73 output cannot be created.

The physiology checks read the `trace` CSV of the shipped scenarios (the reference individual)
and state the textbook or seed claim they test; every failure message prints the numbers.
"""

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

EXE = os.environ.get("BRAINLOAD_EXE", "")
SOURCE_DIR = os.environ.get("BRAINLOAD_SOURCE_DIR", "")

# PRODUCT.md "Observables": the names are a contract.
ACUTE_OBSERVABLES = [
    "work_vo2max_frac", "vo2_ml_kg_min", "heart_rate_bpm", "motor_drive", "epinephrine_nmol_l",
    "norepinephrine_nmol_l", "vagal_afferent_rel", "nts_activity_rel", "lc_firing_hz",
    "brain_norepinephrine_rel", "arousal", "cerebral_blood_flow_rel", "arterial_pco2_mmhg",
    "blood_pressure_fall_mmhg",
    "lactate_mmol_l",
    "brain_lactate_mmol_l", "vegf_pg_ml", "bdnf_serum_ng_ml", "osteocalcin_ng_ml", "il6_pg_ml",
    "cortisol_nmol_l", "cortisol_free_nmol_l", "acth_rel", "glucose_mmol_l",
    "cognitive_performance_z",
]
CHRONIC_OBSERVABLES = [
    "vo2max_ml_kg_min", "strength_1rm_rel", "upper_strength_1rm_rel",
    "bdnf_resting_ng_ml", "hippocampal_volume_rel",
    "prefrontal_connectivity_rel", "brain_age_gap_years", "cognition_composite_z",
    "executive_function_z", "working_memory_z", "depression_z", "il6_resting_pg_ml",
    "bbb_integrity", "fatigue", "sessions_done", "resting_heart_rate_bpm",
]

LOCATION = re.compile(r"\.toml:\d+:\d+")

# tests/data/bad/<name>.toml -> (1-based line of the offending value, text naming the field).
# Every fixture must make `check` exit 65 with `file:line:column` and that text on stderr.
BAD_FIXTURES = {
    "syntax_error": (3, "invalid TOML"),
    "unknown_top_level_key": (6, "populaton"),
    "unknown_block_key": (7, "protocol.easy.blocks[0].cadence"),
    "wrong_type_days": (4, "scenario.days"),
    "negative_sets": (7, "protocol.lift.blocks[0].sets"),
    "load_above_1rm": (7, "protocol.lift.blocks[0].load_1rm"),
    "unknown_protocol": (8, "arm[0].sessions[0].protocol"),
    "unknown_exercise": (7, "protocol.lift.blocks[0].exercise"),
    "overlapping_sessions": (9, "arm[0].sessions[1]"),
    "event_outside_span": (8, "arm[0].events[0]"),
    "nan_load": (7, "protocol.lift.blocks[0].load_1rm"),
    "empty": (1, "empty scenario"),
}


def run(*args, cwd=None):
    """Runs brainload with no stdin, as CI does; returns the CompletedProcess (text)."""
    return subprocess.run([EXE, *map(str, args)], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, errors="replace", timeout=300, cwd=cwd)


def scenario(name):
    return Path(SOURCE_DIR) / "scenarios" / f"{name}.toml"


def outcome(proc):
    """Exit code, stdout and stderr of a run, for assertion messages."""
    return (f"exit {proc.returncode}\n--- stdout (first 2000 chars) ---\n{proc.stdout[:2000]}"
            f"\n--- stderr ---\n{proc.stderr[:4000]}")


class Trace:
    """A `brainload trace` CSV as columns of floats (event columns kept as text)."""

    def __init__(self, text):
        reader = csv.reader(io.StringIO(text))
        self.header = next(reader)
        self.rows = [row for row in reader if row]
        self.index = {name: i for i, name in enumerate(self.header)}
        self.time = self.column("time_min")

    def column(self, name):
        i = self.index[name]
        return [float(row[i]) for row in self.rows]

    def text(self, name):
        i = self.index[name]
        return [row[i] for row in self.rows]

    def at(self, name, t_min):
        """Value on the row nearest to t_min."""
        k = min(range(len(self.time)), key=lambda j: abs(self.time[j] - t_min))
        return self.column(name)[k], self.time[k]

    def window(self, name, t0, t1):
        """(time, value) pairs with t0 <= time <= t1."""
        values = self.column(name)
        return [(t, v) for t, v in zip(self.time, values) if t0 <= t <= t1]


def trace(path, *options):
    """Runs `brainload trace` and parses its CSV; a non-zero exit fails the calling test."""
    proc = run("trace", path, *options)
    if proc.returncode != 0:
        raise AssertionError(f"trace {path} {' '.join(map(str, options))}: " + outcome(proc))
    return Trace(proc.stdout)


class CommandLine(unittest.TestCase):
    """--help, unknown subcommands, bad options."""

    def test_help_exits_zero_and_lists_commands(self):
        proc = run("--help")
        self.assertEqual(proc.returncode, 0, outcome(proc))
        for command in ("check", "trace", "describe"):
            self.assertIn(command, proc.stdout, outcome(proc))

    def test_subcommand_help_exits_zero(self):
        for command in ("check", "trace", "describe"):
            with self.subTest(command=command):
                proc = run(command, "--help")
                self.assertEqual(proc.returncode, 0, outcome(proc))
                self.assertIn("Usage", proc.stdout, outcome(proc))

    def test_unknown_subcommand_exits_2(self):
        proc = run("frobnicate")
        self.assertEqual(proc.returncode, 2, outcome(proc))
        self.assertTrue(proc.stderr.strip(), "no message on stderr\n" + outcome(proc))

    def test_no_subcommand_exits_2(self):
        proc = run()
        self.assertEqual(proc.returncode, 2, outcome(proc))

    def test_unknown_option_exits_2(self):
        proc = run("trace", scenario("wingate"), "--evry", "1")
        self.assertEqual(proc.returncode, 2, outcome(proc))

    def test_non_positive_every_exits_2(self):
        proc = run("trace", scenario("wingate"), "--every", "0")
        self.assertEqual(proc.returncode, 2, outcome(proc))


class Check(unittest.TestCase):
    """`check` on good, missing and malformed scenarios."""

    def test_shipped_scenarios_are_valid(self):
        shipped = sorted((Path(SOURCE_DIR) / "scenarios").glob("*.toml"))
        self.assertTrue(shipped, "no scenarios/*.toml found")
        for path in shipped:
            with self.subTest(scenario=path.name):
                proc = run("check", path)
                self.assertEqual(proc.returncode, 0, outcome(proc))
                self.assertIn("ok", proc.stdout, outcome(proc))

    def test_missing_file_exits_66_and_names_it(self):
        missing = Path(tempfile.gettempdir()) / "brainload-no-such-dir" / "nope.toml"
        proc = run("check", missing)
        self.assertEqual(proc.returncode, 66, outcome(proc))
        self.assertIn(str(missing), proc.stderr, outcome(proc))

    def test_every_bad_fixture_is_listed(self):
        on_disk = {p.stem for p in (Path(SOURCE_DIR) / "tests" / "data" / "bad").glob("*.toml")}
        self.assertEqual(on_disk, set(BAD_FIXTURES),
                         "tests/data/bad/*.toml and BAD_FIXTURES in test_cli.py disagree")

    def test_bad_fixtures_exit_65_with_location_and_field(self):
        for name, (line, field) in sorted(BAD_FIXTURES.items()):
            with self.subTest(fixture=name):
                path = Path(SOURCE_DIR) / "tests" / "data" / "bad" / f"{name}.toml"
                proc = run("check", path)
                self.assertEqual(proc.returncode, 65, outcome(proc))
                self.assertRegex(proc.stderr, LOCATION, outcome(proc))
                self.assertIn(f"{path}:{line}:", proc.stderr, outcome(proc))
                self.assertIn(field, proc.stderr, outcome(proc))

    def test_bad_fixture_makes_trace_write_no_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out.csv"
            path = Path(SOURCE_DIR) / "tests" / "data" / "bad" / "load_above_1rm.toml"
            proc = run("trace", path, "--csv", out)
            self.assertEqual(proc.returncode, 65, outcome(proc))
            self.assertEqual(os.listdir(tmp), [], outcome(proc))

    def test_binary_file_exits_65_with_location(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "binary.toml"
            png_header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01"
            path.write_bytes(png_header + bytes(range(256)))
            proc = run("check", path)
            self.assertEqual(proc.returncode, 65, outcome(proc))
            self.assertRegex(proc.stderr, LOCATION, outcome(proc))
            self.assertIn(str(path), proc.stderr, outcome(proc))
            # The message must not echo raw bytes back to the terminal.
            self.assertNotIn("\x00", proc.stderr, outcome(proc))


class TraceOutput(unittest.TestCase):
    """`trace` CSV shape, --csv failures, --arm."""

    def test_header_has_every_observable(self):
        t = trace(scenario("wingate"), "--every", "30")
        header = ",".join(t.header)
        self.assertTrue(header.startswith("time_min,work_vo2max_frac,vo2_ml_kg_min,heart_rate_bpm,"), header)
        missing = [n for n in ACUTE_OBSERVABLES + CHRONIC_OBSERVABLES if n not in t.header]
        self.assertEqual(missing, [], f"observables missing from the header: {header}")
        self.assertEqual(t.header[-3:], ["event", "event_value", "event_name"], header)
        self.assertTrue(t.rows, "no data rows")
        self.assertTrue(all(len(row) == len(t.header) for row in t.rows), "ragged rows")

    def test_csv_into_missing_directory_exits_73_and_writes_nothing(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "no" / "such" / "dir" / "out.csv"
            proc = run("trace", scenario("wingate"), "--csv", out)
            self.assertEqual(proc.returncode, 73, outcome(proc))
            self.assertIn("out.csv", proc.stderr, outcome(proc))
            self.assertFalse(out.exists(), outcome(proc))
            self.assertEqual(os.listdir(tmp), [], outcome(proc))

    def test_csv_to_file_matches_stdout(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "trace.csv"
            proc = run("trace", scenario("wingate"), "--every", "5", "--csv", out)
            self.assertEqual(proc.returncode, 0, outcome(proc))
            self.assertEqual(os.listdir(tmp), ["trace.csv"], "stray files left beside the output")
            stdout = run("trace", scenario("wingate"), "--every", "5").stdout
            self.assertEqual(out.read_text(), stdout)

    def test_saved_state_continues_the_trace_exactly(self):
        # Issue 19: trace --save-state FILE --to DAY, then --load-state FILE: the rows from DAY
        # on are those of the trace that never stopped, byte for byte.
        lisa = scenario("lisa_trial")
        with tempfile.TemporaryDirectory() as tmp:
            state = Path(tmp) / "day3.json"
            whole = run("trace", lisa, "--arm", "hrt", "--every", 60, "--to", 6)
            head = run("trace", lisa, "--arm", "hrt", "--every", 60, "--to", 3,
                       "--save-state", state)
            tail = run("trace", lisa, "--arm", "hrt", "--every", 60, "--to", 6,
                       "--load-state", state)
            for proc in (whole, head, tail):
                self.assertEqual(proc.returncode, 0, outcome(proc))
            whole_rows = whole.stdout.splitlines()
            tail_rows = tail.stdout.splitlines()
            self.assertEqual(tail_rows[0], whole_rows[0])  # the header
            self.assertTrue(tail_rows[1].startswith("4320,"), tail_rows[1][:40])
            self.assertEqual(tail_rows[1:], whole_rows[-(len(tail_rows) - 1):])
            self.assertEqual(json.loads(state.read_text())["day"], 3)
            # A state continues only the life it was saved from.
            for args, text in (
                    (["--arm", "mit"], "saved with arm 'hrt', not 'mit'"),
                    (["--arm", "hrt", "--set", "brain_age.decay_tau_days=100"],
                     "saved with parameters"),
            ):
                proc = run("trace", lisa, *args, "--to", 6, "--load-state", state)
                self.assertEqual(proc.returncode, 65, outcome(proc))
                self.assertIn(text, proc.stderr)
            proc = run("trace", lisa, "--arm", "hrt", "--load-state", Path(tmp) / "none.json")
            self.assertEqual(proc.returncode, 66, outcome(proc))
            proc = run("trace", lisa, "--arm", "hrt", "--to", 2.5, "--save-state",
                       Path(tmp) / "x.json")
            self.assertEqual(proc.returncode, 2, outcome(proc))
            self.assertFalse((Path(tmp) / "x.json").exists())

    def test_unknown_arm_exits_2(self):
        proc = run("trace", scenario("back_to_back_hiit"), "--arm", "nosuch")
        self.assertEqual(proc.returncode, 2, outcome(proc))
        self.assertIn("nosuch", proc.stderr, outcome(proc))

    def test_missing_scenario_exits_66(self):
        proc = run("trace", Path(SOURCE_DIR) / "scenarios" / "no_such_scenario.toml")
        self.assertEqual(proc.returncode, 66, outcome(proc))
        self.assertIn("no_such_scenario.toml", proc.stderr, outcome(proc))


class Describe(unittest.TestCase):

    def test_json_lists_25_acute_and_16_chronic_observables(self):
        proc = run("describe", "--json")
        self.assertEqual(proc.returncode, 0, outcome(proc))
        j = json.loads(proc.stdout)
        acute = [o["name"] for o in j["observables"]["acute"]]
        chronic = [o["name"] for o in j["observables"]["chronic"]]
        self.assertEqual(len(acute), 25, acute)
        self.assertEqual(len(chronic), 16, chronic)
        self.assertEqual(sorted(acute), sorted(ACUTE_OBSERVABLES))
        self.assertEqual(sorted(chronic), sorted(CHRONIC_OBSERVABLES))
        for o in j["observables"]["acute"] + j["observables"]["chronic"]:
            self.assertTrue(o["unit"] and o["meaning"], o)

    def test_text_lists_every_observable(self):
        proc = run("describe")
        self.assertEqual(proc.returncode, 0, outcome(proc))
        for name in ACUTE_OBSERVABLES + CHRONIC_OBSERVABLES:
            self.assertIn(name, proc.stdout)

    def test_every_observable_has_its_credibility_grade(self):
        # Grades from validation/catalogue.toml (docs/validation.md, Credibility per observable).
        j = json.loads(run("describe", "--json").stdout)
        grades = {o["name"]: o["credibility"]
                  for o in j["observables"]["acute"] + j["observables"]["chronic"]}
        self.assertTrue(set(grades.values()) <= {"A", "B", "C", "untested"}, grades)
        self.assertEqual(grades["arousal"], "untested")  # no human measurement of the relay
        text = run("describe").stdout.split("Built-in protocols")[0]
        for line in text.splitlines():
            words = line.split()
            if words and words[0] in grades:
                self.assertIn(grades[words[0]], words, line)


class ValidateCheck(unittest.TestCase):
    """`validate --check`: the catalogue and its scenarios checked, nothing simulated (for
    committing a held-out target with its band before its first run, docs/validation.md)."""

    def test_lists_targets_with_role_and_band_and_writes_no_report(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report"
            proc = run("validate", "--check", "--filter", "vo2max.gormley", "--out", out,
                       cwd=SOURCE_DIR)
            self.assertEqual(proc.returncode, 0, outcome(proc))
            lines = [l for l in proc.stdout.splitlines() if l.startswith("vo2max.gormley.")]
            self.assertEqual(len(lines), 3, proc.stdout)
            moderate = next(l for l in lines if l.startswith("vo2max.gormley.moderate_6_weeks"))
            self.assertIn("held_out", moderate)
            self.assertIn("band [0.05, 0.15]", moderate)
            self.assertIn("nothing simulated", proc.stdout)
            self.assertFalse(out.exists(), "validate --check wrote a report directory")

    def check_broken(self, old, new, target_filter):
        """`validate --check` on a copy of the catalogue with `old` replaced by `new`."""
        text = (Path(SOURCE_DIR) / "validation" / "catalogue.toml").read_text()
        bad = text.replace('scenario_root = ".."', f'scenario_root = "{SOURCE_DIR}"', 1)
        bad = bad.replace(old, new, 1)
        self.assertNotEqual(bad.count(new), text.count(new), old)
        with tempfile.TemporaryDirectory() as tmp:
            cat = Path(tmp) / "catalogue.toml"
            cat.write_text(bad)
            proc = run("validate", "--check", "--catalogue", cat, "--filter", target_filter)
            self.assertEqual(proc.returncode, 65, outcome(proc))
            return proc, re.escape(str(cat))

    def test_unknown_arm_exits_65_naming_line_and_target(self):
        proc, cat = self.check_broken('arm = "near_maximal"', 'arm = "no_such_arm"',
                                      "vo2max.gormley")
        self.assertRegex(proc.stderr, rf"{cat}:\d+:\d+: "
                         r"vo2max\.gormley\.near_maximal_minus_vigorous\.arm: .*no arm "
                         r"'no_such_arm'")

    def test_missing_measure_event_exits_65_naming_the_event(self):
        proc, cat = self.check_broken('event_name = "glucose_at_exhaustion"',
                                      'event_name = "no_such_event"', "glucose.felig")
        self.assertRegex(proc.stderr, rf"{cat}:\d+:\d+: "
                         r"glucose\.felig\.share_hypoglycaemic_at_exhaustion\.event_name: "
                         r".*no measure event 'no_such_event' of glucose_mmol_l")


class ValidateCompare(unittest.TestCase):
    """`validate --compare EARLIER/report.json`: held-out passes per pathway before and after,
    targets added, removed or changing status (issue 14 asks for the per-pathway held-out pass
    rate before and after a change); a bad earlier report is refused before anything runs."""

    TARGET = "catecholamines.galbo.epinephrine_at_vo2max"

    def test_reports_status_changes_removed_targets_and_counts(self):
        with tempfile.TemporaryDirectory() as tmp:
            first = Path(tmp) / "first"
            proc = run("validate", "--quiet", "--filter", "catecholamines.galbo", "--out", first,
                       cwd=SOURCE_DIR)
            self.assertEqual(proc.returncode, 0, outcome(proc))
            report = json.loads((first / "report.json").read_text())
            row = next(t for t in report["targets"] if t["id"] == self.TARGET)
            self.assertTrue(row["pass"], row)
            # An earlier report in which the target missed at another value, and a second
            # target that has since been removed.
            row["pass"] = False
            row["simulated"] = 9.0
            gone = dict(row)
            gone["id"] = "catecholamines.galbo.removed_since"
            gone["pass"] = True
            report["targets"].append(gone)
            earlier = Path(tmp) / "earlier.json"
            earlier.write_text(json.dumps(report))

            second = Path(tmp) / "second"
            proc = run("validate", "--quiet", "--filter", "catecholamines.galbo", "--compare",
                       earlier, "--out", second, cwd=SOURCE_DIR)
            self.assertEqual(proc.returncode, 0, outcome(proc))
            self.assertIn(f"compared with {earlier}: 2 → 1 targets (0 added, 1 removed); "
                          "1 status change; 1 of 1 common values changed", proc.stdout)
            self.assertRegex(proc.stdout, r"\* catecholamines +1 / 2  →  1 / 1")
            self.assertRegex(proc.stdout, rf"{re.escape(self.TARGET)}  held_out  miss → pass  "
                                          r"9\.00 → 1\.5")
            self.assertIn("removed:\n  catecholamines.galbo.removed_since  held_out  pass",
                          proc.stdout)
            md = (second / "report.md").read_text()
            self.assertIn("## Compared with an earlier report", md)
            comparison = json.loads((second / "report.json").read_text())["comparison"]
            self.assertEqual(comparison["removed"], ["catecholamines.galbo.removed_since"])
            self.assertEqual(comparison["status_changes"][0]["id"], self.TARGET)
            self.assertEqual(comparison["held_out"][-1],
                             {"pathway": "all", "before_passed": 1, "before_total": 2,
                              "after_passed": 1, "after_total": 1})

    def test_bad_earlier_report_exits_65_before_running(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = Path(tmp) / "bad.json"
            bad.write_text('{"targets": [\n  {"id": "a",,}\n]}')
            out = Path(tmp) / "out"
            proc = run("validate", "--filter", "catecholamines.galbo", "--compare", bad, "--out",
                       out, cwd=SOURCE_DIR)
            self.assertEqual(proc.returncode, 65, outcome(proc))
            self.assertRegex(proc.stderr, rf"{re.escape(str(bad))}:2:\d+: not valid JSON")
            self.assertFalse(out.exists(), "a report was written despite the bad --compare file")

    def test_missing_earlier_report_exits_66(self):
        with tempfile.TemporaryDirectory() as tmp:
            missing = Path(tmp) / "none.json"
            proc = run("validate", "--filter", "catecholamines.galbo", "--compare", missing,
                       "--out", Path(tmp) / "out", cwd=SOURCE_DIR)
            self.assertEqual(proc.returncode, 66, outcome(proc))
            self.assertIn(f"cannot read earlier report '{missing}'", proc.stderr)


class ValidateSet(unittest.TestCase):
    """`validate --set NAME=VALUE`: the catalogue run with a parameter changed for every target
    (a sensitivity check without editing code or copying scenarios); every output says that the
    result is not the shipped model's, and a bad --set is refused before anything runs."""

    FILTER = "lactate.wingate30"

    def test_override_changes_values_and_is_reported(self):
        with tempfile.TemporaryDirectory() as tmp:
            shipped, changed = Path(tmp) / "shipped", Path(tmp) / "changed"
            proc = run("validate", "--quiet", "--filter", self.FILTER, "--out", shipped,
                       cwd=SOURCE_DIR)
            self.assertEqual(proc.returncode, 0, outcome(proc))
            self.assertNotIn("parameter overrides", proc.stdout)
            proc = run("validate", "--quiet", "--filter", self.FILTER, "--set",
                       "lactate.vlamax_mmol_l_s=0.5", "--compare", shipped / "report.json",
                       "--out", changed, cwd=SOURCE_DIR)
            # Half the fitted glycolytic rate: the fitted peak rise leaves its band, a failure.
            self.assertEqual(proc.returncode, 1, outcome(proc))
            self.assertIn("parameter overrides: lactate.vlamax_mmol_l_s=0.5 (not the model as "
                          "shipped)", proc.stdout)
            self.assertIn("parameter overrides: earlier none (the model as shipped) → now "
                          "lactate.vlamax_mmol_l_s=0.5", proc.stdout)
            self.assertRegex(proc.stdout, r"lactate\.wingate30\.peak_rise  fitted  pass → miss")
            before = json.loads((shipped / "report.json").read_text())
            after = json.loads((changed / "report.json").read_text())
            self.assertEqual(before["parameter_overrides"], {})
            self.assertEqual(after["parameter_overrides"], {"lactate.vlamax_mmol_l_s": 0.5})
            self.assertEqual(after["comparison"]["earlier_parameter_overrides"], {})
            value = {r["id"]: r["simulated"] for r in before["targets"]}
            peak = next(r for r in after["targets"] if r["id"] == "lactate.wingate30.peak_rise")
            self.assertLess(peak["simulated"], value["lactate.wingate30.peak_rise"] - 2.0)
            md = (changed / "report.md").read_text()
            self.assertIn("--set lactate.vlamax_mmol_l_s=0.5", md)
            self.assertIn("**Parameter overrides** (`--set`)", md)
            self.assertIn("lactate.vlamax_mmol_l_s=0.5",
                          (changed / "report.html").read_text())

    def test_bad_set_exits_2_before_running(self):
        with tempfile.TemporaryDirectory() as tmp:
            for bad, message in [("lactate.no_such_field=1", "lactate.no_such_field"),
                                 ("lactate.vlamax_mmol_l_s=99", "lactate.vlamax_mmol_l_s"),
                                 ("lactate.vlamax_mmol_l_s", "expected NAME=VALUE")]:
                out = Path(tmp) / "out"
                proc = run("validate", "--filter", self.FILTER, "--set", bad, "--out", out,
                           cwd=SOURCE_DIR)
                self.assertEqual(proc.returncode, 2, outcome(proc))
                self.assertIn(message, proc.stderr)
                self.assertFalse(out.exists(), f"a report was written despite --set {bad}")


# --------------------------------------------------------------------------------------------
# Model parameters (issue 12): every one listed with unit, range and source; `--set` and a
# scenario's [parameters] change results; bad names and values fail with exit 2 / 65.

def with_parameters(table):
    """scenarios/wingate.toml with `table` ([parameters] ...) appended, in a temporary file."""
    text = scenario("wingate").read_text() + "\n" + table + "\n"
    f = tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False)
    f.write(text)
    f.close()
    return Path(f.name), text.count("\n", 0, len(text) - len(table) - 1) + 1


def peak_lactate(*args):
    proc = run("trace", *args, "--every", "1", "--to", "0.125")
    if proc.returncode != 0:
        raise AssertionError(outcome(proc))
    return max(Trace(proc.stdout).column("lactate_mmol_l"))


class Parameters(unittest.TestCase):

    def test_describe_json_lists_every_parameter_with_unit_range_and_source(self):
        proc = run("describe", "--json")
        self.assertEqual(proc.returncode, 0, outcome(proc))
        params = json.loads(proc.stdout)["parameters"]
        self.assertEqual(len(params), 312)
        names = [p["name"] for p in params]
        self.assertEqual(len(set(names)), len(names))
        for p in params:
            self.assertEqual(p["name"], f'{p["group"]}.{p["field"]}')
            self.assertTrue(p["unit"] and p["source"], p)
            self.assertEqual(p["range"], [p["min"], p["max"]])
            self.assertTrue(p["min"] <= p["value"] <= p["max"], p)
        groups = {p["group"] for p in params}
        for g in ("lactate", "session", "training", "resting_bdnf", "chronic_cognition",
                  "subject_norms", "population"):
            self.assertIn(g, groups)

    def test_describe_text_shows_the_range(self):
        proc = run("describe")
        self.assertEqual(proc.returncode, 0, outcome(proc))
        self.assertIn("Parameters (312;", proc.stdout)
        self.assertRegex(proc.stdout, r"rest_mmol_l +1 +mmol/L +\[0\.3, 3\]")

    def test_set_changes_the_trace(self):
        base = peak_lactate(scenario("wingate"))
        faster = peak_lactate(scenario("wingate"), "--set", "lactate.exchange_per_min=2",
                              "--set", "lactate.buffer_mmol_l_per_ph=108")
        self.assertGreater(faster, base * 1.3, f"default peak {base}, with --set {faster}")

    def test_scenario_parameters_change_the_trace_and_set_wins(self):
        base = peak_lactate(scenario("wingate"))
        path, _ = with_parameters('[parameters]\n"lactate.buffer_mmol_l_per_ph" = 108')
        try:
            table = peak_lactate(path)
            both = peak_lactate(path, "--set", "lactate.buffer_mmol_l_per_ph=54")
        finally:
            path.unlink()
        self.assertGreater(table, base * 1.3, f"default peak {base}, with [parameters] {table}")
        self.assertEqual(both, base, "--set back to the default must win over [parameters]")

    def test_nested_parameters_table_is_accepted(self):
        base = peak_lactate(scenario("wingate"))
        path, _ = with_parameters("[parameters.lactate]\nbuffer_mmol_l_per_ph = 108")
        try:
            nested = peak_lactate(path)
        finally:
            path.unlink()
        self.assertGreater(nested, base * 1.3)

    def test_bad_set_exits_2_with_suggestion_range_or_number(self):
        cases = [
            ("lactate.rest_mmol=2", "did you mean 'lactate.rest_mmol_l'?"),
            ("lactate.rest_mmol_l=20", "outside its valid range [0.3, 3] mmol/L"),
            ("lactate.rest_mmol_l=fast", "expected a finite number"),
            ("lactate.rest_mmol_l=nan", "expected a finite number"),
            ("lactate.rest_mmol_l", "expected NAME=VALUE"),
        ]
        for arg, text in cases:
            for command in ("trace", "run"):
                with self.subTest(command=command, arg=arg):
                    proc = run(command, scenario("wingate"), "--set", arg)
                    self.assertEqual(proc.returncode, 2, outcome(proc))
                    self.assertIn(text, proc.stderr, outcome(proc))

    def test_bad_scenario_parameters_exit_65_at_file_line_column(self):
        cases = [
            ('"lactate.rest_mmol" = 2', 1, "did you mean 'lactate.rest_mmol_l'?"),
            ('"lactate.rest_mmol_l" = 20', 25, "outside its valid range [0.3, 3] mmol/L"),
            ('"lactate.rest_mmol_l" = "x"', 25, "expected a number"),
        ]
        for line, column, text in cases:
            with self.subTest(line=line):
                path, first = with_parameters("[parameters]\n" + line)
                try:
                    proc = run("check", path)
                finally:
                    path.unlink()
                self.assertEqual(proc.returncode, 65, outcome(proc))
                self.assertIn(f"{path}:{first + 1}:{column}: parameters.", proc.stderr,
                              outcome(proc))
                self.assertIn(text, proc.stderr, outcome(proc))

    def test_run_records_overrides_in_the_summary_and_they_change_results(self):
        with tempfile.TemporaryDirectory() as d:
            def summary(*extra):
                proc = run("run", scenario("wingate"), "--agents", "4", "--quiet", "--out",
                           Path(d) / "x.h5", "--force", "--summary-json", "-", *extra)
                self.assertEqual(proc.returncode, 0, outcome(proc))
                return json.loads(proc.stdout)
            base = summary()
            changed = summary("--set", "subject_norms.vo2max_male_25=60",
                              "--set", "subject_norms.vo2max_female_25=50")
        self.assertEqual(base["parameters_overridden"], {})
        self.assertEqual(changed["parameters_overridden"],
                         {"subject_norms.vo2max_male_25": 60.0,
                          "subject_norms.vo2max_female_25": 50.0})
        day = max(base["arms"][next(iter(base["arms"]))]["outcomes"]["vo2max_ml_kg_min"])
        arm = next(iter(base["arms"]))
        self.assertGreater(changed["arms"][arm]["outcomes"]["vo2max_ml_kg_min"][day]["mean"],
                           base["arms"][arm]["outcomes"]["vo2max_ml_kg_min"][day]["mean"] + 5)


# --------------------------------------------------------------------------------------------
# Physiology (issue 2), read from `trace` of the shipped scenarios.

class PhysiologyWingate(unittest.TestCase):
    """scenarios/wingate.toml: one 30 s all-out sprint at 10:00 in an untrained young adult
    (trace starts 09:00). Textbook: blood lactate > 10 mmol/L within minutes, falling over the
    next hour; catecholamines several-fold at the end of the sprint, back within minutes."""

    @classmethod
    def setUpClass(cls):
        cls.t = trace(scenario("wingate"), "--every", "0.25", "--to", "0.125")
        work = cls.t.column("work_vo2max_frac")
        active = [time for time, w in zip(cls.t.time, work) if w > 0]
        cls.start = min(active)
        cls.end = max(active)  # the last row still in the sprint: its end
        before = [time for time in cls.t.time if time < cls.start]
        cls.rest_time = max(before)

    def test_sprint_found(self):
        self.assertAlmostEqual(self.end - self.rest_time, 0.5, delta=0.26,
                               msg=f"sprint rows from {self.start} to {self.end} min")

    def test_lactate_above_10_within_10_min_and_lower_an_hour_later(self):
        window = self.t.window("lactate_mmol_l", self.end, self.end + 10)
        t_peak, peak = max(window, key=lambda p: p[1])
        later, t_later = self.t.at("lactate_mmol_l", self.end + 60)
        rest, _ = self.t.at("lactate_mmol_l", self.rest_time)
        self.assertGreater(peak, 10.0,
                           f"peak blood lactate within 10 min of the sprint's end ({self.end} min) "
                           f"is {peak:.2f} mmol/L at {t_peak} min (rest {rest:.2f}); expected > 10")
        self.assertLess(later, peak,
                        f"blood lactate an hour later ({t_later} min) is {later:.2f} mmol/L, "
                        f"not below the peak {peak:.2f} at {t_peak} min")

    def check_catecholamine(self, name):
        rest, _ = self.t.at(name, self.rest_time)
        at_end, _ = self.t.at(name, self.end)
        later, t_later = self.t.at(name, self.end + 15)
        fold = at_end / rest
        self.assertGreaterEqual(
            fold, 3.0, f"{name}: {at_end:.3f} at the sprint's end ({self.end} min) against "
            f"{rest:.3f} at rest ({self.rest_time} min) is {fold:.2f}-fold; expected >= 3")
        self.assertLessEqual(
            abs(later / rest - 1.0), 0.20,
            f"{name}: {later:.3f} at {t_later} min (15 min after the sprint) against {rest:.3f} "
            f"at rest is {100 * (later / rest - 1):+.1f} %; expected within 20 %")

    def test_epinephrine_3_fold_and_back_in_15_min(self):
        self.check_catecholamine("epinephrine_nmol_l")

    def test_norepinephrine_3_fold_and_back_in_15_min(self):
        self.check_catecholamine("norepinephrine_nmol_l")


def clock_min(path):
    """Wall-clock minutes at t = 0 of a scenario, from its start_clock (default 00:00)."""
    match = re.search(r'^\s*start_clock\s*=\s*"(\d\d):(\d\d)"', Path(path).read_text(), re.M)
    return 0 if match is None else 60 * int(match.group(1)) + int(match.group(2))


class PhysiologyBackToBackHiit(unittest.TestCase):
    """scenarios/back_to_back_hiit.toml: rest / moderate (45 min ride 13:00) / single HIIT 09:00
    / double HIIT 09:00 + 10:00, cognitive test at 14:00. Seed 002: a moderate session before a
    task helps, two hard sessions back to back depress cerebral blood flow and hurt cognition."""

    ARMS = ("rest", "moderate", "single", "double")

    @classmethod
    def setUpClass(cls):
        path = scenario("back_to_back_hiit")
        cls.start_clock = clock_min(path)
        cls.traces = {arm: trace(path, "--arm", arm, "--every", "1") for arm in cls.ARMS}

    def t_of_clock(self, hh, mm=0):
        return (hh * 60 + mm - self.start_clock) % 1440

    def z_at_test(self, arm):
        t = self.traces[arm]
        rows = [k for k, e in enumerate(t.text("event")) if e == "cognitive_test"]
        self.assertEqual(len(rows), 1, f"arm {arm}: cognitive_test rows at "
                         f"{[t.time[k] for k in rows]}")
        k = rows[0]
        self.assertAlmostEqual(t.time[k], self.t_of_clock(14), delta=0.01,
                               msg=f"arm {arm}: the cognitive test is not at 14:00")
        return float(t.text("event_value")[k])

    def test_cognition_at_14h_double_below_single_below_moderate(self):
        z = {arm: self.z_at_test(arm) for arm in self.ARMS}
        shown = ", ".join(f"{arm} {value:+.3f}" for arm, value in z.items())
        self.assertLess(z["double"], z["single"], f"cognitive_performance_z at 14:00: {shown}")
        self.assertLess(z["single"], z["moderate"], f"cognitive_performance_z at 14:00: {shown}")
        self.assertGreater(z["moderate"], 0.0, f"cognitive_performance_z at 14:00: {shown}")
        self.assertLess(z["double"], 0.0, f"cognitive_performance_z at 14:00: {shown}")

    def test_cerebral_blood_flow_after_second_session_lower_in_double(self):
        t0, t1 = self.t_of_clock(10), self.t_of_clock(12)
        lows = {}
        for arm in ("single", "double"):
            window = self.traces[arm].window("cerebral_blood_flow_rel", t0, t1)
            lows[arm] = min(window, key=lambda p: p[1])
        shown = ", ".join(f"{arm} {v:.4f} at {t} min" for arm, (t, v) in lows.items())
        self.assertLess(lows["double"][1], lows["single"][1],
                        f"minimum cerebral_blood_flow_rel between 10:00 and 12:00: {shown}")


class PhysiologyCompoundVsIsolation(unittest.TestCase):
    """scenarios/compound_vs_isolation.toml: squat + deadlift against curl + leg extension at
    80 % 1RM. Seed 002: compound lifts drive more motor cortex → adrenal epinephrine → vagus →
    NTS → locus coeruleus → brain norepinephrine."""

    def test_compound_peaks_higher(self):
        path = scenario("compound_vs_isolation")
        t = {arm: trace(path, "--arm", arm, "--every", "0.25")
             for arm in ("compound", "isolation")}
        for name in ("epinephrine_nmol_l", "brain_norepinephrine_rel"):
            with self.subTest(observable=name):
                peaks = {arm: max(zip(tr.column(name), tr.time), key=lambda p: p[0])
                         for arm, tr in t.items()}
                shown = ", ".join(f"{arm} {v:.3f} at {tm} min" for arm, (v, tm) in peaks.items())
                self.assertGreater(peaks["compound"][0], peaks["isolation"][0],
                                   f"peak {name}: {shown}")


class PhysiologySameWalkAfterTraining(unittest.TestCase):
    """scenarios/same_walk_after_training.toml: a walk at 4 METs is an absolute demand, so after
    24 weeks of walking it is a smaller share of a larger VO2max and heart rate and lactate at its
    end fall; without training they stay (README, "What the model shows")."""

    def end_of_walk(self, arm, day):
        tr = trace(scenario("same_walk_after_training"), "--arm", arm, "--every", "1",
                   "--from", str(day), "--to", str(day + 1))
        t = day * 1440 + 620
        values = {}
        for name in ("work_vo2max_frac", "heart_rate_bpm", "lactate_mmol_l", "vo2max_ml_kg_min"):
            values[name], at = tr.at(name, t)
            self.assertEqual(at, t, f"no row at time_min {t}")
        return values

    def test_the_same_walk_is_easier_after_training_only(self):
        before, after = self.end_of_walk("walkers", 0), self.end_of_walk("walkers", 168)
        shown = f"walkers day 0 {before}, day 168 {after}"
        self.assertGreater(after["vo2max_ml_kg_min"], 1.05 * before["vo2max_ml_kg_min"], shown)
        self.assertLess(after["work_vo2max_frac"], 0.95 * before["work_vo2max_frac"], shown)
        self.assertLess(after["heart_rate_bpm"], before["heart_rate_bpm"] - 2.0, shown)
        self.assertLess(after["lactate_mmol_l"], before["lactate_mmol_l"], shown)
        c0, c1 = self.end_of_walk("control", 0), self.end_of_walk("control", 168)
        shown = f"control day 0 {c0}, day 168 {c1}"
        self.assertAlmostEqual(c1["heart_rate_bpm"], c0["heart_rate_bpm"], delta=1.0, msg=shown)
        self.assertGreaterEqual(c1["work_vo2max_frac"], c0["work_vo2max_frac"], shown)


class PhysiologyJumpingVsCycling(unittest.TestCase):
    """scenarios/jumping_vs_cycling.toml: bone loading releases osteocalcin (seed 002)."""

    def test_jumping_raises_osteocalcin_more(self):
        path = scenario("jumping_vs_cycling")
        peaks = {}
        for arm in ("jumping", "cycling"):
            tr = trace(path, "--arm", arm, "--every", "0.25")
            peaks[arm] = max(zip(tr.column("osteocalcin_ng_ml"), tr.time), key=lambda p: p[0])
        shown = ", ".join(f"{arm} {v:.3f} ng/mL at {tm} min" for arm, (v, tm) in peaks.items())
        self.assertGreater(peaks["jumping"][0], peaks["cycling"][0],
                           f"peak osteocalcin_ng_ml: {shown}")


REST_DAYS = """\
# Two days without exercise from midnight: the circadian cortisol rhythm alone.
[scenario]
name = "rest_days"
days = 2
start_clock = "00:00"

[[arm]]
name = "rest"
"""


class PhysiologyCortisolRestDay(unittest.TestCase):
    """Textbook: serum cortisol peaks around 08:00-09:00 at about 400-450 nmol/L and is lowest
    near midnight. Checked on each day of a two-day scenario without sessions."""

    def test_morning_peak_and_night_nadir(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "rest_days.toml"
            path.write_text(REST_DAYS)
            t = trace(path, "--every", "1")
        cortisol = t.column("cortisol_nmol_l")
        for day in (0, 1):
            with self.subTest(day=day):
                points = [(time, c) for time, c in zip(t.time, cortisol)
                          if day * 1440 <= time < (day + 1) * 1440]
                t_max, c_max = max(points, key=lambda p: p[1])
                t_min, c_min = min(points, key=lambda p: p[1])
                clock = lambda m: f"{int(m % 1440) // 60:02d}:{int(m % 60):02d}"  # noqa: E731
                shown = (f"day {day}: maximum {c_max:.1f} nmol/L at {clock(t_max)}, "
                         f"minimum {c_min:.1f} nmol/L at {clock(t_min)}")
                self.assertTrue(6 * 60 <= t_max % 1440 <= 10 * 60,
                                f"cortisol maximum not between 06:00 and 10:00; {shown}")
                self.assertTrue(350.0 <= c_max <= 500.0,
                                f"cortisol maximum not in 350-500 nmol/L; {shown}")
                self.assertTrue(t_min % 1440 >= 21 * 60 or t_min % 1440 <= 3 * 60,
                                f"cortisol minimum not between 21:00 and 03:00; {shown}")


class TrialDesign(unittest.TestCase):
    """`brainload power` and `brainload sensitivity` (issue 18): the JSON contract (PRODUCT.md),
    reproducibility at 1 and 2 threads, clear errors with their exit codes, --plot, and Ctrl-C
    leaving no file. Small runs: back_to_back_hiit is one day."""

    POWER = ["power", None, "--arm", "double", "--vs", "rest", "--outcome",
             "cognitive_test_d0_1400", "--n", "3,6", "--replicates", "4", "--quiet"]

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)
        self.POWER = list(self.POWER)
        self.POWER[1] = scenario("back_to_back_hiit")

    def tearDown(self):
        self.tmp.cleanup()

    def json_of(self, *args):
        proc = run(*args, "--json", "-")
        self.assertEqual(proc.returncode, 0, outcome(proc))
        return json.loads(proc.stdout), proc

    def test_power_json_has_the_contract_keys_and_is_the_same_at_1_and_2_threads(self):
        one, _ = self.json_of(*self.POWER, "--threads", 1, "--seed", 3)
        two, _ = self.json_of(*self.POWER, "--threads", 2, "--seed", 3)
        self.assertEqual(one, two)
        for key in ("arm", "vs", "outcome", "day", "alpha", "test", "n", "power", "ci95",
                    "n_for_80", "n_for_90"):
            self.assertIn(key, one)
        self.assertEqual(one["n"], [3, 6])
        self.assertEqual(len(one["power"]), 2)
        for p, (lo, hi) in zip(one["power"], one["ci95"]):
            self.assertLessEqual(lo, p)
            self.assertLessEqual(p, hi)
        self.assertIn("Welch", one["test"])
        self.assertEqual(one["agents_simulated"], 4 * 2 * 6)
        other, _ = self.json_of(*self.POWER, "--seed", 4)
        self.assertNotEqual(other["mean_difference"], one["mean_difference"])

    def test_power_table_names_the_sample_sizes_for_80_and_90_percent(self):
        proc = run(*[a for a in self.POWER if a != "--quiet"])
        self.assertEqual(proc.returncode, 0, outcome(proc))
        self.assertIn("n per arm for 80 % power", proc.stdout)
        self.assertRegex(proc.stdout, r"\n +3 +\d\.\d{3} +\[")

    def test_sensitivity_json_for_sobol_and_morris(self):
        common = ["sensitivity", scenario("back_to_back_hiit"), "--arm", "double", "--vs",
                  "rest", "--outcome", "cognitive_test_d0_1400", "--parameters",
                  "cerebral_blood_flow.peh_threshold_vo2max_frac,hpa.cortisol_half_life_min",
                  "--spread", "0.2", "--quiet", "--bootstrap", "50"]
        sobol, _ = self.json_of(*common, "--samples", 8)
        for key in ("method", "outcome", "day", "samples", "parameters"):
            self.assertIn(key, sobol)
        self.assertEqual(sobol["method"], "sobol")
        self.assertEqual(sobol["evaluations"], 8 * 4)
        for p in sobol["parameters"]:
            for key in ("name", "first", "first_ci95", "total", "total_ci95"):
                self.assertIn(key, p)
            self.assertLessEqual(p["low"], p["value"])
            self.assertLessEqual(p["value"], p["high"])
        morris, _ = self.json_of(*common, "--samples", 4, "--method", "morris")
        self.assertEqual(morris["method"], "morris")
        self.assertEqual(morris["evaluations"], 4 * 3)
        for p in morris["parameters"]:
            for key in ("name", "mu_star", "sigma"):
                self.assertIn(key, p)
        # The 14:00 test difference hangs on the post-exercise hypotension threshold, not on cortisol
        # clearance.
        self.assertEqual(morris["parameters"][0]["name"],
                         "cerebral_blood_flow.peh_threshold_vo2max_frac")

    def test_bad_questions_exit_2_and_name_the_problem(self):
        lisa = scenario("lisa_trial")
        base = ["--vs", "control", "--n", "3,6", "--replicates", "1", "--quiet"]
        cases = [
            (["power", lisa, "--arm", "hiit", "--outcome", "brain_age_gap_years", "--day", 365,
              *base], "no arm 'hiit'"),
            (["power", lisa, "--arm", "hrt", "--outcome", "brain_age", "--day", 365, *base],
             "neither a chronic observable"),
            (["power", lisa, "--arm", "hrt", "--outcome", "brain_age_gap_years", *base],
             "needs an assessment day"),
            (["power", lisa, "--arm", "hrt", "--outcome", "brain_age_gap_years", "--day", 100,
              *base], "not an assessment day"),
            (["power", lisa, "--arm", "hrt", "--outcome", "brain_age_gap_years", "--day", 365,
              "--vs", "control", "--n", "6,3", "--quiet"], "increasing"),
            (["power", lisa, "--arm", "hrt", "--outcome", "brain_age_gap_years", "--day", 365,
              *base, "--setting", "gym"], "--setting 'gym'"),
            (["power", lisa, "--arm", "hrt", "--outcome", "brain_age_gap_years", "--day", 365,
              *base, "--set", "brain_age.no_such=1"], "--set"),
            (["sensitivity", lisa, "--arm", "hrt", "--outcome", "brain_age_gap_years", "--day",
              365, "--parameters", "brain_age.gap_max_yeras", "--quiet"],
             "did you mean 'brain_age.gap_max_years'"),
            (["sensitivity", lisa, "--arm", "hrt", "--outcome", "brain_age_gap_years", "--day",
              365, "--plot", self.dir / "x.gif", "--quiet"], ".png, .svg or .pdf"),
        ]
        for args, text in cases:
            with self.subTest(text=text):
                proc = run(*args)
                self.assertEqual(proc.returncode, 2, outcome(proc))
                self.assertIn(text, proc.stderr, outcome(proc))

    def test_missing_invalid_scenario_and_unwritable_output(self):
        args = ["--arm", "double", "--vs", "rest", "--outcome", "cognitive_test_d0_1400",
                "--n", "3", "--replicates", "1", "--quiet"]
        proc = run("power", self.dir / "none.toml", *args)
        self.assertEqual(proc.returncode, 66, outcome(proc))
        bad = Path(SOURCE_DIR) / "tests" / "data" / "bad" / "wrong_type_days.toml"
        proc = run("power", bad, *args)
        self.assertEqual(proc.returncode, 65, outcome(proc))
        self.assertRegex(proc.stderr, LOCATION)
        proc = run("power", scenario("back_to_back_hiit"), *args, "--json",
                   self.dir / "no" / "such" / "x.json")
        self.assertEqual(proc.returncode, 73, outcome(proc))
        self.assertEqual(list(self.dir.iterdir()), [])

    def test_plot_writes_a_figure_and_the_json(self):
        js = self.dir / "power.json"
        png = self.dir / "power.png"
        proc = run(*self.POWER, "--json", js, "--plot", png)
        self.assertEqual(proc.returncode, 0, outcome(proc))
        self.assertEqual(png.read_bytes()[:8], b"\x89PNG\r\n\x1a\n")
        self.assertEqual(json.loads(js.read_text())["n"], [3, 6])
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), ["power.json", "power.png"])

    def test_sigint_leaves_no_file(self):
        js = self.dir / "power.json"
        proc = subprocess.Popen(
            [EXE, "power", str(scenario("lisa_trial")), "--arm", "hrt", "--vs", "control",
             "--outcome", "brain_age_gap_years", "--day", "365", "--n", "50", "--replicates",
             "100", "--json", str(js), "--quiet"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        self.assertIsNone(proc.poll(), "the power run ended before it could be interrupted")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        self.assertEqual(proc.returncode, 130, err)
        self.assertIn("interrupted", err)
        self.assertEqual(list(self.dir.iterdir()), [], "an interrupted run left a file")


def main():
    global EXE, SOURCE_DIR
    args = sys.argv[1:]
    if len(args) >= 2 and not args[0].startswith("-"):
        EXE, SOURCE_DIR, args = args[0], args[1], args[2:]
    if not EXE or not SOURCE_DIR:
        sys.exit("usage: test_cli.py BRAINLOAD_EXE SOURCE_DIR [unittest arguments]")
    EXE = str(Path(EXE).resolve())
    SOURCE_DIR = str(Path(SOURCE_DIR).resolve())
    if not os.access(EXE, os.X_OK):
        sys.exit(f"test_cli.py: {EXE} is not an executable")
    unittest.main(argv=[sys.argv[0], *args], verbosity=2)


if __name__ == "__main__":
    main()
