"""What a plan promises and what is known: one row per target, baseline → target year, in its status colour.

The picture of a document page whose usual chart cannot be drawn (no projectable target, no observation):
every target of :func:`ipanalysis.attainment`'s frame is a row; a line runs from the baseline (○, stated or
observed) — or, dashed, from the plan's start where there is none — to the target year (◆; ◇ under 力争),
coloured by the target's status; the target value and the status are written at the end of the row, so
"no data" reads as such.  An observation used is a black bar on its date.  Each target marker carries the
``gid`` ``target-<target_id>`` (tests and the alt text count them).

>>> import ipanalysis as ip
>>> fig = target_timeline(ip.attainment(doc_id="nanchang_2021"), lang="zh")
>>> fig.axes[0].get_title()
'南昌市规划目标与已知数据：6项目标 (What the plan promises and what is known: 6 targets of Nanchang)'
>>> alt_text(fig)
'时间轴图：南昌市6项目标，基期到目标年，按评估状态着色——数据暂缺6项；无基期值6项'
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ...data import documents, indicators, targets
from ..vocabulary import chart_word, status_label
from .alt import alt_text, invented, status_phrase
from .style import STATUS_COLOURS, bilingual, both, both_label, check_lang, finish, fmt, use_house_style

__all__ = ["target_timeline"]

_GREY = "#9e9e9e"


def _year_position(date) -> float:
    """A date as a position on the year axis (year N spans N to N+1): 2020-12-31 → 2020.997."""
    d = pd.Timestamp(date)
    return d.year + (d.day_of_year - 1) / (366 if d.is_leap_year else 365)


def _value_text(r) -> str:
    comparator = {"=": "", ">=": "≥", "<=": "≤", "range": "", "qualitative": ""}.get(r["comparator"], r["comparator"])
    unit = "元" if r["unit"] == "yuan" else r["unit"]
    return f"{comparator}{fmt(r['target_value'])}{unit}".strip()


def target_timeline(att: pd.DataFrame, *, lang: str = "en"):
    """One row per target: baseline (or the plan's start) → target year, coloured by status.

    ``att`` is :func:`ipanalysis.attainment`'s output for one document (its observations real or
    illustrative: an illustrative frame is stamped).  Returns the figure, its alt text attached
    (:func:`~ipanalysis.present.charts.alt.alt_text`).

    >>> import ipanalysis as ip
    >>> fig = target_timeline(ip.attainment(doc_id="guiyang_2022"))
    >>> alt_text(fig)
    'Timeline: 30 targets of Guiyang, baseline to target year, coloured by status — 25 no data, 5 not assessable; 25 with no baseline; 10 marked 力争 (strive for)'
    """
    check_lang(lang)
    use_house_style()
    docs = documents().set_index("doc_id")
    cat = indicators().set_index("key")
    commitment = targets().set_index("target_id")["commitment"]
    a = att.reset_index(drop=True)
    doc_ids = list(dict.fromkeys(a["doc_id"]))
    places = {"en": ", ".join(docs.loc[d, "place_en"] for d in doc_ids),
              "zh": "、".join(docs.loc[d, "place_zh"] for d in doc_ids)}
    place = places[lang]
    start = min(int(docs.loc[d, "plan_start_year"]) for d in doc_ids) if doc_ids else 2000
    fig, ax = plt.subplots(figsize=(10, 0.34 * max(len(a), 3) + 2.2))
    strive = 0
    for y, r in a.iterrows():
        color = STATUS_COLOURS.get(r["status"], _GREY)
        end = int(r["target_year"]) + 0.99
        has_base = pd.notna(r["baseline_value"]) and pd.notna(r["baseline_date"])
        x0 = _year_position(r["baseline_date"]) if has_base else float(start)
        ax.plot([x0, end], [y, y], color=color, lw=2.5 if has_base else 1.5, ls="-" if has_base else (0, (3, 2)),
                solid_capstyle="butt")
        if has_base:
            ax.plot([x0], [y], marker="o", ms=6, mfc="white", mec=color, mew=1.8, ls="none")
        firm = commitment.get(r["target_id"], "firm") != "strive"
        strive += not firm
        ax.plot([end], [y], marker="D", ms=7, mfc=color if firm else "white", mec=color, mew=1.8, ls="none",
                gid=f"target-{r['target_id']}")
        if pd.notna(r.get("obs_value")) and pd.notna(r.get("obs_period_end")):
            ax.plot([_year_position(r["obs_period_end"])], [y], marker="|", ms=12, mew=2, color="black", ls="none")
        words = status_label(r["status"], r.get("status_low"), r.get("status_high"), lang)
        value = _value_text(r) if pd.notna(r["target_value"]) else ""
        ax.text(end + 0.4, y, f"{value} · {words}" if value else words, va="center", fontsize=8,
                color="#333333" if r["status"] != "no_data" else "#777777")
    names = [cat.loc[k, "name_zh" if lang == "zh" else "name_en"] if k in cat.index else k for k in a["indicator"]]
    ax.set_yticks(range(len(a)), [f"{t}  {n}" for t, n in zip(a["target_id"], names)], fontsize=8)
    last = int(a["target_year"].max()) if len(a) else start
    first = min([start, *[int(pd.Timestamp(d).year) for d in a["baseline_date"].dropna()]])
    ax.set_xlim(first - 0.2, last + 4.6)
    years = list(range(first, last + 1))
    ax.set_xticks([v + 0.5 for v in years], [str(v) for v in years], fontsize=8)
    ax.set_xticks(range(first, last + 2), minor=True)
    ax.grid(False)
    ax.grid(True, axis="x", which="minor", color="#e5e5e5")
    ax.set_xlabel(both("timeline_axis", lang), fontsize=9)
    ax.set_title(bilingual(chart_word("timeline_title", "en", n=len(a), place=places["en"]),
                           chart_word("timeline_title", "zh", n=len(a), place=places["zh"]), lang), fontsize=11)
    counts = a["status"].value_counts().to_dict()
    handles = [Patch(color=STATUS_COLOURS.get(s, _GREY), label=f"{both_label(s, lang)}: {n}") for s, n in counts.items()]
    no_base = int((a["baseline_value"].isna() | a["baseline_date"].isna()).sum())
    if no_base < len(a):
        handles.append(Line2D([], [], color="#555555", marker="o", mfc="white", ls="-", label=both("baseline", lang)))
    if no_base:
        handles.append(Line2D([], [], color="#555555", ls=(0, (3, 2)), label=both("no_baseline", lang)))
    handles.append(Line2D([], [], color="#555555", marker="D", ls="none", label=both("target", lang)))
    if strive:
        handles.append(Line2D([], [], color="#555555", marker="D", mfc="white", ls="none",
                              label=both("strive_legend", lang)))
    if a["obs_value"].notna().any():
        handles.append(Line2D([], [], color="black", marker="|", ms=10, mew=2, ls="none", label=both("observed", lang)))
    ax.legend(handles=handles, frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(0.0, 1.0), ncol=3,
              columnspacing=1.2, handletextpad=0.5)
    ax.set_ylim(len(a) - 0.4, -(0.7 + 0.8 * -(-len(handles) // 3)))  # room above the first row for the legend
    illustrative, invented_clause = invented(a, lang)
    if lang == "zh":
        alt = (f"时间轴图：{place}{len(a)}项目标，基期到目标年，按评估状态着色——{status_phrase(a, 'zh')}；"
               f"无基期值{no_base}项" + (f"；“力争”目标{strive}项" if strive else "") + invented_clause)
    else:
        alt = (f"Timeline: {len(a)} targets of {place}, baseline to target year, coloured by status — "
               f"{status_phrase(a, 'en')}; {no_base} with no baseline"
               + (f"; {strive} marked 力争 (strive for)" if strive else "") + invented_clause)
    note = chart_word("invented_note" if illustrative else "timeline_note", lang)
    return finish(fig, doc_ids, note, illustrative, bottom=0.04, lang=lang, alt=alt)

