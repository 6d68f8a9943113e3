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

__all__ = ["Check", "CHECKS", "audit", "audit_checks", "audit_summary"]


@dataclass(frozen=True)
class Check:
    """One registered check: a name, the ``kind`` of the findings it returns, the function, and what
    it ``examines`` (a check returns one finding for each such thing it finds, consistent or not, so a
    check with no finding in a document found none: "no " + ``examines`` says why it could not apply)."""

    name: str
    kind: str
    run: Callable[[Doc], list[Finding]]
    examines: str
    needs: str = ""  # "table": runs only for documents with an indicator table


CHECKS: list[Check] = [
    Check("stated_growth", "stated_growth_rate", growth.stated_growth, "stated growth rate (年均增长, 增长了N倍, 为…的N倍)"),
    Check("table_increase", "table_increase", statements.table_increase, "indicator table with 增幅", needs="table"),
    Check("duplicates", "table_vs_text|repeated_statement", statements.duplicates, "target stated twice"),
    Check("table_vs_text_baselines", "table_vs_text", statements.table_vs_text_baselines,
          "base value in both a table and the text"),
    Check("increments", "related_figures", related.increments, "increase target beside its level target"),
    Check("same_indicator_twice", "related_figures", related.same_indicator_twice,
          "indicator targeted twice for one year"),
    Check("vs_history", "implied_growth_vs_history", history.vs_history, "stated history of a targeted indicator"),
    Check("stock_vs_flow", "implied_growth_vs_history", history.stock_vs_flow, "stock target with its feeding flow"),
    Check("magnitude", "magnitude", related.magnitude, "two creation flows targeted for one year"),
    Check("part_whole", "arithmetic", related.part_whole, "part and whole stated for one year"),
    Check("task_counts", "arithmetic", textchecks.task_counts, "announced number of tasks (N项任务)"),
    Check("k_plus_n_lists", "arithmetic", textchecks.k_plus_n_lists, "“K+n” list"),
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

    Parameters
    ----------
    doc_id : str, optional
        One document (default: all).
    targets, baselines : DataFrame, optional
        Target and baseline rows (default: the validated tables).
    tables : dict, optional
        doc_id → parsed indicator table (default: parsed from ``texts``).
    texts : dict, optional
        doc_id → raw text (default: the raw files).

    Returns
    -------
    DataFrame
        One row per check, sorted as above.

    >>> a = audit("cangshan_2013").set_index("check_id")
    >>> a.loc["CS-magnitude-trademark_applications_annual", ["status", "recomputed"]].tolist()
    ['needs_review', '1800 / 15 = 120.0× (CS-14 patent_applications_annual)']
    >>> audit("nowhere")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.UnknownDocumentError: unknown doc_id 'nowhere'; valid: cangshan_2013, guiyang_2022, nanchang_2021, national_2015, ordos_2022
    """
    found: list[Finding] = []
    for _, doc_found in _run_by_document(doc_id, targets, baselines, tables, texts):
        _unique_ids([f for fs in doc_found.values() for f in fs])
        found += [f for fs in doc_found.values() for f in fs]
    return to_frame(found)


def _run_by_document(doc_id, targets, baselines, tables, texts):
    """Each document with the findings of every check (check name → findings), in :data:`CHECKS` order."""
    if doc_id is not None:
        check_doc_id(doc_id)
    for d in _docs([doc_id] if doc_id is not None else _doc_ids(), targets, baselines, tables, texts):
        yield d, {c.name: ([] if c.needs == "table" and d.table is None else c.run(d)) for c in CHECKS}


def audit_checks(doc_id: str | None = None, targets: pd.DataFrame | None = None,
               baselines: pd.DataFrame | None = None, tables: dict[str, pd.DataFrame] | None = None,
               texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Which checks applied to each document and what they found: one row per document × check.

    Columns ``doc_id, check, kind, applied, findings, consistent, needs_review, inconsistent, reason``:
    ``applied`` is True when the check found something to examine (``findings`` of them, by status);
    else ``reason`` says what the document lacks ("no stated growth rate …"), so that a document with
    no finding is never read as checked and clean.  Arguments as in :func:`audit`.

    Parameters
    ----------
    doc_id : str, optional
        One document (default: all).
    targets, baselines : DataFrame, optional
        As in :func:`audit`.
    tables, texts : dict, optional
        As in :func:`audit`.

    Returns
    -------
    DataFrame
        One row per document × check.

    >>> c = audit_checks("nanchang_2021")
    >>> int(c["applied"].sum()), c.set_index("check").loc["vs_history", "reason"]
    (0, 'no stated history of a targeted indicator')
    >>> c = audit_checks("ordos_2022").set_index("check")
    >>> bool(c.loc["stated_growth", "applied"]), int(c.loc["stated_growth", "findings"])
    (True, 5)
    """
    rows = []
    for d, doc_found in _run_by_document(doc_id, targets, baselines, tables, texts):
        for c in CHECKS:
            fs = doc_found[c.name]
            n = {s: sum(f.status == s for f in fs) for s in ("consistent", "needs_review", "inconsistent")}
            rows.append({"doc_id": d.doc_id, "check": c.name, "kind": c.kind, "applied": bool(fs),
                         "findings": len(fs), **n, "reason": "" if fs else f"no {c.examines}"})
    return pd.DataFrame(rows, columns=["doc_id", "check", "kind", "applied", "findings", "consistent",
                                       "needs_review", "inconsistent", "reason"])


def audit_summary(checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per document from :func:`audit_checks`: ``findings`` (checks run on a figure), ``to_review``
    (needs_review or inconsistent), ``applied`` of ``checks`` kinds of check, ``not_applicable``: why
    each other check could not apply (``; ``-separated), and ``not_applicable_checks``: those checks' names
    (``; ``-separated, in the same order; the pages word them in their language).

    >>> s = audit_summary().set_index("doc_id")
    >>> s.loc["nanchang_2021", ["findings", "applied"]].tolist(), s.loc["nanchang_2021", "not_applicable"].split("; ")[0]
    ([0, 0], 'no stated growth rate (年均增长, 增长了N倍, 为…的N倍)')
    """
    checks = audit_checks() if checks is None else checks
    rows = []
    for doc_id, g in checks.groupby("doc_id", sort=False):
        rows.append({"doc_id": doc_id, "findings": int(g["findings"].sum()),
                     "to_review": int(g["needs_review"].sum() + g["inconsistent"].sum()),
                     "applied": int(g["applied"].sum()), "checks": len(g),
                     "not_applicable": "; ".join(g.loc[~g["applied"], "reason"]),
                     "not_applicable_checks": "; ".join(g.loc[~g["applied"], "check"])})
    return pd.DataFrame(rows, columns=["doc_id", "findings", "to_review", "applied", "checks", "not_applicable",
                                       "not_applicable_checks"])
