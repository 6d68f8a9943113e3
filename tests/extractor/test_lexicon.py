"""The extractor's trigger words with Chinese numerals and with digits (issue 17, "tests that catch bugs").

突破 ("break through", comparator ``>``) is read in three places of ``ipanalysis/extractor/lexicon.py``:
``PRE_WORDS`` (the trigger kept inside the value text, 突破三百家), ``TRIGGER_BEFORE`` (a trigger
before a Chinese numeral that the value pattern did not take in) and ``TAIL_WORDS`` (a trigger cut
off the end of a name).  Dropping it from the first two changed no test before these.
"""

from __future__ import annotations

import pytest

from ipanalysis.extractor import extract


def one(text: str) -> dict:
    """The single candidate target of ``text`` as a dict (fails when there is not exactly one)."""
    df = extract(text)
    assert len(df) == 1, df[["indicator_zh", "value", "value_text", "why"]].to_string()
    return df.iloc[0].to_dict()


@pytest.mark.parametrize("text, name, value_text, value, unit", [
    ("到2025年,全市知识产权示范企业突破三百家。", "知识产权示范企业", "突破三百家", 300.0, "家"),
    ("到2025年,全市专利代理机构突破二十家。", "专利代理机构", "突破二十家", 20.0, "家"),
    ("到2025年,拥有发明专利3件以上的企业数量突破五十家。", "发明专利3件以上的企业数量", "突破五十家", 50.0, "家"),
], ids=["300-firms", "20-agencies", "after-a-threshold"])
def test_tupo_with_chinese_numerals_keeps_the_trigger_in_the_value_text(text, name, value_text, value, unit):
    c = one(text)
    assert (c["indicator_zh"], c["value_text"], c["value"], c["unit"]) == (name, value_text, value, unit)
    assert c["comparator"] == ">" and c["target_year"] == 2025
    assert c["value_text"] in c["source_quote"]
    assert c["why"].startswith("trigger 突破;")


@pytest.mark.parametrize("text, name, value_text, value", [
    ("到2025年,全市商标注册量突破5万件。", "商标注册量", "突破5万件", 50000.0),
    ("到2025年,全市商标注册量突破５万件。", "商标注册量", "突破５万件", 50000.0),
    ("到2025年,拥有发明专利3件以上的企业数量突破50家。", "发明专利3件以上的企业数量", "突破50家", 50.0),
], ids=["5wan", "full-width-5wan", "after-a-threshold"])
def test_tupo_with_digits_is_a_strict_bound_named_by_its_word(text, name, value_text, value):
    c = one(text)
    assert (c["indicator_zh"], c["value_text"], c["value"], c["comparator"]) == (name, value_text, value, ">")
    # the trigger the reviewer is shown is the word of the text, not just the comparator it implies
    assert c["why"] == "trigger 突破; year 2025 in sentence"


def test_tupo_before_a_spaced_chinese_numeral_still_triggers():
    """Web copies put spaces in sentences; 突破 before the space must still make 三百家 a quantity
    (a bare Chinese numeral without a trigger, 统筹两个市场, is not one)."""
    c = one("到2025年,全市知识产权示范企业突破 三百家。")
    assert (c["value"], c["unit"], c["comparator"], c["target_year"]) == (300.0, "家", ">", 2025)
    assert c["why"].startswith("trigger 突破")
    assert extract("到2025年,统筹两个市场。").empty
