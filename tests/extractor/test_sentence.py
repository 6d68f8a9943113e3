"""Running text, sentence by sentence (:mod:`ipanalysis.extractor.sentence`)."""

import pandas as pd

from ipanalysis.extractor import analyse, extract
from extract_helpers import one


def test_qualitative_relative_target():
    c = one("到2025年,知识产权保护社会满意度高于自治区平均水平。")
    assert c["comparator"] == "qualitative" and pd.isna(c["value"]) and c["value_text"] == "高于自治区平均水平"


def test_two_milestones_in_one_sentence_keep_their_own_years():
    a = analyse("某市知识产权强市建设实施方案(2018—2022年)\n全市有效发明专利2018年达到5000件,2022年达到8000件。")
    t = a[a["kind"] == "target"]
    assert t[["value", "target_year"]].values.tolist() == [[5000, 2018], [8000, 2022]]
    assert not t["indicator_zh"].str.contains(r"\d{4}年").any()
    assert set(t["indicator_zh"]) == {"有效发明专利"}


def test_a_past_milestone_and_a_future_one():
    a = analyse("某市知识产权“十四五”规划\n2018年全市有效发明专利达到5000件,2022年达到8000件。")
    assert a[["kind", "value", "target_year"]].values.tolist() == [["baseline", 5000, 2018], ["target", 8000, 2022]]


# ---------------------------------------------------------------------------------------------
# issue 16.1: the year scope of 到YYYY年 and 'as of' dates

NEWS = ("某市知识产权强市建设规划出台\n"
        "规划提出,到2025年,全市每万人口高价值发明专利拥有量达到15件,海外发明专利授权量达到600件。商标有效注册量突破30万件。\n"
        "每万人口高价值发明专利拥有量达到15件。这项指标,是衡量创新质量的核心指标。截至2021年底,全市每万人口高价值发明专利拥有量为8.6件。\n"
        "截至2021年底,全市海外发明专利授权量已达310件。")


def test_an_as_of_date_neither_sets_the_horizon_nor_re_dates_the_targets():
    a = analyse(NEWS)
    assert (a.attrs["horizon"]["start_year"], a.attrs["horizon"]["end_year"]) == (2021, 2025)  # not '到2021年' (截至)
    t = a[a["kind"] == "target"]
    assert t[["value", "target_year"]].values.tolist() == [[15, 2025], [600, 2025], [300000, 2025], [15, 2025]]
    b = a[a["kind"] == "baseline"]  # 截至…为 / 已达: stated values, never targets
    assert b[["value", "target_year", "indicator_zh"]].values.tolist() == [
        [8.6, 2021, "每万人口高价值发明专利拥有量"], [310, 2021, "海外发明专利授权量"]]


def test_a_by_year_scopes_the_rest_of_its_paragraph_only():
    text = ("某市知识产权战略纲要(2021—2030年)\n到2023年,全市有效发明专利达到1万件。商标有效注册量达到5万件。\n"
            "有效发明专利达到3万件。")
    assert extract(text)[["value", "target_year"]].values.tolist() == [[10000, 2023], [50000, 2023], [30000, 2030]]


def test_an_as_of_date_after_the_document_is_a_target():
    text = "某市知识产权“十四五”规划\n2022-05-01\n截至2025年,知识产权质押融资金额累计达35亿元。截至2021年底,累计达20亿元。"
    a = analyse(text)
    assert a[["kind", "value", "target_year"]].values.tolist() == [["target", 3.5e9, 2025], ["baseline", 2e9, 2021]]


def test_a_stage_year_in_parentheses_dates_the_next_sentence_of_its_paragraph():
    # blind set of 2026-12-05: the last sentence of a staged paragraph has no year of its own
    text = ("某县知识产权工作方案(2023—2026年)\n分两个阶段实施。巩固阶段(2024年),培育优势企业20家。"
            "深化阶段(2025年),力争专利质押金额达到3亿元。技术合同成交额达到50亿元。\n商标注册量达到900件。")
    assert extract(text)[["value", "target_year"]].values.tolist() == [
        [20, 2024], [3e8, 2025], [5e9, 2025], [900, 2026]]  # the next paragraph: the plan's horizon again


def test_a_past_period_after_a_reporters_attribution_makes_its_paragraph_history():
    # 据介绍,“十三五”期间…: the attribution does not hide the past period that opens the paragraph
    text = ("某省知识产权强省建设实施方案(2021—2025年)\n"
            "据介绍,“十三五”期间,全省专利工作成效明显。专利运用加快,全省12个市全部开展了专利质押融资工作。\n"
            "到2025年,全省每万人发明专利拥有量超过12件。")
    c = one(text)
    assert (c["value"], c["target_year"]) == (12.0, 2025)
