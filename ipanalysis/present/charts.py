"""Charts in one house style: bilingual labels, units, titles, a source line, a CJK font.

Chinese text is drawn with Noto Sans CJK SC (SIL Open Font License) from the font file the
``noto-cjk-sans-otc`` wheel installs with the package — no system font, no download.
:func:`use_house_style` registers that file with matplotlib's font manager *by path*, under a
family name of its own (:data:`CJK_FAMILY`), so a system copy of Noto Sans CJK (Debian's
``fonts-noto-cjk``, same family name, possibly another version) can never be picked instead.
Every chart drawn from invented data carries an "ILLUSTRATIVE DATA — NOT REAL" watermark.

>>> use_house_style()
>>> import matplotlib.pyplot as plt
>>> plt.rcParams["font.family"][0]
'ipanalysis Noto Sans CJK SC'
>>> font_manager.findfont(CJK_FAMILY) == cjk_font_path()
True
>>> bilingual("Valid trademarks", "有效注册商标")
'Valid trademarks (有效注册商标)'
"""

from __future__ import annotations

import dataclasses
import functools
import math
import textwrap

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib import font_manager

from ..analysis.attainment import latest_used
from ..data import documents, indicators
from .vocabulary import label, status_label

__all__ = ["use_house_style", "bilingual", "source_line", "mark_illustrative", "ambition_chart",
           "coverage_heatmap", "trajectory_chart", "required_growth_chart", "attainment_chart", "audit_chart",
           "CJK_FAMILY", "STATUS_COLORS", "cjk_font_path"]

#: the family name the wheel's Noto Sans CJK SC face is registered under (unique to this package,
#: so matplotlib cannot resolve it to a system copy of the same font).
CJK_FAMILY = "ipanalysis Noto Sans CJK SC"
_WHEEL_FACE = "Noto Sans CJK SC"  # the face's own name inside the wheel's .ttc collection
PALETTE = ["#1f5a89", "#d1762b", "#3c8d5a", "#a23b3b", "#6b5b95", "#7f7f7f"]
#: Colour per status code (attainment's codes, the audit's statuses).
STATUS_COLORS = {
    "target_achieved": "#2e7d32", "ahead_of_schedule": "#2e7d32", "on_schedule": "#66a860", "behind_schedule": "#d1762b",
    "no_data": "#bdbdbd", "not_assessable": "#9e9e9e", "met": "#2e7d32", "missed": "#c0392b",
    "substantial_progress": "#2e7d32", "moderate_progress": "#66a860", "limited_progress": "#d1762b",
    "deterioration": "#c0392b", "distance_only": "#9e9e9e", "borderline": "#a6bf5a", "too_early": "#9e9e9e",
    "consistent": "#66a860", "needs_review": "#e0a030", "inconsistent": "#c0392b",
}
ILLUSTRATIVE_LABEL = "ILLUSTRATIVE DATA — NOT REAL (示例数据，非真实)"


@functools.cache
def _register_font() -> font_manager.FontEntry:
    """Register the wheel's font file with matplotlib's font manager, once per process.

    ``addfont`` reads the headers of the collection's ten faces (~40 ms); the SC face is then
    added again under :data:`CJK_FAMILY`, a name no other font file carries.  Returns that entry.
    """
    import noto_cjk_sans_otc  # the OFL-licensed Noto Sans CJK collection, installed by pip

    path = str(noto_cjk_sans_otc.FONT_PATH)
    fm = font_manager.fontManager
    fm.addfont(path)
    ours = [e for e in fm.ttflist if e.fname == path]
    face = next((e for e in ours if e.name == _WHEEL_FACE), ours[0])  # matplotlib < 3.11: first face only
    entry = dataclasses.replace(face, name=CJK_FAMILY)
    fm.ttflist.append(entry)
    cached = getattr(fm, "_findfont_cached", None)  # findfont memoises its answers; ours changed
    if cached is not None:
        cached.cache_clear()
    return entry


def cjk_font_path():
    """Path of the font file Chinese text is drawn with: the wheel's, whatever the system has.

    >>> import noto_cjk_sans_otc
    >>> cjk_font_path() == str(noto_cjk_sans_otc.FONT_PATH)
    True
    """
    entry = _register_font()
    if hasattr(font_manager, "FontPath"):  # matplotlib ≥ 3.11 resolves a face of a collection
        return font_manager.FontPath(entry.fname, entry.index)
    return entry.fname


def use_house_style() -> None:
    """Register the CJK font and set the project's matplotlib/seaborn style (idempotent)."""
    _register_font()
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE)
    plt.rcParams.update({
        "font.family": [CJK_FAMILY, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "axes.titlesize": 12, "axes.titleweight": "normal", "axes.labelsize": 10,
        "figure.dpi": 100, "savefig.dpi": 100, "figure.autolayout": False,
        "svg.hashsalt": "ipanalysis", "axes.spines.top": False, "axes.spines.right": False,
    })


def bilingual(en: str, zh: str | None = None) -> str:
    """``"English (中文)"``, English first; just the English when there is no Chinese."""
    return f"{en} ({zh})" if zh and zh != en else en


def source_line(fig, doc_ids, note: str | None = None) -> None:
    """Write "Source: 《title》 (issuer, number, date); …" under the figure.

    >>> import matplotlib.pyplot as plt
    >>> fig = plt.figure(); source_line(fig, ["ordos_2022"])
    >>> fig.texts[-1].get_text()[:20]
    'Source: 鄂尔多斯市知识产权保护和'
    """
    docs = documents().set_index("doc_id")
    parts = []
    for d in dict.fromkeys(doc_ids):
        r = docs.loc[d]
        extra = ", ".join(x for x in (r["doc_number"], r["issued_date"]) if isinstance(x, str) and x)
        parts.append(f"{r['title_zh']}" + (f" ({extra})" if extra else ""))
    text = "Source: " + "; ".join(parts) + (f". {note}" if note else "")
    fig.text(0.01, 0.005, "\n".join(textwrap.wrap(text, 150)), ha="left", va="bottom", fontsize=7, color="#555555")


def mark_illustrative(fig) -> None:
    """Stamp a figure drawn from invented data, so it can never pass for real data.

    >>> import matplotlib.pyplot as plt
    >>> fig = plt.figure(); mark_illustrative(fig)
    >>> "NOT REAL" in fig.texts[0].get_text()
    True
    """
    fig.text(0.5, 0.5, ILLUSTRATIVE_LABEL, ha="center", va="center", rotation=20, fontsize=20,
             color="#c0392b", alpha=0.25, zorder=100)
    fig.text(0.99, 0.995, ILLUSTRATIVE_LABEL, ha="right", va="top", fontsize=8, color="#c0392b")


def _fmt(v: float) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    if abs(v) >= 1e8:
        return f"{v / 1e8:g} 亿"
    if abs(v) >= 1e4:
        return f"{v / 1e4:g} 万"
    return f"{v:g}"


def _finish(fig, doc_ids, note=None, illustrative=False, bottom=0.1):
    fig.tight_layout(rect=(0, bottom, 1, 0.97))
    source_line(fig, doc_ids, note)
    if illustrative:
        mark_illustrative(fig)
    return fig


def ambition_chart(long: pd.DataFrame, min_docs: int = 2, ncols: int = 3):
    """Small multiples: for each indicator (same key, measure and unit) set by ``min_docs`` or
    more documents, the target value per place, labelled with comparator and target year.

    ``long`` is :func:`ipanalysis.compare`'s output.  Returns the figure.

    >>> from ipanalysis import compare
    >>> fig = ambition_chart(compare())
    >>> len([ax for ax in fig.axes if ax.has_data()]) >= 4
    True
    """
    use_house_style()
    keep = long.dropna(subset=["value"]).copy()
    keep["n"] = keep.groupby(["indicator", "measure", "unit"])["doc_id"].transform("nunique")
    keep = keep[keep["n"] >= min_docs].sort_values(["indicator", "measure", "place_en"])
    groups = list(keep.groupby(["indicator", "measure", "unit"], sort=True))
    n = max(len(groups), 1)
    rows = math.ceil(n / ncols)
    fig, axes = plt.subplots(rows, ncols, figsize=(4.6 * ncols, 2.7 * rows + 0.8), squeeze=False)
    for ax, ((key, measure, unit), g) in zip(axes.flat, groups):
        labels = [f"{p}\n{c} {_fmt(v)} by {y}" for p, c, v, y in
                  zip(g["place_en"], g["comparator"].replace({"=": ""}), g["value"], g["target_year"])]
        ax.barh(labels, g["value"], color=PALETTE[: len(g)])
        title = "\n".join(textwrap.wrap(g["name_en"].iloc[0], 38))
        ax.set_title(f"{title}\n{g['name_zh'].iloc[0]}", fontsize=9)
        u = "yuan (元)" if unit == "yuan" else unit
        ax.set_xlabel(f"{measure.replace('_', ' ')}, {u}", fontsize=8)
        ax.tick_params(labelsize=8)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    fig.suptitle(bilingual("Targets for the same indicator, side by side", "同一指标的目标值对比"), fontsize=13)
    return _finish(fig, keep["doc_id"].unique(), "Only cells with the same indicator, measure and unit are compared.")


def coverage_heatmap(cov: pd.DataFrame):
    """Heat-map of :func:`ipanalysis.national_coverage`: national 2015 tasks × local documents.

    >>> from ipanalysis import national_coverage
    >>> fig = coverage_heatmap(national_coverage())
    >>> fig.axes[0].get_title().startswith("National 2015 tasks")
    True
    """
    use_house_style()
    docs = documents().set_index("doc_id")
    m = cov.pivot_table(index=["task_no", "task_en", "task_zh"], columns="doc_id", values="addressed",
                        aggfunc="max").astype(float)
    m.index = [f"{no}. {textwrap.shorten(en, 46)}\n{zh}" for no, en, zh in m.index]
    m.columns = [docs.loc[c, "place_en"] for c in m.columns]
    fig, ax = plt.subplots(figsize=(8.5, 7.5))
    sns.heatmap(m, ax=ax, cmap=sns.color_palette(["#eeeeee", "#3c8d5a"], as_cmap=True), cbar=False,
                linewidths=1, linecolor="white", annot=m.replace({1.0: "yes", 0.0: "no"}), fmt="",
                annot_kws={"fontsize": 9})
    ax.set_title(bilingual("National 2015 tasks addressed by each local plan", "2015年示范城市任务覆盖"))
    ax.set_xlabel("Local document (地方文件)")
    ax.set_ylabel("")
    ax.tick_params(labelsize=8)
    return _finish(fig, ["national_2015", *cov["doc_id"].unique()],
                   "'yes' = a sentence of the local plan contains a keyword of the task (see evidence table).",
                   bottom=0.07)


def trajectory_chart(tr: pd.DataFrame, target: pd.Series, illustrative: bool = False):
    """History, plan path, past growth continued and observations for one target.

    ``tr`` is :func:`ipanalysis.trajectory`'s output; ``target`` the target's row of
    :func:`ipanalysis.trajectories`.

    >>> from ipanalysis import trajectories, trajectory
    >>> row = trajectories("ordos_2022").set_index("target_id").loc["OR-01"]
    >>> fig = trajectory_chart(trajectory("OR-01"), row)
    >>> sorted(t.get_text() for t in fig.axes[0].get_legend().get_texts())[:2]
    ['history (document)', 'past growth continued']
    """
    use_house_style()
    cat = indicators().set_index("key")
    key = target["indicator"]
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    styles = {"history": ("history (document)", "-", "o", PALETTE[0]),
              "plan path": ("plan path", "--", None, PALETTE[1]),
              "past growth continued": ("past growth continued", ":", None, PALETTE[5]),
              "observed": ("observed", "", "D", PALETTE[3])}
    for series, (label, ls, marker, color) in styles.items():
        s = tr[tr["series"] == series]
        if len(s):
            ax.plot(s["year"], s["value"], linestyle=ls or "none", marker=marker, color=color, label=label)
    ax.set_title(bilingual(cat.loc[key, "name_en"], cat.loc[key, "name_zh"]))
    unit = "yuan (元)" if cat.loc[key, "base_unit"] == "yuan" else cat.loc[key, "base_unit"]
    ax.set_ylabel(f"{cat.loc[key, 'measure']}, {unit}")
    ax.set_xlabel("Year (年)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False)
    tid = target["target_id"] if "target_id" in target else target.name
    note = f"Target {tid}: {target['indicator_zh']}"
    return _finish(fig, [target["doc_id"]], note, illustrative)


def required_growth_chart(tr: pd.DataFrame, history: pd.DataFrame | None = None):
    """Horizontal bars: the compound annual growth each projectable target requires.

    ``tr`` is :func:`ipanalysis.trajectories`' output for one document; ``history`` (optional)
    has ``indicator`` and ``historical_cagr`` to mark past growth on the same axis.

    >>> from ipanalysis import trajectories
    >>> fig = required_growth_chart(trajectories("ordos_2022"))
    >>> fig.axes[0].get_xlabel()
    'Required compound annual growth, % a year (年均增长率)'
    """
    use_house_style()
    cat = indicators().set_index("key")
    ok = tr[tr["computable"]].copy().sort_values("required_cagr")
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(ok), 2) + 1.6))
    labels = [f"{cat.loc[k, 'name_en']}\n{z}" for k, z in zip(ok["indicator"], ok["indicator_zh"])]
    ax.barh(labels, ok["required_cagr"] * 100, color=PALETTE[0])
    for y, (v, m) in enumerate(zip(ok["required_cagr"], ok["measure"])):
        ax.text(v * 100, y, f" {v * 100:.1f}%" + (" (stated rate)" if m == "growth_rate" else ""),
                va="center", fontsize=8)
    if history is not None and len(history):
        pos = {k: i for i, k in enumerate(ok["indicator"])}
        h = history[history["indicator"].isin(pos)]
        ax.scatter(h["historical_cagr"] * 100, [pos[k] for k in h["indicator"]], marker="|", s=300,
                   color=PALETTE[3], label="2015→2020 history", zorder=5)
        ax.legend(frameon=False, loc="lower right")
    ax.set_xlabel("Required compound annual growth, % a year (年均增长率)")
    doc = tr["doc_id"].iloc[0] if len(tr) else None
    ax.set_title(bilingual("Growth each target requires", "目标隐含的年均增长率"))
    ax.tick_params(labelsize=8)
    return _finish(fig, [doc] if doc else [], "Baseline → target, compound; levels only (shares, scores and "
                   "period totals are not projected).")


def attainment_chart(att: pd.DataFrame):
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
    use_house_style()
    cat = indicators().set_index("key")
    a = att[att["obs_value"].notna()].copy()
    n_missing = int(att["obs_value"].isna().sum())
    a["label"] = [f"{cat.loc[k, 'name_en'] if k in cat.index else k} ({t})\n{z}"
                  for k, t, z in zip(a["indicator"], a["target_id"], a["indicator_zh"])]
    a = a.sort_values("target_id")
    fig, ax = plt.subplots(figsize=(8.5, 0.6 * max(len(a), 2) + 1.9))
    for y, (_, r) in enumerate(a.iterrows()):
        status = r["status"]
        words = status_label(status, r.get("status_low"), r.get("status_high"))
        color = STATUS_COLORS.get(status, STATUS_COLORS.get(r["schedule_status"], "#9e9e9e"))
        if pd.notna(r["progress_ratio"]):
            ax.barh(y, min(max(r["progress_ratio"], -0.5), 1.5) * 100, color=color)
            expected = r["expected_share"] if pd.notna(r.get("expected_share")) else r["elapsed_share"]
            ax.plot([expected * 100] * 2, [y - 0.4, y + 0.4], color="black", lw=2)
            ax.plot([r["elapsed_share"] * 100] * 2, [y - 0.4, y + 0.4], color="#777777", lw=1, ls=":")
            ax.text(min(max(r["progress_ratio"], r["elapsed_share"], 0), 1.5) * 100 + 3, y,
                    f"{words}\n序时进度: {label(r['schedule_status'])}", va="center", fontsize=8)
        elif pd.notna(r["share_of_target"]):
            ax.barh(y, min(r["share_of_target"], 1.5) * 100, color="white", edgecolor="#777777", hatch="///")
            ax.text(min(r["share_of_target"], 1.5) * 100 + 2, y, f"{words}: {r['share_of_target']:.0%} of target",
                    va="center", fontsize=8)
        else:
            ax.text(2, y, f"{words}: " + textwrap.shorten(str(r["comment"]), 60), va="center", fontsize=8,
                    color="#555555")
    ax.set_yticks(range(len(a)), a["label"], fontsize=8)
    ax.invert_yaxis()
    ax.axvline(100, color="#444444", lw=0.8, ls="--")
    ax.set_xlim(-50, 170)
    ax.set_xlabel("Progress from baseline to target, % (进度); black tick: where the plan's path is by then "
                  "(序时进度); dotted: straight-line time share", fontsize=9)
    as_of = latest_used(att)
    ax.set_title(bilingual("Are targets on schedule?", "目标是否达到序时进度")
                 + (f" — latest observation used {as_of}" if as_of else ""))
    illustrative = bool(a["illustrative"].any()) if "illustrative" in a else False
    note = "Hatched: no baseline, level as % of target. " * bool(a["share_of_target"].notna().any()) + \
        (f"{n_missing} other target(s): no observation. " if n_missing else "") + \
        ("Observations: INVENTED, for demonstration only." if illustrative else
         f"Observations: {len(a)} cited figure(s), data/observations.csv (sources in the table).")
    return _finish(fig, att["doc_id"].unique(), note, illustrative)


def audit_chart(aud: pd.DataFrame):
    """Stacked bars: audit checks per document by status.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"doc_id": ["ordos_2022", "ordos_2022"], "status": ["consistent", "needs_review"]})
    >>> audit_chart(df).axes[0].get_ylabel()
    'Checks (核查项数)'
    """
    use_house_style()
    docs = documents().set_index("doc_id")
    order = ["inconsistent", "needs_review", "consistent"]
    m = pd.crosstab(aud["doc_id"], aud["status"]).reindex(columns=order, fill_value=0)
    m.index = [docs.loc[d, "place_en"] for d in m.index]
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    m.plot.bar(stacked=True, ax=ax, color=[STATUS_COLORS[s] for s in order], rot=0)
    ax.set_ylabel("Checks (核查项数)")
    ax.set_xlabel("")
    ax.legend(title="status", frameon=False)
    ax.set_title(bilingual("Internal-consistency checks per document", "文件内部一致性核查"))
    return _finish(fig, aud["doc_id"].unique())
