"""Resident population (常住人口) per place and year, cited like every outside figure, and targets
expressed per 10,000 residents so places of different size can be set side by side.

>>> p = population().set_index(["doc_id", "year"])
>>> float(p.loc[("ordos_2022", 2021), "value"])
2168400.0
>>> per = targets_per_10k().set_index("target_id")
>>> round(float(per.loc["GY-03", "per_10k"]), 1)          # 15万件 valid trademarks / 610.23万 residents (2021)
245.8
"""

from __future__ import annotations

import pandas as pd

from .data import documents, read_table
from .schemas import DataValidationError, Problem, validate_frame
from .sources import data_dir

__all__ = ["population", "population_near", "targets_per_10k", "COUNT_UNITS"]

#: Units of counts that can sensibly be divided by population (not %, scores, yuan per …).
COUNT_UNITS = ("件", "家", "个", "项", "人", "名", "人次", "yuan")


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


def population_near(doc_id: str, year: int) -> pd.Series | None:
    """The population row of a document's place nearest to ``year`` (earlier wins a tie).

    >>> int(population_near("guiyang_2022", 2021)["value"])
    6102300
    """
    p = population()
    p = p[p["doc_id"] == doc_id]
    if p.empty:
        return None
    p = p.assign(gap=(p["year"] - year).abs()).sort_values(["gap", "year"])
    return p.iloc[0]


def targets_per_10k() -> pd.DataFrame:
    """Count-like targets (stocks, flows, plan-period totals in 件/家/个/人/yuan …) divided by the
    place's resident population in units of 10,000, using the population nearest to the plan's base
    year (``population_year``, ``population_source``).  Measures are kept apart: a stock per head is
    not a flow per head.
    """
    from .trajectory import canonical_targets

    t = canonical_targets()
    t = t[t["unit"].isin(COUNT_UNITS) & t["value"].notna() & (t["measure"] != "growth_rate")]
    start = dict(zip(documents()["doc_id"], documents()["plan_start_year"]))
    rows = []
    for _, r in t.iterrows():
        pop = population_near(r["doc_id"], int(start[r["doc_id"]]) - 1)
        if pop is None:
            continue
        rows.append({"target_id": r["target_id"], "doc_id": r["doc_id"], "indicator": r["indicator"],
                     "measure": r["measure"], "unit": r["unit"], "value": r["value"], "target_year": r["target_year"],
                     "population": pop["value"], "population_year": int(pop["year"]),
                     "population_source": pop["source_url"], "per_10k": r["value"] / (pop["value"] / 1e4)})
    return pd.DataFrame(rows, columns=["target_id", "doc_id", "indicator", "measure", "unit", "value", "target_year",
                                       "population", "population_year", "population_source", "per_10k"])
