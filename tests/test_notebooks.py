"""Notebooks: paired with py:percent, one parameters cell, and nbval really compares outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_four_notebooks_exist():
    assert {p.stem for p in NOTEBOOKS} >= {"compare", "trajectories", "attainment", "audit"}


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_paired_script_matches_notebook(nb_path):
    """The .py:percent twin is what reviewers read: it must be the same code as the .ipynb."""
    py = nb_path.with_suffix(".py")
    assert py.is_file(), f"{py.name} missing: run `jupytext --sync {nb_path.name}`"
    script = jupytext.read(py)
    nb = nbformat.read(nb_path, as_version=4)
    cells = lambda n: [(c.cell_type, c.source.strip()) for c in n.cells]  # noqa: E731
    assert cells(script) == cells(nb), "notebook and script differ: run tools/refresh_notebooks.py"


@pytest.mark.parametrize("nb_path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_parameters_cell_and_committed_outputs(nb_path):
    nb = nbformat.read(nb_path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "commit executed notebooks"
    for c in code:
        for o in c.get("outputs", []):
            assert o["output_type"] != "error", f"{nb_path.name}: committed error output"
            text = o.get("text", "") + json.dumps(o.get("data", {}).get("text/plain", ""))
            assert "missing from font" not in text and "Warning" not in text, text[:300]
    assert not any("execution" in c.metadata for c in code), "timing metadata makes outputs nondeterministic"


def test_nbval_fails_when_a_committed_table_is_wrong(tmp_path):
    """Change one number in a committed table output: strict nbval must report a mismatch."""
    src = ROOT / "notebooks" / "compare.ipynb"
    nb = nbformat.read(src, as_version=4)
    changed = False
    for c in nb.cells:
        for o in c.get("outputs", []):
            data = o.get("data", {})
            if not changed and "text/plain" in data and "Cangshan" in data["text/plain"] and "1,000家" in data["text/plain"]:
                data["text/plain"] = data["text/plain"].replace("1,000家", "1,001家", 1)
                data["text/html"] = data.get("text/html", "").replace("1,000家", "1,001家", 1)
                changed = True
    assert changed, "expected the harmonised matrix (with 1,000) in compare.ipynb"
    bad = tmp_path / "compare.ipynb"
    nbformat.write(nb, bad)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                          "--nbval", "--nbval-current-env", str(bad), "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
                          "--rootdir", str(tmp_path), "-c", os.devnull],
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600)
    assert res.returncode != 0, res.stdout[-2000:]
    assert "1,001" in res.stdout and "1,000" in res.stdout  # nbval shows expected vs obtained
