"""The worked line of a verdict: every number a reader needs to redo it by hand.

Baseline and its date, the observation and its period, the annualisation (by days, or by a seasonal
share) and how it is dated, the years elapsed, observed against required growth, the ratio, the
thresholds, the band; then the other readings where a convention changes the band, and the 序时进度
shares.  English; :mod:`ipanalysis.present` renders the codes it names.

>>> _pct(0.13372)
'13.4%'
"""

from __future__ import annotations

import math

import pandas as pd

from ..units import fmt_value
from .progress import OPENSDG_THRESHOLDS, TOO_EARLY

__all__ = ["working_line", "THRESHOLDS_TEXT"]

_T = OPENSDG_THRESHOLDS
THRESHOLDS_TEXT = (f"bands: ≥ {_T['substantial']:.2f} substantial, {_T['moderate']:.2f}–{_T['substantial']:.2f} "
                   f"moderate, {_T['limited']:.0f}–{_T['moderate']:.2f} limited, < 0 deterioration")


def _code(code: str) -> str:
    """A code as plain words in the worked line (underscores become spaces); the
    pages' words, English and Chinese, come from :mod:`ipanalysis.present.vocabulary`."""
    return str(code).replace("_", " ")


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def _years(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 1e-9 else f"{x:.2f}"


def _obs_part(rec: dict, unit: str) -> str:
    """"3,398件 over 2024-01-01…2024-09-30 (274 days), annualised ×366/274 = 4,539件 (even year)"."""
    v = fmt_value(rec["obs_value"], unit)
    if pd.isna(rec["obs_period_start"]):
        return f"observed {v} at {rec['obs_period_end']}"
    text = f"observed {v} over {rec['obs_period_start']}…{rec['obs_period_end']}"
    days = rec.get("obs_days")
    if rec.get("annualisation") in ("even_year", "seasonal") and days and days < 365:
        end = pd.Timestamp(rec["obs_period_end"])
        yd = 366 if end.is_leap_year else 365
        text += (f" ({int(days)} days), annualised ×{yd}/{int(days)} = {fmt_value(rec['annualised_value'], unit)} "
                 "(even year")
        if not math.isnan(rec.get("seasonal_share", float("nan"))):
            text += f"; seasonal share {rec['seasonal_share']:.3f} from {rec['seasonal_source']} gives " \
                    f"{fmt_value(rec['obs_value'] / rec['seasonal_share'], unit)}"
        else:
            text += "; no seasonal share for these months in the file"
        text += f"), counted as {end.year}"
    return text


def _ratio_part(rec: dict, t, unit: str) -> str:
    """Observed vs required growth, the ratio and its band."""
    done, span = rec["years_elapsed"], rec["span_years"]
    base, goal = rec["baseline_value"], rec["goal"]
    v = rec["annualised_value"] if not math.isnan(rec["annualised_value"]) else rec["obs_value"]
    if rec["reading"] == "cagr_from_base":
        need = (f"the plan's 年均增长 {_pct(rec['required_cagr'])}" if t["measure"] == "growth_rate" else
                f"required ({fmt_value(goal, unit)}/{fmt_value(base, unit)})^(1/{_years(span)}) − 1 = "
                f"{_pct(rec['required_cagr'])}")
        return (f"observed CAGR ({fmt_value(v, unit)}/{fmt_value(base, unit)})^(1/{_years(done)}) − 1 = "
                f"{_pct(rec['actual_cagr'])}; {need}; ratio {_pct(rec['actual_cagr'])} ÷ "
                f"{_pct(rec['required_cagr'])} = {rec['cagr_ratio']:.3f}")
    if rec["reading"] == "linear_pace":
        return (f"counted from zero: {fmt_value(v, unit)} in {_years(done)} years is {fmt_value(v / done, unit)} a year "
                f"against {fmt_value(goal / span, unit)} a year required ({fmt_value(goal, unit)} in {_years(span)}); "
                f"pace ratio {rec['cagr_ratio']:.3f}")
    return ""


def working_line(rec: dict, t: pd.Series, alternatives: list) -> str:
    """The worked line for one target's record (see :func:`ipanalysis.attainment`); "" when there is
    nothing to work (no observation).  ``alternatives``: (reading, years, ratio, band) of the other
    readings of the same observation.

    Parameters
    ----------
    rec : dict
        The attainment record.
    t : Series
        The target's trajectory row.
    alternatives : list
        The other readings.

    Returns
    -------
    str
    """
    unit = rec.get("level_unit") or rec.get("unit")
    reading = rec["reading"]
    if pd.isna(rec["obs_value"]) or reading == "none" and rec["status"] not in (TOO_EARLY,):
        return ""
    if reading == "stated_rate":
        return (f"stated year-on-year growth {rec['obs_value']:g}% for {rec['obs_period_start']}…"
                f"{rec['obs_period_end']} ÷ the plan's annual rate {t['target_value']:g}% = {rec['cagr_ratio']:.3f} "
                f"(one period's rate, not a CAGR from a baseline); {THRESHOLDS_TEXT} → {_code(rec['opensdg_status'])}")
    if reading == "target_year_value":
        v = rec["annualised_value"] if not math.isnan(rec["annualised_value"]) else rec["obs_value"]
        return (f"target year {int(t['target_year'])} observed: {fmt_value(v, unit)} against {t['comparator']} "
                f"{fmt_value(rec['goal'], unit)} → {_code(rec['status'])}")
    if reading == "level_vs_target":
        return (f"{_obs_part(rec, unit)}; {fmt_value(rec['goal'], unit)} targeted; level {_pct(rec['share_of_target'])} "
                "of the target (no baseline: distance to target, not progress)")
    parts = []
    if not pd.isna(rec["baseline_value"]) or t["measure"] == "cumulative":
        base = 0.0 if t["measure"] == "cumulative" else rec["baseline_value"]
        bdate = rec["base_date"]
        parts.append(f"baseline {fmt_value(base, unit)} at {bdate}")
    parts.append(_obs_part(rec, unit))
    if not math.isnan(rec.get("years_elapsed", float("nan"))):
        parts.append(f"years elapsed {_years(rec['years_elapsed'])} of {_years(rec['span_years'])}")
    ratio = _ratio_part(rec, t, unit)
    if rec["status"] == TOO_EARLY:
        parts.append("less than a year after the baseline: Open SDG needs at least two years of data, "
                     "so no Open SDG or UNSD band")
    elif ratio:
        parts.append(f"{ratio}; {THRESHOLDS_TEXT} → {_code(rec['opensdg_status'])}")
    for label, years, r, band in alternatives:
        parts.append(f"{label} ({_years(years)} years): ratio {r:.3f} → {_code(band)}")
    if rec["status"] == "borderline":
        parts.append(f"the band depends on the convention → borderline ({_code(rec['status_low'])} to "
                     f"{_code(rec['status_high'])})")
    if not math.isnan(rec["progress_ratio"]):
        parts.append(f"序时进度: {_pct(rec['progress_ratio'])} of the distance covered, the plan path expects "
                     f"{_pct(rec['expected_share'])} by now (straight line {_pct(rec['elapsed_share'])}) → "
                     f"{_code(rec['schedule_status'])}")
    return "; ".join(parts) + "."
