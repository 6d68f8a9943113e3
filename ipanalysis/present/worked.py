"""The worked line of a verdict in Chinese, from the columns of :func:`ipanalysis.attainment` and the
vocabulary's words (the English line is attainment's ``working`` column).

>>> import ipanalysis as ip
>>> r = ip.attainment(doc_id="ordos_2022").set_index("target_id").loc["OR-01"]
>>> print(working_zh(r))   # doctest: +NORMALIZE_WHITESPACE
基期值2,748件（2020-12-31）；观测值3,398件（2024-01-01至2024-09-30，274天），按天数均摊年化×366/274＝4,539件（文件中无同期月份的季节占比），按2024年计；已过4年（共5年）；实际年均增速(4,539件/2,748件)^(1/4)−1＝13.4%，目标年均增长15.0%；比值13.4%÷15.0%＝0.891；阈值：≥0.95进展明显，0.60–0.95进展一般，0–0.60进展有限，<0出现倒退 → 进展一般；按截止日期计（3.75年）：比值0.955 → 进展明显；结论随口径而变 → 临界：进展一般至进展明显；序时进度：已完成64.4%，按规划路径应完成74.1%（直线时间进度80.0%）→ 进度滞后。
"""

from __future__ import annotations

import math

import pandas as pd

from ..analysis.progress import OPENSDG_THRESHOLDS as T
from ..units import fmt_value
from .vocabulary import check_lang, label, status_label

__all__ = ["working_zh", "with_working_zh", "working_columns"]

_THRESHOLDS = (f"阈值：≥{T['substantial']:.2f}{label('substantial_progress', 'zh')}，{T['moderate']:.2f}–"
               f"{T['substantial']:.2f}{label('moderate_progress', 'zh')}，{T['limited']:.0f}–{T['moderate']:.2f}"
               f"{label('limited_progress', 'zh')}，<0{label('deterioration', 'zh')}")


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def _yr(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 1e-9 else f"{x:.2f}"


def _zh(code) -> str:
    return label(code, "zh")


def _observed(r, unit: str) -> str:
    v = fmt_value(r["obs_value"], unit)
    if pd.isna(r["obs_period_start"]):
        return f"观测值{v}（{r['obs_period_end']}）"
    text = f"观测值{v}（{r['obs_period_start']}至{r['obs_period_end']}"
    days = r.get("obs_days")
    if r.get("annualisation") in ("even_year", "seasonal") and pd.notna(days) and days < 365:
        end = pd.Timestamp(r["obs_period_end"])
        yd = 366 if end.is_leap_year else 365
        text += f"，{int(days)}天），按天数均摊年化×{yd}/{int(days)}＝{fmt_value(r['annualised_value'], unit)}"
        if pd.notna(r.get("seasonal_share")):
            text += (f"（按季节占比{r['seasonal_share']:.3f}〔{r['seasonal_source']}〕则为"
                     f"{fmt_value(r['obs_value'] / r['seasonal_share'], unit)}）")
        else:
            text += "（文件中无同期月份的季节占比）"
        return text + f"，按{end.year}年计"
    return text + "）"


def working_zh(r: pd.Series) -> str:
    """One row of ``attainment()`` worked out in Chinese; "" when there is nothing to work."""
    unit = r.get("level_unit") or r.get("unit")
    reading, status = r["reading"], r["status"]
    if pd.isna(r["obs_value"]) or (reading == "none" and status != "too_early"):
        return ""
    if reading == "stated_rate":
        return (f"公布同比增速{r['obs_value']:g}%（{r['obs_period_start']}至{r['obs_period_end']}）÷目标年均增长"
                f"{r['target_value']:g}%＝{r['cagr_ratio']:.3f}（单期增速，非自基期的年均增速）；{_THRESHOLDS} → "
                f"{_zh(r['opensdg_status'])}。")
    if reading == "target_year_value":
        v = r["annualised_value"] if pd.notna(r["annualised_value"]) else r["obs_value"]
        return f"目标年{int(r['target_year'])}年实际值{fmt_value(v, unit)}，目标值{fmt_value(r['goal'], unit)} → {_zh(status)}。"
    if reading == "level_vs_target":
        return (f"{_observed(r, unit)}；目标值{fmt_value(r['goal'], unit)}；已达目标值的{_pct(r['share_of_target'])}"
                "（无基期值：仅计算距目标差距，不评进展）。")
    base = 0.0 if r["measure"] == "cumulative" else r["baseline_value"]
    parts = [f"基期值{fmt_value(base, unit)}（{r['base_date']}）", _observed(r, unit)]
    if pd.notna(r["years_elapsed"]):
        parts.append(f"已过{_yr(r['years_elapsed'])}年（共{_yr(r['span_years'])}年）")
    v = r["annualised_value"] if pd.notna(r["annualised_value"]) else r["obs_value"]
    if status == "too_early":
        parts.append("距基期不足一年：Open SDG要求至少两年数据，暂不评定Open SDG与UNSD等级")
    elif reading == "cagr_from_base":
        need = (f"目标年均增长{_pct(r['required_cagr'])}" if r["measure"] == "growth_rate" else
                f"所需年均增速({fmt_value(r['goal'], unit)}/{fmt_value(base, unit)})^(1/{_yr(r['span_years'])})−1＝"
                f"{_pct(r['required_cagr'])}")
        parts.append(f"实际年均增速({fmt_value(v, unit)}/{fmt_value(base, unit)})^(1/{_yr(r['years_elapsed'])})−1＝"
                     f"{_pct(r['actual_cagr'])}，{need}")
        parts.append(f"比值{_pct(r['actual_cagr'])}÷{_pct(r['required_cagr'])}＝{r['cagr_ratio']:.3f}；{_THRESHOLDS} → "
                     f"{_zh(r['opensdg_status'])}")
    elif reading == "linear_pace":
        done, span = r["years_elapsed"], r["span_years"]
        parts.append(f"自零起算：{_yr(done)}年完成{fmt_value(v, unit)}，年均{fmt_value(v / done, unit)}，所需年均"
                     f"{fmt_value(r['goal'] / span, unit)}；累计进度比{r['cagr_ratio']:.3f}；{_THRESHOLDS} → "
                     f"{_zh(r['opensdg_status'])}")
    for key, words in (("exact_date", "按截止日期计"), ("seasonal", "按季节占比")):
        if pd.notna(r.get(f"{key}_ratio")) and not math.isnan(r[f"{key}_ratio"]):
            parts.append(f"{words}（{_yr(r[f'{key}_years'])}年）：比值{r[f'{key}_ratio']:.3f} → {_zh(r[f'{key}_band'])}")
    if status == "borderline":
        parts.append(f"结论随口径而变 → {status_label(status, r['status_low'], r['status_high'], 'zh')}")
    if pd.notna(r["progress_ratio"]):
        parts.append(f"序时进度：已完成{_pct(r['progress_ratio'])}，按规划路径应完成{_pct(r['expected_share'])}"
                     f"（直线时间进度{_pct(r['elapsed_share'])}）→ {_zh(r['schedule_status'])}")
    return "；".join(parts) + "。"


def with_working_zh(att: pd.DataFrame) -> pd.DataFrame:
    """``att`` with a ``working_zh`` column beside ``working``.

    >>> import ipanalysis as ip
    >>> "working_zh" in with_working_zh(ip.attainment(doc_id="ordos_2022"))
    True
    """
    return att.assign(working_zh=[working_zh(r) for _, r in att.iterrows()])


def working_columns(lang: str = "en") -> list:
    """The columns of the worked-arithmetic table: on an English page the English line, then the Chinese one
    (the plans are Chinese: a reader may check the figures in both); on a Chinese page the Chinese line only.

    >>> working_columns(), working_columns("zh")
    (['target_id', 'status', 'working', 'working_zh'], ['target_id', 'status', ('working_zh', 'working')])
    """
    if check_lang(lang) == "zh":
        return ["target_id", "status", ("working_zh", "working")]   # headed 计算过程, as the English 'Working'
    return ["target_id", "status", "working", "working_zh"]
