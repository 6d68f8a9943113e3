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
