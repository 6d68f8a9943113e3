"""Charts of the growth the targets require: one target year by year; every projectable target's rate."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ...data import documents, indicators
from ..vocabulary import chart_word
from .compare import unit_words
from .style import PALETTE, bilingual, both, both_label, check_lang, finish, use_house_style

__all__ = ["trajectory_chart", "required_growth_chart"]


def _name(cat, key, lang):
    en = cat.loc[key, "name_en"] if key in cat.index else key
    zh = cat.loc[key, "name_zh"] if key in cat.index else key
    return en, zh


def trajectory_chart(tr: pd.DataFrame, target: pd.Series, illustrative: bool = False, *, lang: str = "en"):
    """History, plan path, past growth continued and observations for one target.

    ``tr`` is :func:`ipanalysis.trajectory`'s output; ``target`` the target's row of
    :func:`ipanalysis.trajectories`.

    >>> from ipanalysis import trajectories, trajectory
    >>> row = trajectories("ordos_2022").set_index("target_id").loc["OR-01"]
    >>> fig = trajectory_chart(trajectory("OR-01"), row)
    >>> sorted(t.get_text() for t in fig.axes[0].get_legend().get_texts())[:2]
    ['history (document) (历史值（文件）)', 'past growth continued (按以往增速延续)']
    """
    check_lang(lang)
    use_house_style()
    cat = indicators().set_index("key")
    key = target["indicator"]
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    styles = {"history": ("history", "-", "o", PALETTE[0]),
              "plan path": ("plan_path", "--", None, PALETTE[1]),
              "past growth continued": ("past_growth", ":", None, PALETTE[5]),
              "observed": ("observed", "", "D", PALETTE[3])}
    drawn = []
    for series, (word, ls, marker, color) in styles.items():
        s = tr[tr["series"] == series]
        if len(s):
            ax.plot(s["year"], s["value"], linestyle=ls or "none", marker=marker, color=color, label=both(word, lang))
            drawn.append((word, int(s["year"].min()), int(s["year"].max())))
    en, zh = _name(cat, key, lang)
    ax.set_title(bilingual(en, zh, lang))
    unit = unit_words(cat.loc[key, "base_unit"], lang)
    ax.set_ylabel(f"{both_label(cat.loc[key, 'measure'], lang)}, {unit}")
    ax.set_xlabel(both("year", lang))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False)
    tid = target["target_id"] if "target_id" in target else target.name
    note = chart_word("target_note", lang, tid=tid, name=target["indicator_zh"])
    if lang == "zh":
        alt = f"折线图：目标{tid}（{zh}）逐年数值，" + "，".join(
            f"{chart_word(w, 'zh')}{a}—{b}年" for w, a, b in drawn)
    else:
        alt = f"Line chart: target {tid} ({en}) year by year — " + ", ".join(
            f"{chart_word(w, 'en')} {a}–{b}" for w, a, b in drawn)
    return finish(fig, [target["doc_id"]], note, illustrative, lang=lang, alt=alt)


def required_growth_chart(tr: pd.DataFrame, history: pd.DataFrame | None = None, *, lang: str = "en"):
    """Horizontal bars: the compound annual growth each projectable target requires.

    ``tr`` is :func:`ipanalysis.trajectories`' output for one document; ``history`` (optional)
    has ``indicator`` and ``historical_cagr`` to mark past growth on the same axis.

    >>> from ipanalysis import trajectories
    >>> fig = required_growth_chart(trajectories("ordos_2022"))
    >>> fig.axes[0].get_xlabel()
    'Required compound annual growth, % a year (所需年均增长率（%）)'
    """
    check_lang(lang)
    use_house_style()
    cat = indicators().set_index("key")
    ok = tr[tr["computable"]].copy().sort_values("required_cagr")
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(ok), 2) + 1.6))
    names = [_name(cat, k, lang) for k in ok["indicator"]]
    labels = [f"{z}\n{e}" if lang == "zh" else f"{e}\n{z}" for e, z in names]
    ax.barh(labels, ok["required_cagr"] * 100, color=PALETTE[0])
    stated = chart_word("stated_rate", lang)
    for y, (v, m) in enumerate(zip(ok["required_cagr"], ok["measure"])):
        ax.text(v * 100, y, f" {v * 100:.1f}%" + (f" ({stated})" if m == "growth_rate" else ""),
                va="center", fontsize=8)
    if history is not None and len(history):
        pos = {k: i for i, k in enumerate(ok["indicator"])}
        h = history[history["indicator"].isin(pos)]
        ax.scatter(h["historical_cagr"] * 100, [pos[k] for k in h["indicator"]], marker="|", s=300,
                   color=PALETTE[3], label=both("history_growth", lang), zorder=5)
        ax.legend(frameon=False, loc="lower right")
    ax.set_xlabel(both("growth_axis", lang))
    doc = tr["doc_id"].iloc[0] if len(tr) else None
    ax.set_title(both("growth_title", lang))
    ax.tick_params(labelsize=8)
    place = documents().set_index("doc_id").loc[doc, "place_zh" if lang == "zh" else "place_en"] if doc else ""
    rates = [(z if lang == "zh" else e, v * 100) for (e, z), v in zip(names, ok["required_cagr"])]
    if lang == "zh":
        alt = (f"条形图：{place}{len(ok)}项可推算目标所需的年均增长率，由低到高：" +
               "，".join(f"{n} {v:.1f}%" for n, v in rates))
    else:
        alt = (f"Bar chart: the compound annual growth {len(ok)} projectable targets of {place} require, lowest "
               "first: " + "; ".join(f"{n} {v:.1f}%" for n, v in rates))
    return finish(fig, [doc] if doc else [], chart_word("growth_note", lang), lang=lang, alt=alt)
