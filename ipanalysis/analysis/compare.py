"""Cross-document comparison: a harmonised indicator × document matrix, and how far each
local plan takes up the national 2015 plan's tasks for demonstration cities.

Only like is set beside like: a cell holds targets of one catalogue key, in one base unit,
stated as one measure.  Guiyang's *cumulative* pledge financing, Nanchang's *annual* pledge
financing and Ordos' *level* of pledge financing are three rows, never one.

>>> m = compare(indicators=["ip_pledge_financing"])
>>> sorted(m["measure"].unique())
['annual_flow', 'cumulative', 'level']
"""

from __future__ import annotations

import re

import pandas as pd

from ..data import documents, indicators as _catalogue, read_table
from ..data.population import population, population_near
from ..data.sources import check_doc_id, data_dir, raw_text
from .baselines import plan_start
from .commitments import Statement, statements
from .trajectory import canonical_targets
from ..errors import DataValidationError, ParameterError

__all__ = ["compare", "compare_matrix", "national_tasks", "national_coverage", "coverage_scores", "denominator",
           "targets_per_10k"]

_DENOMINATORS = {"件/万人": "per 10,000 residents (每万人口)"}


def denominator(base_unit: str, measure: str, name_en: str = "") -> str:
    """The denominator an intensity or share is expressed against, for labels.

    Parameters
    ----------
    base_unit : str
        The indicator's base unit (``件/万人``, ``%`` …).
    measure : str
        The indicator's measure.
    name_en : str
        Its English name (a share's denominator is read from "share of …").

    Returns
    -------
    str
        The denominator, or ``""`` when there is none.

    >>> denominator("件/万人", "intensity")
    'per 10,000 residents (每万人口)'
    """
    if base_unit in _DENOMINATORS:
        return _DENOMINATORS[base_unit]
    if measure in ("share", "rate") or base_unit == "%":
        m = re.search(r"(?:share of|ratio to|of) (.+)$", name_en)
        return f"% of {m.group(1)}" if m else "%"
    return ""


def _check_choices(given, valid, what):
    if given is None:
        return
    unknown = sorted(set(given) - set(valid))
    if unknown:
        raise ParameterError(f"unknown {what}: {', '.join(unknown)}; valid: {', '.join(sorted(valid))}")


def compare(indicators: list[str] | None = None, doc_ids: list[str] | None = None) -> pd.DataFrame:
    """Targets side by side, one row per (indicator, measure, unit, document).

    Columns: ``indicator, name_en, name_zh, category, measure, unit, denominator, doc_id,
    place_en, value, value_high, comparator, target_year, commitment, target_id, n_docs``
    where ``n_docs`` counts the documents that target the same (indicator, measure, unit).
    Qualitative targets and restatements are left out.
    """
    cat = _catalogue()
    docs = documents()
    if isinstance(indicators, str):
        indicators = [indicators]
    if isinstance(doc_ids, str):
        doc_ids = [doc_ids]
    _check_choices(indicators, cat["key"], "indicator")
    for doc in doc_ids or ():
        check_doc_id(doc)
    t = canonical_targets()
    t = t[t["comparator"] != "qualitative"]
    if indicators is not None:
        t = t[t["indicator"].isin(indicators)]
    if doc_ids is not None:
        t = t[t["doc_id"].isin(doc_ids)]
    t = t.merge(cat[["key", "name_en", "name_zh", "category"]], left_on="indicator", right_on="key", how="left")
    t = t.merge(docs[["doc_id", "place_en"]], on="doc_id", how="left")
    t["denominator"] = [denominator(u, m, n) for u, m, n in zip(t["unit"], t["measure"], t["name_en"])]
    # Several targets of one key and measure in one document (e.g. a 2023 milestone) keep the latest year.
    t = t.sort_values(["indicator", "measure", "doc_id", "target_year", "target_id"])
    t = t.drop_duplicates(["indicator", "measure", "unit", "doc_id", "scope"], keep="last")
    t["n_docs"] = t.groupby(["indicator", "measure", "unit"])["doc_id"].transform("nunique")
    cols = ["indicator", "name_en", "name_zh", "category", "measure", "unit", "denominator", "doc_id", "place_en",
            "value", "value_high", "comparator", "target_year", "commitment", "scope", "target_id", "n_docs"]
    return t[cols].sort_values(["category", "indicator", "measure", "doc_id"]).reset_index(drop=True)


def compare_matrix(long: pd.DataFrame | None = None, min_docs: int = 1, what: str = "value") -> pd.DataFrame:
    """Pivot :func:`compare` output: rows (indicator, name_en, measure, unit), one column per document.

    ``what`` is ``"value"`` (target values) or ``"target_year"``.  ``min_docs`` keeps only rows
    that at least that many documents target.

    Parameters
    ----------
    long : DataFrame, optional
        :func:`compare` output (default: computed).
    min_docs : int
        The least number of documents a row's indicator must have.
    what : str
        ``"value"`` or ``"target_year"``.

    Returns
    -------
    DataFrame
        Indicator rows × document columns.

    >>> m = compare_matrix(min_docs=3)
    >>> "high_value_invention_patents_per_10k" in m.index.get_level_values("indicator")
    False
    """
    if what not in ("value", "target_year"):
        raise ParameterError(f"unknown what={what!r}; valid: value, target_year")
    long = compare() if long is None else long
    long = long[long["n_docs"] >= min_docs]
    idx = ["indicator", "name_en", "measure", "unit"]
    return long.pivot_table(index=idx, columns="doc_id", values=what, aggfunc="first")


def national_tasks() -> pd.DataFrame:
    """The national 2015 plan's nine tasks for demonstration cities, with quotes and the
    search terms (``keywords``, ``;``-separated) that show a local plan addresses each.

    >>> national_tasks().set_index("task_no").loc[4, "task_zh"]
    '积极推进知识产权金融服务'
    """
    df = read_table(data_dir() / "national_tasks.csv")
    text = raw_text("national_2015")
    missing = [q for q in df["source_quote"] if q not in text]
    if missing:
        raise DataValidationError("data/national_tasks.csv", [f"quote not in data/raw/national_2015.txt: {missing[0]!r}"])
    df["task_no"] = df["task_no"].astype("int64")
    return df


def _evidence(stmts: list[Statement], keywords: list[str]) -> tuple[str | None, Statement | None, list[Statement]]:
    """The first keyword (in the task's order) found in a commitment, that sentence, and the sentences
    holding a keyword that do not count (notice, review, note)."""
    hits = [s for s in stmts if any(k in s.text for k in keywords)]
    for kw in keywords:
        found = next((s for s in hits if kw in s.text and s.role == "commitment"), None)
        if found is not None:
            return kw, found, [s for s in hits if s.role != "commitment"]
    return None, None, [s for s in hits if s.role != "commitment"]


def _not_counted(skipped: list[Statement]) -> str:
    """'2 sentences not counted: review of the past (…), issuing notice' ('' when none)."""
    if not skipped:
        return ""
    roles = {"notice": "issuing notice or title", "review": "review of the past", "note": "definition note"}
    kinds = list(dict.fromkeys(roles[s.role] for s in skipped))
    return f"{len(skipped)} sentence{'s' if len(skipped) > 1 else ''} not counted ({', '.join(kinds)})"


def _year(doc: dict) -> int:
    """The year a document was issued (its issue date, else its plan start)."""
    issued = str(doc.get("issued_date") or "")
    return int(issued[:4]) if issued[:4].isdigit() else int(doc["plan_start_year"])


def national_coverage(doc_ids: list[str] | None = None) -> pd.DataFrame:
    """For each national task × local document: does the plan commit to it, and the evidence sentence.

    A task is addressed when a **commitment** of the local plan (:mod:`.commitments`: not the issuing
    notice or title, not a review of the past, not a definition note) holds one of the task's keywords;
    ``evidence`` is the first such sentence (keywords in the task's order), ``section`` its headings,
    ``not_counted`` the keyword sentences left out and why.  ``score`` is the share of the nine tasks a
    document addresses.  ``issued`` is the document's year; ``predates_national`` is True for a plan
    issued before the national plan (issued ``national_year``), which could not take up its tasks (``note``
    says so in English; the page words it from these columns).

    >>> cov = national_coverage()
    >>> sorted(cov["doc_id"].unique())
    ['cangshan_2013', 'guiyang_2022', 'nanchang_2021', 'ordos_2022']
    >>> c = cov.query("doc_id == 'cangshan_2013'").iloc[0]
    >>> int(c["issued"]), bool(c["predates_national"])
    (2013, True)
    """
    tasks = national_tasks()
    docs = documents()
    local = docs.loc[docs["admin_level"] != "national", "doc_id"].tolist()
    for doc in doc_ids or ():
        if check_doc_id(doc) not in local:
            raise ParameterError(f"{doc!r} is the national plan, not a local one; valid: {', '.join(local)}")
    meta = {d["doc_id"]: d for d in docs.to_dict("records")}
    national_year = min(_year(d) for d in meta.values() if d["admin_level"] == "national")
    rows = []
    for doc in doc_ids or local:
        stmts = statements(doc)
        year = _year(meta[doc])
        note = (f"issued {year}, before the national plan ({national_year}): it could not take up its tasks"
                if year < national_year else "")
        for _, task in tasks.iterrows():
            kw, found, skipped = _evidence(stmts, [k.strip() for k in task["keywords"].split(";") if k.strip()])
            rows.append({"doc_id": doc, "task_no": task["task_no"], "task_en": task["task_en"],
                         "task_zh": task["task_zh"], "addressed": kw is not None, "keyword": kw,
                         "evidence": found.text.strip() if found is not None else None,
                         "section": found.section if found is not None else None,
                         "not_counted": _not_counted(skipped), "issued": year,
                         "predates_national": year < national_year, "national_year": national_year, "note": note})
    df = pd.DataFrame(rows)
    df["score"] = df.groupby("doc_id")["addressed"].transform("mean")
    return df


def coverage_scores(cov: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per local document: the share of the national tasks it addresses, with what qualifies it.

    Columns ``doc_id, addressed, tasks, score, issued, predates_national, national_year, note``.

    >>> s = coverage_scores().set_index("doc_id")
    >>> s.loc["cangshan_2013", "note"]
    'issued 2013, before the national plan (2015): it could not take up its tasks'
    """
    cov = national_coverage() if cov is None else cov
    g = cov.groupby("doc_id", sort=False)
    out = g.agg(addressed=("addressed", "sum"), tasks=("task_no", "nunique"), score=("score", "first"),
                issued=("issued", "first"), predates_national=("predates_national", "first"),
                national_year=("national_year", "first"), note=("note", "first")).reset_index()
    out["addressed"] = out["addressed"].astype("int64")
    return out


#: Units of counts that can sensibly be divided by population (not %, scores, intensities).
COUNT_UNITS = ("件", "家", "个", "项", "人", "名", "人次", "yuan")


def targets_per_10k() -> pd.DataFrame:
    """Count-like targets (stocks, flows, plan-period totals in 件/家/个/人/yuan …) divided by the
    place's resident population in units of 10,000, using the population nearest to the plan's base
    year (``population_year``, ``population_source``).  Measures are kept apart: a stock per head is
    not a flow per head.

    >>> per = targets_per_10k().set_index("target_id")
    >>> round(float(per.loc["GY-03", "per_10k"]), 1)          # 15万件 valid trademarks / 610.23万 residents (2021)
    245.8
    """
    t = canonical_targets()
    t = t[t["unit"].isin(COUNT_UNITS) & t["value"].notna() & (t["measure"] != "growth_rate")]
    table = population()
    near = {d: population_near(d, plan_start(d) - 1, table) for d in t["doc_id"].unique()}
    rows = []
    for _, r in t.iterrows():
        pop = near[r["doc_id"]]
        if pop is None:
            continue
        rows.append({"target_id": r["target_id"], "doc_id": r["doc_id"], "indicator": r["indicator"],
                     "measure": r["measure"], "unit": r["unit"], "value": r["value"], "target_year": r["target_year"],
                     "population": pop["value"], "population_year": int(pop["year"]),
                     "population_source": pop["source_url"], "per_10k": r["value"] / (pop["value"] / 1e4)})
    return pd.DataFrame(rows, columns=["target_id", "doc_id", "indicator", "measure", "unit", "value", "target_year",
                                       "population", "population_year", "population_source", "per_10k"])
