"""The extractor end to end: document facts → table and running-text candidates → one frame.

:func:`analyse` returns every number looked at (``kind`` target / baseline / rejected, with
``rule`` naming the rejection rule); :func:`extract`, :func:`extract_baselines` and
:func:`rejected` are views of it.
"""

from __future__ import annotations

import re

import pandas as pd

from ..text import normalize
from .history import baselines_of
from .candidate import Candidate
from .catalogue import best_key, grams, load_catalogue, rank_keys, similarity
from .classify import measure
from .document import Document, read_document_facts
from .evaluate import _same
from .lexicon import COUNT_UNITS
from .sentence import running_text
from .table import table_candidates

#: Columns of :func:`extract` (the targets.csv vocabulary plus review helpers).
CANDIDATE_COLUMNS = [
    "candidate_id", "doc_id", "indicator_zh", "indicator", "closest_keys", "value", "value_high", "unit",
    "value_text", "table_unit", "comparator", "measure", "target_year", "commitment", "attribute",
    "section", "source_quote", "duplicate_of", "confidence", "why", "start", "end",
]
_STRIP = " \t,，、;；"


def _quote(text: str, c: Candidate) -> tuple[str, int]:
    """The verbatim source quote of a candidate (trimmed of separators, holding value_text) and its start."""
    qs, qe = c.quote or (c.start, c.end)
    quote = text[qs:qe].strip(_STRIP)
    qs += len(text[qs:qe]) - len(text[qs:qe].lstrip(_STRIP))
    if c.value_text and c.value_text not in quote:
        quote = text[min(qs, c.start):max(qe, c.end)]
    return quote, qs


def _row(doc: Document, c: Candidate) -> dict:
    match_name = ("新增" + c.name) if c.measure_hint == "cumulative" and re.match(r"^(增加|新增)", normalize(c.value_text)) else c.name
    ranked = rank_keys(match_name, c.unit, "growth_rate" if c.growth else None, doc.cat) if doc.cat else []
    key, closest, key_measure = best_key(ranked)
    unit = c.unit
    if unit is None and ranked and (key or ranked[0][0] >= 0.35):
        unit = ranked[0][2] if not key else next(r[2] for r in ranked if r[1] == key)
    if unit in ("个", "项") and key and not c.growth:
        base_unit = next(r[2] for r in ranked if r[1] == key)
        if base_unit in COUNT_UNITS:
            unit = base_unit
    quote, qs = _quote(doc.text, c)
    one_year = doc.start_year is not None and doc.start_year == doc.end_year
    return {
        "kind": c.kind, "doc_id": doc.doc_id, "indicator_zh": c.name, "indicator": key, "closest_keys": closest,
        "value": c.value, "value_high": c.value_high, "unit": unit, "value_text": c.value_text,
        "table_unit": c.table_unit, "comparator": c.comparator, "measure": measure(c, key_measure, one_year),
        "target_year": c.year, "commitment": c.commitment, "attribute": c.attribute, "section": c.section,
        "source_quote": quote, "confidence": c.confidence, "why": c.why, "start": qs, "end": qs + len(quote),
        "period_start": c.period_start, "rule": c.rule,
    }


def _duplicates(df: pd.DataFrame) -> list:
    """Propose ``duplicate_of``: an earlier target with the same value, unit, target year and indicator
    (a restatement: a news report's explanatory paragraph, a table row repeating the text)."""
    out, seen = [], []
    for r in df.itertuples(index=False):
        dup = None
        if r.kind == "target":
            g = grams(r.indicator_zh)
            table = str(r.why).startswith("table")
            for cid, v, h, u, key, g0, comp, table0, year in seen:
                if not (_same(v, r.value) and _same(h, r.value_high) and u == r.unit and _same(year, r.target_year)):
                    continue
                if comp != r.comparator and not (table or table0):
                    continue
                if (key and r.indicator and key == r.indicator) or (not (key and r.indicator) and similarity(g, g0) >= 0.6):
                    dup = cid
                    break
            seen.append((r.candidate_id, r.value, r.value_high, r.unit, r.indicator, g, r.comparator, table, r.target_year))
        out.append(dup)
    return out


def _stated_facts(cands: list) -> None:
    """A target whose value, unit and year are those of a value the text states as that year's fact elsewhere
    (a headline 今年…新增发明专利授权1243件 over a body 今年…1243件,同比增长101.1%) is that fact, not a goal.

    >>> from .candidate import Candidate
    >>> c = [Candidate(kind=k, start=i, end=i + 1, value=1243.0, value_high=None, unit="件", value_text="1243件", name="授权",
    ...                section="", year=2021, why="w") for i, k in enumerate(["target", "baseline"])]
    >>> _stated_facts(c); [x.kind for x in c]
    ['baseline', 'baseline']
    """
    facts = {(c.value, c.unit, c.year) for c in cands if c.kind == "baseline" and c.value is not None and c.year is not None}
    for c in cands:
        if c.kind == "target" and c.value is not None and c.year is not None and (c.value, c.unit, c.year) in facts:
            c.kind, c.why = "baseline", c.why + "; the same figure is stated elsewhere as that year's fact"


def _ids(kinds) -> list[str]:
    counters: dict[str, int] = {}
    ids = []
    for kind in kinds:
        prefix = {"target": "T", "baseline": "B"}.get(kind, "R")
        counters[prefix] = counters.get(prefix, 0) + 1
        ids.append(f"{prefix}{counters[prefix]:03d}")
    return ids


def analyse(text: str, doc_id: str | None = None, target_year: int | None = None,
            catalogue: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every number the extractor looked at: targets, baselines and rejected numbers, with the reason.

    ``kind`` is ``target``, ``baseline`` or ``rejected`` (``rule`` names the rejection rule); the
    other columns are those of :data:`CANDIDATE_COLUMNS` (``target_year`` holds the baseline's
    year for baselines).

    Parameters
    ----------
    text, doc_id, target_year, catalogue
        As in :func:`extract`.

    Returns
    -------
    DataFrame

    >>> a = analyse("第3次常务会议审议。工作计划中的9项任务。到2025年,专利授权量达到500件。")
    >>> a[["kind", "value", "rule", "why"]].values.tolist()
    [['rejected', 3.0, 'ordinal', 'ordinal (第…)'], ['rejected', 9.0, 'task_count', 'count of tasks/measures, not a target'], ['target', 500.0, '', 'trigger 达到; year 2025 in sentence']]
    """
    if len(normalize(text)) != len(text):  # pragma: no cover - normalize is length-preserving
        raise AssertionError("normalize changed the text length")
    doc = read_document_facts(text, doc_id, target_year, load_catalogue(catalogue))
    cands = table_candidates(doc) + running_text(doc)
    cands.sort(key=lambda c: (c.start, c.end))
    _stated_facts(cands)
    cols = ["kind"] + [c for c in CANDIDATE_COLUMNS if c not in ("candidate_id", "duplicate_of")] + ["period_start", "rule"]
    df = pd.DataFrame([_row(doc, c) for c in cands], columns=cols)
    df.insert(0, "candidate_id", _ids(df["kind"]))
    df["duplicate_of"] = _duplicates(df)
    for col in ("value", "value_high"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    df["target_year"] = pd.array(df["target_year"].tolist(), dtype="Int64") if len(df) else pd.array([], dtype="Int64")
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df.attrs["horizon"] = {"kind": doc.kind, "start_year": doc.start_year, "end_year": doc.end_year,
                           "ref_year": doc.ref_year, "why": doc.horizon_why, "title": doc.title}
    return df


def targets_of(df: pd.DataFrame, min_confidence: float = 0.0) -> pd.DataFrame:
    """The target rows of an :func:`analyse` frame, in :data:`CANDIDATE_COLUMNS`."""
    df = df[(df["kind"] == "target") & (df["confidence"] >= min_confidence)].reset_index(drop=True)
    return df[CANDIDATE_COLUMNS]


def extract(text: str, doc_id: str | None = None, target_year: int | None = None,
            catalogue: pd.DataFrame | None = None, min_confidence: float = 0.0) -> pd.DataFrame:
    """Candidate target rows of a plan's text, in the ``targets.csv`` vocabulary.

    ``target_year`` overrides the horizon read from the document; ``catalogue`` (default
    ``data/indicators.csv``) supplies the keys.  Columns: :data:`CANDIDATE_COLUMNS`; ``start``/``end``
    are character offsets of ``source_quote`` in ``text`` (which is verbatim, even for
    full-width input).

    Parameters
    ----------
    text : str
        The plan's text.
    doc_id : str, optional
        Its id.
    target_year : int, optional
        The horizon (default: read from the text).
    catalogue : DataFrame, optional
        Indicator rows (default ``data/indicators.csv``).
    min_confidence : float
        Candidates below it are left out.

    Returns
    -------
    DataFrame

    >>> text = "到２０２５年，地理标志增加２个，力争开展专利导航5—10个；商标注册量突破5万件。"
    >>> df = extract(text)
    >>> df[["value_text", "value", "value_high", "comparator", "measure", "commitment"]].values.tolist()
    [['增加２个', 2.0, nan, '=', 'cumulative', 'firm'], ['5—10个', 5.0, 10.0, 'range', 'cumulative', 'strive'], ['突破5万件', 50000.0, nan, '>', 'annual_flow', 'strive']]
    >>> all(text[s:e] == q for s, e, q in zip(df.start, df.end, df.source_quote))
    True
    """
    return targets_of(analyse(text, doc_id, target_year, catalogue), min_confidence)


def extract_baselines(text: str, doc_id: str | None = None, catalogue: pd.DataFrame | None = None) -> pd.DataFrame:
    """Historical values stated in the text (never proposed as targets), in the ``baselines.csv`` vocabulary.

    A growth figure stated with a value (年均增长38.0%) is attached to it (``growth_value``,
    ``growth_kind``), as in ``data/baselines.csv``.

    Parameters
    ----------
    text, doc_id, catalogue
        As in :func:`extract`.

    Returns
    -------
    DataFrame
    """
    return baselines_of(analyse(text, doc_id, None, catalogue), text)


def rejected(text: str, doc_id: str | None = None) -> pd.DataFrame:
    """Numbers the extractor rejected on purpose, with the rule that fired and its reason.

    >>> rejected("实施5项任务,等10项约束性指标。")[["value", "rule"]].values.tolist()
    [[5.0, 'task_count'], [10.0, 'indicator_count']]
    """
    df = analyse(text, doc_id)
    df = df[df["kind"] == "rejected"].reset_index(drop=True)
    return df[["candidate_id", "doc_id", "value", "unit", "value_text", "rule", "why", "source_quote", "start", "end"]]
