"""Stated values read as targets, and year scope (rule-writer's dev set 2 of 2026-12-06).

Every sentence here is invented (places, figures and years made up); each test names the error class it
guards and fails without its rule.
"""

from ipanalysis.extractor import analyse, extract, rejected


def test_a_date_line_that_opens_with_its_source_dates_the_text():
    # 来源:某报 | 发布日期:2031-04-11: the text's own date, so 今年 is 2031 (not a year guessed from a stated value)
    text = ("今年继续推进专利工作\n来源:某市日报 | 发布日期:2031-04-11 09:22\n"
            "记者获悉,今年我市力争全年发明专利申请量达到800件。每万人发明专利拥有量由2029年的0.5件提高到2030年的0.9件。")
    assert analyse(text).attrs["horizon"]["ref_year"] == 2031
    df = extract(text)
    assert df[["value", "target_year"]].values.tolist() == [[800.0, 2031]]


def test_this_year_as_the_last_time_word_before_a_quantity_dates_it():
    # 今年计划新增1家, 争取到“十五五”期末…: the 1家 is this year's; a later clause's horizon does not re-date it
    text = ("发布日期:2027-03-01\n某县科技工作会议\n"
            "今年计划新增省级工程技术研究中心3家,争取到“十五五”期末,规模以上企业研发机构覆盖率达到60%。")
    df = extract(text)
    assert df[["value", "target_year"]].values.tolist() == [[3.0, 2027], [60.0, 2030]]


def test_a_part_year_cue_dates_every_part_of_its_sentence():
    # 前三季度 opens the sentence: the figure after ; (far from the cue) is stated for the same months, not a target
    text = ("某省新闻发布会\n2033-11-25 10:00:00\n"
            "前三季度全省9个高新技术产业开发区完成工业总产值3000亿元,园区专利申请量5000件,占全省专利申请量的30.5%;"
            "专利授权量2100件。"
            "到2035年,园区每万人发明专利拥有量达到25件。")
    df = extract(text)
    assert df[["value", "target_year"]].values.tolist() == [[25.0, 2035]]
    a = analyse(text)
    assert a.loc[a["value"] == 2100, "kind"].tolist() == ["baseline"]


def test_one_of_n_and_a_time_limit_are_not_targets():
    # 是全国6个…的城市之一: a count of places; 自批复之日起2个月内: a time limit of a procedure
    r = rejected("某市是全国6个取得此成绩的城市之一。有关城市要自批复之日起2个月内印发工作方案。")
    assert r[["value", "rule"]].values.tolist() == [[6.0, "one_of"], [2.0, "time_limit"]]


def test_in_a_reporters_text_a_value_with_no_year_and_no_future_word_is_stated():
    # no date, no plan title, reporter's words (据悉, 累计): 占78%, 累计投入1.5亿元, 规模超200亿元 are stated values;
    # a sentence with 力争 keeps its candidate (no year: the reviewer supplies it)
    text = ("某市发明专利拥有量居省会城市前列\n据悉,全市新兴产业专利占发明专利总数78%。"
            "市级财政近三年累计投入1.5亿元专项资金,知识产权金融融资规模超200亿元。"
            "下一步,全市将力争专利质押融资额突破300亿元。")
    df = extract(text)
    assert df["value"].tolist() == [3e10] and df["target_year"].isna().all()
    a = analyse(text)
    assert sorted(a.loc[a["kind"] == "baseline", "value"]) == [78.0, 1.5e8, 2e10]
    # the same sentences under a plan's title, or without a reporter's word, stay candidates
    assert len(extract("某市专利工作方案\n全市新兴产业专利占发明专利总数78%。")) == 1
    assert len(extract("全市新兴产业专利占发明专利总数78%。")) == 1


def test_a_change_beside_a_count_and_the_distance_left_to_a_target_are_not_targets():
    # 达到20件,较上年提高3件: the 3件 restates the change (as 百分点 beside a %); 距离…目标还有0.5个百分点: a distance
    r = rejected("到2030年,每万人发明专利拥有量达到20件,较上年提高3件。距离2030年13%的目标还有0.5个百分点。")
    assert r[["value", "rule"]].values.tolist() == [[3.0, "difference"], [0.5, "distance"]]


def test_a_year_before_a_mid_term_reviews_date_is_reached_not_a_target():
    # a review dated 2028 of a 2026-2030 plan: 2027年…达到12.5% has been reached; the plan's 2030 target stays
    text = ("某省知识产权“十五五”规划中期评估\n2028-08-01\n"
            "2027年专利密集型产业增加值占GDP比重达到12.5%,距离2030年13%的目标还有0.5个百分点。")
    assert extract(text)[["value", "target_year"]].values.tolist() == [[13.0, 2030]]
    # the same sentence in a page whose time stamp is after the plan's end (a repost) proves nothing
    repost = text.replace("2028-08-01", "2033-08-01")
    assert 12.5 in extract(repost)["value"].tolist()


def test_last_years_words_make_an_undated_text_a_reporters_text():
    # 去年…比上年增长: a reporter's text; 达到20件 with no year and no future word is the stated value
    text = "某市专利数量稳步上升\n去年,某市专利授权量达到1.5万件,比上年增长12%。全市每万人发明专利拥有量达到20件。"
    assert extract(text).empty


def test_a_count_of_filings_named_verb_first_is_a_yearly_flow():
    # 申请发明专利达到N件 (the verb before the noun) is the year's filings, as 发明专利申请量 is
    text = "发布日期:2031-04-11\n某市科技工作\n今年我市将加强专利工作。2033年,我市申请发明专利达到9000件,拥有发明专利2500件。"
    assert extract(text)["measure"].tolist() == ["annual_flow", "stock"]


def test_a_dated_report_quoting_its_plans_target_while_the_period_runs():
    # 提前完成“十五五”规划确定的18万件目标 (no 的) in a text dated 2029: the reached value is history, the plan's
    # own target a target of 2030; a target of another plan a figure is compared with (比…的12件目标) is neither
    text = ("某市商标工作成效明显\n2029-01-15 10:00\n"
            "截至2028年底,全市有效商标注册量达到18.5万件,提前完成“十五五”规划确定的18万件目标。")
    assert extract(text)[["value", "target_year"]].values.tolist() == [[180000.0, 2030]]
    r = rejected("到2030年,每万人口高价值发明专利拥有量达到28件,比全国“十五五”规划定下的12件目标高出一倍多。")
    assert r[["value", "rule"]].values.tolist() == [[12.0, "comparison"]]
    # a count of targets stays a count: 3个目标
    assert rejected("规划提出了3个目标和12项指标。")[["value", "rule"]].values.tolist() == [[3.0, "indicator_count"], [12.0, "indicator_count"]]
