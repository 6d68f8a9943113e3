"""Which sentences of a plan commit it to future work, and which only introduce it or look back.

A local plan takes up a national task only where it commits to it.  Many sentences that name a task
do not (each rule is general, read from the text's own structure; nothing here names a document):

* **notice** — the issuing notice and the web page around it: everything before the plan's own title
  line (its ``title_zh`` in documents.csv standing on its own, not in 《》 and not in 印发…的通知), and
  any sentence that names the plan's own title or issues it (印发…通知, 现印发给你们);
* **review** — a look back: a section headed as one (:data:`REVIEW_HEADING`: 发展基础, 发展成就,
  规划背景, 编制背景 …) or about a five-year period that ended before the plan starts ("十三五"时期
  in a 2021 plan), unless it sits under aims or tasks (目标, 任务, 指标, 措施), and any sentence that reports the past (:data:`PAST_WORDS`: 已…, 以来, 共办理 …;
  截至/截止 a year before the plan starts; a past five-year period);
* **note** — a note that defines a term (``(注:…)``);
* **commitment** — every other sentence of the plan's body: its aims, targets, tasks and measures.

>>> t = "关于印发《某市知识产权规划》的通知\\n某市知识产权规划\\n一、发展基础\\n全市已建成服务机构5家。\\n二、主要任务\\n建设服务机构。截至2020年共有3家;截至2025年达到10家。"
>>> [(s.role, s.text) for s in classify(t, "某市知识产权规划", 2021) if s.text.strip()][:4]
[('notice', '关于印发《某市知识产权规划》的通知'), ('notice', '某市知识产权规划'), ('review', '一、发展基础'), ('review', '全市已建成服务机构5家。')]
>>> [(s.role, s.why) for s in classify(t, "某市知识产权规划", 2021)][-3:]
[('commitment', ''), ('review', 'reports the past (截至2020年)'), ('commitment', '')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..data import documents
from ..data.sources import check_doc_id, raw_text
from ..text import normalize, sections, sentences
from ..timewords import AS_OF, DONE_WORDS, FIVE_YEAR, REVIEW_HEADING, period_of

__all__ = ["Statement", "ROLES", "REVIEW_HEADING", "PAST_WORDS", "classify", "statements", "body_start"]

ROLES = ("commitment", "notice", "review", "note")

#: Words that report the past in a sentence: 已建成, 已累计, 党的十八大以来, 共办理 ….
PAST_WORDS = re.compile(DONE_WORDS + "|以来")
_PERIOD = re.compile(FIVE_YEAR.pattern + r"(?P<when>时期|期间|末|以来)?")
_AIMS = re.compile(r"目标|任务|指标|措施")
_NOTE = re.compile(r"^\s*[(（]?\s*注\s*[:：]")
_ISSUING = re.compile(r"印发.{0,80}?通知|现印发给你们|现予印发")


class Statement(NamedTuple):
    """One sentence of a plan: offsets into the raw text, its ``role`` (:data:`ROLES`), ``why`` it is
    not a commitment ('' when it is) and the ``section`` (heading path) it lies in."""

    start: int
    end: int
    text: str
    role: str
    why: str
    section: str


def _compact(text: str) -> tuple[str, list[int]]:
    """``text`` normalised without whitespace, and the offset in ``text`` of each kept character."""
    norm = normalize(text)
    keep = [i for i, c in enumerate(norm) if not c.isspace()]
    return "".join(norm[i] for i in keep), keep


def _title_spans(text: str, title: str) -> list[tuple[int, int, bool]]:
    """Every occurrence of the plan's ``title`` (across line breaks and spaces): (start, end, standalone),
    standalone when it is not inside 《》 and not the object of 印发…的通知."""
    compact, keep = _compact(text)
    want, _ = _compact(title)
    out, pos = [], compact.find(want) if want else -1
    while pos >= 0:
        end = pos + len(want)
        quoted = compact[:pos].endswith("《") or compact[end:end + 1] == "》"
        notice = compact[end:end + 3] == "的通知" or "印发" in compact[max(0, pos - 6):pos]
        out.append((keep[pos], keep[end - 1] + 1, not (quoted or notice)))
        pos = compact.find(want, end)
    return out


def body_start(text: str, title: str) -> int:
    """Where the plan's body begins: after the line holding its first standalone title (0 if none).

    >>> t = "关于印发某市规划的通知\\n《某市规划》已经同意。\\n某市规划\\n一、目标"
    >>> t[body_start(t, "某市规划"):]
    '一、目标'
    """
    standalone = [end for _, end, alone in _title_spans(text, title) if alone]
    if not standalone:
        return 0
    nl = text.find("\n", standalone[0])
    return len(text) if nl < 0 else nl + 1


def _past_period(s: str, plan_start: int) -> str | None:
    for m in _PERIOD.finditer(normalize(s)):
        if m.group("when") and period_of(m)[1] < plan_start:
            return m.group(0)
    return None


def _review_section(secs, pos: int, plan_start: int) -> str | None:
    """The heading of a review section holding ``pos`` (the outermost one), else None.  A heading under
    (or naming) aims or tasks is not a review: 企业知识产权工作成效突出 under 具体目标 is a goal."""
    for sec in secs:
        if not sec.start <= pos < sec.end or any(_AIMS.search(t) for t in (*sec.parents, sec.title)):
            continue
        if REVIEW_HEADING.search(sec.title) or _past_period(sec.title, plan_start):
            return sec.title
    return None


def _why_past(s: str, plan_start: int) -> str | None:
    """Why a sentence reports the past, else None."""
    m = AS_OF.search(normalize(s))
    if m and int(m.group(1)) < plan_start:
        return f"reports the past ({m.group(0)})"
    period = _past_period(s, plan_start)
    if period:
        return f"reports the past ({period})"
    m = PAST_WORDS.search(s)
    return f"reports the past ({m.group(0)})" if m else None


def classify(text: str, title: str, plan_start: int) -> list[Statement]:
    """Every sentence of ``text`` (a plan titled ``title`` that starts in ``plan_start``) with its role.

    Parameters
    ----------
    text : str
        The plan's raw text.
    title : str
        Its title (where its own name is cited, a sentence is not a commitment).
    plan_start : int
        The plan's first year (years before it are the past).

    Returns
    -------
    list of Statement
        One per sentence, in text order.
    """
    start = body_start(text, title)
    own = [(a, b) for a, b, _ in _title_spans(text, title)]
    secs = sections(text)
    out = []
    for s in sentences(text):
        path = [sec.title for sec in secs if sec.start <= s.start < sec.end]
        section = " / ".join(path)
        if s.start < start:
            role, why = "notice", "the issuing notice or page before the plan's title"
        elif _ISSUING.search(s.text) or any(a < s.end and s.start < b for a, b in own):
            role, why = "notice", "names or issues the plan itself"
        elif (head := _review_section(secs, s.start, plan_start)) is not None:
            role, why = "review", f"in a review of the past ({head})"
        elif (past := _why_past(s.text, plan_start)) is not None:
            role, why = "review", past
        elif _NOTE.match(text[text.rfind("\n", 0, s.start) + 1:s.end]):
            role, why = "note", "a note defining a term"
        else:
            role, why = "commitment", ""
        out.append(Statement(s.start, s.end, s.text, role, why, section))
    return out


def statements(doc_id: str) -> list[Statement]:
    """:func:`classify` of a document's raw text, with its title and plan start from documents.csv.

    >>> [s.role for s in statements("ordos_2022") if "498件" in s.text]
    ['review']
    """
    doc = documents().set_index("doc_id").loc[check_doc_id(doc_id)]
    return classify(raw_text(doc_id), str(doc["title_zh"]), int(doc["plan_start_year"]))
