"""Candidates from running text: paragraphs → sentences → quantities, each classified in its
:class:`~ipanalysis.extractor.candidate.SentenceContext`.

>>> from .document import read_document_facts
>>> doc = read_document_facts("到2025年,专利授权量达到500件。")
>>> [(c.kind, c.value, c.name, c.year) for c in running_text(doc)]
[('target', 500.0, '专利授权量', 2025)]
"""

from __future__ import annotations

import re

from ..text import clause_bounds, sentence_start, sentences
from ..units import chinese_int
from . import classify, names, quantities
from .history import baseline_year, period_start
from .candidate import Candidate, Found, SentenceContext
from .document import Document, Section, heading, own_words
from .lexicon import AS_OF, BY_YEAR, FIVE_YEAR, FUTURE_WORDS, LAST_YEAR, NEXT_YEAR, PER_10K, QUALITATIVE, THIS_YEAR, WITHIN_YEARS, period_of


def _para_past(doc: Document, line: str) -> bool:
    s = re.sub(r"^(?:据介绍|据了解|据悉|据统计)\s*[,，]?\s*", "", line.strip())  # 据介绍,“十二五”期间…: still a past period
    m = re.match("^" + FIVE_YEAR.pattern + "(?:时期|期间|以来)", s)
    if m and doc.is_past(period_of(m)[1]):
        return True
    if re.match(r"^(?:近年来|近几年|过去五年|党的十八大以来)", s):
        return True
    m = re.match(r"^(\d{4})\s*年以来", s)
    return bool(m and doc.is_past(int(m.group(1))))


def _future_year(doc: Document, sent: str) -> int | None:
    """The sentence's future year: the first not-past YYYY年 (not an 'as of' date up to the document's
    own year: 截至2021年底), or 到“十X五”末 (第十X个五年计划期间), else the last year of a “十X五”规划 it names,
    else the text's own year for 今年/全年/年内 and the next for 明年."""
    as_of = {m.start(1) for m in AS_OF.finditer(sent) if doc.as_of_past(int(m.group(1)))}
    fut = next((y for m in re.finditer(r"(\d{4})\s*年", sent)  # not a comparison's base (比2010年增长65%)
                if 1990 < (y := int(m.group(1))) < 2100 and not doc.is_past(y) and m.start(1) not in as_of
                and not re.search(r"(?:比|较|相比|同比)\s*$", sent[:m.start(1)])), None)
    m = re.search("(?:到|至)" + FIVE_YEAR.pattern + "(?:末|期末|期间)", sent)
    if m and not doc.is_past(period_of(m)[1]):
        fut = period_of(m)[1]
    m = re.search(FIVE_YEAR.pattern + "(?:" + _PERIOD_GOALS + "|" + _PERIOD_COMMIT + ")", sent)
    if fut is None and m and not doc.is_past(period_of(m)[1]):
        fut = period_of(m)[1]  # “九五”期间的奋斗目标是…, “十二五”期间,…将…力争…
    m = re.search(FIVE_YEAR.pattern + "[\u4e00-\u9fff]{0,6}?规划", sent)  # “十四五”规划预期的12件的目标: the plan's last year
    if fut is None and m and not doc.is_past(period_of(m)[1]):
        fut = period_of(m)[1]
    if fut is None and doc.ref_year is not None and (m := WITHIN_YEARS.search(sent)) and chinese_int(m.group(1) or m.group(2)):
        fut = doc.ref_year + chinese_int(m.group(1) or m.group(2))  # 力争三年内 in a text dated 2030: 2033
    if fut is None and doc.ref_year is not None:  # 全年力争…, 明年将达到… in a dated text (a report's 全年 is its past)
        this = THIS_YEAR.search(sent) and (doc.kind == "plan" or re.search(r"将|力争|确保|争取|要|预计|计划", sent))
        fut = doc.ref_year + 1 if NEXT_YEAR.search(sent) else doc.ref_year if this else None
    if fut is None and doc.ref_year is not None and doc.end_year is None and re.search(r"力争|争取|确保", sent):
        fut = doc.ref_year  # a dated text with no horizon at all (a work conference's 力争…): its own year's goal
    return fut


_OWN_YEAR = re.compile(r"(?<![比较为是与\d])(\d{4})\s*年(?:年?底|年?末|度)?(?![的\d—–\-~～至])")


_YEARS_RESPECTIVELY = re.compile(r"((?:\d{4}\s*年(?:底|末)?\s*[、和及与]\s*)+\d{4}\s*年(?:底|末)?)[^,;。\d]{0,20}?分别")


def own_year(sent: str, f: Found) -> int | None:
    """The last year named before a quantity in its sentence (2018年达到A件,2022年达到B件: 2018, 2022);
    not a comparison base (比2020年) nor a multiple's base (2020年的2倍).

    >>> s = "2018年达到5000件,2022年达到8000件"
    >>> [own_year(s, f) for f in quantities.find_in_sentence(s)]
    [2018, 2022]
    >>> s = "到2025年,专利10件(2023年底达4件,2024年底达6件),比重达12%"  # a year in parentheses stays inside them
    >>> [own_year(s, f) for f in quantities.find_in_sentence(s)]
    [2025, 2023, 2024, 2025]
    >>> s = "2023年、2024年分别达到500件、600件"
    >>> [own_year(s, f) for f in quantities.find_in_sentence(s)]
    [2023, 2024]
    """
    listed = list(_YEARS_RESPECTIVELY.finditer(sent[:f.s]))
    if listed:  # 2023年、2024年分别达到A、B: the k-th value takes the k-th year
        ys = [int(y) for y in re.findall(r"(\d{4})\s*年", listed[-1].group(1))]
        k = sent[listed[-1].end():f.s].count("、")
        if k < len(ys) and not re.search(r"[,;。]", sent[listed[-1].end():f.s]):
            return ys[k]
    before = re.sub(r"[(（][^()（）]*[)）]", lambda m: " " * len(m.group(0)), sent[:f.s])  # (2023年底达A,2024年底达B),…: its own
    years = [int(m.group(1)) for m in _OWN_YEAR.finditer(before) if 1990 < int(m.group(1)) < 2100]
    return years[-1] if years else None


def clause_this_year(doc: Document, sent: str, f: Found) -> int | None:
    """The text's own year when 今年/全年/年内 is the last time word before a quantity (今年计划新增1家,争取到
    “十二五”期末…: the 1家 is this year's, though the sentence names a later horizon); None otherwise.

    Parameters
    ----------
    doc : Document
        The document (its ``ref_year`` is the text's own year).
    sent : str
        The sentence.
    f : Found
        A quantity found in it.

    Returns
    -------
    int or None

    >>> from .document import read_document_facts
    >>> doc = read_document_facts("发布日期:2013-04-11\\n某市科技工作")
    >>> s = "今年计划新增研究中心1家,争取到“十二五”期末建成研发中心"
    >>> [clause_this_year(doc, s, f) for f in quantities.find_in_sentence(s)]
    [2013]
    >>> s = "今年启动,到2015年新增研究中心5家"
    >>> [clause_this_year(doc, s, f) for f in quantities.find_in_sentence(s)]
    [None]
    """
    if doc.ref_year is None:
        return None
    this = [m for m in THIS_YEAR.finditer(sent[:f.s]) if not re.search(r"[\d一二两三四五六七八九十]$", sent[:m.start()])]  # not 三年内
    if not this or re.search(r"\d{4}\s*年|" + FIVE_YEAR.pattern + "|明年", sent[this[-1].end():f.s]):
        return None
    return doc.ref_year


def _goes_on(sent: str) -> bool:
    """Whether the full sentence goes on after this part: it ends with ; or breaks off with no end mark."""
    return not re.search(r"[。!?！？]\s*$", sent)


def _past_lead(doc: Document, sent: str) -> bool:
    """Whether a sentence opens with a past date (截至2017年底, 到2012年底, 2019年,) that its later ;-parts share.

    >>> from .document import read_document_facts
    >>> doc = read_document_facts("某市知识产权规划(2021—2025年)")
    >>> _past_lead(doc, "截至2020年底,专利申请100件;"), _past_lead(doc, "到2025年底,专利达到5件;"), _past_lead(doc, "专利为5件,截至2020年底;")
    (True, False, False)
    """
    m = re.match(r"^\s*[,，]?\s*(?:截至|截止|截止到|到)?\s*(\d{4})\s*年(?:年?底|年?末|\d{1,2}月(?:底|末)?)?\s*[,，]", sent)
    if m:
        return doc.is_past(int(m.group(1)))
    m = re.search(FIVE_YEAR.pattern + r"(?:时期|期间|以来)\s*[,，]", sent)  # “十三五”期间,我市新增…: a past period's results
    return bool(m and doc.is_past(period_of(m)[1]) and not FUTURE_WORDS.search(own_words(sent)))


def _sent_past(doc: Document, sent: str, fut: int | None) -> bool:
    m = re.search(r"(?:截至|截止|截止到|到)\s*(\d{4})\s*年(?:年?底|年?末|\d{1,2}月)", sent)
    if m and doc.is_past(int(m.group(1))):
        return True
    m = re.match(r"^\s*[,，]?\s*(\d{4})\s*年", sent)
    if m and doc.is_past(int(m.group(1))):
        return True
    m = next((m for m in re.finditer(FIVE_YEAR.pattern + "(?:时期|期间|以来|末)", sent)
              if not re.search(r"(?:较|比|相比|与)\s*[“\"]?\s*$", sent[:m.start()])), None)  # not 较“十三五末”翻一番
    return bool(m and doc.is_past(period_of(m)[1]) and not fut)


#: Goals named for a year or a period (2010年的奋斗目标是, “九五”期间的主要目标): they date the rest of the paragraph.
_YEAR_GOALS = re.compile(r"(\d{4})\s*年的?(?:奋斗|主要|发展|总体|工作)?目标")
_YEAR_OPENING = re.compile(r"^\s*(\d{4})\s*年\s*[,，]")
_PERIOD_GOALS = r"(?:期间|时期)的?(?:奋斗|主要|发展|总体|工作)?目标"
#: A period named with 期间 in a sentence that commits (“十二五”期间,…将…力争…达到): the period is its horizon.
_PERIOD_COMMIT = r"(?:期间|时期)[^。]*?(?:将|力争|确保|争取|要)"
_STAGE_YEAR = re.compile(r"(?:阶段|时期|期间)\s*[(（]\s*(\d{4})\s*年\s*[)）]")


def paragraph_year(doc: Document, sent: str) -> int | None:
    """The target year a sentence sets for the rest of its paragraph: a future 到YYYY年 / 到“十X五”末,
    or a stage of the plan with its year in parentheses (提升阶段(2023年)); not 截至, not a bare YYYY年.

    >>> from .document import read_document_facts
    >>> doc = read_document_facts("某市知识产权“十四五”规划")
    >>> paragraph_year(doc, "到2023年,专利达500件"), paragraph_year(doc, "截至2021年底,专利为300件"), paragraph_year(doc, "2022年达到5件")
    (2023, None, None)
    >>> paragraph_year(doc, "巩固提升阶段(2024年),专利达600件")
    2024
    """
    by = [int(m.group(1)) for m in BY_YEAR.finditer(sent) if not doc.is_past(int(m.group(1)))]
    by += [int(m.group(1)) for m in _STAGE_YEAR.finditer(sent) if not doc.is_past(int(m.group(1)))]
    by += [int(m.group(1)) for m in _YEAR_GOALS.finditer(sent) if not doc.is_past(int(m.group(1)))]
    m = _YEAR_OPENING.match(sent)  # a plan's goals paragraph opened by a bare year (二、主要目标 / 2025年,全市…)
    if m and doc.kind == "plan" and doc.start_year is not None and doc.start_year < int(m.group(1)):
        by.append(int(m.group(1)))
    if by:
        return by[0]
    m = re.search("(?:到|至)" + FIVE_YEAR.pattern + "(?:末|期末|期间)", sent) or \
        re.search(FIVE_YEAR.pattern + _PERIOD_GOALS, sent)
    return period_of(m)[1] if m and not doc.is_past(period_of(m)[1]) else None


def context(doc: Document, sec: Section, para_past: bool, line: str, ss: int, sent: str, base: int,
            para_year: int | None = None) -> SentenceContext:
    """What is known about a sentence before its quantities are read (``para_year``: the target
    year an earlier sentence of the paragraph set with 到YYYY年).

    Parameters
    ----------
    doc : Document
        The document.
    sec : Section
        The section holding the sentence.
    para_past : bool
        Whether its paragraph reports the past.
    line : str
        The line holding it.
    ss : int
        Its offset in ``line``.
    sent : str
        The sentence.
    base : int
        Its offset in the document's text.
    para_year : int, optional
        As above.

    Returns
    -------
    SentenceContext
    """
    years = [int(y) for y in re.findall(r"(?<![比较])(\d{4})\s*年", sent) if 1990 < int(y) < 2100]
    fut = _future_year(doc, sent)
    # 到/至 a year the document has passed (由2013年的A提高至2018年的B in a 2020 report) is no future word
    future = any(not (y := re.search(r"\d{4}", m.group(0))) or not doc.is_past(int(y.group(0))) for m in FUTURE_WORDS.finditer(own_words(sent)))
    end = re.search(r"[。!?]", line[ss:])
    full = line[sentence_start(line, ss):ss + end.end() if end else len(line)]  # 同比 in another ;-part of the sentence
    return SentenceContext(doc=doc, sec=sec, line=line, ss=ss, sent=sent, base=base, para_past=para_past,
                           sent_past=_sent_past(doc, sent, fut), past_year_in_sent=any(doc.is_past(y) for y in years),
                           fut=fut, para_year=para_year,
                           # in a report a bare 2030年 is the year of a stated value, not a future (到2030年 is)
                           future_words=future or (fut is not None and (doc.kind == "plan" or bool(BY_YEAR.search(sent)))),
                           last_year=bool(LAST_YEAR.search(full)))


def _prepare(sent: str, found: list[Found], in_heading: bool) -> None:
    """Clause bounds, rejections, and the text naming each quantity (after the previous kept one)."""
    for f in found:
        f.a, f.b = clause_bounds(sent, f.s)
        f.clause_before = sent[f.a:f.s]
    classify.reject(sent, found)
    if in_heading:
        for f in found:
            if not f.rule and not f.pre:
                f.rule, f.reason = classify.HEADING.name, classify.HEADING.reason
    names.list_items(sent, found)
    prev_end: dict[int, int] = {}
    for f in found:
        f.before = sent[prev_end.get(f.a, f.a): f.s]
        if not f.rule:
            prev_end[f.a] = f.e


def _prev_name(ctx: SentenceContext, out: list[Candidate]) -> str | None:
    """The name of the previous quantity of the full sentence (its earlier ;-parts included: 2023年达到8件;2024年达到9件)."""
    full = ctx.base - ctx.ss + sentence_start(ctx.line, ctx.ss)
    if out and out[-1].start >= full and out[-1].kind != "rejected":
        return out[-1].name
    return None


def quantity_candidates(ctx: SentenceContext, f: Found, pair: tuple[str, Found] | None, out: list[Candidate]) -> None:
    """The candidate row(s) of one quantity (several when one rate covers a list of indicators).

    Parameters
    ----------
    ctx : SentenceContext
        The sentence being read.
    f : Found
        One quantity found in it.
    pair : tuple or None
        ``(name, lead)`` when it is an item of a 分别 list.
    out : list of Candidate
        Where the rows are appended.

    Returns
    -------
    None
    """
    sent = ctx.sent
    r = quantities.read_quantity(sent, f)
    unit = r.unit
    nms = names.name_of(sent, f, r.ve, pair, _prev_name(ctx, out), r.growth)
    if unit == "件" and any(PER_10K.search(n) for n in nms) and not r.growth:
        unit = "件/万人"
    comp, vs = quantities.comparator(sent, f, r, pair[1] if pair else None)
    oy = own_year(sent, f)
    f.own_year = oy
    this = clause_this_year(ctx.doc, sent, f) if (ctx.doc.kind == "plan" or ctx.future_words) else None
    year = (oy if oy and not ctx.doc.is_past(oy) else None) or this or ctx.fut
    if year is None and not (ctx.doc.ref_year is None and WITHIN_YEARS.search(sent)):
        year = ctx.para_year or ctx.sec.year or ctx.doc.end_year  # 未来4年内 in an undated text: no year of its own
    pstart = None
    task = ctx.doc.ref_year is not None and classify.year_task(sent, f)
    if f.rule:
        kind, conf, why = "rejected", 0.0, f.reason
    elif task:  # 完成全年1150件任务的46.2%: the year's task stated in a report of part of that year is its target
        kind, conf, why, year = "target", 0.6, "the year's task (全年N…任务) of a dated text", ctx.doc.ref_year
    elif (hist := classify.history_reason(ctx, f) or classify.unanchored(ctx, year)) is not None:
        kind, conf, why = "baseline", 0.6, hist
        year, pstart = baseline_year(ctx, f), period_start(ctx, f, r.growth)
    else:
        kind = "target"
        conf, why = classify.confidence(ctx, f, comp)
    hint = classify.measure_hint(ctx, f, nms[0], r.growth, r.increment)
    for nm in nms:
        out.append(Candidate(kind=kind, start=ctx.base + f.s, end=ctx.base + f.e, value=f.q.value, value_high=f.q.value_high,
                             unit=unit, value_text=ctx.quote(vs, r.ve), name=nm, section=ctx.sec.path, year=year, why=why,
                             comparator=comp, pre=f.pre, commitment=classify.commitment(ctx, f.s), confidence=conf,
                             growth=r.growth, measure_hint=hint, per=f.q.per,
                             quote=(ctx.base + (f.item or (f.a, f.b))[0], ctx.base + max((f.item or (f.a, f.b))[1], f.e)), clause_before=sent[f.a:f.s],
                             period_start=pstart, rule=f.rule))


def _qualitative(ctx: SentenceContext, out: list[Candidate]) -> None:
    """Relative targets with no number (高于全国平均水平)."""
    sent = ctx.sent
    for m in QUALITATIVE.finditer(sent):
        a, b = clause_bounds(sent, m.start())
        name = names.clean_name(sent[a:m.start()])
        if not name or ctx.para_past or ctx.sec.history or ctx.sent_past:
            continue
        out.append(Candidate(kind="target", start=ctx.base + a, end=ctx.base + m.end(), value=None, value_high=None,
                             unit=None, value_text=ctx.quote(m.start(), m.end()), comparator="qualitative", name=name,
                             section=ctx.sec.path, year=ctx.fut or ctx.para_year or ctx.sec.year or ctx.doc.end_year,
                             commitment=classify.commitment(ctx, m.start()), confidence=0.5,
                             why="relative target (高于…平均水平), no number"))


def running_text(doc: Document) -> list[Candidate]:
    """Candidates of every sentence outside the tables."""
    out: list[Candidate] = []
    carry = False  # the line before broke off inside a sentence that reports the past (…;全市有效 / 3、发明专利拥有量…)
    for li, (ls, _, line) in enumerate(doc.lines):
        if li in doc.consumed or not line.strip():
            carry = False
            continue
        para_past = _para_past(doc, line)
        in_heading = heading(line) is not None and len(line.strip()) <= 40 and not re.search(r"[。;]", line)
        para_year = None
        past_lead = carry  # an earlier ;-part of this sentence opened with a past date (截至2017年底,…;…)
        for ss, _, sent in sentences(line, newline=False):
            found = quantities.find_in_sentence(sent)
            own = paragraph_year(doc, sent)
            lead = _past_lead(doc, sent)
            if not found and not QUALITATIVE.search(sent):
                para_year = own or para_year
                past_lead = (lead or past_lead) and _goes_on(sent)
                continue
            ctx = context(doc, doc.sections[li], para_past, line, ss, sent, ls + ss, para_year)
            past_lead = past_lead and ctx.fut is None and own is None  # a part naming a year ahead ends the past date
            if past_lead:
                ctx.sent_past = True  # its ;-parts report the same past date
            past_lead = (lead or past_lead) and _goes_on(sent)
            para_year = own or para_year
            _prepare(sent, found, in_heading)
            paired = names.pair_lists(sent, found)
            for f in found:
                quantity_candidates(ctx, f, paired.get(id(f)), out)
            _qualitative(ctx, out)
        carry = past_lead and not re.search(r"[。!?;；:：]\s*$", line)
    return out
