"""Chinese numerals, offsets, exact values and error messages of ``ipanalysis.units`` — what mutmut
showed no test checked (issue 17).  The numeral law is a hypothesis property: any whole number
written in standard Chinese numerals reads back to itself.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipanalysis.errors import UnitError
from ipanalysis.units import chinese_int, chinese_number, find_quantities, parse_quantity

LAW = settings(max_examples=80, derandomize=True, database=None, deadline=None)

DIGITS = "零一二三四五六七八九"


def _section(n: int) -> str:
    """0 < n < 10000 in standard numerals: 三千零五, 一百一十五, 二十 (no leading 一 before 十 here)."""
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            if zero and out:
                out += "零"
            out += DIGITS[d] + name
            zero = False
        else:
            zero = True
    return out


def written(n: int) -> str:
    """A whole number 0 < n < 10**12 as a plan writes it in Chinese numerals (十五, 三千零五, 一亿二千万)."""
    parts, rest, prev_low = [], n, False
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        q, rest = divmod(rest, big)
        if q:
            if parts and (prev_low or q < 1000):
                parts.append("零")
            parts.append(_section(q) + name)
            prev_low = False
        elif parts:
            prev_low = True
    s = "".join(parts)
    return s[1:] if s.startswith("一十") else s  # 十五, not 一十五, at the start


@LAW
@given(st.one_of(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99_999),
                 st.integers(min_value=1, max_value=10**12 - 1)))
def test_a_number_in_chinese_numerals_reads_back_to_itself(n):
    assert chinese_number(written(n)) == n, written(n)


@pytest.mark.parametrize("text, n", [
    ("十", 10), ("十五", 15), ("二十", 20), ("一百一十五", 115), ("一千二百", 1200), ("三千零五", 3005),
    ("两千", 2000), ("一万二千", 12000), ("十万", 100000), ("五十万", 500000), ("一亿", 10**8),
    ("一亿二千万", 120_000_000),   # 万 after 亿 counts within the 亿 (was read as 1,000,020,000,000)
    ("三亿零五百万", 305_000_000), ("一万亿", 10**12),
])
def test_chinese_numbers_by_hand(text, n):
    assert chinese_number(text) == n


@pytest.mark.parametrize("text", ["", "百", "千", "万", "亿", "三五", "十百", "三x"])
def test_not_a_chinese_number(text):
    assert chinese_number(text) is None


@pytest.mark.parametrize("text, n", [("九", 9), ("十", 10), ("十三", 13), ("二十", 20), ("九十九", 99), ("两", 2),
                                     ("7", 7), ("１２", 12)])
def test_chinese_int(text, n):
    assert chinese_int(text) == n


@pytest.mark.parametrize("text", ["百", "百十", "十百", "三十百", "", "十二三"])
def test_not_a_small_chinese_int(text):
    assert chinese_int(text) is None


def test_find_quantities_offsets_start_at_the_trigger_word_or_the_number():
    text = "专利3件,达到3.5万件;突破５０家"
    found = find_quantities(text)
    assert [(s, e, q.value) for s, e, q in found] == [(2, 4, 3.0), (5, 12, 35000.0), (13, 18, 50.0)]
    assert [text[s:e] for s, e, _ in found] == ["3件", "达到3.5万件", "突破５０家"]


def test_two_quantities_in_one_phrase_are_named():
    with pytest.raises(UnitError) as err:
        parse_quantity("5件和6件")
    assert str(err.value) == "more than one quantity in '5件和6件': '5件', '6件'"


@settings(max_examples=60, derandomize=True, database=None, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.sampled_from(["1219", "33", "5", "25", "0001", "9999"]),
       st.sampled_from(["万", "亿"]))
def test_a_decimal_with_a_multiplier_parses_to_its_exact_value(whole, decimals, mult):
    """16.33万 is 163300.0, not the float product 163299.99999999997."""
    text = f"{whole}.{decimals}"
    exact = float(Decimal(text) * {"万": 10**4, "亿": 10**8}[mult])
    assert parse_quantity(f"{text}{mult}件").value == exact
    assert parse_quantity(f"1—{text}{mult}件").value_high == exact


def test_an_offset_without_a_trigger_word_is_the_number_not_the_space_before_it():
    text = "专利 3件"
    assert [(s, e) for s, e, _ in find_quantities(text)] == [(3, 5)] and text[3:5] == "3件"
