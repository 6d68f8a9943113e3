"""The data layer: provenance of every number, and clear errors for corrupted files."""

from __future__ import annotations

import re


import pandas as pd
import pytest

import ipanalysis as ip
import ipanalysis.data.sources
from ipanalysis.data import raw_checksum_problems, read_table
from ipanalysis.data.sources import data_dir
from ipanalysis.data.schemas import DataValidationError
from ipanalysis.units import parse_quantity


def test_all_tables_validate_and_have_rows():
    counts = ip.check_all()
    assert counts["documents"] == 5
    assert counts["targets"] >= 100 and counts["baselines"] >= 20 and counts["indicators"] >= 50



def test_dtypes():
    t, b = ip.targets(), ip.baselines()
    assert t["value"].dtype == "float64" and str(t["target_year"].dtype) == "Int64"
    assert b["value"].dtype == "float64" and str(b["year"].dtype) == "Int64"
    for col in ("doc_id", "indicator", "value", "unit", "target_year", "source_quote"):
        assert col in t
    for col in ("doc_id", "indicator", "value", "unit", "year", "source_quote"):
        assert col in b


@pytest.mark.parametrize("table", ["targets", "baselines"])
def test_every_quote_is_verbatim_and_states_the_value(table):
    """Independent of the loader's own checks: re-read the CSV and the raw files."""
    df = getattr(ip, table)()
    assert len(df)
    for _, row in df.iterrows():
        raw = (ipanalysis.data.sources.data_dir() / "raw" / f"{row['doc_id']}.txt").read_text(encoding="utf-8")
        assert row["source_quote"] in raw, row.iloc[0]
        if pd.isna(row["value"]):
            continue
        assert row["value_text"] in row["source_quote"], row.iloc[0]
        text = row["value_text"]
        q = parse_quantity(text)
        if q.unit is None and pd.notna(row["table_unit"]):
            q = parse_quantity(text + row["table_unit"])
        assert q.value == pytest.approx(row["value"]), row.iloc[0]


def test_catalogue_keys_are_shared_across_documents():
    """The same concept gets the same key in different documents (issue 3)."""
    t = ip.targets()
    docs = t.groupby("indicator")["doc_id"].agg(set)
    assert {"nanchang_2021", "ordos_2022"} <= docs["high_value_invention_patents_per_10k"]
    assert {"guiyang_2022", "nanchang_2021", "ordos_2022"} <= docs["ip_pledge_financing"]
    measures = t[t.indicator == "ip_pledge_financing"].set_index("doc_id")["measure"].to_dict()
    assert measures["guiyang_2022"] == "cumulative" and measures["nanchang_2021"] == "annual_flow"


def test_known_values():
    t = ip.targets().set_index("target_id")
    assert t.loc["GY-15", "value"] == 3.5e9 and t.loc["GY-15", "unit"] == "yuan"
    assert (t.loc["GY-17", "value"], t.loc["GY-17", "value_high"]) == (5, 10)
    assert t.loc["NC-06", "comparator"] == ">"
    assert t.loc["GY-13", "commitment"] == "strive"
    assert t.loc["OR-12", "comparator"] == "qualitative" and pd.isna(t.loc["OR-12", "value"])


# --- corrupted copies ------------------------------------------------------------------

def _corrupt(path, target_id, column, value, id_col="target_id"):
    df = read_table(path)
    i = df.index[df[id_col] == target_id][0]
    df.loc[i, column] = value
    df.to_csv(path, index=False, lineterminator="\n")
    return i + 2  # CSV line (header = 1)


@pytest.mark.parametrize("column, value, message", [
    ("indicator", "no_such_indicator", "is not allowed; valid:"),
    ("doc_id", "atlantis_2030", "is not allowed; valid:"),
    ("unit", "公斤", "is not allowed; valid:"),
    ("unit", "家", "is measured in '件'"),
    ("value", "lots", "is not a number"),
    ("source_quote", "高价值发明专利拥有量达到9999件", "quote not found verbatim"),
    ("value", "3600", "value_text '3500件' states 3500.0"),
    ("comparator", "~~", "is not allowed"),
])
def test_corrupted_targets_name_file_line_column(data_copy, column, value, message):
    line = _corrupt(data_copy / "targets.csv", "GY-02", column, value)
    with pytest.raises(DataValidationError) as err:
        ip.targets()
    text = str(err.value)
    assert "targets.csv" in text
    assert f"line {line}" in text
    assert f"column '{column}'" in text or (column == "value" and "column 'value'" in text)
    assert message in text


def test_duplicate_target_id(data_copy):
    line = _corrupt(data_copy / "targets.csv", "GY-03", "target_id", "GY-02")
    with pytest.raises(DataValidationError) as err:
        ip.targets()
    assert "column 'target_id'" in str(err.value) and "duplicate value 'GY-02'" in str(err.value)
    assert f"line {line}" in str(err.value)


def test_corrupted_baseline(data_copy):
    line = _corrupt(data_copy / "baselines.csv", "OR-B-02", "source_quote", "年专利授权量从550件增加到9999件",
                    id_col="baseline_id")
    with pytest.raises(DataValidationError) as err:
        ip.baselines()
    assert "baselines.csv" in str(err.value) and f"line {line}" in str(err.value)
    assert "column 'source_quote'" in str(err.value)


def test_unknown_indicator_in_catalogue_unit(data_copy):
    path = data_copy / "indicators.csv"
    df = read_table(path)
    df.loc[0, "base_unit"] = "kg"
    df.to_csv(path, index=False, lineterminator="\n")
    with pytest.raises(DataValidationError, match=r"indicators.csv.*\n.*line 2.*column 'base_unit'"):
        ip.indicators()


def test_missing_column(data_copy):
    path = data_copy / "targets.csv"
    read_table(path).drop(columns=["unit"]).to_csv(path, index=False)
    with pytest.raises(DataValidationError, match="column 'unit': column is missing"):
        ip.targets()


def test_dangling_duplicate_of(data_copy):
    _corrupt(data_copy / "targets.csv", "GY-12", "duplicate_of", "GY-99")
    with pytest.raises(DataValidationError, match="'GY-99' is not a target_id"):
        ip.targets()


def test_exclusion_quote_must_be_verbatim(data_copy):
    path = data_copy / "target_exclusions.csv"
    df = read_table(path)
    df.loc[0, "quote"] = "这句话不在原文里"
    df.to_csv(path, index=False)
    with pytest.raises(DataValidationError, match="line 2.*not found verbatim"):
        ip.exclusions()


def test_unknown_doc_id_lists_valid_choices():
    with pytest.raises(ip.UnknownDocumentError, match="valid: cangshan_2013, guiyang_2022"):
        ip.raw_text("atlantis_2030")


def test_malformed_csv_names_file_and_line(data_copy):
    path = data_copy / "baselines.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] += ",an unquoted, extra cell"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"baselines.csv: 1 problem\n  line 3: not a well-formed"):
        ip.baselines()


# ----------------------------------------------------------------------------- provenance of the raw texts

def test_each_raw_text_matches_its_recorded_sha256():
    import hashlib

    docs = ip.documents()
    for doc, sha in zip(docs["doc_id"], docs["sha256"]):
        assert hashlib.sha256((data_dir() / "raw" / f"{doc}.txt").read_bytes()).hexdigest() == sha, doc
    assert raw_checksum_problems() == []


def test_a_changed_raw_text_is_caught(data_copy):
    path = data_copy / "raw" / "nanchang_2021.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    problems = raw_checksum_problems()
    assert [(p.line, p.column, p.row_id) for p in problems] == [(4, "sha256", "doc_id=nanchang_2021")]
    with pytest.raises(DataValidationError, match="nanchang_2021.txt has sha256"):
        ip.check_all()


def test_source_urls_are_dated_or_explained():
    for r in ip.documents().itertuples():
        if isinstance(r.source_url, str) and r.source_url:
            assert r.source_url.startswith(("http://", "https://")), r.doc_id
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.accessed), r.doc_id
        else:
            assert pd.isna(r.accessed) and "source_url left empty" in r.note, r.doc_id
