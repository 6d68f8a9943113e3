"""Shared fixtures: a throw-away copy of data/ that a test may corrupt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ selected through $IPANALYSIS_DATA; returns its path."""
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    monkeypatch.setenv("IPANALYSIS_DATA", str(dst))
    return dst


@pytest.fixture(autouse=True)
def _close_figures():
    """Charts made by a test are closed after it (pyplot keeps every open figure alive)."""
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
