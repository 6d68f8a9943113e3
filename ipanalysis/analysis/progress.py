"""Verdict codes and the rules that assign them: Open SDG bands, UNSD bands, 序时进度, borderline.

Codes are data (``substantial_progress``); their words, English and Chinese, are in
:mod:`ipanalysis.present.vocabulary`.

1. **Open SDG / Statistics Canada progress measure**: the ratio R of the observed compound annual
   growth rate since the base year to the rate the target requires.  "The result is compared against a
   set of thresholds and assigned a progress category": *target achieved*; "R ≥ 95%"; "60% ≤ R < 95%";
   "0% ≤ R < 60%"; "R < 0%" (Open SDG, *Progress Measurement Methodology for the Sustainable
   Development Goals*, https://open-sdg.readthedocs.io/en/latest/progress-methodology/, after Statistics
   Canada, https://sdg-data-canada-odd-donnees.github.io/sdg-odd-dev/methodology; thresholds
   Eurostat-inspired).  "At least two years of data is required to calculate the progress measure"
   (same page, *Minimum data requirements*): with less than :data:`MIN_YEARS` between the base and the
   latest value the verdict is ``too_early``.
2. **UNSD SDG Progress Chart 2023**: the value projected to the target year at the current pace, as a
   share of the change required; ≥ 0.95 on track, 0.10–0.95 fair progress, 0–0.10 limited progress or
   stagnation, < 0 regression (United Nations Statistics Division, *The Sustainable Development Goals
   Report 2023: Special Edition — Progress Chart 2023, Technical Note*, https://unstats.un.org/sdgs/report/2023/).
3. **序时进度** ("时间过半、任务过半"): the share of the baseline→target distance covered against the
   share the plan's own path expects at that date (:func:`path_share`), ± ``tolerance``.
4. **Borderline**: when the band depends on a convention (the dating of a part-year flow, an even or a
   seasonal year) and the readings fall in different bands, the verdict is ``borderline`` with both
   bands named (:func:`combine_bands`).

>>> opensdg_status(0.95), opensdg_status(0.6), opensdg_status(0.0), opensdg_status(-0.01)
('substantial_progress', 'moderate_progress', 'limited_progress', 'deterioration')
>>> unsd_status(0.10), unsd_status(0.0999)
('fair_progress', 'limited_or_stagnation')
>>> schedule_status(progress_ratio=0.5, elapsed_share=0.5)
'on_schedule'
"""

from __future__ import annotations

import math

import pandas as pd

__all__ = ["opensdg_status", "unsd_status", "schedule_status", "target_met", "path_share", "combine_bands",
           "OPENSDG_THRESHOLDS", "UNSD_THRESHOLDS", "OPENSDG_BANDS", "UNSD_BANDS", "STATUSES", "MIN_YEARS",
           "MET", "MISSED", "ACHIEVED", "SUBSTANTIAL", "MODERATE", "LIMITED", "DETERIORATION", "BORDERLINE",
           "TOO_EARLY", "DISTANCE_ONLY", "NOT_ASSESSABLE", "NO_DATA", "ON_SCHEDULE", "AHEAD", "BEHIND",
           "ON_TRACK", "FAIR", "LIMITED_OR_STAGNATION", "REGRESSION", "JUDGED"]

MET, MISSED, ACHIEVED = "met", "missed", "target_achieved"
SUBSTANTIAL, MODERATE, LIMITED, DETERIORATION = ("substantial_progress", "moderate_progress", "limited_progress",
                                                 "deterioration")
BORDERLINE, TOO_EARLY, DISTANCE_ONLY, NOT_ASSESSABLE, NO_DATA = ("borderline", "too_early", "distance_only",
                                                                 "not_assessable", "no_data")
ON_SCHEDULE, AHEAD, BEHIND = "on_schedule", "ahead_of_schedule", "behind_schedule"
ON_TRACK, FAIR, LIMITED_OR_STAGNATION, REGRESSION = "on_track", "fair_progress", "limited_or_stagnation", "regression"

#: Headline ``status`` codes, best first.
STATUSES = (MET, ACHIEVED, SUBSTANTIAL, BORDERLINE, MODERATE, LIMITED, DETERIORATION, MISSED, TOO_EARLY,
            DISTANCE_ONLY, NOT_ASSESSABLE, NO_DATA)
#: Headline codes that are a verdict on progress (the rest say why there is none).
JUDGED = (MET, ACHIEVED, SUBSTANTIAL, BORDERLINE, MODERATE, LIMITED, DETERIORATION, MISSED)
#: Open SDG: "At least two years of data is required" — a base year and a later one, a year apart.
MIN_YEARS = 1.0

OPENSDG_THRESHOLDS = {"substantial": 0.95, "moderate": 0.6, "limited": 0.0}
UNSD_THRESHOLDS = {"on_track": 0.95, "fair": 0.10, "limited": 0.0}
#: Bands, highest first: (lower bound, inclusive; code); below the last bound → the last code.
OPENSDG_BANDS = ((OPENSDG_THRESHOLDS["substantial"], SUBSTANTIAL), (OPENSDG_THRESHOLDS["moderate"], MODERATE),
                 (OPENSDG_THRESHOLDS["limited"], LIMITED), (None, DETERIORATION))
UNSD_BANDS = ((UNSD_THRESHOLDS["on_track"], ON_TRACK), (UNSD_THRESHOLDS["fair"], FAIR),
              (UNSD_THRESHOLDS["limited"], LIMITED_OR_STAGNATION), (None, REGRESSION))


def _band(ratio: float | None, bands) -> str:
    if ratio is None or math.isnan(ratio):
        return NOT_ASSESSABLE
    return next(code for bound, code in bands if bound is None or ratio >= bound)


def opensdg_status(cagr_ratio: float, achieved: bool = False) -> str:
    """Open SDG / Statistics Canada band for a ratio of observed to required growth.

    >>> opensdg_status(0.95), opensdg_status(0.6), opensdg_status(0.0), opensdg_status(-0.1)
    ('substantial_progress', 'moderate_progress', 'limited_progress', 'deterioration')
    """
    return ACHIEVED if achieved else _band(cagr_ratio, OPENSDG_BANDS)


def unsd_status(projected_ratio: float, achieved: bool = False) -> str:
    """UNSD SDG Progress Chart 2023 band for a projected-change ratio.

    >>> unsd_status(0.95), unsd_status(0.10), unsd_status(0.05), unsd_status(-0.2)
    ('on_track', 'fair_progress', 'limited_or_stagnation', 'regression')
    """
    return ACHIEVED if achieved else _band(projected_ratio, UNSD_BANDS)


def schedule_status(progress_ratio: float, elapsed_share: float, achieved: bool = False,
                    tolerance: float = 0.05) -> str:
    """序时进度: the share of the task done against the share expected by now (± ``tolerance``).

    Parameters
    ----------
    progress_ratio : float
        The share of the baseline→target distance covered.
    elapsed_share : float
        The share the plan's path has covered by now (:func:`path_share`).
    achieved : bool
        Whether the target is already met.
    tolerance : float
        The band around schedule (0.05: ±5 points).

    Returns
    -------
    str
        ``achieved``, ``ahead_of_schedule``, ``on_schedule`` or ``behind_schedule``.

    >>> schedule_status(0.40, 0.5), schedule_status(0.60, 0.5), schedule_status(0.46, 0.5)
    ('behind_schedule', 'ahead_of_schedule', 'on_schedule')
    """
    if achieved:
        return ACHIEVED
    if any(x is None or math.isnan(x) for x in (progress_ratio, elapsed_share)):
        return NOT_ASSESSABLE
    gap = progress_ratio - elapsed_share
    if gap > tolerance:
        return AHEAD
    if gap < -tolerance:
        return BEHIND
    return ON_SCHEDULE


def path_share(done: float, span: float, required_cagr: float | None = None) -> float:
    """The share of the baseline→target distance the plan's own path has covered after ``done`` of
    ``span`` years: compound at ``required_cagr`` (a growth or CAGR target, the path ``trajectories``
    draws), or a straight line when no rate is given (a plan-period total counted from zero).

    A series exactly on a 年均增长15% path is on schedule: after 3 of 5 years the path has covered
    (1.15³ − 1) / (1.15⁵ − 1) = 51.5% of the distance, not the straight line's 60%.

    Parameters
    ----------
    done, span : float
        Years elapsed, and years from baseline to target.
    required_cagr : float, optional
        The plan's rate (None: a straight line).

    Returns
    -------
    float
        The share covered, 0 to 1.

    >>> round(path_share(3, 5, 0.15), 4), path_share(3, 5)
    (0.515, 0.6)
    """
    if span <= 0:
        return float("nan")
    if required_cagr is None or math.isnan(required_cagr) or required_cagr == 0:
        return min(done / span, 1.0)
    g = 1.0 + required_cagr
    return min((g ** done - 1.0) / (g ** span - 1.0), 1.0)


def combine_bands(bands: list[str]) -> tuple[str, object, object]:
    """One verdict from the bands of several readings of the same observation: the band if they agree,
    else ``borderline`` with the lowest and the highest band.  Returns (status, low, high).

    >>> combine_bands(["moderate_progress", "substantial_progress", "moderate_progress"])
    ('borderline', 'moderate_progress', 'substantial_progress')
    >>> combine_bands(["limited_progress", "limited_progress"])
    ('limited_progress', <NA>, <NA>)
    """
    order = [code for _, code in OPENSDG_BANDS]
    seen = sorted({b for b in bands if b in order}, key=order.index)
    if len(seen) <= 1:
        return (bands[0] if bands else NOT_ASSESSABLE), pd.NA, pd.NA
    return BORDERLINE, seen[-1], seen[0]


def target_met(observed: float, target: float, comparator: str, direction: str = "up") -> bool:
    """Whether an observed value meets a target, reading its comparator and direction.

    ``>=``, ``=`` ("reach X"), ``≈`` and ``range`` (the lower end) are met at the value;
    ``>`` (突破/超过) only above it.  For a desirable-down indicator the inequalities flip.

    Parameters
    ----------
    observed, target : float
        The observed and the targeted value.
    comparator : str
        The target's comparator (``>=``, ``>``, ``=``, ``≈``, ``range``).
    direction : str
        ``"up"`` or ``"down"`` (desirable direction).

    Returns
    -------
    bool

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
