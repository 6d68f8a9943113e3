"""Rules from the first run of the fourth blind set (2026-12-06), each tested on invented sentences.

A work conference's report (dated, no horizon anywhere), an undated report of results compared with a
plan's goal, a source-first date line, 户 as a count unit, and a rate written as 'N% 的增长'.
"""

from __future__ import annotations

import pandas as pd

from ipanalysis.extractor import extract
from ipanalysis.extractor.document import read_document_facts


def _targets(text: str) -> list[tuple[float, object, str]]:
    c = extract(text, doc_id="d")
    return [(r.value, None if pd.isna(r.target_year) else int(r.target_year), r.measure) for r in c.itertuples()]


def test_a_source_first_date_line_separated_by_a_space_dates_the_text():
    text = "某省专利工作会议召开\n文章来源: 某某资讯网 发布时间: 2031/3/9 10:15:00\n\n会议指出,全省将加强专利保护。"
    assert read_document_facts(text).ref_year == 2031
    text = "某省专利工作会议召开\n信息来源:某 日报 | 发布日期:2031-03-09\n\n会议指出,全省将加强专利保护。"
    assert read_document_facts(text).ref_year == 2031


def test_a_dated_text_with_no_horizon_gives_its_commitments_its_own_year():
    text = ("某省商标工作会议召开\n发布时间: 2031/2/20 09:00:00\n\n"
            "会议提出,力争每万人发明专利拥有量达到7.5件;专利质押融资额争取在2030年4.2亿元基础上增长15%。")
    got = _targets(text)
    assert (7.5, 2031, "intensity") in got
    assert (15.0, 2031, "growth_rate") in got  # 2030 is the base year of the growth, not its target year
    # an undated text keeps no year: nothing says which year its goals are for
    undated = text.replace("发布时间: 2031/2/20 09:00:00\n", "")
    assert {y for _, y, _ in _targets(undated)} <= {None, 2030} and (7.5, None, "intensity") in _targets(undated)


def test_an_undated_report_compared_with_a_plans_goal_proposes_no_target():
    text = ("昨天,某市科技局负责人接受在线访谈。\n\n据了解,2030年,全市发明专利申请达到12345件,"
            "每万人口发明专利拥有量达到8.8件,超过国家“十五五”规划目标的2倍。")
    assert read_document_facts(text).kind == "report"
    assert _targets(text) == []
    # the same figures in a text that sets a goal stay proposed as targets
    plan = text.replace("超过国家“十五五”规划目标的2倍", "力争到2035年每万人口发明专利拥有量达到12件")
    assert (12.0, 2035, "intensity") in _targets(plan)


def test_hu_counts_organisations():
    got = _targets("力争到2033年,培育80家示范学校、600户优势企业、900项高价值发明专利。")
    assert (600.0, 2033, "cumulative") in got and (80.0, 2033, "cumulative") in got
    c = extract("到2033年,全市户籍人口达到100万。", doc_id="d")
    assert "户" not in set(c["unit"].dropna())  # 户籍 is a word, not a unit


def test_a_rate_written_as_n_percent_growth_is_a_growth_rate():
    got = _targets("到2033年,实现每万人口高价值发明专利拥有量8%的增长。")
    assert got == [(8.0, 2033, "growth_rate")]


def test_organisations_built_within_the_year_add_up():
    text = "某省知识产权工作会议召开\n发布时间: 2031/2/20 09:00:00\n\n今年力争年内新建维权援助工作站不少于12家。"
    assert (12.0, 2031, "cumulative") in _targets(text)


# --- rules from the first run of the fifth blind set (2026-12-06) ------------------------------------------------


def test_goals_named_for_an_older_five_year_period_or_a_year_date_their_paragraph():
    text = ("某市专利工作“九五”计划和2010年规划纲要\n"
            "纲要提出:“九五”期间的奋斗目标是:专利代理人员达到80人;创建120个专利示范企业。"
            "2010年的奋斗目标是:创建专利示范企业400家;年专利申请900件以上。")
    got = {(v, y) for v, y, _ in _targets(text)}
    assert {(80.0, 2000), (120.0, 2000), (400.0, 2010), (900.0, 2010)} <= got
    assert not {(80.0, 2010), (120.0, 2010), (400.0, 2000)} & got


def test_a_period_named_with_a_commitment_is_the_horizon_and_a_past_year_heading_a_sentence_dates_its_parts():
    text = ("3月2日,记者从某省工商局了解到,2025年,全省商标注册量达12000件,总数达到36000件;"
            "新认定著名商标200件,有效量达到900件。注册商标、著名商标分别超额完成了“十四五”规划3万件、800件的目标。\n"
            "据了解,“十五五”期间,全省将深入推进商标注册,力争注册商标达到50000件,驰名商标达到90件。")
    got = _targets(text)
    assert {(v, y) for v, y, _ in got} == {(50000.0, 2030), (90.0, 2030)}


def test_an_ended_plans_target_quoted_in_a_later_text_is_not_a_target():
    text = ("据了解,“十五五”期间,全省将力争注册商标达到50000件。"
            "此前全省已超额完成了“十四五”规划800件的目标。")
    got = {(v, y) for v, y, _ in _targets(text)}
    assert (50000.0, 2030) in got and not any(v == 800.0 for v, _ in got)


def test_statistics_cited_by_a_reporter_make_a_report():
    text = ("原标题:某省发明专利申请突破3万件\n据国家知识产权局最新公布的统计数据,2030年,某省专利申请总量突破15万件;"
            "全省有效发明专利突破3万件,企业发明专利拥有量达2.1万件。(记者 张三 通讯员 李四)")
    assert read_document_facts(text).kind == "report"
    assert _targets(text) == []


def test_the_next_n_years_of_a_dated_text_are_its_horizon():
    text = "某市知识产权新闻\n发布时间:2031-01-25\n\n某市将大力实施知识产权战略。未来5年,全市每百万人口发明专利授权量将达300件以上。"
    assert [y for _, y, _ in _targets(text)] == [2036]


def test_a_rate_at_which_a_count_grows_is_a_growth_rate():
    got = _targets("到2033年,全市商标注册以年平均12%的速度增长。")
    assert got == [(12.0, 2033, "growth_rate")]


# --- rules from the first run of the sixth blind set (2026-12-06) ------------------------------------------------


def test_a_half_year_report_states_values_and_keeps_the_years_tasks_as_targets():
    text = ("上半年某市高新技术产业产值120亿元\n2031-07-30 某某网\n"
            "今年上半年,某市高新技术产业产值达到120亿元,同比增长20%。"
            "争取到2031年省级科技专项立项项目4个,经费总额500万元。科技企业孵化器新增在孵企业60家,完成全年150家任务的40%。"
            "上半年受理发明专利申请420件,完成全年900件任务的46.7%;各县按计划开展80名科技特派员的选派工作。")
    doc = read_document_facts(text)
    assert (doc.ref_year, doc.kind) == (2031, "report")  # a date line with its source after it; 按计划, 争取到2031年: no future
    assert sorted((v, y) for v, y, _ in _targets(text)) == [(150.0, 2031), (900.0, 2031)]
    c = extract(text, doc_id="d")
    assert not (c["unit"] == "%").any()  # 完成…任务的40%: how much is done, never a target


def test_a_plans_goal_paragraph_opened_by_a_bare_year_dates_its_sentences():
    text = ("某市知识产权强市建设实施方案(2031-2045年)\n二、主要目标\n"
            "2035年,全市知识产权创造能力显著增强,每万人高价值发明专利拥有量达到3.1件。年度知识产权质押融资金额达到20亿元。\n"
            "2045年,全市知识产权综合实力位居全省前列。")
    got = {(v, y) for v, y, _ in _targets(text)}
    assert {(3.1, 2035), (2.0e9, 2035)} <= got and not any(y == 2045 for _, y in got)


def test_a_completion_ratio_is_not_a_target_in_a_text_that_sets_goals():
    text = "某区科技局力争到2033年发明专利授权量达到300件。今年以来已完成全年目标任务的79.5%。"
    got = _targets(text)
    assert (300.0, 2033, "annual_flow") in got and not any(v == 79.5 for v, _, _ in got)


def test_one_growth_verb_over_a_list_of_indicators_gives_one_rate_each():
    got = _targets("到2033年,保持商标申请量和注册量年均增长12%;涉外专利申请量、授权量年均增长25%以上。")
    assert sorted(v for v, _, _ in got) == [12.0, 12.0, 25.0, 25.0]
    assert {y for _, y, _ in got} == {2033} and {m for _, _, m in got} == {"growth_rate"}
    assert len(_targets("到2033年,专利申请量年均增长12%。")) == 1
