"""Reports of results and year scope (issue 16, third round: the rule-writer's dev set of 2026-12-06).

Every sentence here is invented (places, figures and years made up); each test names the error class it
guards and fails without its rule.
"""

from ipanalysis.extractor import analyse, extract, extract_baselines, rejected
from extract_helpers import one


def test_an_undated_text_in_a_reporters_words_with_no_future_word_is_a_report():
    # 获悉/据悉/累计 and not one future word: 突破/达/超过 state achieved values, even without a date line;
    # 专项计划投入 is a programme that spent money, not 计划 (plan) as a future word
    text = ("记者从省局昨天的发布会上获悉,全省企业拥有发明专利8000件,实现产值突破3万亿元。"
            "省专项计划投入资金120亿元,全省累计获得质押贷款超过50亿元,每万人口发明专利拥有量达6.5件。")
    assert extract(text).empty
    assert analyse(text).attrs["horizon"]["kind"] == "report"
    assert sorted(extract_baselines(text)["value"]) == [6.5, 8000, 5e9, 1.2e10, 3e12]
    # a bare sentence without reporter's words or a date stays a candidate target (no evidence of a report)
    assert one("专利授权量达到500件。")["value"] == 500


def test_a_date_line_that_goes_on_with_its_source_dates_the_text():
    text = ("某市专利数据发布\n时间: 2019-03-02 10:00:00 | 来源: 某日报\n"
            "2018年,全市专利授权量为8000件;每万人口发明专利拥有量为12.5件。")
    h = analyse(text).attrs["horizon"]
    assert (h["kind"], h["ref_year"]) == ("report", 2019)
    assert extract(text).empty


def test_from_a_past_year_to_a_past_year_is_history_not_a_future():
    # 由A提高至B (as 从…增长到): both ends are history; 至2018年 in a 2020 text is no future word
    text = ("某产业调研结果\n2020-05-06\n"
            "调研显示,产业增加值占GDP的比重由2013年的5.1%提高至2018年的6.2%。")
    assert extract(text).empty
    assert sorted(extract_baselines(text)["value"]) == [5.1, 6.2]


def test_as_of_without_a_year_states_a_value_and_a_five_year_plans_target_takes_its_last_year():
    # 截至今年6月 (no calendar year) is an 'as of' date: the value is history; the plan's target quoted
    # beside it (…规划预期的8件的目标) is a target of that plan's last year
    text = ("2018-07-20 09:00:00\n截至今年6月,全国每万人口发明专利拥有量达到9.1件,"
            "提前实现“十三五”规划预期的8件的目标。")
    r = one(text)
    assert (r["value"], r["target_year"]) == (8, 2020)
    assert list(extract_baselines(text)["value"]) == [9.1]


def test_as_of_a_year_in_an_undated_text_is_history():
    # no date and no plan period: what the text states as of a date is a stated value, not a target; nor is
    # the target of a plan reported as exceeded (超额完成, not 提前) as of that date
    text = ("截至2030年底,全市商标有效注册量达到50万件,超额完成某规划提出的40万件的预期目标。"
            "截至2030年底,全市有效发明专利达到8.2万件。")
    assert extract(text).empty
    assert sorted(extract_baselines(text)["value"]) == [82000, 400000, 500000]


def test_the_long_name_of_a_five_year_period_dates_targets_and_history():
    # 第十三个五年计划期间 is “十三五”: 到 it gives 2020; the previous period is history
    text = ("第十二个五年计划期间,全市专利申请量年均增长15%。\n"
            "计划到第十三个五年计划期间,全市专利申请量年均增长20%以上,发明专利申请量年均增长25%以上。")
    a = analyse(text)
    assert list(zip(a["kind"], a["value"], a["target_year"])) == [("baseline", 15, 2015), ("target", 20, 2020), ("target", 25, 2020)]


def test_counts_of_stages_features_and_slogans_are_not_targets():
    r = rejected("建设分为3个阶段,呈现4个特征。强省建设分為3個階段。全年工作可以概括为六个最。")
    assert list(zip(r["value"], r["rule"])) == [(3, "task_count"), (4, "task_count"), (3, "task_count"), (6, "slogan_count")]


def test_year_on_year_in_one_part_of_a_sentence_makes_its_other_parts_history():
    # 同比 in the first ;-part reports the year of the whole sentence: the second part's value is history too
    text = "全市专利申请量达9000件,同比增长10%;发明专利申请量达3000件。下一步,将加大对专利申请的支持。"
    assert extract(text).empty
    assert sorted(extract_baselines(text)["value"]) == [3000, 9000]


def test_this_year_and_next_year_in_a_dated_text():
    # 明年 is the year after the text's date; 截至11月底 (no year) states a value of the text's own year
    text = "某县商标品牌工作情况\n2029-12-20\n截至11月底,全县有效注册商标达5600件。明年,全县有效注册商标将达到6500件。"
    r = one(text)
    assert (r["value"], r["target_year"]) == (6500, 2030)
    b = extract_baselines(text)
    assert list(zip(b["value"], b["year"])) == [(5600, 2029)]
    # a work plan: 今年以来/上半年/1-10月 report the year so far; 全年力争 is the target of the text's year
    plan = ("某市知识产权工作要点\n2031-02-01\n今年以来,全市发明专利授权量达到2100件。上半年,全市商标注册量达1.2万件。"
            "1-10月,全市技术合同成交额突破80亿元。全年力争发明专利授权量达到5000件。")
    r = one(plan)
    assert (r["value"], r["target_year"]) == (5000, 2031)
    b = extract_baselines(plan)
    assert list(zip(b["value"], b["year"])) == [(2100, 2031), (12000, 2031), (8e9, 2031)]
    # in a report of a year, 全年 is that past year, not a target
    assert extract("2030年全国知识产权工作进展\n2030年,全国知识产权系统完成全年目标任务。全年授权发明专利92万件。").empty


def test_a_candidate_without_a_horizon_cue_has_a_lower_confidence():
    dated = one("到2025年,专利授权量达到500件。")
    in_plan = one("某市知识产权“十四五”规划\n专利授权量达到500件。")
    bare = one("专利授权量达到500件。")
    assert (dated["confidence"], in_plan["confidence"], bare["confidence"]) == (0.85, 0.65, 0.55)
    assert in_plan["why"].endswith("no horizon cue (year from the document)")
    assert bare["why"].endswith("no horizon cue and no target year")


def test_the_from_side_of_from_a_to_b_is_history():
    # 从2030年的3万件增加到2035年的6万件: 3万件 is the baseline even though the sentence names a future year
    a = analyse("某市知识产权规划(2031—2035年)\n全市发明专利拥有量从2030年的3万件增加到2035年的6万件。")
    assert list(zip(a["kind"], a["value"], a["target_year"])) == [("baseline", 30000, 2030), ("target", 60000, 2035)]



def test_a_bare_year_in_an_undated_report_is_the_year_of_a_stated_value():
    # an undated report (a reporter's words, no future word): 2029年…达 is a stated value, not a milestone
    text = "记者从省局获悉,全省累计新增专利申请17万件。2029年,全省每万人口发明专利拥有量达7.8件。"
    assert extract(text).empty
    b = extract_baselines(text)
    assert list(b["value"]) == [170000, 7.8] and b["year"].iloc[1] == 2029


def test_a_difference_stated_beside_its_level_is_not_another_target():
    # 达到15%,比2030年提高3个百分点 restates the level as a difference; a difference stated alone is a target
    r = one("某省知识产权规划(2031—2035年)\n到2035年,专利密集型产业增加值占GDP比重达到15%,比2030年提高3个百分点。")
    assert r["value"] == 15
    assert list(rejected("到2035年,某产业增加值占GDP比重达到15%,比2030年提高3个百分点。")["rule"]) == ["difference"]
    assert one("某市规划(2031—2035年)\n到2035年,专利密集型产业增加值占GDP比重较2030年提高2个百分点。")["value"] == 2


def test_years_listed_with_respectively_pair_with_their_values():
    df = extract("某市知识产权工作方案(2031—2033年)\n全市发明专利授权量2031年、2032年、2033年分别达到1000件、1200件、1500件。")
    assert list(zip(df["value"], df["target_year"])) == [(1000, 2031), (1200, 2032), (1500, 2033)]


def test_within_n_years_and_by_the_end_of_the_year_in_a_dated_text():
    assert one("某县知识产权工作意见\n2030-03-01\n力争三年内,全县有效注册商标突破1万件。")["target_year"] == 2033
    r = one("某市知识产权工作要点\n2032-02-01\n到年底,全市专利授权量达到6000件。")
    assert (r["target_year"], r["confidence"]) == (2032, 0.85)  # a horizon cue in the sentence


# Blind set of 2026-12-06 (reports of results read as plans); invented sentences.

def test_a_date_line_in_chinese_date_form_with_its_source_dates_the_text():
    # 发布时间:2031年05月12日 09:15 来源:某网 (年月日, source without |) is the page's date line
    text = ("发布时间:2031年05月12日 09:15 来源:某网\n\n"
            "在5月12日举行的发布会上,某市局介绍,截至2030年12月,全市发明专利有效量8.2万件,同比增长11.5%。")
    h = analyse(text).attrs["horizon"]
    assert (h["kind"], h["ref_year"]) == ("report", 2031)
    assert extract(text).empty
    assert 82000.0 in list(extract_baselines(text)["value"])


def test_to_a_year_and_month_with_de_is_a_stated_value_not_a_horizon():
    # 从2012年末的A提高到2016年8月的B: 到YYYY年N月的 is the date of a stated value, not 到YYYY年 (a horizon);
    # 截至2016年8月份 is an 'as of' date, not 至2016年
    text = ("本报讯 某省专利工作成效明显。每万人口发明专利拥有量从2012年末的0.9件提高到2016年8月的2.4件。"
            "截至2016年8月份,全省商标有效注册总量达12.6万件。")
    assert analyse(text).attrs["horizon"]["kind"] == "report"
    assert extract(text).empty
    assert sorted(extract_baselines(text)["value"]) == [0.9, 2.4, 126000.0]
    # a plan's own 到YYYY年 still dates its targets
    assert one("到2028年,全省商标有效注册总量达到20万件。")["target_year"] == 2028


def test_a_cited_plan_title_and_a_quoted_goal_without_a_number_are_no_future_words():
    # 《…规划》 is a cited document and “…”目标 a named goal with no number: the text states values only
    text = ("记者5日从市局获悉,某市入选示范城市名单。近年来,某市围绕确立的“建设创新强市”目标推进工作。"
            "截至2030年底,全市有效发明专利量3.1万件,地理标志累计21件。"
            "某市先后出台《某市“十五五”知识产权发展规划》等文件,通过快速通道获发明专利授权累计超过600件。")
    assert analyse(text).attrs["horizon"]["kind"] == "report"
    assert extract(text).empty
    # a quoted goal with its number is still a target's cue (the slogan is not stripped when it has digits)
    from ipanalysis.extractor.lexicon import QUOTED_GOAL
    assert QUOTED_GOAL.search("“三年翻一番”目标") and not QUOTED_GOAL.search("“达到5万件”目标")
