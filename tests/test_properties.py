"""Laws the number code must keep, checked on generated cases with hypothesis (issue 17).

* a quantity written with 千/万/亿/千万 (ASCII or full-width digits, thousands separators, a trigger or
  bound word) parses back to the value it was written from, with the comparator its word states;
* ``cagr`` then compounding for the same years returns the target; ``linear_increase`` then adding
  returns it too;
* ``annualise`` of a whole calendar year (or more) is the identity, and of part of a year scales by
  its days;
* ``fmt_value`` then ``parse_quantity`` gives the value back to the precision ``fmt_value`` shows.

Deterministic (``derandomize``: the same examples on every run) and modest (60 examples a law),
so the suite stays fast and a failure reproduces.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipanalysis.analysis.attainment import annualise
from ipanalysis.analysis.rates import cagr, linear_increase
from ipanalysis.present.display import fmt_value
from ipanalysis.units import parse_quantity

LAW = settings(max_examples=60, derandomize=True, database=None, deadline=None,
               suppress_health_check=[HealthCheck.too_slow])

FULL_WIDTH = str.maketrans({**{str(i): chr(0xFF10 + i) for i in range(10)}, ",": "，", ".": "．", "%": "％"})

#: Chinese multipliers, written out here (not read from the code under test).
MULTIPLIERS = {"": 1.0, "千": 1e3, "万": 1e4, "亿": 1e8, "千万": 1e7}
#: Counting units as written → base unit (亿元/万元 are money words with their own multiplier, below).
UNITS = {"件": "件", "家": "家", "个": "个", "项": "项", "人": "人", "名": "名", "人次": "人次", "场": "场",
         "所": "所", "期": "期", "次": "次", "元": "yuan"}
#: One comparator word, before or after the number, and the comparator it states.
BEFORE = {"": "=", "达到": "=", "达": "=", "增加至": "=", "累计达": "=", "不低于": ">=", "不少于": ">=",
          "至少": ">=", "突破": ">", "超过": ">", "超": ">", "约": "≈"}
AFTER = {"": "=", "以上": ">=", "或以上": ">=", "左右": "≈"}


@st.composite
def numerals(draw) -> tuple[str, Decimal]:
    """A number as a plan writes it: 1200, 1,200, 3.1219 (and its exact value)."""
    whole = draw(st.integers(min_value=0, max_value=9_999_999))
    decimals = draw(st.sampled_from(["", "", "5", "25", "1219"]))
    if whole == 0 and not decimals.strip("0"):
        whole = 1
    text = f"{whole:,}" if whole >= 1000 and draw(st.booleans()) else str(whole)
    if decimals:
        text += "." + decimals
    return text, Decimal(f"{whole}.{decimals}" if decimals else str(whole))


@st.composite
def written_quantities(draw) -> tuple[str, float, str, str]:
    """(text, value in base units, base unit, comparator) with one comparator word at most."""
    num, exact = draw(numerals())
    unit_word = draw(st.sampled_from(sorted(UNITS) + ["亿元", "万元", "%"]))
    mult = "" if unit_word in ("亿元", "万元", "%") else draw(st.sampled_from(["", "", "千", "万", "亿", "千万"]))
    factor = {"亿元": 1e8, "万元": 1e4}.get(unit_word, MULTIPLIERS[mult])
    where = draw(st.sampled_from(["before", "after", "余"]))
    if where == "before":
        word = draw(st.sampled_from(sorted(BEFORE)))
        text, comparator = f"{word}{num}{mult}{unit_word}", BEFORE[word]
    elif where == "after":
        word = draw(st.sampled_from(sorted(AFTER)))
        text, comparator = f"{num}{mult}{unit_word}{word}", AFTER[word]
    else:  # 1万余人: 余 after the multiplier states "more than"
        if not mult or unit_word == "%":
            mult, factor = "万", 1e4 if unit_word not in ("亿元", "万元") else factor
        text, comparator = f"{num}{mult}余{unit_word}", ">"
        if unit_word in ("亿元", "万元"):  # 余 stands before the unit word, its 亿/万 included: 35亿余元 is not written
            text = f"{num}余{unit_word}"
    if draw(st.booleans()):
        text = text.translate(FULL_WIDTH)
    base_unit = "yuan" if unit_word in ("亿元", "万元") else "%" if unit_word == "%" else UNITS[unit_word]
    return text, float(exact) * factor, base_unit, comparator


@LAW
@given(written_quantities())
def test_a_written_quantity_parses_back_to_itself(case):
    text, value, unit, comparator = case
    q = parse_quantity(text)
    assert q.value == pytest.approx(value, rel=1e-12, abs=1e-9), text
    assert (q.unit, q.comparator, q.value_high, q.per) == (unit, comparator, None, None), text


@LAW
@given(numerals(), numerals(), st.sampled_from(["", "", "千", "万"]), st.sampled_from(["", "万", "亿"]),
       st.sampled_from(["—", "-", "~", "至"]), st.sampled_from(["件", "家", "个"]))
def test_a_written_range_parses_back_to_both_ends(low, high, low_mult, high_mult, dash, unit):
    """5—10个, 1—2万件, 5千—1万件: a multiplier written at one end only applies to both ends; one
    written at each end applies to its own.

    Found by this law: "5—10万件" parsed as 5 to 100,000 (fixed in ``units._to_quantity``)."""
    (lo_text, lo), (hi_text, hi) = low, high
    q = parse_quantity(f"{lo_text}{low_mult}{dash}{hi_text}{high_mult}{unit}")
    lo_factor = MULTIPLIERS[low_mult or high_mult]
    hi_factor = MULTIPLIERS[high_mult or low_mult]
    assert q.comparator == "range" and q.unit == unit
    assert q.value == pytest.approx(float(lo) * lo_factor, rel=1e-12)
    assert q.value_high == pytest.approx(float(hi) * hi_factor, rel=1e-12)


positive = st.floats(min_value=1e-3, max_value=1e12, allow_nan=False, allow_infinity=False)
#: Target / start as plans set them: from a twentieth (a steep fall) to a thousandfold.  Outside it,
#: 1 + cagr comes close to 0 for a fall over few years and the law holds only to float precision.
ratio = st.floats(min_value=0.05, max_value=1000, allow_nan=False, allow_infinity=False)
span = st.floats(min_value=1, max_value=40, allow_nan=False, allow_infinity=False)


@LAW
@given(positive, ratio, span)
def test_cagr_then_compounding_returns_the_target(start, r, years):
    end = start * r
    rate = cagr(start, end, years)
    assert start * (1 + rate) ** years == pytest.approx(end, rel=1e-9)
    assert (rate > 0) == (end > start) or math.isclose(start, end, rel_tol=1e-12)


@LAW
@given(positive, ratio, st.integers(min_value=1, max_value=40))
def test_cagr_over_whole_years_compounds_year_by_year(start, r, years):
    end = start * r
    rate, value = cagr(start, end, years), start
    for _ in range(years):
        value *= 1 + rate
    assert value == pytest.approx(end, rel=1e-9)


@LAW
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.floats(min_value=-1e12, max_value=1e12,
       allow_nan=False), span)
def test_linear_increase_then_adding_returns_the_target(start, end, years):
    step = linear_increase(start, end, years)
    # the sum is exact up to float rounding at the size of the larger end, and the 12 decimals kept
    assert start + step * years == pytest.approx(end, rel=1e-9, abs=1e-12 * max(abs(start), abs(end)) + 1e-11 * years)
    assert math.copysign(1, step) == math.copysign(1, end - start) or abs(end - start) < 1e-9 * years


@LAW
@given(st.integers(min_value=1990, max_value=2060), st.floats(min_value=0, max_value=1e12, allow_nan=False),
       st.integers(min_value=0, max_value=800))
def test_annualise_of_a_whole_year_or_more_is_the_identity(year, value, extra_days):
    start = pd.Timestamp(year, 1, 1)
    assert annualise(value, start, pd.Timestamp(year, 12, 31)) == value
    assert annualise(value, start, pd.Timestamp(year, 12, 31) + pd.Timedelta(days=extra_days)) == value


@LAW
@given(st.integers(min_value=1990, max_value=2060), st.integers(min_value=1, max_value=364),
       st.floats(min_value=1, max_value=1e9, allow_nan=False))
def test_annualise_of_part_of_a_year_scales_by_its_days(year, days, value):
    start = pd.Timestamp(year, 1, 1)
    end = start + pd.Timedelta(days=days - 1)  # ``days`` days, start and end included
    year_days = 366 if start.is_leap_year else 365
    out = annualise(value, start, end)
    assert out == pytest.approx(value * year_days / days, rel=1e-12)
    assert out * days / year_days == pytest.approx(value, rel=1e-12)
    assert out > value


def _shown_precision(v: float, unit: str | None) -> float:
    """Half a unit of the last digit ``fmt_value`` shows, in base units."""
    scale = 1.0
    if unit == "yuan":
        scale = 1e8 if abs(v) >= 1e8 else 1e4
    elif unit in ("件", "人", "人次") and abs(v) >= 1e4:
        scale = 1e4
    x = v / scale
    step = 0.0 if float(x).is_integer() else 0.5 if abs(x) >= 100 else 0.005
    return step * scale * (1 + 1e-9) + 1e-9 * max(1.0, abs(v))


@LAW
@given(st.one_of(st.floats(min_value=0, max_value=1e14, allow_nan=False),
                 st.integers(min_value=0, max_value=10**14).map(float),
                 st.decimals(min_value=0, max_value=10**6, places=2).map(float)),
       st.sampled_from(["yuan", "件", "人", "人次", "家", "个", "%", "件/万人", None]))
def test_fmt_value_then_parsing_gives_the_value_back_to_its_shown_precision(v, unit):
    shown = fmt_value(v, unit)
    q = parse_quantity(shown)
    assert q.value == pytest.approx(v, abs=_shown_precision(v, unit)), shown
    assert q.unit == unit and q.comparator == "=", shown
