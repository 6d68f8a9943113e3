"""Fixtures shared by the report tests: a writable copy of the fixture notebooks, and a guard that no
worker pool (so no kernel) starts.  (Plain helpers: ``report_helpers.py``.)"""

from __future__ import annotations

import concurrent.futures
import shutil

import pytest

from ipanalysis.report import worker
from report_helpers import FIXTURES



@pytest.fixture
def nbdir(tmp_path):
    """A writable copy of the fixture notebooks."""
    dst = tmp_path / "nb"
    shutil.copytree(FIXTURES, dst)
    return dst


@pytest.fixture
def no_pool(monkeypatch):
    """Make starting a worker pool (and so any kernel) an error."""
    def refuse(*args, **kwargs):
        raise AssertionError("the process pool must not be started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    monkeypatch.setattr(worker, "run_report", refuse)

