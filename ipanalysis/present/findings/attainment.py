"""The findings of the attainment page: counts by verdict (words from the vocabulary), each judged
target with its reading, why readings disagree where they do, and what keeps the others unjudged.

>>> import ipanalysis as ip
>>> att = ip.attainment(doc_id="ordos_2022")
>>> print(attainment_findings(att, "ordos_2022"))  # doctest: +ELLIPSIS
**What it shows.** Ordos (鄂尔多斯市), latest observation used ...: ... of ... targets have a cited observation...
>>> print(attainment_findings(att, "ordos_2022", "zh"))  # doctest: +ELLIPSIS
**主要发现。** 鄂尔多斯市（所用观测数据最晚截至...）：...项目标中，...项有本地区的公开引用观测值。...
"""

from __future__ import annotations

import pandas as pd

from ...analysis.attainment import latest_used
from ...analysis.progress import JUDGED, OPENSDG_THRESHOLDS
from ...units import fmt_value
from ..display import Prose
from ..vocabulary import check_lang, count, label, status_label
from .common import LEAD, date_zh, md, name_of, pct, place_of

__all__ = ["attainment_findings", "disagreement"]

_GOOD, _POOR = ("substantial_progress", "target_achieved"), ("limited_progress", "deterioration")
_SCHEDULE = ("on_schedule", "ahead_of_schedule", "behind_schedule")
_SUBSTANTIAL = OPENSDG_THRESHOLDS["substantial"]


def _words(r, lang: str = "en") -> str:
    """A verdict's words; on an English page with the Chinese beside them; borderline with both bands."""
    lo, hi = r.get("status_low"), r.get("status_high")
    if lang == "zh":
        return status_label(r["status"], lo, hi, "zh")
    return f"{status_label(r['status'], lo, hi)} ({status_label(r['status'], lo, hi, 'zh')})"


def _has(n: int, lang: str = "en") -> str:
    return "has" if n == 1 else "have"


def disagreement(r, lang: str = "en") -> str:
    """Why the growth reading and 序时进度 disagree for one row of ``attainment()``, or "" when they do not.

    Open SDG asks whether growth since the baseline keeps pace with the growth required (a ratio, with
    bands); 序时进度 asks whether the level reached is where the plan's path is at that date (± 5 points).
    """
    band = r["status_high"] if r["status"] == "borderline" else r["opensdg_status"]
    sched = r["schedule_status"]
    if pd.isna(r["progress_ratio"]) or pd.isna(r["expected_share"]):
        return ""
    done, due = pct(r["progress_ratio"]), pct(r["expected_share"])
    good, poor = band in _GOOD and sched == "behind_schedule", band in _POOR and sched in ("on_schedule", "ahead_of_schedule")
    if lang == "zh":
        where = f"已完成{done}，按规划路径此时应完成{due}"
        if good:
            lead = (f"按其中一种口径，增速处于“{label(band, 'zh')}”区间" if r["status"] == "borderline"
                    else f"增速达到所需速度的{r['cagr_ratio']:.2f}（{_SUBSTANTIAL:.2f}及以上为“{label(band, 'zh')}”）")
            return (f"{lead}，但所达水平落后于规划路径（{where}）：比值衡量的是基期以来的增长速度，"
                    "序时进度衡量的是已达到的水平")
        if poor:
            return (f"所达水平{label(sched, 'zh')}（{where}），但基期以来的增速仅为所需速度的{r['cagr_ratio']:.2f}："
                    "前期增长较快，其后明显放缓")
        return ""
    where = f"{done} of the distance covered against {due} on the plan's path by then"
    if good:
        lead = (f"one reading of the observation puts growth in the {label(band)} band" if r["status"] == "borderline"
                else f"growth keeps {r['cagr_ratio']:.2f} of the pace required ({label(band)} from {_SUBSTANTIAL:.2f} up)")
        return (f"{lead}, but the level is behind the plan's path ({where}): the ratio judges the rate of growth "
                "since the baseline, 序时进度 the level reached")
    if poor:
        return (f"the level is {label(sched)} ({where}), but growth since the baseline is only {r['cagr_ratio']:.2f} of "
                "the pace required: the level gained early and has slowed since")
    return ""


def _judged_en(r) -> list[str]:
    shown = fmt_value(r["annualised_value"] if pd.notna(r["annualised_value"]) else r["obs_value"], r["level_unit"])
    period = (f"{r['obs_period_start']} to {r['obs_period_end']}" if pd.notna(r["obs_period_start"])
              else f"at {r['obs_period_end']}")
    extra = ", annualised" if pd.notna(r["annualised_value"]) else ""
    ratio = f"; ratio {r['cagr_ratio']:.2f} ({label(r['reading'])})" if pd.notna(r["cagr_ratio"]) else ""
    sched = f"; 序时进度: {label(r['schedule_status'])}" if r["schedule_status"] in _SCHEDULE else ""
    lines = [f"- {r['target_id']} {name_of(r['indicator'])}: {shown} ({period}{extra}) → **{_words(r)}**{ratio}{sched}."]
    if r["status"] == "borderline":
        lines.append(f"- {r['target_id']} is borderline: its band depends on a convention (how a part-year "
                     "flow is dated or annualised); its worked line (the arithmetic of each verdict) gives each reading.")
    why = disagreement(r)
    if why:
        lines.append(f"- {r['target_id']}: the readings disagree — {why}.")
    return lines


def _judged_zh(r) -> list[str]:
    shown = fmt_value(r["annualised_value"] if pd.notna(r["annualised_value"]) else r["obs_value"], r["level_unit"])
    period = (f"{date_zh(r['obs_period_start'])}至{date_zh(r['obs_period_end'])}" if pd.notna(r["obs_period_start"])
              else f"截至{date_zh(r['obs_period_end'])}")
    what = "年化值" if pd.notna(r["annualised_value"]) else "观测值"
    ratio = f"；{label(r['reading'], 'zh')}为{r['cagr_ratio']:.2f}" if pd.notna(r["cagr_ratio"]) else ""
    sched = f"；序时进度：{label(r['schedule_status'], 'zh')}" if r["schedule_status"] in _SCHEDULE else ""
    lines = [f"- {r['target_id']} {name_of(r['indicator'], 'zh')}：{what}{shown}（{period}）→ **{_words(r, 'zh')}**"
             f"{ratio}{sched}。"]
    if r["status"] == "borderline":
        lines.append(f"- {r['target_id']}处于临界：所属等级取决于口径约定（年内部分时段的流量如何归年、如何年化），"
                     "各口径下的结果见“各项结论的计算过程”。")
    why = disagreement(r, "zh")
    if why:
        lines.append(f"- {r['target_id']}：两种读数结论不一——{why}。")
    return lines


def _unjudged(att: pd.DataFrame, seen: pd.DataFrame, lang: str) -> str:
    base_only = int((seen["obs_period_end"] <= seen["baseline_date"]).sum())  # observed no later than the baseline
    rest, missing = len(seen) - base_only, int(att["obs_value"].isna().sum())
    if lang == "zh":
        parts = ([f"{base_only}项目标在作为基期值的观测之后尚无新的观测值"] if base_only else []) + \
                ([f"{rest}项虽有观测值，但无法反映进展"] if rest else []) + \
                ([f"{missing}项尚无本地区的公开引用观测值"] if missing else [])
        return f"暂无可评定进展的目标：{'；'.join(parts)}（各目标的原因见下表）。"
    parts = ([f"{count(base_only, 'target')} {_has(base_only)} no observation after the one that serves as "
              f"{'its' if base_only == 1 else 'their'} baseline"] if base_only else []) + \
            ([f"{rest} {_has(rest)} an observation that cannot show progress"] if rest else []) + \
            ([f"{missing} {_has(missing)} no cited observation of the document's own place"] if missing else [])
    return f"No target can be judged yet: {'; '.join(parts)} (each target's reason is in the tables below)."


def _caveats(att: pd.DataFrame, seen: pd.DataFrame, lang: str) -> list[str]:
    early = len(seen[seen["status"] == "too_early"])
    dist = len(seen[seen["status"] == "distance_only"])
    flagged = len(att[att["flags"].str.contains("ambiguous", na=False)])
    lines = []
    if lang == "zh":
        if early:
            lines.append(f"{early}项目标的观测距基期不足一年：{label('too_early', 'zh')}（Open SDG要求至少两年数据），"
                         "仅列示序时进度。")
        if dist:
            lines.append(f"{dist}项目标有观测值但无基期值：仅列示已达目标值的比例（距目标差距），不评定进展。")
        if flagged:
            lines.append(f"{flagged}项目标口径不明（“累计”是规划期内累计，还是含期初存量的累计总量？"
                         "未写“年均”的“增长X%”，是年均增速还是整个规划期的增幅？）。")
        return lines
    if early:
        lines.append(f"{count(early, 'target')} observed less than a year after {'its' if early == 1 else 'their'} "
                     f"baseline: {label('too_early')} (Open SDG needs at least two years of data); 序时进度 is shown.")
    if dist:
        lines.append(f"{count(dist, 'target')} {_has(dist)} an observation but no baseline: shown as the level reached as "
                     "a share of the target (distance to target), not as progress.")
    if flagged:
        lines.append(f"{count(flagged, 'target')} {_has(flagged)} an ambiguous basis (累计: a plan-period total or a "
                     "running total? 增长X% without 年均: a yearly rate or over the whole period?).")
    return lines


def attainment_findings(att: pd.DataFrame, doc_id: str, lang: str = "en") -> Prose:
    """What the attainment page shows, from ``attainment(doc_id=doc_id)``, in ``lang``: counts by verdict
    (words from the vocabulary), each judged target with its reading, and why readings disagree where they do.
    """
    check_lang(lang)
    seen = att[att["obs_value"].notna()]
    used = latest_used(att)
    judged = seen[seen["status"].isin(JUDGED)]
    if lang == "zh":
        as_of = f"（所用观测数据最晚截至{date_zh(used)}）" if used else ""
        lines = [f"{LEAD['zh']} {place_of(doc_id, 'zh')}{as_of}：{len(att)}项目标中，{len(seen)}项有本地区的公开引用观测值。"]
        if bool(att["illustrative"].any()):
            lines.insert(0, "**示例数据：本页观测值系为演示测算方法而虚构。**")
        if len(judged):
            counts = judged.assign(words=[_words(r, "zh") for _, r in judged.iterrows()])["words"].value_counts()
            lines.append("已评定进展的目标：" + "、".join(f"“{s}”{n}项" for s, n in counts.items()) + "。")
            for _, r in judged.sort_values("target_id").iterrows():
                lines += _judged_zh(r)
        else:
            lines.append(_unjudged(att, seen, "zh"))
        return md(lines + _caveats(att, seen, "zh"))
    as_of = f", latest observation used {used}" if used else ""
    lines = [f"{LEAD['en']} {place_of(doc_id)}{as_of}: {len(seen)} of {count(len(att), 'target')} "
             f"{_has(len(seen))} a cited observation of the document's own place."]
    if bool(att["illustrative"].any()):
        lines.insert(0, "**ILLUSTRATIVE DATA — the observations are invented to demonstrate the methods.**")
    if len(judged):
        counts = judged.assign(words=[_words(r) for _, r in judged.iterrows()])["words"].value_counts()
        lines.append("Judged: " + ", ".join(f"{n} {s}" for s, n in counts.items()) + ".")
        for _, r in judged.sort_values("target_id").iterrows():
            lines += _judged_en(r)
    else:
        lines.append(_unjudged(att, seen, "en"))
    return md(lines + _caveats(att, seen, "en"))
