"""Baselines for trajectories and attainment: the value a target grows from, and where it comes from.

In order: the value the document states (its target row, a table restatement, ``baselines.csv``); a
value a caller passes in (keyed by document, so one city's never lends to another's); else the cited
observation of the same place and indicator nearest to the plan's base date, within
:data:`BASELINE_WINDOW_DAYS` (a stock, or a flow over a whole year; a partial year never).

>>> base_date("guiyang_2022").date().isoformat()
'2021-12-31'
"""

from __future__ import annotations

import pandas as pd

from ..data import documents
from ..errors import ParameterError

__all__ = ["base_date", "baseline_for", "keyed_baselines", "observed_baseline", "plan_start", "BASELINE_WINDOW_DAYS",
           "STATED_COMPATIBLE"]

STATED_COMPATIBLE = {  # target measure → baseline measures that state the same kind of quantity
    "stock": ("stock", "level"), "level": ("stock", "level"), "intensity": ("intensity", "stock", "level"),
    "annual_flow": ("annual_flow",), "growth_rate": ("annual_flow", "stock", "level", "intensity"),
}


def _find_baseline(row, base: pd.DataFrame) -> tuple[float, int, str] | None:
    ok = STATED_COMPATIBLE.get(row["measure"])
    if not ok:
        return None
    cand = base[(base["indicator"] == row["indicator"]) & base["value"].notna()
                & (base["year"] < row["target_year"]) & base["measure"].isin(ok) & (base["doc_id"] == row["doc_id"])]
    if cand.empty:
        return None
    last = cand.sort_values("year").iloc[-1]
    label = f"document: baselines {last['baseline_id']}" if pd.notna(last.get("baseline_id")) else "passed in"
    return float(last["value"]), int(last["year"]), label


#: How near a cited observation must be to a plan's base date (31 December of the year before the
#: plan starts) to serve as its baseline: within one year either side.
BASELINE_WINDOW_DAYS = 366
_OBSERVED_COMPATIBLE = {  # target measure → observation measures that can stand as its baseline
    "stock": ("stock", "running_total"), "level": ("stock", "flow"), "intensity": ("intensity",),
    "increment": ("stock",),
    "annual_flow": ("flow",), "growth_rate": ("flow", "stock", "intensity"),
}


def base_date(doc_id: str) -> pd.Timestamp:
    """A plan's base date: 31 December of the year before its first plan year.

    >>> base_date("guiyang_2022").date().isoformat()
    '2021-12-31'
    """
    return pd.Timestamp(plan_start(doc_id) - 1, 12, 31)


def observed_baseline(row: pd.Series, obs: pd.DataFrame | None, when: pd.Timestamp) -> tuple[float, pd.Timestamp, str] | None:
    """The cited observation of the target's own place and indicator nearest to ``when``
    (within :data:`BASELINE_WINDOW_DAYS`): a stock at a date, or a flow over a whole year (a
    partial-year flow is never a baseline).  Returns (value, date, source URL) or None.

    Parameters
    ----------
    row : Series
        The target (``doc_id``, ``indicator``, ``measure``, ``basis``, ``target_year``).
    obs : DataFrame or None
        Observations as :func:`~ipanalysis.data.observations.load_observations` returns them.
    when : Timestamp
        The date the baseline should stand at (the plan's base date).

    Returns
    -------
    tuple or None
        ``(value, date, source URL)``, or None when no observation fits.
    """
    measure = "stock" if row.get("basis") == "running_total" else row["measure"]
    ok = _OBSERVED_COMPATIBLE.get(measure)
    if not ok or obs is None or obs.empty:
        return None
    o = obs[(obs["doc_id"] == row["doc_id"]) & (obs["indicator"] == row["indicator"]) & obs["measure"].isin(ok)
            & (obs["end"].dt.year < int(row["target_year"]))]
    o = o[(o["measure"] != "flow") | (o["days"].fillna(0) >= 365)]
    if o.empty:
        return None
    gap = (o["end"] - when).abs().dt.days
    o = o.assign(gap=gap)[gap <= BASELINE_WINDOW_DAYS].sort_values(["gap", "end"])
    if o.empty:
        return None
    best = o.iloc[0]
    return float(best["value"]), best["end"], str(best["source_url"])


def plan_start(doc_id: str) -> int:
    """The first year of a document's plan.

    >>> plan_start("ordos_2022")
    2021
    """
    return int(documents().set_index("doc_id").loc[doc_id, "plan_start_year"])


def keyed_baselines(baselines: pd.DataFrame, doc_id: str | None) -> pd.DataFrame:
    """Baselines passed in by a caller, keyed by document (one city's never lends to another's)."""
    extra = baselines.copy()
    if "doc_id" not in extra:
        if doc_id is None:
            raise ParameterError("baselines passed without a doc_id column apply to one document only: "
                             "call trajectories(doc_id=..., baselines=...) or add a doc_id column")
        extra["doc_id"] = doc_id
    if "measure" not in extra:
        extra["measure"] = pd.NA
    extra["baseline_id"] = pd.NA
    return extra


def baseline_for(r: pd.Series, base: pd.DataFrame, extra: pd.DataFrame | None, obs: pd.DataFrame | None) -> tuple[float, pd.Timestamp, str, str] | None:
    """(value, date, source, kind) in order: stated by the document (its target row, a table
    restatement, or baselines.csv), passed in, or the nearest cited observation.

    Parameters
    ----------
    r : Series
        The target row, with the ``baseline_value``/``baseline_year``/``baseline_from`` it states.
    base : DataFrame
        The stated baselines (``baselines.csv``).
    extra : DataFrame or None
        Baselines passed in by the caller.
    obs : DataFrame or None
        Observations, for the nearest cited one.

    Returns
    -------
    tuple or None
        ``(value, date, source, kind)`` with kind ``stated``, ``passed in`` or ``observed``; None if none.
    """
    if pd.notna(r["baseline_value"]):
        return float(r["baseline_value"]), pd.Timestamp(int(r["baseline_year"]), 12, 31), \
            f"document: {r['baseline_from']}", "stated"
    if extra is not None:
        cand = extra.assign(measure=extra["measure"].fillna(r["measure"] if r["measure"] != "growth_rate" else "stock"))
        found = _find_baseline(r, cand)
        if found:
            return found[0], pd.Timestamp(found[1], 12, 31), found[2], "passed in"
    found = _find_baseline(r, base)
    if found:
        return found[0], pd.Timestamp(found[1], 12, 31), found[2], "stated"
    seen = observed_baseline(r, obs, base_date(r["doc_id"]))
    if seen:
        return seen[0], seen[1], seen[2], "observed"
    return None
