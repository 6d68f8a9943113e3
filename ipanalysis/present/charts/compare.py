"""Charts across documents: the same indicator's targets side by side; the national tasks each plan takes up."""

from __future__ import annotations

import math
import textwrap

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ...data import documents
from .style import PALETTE, both, both_label, check_lang, finish, fmt, use_house_style
from ..vocabulary import chart_word

__all__ = ["ambition_chart", "coverage_heatmap", "unit_words"]


def unit_words(unit: str, lang: str = "en") -> str:
    """A unit as a reader reads it: ``yuan`` → "yuan (元)" / "元 (yuan)"; others as they are.

    >>> unit_words("yuan", "zh"), unit_words("%")
    ('元 (yuan)', '%')
    """
    return ("元 (yuan)" if lang == "zh" else "yuan (元)") if unit == "yuan" else str(unit)


def _place(doc_id: str, lang: str) -> str:
    r = documents().set_index("doc_id").loc[doc_id]
    return r["place_zh"] if lang == "zh" else r["place_en"]


def ambition_chart(long: pd.DataFrame, min_docs: int = 2, ncols: int = 3, *, lang: str = "en"):
    """Small multiples: for each indicator (same key, measure and unit) set by ``min_docs`` or
    more documents, the target value per place, labelled with comparator and target year.

    ``long`` is :func:`ipanalysis.compare`'s output.  Returns the figure.

    >>> from ipanalysis import compare
    >>> fig = ambition_chart(compare(), lang="zh")
    >>> len([ax for ax in fig.axes if ax.has_data()]) >= 4, fig._suptitle.get_text()
    (True, '同一指标的目标值对比 (Targets for the same indicator, side by side)')
    """
    check_lang(lang)
    use_house_style()
    keep = long.dropna(subset=["value"]).copy()
    keep["n"] = keep.groupby(["indicator", "measure", "unit"])["doc_id"].transform("nunique")
    keep = keep[keep["n"] >= min_docs].sort_values(["indicator", "measure", "place_en"])
    groups = list(keep.groupby(["indicator", "measure", "unit"], sort=True))
    n = max(len(groups), 1)
    rows = math.ceil(n / ncols)
    fig, axes = plt.subplots(rows, ncols, figsize=(4.6 * ncols, 2.7 * rows + 0.8), squeeze=False)
    for ax, ((key, measure, unit), g) in zip(axes.flat, groups):
        labels = [f"{_place(d, lang)}\n{c} {fmt(v)} {chart_word('by_year', lang, year=y)}" for d, c, v, y in
                  zip(g["doc_id"], g["comparator"].replace({"=": ""}), g["value"], g["target_year"])]
        ax.barh(labels, g["value"], color=PALETTE[: len(g)])
        en = "\n".join(textwrap.wrap(g["name_en"].iloc[0], 38))
        zh = g["name_zh"].iloc[0]
        ax.set_title(f"{zh}\n{en}" if lang == "zh" else f"{en}\n{zh}", fontsize=9)
        ax.set_xlabel(f"{both_label(measure, lang)}, {unit_words(unit, lang)}", fontsize=8)
        ax.tick_params(labelsize=8)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    fig.suptitle(both("ambition_title", lang), fontsize=13)
    names = [g["name_zh" if lang == "zh" else "name_en"].iloc[0] for _, g in groups]
    if lang == "zh":
        alt = f"小多图：{len(groups)}个指标由{keep['doc_id'].nunique()}份文件同时设定目标，逐地对比目标值：" + "、".join(names)
    else:
        alt = (f"Small bar charts: {len(groups)} indicators with targets in {keep['doc_id'].nunique()} documents, "
               "target values side by side: " + "; ".join(names))
    return finish(fig, keep["doc_id"].unique(), chart_word("ambition_note", lang), lang=lang, alt=alt)


def coverage_heatmap(cov: pd.DataFrame, *, lang: str = "en"):
    """Heat-map of :func:`ipanalysis.national_coverage`: national 2015 tasks × local documents.

    >>> from ipanalysis import national_coverage
    >>> fig = coverage_heatmap(national_coverage())
    >>> fig.axes[0].get_title().startswith("National 2015 tasks")
    True
    """
    check_lang(lang)
    use_house_style()
    m = cov.pivot_table(index=["task_no", "task_en", "task_zh"], columns="doc_id", values="addressed",
                        aggfunc="max").astype(float)
    tasks = len(m)
    addressed = {d: int(m[d].sum()) for d in m.columns}
    m.index = [f"{no}. {zh}\n{textwrap.shorten(en, 46)}" if lang == "zh" else f"{no}. {textwrap.shorten(en, 46)}\n{zh}"
               for no, en, zh in m.index]
    m.columns = [_place(c, lang) for c in m.columns]
    fig, ax = plt.subplots(figsize=(8.5, 7.5))
    yes, no = chart_word("yes", lang), chart_word("no", lang)
    sns.heatmap(m, ax=ax, cmap=sns.color_palette(["#eeeeee", "#3c8d5a"], as_cmap=True), cbar=False,
                linewidths=1, linecolor="white", annot=m.replace({1.0: yes, 0.0: no}), fmt="",
                annot_kws={"fontsize": 9})
    ax.set_title(both("coverage_title", lang))
    ax.set_xlabel(both("local_document", lang))
    ax.set_ylabel("")
    ax.tick_params(labelsize=8)
    if lang == "zh":
        alt = f"热力图：2015年示范城市{tasks}项任务在各地方文件中的覆盖情况——" + "，".join(
            f"{_place(d, 'zh')}覆盖{k}项" for d, k in addressed.items())
    else:
        alt = f"Heat map: which of the {tasks} national 2015 tasks each local plan addresses — " + ", ".join(
            f"{_place(d, 'en')} {k} of {tasks}" for d, k in addressed.items())
    return finish(fig, ["national_2015", *cov["doc_id"].unique()], chart_word("coverage_note", lang), bottom=0.07,
                  lang=lang, alt=alt)
