"""A document with a milestone and a final target of one indicator (issue 17).

Guiyang's plan states two court/enforcement rates twice: for 2025 in its main targets (GY-23, GY-24)
and as 2023 milestones (GY-32, GY-33), with the same values.  ``compare`` shows one cell per
(indicator, measure, unit, document): it must be the final 2025 target, whatever the order of the rows
in targets.csv.  Keeping the first instead of the last of the year-sorted rows put the 2023 milestone
in the matrix and no test noticed.
"""

from __future__ import annotations

import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis.data import read_table

PAIRS = {  # indicator → (final target, milestone), read from data/targets.csv
    "ip_case_handling_rate": ("GY-23", "GY-32"),
    "ip_civil_first_instance_acceptance_rate": ("GY-24", "GY-33"),
}


def test_the_real_data_has_a_2023_milestone_and_a_2025_target_of_one_indicator():
    t = ip.targets().set_index("target_id")
    for indicator, (final, milestone) in PAIRS.items():
        rows = t.loc[[final, milestone]]
        assert rows["indicator"].tolist() == [indicator, indicator]
        assert rows["doc_id"].tolist() == ["guiyang_2022"] * 2
        assert rows["target_year"].tolist() == [2025, 2023]
        assert rows["measure"].nunique() == 1 and rows["unit"].nunique() == 1 and rows["scope"].nunique() == 1
        assert rows["duplicate_of"].isna().all()


def _cells(long: pd.DataFrame) -> dict:
    g = long[(long["doc_id"] == "guiyang_2022") & long["indicator"].isin(PAIRS)]
    return {r.indicator: (r.target_id, int(r.target_year), float(r.value)) for r in g.itertuples()}


def test_compare_keeps_the_final_target_not_the_milestone():
    long = ip.compare(doc_ids=["guiyang_2022"])
    assert _cells(long) == {"ip_case_handling_rate": ("GY-23", 2025, 100.0),
                            "ip_civil_first_instance_acceptance_rate": ("GY-24", 2025, 65.0)}
    assert not {"GY-32", "GY-33"} & set(long["target_id"])
    # one cell per (indicator, measure, unit, document, scope) across the whole comparison too
    everything = ip.compare()
    assert not everything.duplicated(["indicator", "measure", "unit", "doc_id", "scope"]).any()
    assert _cells(everything) == _cells(long)


def test_the_target_year_matrix_shows_2025():
    years = ip.compare_matrix(ip.compare(doc_ids=["guiyang_2022"]), what="target_year")
    for indicator in PAIRS:
        assert years.xs(indicator, level="indicator")["guiyang_2022"].item() == 2025


@pytest.mark.parametrize("order", ["milestone_first", "reversed"])
def test_the_row_order_of_targets_csv_does_not_matter(data_copy, order):
    path = data_copy / "targets.csv"
    df = read_table(path)
    if order == "milestone_first":  # move the 2023 rows above everything else
        first = df["target_id"].isin(["GY-32", "GY-33"])
        df = pd.concat([df[first], df[~first]])
    else:
        df = df.iloc[::-1]
    df.to_csv(path, index=False, lineterminator="\n")
    assert _cells(ip.compare(doc_ids=["guiyang_2022"])) == {
        "ip_case_handling_rate": ("GY-23", 2025, 100.0),
        "ip_civil_first_instance_acceptance_rate": ("GY-24", 2025, 65.0)}


def test_a_later_target_wins_even_with_a_smaller_value(data_copy):
    """The rule is "the latest year", not "the largest value": a milestone above the final target
    (possible on a copy) still gives way to the 2025 target."""
    path = data_copy / "targets.csv"
    df = read_table(path)
    i = df.index[df["target_id"] == "GY-33"][0]
    df.loc[i, ["value", "value_text"]] = ["70", "70%"]
    df.loc[i, "source_quote"] = "民事一审服判息诉率达到70%"
    raw = data_copy / "raw" / "guiyang_2022.txt"
    raw.write_text(raw.read_text(encoding="utf-8") + "\n民事一审服判息诉率达到70%。\n", encoding="utf-8")
    df.to_csv(path, index=False, lineterminator="\n")
    cell = _cells(ip.compare(doc_ids=["guiyang_2022"]))["ip_civil_first_instance_acceptance_rate"]
    assert cell == ("GY-24", 2025, 65.0)
