"""Attainment: how far observed values have moved towards each target, judged three ways.

The rules and their sources are in :mod:`.progress` (Open SDG / Statistics Canada bands, UNSD Progress
Chart 2023 bands, 序时进度 against the plan's own path, borderline verdicts) and :mod:`.timebase`
(annualising part-year flows, dating them, seasonal shares); the worked line of each verdict in
:mod:`.working`.  Every status column holds a code (``substantial_progress``); words come from
:mod:`ipanalysis.present.vocabulary`.

Rules that keep the readings honest (each is tested by hand-computed cases in ``tests/analysis/test_attainment.py``
and ``tests/analysis/test_methods.py``):

* a flow observed over part of a year is **annualised** (even year by its days; also by a seasonal share
  where the file holds one for the same months) and **stands for its calendar year**: against a
  whole-year baseline the years elapsed are whole years; dated at its end date instead is a second
  reading; a stock keeps its exact date; a flow under :data:`MIN_ANNUALISE_DAYS` days is not used;
* when the readings fall in different bands the verdict is ``borderline`` (``status_low``/``status_high``);
* with less than a year between the baseline and the observation it is ``too_early`` (Open SDG's minimum
  of two years of data); 序时进度 is still shown;
* 序时进度 compares the distance covered with the share the plan's path expects at that date
  (``expected_share``: compound for growth and CAGR targets, straight for totals counted from zero),
  beside the classic straight-line share (``elapsed_share``);
* ``reading`` names what the ratio is: ``cagr_from_base`` (Open SDG), ``stated_rate`` (a stated
  year-on-year rate against the plan's rate), ``linear_pace`` (a total counted from zero),
  ``level_vs_target``, ``target_year_value``;
* a **growth-rate target** is judged on observed growth, never on a level; a **plan-period total**
  (累计, ``period_total``) counts from zero at the plan's start; a **running total** needs a start stock;
* once the **target year has been observed** the verdict is ``met`` or ``missed``;
* a baseline that already met the target and an observation that no longer does is *deterioration*;
* with **no baseline at all**, the level reached is shown as a share of the target (``distance_only``).

>>> opensdg_status(0.95), unsd_status(0.0999), schedule_status(progress_ratio=0.5, elapsed_share=0.5)
('substantial_progress', 'limited_or_stagnation', 'on_schedule')
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..data import documents, indicators
from ..data.observations import load_observations
from ..parameters import parse_as_of
from .progress import (ACHIEVED, BEHIND, DETERIORATION, DISTANCE_ONLY, MET, MIN_YEARS, MISSED, NO_DATA,
                       NOT_ASSESSABLE, OPENSDG_THRESHOLDS, REGRESSION, STATUSES, TOO_EARLY, UNSD_THRESHOLDS,
                       combine_bands, opensdg_status, path_share, schedule_status, target_met, unsd_status)
from .timebase import MIN_ANNUALISE_DAYS, annualise, readings, seasonal_share
from .rates import cagr, years_between
from .trajectory import trajectories
from .working import working_line

__all__ = ["attainment", "latest_used", "opensdg_status", "unsd_status", "schedule_status", "target_met",
           "annualise", "parse_as_of", "OPENSDG_THRESHOLDS", "UNSD_THRESHOLDS", "NO_DATA", "STATUSES",
           "MIN_ANNUALISE_DAYS"]


def _pick(o: pd.DataFrame, flow: bool) -> pd.Series | None:
    """The observation to judge by: for a stock, the latest; for a flow, the longest period
    (≥ MIN_ANNUALISE_DAYS) in the latest calendar year that has one, then the latest end."""
    if o.empty:
        return None
    if not flow:
        return o.sort_values("end").iloc[-1]
    o = o[o["days"] >= MIN_ANNUALISE_DAYS]
    if o.empty:
        return None
    year = o["end"].dt.year.max()
    return o[o["end"].dt.year == year].sort_values(["days", "end"]).iloc[-1]


def _candidates(obs: pd.DataFrame, t, measure: str) -> tuple[pd.DataFrame, bool]:
    """Observations of the target's own place and indicator that state the same kind of quantity,
    and whether they are flows (counted over a period)."""
    o = obs[(obs["doc_id"] == t["doc_id"]) & (obs["indicator"] == t["indicator"])]
    points = o[o["measure"].isin(("stock", "intensity", "running_total"))]
    flows = o[o["measure"] == "flow"]
    if measure in ("stock", "intensity", "increment"):
        return points, False
    if measure in ("share", "score"):
        return o[o["measure"] == measure], False
    if measure == "cumulative":  # a plan-period total: a flow counted from the plan's start
        start = pd.Timestamp(int(t["plan_start"]), 1, 1)
        return flows[(flows["start"] - start).abs().dt.days <= 31], True
    if measure == "annual_flow" or len(flows):
        return flows, True
    return points, False


def _blank(t) -> dict:
    rec = {k: t[k] for k in ("target_id", "doc_id", "indicator", "indicator_zh", "measure", "basis", "comparator",
                             "unit", "level_unit", "target_year", "target_value", "target_level", "baseline_value",
                             "baseline_date", "baseline_source", "baseline_kind", "required_cagr")}
    rec.update(direction=t["direction"], obs_period_start=pd.NA, obs_period_end=pd.NA, obs_value=np.nan, obs_days=np.nan,
               obs_qualifier=pd.NA, annualised_value=np.nan, annualisation=pd.NA, dating=pd.NA, seasonal_share=np.nan,
               seasonal_source=pd.NA, obs_source=pd.NA, obs_url=pd.NA, illustrative=False, base_date=pd.NA,
               goal=np.nan, years_elapsed=np.nan, span_years=np.nan, progress_ratio=np.nan, elapsed_share=np.nan,
               expected_share=np.nan, schedule_status=NO_DATA, reading="none", actual_cagr=np.nan, cagr_ratio=np.nan,
               opensdg_status=NO_DATA, projected_value=np.nan, projected_ratio=np.nan, unsd_status=NO_DATA,
               share_of_target=np.nan, status=NO_DATA, status_low=pd.NA, status_high=pd.NA, exact_date_years=np.nan,
               exact_date_ratio=np.nan, exact_date_band=pd.NA, seasonal_years=np.nan, seasonal_ratio=np.nan,
               seasonal_band=pd.NA, flags="", comment="", comment_code="", working="")
    return rec


def _source(r) -> str:
    return f"{r['source_title']} ({r['source_publisher']}, {r['source_date']})"


def _flag(rec: dict, text: str) -> None:
    rec["flags"] = ", ".join(filter(None, [rec["flags"], text]))


def _set_all(rec: dict, status: str, code: str, comment: str) -> None:
    rec.update(schedule_status=status, opensdg_status=status, unsd_status=status, status=status, comment=comment,
               comment_code=code)


def _growth_key(indicator):
    """The key of an indicator's stated year-on-year growth rate (``patent_grants_annual_growth``)."""
    return indicator + "_growth"


def _growth_from_rate(rec: dict, t, obs: pd.DataFrame) -> bool:
    """A growth target without a baseline: judge it on a stated year-on-year rate, if any, for a period
    that starts in the plan (a rate from before the plan says nothing about the plan's growth).  This is
    the ``stated_rate`` reading (one period's rate ÷ the plan's rate), not Open SDG's CAGR from a base."""
    rates = obs[(obs["doc_id"] == t["doc_id"]) & (obs["indicator"] == _growth_key(t["indicator"]))]
    before = rates[rates["start"] < pd.Timestamp(int(t["plan_start"]), 1, 1)]
    rates = rates.drop(before.index)
    if rates.empty:
        if len(before):
            last = before.sort_values("end").iloc[-1]
            _set_all(rec, NOT_ASSESSABLE, "rate_before_plan", f"growth-rate target: the only stated growth rate is for "
                     f"{last['period_start']}…{last['period_end']}, before the plan starts ({int(t['plan_start'])})")
            return True
        return False
    r = rates.sort_values(["end", "days"]).iloc[-1]
    g, need = float(r["value"]) / 100, float(t["target_value"]) / 100
    rec.update(actual_cagr=g, cagr_ratio=g / need if need else np.nan, obs_period_start=r["period_start"],
               obs_period_end=r["period_end"], obs_value=float(r["value"]), obs_url=r["source_url"], obs_source=_source(r),
               reading="stated_rate", comment_code="stated_rate",
               comment=f"year-on-year growth stated for {r['period_start']}…{r['period_end']}, "
               "against the plan's annual rate (not a CAGR from a baseline)")
    rec["opensdg_status"] = rec["status"] = opensdg_status(rec["cagr_ratio"])
    rec["schedule_status"] = rec["unsd_status"] = NOT_ASSESSABLE
    return True


def _ratio(base: float, v: float, goal: float, done: float, span: float) -> tuple[str, float, float, float, float]:
    """(reading, observed CAGR, required CAGR, ratio, projected value) for one reading of an observation."""
    if base > 0 and v > 0 and goal > 0:
        actual, required = cagr(base, v, done), cagr(base, goal, span)
        return "cagr_from_base", actual, required, actual / required if required else np.nan, \
            v * (1 + actual) ** (span - done)
    projected = base + (v - base) * span / done
    if base > 0:  # a value at or below zero: growth undefined, the trend continued linearly
        return "none", np.nan, np.nan, np.nan, projected
    gap = goal - base  # from zero (a plan-period total): the average pace so far against the pace required
    return "linear_pace", np.nan, np.nan, (projected - base) / gap if gap else np.nan, projected


_DATING = {("exact_date", "even_year"): "dated at its end date (even year)",
           ("calendar_year", "seasonal"): "seasonal share, counted as its calendar year",
           ("calendar_year", "even_year"): "even year, counted as its calendar year"}


def _judge(rec: dict, t, rs: list, target_year_seen: bool, tolerance: float) -> list:
    """Fill the three readings for one target from the readings ``rs`` of one observation (primary
    first).  Returns the other readings' (label, years, ratio, band) for the worked line."""
    v, when = rs[0].value, rs[0].when
    growth = t["measure"] == "growth_rate"
    goal = t["target_level"] if not math.isnan(t["target_level"]) else t["target_value"]
    rec["goal"] = goal
    comparator = ">=" if growth else t["comparator"]
    achieved = target_met(v, goal, comparator, t["direction"])
    if target_year_seen:
        if growth and not math.isnan(t["baseline_value"]):
            years = years_between(pd.Timestamp(t["baseline_date"]), when)
            rec["actual_cagr"] = cagr(t["baseline_value"], v, years) if v > 0 and t["baseline_value"] > 0 else np.nan
        _set_all(rec, MET if achieved else MISSED, "target_year_observed", f"target year {int(t['target_year'])} observed")
        rec["reading"] = "target_year_value"
        return []
    base = t["baseline_value"]
    bdate = pd.Timestamp(t["baseline_date"]) if pd.notna(t["baseline_date"]) else None
    if t["measure"] == "cumulative":
        base, bdate = 0.0, pd.Timestamp(int(t["plan_start"]) - 1, 12, 31)
    if (bdate is None or math.isnan(base)) and growth:
        _set_all(rec, NOT_ASSESSABLE, "growth_needs_baseline", "growth-rate target: needs a baseline or a stated growth rate to judge; "
                 "a level alone cannot show growth")
        return []
    if bdate is None or math.isnan(base):
        rec["share_of_target"] = v / goal if goal else np.nan
        rec["reading"] = "level_vs_target"
        _set_all(rec, ACHIEVED if achieved else DISTANCE_ONLY, "distance_only",
                 "no baseline: the level reached as a share of the target (distance to target), not a progress status")
        return []
    tdate = pd.Timestamp(int(t["target_year"]), 12, 31)
    done, span = years_between(bdate, when), years_between(bdate, tdate)
    rec.update(base_date=bdate.date().isoformat(), years_elapsed=done, span_years=span)
    if done <= 0:
        _set_all(rec, NOT_ASSESSABLE, "not_after_baseline", f"latest observation ({when.date()}) is not after the baseline ({bdate.date()})")
        return []
    gap = goal - base
    rec["progress_ratio"] = (v - base) / gap if gap else np.nan
    rec["elapsed_share"] = min(done / span, 1.0)
    base_met = target_met(base, goal, comparator, t["direction"])
    if base_met and not achieved:  # Open SDG: the baseline had met the target and the value fell back
        rec.update(schedule_status=BEHIND, opensdg_status=DETERIORATION, unsd_status=REGRESSION, status=DETERIORATION,
                   comment_code="baseline_met_fell_back",
                   comment="the baseline already met the target; the observed value no longer does")
        return []
    reading, actual, required, ratio, projected = _ratio(base, v, goal, done, span)
    rec["expected_share"] = path_share(done, span, required if reading == "cagr_from_base" else None)
    rec["schedule_status"] = schedule_status(rec["progress_ratio"], rec["expected_share"], achieved, tolerance)
    rec.update(reading=reading, actual_cagr=actual, cagr_ratio=ratio, projected_value=projected,
               projected_ratio=(projected - base) / gap if gap else np.nan)
    if reading == "cagr_from_base":
        rec["required_cagr"] = required
    elif reading == "linear_pace":
        rec["comment_code"] = "linear_pace"
        rec["comment"] = ("counted from zero at the plan's start: CAGR undefined, so the ratio is the average pace "
                          "so far against the pace required (a linear pace ratio, not Open SDG's CAGR ratio)")
    if done < MIN_YEARS and not achieved:
        rec.update(opensdg_status=TOO_EARLY, unsd_status=TOO_EARLY, status=TOO_EARLY, comment_code="too_early",
                   comment=f"{done:.2f} years after the baseline: Open SDG needs at least two years of data "
                   "(a year apart) to judge progress")
        return []
    rec["opensdg_status"] = opensdg_status(ratio, achieved)
    rec["unsd_status"] = unsd_status(rec["projected_ratio"], achieved)
    alternatives = []
    for r in rs[1:]:
        d = years_between(bdate, r.when)
        if d < MIN_YEARS:
            continue
        alt = _ratio(base, r.value, goal, d, span)[3]
        band = opensdg_status(alt, target_met(r.value, goal, comparator, t["direction"]))
        alternatives.append((_DATING[(r.dating, r.annualisation)], d, alt, band))
        key = "seasonal" if r.annualisation == "seasonal" else "exact_date"
        rec.update({f"{key}_years": d, f"{key}_ratio": alt, f"{key}_band": band})
    if achieved:
        rec["status"] = rec["opensdg_status"]
    else:
        rec["status"], rec["status_low"], rec["status_high"] = combine_bands(
            [rec["opensdg_status"], *(a[3] for a in alternatives)])
    return alternatives


def _target_year_seen(row: pd.Series, t, flow: bool) -> bool:
    y = int(t["target_year"])
    if flow and t["measure"] == "cumulative":
        return row["end"] == pd.Timestamp(y, 12, 31)
    if flow:
        return row["end"] == pd.Timestamp(y, 12, 31) and row["start"] == pd.Timestamp(y, 1, 1)
    return pd.Timestamp(y, 12, 1) <= row["end"] <= pd.Timestamp(y + 1, 1, 31)


def _assess(t, obs: pd.DataFrame, tolerance: float, province: str | None) -> dict:
    """One target against its observations (at most ``as_of``)."""
    rec = _blank(t)
    if t.get("basis") == "ambiguous":
        rec["flags"] = "basis ambiguous"
    if t["comparator"] == "qualitative" or pd.isna(t["target_value"]):
        _set_all(rec, NOT_ASSESSABLE, "qualitative", "qualitative target")
        return rec
    measure = "stock" if t.get("basis") == "running_total" else t["measure"]
    cand, flow = _candidates(obs, t, measure)
    row = _pick(cand, flow)
    if row is None:
        if measure == "growth_rate" and _growth_from_rate(rec, t, obs):
            rec["working"] = working_line(rec, t, [])
            return rec
        rec["comment_code"] = "too_short" if len(cand) else "no_observation"
        rec["comment"] = (f"only observations shorter than {MIN_ANNUALISE_DAYS} days (too short to annualise)"
                          if len(cand) else "no observation of this place and indicator up to as_of")
        return rec
    annual = flow and measure != "cumulative"
    part_year = annual and row["days"] < 365
    season = seasonal_share(obs, t["doc_id"], province, t["indicator"], row["start"], row["end"]) if part_year else None
    rs = readings(float(row["value"]), row["start"], row["end"], flow, annual, season)
    if annual:
        rec["annualised_value"] = annualise(float(row["value"]), row["start"], row["end"])
    rec.update(obs_period_start=row["period_start"], obs_period_end=row["period_end"], obs_value=float(row["value"]),
               obs_days=row["days"] if flow else np.nan, annualisation=rs[0].annualisation, dating=rs[0].dating,
               seasonal_share=season[0] if season else np.nan, seasonal_source=season[1] if season else pd.NA,
               obs_qualifier=row["qualifier"], obs_url=row["source_url"], illustrative=bool(row["illustrative"]),
               obs_source=_source(row))
    if row["qualifier"] != "=":
        _flag(rec, f"observed value is a lower bound ({row['qualifier']})")
    if part_year:
        _flag(rec, f"annualised from {int(row['days'])} days, counted as {row['end'].year}")
    if measure in ("share", "score"):
        achieved = target_met(rs[0].value, t["target_value"], t["comparator"], t["direction"])
        rec["goal"] = t["target_value"]
        rec["share_of_target"] = rs[0].value / t["target_value"] if t["target_value"] else np.nan
        seen = _target_year_seen(row, t, False)
        rec["reading"] = "target_year_value" if seen else "level_vs_target"
        status = (MET if achieved else MISSED) if seen else (ACHIEVED if achieved else DISTANCE_ONLY)
        _set_all(rec, status, "level_compared", f"a {measure}: compared as a level with the target")
        rec["working"] = working_line(rec, t, [])
        return rec
    alternatives = _judge(rec, t, rs, _target_year_seen(row, t, flow), tolerance)
    rec["working"] = working_line(rec, t, alternatives)
    return rec


def latest_used(att: pd.DataFrame, doc_id: str | None = None) -> str | None:
    """The date of the latest observation a verdict on the page actually uses (ISO date), or None: the
    one date a page, its chart and its landing card show.

    >>> latest_used(attainment(doc_id="ordos_2022"))
    '2024-09-30'
    """
    a = att if doc_id is None else att[att["doc_id"] == doc_id]
    used = a.loc[a["obs_value"].notna(), "obs_period_end"].dropna()
    return None if used.empty else str(max(used))[:10]


def attainment(observations: pd.DataFrame | str | None = None, as_of: str | int | None = None,
               doc_id: str | None = None, tolerance: float = 0.05) -> pd.DataFrame:
    """Progress of every target against the cited observations up to ``as_of``.

    ``observations``: a DataFrame or a CSV path in the ``data/observations.csv`` format (default:
    that file, the real cited observations).  ``as_of``: a date (``"2024-06-30"``) or a year (its
    31 December); observations after it are not used.  One row per distinct target (a target with no
    observation gets status ``no_data``, never dropped); ``status`` is the headline verdict (a code of
    :data:`STATUSES`; ``borderline`` names its two bands in ``status_low``/``status_high``), beside the
    three readings (``schedule_status``, ``opensdg_status``, ``unsd_status``); ``reading`` says what the
    ratio is; the other readings of a part-year flow are in ``exact_date_*`` (dated at its end date) and
    ``seasonal_*`` (a seasonal share); ``working`` shows the arithmetic; ``flags`` carries caveats; ``comment`` says in English why a verdict
    is what it is, ``comment_code`` names the same case as a code (``no_observation``, ``too_early``,
    ``linear_pace`` …; the page's words for it: :mod:`ipanalysis.present.notes`).  ``as_of`` (column) is the date
    of the latest observation a verdict of the document uses (:func:`latest_used`), empty when none.

    Parameters
    ----------
    observations : DataFrame, str or None
        Observations in the ``data/observations.csv`` format, or a CSV path (default: that file).
    as_of : str, int or None
        The data cut: a date or a year (its 31 December); later observations are not used.
    doc_id : str, optional
        One document (default: all).
    tolerance : float
        The 序时进度 band around schedule (0.05: ±5 points).

    Returns
    -------
    DataFrame
        One row per distinct target, with the columns described above.

    >>> a = attainment(doc_id="ordos_2022").set_index("target_id")
    >>> r = a.loc["OR-01"]          # patent grants, 15% a year from 2,748 (2020)
    >>> r["obs_period_start"], r["obs_period_end"], float(r["obs_value"]), round(float(r["annualised_value"]))
    ('2024-01-01', '2024-09-30', 3398.0, 4539)
    >>> float(r["years_elapsed"]), round(float(r["actual_cagr"]), 3), round(float(r["cagr_ratio"]), 2)
    (4.0, 0.134, 0.89)
    >>> r["opensdg_status"], r["status"], r["status_low"], r["status_high"]
    ('moderate_progress', 'borderline', 'moderate_progress', 'substantial_progress')
    """
    obs = observations if isinstance(observations, pd.DataFrame) and "end" in observations \
        else load_observations(observations)
    cap = parse_as_of(as_of)
    if cap is not None:
        obs = obs[obs["end"] <= cap]
    tr = trajectories(doc_id, observations=obs)
    cat, docs = indicators(), documents()
    tr["direction"] = tr["indicator"].map(dict(zip(cat["key"], cat["direction"]))).fillna("up")
    tr["plan_start"] = tr["doc_id"].map(dict(zip(docs["doc_id"], docs["plan_start_year"])))
    province = dict(zip(docs["doc_id"], docs["province_zh"]))
    df = pd.DataFrame([_assess(t, obs, tolerance, province.get(t["doc_id"])) for _, t in tr.iterrows()])
    if df.empty:
        return df
    df["as_of"] = df["doc_id"].map(lambda d: latest_used(df, d)).astype("string")
    df["target_year"] = df["target_year"].astype("Int64")
    for col in ("obs_value", "obs_days", "annualised_value", "seasonal_share", "goal", "years_elapsed", "span_years",
                "progress_ratio", "elapsed_share", "expected_share", "actual_cagr", "required_cagr", "cagr_ratio",
                "projected_value", "projected_ratio", "share_of_target", "baseline_value", "exact_date_years",
                "exact_date_ratio", "seasonal_years", "seasonal_ratio"):
        df[col] = df[col].astype("float64")
    return df
