"""The records passed between the extractor's steps: a number found in a sentence
(:class:`Found`), the sentence it sits in (:class:`SentenceContext`) and the proposal made from it
(:class:`Candidate`).

>>> c = Candidate(kind="rejected", start=0, end=2, value=3.0, value_high=None, unit="次", value_text="3次",
...               name="常务会议", section="", year=None, why="ordinal (第…)", rule="ordinal")
>>> (c.kind, c.rule, c.comparator, c.commitment)
('rejected', 'ordinal', '=', 'firm')
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import sentence_start
from ..units import Quantity
from .document import Document, Section


@dataclass
class Candidate:
    """One proposed row: a target, a baseline or a rejected number (with the rule that fired)."""

    kind: str  # target | baseline | rejected
    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str | None
    value_text: str
    name: str
    section: str
    year: int | None
    why: str
    comparator: str = "="
    table_unit: str | None = None
    pre: str = ""
    commitment: str = "firm"
    attribute: str | None = None
    confidence: float = 0.0
    growth: bool = False
    measure_hint: str | None = None
    per: str | None = None
    quote: tuple[int, int] | None = None  # source_quote span when it differs from (start, end)
    clause_before: str = ""
    period_start: int | None = None
    rule: str = ""  # name of the rejection rule that fired (kind == "rejected")


@dataclass
class Found:
    """A quantity in a sentence: spans in the sentence, the parsed quantity, its clause and naming text."""

    s: int  # span in the sentence (with a leading trigger word, if any)
    e: int
    num_s: int  # where the number starts
    pre: str  # trigger word inside the span (达到, 突破 …)
    q: Quantity
    a: int = 0  # clause bounds in the sentence
    b: int = 0
    before: str = ""  # text naming it: from the previous kept quantity of its clause (or the clause start)
    clause_before: str = ""  # the clause from its start up to the quantity
    rule: str = ""  # rejection rule that fired
    reason: str = ""
    own_year: int | None = None  # the last year named before it in its sentence
    item: tuple[int, int] | None = None  # its own item of a 、-list of quantities (the quote), else None
    noun_after: bool = False  # a list item written 'N unit noun' after a verb (培育12个产业、300家企业)


@dataclass
class SentenceContext:
    """A sentence being read, with what is known about it before its quantities are classified."""

    doc: Document
    sec: Section
    line: str  # the (normalised) line
    ss: int  # sentence start in the line
    sent: str  # the (normalised) sentence
    base: int  # sentence start in the text
    para_past: bool = False  # the paragraph is about a past period
    sent_past: bool = False  # the sentence is dated in the past
    past_year_in_sent: bool = False
    fut: int | None = None  # future year the sentence names
    para_year: int | None = None  # target year of an earlier 到YYYY年 in the same paragraph
    future_words: bool = False
    last_year: bool = False  # 去年/同比: the sentence reports the previous year

    def full_sentence_before(self, pos: int) -> str:
        """The line from the last 。/!/? before ``pos`` (in the sentence) up to it: 力争 governs across ；."""
        upto = self.ss + pos
        return self.line[sentence_start(self.line, upto):upto]

    def quote(self, s: int, e: int) -> str:
        """Verbatim text of sentence offsets ``s:e``."""
        return self.doc.text[self.base + s:self.base + e]
