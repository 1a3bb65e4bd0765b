"""The Python API (python/brainload, README "Python") against the brainload command it wraps.

Run by ctest (tests/CMakeLists.txt, test python.api) as
    PYTHONPATH=<build>/python BRAINLOAD_EXE=<build>/brainload BRAINLOAD_ROOT=<source> \
        /usr/bin/python3 -m pytest tests/python
Every comparison is with the executable's own output for the same inputs: the summary JSON, the
trace CSV (printed with 6 significant digits, hence rtol 1e-5), the HDF5 file, describe --json.
"""

import json
import math
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

import brainload

EXE = os.environ["BRAINLOAD_EXE"]
ROOT = Path(os.environ["BRAINLOAD_ROOT"])
B2B = ROOT / "scenarios" / "back_to_back_hiit.toml"
WINGATE = ROOT / "scenarios" / "wingate.toml"


def cli(*args, **kwargs):
    return subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, check=True,
                          stdin=subprocess.DEVNULL, **kwargs)


def read_csv(text):
    lines = text.strip().split("\n")
    header = lines[0].split(",")
    rows = [line.split(",") for line in lines[1:]]
    return header, rows


# --- describe, load_scenario ------------------------------------------------------------------


def test_describe_is_describe_json():
    assert brainload.describe() == json.loads(cli("describe", "--json").stdout)


def test_scenario_from_path_text_dict_and_pathlike_are_the_same():
    text = B2B.read_text()
    a = brainload.load_scenario(str(B2B))
    b = brainload.load_scenario(B2B)
    c = brainload.load_scenario(text)
    import tomllib
    d = brainload.load_scenario(tomllib.loads(text))
    assert a.name == b.name == c.name == d.name == "back_to_back_hiit"
    assert a.arms == c.arms == d.arms
    assert a.days == d.days and a.agents == d.agents
    assert brainload.load_scenario(a) is a
    assert a.file == str(B2B) and c.file == "<string>" and d.file == "<dict>"


def test_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing.toml"):
        brainload.load_scenario(str(tmp_path / "nothing.toml"))


def test_bad_toml_raises_scenario_error_with_line_and_column(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\ndays = [\n')
    with pytest.raises(brainload.ScenarioError) as error:
        brainload.load_scenario(bad)
    cli_message = subprocess.run([EXE, "check", str(bad)], capture_output=True, text=True)
    assert cli_message.returncode == 65
    assert str(error.value) == cli_message.stderr.strip()
    assert str(error.value).startswith(f"{bad}:2:10: invalid TOML")
    assert isinstance(error.value, ValueError)


def test_invalid_field_in_text_names_line_and_field():
    text = B2B.read_text().replace("days = 1", "days = -4", 1)
    with pytest.raises(brainload.ScenarioError, match=r"^<string>:\d+:\d+: .*days"):
        brainload.load_scenario(text)


def test_dict_of_wrong_shape_raises_scenario_error():
    with pytest.raises(brainload.ScenarioError, match="<dict>"):
        brainload.load_scenario({"name": "x", "days": "three"})


def test_wrong_type_raises_type_error():
    with pytest.raises(TypeError, match="load_scenario"):
        brainload.load_scenario(42)


# --- trace ------------------------------------------------------------------------------------


def test_trace_equals_the_cli_trace_csv():
    ds = brainload.trace(B2B, arm="double", every=5.0)
    header, rows = read_csv(cli("trace", B2B, "--arm", "double", "--every", 5).stdout)
    numeric = header[1:header.index("event")]
    assert list(ds.sizes) == ["time", "event"] or set(ds.sizes) == {"time", "event"}
    assert ds.sizes["time"] == len(rows)
    np.testing.assert_allclose(ds["time"].values, [float(r[0]) for r in rows], rtol=1e-6)
    for k, name in enumerate(numeric, start=1):
        expected = np.array([float(r[k]) for r in rows])
        np.testing.assert_allclose(ds[name].values, expected, rtol=1e-5, atol=1e-12,
                                   err_msg=name)
    # Events: the CSV marks each on the row of its moment.
    cli_events = [(r[-1], r[-3], float(r[-2])) for r in rows if r[-3]]
    by_name = {n: (t, v) for n, t, v in zip(ds["event_name"].values, ds["event_type"].values,
                                             ds["event_value"].values)}
    assert len(cli_events) > 0
    for name, kind, value in cli_events:
        assert by_name[name][0] == kind
        assert math.isclose(by_name[name][1], value, rel_tol=1e-5)


def test_trace_variables_carry_units_and_long_names():
    ds = brainload.trace(WINGATE, every=1.0)
    registry = brainload.describe()["observables"]
    for o in registry["acute"] + registry["chronic"]:
        assert ds[o["name"]].dims == ("time",)
        assert ds[o["name"]].attrs["units"] == o["unit"]
        assert ds[o["name"]].attrs["long_name"] == o["meaning"]
    assert ds["time"].attrs["units"] == "min"
    assert ds.attrs["scenario"] == "wingate"


def test_trace_window_and_set_are_the_cli_s():
    ds = brainload.trace(B2B, arm="single", every=10.0, from_day=0.25, to_day=0.5,
                         set={"hpa.exercise_gain": 10.0})
    _, rows = read_csv(cli("trace", B2B, "--arm", "single", "--every", 10, "--from", 0.25,
                           "--to", 0.5, "--set", "hpa.exercise_gain=10").stdout)
    assert ds.sizes["time"] == len(rows)
    np.testing.assert_allclose(ds["cortisol_nmol_l"].values,
                               [float(r[1 + brainload._core.acute_observables.index(
                                   "cortisol_nmol_l")]) for r in rows], rtol=1e-5)
    assert json.loads(ds.attrs["parameters_overridden"]) == {"hpa.exercise_gain": 10.0}


def test_unknown_arm_and_parameter_raise_value_error():
    with pytest.raises(ValueError, match="no arm 'triple'"):
        brainload.trace(B2B, arm="triple")
    with pytest.raises(ValueError, match="did you mean"):
        brainload.trace(B2B, set={"hpa.exercise_gai": 1.0})
    with pytest.raises(ValueError, match="every"):
        brainload.trace(B2B, every=0)
    with pytest.raises(TypeError, match="must be a number"):
        brainload.trace(B2B, set={"hpa.exercise_gain": "high"})
    with pytest.raises(TypeError, match="every"):
        brainload.trace(B2B, every="1")


# --- run --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def b2b_runs(tmp_path_factory):
    d = tmp_path_factory.mktemp("runs")
    cli("run", B2B, "--agents", 60, "--seed", 7, "--quiet", "--out", d / "cli.h5",
        "--summary-json", d / "cli.json", "--set", "hpa.exercise_gain=20")
    trial = brainload.run(B2B, agents=60, seed=7, set={"hpa.exercise_gain": 20.0},
                          out=d / "py.h5")
    return d, trial


def test_run_summary_equals_the_cli_summary_json(b2b_runs):
    d, trial = b2b_runs
    assert trial.summary == json.loads((d / "cli.json").read_text())


def test_run_to_xarray_equals_the_hdf5_file(b2b_runs):
    import xarray as xr

    d, trial = b2b_runs
    ours = trial.to_xarray()
    with xr.open_dataset(d / "cli.h5", engine="h5netcdf", phony_dims="access") as theirs:
        theirs = theirs.load()
    assert set(ours.variables) == set(theirs.variables)
    for name in theirs.variables:
        np.testing.assert_array_equal(ours[name].values, theirs[name].values, err_msg=name)
    # The provenance attributes name the call that made each file.
    differing = {k for k in theirs.attrs if k not in ("command", "history") and
                 not np.array_equal(np.asarray(ours.attrs.get(k)), np.asarray(theirs.attrs[k]))}
    assert differing == set()
    assert ours.attrs["command"].startswith("brainload.run(")
    assert "brainload.run(" in ours.attrs["history"]
    assert repr(trial).startswith("<brainload.Trial 'back_to_back_hiit': double (n=15)")


def test_run_without_out_keeps_a_temporary_file_while_the_trial_lives():
    trial = brainload.run(WINGATE, agents=4, seed=3)
    path = trial.path
    assert path.exists() and trial.to_xarray().sizes["agent"] == 4
    del trial
    import gc
    gc.collect()
    assert not path.exists()


def test_run_is_the_same_at_one_and_two_threads(tmp_path):
    one = brainload.run(WINGATE, agents=12, seed=5, threads=1)
    two = brainload.run(WINGATE, agents=12, seed=5, threads=2)
    assert one.summary == two.summary


def test_run_refuses_to_overwrite_and_reports_bad_outputs(tmp_path):
    out = tmp_path / "x.h5"
    out.write_text("keep me")
    with pytest.raises(FileExistsError, match="force=True"):
        brainload.run(WINGATE, agents=2, out=out)
    assert out.read_text() == "keep me"
    with pytest.raises(OSError, match="nowhere"):
        brainload.run(WINGATE, agents=2, out=tmp_path / "nowhere" / "x.h5")
    with pytest.raises(ValueError, match="agents"):
        brainload.run(WINGATE, agents=0)
    with pytest.raises(ValueError, match="did you mean"):
        brainload.run(WINGATE, agents=2, set={"hpa.exercise_gai": 1.0})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.h5"]


def test_ctrl_c_raises_keyboard_interrupt_and_leaves_nothing(tmp_path):
    script = textwrap.dedent(f"""
        import sys, brainload
        print("start", flush=True)
        try:
            brainload.run({str(ROOT / 'scenarios' / 'lisa_trial.toml')!r}, agents=100000,
                          out={str(tmp_path / 'big.h5')!r}, threads=1, progress=False)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            sys.exit(3)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            env=os.environ.copy())
    assert proc.stdout.readline().strip() == "start"
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 3, out
    assert "interrupted" in out
    assert list(tmp_path.iterdir()) == []
