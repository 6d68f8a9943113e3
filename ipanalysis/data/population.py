"""Resident population (常住人口) per place and year, cited like every outside figure (the
denominator of :func:`ipanalysis.analysis.compare.targets_per_10k`).

>>> p = population().set_index(["doc_id", "year"])
>>> float(p.loc[("ordos_2022", 2021), "value"])
2168400.0
"""

from __future__ import annotations

import pandas as pd

from .loaders import documents, read_table
from .schemas import DataValidationError, Problem, validate_frame
from .sources import data_dir

__all__ = ["population", "population_near"]

def population() -> pd.DataFrame:
    """``data/population.csv``, validated: every value parses from its verbatim quote.

    >>> bool((population()["unit"] == "人").all())
    True
    """
    from .observations import observed_quantity

    path = data_dir() / "population.csv"
    df = validate_frame("population", read_table(path), "data/population.csv",
                        {"doc_ids": documents()["doc_id"].tolist()})
    problems = []
    for i, r in df.iterrows():
        if r["value_text"] not in r["source_quote"]:
            problems.append(Problem(i + 2, "value_text", f"{r['value_text']!r} is not part of source_quote"))
            continue
        stated = observed_quantity(r["value_text"].split("(")[-1].rstrip(")"))
        if abs(stated - r["value"]) > 1e-9 * max(1.0, stated):
            problems.append(Problem(i + 2, "value", f"{r['value']!r} but value_text {r['value_text']!r} states {stated!r}"))
        if not str(r["source_url"]).startswith(("http://", "https://")):
            problems.append(Problem(i + 2, "source_url", f"{r['source_url']!r} is not a URL"))
    if problems:
        raise DataValidationError("data/population.csv", problems)
    return df


def population_near(doc_id: str, year: int, table: pd.DataFrame | None = None) -> pd.Series | None:
    """The population row of a document's place nearest to ``year`` (earlier wins a tie), from
    ``table`` (default: :func:`population`).

    Parameters
    ----------
    doc_id : str
        The document whose place is wanted.
    year : int
        The year to be nearest to.
    table : DataFrame, optional
        Population rows (default: :func:`population`).

    Returns
    -------
    Series or None
        The nearest row, or None when the place has no population row.

    >>> int(population_near("guiyang_2022", 2021)["value"])
    6102300
    """
    p = population() if table is None else table
    p = p[p["doc_id"] == doc_id]
    if p.empty:
        return None
    p = p.assign(gap=(p["year"] - year).abs()).sort_values(["gap", "year"])
    return p.iloc[0]
