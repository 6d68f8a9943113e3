"""Coverage: is every number in a target-bearing sentence accounted for?

A sentence (split by :func:`ipanalysis.text.sentences` on 。；;!? and line breaks, full- or half-width) is *target-bearing* when it holds a number and a
target word (达到, 突破, 增长, 累计, 以上, 不低于, 超, 力争 …).  Every number in such a sentence
must fall inside the ``source_quote`` of a row of ``targets.csv`` or ``baselines.csv``, or
inside a ``quote`` of ``target_exclusions.csv`` (dates, document numbers, counts of tasks …,
each with a reason).  ``uncovered()`` lists the numbers that are not, so nothing quantified
is silently left out.

>>> uncovered().empty
True
>>> sentences = target_sentences("national_2015")
>>> bool(sentences["sentence"].str.contains("不少于200家").any())
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from .loaders import baselines, exclusions, targets
from .sources import doc_ids, raw_text
from ..text import sentences

__all__ = ["TARGET_WORDS", "target_sentences", "uncovered", "uncovered_in"]

TARGET_WORDS = ("达到", "达", "突破", "增长", "累计", "以上", "不低于", "不少于", "超", "力争", "至少",
                "增加", "年均", "提高", "提升", "保持", "左右", "余")
_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_TRIGGER = re.compile("|".join(map(re.escape, TARGET_WORDS)))
_ENUMERATION = re.compile(r"^\s*[0-9０-９]+[.．、]")  # "2.提升…": a list item number, not a quantity


def target_sentences(doc_id: str, text: str | None = None) -> pd.DataFrame:
    """Target-bearing sentences of one document (``text``, default its raw text): ``start``, ``end``, ``sentence``.

    >>> bool(target_sentences("nanchang_2021")["sentence"].str.contains("马德里").any())
    True
    """
    text = raw_text(doc_id) if text is None else text
    rows = [s for s in sentences(text) if _NUMBER.search(s.text) and _TRIGGER.search(s.text)]
    return pd.DataFrame(rows, columns=["start", "end", "sentence"])


def _spans(text: str, quotes) -> list[tuple[int, int]]:
    spans = []
    for q in quotes:
        for m in re.finditer(re.escape(q), text):
            spans.append((m.start(), m.end()))
    return spans


def uncovered_in(text: str, quotes: Iterable[str], doc_id: str | None = None) -> list[tuple]:
    """``(doc_id, number, position, sentence)`` for each number of a target-bearing sentence of
    ``text`` that no quote in ``quotes`` covers.

    Parameters
    ----------
    text : str
        A document's raw text.
    quotes : iterable of str
        The quotes (targets', baselines', exclusions') that cover numbers.
    doc_id : str, optional
        The document id written into each row.

    Returns
    -------
    list of tuple
        ``(doc_id, number, position, sentence)`` per uncovered number, in text order.

    >>> uncovered_in("专利达到5件，商标达到6件。", ["专利达到5件"])
    [(None, '6', 11, '专利达到5件，商标达到6件。')]
    """
    spans = _spans(text, quotes)
    rows = []
    for _, s in target_sentences(doc_id, text).iterrows():
        skip = _ENUMERATION.match(s["sentence"])
        for m in _NUMBER.finditer(s["sentence"]):
            if skip and m.end() <= skip.end():
                continue
            a, z = s["start"] + m.start(), s["start"] + m.end()
            if not any(lo <= a and z <= hi for lo, hi in spans):
                rows.append((doc_id, m.group(), a, s["sentence"].strip()))
    return rows


def uncovered(doc_id: str | None = None) -> pd.DataFrame:
    """Numbers in target-bearing sentences that no target, baseline or exclusion quote covers.

    Columns: ``doc_id``, ``number``, ``position`` (character offset in the raw text),
    ``sentence``.  Empty when the tables account for every such number.

    >>> list(uncovered("ordos_2022").columns)
    ['doc_id', 'number', 'position', 'sentence']
    """
    ids = doc_ids() if doc_id is None else [doc_id]
    t, b, x = targets(), baselines(), exclusions()
    rows = []
    for d in ids:
        quotes = list(t.loc[t["doc_id"] == d, "source_quote"]) + list(b.loc[b["doc_id"] == d, "source_quote"]) \
            + list(x.loc[x["doc_id"] == d, "quote"])
        rows += uncovered_in(raw_text(d), quotes, d)
    return pd.DataFrame(rows, columns=["doc_id", "number", "position", "sentence"])
