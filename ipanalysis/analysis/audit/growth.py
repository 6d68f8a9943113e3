"""stated_growth_rate: every growth figure a document states (年均增长x%, 增长了N倍, 为…的N倍),
recomputed from the document's own value for the base year (``growth_base_year``).

Compound annual growth rate from ``start`` in ``y0`` to ``end`` in ``y1``:
``(end / start) ** (1 / (y1 - y0)) - 1`` (:func:`ipanalysis.analysis.rates.cagr`), e.g. Ordos
patent grants 550 (2015) → 2748 (2020): 37.95 %, stated as 年均增长38.0%.
"""

from __future__ import annotations

from ..rates import cagr
from .context import Doc
from .finding import Finding
from .numbers import NUM, decimals, fmt, rounding_error, rounding_status, written

__all__ = ["stated_growth"]


def _base(b: list[dict], r: dict) -> dict | None:
    """The same indicator's stated value in the growth figure's base year (not a period total)."""
    return next((x for x in b if x["indicator"] == r["indicator"] and x["year"] == r["growth_base_year"]
                 and x["value"] is not None and x["period_start"] is None), None)


def _cagr(d: Doc, r: dict, base: dict | None, gt: str, dec: int) -> Finding:
    cid, ind = f"{d.prefix}-cagr-{r['indicator']}", r["indicator"]
    if base is None or r["value"] is None:
        return Finding(cid, d.doc_id, "stated_growth_rate", ind, f"{gt} ({r['growth_base_year']}→{r['year']})",
                       r["source_quote"], f"no {r['growth_base_year']} value stated", "", "needs_review",
                       f"The document states an average growth rate but not the {r['growth_base_year']} "
                       "value it starts from, so the rate cannot be recomputed.",
                       "cagr_no_base", {"gt": gt, "y0": r["growth_base_year"], "y1": r["year"]})
    n = int(r["year"]) - int(base["year"])
    s, e = float(base["value"]), float(r["value"])
    hs = rounding_error(*written(base["value_text"], base["table_unit"]))
    he = rounding_error(*written(r["value_text"], r["table_unit"]))
    g = cagr(s, e, n) * 100
    lo, hi = cagr(s + hs, max(e - he, 1e-12), n) * 100, cagr(max(s - hs, 1e-12), e + he, n) * 100
    status = rounding_status(r["growth_value"], dec, lo, hi)
    rec = f"({fmt(e)}/{fmt(s)})^(1/{n}) − 1 = {g:.2f}%"
    if hs or he:
        rec += f" (inputs rounded: {lo:.2f}–{hi:.2f}%)"
    sv = f"{r['growth_value']:.{dec}f}%"
    expl = {
        "consistent": f"Recomputed from the document's own {base['year']} and {r['year']} figures the rate is "
                      f"{g:.2f}%, which rounds to the stated {sv}.",
        "needs_review": f"The recomputed {g:.2f}% is one rounding step off the stated {sv} "
                        "(truncation, or a slightly different base figure).",
        "inconsistent": f"The recomputed {g:.2f}% does not round to the stated {sv}: one of the three "
                        "figures is wrong.",
    }[status]
    return Finding(cid, d.doc_id, "stated_growth_rate", ind, f"{gt}, {fmt(s)} ({base['year']}) → {fmt(e)} ({r['year']})",
                   r["source_quote"], rec, base["source_quote"], status, expl, "cagr",
                   {"gt": gt, "s": fmt(s), "e": fmt(e), "y0": base["year"], "y1": r["year"], "n": n, "g": f"{g:.2f}",
                    "lo": f"{lo:.2f}", "hi": f"{hi:.2f}", "rounded": bool(hs or he), "sv": sv})


def _times(d: Doc, r: dict, base: dict | None, gt: str, dec: int) -> Finding:
    """增长了N倍: strictly end = (1 + N) × start, often used loosely for N × start."""
    cid, ind = f"{d.prefix}-times-{r['indicator']}", r["indicator"]
    N = float(r["growth_value"])
    stated = f"{fmt(r['value'])} in {r['year']}, {gt}" if r["value"] is not None else gt
    if base is not None and r["value"] is not None:
        m = float(r["value"]) / float(base["value"])
        strict, loose = rounding_status(N, dec, m - 1), rounding_status(N, dec, m)
        status = "consistent" if strict == "consistent" else (
            "needs_review" if "consistent" in (loose,) or strict == "needs_review" else "inconsistent")
        expl = {"consistent": f"'增长了{N:g}倍' read strictly (+{N:g}×100%) matches the two stated values.",
                "needs_review": f"The two values match only the loose reading of '增长了{N:g}倍' "
                                f"({N:g} times as much, not {N:g} times more).",
                "inconsistent": f"Neither reading of '增长了{N:g}倍' matches the two stated values."}[status]
        return Finding(cid, d.doc_id, "stated_growth_rate", ind, stated, r["source_quote"],
                       f"{fmt(r['value'])}/{fmt(base['value'])} = {m:.2f}× (an increase of {m - 1:.2f}×)",
                       base["source_quote"], status, expl, "times",
                       {"N": f"{N:g}", "v": fmt(r["value"]), "b": fmt(base["value"]), "m": f"{m:.2f}",
                        "m1": f"{m - 1:.2f}", "year": r["year"], "gt": gt})
    if r["value"] is None:
        return Finding(cid, d.doc_id, "stated_growth_rate", ind, stated, r["source_quote"], "no absolute figure",
                       "", "needs_review", "Only a relative figure is stated, so it cannot be checked.",
                       "times_relative", {"gt": gt})
    v = float(r["value"])
    strict_b, loose_b = v / (1 + N), v / N
    counted = r["unit"] not in ("%", "yuan")
    notes = []
    fractional = counted and abs(strict_b - round(strict_b)) > 1e-9
    whole = counted and abs(loose_b - round(loose_b)) < 1e-9
    if fractional:
        notes.append(f"the strict reading gives a non-integer count ({strict_b:.2f})")
    if whole:
        notes.append(f"the loose reading gives a whole {loose_b:.0f}")
    rec = (f"{r['growth_base_year']} implied: {fmt(v)}/{fmt(1 + N)} = {strict_b:.2f} (strict: +{N:g}×100%) "
           f"or {fmt(v)}/{fmt(N)} = {loose_b:.2f} (loose: {N:g}×)")
    expl = (f"'增长了{N:g}倍' strictly means {r['year']} = {1 + N:g}× {r['growth_base_year']} but is often used "
            f"loosely for {N:g}×; the {r['growth_base_year']} figure is not stated"
            + (f", and {' while '.join(notes)}" if notes else "") + ", so neither reading can be confirmed.")
    return Finding(cid, d.doc_id, "stated_growth_rate", ind, stated, r["source_quote"], rec, "", "needs_review", expl,
                   "times_no_base", {"N": f"{N:g}", "N1": f"{1 + N:g}", "v": fmt(v), "fv1": fmt(1 + N), "fN": fmt(N),
                                     "strict": f"{strict_b:.2f}", "loose": f"{loose_b:.2f}", "whole": f"{loose_b:.0f}",
                                     "year": r["year"], "y0": r["growth_base_year"], "gt": gt,
                                     "fractional": fractional, "is_whole": whole})


def _multiple(d: Doc, r: dict, base: dict | None, gt: str, dec: int) -> Finding:
    """为…的N倍: end = N × start."""
    cid, ind = f"{d.prefix}-multiple-{r['indicator']}", r["indicator"]
    stated = f"{r['year']} = {gt.replace('为', '')} ({r['growth_base_year']})"
    if base is None or r["value"] is None:
        missing = ("no absolute figure for either year" if base is None and r["value"] is None else
                   f"no {r['year'] if r['value'] is None else r['growth_base_year']} figure")
        return Finding(cid, d.doc_id, "stated_growth_rate", ind, stated, r["source_quote"],
                       f"cannot recompute: {missing}", "", "needs_review",
                       f"The document gives only the ratio ({gt}) with {missing}, "
                       "so the claim cannot be checked against its own numbers.", "multiple_missing",
                       {"gt": gt, "ratio": gt.replace("为", ""), "year": r["year"], "y0": r["growth_base_year"],
                        "missing": "both" if base is None and r["value"] is None else
                        str(r["year"] if r["value"] is None else r["growth_base_year"])})
    m = float(r["value"]) / float(base["value"])
    status = rounding_status(float(r["growth_value"]), dec, m)
    return Finding(cid, d.doc_id, "stated_growth_rate", ind, stated, r["source_quote"],
                   f"{fmt(r['value'])}/{fmt(base['value'])} = {m:.3g}×", base["source_quote"], status,
                   f"The stated multiple ({gt}) {'matches' if status == 'consistent' else 'does not match'} "
                   f"the ratio of the two stated values ({m:.3g}).", "multiple",
                   {"gt": gt, "ratio": gt.replace("为", ""), "year": r["year"], "y0": r["growth_base_year"],
                    "v": fmt(r["value"]), "b": fmt(base["value"]), "m": f"{m:.3g}"})


_BY_KIND = {"cagr": _cagr, "times_increase": _times, "multiple_of": _multiple}


def stated_growth(d: Doc) -> list[Finding]:
    """Every baseline with a ``growth_kind``, recomputed from the base-year value."""
    out = []
    for r in d.baselines:
        if r["growth_kind"] is None:
            continue
        gt = r["growth_text"] or ""
        dec = decimals(gt) if NUM.search(gt) else 0
        out.append(_BY_KIND[r["growth_kind"]](d, r, _base(d.baselines, r), gt, dec))
    return out
