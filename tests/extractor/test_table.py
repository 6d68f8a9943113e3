"""Flattened indicator tables (:mod:`ipanalysis.extractor.table`)."""

import pandas as pd

from ipanalysis.extractor import analyse, extract, extract_baselines
from ipanalysis.units import parse_quantity


ORDOS_STYLE = """某市知识产权“十四五”规划
某市“十四五”知识产权发展主要预期性指标
序号
类别
指标名称
单位
2020年
基期值
2025年
预测值
增幅
1
创造质量
每万人口高价值发明专利拥有量
0.93
2
115%
2
商标注册量
万件
3.1219
5
60%
3
保护
知识产权保护社会满意度
高于自治区平均水平
4
服务
知识产权质押融资金额
亿元
44.6
70
57%
(注:说明。)
"""


def test_flattened_table_rows():
    df = extract(ORDOS_STYLE)
    assert df["value"].tolist()[:2] == [2.0, 50000.0]
    assert pd.isna(df["value"].tolist()[2]) and df["comparator"].tolist()[2] == "qualitative"
    assert df["value"].tolist()[3] == 7e9
    assert df["unit"].tolist() == ["件/万人", "件", "分", "yuan"]
    assert pd.isna(df["table_unit"][0]) and df["table_unit"][1] == "万件"
    assert set(df["target_year"]) == {2025} and set(df["attribute"]) == {"expected"}
    for vt, tu, v in zip(df["value_text"], df["table_unit"], df["value"]):  # value_text (+ unit cell) parses to value
        if not pd.isna(v):
            assert parse_quantity(vt + (tu if isinstance(tu, str) else "")).value == v
    # base values are baselines; 增幅 is neither
    b = extract_baselines(ORDOS_STYLE)
    assert b["value"].tolist() == [0.93, 31219.0, 4460000000.0] and set(b["year"]) == {2020}
    a = analyse(ORDOS_STYLE)
    assert set(a.loc[a["kind"] == "rejected", "value"]) == {115.0, 60.0, 57.0}


def test_table_with_units_in_the_name_and_an_attribute_column():
    text = ("某市知识产权“十四五”规划\n表1 主要指标\n序号\n指标\n2020年\n2025年\n属性\n"
            "1\n每万人口高价值发明专利拥有量(件)\n5.2\n12\n预期性\n2\n知识产权质押融资登记金额(亿元)\n20\n50\n约束性\n第二章 任务\n")
    df = extract(text)
    assert df["indicator_zh"].tolist() == ["每万人口高价值发明专利拥有量", "知识产权质押融资登记金额"]
    assert df["value"].tolist() == [12.0, 5e9]
    assert df["attribute"].tolist() == ["expected", "binding"]
    assert df["unit"].tolist() == ["件/万人", "yuan"]


def test_table_without_serial_numbers_and_an_empty_cell():
    text = "某区知识产权工作方案(2023—2025年)\n指标名称\n单位\n目标值\n专利授权量\n件\n5000\n商标有效注册量\n万件\n3.5\n比重\n%\n—\n"
    df = extract(text)
    assert df["value"].tolist() == [5000.0, 35000.0]
