"""Document facts: plan period, target year, dates (:mod:`ipanalysis.extractor.document`)."""

import pandas as pd

from ipanalysis.extractor import analyse, extract
from ipanalysis.data.sources import raw_text
from extract_helpers import one


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


def test_horizon_of_the_five_documents_agrees_with_documents_csv():
    from ipanalysis.data import documents

    for d in documents().itertuples(index=False):
        h = analyse(raw_text(d.doc_id), d.doc_id).attrs["horizon"]
        assert h["kind"] == "plan"
        assert (h["start_year"], h["end_year"]) == (d.plan_start_year, max(int(y) for y in d.target_years.split(";"))), d.doc_id


def test_a_target_without_a_year_takes_the_period_of_the_plan_the_report_is_about():
    # blind set of 2026-12-05: a news headline without a period; the plan is named in 《》 as the subject
    for opening in ("某部门近日印发《商标品牌培育“十五五”规划》(以下简称《规划》)。《规划》提出,",
                    "《某市版权工作方案(2024—2027年)》日前正式印发。方案提出,"):
        r = one(f"首个商标品牌五年规划出台\n{opening}示范企业达到500家以上。")
        assert r["target_year"] == (2030 if "十五五" in opening else 2027), opening
    # a 《document》 the plan only cites (根据…) gives no horizon
    assert pd.isna(one("首个商标品牌规划出台\n规划依据《某纲要(2021—2035年)》制定。示范企业达到500家以上。")["target_year"])


def test_traditional_jian_cheng_is_read_as_simplified():
    from ipanalysis.text import normalize
    assert normalize("(以下簡稱《規劃》)") == "(以下简称《规划》)"


def test_a_repost_time_stamp_does_not_date_a_text_that_states_its_own_future():
    # blind set of 2026-12-05: a relative goal (翻一番) and the number derived from it (将达到近2万件)
    text = ("某省全力建设知识产权强省\n发布时间:2024-03-01\n省委提出,到“十三五”末,全省发明专利授权量要比“十二五”末翻一番。"
            "按照这一目标,到2020年,全省年发明专利授权量将达到近2万件。")
    r = one(text)
    assert (r["value"], r["comparator"], r["target_year"], r["measure"]) == (20000, "≈", 2020, "annual_flow")
    # the same stamp on a text whose future is after it still dates it
    assert analyse(text.replace("2020年", "2026年")).attrs["horizon"]["ref_year"] == 2024
