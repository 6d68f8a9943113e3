"""The Ordos indicator table is parsed from the raw text and equals the curated rows."""

import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis.data.tables import TableParseError, parse_flat_table


def _table_rows(df, id_col):
    """Curated rows that quote the flattened table (one cell per line)."""
    return df[df["doc_id"].eq("ordos_2022") & df["source_quote"].str.contains("\n")].set_index(id_col)


def test_parsed_table_shape():
    tab = ip.ordos_indicator_table()
    assert len(tab) == 8
    assert tab["name_zh"].iloc[0] == "每万人口高价值发明专利拥有量"
    assert tab["qualitative"].iloc[6] == "高于自治区平均水平"


def test_parsed_table_equals_targets_and_baselines():
    tab = ip.ordos_indicator_table()
    t = _table_rows(ip.targets(), "target_id")
    b = _table_rows(ip.baselines(), "baseline_id")
    assert len(t) == 8 and len(b) == 7
    for _, row in tab.iterrows():
        tr = t[t["source_quote"].str.startswith(row["name_zh"] + "\n")]
        assert len(tr) == 1, row["name_zh"]
        tr = tr.iloc[0]
        assert tr["target_year"] == row["target_year"] == 2025
        if pd.notna(row["qualitative"]):
            assert tr["comparator"] == "qualitative" and tr["value_text"] == row["qualitative"]
            continue
        assert tr["value"] == pytest.approx(row["target_value"] * row["multiplier"])
        assert tr["baseline_value"] == pytest.approx(row["base_value"] * row["multiplier"])
        assert tr["baseline_year"] == row["base_year"] == 2020
        br = b[b["source_quote"].str.startswith(row["name_zh"] + "\n")].iloc[0]
        assert br["value"] == pytest.approx(row["base_value"] * row["multiplier"]) and br["year"] == 2020
        # the 增幅 column is in the quote of the target row, exactly as parsed
        assert tr["source_quote"].endswith(f"\n{row['increase_pct']:g}%")


def test_increase_column_values():
    tab = ip.ordos_indicator_table().dropna(subset=["increase_pct"])
    assert tab["increase_pct"].tolist() == [115, 60, 30, 316, 57, 285, 100]


def test_parser_rejects_a_missing_table():
    with pytest.raises(TableParseError):
        parse_flat_table("没有表格的文本", "鄂尔多斯市“十四五”知识产权发展主要指标")


def test_parser_on_a_small_flat_table():
    text = "主要指标\n\n序号\n\n指标名称\n\n单位\n\n2020年基期值\n\n2025年预测值\n\n增幅\n\n1\n\n专利数\n\n万件\n\n1.5\n\n3\n\n100%\n"
    tab = parse_flat_table(text, "主要指标")
    assert tab.loc[0, "base_value"] * tab.loc[0, "multiplier"] == 15000
    assert tab.loc[0, "target_value"] == 3 and tab.loc[0, "increase_pct"] == 100
