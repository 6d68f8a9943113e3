"""Numbers in a sentence: which are quantities, their value text, unit and comparator.

Parsing one quantity is :mod:`ipanalysis.units` (万/亿, ranges, 以上 …); this module finds them in
running text, drops unit characters that are part of a word (分辨率, 人才), and reads the words
around them (以上 after the unit, 不超过 before it, 个百分点, durations 个工作日).

>>> [(f.q.value, f.q.unit, f.pre) for f in find_in_sentence("专利达到1.5万件,人才100人,响应3分钟")]
[(15000.0, '件', '达到'), (100.0, '人', '')]
>>> [(f.q.value, f.q.unit) for f in find_in_sentence("产业产值达到120亿,人口达到80万")]  # 亿 after an amount is money
[(12000000000.0, 'yuan')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..units import GT_WORDS, Quantity, chinese_number, find_quantities
from .candidate import Found
from .lexicon import POINT_PRE, PRE_WORDS, TRIGGER_BEFORE, UNIT_STOP, VERB_END

_UNIT_WORD = re.compile(r"^[\d.]+\s*[万亿千]?\s*(?:[\d.—–~～至到\-]*[万亿千]?)?\s*(?:余|多)?\s*"
                        r"(人次|亿元|万元|元|件|家|个|项|人|名|场|分|%|所|期|次|倍|户|单)")
_SUFFIX = re.compile(r"^(次|工作日|个工作日|月|个月|小时|天)?\s*(及以上|或以上|以上|以内|以下|及以下|左右|内)?")
_DURATIONS = ("工作日", "个工作日", "月", "个月", "小时", "天")
_GROWTH_BEFORE = re.compile(
    r"(年均增长率|平均增长率|增长率|增速|增幅|年均增长|年均提高|年均递增|递增|增长|提高|提升|增加)了?\s*(达到|达|为|保持在|稳定在)?\s*$")
_GROWTH_AFTER = re.compile(r"\s*(?:以上|左右)?\s*的(?:增长|增幅|增速|速度增长|速度递增)")
#: An amount named as money before a number ending in 亿 with no 元 (产值达到120亿, 销售收入突破50亿).
_AMOUNT_NOUN = re.compile(r"(产值|总值|收入|销售额|交易额|成交额|融资额|投入|资金|增加值|营业额|规模)[^,，;；。\d]{0,6}$")
_CAP_BEFORE = re.compile(r"(不超过|不高于|控制在|压缩至|压缩到|缩短至|缩短到|降低至|降低到|降至|减少到|减少至)\s*$")
_AT_LEAST = re.compile(r"(至少|不少于|不低于)[\u4e00-\u9fff]{0,3}$")


_CN_QTY = re.compile(
    "(?P<pre>" + "|".join(PRE_WORDS) + r")?(?P<cn>[零〇一二两三四五六七八九十百千万亿]+)(?P<yu>余|多)?"
    r"(?P<unit>人次|件|家|个|项|人|名|所|场|次|期|元)(?P<post>以上|左右)?")


def _cn_comparator(pre: str, post: str, yu: bool) -> str:
    """The comparator of a quantity in Chinese numerals from the words around it (约/左右, 突破/余, 不低于/以上)."""
    if post == "左右" or pre == "约":
        return "≈"
    if pre in GT_WORDS or yu:
        return ">"
    return ">=" if post == "以上" or pre in ("不低于", "不少于", "至少") else "="


def chinese_quantities(sent: str) -> list[Found]:
    """Quantities written in Chinese numerals (培育两家, 达到三百家以上) after a trigger word or verb.

    A bare numeral without a trigger (统筹两个市场) and 一 (打造一个平台) are not read as quantities.

    >>> [(f.q.value, f.q.unit, f.q.comparator) for f in chinese_quantities("力争培育两家示范企业,商标达到三百件以上,两个市场")]
    [(2.0, '家', '='), (300.0, '件', '>=')]
    >>> [(f.q.value, f.q.comparator) for f in chinese_quantities("新增商标百个以上")]  # a bound needs no verb
    [(100.0, '>=')]
    >>> [(f.q.value, f.q.unit, f.q.comparator) for f in chinese_quantities("工业总产值破万亿元,专利突破万件")]
    [(1000000000000.0, 'yuan', '>'), (10000.0, '件', '>')]
    """
    out = []
    for m in _CN_QTY.finditer(sent):
        cn = m.group("cn")
        value = chinese_number("一" + cn if cn[0] in "百千万" else cn)  # 百个以上: a hundred
        nxt = sent[m.end("unit"):m.end("unit") + 1]
        if not value or value < 2 or sent[m.start() - 1:m.start()] in ("每", "第") or (nxt and nxt in UNIT_STOP.get(m.group("unit"), "")):
            continue
        head = sent[max(0, m.start() - 8):m.start()]
        if not m.group("pre") and not (TRIGGER_BEFORE.search(head) or VERB_END.search(head)) and m.group("post") != "以上":
            continue  # a bound (百个以上) says a target without a verb
        pre = m.group("pre") or ""
        comp = _cn_comparator(pre, m.group("post") or "", bool(m.group("yu")))
        unit = "yuan" if m.group("unit") == "元" else m.group("unit")  # 万亿元: the numeral holds 万/亿
        if unit == "yuan" and not cn.endswith(("万", "亿")):
            continue  # 三元, 五元: not an amount a plan sets
        q = Quantity(float(value), None, unit, comp, None)
        out.append(Found(s=m.start(), e=m.end(), num_s=m.start("cn"), pre=pre, q=q))
    return out


_CN_PCT = re.compile(r"(?P<pre>" + "|".join(PRE_WORDS) + r")?百分之(?P<cn>[零〇一二两三四五六七八九十]+)(?:点(?P<dec>[零〇一二三四五六七八九]+))?"
                     r"(?P<post>以上|左右)?")


def chinese_percentages(sent: str) -> list[Found]:
    """Percentages written 百分之N (百分之五十, 百分之三点五以上) as quantities in %.

    >>> [(f.q.value, f.q.comparator) for f in chinese_percentages("增长百分之五十,提高百分之三点五以上")]
    [(50.0, '='), (3.5, '>=')]
    """
    out = []
    for m in _CN_PCT.finditer(sent):
        whole = chinese_number(m.group("cn"))
        if whole is None:
            continue
        dec = "".join(str(chinese_number(c)) for c in m.group("dec") or "")  # 三点五: each digit after 点
        value = float(f"{whole}.{dec}") if dec else float(whole)
        pre = m.group("pre") or ""
        comp = _cn_comparator(pre, m.group("post") or "", False)
        out.append(Found(s=m.start(), e=m.end(), num_s=m.start("cn") - 3, pre=pre, q=Quantity(value, None, "%", comp, None)))
    return out


def find_in_sentence(sent: str) -> list[Found]:
    """Quantities with a unit in a (normalised) sentence, in order (digits, then Chinese numerals merged)."""
    out = []
    for s, e, q in find_quantities(sent):
        span = sent[s:e].rstrip()
        e = s + len(span)
        if q.unit is None and span.endswith("亿") and _AMOUNT_NOUN.search(sent[max(0, s - 16):s]):
            q = replace(q, unit="yuan")  # 产值达到120亿: an amount named as money, 元 left out
        if q.unit is None:
            continue
        pre = next((w for w in PRE_WORDS if span.startswith(w)), "")
        num_s = s + len(pre)
        while num_s < e and not sent[num_s].isdigit():
            num_s += 1
        m = _UNIT_WORD.match(sent[num_s:e])
        unit_end = num_s + m.end() if m else e
        nxt = sent[unit_end:unit_end + 1]
        if m and nxt and nxt in UNIT_STOP.get(m.group(1), ""):
            continue  # unit followed by a character that makes it a word (分辨率, 人才, 项目 …)
        out.append(Found(s=s, e=e, num_s=num_s, pre=pre, q=q))
    taken = [(f.s, f.e) for f in out]
    out += [f for f in chinese_quantities(sent) + chinese_percentages(sent) if not any(a < f.e and f.s < b for a, b in taken)]
    return sorted(out, key=lambda f: f.s)


@dataclass
class Reading:
    """How one quantity reads in its sentence: value-text span, unit, growth, bound word."""

    vs: int
    ve: int
    unit: str | None
    growth: bool
    bound: str | None
    duration: str | None
    increment: bool  # 增加N个 / 新增N个


def read_quantity(sent: str, f: Found) -> Reading:
    """Value-text span and unit of ``f`` with the words around it.

    >>> s = "地理标志增加2个,办结时间压缩至15个工作日以内"
    >>> [(s[r.vs:r.ve], r.unit, r.bound, r.increment) for r in (read_quantity(s, f) for f in find_in_sentence(s))]
    [('增加2个', '个', None, True), ('15个工作日以内', '个工作日', '以内', False)]
    """
    q = f.q
    vs, ve = f.s, f.e
    if f.pre in POINT_PRE:
        vs = f.num_s
    m_inc = re.search(r"(增加|新增)\s*$", sent[:f.s])
    inc = bool(m_inc) and not f.pre
    if inc and m_inc.group(1) == "增加":
        vs = m_inc.start()  # 增加N个 (an increment) keeps its verb, as the data spec's value_text does
    unit = q.unit
    growth = q.unit == "%" and bool(_GROWTH_BEFORE.search(f.before + (f.pre if f.pre in ("达到", "达") else ""))
                                    or _GROWTH_AFTER.match(sent[f.e:]))  # 实现…6%的增长
    if q.unit == "个" and sent[f.e:f.e + 3].startswith("百分点"):
        unit, growth = "百分点", True
        ve = f.e + 3
    suffix = _SUFFIX.match(sent[f.e:])
    duration = None
    if suffix and suffix.group(1) in _DURATIONS and q.unit == "个":
        duration = "个" + suffix.group(1).lstrip("个")
    bound = None
    if suffix and (suffix.group(1) or suffix.group(2)) and (suffix.group(1) != "次" or q.unit == "场"):
        ve = f.e + suffix.end()
        bound = suffix.group(2)
    if duration:
        unit = duration
    return Reading(vs, ve, unit, growth, bound, duration, inc)


def comparator(sent: str, f: Found, r: Reading, pair_lead: Found | None) -> tuple[str, int]:
    """Comparator of a quantity and the (possibly moved) start of its value text.

    ``pair_lead`` is the first quantity of a 分别 list, whose trigger (突破, 超过) applies to all.

    Parameters
    ----------
    sent : str
        The sentence, for the trigger words around the value.
    f : Found
        The quantity whose comparator is read.
    r : Reading
        What was read around it.
    pair_lead : Found or None
        The first quantity of its 分别 list.

    Returns
    -------
    tuple
        ``(comparator, start of the value text)``.
    """
    comp, vs = f.q.comparator, r.vs
    if f.pre in ("超过", "超") and sent[f.s - 1:f.s] == "不":
        comp, vs = "<=", f.s - 1
    if r.bound in ("及以上", "或以上", "以上"):
        comp = ">="
    elif r.bound in ("以内", "以下", "及以下", "内"):
        comp = "<="
    elif r.bound == "左右":
        comp = "≈"
    if _CAP_BEFORE.search(sent[:f.s]) and comp == "=":
        comp = "<="
    if comp != "=":
        return comp, vs
    if _AT_LEAST.search(sent[max(0, f.s - 6):f.s]):
        return ">=", _AT_LEAST.search(sent[:f.s]).start()
    if pair_lead is not None and pair_lead is not f and pair_lead.q.comparator in (">", ">="):
        return pair_lead.q.comparator, vs
    if not f.clause_before.strip() and f.a > 0 and re.search(
            r"(至少|不少于|不低于)[\u4e00-\u9fff]{0,3}[\d.]+[^,，。；;]*[,，]\s*$", sent[:f.a][-40:]):
        return ">=", vs
    if re.search(r"(超过|突破)\s*$", sent[:f.s]):
        return ">", vs
    return comp, vs
