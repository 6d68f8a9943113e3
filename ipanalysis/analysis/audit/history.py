"""implied_growth_vs_history: targets set against the document's own past.

* A growth target, or the CAGR a level target implies from its base value, against the
  document's own past growth of the same indicator: a ratio outside :data:`HISTORY_RATIO`
  → needs_review.  When the ratio is outside the band, the text is searched for a stated
  reason (keyword rules in ``data/stated_reasons.csv``) and the reason is quoted.
* A stock target against the annual flow that feeds it (``stock_flow`` in
  data/indicator_relations.csv): required net additions a year outside :data:`STOCK_FLOW_BAND`
  times the flow's latest value → needs_review.
"""

from __future__ import annotations

from ..rates import cagr
from .context import Doc
from .finding import Finding
from .numbers import fmt, pct
from .textspans import clause_around, heading_path, sentences

__all__ = ["vs_history", "stock_vs_flow", "history_status", "stock_flow_status", "stated_reason",
           "HISTORY_RATIO", "STOCK_FLOW_BAND"]

#: a target's growth rate over its history's rate outside this band → needs_review (edges inside).
HISTORY_RATIO = (0.5, 2.0)
#: a stock target whose required net additions per year are outside this multiple of the feeding
#: flow's latest annual value → needs_review (below: met with no growth at all; edges inside).
STOCK_FLOW_BAND = (1.0, 2.0)
_LEVEL_MEASURES = ("stock", "level", "annual_flow", "intensity")


def history_status(ratio: float) -> str:
    """Target growth / historical growth → verdict (:data:`HISTORY_RATIO`, edges consistent).

    >>> [history_status(x) for x in (0.49, 0.5, 2.0, 2.01)]
    ['needs_review', 'consistent', 'consistent', 'needs_review']
    """
    lo, hi = HISTORY_RATIO
    return "consistent" if lo <= ratio <= hi else "needs_review"


def stock_flow_status(ratio: float) -> str:
    """Required net additions a year / the feeding flow → verdict (:data:`STOCK_FLOW_BAND`).

    >>> [stock_flow_status(x) for x in (0.99, 1.0, 2.0, 2.01)]
    ['needs_review', 'consistent', 'consistent', 'needs_review']
    """
    lo, hi = STOCK_FLOW_BAND
    return "consistent" if lo <= ratio <= hi else "needs_review"


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
        return (g, f"{f['year']}→{last['year']} {fmt(f['value'])}→{fmt(last['value'])}: {pct(g)}/yr{extra}",
                last["source_quote"], {"y0": f["year"], "y1": last["year"], "v0": fmt(f["value"]),
                                       "v1": fmt(last["value"]), "g": pct(g),
                                       "stated": last["growth_text"] if last["growth_kind"] == "cagr" else ""})
    gr = [x for x in b if x["indicator"] == indicator and x["growth_kind"] and x["growth_value"] is not None
          and x["year"] <= upto_year]
    if not gr:
        return None
    r = gr[-1]
    n = int(r["year"] - r["growth_base_year"])
    gv = float(r["growth_value"])
    g = {"cagr": gv / 100, "times_increase": (1 + gv) ** (1 / n) - 1, "multiple_of": gv ** (1 / n) - 1}[r["growth_kind"]]
    label = f"{r['growth_base_year']}→{r['year']}: {r['growth_text']} = {pct(g, 1)}/yr"
    args = {"y0": r["growth_base_year"], "y1": r["year"], "text": r["growth_text"], "g": pct(g, 1), "loose": ""}
    if r["growth_kind"] == "times_increase":
        label += f" (strict reading; loose {pct(gv ** (1 / n) - 1, 1)}/yr)"
        args["loose"] = pct(gv ** (1 / n) - 1, 1)
    return g, label, r["source_quote"], args


def _overlap(a: str, b: str) -> int:
    """Length of the longest common substring of two short texts (how much of an indicator's
    name a sentence mentions)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def stated_reason(d: Doc, direction: str, indicator: str, indicator_zh: str) -> tuple[str, str, str] | None:
    """A reason the text gives for growth ``direction`` ("slower"/"faster") than its history:
    (reason, verbatim quote, heading path) or None.  Among sentences that match a rule of
    ``data/stated_reasons.csv`` covering ``indicator``, the one mentioning most of the
    indicator's name (``indicator_zh``) wins, then the first; the quote is its matching clause
    when one clause holds all the rule's words.

    Parameters
    ----------
    d : Doc
        The document (text, sections, reason rules).
    direction : str
        ``"slower"`` or ``"faster"``.
    indicator : str
        The indicator's key.
    indicator_zh : str
        Its Chinese name, as the document writes it.

    Returns
    -------
    tuple of str or None
        ``(reason, quote, heading path)``, or None when the text gives no reason.
    """
    rules = [rule for rule in d.reasons if rule.covers(direction, indicator)]
    found = []
    for s, e in sentences(d.text) if rules else []:
        sent = d.text[s:e]
        for rule in rules:
            if rule.matches(sent):
                found.append((-_overlap(indicator_zh, sent), s, e, rule))
    if not found:
        return None
    _, s, e, rule = min(found, key=lambda x: (x[0], x[1]))
    sent = d.text[s:e]
    at = s + sent.find(rule.all_of[0])
    clause = clause_around(d.text, at, at + len(rule.all_of[0]))
    quote = clause if rule.matches(clause) else sent.strip().rstrip("。")
    return rule.reason_en, quote, heading_path(d.text, s)


def _target_growth(d: Doc, r: dict):
    """(annual growth the target asks for, year its history runs to, stated, recomputed) or None."""
    base_v, base_y = r["baseline_value"], r["baseline_year"]
    if base_v is None:  # a restatement (e.g. the table row) may carry the base value
        dup = next((x for x in d.targets if x["duplicate_of"] == r["target_id"] and x["baseline_value"] is not None), None)
        if dup:
            base_v, base_y = dup["baseline_value"], dup["baseline_year"]
    if r["measure"] == "growth_rate":
        g_t = float(r["value"]) / 100
        return (g_t, int(r["target_year"]), f"{r['value_text']} a year to {r['target_year']} [{r['target_id']}]",
                f"target {pct(g_t, 1)}/yr", {"rate": True, "text": r["value_text"], "year": r["target_year"],
                                              "id": r["target_id"], "g": pct(g_t, 1)})
    if r["measure"] in _LEVEL_MEASURES and base_v is not None and float(base_v) > 0 \
            and int(r["target_year"]) > int(base_y):
        n = int(r["target_year"]) - int(base_y)
        g_t = cagr(float(base_v), float(r["value"]), n)
        return (g_t, int(base_y), f"{r['value_text']} by {r['target_year']} from {fmt(base_v, r['unit'])} in {base_y} "
                f"[{r['target_id']}]", f"implied ({fmt(r['value'])}/{fmt(base_v)})^(1/{n}) − 1 = {pct(g_t, 1)}/yr",
                {"rate": False, "text": r["value_text"], "year": r["target_year"], "id": r["target_id"],
                 "base": fmt(base_v, r["unit"]), "base_year": base_y, "v": fmt(r["value"]), "b": fmt(base_v), "n": n,
                 "g": pct(g_t, 1)})
    return None


def _reason_args(d: Doc, r: dict, ratio: float) -> dict:
    """The reason the plan states for growth unlike its past (code, quote, heading path), or {}."""
    if history_status(ratio) == "consistent":
        return {}
    found = stated_reason(d, "slower" if ratio < HISTORY_RATIO[0] else "faster", r["indicator"], r["indicator_zh"])
    if found is None:
        return {}
    why, quote, where = found
    return {"en": why, "quote": quote, "where": where}


def _explain(d: Doc, r: dict, g_t: float, g_h: float, ratio: float, status: str) -> str:
    if status == "consistent":
        return f"The target's growth ({pct(g_t, 1)}/yr) is {ratio:.2f}× the document's own history ({pct(g_h, 1)}/yr)."
    slower = ratio < HISTORY_RATIO[0]
    reason = stated_reason(d, "slower" if slower else "faster", r["indicator"], r["indicator_zh"])
    if slower:
        expl = (f"The target's {pct(g_t, 1)}/yr is only {ratio:.2f}× the {pct(g_h, 1)}/yr the document reports for "
                "the past: a sharp deceleration")
    else:
        expl = (f"The target's {pct(g_t, 1)}/yr is {ratio:.2f}× the {pct(g_h, 1)}/yr the document reports for the "
                "past: an acceleration")
    if reason is not None:
        why, quote, where = reason
        return expl + f", which the plan explains by {why} ({where + ': ' if where else ''}「{quote}」)."
    if slower:
        return expl + ", plausible from a larger base or simply unambitious; the plan gives no reason."
    return expl + " the plan does not explain."


def vs_history(d: Doc) -> list[Finding]:
    """Growth-rate targets, and the CAGR level targets imply, against the document's own history."""
    out = []
    for r in d.targets:
        if r["duplicate_of"] is not None or r["value"] is None:
            continue
        tg = _target_growth(d, r)
        if tg is None:
            continue
        g_t, upto, stated, rec_t, targs = tg
        hist = _history(d.baselines, r["indicator"], upto)
        if hist is None or hist[0] <= 0:
            continue
        g_h, label, quote, hargs = hist
        ratio = g_t / g_h
        status = history_status(ratio)
        expl = _explain(d, r, g_t, g_h, ratio, status)
        if "增长了" in label:
            expl += " The history is a one-year jump stated with the ambiguous 增长了N倍."
        out.append(Finding(f"{d.prefix}-history-{r['indicator']}", d.doc_id, "implied_growth_vs_history",
                           r["indicator"], stated, r["source_quote"], f"{rec_t} vs history {label}; ratio {ratio:.2f}",
                           quote, status, expl, "vs_history",
                           {"target": targs, "history": hargs, "ratio": f"{ratio:.2f}", "gt": pct(g_t, 1),
                            "gh": pct(g_h, 1), "slower": ratio < HISTORY_RATIO[0], "reason": _reason_args(d, r, ratio),
                            "jump": "增长了" in label}))
    return out


def stock_vs_flow(d: Doc) -> list[Finding]:
    """Stock targets against the annual flow that feeds them, at the flow's latest stated pace."""
    out = []
    for r in d.targets:
        flow_key = d.relations.stock_flow.get(r["indicator"])
        if r["duplicate_of"] is not None or r["value"] is None or flow_key is None:
            continue
        base_v, base_y = r["baseline_value"], r["baseline_year"]
        if base_v is None:
            known = sorted((x for x in d.baselines if x["indicator"] == r["indicator"] and x["value"] is not None
                            and x["year"] < r["target_year"]), key=lambda x: x["year"])
            if not known:
                continue
            base_v, base_y = known[-1]["value"], known[-1]["year"]
        f = next((x for x in d.baselines if x["indicator"] == flow_key and x["value"] is not None
                  and x["year"] == base_y and x["period_start"] is None), None)
        if f is None:
            continue
        n = int(r["target_year"]) - int(base_y)
        fv, bv, tv = float(f["value"]), float(base_v), float(r["value"])
        projected, need = bv + n * fv, (tv - bv) / n
        ratio = need / fv
        rec = (f"{fmt(bv)} + {n} × {fmt(fv)} ({f['indicator_zh']} {base_y}) = {fmt(projected)} vs target {fmt(tv)}; "
               f"needs {fmt(round(need))} net a year = {ratio:.2f}× the {base_y} flow")
        status = stock_flow_status(ratio)
        if status == "consistent":
            expl = f"The target needs net additions of {ratio:.2f}× the {base_y} flow a year: in line with history."
        elif ratio < STOCK_FLOW_BAND[0]:
            expl = (f"At the {base_y} pace alone ({fmt(fv)} a year, no growth) the stock reaches {fmt(projected)} by "
                    f"{r['target_year']}, above the {fmt(tv)} target unless more than {fmt(round((projected - tv) / n))} "
                    "a year lapse: the target looks unambitious.")
        else:
            expl = f"The target needs net additions of {ratio:.1f}× the {base_y} flow every year: very ambitious."
        out.append(Finding(f"{d.prefix}-stockflow-{r['indicator']}", d.doc_id, "implied_growth_vs_history",
                           r["indicator"], f"{r['value_text']} by {r['target_year']} from {fmt(bv)} in {base_y} "
                           f"[{r['target_id']}]", r["source_quote"], rec, f["source_quote"], status, expl, "stock_flow",
                           {"text": r["value_text"], "year": r["target_year"], "id": r["target_id"], "bv": fmt(bv),
                            "base_year": base_y, "n": n, "fv": fmt(fv), "flow": f["indicator_zh"], "projected": fmt(projected),
                            "tv": fmt(tv), "need": fmt(round(need)), "ratio": f"{ratio:.2f}", "ratio1": f"{ratio:.1f}",
                            "lapse": fmt(round((projected - tv) / n)),
                            "case": "in_line" if status == "consistent" else "low" if ratio < STOCK_FLOW_BAND[0] else "high"}))
    return out
