"""Internal-consistency audit: check each document against itself.

Method: every figure a document derives from its own numbers is recomputed from those
numbers and compared with what the document says, at the precision the document writes
(a stated growth rate, a table's 增幅 column, a figure stated twice, a table row against the
text, a part against its whole, a count of listed items).  Targets are also set against
the document's own history (the growth it reports for the same indicator).  Nothing here
uses outside data.

The audit is a registry of checks (:data:`CHECKS`, in :mod:`.registry`), one module per
family, each a function from one document (:class:`~.context.Doc`) to structured
:class:`Finding` objects, which :func:`audit` turns into one DataFrame.  Knowledge about
particular documents and indicators is data, not code:

* ``documents.csv`` ``indicator_table_title`` — the title of a document's flattened indicator
  table (the table checks run only where it is filled in);
* ``indicator_relations.csv`` — part-of, increment-of and stock/flow pairs of indicators;
* ``stated_reasons.csv`` — keywords that mark a stated reason for growth unlike the past.

The kinds of check (column ``kind``): ``stated_growth_rate`` (:mod:`.growth`),
``table_increase``, ``table_vs_text``, ``repeated_statement`` (:mod:`.statements`),
``related_figures``, ``magnitude``, ``arithmetic`` (:mod:`.related`, :mod:`.textchecks`),
``implied_growth_vs_history`` (:mod:`.history`).  Decision bands: :data:`HISTORY_RATIO`,
:data:`STOCK_FLOW_BAND`, :data:`MAGNITUDE_FACTOR`, and the rounding rule of
:func:`rounding_status` (:mod:`.numbers`).

Which checks applied to a document, and why the others could not (:func:`audit_checks`), is reported
beside the findings: a document with no finding has not been shown to be clean.

>>> a = audit("ordos_2022").set_index("check_id")
>>> a.loc["OR-cagr-patent_grants_annual", ["kind", "status"]].tolist()
['stated_growth_rate', 'consistent']
>>> a.loc["OR-cagr-patent_grants_annual", "recomputed"]
'(2748/550)^(1/5) − 1 = 37.95%'
>>> a.loc["OR-history-patent_grants_annual", "status"]
'needs_review'
"""

from __future__ import annotations

from .finding import COLUMNS, KINDS, STATUSES, Finding
from .history import HISTORY_RATIO, STOCK_FLOW_BAND
from .numbers import decimals, rounding_error, rounding_status
from .registry import CHECKS, Check, audit, audit_checks, audit_summary
from .related import MAGNITUDE_CATEGORIES, MAGNITUDE_FACTOR

__all__ = [
    "audit", "audit_checks", "audit_summary", "rounding_status", "decimals", "rounding_error", "KINDS", "STATUSES", "COLUMNS", "Finding",
    "Check", "CHECKS", "HISTORY_RATIO", "STOCK_FLOW_BAND", "MAGNITUDE_FACTOR", "MAGNITUDE_CATEGORIES",
]
