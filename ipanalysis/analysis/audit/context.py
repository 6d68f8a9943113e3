"""What a check sees of one document: its rows, its text, its indicator table, and the relations
between indicators (from ``data/indicator_relations.csv``) and reason keywords (from
``data/stated_reasons.csv``) that apply to it.  Nothing about a particular document is coded
here: a document's indicator table is found by its ``indicator_table_title`` in documents.csv.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["Doc", "Relations", "ReasonRule", "records", "is_table"]


def records(df: pd.DataFrame) -> list[dict]:
    """Rows as plain dicts with missing cells as None (plain Python keeps audit() fast)."""
    out = []
    for rec in df.to_dict("records"):
        out.append({k: (None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v)
                    for k, v in rec.items()})
    return out


def is_table(row: dict) -> bool:
    """A row quoting an indicator table: it has a ``table_unit`` or its section is a table (表)."""
    sec, tu = row.get("section"), row.get("table_unit")
    return (isinstance(sec, str) and "(表)" in sec) or (isinstance(tu, str) and tu != "")


@dataclass(frozen=True)
class Relations:
    """The indicator relations that hold in one document.

    ``part_of``: part → (whole, strict).  Strict: the part is a subset of the whole, so part >
    whole is an error.  Not strict: a same-year cohort relation (grants come from earlier years'
    applications), so part > whole is possible but worth a look.
    ``increment_of``: increment key → the level key it adds to ("地理标志增加2个" vs "增加至28件").
    ``stock_flow``: stock key → the annual flow that feeds it.
    """

    part_of: dict[str, tuple[str, bool]] = field(default_factory=dict)
    increment_of: dict[str, str] = field(default_factory=dict)
    stock_flow: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: list[dict], doc_id: str) -> "Relations":
        part_of, increment_of, stock_flow = {}, {}, {}
        for r in rows:
            if r["doc_id"] not in (None, doc_id):
                continue
            if r["relation"] == "part_of":
                part_of[r["indicator"]] = (r["other_indicator"], r["strict"] == "yes")
            elif r["relation"] == "increment_of":
                increment_of[r["indicator"]] = r["other_indicator"]
            elif r["relation"] == "stock_flow":
                stock_flow[r["indicator"]] = r["other_indicator"]
        return cls(part_of, increment_of, stock_flow)

    def related(self, a: str, b: str) -> bool:
        """One indicator is part of the other (either way round)."""
        return self.part_of.get(a, (None,))[0] == b or self.part_of.get(b, (None,))[0] == a


@dataclass(frozen=True)
class ReasonRule:
    """Words that, found together in one sentence, state a reason for growth unlike the past."""

    direction: str          # "slower" or "faster" than the document's own history
    indicators: tuple[str, ...]  # catalogue keys it covers; empty = every indicator
    all_of: tuple[str, ...]
    any_of: tuple[str, ...]
    reason_en: str

    @classmethod
    def from_row(cls, r: dict) -> "ReasonRule":
        split = (lambda s: tuple(w for w in (s or "").split(";") if w))
        return cls(r["direction"], split(r["indicators"]), split(r["all_of"]), split(r["any_of"]), r["reason_en"])

    def covers(self, direction: str, indicator: str) -> bool:
        return self.direction == direction and (not self.indicators or indicator in self.indicators)

    def matches(self, sentence: str) -> bool:
        return all(w in sentence for w in self.all_of) and (
            not self.any_of or any(w in sentence for w in self.any_of))


@dataclass
class Doc:
    """One document as the checks see it.  ``prefix`` starts every check id (``OR``, ``GY`` …)."""

    doc_id: str
    prefix: str
    targets: list[dict]
    baselines: list[dict]
    text: str
    table: list[dict] | None
    categories: dict[str, str]
    relations: Relations
    reasons: list[ReasonRule]


def prefix(doc_id: str, t: list[dict], b: list[dict]) -> str:
    """The id prefix of a document's rows (``OR`` from ``OR-01``), else from its doc_id.

    Parameters
    ----------
    doc_id : str
        The document.
    t, b : list of dict
        Its target and baseline rows.

    Returns
    -------
    str
        The prefix of the first row's id, else the doc_id's first word in capitals.
    """
    ids = [x["target_id"] for x in t] + [x["baseline_id"] for x in b]
    return str(ids[0]).split("-")[0] if ids else doc_id.split("_")[0].upper()
