"""Helpers shared by the extractor tests (imported as ``extract_helpers``; pytest puts this folder on the path)."""

from __future__ import annotations

from pathlib import Path

from ipanalysis.extractor import extract

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "extract"


def one(text: str, **kw) -> dict:
    """The single candidate target of ``text`` as a dict (fails when there is not exactly one)."""
    df = extract(text, **kw)
    assert len(df) == 1, df[["indicator_zh", "value", "value_text", "why"]].to_string()
    return df.iloc[0].to_dict()
