"""Numbers, units and comparators (:mod:`ipanalysis.extractor.quantities`)."""

import math

import pytest

from ipanalysis.extractor import extract
from ipanalysis.units import parse_quantity
from extract_helpers import one


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


@pytest.mark.parametrize("text, value", [
    ("到2025年,专利授权量达到1,200件。", 1200),
    ("到2025年,专利授权量达到１，２００件。", 1200),
    ("到2025年,专利授权量达到5千件。", 5000),
    ("到2025年,力争培育两家示范企业。", 2),
    ("到2025年,商标达到三百件以上。", 300),
])
def test_numbers_written_with_separators_qian_and_chinese_numerals(text, value):
    assert extract(text)["value"].tolist() == [value]


def test_score_and_percentage_points():
    assert one("到2025年,知识产权保护社会满意度达到86分。")["measure"] == "score"
    pp = one("到2025年,有效发明专利占比提高2个百分点。")
    assert (pp["value"], pp["unit"], pp["value_text"]) == (2, "百分点", "2个百分点")


# ---------------------------------------------------------------------------------------------
# blind set of 2026-12-05 (tuned on after its first run): a range with its unit on both ends

@pytest.mark.parametrize("text, ranges", [
    ("到2027年,建成示范园区2个至4个。", [(2, 4, "2个至4个")]),
    ("到2027年,扶持龙头企业6家到9家。", [(6, 9, "6家到9家")]),
    ("到2027年,新建工作站1—3个。", [(1, 3, "1—3个")]),
    ("到2027年,扶持骨干机构2家至3家、培育特色机构4家至7家。", [(2, 3, "2家至3家"), (4, 7, "4家至7家")]),
])
def test_a_range_with_a_unit_on_both_ends_is_one_candidate(text, ranges):
    df = extract(text)
    assert list(zip(df["value"], df["value_high"], df["value_text"])) == ranges
    assert set(df["comparator"]) == {"range"}


def test_a_unit_then_a_year_is_not_a_range():
    df = extract("到2027年,商标申请量达到800件至2030年保持稳定。")
    assert df["value"].tolist() == [800] and math.isnan(df["value_high"][0])


def test_jin_before_a_number_is_approximate():
    r = one("到2027年,年发明专利授权量将达到近4万件。")
    assert (r["value"], r["comparator"], r["value_text"]) == (40000, "≈", "近4万件")
