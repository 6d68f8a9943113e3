"""Internal-consistency audit: check each document against itself.

Method: every figure a document derives from its own numbers is recomputed from those
numbers and compared with what the document says, at the precision the document writes
(a stated growth rate, a table's 增幅 column, a figure stated twice, a table row against the
text, a part against its whole, a count of listed items).  Targets are also set against
the document's own history (the growth it reports for the same indicator).  Nothing here
uses outside data.

* Compound annual growth rate (CAGR) from ``start`` in year ``y0`` to ``end`` in ``y1``:
  ``(end / start) ** (1 / (y1 - y0)) - 1`` (:func:`ipanalysis.trajectory.cagr`), e.g.
  Ordos patent grants 550 (2015) → 2748 (2020): ``(2748/550) ** (1/5) - 1 = 37.95 %``,
  stated as 年均增长38.0%.
* Table increase (增幅): ``(target / base - 1) * 100``.
* Rounding: a stated figure with *d* decimals stands for anything within half a unit of its
  last digit (``0.5 * 10**-d``); its inputs carry their own rounding error (whole-number
  counts are exact, ``0.93`` stands for 0.925–0.935, ``3.1219万`` for ±0.5).  A stated
  figure is *consistent* if some value in the recomputed interval rounds to it, see
  :func:`rounding_status`.

Every check is generic code driven by the tables (``targets``, ``baselines``, the parsed
indicator tables and the raw texts) plus a few small relation dictionaries below
(:data:`PART_OF`, :data:`INCREMENT_OF`, :data:`STOCK_FLOW`); no verdict is hard-coded.
The kinds of check (column ``kind``):

* ``stated_growth_rate`` — each baseline with a ``growth_kind``: a CAGR recomputed from the
  same indicator's value in ``growth_base_year``; 增长了N倍 / 为…的N倍 checked when both
  values are stated, otherwise needs_review (ambiguous phrase, or nothing to check).
* ``table_increase`` — each indicator-table row's 增幅 against (target / base − 1)·100.
* ``table_vs_text`` / ``repeated_statement`` — each target with ``duplicate_of`` against the
  target it repeats (value, comparator, target year, unit, measure; a table's point
  forecast beside the text's lower bound is consistent), and each table base value against
  text figures of the same or a part/whole indicator and year.
* ``related_figures`` — an increment against the level it adds to; one indicator stated
  twice for one year without being marked as a restatement.
* ``implied_growth_vs_history`` — a growth target, or a level target's implied CAGR,
  against the document's own past growth of that indicator (ratio outside
  :data:`HISTORY_RATIO` → needs_review); a stock target against the flow that feeds it.
* ``magnitude`` — related creation flows in one document more than
  :data:`MAGNITUDE_FACTOR` apart.
* ``arithmetic`` — parts not above wholes (:data:`PART_OF`); counts the text states about
  itself (N项任务 vs the numbered tasks, 前N项 + 后M项, the items of a “K+n” list).

>>> a = audit("ordos_2022").set_index("check_id")
>>> a.loc["OR-cagr-patent_grants_annual", ["kind", "status"]].tolist()
['stated_growth_rate', 'consistent']
>>> a.loc["OR-cagr-patent_grants_annual", "recomputed"]
'(2748/550)^(1/5) − 1 = 37.95%'
>>> a.loc["OR-history-patent_grants_annual", "status"]
'needs_review'
"""

from __future__ import annotations

import math
import re

import pandas as pd

from .data import baselines as _load_baselines
from .data import indicators as _load_indicators
from .data import targets as _load_targets
from .sources import check_doc_id
from .sources import doc_ids as _doc_ids
from .sources import raw_text
from .tables import ORDOS_TABLE_TITLE, parse_flat_table
from .trajectory import cagr
from .units import chinese_int

__all__ = [
    "audit", "rounding_status", "decimals", "rounding_error", "KINDS", "STATUSES", "COLUMNS",
    "PART_OF", "INCREMENT_OF", "STOCK_FLOW", "TABLE_TITLES",
]

KINDS = ("stated_growth_rate", "table_increase", "table_vs_text", "repeated_statement", "related_figures",
         "implied_growth_vs_history", "magnitude", "arithmetic")
STATUSES = ("inconsistent", "needs_review", "consistent")
COLUMNS = ["check_id", "doc_id", "kind", "indicator", "stated", "stated_quote", "recomputed", "other_quote",
           "status", "explanation"]

#: part → (whole, strict).  Strict: the part is a subset of the whole, so part > whole is an
#: error.  Not strict: a same-year cohort relation (grants come from earlier years'
#: applications), so part > whole is possible but worth a look.
PART_OF: dict[str, tuple[str, bool]] = {
    "invention_patent_grants_annual": ("patent_grants_annual", True),
    "patent_grants_annual": ("patent_applications_annual", False),
    "trademark_registrations_annual": ("trademark_applications_annual", False),
    "ip_demo_enterprises_national": ("ip_demo_enterprises", True),
    "gi_trademarks": ("geographical_indications", True),
    "trademark_pledge_financing": ("ip_pledge_financing", True),
    "patent_pledge_financing": ("ip_pledge_financing", True),
}
#: increment key → the level key it adds to ("地理标志增加2个" vs "增加至28件").
INCREMENT_OF: dict[str, str] = {"geographical_indications_added": "geographical_indications"}
#: stock key → the annual flow that feeds it (valid trademarks grow by new registrations).
STOCK_FLOW: dict[str, str] = {"valid_trademarks": "trademark_registrations_annual"}
#: documents whose raw text holds a flattened indicator table, and its title.
TABLE_TITLES: dict[str, str] = {"ordos_2022": ORDOS_TABLE_TITLE}

#: a target's growth rate over its history's rate outside this band → needs_review.
HISTORY_RATIO = (0.5, 2.0)
#: related creation flows in one document differing by more than this factor → needs_review.
MAGNITUDE_FACTOR = 50.0
MAGNITUDE_CATEGORIES = ("creation",)
#: a stock target whose required net additions per year are outside this multiple of the
#: feeding flow's latest annual value → needs_review (below: met with no growth at all).
STOCK_FLOW_BAND = (1.0, 2.0)

_EPS = 1e-9
_NUM = re.compile(r"\d+(?:\.\d+)?")
_MULT = {"万": 1e4, "亿": 1e8}
_LEVEL_MEASURES = ("stock", "level", "annual_flow", "intensity")
_ORDER = {s: i for i, s in enumerate(STATUSES)}


# --------------------------------------------------------------------------- tolerance

def decimals(number_text: str) -> int:
    """Digits after the decimal point of the first number in a text.

    >>> decimals("年均增长38.0%"), decimals("115%"), decimals("3.1219")
    (1, 0, 4)
    """
    m = _NUM.search(str(number_text))
    if not m:
        raise ValueError(f"no number in {number_text!r}")
    s = m.group(0)
    return len(s.split(".")[1]) if "." in s else 0


def rounding_error(number_text: str, multiplier: float = 1.0) -> float:
    """Half a unit in the last written digit, in base units (the figure's rounding error).

    A whole number without 万/亿 is taken as an exact count (0.0); decimals and figures in
    万/亿 stand for anything that rounds to them.

    >>> rounding_error("550"), rounding_error("0.93"), rounding_error("3.1219", 1e4), rounding_error("15", 1e4)
    (0.0, 0.005, 0.5, 5000.0)
    """
    d = decimals(number_text)
    if d == 0 and multiplier == 1.0:
        return 0.0
    return round(0.5 * 10.0 ** -d * multiplier, 12)


def rounding_status(stated: float, decimals: int, low: float, high: float | None = None) -> str:
    """Compare a stated figure written with ``decimals`` decimals with a recomputed value.

    The recomputed value is known to lie in ``[low, high]`` (``high`` defaults to ``low``;
    the width is the effect of rounding the inputs).  The stated figure covers
    ``stated ± h`` with ``h = 0.5 * 10**-decimals``.  Returns

    * ``"consistent"`` if the two intervals meet (some admissible value rounds to the
      stated figure; ties count, as in round-half-up),
    * ``"needs_review"`` if they miss by at most one more unit of the last digit
      (an off-by-one: truncation instead of rounding, or a slightly different base),
    * ``"inconsistent"`` otherwise.

    >>> rounding_status(38.0, 1, 37.951)          # 年均增长38.0% vs 37.95%
    'consistent'
    >>> rounding_status(38.0, 1, 37.90)
    'needs_review'
    >>> rounding_status(38.0, 1, 29.5)
    'inconsistent'
    >>> rounding_status(115, 0, 113.8, 116.3)     # base 0.93 is itself rounded
    'consistent'
    """
    high = low if high is None else high
    if high < low:
        low, high = high, low
    h = 0.5 * 10.0 ** -decimals
    tol = _EPS * max(1.0, abs(stated))
    gap = max(low - (stated + h), (stated - h) - high, 0.0)
    if gap <= tol:
        return "consistent"
    if gap <= 10.0 ** -decimals + tol:
        return "needs_review"
    return "inconsistent"


# --------------------------------------------------------------------------- formatting

def _n(x: float, unit: str = "") -> str:
    """A number for the short text columns: 2748, 57,269, 0.93, 44.6亿元."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "?"
    if unit == "yuan":
        return f"{x / 1e8:g}亿元"
    if abs(x - round(x)) < 1e-9:
        s = f"{int(round(x)):,}" if abs(x) >= 10000 else str(int(round(x)))
    else:
        s = f"{x:.6g}"
    return s + (unit if unit not in ("", "%") else ("%" if unit == "%" else ""))


def _pct(fraction: float, d: int = 2) -> str:
    return f"{fraction * 100:.{d}f}%"


def _written(value_text, table_unit=None) -> tuple[str, float]:
    """The number as written and its multiplier: ('3.1219', 1e4) for '3.1219' in 万件."""
    m = _NUM.search(str(value_text))
    if not m:
        return "", 1.0
    after = str(value_text)[m.end():m.end() + 1]
    mult = _MULT.get(after, 1.0)
    if mult == 1.0 and isinstance(table_unit, str) and table_unit[:1] in _MULT:
        mult = _MULT[table_unit[0]]
    return m.group(0), mult


def _float_text(x: float) -> str:
    """A parsed table cell back as text: 0.93 → '0.93', 23.0 → '23'."""
    s = repr(float(x))
    return s[:-2] if s.endswith(".0") else s


def _is_table(row: dict) -> bool:
    """A row quoting an indicator table: it has a ``table_unit`` or its section is a table (表)."""
    sec, tu = row.get("section"), row.get("table_unit")
    return (isinstance(sec, str) and "(表)" in sec) or (isinstance(tu, str) and tu != "")


def _row(check_id, doc_id, kind, indicator, stated, stated_quote, recomputed, other_quote, status, explanation):
    assert kind in KINDS and status in STATUSES, (kind, status)
    return {"check_id": check_id, "doc_id": doc_id, "kind": kind, "indicator": indicator, "stated": stated,
            "stated_quote": stated_quote or "", "recomputed": recomputed, "other_quote": other_quote or "",
            "status": status, "explanation": explanation}


def _other(stated_quote, other_quote) -> str:
    """The related quote, empty when it is already inside the stated quote."""
    if not isinstance(other_quote, str) or not other_quote or (isinstance(stated_quote, str) and other_quote in stated_quote):
        return ""
    return other_quote


def _same(a, b) -> bool:
    """Two optional numbers are equal (both missing counts as equal)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def _related(a: str, b: str) -> bool:
    return PART_OF.get(a, (None,))[0] == b or PART_OF.get(b, (None,))[0] == a


def _records(df: pd.DataFrame) -> list[dict]:
    """Rows as plain dicts with missing cells as None (plain Python keeps audit() fast)."""
    out = []
    for rec in df.to_dict("records"):
        out.append({k: (None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else v)
                    for k, v in rec.items()})
    return out


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# --------------------------------------------------------------------------- checks

def _stated_growth(P, doc, b) -> list[dict]:
    """Every stated growth figure (年均增长x%, 增长了N倍, 为…的N倍) recomputed from the
    document's own value for the base year (``growth_base_year``)."""
    out = []
    for r in b:
        kind, ind = r["growth_kind"], r["indicator"]
        if kind is None:
            continue
        base = next((x for x in b if x["indicator"] == ind and x["year"] == r["growth_base_year"]
                     and x["value"] is not None and x["period_start"] is None), None)
        gt = r["growth_text"] or ""
        d = decimals(gt) if _NUM.search(gt) else 0
        other = _other(r["source_quote"], base["source_quote"]) if base else ""
        if kind == "cagr":
            cid = f"{P}-cagr-{ind}"
            if base is None or r["value"] is None:
                out.append(_row(cid, doc, "stated_growth_rate", ind, f"{gt} ({r['growth_base_year']}→{r['year']})",
                                r["source_quote"], f"no {r['growth_base_year']} value stated", "", "needs_review",
                                f"The document states an average growth rate but not the {r['growth_base_year']} "
                                "value it starts from, so the rate cannot be recomputed."))
                continue
            n = int(r["year"]) - int(base["year"])
            s, e = float(base["value"]), float(r["value"])
            hs = rounding_error(*_written(base["value_text"], base["table_unit"]))
            he = rounding_error(*_written(r["value_text"], r["table_unit"]))
            g = cagr(s, e, n) * 100
            lo, hi = cagr(s + hs, max(e - he, 1e-12), n) * 100, cagr(max(s - hs, 1e-12), e + he, n) * 100
            status = rounding_status(r["growth_value"], d, lo, hi)
            rec = f"({_n(e)}/{_n(s)})^(1/{n}) − 1 = {g:.2f}%"
            if hs or he:
                rec += f" (inputs rounded: {lo:.2f}–{hi:.2f}%)"
            sv = f"{r['growth_value']:.{d}f}%"
            expl = {
                "consistent": f"Recomputed from the document's own {base['year']} and {r['year']} figures the rate is "
                              f"{g:.2f}%, which rounds to the stated {sv}.",
                "needs_review": f"The recomputed {g:.2f}% is one rounding step off the stated {sv} "
                                "(truncation, or a slightly different base figure).",
                "inconsistent": f"The recomputed {g:.2f}% does not round to the stated {sv}: one of the three "
                                "figures is wrong.",
            }[status]
            out.append(_row(cid, doc, "stated_growth_rate", ind,
                            f"{gt}, {_n(s)} ({base['year']}) → {_n(e)} ({r['year']})",
                            r["source_quote"], rec, other, status, expl))
        elif kind == "times_increase":
            cid = f"{P}-times-{ind}"
            N = float(r["growth_value"])
            stated = f"{_n(r['value'])} in {r['year']}, {gt}" if r["value"] is not None else gt
            if base is not None and r["value"] is not None:
                m = float(r["value"]) / float(base["value"])
                strict, loose = rounding_status(N, d, m - 1), rounding_status(N, d, m)
                status = "consistent" if strict == "consistent" else (
                    "needs_review" if "consistent" in (loose,) or strict == "needs_review" else "inconsistent")
                expl = {"consistent": f"'增长了{N:g}倍' read strictly (+{N:g}×100%) matches the two stated values.",
                        "needs_review": f"The two values match only the loose reading of '增长了{N:g}倍' "
                                        f"({N:g} times as much, not {N:g} times more).",
                        "inconsistent": f"Neither reading of '增长了{N:g}倍' matches the two stated values."}[status]
                out.append(_row(cid, doc, "stated_growth_rate", ind, stated, r["source_quote"],
                                f"{_n(r['value'])}/{_n(base['value'])} = {m:.2f}× (an increase of {m - 1:.2f}×)",
                                other, status, expl))
                continue
            if r["value"] is None:
                out.append(_row(cid, doc, "stated_growth_rate", ind, stated, r["source_quote"], "no absolute figure",
                                "", "needs_review", "Only a relative figure is stated, so it cannot be checked."))
                continue
            v = float(r["value"])
            strict_b, loose_b = v / (1 + N), v / N
            counted = r["unit"] not in ("%", "yuan")
            notes = []
            if counted and abs(strict_b - round(strict_b)) > 1e-9:
                notes.append(f"the strict reading gives a non-integer count ({strict_b:.2f})")
            if counted and abs(loose_b - round(loose_b)) < 1e-9:
                notes.append(f"the loose reading gives a whole {loose_b:.0f}")
            rec = (f"{r['growth_base_year']} implied: {_n(v)}/{_n(1 + N)} = {strict_b:.2f} (strict: +{N:g}×100%) "
                   f"or {_n(v)}/{_n(N)} = {loose_b:.2f} (loose: {N:g}×)")
            expl = (f"'增长了{N:g}倍' strictly means {r['year']} = {1 + N:g}× {r['growth_base_year']} but is often used "
                    f"loosely for {N:g}×; the {r['growth_base_year']} figure is not stated"
                    + (f", and {' while '.join(notes)}" if notes else "") + ", so neither reading can be confirmed.")
            out.append(_row(cid, doc, "stated_growth_rate", ind, stated, r["source_quote"], rec, "", "needs_review", expl))
        elif kind == "multiple_of":
            cid = f"{P}-multiple-{ind}"
            stated = f"{r['year']} = {gt.replace('为', '')} ({r['growth_base_year']})"
            if base is None or r["value"] is None:
                missing = ("no absolute figure for either year" if base is None and r["value"] is None else
                           f"no {r['year'] if r['value'] is None else r['growth_base_year']} figure")
                out.append(_row(cid, doc, "stated_growth_rate", ind, stated, r["source_quote"],
                                f"cannot recompute: {missing}", "", "needs_review",
                                f"The document gives only the ratio ({gt}) with {missing}, "
                                "so the claim cannot be checked against its own numbers."))
                continue
            m = float(r["value"]) / float(base["value"])
            status = rounding_status(float(r["growth_value"]), d, m)
            out.append(_row(cid, doc, "stated_growth_rate", ind, stated, r["source_quote"],
                            f"{_n(r['value'])}/{_n(base['value'])} = {m:.3g}×", other, status,
                            f"The stated multiple ({gt}) {'matches' if status == 'consistent' else 'does not match'} "
                            f"the ratio of the two stated values ({m:.3g})."))
    return out


def _table_target(t, name_zh):
    """The target row that quotes a table row (its quote starts with the row's name cell)."""
    return next((x for x in t if x["source_quote"].startswith(str(name_zh) + "\n")), None)


def _table_increase(P, doc, t, table) -> list[dict]:
    """Each table row's 增幅 recomputed as (target / base − 1)·100; the base may be rounded
    at its last written digit, the target is a set number (exact)."""
    out = []
    for r in table:
        if r.get("increase_pct") is None or r.get("base_value") is None or r.get("target_value") is None:
            continue
        tr = _table_target(t, r["name_zh"])
        ind = tr["indicator"] if tr else str(r["name_zh"])
        base_txt, tgt_txt, pct_txt = (_float_text(r[k]) for k in ("base_value", "target_value", "increase_pct"))
        hb = rounding_error(base_txt)  # in the table's own unit
        b, e = float(r["base_value"]), float(r["target_value"])
        pct = (e / b - 1) * 100
        lo, hi = (e / (b + hb) - 1) * 100, (e / max(b - hb, 1e-12) - 1) * 100
        status = rounding_status(float(r["increase_pct"]), decimals(pct_txt), lo, hi)
        unit = r.get("unit_zh") or ""
        rec = f"({tgt_txt}/{base_txt} − 1)·100 = {pct:.2f}%"
        if hb:
            rec += f" (base {base_txt} ± {hb:.{decimals(base_txt) + 1}f}: {lo:.2f}–{hi:.2f}%)"
        expl = {"consistent": f"The {r['base_year']}→{r['target_year']} increase recomputed from the row's own base and "
                              f"target rounds to the stated {pct_txt}%.",
                "needs_review": f"The recomputed increase ({pct:.2f}%) is one rounding step off the stated {pct_txt}%.",
                "inconsistent": f"The recomputed increase ({pct:.2f}%) does not round to the stated {pct_txt}%: the "
                                "base, target or 增幅 cell is wrong."}[status]
        out.append(_row(f"{P}-increase-{ind}", doc, "table_increase", ind,
                        f"增幅{pct_txt}% ({base_txt}{unit} → {tgt_txt}{unit}, {r['base_year']}→{r['target_year']})",
                        tr["source_quote"] if tr else str(r["name_zh"]), rec, "", status, expl))
    return out


def _statement(r) -> str:
    where = "table: " if _is_table(r) else ""
    return f"{where}{r['value_text']}{r['table_unit'] or ''} ({r['comparator']}, {r['target_year']}) [{r['target_id']}]"


def _compare_statements(P, doc, a, o) -> dict:
    """A restated target ``a`` against the target it repeats ``o``: value, range, base value,
    unit, measure, target year, comparator."""
    table_a, table_o = _is_table(a), _is_table(o)
    kind = "table_vs_text" if table_a != table_o else "repeated_statement"
    ind = a["indicator"]
    cid = f"{P}-tabletext-{ind}-{a['target_year']}" if kind == "table_vs_text" else f"{P}-repeat-{ind}"
    problems, notes, status = [], [], "consistent"

    def worse(s):
        return s if _ORDER[s] < _ORDER[status] else status

    if "qualitative" in (a["comparator"], o["comparator"]):
        if a["comparator"] != o["comparator"] or a["value_text"] != o["value_text"]:
            status = worse("inconsistent")
            problems.append("the two statements differ")
    else:
        if not (_same(a["value"], o["value"]) and _same(a["value_high"], o["value_high"])):
            status = worse("inconsistent")
            problems.append(f"the values differ ({_n(a['value'], a['unit'])} vs {_n(o['value'], o['unit'])})")
        if a["baseline_value"] is not None and o["baseline_value"] is not None and not (
                _same(a["baseline_value"], o["baseline_value"]) and a["baseline_year"] == o["baseline_year"]):
            status = worse("inconsistent")
            problems.append("the base values differ")
    if a["unit"] != o["unit"] or a["measure"] != o["measure"]:
        status = worse("needs_review")
        problems.append(f"unit/measure differ ({a['unit']}/{a['measure']} vs {o['unit']}/{o['measure']})")
    if a["target_year"] != o["target_year"]:
        status = worse("needs_review")
        y0, y1 = sorted((a["target_year"], o["target_year"]))
        problems.append(f"the same value is dated {a['target_year']} here and {o['target_year']} in {o['target_id']}: "
                        "no contradiction for a level that can be held, but the deadline matters for attainment "
                        f"(read: reach by {y0}, hold to {y1})")
    if a["comparator"] != o["comparator"] and "qualitative" not in (a["comparator"], o["comparator"]):
        tab, txt = (a, o) if table_a else (o, a)
        if kind == "table_vs_text" and tab["comparator"] == "=" and txt["comparator"] in (">=", ">"):
            word = "a lower bound" if txt["comparator"] == ">=" else "a strict lower bound"
            notes.append(f"the table gives a point forecast and the text adds {word} ({txt['value_text']}); "
                         "same number, read as the same target")
        else:
            status = worse("needs_review")
            problems.append(f"the comparators differ ({a['comparator']} vs {o['comparator']})")
    if a["commitment"] != o["commitment"]:
        notes.append(f"commitment differs ({a['commitment']} vs {o['commitment']})")
    if a["indicator_zh"] != o["indicator_zh"]:
        notes.append(f"worded {a['indicator_zh']} vs {o['indicator_zh']}")
    if problems:
        expl = f"{a['target_id']} restates {o['target_id']}, but " + "; ".join(problems) + "."
    else:
        expl = (f"{a['target_id']} restates {o['target_id']} with the same value"
                + (", comparator and year" if not any("comparator" in n or "bound" in n for n in notes) else " and year")
                + ("; " + "; ".join(notes) if notes else "") + ".")
    return _row(cid, doc, kind, ind, _statement(a), a["source_quote"], f"first stated as {_statement(o)}",
                _other(a["source_quote"], o["source_quote"]), status, _cap(expl))


def _duplicates(P, doc, t) -> list[dict]:
    """Every target marked ``duplicate_of`` against the target it repeats."""
    byid = {x["target_id"]: x for x in t}
    return [_compare_statements(P, doc, a, byid[a["duplicate_of"]]) for a in t
            if a["duplicate_of"] is not None and a["duplicate_of"] in byid]


def _table_vs_text_baselines(P, doc, b) -> list[dict]:
    """Table base values against text figures for the same year, of the same indicator or
    of a part/whole indicator (:data:`PART_OF`)."""
    out = []
    tab = [x for x in b if _is_table(x) and x["value"] is not None]
    txt = [x for x in b if not _is_table(x) and x["value"] is not None]
    for r in tab:
        for x in txt:
            same = x["indicator"] == r["indicator"]
            if x["year"] != r["year"] or not (same or _related(r["indicator"], x["indicator"])):
                continue
            ind = r["indicator"]
            cid = f"{P}-tabletext-{ind}-{r['year']}" + ("" if same else f"-vs-{x['indicator']}")
            tv, xv = float(r["value"]), float(x["value"])
            period = f"{x['period_start']}–{x['year']} total" if x["period_start"] is not None else str(x["year"])
            stated = f"table {r['indicator_zh']} {_n(tv, r['unit'])} ({r['year']})"
            rec = f"text {x['indicator_zh']} {_n(xv, x['unit'])} ({period})"
            if same:
                if _same(tv, xv):
                    status = "consistent"
                    expl = "The table's base value equals the figure stated in the text" + (
                        f" (the table says {r['indicator_zh']}, the text {x['indicator_zh']})."
                        if r["indicator_zh"] != x["indicator_zh"] else ".")
                elif r["indicator_zh"] != x["indicator_zh"]:
                    status = "needs_review"
                    expl = (f"Same concept and year but different figures ({_n(tv)} vs {_n(xv)}, {tv / xv:.2f}×) under "
                            f"different names ({r['indicator_zh']} / {x['indicator_zh']}): likely inconsistent unless "
                            "the table's figure has a wider scope.")
                else:
                    status = "inconsistent"
                    expl = f"The table and the text give different {r['year']} values for the same indicator."
            else:
                part, whole = (x, r) if PART_OF.get(x["indicator"], (None,))[0] == r["indicator"] else (r, x)
                pv, wv = float(part["value"]), float(whole["value"])
                comparable = (part["measure"] == whole["measure"] and part["period_start"] is None
                              and whole["period_start"] is None)
                scope = f"different scope ({whole['indicator_zh']} includes {part['indicator_zh']})"
                if comparable and pv > wv + _EPS and PART_OF[part["indicator"]][1]:
                    status = "inconsistent"
                    expl = f"{part['indicator_zh']} ({_n(pv)}) is part of {whole['indicator_zh']} ({_n(wv)}) but larger."
                elif comparable:
                    status = "needs_review"
                    expl = (f"Related figures with {scope}: the part ({_n(pv)}) is below the whole ({_n(wv)}) as it "
                            "should be, but the document never reconciles the two counts.")
                else:
                    status = "needs_review"
                    expl = (f"Related figures with {scope} and different periods ({r['year']} vs {period}): they need "
                            f"not match, yet the table's {r['year']} figure alone is {tv / xv:.1f}× the text's; "
                            "worth checking.")
                rec += f"; ratio {tv / xv:.2f}"
            out.append(_row(cid, doc, "table_vs_text", ind, stated, r["source_quote"], rec,
                            _other(r["source_quote"], x["source_quote"]), status, expl))
    return out


def _bounds(r) -> tuple[float, float]:
    v = float(r["value"])
    if r["comparator"] in (">=", ">"):
        return v, math.inf
    if r["comparator"] == "range":
        return v, float(r["value_high"])
    return v, v


def _related_targets(P, doc, t, b) -> list[dict]:
    """Increments against levels (:data:`INCREMENT_OF`), and the same indicator stated twice
    for one year without being marked as a restatement."""
    out = []
    for a in t:
        level_key = INCREMENT_OF.get(a["indicator"])
        if level_key is None or a["value"] is None:
            continue
        for o in t:
            if o["indicator"] != level_key or o["target_year"] != a["target_year"] or o["value"] is None:
                continue
            start = float(o["value"]) - float(a["value"])
            units = "" if a["unit"] == o["unit"] else f" and the units differ ({a['unit']} vs {o['unit']})"
            rec = f"{_n(o['value'])} − {_n(a['value'])} = {_n(start)} at the start of the plan"
            known = sorted((x for x in b if x["indicator"] == level_key and x["value"] is not None
                            and x["year"] < a["target_year"]), key=lambda x: x["year"])
            if known:
                k = known[-1]
                total = float(k["value"]) + float(a["value"])
                ok = _same(total, o["value"])
                status = "consistent" if ok else "inconsistent"
                rec += f"; stated {k['year']} level {_n(k['value'])} + {_n(a['value'])} = {_n(total)}"
                expl = (f"The stated {k['year']} level plus the increase {'equals' if ok else 'does not equal'} the "
                        f"level target ({o['value_text']}){units}.")
            else:
                status = "needs_review"
                expl = (f"Together the increase ({a['value_text']}) and the level ({o['value_text']}) imply a start "
                        f"level of {_n(start)}; the document does not state it{units}, so the pair cannot be checked.")
            out.append(_row(f"{P}-related-{a['indicator']}", doc, "related_figures", a["indicator"],
                            f"{a['value_text']} by {a['target_year']} [{a['target_id']}]", a["source_quote"], rec,
                            _other(a["source_quote"], o["source_quote"]), status, expl))
    groups: dict[tuple, list[dict]] = {}
    for x in t:
        if x["duplicate_of"] is None and x["value"] is not None:
            groups.setdefault((x["indicator"], x["target_year"]), []).append(x)
    for (ind, year), g in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        o = g[0]
        for a in g[1:]:
            (lo_a, hi_a), (lo_o, hi_o) = _bounds(a), _bounds(o)
            if a["scope"] != o["scope"]:
                status = "consistent"
                expl = f"Different scopes ({o['scope']} / {a['scope']}), so different values are expected."
            elif max(lo_a, lo_o) <= min(hi_a, hi_o) + _EPS:
                status = "consistent"
                expl = (f"{a['target_id']} and {o['target_id']} state {ind} for {year} in different words "
                        f"({a['indicator_zh']} / {o['indicator_zh']}); the two requirements are compatible.")
            else:
                status = "needs_review"
                expl = (f"{a['target_id']} and {o['target_id']} give incompatible {year} values for {ind} and are "
                        "not marked as restatements: different scope, or an error.")
            out.append(_row(f"{P}-related-{ind}", doc, "related_figures", ind,
                            f"{a['value_text']} ({a['comparator']}) [{a['target_id']}]", a["source_quote"],
                            f"also stated as {o['value_text']} ({o['comparator']}) [{o['target_id']}]",
                            _other(a["source_quote"], o["source_quote"]), status, expl))
    return out


def _history(b, indicator, upto_year):
    """The document's own past growth of an indicator, as (annual rate, label, quote) or None:
    the CAGR between its first and last dated values, else its stated growth figure."""
    h = sorted((x for x in b if x["indicator"] == indicator and x["value"] is not None and x["period_start"] is None
                and x["year"] <= upto_year), key=lambda x: x["year"])
    years = sorted({x["year"] for x in h})
    if len(years) >= 2:
        f = next(x for x in h if x["year"] == years[0])
        last = next(x for x in h if x["year"] == years[-1])
        g = cagr(float(f["value"]), float(last["value"]), int(last["year"] - f["year"]))
        extra = f", stated {last['growth_text']}" if last["growth_kind"] == "cagr" else ""
        return (g, f"{f['year']}→{last['year']} {_n(f['value'])}→{_n(last['value'])}: {_pct(g)}/yr{extra}",
                last["source_quote"])
    gr = [x for x in b if x["indicator"] == indicator and x["growth_kind"] and x["growth_value"] is not None
          and x["year"] <= upto_year]
    if not gr:
        return None
    r = gr[-1]
    n = int(r["year"] - r["growth_base_year"])
    gv = float(r["growth_value"])
    g = {"cagr": gv / 100, "times_increase": (1 + gv) ** (1 / n) - 1, "multiple_of": gv ** (1 / n) - 1}[r["growth_kind"]]
    label = f"{r['growth_base_year']}→{r['year']}: {r['growth_text']} = {_pct(g, 1)}/yr"
    if r["growth_kind"] == "times_increase":
        label += f" (strict reading; loose {_pct(gv ** (1 / n) - 1, 1)}/yr)"
    return g, label, r["source_quote"]


def _vs_history(P, doc, t, b) -> list[dict]:
    """Growth-rate targets, and the CAGR level targets imply from their base value, against
    the document's own history of the same indicator (ratio outside :data:`HISTORY_RATIO`
    → needs_review); stock targets against the flow that feeds them (:data:`STOCK_FLOW`)."""
    out = []
    canon = [x for x in t if x["duplicate_of"] is None and x["value"] is not None]
    lo_r, hi_r = HISTORY_RATIO
    for r in canon:
        base_v, base_y = r["baseline_value"], r["baseline_year"]
        if base_v is None:  # a restatement (e.g. the table row) may carry the base value
            dup = next((x for x in t if x["duplicate_of"] == r["target_id"] and x["baseline_value"] is not None), None)
            if dup:
                base_v, base_y = dup["baseline_value"], dup["baseline_year"]
        if r["measure"] == "growth_rate":
            g_t, upto = float(r["value"]) / 100, int(r["target_year"])
            stated = f"{r['value_text']} a year to {r['target_year']} [{r['target_id']}]"
            rec_t = f"target {_pct(g_t, 1)}/yr"
        elif r["measure"] in _LEVEL_MEASURES and base_v is not None and float(base_v) > 0 \
                and int(r["target_year"]) > int(base_y):
            n = int(r["target_year"]) - int(base_y)
            g_t, upto = cagr(float(base_v), float(r["value"]), n), int(base_y)
            stated = f"{r['value_text']} by {r['target_year']} from {_n(base_v, r['unit'])} in {base_y} [{r['target_id']}]"
            rec_t = f"implied ({_n(r['value'])}/{_n(base_v)})^(1/{n}) − 1 = {_pct(g_t, 1)}/yr"
        else:
            continue
        hist = _history(b, r["indicator"], upto)
        if hist is None or hist[0] <= 0:
            continue
        g_h, label, quote = hist
        ratio = g_t / g_h
        status = "consistent" if lo_r <= ratio <= hi_r else "needs_review"
        if status == "consistent":
            expl = f"The target's growth ({_pct(g_t, 1)}/yr) is {ratio:.2f}× the document's own history ({_pct(g_h, 1)}/yr)."
        elif ratio < lo_r:
            expl = (f"The target's {_pct(g_t, 1)}/yr is only {ratio:.2f}× the {_pct(g_h, 1)}/yr the document reports for "
                    "the past: a sharp deceleration, plausible from a larger base or simply unambitious; the plan gives "
                    "no reason.")
        else:
            expl = (f"The target's {_pct(g_t, 1)}/yr is {ratio:.2f}× the {_pct(g_h, 1)}/yr the document reports for the "
                    "past: an acceleration the plan does not explain.")
        if "增长了" in label:
            expl += " The history is a one-year jump stated with the ambiguous 增长了N倍."
        out.append(_row(f"{P}-history-{r['indicator']}", doc, "implied_growth_vs_history", r["indicator"], stated,
                        r["source_quote"], f"{rec_t} vs history {label}; ratio {ratio:.2f}",
                        _other(r["source_quote"], quote), status, expl))
    lo_f, hi_f = STOCK_FLOW_BAND
    for r in canon:
        flow_key = STOCK_FLOW.get(r["indicator"])
        if flow_key is None:
            continue
        base_v, base_y = r["baseline_value"], r["baseline_year"]
        if base_v is None:
            known = sorted((x for x in b if x["indicator"] == r["indicator"] and x["value"] is not None
                            and x["year"] < r["target_year"]), key=lambda x: x["year"])
            if not known:
                continue
            base_v, base_y = known[-1]["value"], known[-1]["year"]
        f = next((x for x in b if x["indicator"] == flow_key and x["value"] is not None and x["year"] == base_y
                  and x["period_start"] is None), None)
        if f is None:
            continue
        n = int(r["target_year"]) - int(base_y)
        fv, bv, tv = float(f["value"]), float(base_v), float(r["value"])
        projected = bv + n * fv
        need = (tv - bv) / n
        ratio = need / fv
        rec = (f"{_n(bv)} + {n} × {_n(fv)} ({f['indicator_zh']} {base_y}) = {_n(projected)} vs target {_n(tv)}; "
               f"needs {_n(round(need))} net a year = {ratio:.2f}× the {base_y} flow")
        if ratio < lo_f:
            status = "needs_review"
            expl = (f"At the {base_y} pace alone ({_n(fv)} a year, no growth) the stock reaches {_n(projected)} by "
                    f"{r['target_year']}, above the {_n(tv)} target unless more than {_n(round((projected - tv) / n))} "
                    "a year lapse: the target looks unambitious.")
        elif ratio > hi_f:
            status = "needs_review"
            expl = f"The target needs net additions of {ratio:.1f}× the {base_y} flow every year: very ambitious."
        else:
            status = "consistent"
            expl = f"The target needs net additions of {ratio:.2f}× the {base_y} flow a year: in line with history."
        out.append(_row(f"{P}-stockflow-{r['indicator']}", doc, "implied_growth_vs_history", r["indicator"],
                        f"{r['value_text']} by {r['target_year']} from {_n(bv)} in {base_y} [{r['target_id']}]",
                        r["source_quote"], rec, _other(r["source_quote"], f["source_quote"]), status, expl))
    return out


def _magnitude(P, doc, t, cat) -> list[dict]:
    """Related flows within one document (annual_flow targets of one category in
    :data:`MAGNITUDE_CATEGORIES`, one unit and year), each against the largest: a factor
    above :data:`MAGNITUDE_FACTOR` is implausible."""
    out = []
    groups: dict[tuple, list[dict]] = {}
    for x in t:
        if x["duplicate_of"] is None and x["value"] and x["measure"] == "annual_flow" \
                and cat.get(x["indicator"]) in MAGNITUDE_CATEGORIES:
            groups.setdefault((cat[x["indicator"]], x["unit"], x["target_year"]), []).append(x)
    for g in groups.values():
        if len(g) < 2:
            continue
        ref = max(g, key=lambda x: float(x["value"]))
        for r in g:
            if r is ref:
                continue
            factor = float(ref["value"]) / float(r["value"])
            status = "needs_review" if factor > MAGNITUDE_FACTOR else "consistent"
            expl = (f"{r['indicator_zh']} ({r['value_text']}) is {factor:.0f}× smaller than {ref['indicator_zh']} "
                    f"({ref['value_text']}) in the same document"
                    + (": implausibly small for the same jurisdiction (a typo, or a narrow subset?)."
                       if status == "needs_review" else f", within the {MAGNITUDE_FACTOR:g}× plausibility band."))
            out.append(_row(f"{P}-magnitude-{r['indicator']}", doc, "magnitude", r["indicator"],
                            f"{r['value_text']}{'' if '/年' in r['value_text'] else ' a year'} [{r['target_id']}]",
                            r["source_quote"],
                            f"{_n(ref['value'])} / {_n(r['value'])} = {factor:.1f}× ({ref['target_id']} {ref['indicator']})",
                            _other(r["source_quote"], ref["source_quote"]), status, expl))
    return out


def _part_whole(P, doc, t, b) -> list[dict]:
    """A part cannot exceed its whole (:data:`PART_OF`): among targets of one year, and among
    baselines of one year and measure (table-vs-text pairs are left to table_vs_text)."""
    out = []
    sets = [("target", [dict(x, _year=x["target_year"]) for x in t if x["duplicate_of"] is None and x["value"] is not None]),
            ("baseline", [dict(x, _year=x["year"]) for x in b if x["value"] is not None and x["period_start"] is None])]
    for what, rows in sets:
        for p in rows:
            if p["indicator"] not in PART_OF:
                continue
            whole, strict = PART_OF[p["indicator"]]
            for w in rows:
                if w["indicator"] != whole or w["_year"] != p["_year"] or w["measure"] != p["measure"]:
                    continue
                if what == "baseline" and _is_table(p) != _is_table(w):
                    continue
                pv, wv = float(p["value"]), float(w["value"])
                bounds = what == "target" and (p["comparator"] in (">=", ">") or w["comparator"] in (">=", ">"))
                if pv <= wv + _EPS:
                    status = "consistent"
                    expl = f"{p['indicator_zh']} ({_n(pv)}) does not exceed {w['indicator_zh']} ({_n(wv)})."
                elif bounds:
                    status = "needs_review"
                    expl = (f"The bound on {p['indicator_zh']} ({_n(pv)}) exceeds that on {w['indicator_zh']} "
                            f"({_n(wv)}), so the latter never binds.")
                elif strict:
                    status = "inconsistent"
                    expl = f"{p['indicator_zh']} ({_n(pv)}) is part of {w['indicator_zh']} ({_n(wv)}) but larger."
                else:
                    status = "needs_review"
                    expl = (f"{p['indicator_zh']} ({_n(pv)}) exceeds {w['indicator_zh']} ({_n(wv)}) in {p['_year']}: "
                            "possible, since they stem from earlier years' filings, but unusual; check the figures.")
                rel = "⊂" if strict else "≤ (cohort)"
                out.append(_row(f"{P}-partof-{p['indicator']}-{p['_year']}", doc, "arithmetic", p["indicator"],
                                f"{p['indicator_zh']} {p['value_text']} ({p['_year']})", p["source_quote"],
                                f"{_n(pv)} {rel} {w['indicator_zh']} {_n(wv)}: {'holds' if pv <= wv + _EPS else 'fails'}",
                                _other(p["source_quote"], w["source_quote"]), status, expl))
    return out


_CN = "一二三四五六七八九十"


def _clause(text: str, start: int, end: int) -> str:
    """The verbatim clause around a match: its parenthesis if inside one, else between ,。;."""
    op = max(text.rfind("(", 0, start), text.rfind("(", 0, start))
    if op >= 0 and ")" not in text[op:start] and ")" not in text[op:start]:
        close = min([i for i in (text.find(")", end), text.find(")", end)) if i >= 0] or [end])
        return text[op:close + 1]
    lo = max(text.rfind(c, 0, start) for c in ",。;:\n") + 1
    his = [i for i in (text.find(c, end) for c in ",。;:\n") if i >= 0]
    return text[lo:min(his) if his else len(text)]


def _text_arithmetic(P, doc, text) -> list[dict]:
    """Counts the text states about itself: 'N项任务' vs the numbered task headings; 前N项 + 后M项
    = N项; '“K+n”' vs the items it lists."""
    out = []
    totals = [(int(m.group(1)), m) for m in re.finditer(r"(?<![前后\d])(\d+)项任务", text)]
    if totals:
        total, tm = totals[0]
        lines = text.splitlines()
        head = next((i for i, ln in enumerate(lines) if re.match(rf"^[{_CN}]+、.*任务", ln.strip())), None)
        if head is not None:
            subs = []
            for ln in lines[head + 1:]:
                s = ln.strip()
                if re.match(rf"^[{_CN}]+、", s):
                    break
                m = re.match(rf"^\(([{_CN}]+)\)", s)
                if m:
                    subs.append(chinese_int(m.group(1)))
            sequential = subs == list(range(1, len(subs) + 1))
            status = "consistent" if len(subs) == total and sequential and len({t for t, _ in totals}) == 1 else "inconsistent"
            statements = ", ".join(sorted({f"{t}项任务" for t, _ in totals}))
            out.append(_row(f"{P}-tasks-count", doc, "arithmetic", "task_count",
                            f"{statements} (stated {len(totals)}×)", _clause(text, tm.start(), tm.end()),
                            f"{len(subs)} numbered tasks ({'(一)…(' + _CN[len(subs) - 1] + ')' if subs else 'none'}) under "
                            f"{lines[head].strip()}" + ("" if sequential else " (numbering not sequential)"),
                            lines[head].strip(), status,
                            "The number of tasks the text announces equals the numbered task headings."
                            if status == "consistent" else
                            "The announced number of tasks differs from the numbered task headings."))
        fronts = [(int(m.group(1)), m) for m in re.finditer(r"前(\d+)项", text)]
        backs = [(int(m.group(1)), m) for m in re.finditer(r"后(\d+)项", text)]
        for (nf, mf), (nb, mb) in zip(fronts, backs):
            ok = nf + nb == total
            out.append(_row(f"{P}-tasks-split-{nf}+{nb}", doc, "arithmetic", "task_count",
                            f"前{nf}项 + 后{nb}项 of {total}项任务", _clause(text, mf.start(), mf.end()),
                            f"{nf} + {nb} = {nf + nb}", _clause(text, mb.start(), mb.end()),
                            "consistent" if ok else "inconsistent",
                            f"The first {nf} and last {nb} tasks {'add up to' if ok else 'do not add up to'} "
                            f"the {total} tasks announced."))
    for m in re.finditer(r"“(\d+)\+n”[^(()。“”]{0,20}[((]([^))]*)[))]", text):
        k = int(m.group(1))
        items = [s for s in re.split(r"[,,、]", m.group(2)) if s.strip()]
        named = [s for s in items if not s.strip().startswith("“n”")]
        ok = len(named) == k
        out.append(_row(f"{P}-list-{k}+n", doc, "arithmetic", "service_system_items",
                        f"“{k}+n” system: {k} named institutions plus n", m.group(0),
                        f"{len(named)} named items listed (+ {len(items) - len(named)} “n” item)", "",
                        "consistent" if ok else "inconsistent",
                        f"The list in parentheses names {len(named)} institution types, "
                        f"{'matching' if ok else 'not matching'} the {k} in “{k}+n”."))
    return out


# --------------------------------------------------------------------------- entry point

def _prefix(doc_id: str, t: list[dict], b: list[dict]) -> str:
    ids = [x["target_id"] for x in t] + [x["baseline_id"] for x in b]
    return str(ids[0]).split("-")[0] if ids else doc_id.split("_")[0].upper()


def _unique_ids(rows: list[dict]) -> None:
    seen: dict[str, int] = {}
    for r in rows:
        cid = r["check_id"]
        seen[cid] = seen.get(cid, 0) + 1
        if seen[cid] > 1:
            r["check_id"] = f"{cid}-{seen[cid]}"


def audit(doc_id: str | None = None, targets: pd.DataFrame | None = None, baselines: pd.DataFrame | None = None,
          tables: dict[str, pd.DataFrame] | None = None, texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Check each document against itself: one row per check.

    ``targets`` / ``baselines`` default to the validated tables; ``tables`` (doc_id → parsed
    indicator table, as :func:`ipanalysis.tables.parse_flat_table` returns) defaults to
    parsing :data:`TABLE_TITLES` out of ``texts`` (doc_id → raw text, default the raw
    files).  Pass corrupted copies to see a check fail; nothing is modified.

    Columns :data:`COLUMNS`; ``kind`` in :data:`KINDS`; ``status`` in :data:`STATUSES`.
    Sorted inconsistent → needs_review → consistent, then by doc_id and check_id.

    >>> a = audit("cangshan_2013").set_index("check_id")
    >>> a.loc["CS-magnitude-trademark_applications_annual", ["status", "recomputed"]].tolist()
    ['needs_review', '1800 / 15 = 120.0× (CS-14 patent_applications_annual)']
    >>> audit("nowhere")
    Traceback (most recent call last):
    ...
    ipanalysis.sources.UnknownDocumentError: unknown doc_id 'nowhere'; valid: cangshan_2013, guiyang_2022, nanchang_2021, national_2015, ordos_2022
    """
    valid = _doc_ids()
    if doc_id is not None:
        check_doc_id(doc_id)
    t_all = _records(_load_targets() if targets is None else targets)
    b_all = _records(_load_baselines() if baselines is None else baselines)
    cat = dict(zip(*_load_indicators()[["key", "category"]].T.values))
    rows: list[dict] = []
    for doc in ([doc_id] if doc_id is not None else valid):
        t = [x for x in t_all if x["doc_id"] == doc]
        b = [x for x in b_all if x["doc_id"] == doc]
        P = _prefix(doc, t, b)
        text = texts[doc] if texts is not None and doc in texts else raw_text(doc)
        table = tables.get(doc) if tables is not None else None
        if table is None and doc in TABLE_TITLES:
            table = parse_flat_table(text, TABLE_TITLES[doc])
        doc_rows = _stated_growth(P, doc, b)
        if table is not None:
            doc_rows += _table_increase(P, doc, t, _records(table))
        doc_rows += _duplicates(P, doc, t)
        doc_rows += _table_vs_text_baselines(P, doc, b)
        doc_rows += _related_targets(P, doc, t, b)
        doc_rows += _vs_history(P, doc, t, b)
        doc_rows += _magnitude(P, doc, t, cat)
        doc_rows += _part_whole(P, doc, t, b)
        doc_rows += _text_arithmetic(P, doc, text)
        _unique_ids(doc_rows)
        rows += doc_rows
    rows.sort(key=lambda r: (_ORDER[r["status"]], r["doc_id"], r["check_id"]))
    return pd.DataFrame(rows, columns=COLUMNS)
