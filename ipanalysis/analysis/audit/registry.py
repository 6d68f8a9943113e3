"""The registry: every check the audit runs, in order, and the entry point that runs them.

A check is a plain function ``Doc → list[Finding]``; :data:`CHECKS` lists them with the kind of
finding each produces and what it needs.  Adding a check = writing the function in the module
of its family and adding one :class:`Check` line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ...data import baselines as _load_baselines
from ...data import documents as _load_documents
from ...data import indicator_relations as _load_relations
from ...data import indicators as _load_indicators
from ...data import stated_reasons as _load_reasons
from ...data import targets as _load_targets
from ...data.sources import check_doc_id, raw_text
from ...data.sources import doc_ids as _doc_ids
from ...data.tables import parse_flat_table
from . import growth, history, related, statements, textchecks
from .context import Doc, ReasonRule, Relations, prefix, records
from .finding import Finding, _unique_ids, to_frame

__all__ = ["Check", "CHECKS", "audit"]


@dataclass(frozen=True)
class Check:
    """One registered check: a name, the ``kind`` of the findings it returns, and the function."""

    name: str
    kind: str
    run: Callable[[Doc], list[Finding]]
    needs: str = ""  # "table": runs only for documents with an indicator table


CHECKS: list[Check] = [
    Check("stated_growth", "stated_growth_rate", growth.stated_growth),
    Check("table_increase", "table_increase", statements.table_increase, needs="table"),
    Check("duplicates", "table_vs_text|repeated_statement", statements.duplicates),
    Check("table_vs_text_baselines", "table_vs_text", statements.table_vs_text_baselines),
    Check("increments", "related_figures", related.increments),
    Check("same_indicator_twice", "related_figures", related.same_indicator_twice),
    Check("vs_history", "implied_growth_vs_history", history.vs_history),
    Check("stock_vs_flow", "implied_growth_vs_history", history.stock_vs_flow),
    Check("magnitude", "magnitude", related.magnitude),
    Check("part_whole", "arithmetic", related.part_whole),
    Check("task_counts", "arithmetic", textchecks.task_counts),
    Check("k_plus_n_lists", "arithmetic", textchecks.k_plus_n_lists),
]


def _docs(doc_ids, targets, baselines, tables, texts) -> list[Doc]:
    """Each document as the checks see it (rows, text, parsed table, relations, reason rules)."""
    t_all = records(_load_targets() if targets is None else targets)
    b_all = records(_load_baselines() if baselines is None else baselines)
    cat = dict(zip(*_load_indicators()[["key", "category"]].T.values))
    titles = {d: t for d, t in zip(*_load_documents()[["doc_id", "indicator_table_title"]].T.values)
              if isinstance(t, str) and t}
    rel_rows = records(_load_relations())
    reasons = [ReasonRule.from_row(r) for r in records(_load_reasons())]
    out = []
    for doc in doc_ids:
        t = [x for x in t_all if x["doc_id"] == doc]
        b = [x for x in b_all if x["doc_id"] == doc]
        text = texts[doc] if texts is not None and doc in texts else raw_text(doc)
        table = tables.get(doc) if tables is not None else None
        if table is None and doc in titles:
            table = parse_flat_table(text, titles[doc])
        out.append(Doc(doc, prefix(doc, t, b), t, b, text, None if table is None else records(table), cat,
                       Relations.from_rows(rel_rows, doc), reasons))
    return out


def audit(doc_id: str | None = None, targets: pd.DataFrame | None = None, baselines: pd.DataFrame | None = None,
          tables: dict[str, pd.DataFrame] | None = None, texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Check each document against itself: one row per check.

    ``targets`` / ``baselines`` default to the validated tables; ``tables`` (doc_id → parsed
    indicator table, as :func:`ipanalysis.data.tables.parse_flat_table` returns) defaults to
    parsing, out of ``texts`` (doc_id → raw text, default the raw files), the table under each
    document's ``indicator_table_title`` (documents.csv).  Pass corrupted copies to see a check
    fail; nothing is modified.

    Columns :data:`~ipanalysis.analysis.audit.COLUMNS`; ``kind`` in ``KINDS``; ``status`` in ``STATUSES``.
    Sorted inconsistent → needs_review → consistent, then by doc_id and check_id.

    >>> a = audit("cangshan_2013").set_index("check_id")
    >>> a.loc["CS-magnitude-trademark_applications_annual", ["status", "recomputed"]].tolist()
    ['needs_review', '1800 / 15 = 120.0× (CS-14 patent_applications_annual)']
    >>> audit("nowhere")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.UnknownDocumentError: unknown doc_id 'nowhere'; valid: cangshan_2013, guiyang_2022, nanchang_2021, national_2015, ordos_2022
    """
    if doc_id is not None:
        check_doc_id(doc_id)
    found: list[Finding] = []
    for d in _docs([doc_id] if doc_id is not None else _doc_ids(), targets, baselines, tables, texts):
        doc_found = []
        for check in CHECKS:
            if check.needs == "table" and d.table is None:
                continue
            doc_found += check.run(d)
        _unique_ids(doc_found)
        found += doc_found
    return to_frame(found)
