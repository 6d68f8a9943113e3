"""Attainment: how far observed values have moved towards each target, judged three ways.

1. **Open SDG / Statistics Canada progress measure** (Eurostat-inspired): the ratio of the
   observed compound growth rate since the baseline to the growth rate the target requires.
   Categories: *target achieved*; ratio ≥ 0.95 *substantial progress*; 0.6–0.95 *moderate
   progress*; 0–0.6 *limited progress*; < 0 *deterioration*.
   Source: Open SDG, "Progress Measurement Methodology for the Sustainable Development Goals",
   https://open-sdg.readthedocs.io/en/latest/progress-methodology/ (adapted from Statistics
   Canada's methodology, https://sdg-data-canada-odd-donnees.github.io/sdg-odd-dev/methodology).
2. **UNSD SDG Progress Chart 2023**: the observed trend is continued to the target year and
   the projected change is compared with the change the target requires,
   ``(projected − baseline) / (target − baseline)``.  Categories: *target met*; ≥ 0.95 *on
   track*; 0.10–0.95 *fair progress, acceleration needed*; 0–0.10 *limited progress or
   stagnation*; < 0 *regression*.  Source: United Nations Statistics Division, "The
   Sustainable Development Goals Report 2023: Special Edition — Progress Chart 2023,
   Technical Note", New York, 2023, https://unstats.un.org/sdgs/report/2023/.
3. **序时进度** ("时间过半、任务过半": by half time, half the task): the progress ratio
   ``(observed − baseline) / (target − baseline)`` against the share of the plan period
   elapsed; *ahead of schedule*, *on schedule* (within ``tolerance``) or *behind schedule*.

Boundaries are inclusive at the lower end: a CAGR ratio of exactly 0.95 is substantial
progress, exactly 0.6 moderate, exactly 0 limited.

>>> opensdg_status(0.95), opensdg_status(0.6), opensdg_status(0.0), opensdg_status(-0.01)
('substantial progress', 'moderate progress', 'limited progress', 'deterioration')
>>> unsd_status(0.10), unsd_status(0.0999)
('fair progress, acceleration needed', 'limited progress or stagnation')
>>> schedule_status(progress_ratio=0.5, elapsed_share=0.5)
'on schedule'
"""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from .data import documents, indicators
from .observations import load_observations
from .trajectory import cagr, trajectories

__all__ = ["attainment", "opensdg_status", "unsd_status", "schedule_status", "target_met", "parse_as_of",
           "OPENSDG_THRESHOLDS", "UNSD_THRESHOLDS", "NO_DATA"]

OPENSDG_THRESHOLDS = {"substantial": 0.95, "moderate": 0.6, "limited": 0.0}
UNSD_THRESHOLDS = {"on_track": 0.95, "fair": 0.10, "limited": 0.0}
NO_DATA = "no data"
NOT_ASSESSABLE = "not assessable"


def opensdg_status(cagr_ratio: float, achieved: bool = False) -> str:
    """Open SDG / Statistics Canada category for a ratio of observed to required CAGR.

    >>> opensdg_status(0.95), opensdg_status(0.6), opensdg_status(0.0), opensdg_status(-0.1)
    ('substantial progress', 'moderate progress', 'limited progress', 'deterioration')
    """
    if achieved:
        return "target achieved"
    if cagr_ratio is None or math.isnan(cagr_ratio):
        return NOT_ASSESSABLE
    if cagr_ratio >= OPENSDG_THRESHOLDS["substantial"]:
        return "substantial progress"
    if cagr_ratio >= OPENSDG_THRESHOLDS["moderate"]:
        return "moderate progress"
    if cagr_ratio >= OPENSDG_THRESHOLDS["limited"]:
        return "limited progress"
    return "deterioration"


def unsd_status(projected_ratio: float, achieved: bool = False) -> str:
    """UNSD SDG Progress Chart 2023 category for a projected-change ratio.

    >>> unsd_status(0.95), unsd_status(0.10), unsd_status(0.05), unsd_status(-0.2)
    ('on track', 'fair progress, acceleration needed', 'limited progress or stagnation', 'regression')
    """
    if achieved:
        return "target met"
    if projected_ratio is None or math.isnan(projected_ratio):
        return NOT_ASSESSABLE
    if projected_ratio >= UNSD_THRESHOLDS["on_track"]:
        return "on track"
    if projected_ratio >= UNSD_THRESHOLDS["fair"]:
        return "fair progress, acceleration needed"
    if projected_ratio >= UNSD_THRESHOLDS["limited"]:
        return "limited progress or stagnation"
    return "regression"


def schedule_status(progress_ratio: float, elapsed_share: float, achieved: bool = False,
                    tolerance: float = 0.05) -> str:
    """序时进度: compare the share of the task done with the share of the time elapsed.

    >>> schedule_status(0.40, 0.5), schedule_status(0.60, 0.5), schedule_status(0.46, 0.5)
    ('behind schedule', 'ahead of schedule', 'on schedule')
    """
    if achieved:
        return "target achieved"
    if any(x is None or math.isnan(x) for x in (progress_ratio, elapsed_share)):
        return NOT_ASSESSABLE
    gap = progress_ratio - elapsed_share
    if gap > tolerance:
        return "ahead of schedule"
    if gap < -tolerance:
        return "behind schedule"
    return "on schedule"


def target_met(observed: float, target: float, comparator: str, direction: str = "up") -> bool:
    """Whether an observed value meets a target, reading its comparator and direction.

    ``>=``, ``=`` ("reach X"), ``≈`` and ``range`` (the lower end) are met at the value;
    ``>`` (突破/超过) only above it.  For a desirable-down indicator the inequalities flip.

    >>> target_met(50000, 50000, ">"), target_met(50001, 50000, ">"), target_met(5, 5, "range")
    (False, True, True)
    >>> target_met(9, 10, "=", direction="down")
    True
    """
    if comparator == "qualitative" or any(pd.isna(x) for x in (observed, target)):
        return False
    if direction == "down":
        return observed < target if comparator in (">", "<") else observed <= target
    return observed > target if comparator == ">" else observed >= target


def parse_as_of(as_of) -> int | None:
    """``as_of`` as a year: an int, ``"2024"``, ``"2024-12-31"``; None stays None.

    >>> parse_as_of("2024-06-30")
    2024
    >>> parse_as_of("last year")
    Traceback (most recent call last):
    ...
    ValueError: as_of must be a year or an ISO date (YYYY or YYYY-MM-DD), got 'last year'
    """
    if as_of is None or (isinstance(as_of, float) and math.isnan(as_of)):
        return None
    if isinstance(as_of, (int, np.integer)) and 1900 <= int(as_of) <= 2100:
        return int(as_of)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})-(\d{2}))?", str(as_of).strip())
    if not m:
        raise ValueError(f"as_of must be a year or an ISO date (YYYY or YYYY-MM-DD), got {as_of!r}")
    if m.group(2):
        pd.Timestamp(str(as_of))  # raises on 2024-13-40
    return int(m.group(1))


def _nan() -> float:
    return float("nan")


def attainment(observations, as_of=None, doc_id: str | None = None, tolerance: float = 0.05) -> pd.DataFrame:
    """Progress of every target with a number against the latest observation up to ``as_of``.

    ``observations``: a DataFrame or a CSV path (columns ``indicator, year, value, unit,
    source_title, source_publisher, source_date, source_url`` and ``doc_id`` or ``place``).
    One row per distinct target; a target without an observation gets status ``no data``
    (never dropped).  Levels and growth-rate targets (through the level they imply) are
    assessed against the baseline; period-cumulative targets against zero at the plan's
    start; shares, scores and targets without a baseline only as met / not yet met.

    >>> a = attainment("data/examples/illustrative_observations.csv", as_of=2023)
    >>> r = a.set_index("target_id").loc["OR-03"]
    >>> float(r["obs_value"]), round(float(r["progress_ratio"]), 3), float(r["elapsed_share"]), r["schedule_status"]
    (1.2, 0.252, 0.6, 'behind schedule')
    """
    obs = observations if isinstance(observations, pd.DataFrame) and "illustrative" in observations \
        else load_observations(observations)
    year_cap = parse_as_of(as_of)
    if year_cap is not None:
        obs = obs[obs["year"] <= year_cap]
    tr = trajectories(doc_id)
    direction = dict(zip(indicators()["key"], indicators()["direction"]))
    start_year = dict(zip(documents()["doc_id"], documents()["plan_start_year"]))
    rows = []
    for _, t in tr.iterrows():
        o = obs[(obs["indicator"] == t["indicator"]) & (obs["doc_id"] == t["doc_id"])]
        if t["measure"] == "cumulative" and "measure" in o:
            o = o[o["measure"].isna() | (o["measure"] == "cumulative")]
        rec = {k: t[k] for k in ("target_id", "doc_id", "indicator", "indicator_zh", "measure", "comparator", "unit",
                                 "baseline_year", "baseline_value", "target_year", "target_value")}
        rec["direction"] = direction.get(t["indicator"], "up")
        rec.update(obs_year=pd.NA, obs_value=_nan(), obs_source=pd.NA, illustrative=False, achieved=False,
                   progress_ratio=_nan(), elapsed_share=_nan(), schedule_status=NO_DATA, actual_cagr=_nan(),
                   required_cagr=t["required_cagr"], cagr_ratio=_nan(), opensdg_status=NO_DATA,
                   projected_value=_nan(), projected_ratio=_nan(), unsd_status=NO_DATA, comment="")
        if o.empty:
            rec["comment"] = "no observation up to as_of" if year_cap else "no observation"
            rows.append(rec)
            continue
        last = o.sort_values("year").iloc[-1]
        y, v = int(last["year"]), float(last["value"])
        rec.update(obs_year=y, obs_value=v, illustrative=bool(last["illustrative"]),
                   obs_source=f"{last['source_title']} ({last['source_publisher']}, {last['source_date']})")
        goal = t["target_level"] if not math.isnan(t["target_level"]) else t["target_value"]
        comparator = ">=" if t["measure"] == "growth_rate" else t["comparator"]
        achieved = target_met(v, goal, comparator, rec["direction"]) if not math.isnan(goal) else False
        rec["achieved"] = achieved
        base, by = t["baseline_value"], t["baseline_year"]
        if t["measure"] == "cumulative":
            base, by = 0.0, int(start_year[t["doc_id"]]) - 1
        if math.isnan(goal) or pd.isna(by) or math.isnan(base):
            status = "target achieved" if achieved else NOT_ASSESSABLE
            rec.update(schedule_status=status, opensdg_status=status if achieved else NOT_ASSESSABLE,
                       unsd_status="target met" if achieved else NOT_ASSESSABLE,
                       comment="no baseline: only met / not yet met can be judged")
            rows.append(rec)
            continue
        span, done = int(t["target_year"]) - int(by), y - int(by)
        if done <= 0:
            rec.update(schedule_status=NOT_ASSESSABLE, opensdg_status=NOT_ASSESSABLE, unsd_status=NOT_ASSESSABLE,
                       comment=f"latest observation ({y}) is not after the baseline year ({by})")
            rows.append(rec)
            continue
        gap = goal - base
        rec["progress_ratio"] = (v - base) / gap if gap else _nan()
        rec["elapsed_share"] = min(done / span, 1.0)
        rec["schedule_status"] = schedule_status(rec["progress_ratio"], rec["elapsed_share"], achieved, tolerance)
        if base > 0 and v > 0 and goal > 0:
            actual = cagr(base, v, done)
            required = cagr(base, goal, span)
            rec["actual_cagr"], rec["required_cagr"] = actual, required
            rec["cagr_ratio"] = actual / required if required else _nan()
            rec["projected_value"] = v * (1 + actual) ** (int(t["target_year"]) - y)
        else:  # from zero (cumulative) the trend is linear: the average pace so far
            rec["projected_value"] = base + (v - base) * span / done
            rec["comment"] = "growth from zero: CAGR undefined; projection continues the average annual pace"
        rec["projected_ratio"] = (rec["projected_value"] - base) / gap if gap else _nan()
        rec["opensdg_status"] = opensdg_status(rec["cagr_ratio"], achieved)
        rec["unsd_status"] = unsd_status(rec["projected_ratio"], achieved)
        rows.append(rec)
    df = pd.DataFrame(rows)
    for col in ("baseline_year", "target_year", "obs_year"):
        df[col] = df[col].astype("Int64")
    for col in ("obs_value", "progress_ratio", "elapsed_share", "actual_cagr", "required_cagr", "cagr_ratio",
                "projected_value", "projected_ratio"):
        df[col] = df[col].astype("float64")
    return df
