"""The findings of the trajectories page: how many targets can be projected, the steepest and the
gentlest growth they require, growth targets against the document's own past, what is not projected.

>>> import ipanalysis as ip
>>> tr, hist = ip.trajectories("ordos_2022"), ip.historical_growth("ordos_2022")
>>> trajectory_findings(tr, hist, "ordos_2022").splitlines()[0].startswith("**What it shows.** Ordos")
True
>>> trajectory_findings(tr, hist, "ordos_2022", "zh").splitlines()[0].startswith("**主要发现。** 鄂尔多斯市")
True
"""

from __future__ import annotations

import pandas as pd

from ...units import fmt_value
from ..display import Prose
from ..vocabulary import check_lang
from .common import LEAD, date_zh, md, name_of, pct, place_of

__all__ = ["trajectory_findings", "NOT_PROJECTED"]

#: Why a target is not projected (the start of its ``reason``) → (English plural, English singular, Chinese).
NOT_PROJECTED = {
    "a share": ("shares", "share", "占比类"), "a score": ("scores", "score", "得分类"),
    "qualitative": ("qualitative", "qualitative", "定性表述"),
    "total over": ("plan-period totals", "plan-period total", "规划期内累计"),
    "running total": ("running totals without a start stock", "running total without a start stock",
                      "累计总量但缺期初存量"),
    "no baseline": ("without any baseline", "without any baseline", "无基期值"),
    "other": ("other", "other", "其他"),
}


def _en(tr: pd.DataFrame, hist: pd.DataFrame, doc_id: str, ok: pd.DataFrame, n_obs: int) -> list[str]:
    lines = [f"{LEAD['en']} {place_of(doc_id)}: {len(ok)} of {len(tr)} distinct targets can be "
             f"projected from a baseline ({len(ok) - n_obs} stated by the document, {n_obs} from a cited observation)."]
    levels = ok[ok["measure"] != "growth_rate"].dropna(subset=["required_cagr"]).sort_values("required_cagr")
    if len(levels):
        top, low = levels.iloc[-1], levels.iloc[0]
        lines.append(f"The steepest is {top['target_id']}, {name_of(top['indicator'])}: from "
                     f"{fmt_value(top['baseline_value'], top['level_unit'])} ({top['baseline_date']}) to "
                     f"{fmt_value(top['target_level'], top['level_unit'])} by {top['target_year']}, "
                     f"{pct(top['required_cagr'])} a year.")
        if len(levels) > 1:
            lines.append(f"The gentlest is {low['target_id']}, {name_of(low['indicator'])}: "
                         f"{pct(low['required_cagr'])} a year.")
    for g, past in _growth_vs_past(ok, hist):
        verb = "slower than" if g["required_cagr"] < past["historical_cagr"] else "faster than"
        lines.append(f"{g['target_id']} asks for {pct(g['required_cagr'])} a year in {name_of(g['indicator'])}, "
                     f"{verb} the {pct(past['historical_cagr'])} a year the document reports for "
                     f"{past['start_year']}–{past['end_year']}.")
    for _, g in ok[ok["basis"].eq("ambiguous")].iterrows():
        reading = "a yearly rate" if g["measure"] == "growth_rate" else "the level reached"
        lines.append(f"{g['target_id']}'s wording is ambiguous (more than one basis fits it); it is read here as "
                     f"{reading}, one of the possible readings.")
    counts = _not_projected(tr)
    if counts:
        parts = [f"{n} {NOT_PROJECTED[k][1] if n == 1 else NOT_PROJECTED[k][0]}" for k, n in counts.items()]
        lines.append(f"Not projected: {', '.join(parts)} (reasons in the last table).")
    return lines


def _zh(tr: pd.DataFrame, hist: pd.DataFrame, doc_id: str, ok: pd.DataFrame, n_obs: int) -> list[str]:
    lines = [f"{LEAD['zh']} {place_of(doc_id, 'zh')}：{len(tr)}项目标（重复表述只计一次）中，{len(ok)}项有基期值、"
             f"可测算所需增速，其中{len(ok) - n_obs}项的基期值取自文件本身，{n_obs}项取自公开引用的观测数据。" if len(ok) else
             f"{LEAD['zh']} {place_of(doc_id, 'zh')}：{len(tr)}项目标（重复表述只计一次）中，{len(ok)}项有基期值，"
             "均无法测算所需增速。"]
    levels = ok[ok["measure"] != "growth_rate"].dropna(subset=["required_cagr"]).sort_values("required_cagr")
    if len(levels):
        top, low = levels.iloc[-1], levels.iloc[0]
        lines.append(f"所需增速最高的是{top['target_id']}（{name_of(top['indicator'], 'zh')}）：由"
                     f"{date_zh(top['baseline_date'])}的{fmt_value(top['baseline_value'], top['level_unit'])}增至"
                     f"{top['target_year']}年的{fmt_value(top['target_level'], top['level_unit'])}，"
                     f"年均需增长{pct(top['required_cagr'])}。")
        if len(levels) > 1:
            lines.append(f"所需增速最低的是{low['target_id']}（{name_of(low['indicator'], 'zh')}），"
                         f"年均需增长{pct(low['required_cagr'])}。")
    for g, past in _growth_vs_past(ok, hist):
        verb = "低于" if g["required_cagr"] < past["historical_cagr"] else "高于"
        lines.append(f"{g['target_id']}要求{name_of(g['indicator'], 'zh')}年均增长{pct(g['required_cagr'])}，"
                     f"{verb}文件所述{past['start_year']}—{past['end_year']}年年均{pct(past['historical_cagr'])}的历史增速。")
    for _, g in ok[ok["basis"].eq("ambiguous")].iterrows():
        reading = "年均增速" if g["measure"] == "growth_rate" else "目标年应达到的水平"
        lines.append(f"{g['target_id']}的表述口径不明，本页按{reading}理解，这只是可能的读法之一。")
    counts = _not_projected(tr)
    if counts:
        parts = [f"{NOT_PROJECTED[k][2]}{n}项" for k, n in counts.items()]
        lines.append(f"未测算所需增速的目标：{'，'.join(parts)}（原因见末表）。")
    return lines


def _growth_vs_past(ok: pd.DataFrame, hist: pd.DataFrame):
    """(growth-rate target, the document's past growth of its indicator) pairs."""
    h = hist.set_index("indicator") if len(hist) else pd.DataFrame()
    for _, g in ok[ok["measure"] == "growth_rate"].iterrows():
        if g["indicator"] in h.index:
            past = h.loc[g["indicator"]]
            yield g, (past.iloc[0] if isinstance(past, pd.DataFrame) else past)


#: Trajectories' ``reason_code`` → the kind of reason counted in the findings (a bounded one by its measure).
_KIND_OF = {"qualitative": "qualitative", "period_total": "total over", "period_total_ambiguous": "total over",
            "no_start_stock": "running total", "no_baseline": "no baseline"}


def _not_projected(tr: pd.DataFrame) -> dict[str, int]:
    """Targets not projected, counted by the kind of reason (from ``reason_code``, not the English words),
    most first.

    >>> tr = pd.DataFrame({"computable": [False] * 4, "reason_code": ["bounded", "bounded", "no_baseline", "non_positive"],
    ...                    "measure": ["share", "score", "stock", "stock"]})
    >>> _not_projected(tr)
    {'a share': 1, 'a score': 1, 'no baseline': 1, 'other': 1}
    """
    rest = tr[~tr["computable"]]
    if not len(rest):
        return {}
    bounded = "a " + rest["measure"].where(rest["measure"].isin(["share", "score"]), "share")
    kinds = rest["reason_code"].map(_KIND_OF).where(rest["reason_code"] != "bounded", bounded).fillna("other")
    return {k: int(n) for k, n in kinds.value_counts(sort=False).sort_values(ascending=False, kind="stable").items()}


def trajectory_findings(tr: pd.DataFrame, hist: pd.DataFrame, doc_id: str, lang: str = "en") -> Prose:
    """What the trajectories page shows, from ``trajectories(doc_id)`` and ``historical_growth(doc_id)``,
    in ``lang``.

    >>> import ipanalysis as ip
    >>> tr, hist = ip.trajectories("cangshan_2013"), ip.historical_growth("cangshan_2013")
    >>> print(trajectory_findings(tr, hist, "cangshan_2013"))   # doctest: +ELLIPSIS
    **What it shows.** Cangshan District, Fuzhou (福州市仓山区): 0 of 22 distinct targets can be projected ...
    Not projected: 16 without any baseline, 3 shares, 3 plan-period totals (reasons in the last table).
    >>> print(trajectory_findings(tr, hist, "cangshan_2013", "zh"))   # doctest: +ELLIPSIS
    **主要发现。** 福州市仓山区：22项目标（重复表述只计一次）中，0项有基期值，均无法测算所需增速。
    <BLANKLINE>
    未测算所需增速的目标：无基期值16项，占比类3项，规划期内累计3项（原因见末表）。
    """
    ok = tr[tr["computable"]]
    n_obs = int((ok["baseline_kind"] == "observed").sum())
    return md((_zh if check_lang(lang) == "zh" else _en)(tr, hist, doc_id, ok, n_obs))
