"""Growth arithmetic: the compound annual growth rate, the linear annual increase, years between dates,
and the year-by-year path from one value to another (pure functions of numbers).

Compound annual growth rate (CAGR) is the standard way planners state and check growth
("年均增长38.0%"); the linear annual increase is the 序时进度 reading of the same gap
(an equal share of the task each year).

>>> round(cagr(550, 2748, 5), 3)
0.38
>>> linear_increase(0.93, 2, 5)
0.214
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..parameters import check_method

__all__ = ["cagr", "years_between", "linear_increase", "path"]


def cagr(start: float, end: float, years: float) -> float:
    """Compound annual growth rate, as a fraction: ``(end / start) ** (1 / years) - 1``.

    Parameters
    ----------
    start, end : float
        Positive values at the start and the end.
    years : float
        The years between them.

    Returns
    -------
    float

    >>> round(cagr(867, 9742, 5), 3)
    0.622
    >>> cagr(0, 10, 5)
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ParameterError: cagr needs positive start and end values, got start=0, end=10
    """
    if years is None or not years > 0:
        raise ParameterError(f"cagr needs years > 0, got years={years}")
    if not (start > 0 and end > 0):
        raise ParameterError(f"cagr needs positive start and end values, got start={start}, end={end}")
    return (end / start) ** (1.0 / years) - 1.0


def years_between(a: pd.Timestamp, b: pd.Timestamp) -> float:
    """Years from date ``a`` to date ``b``, counting each calendar year as one (a year-end to the
    next year-end is exactly 1, whatever the leap days), the part years by their share of days.

    >>> years_between(pd.Timestamp("2020-12-31"), pd.Timestamp("2025-12-31"))
    5.0
    >>> round(years_between(pd.Timestamp("2020-12-31"), pd.Timestamp("2024-09-30")), 4)   # 3 + 274/366
    3.7486
    """
    def pos(d: pd.Timestamp) -> float:
        return d.year + d.day_of_year / (366 if d.is_leap_year else 365)
    return pos(b) - pos(a)


def linear_increase(start: float, end: float, years: float) -> float:
    """Equal absolute increase per year that closes the gap in ``years``.

    Parameters
    ----------
    start, end : float
        Values at the start and the end.
    years : float
        The years between them.

    Returns
    -------
    float

    >>> linear_increase(48, 96, 5)
    9.6
    """
    if years is None or not years > 0:
        raise ParameterError(f"linear_increase needs years > 0, got years={years}")
    return round((end - start) / years, 12)


def path(start: float, end: float, start_year: int, end_year: int, method: str = "compound") -> pd.DataFrame:
    """Year-by-year values from ``start`` (in ``start_year``) to ``end`` (in ``end_year``).

    Parameters
    ----------
    start, end : float
        The values at both ends.
    start_year, end_year : int
        Their years.
    method : str
        ``"compound"`` or ``"linear"``.

    Returns
    -------
    DataFrame
        ``year``, ``value``, one row per year.

    >>> path(100, 121, 2020, 2022)["value"].round(6).tolist()
    [100.0, 110.0, 121.0]
    >>> path(100, 120, 2020, 2022, method="linear")["value"].tolist()
    [100.0, 110.0, 120.0]
    """
    check_method(method)
    years = np.arange(start_year, end_year + 1)
    n = end_year - start_year
    t = years - start_year
    if method == "compound":
        values = start * (1 + cagr(start, end, n)) ** t
    else:
        values = start + (end - start) * t / n
    return pd.DataFrame({"year": years, "value": values.astype(float)})
