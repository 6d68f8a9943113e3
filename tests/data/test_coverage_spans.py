"""The coverage check at the edges of a quote (issue 17): a number counts as covered only when a
quote holds all of it, including a quote that starts or ends exactly on the number."""

from __future__ import annotations

import pytest

from ipanalysis.data.coverage import uncovered_in

TEXT = "到2025年,商标注册量达到35件。"
SENTENCE = TEXT  # one target-bearing sentence (达到 and a number)


@pytest.mark.parametrize("quote", [
    "商标注册量达到35",      # ends on the number's last digit
    "35件",                 # starts on its first digit
    "35",                   # is the number alone
    "到2025年,商标注册量达到35件。",
], ids=["ends-on-number", "starts-on-number", "number-only", "whole-sentence"])
def test_a_quote_that_holds_the_whole_number_covers_it(quote):
    found = uncovered_in(TEXT, [quote, "2025"])
    assert found == []


@pytest.mark.parametrize("quote", [
    "商标注册量达到3",       # ends inside 35
    "5件",                  # starts inside 35
], ids=["ends-inside", "starts-inside"])
def test_a_quote_that_cuts_a_number_does_not_cover_it(quote):
    assert uncovered_in(TEXT, [quote, "2025"]) == [(None, "35", TEXT.index("35"), SENTENCE)]


def test_a_text_that_ends_on_a_number():
    """The last sentence has no end mark and ends on its number; its quote ends there too."""
    text = "专利达到5件;商标达到16"
    assert uncovered_in(text, ["专利达到5件", "商标达到16"]) == []
    assert uncovered_in(text, ["专利达到5件", "商标达到1"]) == [(None, "16", text.index("16"), "商标达到16")]
    assert uncovered_in(text, ["专利达到5件"], "doc") == [("doc", "16", text.index("16"), "商标达到16")]


def test_full_width_and_decimal_numbers_are_one_number_each():
    text = "发明专利拥有量达到１２．５件。"
    start = text.index("１")
    assert uncovered_in(text, ["达到１２．５"]) == []
    assert uncovered_in(text, ["达到１２"]) == [(None, "１２．５", start, text)]
    assert uncovered_in(text, []) == [(None, "１２．５", start, text)]


def test_a_list_item_number_is_not_a_quantity():
    text = "2.专利达到5件。"
    assert uncovered_in(text, ["专利达到5件"]) == []
    assert uncovered_in(text, []) == [(None, "5", text.index("5"), text)]


def test_uncovered_labels_and_collects_every_document(monkeypatch):
    """A number no quote covers, added to each document's text: one row per document, labelled with its
    doc_id at its offset (the length of the raw text + 7: a line break and 新增专利达到 before the 7)."""
    import ipanalysis as ip
    from ipanalysis.data import coverage

    monkeypatch.setattr(coverage, "raw_text", lambda d: ip.raw_text(d) + "\n新增专利达到7件。")
    found = coverage.uncovered()
    assert found.values.tolist() == [[d, "7", len(ip.raw_text(d)) + 7, "新增专利达到7件。"] for d in ip.doc_ids()]
    one = coverage.uncovered("ordos_2022")
    assert one.values.tolist() == [["ordos_2022", "7", len(ip.raw_text("ordos_2022")) + 7, "新增专利达到7件。"]]


def test_target_sentences_spans():
    from ipanalysis.data.coverage import target_sentences

    # 前言。 is 3 characters; 专利达到5件。 the 7 after it; 其他工作。 has no number
    assert target_sentences("x", "前言。专利达到5件。其他工作。").values.tolist() == [[3, 10, "专利达到5件。"]]
    assert list(target_sentences("x", "").columns) == ["start", "end", "sentence"]
