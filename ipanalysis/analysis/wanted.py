"""Data wanted: the figures that would settle the local plans' targets that have no verdict yet.

:func:`wanted` writes, in ``data/observations.csv``'s columns, one row per targeted indicator and period
a figure is missing for: indicator, place, doc_id, period, measure, unit (the catalogue's base unit),
scope (the plan's level) and qualifier ``=`` filled in; ``value``, ``value_text`` and every ``source_*``
cell blank for the sender; ``note`` saying which targets the row settles, why that period, and what
``data/search_logs/`` says was already searched.  Filled in and checked (``ipanalysis check
--observations``), the rows go into an observations file as they are: blank rows are skipped.

**Which targets.** Every target of a local plan (not the national plan) whose attainment status, on the
observations up to the cut, is :data:`~ipanalysis.analysis.attainment.NO_DATA`, ``NOT_ASSESSABLE`` or
``DISTANCE_ONLY`` — no figure, or none after its baseline — except qualitative targets, which no figure
settles.  :func:`wanted_rows` does it for an attainment frame already computed (the site's data-wanted page
passes the one its progress grid and landing cards show).

**Which periods** (the *cut* is ``as_of``, default today; its *latest full year* is the last calendar
year that had ended by then):

* the **target year**, when it has ended by the cut: a figure for it gives ``met`` or ``missed``;
* else the **latest full year**: it shows progress (the target year is wanted once it is over);
* the plan's **base date** (31 December before its first year) too, when the target states no baseline
  and is a growth rate or not yet due: progress and growth are measured from it.

A stock or intensity is wanted at 31 December of the year; a flow, share, score or rate for the whole
calendar year; a plan-period total (累计) from 1 January of the plan's first year.  Each row is tried:
filled with a placeholder and passed to :func:`~ipanalysis.analysis.attainment.attainment`; a row that
would still leave its target without a verdict says so in its note, with attainment's reason.

>>> w = wanted("guiyang_2022", as_of="2026-12-06")
>>> w.loc[w["indicator"] == "high_value_invention_patents", ["period_start", "period_end", "measure", "unit"]].values.tolist()
[[nan, '2025-12-31', 'stock', '件']]
>>> bool(w["value"].isna().all()), list(w.columns) == list(COLUMNS)
(True, True)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..data import documents, indicators, read_table, targets
from ..data.observations import POINT_MEASURES, load_observations
from ..data.schemas import SCHEMAS
from ..data.search_logs import searches
from ..data.sources import data_dir, doc_ids
from ..errors import ParameterError, UnknownDocumentError
from ..parameters import parse_as_of
from .attainment import DISTANCE_ONLY, NO_DATA, NOT_ASSESSABLE, attainment
from .baselines import base_date

__all__ = ["wanted", "wanted_rows", "latest_full_year", "local_doc_ids", "COLUMNS", "NO_VERDICT"]

#: The columns of ``data/observations.csv``, in its order.
COLUMNS = tuple(SCHEMAS["observations"])
#: Attainment statuses that are not a verdict: a wanted row is written for these.
NO_VERDICT = (NO_DATA, NOT_ASSESSABLE, DISTANCE_ONLY)


def latest_full_year(as_of: str | int | None = None) -> int:
    """The last calendar year that had ended by ``as_of`` (a date or a year; default: today).

    >>> latest_full_year("2026-12-06"), latest_full_year("2025-12-31"), latest_full_year(2025)
    (2025, 2025, 2025)
    """
    cut = parse_as_of(as_of) if as_of is not None else pd.Timestamp.today().normalize()
    return (cut + pd.Timedelta(days=1)).year - 1


def local_doc_ids() -> list[str]:
    """The documents :func:`wanted` covers: every plan below the national level.

    >>> local_doc_ids()
    ['cangshan_2013', 'guiyang_2022', 'nanchang_2021', 'ordos_2022']
    """
    docs = documents()
    return sorted(docs.loc[docs["admin_level"] != "national", "doc_id"])


def _periods(t, cut: int) -> list[tuple[int, bool, str]]:
    """(year, is the base date, why) for each period a target wants."""
    ty, out = int(t["target_year"]), []
    undue = ty > cut
    if pd.isna(t["baseline_value"]) and t["measure"] not in ("cumulative", "share", "score") \
            and (t["measure"] == "growth_rate" or undue):
        day = base_date(t["doc_id"]).date().isoformat()
        out.append((int(day[:4]), True, f"the plan's base date {day}: the plan states no baseline, and progress "
                    "is measured from it"))
    if undue:
        out.append((cut, False, f"{cut}, the latest full year before the cut: shows progress (the target year {ty} is "
                    "wanted once it is over)"))
    else:
        out.append((ty, False, f"the target year {ty}: a figure for it gives met or missed"))
    return out


def _period(measure: str, target_measure: str, year: int, plan_start: int, base: bool) -> tuple[str, str]:
    """(period_start, period_end) of a wanted figure: a point at 31 December, else a whole calendar year, or
    the plan's years for a plan-period total."""
    if measure in POINT_MEASURES:
        return "", f"{year}-12-31"
    first = plan_start if target_measure == "cumulative" and not base else year
    return f"{first}-01-01", f"{year}-12-31"


def _searched(doc_id: str, place: str, terms: list[str]) -> str:
    logs = searches(doc_id)
    if not logs:
        return f"Not yet searched: no log in data/search_logs/ names {doc_id}."
    where = ", ".join(f"{s.pass_name} (search_logs/{s.file})" for s in logs)
    named = [s.pass_name for s in logs if s.mentions(terms)]
    said = f"the indicator is named in {', '.join(named)}" if named else "no log names this indicator"
    return f"Already searched for {place}: {where}; {said}."


def _rows(a: pd.DataFrame, cut: int) -> list[dict]:
    docs = documents().set_index("doc_id")
    cat = indicators().set_index("key")
    tt = targets().set_index("target_id")
    rows = []
    for order, t in enumerate(a.itertuples(index=False)):
        t = t._asdict()
        d, k, tgt = docs.loc[t["doc_id"]], cat.loc[t["indicator"]], tt.loc[t["target_id"]]
        measure = "running_total" if t["basis"] == "running_total" and k["measure"] == "flow" else k["measure"]
        found = (f"the latest {d['place_zh']} figure found is of {t['obs_period_end']}, none after it"
                 if pd.notna(t["obs_period_end"]) else f"no {d['place_zh']} figure of it was found")
        terms = [t["target_id"], tgt["indicator_zh"], k["name_zh"]]
        goal = tgt["value_text"] if pd.notna(tgt["value_text"]) else t["target_value"]
        for year, base, why in _periods(t, cut):
            start, end = _period(measure, t["measure"], year, int(d["plan_start_year"]), base)
            rows.append({"order": order, "target_id": t["target_id"], "why": why, "found": found,
                         "searched": _searched(t["doc_id"], d["place_zh"], terms),
                         "what": f"{t['target_id']} {tgt['indicator_zh']} ({goal} by {int(t['target_year'])}; "
                                 f"now: {t['status']})",
                         "doc_id": t["doc_id"], "place": d["place_zh"], "indicator": t["indicator"],
                         "period_start": start, "period_end": end, "unit": k["base_unit"], "measure": measure,
                         "qualifier": "=", "scope": d["admin_level"]})
    return rows


def _unsettled(frame: pd.DataFrame, observations, as_of, doc_id: str | None) -> dict[str, str]:
    """Target id → attainment's reason, for targets the rows leave without a verdict once filled
    (each filled with the placeholder 1, in a file marked illustrative so no source is needed)."""
    probe = frame.assign(value="1", value_text="1", source_title="placeholder", source_publisher="placeholder",
                         source_date="", source_url="placeholder", source_quote="1", note="undated placeholder")
    real = read_table(observations) if observations is not None else read_table(data_dir() / "observations.csv")
    both = pd.concat([real.astype("string"), probe[list(COLUMNS)].astype("string")], ignore_index=True)
    both = both.drop_duplicates(["doc_id", "place", "indicator", "period_start", "period_end"], keep="first")
    obs = load_observations(both.replace("", pd.NA), name="wanted placeholder probe", illustrative=True)
    a = attainment(obs, as_of=as_of, doc_id=doc_id)
    left = a[a["status"].isin(NO_VERDICT)]
    return dict(zip(left["target_id"], left["comment"]))


def wanted(doc_id: str | None = None, as_of: str | int | None = None,
           observations: str | Path | None = None) -> pd.DataFrame:
    """The wanted rows of one local plan (``doc_id``) or of all of them, in ``data/observations.csv``'s
    columns, ordered by document, target and period; ``as_of`` is the cut (default: today): the verdicts
    use the observations up to it, as ``attainment(as_of=...)`` does, and its latest full year is the
    progress year; ``observations`` is the file the verdicts come from (default: ``data/observations.csv``).
    The rows are :func:`wanted_rows` of that attainment frame.

    Parameters
    ----------
    doc_id : str, optional
        One local plan (default: all).
    as_of : str or int, optional
        The data cut.
    observations : str or Path, optional
        The observations file.

    Returns
    -------
    DataFrame

    >>> w = wanted("guiyang_2022", as_of="2026-12-06")
    >>> w.iloc[0][["indicator", "period_end", "scope"]].tolist(), sorted(set(w["period_end"]))
    (['ip_protection_satisfaction', '2025-12-31', 'city'], ['2021-12-31', '2023-12-31', '2025-12-31'])
    >>> wanted("national_2015")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ParameterError: national_2015 is the national plan; wanted covers the local plans: cangshan_2013, guiyang_2022, nanchang_2021, ordos_2022
    """
    ids = local_doc_ids()
    if doc_id is not None and doc_id not in ids:
        if doc_id in doc_ids():
            raise ParameterError(f"{doc_id} is the national plan; wanted covers the local plans: {', '.join(ids)}")
        raise UnknownDocumentError(f"unknown doc_id {doc_id!r}; valid: {', '.join(ids)}")
    return wanted_rows(attainment(observations, as_of=as_of, doc_id=doc_id), as_of, observations)


def wanted_rows(a: pd.DataFrame, as_of: str | int | None = None,
                observations: str | Path | None = None) -> pd.DataFrame:
    """The wanted rows of an attainment frame already computed (:func:`wanted` without computing it):
    ``a`` is :func:`~ipanalysis.analysis.attainment.attainment`'s frame of one document or of all,
    computed with this ``as_of`` and ``observations`` (the rows' periods and their notes' reasons use
    the same; its national plan's rows are left out).

    Parameters
    ----------
    a : DataFrame
        Attainment's frame, computed with ``as_of`` and ``observations``.
    as_of : str or int, optional
        The data cut the frame was computed with (default: today).
    observations : str or Path, optional
        The observations file it was computed with (default: ``data/observations.csv``).

    Returns
    -------
    DataFrame

    >>> a = attainment(doc_id="nanchang_2021", as_of="2026-12-06")
    >>> w = wanted_rows(a, as_of="2026-12-06")
    >>> len(w), w.equals(wanted("nanchang_2021", as_of="2026-12-06"))
    (6, True)
    """
    ids = local_doc_ids()
    docs = sorted(set(a["doc_id"])) if len(a) else []
    cut = latest_full_year(as_of)
    a = a[a["doc_id"].isin(ids) & a["status"].isin(NO_VERDICT) & (a["comparator"] != "qualitative")]
    rows = pd.DataFrame(_rows(a.reset_index(drop=True), cut), columns=["order", "target_id", "why", "found", "searched",
                                                                       "what", *COLUMNS])
    key = ["doc_id", "indicator", "measure", "period_start", "period_end"]
    if rows.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    unsettled = _unsettled(rows.drop_duplicates(key), observations, as_of, docs[0] if len(docs) == 1 else None)
    out = []
    for _, g in rows.groupby(key, sort=False):
        first = g.iloc[0].to_dict()
        ids_ = list(dict.fromkeys(g["target_id"]))
        left = [f"{i} (attainment, given this row filled, still says: {unsettled[i]})" for i in ids_ if i in unsettled]
        caveat = f" With the current methods this row alone does not settle {'; '.join(left)}." if left else ""
        first["note"] = (f"WANTED for {'; '.join(dict.fromkeys(g['what']))}. Period: {first['why']}. "
                         f"{first['searched']} So far {first['found']}.{caveat}")
        out.append(first)
    frame = pd.DataFrame(out).sort_values(["doc_id", "order", "period_end"], kind="stable")
    frame = frame.reindex(columns=list(COLUMNS))
    for col in ("period_start", "period_end"):
        frame[col] = frame[col].replace("", pd.NA)
    return frame.reset_index(drop=True)
