"""Trajectories: the growth a target implies, year-by-year paths, and what past growth would give.

The arithmetic (CAGR, linear increase, paths) is :mod:`ipanalysis.analysis.rates`; it is re-exported here.

>>> tr = trajectories("ordos_2022").set_index("target_id")
>>> round(float(tr.loc["OR-01", "required_cagr"]), 2)
0.15
"""

from __future__ import annotations


import numpy as np
import pandas as pd

from ..data import baselines as _load_baselines
from ..data import indicators
from ..data import targets as _load_targets
from .baselines import STATED_COMPATIBLE, baseline_for, keyed_baselines, plan_start
from ..errors import UnknownTargetError
from ..units import fmt_value
from ..parameters import METHODS, check_method
from .rates import cagr, linear_increase, path, years_between

__all__ = ["cagr", "years_between", "linear_increase", "path", "trajectories", "trajectory", "canonical_targets", "historical_growth",
           "plan_paths"]

LEVEL_MEASURES = ("stock", "level", "annual_flow", "intensity")


def canonical_targets(targets: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per distinct target: rows that restate another (``duplicate_of``) are dropped,
    after lending the original any baseline they carry (e.g. a plan's indicator table).

    >>> t = canonical_targets()
    >>> bool(t["duplicate_of"].isna().all())
    True
    """
    t = _load_targets() if targets is None else targets.copy()
    dups = t[t["duplicate_of"].notna() & t["baseline_value"].notna()]
    for _, d in dups.iterrows():
        mask = (t["target_id"] == d["duplicate_of"]) & t["baseline_value"].isna()
        t.loc[mask, ["baseline_value", "baseline_year"]] = [d["baseline_value"], d["baseline_year"]]
        t.loc[mask, "baseline_from"] = f"target {d['target_id']}"
    if "baseline_from" not in t:
        t["baseline_from"] = pd.NA
    own = t["baseline_value"].notna() & t["baseline_from"].isna()
    t.loc[own, "baseline_from"] = "target row"
    return t[t["duplicate_of"].isna()].reset_index(drop=True)


def _project(out: dict, r, found) -> None:
    """Fill the required growth of one target row ``out`` from its baseline ``found``."""
    bv, bdate, src, kind = found
    out.update(baseline_value=bv, baseline_year=bdate.year, baseline_date=bdate.date().isoformat(),
               baseline_source=src, baseline_kind=kind)
    n = years_between(bdate, pd.Timestamp(int(r["target_year"]), 12, 31))
    m = "stock" if r.get("basis") == "running_total" else r["measure"]
    if n <= 0:
        out.update(reason_code="baseline_after_target",
                   reason=f"baseline date {bdate.date()} is not before the end of target year {r['target_year']}")
    elif m == "growth_rate":
        g = r["value"] / 100
        level = bv * (1 + g) ** n
        out.update(years=n, required_cagr=g, target_level=level,
                   required_linear_increase=linear_increase(bv, level, n), computable=True, reason="")
    elif m == "increment":
        level = bv + r["value"]
        out.update(years=n, target_level=level, required_cagr=cagr(bv, level, n),
                   required_linear_increase=linear_increase(bv, level, n), computable=True, reason="")
    elif m in LEVEL_MEASURES:
        if bv > 0 and r["value"] > 0:
            out.update(years=n, target_level=r["value"], required_cagr=cagr(bv, r["value"], n),
                       required_linear_increase=linear_increase(bv, r["value"], n), computable=True, reason="")
        else:
            out.update(reason_code="non_positive", reason="non-positive baseline or target: growth rate undefined")


def _unprojectable(r, found) -> tuple[str, str]:
    """(code, English words): why a target cannot be projected, or ("", "") when it can be once it has a baseline."""
    m = r["measure"]
    if r["comparator"] == "qualitative" or pd.isna(r["value"]):
        return "qualitative", "qualitative target (no number to project)"
    if m in ("share", "score"):
        return "bounded", f"a {m}: bounded measure, reported as a level, not projected"
    if m == "cumulative" and r.get("basis") != "running_total":
        start = plan_start(r["doc_id"])
        n = int(r["target_year"]) - start + 1
        basis = "" if r.get("basis") == "period_total" else " (basis ambiguous: total over the plan period or running total?)"
        per_year = fmt_value(r["value"] / n, r["unit"])   # the tables' unit style: 8.75亿元, not 875,000,000 yuan
        return "period_total", f"total over {start}–{r['target_year']}{basis}: implies {per_year} a year on average; not a level"
    if found is None:
        if r.get("basis") == "running_total":
            return "no_start_stock", "running total (累计达): needs the stock at the plan's start, and none is stated or observed"
        return "no_baseline", "no baseline stated in the document, and no cited observation within a year of the plan's base date"
    return "", ""


_TARGET_FIELDS = ("target_id", "doc_id", "indicator", "indicator_zh", "measure", "basis", "comparator", "unit",
                  "target_year", "commitment")
_COLUMNS = [*_TARGET_FIELDS, "target_value_high", "baseline_year", "baseline_date", "baseline_value", "baseline_source", "baseline_kind",
            "target_value", "target_level", "years", "required_cagr", "required_linear_increase",
            "implied_annual_average", "computable", "reason", "reason_code"]


def _trajectory_row(r: pd.Series, base, extra, obs) -> dict:
    """One target's row of :func:`trajectories`: its baseline, and what it implies."""
    out = {k: r.get(k, pd.NA) for k in _TARGET_FIELDS}
    out.update(baseline_year=pd.NA, baseline_date=pd.NA, baseline_value=np.nan, baseline_source=pd.NA,
               baseline_kind=pd.NA, target_value=r["value"], target_value_high=r.get("value_high", np.nan),
               target_level=np.nan, years=np.nan,
               required_cagr=np.nan, required_linear_increase=np.nan, implied_annual_average=np.nan,
               computable=False, reason="", reason_code="")
    found = None if r["comparator"] == "qualitative" else baseline_for(r, base, extra, obs)
    out["reason_code"], out["reason"] = _unprojectable(r, found)
    if r["measure"] == "cumulative" and r.get("basis") != "running_total" and pd.notna(r["value"]):
        out["implied_annual_average"] = r["value"] / (int(r["target_year"]) - plan_start(r["doc_id"]) + 1)
    elif r["measure"] == "growth_rate" and pd.notna(r["value"]):
        out["required_cagr"] = r["value"] / 100
    if found is not None and out["reason"] == "":
        _project(out, r, found)
    return out


def trajectories(doc_id: str | None = None, baselines: pd.DataFrame | None = None,
                 observations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Implied growth for every target: one row per distinct target.

    A target's baseline is, in order: the value the document states (its target row, a table
    restatement, ``baselines.csv``); a value passed in ``baselines`` (columns ``indicator``,
    ``year``, ``value``, and ``doc_id`` unless ``doc_id`` is given); else the cited observation
    (default: ``data/observations.csv``) of the same place and indicator nearest to the plan's base
    date, within :data:`BASELINE_WINDOW_DAYS` (a stock, or a whole-year flow).  ``baseline_kind``
    says which (stated / passed in / observed), ``baseline_source`` where it comes from (the
    document's row, or the observation's URL).  Levels (stocks, annual flows, intensities, running
    totals) get a required CAGR and linear increase over the years from the baseline date to the end
    of the target year; growth-rate targets keep their rate and get the level it implies;
    plan-period totals (累计, ``basis`` period_total) get the annual average they imply; shares,
    scores and qualitative targets are not projected (``computable`` False, ``reason`` says why in
    English, ``reason_code`` names the case: ``no_baseline``, ``period_total``, ``bounded`` …).

    Parameters
    ----------
    doc_id : str, optional
        One document (default: all).
    baselines : DataFrame, optional
        Baselines passed in, as above.
    observations : DataFrame, optional
        Observations (default: ``data/observations.csv``).

    Returns
    -------
    DataFrame
        One row per distinct target.

    >>> tr = trajectories("ordos_2022").set_index("indicator")
    >>> round(float(tr.loc["geographical_indications", "required_cagr"]), 4)
    0.0546
    >>> g = trajectories("guiyang_2022").set_index("target_id")
    >>> float(g.loc["GY-02", "baseline_value"]), g.loc["GY-02", "baseline_date"], g.loc["GY-02", "baseline_kind"]
    (3094.0, '2022-08-15', 'observed')
    """
    from ..data.observations import load_observations
    from ..data.sources import check_doc_id

    t = canonical_targets()
    if doc_id is not None:
        check_doc_id(doc_id)
        t = t[t["doc_id"] == doc_id].reset_index(drop=True)
    base = _load_baselines()
    extra = None if baselines is None else keyed_baselines(baselines, doc_id)
    obs = load_observations() if observations is None else observations
    if len(obs) and "end" not in obs:
        obs = load_observations(obs)
    df = pd.DataFrame([_trajectory_row(r, base, extra, obs) for _, r in t.iterrows()], columns=_COLUMNS)
    for col in ("baseline_year", "target_year"):
        df[col] = df[col].astype("Int64")
    for col in ("baseline_value", "target_value", "target_value_high", "target_level", "years", "required_cagr",
                "required_linear_increase", "implied_annual_average"):
        df[col] = df[col].astype("float64")
    df["computable"] = df["computable"].astype(bool)
    df.insert(df.columns.get_loc("unit") + 1, "level_unit", df["indicator"].map(
        dict(zip(indicators()["key"], indicators()["base_unit"]))).fillna(df["unit"]))
    return df


def history(doc_id: str, indicator: str, measure: str) -> pd.DataFrame:
    """The document's own stated series for one indicator (``year``, ``value``), oldest first.

    Parameters
    ----------
    doc_id, indicator, measure : str
        The document, and the indicator and measure of the series.

    Returns
    -------
    DataFrame
    """
    b = _load_baselines()
    ok = STATED_COMPATIBLE.get(measure, (measure,))
    h = b[(b["doc_id"] == doc_id) & (b["indicator"] == indicator) & b["value"].notna() & b["measure"].isin(ok)]
    h = h[h["period_start"].isna()] if "period_start" in h else h
    return h.sort_values("year")[["year", "value"]].drop_duplicates("year", keep="last").reset_index(drop=True)


def trajectory(target_id: str, method: str = "compound", observations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Year-by-year series for one target, long format (``year``, ``series``, ``value``).

    ``series`` is ``history`` (values the document states), ``plan path`` (baseline →
    target by ``method``), ``past growth continued`` (the historical CAGR carried from the
    last historical year to the target year, where the document gives two or more past
    values) and ``observed`` (rows of ``observations`` for the same indicator and document).

    Parameters
    ----------
    target_id : str
        The target.
    method : str
        ``"compound"`` or ``"linear"`` plan path.
    observations : DataFrame, optional
        Observed rows to add.

    Returns
    -------
    DataFrame

    >>> tr = trajectory("OR-01")
    >>> sorted(tr["series"].unique())
    ['history', 'past growth continued', 'plan path']
    >>> round(tr.query("series == 'past growth continued' and year == 2025")["value"].item())
    13730
    """
    check_method(method)
    all_t = _load_targets()
    if target_id not in set(all_t["target_id"]):
        raise UnknownTargetError(f"unknown target_id {target_id!r}; valid ids look like: {', '.join(all_t['target_id'].head(5))} …")
    dup = all_t.set_index("target_id").loc[target_id, "duplicate_of"]
    canonical = dup if pd.notna(dup) else target_id
    doc_id = all_t.set_index("target_id").loc[canonical, "doc_id"]
    tr = trajectories(doc_id).set_index("target_id").loc[canonical]
    frames = []
    hist = history(tr["doc_id"], tr["indicator"], tr["measure"])
    if not hist.empty:
        frames.append(hist.assign(series="history"))
    if tr["computable"]:
        p = path(tr["baseline_value"], tr["target_level"], int(tr["baseline_year"]), int(tr["target_year"]), method)
        frames.append(p.assign(series="plan path"))
    if len(hist) >= 2:
        first, last = hist.iloc[0], hist.iloc[-1]
        g = cagr(first["value"], last["value"], int(last["year"] - first["year"]))
        years = np.arange(int(last["year"]), int(tr["target_year"]) + 1)
        frames.append(pd.DataFrame({"year": years, "value": last["value"] * (1 + g) ** (years - last["year"]),
                                    "series": "past growth continued"}))
    if observations is not None and len(observations):
        frames.append(_observed_years(observations, tr))
    if not frames:
        return pd.DataFrame({"year": pd.Series(dtype="int64"), "value": pd.Series(dtype="float64"),
                             "series": pd.Series(dtype="string")})
    out = pd.concat(frames, ignore_index=True)
    out["year"] = out["year"].astype("int64")
    out["value"] = out["value"].astype("float64")
    out.insert(0, "target_id", canonical)
    return out[["target_id", "year", "series", "value"]]



def _observed_years(observations: pd.DataFrame, tr: pd.Series) -> pd.DataFrame:
    """Cited observations of the target's place and indicator that read as a value for a year: a
    stock at its date, a flow over a whole calendar year (a partial year is not a year's value)."""
    from ..data.observations import load_observations

    o = observations if "end" in observations else load_observations(observations)
    o = o[(o["doc_id"] == tr["doc_id"]) & (o["indicator"] == tr["indicator"])]
    o = o[(o["measure"] != "flow") | (o["days"] >= 365)]
    return pd.DataFrame({"year": o["end"].dt.year, "value": o["value"], "series": "observed"})


def historical_growth(doc_id: str) -> pd.DataFrame:
    """The growth each indicator shows in the document's own stated history.

    One row per indicator with two or more dated values (period totals excluded): first and
    last year and value, and their CAGR as a fraction (``historical_cagr``).

    >>> h = historical_growth("ordos_2022").set_index("indicator")
    >>> round(float(h.loc["patent_grants_annual", "historical_cagr"]), 3)
    0.38
    """
    b = _load_baselines()
    b = b[(b["doc_id"] == doc_id) & b["value"].notna() & b["period_start"].isna()]
    rows = []
    for (key, measure), g in b.groupby(["indicator", "measure"], sort=True):
        g = g.sort_values("year").drop_duplicates("year", keep="last")
        if len(g) < 2:
            continue
        first, last = g.iloc[0], g.iloc[-1]
        rows.append({"indicator": key, "measure": measure, "start_year": int(first["year"]),
                     "start_value": float(first["value"]), "end_year": int(last["year"]),
                     "end_value": float(last["value"]),
                     "historical_cagr": cagr(first["value"], last["value"], int(last["year"] - first["year"]))})
    cols = ["indicator", "measure", "start_year", "start_value", "end_year", "end_value", "historical_cagr"]
    return pd.DataFrame(rows, columns=cols)


def plan_paths(doc_id: str, method: str = "compound") -> pd.DataFrame:
    """Year-by-year plan paths of every projectable target of a document: one column per
    target (``target_id``), one row per year from the baseline to the target year.

    >>> p = plan_paths("ordos_2022", method="linear")
    >>> round(float(p.loc[2023, "OR-03"]), 3)
    1.572
    """
    tr = trajectories(doc_id)
    ok = tr[tr["computable"]]
    if ok.empty:
        return pd.DataFrame(index=pd.Index([], name="year", dtype="int64"))
    frames = [path(r["baseline_value"], r["target_level"], int(r["baseline_year"]), int(r["target_year"]), method)
              .assign(target_id=r["target_id"]) for _, r in ok.iterrows()]
    wide = pd.concat(frames).pivot(index="year", columns="target_id", values="value")
    wide.columns.name = "target_id"
    return wide
