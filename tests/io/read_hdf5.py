#!/usr/bin/python3
"""Reads a brainload HDF5 file the way users do and checks it (run by hdf5_output_test.cpp).

    read_hdf5.py FILE           the small fixture written by Hdf5Output.RoundTripsThroughXarray
    read_hdf5.py --empty FILE   a file written with zero agents and every list empty

Run with Debian's /usr/bin/python3 (python3-xarray, python3-h5netcdf, python3-h5py). Exits
non-zero with a message on the first failed check. The expected values below are the same as
in hdf5_output_test.cpp; change both together.
"""
import sys

import h5py
import numpy as np
import xarray as xr

DIMS = {"agent": 3, "arm": 2, "assess_day": 2, "time": 4, "quantile": 3}
ARMS = ["control", "hiit_4x4"]
ASSESS_DAYS = [0.0, 365.0]
TIME_DAYS = [0.0, 0.25, 0.5, 1.0]
QUANTILES = [0.05, 0.5, 0.95]
SEED = 12345678901234567890  # above 2**63: must survive as an unsigned 64-bit integer
COMMAND = 'brainload run "scenarios/demo file.toml" --agents 3 --seed 12345678901234567890'
MODEL_VERSION = "0.1.0-test"
SCENARIO_NAME = "demo"
SCENARIO_TEXT = (
    '[scenario]\nname = "demo"\ndescription = "Ünïcode ✓ and \\"quotes\\""\ndays = 1\n'
)

# name -> (dims, units, long_name, expected values); in creation order.
N_AGENT, N_ARM, N_DAY, N_TIME, N_Q = (DIMS[d] for d in DIMS)
VARS = {
    "weight_kg": (("agent",), "kg", "body mass", np.array([70.5, 82.25, 58.0])),
    "age_years": (("agent",), "years", "age at baseline", np.array([21.0, 34.5, 66.0])),
    "sessions_done": (("agent",), "1", "sessions attended", np.array([0, 7, -3], dtype=np.int64)),
    "vo2max_ml_kg_min": (
        ("agent", "assess_day"),
        "ml/kg/min",
        "maximal oxygen uptake",
        np.array([[10 * i + j + 0.5 for j in range(N_DAY)] for i in range(N_AGENT)]),
    ),
    "heart_rate_bpm": (
        ("arm", "time", "quantile"),
        "1/min",
        "heart rate",
        np.array(
            [
                [[60 + 100 * a + 10 * t + q for q in range(N_Q)] for t in range(N_TIME)]
                for a in range(N_ARM)
            ],
            dtype=np.float64,
        ),
    ),
    "arousal": (
        ("agent", "time"),
        "1",
        "arousal",
        np.array([[0.1 * i + 0.01 * t for t in range(N_TIME)] for i in range(N_AGENT)]),
    ),
}


def check(cond, message):
    if not cond:
        print("read_hdf5.py: FAILED:", message, file=sys.stderr)
        sys.exit(1)


def check_full(path):
    ds = xr.open_dataset(path, engine="h5netcdf")
    check(dict(ds.sizes) == DIMS, f"dims {dict(ds.sizes)} != {DIMS}")
    check(set(ds.coords) == set(DIMS), f"coords {list(ds.coords)}")
    check(list(ds.data_vars) == list(VARS), f"variable order {list(ds.data_vars)} != {list(VARS)}")

    for name, (dims, units, long_name, values) in VARS.items():
        var = ds[name]
        check(var.dims == dims, f"{name}: dims {var.dims} != {dims}")
        for key, want in (("units", units), ("long_name", long_name)):
            got = var.attrs.get(key)
            check(type(got) is str, f"{name}.{key} is {type(got).__name__} {got!r}, not str")
            check(got == want, f"{name}.{key} = {got!r} != {want!r}")
        check(var.dtype == values.dtype, f"{name}: dtype {var.dtype} != {values.dtype}")
        check(np.array_equal(var.values, values), f"{name}: values {var.values} != {values}")

    # Coordinates. `units = "days"` makes xarray decode time and assess_day to timedelta64.
    agents = ds["agent"]
    check(agents.dtype == np.int64 and list(agents.values) == [0, 1, 2], "agent coordinate")
    arms = list(ds["arm"].values)
    check(all(type(a) is str for a in arms), f"arm values are not str: {arms!r}")
    check(arms == ARMS, f"arm values {arms} != {ARMS}")
    check(ds["time"].dtype.kind == "m",
          f"time decoded as {ds['time'].dtype}, expected timedelta64")
    check(list(ds["time"].values / np.timedelta64(1, "D")) == TIME_DAYS, "time values")
    days = ds["assess_day"].values / np.timedelta64(1, "D")
    check(list(days) == ASSESS_DAYS, "assess_day values")
    # ds.quantile is the Dataset.quantile method: the coordinate must be read as ds["quantile"].
    check(list(ds["quantile"].values) == QUANTILES, "quantile values")
    ds.close()

    raw = xr.open_dataset(path, engine="h5netcdf", decode_timedelta=False)
    check(raw["time"].dtype == np.float64 and list(raw["time"].values) == TIME_DAYS, "raw time")
    for coord, units in (("agent", "1"), ("arm", "1"), ("assess_day", "days"), ("time", "days"),
                         ("quantile", "1")):
        for key in ("units", "long_name"):
            check(type(raw[coord].attrs.get(key)) is str, f"coordinate {coord}.{key} missing")
        check(raw[coord].attrs["units"] == units, f"coordinate {coord}.units")

    # Global attributes.
    attrs = raw.attrs
    expected = {
        "Conventions": "CF-1.8",
        "source": "brainload",
        "scenario_name": SCENARIO_NAME,
        "scenario": SCENARIO_TEXT,
        "model_version": MODEL_VERSION,
        "command": COMMAND,
        "history": COMMAND,
    }
    for key, want in expected.items():
        got = attrs.get(key)
        check(type(got) is str and got == want, f"global {key} = {got!r} != {want!r}")
    check(type(attrs.get("title")) is str and SCENARIO_NAME in attrs["title"], "global title")
    seed = attrs.get("seed")
    check(isinstance(seed, np.unsignedinteger) and int(seed) == SEED, f"seed {seed!r} != {SEED}")
    raw.close()

    # Storage: trajectories chunked and compressed; link order tracked on the file.
    with h5py.File(path, "r") as f:
        traj = f["arousal"]
        check(traj.chunks is not None and traj.compression == "gzip" and traj.shuffle,
              f"arousal storage chunks={traj.chunks} compression={traj.compression}")
        order = f["/"].id.get_create_plist().get_link_creation_order()
        check(order & h5py.h5p.CRT_ORDER_TRACKED and order & h5py.h5p.CRT_ORDER_INDEXED,
              "link creation order not tracked+indexed")
        # (f.keys() lists by name; ask for the creation-order index explicitly.)
        links = []
        f.id.links.iterate(lambda name: links.append(name.decode()),
                           idx_type=h5py.h5.INDEX_CRT_ORDER)
        check(links == list(DIMS) + list(VARS), f"link creation order {links}")


def check_empty(path):
    ds = xr.open_dataset(path, engine="h5netcdf")
    sizes = {d: 0 for d in DIMS}
    check(dict(ds.sizes) == sizes, f"dims {dict(ds.sizes)} != {sizes}")
    check(list(ds.data_vars) == [], f"data vars {list(ds.data_vars)}")
    check(type(ds.attrs.get("scenario")) is str, "global scenario")
    ds.close()


def main(argv):
    if len(argv) == 3 and argv[1] == "--empty":
        check_empty(argv[2])
    elif len(argv) == 2:
        check_full(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print("read_hdf5.py: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
