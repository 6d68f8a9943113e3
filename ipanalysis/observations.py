"""Observed values (after a plan's baseline) for attainment: loading and validation.

An observations table has one row per (document/place, indicator, year) with the value in
the catalogue's base unit and a citable source (title, publisher, date, URL).  It may name
the document by ``doc_id`` or the place by ``place`` (Chinese or English name).

``data/observations.csv`` holds real, cited observations; ``data/examples/
illustrative_observations.csv`` holds invented values for demonstrating the method and is
labelled illustrative wherever it is shown.

>>> obs = load_observations(data_dir() / "examples" / "illustrative_observations.csv")
>>> bool(obs["illustrative"].all())
True
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .data import documents, indicators, read_table, targets
from .schemas import SCHEMAS, DataValidationError, Problem, validate_frame
from .sources import data_dir

__all__ = ["load_observations", "real_observations", "illustrative_observations", "REQUIRED_COLUMNS"]

REQUIRED_COLUMNS = ("indicator", "year", "value", "unit", "source_title", "source_publisher", "source_date", "source_url")
_UNIT_HINTS = {"亿元": "yuan (1 亿元 = 100000000 yuan)", "万元": "yuan (1 万元 = 10000 yuan)", "万件": "件 (1 万件 = 10000 件)"}


def load_observations(source: str | Path | pd.DataFrame, name: str | None = None) -> pd.DataFrame:
    """Read and validate observations from a CSV path or a DataFrame.

    Adds ``doc_id`` (resolved from ``place`` where missing) and ``illustrative`` (True when
    the file name says so).  Raises :class:`FileNotFoundError` for a missing file and
    :class:`~ipanalysis.schemas.DataValidationError` naming file, line and column for bad rows.
    """
    if isinstance(source, pd.DataFrame):
        df = source.astype("string").copy()
        label = name or "observations (DataFrame)"
        illustrative = "illustrative" in label.lower()
    else:
        path = Path(source)
        if not path.is_file():
            raise FileNotFoundError(f"observations file not found: {path}")
        df = read_table(path)
        label = name or str(path)
        illustrative = "illustrative" in path.name.lower()
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        raise DataValidationError(label, [Problem(None, c, "column is missing") for c in missing])
    for col in SCHEMAS["observations"]:
        if col not in df.columns:
            df[col] = pd.NA
    extra = [c for c in df.columns if c not in SCHEMAS["observations"] and c != "illustrative"]
    df = df.drop(columns=extra + (["illustrative"] if "illustrative" in df.columns else []))

    docs = documents()
    places = {**dict(zip(docs["place_zh"], docs["doc_id"])), **dict(zip(docs["place_en"], docs["doc_id"]))}
    problems = []
    for i, row in df.iterrows():
        if pd.isna(row["doc_id"]):
            if pd.notna(row["place"]) and row["place"] in places:
                df.loc[i, "doc_id"] = places[row["place"]]
            else:
                problems.append(Problem(i + 2, "place", f"{row['place']!r} names no document; give doc_id or one of: "
                                        + ", ".join(sorted(places))))
        unit = row["unit"]
        if unit in _UNIT_HINTS:
            problems.append(Problem(i + 2, "unit", f"{unit!r} is not a base unit; convert to {_UNIT_HINTS[unit]}"))
            df.loc[i, "unit"] = pd.NA  # reported here; keep the schema from repeating it
    if problems:
        raise DataValidationError(label, problems)
    cat = indicators()
    ctx = {"doc_ids": docs["doc_id"].tolist(), "indicator_keys": cat["key"].tolist()}
    df = validate_frame("observations", df, label, ctx)

    units = dict(zip(cat["key"], cat["base_unit"]))
    tgt = targets()
    problems = []
    for i, row in df.iterrows():
        want = units[row["indicator"]]
        if row["unit"] != want:
            problems.append(Problem(i + 2, "unit", f"{row['unit']!r} but indicator {row['indicator']!r} is measured in {want!r}"))
        if want == "%" and 0 < row["value"] < 1:
            levels = tgt.loc[(tgt["indicator"] == row["indicator"]) & (tgt["unit"] == "%"), "value"].dropna()
            if len(levels) and (levels >= 1).all():
                problems.append(Problem(i + 2, "value", f"{row['value']!r} looks like a fraction; write percentages "
                                        f"as percent numbers (12 for 12%)"))
    if not illustrative:
        for i, url in df["source_url"].items():
            if not str(url).startswith(("http://", "https://")):
                problems.append(Problem(i + 2, "source_url", f"{url!r} is not a URL: a real observation needs a "
                                        "citable public source (title, publisher, date, URL); invented values belong "
                                        "in a file whose name contains 'illustrative'"))
    dup = df.duplicated(["doc_id", "indicator", "year"], keep="first")
    for i in df.index[dup]:
        r = df.loc[i]
        problems.append(Problem(i + 2, "year", f"duplicate observation for ({r['doc_id']}, {r['indicator']}, {r['year']})"))
    if problems:
        raise DataValidationError(label, sorted(problems, key=lambda p: p.line or 0))
    df["illustrative"] = illustrative
    return df


def real_observations() -> pd.DataFrame:
    """The cited, real observations shipped in ``data/observations.csv`` (may be few).

    >>> real = real_observations()
    >>> bool(real["illustrative"].any())
    False
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
