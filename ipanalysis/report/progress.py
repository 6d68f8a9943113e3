"""``progress.html``: every target of the local plans at a glance, one grid by document and indicator group.

The numbers are :func:`ipanalysis.attainment`'s, computed per document with the parameters of the report that
feeds its landing-page card (:func:`~ipanalysis.report.index.card_parameters`), so a grid cell never disagrees
with the attainment page it links: the frames are the build's (:class:`~.attainments.Attainments`), the ones
the landing cards and the data-wanted page show.  **Which documents**: the local plans (below the national level, as
:func:`~ipanalysis.analysis.wanted.local_doc_ids`); a national plan joins them only when attainment judges
one of its targets: its targets are requirements on every demonstration city, so no figure of one place
judges them unless one is given.  **Indicator groups**: the ``category`` of ``data/indicators.csv`` (words in
:mod:`ipanalysis.present.glossary`).

>>> f = progress_frame(Attainments().frames({}, local_doc_ids()))
>>> sorted(set(f["doc_id"]))
['cangshan_2013', 'guiyang_2022', 'nanchang_2021', 'ordos_2022']
>>> int((f["status"] == "no_data").sum()) == len(f) - int((f["status"] != "no_data").sum())
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..analysis.progress import JUDGED
from ..analysis.wanted import local_doc_ids
from ..present.glossary import GROUPS, group_label
from ..present.colours import STATUS_ORDER, status_colour
from ..present.vocabulary import label, status_label
from .attainments import Attainments  # noqa: F401 (the doctest's)

__all__ = ["progress_frame", "grid", "left_out", "target_href", "READINGS", "COLUMNS"]

#: The three methods' columns of attainment, with their names (en, zh).
READINGS = (("schedule_status", "序时进度", "序时进度"), ("opensdg_status", "Open SDG", "Open SDG"),
            ("unsd_status", "UNSD 2023", "UNSD 2023"))
COLUMNS = ["doc_id", "target_id", "indicator", "indicator_zh", "group", "target_year", "status", "status_low",
           "status_high", "schedule_status", "opensdg_status", "unsd_status", "obs_period_end", "comparator"]


def progress_frame(frames: Mapping[str, pd.DataFrame], national: bool = False) -> pd.DataFrame:
    """One row per target of the grid's documents (:data:`COLUMNS`), in document and target order; with
    ``national`` the rows of the national plan(s) instead (shown in the grid only when one is judged).
    ``frames``: doc_id → its attainment frame (with the card report's ``observations``/``as_of``); the
    documents of the kind asked for that it has."""
    import ipanalysis as ip

    docs = ip.documents()
    local = set(local_doc_ids())
    group = dict(zip(ip.indicators()["key"], ip.indicators()["category"]))
    rows = []
    for doc_id in docs["doc_id"]:
        if (doc_id in local) == national or doc_id not in frames:
            continue
        a = frames[doc_id]
        rows.append(a.assign(group=a["indicator"].map(group).fillna("other")).reindex(columns=COLUMNS))
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=COLUMNS)


def left_out(national: pd.DataFrame) -> list[dict[str, Any]]:
    """The national plans left out of the grid (none of their targets judged): doc_id, targets, counts.

    >>> left_out(pd.DataFrame({"doc_id": ["n", "n"], "status": ["no_data", "no_data"]}))
    [{'doc_id': 'n', 'n': 2, 'counts': {'no_data': 2}}]
    """
    out = []
    for doc_id, g in national.groupby("doc_id", sort=False):
        if not g["status"].isin(JUDGED).any():
            out.append({"doc_id": doc_id, "n": len(g), "counts": g["status"].value_counts().to_dict()})
    return out


def target_href(page: Mapping[str, Any] | None, target_id: str) -> str | None:
    """The link of a target: its row (``#t-<id>``) on its attainment page when the page has that anchor, the
    page when it has not, nothing without a page.  ``page``: ``{"href", "anchors"}``.

    >>> target_href({"href": "attainment-x.html", "anchors": ["X-1"]}, "X-1"), target_href({"href": "a.html", "anchors": []}, "X-1")
    ('attainment-x.html#t-X-1', 'a.html')
    """
    if not page:
        return None
    return f"{page['href']}#t-{target_id}" if target_id in page.get("anchors", ()) else page["href"]


def _cell(t: Mapping[str, Any], lang: str, page: Mapping[str, Any] | None) -> dict[str, Any]:
    low, high = t["status_low"], t["status_high"]
    low = low if isinstance(low, str) else None
    high = high if isinstance(high, str) else None
    return {"target_id": t["target_id"], "indicator": t["indicator_zh"], "status": t["status"],
            "status_words": status_label(t["status"], low, high, lang), "colour": status_colour(t["status"]),
            "readings": [{"method": (en, zh)[lang == "zh"], "code": t[col], "words": label(t[col], lang)
                          if isinstance(t[col], str) else label("no_data", lang)} for col, en, zh in READINGS],
            "href": target_href(page, t["target_id"]), "target_year": t["target_year"],
            "latest": t["obs_period_end"] if isinstance(t["obs_period_end"], str) else None}


def grid(frame: pd.DataFrame, docs: list[dict], lang: str, pages: Mapping[str, str]) -> dict[str, Any]:
    """The grid and the chart's counts in ``lang``: ``columns`` (the documents), ``rows`` (one per indicator
    group the targets have, in :data:`~ipanalysis.present.glossary.GROUPS` order), each with one list of
    cells per document; ``counts`` (doc_id → status → n, best first).  ``pages``: doc_id → its attainment page,
    ``{"href", "anchors"}`` (the target ids it has rows for; a document without a page is not linked)."""
    order = [g for g in GROUPS if g in set(frame["group"])] + sorted(set(frame["group"]) - set(GROUPS))
    shown = [d for d in docs if d["doc_id"] in set(frame["doc_id"])]
    rows = []
    for g in order:
        sub = frame[frame["group"] == g]
        rows.append({"group": g, "label": group_label(g, lang),
                     "cells": [[_cell(t, lang, pages.get(d["doc_id"])) for t in
                                sub[sub["doc_id"] == d["doc_id"]].to_dict("records")] for d in shown]})
    counts = {}
    for d in shown:
        vc = frame.loc[frame["doc_id"] == d["doc_id"], "status"].value_counts()
        counts[d["doc_id"]] = {s: int(vc[s]) for s in STATUS_ORDER if s in vc} | \
                              {str(s): int(n) for s, n in vc.items() if s not in STATUS_ORDER}
    return {"columns": shown, "rows": rows, "counts": counts}
