"""The extractor end to end: verbatim quotes, duplicates, whole passages (:mod:`ipanalysis.extractor.pipeline`)."""

import pandas as pd

from ipanalysis.extractor import CANDIDATE_COLUMNS, analyse, extract, extract_baselines
from ipanalysis.units import parse_quantity


def test_quotes_are_verbatim_with_fullwidth_input():
    text = "到２０２５年，有效发明专利达到１．５万件，商标有效注册量超过２０万件；力争每万人口高价值发明专利拥有量达到１２件。"
    df = extract(text)
    assert df["value"].tolist() == [15000, 200000, 12]
    for _, r in df.iterrows():
        assert text[r["start"]:r["end"]] == r["source_quote"]
        assert r["value_text"] in r["source_quote"]
        assert parse_quantity(r["value_text"]).value == r["value"]
    assert df.loc[0, "value_text"] == "１．５万件"


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


def test_duplicates_are_proposed(five):
    _, cands = five
    gy = cands[cands["doc_id"] == "guiyang_2022"].set_index("candidate_id")
    trademarks = gy[(gy["value"] == 150000)]
    assert trademarks["duplicate_of"].isna().tolist() == [True, False]


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


# ---------------------------------------------------------------------------------------------
# issue 16.4: a plan reprinted in traditional characters (written by hand, not with the mapping)

SIMPLIFIED_PLAN = (
    "某市知识产权保护和运用“十四五”规划\n一、发展基础\n截至2020年底,全市有效发明专利拥有量1.2万件。\n二、主要目标\n"
    "到2025年,全市每万人口发明专利拥有量达到30件,发明专利授权量达到5000件以上,商标有效注册量突破20万件,"
    "知识产权质押融资金额累计达到50亿元,力争培育国家知识产权示范企业10家。")
TRADITIONAL_PLAN = (
    "某市知識產權保護和運用“十四五”規劃\n一、發展基礎\n截至2020年底,全市有效發明專利擁有量1.2萬件。\n二、主要目標\n"
    "到2025年,全市每萬人口發明專利擁有量達到30件,發明專利授權量達到5000件以上,商標有效註冊量突破20萬件,"
    "知識產權質押融資金額累計達到50億元,力爭培育國家知識產權示範企業10家。")


def test_a_plan_in_traditional_characters_extracts_like_its_simplified_original():
    cols = ["indicator", "indicator_zh", "value", "unit", "comparator", "measure", "target_year", "commitment", "start", "end"]
    simp, trad = extract(SIMPLIFIED_PLAN), extract(TRADITIONAL_PLAN)
    assert trad["value"].tolist() == [30, 5000, 200000, 5e9, 10]
    assert trad["unit"].tolist() == ["件/万人", "件", "件", "yuan", "家"]
    pd.testing.assert_frame_equal(trad[cols], simp[cols])
    for r in trad.itertuples():  # quotes and value texts stay verbatim (traditional), and parse back to the value
        assert TRADITIONAL_PLAN[r.start:r.end] == r.source_quote and r.value_text in r.source_quote
        assert parse_quantity(r.value_text).value == r.value
    assert trad["value_text"].tolist()[2:4] == ["突破20萬件", "50億元"]
    b = extract_baselines(TRADITIONAL_PLAN)
    assert b[["value", "year"]].values.tolist() == [[12000, 2020]] and "萬" in b.loc[0, "source_quote"]


# ---------------------------------------------------------------------------------------------
# issue 16.2: a target restated in an explanatory paragraph is linked to its first statement


def test_a_restated_target_is_linked_to_its_first_statement():
    text = ("某市知识产权强市建设规划出台\n规划提出,到2025年,海外发明专利授权量达到600件,马德里商标国际注册申请量达到300件。\n"
            "海外发明专利授权量达到600件。这项指标,反映企业参与国际竞争的能力。\n"
            "马德里商标国际注册申请量达到300件。这项指标,是商标国际化的标志。")
    df = extract(text)
    assert df[["candidate_id", "value", "target_year", "duplicate_of"]].fillna("").values.tolist() == [
        ["T001", 600, 2025, ""], ["T002", 300, 2025, ""], ["T003", 600, 2025, "T001"], ["T004", 300, 2025, "T002"]]


def test_the_same_value_for_another_year_is_not_a_restatement():
    df = extract("某市知识产权战略纲要(2021—2030年)\n到2023年,专利授权量达到500件。到2025年,专利授权量达到500件。")
    assert df["target_year"].tolist() == [2023, 2025] and df["duplicate_of"].isna().all()
