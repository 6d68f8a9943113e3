"""Chinese text, one layer: punctuation normalisation, sentences and clauses as spans.

Web copies of Chinese plans mix full-width (，（；：) and half-width (,(;:) punctuation.  Every
module that cuts text into sentences or clauses does it here, on :func:`normalize` d text:

* :func:`normalize` maps each full-width character to its half-width twin, and each traditional
  character (a plan reprinted in traditional script: 知識產權, 萬件, 億元) to its simplified form,
  **one character to one character**, so an offset in the normalised text is the same offset in the
  original and a quote cut from the original with it stays verbatim.  ``。`` and ``、`` have no
  half-width twin in these texts (``.`` is a decimal point) and stay as they are.
* :func:`sentences` and :func:`clauses` return :class:`Span` s ``(start, end, text)`` with offsets
  into the text they were given; :func:`clause_bounds` is the bracket-aware clause around one
  position; :func:`sentence_start` finds where the sentence holding a position begins.

>>> normalize("到２０２５年，达到（约）１５万件；力争！")
'到2025年,达到(约)15万件;力争!'
>>> [s.text for s in sentences("达到15万件；力争超1万人。其余")]
['达到15万件；', '力争超1万人。', '其余']
>>> [s.text for s in clauses("到2025年，专利(含外观,实用)达500件")]
['到2025年，', '专利(含外观,实用)达500件']
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "FULL_TO_HALF",
    "TRAD_TO_SIMP",
    "SENTENCE_ENDS",
    "STRONG_ENDS",
    "CLAUSE_SEPS",
    "Span",
    "normalize",
    "join_spaced_digits",
    "lines",
    "sentences",
    "clauses",
    "clause_bounds",
    "sentence_start",
    "HEADINGS",
    "heading_rank",
    "Section",
    "sections",
]

#: Full-width (and other wide) characters → their one-character half-width twins.
FULL_TO_HALF = {
    "，": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")",
    "［": "[", "］": "]", "｛": "{", "｝": "}", "％": "%", "．": ".", "～": "~", "－": "-",
    "＋": "+", "／": "/", "＜": "<", "＞": ">", "＝": "=", "＂": '"', "＇": "'",
    "\u3000": " ", "\xa0": " ",
    **{chr(0xFF10 + i): str(i) for i in range(10)},  # ０-９
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},  # Ａ-Ｚ
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},  # ａ-ｚ
}
#: Traditional characters of IP plans reprinted in traditional script → simplified, one character to
#: one (知識產權 → 知识产权, 萬/億 → 万/亿).  Only characters that simplified texts never use are keys, so a
#: simplified text is left as it is; a test checks that no key occurs in the curated raw texts.
_TRADITIONAL = (
    "識產權億萬專發擁達標請數類質資費與實現業國際區縣級務項個為將於價總計劃規綱點體經濟長開關額設運營護創進對強圍應預約證導當"
    "後餘場裡東鄉鎮戶兩來時間過爭確轉讓許貿處辦會議員師構圖書審執統優勢範試驗準馳號稱廣貴舉傳網絡電環聯維糾紛調機續園條屆佔較"
    "動並從險蓋選擇輸參眾衆滿納稅藝術簽單視層頭領線節則顯績積極壓縮減檢測紀錄歷戰盤據問題斷復複雜錢銀貸債報獎勵補貼態訴訟決課"
    "訓練團隊組織協學塊鏈屬擴張舊興衛醫藥農蘇寧陽漢門灣臺獻綠鄭廠內製廳養歸揮齊華築幣貨兌冊財賦佈週託盡畫雲葉廢蘭鐵鋼礦車軟註"
    "倫鮮龍魯黃陝遼礎儲誌狀況穩緊評負責擔監奮鬥嚴懲絕覽適蹤簡階産"
)
_SIMPLIFIED = (
    "识产权亿万专发拥达标请数类质资费与实现业国际区县级务项个为将于价总计划规纲点体经济长开关额设运营护创进对强围应预约证导当"
    "后余场里东乡镇户两来时间过争确转让许贸处办会议员师构图书审执统优势范试验准驰号称广贵举传网络电环联维纠纷调机续园条届占较"
    "动并从险盖选择输参众众满纳税艺术签单视层头领线节则显绩积极压缩减检测纪录历战盘据问题断复复杂钱银贷债报奖励补贴态诉讼决课"
    "训练团队组织协学块链属扩张旧兴卫医药农苏宁阳汉门湾台献绿郑厂内制厅养归挥齐华筑币货兑册财赋布周托尽画云叶废兰铁钢矿车软注"
    "伦鲜龙鲁黄陕辽础储志状况稳紧评负责担监奋斗严惩绝览适踪简阶产"
)
TRAD_TO_SIMP = dict(zip(_TRADITIONAL, _SIMPLIFIED))
_TABLE = str.maketrans({**FULL_TO_HALF, **TRAD_TO_SIMP})

#: Sentence ends after normalisation (。 plus the half-width forms of ；！？).
SENTENCE_ENDS = "。;!?"
#: Ends of a full sentence: a ； does not end what 力争 governs, a 。 does.
STRONG_ENDS = "。!?"
#: Clause separators after normalisation (commas, colons and the sentence ends).
CLAUSE_SEPS = ",:" + SENTENCE_ENDS


class Span(NamedTuple):
    """A piece of a text: ``text == whole[start:end]``."""

    start: int
    end: int
    text: str


def normalize(text: str) -> str:
    """Full-width punctuation, digits and letters → half-width, traditional characters → simplified,
    one character for one.

    >>> normalize("１２．５％以上（或以上）")
    '12.5%以上(或以上)'
    >>> normalize("知識產權:發明專利擁有量達到1.5萬件,融資10億元")
    '知识产权:发明专利拥有量达到1.5万件,融资10亿元'
    >>> s = "专利：１，２００件"
    >>> len(normalize(s)) == len(s)
    True
    """
    return text.translate(_TABLE)


_SPACED_RUN = re.compile(r"(?<![\d.])\d(?: \d)+(?![\d.])")
_SPACED_QTY = re.compile(r"(?<![\d.])\d(?: \d)+\s*[%件个项家人亿万元]")


def join_spaced_digits(text: str) -> str:
    """A text whose page stored its numbers with a space between digits (``达到3 5 0件``, ``5 2%``) with the
    digits joined and the spaces moved after them, one character for one (offsets keep their meaning).
    Only a text with two or more such numbers before a unit is changed: a table's ``1 2 3`` is left alone.

    >>> join_spaced_digits("年专利申请量达到3 5 0件以上,比重达到5 2%")
    '年专利申请量达到350  件以上,比重达到52 %'
    >>> join_spaced_digits("序号 1 2 3, 达到350件")
    '序号 1 2 3, 达到350件'
    """
    if len(_SPACED_QTY.findall(text)) < 2:
        return text
    return _SPACED_RUN.sub(lambda m: m.group(0).replace(" ", "") + " " * m.group(0).count(" "), text)


def lines(text: str) -> list[Span]:
    """The lines of ``text`` (split on ``\\n`` only, so offsets add up), line breaks excluded.

    >>> lines("一\\n\\n二三")
    [Span(start=0, end=1, text='一'), Span(start=2, end=2, text=''), Span(start=3, end=5, text='二三')]
    """
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(Span(pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _cut(text: str, seps: str, newline: bool) -> list[Span]:
    chars = seps + ("\n" if newline else "")
    norm = normalize(text)
    out, start = [], 0
    for i, c in enumerate(norm):
        if c in chars:
            end = i if c == "\n" else i + 1
            if end > start:
                out.append(Span(start, end, text[start:end]))
            start = i + 1
    if start < len(text):
        out.append(Span(start, len(text), text[start:]))
    return out


def sentences(text: str, ends: str = SENTENCE_ENDS, newline: bool = True) -> list[Span]:
    """Sentences of ``text``, each with its end mark; full- and half-width marks both cut.

    A line break also ends a sentence (and is left out) unless ``newline=False``.  ``ends`` is
    given in half-width form.

    Parameters
    ----------
    text : str
        The text to cut.
    ends : str
        The sentence-end marks, in half-width form (full-width ones cut too).
    newline : bool
        Whether a line break ends a sentence.

    Returns
    -------
    list of Span
        One span per sentence, its end mark included, offsets into ``text``.

    >>> [s.text for s in sentences("甲；乙;丙\\n丁。")]
    ['甲；', '乙;', '丙', '丁。']
    >>> sentences("达到5件；力争6件", ends="。")
    [Span(start=0, end=9, text='达到5件；力争6件')]
    """
    return _cut(text, ends, newline)


def clauses(text: str) -> list[Span]:
    """Comma clauses of ``text`` (cut after ``,，:：`` and sentence ends, not inside brackets).

    >>> [c.text for c in clauses("到2025年,专利达500件：其中发明100件")]
    ['到2025年,', '专利达500件：', '其中发明100件']
    """
    out, pos = [], 0
    while pos < len(text):
        _, end = clause_bounds(text, pos)
        end = min(len(text), end + 1)
        out.append(Span(pos, end, text[pos:end]))
        pos = end
    return out


def _edge(norm: str, pos: int, step: int, seps: str) -> int:
    nest, unnest = ("(", ")") if step > 0 else (")", "(")
    depth, i = 0, pos
    while (i > 0) if step < 0 else (i < len(norm)):
        c = norm[i - 1] if step < 0 else norm[i]
        if c == nest:
            depth += 1
        elif c == unnest:
            if depth == 0:
                break
            depth -= 1
        if c in seps and depth == 0:
            break
        i += step
    return i


def clause_bounds(text: str, pos: int, seps: str = CLAUSE_SEPS) -> tuple[int, int]:
    """``(start, end)`` of the clause of ``text`` around ``pos``: walks out to a separator,
    skipping bracketed parts, and stops at an unmatched bracket (a clause inside brackets).

    Parameters
    ----------
    text : str
        The text.
    pos : int
        An offset inside the clause.
    seps : str
        The clause separators, in half-width form.

    Returns
    -------
    tuple of int
        ``(start, end)`` offsets of the clause in ``text``.

    >>> t = "到2025年，专利（含外观，实用）达500件；商标"
    >>> a, b = clause_bounds(t, t.index("达"))
    >>> t[a:b]
    '专利（含外观，实用）达500件'
    """
    norm = normalize(text)
    return _edge(norm, pos, -1, seps), _edge(norm, pos, +1, seps)


def sentence_start(text: str, pos: int, ends: str = STRONG_ENDS) -> int:
    """Offset just after the last sentence end before ``pos`` (0 when there is none).

    Parameters
    ----------
    text : str
        The text.
    pos : int
        An offset inside the sentence.
    ends : str
        The marks that end a sentence, in half-width form.

    Returns
    -------
    int
        The offset where the sentence holding ``pos`` starts.

    >>> t = "前文。力争专利达5件；商标6件"
    >>> t[sentence_start(t, t.index("商标")):]
    '力争专利达5件；商标6件'
    """
    norm = normalize(text[:pos])
    return max((norm.rfind(c) for c in ends), default=-1) + 1



#: Heading lines of Chinese government documents, by rank (1 the highest): 第一章, 一、, 第一节, (一), 1.
HEADINGS = (
    (1, re.compile(r"^第[一二三四五六七八九十百零〇\d]+章")),
    (2, re.compile(r"^[一二三四五六七八九十]+、")),
    (3, re.compile(r"^第[一二三四五六七八九十百零〇\d]+节")),
    (4, re.compile(r"^[(（][一二三四五六七八九十]+[)）]")),
    (5, re.compile(r"^\d{1,2}[.．、](?!\d)")),
)


def heading_rank(line: str) -> int | None:
    """The rank of a heading line (:data:`HEADINGS`), else None.

    >>> [heading_rank(s) for s in ["第一章 规划背景", "二、工作目标", "(一)总体目标", "1.加强领导。", "2025年"]]
    [1, 2, 4, 5, None]
    """
    s = normalize(line).strip()
    return next((rank for rank, rx in HEADINGS if rx.match(s)), None)


class Section(NamedTuple):
    """The part of a text under one heading: from its heading line to the next heading of the same or a
    higher rank (``end``); ``title`` the heading (the line's first sentence: some headings run on into
    their paragraph), ``parents`` the titles of the headings above it."""

    start: int
    end: int
    rank: int
    title: str
    parents: tuple[str, ...]


def sections(text: str) -> list[Section]:
    """Every heading's section, in text order (nested sections overlap their parents).

    >>> t = "第一章 背景\\n第一节 成就\\n已建成5家。\\n第二章 目标\\n到2025年达到10家。"
    >>> [(s.title, t[s.start:s.end].count("\\n"), s.parents) for s in sections(t)]
    [('第一章 背景', 3, ()), ('第一节 成就', 2, ('第一章 背景',)), ('第二章 目标', 1, ())]
    """
    heads = [(rank, ln) for ln in lines(text) if (rank := heading_rank(ln.text)) is not None]
    out: list[Section] = []
    stack: list[tuple[int, str]] = []
    for i, (rank, ln) in enumerate(heads):
        while stack and stack[-1][0] >= rank:
            stack.pop()
        end = next((h.start for r, h in heads[i + 1:] if r <= rank), len(text))
        title = " ".join(sentences(ln.text, ends="。;")[0].text.split())  # a heading with its paragraph: the heading
        out.append(Section(ln.start, end, rank, title, tuple(t for _, t in stack)))
        stack.append((rank, title))
    return out
