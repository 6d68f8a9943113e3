"""Where the audit cuts a document's text: sentences, clauses and the headings above a place.

All splitting goes through :func:`_split`, which uses the package-wide text layer
(:mod:`ipanalysis.text`): half- and full-width punctuation alike, so a verbatim text with ，（；：
does not silently skip checks.

>>> t = "第一章 背景\\n第二节 形势\\n从以“数量”为核心向以“质量”为核心转变,从关注“申请量”转变。下一句"
>>> [t[s:e] for s, e in sentences(t)][-2:]
['从以“数量”为核心向以“质量”为核心转变,从关注“申请量”转变。', '下一句']
>>> heading_path(t, len(t) - 1)
'第一章 背景 / 第二节 形势'
"""

from __future__ import annotations

import re

from ... import text as _text

__all__ = ["sentences", "clause_around", "heading_path"]

_STOPS = {"sentence": "。;；!！?？\n", "clause": ",，;；:：。\n"}
_OPEN, _CLOSE = "(（", ")）"
_CHAPTER = re.compile(r"^\s*第[一二三四五六七八九十]+章.*$", re.M)
_SECTION = re.compile(r"^\s*第[一二三四五六七八九十]+节.*$", re.M)


def _split(text: str, level: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences (``level="sentence"``) or clauses (``"clause"``) of
    ``text``, from the package's one text layer (:mod:`ipanalysis.text`), which reads full- and
    half-width punctuation alike; empty spans are dropped."""
    ends = _text.SENTENCE_ENDS if level == "sentence" else ",:;。"
    return [(s.start, s.end) for s in _text.sentences(text, ends=ends) if s.text.strip()]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (ending at 。；！？ or a line break)."""
    return _split(text, "sentence")


def clause_around(text: str, start: int, end: int) -> str:
    """The verbatim clause around a match: its parenthesis if inside one, else the clause
    (between , ， ; ； : ： 。 and line breaks) that holds it, without the stop mark.

    Parameters
    ----------
    text : str
        The text.
    start, end : int
        The match's offsets.

    Returns
    -------
    str
        The clause (or parenthesis) holding the match, verbatim.

    >>> clause_around("甲,前4项任务为必做工作(第三批为前6项),乙", 2, 5)
    '前4项任务为必做工作(第三批为前6项)'
    >>> clause_around("甲,前4项任务为必做工作(第三批为前6项),乙", 16, 19)
    '(第三批为前6项)'
    """
    op = max(text.rfind(c, 0, start) for c in _OPEN)
    if op >= 0 and not any(c in text[op:start] for c in _CLOSE):
        close = min([i for i in (text.find(c, end) for c in _CLOSE) if i >= 0] or [end])
        return text[op:close + 1]
    for s, e in _split(text, "clause"):
        if s <= start < e:
            stop = e if e < end else (e - 1 if text[e - 1] in _STOPS["clause"] else e)
            return text[s:max(stop, end)]
    return text[start:end]


def heading_path(text: str, pos: int) -> str:
    """The chapter (第…章) and section (第…节) headings a position lies under, '' if none."""
    chapters = [m for m in _CHAPTER.finditer(text, 0, pos)]
    if not chapters:
        return ""
    ch = chapters[-1]
    secs = [m for m in _SECTION.finditer(text, ch.end(), pos)]
    parts = [ch.group(0).strip()] + ([secs[-1].group(0).strip()] if secs else [])
    return " / ".join(" ".join(p.split()) for p in parts)
