"""Tests of ``ipanalysis.extract``: patterns, negatives, verbatim quotes, the floor on the five
curated documents and on the generalisation fixtures, and the ``ipanalysis extract`` command."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from ipanalysis.data import baselines, exclusions, targets
from ipanalysis.extractor import (
    BASELINE_COLUMNS, CANDIDATE_COLUMNS, DocumentError, analyse, cli_main, extract, extract_baselines, match,
    read_document, rejected, score,
)
from ipanalysis.extractor.evaluate import load_fixtures, score_split
from ipanalysis.data.sources import doc_ids, raw_text
from ipanalysis.units import parse_quantity

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def one(text: str, **kw) -> dict:
    """The single candidate target of ``text`` as a dict (fails when there is not exactly one)."""
    df = extract(text, **kw)
    assert len(df) == 1, df[["indicator_zh", "value", "value_text", "why"]].to_string()
    return df.iloc[0].to_dict()


# ---------------------------------------------------------------------------------------------
# trigger words, comparators, units


@pytest.mark.parametrize("text, value, comparator, value_text", [
    ("到2025年,专利授权量达到5000件。", 5000, "=", "5000件"),
    ("到2025年,马德里国际注册商标拥有量达100件。", 100, "=", "100件"),
    ("到2025年,商标注册量突破5万件。", 50000, ">", "突破5万件"),
    ("到2025年,专利代理从业人员超过2000人。", 2000, ">", "超过2000人"),
    ("到2025年,专利代理从业人员超1万人。", 10000, ">", "超1万人"),
    ("开展相关教育培训不低于600人次/年。", 600, ">=", "不低于600人次/年"),
    ("到2025年,培育知识产权示范企业250家以上。", 250, ">=", "250家以上"),
    ("调查企业数量不少于200家。", 200, ">=", "不少于200家"),
    ("每个城市应成立至少1家运营机构。", 1, ">=", "至少1家"),
    ("到2025年,累计培训人数1000余人。", 1000, ">", "1000余人"),
    ("到2025年,每万人口高价值发明专利拥有量增长15%左右。", 15, "≈", "15%左右"),
    ("地级市明确3人(或以上)从事执法工作。", 3, ">=", "3人(或以上)"),
    ("到2025年,地理标志增加至28件。", 28, "=", "28件"),
    ("到2025年,作品登记量累计达到1万件。", 10000, "=", "1万件"),
])
def test_trigger_words(text, value, comparator, value_text):
    c = one(text)
    assert c["value"] == value
    assert c["comparator"] == comparator
    assert c["value_text"] == value_text
    assert parse_quantity(c["value_text"]).value == value  # value_text parses back to value


@pytest.mark.parametrize("text, comparator, value_text", [
    ("到2025年,非正常专利申请比例控制在3%以内。", "<=", "3%以内"),
    ("到2025年,非正常专利申请占比不超过5%。", "<=", "不超过5%"),
    ("到2025年,审查周期压缩至12个月。", "<=", "12个月"),
    ("到2025年,新增国家知识产权示范企业3家及以上。", ">=", "3家及以上"),
    ("到2025年,组织知识产权培训10场次以上。", ">=", "10场次以上"),
])
def test_bounds_after_the_unit(text, comparator, value_text):
    c = one(text)
    assert (c["comparator"], c["value_text"]) == (comparator, value_text)
    assert parse_quantity(c["value_text"]).value == c["value"]


def test_increase_by_n_keeps_the_verb_and_is_cumulative():
    c = one("到2025年,地理标志增加2个。")
    assert (c["value_text"], c["value"], c["measure"]) == ("增加2个", 2.0, "cumulative")
    assert c["indicator"] == "geographical_indications_added"


@pytest.mark.parametrize("text, value, high, unit", [
    ("到2025年,开展专利导航5—10个。", 5, 10, "个"),
    ("到2025年,建设1—2个知识产权产业联盟。", 1, 2, "个"),
    ("每个城市引导支持5~10家企业完成达标工作。", 5, 10, "家"),
])
def test_ranges(text, value, high, unit):
    c = one(text)
    assert (c["value"], c["value_high"], c["unit"], c["comparator"]) == (value, high, unit, "range")


@pytest.mark.parametrize("text, value, unit", [
    ("到2025年,全市有效注册商标达到15万件。", 150000, "件"),
    ("到2025年,知识产权质押融资金额达到70亿元。", 7e9, "yuan"),
    ("到2025年,安排专项资金500万元。", 5e6, "yuan"),
    ("到2025年,有效发明专利达到3.1219万件。", 31219, "件"),
])
def test_multipliers(text, value, unit):
    c = one(text)
    assert math.isclose(c["value"], value) and c["unit"] == unit


def test_per_10k_population_is_an_intensity():
    c = one("到2025年,每万人口高价值发明专利拥有量达到12件。")
    assert (c["value"], c["unit"], c["measure"]) == (12, "件/万人", "intensity")
    assert c["indicator"] == "high_value_invention_patents_per_10k"


def test_percentages_are_shares_unless_growth():
    share = one("到2025年,专利密集型产业增加值占GDP比重提高到13%。")
    assert (share["value"], share["unit"], share["measure"]) == (13, "%", "share")
    growth = one("到2025年,专利授权量年均增长15%以上。")
    assert (growth["value"], growth["measure"], growth["comparator"]) == (15, "growth_rate", ">=")
    rate = one("到2025年,专利授权量年均增长率达到15%。")
    assert rate["measure"] == "growth_rate"


def test_score_and_percentage_points():
    assert one("到2025年,知识产权保护社会满意度达到86分。")["measure"] == "score"
    pp = one("到2025年,有效发明专利占比提高2个百分点。")
    assert (pp["value"], pp["unit"], pp["value_text"]) == (2, "百分点", "2个百分点")


def test_measures_from_cues():
    assert one("到2025年,力争作品登记量累计达到1万件。")["measure"] == "cumulative"
    assert one("每年开展知识产权宣传活动6次以上。")["measure"] == "annual_flow"
    assert one("到2025年,年发明专利授权量达到300件以上。")["measure"] == "annual_flow"
    assert one("到2025年,著作权登记数量达40件/年。")["measure"] == "annual_flow"
    assert one("到2025年,高价值发明专利拥有量达到3500件。")["measure"] == "stock"


def test_strive_when_lizheng_governs_the_sentence():
    df = extract("到2025年,力争作品登记量累计达到1万件,植物新品种授权数达55个;专利奖励达150个。规上企业研发投入之比达到1.8%。")
    assert df["commitment"].tolist() == ["strive", "strive", "strive", "firm"]
    # 力争 after the number does not govern it
    assert one("到2025年,调解案件量达到150件,力争建成保护中心。")["commitment"] == "firm"


def test_several_targets_in_one_sentence():
    text = ("到2025年,每万人高价值发明专利拥有量达10件,专利密集型产业增加值占GDP比重达13%,"
            "知识产权质押融资年登记金额达8亿元,专利代理师和商标代理从业人员超1万人。")
    df = extract(text)
    assert df["value"].tolist() == [10, 13, 8e8, 10000]
    assert df["indicator"].tolist() == ["high_value_invention_patents_per_10k", "patent_intensive_industry_gdp_share",
                                        "ip_pledge_financing", "patent_trademark_agents"]
    assert df.loc[2, "measure"] == "annual_flow"


def test_fenbie_pairs_names_and_values():
    df = extract("到2026年,国家级和省级优势示范企业、公共服务网点的总数分别突破360家、18个。")
    assert df["value"].tolist() == [360, 18]
    assert df["comparator"].tolist() == [">", ">"]
    assert df["indicator_zh"].tolist()[0] == "国家级和省级优势示范企业"
    df = extract("到2015年,累计拥有中国驰名商标和福建省著名商标分别达到7件和18件以上。")
    assert df["comparator"].tolist() == ["=", ">="]
    assert df["indicator"].tolist() == ["well_known_trademarks", "famous_trademarks_provincial"]


def test_one_rate_for_a_list_of_indicators():
    df = extract("到2025年,专利授权量、PCT申请量年均增长率达到15%。")
    assert df["indicator_zh"].tolist() == ["专利授权量年均增长率", "PCT申请量年均增长率"]
    assert df["value"].tolist() == [15, 15]
    # but one indicator with an enumeration inside its name stays one row
    assert len(extract("到2025年,培育国家、自治区知识产权优势、示范企业10家以上。")) == 1


def test_noun_after_the_number_when_a_verb_precedes():
    assert one("到2025年,形成20个以上对产业发展具有支撑保障作用的高价值专利组合。")["indicator"] == "high_value_patent_portfolios"
    assert one("到2025年,培育1家专业化、综合性的知识产权运营机构。")["indicator_zh"] == "专业化、综合性的知识产权运营机构"


def test_qualitative_relative_target():
    c = one("到2025年,知识产权保护社会满意度高于自治区平均水平。")
    assert c["comparator"] == "qualitative" and pd.isna(c["value"]) and c["value_text"] == "高于自治区平均水平"


# ---------------------------------------------------------------------------------------------
# target year, horizon


def test_target_year_sources():
    assert one("到2025年,专利授权量达到500件。")["target_year"] == 2025
    plan = "某市知识产权强市建设工作方案(2022—2025年)\n一、主要目标\n专利授权量达到500件。"
    assert one(plan)["target_year"] == 2025
    assert one("某市知识产权保护和运用“十四五”规划\n一、目标\n专利授权量达到500件。")["target_year"] == 2025
    assert one("2015年国家知识产权示范城市工作计划\n一、任务\n举办至少1期培训班。")["target_year"] == 2015
    dated = "某区知识产权强县工程试点工作方案\n(2013年4月)\n经过2年的努力,我区工作显著增强。\n一、目标\n专利授权量达到500件。"
    assert one(dated)["target_year"] == 2015
    timeline = ("某市工作方案(2022—2025年)\n一、时间进度安排\n(二)2023年1月—2023年12月。\n"
                "力争知识产权案件查办率达到100%。")
    assert one(timeline)["target_year"] == 2023
    assert one("专利授权量达到500件。", target_year=2030)["target_year"] == 2030


def test_plan_period_from_the_plan_named_in_a_news_opening():
    # a news report names its plan with its period in the first sentence (no title line): 2013 is a
    # milestone inside 2011-2020, not history; a 《referenced plan》's period is not the plan's own
    news = ("据市政府网消息,某市知识产权战略纲要(2011~2020年)已正式施行,到2020年建成知识产权强市。\n"
            "纲要提出,力争到2013年末,全市注册商标总数达到10万件。到2020年,形成一批知识产权优势企业。")
    r = one(news)
    assert (r["value"], r["target_year"], r["commitment"]) == (100000, 2013, "strive")
    quoted = ("为贯彻《国家知识产权战略纲要(2008—2020年)》,制定本方案。\n"
              "到2025年,全市发明专利授权量达到1万件。")
    h = extract(quoted).attrs["horizon"]
    assert (h["start_year"], h["end_year"]) != (2008, 2020) and h["end_year"] == 2025  # not the referenced period
    assert one(quoted)["target_year"] == 2025


def test_web_page_date_line_dates_a_plan_with_n_years_of_effort():
    for stamp in ("16.11.2018  18:29", "2018-11-16 18:29:05", "发布时间:2018-11-16"):
        text = f"某省地理标志品牌培育意见\n{stamp}\n意见提出,力争用3年时间,全省创建地理标志商标达到150件。"
        assert one(text)["target_year"] == 2021, stamp
    assert pd.isna(one("某省地理标志品牌培育意见\n意见提出,力争用3年时间,全省创建地理标志商标达到150件。")["target_year"])


def test_comparison_with_another_figure_is_not_a_target():
    text = "到2025年,每万人口高价值发明专利拥有量达到28件,比全国目标高出2倍多。到2025年,专利授权量增长2倍。"
    assert extract(text)["value_text"].tolist() == ["28件", "2倍"]
    assert rejected(text)[["value_text", "rule"]].values.tolist() == [["2倍", "comparison"]]


def test_horizon_of_the_five_documents_agrees_with_documents_csv():
    from ipanalysis.data import documents

    for d in documents().itertuples(index=False):
        h = analyse(raw_text(d.doc_id), d.doc_id).attrs["horizon"]
        assert h["kind"] == "plan"
        assert (h["start_year"], h["end_year"]) == (d.plan_start_year, max(int(y) for y in d.target_years.split(";"))), d.doc_id


# ---------------------------------------------------------------------------------------------
# flattened tables

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


# ---------------------------------------------------------------------------------------------
# never targets


@pytest.mark.parametrize("text", [
    "筑府办函〔2022〕117号",
    "根据《关于开展试点的通知》(国知办函运字〔2021〕1197号)要求,制定本方案。",
    "某市工作方案(2022—2025年)",
    "(二)2023年1月—2023年12月。",
    "经市人民政府2022年第3次常务会议审议通过。",
    "13.在全市范围内开展行政执法培训。",
    "工作计划中所述的9项任务,前4项任务为必做工作(第三批示范城市为前6项)。",
    "方案部署5类主要任务,细化为18项具体工作。",
    "以1个产业导航带动多个企业导航。",
    "推广实施《专利导航指南》系列国家标准(GB/T39551-2020)。",
    "成文时间: 2022-11-16 发布时间: 2022-11-16 11:30",
    "第5页 共12页",
    "“十四五”期间实施“5+n”体系和“4+4+X”产业体系。",
    "建议使用:1920×1080分辨率",
    "(共印49份)",
    "对获得中国专利金奖的企业给予50万元奖励,发明专利授权按照每件2000元标准给予资助。",
    "单个企业年度资助最高不超过100万元。",
    "领导小组每半年召开1次工作会议。",
])
def test_no_target_in(text):
    assert extract(text).empty, extract(text)[["value_text", "why"]].to_string()


def test_qualifying_threshold_is_not_a_target():
    c = one("到2015年,授权3件以上专利企业数量达50家。")
    assert c["value"] == 50 and c["indicator_zh"] == "授权3件以上专利企业数量"


def test_history_goes_to_baselines():
    text = ("某市知识产权保护和运用“十四五”规划\n第一章 规划背景\n第一节 发展成就\n"
            "年专利授权量从“十二五”末的550件增加到2748件,年均增长38.0%。截至2020年底,有效商标注册量31219件。\n"
            "第二章 主要目标\n到2025年,商标注册量突破5万件。")
    t = extract(text)
    assert t["value"].tolist() == [50000]
    b = extract_baselines(text)
    assert b["value"].tolist() == [550, 2748, 31219]
    assert b["year"].tolist() == [2015, 2020, 2020]
    assert b.loc[1, "growth_value"] == 38.0 and b.loc[1, "growth_kind"] == "cagr"


@pytest.mark.parametrize("sentence", [
    "“十三五”时期,全市专利授权量达到2748件。",
    "截至2020年底,全市驰名商标8件。",
    "2020年全市作品登记量633件,比2019年增长了3倍。",
    "目前拥有专利的企业达到9829家。",
    "全市已建成知识产权工作站12个。",
])
def test_past_values_in_a_14th_plan_are_baselines(sentence):
    text = "某市知识产权“十四五”规划\n" + sentence
    assert extract(text).empty
    assert len(extract_baselines(text)) >= 1


def test_report_without_future_cue_proposes_nothing():
    text = (FIXTURES / "national_2023_news.txt").read_text(encoding="utf-8")
    assert extract(text).empty
    assert len(extract_baselines(text)) >= 8


def test_growth_against_a_past_year_is_still_a_target_in_a_future_sentence():
    c = one("某市知识产权“十四五”规划\n到2025年,专利授权量比2020年增长50%。")
    assert (c["value"], c["measure"], c["indicator_zh"]) == (50, "growth_rate", "专利授权量")


# ---------------------------------------------------------------------------------------------
# verbatim quotes


def test_quotes_are_verbatim_with_fullwidth_input():
    text = "到２０２５年，有效发明专利达到１．５万件，商标有效注册量超过２０万件；力争每万人口高价值发明专利拥有量达到１２件。"
    df = extract(text)
    assert df["value"].tolist() == [15000, 200000, 12]
    for _, r in df.iterrows():
        assert text[r["start"]:r["end"]] == r["source_quote"]
        assert r["value_text"] in r["source_quote"]
        assert parse_quantity(r["value_text"]).value == r["value"]
    assert df.loc[0, "value_text"] == "１．５万件"


@pytest.fixture(scope="module")
def five():
    texts = {d: raw_text(d) for d in doc_ids()}
    cands = pd.concat([extract(texts[d], d) for d in texts], ignore_index=True)
    cands["candidate_id"] = cands["doc_id"] + ":" + cands["candidate_id"]
    return texts, cands


def test_every_candidate_is_consistent_with_ipanalysis_check(five):
    texts, cands = five
    assert list(cands.columns) == CANDIDATE_COLUMNS
    for r in cands.itertuples(index=False):
        assert texts[r.doc_id][r.start:r.end] == r.source_quote
        assert r.source_quote in texts[r.doc_id]
        if isinstance(r.value_text, str) and not pd.isna(r.value):
            assert r.value_text in r.source_quote
            q = parse_quantity(r.value_text + (r.table_unit if isinstance(r.table_unit, str) else ""))
            assert abs(q.value - r.value) < 1e-9 * max(1, r.value)


# ---------------------------------------------------------------------------------------------
# floors


def test_floor_on_the_five_curated_documents(five):
    texts, cands = five
    s = score(cands, targets(), texts, baselines=baselines(), exclusions=exclusions()).set_index("doc_id")
    assert s.loc["TOTAL", "recall"] >= 0.95, s
    assert s.loc["TOTAL", "precision"] >= 0.90, s
    assert (s["recall"] >= 0.9).all(), s  # no document left behind
    assert s.loc["TOTAL", "fp_exclusion"] == 0  # nothing from target_exclusions.csv is proposed


def test_floor_on_baselines(five):
    texts, _ = five
    b = pd.concat([extract_baselines(texts[d], d) for d in texts], ignore_index=True)
    b["candidate_id"] = b["doc_id"] + ":" + b["candidate_id"]
    assert list(b.columns) == BASELINE_COLUMNS
    truth = baselines().rename(columns={"baseline_id": "target_id"}).assign(duplicate_of=pd.NA)
    s = score(b, truth, texts).set_index("doc_id")
    assert s.loc["TOTAL", "recall"] >= 0.9


def _split_score(split: str) -> pd.Series:
    return score_split(load_fixtures(FIXTURES, split), extract).set_index("doc_id").loc["TOTAL"]


def test_every_fixture_label_quotes_its_text():
    fx = load_fixtures(FIXTURES)
    for r in fx["targets"].itertuples():
        assert r.source_quote in fx["texts"][r.doc_id], r.target_id
        assert r.value_text in r.source_quote, r.target_id
    assert set(fx["targets"]["doc_id"]) <= set(fx["texts"])


def test_floor_on_the_dev_split():
    tot = _split_score("dev")
    assert tot["recall"] >= 0.95 and tot["precision"] >= 0.85


def test_floors_on_the_test_split():
    # Documents never tuned on; a target counts only when value AND target year are right.  Measured:
    # recall 33/34 (97.1%), precision 33/33.  The first scoring, on the four documents labelled first,
    # was 16/17 (94.1%); beihai_2016, anqing_2008 and suzhou_2010 were added (each labelled and
    # committed before its first run) and scored 4/4, 5/5 and 8/8.  The one miss, ZZ-06, is a rate shared by a
    # list written with a verb (涉外专利申请量、授权量年均增长20%以上); it was found on the test split,
    # so it is left unfixed (fixing it would be tuning on the test split).
    tot = _split_score("test")
    assert tot["recall"] >= 0.95 and tot["precision"] >= 0.85


# ---------------------------------------------------------------------------------------------
# error classes of issue 11


def test_two_milestones_in_one_sentence_keep_their_own_years():
    a = analyse("某市知识产权强市建设实施方案(2018—2022年)\n全市有效发明专利2018年达到5000件,2022年达到8000件。")
    t = a[a["kind"] == "target"]
    assert t[["value", "target_year"]].values.tolist() == [[5000, 2018], [8000, 2022]]
    assert not t["indicator_zh"].str.contains(r"\d{4}年").any()
    assert set(t["indicator_zh"]) == {"有效发明专利"}


def test_a_past_milestone_and_a_future_one():
    a = analyse("某市知识产权“十四五”规划\n2018年全市有效发明专利达到5000件,2022年达到8000件。")
    assert a[["kind", "value", "target_year"]].values.tolist() == [["baseline", 5000, 2018], ["target", 8000, 2022]]


@pytest.mark.parametrize("text, rule", [
    ("确定了每万人口发明专利拥有量等10项约束性指标。", "indicator_count"),
    ("提出5个定性目标。", "indicator_count"),
    ("(二)实施三项行动", "heading"),
    ("二、5个重点工程", "heading"),
    ("实施9项任务。", "task_count"),
])
def test_counts_of_indicators_and_headings_are_not_targets(text, rule):
    r = rejected("某市知识产权“十四五”规划\n" + text)
    assert r["rule"].tolist() == [rule]
    assert extract("某市知识产权“十四五”规划\n" + text).empty


def test_previous_year_achievements_are_baselines():
    text = "某市知识产权“十四五”规划\n到2025年,有效注册商标达到15万件。去年全市商标注册3.2万件，同比增长12%。"
    assert extract(text)["value"].tolist() == [150000]
    b = extract_baselines(text)
    assert b[["value", "growth_value"]].values.tolist() == [[32000, 12]]


def test_a_quantity_without_a_verb_keeps_its_name():
    df = extract("某市知识产权“十四五”规划\n到2025年,有效发明专利达到2万件、软件著作权登记量8万件、商标有效注册量达到20万件。")
    assert df[["indicator_zh", "value"]].values.tolist() == [
        ["有效发明专利", 20000], ["软件著作权登记量", 80000], ["商标有效注册量", 200000]]


def test_annual_total_is_a_flow():
    df = extract("某市知识产权“十四五”规划\n到2025年,年度发明专利授权总量达到2.8万件,马德里商标国际注册总量达到600件。")
    assert df["measure"].tolist() == ["annual_flow", "stock"]


@pytest.mark.parametrize("text, value", [
    ("到2025年,专利授权量达到1,200件。", 1200),
    ("到2025年,专利授权量达到１，２００件。", 1200),
    ("到2025年,专利授权量达到5千件。", 5000),
    ("到2025年,力争培育两家示范企业。", 2),
    ("到2025年,商标达到三百件以上。", 300),
])
def test_numbers_written_with_separators_qian_and_chinese_numerals(text, value):
    assert extract(text)["value"].tolist() == [value]


def test_duplicates_are_proposed(five):
    _, cands = five
    gy = cands[cands["doc_id"] == "guiyang_2022"].set_index("candidate_id")
    trademarks = gy[(gy["value"] == 150000)]
    assert trademarks["duplicate_of"].isna().tolist() == [True, False]


# ---------------------------------------------------------------------------------------------
# scoring


def test_match_is_one_to_one_and_counts_duplicates():
    text = "商标注册量达到15万件。商标注册量达到15万件。"
    truth = pd.DataFrame({"target_id": ["A", "B"], "doc_id": ["d", "d"], "value": [150000.0, 150000.0],
                          "value_high": [None, None], "source_quote": ["商标注册量达到15万件"] * 2, "duplicate_of": [None, "A"]})
    cands = extract(text, doc_id="d")
    assert len(cands) == 2 and cands.loc[1, "duplicate_of"] == "T001"
    m = match(cands, truth, {"d": text})
    assert sorted(m["target_id"]) == ["A", "B"]
    s = score(cands, truth, {"d": text}).set_index("doc_id").loc["TOTAL"]
    assert (s["recall"], s["recall_unique"], s["precision"]) == (1.0, 1.0, 1.0)
    s = score(cands.iloc[:1], truth, {"d": text}).set_index("doc_id").loc["TOTAL"]
    assert (s["recall"], s["recall_unique"]) == (0.5, 1.0)


def test_match_needs_same_value_and_overlap():
    text = "甲数量达到3个,乙数量达到4个。"
    truth = pd.DataFrame({"target_id": ["A"], "doc_id": ["d"], "value": [4.0], "value_high": [None],
                          "source_quote": ["甲数量达到3个"]})
    assert match(extract(text, doc_id="d"), truth, {"d": text})["target_id"].isna().all()


# ---------------------------------------------------------------------------------------------
# the command line

PLAN = "到2025年,全市有效注册商标达到15万件,知识产权质押融资金额达到70亿元。\n“十三五”时期,全市驰名商标达到8件。\n"


def _cli(args, capsys):
    code = cli_main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("encoding, prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b"")])
def test_cli_encodings_give_the_same_candidates(tmp_path, capsys, encoding, prefix):
    src = tmp_path / "plan.txt"
    src.write_bytes(prefix + PLAN.encode(encoding))
    out = tmp_path / "c.csv"
    code, stdout, err = _cli([src, "--out", out, "--doc-id", "x"], capsys)
    assert code == 0, err
    assert "2 candidate targets" in stdout and "→" in stdout
    df = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8")
    assert df["value"].tolist() == ["150000", "7000000000"]  # plain decimals, no 7e9
    assert df["doc_id"].tolist() == ["x", "x"]
    assert out.read_bytes()[:3] != b"\xef\xbb\xbf"
    assert all(q in PLAN for q in df["source_quote"])


def test_cli_encoding_override_and_baselines_out(tmp_path, capsys):
    src = tmp_path / "plan.txt"
    src.write_bytes(("某市知识产权“十四五”规划\n" + PLAN).encode("gb18030"))
    code, stdout, err = _cli([src, "--encoding", "gb18030", "--out", tmp_path / "t.csv",
                              "--baselines-out", tmp_path / "b.csv"], capsys)
    assert code == 0, err
    assert "2 candidate targets, 1 baseline candidates" in stdout
    assert pd.read_csv(tmp_path / "b.csv")["value"].tolist() == [8]
    # the wrong encoding is a clear error
    code, _, err = _cli([src, "--encoding", "utf-8"], capsys)
    assert code != 0 and "cannot decode as utf-8" in err and str(src) in err


def test_cli_to_stdout(tmp_path, capsys):
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    code, out, err = _cli([src], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith("candidate_id,doc_id,indicator_zh")
    assert "2 candidate targets" in err


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "empty file"),
    (b"\xef\xbb\xbf \n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
    (b"\xff\xfe\xfd\xfc abc \xff", "cannot decode"),
])
def test_cli_bad_input(tmp_path, capsys, content, message):
    src = tmp_path / "in.txt"
    if content is not None:
        src.write_bytes(content)
    out = tmp_path / "c.csv"
    out.write_text("old,content\n", encoding="utf-8")
    code, _, err = _cli([src, "--out", out], capsys)
    assert code != 0
    assert message in err and str(src) in err
    assert out.read_text(encoding="utf-8") == "old,content\n"  # untouched


def test_cli_directory_and_missing_output_folder(tmp_path, capsys):
    code, _, err = _cli([tmp_path], capsys)
    assert code != 0 and "is a directory" in err
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    code, _, err = _cli([src, "--out", tmp_path / "nope" / "c.csv"], capsys)
    assert code != 0 and "no such directory" in err


def test_cli_no_targets_is_not_an_error(tmp_path, capsys):
    src = tmp_path / "plan.txt"
    src.write_text("本方案自印发之日起施行。\n", encoding="utf-8")
    out = tmp_path / "c.csv"
    code, stdout, _ = _cli([src, "--out", out], capsys)
    assert code == 0 and "0 candidate targets" in stdout
    assert pd.read_csv(out).empty and list(pd.read_csv(out).columns)[:3] == ["candidate_id", "doc_id", "indicator_zh"]


def test_cli_failure_while_writing_leaves_the_old_file(tmp_path, capsys, monkeypatch):
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "c.csv"
    out.write_text("old,content\n", encoding="utf-8")
    real = pd.DataFrame.to_csv

    def half_then_fail(self, buf=None, *a, **kw):
        if hasattr(buf, "write"):
            buf.write("candidate_id,doc_id\nC001,")  # half a file ...
            raise OSError(28, "No space left on device")  # ... then the disk fills up
        return real(self, buf, *a, **kw)

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    code, _, err = _cli([src, "--out", out], capsys)
    assert code != 0 and "cannot write output" in err
    assert out.read_text(encoding="utf-8") == "old,content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "plan.txt"]  # no temp file left


def test_cli_in_a_subprocess(tmp_path):
    src = tmp_path / "plan.txt"
    src.write_bytes(PLAN.encode("gbk"))
    out = tmp_path / "c.csv"
    code = "import sys; from ipanalysis.extractor import cli_main; sys.exit(cli_main(sys.argv[1:]))"
    r = subprocess.run([sys.executable, "-c", code, str(src), "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "2 candidate targets" in r.stdout
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "missing.txt")], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "no such file" in r.stderr


def test_read_document_errors(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "x.txt")
    p = tmp_path / "x.txt"
    p.write_bytes("达到15万件".encode("utf-8"))
    with pytest.raises(DocumentError, match="unknown encoding"):
        read_document(p, "no-such-codec")
    assert read_document(p) == ("达到15万件", "utf-8")


# ---------------------------------------------------------------------------------------------
# passages in styles not among the curated documents (written for these tests)

STYLE_PLAN = """XX市知识产权保护和运用“十四五”规划
XX市人民政府
2021年12月20日
一、发展基础
“十三五”以来,全市专利授权量年均增长21.5%,2020年达到12345件;有效发明专利拥有量3456件,每万人口发明专利拥有量6.8件。
二、发展目标
(一)总体目标
到2025年,知识产权强市建设取得显著成效。
(二)具体目标
——知识产权创造质量明显提升。每万人口高价值发明专利拥有量达到4.5件,年发明专利授权量达到2000件以上,PCT国际专利申请量累计达到300件。
——知识产权运用效益充分显现。专利商标质押融资额年均增长15%,五年累计达到50亿元;专利密集型产业增加值占GDP比重达到12%。
——知识产权保护更加严格。知识产权保护社会满意度达到85分以上,知识产权纠纷调解成功率保持在90%以上。
——知识产权服务更加便捷。建成知识产权公共服务网点10个,引进培育知识产权服务机构20家以上,新增知识产权专业人才500名。
三、重点任务
(一)实施高价值专利培育工程。每年支持建设高价值专利培育中心3—5个。
(二)加强知识产权人才培养。每年培训知识产权人才1000人次。
四、保障措施
本规划自印发之日起实施,有效期5年。联系电话:0771-1234567。
"""

WORK_POINTS = """2024年全市知识产权工作要点
2024年是实施“十四五”规划的关键一年。2023年,全市专利授权量达到8000件,同比增长12%。
一、主要目标
全年力争专利授权量达到9000件,发明专利授权量增长10%以上;新增国家知识产权示范企业3家及以上;知识产权质押融资登记金额确保突破30亿元;非正常专利申请比例控制在3%以内。
二、重点工作
1.开展专利导航项目不少于2个。
2.组织知识产权培训10场次以上,培训人数不少于1500人。
3.全年办理知识产权侵权纠纷案件结案率不低于95%,知识产权案件平均办理周期压缩至30个工作日以内。
"""


def test_five_year_plan_in_another_style():
    df = extract(STYLE_PLAN)
    assert df["value"].tolist() == [4.5, 2000, 300, 15, 5e9, 12, 85, 90, 10, 20, 500, 3, 1000]
    assert set(df["target_year"]) == {2025}
    assert df.loc[4, "indicator_zh"] == "专利商标质押融资额"  # 五年累计达到50亿元 takes the previous subject
    assert df.loc[4, "measure"] == "cumulative" and df.loc[3, "measure"] == "growth_rate"
    assert df.loc[11, "value_high"] == 5 and df.loc[12, "measure"] == "annual_flow"
    b = extract_baselines(STYLE_PLAN)
    assert b["value"].tolist() == [12345, 3456, 6.8] and b.loc[0, "growth_value"] == 21.5
    assert b.loc[0, "indicator_zh"] == "专利授权量"


def test_one_year_work_points():
    a = analyse(WORK_POINTS)
    assert (a.attrs["horizon"]["start_year"], a.attrs["horizon"]["end_year"]) == (2024, 2024)
    df = extract(WORK_POINTS)
    assert df["value"].tolist() == [9000, 10, 3, 3e9, 3, 2, 10, 1500, 95, 30]
    assert df["comparator"].tolist() == ["=", ">=", ">=", ">", "<=", ">=", ">=", ">=", ">=", "<="]
    assert df["value_text"].tolist()[2] == "3家及以上" and df["value_text"].tolist()[6] == "10场次以上"
    assert df.loc[0, "indicator_zh"] == "专利授权量" and df.loc[0, "commitment"] == "strive"
    assert df.loc[9, "unit"] == "个工作日" and df.loc[9, "indicator"] == ""  # a duration: no catalogue key
    assert set(df["target_year"]) == {2024}
    assert extract_baselines(WORK_POINTS)["value"].tolist() == [8000]
