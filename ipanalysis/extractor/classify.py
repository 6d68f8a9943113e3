"""Is a number a target, a baseline (history) or neither, and what kind of target is it?

* :data:`REJECTIONS`: named rules for numbers that are not targets at all (ordinals, counts of
  tasks or indicators, titles …); the first rule that fires is recorded on the rejected row.
* :func:`history_reason`: why a quantity is history (a baseline) rather than a target.
* :func:`measure`: growth_rate, cumulative, annual_flow, intensity, share, score, stock or level.

>>> [r.name for r in REJECTIONS][:3]
['ordinal', 'ordinal_range', 'meeting_frequency']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..units import GT_WORDS
from .candidate import Candidate, Found, SentenceContext
from .lexicon import (AMOUNT_FLOW, AS_OF, ATTAINED, FLOW_COUNT, FLOW_SERIES, FUTURE_CUE, MILESTONE, FROM_TO, FUTURE_WORDS, INDICATOR_COUNT, LAST_YEAR, PART_YEAR, PLAN_WORDS,
                      PAST_CLAUSE, PERIOD_RE, REPORT_CUES, TARGET_OF, TASK_NOUNS, TRIGGER_BEFORE, period_of)

#: 完成(全年)…任务/目标/计划的 before a percentage: a completion ratio.
#: Also the rate at which a plan's indicators or targets were met (10项关键性指标的平均实现率为145.4%).
_COMPLETION_BEFORE = re.compile(r"完成[^,，;；。]{0,20}?(?:任务|目标|计划)的\s*$"
                                r"|(?:指标|目标|任务)的?(?:平均|总体|整体)?(?:实现率|完成率|达成率)\s*(?:为|达到|达)?\s*$")
_SUBSIDY_BEFORE = re.compile(r"(给予|奖励|资助|补贴|补助|奖补|扶持|每件|每项|每个|每家|每人|最高|单个|单项)")
_SUBSIDY_AFTER = re.compile(r"^\s*[\u4e00-\u9fff]{0,2}(奖励|资助|补贴|补助|奖补)")


_TO_VERB = re.compile(r"^[^,，。；;\d]{0,12}?(增加|增长|提高|提升|上升|扩大|发展|跃升|攀升)(到|至)")
_LEVEL_THEN_DIFF = re.compile(r"\d\s*%\s*(?:以上|左右)?\s*[,，]?\s*(?:比|较)[^,，;；。]{0,14}?(?:提高|增加|提升|上升|下降|降低|增长)了?\s*$")
#: The same for a count (达到20件,较上年提高3件): a change beside the level it restates.
_COUNT_THEN_DIFF = re.compile(r"\d\s*(?:万|亿)?(件|个|家|项|人)\s*(?:以上|左右)?\s*[,，]?\s*(?:比|较)[^,，;；。\d]{0,14}?(?:提高|增加|提升|上升|下降|降低|增长|减少)了?\s*$")
#: 距离…的目标还有0.5个百分点: the distance left to a target, not a target.
_DISTANCE_BEFORE = re.compile(r"(?:距离|距|离)[^,，;；。]{0,30}?(?:还有|还差|尚差|仍差|尚有)\s*$")
_COUNTED_BEFORE = re.compile(r"(指标|目标|任务|措施)\s*$")
#: An amount named as yearly (使用费年进出口额, 年交易总额): a yearly flow.
_YEARLY_AMOUNT = re.compile(r"年[\u4e00-\u9fff]{1,5}额$")
#: A count per unit of another quantity (每亿元工业增加值的…, 每万户市场主体…; not 每年).
_PER_UNIT = re.compile(r"^每(?!年)[十百千万亿]+(?:元|户|家|人)")
_BOUND_PRE = GT_WORDS + ("不少于", "不低于")
#: 高于全国平均增幅近6个百分点: a gap from another place's figure, not a target of its own.
_GAP_BEFORE = re.compile(r"(高于|低于|高出|快于|慢于)[^,，;；。\d]{0,16}$")


def _inside_quotes(sent: str, pos: int) -> bool:
    for o, c in (("《", "》"), ("“", "”")):
        i = sent.rfind(o, 0, pos)
        if i >= 0 and sent.find(c, i) >= pos and sent.find(c, i) - i < 24:
            return True
    return False


def _char_before(sent: str, i: int) -> str:
    return sent[i - 1:i] if i > 0 else ""


@dataclass(frozen=True)
class Rule:
    """A reason a number is not a target: ``test(sentence, found) -> bool``."""

    name: str
    test: Callable[[str, Found], bool]
    reason: str


#: Rules tried in order on every quantity of a sentence; the first that fires rejects it.
REJECTIONS = [
    Rule("ordinal", lambda s, f: "第" in (_char_before(s, f.s), _char_before(s, f.num_s)), "ordinal (第…)"),
    Rule("ordinal_range", lambda s, f: _char_before(s, f.s) in ("前", "后") and not f.pre, "ordinal range (前/后 N)"),
    Rule("meeting_frequency", lambda s, f: bool(re.match(r"^[\u4e00-\u9fff]{0,4}(会议|例会|联席会)", s[f.e:])),
         "meeting frequency (procedure, not a target)"),
    Rule("task_count", lambda s, f: bool(TASK_NOUNS.match(s[f.e:])) and not TARGET_OF.match(s[f.e:]) and not year_task(s, f),
         "count of tasks/measures, not a target"),
    Rule("indicator_count", lambda s, f: not f.pre and bool(INDICATOR_COUNT.match(s[f.e:]))
         and not (TARGET_OF.match(s[f.e:]) and (s[f.e:].lstrip().startswith("的") or f.q.unit not in ("个", "项"))),  # 3个目标, not 18万件目标
         "count of indicators or targets (等10项约束性指标), not a target"),
    Rule("indicator_count", lambda s, f: not f.pre and f.q.unit in ("项", "个") and bool(_COUNTED_BEFORE.search(s[f.a:f.s])),
         "count of indicators or targets (自定指标6项), not a target"),
    Rule("slogan_count", lambda s, f: bool(re.match(r"^[“\"]?(最|第一|一流)[”\"]?(?:$|[,;。、])", s[f.e:])),
         "count of superlatives in a slogan (六个最, 三个第一), not a target"),
    Rule("instrumental", lambda s, f: _char_before(s, f.s) == "以" and not f.pre, "instrumental (以N…带动), not a level"),
    Rule("quoted_name", lambda s, f: _inside_quotes(s, f.num_s), "inside a title or quoted name"),
    Rule("code_number", lambda s, f: bool(re.match(r"^\s*[-—]\s*\d", s[f.e:]) or re.search(r"[A-Za-z/]$", s[:f.num_s])),
         "part of a code or standard number"),
    Rule("comparison", lambda s, f: f.q.unit == "倍" and bool(re.search(r"比|相当于|是[^,，;；。]{0,20}的$", s[max(0, f.a - 30):f.s])),
         "comparison with another figure (比…高出N倍), not a target"),
    Rule("comparison", lambda s, f: bool(TARGET_OF.match(s[f.e:]) and re.search(r"[比较][^,，;；。]{0,30}$", s[:f.s])),
         "another target a figure is compared with (比…定下的12件目标高出2倍), not a target of this text"),
    Rule("difference", lambda s, f: (f.q.unit == "百分点" or s[f.e:].startswith("百分点")) and bool(_LEVEL_THEN_DIFF.search(s[:f.s])),
         "a difference from a base stated beside the level itself (达到15%,比上年提高3个百分点), not another target"),
    Rule("difference", lambda s, f: bool((m := _COUNT_THEN_DIFF.search(s[:f.s])) and s[f.num_s:f.e].rstrip("以上左右").endswith(m.group(1))),
         "a change from a base stated beside the count itself (达到20件,较上年提高3件), not another target"),
    Rule("distance", lambda s, f: bool(_DISTANCE_BEFORE.search(s[f.a:f.s])),
         "the distance left to a target (距离…目标还有N个百分点), not a target"),
    Rule("gap", lambda s, f: (f.q.unit == "百分点" or s[f.e:].startswith("百分点")) and bool(_GAP_BEFORE.search(s[f.a:f.s])),
         "a gap from another figure (高于全国平均增幅N个百分点), not a target"),
    Rule("completion_ratio", lambda s, f: f.q.unit == "%" and bool(_COMPLETION_BEFORE.search(s[:f.s])),
         "how much of a task is done (完成全年…任务的71.8%), not a target"),
    Rule("one_of", lambda s, f: not f.pre and bool(re.match(r"^[^,，;；。\d]{0,20}之一", s[f.e:])),
         "one of N (全国5个…的城市之一): a count of places, not a target"),
    Rule("time_limit", lambda s, f: bool(re.match(r"^[\d.一二两三四五六七八九十]+\s*(?:个月|个?工作日|天|日|小时|周)\s*内", s[f.num_s:])),
         "a time limit of a procedure (2个月内印发), not a target"),
    Rule("subsidy_amount", lambda s, f: f.q.unit == "yuan" and bool(_SUBSIDY_BEFORE.search(s[f.a:f.s]) or _SUBSIDY_AFTER.match(s[f.e:])),
         "subsidy or reward amount (a policy parameter, not a target)"),
]
#: A number in a short heading line without a trigger word ((二)实施三项行动, 二、5个重点工程).
HEADING = Rule("heading", lambda s, f: False, "in a heading, not a target")
#: Applied after the others, across the quantities of a clause (see :func:`mark_thresholds`).
THRESHOLD = Rule("qualifying_threshold", lambda s, f: False, "qualifying threshold of a later quantity")


def reject(sent: str, found: list[Found]) -> None:
    """Record on each quantity the first rejection rule that fires, then the threshold rule."""
    for f in found:
        rule = next((r for r in REJECTIONS if r.test(sent, f)), None)
        if rule:
            f.rule, f.reason = rule.name, rule.reason
    mark_thresholds(sent, found)


def mark_thresholds(sent: str, found: list[Found]) -> None:
    """A quantity without a trigger followed in its clause by one with a trigger qualifies it
    (授权3件以上专利的企业数量达50家): 3件 is a threshold, not a target; so does a bound with 的
    (申请量超200件的企业超过30家)."""
    for k, f in enumerate(found):
        # a bound with 的 qualifies a noun (年申请量超2000件的县市区超过30个): a threshold though it has a trigger
        if f.rule or (f.pre and not (f.pre in _BOUND_PRE and re.match(r"^\s*(?:以上)?的", sent[f.e:]))):
            continue
        for g in found[k + 1:]:
            between = sent[f.e:g.s]
            if FROM_TO.search(sent[:g.s]) or re.search(r"(增加|增长|提高|提升|上升)(到|至)", g.pre + between):
                break
            if "、" in between:  # a list (软件著作权登记量8万件、…达到13%): each item stands on its own
                break
            if g.a == f.a and (g.pre or TRIGGER_BEFORE.search(between)) and not re.search(r"[和及与]\s*$", between):
                f.rule, f.reason = THRESHOLD.name, THRESHOLD.reason
                break


_YEAR_TASK_BEFORE = re.compile(r"(?:全年|年度|今年)\s*$")


def year_task(sent: str, f: Found) -> bool:
    """Whether the quantity is the year's task (完成全年170家任务的71.8%, 全年1150件任务): a target of the text's year.

    >>> from . import quantities
    >>> s = "受理发明专利申请531件,完成全年1150件任务的46.2%"
    >>> [year_task(s, f) for f in quantities.find_in_sentence(s)]
    [False, True, False]
    """
    return bool(_YEAR_TASK_BEFORE.search(sent[:f.s])) and bool(re.match(r"\s*(?:的)?(?:目标)?任务", sent[f.e:]))


#: A bare year as the time of a whole sentence (…了解到,2010年,…): group 1.
_HEAD_YEAR = re.compile(r"(?:^|[,，:：])\s*(\d{4})\s*年\s*[,，]")


def history_reason(ctx: SentenceContext, f: Found) -> str | None:
    """Why the quantity is history (a baseline), or None when it may be a target."""
    sent, doc, sec = ctx.sent, ctx.doc, ctx.sec
    clause_text = sent[f.a:f.s]
    if sec.history:
        return f"history section ({sec.path.split(' > ')[-1]})"
    if ctx.para_past:
        return "paragraph about a past period"
    if ATTAINED.search(sent) and not TARGET_OF.match(sent[f.e:]):
        return "a value reported as reached against a target (提前/超额完成…目标)"
    if TARGET_OF.match(sent[f.e:]) and doc.ref_year is not None and ctx.fut is not None and not doc.is_past(ctx.fut) \
            and not re.search(r"比|较", re.split(r"[,，;；]", ctx.full_sentence_before(f.s))[-1]):  # not 比…的12件目标
        return None  # a dated text quotes the plan's own target (…确定的18万件目标) while its period runs: a target
    if FROM_TO.search(sent[:f.e]) and re.search(r"[从由]", sent[:f.s]) and not ctx.fut:
        return "从…增加到… (history)"
    if re.search(r"[从由][^,，。；;]{0,30}$", sent[:f.s]) and _TO_VERB.match(sent[f.e:]):
        return "the 'from' side of 从A增加到B (history)"
    if re.search(r"(比|较)\s*(\d{4})\s*年", sent[:f.e + 4]) and any(
            doc.is_past(int(y)) for y in re.findall(r"(?:比|较)\s*(\d{4})\s*年", sent)) and not ctx.fut:
        return "比YYYY年 growth (history)"
    own_future = f.own_year is not None and not doc.is_past(f.own_year)
    as_of = list(AS_OF.finditer(sent[:f.s]))
    if as_of and int(as_of[-1].group(1)) == f.own_year and doc.as_of_past(f.own_year):
        return "a value stated as of a date not after the document (截至YYYY年…)"
    if f.own_year is not None and doc.is_past(f.own_year) and not FROM_TO.search(sent[:f.s]):
        return "sentence dated before the plan" if doc.kind == "plan" else "sentence dated in the past of the report"
    if f.own_year is not None and doc.ref_year is not None and f.own_year < doc.ref_year <= (doc.end_year or doc.ref_year) \
            and not re.search(rf"(?:到|至)\s*{f.own_year}\s*年", sent[:f.s]) and not FROM_TO.search(sent[:f.s]) and not TARGET_OF.match(sent[f.e:]):
        # 2022年…达到12.5% in a mid-term review dated 2023: reached, not a target (a date after the plan's end
        # may be a repost's time stamp, and proves nothing)
        return "a year before the text's own date, within the plan's period"
    if ctx.sent_past and not own_future:
        return "sentence dated before the plan" if doc.kind == "plan" else "sentence dated in the past of the report"
    if ctx.last_year and not FUTURE_WORDS.search(sent) and not re.search(r"力争|确保|争取|要|将", clause_text):
        return "the previous year's figure (去年/同比)"
    before = ctx.full_sentence_before(f.s)[-40:] + f.pre  # 已 + 达310件
    past = list(PAST_CLAUSE.finditer(before))
    after_cue = before[past[-1].end():] if past else ""
    if past and not (FUTURE_WORDS.search(after_cue) or re.search(r"力争|确保|争取|要|将", after_cue)):
        # 目前/已达… with no future cue between it and the number: a stated value, even when the
        # sentence goes on to a target (目前为1.2万件,到2025年达到2万件)
        return f"past-tense cue '{past[-1].group(0)}'"
    before_all = ctx.full_sentence_before(f.s)
    head = list(_HEAD_YEAR.finditer(before_all))
    if head and doc.is_past(int(head[-1].group(1))) and not FUTURE_CUE.search(before_all[head[-1].end():]):
        # 记者了解到,2010年,…达14274件;…达10件: a past year heading the sentence dates every ;-part of it
        return f"past year '{head[-1].group(1)}年' heading the sentence"
    ended = re.search(PERIOD_RE.pattern + r"[\u4e00-\u9fff]{0,6}?(?:规划|计划)", sent[:f.s])
    if ended and doc.is_past(period_of(ended)[1]) and re.match(r"\s*(?:以上)?\s*的(?:预期)?目标", sent[f.e:]):
        return "the target of an ended plan, quoted"  # 超额完成了“十一五”规划…30件的目标 in a 十二五 text
    part = list(PART_YEAR.finditer(ctx.full_sentence_before(f.s)))
    if part and not FUTURE_CUE.search(ctx.full_sentence_before(f.s)[part[-1].end():]):
        # 前三季度…11192件,占…;专利授权量4335件: the part-year cue dates every ;-part of its sentence
        return f"part-year cue '{part[-1].group(0)}' of the sentence"
    if doc.kind == "report" and not ctx.future_words:
        return "report document, no future cue"
    return None


def unanchored(ctx: SentenceContext, year: int | None) -> str | None:
    """Why a would-be target is a stated value after all: in a text in a reporter's words (获悉, 据悉, 截至, 同比,
    累计 …) whose title names no plan, it has no target year (no horizon in the document, its paragraph or
    sentence) and no future or obligation word in its sentence (力争, 将, 要, 目标, 每年 …).

    >>> from .document import read_document_facts
    >>> from .candidate import SentenceContext
    >>> from .document import Section
    >>> doc = read_document_facts("据悉,某市专利工作成效明显。")
    >>> ctx = SentenceContext(doc=doc, sec=Section(), line="全市专利占比78%", ss=0, sent="全市专利占比78%", base=0)
    >>> unanchored(ctx, None), unanchored(ctx, 2025)
    ('no target year and no future cue in its sentence: a stated value', None)
    """
    whole = ctx.sent + ctx.full_sentence_before(len(ctx.sent.rstrip("。!?！？ ")))  # earlier ;-parts too: 力争 governs across ；
    if year is not None or ctx.para_year or FUTURE_CUE.search(whole):
        return None
    if not (REPORT_CUES.search(ctx.doc.norm) or LAST_YEAR.search(ctx.doc.norm)) or PLAN_WORDS.search(re.sub(r"《[^》]*》", "", ctx.doc.title)):
        return None  # a plan's own text (its title says so), or a text not in a reporter's words
    return "no target year and no future cue in its sentence: a stated value"


def confidence(ctx: SentenceContext, f: Found, comparator: str) -> tuple[float, str]:
    """Confidence of a target and why.

    Parameters
    ----------
    ctx : SentenceContext
        The sentence the target stands in (its section, years, past or future wording).
    f : Found
        The target's quantity.
    comparator : str
        The comparator read for it.

    Returns
    -------
    tuple
        ``(confidence 0–1, why)``.
    """
    conf, why = 0.55, []
    trig = TRIGGER_BEFORE.search(f.before)
    if f.pre or comparator != "=" or trig:
        conf += 0.2
        why.append("trigger " + (f.pre or (trig.group(0) if trig else comparator)))
    if ctx.fut:
        conf += 0.1
        why.append(f"year {ctx.fut} in sentence")
    if ctx.sec.target:
        conf += 0.1
        why.append("target section")
    if ctx.past_year_in_sent:
        conf -= 0.2
        why.append("a past year in the sentence")
    if not (ctx.fut or ctx.para_year or ctx.sec.year or f.own_year):
        # no 到YYYY年 (or stage, section, milestone year) in its sentence or paragraph: the year is the document's
        # horizon at best, and a value with no horizon cue is as often a stated value as a target
        conf -= 0.1 if ctx.doc.end_year else 0.2
        why.append("no horizon cue (year from the document)" if ctx.doc.end_year else "no horizon cue and no target year")
    return round(max(0.0, min(conf, 0.99)), 2), "; ".join(why or ["bare quantity in a plan sentence"])


def head_noun(name: str) -> str:
    """The head of a name after its last 的 (年营业收入超千万元的知识产权服务机构 → 知识产权服务机构).

    >>> head_noun("拥有省著名商标的小微企业"), head_noun("商标注册量")
    ('小微企业', '商标注册量')
    """
    head = name.rsplit("的", 1)[-1]
    return head if len(head) >= 2 and not re.search(r"\d", head) else name


def measure_hint(ctx: SentenceContext, f: Found, name: str, growth: bool, increment: bool) -> str | None:
    """A measure read from the wording (年均/每年 → annual_flow, 累计/新增 → cumulative, growth; 申请/登记量/
    登记额/交易额 with two or more milestones in the sentence, 2025年达到A,2028年达到B → annual_flow).

    Parameters
    ----------
    ctx : SentenceContext
        The sentence, for its cue words and milestones.
    f : Found
        The quantity whose measure is wanted.
    name : str
        Its indicator name.
    growth, increment : bool
        Whether it is a growth rate, an increment (新增/增加).

    Returns
    -------
    str or None
        A measure code, or None when the wording says nothing.
    """
    sent = ctx.sent
    cue = sent[f.a:f.e]
    head = head_noun(name)
    hint = None
    if f.q.per == "年" or re.search(r"年均", cue) or re.search(r"每年|每年度", sent[:f.s]) or re.match(r"^年", head) \
            or re.search(r"年(登记|申请|授权|注册|新增)", head) or re.search(r"年度[\u4e00-\u9fff]{0,12}总量", f.before) \
            or re.match(r"^[、,\s]*年度", f.before) or _YEARLY_AMOUNT.search(name) \
            or re.search(r"年度\s*(?:突破|超过|达到|达|超)?\s*$", f.before):
        hint = "annual_flow"
    if len(MILESTONE.findall(sent)) >= 2 and FLOW_SERIES.search(head) and not re.search(r"累计|拥有|有效|总量|存量", name):
        hint = "annual_flow"  # a series of yearly milestones of a count of filings/registrations or an amount traded
    if (re.search(r"累计", cue) and not re.search(r"累计拥有", cue)) or increment:
        hint = "cumulative"
    if growth:
        hint = "growth_rate"
    return hint


def measure(c: Candidate, key_measure: str | None, one_year: bool) -> str:
    """The measure of a candidate from its unit, cues and the catalogue's measure.

    A decision list, top rule wins; kept as one list so the order is visible: over 40 lines.

    Parameters
    ----------
    c : Candidate
        The candidate.
    key_measure : str or None
        The measure of its catalogue key.
    one_year : bool
        Whether the sentence names one year only.

    Returns
    -------
    str
        A measure code.
    """
    if c.growth:
        return "growth_rate"
    if c.comparator == "qualitative":
        return "score" if "满意度" in c.name else {"rate": "share", "flow": "level"}.get(key_measure or "", key_measure or "level")
    by_unit = {"%": "share", "分": "score", "件/万人": "intensity"}
    if c.unit in by_unit:
        return by_unit[c.unit]
    if _PER_UNIT.match(c.name):
        return "intensity"  # 每亿元工业增加值的…, 每万户市场主体…: a count per unit of another quantity
    if c.measure_hint:
        return c.measure_hint
    item = c.clause_before.split("、")[-1]  # a list item's own words (总量 of a neighbour is not its)
    if re.search(r"拥有量|拥有|有效|保有|存量|总量", head_noun(c.name)) or re.search(r"拥有量|有效|保有|存量|总量", item) \
            or (re.search(r"拥有", item) and "的" not in c.name):
        return "stock"
    if FLOW_COUNT.search(head_noun(c.name)) or (not c.name and FLOW_COUNT.search(item)):
        return "annual_flow"  # 申请量/授权量/注册量 to a target year: a yearly count (累计/拥有量/有效 are above)
    if c.unit == "yuan" and AMOUNT_FLOW.search(head_noun(c.name) or item):
        return "annual_flow"  # 融资额, 成交额, 产值 to a target year: a yearly amount (累计/余额/存量 are not)
    if one_year:
        if re.search(r"举办|召开|完成|开展|引导|调查", c.clause_before) or c.unit in ("次", "期", "场", "人次"):
            return "annual_flow"
        return {"flow": "annual_flow", "rate": "share"}.get(key_measure or "", key_measure or "stock")
    if re.search(r"(数量|总数|个数|拥有量)$", c.name) and c.pre in ("达", "达到"):
        return "stock"
    if re.search(r"培育|形成|扶持|新增|新建|引进|获得|挖掘|建设|培养|设立|建成|打造|认定|发行|争创|制定", c.clause_before) or (
            re.search(r"开展", c.clause_before) and c.unit in ("个", "项", "家", "户")):
        return "cumulative"
    if key_measure in ("stock", "intensity", "score"):
        return key_measure
    if key_measure in ("share", "rate"):
        return "share"
    if c.unit in ("家", "个", "名", "人", "所", "户"):
        return "stock"
    return "level"


def commitment(ctx: SentenceContext, pos: int) -> str:
    """``strive`` when 力争/争取 comes before ``pos`` in the same full sentence (a ； does not end it)."""
    return "strive" if re.search(r"力争|争取", ctx.full_sentence_before(pos)) else "firm"
