"""Document facts: title, plan or report, issue year, horizon (start and target year), sections.

>>> d = read_document_facts("某市知识产权“十四五”规划\\n第一章 发展基础\\n第二章 主要目标\\n到2025年,专利达500件。")
>>> (d.kind, d.start_year, d.end_year, d.horizon_why)
('plan', 2021, 2025, 'title five-year period 2021—2025')
>>> [(s.history, s.target) for s in d.sections]
[(False, False), (True, False), (False, True), (False, True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import lines as text_lines
from ..text import Span, heading_rank, join_spaced_digits, normalize, sentences
from ..units import chinese_int
from .catalogue import Catalogue
from .lexicon import (AS_OF, COMPARED_GOAL, QUOTED_GOAL, BY_YEAR, STATED_FUTURE, DATE_LINE, EFFORT, SUBJECT_TITLE, PLAN_NAME_RANGE, WEB_DATE_LINE, FUTURE_WORDS, HISTORY_HEADING, FIVE_YEAR, PERIOD_RE, PLAN_WORDS,
                      REPORT_CUES, REPORT_WORDS, TARGET_HEADING, YEAR_RANGE, period_of)


@dataclass
class Section:
    """Where a line sits: heading path, and whether it is a history or a target section."""

    path: str = ""
    history: bool = False
    target: bool = False
    year: int | None = None


@dataclass
class Document:
    """A text being read: original and normalised text, its facts and per-line sections."""

    text: str
    norm: str
    doc_id: str | None
    kind: str = "plan"  # plan | report
    title: str = ""
    start_year: int | None = None
    end_year: int | None = None
    ref_year: int | None = None
    horizon_why: str = ""
    cat: Catalogue = ()
    lines: list[Span] = field(default_factory=list)  # per line of norm
    sections: list[Section] = field(default_factory=list)  # per line
    consumed: set[int] = field(default_factory=set)  # line indexes used by tables

    def is_past(self, year: int) -> bool:
        """A year before the plan starts (a plan), or up to the report's year (a report)."""
        ref = self.start_year if self.kind == "plan" else self.ref_year
        if ref is None:
            return False
        return year < ref if self.kind == "plan" else year <= ref

    def as_of_past(self, year: int) -> bool:
        """An 'as of' year (截至YYYY年底) that is not after the document's own year (its date, else its
        start): the value stated at it is history, not a target (截至2025年…累计达35亿元 in a 2022 plan is).

        >>> d = Document(text="", norm="", doc_id=None, start_year=2021, end_year=2025, ref_year=2022)
        >>> d.as_of_past(2021), d.as_of_past(2022), d.as_of_past(2025)
        (True, True, False)
        >>> Document(text="", norm="", doc_id=None).as_of_past(2025)  # an undated text: what it states as of a date is history
        True
        """
        ref = self.ref_year if self.ref_year is not None else self.start_year
        return self.is_past(year) or ref is None or year <= ref  # no date at all: a stated value


def strip_titles(s: str) -> str:
    """Drop 《referenced document titles》 from a line."""
    return re.sub(r"《[^》]*》", "", s)


def own_words(s: str) -> str:
    """The text with what is not its own future left out: cited 《titles》, goals named by a slogan
    (确立的“争创…”目标) and goals a value is compared with (超过…规划目标的2倍); searched for future words.

    >>> own_words("根据《某某规划》,数量超过国家规划目标的2倍,实现“争创强市”目标")
    '根据,数量,实现'
    """
    return strip_titles(COMPARED_GOAL.sub("", QUOTED_GOAL.sub("", s)))


def heading(line: str) -> tuple[int, str] | None:
    """``(rank, title)`` of a heading line (第一章, 一、, 第一节, (一), 1.), else None."""
    rank = heading_rank(line)
    if rank is None:
        return None
    return rank, sentences(line.strip(), ends="。;")[0].text.rstrip("。;；")[:40]


def _short_head_lines(doc: Document) -> list[str]:
    head = []
    for ln in doc.lines[:80]:
        if heading(ln.text):
            break
        if ln.text.strip():
            head.append(ln.text)
    # title-like lines: short, not a sentence, not a breadcrumb or a metadata row
    return [s.strip() for s in head[:40] if len(s.strip()) <= 60 and not re.search(r"[。；;>|]", s)]


def _title_range(short: list[str], plan_titles: list[str], opening: str = "") -> tuple[int, int] | None:
    """The plan period of the title lines, else of a plan's name with its period in the opening
    text (a news report that names the plan in its first sentence, not inside 《》: that is
    usually another document the plan implements)."""
    ranges = plan_titles + [s for s in short if re.match(r"^[(（]?\s*\d{4}\s*[—–\-~～至]+\s*\d{4}\s*年\s*[)）]?", s)]
    found = [m for s in ranges if (m := YEAR_RANGE.search(strip_titles(s))) and not re.search(r"\d{4}\s*年\s*\d{1,2}\s*月", s)]
    for m in found + list(PLAN_NAME_RANGE.finditer(strip_titles(opening))):  # not a 《referenced plan》
        a, b = int(m.group(1)), int(m.group(2))
        if 1990 < a <= b < 2100:
            return a, b
    return None


def subject_period(opening: str) -> tuple[int, int] | None:
    """The period of the 《plan》 a text reports on (《…“十四五”规划》(以下简称《规划》), 《…方案(2024-2027年)》日前印发),
    when the title lines give none.

    >>> subject_period("近日印发的《某省专利“十四五”规划》(以下简称《规划》)提出"), subject_period("根据《某纲要(2011-2020年)》,制定本方案")
    ((2021, 2025), None)
    """
    for m in SUBJECT_TITLE.finditer(opening):
        if (r := YEAR_RANGE.search(m.group(1))) and 1990 < int(r.group(1)) <= int(r.group(2)) < 2100:
            return int(r.group(1)), int(r.group(2))
        if p := PERIOD_RE.search(m.group(1)):
            return period_of(p)
    return None


def _is_future_cue(m: re.Match, ref_year: int | None) -> bool:
    """A future word of the text, not 到/至 a year up to the text's own date (提高至2018年 in a 2020 report)."""
    y = re.search(r"\d{4}", m.group(0))
    return not (y and ref_year is not None and int(y.group(0)) <= ref_year)


def _titles(doc: Document) -> tuple[list[str], list[str], list[str]]:
    short = _short_head_lines(doc)
    titles = [s for s in short if PLAN_WORDS.search(s) or REPORT_WORDS.search(s)]
    doc.title = titles[0] if titles else (short[0] if short else "")
    plan_titles = [s for s in short if PLAN_WORDS.search(strip_titles(s)) or PLAN_WORDS.search(s)]
    report_titles = [s for s in short if REPORT_WORDS.search(s) and not PLAN_WORDS.search(s)]
    if report_titles and not plan_titles:
        doc.kind = "report"
    for s in short:  # reference year: a standalone date line near the top (a document's, else a web page's)
        m = DATE_LINE.match(s)
        if m:
            doc.ref_year = int(m.group(1))
            break
    if doc.ref_year is None:  # a web page's date line, also one that goes on with | 来源: … (not a 'short' line)
        head = [ln.text.strip() for ln in doc.lines[:40] if ln.text.strip()]
        m = next((m for s in head if (m := WEB_DATE_LINE.match(s))), None)
        stamp = int(m.group(1) or m.group(2)) if m else None
        # a repost: the text says what 'will' be reached by a year before its page's time stamp
        repost = stamp is not None and any(int(f.group(1) or f.group(2)) < stamp for f in STATED_FUTURE.finditer(doc.norm))
        doc.ref_year = None if repost else stamp
    no_future = not any(_is_future_cue(m, doc.ref_year) for m in FUTURE_WORDS.finditer(
        own_words(AS_OF.sub("", doc.norm)))) \
        and not re.search(r"将|力争|每年", doc.norm)  # 截至2025年 is not 至2025年
    if not plan_titles and no_future and (doc.ref_year is not None or REPORT_CUES.search(doc.norm)):
        doc.kind = "report"  # no plan title and not one future cue, dated or in a reporter's words: a report of results
    return short, plan_titles, report_titles


def document_facts(doc: Document, target_year: int | None) -> None:
    """Title, plan-or-report, reference (issue) year and horizon of the document.

    Horizon sources tried in order: title range, title five-year period, the period of the 《plan》
    the text reports on (:func:`subject_period`), one-year plan, plan date +
    经过N年的努力, the most frequent 到YYYY年; ``target_year`` overrides the end year.
    """
    short, plan_titles, report_titles = _titles(doc)
    rng = _title_range(short, plan_titles, doc.norm[:300])
    period = next((period_of(m) for s in plan_titles if (m := PERIOD_RE.search(strip_titles(s)))), None)
    subject = subject_period(doc.norm[:300]) if not rng and not period else None
    title_year = next((int(m.group(1)) for s in (plan_titles or report_titles)
                       if (m := re.search(r"(\d{4})\s*年", strip_titles(s))) and 1990 < int(m.group(1)) < 2100), None)
    if doc.ref_year is None and title_year and doc.kind == "report":
        doc.ref_year = title_year
    if rng:
        doc.start_year, doc.end_year, doc.horizon_why = rng[0], rng[1], f"title period {rng[0]}—{rng[1]}"
    elif subject:
        doc.start_year, doc.end_year, doc.horizon_why = subject[0], subject[1], f"period of the 《plan》 reported on {subject[0]}—{subject[1]}"
    elif period:
        doc.start_year, doc.end_year = period
        doc.horizon_why = f"title five-year period {period[0]}—{period[1]}"
    elif title_year and doc.kind == "plan":
        doc.start_year = doc.end_year = title_year
        doc.horizon_why = f"one-year plan {title_year}"
    else:
        ref = doc.ref_year or title_year
        m = EFFORT.search(doc.norm)
        if ref and m and chinese_int(m.group(1)):
            doc.start_year, doc.end_year = ref, ref + chinese_int(m.group(1))
            doc.horizon_why = f"plan dated {ref} + '{m.group(0)}'"
        elif ref:
            doc.start_year = ref
    if doc.ref_year is None:
        doc.ref_year = doc.start_year
    if doc.end_year is None and doc.kind == "plan":
        years = [int(y) for y in BY_YEAR.findall(doc.norm)  # not 截至2021年底: an 'as of' date is not a horizon
                 if doc.start_year is None or int(y) >= doc.start_year]
        if years:
            doc.end_year = max(set(years), key=years.count)
            doc.horizon_why = f"most frequent '到{doc.end_year}年'"
        elif doc.start_year is None and (m := re.search("(?:到|至)" + FIVE_YEAR.pattern + "(?:末|期末|期间)", doc.norm)
                                         or re.search(FIVE_YEAR.pattern + r"(?:期间|时期)[^。]*?(?:将|力争|确保|争取)", doc.norm)):
            doc.start_year, doc.end_year = period_of(m)  # 计划到第十二个五年计划期间 in an undated text: that period
            doc.horizon_why = f"five-year period '{m.group(0)}'"
    if target_year is not None:
        doc.end_year, doc.horizon_why = int(target_year), "--target-year"
    if doc.start_year is None and doc.end_year is not None and doc.kind == "plan":
        doc.start_year = doc.ref_year or doc.end_year - 4


def _section(doc: Document, parent: Section, title: str) -> Section:
    sec = Section(
        path=(parent.path + " > " if parent.path else "") + title,
        history=parent.history or (bool(HISTORY_HEADING.search(title)) and not parent.target
                                   and not TARGET_HEADING.search(title)),
        target=parent.target or bool(TARGET_HEADING.search(title)),
        year=parent.year,
    )
    m = PERIOD_RE.search(title)
    if m and doc.is_past(period_of(m)[1]) and not FUTURE_WORDS.search(title):
        sec.history = True
    rng = re.search(r"(\d{4})\s*年[^—–\-~～至]{0,6}[—–\-~～至]\s*(\d{4})\s*年", title)
    if rng and not doc.is_past(int(rng.group(2))):
        sec.year = int(rng.group(2))
    return sec


def sections(doc: Document) -> None:
    """The section of every line, from the heading stack."""
    stack: list[tuple[int, Section]] = []
    for ln in doc.lines:
        h = heading(ln.text)
        if h:
            rank, title = h
            while stack and stack[-1][0] >= rank:
                stack.pop()
            stack.append((rank, _section(doc, stack[-1][1] if stack else Section(), title)))
        doc.sections.append(stack[-1][1] if stack else Section())


def read_document_facts(text: str, doc_id: str | None = None, target_year: int | None = None,
                        cat: Catalogue = ()) -> Document:
    """A :class:`Document` with its lines, facts and sections read.

    Parameters
    ----------
    text : str
        The document, verbatim (it is normalised for reading).
    doc_id : str, optional
        Its id, kept on the :class:`Document`.
    target_year : int, optional
        Overrides the horizon the title and text state.
    cat : Catalogue
        The indicator catalogue the sentence readers match names against.

    Returns
    -------
    Document
    """
    norm = join_spaced_digits(normalize(text))  # 达到3 5 0件 as a page stored it
    doc = Document(text=text, norm=norm, doc_id=doc_id, cat=cat)
    doc.lines = text_lines(norm)
    document_facts(doc, target_year)
    sections(doc)
    return doc
