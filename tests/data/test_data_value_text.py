"""The loaders' rule "value_text must be part of source_quote" (issue 17).

A ``value_text`` can parse to the row's value and still not be what the document wrote: "3,500件"
or "３５００件" for a quote that says 3500件.  Only the part-of-quote check catches it; the
value check passes.  Each case corrupts a copy of ``data/`` selected through ``IPANALYSIS_DATA``.
"""

from __future__ import annotations

import pytest

import ipanalysis as ip
from ipanalysis.data import read_table
from ipanalysis.data.schemas import DataValidationError
from ipanalysis.units import parse_quantity


def _set(path, id_col, row_id, **values) -> int:
    df = read_table(path)
    i = df.index[df[id_col] == row_id][0]
    for col, v in values.items():
        df.loc[i, col] = v
    df.to_csv(path, index=False, lineterminator="\n")
    return i + 2  # CSV line (header = 1)


@pytest.mark.parametrize("value_text", ["3,500件", "３５００件", "3500 件"], ids=["separator", "full-width", "space"])
def test_target_value_text_that_parses_right_but_is_not_in_the_quote(data_copy, value_text):
    row = ip.targets().set_index("target_id").loc["GY-02"]
    assert row["source_quote"] == "高价值发明专利拥有量达到3500件" and row["value"] == 3500
    assert parse_quantity(value_text).value == 3500  # the value check alone would pass
    line = _set(data_copy / "targets.csv", "target_id", "GY-02", value_text=value_text)
    with pytest.raises(DataValidationError) as err:
        ip.targets()
    text = str(err.value)
    assert "targets.csv" in text and f"line {line}" in text and "column 'value_text'" in text
    assert f"{value_text!r} is not part of source_quote" in text
    assert "states" not in text  # no value problem: the quote check is what fires


def test_baseline_value_text_that_parses_right_but_is_not_in_the_quote(data_copy):
    row = ip.baselines().set_index("baseline_id").loc["OR-B-02"]
    assert row["value_text"] == "2748件" and "增加到2748件" in row["source_quote"]
    line = _set(data_copy / "baselines.csv", "baseline_id", "OR-B-02", value_text="2,748件")
    with pytest.raises(DataValidationError) as err:
        ip.baselines()
    text = str(err.value)
    assert "baselines.csv" in text and f"line {line}" in text and "column 'value_text'" in text
    assert "'2,748件' is not part of source_quote" in text


def test_quote_in_chinese_numerals_with_a_digit_value_text(data_copy):
    """A quote that writes the figure in Chinese numerals (三千五百件) does not contain "3500件"."""
    raw = data_copy / "raw" / "guiyang_2022.txt"
    assert "高价值发明专利拥有量达到3500件" in raw.read_text(encoding="utf-8")
    # the quote must stay verbatim in its raw text, so point it at a sentence we add to a copy
    raw.write_text(raw.read_text(encoding="utf-8") + "\n高价值发明专利拥有量达到三千五百件。\n", encoding="utf-8")
    line = _set(data_copy / "targets.csv", "target_id", "GY-02", source_quote="高价值发明专利拥有量达到三千五百件")
    with pytest.raises(DataValidationError) as err:
        ip.targets()
    text = str(err.value)
    assert f"line {line}" in text and "'3500件' is not part of source_quote" in text


def test_unchanged_copy_loads(data_copy):
    """The copies above fail for the one cell changed, not for being copies."""
    assert len(ip.targets()) == len(read_table(data_copy / "targets.csv"))
    assert len(ip.baselines()) == len(read_table(data_copy / "baselines.csv"))
