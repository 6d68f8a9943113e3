"""Trajectories: the growth a target implies, year-by-year paths, and what past growth would give.

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

from .data import baselines as _load_baselines
from .data import targets as _load_targets

__all__ = ["cagr", "linear_increase", "path", "trajectories", "trajectory", "canonical_targets", "historical_growth",
           "plan_paths", "METHODS"]

METHODS = ("compound", "linear")
LEVEL_MEASURES = ("stock", "level", "annual_flow", "intensity")
_COMPATIBLE = {  # target measure → baseline measures that state the same kind of quantity
    "stock": ("stock", "level"), "level": ("stock", "level"), "intensity": ("intensity", "stock", "level"),
    "annual_flow": ("annual_flow",), "growth_rate": ("annual_flow", "stock", "level", "intensity"),
}


def cagr(start: float, end: float, years: float) -> float:
    """Compound annual growth rate, as a fraction: ``(end / start) ** (1 / years) - 1``.

    >>> round(cagr(867, 9742, 5), 3)
    0.622
    >>> cagr(0, 10, 5)
    Traceback (most recent call last):
    ...
    ValueError: cagr needs positive start and end values, got start=0, end=10
    """
    if years is None or not years > 0:
        raise ValueError(f"cagr needs years > 0, got years={years}")
    if not (start > 0 and end > 0):
        raise ValueError(f"cagr needs positive start and end values, got start={start}, end={end}")
    return (end / start) ** (1.0 / years) - 1.0


def linear_increase(start: float, end: float, years: float) -> float:
    """Equal absolute increase per year that closes the gap in ``years``.

    >>> linear_increase(48, 96, 5)
    9.6
    """
    if years is None or not years > 0:
        raise ValueError(f"linear_increase needs years > 0, got years={years}")
    return round((end - start) / years, 12)


def path(start: float, end: float, start_year: int, end_year: int, method: str = "compound") -> pd.DataFrame:
    """Year-by-year values from ``start`` (in ``start_year``) to ``end`` (in ``end_year``).

    >>> path(100, 121, 2020, 2022)["value"].round(6).tolist()
    [100.0, 110.0, 121.0]
    >>> path(100, 120, 2020, 2022, method="linear")["value"].tolist()
    [100.0, 110.0, 120.0]
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; valid: {', '.join(METHODS)}")
    years = np.arange(start_year, end_year + 1)
    n = end_year - start_year
    t = years - start_year
    if method == "compound":
        values = start * (1 + cagr(start, end, n)) ** t
    else:
        values = start + (end - start) * t / n
    return pd.DataFrame({"year": years, "value": values.astype(float)})


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


def _find_baseline(row, base: pd.DataFrame) -> tuple[float, int, str] | None:
    ok = _COMPATIBLE.get(row["measure"])
    if not ok:
        return None
    cand = base[(base["indicator"] == row["indicator"]) & base["value"].notna()
                & (base["year"] < row["target_year"]) & base["measure"].isin(ok)]
    if "doc_id" in cand and pd.notna(row["doc_id"]):
        cand = cand[cand["doc_id"] == row["doc_id"]]
    if cand.empty:
        return None
    last = cand.sort_values("year").iloc[-1]
    label = f"baselines {last['baseline_id']}" if "baseline_id" in last and pd.notna(last.get("baseline_id")) else "passed in"
    return float(last["value"]), int(last["year"]), label


def _plan_years(doc_id: str) -> int | None:
    from .data import documents
    d = documents().set_index("doc_id")
    return int(d.loc[doc_id, "plan_start_year"]) if doc_id in d.index else None


def trajectories(doc_id: str | None = None, baselines: pd.DataFrame | None = None) -> pd.DataFrame:
    """Implied growth for every target: one row per distinct target.

    A target's baseline is, in order: the value the target row (or its restatement in a
    table) states; a value passed in ``baselines`` (columns ``indicator``, ``year``,
    ``value``, optionally ``doc_id``, ``measure``); the latest compatible value in
    ``baselines.csv`` for the same document and indicator.  Levels (stocks, annual flows,
    intensities) get a required CAGR and linear increase; growth-rate targets keep their
    rate and get the level it implies; period-cumulative targets get the annual average
    they imply; shares, scores, increments and qualitative targets are not projected
    (``computable`` is False and ``reason`` says why).

    >>> tr = trajectories("ordos_2022").set_index("indicator")
    >>> round(float(tr.loc["geographical_indications", "required_cagr"]), 4)
    0.0546
    """
    t = canonical_targets()
    if doc_id is not None:
        from .sources import check_doc_id
        check_doc_id(doc_id)
        t = t[t["doc_id"] == doc_id].reset_index(drop=True)
    base = _load_baselines()
    if baselines is not None:
        extra = baselines.copy()
        if "measure" not in extra:
            extra["measure"] = pd.NA
        extra["baseline_id"] = pd.NA
        base_extra = extra
    rows = []
    for _, r in t.iterrows():
        out = {k: r[k] for k in ("target_id", "doc_id", "indicator", "indicator_zh", "measure", "comparator",
                                 "unit", "target_year", "commitment")}
        out.update(baseline_year=pd.NA, baseline_value=np.nan, baseline_source=pd.NA, target_value=r["value"],
                   target_level=np.nan, years=pd.NA, required_cagr=np.nan, required_linear_increase=np.nan,
                   implied_annual_average=np.nan, computable=False, reason="")
        found = None
        if pd.notna(r["baseline_value"]):
            found = (float(r["baseline_value"]), int(r["baseline_year"]), r["baseline_from"])
        elif baselines is not None:
            cand = base_extra.copy()
            cand["measure"] = cand["measure"].fillna(r["measure"] if r["measure"] != "growth_rate" else "stock")
            found = _find_baseline(r, cand)
        if found is None:
            found = _find_baseline(r, base)
        m = r["measure"]
        if r["comparator"] == "qualitative" or pd.isna(r["value"]):
            out["reason"] = "qualitative target (no number to project)"
        elif m in ("share", "score"):
            out["reason"] = f"a {m}: bounded measure, reported as a level, not projected"
        elif m == "increment":
            out["reason"] = "stated as an increase; no stated base level to add it to" if found is None else ""
        elif m == "cumulative":
            start = _plan_years(r["doc_id"]) or r["target_year"]
            n = int(r["target_year"]) - int(start) + 1
            out.update(years=n, implied_annual_average=r["value"] / n,
                       reason=f"cumulative over {start}–{r['target_year']}: implies {r['value'] / n:,.4g} a year on average; not a level")
        elif found is None:
            if m == "growth_rate":
                out["required_cagr"] = r["value"] / 100
            out["reason"] = "no baseline stated in the document or in baselines.csv"
        if found is not None:
            bv, by, src = found
            out.update(baseline_value=bv, baseline_year=by, baseline_source=src)
            n = int(r["target_year"]) - by
            if n <= 0:
                out["reason"] = f"baseline year {by} is not before target year {r['target_year']}"
            elif m == "growth_rate":
                g = r["value"] / 100
                level = bv * (1 + g) ** n
                out.update(years=n, required_cagr=g, target_level=level,
                           required_linear_increase=linear_increase(bv, level, n), computable=True, reason="")
            elif m == "increment":
                level = bv + r["value"]
                out.update(years=n, target_level=level, required_cagr=cagr(bv, level, n),
                           required_linear_increase=linear_increase(bv, level, n), computable=True, reason="")
            elif m in LEVEL_MEASURES and out["reason"] == "":
                if bv > 0 and r["value"] > 0:
                    out.update(years=n, target_level=r["value"], required_cagr=cagr(bv, r["value"], n),
                               required_linear_increase=linear_increase(bv, r["value"], n), computable=True)
                else:
                    out["reason"] = "non-positive baseline or target: growth rate undefined"
        rows.append(out)
    df = pd.DataFrame(rows)
    for col in ("baseline_year", "target_year", "years"):
        df[col] = df[col].astype("Int64")
    for col in ("baseline_value", "target_value", "target_level", "required_cagr", "required_linear_increase",
                "implied_annual_average"):
        df[col] = df[col].astype("float64")
    df["computable"] = df["computable"].astype(bool)
    return df


def history(doc_id: str, indicator: str, measure: str) -> pd.DataFrame:
    """The document's own stated series for one indicator (``year``, ``value``), oldest first."""
    b = _load_baselines()
    ok = _COMPATIBLE.get(measure, (measure,))
    h = b[(b["doc_id"] == doc_id) & (b["indicator"] == indicator) & b["value"].notna() & b["measure"].isin(ok)]
    h = h[h["period_start"].isna()] if "period_start" in h else h
    return h.sort_values("year")[["year", "value"]].drop_duplicates("year", keep="last").reset_index(drop=True)


def trajectory(target_id: str, method: str = "compound", observations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Year-by-year series for one target, long format (``year``, ``series``, ``value``).

    ``series`` is ``history`` (values the document states), ``plan path`` (baseline →
    target by ``method``), ``past growth continued`` (the historical CAGR carried from the
    last historical year to the target year, where the document gives two or more past
    values) and ``observed`` (rows of ``observations`` for the same indicator and document).

    >>> tr = trajectory("OR-01")
    >>> sorted(tr["series"].unique())
    ['history', 'past growth continued', 'plan path']
    >>> round(tr.query("series == 'past growth continued' and year == 2025")["value"].item())
    13730
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; valid: {', '.join(METHODS)}")
    all_t = _load_targets()
    if target_id not in set(all_t["target_id"]):
        raise KeyError(f"unknown target_id {target_id!r}; valid ids look like: {', '.join(all_t['target_id'].head(5))} …")
    dup = all_t.set_index("target_id").loc[target_id, "duplicate_of"]
    canonical = dup if pd.notna(dup) else target_id
    tr = trajectories().set_index("target_id").loc[canonical]
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
        o = observations[observations["indicator"] == tr["indicator"]]
        if "doc_id" in o:
            o = o[o["doc_id"] == tr["doc_id"]]
        if len(o):
            frames.append(o[["year", "value"]].assign(series="observed"))
    if not frames:
        return pd.DataFrame({"year": pd.Series(dtype="int64"), "value": pd.Series(dtype="float64"),
                             "series": pd.Series(dtype="string")})
    out = pd.concat(frames, ignore_index=True)
    out["year"] = out["year"].astype("int64")
    out["value"] = out["value"].astype("float64")
    out.insert(0, "target_id", canonical)
    return out[["target_id", "year", "series", "value"]]



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
