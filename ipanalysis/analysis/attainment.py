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
   elapsed, computed from dates (baseline date → 31 December of the target year).

Rules that keep the readings honest (each is tested by hand-computed cases):

* a flow observed over part of a year is **annualised** by the days it covers
  (``annualised_value`` = value × days in that year / days covered, shown with its period); a
  flow covering fewer than :data:`MIN_ANNUALISE_DAYS` days is too short to annualise and is not used;
* a **growth-rate target** is judged on the observed growth rate between cited values (the
  baseline and the latest observation, or a stated year-on-year rate), never on a level;
* a **plan-period total** (累计, basis ``period_total``) counts from zero at the plan's start; a
  **running total** (basis ``running_total``) is a stock that needs a start stock; ``ambiguous``
  bases are flagged in ``flags``;
* once the **target year has been observed** (a whole-year flow, or a stock in its last month),
  the verdict is ``met`` or ``missed`` on that value;
* direction follows the sign of the required change; a baseline that already met the target and
  an observation that no longer does is *deterioration* / *regression*, as in Open SDG;
* with **no baseline at all**, the level reached is shown as a share of the target
  (``share_of_target``, status ``distance only``), not as progress.

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

from ..data import documents, indicators
from ..data.observations import load_observations
from ..parameters import parse_as_of
from .trajectory import cagr, trajectories, years_between

__all__ = ["attainment", "opensdg_status", "unsd_status", "schedule_status", "target_met",
           "annualise", "OPENSDG_THRESHOLDS", "UNSD_THRESHOLDS", "NO_DATA", "STATUSES", "MIN_ANNUALISE_DAYS"]

OPENSDG_THRESHOLDS = {"substantial": 0.95, "moderate": 0.6, "limited": 0.0}
UNSD_THRESHOLDS = {"on_track": 0.95, "fair": 0.10, "limited": 0.0}
NO_DATA = "no data"
NOT_ASSESSABLE = "not assessable"
DISTANCE_ONLY = "distance only"
#: Headline ``status`` values, best first.
STATUSES = ("met", "target achieved", "substantial progress", "moderate progress", "limited progress",
            "deterioration", "missed", DISTANCE_ONLY, NOT_ASSESSABLE, NO_DATA)
#: A partial-year flow shorter than this (a month, say) is too seasonal to annualise.
MIN_ANNUALISE_DAYS = 90


#: Bands, highest first: (lower bound, inclusive; label); below the last bound → the last label.
OPENSDG_BANDS = ((OPENSDG_THRESHOLDS["substantial"], "substantial progress"),
                 (OPENSDG_THRESHOLDS["moderate"], "moderate progress"),
                 (OPENSDG_THRESHOLDS["limited"], "limited progress"), (None, "deterioration"))
UNSD_BANDS = ((UNSD_THRESHOLDS["on_track"], "on track"), (UNSD_THRESHOLDS["fair"], "fair progress, acceleration needed"),
              (UNSD_THRESHOLDS["limited"], "limited progress or stagnation"), (None, "regression"))


def _band(ratio: float | None, bands) -> str:
    if ratio is None or math.isnan(ratio):
        return NOT_ASSESSABLE
    return next(label for bound, label in bands if bound is None or ratio >= bound)


def opensdg_status(cagr_ratio: float, achieved: bool = False) -> str:
    """Open SDG / Statistics Canada category for a ratio of observed to required CAGR.

    >>> opensdg_status(0.95), opensdg_status(0.6), opensdg_status(0.0), opensdg_status(-0.1)
    ('substantial progress', 'moderate progress', 'limited progress', 'deterioration')
    """
    return "target achieved" if achieved else _band(cagr_ratio, OPENSDG_BANDS)


def unsd_status(projected_ratio: float, achieved: bool = False) -> str:
    """UNSD SDG Progress Chart 2023 category for a projected-change ratio.

    >>> unsd_status(0.95), unsd_status(0.10), unsd_status(0.05), unsd_status(-0.2)
    ('on track', 'fair progress, acceleration needed', 'limited progress or stagnation', 'regression')
    """
    return "target met" if achieved else _band(projected_ratio, UNSD_BANDS)


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


def annualise(value: float, start: pd.Timestamp, end: pd.Timestamp) -> float:
    """A flow counted over [start, end] scaled to a full year by the days it covers.

    >>> round(annualise(3398, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-09-30")), 1)   # 274 of 366 days
    4538.9
    >>> annualise(100, pd.Timestamp("2023-01-01"), pd.Timestamp("2023-12-31"))
    100.0
    """
    days = (end - start).days + 1
    year_days = 366 if pd.Timestamp(end.year, 1, 1).is_leap_year else 365
    return float(value) if days >= year_days else float(value) * year_days / days


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
    rec.update(direction=t["direction"], obs_period_start=pd.NA, obs_period_end=pd.NA, obs_value=np.nan,
               obs_qualifier=pd.NA, annualised_value=np.nan, obs_source=pd.NA, obs_url=pd.NA, illustrative=False,
               progress_ratio=np.nan, elapsed_share=np.nan, schedule_status=NO_DATA, actual_cagr=np.nan,
               cagr_ratio=np.nan, opensdg_status=NO_DATA, projected_value=np.nan, projected_ratio=np.nan,
               unsd_status=NO_DATA, share_of_target=np.nan, status=NO_DATA, flags="", comment="")
    return rec


def _source(r) -> str:
    return f"{r['source_title']} ({r['source_publisher']}, {r['source_date']})"


def _flag(rec: dict, text: str) -> None:
    rec["flags"] = ", ".join(filter(None, [rec["flags"], text]))


def _set_all(rec: dict, status: str, comment: str) -> None:
    rec.update(schedule_status=status, opensdg_status=status, unsd_status=status, status=status, comment=comment)


def _growth_key(indicator):
    """The key of an indicator's stated year-on-year growth rate (``patent_grants_annual_growth``)."""
    return indicator + "_growth"


def _growth_from_rate(rec: dict, t, obs: pd.DataFrame) -> bool:
    """A growth target without a baseline: judge it on a stated year-on-year rate, if any, for a period
    that starts in the plan (a rate from before the plan says nothing about the plan's growth)."""
    rates = obs[(obs["doc_id"] == t["doc_id"]) & (obs["indicator"] == _growth_key(t["indicator"]))]
    before = rates[rates["start"] < pd.Timestamp(int(t["plan_start"]), 1, 1)]
    rates = rates.drop(before.index)
    if rates.empty:
        if len(before):
            last = before.sort_values("end").iloc[-1]
            _set_all(rec, NOT_ASSESSABLE, f"growth-rate target: the only stated growth rate is for "
                     f"{last['period_start']}…{last['period_end']}, before the plan starts ({int(t['plan_start'])})")
            return True
        return False
    r = rates.sort_values(["end", "days"]).iloc[-1]
    g, need = float(r["value"]) / 100, float(t["target_value"]) / 100
    rec.update(actual_cagr=g, cagr_ratio=g / need if need else np.nan, obs_period_start=r["period_start"],
               obs_period_end=r["period_end"], obs_value=float(r["value"]), obs_url=r["source_url"], obs_source=_source(r),
               comment=f"year-on-year growth stated for {r['period_start']}…{r['period_end']}")
    rec["opensdg_status"] = rec["status"] = opensdg_status(rec["cagr_ratio"])
    rec["schedule_status"] = rec["unsd_status"] = NOT_ASSESSABLE
    return True


def _judge(rec: dict, t, v: float, when: pd.Timestamp, target_year_seen: bool, tolerance: float) -> None:
    """Fill the three readings for one target from one (annualised) observed value ``v`` at ``when``."""
    growth = t["measure"] == "growth_rate"
    goal = t["target_level"] if not math.isnan(t["target_level"]) else t["target_value"]
    comparator = ">=" if growth else t["comparator"]
    achieved = target_met(v, goal, comparator, t["direction"])
    if target_year_seen:
        if growth and not math.isnan(t["baseline_value"]):
            years = years_between(pd.Timestamp(t["baseline_date"]), when)
            rec["actual_cagr"] = cagr(t["baseline_value"], v, years) if v > 0 and t["baseline_value"] > 0 else np.nan
        rec["status"] = "met" if achieved else "missed"
        rec.update(schedule_status=rec["status"], opensdg_status=rec["status"], unsd_status=rec["status"],
                   comment=f"target year {int(t['target_year'])} observed")
        return
    base = t["baseline_value"]
    bdate = pd.Timestamp(t["baseline_date"]) if pd.notna(t["baseline_date"]) else None
    if t["measure"] == "cumulative":
        base, bdate = 0.0, pd.Timestamp(int(t["plan_start"]) - 1, 12, 31)
    if (bdate is None or math.isnan(base)) and growth:
        _set_all(rec, NOT_ASSESSABLE, "growth-rate target: needs a baseline or a stated growth rate to judge; "
                 "a level alone cannot show growth")
        return
    if bdate is None or math.isnan(base):
        rec["share_of_target"] = v / goal if goal else np.nan
        _set_all(rec, "target achieved" if achieved else DISTANCE_ONLY,
                 "no baseline: the level reached as a share of the target (distance to target), not a progress status")
        return
    tdate = pd.Timestamp(int(t["target_year"]), 12, 31)
    done, span = years_between(bdate, when), years_between(bdate, tdate)
    if done <= 0:
        _set_all(rec, NOT_ASSESSABLE, f"latest observation ({when.date()}) is not after the baseline ({bdate.date()})")
        return
    gap = goal - base
    rec["progress_ratio"] = (v - base) / gap if gap else np.nan
    rec["elapsed_share"] = min(done / span, 1.0)
    base_met = target_met(base, goal, comparator, t["direction"])
    if base_met and not achieved:  # Open SDG: the baseline had met the target and the value fell back
        rec.update(schedule_status="behind schedule", opensdg_status="deterioration", unsd_status="regression",
                   status="deterioration", comment="the baseline already met the target; the observed value no longer does")
        return
    rec["schedule_status"] = schedule_status(rec["progress_ratio"], rec["elapsed_share"], achieved, tolerance)
    if base > 0 and v > 0 and goal > 0:
        actual, required = cagr(base, v, done), cagr(base, goal, span)
        rec.update(actual_cagr=actual, required_cagr=required, cagr_ratio=actual / required if required else np.nan,
                   projected_value=v * (1 + actual) ** (span - done))
    else:  # from zero (a plan-period total) the trend is linear: the average pace so far
        rec["projected_value"] = base + (v - base) * span / done
        rec["comment"] = ("counted from zero at the plan's start: CAGR undefined, so the Open SDG ratio is the "
                          "ratio of the average pace so far to the pace required (linear)")
    rec["projected_ratio"] = (rec["projected_value"] - base) / gap if gap else np.nan
    if math.isnan(rec["cagr_ratio"]) and not (base > 0):
        rec["cagr_ratio"] = rec["projected_ratio"]
    rec["opensdg_status"] = opensdg_status(rec["cagr_ratio"], achieved)
    rec["unsd_status"] = unsd_status(rec["projected_ratio"], achieved)
    rec["status"] = rec["opensdg_status"]


def _target_year_seen(row: pd.Series, t, flow: bool) -> bool:
    y = int(t["target_year"])
    if flow and t["measure"] == "cumulative":
        return row["end"] == pd.Timestamp(y, 12, 31)
    if flow:
        return row["end"] == pd.Timestamp(y, 12, 31) and row["start"] == pd.Timestamp(y, 1, 1)
    return pd.Timestamp(y, 12, 1) <= row["end"] <= pd.Timestamp(y + 1, 1, 31)


def _assess(t, obs: pd.DataFrame, tolerance: float) -> dict:
    """One target against its observations (at most ``as_of``)."""
    rec = _blank(t)
    if t.get("basis") == "ambiguous":
        rec["flags"] = "basis ambiguous"
    if t["comparator"] == "qualitative" or pd.isna(t["target_value"]):
        _set_all(rec, NOT_ASSESSABLE, "qualitative target")
        return rec
    measure = "stock" if t.get("basis") == "running_total" else t["measure"]
    cand, flow = _candidates(obs, t, measure)
    row = _pick(cand, flow)
    if row is None:
        if measure == "growth_rate" and _growth_from_rate(rec, t, obs):
            return rec
        rec["comment"] = (f"only observations shorter than {MIN_ANNUALISE_DAYS} days (too short to annualise)"
                          if len(cand) else "no observation of this place and indicator up to as_of")
        return rec
    v = float(row["value"])
    if flow and measure != "cumulative":
        rec["annualised_value"] = v = annualise(v, row["start"], row["end"])
    rec.update(obs_period_start=row["period_start"], obs_period_end=row["period_end"], obs_value=float(row["value"]),
               obs_qualifier=row["qualifier"], obs_url=row["source_url"], illustrative=bool(row["illustrative"]),
               obs_source=_source(row))
    if row["qualifier"] != "=":
        _flag(rec, f"observed value is a lower bound ({row['qualifier']})")
    if flow and measure != "cumulative" and row["days"] < 365:
        _flag(rec, f"annualised from {int(row['days'])} days")
    if measure in ("share", "score"):
        achieved = target_met(v, t["target_value"], t["comparator"], t["direction"])
        rec["share_of_target"] = v / t["target_value"] if t["target_value"] else np.nan
        status = ("met" if achieved else "missed") if _target_year_seen(row, t, False) else \
            ("target achieved" if achieved else DISTANCE_ONLY)
        _set_all(rec, status, f"a {measure}: compared as a level with the target")
        return rec
    _judge(rec, t, v, row["end"], _target_year_seen(row, t, flow), tolerance)
    return rec


def attainment(observations=None, as_of=None, doc_id: str | None = None, tolerance: float = 0.05) -> pd.DataFrame:
    """Progress of every target against the cited observations up to ``as_of``.

    ``observations``: a DataFrame or a CSV path in the ``data/observations.csv`` format (default:
    that file, the real cited observations).  ``as_of``: a date (``"2024-06-30"``) or a year (its
    31 December); default: no cap, and each document's ``as_of`` column is the end of its latest cited
    observation of an indicator it targets (empty when there is none).  One row per distinct target (a
    target with no observation gets status ``no data``, never dropped); ``status`` is the headline
    verdict (:data:`STATUSES`), beside the three readings (``schedule_status``, ``opensdg_status``,
    ``unsd_status``); ``flags`` carries caveats (annualised, ambiguous basis, lower bound).

    >>> a = attainment(doc_id="ordos_2022").set_index("target_id")
    >>> r = a.loc["OR-01"]          # patent grants, 15% a year from 2,748 (2020)
    >>> r["obs_period_start"], r["obs_period_end"], float(r["obs_value"]), round(float(r["annualised_value"]))
    ('2024-01-01', '2024-09-30', 3398.0, 4539)
    >>> round(float(r["actual_cagr"]), 3), r["status"]
    (0.143, 'substantial progress')
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
    df = pd.DataFrame([_assess(t, obs, tolerance) for _, t in tr.iterrows()])
    # "as of" = the latest cited observation of an indicator the document targets (its own place)
    targeted = set(zip(tr["doc_id"], tr["indicator"])) | set(zip(tr["doc_id"], _growth_key(tr["indicator"])))
    own = obs[pd.MultiIndex.from_frame(obs[["doc_id", "indicator"]]).isin(targeted)]
    latest = own.groupby("doc_id")["end"].max()
    df["as_of"] = cap.date().isoformat() if cap is not None else \
        df["doc_id"].map(lambda d: latest[d].date().isoformat() if d in latest.index else pd.NA)
    df["target_year"] = df["target_year"].astype("Int64")
    for col in ("obs_value", "annualised_value", "progress_ratio", "elapsed_share", "actual_cagr", "required_cagr",
                "cagr_ratio", "projected_value", "projected_ratio", "share_of_target", "baseline_value"):
        df[col] = df[col].astype("float64")
    return df
