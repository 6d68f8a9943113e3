"""Charts of verdicts: progress against the time elapsed (序时进度); the audit's checks per document."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from ...analysis.attainment import latest_used
from ...data import documents, indicators
from ..vocabulary import chart_word, label, status_label
from ..notes import comment
from .alt import count_phrase, invented, status_phrase
from .style import STATUS_COLOURS, both, both_label, check_lang, finish, use_house_style

__all__ = ["attainment_chart", "audit_chart"]


def _place(doc_ids, lang: str) -> str:
    docs = documents().set_index("doc_id")
    sep = "、" if lang == "zh" else ", "
    return sep.join(docs.loc[d, "place_zh" if lang == "zh" else "place_en"] for d in dict.fromkeys(doc_ids))


def attainment_chart(att: pd.DataFrame, *, lang: str = "en"):
    """Progress towards each target versus time elapsed (序时进度), coloured by status.

    A solid bar is the share of the baseline→target distance covered by the observation used; the
    black tick is the share the plan's own path has covered by then (bar past the tick = ahead), the
    dotted tick the straight-line share of the time elapsed.  Labels come from the vocabulary; the title
    carries the date of the latest observation used (:func:`ipanalysis.analysis.attainment.latest_used`).  A hatched bar
    is a target with no baseline: the level reached as a share of the target (distance to target),
    not progress.  Targets without observations are counted in the note.  ``att`` is
    :func:`ipanalysis.attainment`'s output; charts from illustrative observations are stamped.

    >>> from ipanalysis import attainment
    >>> fig = attainment_chart(attainment("data/examples/illustrative_observations.csv", as_of=2023,
    ...                                   doc_id="ordos_2022"))
    >>> any("ILLUSTRATIVE" in t.get_text() for t in fig.texts)
    True
    """
    check_lang(lang)
    use_house_style()
    cat = indicators().set_index("key")
    other = "en" if lang == "zh" else "zh"
    a = att[att["obs_value"].notna()].copy()
    n_missing = int(att["obs_value"].isna().sum())
    names = [cat.loc[k, "name_zh" if lang == "zh" else "name_en"] if k in cat.index else k for k in a["indicator"]]
    seconds = [z if lang == "en" else (cat.loc[k, "name_en"] if k in cat.index else k)
               for k, z in zip(a["indicator"], a["indicator_zh"])]
    a["label"] = [f"{n} ({t})\n{s}" for n, t, s in zip(names, a["target_id"], seconds)]
    a = a.sort_values("target_id")
    fig, ax = plt.subplots(figsize=(8.5, 0.6 * max(len(a), 2) + 1.9))
    schedule = label("schedule", "zh")  # 序时进度, in both languages: the term the reader looks for
    for y, (_, r) in enumerate(a.iterrows()):
        status = r["status"]
        words = status_label(status, r.get("status_low"), r.get("status_high"), lang)
        color = STATUS_COLOURS.get(status, STATUS_COLOURS.get(r["schedule_status"], "#9e9e9e"))
        if pd.notna(r["progress_ratio"]):
            ax.barh(y, min(max(r["progress_ratio"], -0.5), 1.5) * 100, color=color)
            expected = r["expected_share"] if pd.notna(r.get("expected_share")) else r["elapsed_share"]
            ax.plot([expected * 100] * 2, [y - 0.4, y + 0.4], color="black", lw=2)
            ax.plot([r["elapsed_share"] * 100] * 2, [y - 0.4, y + 0.4], color="#777777", lw=1, ls=":")
            ax.text(min(max(r["progress_ratio"], r["elapsed_share"], 0), 1.5) * 100 + 3, y,
                    f"{words}\n{schedule}: {label(r['schedule_status'], lang)}", va="center", fontsize=8)
        elif pd.notna(r["share_of_target"]):
            ax.barh(y, min(r["share_of_target"], 1.5) * 100, color="white", edgecolor="#777777", hatch="///")
            share = chart_word("of_target", lang, share=f"{r['share_of_target']:.0%}")
            ax.text(min(r["share_of_target"], 1.5) * 100 + 2, y, f"{words}: {share}", va="center", fontsize=8)
        else:
            note = comment(r, lang)   # the table's words for why there is no bar
            short = textwrap.shorten(note, 60) if lang == "en" else (note[:27] + "…" if len(note) > 28 else note)
            note = (": " if lang == "en" else "：") + short if note else ""
            ax.text(2, y, f"{words} / {label(status, other)}{note}", va="center", fontsize=8, color="#555555")
    ax.set_yticks(range(len(a)), a["label"], fontsize=8)
    ax.invert_yaxis()
    ax.axvline(100, color="#444444", lw=0.8, ls="--")
    ax.set_xlim(-50, 170)
    ax.set_xlabel(chart_word("attainment_axis", lang) + "\n" + chart_word("attainment_axis", other), fontsize=9)
    as_of = latest_used(att)
    ax.set_title(both("attainment_title", lang) + (f" — {chart_word('latest_used', lang, date=as_of)}" if as_of else ""))
    illustrative, invented_clause = invented(a, lang)
    hatched = bool(a["share_of_target"].notna().any())
    note = " ".join(x for x in (
        chart_word("hatched_note", lang) if hatched else "",
        chart_word("no_observation_note", lang, n=n_missing) if n_missing else "",
        chart_word("invented_note", lang) if illustrative else chart_word("cited_note", lang, n=len(a))) if x)
    place = _place(att["doc_id"], lang)
    counts = status_phrase(a, lang)
    if lang == "zh":
        alt = (f"条形图：{place}{len(att)}项目标中有观测值的{len(a)}项，对照序时进度的进度——{counts}；"
               f"另{n_missing}项无观测值" + (f"；所用最新观测{as_of}" if as_of else "") + invented_clause)
    else:
        alt = (f"Bar chart: progress of the {len(a)} of {len(att)} targets of {place} with an observation, against "
               f"the time elapsed (序时进度) — {counts}; {n_missing} without an observation"
               + (f"; latest observation used {as_of}" if as_of else "") + invented_clause)
    return finish(fig, att["doc_id"].unique(), note, illustrative, lang=lang, alt=alt)


def audit_chart(aud: pd.DataFrame, *, lang: str = "en"):
    """Stacked bars: audit checks per document by status.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"doc_id": ["ordos_2022", "ordos_2022"], "status": ["consistent", "needs_review"]})
    >>> audit_chart(df).axes[0].get_ylabel(), audit_chart(df, lang="zh").axes[0].get_ylabel()
    ('Checks (核查项数)', '核查项数 (Checks)')
    """
    check_lang(lang)
    use_house_style()
    docs = documents().set_index("doc_id")
    order = ["inconsistent", "needs_review", "consistent"]
    m = pd.crosstab(aud["doc_id"], aud["status"]).reindex(columns=order, fill_value=0)
    m.index = [docs.loc[d, "place_zh" if lang == "zh" else "place_en"] for d in m.index]
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    m.columns = [both_label(s, lang) for s in order]
    m.plot.bar(stacked=True, ax=ax, color=[STATUS_COLOURS[s] for s in order], rot=0)
    ax.set_ylabel(both("checks", lang))
    ax.set_xlabel("")
    ax.legend(title=both("status", lang), frameon=False)
    ax.set_title(both("audit_title", lang))
    per_doc = [(p, {s: int(n) for s, n in zip(order, row) if n}) for p, row in zip(m.index, m.to_numpy())]
    if lang == "zh":
        alt = f"堆积条形图：{len(m)}份文件的内部一致性核查结果——" + "；".join(
            f"{p}：{count_phrase(c, 'zh')}" for p, c in per_doc)
    else:
        alt = f"Stacked bar chart: internal-consistency checks of {len(m)} documents by status — " + "; ".join(
            f"{p}: {count_phrase(c, 'en')}" for p, c in per_doc)
    return finish(fig, aud["doc_id"].unique(), lang=lang, alt=alt)
