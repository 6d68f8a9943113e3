"""Findings written from frames: the conclusions of a parameterised page, as Markdown.

A notebook published for several documents must not carry hand-typed numbers or place names in its
prose.  Each function here takes the frames the page shows and returns the sentences, numbers
included, so the text changes with the data and nbval sees it.

>>> import ipanalysis as ip
>>> md = trajectory_findings(ip.trajectories("ordos_2022"), ip.historical_growth("ordos_2022"), "ordos_2022")
>>> md.splitlines()[0].startswith("**What it shows.** Ordos")
True
"""

from __future__ import annotations

import pandas as pd

from ..analysis.attainment import latest_used
from ..analysis.progress import JUDGED
from ..data import documents, indicators
from .display import Prose, fmt_value
from .vocabulary import label, status_label

__all__ = ["trajectory_findings", "attainment_findings", "compare_findings", "audit_findings", "place_of",
           "doc_header", "disagreement", "ILLUSTRATIVE_NOTICE"]


def place_of(doc_id: str) -> str:
    """The document's place, English and Chinese.

    >>> place_of("guiyang_2022")
    'Guiyang (贵阳市)'
    """
    d = documents().set_index("doc_id").loc[doc_id]
    return f"{d['place_en']} ({d['place_zh']})"


def _md(lines: list[str]) -> Prose:
    """Markdown from sentences and bullet items: a blank line between paragraphs, none inside a list.

    >>> print(_md(["A.", "- one", "- two", "B."]))
    A.
    <BLANKLINE>
    - one
    - two
    <BLANKLINE>
    B.
    """
    out: list[str] = []
    for line in lines:
        if out and not (line.startswith("- ") and out[-1].startswith("- ")):
            out.append("")
        out.append(line)
    return Prose("\n".join(out))


ILLUSTRATIVE_NOTICE = ("**ILLUSTRATIVE DATA — the observations on this page are invented to demonstrate the methods; "
                       "no verdict here is about the real city.** (示例数据，非真实)")


def doc_header(doc_id: str, data: pd.DataFrame | None = None) -> Prose:
    """The document a page is about: titles, issuer, number, horizon; when the page's frame ``data``
    holds invented observations (its ``illustrative`` flag), a notice says so first, in text.

    >>> print(doc_header("ordos_2022"))  # doctest: +ELLIPSIS
    **鄂尔多斯市知识产权保护和运用“十四五”规划** — *Ordos ...*
    <BLANKLINE>
    Issued by 鄂尔多斯市人民政府 (...), 鄂府发〔2022〕28号, 2022-03-15; plan 2021→2025.
    >>> print(doc_header("ordos_2022", pd.DataFrame({"illustrative": [False, True]})).splitlines()[0])
    ... # doctest: +ELLIPSIS
    **ILLUSTRATIVE DATA — the observations on this page are invented ...
    """
    d = documents().set_index("doc_id").loc[doc_id]
    number = f", {d['doc_number']}" if pd.notna(d["doc_number"]) else ""
    date = f", {d['issued_date']}" if pd.notna(d["issued_date"]) else ""
    horizon = str(d["target_years"]).replace(";", "/")
    demo = data is not None and "illustrative" in data and bool(data["illustrative"].fillna(False).any())
    return Prose((f"{ILLUSTRATIVE_NOTICE}\n\n" if demo else "") + f"**{d['title_zh']}** — *{d['title_en']}*\n\n"
                 f"Issued by {d['issuer_zh']} ({d['issuer_en']}){number}{date}; plan {d['plan_start_year']}→{horizon}.")


def _name(key: str) -> str:
    cat = indicators().set_index("key")
    return f"{cat.loc[key, 'name_en']} ({cat.loc[key, 'name_zh']})" if key in cat.index else key


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def trajectory_findings(tr: pd.DataFrame, hist: pd.DataFrame, doc_id: str) -> Prose:
    """What the trajectories page shows, from ``trajectories(doc_id)`` and ``historical_growth(doc_id)``.

    >>> import ipanalysis as ip
    >>> print(trajectory_findings(ip.trajectories("cangshan_2013"), ip.historical_growth("cangshan_2013"),
    ...                           "cangshan_2013"))   # doctest: +ELLIPSIS
    **What it shows.** Cangshan District, Fuzhou (福州市仓山区): 0 of 22 distinct targets can be projected ...
    Not projected: 16 without any baseline, 3 shares, 3 plan-period totals (reasons in the last table).
    """
    ok = tr[tr["computable"]]
    n_obs = int((ok["baseline_kind"] == "observed").sum())
    lines = [f"**What it shows.** {place_of(doc_id)}: {len(ok)} of {len(tr)} distinct targets can be "
             f"projected from a baseline ({len(ok) - n_obs} stated by the document, {n_obs} from a cited observation)."]
    levels = ok[ok["measure"] != "growth_rate"].dropna(subset=["required_cagr"])
    if len(levels):
        top = levels.sort_values("required_cagr").iloc[-1]
        low = levels.sort_values("required_cagr").iloc[0]
        lines.append(f"The steepest is {top['target_id']}, {_name(top['indicator'])}: from "
                     f"{fmt_value(top['baseline_value'], top['level_unit'])} ({top['baseline_date']}) to "
                     f"{fmt_value(top['target_level'], top['level_unit'])} by {top['target_year']}, "
                     f"{_pct(top['required_cagr'])} a year.")
        if len(levels) > 1:
            lines.append(f"The gentlest is {low['target_id']}, {_name(low['indicator'])}: "
                         f"{_pct(low['required_cagr'])} a year.")
    growth = ok[ok["measure"] == "growth_rate"]
    h = hist.set_index("indicator") if len(hist) else pd.DataFrame()
    for _, g in growth.iterrows():
        if g["indicator"] in h.index:
            past = h.loc[g["indicator"]]
            past = past.iloc[0] if isinstance(past, pd.DataFrame) else past
            verb = "slower than" if g["required_cagr"] < past["historical_cagr"] else "faster than"
            lines.append(f"{g['target_id']} asks for {_pct(g['required_cagr'])} a year in {_name(g['indicator'])}, "
                         f"{verb} the {_pct(past['historical_cagr'])} a year the document reports for "
                         f"{past['start_year']}–{past['end_year']}.")
    for _, g in ok[ok["basis"].eq("ambiguous")].iterrows():
        reading = "a yearly rate" if g["measure"] == "growth_rate" else "the level reached"
        lines.append(f"{g['target_id']}'s wording is ambiguous (basis in targets.csv); it is read here as "
                     f"{reading}, one of the possible readings.")
    rest = tr[~tr["computable"]]
    if len(rest):
        kinds = rest["reason"].str.extract(r"^(a share|a score|qualitative|total over|running total|no baseline)",
                                           expand=False).fillna("other")
        counts = kinds.value_counts()
        label = {"a share": "shares", "a score": "scores", "qualitative": "qualitative", "total over":
                 "plan-period totals", "running total": "running totals without a start stock",
                 "no baseline": "without any baseline", "other": "other"}
        one = {"shares": "share", "scores": "score", "plan-period totals": "plan-period total",
               "running totals without a start stock": "running total without a start stock"}
        parts = [f"{n} {one.get(label[k], label[k]) if n == 1 else label[k]}" for k, n in counts.items()]
        lines.append(f"Not projected: {', '.join(parts)} (reasons in the last table).")
    return _md(lines)


def _words(r) -> str:
    """A verdict's words, English (中文), borderline with both bands."""
    lo, hi = r.get("status_low"), r.get("status_high")
    return f"{status_label(r['status'], lo, hi)} ({status_label(r['status'], lo, hi, 'zh')})"


_GOOD, _POOR = ("substantial_progress", "target_achieved"), ("limited_progress", "deterioration")


def disagreement(r) -> str:
    """Why the growth reading and 序时进度 disagree for one row of ``attainment()``, or "" when they do not.

    Open SDG asks whether growth since the baseline keeps pace with the growth required (a ratio, with
    bands); 序时进度 asks whether the level reached is where the plan's path is at that date (± 5 points).
    """
    band = r["status_high"] if r["status"] == "borderline" else r["opensdg_status"]
    sched = r["schedule_status"]
    if pd.isna(r["progress_ratio"]) or pd.isna(r["expected_share"]):
        return ""
    where = (f"{_pct(r['progress_ratio'])} of the distance covered against {_pct(r['expected_share'])} on the plan's "
             f"path by then")
    if band in _GOOD and sched == "behind_schedule":
        lead = (f"one reading of the observation puts growth in the {label(band)} band" if r["status"] == "borderline"
                else f"growth keeps {r['cagr_ratio']:.2f} of the pace required ({label(band)} from 0.95 up)")
        return (f"{lead}, but the level is behind the plan's path ({where}): the ratio judges the rate of growth "
                "since the baseline, 序时进度 the level reached")
    if band in _POOR and sched in ("on_schedule", "ahead_of_schedule"):
        return (f"the level is {label(sched)} ({where}), but growth since the baseline is only {r['cagr_ratio']:.2f} of "
                "the pace required: the level gained early and has slowed since")
    return ""


def attainment_findings(att: pd.DataFrame, doc_id: str) -> Prose:
    """What the attainment page shows, from ``attainment(doc_id=doc_id)``: counts by verdict (words from
    the vocabulary), each judged target with its reading, and why readings disagree where they do.

    >>> import ipanalysis as ip
    >>> print(attainment_findings(ip.attainment(doc_id="ordos_2022"), "ordos_2022"))  # doctest: +ELLIPSIS
    **What it shows.** Ordos (鄂尔多斯市), latest observation used ...: ... of ... targets have a cited observation...
    """
    seen = att[att["obs_value"].notna()]
    used = latest_used(att)
    as_of = f", latest observation used {used}" if used else ""
    demo = bool(att["illustrative"].any())
    lines = [f"**What it shows.** {place_of(doc_id)}{as_of}: {len(seen)} of {len(att)} targets "
             f"have a cited observation of the document's own place."]
    if demo:
        lines.insert(0, "**ILLUSTRATIVE DATA — the observations are invented to demonstrate the methods.**")
    judged = seen[seen["status"].isin(JUDGED)]
    if len(judged):
        counts = judged.assign(words=[_words(r) for _, r in judged.iterrows()])["words"].value_counts()
        lines.append("Judged: " + ", ".join(f"{n} {s}" for s, n in counts.items()) + ".")
        for _, r in judged.sort_values("target_id").iterrows():
            shown = fmt_value(r["annualised_value"] if pd.notna(r["annualised_value"]) else r["obs_value"], r["level_unit"])
            period = (f"{r['obs_period_start']} to {r['obs_period_end']}" if pd.notna(r["obs_period_start"])
                      else f"at {r['obs_period_end']}")
            extra = ", annualised" if pd.notna(r["annualised_value"]) else ""
            ratio = (f"; ratio {r['cagr_ratio']:.2f} ({label(r['reading'])})" if pd.notna(r["cagr_ratio"]) else "")
            sched = f"; 序时进度: {label(r['schedule_status'])}" if r["schedule_status"] in _SCHEDULE else ""
            lines.append(f"- {r['target_id']} {_name(r['indicator'])}: {shown} ({period}{extra}) → "
                         f"**{_words(r)}**{ratio}{sched}.")
            if r["status"] == "borderline":
                lines.append(f"- {r['target_id']} is borderline: its band depends on a convention (how a part-year "
                             "flow is dated or annualised); its worked line (the arithmetic of each verdict) gives each reading.")
            why = disagreement(r)
            if why:
                lines.append(f"- {r['target_id']}: the readings disagree — {why}.")
    else:
        base_only = int((seen["obs_period_end"] <= seen["baseline_date"]).sum())  # observed no later than the baseline
        parts = [f"{base_only} target(s) have no observation after the one that serves as their baseline"] if base_only else []
        if len(seen) - base_only:
            parts.append(f"{len(seen) - base_only} have an observation that cannot show progress")
        if att["obs_value"].isna().any():
            parts.append(f"{int(att['obs_value'].isna().sum())} have no cited observation of the document's own place")
        lines.append(f"No target can be judged yet: {'; '.join(parts)} (each target's reason is in the tables below).")
    early = seen[seen["status"] == "too_early"]
    if len(early):
        lines.append(f"{len(early)} target(s) observed less than a year after their baseline: "
                     f"{label('too_early')} (Open SDG needs at least two years of data); 序时进度 is shown.")
    dist = seen[seen["status"] == "distance_only"]
    if len(dist):
        lines.append(f"{len(dist)} target(s) have an observation but no baseline: shown as the level reached as a "
                     "share of the target (distance to target), not as progress.")
    flagged = att[att["flags"].str.contains("ambiguous", na=False)]
    if len(flagged):
        lines.append(f"{len(flagged)} target(s) have an ambiguous basis (累计: a plan-period total or a running "
                     "total? 增长X% without 年均: a yearly rate or over the whole period?).")
    return _md(lines)


_SCHEDULE = ("on_schedule", "ahead_of_schedule", "behind_schedule")


def compare_findings(long: pd.DataFrame, per_10k: pd.DataFrame, min_docs: int = 2,
                     coverage: pd.DataFrame | None = None) -> Prose:
    """What the cross-city page shows, from ``compare()`` and ``targets_per_10k()``: for each shared
    indicator, the largest and smallest target, their ratio, and the same per 10,000 residents; with
    ``coverage`` (``national_coverage()``), how many national tasks each plan commits to, and which
    plan was issued before the national one.

    >>> import ipanalysis as ip
    >>> print(compare_findings(ip.compare(), ip.targets_per_10k()))   # doctest: +ELLIPSIS
    **What it shows.** 5 indicators are targeted by 2 or more documents in the same measure and unit...
    """
    shared = long[long["n_docs"] >= min_docs].dropna(subset=["value"])
    groups = list(shared.groupby(["indicator", "measure", "unit"], sort=True))
    lines = [f"**What it shows.** {len(groups)} indicators are targeted by {min_docs} or more documents in the same "
             "measure and unit; everything else is set by one document only, or in different measures."]
    per = per_10k.set_index("target_id")["per_10k"] if len(per_10k) else pd.Series(dtype=float)
    for (key, measure, unit), g in groups:
        g = g.sort_values("value")
        lo, hi = g.iloc[0], g.iloc[-1]
        ratio = hi["value"] / lo["value"] if lo["value"] else float("nan")
        text = (f"- {_name(key)}, {measure}: {hi['place_en']} {fmt_value(hi['value'], unit)} by {hi['target_year']} "
                f"vs {lo['place_en']} {fmt_value(lo['value'], unit)} by {lo['target_year']} ({ratio:.1f}×)")
        if hi["target_id"] in per.index and lo["target_id"] in per.index:
            a, b = per[hi["target_id"]], per[lo["target_id"]]
            text += f"; per 10,000 residents {a:,.2f} vs {b:,.2f} ({a / b:.1f}×)" if b else ""
        elif unit == "件/万人":
            text += "; already per 10,000 residents, so the gap is one of ambition and starting point, not size"
        lines.append(text + ".")
    measures = long.groupby("indicator")["measure"].nunique()
    split = measures[measures > 1]
    if len(split):
        lines.append("Stated in different measures, so never in one cell: "
                     + ", ".join(f"{_name(k)} ({n} measures)" for k, n in split.items()) + ".")
    if coverage is not None and len(coverage):
        lines += _coverage_lines(coverage)
    return _md(lines)


def _coverage_lines(cov: pd.DataFrame) -> list[str]:
    """Each plan's share of the national tasks, and what qualifies it (a plan older than the national one)."""
    docs = documents().set_index("doc_id")
    lines = ["National tasks a local plan commits to (a sentence of its issuing notice or title, a review of "
             "the past or a definition note does not count):"]
    for doc_id, g in cov.groupby("doc_id", sort=False):
        n, total = int(g["addressed"].sum()), g["task_no"].nunique()
        note = str(g["note"].iloc[0]) if "note" in g and g["note"].iloc[0] else ""
        lines.append(f"- {docs.loc[doc_id, 'place_en']}: {n} of {total} national tasks ({n / total:.0%})"
                     + (f" — {note}." if note else "."))
    return lines


def audit_findings(aud: pd.DataFrame, checks: pd.DataFrame | None = None) -> Prose:
    """What the audit page shows, from ``audit()``: counts by status and place, then each finding
    that needs a reader's judgement, with the figures as the checks computed them; with ``checks``
    (``audit_checks()``), per document which kinds of check applied, and where none could, why.

    >>> import ipanalysis as ip
    >>> print(audit_findings(ip.audit()))   # doctest: +ELLIPSIS
    **What it shows.** ... checks: ... consistent, ... needs review, 0 inconsistent...
    """
    docs = documents().set_index("doc_id")
    counts = aud["status"].value_counts()
    lines = [f"**What it shows.** {len(aud)} checks: {counts.get('consistent', 0)} consistent, "
             f"{counts.get('needs_review', 0)} needs review, {counts.get('inconsistent', 0)} inconsistent."]
    growth = aud[aud["kind"].isin(["stated_growth_rate", "table_increase"])]
    ok = growth[growth["status"] == "consistent"]
    if len(growth):
        places = ", ".join(sorted({docs.loc[d, "place_en"] for d in ok["doc_id"]}))
        lines.append(f"{len(ok)} of {len(growth)} stated growth rates and table increases follow from the "
                     f"document's own figures" + (f" ({places})." if places else "."))
    review = aud[aud["status"] != "consistent"].sort_values(["doc_id", "check_id"])
    for _, r in review.iterrows():
        lines.append(f"- {docs.loc[r['doc_id'], 'place_en']}, {r['kind'].replace('_', ' ')} ({r['status']}): "
                     f"{r['stated']} — {r['recomputed']}.")
    if checks is not None and len(checks):
        lines += _checks_lines(checks, docs)
    return _md(lines)


def _checks_lines(checks: pd.DataFrame, docs: pd.DataFrame) -> list[str]:
    """Per document: the kinds of check that applied, or why none could (a document with no finding
    has not been shown to be consistent)."""
    lines = ["Which checks could apply (a check applies where the document states what it examines):"]
    for doc_id, g in checks.groupby("doc_id", sort=False):
        place, applied = docs.loc[doc_id, "place_en"], int(g["applied"].sum())
        if applied:
            lines.append(f"- {place}: {applied} of {len(g)} kinds of check applied, {int(g['findings'].sum())} "
                         f"checks run, {int(g['needs_review'].sum() + g['inconsistent'].sum())} to review.")
        else:
            why = ", ".join(r.split(" (")[0] for r in g["reason"])
            lines.append(f"- {place}: no check could apply ({why}); none of its figures has been checked against "
                         "the others.")
    return lines
