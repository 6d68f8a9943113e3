"""Plain papermill works: the notebooks run with the papermill CLI from any working directory (as a
cron job would), and a bad parameter fails at once, in the cell after ``parameters``, with one clear
ValueError naming the bad value and the valid ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
PAPERMILL = Path(sys.executable).parent / "papermill"
VALID = ["cangshan_2013", "guiyang_2022", "nanchang_2021", "national_2015", "ordos_2022"]
pytestmark = pytest.mark.xdist_group("report-kernels")


def papermill(notebook: str, out: Path, *params: str, cwd: Path) -> subprocess.CompletedProcess:
    args = [str(PAPERMILL), str(ROOT / "notebooks" / notebook), str(out), "--no-progress-bar"]
    for p in params:
        args += ["-p", *p.split("=", 1)]
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("notebook, params", [
    ("attainment.ipynb", ["doc_id=guiyang_2022"]),
    ("trajectories.ipynb", ["doc_id=nanchang_2021", "method=linear"]),
])
def test_papermill_cli_from_a_temporary_folder(tmp_path, notebook, params):
    out = tmp_path / "out.ipynb"
    proc = papermill(notebook, out, *params, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    nb = nbformat.read(out, as_version=4)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert errors == []
    assert params[0].split("=")[1] in "".join(c.source for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))


def test_papermill_cli_bad_doc_id_names_it_and_the_valid_ids(tmp_path):
    out = tmp_path / "out.ipynb"
    proc = papermill("attainment.ipynb", out, "doc_id=atlantis", cwd=tmp_path)
    assert proc.returncode != 0
    assert "atlantis" in proc.stderr and all(d in proc.stderr for d in VALID), proc.stderr[-3000:]
    nb = nbformat.read(out, as_version=4)
    failing = [i for i, c in enumerate(nb.cells) for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert len(failing) == 1
    error = next(o for o in nb.cells[failing[0]].outputs if o["output_type"] == "error")
    assert error["ename"] == "UnknownDocumentError" and "atlantis" in error["evalue"]
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    params_at = next(i for i in code if "parameters" in nb.cells[i].metadata.get("tags", []))
    # the first code cell after the parameters (and papermill's injected parameters) is the check
    assert failing[0] == next(i for i in code if i > params_at and "injected-parameters" not in
                              nb.cells[i].metadata.get("tags", []))


@pytest.mark.parametrize("notebook, param, value, message", [
    ("attainment.ipynb", "as_of", "last-year", "YYYY or YYYY-MM-DD"),
    ("attainment.ipynb", "observations", "no/such.csv", "observations file not found"),
    ("trajectories.ipynb", "method", "cubic", "valid: compound, linear"),
])
def test_parameter_check_cell(notebook, param, value, message):
    """The check cell alone, in-process: each bad value raises one ValueError naming it."""
    import ipanalysis as ip

    nb = nbformat.read(ROOT / "notebooks" / notebook, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    at = next(i for i, c in enumerate(code) if "parameters" in c.metadata.get("tags", []))
    scope: dict = {}
    exec(code[at].source, scope)  # noqa: S102  (the notebook's own defaults)
    scope[param] = value
    with pytest.raises(ValueError, match=message) as err:
        exec(code[at + 1].source, scope)  # noqa: S102
    assert value in str(err.value)
    assert isinstance(err.value, ValueError) and ip.check_parameters is not None
