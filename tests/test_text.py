"""The text layer: one normalisation, one sentence and clause splitter, whatever the punctuation width."""

from __future__ import annotations

import pandas as pd
import pytest

from ipanalysis.data.coverage import uncovered_in
from ipanalysis.data import baselines, exclusions, targets
from ipanalysis.extractor import analyse
from ipanalysis.data.sources import doc_ids, raw_text
from ipanalysis.text import FULL_TO_HALF, clause_bounds, clauses, normalize, sentence_start, sentences

_WIDE = {h: f for f, h in FULL_TO_HALF.items() if 0xFF00 <= ord(f) <= 0xFFEF}
_TO_FULL = str.maketrans(_WIDE)


def full_width(text: str) -> str:
    """Every half-width character that has a full-width twin, made full-width (same length)."""
    return text.translate(_TO_FULL)


def test_normalize_is_length_preserving_and_inverts_full_width():
    s = "到2025年,专利(含PCT)达到1,200件;力争80%以上:完成!好?"
    w = full_width(s)
    assert w != s and len(w) == len(s)
    assert normalize(w) == s


@pytest.mark.parametrize("ends", ["。", "；", ";", "！", "？"])
def test_sentences_cut_on_either_width(ends):
    t = f"甲达到5件{ends}乙达到6件"
    assert [x.text for x in sentences(t)] == [f"甲达到5件{ends}", "乙达到6件"]


def test_spans_index_the_original():
    t = "到２０２５年，专利（含外观，实用）达到５００件；商标突破１万件。\n其余"
    for sp in sentences(t) + clauses(t):
        assert t[sp.start:sp.end] == sp.text
    a, b = clause_bounds(t, t.index("达到"))
    assert t[a:b] == "专利（含外观，实用）达到５００件"
    assert sentence_start(t, t.index("商标")) == 0


def _rows(df: pd.DataFrame) -> list:
    # quotes and value texts are verbatim, so they differ in punctuation width: compare them normalised
    df = df.copy()
    for col in ("source_quote", "value_text", "indicator_zh", "section", "closest_keys", "why"):
        df[col] = df[col].map(lambda v: normalize(v) if isinstance(v, str) else v)
    return df.astype("string").fillna("").values.tolist()


@pytest.mark.parametrize("doc_id", doc_ids())
def test_extraction_and_coverage_same_rows_full_and_half_width(doc_id):
    half = normalize(raw_text(doc_id))
    full = full_width(half)
    assert len(full) == len(half) and full != half
    a, b = analyse(half, doc_id), analyse(full, doc_id)
    assert len(a) > 0
    assert _rows(a) == _rows(b)
    quotes = (list(targets().query("doc_id == @doc_id")["source_quote"])
              + list(baselines().query("doc_id == @doc_id")["source_quote"])
              + list(exclusions().query("doc_id == @doc_id")["quote"]))
    ua = uncovered_in(half, quotes, doc_id)
    ub = uncovered_in(full, [full_width(q) for q in quotes], doc_id)
    assert [(n, p) for _, n, p, _ in ua] == [(normalize(n), p) for _, n, p, _ in ub]
    assert len(sentences(half)) == len(sentences(full))


def test_traditional_characters_are_mapped_one_for_one_and_never_touch_simplified_texts():
    from ipanalysis.text import TRAD_TO_SIMP

    assert all(len(k) == 1 and len(v) == 1 and k != v for k, v in TRAD_TO_SIMP.items())
    assert not set(TRAD_TO_SIMP) & set(TRAD_TO_SIMP.values())  # no key is itself a simplified form used here
    s = "知識產權強市:每萬人口發明專利擁有量達到12件,融資10億元"
    assert normalize(s) == "知识产权强市:每万人口发明专利拥有量达到12件,融资10亿元" and len(normalize(s)) == len(s)
    for d in doc_ids():  # the curated (simplified) texts hold none of the keys: normalising them changes no character
        text = raw_text(d)
        assert not set(text) & set(TRAD_TO_SIMP), d
