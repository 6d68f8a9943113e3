"""``data-wanted.html``: per local plan, the rows :func:`ipanalysis.wanted` writes, in a reader's words.

Each row: the indicator (Chinese and English name), what kind of figure (the vocabulary's measure words), the
period, the unit, the scope (the plan's place as a whole), which targets it would settle (their ids, linked to
their rows on the attainment page when it exists), and what ``data/search_logs/`` says was already searched.
The rows are :func:`~ipanalysis.analysis.wanted.wanted`'s, one for one (``key`` names each), of the attainment
frame the progress grid and the landing card show (:class:`~.attainments.Attainments`), as of the card's ``as_of``.

>>> d = wanted_documents(wanted_data({}, Attainments().frames({}, local_doc_ids())), lambda doc_id: None, "en")
>>> [x["doc_id"] for x in d]
['guiyang_2022', 'cangshan_2013', 'nanchang_2021', 'ordos_2022']
>>> gy = d[0]["rows"][0]; gy["indicator"], gy["period"], gy["scope"]
('知识产权保护社会满意度 Public satisfaction with IP protection', 'the year 2025', 'the whole city (贵阳市)')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from ..analysis.wanted import NO_VERDICT, local_doc_ids, wanted_rows
from ..data.search_logs import searches
from ..data.sources import doc_ids
from ..present.vocabulary import label
from .attainments import Attainments  # noqa: F401 (the doctest's)
from .progress import target_href

__all__ = ["wanted_data", "wanted_documents", "row_key", "SCOPES"]

#: The scope column (the plan's level) in words: (en, zh) with the place after it.
SCOPES = {"city": ("the whole city", "全市"), "district": ("the whole district", "全区"),
          "province": ("the whole province", "全省"), "county": ("the whole county", "全县")}


def row_key(r: Mapping[str, Any]) -> str:
    """What names a wanted row: indicator, measure and period.

    >>> row_key({"indicator": "valid_trademarks", "measure": "stock", "period_start": None, "period_end": "2025-12-31"})
    'valid_trademarks|stock||2025-12-31'
    """
    start = r["period_start"] if isinstance(r["period_start"], str) else ""
    return f"{r['indicator']}|{r['measure']}|{start}|{r['period_end']}"


def _period(start, end: str, lang: str) -> str:
    """A period as read: a point (end of a year), a calendar year, or several years.

    >>> _period(None, "2025-12-31", "zh"), _period("2025-01-01", "2025-12-31", "en"), _period("2022-01-01", "2025-12-31", "zh")
    ('2025年末', 'the year 2025', '2022年初至2025年末累计')
    """
    if not isinstance(start, str):
        return f"{end[:4]}年末" if lang == "zh" else f"at {end}"
    if start[:4] == end[:4] and start[5:] == "01-01" and end[5:] == "12-31":
        return f"{end[:4]}年全年" if lang == "zh" else f"the year {end[:4]}"
    return f"{start[:4]}年初至{end[:4]}年末累计" if lang == "zh" else f"{start} to {end}, in total"


def _searched(doc_id: str, terms: list[str], lang: str) -> str:
    logs = searches(doc_id)
    zh = lang == "zh"
    if not logs:
        return "尚未检索" if zh else "not searched yet"
    passes = [f"{s.pass_name.replace('pass ', '第') + '轮' if zh else s.pass_name} ({s.file})" for s in logs]
    named = [s.pass_name.replace("pass ", "第") + "轮" if zh else s.pass_name for s in logs if s.mentions(terms)]
    if zh:
        return "已检索：" + "、".join(passes) + ("；" + "、".join(named) + "检索过该指标" if named else "；均未专门检索该指标")
    return "searched: " + ", ".join(passes) + ("; the indicator was looked for in " + ", ".join(named)
                                               if named else "; no pass looked for this indicator by name")


def wanted_data(parameters: Mapping[str, Mapping[str, Any]],
                frames: Mapping[str, pd.DataFrame]) -> dict[str, dict[str, Any]]:
    """doc_id → ``rows`` (:func:`~ipanalysis.analysis.wanted.wanted`'s rows as records), ``open`` (indicator
    and target_id of the targets without a verdict they are for) and ``observations``, for every local plan.
    ``parameters``: doc_id → the card report's ``observations`` (the figures the verdicts come from) and
    ``as_of`` (the cut); ``frames``: doc_id → its attainment frame, computed with them."""
    out = {}
    local = set(local_doc_ids())
    for doc_id in (d for d in doc_ids() if d in local):  # in documents.csv's order, as every page
        params = parameters.get(doc_id) or {}
        obs, a = params.get("observations"), frames[doc_id]
        open_ = a[a["status"].isin(NO_VERDICT) & (a["comparator"] != "qualitative")]
        out[doc_id] = {"rows": wanted_rows(a, params.get("as_of"), obs).to_dict("records"),
                       "open": open_[["indicator", "target_id"]].to_dict("records"),
                       "observations": None if obs is None else str(obs)}
    return out


def wanted_documents(data: Mapping[str, Mapping[str, Any]], page: Callable[[str], Mapping[str, Any] | None],
                     lang: str) -> list[dict[str, Any]]:
    """One dict per local plan of :func:`wanted_data`'s ``data``: ``doc_id``, ``place``, ``title``, ``rows``
    (reader words, each with its ``key``), ``n_open`` (targets without a verdict the rows are for).
    ``page(doc_id)``: its attainment page ``{"href", "anchors"}``, or None (the target ids are then not linked)."""
    import ipanalysis as ip

    zh = lang == "zh"
    docs = ip.documents().set_index("doc_id")
    cat = ip.indicators().set_index("key")
    out = []
    for doc_id, got in data.items():
        d = docs.loc[doc_id]
        place = d["place_zh"] if zh else f"{d['place_en']} ({d['place_zh']})"
        attainment_page = page(doc_id)
        rows = []
        for r in got["rows"]:
            k = cat.loc[r["indicator"]]
            targets = [t["target_id"] for t in got["open"] if t["indicator"] == r["indicator"]]
            scope = SCOPES.get(r["scope"], (r["scope"], r["scope"]))
            rows.append({
                "key": row_key(r), "indicator": k["name_zh"] if zh else f"{k['name_zh']} {k['name_en']}",
                "measure": label(r["measure"], lang), "measure_code": r["measure"], "period": _period(r["period_start"], r["period_end"], lang),
                "unit": ("元" if zh else "yuan") if r["unit"] == "yuan" else r["unit"],
                "scope": f"{scope[1]}（{d['place_zh']}）" if zh else f"{scope[0]} ({d['place_zh']})",
                "targets": [{"id": t, "href": target_href(attainment_page, t)} for t in targets],
                "searched": _searched(doc_id, [*targets, k["name_zh"]], lang)})
        out.append({"doc_id": doc_id, "place": place, "title": d["title_zh"] if zh else d["title_en"],
                    "rows": rows, "n_open": len(got["open"]), "observations": got["observations"]})
    return out

