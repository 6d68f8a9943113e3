"""Chinese quantities to base units: each case fails if the parser is wrong."""

import pytest

from ipanalysis.units import UnitError, find_quantities, normalize_text, parse_quantity


@pytest.mark.parametrize("text, value, high, unit, comparator", [
    ("15万件", 150000, None, "件", "="),
    ("3.1219万件", 31219, None, "件", "="),
    ("35亿元", 3.5e9, None, "yuan", "="),
    ("6.214亿元", 6.214e8, None, "yuan", "="),
    ("8亿元", 8e8, None, "yuan", "="),
    ("4万亿元", 4e12, None, "yuan", "="),        # 万亿元: a multiplier before 亿元 (was read as 4亿元)
    ("6.63万亿元", 6.63e12, None, "yuan", "="),
    ("3千亿元", 3e11, None, "yuan", "="),
    ("12%以上", 12, None, "%", ">="),
    ("80 %以上", 80, None, "%", ">="),
    ("0.21%以上", 0.21, None, "%", ">="),
    ("250家以上", 250, None, "家", ">="),
    ("20个以上", 20, None, "个", ">="),
    ("40项以上", 40, None, "项", ">="),
    ("96人以上", 96, None, "人", ">="),
    ("100名", 100, None, "名", "="),
    ("20场", 20, None, "场", "="),
    ("86分", 86, None, "分", "="),
    ("不低于600人次/年", 600, None, "人次", ">="),
    ("不少于200家", 200, None, "家", ">="),
    ("至少1家", 1, None, "家", ">="),
    ("3人(或以上)", 3, None, "人", ">="),
    ("突破5万件", 50000, None, "件", ">"),
    ("超1万人", 10000, None, "人", ">"),
    ("1万余人", 10000, None, "人", ">"),
    ("1000余人", 1000, None, "人", ">"),
    ("15%左右", 15, None, "%", "≈"),
    ("5—10个", 5, 10, "个", "range"),
    ("1—2个", 1, 2, "个", "range"),
    ("5—10家", 5, 10, "家", "range"),
    ("１５万件", 150000, None, "件", "="),          # full-width digits
    ("２５０家以上", 250, None, "家", ">="),
    ("１２．５％", 12.5, None, "%", "="),
])
def test_parse_quantity(text, value, high, unit, comparator):
    q = parse_quantity(text)
    assert q.value == pytest.approx(value)
    assert q.value_high == (None if high is None else pytest.approx(high))
    assert q.unit == unit
    assert q.comparator == comparator


def test_per_year_is_kept():
    assert parse_quantity("不低于600人次/年").per == "年"
    assert parse_quantity("40件/年").per == "年"


@pytest.mark.parametrize("bad", ["", "很多", "件", "abc"])
def test_unparseable_raises_unit_error(bad):
    with pytest.raises(UnitError):
        parse_quantity(bad)


def test_two_quantities_in_one_phrase_is_an_error():
    with pytest.raises(UnitError, match="more than one quantity"):
        parse_quantity("1次培训,1次对接")


def test_normalize_full_width():
    assert normalize_text("２０２５年，达到３５００件") == "2025年,达到3500件"


def test_find_quantities_positions_point_into_the_text():
    text = "高价值发明专利拥有量达到3500件,全市有效注册商标达到15万件"
    found = find_quantities(text)
    values = [q.value for _, _, q in found]
    assert 3500 in values and 150000 in values
    for start, end, q in found:
        assert parse_quantity(text[start:end]).value == q.value
