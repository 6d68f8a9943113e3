"""Figures a document states twice, or derives in a table.

* ``table_increase`` — each indicator-table row's 增幅 against (target / base − 1)·100; the
  base may be rounded at its last written digit, the target is a set number (exact).
* ``table_vs_text`` / ``repeated_statement`` — each target with ``duplicate_of`` against the
  target it repeats (value, comparator, target year, unit, measure; a table's point forecast
  beside the text's lower bound is consistent), and each table base value against text figures
  of the same or a part/whole indicator and year.
"""

from __future__ import annotations

from .context import Doc, is_table
from .finding import Finding, worse
from .numbers import EPS, cap, decimals, float_text, fmt, rounding_error, rounding_status, same

__all__ = ["table_increase", "duplicates", "table_vs_text_baselines"]

def _table_target(t, name_zh):
    """The target row that quotes a table row (its quote starts with the row's name cell)."""
    return next((x for x in t if x["source_quote"].startswith(str(name_zh) + "\n")), None)

def table_increase(d: Doc) -> list[Finding]:
    """Each table row's 增幅 recomputed as (target / base − 1)·100."""
    out = []
    for r in d.table or []:
        if r.get("increase_pct") is None or r.get("base_value") is None or r.get("target_value") is None:
            continue
        tr = _table_target(d.targets, r["name_zh"])
        ind = tr["indicator"] if tr else str(r["name_zh"])
        base_txt, tgt_txt, pct_txt = (float_text(r[k]) for k in ("base_value", "target_value", "increase_pct"))
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
        out.append(Finding(f"{d.prefix}-increase-{ind}", d.doc_id, "table_increase", ind,
                           f"增幅{pct_txt}% ({base_txt}{unit} → {tgt_txt}{unit}, {r['base_year']}→{r['target_year']})",
                           tr["source_quote"] if tr else str(r["name_zh"]), rec, "", status, expl, "table_increase",
                           {"pct_txt": pct_txt, "base": base_txt, "target": tgt_txt, "unit": unit, "y0": r["base_year"],
                            "y1": r["target_year"], "pct": f"{pct:.2f}", "hb": f"{hb:.{decimals(base_txt) + 1}f}" if hb else "",
                            "lo": f"{lo:.2f}", "hi": f"{hi:.2f}"}))
    return out

def _statement(r) -> str:
    where = "table: " if is_table(r) else ""
    return f"{where}{r['value_text']}{r['table_unit'] or ''} ({r['comparator']}, {r['target_year']}) [{r['target_id']}]"


def _statement_args(r) -> dict:
    """A target statement's parts, for a page to word it (:func:`_statement` in English)."""
    return {"table": is_table(r), "text": f"{r['value_text']}{r['table_unit'] or ''}", "comparator": r["comparator"],
            "year": r["target_year"], "id": r["target_id"]}

def _value_problems(a, o) -> tuple[str, list[str], list[list]]:
    """Value, range and base value of a restatement against the first statement: (status, English
    problems, the same problems as [code, figures] pairs)."""
    if "qualitative" in (a["comparator"], o["comparator"]):
        if a["comparator"] != o["comparator"] or a["value_text"] != o["value_text"]:
            return "inconsistent", ["the two statements differ"], [["differ", {}]]
        return "consistent", [], []
    status, problems, codes = "consistent", [], []
    if not (same(a["value"], o["value"]) and same(a["value_high"], o["value_high"])):
        status = "inconsistent"
        va, vo = fmt(a["value"], a["unit"]), fmt(o["value"], o["unit"])
        problems.append(f"the values differ ({va} vs {vo})")
        codes.append(["values", {"a": va, "o": vo}])
    if a["baseline_value"] is not None and o["baseline_value"] is not None and not (
            same(a["baseline_value"], o["baseline_value"]) and a["baseline_year"] == o["baseline_year"]):
        status = "inconsistent"
        problems.append("the base values differ")
        codes.append(["base_values", {}])
    return status, problems, codes

def _compare_statements(d: Doc, a, o) -> Finding:
    """A restated target ``a`` against the target it repeats ``o``: value, range, base value,
    unit, measure, target year, comparator."""
    table_a = is_table(a)
    kind = "table_vs_text" if table_a != is_table(o) else "repeated_statement"
    ind = a["indicator"]
    cid = f"{d.prefix}-tabletext-{ind}-{a['target_year']}" if kind == "table_vs_text" else f"{d.prefix}-repeat-{ind}"
    status, problems, pcodes = _value_problems(a, o)
    notes, ncodes = [], []
    if a["unit"] != o["unit"] or a["measure"] != o["measure"]:
        status = worse(status, "needs_review")
        problems.append(f"unit/measure differ ({a['unit']}/{a['measure']} vs {o['unit']}/{o['measure']})")
        pcodes.append(["unit_measure", {"au": a["unit"], "am": a["measure"], "ou": o["unit"], "om": o["measure"]}])
    if a["target_year"] != o["target_year"]:
        status = worse(status, "needs_review")
        y0, y1 = sorted((a["target_year"], o["target_year"]))
        problems.append(f"the same value is dated {a['target_year']} here and {o['target_year']} in {o['target_id']}: "
                        "no contradiction for a level that can be held, but the deadline matters for attainment "
                        f"(read: reach by {y0}, hold to {y1})")
        pcodes.append(["years", {"ay": a["target_year"], "oy": o["target_year"], "o": o["target_id"], "y0": y0, "y1": y1}])
    if a["comparator"] != o["comparator"] and "qualitative" not in (a["comparator"], o["comparator"]):
        tab, txt = (a, o) if table_a else (o, a)
        if kind == "table_vs_text" and tab["comparator"] == "=" and txt["comparator"] in (">=", ">"):
            word = "a lower bound" if txt["comparator"] == ">=" else "a strict lower bound"
            notes.append(f"the table gives a point forecast and the text adds {word} ({txt['value_text']}); "
                         "same number, read as the same target")
            ncodes.append(["bound", {"strict": txt["comparator"] == ">", "text": txt["value_text"]}])
        else:
            status = worse(status, "needs_review")
            problems.append(f"the comparators differ ({a['comparator']} vs {o['comparator']})")
            pcodes.append(["comparators", {"a": a["comparator"], "o": o["comparator"]}])
    if a["commitment"] != o["commitment"]:
        notes.append(f"commitment differs ({a['commitment']} vs {o['commitment']})")
        ncodes.append(["commitment", {"a": a["commitment"], "o": o["commitment"]}])
    if a["indicator_zh"] != o["indicator_zh"]:
        notes.append(f"worded {a['indicator_zh']} vs {o['indicator_zh']}")
        ncodes.append(["worded", {"a": a["indicator_zh"], "o": o["indicator_zh"]}])
    if problems:
        expl = f"{a['target_id']} restates {o['target_id']}, but " + "; ".join(problems) + "."
    else:
        expl = (f"{a['target_id']} restates {o['target_id']} with the same value"
                + (", comparator and year" if not any("comparator" in n or "bound" in n for n in notes) else " and year")
                + ("; " + "; ".join(notes) if notes else "") + ".")
    return Finding(cid, d.doc_id, kind, ind, _statement(a), a["source_quote"], f"first stated as {_statement(o)}",
                   o["source_quote"], status, cap(expl), "restatement",
                   {"a": _statement_args(a), "o": _statement_args(o), "problems": pcodes, "notes": ncodes})

def duplicates(d: Doc) -> list[Finding]:
    """Every target marked ``duplicate_of`` against the target it repeats."""
    byid = {x["target_id"]: x for x in d.targets}
    return [_compare_statements(d, a, byid[a["duplicate_of"]]) for a in d.targets
            if a["duplicate_of"] is not None and a["duplicate_of"] in byid]

def _same_indicator(r, x, tv, xv) -> tuple[str, str, str]:
    """(status, English explanation, the case's code) for a table and a text figure of one indicator."""
    if same(tv, xv):
        return "consistent", "The table's base value equals the figure stated in the text" + (
            f" (the table says {r['indicator_zh']}, the text {x['indicator_zh']})."
            if r["indicator_zh"] != x["indicator_zh"] else "."), "equal"
    if r["indicator_zh"] != x["indicator_zh"]:
        return "needs_review", (f"Same concept and year but different figures ({fmt(tv)} vs {fmt(xv)}, {tv / xv:.2f}×) "
                                f"under different names ({r['indicator_zh']} / {x['indicator_zh']}): likely "
                                "inconsistent unless the table's figure has a wider scope."), "renamed"
    return "inconsistent", f"The table and the text give different {r['year']} values for the same indicator.", "differ"

def _part_and_whole(d: Doc, r, x, tv, xv, period) -> tuple[str, str, str]:
    """(status, English explanation, the case's code) for a table figure against a part or whole in the text."""
    part, whole = (x, r) if d.relations.part_of.get(x["indicator"], (None,))[0] == r["indicator"] else (r, x)
    pv, wv = float(part["value"]), float(whole["value"])
    comparable = part["measure"] == whole["measure"] and part["period_start"] is None and whole["period_start"] is None
    scope = f"different scope ({whole['indicator_zh']} includes {part['indicator_zh']})"
    if comparable and pv > wv + EPS and d.relations.part_of[part["indicator"]][1]:
        return "inconsistent", (f"{part['indicator_zh']} ({fmt(pv)}) is part of {whole['indicator_zh']} ({fmt(wv)}) "
                                "but larger."), "part_larger"
    if comparable:
        return "needs_review", (f"Related figures with {scope}: the part ({fmt(pv)}) is below the whole ({fmt(wv)}) as "
                                "it should be, but the document never reconciles the two counts."), "part_below"
    return "needs_review", (f"Related figures with {scope} and different periods ({r['year']} vs {period}): they need "
                            f"not match, yet the table's {r['year']} figure alone is {tv / xv:.1f}× the text's; "
                            "worth checking."), "periods"

def table_vs_text_baselines(d: Doc) -> list[Finding]:
    """Table base values against text figures for the same year, of the same indicator or of a
    part/whole indicator (``part_of`` in data/indicator_relations.csv)."""
    out = []
    tab = [x for x in d.baselines if is_table(x) and x["value"] is not None]
    txt = [x for x in d.baselines if not is_table(x) and x["value"] is not None]
    for r in tab:
        for x in txt:
            same_ind = x["indicator"] == r["indicator"]
            if x["year"] != r["year"] or not (same_ind or d.relations.related(r["indicator"], x["indicator"])):
                continue
            ind = r["indicator"]
            cid = f"{d.prefix}-tabletext-{ind}-{r['year']}" + ("" if same_ind else f"-vs-{x['indicator']}")
            tv, xv = float(r["value"]), float(x["value"])
            period = f"{x['period_start']}–{x['year']} total" if x["period_start"] is not None else str(x["year"])
            stated = f"table {r['indicator_zh']} {fmt(tv, r['unit'])} ({r['year']})"
            rec = f"text {x['indicator_zh']} {fmt(xv, x['unit'])} ({period})"
            if same_ind:
                status, expl, case = _same_indicator(r, x, tv, xv)
            else:
                status, expl, case = _part_and_whole(d, r, x, tv, xv, period)
                rec += f"; ratio {tv / xv:.2f}"
            part_is_x = not same_ind and d.relations.part_of.get(x["indicator"], (None,))[0] == r["indicator"]
            out.append(Finding(cid, d.doc_id, "table_vs_text", ind, stated, r["source_quote"], rec,
                               x["source_quote"], status, expl, f"table_text_{case}",
                               {"tname": r["indicator_zh"], "tv": fmt(tv, r["unit"]), "tn": fmt(tv), "year": r["year"],
                                "xname": x["indicator_zh"], "xv": fmt(xv, x["unit"]), "xn": fmt(xv),
                                "from": x["period_start"], "to": x["year"], "ratio": f"{tv / xv:.2f}",
                                "ratio1": f"{tv / xv:.1f}", "same": same_ind, "part_is_text": part_is_x}))
    return out
