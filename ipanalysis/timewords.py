"""Words that place a plan's statement in time — the one home of the rules the extractor
(``ipanalysis.extractor``) and the analysis (:mod:`ipanalysis.analysis.commitments`) both read:

* :data:`FIVE_YEAR_PLANS` / :data:`FIVE_YEAR` / :func:`period_of`: the five-year periods (十三五 = 2016–2020);
* :data:`AS_OF`: an "as of" date (截至2020年底, 截止到2021年6月): what follows is a value at that date;
* :data:`REVIEW_HEADING`: the heading of a section that looks back (发展基础, 工作成效 …);
* :data:`DONE_WORDS`: words that report something done (已建成, 已累计, 共办理 …), a regex alternation
  each reader widens with its own cues.

>>> period_of(FIVE_YEAR.search("“十三五”时期"))
(2016, 2020)
>>> [int(m.group(1)) for m in AS_OF.finditer("截至2020年底…截止到2021年6月")]
[2020, 2021]
>>> bool(REVIEW_HEADING.search("一、发展基础")), bool(re.search(DONE_WORDS, "已累计培育"))
(True, True)
"""

from __future__ import annotations

import re

__all__ = ["FIVE_YEAR_PLANS", "FIVE_YEAR", "period_of", "AS_OF", "REVIEW_HEADING", "DONE_WORDS"]

#: The five-year plans by their numeral (十一五 … 十五五; 八五 and 九五 by theirs): (first year, last year).
FIVE_YEAR_PLANS = {"一": (2006, 2010), "二": (2011, 2015), "三": (2016, 2020), "四": (2021, 2025), "五": (2026, 2030),
                   "八": (1991, 1995), "九": (1996, 2000)}
#: A five-year period named in a text: “十三五”, 十四五, or its long name 第十二个五年计划/规划; the numeral of
#: :data:`FIVE_YEAR_PLANS` is group 1 (short name) or group 2 (long name): read it with :func:`period_of`.
#: 八五/九五 (group 3) only in quotes or before 期间/时期/计划/规划/末 (九五 is also a word).
FIVE_YEAR = re.compile(r"[“\"]?(?:十([一二三四五])五|第十([一二三四五])个五年(?:计划|规划)?|"
                       r"(?<=[“\"])([八九])五(?=[”\"])|([八九])五(?=期间|时期|计划|规划|末))[”\"]?")


def period_of(m: re.Match) -> tuple[int, int]:
    """The (first, last) year of a :data:`FIVE_YEAR` match (either spelling).

    >>> period_of(FIVE_YEAR.search("第十二个五年计划期间")), period_of(FIVE_YEAR.search("“十四五”末"))
    ((2011, 2015), (2021, 2025))
    >>> period_of(FIVE_YEAR.search("“九五”期间")), FIVE_YEAR.search("九五至尊") is None
    ((1996, 2000), True)
    """
    return FIVE_YEAR_PLANS[m.group(1) or m.group(2) or m.group(3) or m.group(4)]


#: An 'as of' date (截至2021年底, 截止到2021年6月, 截止2020年); group 1 the year.
AS_OF = re.compile(r"(?:截至|截止)(?:到)?\s*(\d{4})\s*年")
#: Headings of a section that looks back (its sentences report the past, they commit to nothing).
REVIEW_HEADING = re.compile(r"发展成就|主要成就|发展基础|工作基础|现实基础|现状|回顾|取得的成绩|主要成绩|工作成绩|基本情况|"
                            r"规划背景|编制背景|发展背景|发展历程|工作成效|主要成效|发展成效")
#: Words that report something done (a regex alternation, no group): 已建成, 已累计, 现已, 共办理 ….
DONE_WORDS = r"已经|已有|已达|已建|已累计|已获|已完成|已成为|已形成|已培育|现已|共办理|共计办理"
