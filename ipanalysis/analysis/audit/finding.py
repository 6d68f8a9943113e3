"""Structured audit findings, and the one frame they become.

A check returns :class:`Finding` objects; :func:`to_frame` turns them into the table
:func:`ipanalysis.audit` returns (columns :data:`COLUMNS`, sorted inconsistent →
needs_review → consistent, then by doc_id and check_id).

>>> f = Finding("OR-x", "ordos_2022", "magnitude", "k", "1", "q", "2", "", "consistent", "Fine.")
>>> to_frame([f])[["check_id", "status"]].values.tolist()
[['OR-x', 'consistent']]
"""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass, field, fields

import pandas as pd

from ...errors import IpanalysisError

__all__ = ["Finding", "to_frame", "KINDS", "STATUSES", "COLUMNS", "ORDER", "worse"]

KINDS = ("stated_growth_rate", "table_increase", "table_vs_text", "repeated_statement", "related_figures",
         "implied_growth_vs_history", "magnitude", "arithmetic")
STATUSES = ("inconsistent", "needs_review", "consistent")
ORDER = {s: i for i, s in enumerate(STATUSES)}


@dataclass
class Finding:
    """One check of one document: what it states, what recomputing gives, and the verdict.

    ``stated_quote`` is a verbatim substring of the raw text; ``other_quote`` (the related
    statement) is empty when it is already inside ``stated_quote``.  ``stated``, ``recomputed`` and
    ``explanation`` are English, for library users; ``note`` names the case as a code and ``args`` holds
    its figures and names (JSON text in the frame), from which a page words the three cells in its own
    language (:mod:`ipanalysis.present.auditwords`).
    """

    check_id: str
    doc_id: str
    kind: str
    indicator: str
    stated: str
    stated_quote: str
    recomputed: str
    other_quote: str
    status: str
    explanation: str
    note: str = ""
    args: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.kind not in KINDS or self.status not in STATUSES:
            raise IpanalysisError(f"bad finding {self.check_id}: kind {self.kind!r}, status {self.status!r}")
        self.stated_quote = self.stated_quote or ""
        if not isinstance(self.other_quote, str) or not self.other_quote or self.other_quote in self.stated_quote:
            self.other_quote = ""


COLUMNS = [f.name for f in fields(Finding)]


def worse(a: str, b: str) -> str:
    """The more serious of two statuses.

    >>> worse("consistent", "needs_review")
    'needs_review'
    """
    return a if ORDER[a] < ORDER[b] else b


def _unique_ids(found: list[Finding]) -> None:
    """Number repeated check ids within one document: id, id-2, id-3 …"""
    seen: dict[str, int] = {}
    for f in found:
        seen[f.check_id] = seen.get(f.check_id, 0) + 1
        if seen[f.check_id] > 1:
            f.check_id = f"{f.check_id}-{seen[f.check_id]}"


def to_frame(found: list[Finding]) -> pd.DataFrame:
    """Findings as a DataFrame with :data:`COLUMNS`, most serious first (``args`` as JSON text)."""
    rows = sorted(found, key=lambda f: (ORDER[f.status], f.doc_id, f.check_id))
    return pd.DataFrame([(*astuple(f)[:-1], json.dumps(f.args, ensure_ascii=False, sort_keys=True)) for f in rows],
                        columns=COLUMNS)
