"""docs/notebooks/virtual_trial.ipynb executed with Debian's nbclient and ipykernel (the kernel
inherits PYTHONPATH, so it imports the brainload package of this build), then its printed
summary compared with `brainload run --summary-json` for the same scenario, agents and seed.
The notebook file itself is not changed (it is executed in memory)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(os.environ["BRAINLOAD_ROOT"])
EXE = os.environ["BRAINLOAD_EXE"]
NOTEBOOK = ROOT / "docs" / "notebooks" / "virtual_trial.ipynb"


def test_notebook_runs_and_matches_the_command(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == []
    figures = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if "image/png" in o.get("data", {})]
    assert len(figures) == 2, "the contrasts and the afternoon traces"
    last = nb.cells[-1]
    printed = "".join(o.get("text", "") for o in last.outputs if o.get("name") == "stdout")
    summary = json.loads(printed)
    cli = subprocess.run([EXE, "run", str(ROOT / "scenarios" / "lisa_trial.toml"), "--agents",
                          "300", "--seed", "1", "--quiet", "--summary-json", "-", "--out",
                          str(tmp_path / "lisa.h5")],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert cli.returncode == 0, cli.stderr
    assert summary == json.loads(cli.stdout)
