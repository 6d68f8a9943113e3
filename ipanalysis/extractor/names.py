"""The indicator a quantity belongs to: the noun phrase before it (or after it when a verb
precedes: 培育1家…机构), 分别 lists paired with their values, one rate shared by a list.

>>> clean_name("到2025年全市有效注册商标达到"), clean_name("——力争培育国家知识产权优势企业")
('有效注册商标', '国家知识产权优势企业')
"""

from __future__ import annotations

import re

from ..text import clause_bounds
from .candidate import Found
from .lexicon import HEAD_VERBS, TAIL_WORDS, VERB_END

_GENERIC = re.compile(r"[\u4e00-\u9fff]{0,2}(数量|总数|总量|数|量|规模|金额|人数|个数|比例|比重)")


def _strip_once(s: str) -> str:
    for w in TAIL_WORDS:
        if s.endswith(w) and len(s) > len(w):
            s = s[: -len(w)].rstrip(" ,，、")
    for w in HEAD_VERBS:
        if s.startswith(w) and len(s) > len(w) + 1:
            s = s[len(w):].lstrip(" ,，、")
    s = re.sub(r"^\d{4}\s*年(?:度|年?底|年?末)?", "", s)  # 2023年底达3.85件: no 底 left as a name
    s = re.sub(r"^(?:[一二两三四五六七八九十\d]+年(?:内|间|来|中)?|[“\"]?十[一二三四五]五[”\"]?(?:期间|时期|末|以来)?|"
               r"期间|规划期内|试点期间|期末|届时|同期)", "", s)
    s = re.sub(r"(较|比)(上一?年度?|上年|去年|同期|\d{4}\s*年度?(年?底|年?末)?)(同期)?$", "", s)
    return re.sub(r"(?:到|至|在)?\d{4}\s*年(?:年?底|年?末)?$", "", s)  # 有效发明专利2018年达到…: no year in the name


def clean_name(s: str) -> str:
    """An indicator name from the text before a number: headings, dates, verbs and triggers removed."""
    s = re.sub(r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百\d]+[章节条])", "", s)
    s = s.strip(" \t,，、:：;；()（）").lstrip("—-·•● ")  # a list bullet (——每万人口…)
    s = re.sub(r"^\d{1,2}[.．、](?!\d)", "", s)
    s = re.sub(r"^(?:到|至|截至|截止|截止到)\s*\d{4}\s*年(?:年?底|年?末|年末|年底)?", "", s)
    s = re.sub(r"^(?:到|至)[“\"]?十[一二三四五]五[”\"]?末?", "", s)
    prev = None
    while s and s != prev:
        prev, s = s, _strip_once(s)
    return s.strip(" ,，、:：()（）")


_ATTAINED_NAME = re.compile(r"(?:提前|超额)[\u4e00-\u9fff\d]{0,6}?完成")
_NEXT_ITEM = re.compile(r"、(?=\s*(?:[\d零一二两三四五六七八九十]|[\u4e00-\u9fff]{0,20}?\d))")


def list_items(sent: str, found: list[Found]) -> None:
    """Quantities of one clause listed with 、 each get their own item as quote (``f.item``), and,
    when the first is written 'verb N unit noun' (培育12个产业、300家企业), each takes the noun after it.

    >>> from . import quantities
    >>> from ..text import clause_bounds
    >>> s = "培育12个示范产业、300家示范企业"
    >>> fs = quantities.find_in_sentence(s)
    >>> for f in fs: f.a, f.b = clause_bounds(s, f.s)
    >>> list_items(s, fs)
    >>> [(s[slice(*f.item)], f.noun_after) for f in fs]
    [('培育12个示范产业', True), ('300家示范企业', True)]
    """
    for a in {f.a for f in found}:
        group = [f for f in found if f.a == a and not f.rule]
        seps = [sent.rfind("、", g.e, f.s) for g, f in zip(group, group[1:])]
        if len(group) < 2 or any(i < 0 for i in seps):
            continue
        starts, ends = [a] + [i + 1 for i in seps], seps + [group[0].b]
        after = all(re.match(r"^(?:以上|左右)?[\u4e00-\u9fff]{2,}", sent[f.e:end]) for f, end in zip(group, ends))
        first_verb = bool(VERB_END.search(sent[a:group[0].s].rstrip())) or not clean_name(sent[a:group[0].s])
        for f, s0, e0 in zip(group, starts, ends):
            f.item = (s0, e0)
            f.noun_after = after and first_verb


def noun_after(sent: str, e: int, b: int) -> str:
    """The noun phrase after a number up to the clause end (培育1家…服务机构), or up to a 、 that
    opens the next quantity of a list (培育12个产业、300家企业).

    Parameters
    ----------
    sent : str
        The sentence.
    e : int
        Where the number's text ends.
    b : int
        Where its clause ends.

    Returns
    -------
    str
        At most 30 characters.
    """
    tail = re.sub(r"^(以上|左右|或以上|\(或以上\))", "", sent[e:b]).strip(" ,，")
    tail = _NEXT_ITEM.split(tail)[0]
    if len(tail) > 20 and "的" in tail:
        last = tail.rsplit("的", 1)[1]
        if len(last) >= 2:
            tail = last
    return tail[:30]


def pair_lists(sent: str, found: list[Found]) -> dict[int, tuple[str, Found]]:
    """分别: names listed before 分别 paired in order with the quantities of the clause.

    Returns ``id(found) → (name text, first quantity of the list)``.
    """
    paired: dict[int, tuple[str, Found]] = {}
    for a in {f.a for f in found}:
        group = [f for f in found if f.a == a and not f.rule]
        if len(group) < 2:
            continue
        m = re.search(r"分别(?:达到|达|为|突破|超过|是|增长|提高到|增加到)?\s*$", group[0].before)
        if not m:
            continue
        names = group[0].before[: m.start()]
        for sep in ("、", "和", "及", "与"):
            parts = [p for p in re.split(sep, names) if p.strip()]
            if len(parts) == len(group):
                per = re.match(r"^\s*(每万人口|每万人|万人)", parts[0])
                for f, p in zip(group, parts):
                    if per and not re.search(r"每|万人", p) and p.strip().endswith("拥有量"):
                        p = per.group(1) + p.strip()  # 每万人口发明专利拥有量、高价值发明专利拥有量分别…: both per 10,000
                    paired[id(f)] = (p, group[0])
                break
    return paired


def name_of(sent: str, f: Found, ve: int, pair: tuple[str, Found] | None, prev_name: str | None, growth: bool) -> list[str]:
    """The indicator name(s) of quantity ``f``; ``prev_name`` is the previous quantity's in the
    sentence (for a quantity with no subject of its own: 五年累计达到50亿元).

    Parameters
    ----------
    sent : str
        The sentence holding the quantity.
    f : Found
        The quantity to name.
    ve : int
        Where its value text ends.
    pair : tuple or None
        ``(name, lead)`` when it is an item of a 分别 list.
    prev_name : str or None
        The previous quantity's name.
    growth : bool
        Whether it is a growth rate.

    Returns
    -------
    list of str
        One name, or several when one rate covers a list.
    """
    if f.noun_after and not pair:
        return [noun_after(sent, max(f.e, ve), f.item[1] if f.item else f.b)]
    name = clean_name(pair[0] if pair else f.before)
    if bool(VERB_END.search(f.before.rstrip())) or not name or len(name) <= 1:
        after = noun_after(sent, max(f.e, ve), f.b)
        if after and (not name or VERB_END.search(f.before.strip()) or len(name) <= 1):
            name = after
    if not name:
        name = clean_name(f.clause_before) or noun_after(sent, f.e, f.b)
    if _ATTAINED_NAME.search(name):  # 提前完成…规划中提出的…拥有量达到5万件的目标: the indicator after the attainment words
        name = re.split(r"完成[^,，]*?(?:实现|提出的|确定的)", name)[-1]
        if _ATTAINED_NAME.search(name):  # 超额完成当年7000件的目标任务: the indicator of the previous value
            name = ""
    m = re.match(r"^(.+?)由[^由]*$", f.clause_before)  # X由2020年的A提高到B: X names B
    if m and (not name or re.fullmatch(r"(?:提高|增加|增长|提升|上升|扩大|达)(?:到|至)?", name)):
        name = clean_name(m.group(1)) or name
    if not name and prev_name is not None:
        name = re.sub(r"(年均增长率|增长率)$", "", prev_name)
    if _GENERIC.fullmatch(name) and f.a > 0:  # a generic name (项目数量, 人数) takes the previous clause
        pa, _ = clause_bounds(sent, f.a - 1)
        prev = clean_name(sent[pa:f.a - 1])
        if prev and not re.search(r"\d", prev):
            name = prev[-20:] + name
    if growth and re.fullmatch(r"(年均|平均|同比|年|)(增长|增速|增幅|提高|提升)?率?", name) and prev_name is not None:
        name = re.sub(r"(年均增长率|增长率)$", "", prev_name) + ("年均增长率" if "年均" in sent[f.a:f.e] else "增长率")
    # one rate over a list of indicators: 专利授权量、PCT申请量年均增长率达到15%
    gm = re.search(r"(年均增长率|增长率|年均增速|增速)$", name)
    if gm and "、" in name and not pair:
        parts = name[: gm.start()].split("、")
        if len(parts) > 1 and all(re.search(r"[量率数额比]$", p) for p in parts):
            return [p + gm.group(1) for p in parts]
    # one growth verb over a list: 涉外专利申请量、授权量年均增长20%, 保持专利申请量和授权量年均增长15%
    parts = re.split(r"、|和|及", re.sub(r"^(?:保持|实现|推动|力争|确保)", "", name))
    if growth and not gm and not pair and len(parts) > 1 and all(re.search(r"[量数额]$", p) and len(p) > 1 for p in parts):
        rate = "年均增长率" if "年均" in f.before[-6:] else "增长率"
        return [p + rate for p in parts]
    return [name]
