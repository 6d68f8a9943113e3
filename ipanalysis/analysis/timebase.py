"""One time base for observations: how a part-year flow becomes a year's value, and when it is dated.

* A flow counted over part of a calendar year is **annualised**, by default as an even year (value ×
  days in the year / days covered; :func:`annualise`).  Where the observations file holds the same
  months and the whole year for the same indicator — the same place in an earlier year, or its
  province in the same or an earlier year — the **seasonal share** of those months is used as a second
  reading (:func:`seasonal_share`).
* An annualised flow **stands for its calendar year**: against a baseline for a whole year, the years
  elapsed are whole years, as Open SDG counts them ("*t*ᵢ is the most recent year where data is
  available"; "if the reference period spans multiple years, the first year is used", Open SDG,
  *Progress Measurement Methodology*, https://open-sdg.readthedocs.io/en/latest/progress-methodology/).
  Dating it at its end date instead is the second dating convention, shown beside it.
* A stock keeps its exact date.
* A flow shorter than :data:`MIN_ANNUALISE_DAYS` is too seasonal to annualise and is not used.

>>> Reading("calendar_year", "even_year", 4538.9, pd.Timestamp("2024-12-31")).when.date().isoformat()
'2024-12-31'
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

__all__ = ["annualise", "seasonal_share", "readings", "Reading", "MIN_ANNUALISE_DAYS"]

#: A partial-year flow shorter than this (a month, say) is too seasonal to annualise.
MIN_ANNUALISE_DAYS = 90


class Reading(NamedTuple):
    """One reading of an observation: how it is dated, how it is annualised, its value and its date."""
    dating: str          # calendar_year | exact_date
    annualisation: str   # even_year | seasonal | none
    value: float
    when: pd.Timestamp


def annualise(value: float, start: pd.Timestamp, end: pd.Timestamp) -> float:
    """A flow counted over [start, end] scaled to a full year by the days it covers (an even year).

    Parameters
    ----------
    value : float
        The flow over the period.
    start, end : Timestamp
        The period's first and last day.

    Returns
    -------
    float
        The value for a whole year.

    >>> round(annualise(3398, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-09-30")), 1)   # 274 of 366 days
    4538.9
    >>> annualise(100, pd.Timestamp("2023-01-01"), pd.Timestamp("2023-12-31"))
    100.0
    """
    days = (end - start).days + 1
    year_days = 366 if pd.Timestamp(end.year, 1, 1).is_leap_year else 365
    return float(value) if days >= year_days else float(value) * year_days / days


def _same_months(o: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    return o[(o["start"].dt.month == start.month) & (o["start"].dt.day == start.day) & (o["end"].dt.month == end.month)
             & (o["end"].dt.day == end.day) & (o["start"].dt.year == o["end"].dt.year)]


def seasonal_share(obs: pd.DataFrame, doc_id: str, province: str | None, indicator: str,
                   start: pd.Timestamp, end: pd.Timestamp) -> tuple[float, str] | None:
    """The share of a whole year's flow that falls in the months [start, end], from the file: the same
    place in an earlier year first, else its province in the same or an earlier year (latest first).
    Returns (share, where from) or None when the file holds no such pair.

    Parameters
    ----------
    obs : DataFrame
        Observations (``load_observations``).
    doc_id : str
        The document whose place is read.
    province : str or None
        Its province, the fallback.
    indicator : str
        The indicator.
    start, end : Timestamp
        The part-year period.

    Returns
    -------
    tuple or None
        ``(share, where from)``, or None.

    >>> o = pd.DataFrame({"doc_id": [None, None], "place": ["内蒙古自治区"] * 2, "scope": ["province"] * 2,
    ...     "indicator": ["patent_grants_annual"] * 2, "measure": ["flow"] * 2, "value": [15000.0, 24000.0],
    ...     "start": pd.to_datetime(["2023-01-01", "2023-01-01"]), "end": pd.to_datetime(["2023-09-30", "2023-12-31"])})
    >>> seasonal_share(o, "ordos_2022", "内蒙古自治区", "patent_grants_annual",
    ...                pd.Timestamp("2024-01-01"), pd.Timestamp("2024-09-30"))
    (0.625, '内蒙古自治区 2023: 15,000 of 24,000')
    """
    o = obs[(obs["indicator"] == indicator) & (obs["measure"] == "flow")]
    own = o[(o["doc_id"] == doc_id) & (o["end"].dt.year < end.year)]
    prov = o[(o["place"] == province) & (o["scope"] == "province") & (o["end"].dt.year <= end.year)] \
        if province else o.iloc[0:0]
    for where, pool in (("own", own), (province, prov)):
        part = _same_months(pool, start, end)
        whole = pool[(pool["start"].dt.month == 1) & (pool["start"].dt.day == 1) & (pool["end"].dt.month == 12)
                     & (pool["end"].dt.day == 31) & (pool["start"].dt.year == pool["end"].dt.year)]
        years = sorted(set(part["end"].dt.year) & set(whole["end"].dt.year), reverse=True)
        if years:
            y = years[0]
            p = float(part[part["end"].dt.year == y]["value"].iloc[0])
            w = float(whole[whole["end"].dt.year == y]["value"].iloc[0])
            if w > 0:
                name = "the same place" if where == "own" else where
                return p / w, f"{name} {y}: {p:,.0f} of {w:,.0f}"
    return None


def readings(value: float, start: pd.Timestamp, end: pd.Timestamp, flow: bool, annual: bool,
             season: tuple[float, str] | None = None) -> list[Reading]:
    """The readings of one observation, the primary first.

    A stock, a plan-period total or a whole-year flow has one (its date).  A part-year annual flow has
    the even-year value counted as its calendar year (primary), the same dated at its end date, and,
    where a seasonal share exists, the seasonal value counted as its calendar year.

    Parameters
    ----------
    value : float
        The observed value.
    start, end : Timestamp
        Its period (a stock: ``end``).
    flow : bool
        Whether it is a flow.
    annual : bool
        Whether the target reads it as an annual flow.
    season : tuple, optional
        ``(share, where from)`` of :func:`seasonal_share`.

    Returns
    -------
    list of Reading
        The primary reading first.

    >>> r = readings(3398, pd.Timestamp("2024-01-01"), pd.Timestamp("2024-09-30"), True, True)
    >>> [(x.dating, round(x.value), x.when.date().isoformat()) for x in r]
    [('calendar_year', 4539, '2024-12-31'), ('exact_date', 4539, '2024-09-30')]
    """
    if not (flow and annual) or (end - start).days + 1 >= (366 if pd.Timestamp(end.year, 1, 1).is_leap_year else 365):
        return [Reading("exact_date", "none", float(value), end)]
    year_end = pd.Timestamp(end.year, 12, 31)
    even = annualise(value, start, end)
    out = [Reading("calendar_year", "even_year", even, year_end), Reading("exact_date", "even_year", even, end)]
    if season is not None:
        out.append(Reading("calendar_year", "seasonal", float(value) / season[0], year_end))
    return out
