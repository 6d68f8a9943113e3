"""The findings of the cross-city page: for each shared indicator, the largest and smallest target,
their ratio and the same per 10,000 residents; indicators set in different measures; how many of the
national tasks each local plan commits to.

>>> import ipanalysis as ip
>>> print(compare_findings(ip.compare(), ip.targets_per_10k()))   # doctest: +ELLIPSIS
**What it shows.** 5 indicators are targeted by 2 or more documents in the same measure and unit...
>>> print(compare_findings(ip.compare(), ip.targets_per_10k(), lang="zh"))   # doctest: +ELLIPSIS
**主要发现。** 有5个指标在2份及以上文件中以相同口径、相同单位设定了目标...
"""

from __future__ import annotations

import pandas as pd

from ...data import documents
from ...units import fmt_value
from ..display import Prose
from ..vocabulary import check_lang, count, label
from .common import LEAD, md, name_of

__all__ = ["compare_findings", "compare_summary"]


def compare_summary(long: pd.DataFrame, min_docs: int = 2, lang: str = "en") -> Prose:
    """The cross-city page's opening count, from ``compare()``.

    >>> import ipanalysis as ip
    >>> print(compare_summary(ip.compare(), lang="zh"))   # doctest: +ELLIPSIS
    5份文件共设定...项有数值的目标，涉及...个指标；其中...项目标与其他文件的指标、口径和单位均相同。
    """
    n, docs, ind = len(long), long["doc_id"].nunique(), long["indicator"].nunique()
    shared = int((long["n_docs"] >= min_docs).sum())
    if check_lang(lang) == "zh":
        return Prose(f"{docs}份文件共设定{n}项有数值的目标，涉及{ind}个指标；其中{shared}项目标与其他文件的指标、"
                     "口径和单位均相同。")
    return Prose(f"{count(n, 'target')} with a number in {count(docs, 'document')}, {count(ind, 'indicator')}; "
                 f"{count(shared, 'target')} {'shares' if shared == 1 else 'share'} an indicator, measure and unit "
                 "with another document.")


def compare_findings(long: pd.DataFrame, per_10k: pd.DataFrame, min_docs: int = 2,
                     coverage: pd.DataFrame | None = None, lang: str = "en") -> Prose:
    """What the cross-city page shows, from ``compare()`` and ``targets_per_10k()``, in ``lang``: for each
    shared indicator, the largest and smallest target, their ratio, and the same per 10,000 residents;
    with ``coverage`` (``national_coverage()``), how many national tasks each plan commits to, and which
    plan was issued before the national one.
    """
    zh = check_lang(lang) == "zh"
    place = "place_zh" if zh else "place_en"
    shared = long[long["n_docs"] >= min_docs].dropna(subset=["value"])
    groups = list(shared.groupby(["indicator", "measure", "unit"], sort=True))
    lines = [f"{LEAD['zh']} 有{len(groups)}个指标在{min_docs}份及以上文件中以相同口径、相同单位设定了目标；"
             "其余指标或仅见于一份文件，或各文件口径不同。" if zh else
             f"{LEAD['en']} {count(len(groups), 'indicator')} {'is' if len(groups) == 1 else 'are'} targeted by "
             f"{min_docs} or more documents in the same measure and unit; everything else is set by one document "
             "only, or in different measures."]
    if zh and "place_zh" not in long:
        long = long.merge(documents()[["doc_id", "place_zh"]], on="doc_id", how="left")
        shared = long[long["n_docs"] >= min_docs].dropna(subset=["value"])
        groups = list(shared.groupby(["indicator", "measure", "unit"], sort=True))
    per = per_10k.set_index("target_id")["per_10k"] if len(per_10k) else pd.Series(dtype=float)
    for (key, measure, unit), g in groups:
        g = g.sort_values("value")
        lo, hi = g.iloc[0], g.iloc[-1]
        ratio = hi["value"] / lo["value"] if lo["value"] else float("nan")
        both = hi["target_id"] in per.index and lo["target_id"] in per.index
        a, b = (per[hi["target_id"]], per[lo["target_id"]]) if both else (0, 0)
        if zh:
            text = (f"- {name_of(key, 'zh')}（{label(measure, 'zh').split('（')[0]}）：{hi[place]}{hi['target_year']}年目标"
                    f"{fmt_value(hi['value'], unit)}，{lo[place]}{lo['target_year']}年目标{fmt_value(lo['value'], unit)}，"
                    f"前者为后者的{ratio:.1f}倍")
            if both and b:
                text += f"；按常住人口折算，每万人分别为{a:,.2f}和{b:,.2f}（{a / b:.1f}倍）"
            elif not both and unit == "件/万人":
                text += "；该指标本身即按每万人口计，差距反映的是目标力度和起点之别，而非城市规模之别"
            lines.append(text + "。")
            continue
        text = (f"- {name_of(key)}, {label(measure).split(' (')[0]}: {hi[place]} {fmt_value(hi['value'], unit)} by {hi['target_year']} "
                f"vs {lo[place]} {fmt_value(lo['value'], unit)} by {lo['target_year']} ({ratio:.1f}×)")
        if both and b:
            text += f"; per 10,000 residents {a:,.2f} vs {b:,.2f} ({a / b:.1f}×)"
        elif not both and unit == "件/万人":
            text += "; already per 10,000 residents, so the gap is one of ambition and starting point, not size"
        lines.append(text + ".")
    measures = long.groupby("indicator")["measure"].nunique()
    split = measures[measures > 1]
    if len(split):
        lines.append("以下指标各文件口径不同，未放入同一单元格比较：" + "、".join(
            f"{name_of(k, 'zh')}（{n}种口径）" for k, n in split.items()) + "。" if zh else
            "Stated in different measures, so never in one cell: "
            + ", ".join(f"{name_of(k)} ({count(n, 'measure')})" for k, n in split.items()) + ".")
    if coverage is not None and len(coverage):
        lines += _coverage_lines(coverage, lang)
    return md(lines)


def _coverage_lines(cov: pd.DataFrame, lang: str) -> list[str]:
    """Each plan's share of the national tasks, and what qualifies it (a plan older than the national one)."""
    docs = documents().set_index("doc_id")
    national = min(int(str(d)[:4]) for d in docs.loc[docs["admin_level"] == "national", "issued_date"].dropna()) \
        if "issued" in cov else None
    if lang == "zh":
        lines = ["地方规划对国家任务的承接情况（仅计入作出工作部署的语句；印发通知、标题、对以往工作的回顾和名词解释均不计入）："]
    else:
        lines = ["National tasks a local plan commits to (a sentence of its issuing notice or title, a review of "
                 "the past or a definition note does not count):"]
    for doc_id, g in cov.groupby("doc_id", sort=False):
        n, total = int(g["addressed"].sum()), g["task_no"].nunique()
        note = str(g["note"].iloc[0]) if "note" in g and g["note"].iloc[0] else ""
        if lang == "zh":
            early = (f"——{int(g['issued'].iloc[0])}年印发，早于国家计划（{national}年），无从承接其任务"
                     if note and national else "")
            lines.append(f"- {docs.loc[doc_id, 'place_zh']}：国家{total}项任务中承接{n}项（{n / total:.0%}）{early}。")
        else:
            lines.append(f"- {docs.loc[doc_id, 'place_en']}: {n} of {total} national tasks ({n / total:.0%})"
                         + (f" — {note}." if note else "."))
    return lines
