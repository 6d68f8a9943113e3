"""What every page's prose shares: the document's place and header, indicator names, numbers and
dates written the way each language writes them, and Markdown from sentences.

>>> place_of("guiyang_2022"), place_of("guiyang_2022", "zh")
('Guiyang (贵阳市)', '贵阳市')
>>> date_zh("2024-09-30"), pct(0.1234)
('2024年9月30日', '12.3%')
"""

from __future__ import annotations

import re

import pandas as pd

from ...data import documents, indicators
from ..display import Prose
from ..vocabulary import check_lang

__all__ = ["place_of", "doc_header", "name_of", "names_in", "pct", "date_zh", "md", "ILLUSTRATIVE_NOTICE", "LEAD"]

#: The first words of a page's findings.
LEAD = {"en": "**What it shows.**", "zh": "**主要发现。**"}

ILLUSTRATIVE_NOTICE = {
    "en": ("**ILLUSTRATIVE DATA — the observations on this page are invented to demonstrate the methods; "
           "no verdict here is about the real city.** (示例数据，非真实)"),
    "zh": "**示例数据：本页观测值系为演示测算方法而虚构，各项结论均不反映该市真实情况。**（ILLUSTRATIVE DATA）",
}


def place_of(doc_id: str, lang: str = "en") -> str:
    """The document's place: English with the Chinese beside it, or the Chinese name alone.

    >>> place_of("ordos_2022", "zh")
    '鄂尔多斯市'
    """
    d = documents().set_index("doc_id").loc[doc_id]
    return d["place_zh"] if check_lang(lang) == "zh" else f"{d['place_en']} ({d['place_zh']})"


def name_of(key: str, lang: str = "en") -> str:
    """An indicator's name: "English (中文)", or the Chinese name alone; an unknown key as it is.

    >>> name_of("valid_trademarks"), name_of("valid_trademarks", "zh")
    ('Valid registered trademarks (stock) (有效注册商标量)', '有效注册商标量')
    """
    cat = indicators().set_index("key")
    if key not in cat.index:
        return key
    return cat.loc[key, "name_zh"] if lang == "zh" else f"{cat.loc[key, 'name_en']} ({cat.loc[key, 'name_zh']})"


def names_in(text: str, lang: str = "en") -> str:
    """``text`` with every indicator key of the catalogue replaced by the indicator's name in ``lang``
    (a check's figures name the indicators they compare by key).

    >>> names_in("1800 / 15 = 120.0× (CS-14 patent_applications_annual)", "zh")
    '1800 / 15 = 120.0× (CS-14 年专利申请量)'
    """
    cat = indicators().set_index("key")["name_zh" if lang == "zh" else "name_en"]
    return re.sub(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b", lambda m: str(cat.get(m.group(0), m.group(0))), str(text))


def pct(x: float) -> str:
    """A fraction as a percentage with one decimal (both languages write 12.3%)."""
    return f"{x * 100:.1f}%"


def date_zh(iso) -> str:
    """An ISO date as Chinese writes it; a year alone stays a year.

    >>> date_zh("2020-12-31"), date_zh("2013-04"), date_zh("2021")
    ('2020年12月31日', '2013年4月', '2021年')
    """
    text = str(iso)
    parts = text.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[0])}年{int(parts[1])}月{int(parts[2])}日"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{int(parts[0])}年{int(parts[1])}月"
    return f"{text}年" if text.isdigit() else text


def md(lines: list[str]) -> Prose:
    """Markdown from sentences and bullet items: a blank line between paragraphs, none inside a list.

    >>> print(md(["A.", "- one", "- two", "B."]))
    A.
    <BLANKLINE>
    - one
    - two
    <BLANKLINE>
    B.
    """
    out: list[str] = []
    for line in lines:
        if out and not (line.startswith("- ") and out[-1].startswith("- ")):
            out.append("")
        out.append(line)
    return Prose("\n".join(out))


def doc_header(doc_id: str, data: pd.DataFrame | None = None, lang: str = "en") -> Prose:
    """The document a page is about: titles, issuer, number, horizon; when the page's frame ``data``
    holds invented observations (its ``illustrative`` flag), a notice says so first, in text.

    >>> print(doc_header("ordos_2022"))  # doctest: +ELLIPSIS
    **鄂尔多斯市知识产权保护和运用“十四五”规划** — *Ordos ...*
    <BLANKLINE>
    Issued by 鄂尔多斯市人民政府 (...), 鄂府发〔2022〕28号, 2022-03-15; plan 2021→2025.
    >>> print(doc_header("nanchang_2021", lang="zh"))  # doctest: +ELLIPSIS
    **南昌市知识产权强市建设纲要(2021-2035年)**（*Outline ...*）
    <BLANKLINE>
    发文机关：南昌市人民政府。规划起始年：2021年；目标年份：2025年、2035年。
    >>> print(doc_header("ordos_2022", pd.DataFrame({"illustrative": [False, True]})).splitlines()[0])
    ... # doctest: +ELLIPSIS
    **ILLUSTRATIVE DATA — the observations on this page are invented ...
    """
    check_lang(lang)
    d = documents().set_index("doc_id").loc[doc_id]
    demo = data is not None and "illustrative" in data and bool(data["illustrative"].fillna(False).any())
    notice = f"{ILLUSTRATIVE_NOTICE[lang]}\n\n" if demo else ""
    years = str(d["target_years"]).split(";")
    if lang == "zh":
        issued = "".join([f"；文号：{d['doc_number']}" if pd.notna(d["doc_number"]) else "",
                          f"；印发日期：{date_zh(d['issued_date'])}" if pd.notna(d["issued_date"]) else ""])
        return Prose(f"{notice}**{d['title_zh']}**（*{d['title_en']}*）\n\n发文机关：{d['issuer_zh']}{issued}。"
                     f"规划起始年：{d['plan_start_year']}年；目标年份：{'、'.join(y + '年' for y in years)}。")
    number = f", {d['doc_number']}" if pd.notna(d["doc_number"]) else ""
    date = f", {d['issued_date']}" if pd.notna(d["issued_date"]) else ""
    return Prose(f"{notice}**{d['title_zh']}** — *{d['title_en']}*\n\n"
                 f"Issued by {d['issuer_zh']} ({d['issuer_en']}){number}{date}; plan {d['plan_start_year']}→{'/'.join(years)}.")
