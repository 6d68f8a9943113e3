"""Rebuild notebooks/*.ipynb from their py:percent twins and execute them, deterministically.

    python tools/refresh_notebooks.py            # all notebooks
    python tools/refresh_notebooks.py audit      # one

The .py file is the source of truth for review; the .ipynb carries the outputs that nbval
compares.  No timing metadata, fixed execution counts, default parameters, and cell ids made
from the cell's position and source (jupytext would draw random ones), so a refresh of
unchanged code leaves the .ipynb byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def refresh(stem: str) -> Path:
    src = NOTEBOOKS / f"{stem}.py"
    nb = jupytext.read(src)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell.id = hashlib.sha1(f"{stem}:{i}:{cell.source}".encode()).hexdigest()[:8]
    nb.metadata.pop("widgets", None)
    nb.metadata.setdefault("jupytext", {})["formats"] = "ipynb,py:percent"
    dst = NOTEBOOKS / f"{stem}.ipynb"
    tmp = dst.with_suffix(".ipynb.tmp")
    nbformat.write(nb, tmp)
    tmp.replace(dst)
    return dst


if __name__ == "__main__":
    stems = sys.argv[1:] or sorted(p.stem for p in NOTEBOOKS.glob("*.py"))
    for s in stems:
        print(refresh(s))
