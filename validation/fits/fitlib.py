"""Shared by the fit scripts in this folder: run `brainload validate` on chosen targets with
parameter values set in their scenarios, without touching the repository.

The catalogue and scenarios are copied to a temporary directory; each scenario named in
`parameters` gets those values appended as a [parameters] table (NAME = value, as `brainload
describe` lists the names); each target named in `agents` has its reader's agent count replaced.
Only the listed targets run, one `--filter` each. Run from the repository root.

`report_with_set` is for the sensitivity reports instead: every target the filter selects runs
with the same values (`validate --set`), whatever its scenario.
"""
import json, pathlib, re, shutil, subprocess, sys, tempfile


def report_with_set(binary, filter_text, overrides):
    """report.json (parsed) of `brainload validate --filter filter_text --set NAME=VALUE ...` for
    `overrides` = {name: value}; exits with validate's message if no report was written (a
    fitted target leaving its band still writes one)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "out"
        sets = [a for k, v in overrides.items() for a in ("--set", f"{k}={v!r}")]
        proc = subprocess.run([binary, "validate", "--filter", filter_text, "--out", str(out),
                               "--quiet", *sets], capture_output=True, text=True)
        if not (out / "report.json").exists():
            sys.exit(f"validate failed for {overrides}: {proc.stderr.strip()}")
        return json.loads((out / "report.json").read_text())


def simulated(binary, targets, parameters=None, agents=None, seeds=1):
    """{target id: simulated value} for `targets` (each an id, or a text that several ids contain,
    as `validate --filter` reads it), with `parameters` = {scenario stem: {name: value}} and
    `agents` = {target id: agent count}. With `seeds` > 1 a population target's value is the mean
    of its replicates at seeds seed … seed + seeds − 1 (`validate --seeds`), an estimate of its
    expectation rather than one draw."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        shutil.copytree("validation", root / "validation")
        shutil.copytree("scenarios", root / "scenarios")
        for stem, values in (parameters or {}).items():
            f = root / "scenarios" / "validation" / f"{stem}.toml"
            table = "".join(f'"{k}" = {v!r}\n' for k, v in values.items())
            text = f.read_text()
            # A scenario with its own [parameters] table gets the values added to it (TOML allows
            # one table of a name); the fitted names must not be among the scenario's own.
            header = re.search(r"^\[parameters\][ \t]*\n", text, re.M)
            if header:
                f.write_text(text[:header.end()] + table + text[header.end():])
            else:
                f.write_text(text + "\n[parameters]\n" + table)
        catalogue = root / "validation" / "catalogue.toml"
        text = catalogue.read_text()
        for target, n in (agents or {}).items():
            start = text.index(f'id = "{target}"')
            end = text.index("[target.source]", start)
            text = text[:start] + re.sub(r"agents = \d+", f"agents = {n}", text[start:end]) + text[end:]
        catalogue.write_text(text)
        for target in targets:
            report_dir = root / "out" / target
            subprocess.run([binary, "validate", "--catalogue", str(catalogue), "--filter", target,
                            "--out", str(report_dir), "--quiet", "--seeds", str(seeds)],
                           check=False, capture_output=True, text=True)
            report = json.loads((report_dir / "report.json").read_text())
            # A filter that names several targets (a common prefix) runs their scenario once and
            # returns each of them.
            for t in report["targets"]:
                values = [v for v in t.get("replicates", {}).get("values", []) if v is not None]
                out[t["id"]] = sum(values) / len(values) if values else t["simulated"]
    return out


def bisect(residual, lo, hi, iterations, rising, geometric=False, label=None):
    """The root of a monotonic `residual` on [lo, hi] by bisection (on a log scale if
    `geometric`), `rising` telling its direction; prints each step when `label` names it."""
    for _ in range(iterations):
        mid = (lo * hi) ** 0.5 if geometric else 0.5 * (lo + hi)
        r = residual(mid)
        if label:
            print(f"  {label} {mid:.4f}: residual {r:+.4f}")
        if (r < 0) == rising:
            lo = mid
        else:
            hi = mid
    return (lo * hi) ** 0.5 if geometric else 0.5 * (lo + hi)


def golden(f, lo, hi, iterations=60):
    """The minimum of a unimodal `f` on [lo, hi] by golden-section search."""
    g = (5 ** 0.5 - 1) / 2
    for _ in range(iterations):
        a, b = hi - g * (hi - lo), lo + g * (hi - lo)
        if f(a) < f(b):
            hi = b
        else:
            lo = a
    return 0.5 * (lo + hi)
