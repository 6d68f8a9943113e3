"""Observed values from outside the five documents: loading and validation.

One row per figure a public source states for a place: the indicator (a catalogue key), the
period it covers, the value in the catalogue's base unit, and the source (title, publisher, date,
URL and the verbatim sentence).  Periods follow one rule:

* a **flow** (授权量, 申请量, 融资金额 …) is counted over ``[period_start, period_end]``, so
  "2024年1-9月" is ``2024-01-01 … 2024-09-30`` and is never read as a full year;
* a **stock** or intensity (拥有量, 有效…, 每万人口…) is measured at ``period_end`` and leaves
  ``period_start`` empty;
* shares, scores and rates may give either.

``scope`` says what the figure is about (city, district, province …): only figures about a
document's own place (``doc_id`` set, scope equal to the document's ``admin_level``) count for
its targets; other rows are context.

``data/observations.csv`` holds real, cited figures; ``data/examples/illustrative_observations.csv``
holds INVENTED values for demonstrating the methods and is labelled illustrative wherever shown.

>>> obs = real_observations()
>>> bool(obs["illustrative"].any()), bool(obs["source_url"].str.startswith("http").all())
(False, True)
>>> row = obs[(obs.indicator == "patent_grants_annual") & (obs.period_end == "2024-09-30")].iloc[0]
>>> row["doc_id"], row["period_start"], float(row["value"]), int(row["days"])
('ordos_2022', '2024-01-01', 3398.0, 274)
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .loaders import documents, indicators, read_table
from .schemas import SCHEMAS, DataValidationError, Problem, validate_frame
from .sources import data_dir
from ..text import normalize
from ..units import UnitError, parse_quantity
from ..errors import DataFileNotFoundError
from .urls import is_web_url

__all__ = ["load_observations", "check_observations", "blank_rows", "real_observations", "illustrative_observations",
           "observed_quantity", "REQUIRED_COLUMNS", "FILLED_COLUMNS", "FLOW", "RUNNING_TOTAL", "POINT_MEASURES"]

REQUIRED_COLUMNS = ("indicator", "period_end", "value", "unit", "measure", "source_title", "source_publisher",
                    "source_url")
FLOW = "flow"
RUNNING_TOTAL = "running_total"  # a flow counted from an unstated start up to a date (累计获得…)
POINT_MEASURES = ("stock", "intensity", RUNNING_TOTAL)  # measured at a date: no period_start
#: The cells a wanted row (``ipanalysis wanted``) leaves blank for the sender to fill: a row with every
#: one of them empty is a blank wanted row, counted and never used; one filled cell makes it a figure.
FILLED_COLUMNS = ("value", "value_text", "source_title", "source_publisher", "source_date", "source_url",
                  "source_quote")
_UNIT_HINTS = {"亿元": "yuan (1 亿元 = 100000000 yuan)", "万元": "yuan (1 万元 = 10000 yuan)",
               "万件": "件 (1 万件 = 10000 件)", "万人": "人 (1 万人 = 10000 人)"}
_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                      "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SOURCE_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def observed_quantity(value_text: str) -> float:
    """The number a source's ``value_text`` states, in base units (万/萬 ×1e4, 亿/億 ×1e8, thousands
    separators and a leading minus read).

    >>> observed_quantity("3.1219万件"), observed_quantity("1,584件"), observed_quantity("216.84萬人")
    (31219.0, 1584.0, 2168400.0)
    >>> observed_quantity("-11.51%"), observed_quantity("264"), observed_quantity("eight")
    (-11.51, 264.0, 8.0)
    >>> observed_quantity("670 million yuan")
    670000000.0
    """
    text = normalize(str(value_text).strip())  # 萬/億 → 万/亿 (and full-width digits) in the text layer
    if text.lower() in _WORDS:
        return float(_WORDS[text.lower()])
    m = re.fullmatch(r"([\d.]+)\s*(million|billion)(?:\s*yuan)?", text)
    if m:
        return float(m.group(1)) * (1e6 if m.group(2) == "million" else 1e9)
    text = re.sub(r"(?<=\d)[,，](?=\d{3}(?!\d))", "", text)
    sign = -1.0 if re.match(r"^[-−－]\s*\d", text) else 1.0
    text = re.sub(r"^[-−－]\s*", "", text)
    return sign * parse_quantity(text).value


def _legacy_years(df: pd.DataFrame) -> pd.DataFrame:
    """Accept the older ``year`` column as a whole calendar year (flows) or year-end (others)."""
    if "year" not in df.columns:
        return df
    df = df.copy()
    for col in ("period_start", "period_end"):
        if col not in df.columns:
            df[col] = pd.NA
    for i, y in df["year"].items():
        if pd.isna(y) or pd.notna(df.at[i, "period_end"]):
            continue
        df.at[i, "period_end"] = f"{int(y)}-12-31"
        if df.at[i, "measure"] in (FLOW, "annual_flow"):
            df.at[i, "period_start"] = f"{int(y)}-01-01"
    df["measure"] = df["measure"].replace({"annual_flow": FLOW, "level": "stock", "cumulative": FLOW})
    return df.drop(columns=["year"])


def _date(value) -> pd.Timestamp | None:
    if pd.isna(value) or not _DATE.fullmatch(str(value)):
        return None
    try:
        return pd.Timestamp(str(value))
    except ValueError:
        return None


def _last_day(source_date: str) -> pd.Timestamp | None:
    """The last day a ``YYYY-MM-DD`` or ``YYYY-MM`` source date can mean (None if it is no date).

    >>> _last_day("2024-02").date(), _last_day("2024-02-10").date(), _last_day("2024-13")
    (datetime.date(2024, 2, 29), datetime.date(2024, 2, 10), None)
    """
    try:
        day = pd.Timestamp(source_date if len(source_date) > 7 else source_date + "-01")
    except ValueError:
        return None
    return day if len(source_date) > 7 else day + pd.offsets.MonthEnd(0)


def blank_rows(df: pd.DataFrame) -> pd.Series:
    """Which rows are blank wanted rows: every one of :data:`FILLED_COLUMNS` empty.

    >>> blank_rows(pd.DataFrame({"indicator": ["a", "b"], "value": [None, 3.0]})).tolist()
    [True, False]
    """
    cols = [c for c in FILLED_COLUMNS if c in df.columns]
    empty = df[cols].apply(lambda col: col.isna() | (col.astype("string").str.strip() == ""))
    return empty.all(axis=1)


def _row_problems(i: int, row, cat: pd.DataFrame, docs: pd.DataFrame, illustrative: bool) -> list[Problem]:
    """Every rule one row can break on its own (the schema has checked types and allowed values)."""
    line, rid, out = i + 2, f"{row['indicator']} {row['period_end']}", []

    def bad(column: str, message: str) -> None:
        out.append(Problem(line, column, message, rid))

    start, end = _date(row["period_start"]), _date(row["period_end"])
    if end is None:
        bad("period_end", f"{row['period_end']!r} is not a valid ISO date (YYYY-MM-DD)")
    if pd.notna(row["period_start"]) and start is None:
        bad("period_start", f"{row['period_start']!r} is not a valid ISO date (YYYY-MM-DD)")
    if start is not None and end is not None and end < start:
        bad("period_end", f"period_end {row['period_end']} is before period_start {row['period_start']}")
    want = cat.loc[row["indicator"]] if row["indicator"] in cat.index else None
    if want is not None:
        if row["unit"] != want["base_unit"]:
            bad("unit", f"{row['unit']!r} but indicator {row['indicator']!r} is measured in {want['base_unit']!r}")
        if row["measure"] != want["measure"] and not (row["measure"] == RUNNING_TOTAL and want["measure"] == FLOW):
            bad("measure", f"{row['measure']!r} but indicator {row['indicator']!r} is a {want['measure']!r} "
                f"in data/indicators.csv (a running total of a flow, 累计, is {RUNNING_TOTAL!r})")
    if row["measure"] == FLOW and pd.isna(row["period_start"]):
        bad("period_start", "a flow needs the start of the period it is counted over")
    if row["measure"] in POINT_MEASURES and pd.notna(row["period_start"]):
        bad("period_start", f"a {row['measure']} is measured at period_end; leave period_start empty")
    if pd.notna(row["doc_id"]) and row["doc_id"] in docs.index:
        level = docs.loc[row["doc_id"], "admin_level"]
        if row["scope"] != level:
            bad("scope", f"{row['scope']!r} but {row['doc_id']} is a {level} document: only figures about its own "
                "place may carry its doc_id (leave doc_id empty for context rows)")
    if pd.isna(row["doc_id"]) and pd.isna(row["place"]):
        bad("place", "give doc_id or place")
    if illustrative:
        return out
    url = str(row["source_url"])
    if not is_web_url(url):
        bad("source_url", f"{url!r} is not a URL (http or https, with a host): a real observation needs a citable public source (title, "
            "publisher, date, URL); invented values belong in a file whose name contains 'illustrative'")
    if pd.isna(row["source_date"]):
        if "undated" not in str(row["note"]).lower():
            bad("source_date", "missing: give the page's date (YYYY-MM-DD or YYYY-MM), or say in note that the page is undated")
    elif not _SOURCE_DATE.fullmatch(str(row["source_date"])) or _last_day(str(row["source_date"])) is None:
        bad("source_date", f"{row['source_date']!r} is not an ISO date (YYYY-MM-DD or YYYY-MM)")
    elif end is not None and end > _last_day(str(row["source_date"])):
        bad("period_end", f"period_end {row['period_end']} is after source_date {row['source_date']}: a source "
            "cannot state a figure for a period that had not ended when it was published")
    quote, text = row["source_quote"], row["value_text"]
    if pd.isna(quote) or pd.isna(text):
        bad("source_quote" if pd.isna(quote) else "value_text",
            "a real observation needs the verbatim sentence (source_quote) and the number as written (value_text)")
        return out
    if text not in quote:
        bad("value_text", f"{text!r} is not part of source_quote")
    try:
        stated = observed_quantity(text)
    except UnitError as err:
        bad("value_text", str(err))
        return out
    if abs(stated - row["value"]) > 1e-9 * max(1.0, abs(stated)):
        hint = " (write it in base units: 万 ×1e4, 亿 ×1e8, 亿元 → yuan)" if stated and row["value"] \
            and round(stated / row["value"]) in (10_000, 100_000_000) else ""
        bad("value", f"{row['value']!r} but value_text {text!r} states {stated!r}{hint}")
    return out


def _resolve_places(df: pd.DataFrame, docs: pd.DataFrame) -> None:
    """Fill ``doc_id`` where ``place`` (zh or en) at the row's ``scope`` is a document's own place."""
    places = {}
    for doc_id, d in docs.iterrows():
        places[(d["place_zh"], d["admin_level"])] = places[(d["place_en"], d["admin_level"])] = doc_id
    for i, row in df.iterrows():
        if pd.isna(row["doc_id"]) and (row["place"], row["scope"]) in places:
            df.at[i, "doc_id"] = places[(row["place"], row["scope"])]


def _duplicate_problems(df: pd.DataFrame) -> list[Problem]:
    """A second row for the same place, indicator and period."""
    who = df["doc_id"].fillna(df["place"])
    dup = pd.DataFrame({"w": who, "i": df["indicator"], "s": df["period_start"].fillna(""),
                        "e": df["period_end"]}).duplicated(keep="first")
    return [Problem(i + 2, "period_end", f"duplicate observation for ({who[i]}, {df.at[i, 'indicator']}, "
                    f"{df.at[i, 'period_start']}…{df.at[i, 'period_end']})") for i in df.index[dup]]


def _read(source, name: str | None) -> tuple[pd.DataFrame, str]:
    """The observations as strings in the schema's columns (defaults for the optional ones), and
    the label that error messages use."""
    if source is None:
        source, name = data_dir() / "observations.csv", name or "data/observations.csv"
    if isinstance(source, pd.DataFrame):
        df, label = source.astype("string").copy(), name or "observations (DataFrame)"
    else:
        path = Path(source)
        if not path.is_file():
            raise DataFileNotFoundError(f"observations file not found: {path}")
        df, label = read_table(path), name or str(path)
    df = _legacy_years(df)
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        raise DataValidationError(label, [Problem(None, c, "column is missing") for c in missing])
    for col in SCHEMAS["observations"]:
        if col not in df.columns:
            df[col] = "city" if col == "scope" else "=" if col == "qualifier" else pd.NA
    return df[list(SCHEMAS["observations"])], label


def load_observations(source: str | Path | pd.DataFrame | None = None, name: str | None = None,
                      illustrative: bool | None = None) -> pd.DataFrame:
    """Read and validate observations from a CSV path or a DataFrame (default: ``data/observations.csv``).

    Adds ``doc_id`` from ``place`` where the place is a document's own (and the scope matches), the
    parsed dates ``start`` and ``end``, ``days`` (the days a flow covers; empty for a stock) and
    ``illustrative`` (True when the file name says so, unless ``illustrative`` is given; an illustrative
    file is spared the source checks).  Blank wanted rows (:func:`blank_rows`, as ``ipanalysis wanted``
    writes them) are skipped.  Raises :class:`~ipanalysis.errors.DataFileNotFoundError` for a missing
    file and :class:`~ipanalysis.errors.DataValidationError` naming file, line and column.

    Parameters
    ----------
    source : str, Path, DataFrame or None
        A CSV file, a frame, or None for ``data/observations.csv``.
    name : str, optional
        The label error messages use (default: the path, or ``observations (DataFrame)``).
    illustrative : bool, optional
        Whether the rows are invented examples (default: the file name says so).

    Returns
    -------
    DataFrame
        The validated rows with ``doc_id``, ``start``, ``end``, ``days`` and ``illustrative`` added.

    >>> bad = pd.DataFrame([{"doc_id": "ordos_2022", "indicator": "ip_pledge_financing", "period_start":
    ...     "2021-01-01", "period_end": "2021-12-31", "value": 44.6, "value_text": "44.6亿元", "unit": "yuan",
    ...     "measure": "flow", "scope": "city", "source_title": "t", "source_publisher": "p",
    ...     "source_date": "2022-01-05", "source_url": "https://example.org/a", "source_quote": "融资44.6亿元。"}])
    >>> load_observations(bad, name="obs.csv")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.DataValidationError: obs.csv: 1 problem
      line 2 (ip_pledge_financing 2021-12-31), column 'value': 44.6 but value_text '44.6亿元' states 4460000000.0 (write it in base units: 万 ×1e4, 亿 ×1e8, 亿元 → yuan)
    """
    df, label = _read(source, name)
    if illustrative is None:
        illustrative = "illustrative" in Path(label).name.lower()
    return _validate(df[~blank_rows(df)], label, illustrative)


def check_observations(source: str | Path | pd.DataFrame, name: str | None = None) -> tuple[int, int]:
    """Validate an observations file strictly, as a real one whatever its name (every filled row needs
    its source); return ``(filled rows, blank wanted rows)``.  Raises like :func:`load_observations`.

    >>> check_observations(data_dir() / "observations.csv")[1]
    0
    """
    df, label = _read(source, name)
    blank = blank_rows(df)
    filled = _validate(df[~blank], label, illustrative=False)
    return len(filled), int(blank.sum())


def _validate(df: pd.DataFrame, label: str, illustrative: bool) -> pd.DataFrame:
    """The schema and every row rule, problems named by the file's own lines (the index is kept)."""
    docs = documents().set_index("doc_id")
    df = df.copy()
    _resolve_places(df, docs)
    early = []
    for i, unit in df["unit"].items():
        if unit in _UNIT_HINTS:
            early.append(Problem(i + 2, "unit", f"{unit!r} is not a base unit; convert to {_UNIT_HINTS[unit]}"))
            df.at[i, "unit"] = pd.NA  # reported here; keep the schema from repeating it
    cat = indicators()
    ctx = {"doc_ids": list(docs.index), "indicator_keys": cat["key"].tolist()}
    try:
        df = validate_frame("observations", df, label, ctx)
    except DataValidationError as err:
        raise DataValidationError(label, sorted(early + err.problems, key=lambda p: (p.line or 0, p.column or "")))
    if early:
        raise DataValidationError(label, early)
    cat = cat.set_index("key")
    problems = [p for i, row in df.iterrows() for p in _row_problems(i, row, cat, docs, illustrative)]
    problems += _duplicate_problems(df)
    if problems:
        raise DataValidationError(label, sorted(problems, key=lambda p: (p.line or 0, p.column or "")))
    df["start"] = pd.to_datetime(df["period_start"])
    df["end"] = pd.to_datetime(df["period_end"])
    df["days"] = ((df["end"] - df["start"]).dt.days + 1).astype("Int64")
    df["illustrative"] = illustrative
    return df.reset_index(drop=True)


def real_observations() -> pd.DataFrame:
    """The cited, real observations shipped in ``data/observations.csv``.

    >>> real = real_observations()
    >>> int((real["doc_id"] == "ordos_2022").sum()) >= 3
    True
    """
    return load_observations(data_dir() / "observations.csv", "data/observations.csv")


def illustrative_observations() -> pd.DataFrame:
    """INVENTED values for demonstrating attainment methods; never real data.

    >>> obs = illustrative_observations()
    >>> bool(obs["illustrative"].all()), bool(obs["source_title"].str.startswith("ILLUSTRATIVE").all())
    (True, True)
    """
    return load_observations(data_dir() / "examples" / "illustrative_observations.csv",
                             "data/examples/illustrative_observations.csv")
