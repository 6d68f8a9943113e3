"""Plan phrasings read by general rules written from dev misses (2026-12-06, before the seventh blind set's
first run), each tested on invented sentences."""

from __future__ import annotations

import pandas as pd

from ipanalysis.extractor import extract
from ipanalysis.extractor.quantities import chinese_quantities
from ipanalysis.units import find_quantities


def _rows(text: str) -> list[tuple[float, object, str, str]]:
    c = extract(text, doc_id="d")
    return [(r.value, None if pd.isna(r.target_year) else int(r.target_year), r.unit, r.comparator)
            for r in c.itertuples()]


def test_po_before_an_amount_in_chinese_numerals_is_an_exclusive_lower_bound():
    text = "某市知识产权规划\n\n到2030年,全市工业总产值破万亿元,有效发明专利突破万件,知识产权质押融资超百亿元。"
    got = _rows(text)
    assert (1e12, 2030, "yuan", ">") in got
    assert (1e4, 2030, "件", ">") in got
    assert (1e10, 2030, "yuan", ">") in got
    assert len(got) == 3


def test_po_before_digits_is_a_bound_but_dapo_is_not():
    assert find_quantities("专利申请量破1万件")[0][2].comparator == ">"
    assert find_quantities("打破3项纪录")[0][2].comparator == "="


def test_a_sum_in_chinese_numerals_is_an_amount_only_with_wan_or_yi():
    assert [f.q.value for f in chinese_quantities("每件资助三元,奖励达到五十万元")] == [500000.0]


# Rules from the first run of the seventh blind set (2026-12-06), each on invented sentences.

def test_a_page_stamp_after_a_committed_horizon_is_a_reposts_and_future_years_stay_unsaid():
    text = ("某市新一轮创新计划出台\n发布时间:2040-05-01 10:00:00\n"
            "某市创新计划提出:未来3年内,全市每万人口发明专利拥有量将达到4件以上。\n"
            "争取到2031年,全市科技企业孵化器达到6个,高新技术产业总产值达到500亿元。")
    got = _rows(text)
    assert (6.0, 2031, "个", "=") in got and (5e10, 2031, "yuan", "=") in got  # not ended goals of a 2040 report
    assert (4.0, None, "件/万人", ">=") in got  # 未来3年 from an unknown date: no year


def test_a_past_date_opening_a_sentence_dates_its_later_semicolon_parts():
    plan = ("某省知识产权战略纲要(2031—2035年)\n\n一、序言\n"
            "到2030年底,全省专利申请总量3000件;有效注册商标5100件,其中驰名商标46件;农作物良种比重达66%。")
    assert _rows(plan) == []
    report = ("记者获悉,《某市知识产权规划(2031-2033年)》已印发,至2033年,每万人发明专利拥有量将达到13件以上。\n"
              "截至2030年底,全市专利申请1692件,是2025年的4.8倍;专利授权821件,是2025年的3.3倍;"
              "每万人发明专利拥有量11.2件。")
    assert [(v, y) for v, y, _, _ in _rows(report)] == [(13.0, 2033)]


def test_a_line_broken_inside_a_past_periods_results_carries_the_past_on():
    text = ("某市知识产权发展“十四五”规划\n2、为提升知识产权水平,制定本规划。“十三五”期间,我市新增专利申请19091件;全市有效\n"
            "3、发明专利拥有量2002件,列全省第三;每万人发明专利拥有量41.7件,\n")
    assert _rows(text) == []


def test_the_rate_at_which_a_plans_indicators_were_met_is_no_target():
    text = "某市知识产权发展“十六五”规划\n\n到2035年,“每万人发明专利拥有量”等10项关键性指标的平均实现率为145.4%,专利达到5000件。"
    assert [v for v, _, _, _ in _rows(text)] == [5000.0]


def test_a_year_inside_parentheses_dates_only_what_is_inside_them():
    text = ("某市知识产权推进计划(2031-2033年)\n\n到2033年,每万人口高价值发明专利拥有量10件(2031年底达3.85件,"
            "2032年底达6.22件),专利密集型产业增加值占GDP比重达12%。")
    c = extract(text, doc_id="d")
    assert [(r.value, int(r.target_year), r.unit, r.measure) for r in c.itertuples()] == [
        (10.0, 2033, "件/万人", "intensity"), (3.85, 2031, "件/万人", "intensity"),
        (6.22, 2032, "件/万人", "intensity"), (12.0, 2033, "%", "share")]


def test_a_count_of_deals_in_dan_is_a_quantity():
    got = _rows("某市知识产权实施方案\n\n到2030年,建成1家运营平台,发行至少1单知识产权证券化产品。")
    assert (1.0, 2030, "单", ">=") in got


def test_a_named_yearly_amount_without_leiji_is_an_annual_flow():
    c = extract("某市知识产权规划(2031—2035年)\n\n到2035年,知识产权质押融资额达到50亿元,技术合同成交额突破100亿元,"
                "知识产权质押融资余额达到80亿元,累计质押融资金额达到200亿元。", doc_id="d")
    assert list(c["measure"]) == ["annual_flow", "annual_flow", "level", "cumulative"]


def test_an_elided_subject_and_a_shared_per_10k_prefix_keep_the_intensity():
    c = extract("某市知识产权规划(2031—2035年)\n\n2032年,每万人口高价值发明专利拥有量达到8件;2033年达到9件;"
                "到2035年,每万人口发明专利拥有量、高价值发明专利拥有量分别达到30件和12件。", doc_id="d")
    assert list(c["unit"]) == ["件/万人"] * 4 and list(c["measure"]) == ["intensity"] * 4


# Rules from the first run of the eighth blind set (2026-12-06), each on invented sentences.

def test_digits_a_page_stored_with_spaces_between_them_are_read_as_one_number():
    text = "某市科技创新规划\n\n到2030年,年专利申请量达到3 5 0件以上,其中发明专利占总申请量的3 0%以上,产业产值达到1 2 0亿。"
    got = _rows(text)
    assert got == [(350.0, 2030, "件", ">="), (30.0, 2030, "%", ">="), (1.2e10, 2030, "yuan", "=")]
    c = extract(text, doc_id="d")
    assert list(c["value_text"]) == ["3 5 0件以上", "3 0%以上", "1 2 0亿"]  # quoted as the page has them


def test_a_comparisons_base_year_is_not_the_target_year():
    text = "某市商标战略\n\n全市注册商标比2030年增长65%以上,力争每万人口发明专利拥有量达到8件。"
    assert all(y is None for _, y, _, _ in _rows(text))


def test_a_target_compared_with_a_past_periods_end_is_still_a_target():
    text = ("某区知识产权“十四五”规划发布\n\n《规划》明确,三大核心指标均要求实现“翻一番”:每万人高价值发明专利拥有量达到50件以上,"
            "较“十三五末”翻一番;知识产权纠纷调解成功案件数达到650件,较“十三五”平均水平翻一番。")
    assert [v for v, _, _, _ in _rows(text)] == [50.0, 650.0]


def test_measures_of_yearly_counts_growth_verbs_and_things_striven_for():
    c = extract("某市知识产权规划(2031—2035年)\n\n到2035年,专利国际申请数量年度突破1000件,注册商标申请量年递增20%以上,"
                "争创省级示范区2个以上,主导制定国家标准20项以上。", doc_id="d")
    assert list(c["measure"]) == ["annual_flow", "growth_rate", "cumulative", "cumulative"]


# Phrasings probed on invented sentences before the ninth blind set (no blind document behind them).

def test_percentages_written_baifenzhi_are_read():
    got = _rows("某市知识产权规划\n\n到2030年,专利授权量年均增长百分之十以上,发明专利占比提高到百分之三点五。")
    assert got == [(10.0, 2030, "%", ">="), (3.5, 2030, "%", "=")]


def test_a_from_to_sentence_takes_its_name_from_the_words_before_its_from():
    c = extract("某市知识产权规划(2031—2035年)\n\n到2035年,每万人口发明专利拥有量由2030年的8.5件提高到15件。", doc_id="d")
    assert [(r.indicator_zh, r.value, r.unit, r.measure) for r in c.itertuples()] == [
        ("每万人口发明专利拥有量", 15.0, "件/万人", "intensity")]


# Rules from the first run of the ninth blind set (2026-12-06), each on invented sentences.

def test_a_headline_restating_this_years_stated_figure_is_no_target():
    text = ("今年某市新增发明专利授权1243件\n\n2031-12-10 16:24:30 来源: 某网 作者: 某某\n\n"
            "12月10日,某市召开知识产权规划新闻发布会。记者了解到,今年全市新增发明专利授权1243件,同比增长101.1%。"
            "《规划》提出,到2035年,每万人口高价值发明专利拥有量力争达到12件。")
    assert [(v, y) for v, y, _, _ in _rows(text)] == [(12.0, 2035)]


def test_patents_applied_for_with_shenbao_are_a_yearly_count():
    c = extract("某市知识产权工作要点(2031年)\n\n全年将申报发明专利800件以上。", doc_id="d")
    assert list(c["measure"]) == ["annual_flow"]
