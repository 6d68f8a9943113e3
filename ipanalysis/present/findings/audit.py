"""The findings of the audit page: counts by status, growth rates that follow from the documents' own
figures, each finding that needs a reader's judgement, and per document which checks could apply.

>>> import ipanalysis as ip
>>> print(audit_findings(ip.audit()))   # doctest: +ELLIPSIS
**What it shows.** ... checks: ... consistent, ... needs review, 0 inconsistent...
>>> print(audit_findings(ip.audit(), lang="zh"))   # doctest: +ELLIPSIS
**主要发现。** 共...项核查：一致...项，待核实...项，不一致0项...
"""

from __future__ import annotations

import pandas as pd

from ...data import documents
from ..auditwords import cells
from ..display import Prose
from ..vocabulary import audit_need, check_lang, count, label
from .common import LEAD, md, names_in

__all__ = ["audit_findings"]


def audit_findings(aud: pd.DataFrame, checks: pd.DataFrame | None = None, lang: str = "en") -> Prose:
    """What the audit page shows, from ``audit()``, in ``lang``: counts by status and place, then each
    finding that needs a reader's judgement, with the figures as the checks computed them; with ``checks``
    (``audit_checks()``), per document which kinds of check applied, and where none could, why.
    """
    zh = check_lang(lang) == "zh"
    docs = documents().set_index("doc_id")
    place = "place_zh" if zh else "place_en"
    c = aud["status"].value_counts()
    ok_n, review_n, bad_n = (int(c.get(k, 0)) for k in ("consistent", "needs_review", "inconsistent"))
    lines = [f"{LEAD['zh']} 共{len(aud)}项核查：一致{ok_n}项，待核实{review_n}项，不一致{bad_n}项。" if zh else
             f"{LEAD['en']} {count(len(aud), 'check')}: {ok_n} consistent, {review_n} {label('needs_review')}, "
             f"{bad_n} inconsistent."]
    growth = aud[aud["kind"].isin(["stated_growth_rate", "table_increase"])]
    ok = growth[growth["status"] == "consistent"]
    if len(growth):
        places = ("、" if zh else ", ").join(sorted({docs.loc[d, place] for d in ok["doc_id"]}))
        if zh:
            lines.append(f"文件所述的{len(growth)}项增速和指标表增幅中，{len(ok)}项可由文件自身数据复核得出"
                         + (f"（{places}）。" if places else "。"))
        else:
            lines.append(f"{len(ok)} of {len(growth)} stated growth rates and table increases follow from the "
                         f"document's own figures" + (f" ({places})." if places else "."))
    review = aud[aud["status"] != "consistent"].sort_values(["doc_id", "check_id"])
    for _, r in review.iterrows():
        stated, recomputed, _ = cells(r, lang)   # the figures in the page's words
        if zh:
            lines.append(f"- {docs.loc[r['doc_id'], place]}，{label(r['kind'], 'zh')}（{label(r['status'], 'zh')}）："
                         f"{names_in(stated, 'zh')}——{names_in(recomputed, 'zh')}。")
        else:
            lines.append(f"- {docs.loc[r['doc_id'], place]}, {label(r['kind'])} ({label(r['status'])}): "
                         f"{names_in(stated)} — {names_in(recomputed)}.")
    if checks is not None and len(checks):
        lines += _checks_lines(checks, docs, lang)
    return md(lines)


def _checks_lines(checks: pd.DataFrame, docs: pd.DataFrame, lang: str) -> list[str]:
    """Per document: the kinds of check that applied, or why none could (a document with no finding
    has not been shown to be consistent)."""
    zh = lang == "zh"
    lines = ["各文件适用的核查（文件中载有核查所需内容时，该项核查方才适用）：" if zh else
             "Which checks could apply (a check applies where the document states what it examines):"]
    for doc_id, g in checks.groupby("doc_id", sort=False):
        applied, run = int(g["applied"].sum()), int(g["findings"].sum())
        review = int(g["needs_review"].sum() + g["inconsistent"].sum())
        if zh:
            place = docs.loc[doc_id, "place_zh"]
            lines.append(f"- {place}：{len(g)}类核查中适用{applied}类，共执行{run}项，待核实{review}项。" if applied else
                         f"- {place}：无适用的核查（{'；'.join(audit_need(c, 'zh') for c in g['check'])}），"
                         "其各项数据尚未经相互核对。")
            continue
        place = docs.loc[doc_id, "place_en"]
        if applied:
            lines.append(f"- {place}: {applied} of {len(g)} kinds of check applied, {count(run, 'check')} run, "
                         f"{review} to review.")
        else:
            why = ", ".join(r.split(" (")[0] for r in g["reason"])
            lines.append(f"- {place}: no check could apply ({why}); none of its figures has been checked against "
                         "the others.")
    return lines
