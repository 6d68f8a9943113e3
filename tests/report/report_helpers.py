"""Helpers shared by the report tests (imported by name, as tests/extractor/extract_helpers.py is)."""

from __future__ import annotations

import json
from pathlib import Path

#: The tiny fixture notebooks of the report tests.
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "report"


def write_matrix(nbdir: Path, entries) -> Path:
    """``entries`` as ``reports.json`` in ``nbdir``; returns its path."""
    path = nbdir / "reports.json"
    path.write_text(json.dumps({"reports": entries}), encoding="utf-8")
    return path
