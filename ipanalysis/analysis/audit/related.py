"""Related figures within one document.

* ``related_figures`` — an increment against the level it adds to (``increment_of`` in
  data/indicator_relations.csv); one indicator stated twice for one year without being marked
  as a restatement.
* ``magnitude`` — related creation flows in one document more than :data:`MAGNITUDE_FACTOR`
  apart.
* ``arithmetic`` — parts not above wholes (``part_of`` in data/indicator_relations.csv).
"""

from __future__ import annotations

import math

from .context import Doc, is_table
from .finding import Finding
from .numbers import EPS, fmt, same

__all__ = ["increments", "same_indicator_twice", "magnitude", "part_whole", "magnitude_status",
           "MAGNITUDE_FACTOR", "MAGNITUDE_CATEGORIES"]

#: related creation flows in one document differing by more than this factor → needs_review.
MAGNITUDE_FACTOR = 50.0
MAGNITUDE_CATEGORIES = ("creation",)


def magnitude_status(factor: float) -> str:
    """The verdict on two related flows ``factor`` times apart: needs_review above
    :data:`MAGNITUDE_FACTOR` (the band's edge itself is still plausible).

    >>> magnitude_status(50.0), magnitude_status(50.01)
    ('consistent', 'needs_review')
    """
    return "needs_review" if factor > MAGNITUDE_FACTOR else "consistent"


def _bounds(r) -> tuple[float, float]:
    v = float(r["value"])
    if r["comparator"] in (">=", ">"):
        return v, math.inf
    if r["comparator"] == "range":
        return v, float(r["value_high"])
    return v, v


def increments(d: Doc) -> list[Finding]:
    """An increase target against the level target it adds to, and the stated start level."""
    out = []
    for a in d.targets:
        level_key = d.relations.increment_of.get(a["indicator"])
        if level_key is None or a["value"] is None:
            continue
        for o in d.targets:
            if o["indicator"] != level_key or o["target_year"] != a["target_year"] or o["value"] is None:
                continue
            start = float(o["value"]) - float(a["value"])
            units = "" if a["unit"] == o["unit"] else f" and the units differ ({a['unit']} vs {o['unit']})"
            rec = f"{fmt(o['value'])} − {fmt(a['value'])} = {fmt(start)} at the start of the plan"
            known = sorted((x for x in d.baselines if x["indicator"] == level_key and x["value"] is not None
                            and x["year"] < a["target_year"]), key=lambda x: x["year"])
            args = {"inc": a["value_text"], "level": o["value_text"], "lv": fmt(o["value"]), "iv": fmt(a["value"]),
                    "start": fmt(start), "year": a["target_year"], "id": a["target_id"],
                    "units": [a["unit"], o["unit"]] if units else []}
            if known:
                k = known[-1]
                total = float(k["value"]) + float(a["value"])
                ok = same(total, o["value"])
                status = "consistent" if ok else "inconsistent"
                rec += f"; stated {k['year']} level {fmt(k['value'])} + {fmt(a['value'])} = {fmt(total)}"
                args.update(ky=k["year"], kv=fmt(k["value"]), total=fmt(total), ok=ok)
                expl = (f"The stated {k['year']} level plus the increase {'equals' if ok else 'does not equal'} the "
                        f"level target ({o['value_text']}){units}.")
            else:
                status = "needs_review"
                expl = (f"Together the increase ({a['value_text']}) and the level ({o['value_text']}) imply a start "
                        f"level of {fmt(start)}; the document does not state it{units}, so the pair cannot be checked.")
            out.append(Finding(f"{d.prefix}-related-{a['indicator']}", d.doc_id, "related_figures", a["indicator"],
                               f"{a['value_text']} by {a['target_year']} [{a['target_id']}]", a["source_quote"], rec,
                               o["source_quote"], status, expl, "increment", args))
    return out


def same_indicator_twice(d: Doc) -> list[Finding]:
    """One indicator stated twice for one year without being marked as a restatement."""
    out = []
    groups: dict[tuple, list[dict]] = {}
    for x in d.targets:
        if x["duplicate_of"] is None and x["value"] is not None:
            groups.setdefault((x["indicator"], x["target_year"]), []).append(x)
    for (ind, year), g in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        o = g[0]
        for a in g[1:]:
            (lo_a, hi_a), (lo_o, hi_o) = _bounds(a), _bounds(o)
            case = "compatible"
            if a["scope"] != o["scope"]:
                status, case = "consistent", "scopes"
                expl = f"Different scopes ({o['scope']} / {a['scope']}), so different values are expected."
            elif max(lo_a, lo_o) <= min(hi_a, hi_o) + EPS:
                status = "consistent"
                expl = (f"{a['target_id']} and {o['target_id']} state {ind} for {year} in different words "
                        f"({a['indicator_zh']} / {o['indicator_zh']}); the two requirements are compatible.")
            else:
                status, case = "needs_review", "incompatible"
                expl = (f"{a['target_id']} and {o['target_id']} give incompatible {year} values for {ind} and are "
                        "not marked as restatements: different scope, or an error.")
            out.append(Finding(f"{d.prefix}-related-{ind}", d.doc_id, "related_figures", ind,
                               f"{a['value_text']} ({a['comparator']}) [{a['target_id']}]", a["source_quote"],
                               f"also stated as {o['value_text']} ({o['comparator']}) [{o['target_id']}]",
                               o["source_quote"], status, expl, f"twice_{case}",
                               {"a": a["value_text"], "ac": a["comparator"], "aid": a["target_id"], "o": o["value_text"],
                                "oc": o["comparator"], "oid": o["target_id"], "year": year, "ascope": a["scope"],
                                "oscope": o["scope"], "aname": a["indicator_zh"], "oname": o["indicator_zh"]}))
    return out


def magnitude(d: Doc) -> list[Finding]:
    """Related flows within one document (annual_flow targets of one category in
    :data:`MAGNITUDE_CATEGORIES`, one unit and year), each against the largest."""
    out = []
    cat = d.categories
    groups: dict[tuple, list[dict]] = {}
    for x in d.targets:
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
            status = magnitude_status(factor)
            expl = (f"{r['indicator_zh']} ({r['value_text']}) is {factor:.0f}× smaller than {ref['indicator_zh']} "
                    f"({ref['value_text']}) in the same document"
                    + (": implausibly small for the same jurisdiction (a typo, or a narrow subset?)."
                       if status == "needs_review" else f", within the {MAGNITUDE_FACTOR:g}× plausibility band."))
            out.append(Finding(f"{d.prefix}-magnitude-{r['indicator']}", d.doc_id, "magnitude", r["indicator"],
                               f"{r['value_text']}{'' if '/年' in r['value_text'] else ' a year'} [{r['target_id']}]",
                               r["source_quote"],
                               f"{fmt(ref['value'])} / {fmt(r['value'])} = {factor:.1f}× ({ref['target_id']} {ref['indicator']})",
                               ref["source_quote"], status, expl, "magnitude",
                               {"name": r["indicator_zh"], "text": r["value_text"], "per_year": "/年" in r["value_text"],
                                "id": r["target_id"], "ref_name": ref["indicator_zh"], "ref_text": ref["value_text"],
                                "ref_id": ref["target_id"], "rv": fmt(ref["value"]), "v": fmt(r["value"]),
                                "factor": f"{factor:.1f}", "factor0": f"{factor:.0f}", "band": f"{MAGNITUDE_FACTOR:g}"}))
    return out


def _part_whole_verdict(p, w, what: str, strict: bool) -> tuple[str, str, str]:
    """(status, English explanation, the case's code)."""
    pv, wv = float(p["value"]), float(w["value"])
    bounds = what == "target" and (p["comparator"] in (">=", ">") or w["comparator"] in (">=", ">"))
    if pv <= wv + EPS:
        return "consistent", f"{p['indicator_zh']} ({fmt(pv)}) does not exceed {w['indicator_zh']} ({fmt(wv)}).", "holds"
    if bounds:
        return "needs_review", (f"The bound on {p['indicator_zh']} ({fmt(pv)}) exceeds that on {w['indicator_zh']} "
                                f"({fmt(wv)}), so the latter never binds."), "bound"
    if strict:
        return "inconsistent", (f"{p['indicator_zh']} ({fmt(pv)}) is part of {w['indicator_zh']} ({fmt(wv)}) "
                                "but larger."), "larger"
    return "needs_review", (f"{p['indicator_zh']} ({fmt(pv)}) exceeds {w['indicator_zh']} ({fmt(wv)}) in {p['_year']}: "
                            "possible, since they stem from earlier years' filings, but unusual; check the figures."), \
        "cohort"


def part_whole(d: Doc) -> list[Finding]:
    """A part cannot exceed its whole: among targets of one year, and among baselines of one year
    and measure (table-vs-text pairs are left to table_vs_text)."""
    out = []
    sets = [("target", [dict(x, _year=x["target_year"]) for x in d.targets
                        if x["duplicate_of"] is None and x["value"] is not None]),
            ("baseline", [dict(x, _year=x["year"]) for x in d.baselines
                          if x["value"] is not None and x["period_start"] is None])]
    for what, rows in sets:
        for p in rows:
            if p["indicator"] not in d.relations.part_of:
                continue
            whole, strict = d.relations.part_of[p["indicator"]]
            for w in rows:
                if w["indicator"] != whole or w["_year"] != p["_year"] or w["measure"] != p["measure"]:
                    continue
                if what == "baseline" and is_table(p) != is_table(w):
                    continue
                status, expl, case = _part_whole_verdict(p, w, what, strict)
                pv, wv = float(p["value"]), float(w["value"])
                rel = "⊂" if strict else "≤ (cohort)"
                out.append(Finding(f"{d.prefix}-partof-{p['indicator']}-{p['_year']}", d.doc_id, "arithmetic",
                                   p["indicator"], f"{p['indicator_zh']} {p['value_text']} ({p['_year']})",
                                   p["source_quote"],
                                   f"{fmt(pv)} {rel} {w['indicator_zh']} {fmt(wv)}: {'holds' if pv <= wv + EPS else 'fails'}",
                                   w["source_quote"], status, expl, f"part_{case}",
                                   {"part": p["indicator_zh"], "text": p["value_text"], "year": p["_year"], "pv": fmt(pv),
                                    "whole": w["indicator_zh"], "wv": fmt(wv), "strict": bool(strict),
                                    "holds": pv <= wv + EPS}))
    return out
