"""Stated historical values (baseline candidates): the year of a historical value, and baseline rows
with their growth figures attached.  (Not :mod:`ipanalysis.analysis.baselines`, which picks the
baseline an analysis uses, nor the ``baselines()`` loader of ``data/baselines.csv``.)

>>> from ipanalysis.extractor import extract_baselines
>>> b = extract_baselines("“十四五”规划\\n第一节 发展成就\\n年专利授权量从“十二五”末的550件增加到2748件,年均增长38.0%。")
>>> b[["value", "unit", "year", "measure", "growth_value", "growth_kind", "growth_base_year"]].values.tolist()
[[550.0, '件', 2015, 'annual_flow', nan, <NA>, <NA>], [2748.0, '件', 2020, 'annual_flow', 38.0, 'cagr', 2015]]
"""

from __future__ import annotations

import re

import pandas as pd

from ..text import SENTENCE_ENDS, normalize
from .candidate import Found, SentenceContext
from .lexicon import FIVE_YEAR, FROM_TO, LAST_YEAR, period_of

#: Columns of :func:`ipanalysis.extractor.extract_baselines` (the baselines.csv vocabulary plus review helpers).
BASELINE_COLUMNS = [
    "candidate_id", "doc_id", "indicator_zh", "indicator", "closest_keys", "year", "period_start", "value",
    "value_high", "unit", "value_text", "table_unit", "measure", "growth_value", "growth_text", "growth_kind",
    "growth_base_year", "section", "source_quote", "confidence", "why", "start", "end",
]


def baseline_year(ctx: SentenceContext, f: Found) -> int | None:
    """Year of a historical value: the sentence's own date, the end of a named past period, the
    year before the plan for the 'to' side of 从…增加到…, 去年 → the year before the document, else
    the year before the plan starts."""
    doc, sent = ctx.doc, ctx.sent
    head = sent[:f.s]
    default = (doc.start_year - 1) if (doc.kind == "plan" and doc.start_year) else doc.ref_year
    if re.search(r"(增加|增长|提高|提升|上升|扩大|跃升|攀升)(到|至)\s*$", head) or f.pre in ("增加到", "增加至"):
        return default
    years = [int(m.group(1)) for m in re.finditer(r"(?<![比较为是与])(\d{4})\s*年(?!的)", head) if 1990 < int(m.group(1)) < 2100]
    years = [y for y in years if doc.is_past(y) or doc.as_of_past(y) or doc.start_year is None or LAST_YEAR.search(sent)]
    if years:
        return years[-1]
    pm = list(re.finditer(FIVE_YEAR.pattern + "(?P<when>末|时期|期间|以来)?", head))
    if pm and pm[-1].group("when") == "末":
        return period_of(pm[-1])[1]
    if re.search(r"去年|上年|上一年", head) and doc.ref_year:
        return doc.ref_year - 1
    if re.search(r"今年|上半年|前[一二三]季度|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月", head) and doc.ref_year:
        return doc.ref_year  # 今年以来, 上半年, 1-10月: the text's own year so far
    return default


def period_start(ctx: SentenceContext, f: Found, growth: bool) -> int | None:
    """First year of the past period a cumulative history value covers (“十三五”时期…累计).

    Parameters
    ----------
    ctx : SentenceContext
        The sentence that reports the past.
    f : Found
        The history value.
    growth : bool
        Whether the value is a growth rate (年均增长).

    Returns
    -------
    int or None
    """
    sent = ctx.sent
    pm = re.search(FIVE_YEAR.pattern + "(?:时期|期间)", ctx.line[:ctx.ss + f.s])
    if pm and ctx.doc.is_past(period_of(pm)[1]) and not re.search(r"\d{4}\s*年", sent[:f.s]) \
            and not FROM_TO.search(sent) and not re.search(r"截至|截止|年底|年末", sent[:f.s]) and not growth \
            and f.q.unit != "倍":
        return period_of(pm)[0]
    return None


def growth_kind(quote: str, unit: str | None) -> tuple[str, int | None]:
    """``(kind, base year)`` of a growth figure: cagr, times_increase, multiple_of."""
    m = re.search(r"(?:比|较)\s*(\d{4})\s*年", quote) or re.search(r"(?:为|是)\s*(\d{4})\s*年的", quote)
    base_year = int(m.group(1)) if m else None
    if unit == "倍":
        return ("multiple_of" if re.search(r"(为|是)[^,，。]*的[\d.]+倍", quote) else "times_increase"), base_year
    return ("cagr" if re.search(r"年均", quote) else ""), base_year


def _is_growth(r: dict) -> bool:
    return r["measure"] == "growth_rate" or r["unit"] == "倍"


def _host(rows: list[dict], i: int, same_sentence) -> dict | None:
    """The level a growth figure qualifies: the value just before it in the sentence, else just after."""
    for j in list(range(i - 1, -1, -1)) + list(range(i + 1, len(rows))):
        o = rows[j]
        if same_sentence(o, rows[i]) and not _is_growth(o) and o["growth_value"] is None and not pd.isna(o["value"]):
            return o
    return None


def baselines_of(df: pd.DataFrame, text: str) -> pd.DataFrame:
    """Baseline rows of an :func:`~ipanalysis.extractor.analyse` frame, growth figures attached to their levels."""
    df = df[df["kind"] == "baseline"].drop(columns=["kind", "rule"], errors="ignore").reset_index(drop=True)
    rows = df.rename(columns={"target_year": "year"}).to_dict("records")
    for r in rows:
        r.update(growth_value=None, growth_text=None, growth_kind=None, growth_base_year=None)
    norm = normalize(text)

    def same_sentence(x: dict, y: dict) -> bool:
        lo, hi = sorted((x["start"], y["start"]))
        return not any(c in SENTENCE_ENDS + "\n" for c in norm[lo:hi])

    attached: set[int] = set()
    for i, r in enumerate(rows):
        if not _is_growth(r):
            continue
        kind, base_year = growth_kind(normalize(r["source_quote"]), r["unit"])
        host = _host(rows, i, same_sentence)
        if host is None:  # only a relative figure (为2016年的3.5倍): no level is stated
            r.update(growth_value=r["value"], growth_text=r["source_quote"], growth_kind=kind or None,
                     growth_base_year=base_year, value=None, value_text=None,
                     unit=None if r["unit"] in ("倍", "%") else r["unit"])
            continue
        if kind == "cagr" and base_year is None:
            earlier = [o for o in rows[:rows.index(host)] if not _is_growth(o) and same_sentence(o, host)]
            base_year = earlier[-1]["year"] if earlier else None
        host.update(growth_value=r["value"], growth_text=r["source_quote"], growth_kind=kind or None,
                    growth_base_year=base_year, start=min(host["start"], r["start"]), end=max(host["end"], r["end"]))
        host["source_quote"] = text[host["start"]:host["end"]]
        attached.add(i)
    out = pd.DataFrame([r for i, r in enumerate(rows) if i not in attached],
                       columns=[c for c in df.rename(columns={"target_year": "year"}).columns]
                       + ["growth_value", "growth_text", "growth_kind", "growth_base_year"])
    for col in ("year", "period_start", "growth_base_year"):
        out[col] = pd.array([None if pd.isna(v) else int(v) for v in out[col]], dtype="Int64")
    for col in ("value", "growth_value"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    for col in ("growth_text", "growth_kind"):
        out[col] = out[col].astype("string")
    return out[BASELINE_COLUMNS]
