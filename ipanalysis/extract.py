"""First pass over a new plan: propose candidate target rows (and historical values) from its text.

A researcher adding a document runs ``ipanalysis extract data/raw/<doc_id>.txt`` and reviews the
proposals in a spreadsheet before appending them to ``data/targets.csv`` (see
``docs/ADDING_A_DOCUMENT.md``).  The rules are general, not tuned to any one document:

* **Where numbers are.**  The text is normalised (full-width digits → ASCII, length-preserving, so
  every offset indexes the original text and quotes stay verbatim), cut into paragraphs (lines),
  sentences (``。；;!?``) and comma clauses.  Every number with a counting unit (件 家 个 项 人 名
  人次 场 分 次 期 所 %, 万/亿 multipliers, 亿元 → yuan, ``/万人``) is a *quantity*; a bare number is
  not, except in a flattened indicator table, where a value cell takes the row's unit cell.
* **What is not a target.**  Ordinals (第3次, 前4项, ``1.``), counts of tasks (9项任务), numbers in
  《titles》 or “names”, instrumental phrases (以1个…带动), qualifying thresholds (授权3件以上专利的
  企业数量达50家), subsidy and reward amounts (给予50万元奖励, 每件2000元), meeting frequencies,
  table 增幅 columns.  Years, dates and document numbers never carry a unit.
* **What is history.**  Sections headed 发展成就/基础/现状/成效/背景, paragraphs opening with a past
  period (“十三五”时期 when the plan is a 十四五 plan), sentences dated before the plan starts
  (截至2020年底, 2020年…), 从…增加到…, 比2019年增长, 目前/已/共有; in a *report* (a title with
  进展/情况/总结 rather than 规划/方案/计划) everything without a future cue.  These become
  baseline candidates (:func:`extract_baselines`), never targets.
* **What the target says.**  Comparator from the bound words (以上/及以上/不低于/至少 → ``>=``,
  突破/超/余 → ``>``, 左右/约 → ``≈``, 以内/不超过/控制在/压缩至 → ``<=``, A—B → ``range``, else
  ``=``); measure from cues (年均增长/增长 + % → growth_rate, 累计 → cumulative, 每年 or /年 →
  annual_flow, 每万人 → intensity, 分 → score, % → share, else the catalogue's measure); target year from the sentence (到2025年), the section
  heading (2023年1月—2023年12月), a table header (2025年预测值) or the plan's horizon (the title's
  (2022—2025年), “十四五”, a one-year plan's year, or 经过2年的努力 after the plan date);
  commitment ``strive`` when 力争/争取 precedes the number in the same sentence (a ； does not end
  it, a 。 does).
* **Which indicator.**  The noun phrase before the number (or after it when a verb precedes:
  培育1家…机构), matched to ``data/indicators.csv`` by character-bigram similarity of ``name_zh``.

>>> df = extract("到2025年,全市有效注册商标达到15万件,力争专利代理师超1万人。")
>>> df[["indicator_zh", "value", "unit", "comparator", "target_year", "commitment"]].values.tolist()
[['有效注册商标', 150000.0, '件', '=', 2025, 'firm'], ['专利代理师', 10000.0, '人', '>', 2025, 'strive']]
>>> df.loc[0, "indicator"]
'valid_trademarks'
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .text import clause_bounds, sentence_start, sentences
from .text import lines as text_lines
from .units import UnitError, chinese_int, find_quantities, normalize_text, parse_quantity

__all__ = [
    "CANDIDATE_COLUMNS",
    "BASELINE_COLUMNS",
    "DocumentError",
    "extract",
    "extract_baselines",
    "analyse",
    "match",
    "score",
    "read_document",
    "cli_main",
]

#: Columns of :func:`extract` (the targets.csv vocabulary plus review helpers).
CANDIDATE_COLUMNS = [
    "candidate_id", "doc_id", "indicator_zh", "indicator", "closest_keys", "value", "value_high", "unit",
    "value_text", "table_unit", "comparator", "measure", "target_year", "commitment", "attribute",
    "section", "source_quote", "duplicate_of", "confidence", "why", "start", "end",
]

#: Columns of :func:`extract_baselines` (the baselines.csv vocabulary plus review helpers).
BASELINE_COLUMNS = [
    "candidate_id", "doc_id", "indicator_zh", "indicator", "closest_keys", "year", "period_start", "value",
    "value_high", "unit", "value_text", "table_unit", "measure", "growth_value", "growth_text", "growth_kind",
    "growth_base_year", "section", "source_quote", "confidence", "why", "start", "end",
]

# --------------------------------------------------------------------------------------------
# vocabulary

#: Five-year periods → (first year, last year).
_PERIODS = {"一": (2006, 2010), "二": (2011, 2015), "三": (2016, 2020), "四": (2021, 2025), "五": (2026, 2030)}
_PERIOD_RE = re.compile(r"[“\"]?十([一二三四五])五[”\"]?")

_PLAN_WORDS = re.compile(r"规划|方案|纲要|计划|要点|行动|意见|目标|办法")
_REPORT_WORDS = re.compile(r"进展|情况|总结|报告|公报|通报|会议|综述|成效|成绩")
_YEAR_RANGE = re.compile(r"(\d{4})\s*[—–\-~～至到]+\s*(\d{4})\s*年")
_DATE_LINE = re.compile(r"^[(（]?\s*(\d{4})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[)）]?$")
_EFFORT = re.compile(r"(?:经过|通过|用|利用|力争用)\s*(\d+|[一二两三四五六七八九十])\s*年(?:左右)?(?:的|时间)?(?:努力|时间|奋斗)")

# Comparator / trigger words the unit parser puts into the span ("pre"), and which of them
# state a bound (kept in value_text) rather than plain "reach".
_PRE_WORDS = ("累计达到", "累计达", "累计至", "增加至", "增加到", "不低于", "不少于", "达到", "突破", "超过", "至少", "达", "超", "约")
_POINT_PRE = ("累计达到", "累计达", "累计至", "增加至", "增加到", "达到", "达")
_TRIGGER_BEFORE = re.compile(
    r"(达到|达|突破|超过|超|不低于|不少于|至少|增加至|增加到|增加|增长|提高到|提高至|提高|提升至|提升到|提升|"
    r"保持在|稳定在|控制在|累计|新增|力争|确保|实现|为)\s*$")

_UNIT_STOP = {  # unit character followed by these characters is part of a word, not a unit
    "分": "辨析类级中支别配钟期局院会站所队享担散布",
    "人": "才民员口工类格文",
    "家": "庭居电族乡园长属",
    "场": "所景地馆景域",
    "期": "间限刊待望盼",
    "项": "目",
    "名": "单录称牌片义额",
    "个": "人体性案",
    "次": "数级序生",
    "所": "有以属在得谓",
    "件": "事",
}

_TASK_NOUNS = re.compile(r"^[\u4e00-\u9fff]{0,3}?(任务|工作|措施|举措|方面|原则|环节|步骤|部分|章节|条款|领域|板块)"
                         r"(?!人员|人|者|站|室|组|机构|经费|队伍|专班|机制|体系|平台|日)")
_HEAD_VERBS = ("力争", "确保", "努力", "全市", "全区", "全省", "全县", "全州", "全旗", "我市", "我区", "我省", "本市", "本区",
               "其中", "并", "且", "和", "及", "与", "以及", "、", "初步", "累计", "进一步", "持续", "逐步", "争取", "要",
               "将", "同时", "另外", "此外", "共", "合计", "实现", "完成", "拥有", "获得", "培育", "培养", "开展", "形成",
               "扶持", "挖掘", "建设", "建成", "举办", "召开", "设立", "成立", "引进", "引导", "支持", "打造", "组织",
               "认定", "推动", "推进", "实施", "新建", "创建", "发展", "提升", "提高", "加强", "加快", "每年", "年内",
               "达到", "达", "目前", "现有", "当前", "截至目前", "截至", "全年", "本年度", "年度")
_TAIL_WORDS = ("分别达到", "分别达", "分别为", "分别突破", "分别超过", "分别", "累计达到", "累计达", "累计至", "累计",
               "要达到", "达到", "达", "为", "要", "将", "增加至", "增加到", "增加", "新增", "提高到", "提高至", "提高",
               "提升至", "提升到", "提升", "增长", "突破", "超过", "超", "不低于", "不少于", "至少", "保持在", "稳定在",
               "控制在", "约", "接近", "以上", "年均", "争取", "力争", "确保", "实现", "总计", "合计", "共计", "共",
               "压缩至", "压缩到", "缩短至", "缩短到", "降低至", "降低到", "降至", "减少到", "减少至", "不超过", "不高于", "低于",
               "最高不", "不")
_VERB_END = re.compile(
    r"(培育|培养|开展|形成|扶持|挖掘|建设|建成|举办|召开|设立|成立|引进|引导支持|引导|支持|打造|组织|认定|新建|创建|"
    r"配备|覆盖|明确|完成|获得|实施|选育|服务|发布|评选|遴选|扶植|建立|布局|资助|奖励|入选|新增|储备|招引|"
    r"引育|聚集|集聚|孵化|帮助|指导|培训|帮扶|推荐|申报|争创|创成|落地|转化|孵育)$")
_HISTORY_HEADING = re.compile(r"发展成就|主要成就|发展基础|工作基础|现实基础|现状|回顾|取得的成绩|主要成绩|工作成绩|基本情况|"
                              r"规划背景|编制背景|发展背景|发展历程|工作成效|主要成效|发展成效")
_TARGET_HEADING = re.compile(r"目标|指标")
_PAST_CLAUSE = re.compile(r"(已经|已有|已达|已建|已累计|已获|已完成|已成为|已形成|已培育|现有|目前|当前|现已|共有|共办理|共计办理|"
                          r"实现了|增长了|提高了|达到了|增加了|取得了|获得了|完成了|被评为|获评|入选了)")
_FROM_TO = re.compile(r"从[^,，。；;]{0,30}?(增加|增长|提高|提升|上升|扩大|发展|跃升|攀升)(?:到|至)")
_FUTURE_WORDS = re.compile(r"力争|确保|计划|预计|目标|预期|要达到|将达到|将突破|争取|规划|到\d{4}年|至\d{4}年|到[“\"]?十[一二三四五]五")
_COUNT_UNITS = ("件", "家", "个", "项", "人", "名", "人次", "场", "次", "期", "所")
_HEADER_ROLES = (
    ("serial", re.compile(r"^(序号|编号|序)$")),
    ("category", re.compile(r"^(类别|类型|领域|分类|类|维度|方面)$")),
    ("name", re.compile(r"^(指标名称|指标|指标内容|具体指标|名称|项目)$")),
    ("unit", re.compile(r"^(单位|计量单位)$")),
    ("attribute", re.compile(r"^(属性|指标属性|性质)$")),
    ("base", re.compile(r"(基期|基准|基数|现状|实际值|完成值|现值|^\d{4}年底?$)")),
    ("target", re.compile(r"(目标|预测|预期值|规划值|计划值)")),
    ("increase", re.compile(r"(增幅|增长|增速|变化|增量|年均)")),
)
_TABLE_NUM = re.compile(r"^-?\d+(?:\.\d+)?%?$")
_TABLE_EMPTY = re.compile(r"^[—–\-/／无、]+$")
_UNIT_CELL = re.compile(r"^(?:[万亿]?(?:件|家|个|项|人|名|人次|场|分|%|元|所|次|期)(?:/万人)?|件/万人|个百分点|百分点|倍)$")
_ATTR_CELL = re.compile(r"^(预期性|约束性|预期|约束)$")


class DocumentError(ValueError):
    """An input file that cannot be read as text; the message names the file and the problem."""


# --------------------------------------------------------------------------------------------
# the catalogue


def _aliases(name: str) -> set[str]:
    """A catalogue name and its variants: 作品(著作权/版权)登记量 → 作品登记量, 著作权登记量, 版权登记量."""
    out = {name}
    m = re.match(r"^(.*?)[(（]([^)）]*)[)）](.*)$", name)
    if m:
        pre, inner, post = m.groups()
        out.add(pre + post)
        for alt in re.split(r"[/、]", inner):
            if post:
                out.update({alt + post, pre + alt + post})
    return {n for n in out if n}


def _cat_rows(items) -> tuple:
    return tuple((key, name, unit, measure, [_grams(n) for n in _aliases(name)], _tokens(name))
                 for key, name, unit, measure in items)


@lru_cache(maxsize=4)
def _catalogue_from(path: str, mtime: float) -> tuple:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    return _cat_rows(zip(df["key"], df["name_zh"], df["base_unit"], df["measure"]))


def _catalogue(catalogue: pd.DataFrame | None) -> tuple:
    if catalogue is not None:
        return _cat_rows(zip(catalogue["key"], catalogue["name_zh"], catalogue["base_unit"], catalogue["measure"]))
    from .sources import data_dir

    path = data_dir() / "indicators.csv"
    if not path.is_file():
        return ()
    return _catalogue_from(str(path), path.stat().st_mtime)


_NAME_NOISE = re.compile(r"[“”\"'《》()（）、,，\s]|全市|全区|全省|全县|我市|我区|本市|本区|的")


def _grams(name: str) -> tuple[frozenset, frozenset]:
    s = _NAME_NOISE.sub("", name)
    return frozenset(s[i:i + 2] for i in range(len(s) - 1)), frozenset(s)


#: Words that tell indicators apart.  Symmetric ones must agree; the others, when the catalogue
#: name has them, must also be in the candidate's name (a candidate may be more specific).
_SYMMETRIC = ("有效", "每万人", "高价值", "PCT", "马德里", "驰名", "著名", "质押", "保险", "人次", "非正常", "职务",
              "率|比重|比例|之比|占比")
_REQUIRED = ("发明", "专利", "商标", "地理标志", "版权|作品|著作权", "申请", "授权", "培训", "执法", "代理")


def _tokens(name: str) -> frozenset:
    return frozenset(t for t in _SYMMETRIC + _REQUIRED if re.search(t, name))


def _token_conflicts(cand: frozenset, key: frozenset) -> int:
    sym = {t for t in (cand ^ key) if t in _SYMMETRIC}
    req = {t for t in (key - cand) if t in _REQUIRED}
    return len(sym) + len(req)


def _similarity(a: tuple, b: tuple) -> float:
    (a2, a1), (b2, b1) = a, b
    d2 = 2 * len(a2 & b2) / (len(a2) + len(b2)) if a2 and b2 else 0.0
    d1 = 2 * len(a1 & b1) / (len(a1) + len(b1)) if a1 and b1 else 0.0
    return 0.7 * d2 + 0.3 * d1


def _rank_keys(name: str, unit: str | None, measure: str | None, cat: tuple) -> list[tuple[float, str, str, str]]:
    growth = measure == "growth_rate"
    core = re.sub(r"(年均|平均)?(增长率|增速|增幅)$", "", name) if growth else name
    g = _grams(core)
    toks = _tokens(core)
    if unit == "%" and not growth:
        toks = toks | {_SYMMETRIC[-1]}
    per10k = "每万人" in name or unit == "件/万人"
    out = []
    for key, _, base, kmeasure, grams, ktoks in cat:
        s = max(_similarity(g, k) for k in grams)
        conflicts = _token_conflicts(toks, ktoks)
        s -= 0.06 * conflicts
        if unit and measure != "growth_rate":
            if unit == base:
                s += 0.05
            elif unit in ("%", "yuan", "分") or base in ("%", "yuan", "分"):
                s -= 0.2
            elif (unit == "件/万人") != (base == "件/万人"):
                s -= 0.15
        if per10k != (base == "件/万人"):
            s -= 0.1
        if unit and (unit == "百分点" or (unit.startswith("个") and len(unit) > 1)) and not growth:
            s -= 0.3  # a duration (个月, 个工作日) is not any catalogue indicator's unit
        if conflicts:
            s = min(s, 0.49)  # a differing discriminating word never gives a confident match
        out.append((s, key, base, kmeasure))
    out.sort(key=lambda t: -t[0])
    return out


# --------------------------------------------------------------------------------------------
# document structure


@dataclass
class _Section:
    path: str = ""
    history: bool = False
    target: bool = False
    year: int | None = None


@dataclass
class _Doc:
    text: str
    norm: str
    doc_id: str | None
    kind: str = "plan"  # plan | report
    title: str = ""
    start_year: int | None = None
    end_year: int | None = None
    ref_year: int | None = None
    horizon_why: str = ""
    cat: tuple = ()
    lines: list = field(default_factory=list)  # (start, end, text) in norm
    sections: list = field(default_factory=list)  # per line: _Section
    consumed: set = field(default_factory=set)  # line indexes used by tables


def _strip_titles(s: str) -> str:
    """Drop 《referenced document titles》 from a line."""
    return re.sub(r"《[^》]*》", "", s)



def _doc_info(doc: _Doc, target_year: int | None) -> None:
    """Title, plan-or-report, reference (issue) year and horizon of the document."""
    head = []
    for ln in doc.lines[:80]:
        if _heading(ln[2]):
            break
        if ln[2].strip():
            head.append(ln)
    # title-like lines: short, not a sentence, not a breadcrumb or a metadata row
    short = [ln[2].strip() for ln in head[:40] if len(ln[2].strip()) <= 60 and not re.search(r"[。；;>|]", ln[2])]
    titles = [s for s in short if _PLAN_WORDS.search(s) or _REPORT_WORDS.search(s)]
    doc.title = titles[0] if titles else (short[0] if short else "")
    plan_titles = [s for s in short if _PLAN_WORDS.search(_strip_titles(s)) or _PLAN_WORDS.search(s)]
    report_titles = [s for s in short if _REPORT_WORDS.search(s) and not _PLAN_WORDS.search(s)]
    if report_titles and not plan_titles:
        doc.kind = "report"
    # reference year: a standalone date line near the top, else a year in the title
    for s in short:
        m = _DATE_LINE.match(s)
        if m:
            doc.ref_year = int(m.group(1))
            break
    rng = None
    range_lines = plan_titles + [s for s in short if re.match(r"^[(（]?\s*\d{4}\s*[—–\-~～至]+\s*\d{4}\s*年\s*[)）]?", s)]
    for s in range_lines:
        m = _YEAR_RANGE.search(_strip_titles(s))
        if m and not re.search(r"\d{4}\s*年\s*\d{1,2}\s*月", s):
            a, b = int(m.group(1)), int(m.group(2))
            if 1990 < a <= b < 2100:
                rng = (a, b)
                break
    period = None
    for s in plan_titles:
        m = _PERIOD_RE.search(_strip_titles(s))
        if m:
            period = _PERIODS[m.group(1)]
            break
    title_year = None
    for s in (plan_titles or report_titles):
        m = re.search(r"(\d{4})\s*年", _strip_titles(s))
        if m and 1990 < int(m.group(1)) < 2100:
            title_year = int(m.group(1))
            break
    if doc.ref_year is None and title_year and doc.kind == "report":
        doc.ref_year = title_year
    if rng:
        doc.start_year, doc.end_year, doc.horizon_why = rng[0], rng[1], f"title period {rng[0]}—{rng[1]}"
    elif period:
        doc.start_year, doc.end_year = period
        doc.horizon_why = f"title five-year period {period[0]}—{period[1]}"
    elif title_year and doc.kind == "plan":
        doc.start_year = doc.end_year = title_year
        doc.horizon_why = f"one-year plan {title_year}"
    else:
        ref = doc.ref_year or title_year
        m = _EFFORT.search(doc.norm)
        if ref and m and chinese_int(m.group(1)):
            doc.start_year, doc.end_year = ref, ref + chinese_int(m.group(1))
            doc.horizon_why = f"plan dated {ref} + '{m.group(0)}'"
        elif ref:
            doc.start_year = ref
    if doc.ref_year is None:
        doc.ref_year = doc.start_year
    if doc.end_year is None and doc.kind == "plan":
        years = [int(y) for y in re.findall(r"(?:到|至)(\d{4})年", doc.norm)
                 if doc.start_year is None or int(y) >= doc.start_year]
        if years:
            doc.end_year = max(set(years), key=years.count)
            doc.horizon_why = f"most frequent '到{doc.end_year}年'"
    if target_year is not None:
        doc.end_year, doc.horizon_why = int(target_year), "--target-year"
    if doc.start_year is None and doc.end_year is not None and doc.kind == "plan":
        doc.start_year = doc.ref_year or doc.end_year - 4


_HEADING_RES = (
    (1, re.compile(r"^第([一二三四五六七八九十百零〇\d]+)章\s*(.*)$")),
    (2, re.compile(r"^([一二三四五六七八九十]+)、\s*(.*)$")),
    (3, re.compile(r"^第([一二三四五六七八九十百零〇\d]+)节\s*(.*)$")),
    (4, re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]\s*(.*)$")),
    (5, re.compile(r"^(\d{1,2})[.．、](?!\d)\s*(.*)$")),
)


def _heading(line: str) -> tuple[int, str] | None:
    s = line.strip()
    for rank, rx in _HEADING_RES:
        m = rx.match(s)
        if m:
            title = sentences(s, ends="。;")[0].text.rstrip("。;；")
            return rank, title[:40]
    return None


def _is_past(doc: _Doc, year: int) -> bool:
    ref = doc.start_year if doc.kind == "plan" else doc.ref_year
    if ref is None:
        return False
    return year < ref if doc.kind == "plan" else year <= ref


def _sections(doc: _Doc) -> None:
    stack: list[tuple[int, _Section, str]] = []
    for _, _, line in doc.lines:
        h = _heading(line)
        if h:
            rank, title = h
            while stack and stack[-1][0] >= rank:
                stack.pop()
            parent = stack[-1][1] if stack else _Section()
            sec = _Section(
                path=(parent.path + " > " if parent.path else "") + title,
                history=parent.history or (bool(_HISTORY_HEADING.search(title)) and not parent.target
                                           and not _TARGET_HEADING.search(title)),
                target=parent.target or bool(_TARGET_HEADING.search(title)),
                year=parent.year,
            )
            m = _PERIOD_RE.search(title)
            if m and _is_past(doc, _PERIODS[m.group(1)][1]) and not _FUTURE_WORDS.search(title):
                sec.history = True
            rng = re.search(r"(\d{4})\s*年[^—–\-~～至]{0,6}[—–\-~～至]\s*(\d{4})\s*年", title)
            if rng and not _is_past(doc, int(rng.group(2))):
                sec.year = int(rng.group(2))
            stack.append((rank, sec, title))
        doc.sections.append(stack[-1][1] if stack else _Section())


# --------------------------------------------------------------------------------------------
# flattened tables


def _cell_lines(doc: _Doc, i0: int) -> list[tuple[int, str]]:
    """Non-empty lines from line ``i0`` as table cells, until a note, a heading or running text."""
    cells = []
    for i in range(i0, len(doc.lines)):
        s = doc.lines[i][2].strip()
        if not s:
            continue
        if s.startswith(("(注", "（注", "注:", "注：", "备注", "说明")) or len(s) > 40 or re.search(r"[。；;]", s):
            break
        if re.match(r"^第[一二三四五六七八九十百零〇\d]+[章节]", s) or re.match(r"^[一二三四五六七八九十]+、", s):
            break
        cells.append((i, s))
    return cells


def _header_role(cell: str) -> str | None:
    for role, rx in _HEADER_ROLES:
        if rx.search(cell):
            return role
    return None


def _tables(doc: _Doc, out: list) -> None:
    """Find flattened one-cell-per-line indicator tables and add their rows to ``out``."""
    i = 0
    n = len(doc.lines)
    while i < n:
        s = doc.lines[i][2].strip()
        if not re.match(r"^(指标名称|指标|具体指标|指标内容)$", s):
            i += 1
            continue
        # header: walk back over header cells (序号, 类别) and forward to the first data cell
        j = i - 1
        while j >= 0 and (not doc.lines[j][2].strip() or _header_role(doc.lines[j][2].strip()) in ("serial", "category")):
            j -= 1
        title_line = j if j >= 0 and doc.lines[j][2].strip() else None
        cells = _cell_lines(doc, j + 1)
        header, k = [], 0
        while k < len(cells) and not _TABLE_NUM.match(cells[k][1]) and (
                _header_role(cells[k][1]) or re.match(r"^\d{4}年", cells[k][1])):
            header.append(cells[k][1])
            k += 1
        if k >= len(cells) or not any(_header_role(h) in ("target", "base") or re.match(r"^\d{4}年", h) for h in header):
            i += 1
            continue
        # value columns in header order, each (role, year); "2020年" + "基期值" are one column
        roles: list[tuple[str, int | None]] = []
        names = {"serial": False, "category": False, "unit": False, "attribute": False}
        for h in header:
            ym = re.match(r"^(\d{4})年(.*)$", h)
            role = _header_role(h)
            if ym and not ym.group(2).strip():
                roles.append(("year", int(ym.group(1))))
                continue
            if role in ("base", "target", "increase"):
                year = int(ym.group(1)) if ym else None
                if roles and roles[-1][0] == "year" and role in ("base", "target"):
                    year = roles.pop()[1]
                roles.append((role, year))
            elif role in names:
                names[role] = True
        # bare year columns: earliest is the base, latest the target
        bare = [y for r, y in roles if r == "year"]
        if bare:
            lo, hi = min(bare), max(bare)
            roles = [(("base" if y == lo and lo != hi else "target") if r == "year" else r, y) for r, y in roles]
        value_roles = roles
        if not any(r == "target" for r, _ in value_roles):
            i += 1
            continue
        title = doc.lines[title_line][2].strip() if title_line is not None else ""
        attribute = "expected" if "预期" in title else ("binding" if "约束" in title else None)
        _table_rows(doc, cells[k:], value_roles, names, title, attribute, out)
        for li in range(j + 1, (cells[-1][0] + 1) if cells else i + 1):
            doc.consumed.add(li)
        i = (cells[-1][0] + 1) if cells else i + 1


def _table_rows(doc: _Doc, cells: list, roles: list, names: dict, title: str, attribute: str | None, out: list) -> None:
    nvals = len(roles)
    pos, serial, category = 0, 1, None
    use_serial = names["serial"]
    while pos < len(cells):
        if use_serial:
            if cells[pos][1] != str(serial):
                break
            pos += 1
        texts = []
        while pos < len(cells) and not _TABLE_NUM.match(cells[pos][1]) and not _TABLE_EMPTY.match(cells[pos][1]):
            texts.append(cells[pos])
            pos += 1
        vals = []
        while pos < len(cells) and len(vals) < nvals and (_TABLE_NUM.match(cells[pos][1]) or _TABLE_EMPTY.match(cells[pos][1])):
            vals.append(cells[pos])
            pos += 1
        attr_cell = None
        if pos < len(cells) and _ATTR_CELL.match(cells[pos][1]):
            attr_cell = cells[pos][1]
            pos += 1
        qualitative = None
        if len(vals) < nvals:
            # a lone number equal to the next serial starts the next row
            if use_serial and len(vals) == 1 and vals[0][1] == str(serial + 1):
                pos -= 1
                vals = []
            if not vals and texts:
                qualitative = texts.pop()
            elif not vals:
                break
        unit_cell = texts.pop() if texts and _UNIT_CELL.match(texts[-1][1]) else None
        if not texts:
            break
        if unit_cell is None:
            m = re.search(r"[(（]([^()（）]{1,6})[)）]$", texts[-1][1])
            if m and _UNIT_CELL.match(m.group(1)):
                li, cell = texts[-1]
                unit_cell = (li, m.group(1))
                texts[-1] = (li, cell)
        if len(texts) >= 2:
            category = texts[0][1]
        name_cell = texts[-1]
        row_attr = {"预期性": "expected", "预期": "expected", "约束性": "binding", "约束": "binding"}.get(attr_cell or "", attribute)
        _table_row(doc, name_cell, unit_cell, vals, roles, qualitative, title, row_attr, category, out)
        serial += 1
        if not use_serial and pos < len(cells) and _TABLE_NUM.match(cells[pos][1]):
            break


def _span_of_cell(doc: _Doc, cell: tuple[int, str]) -> tuple[int, int]:
    ls, _, line = doc.lines[cell[0]]
    off = line.find(cell[1])
    return ls + off, ls + off + len(cell[1])


def _table_row(doc, name_cell, unit_cell, vals, roles, qualitative, title, attribute, category, out) -> None:
    name = re.sub(r"[(（][^()（）]{1,6}[)）]$", "", name_cell[1]) if unit_cell and unit_cell[1] in name_cell[1] else name_cell[1]
    ns, _ = _span_of_cell(doc, name_cell)
    unit_zh = unit_cell[1] if unit_cell else None
    section = (doc.sections[name_cell[0]].path + " > " if doc.sections[name_cell[0]].path else "") + (title or "table")
    if qualitative is not None:
        _, qe = _span_of_cell(doc, qualitative)
        year = next((y for r, y in roles if r == "target" and y), None) or doc.end_year
        qs0, _ = _span_of_cell(doc, qualitative)
        out.append(_Cand(kind="target", start=ns, end=qe, value=None, value_high=None, unit=None, value_text=doc.text[qs0:qe],
                         table_unit=None, comparator="qualitative", name=name, pre="", section=section, year=year,
                         commitment="firm", attribute=attribute, confidence=0.6,
                         why=f"table row, qualitative target cell ({title or 'indicator table'})", growth=False,
                         measure_hint=None, per=None))
        return
    for (role, year), cell in zip(roles, vals):
        if _TABLE_EMPTY.match(cell[1]):
            continue
        cs, ce = _span_of_cell(doc, cell)
        text = doc.text[cs:ce]
        try:
            q = parse_quantity(text + unit_zh if unit_zh and not text.endswith("%") else text)
        except UnitError:
            continue
        unit = q.unit
        if "每万人" in name and unit in (None, "件"):
            unit = "件/万人"
        elif unit is None and "满意度" in name:
            unit = "分"
        if role == "increase":
            out.append(_Cand(kind="rejected", start=ns, end=ce, value=q.value, value_high=None, unit="%", value_text=text,
                             table_unit=None, comparator="=", name=name, pre="", section=section, year=year,
                             commitment="firm", attribute=attribute, confidence=0.0, why="table increase (增幅) column",
                             growth=True, measure_hint=None, per=None))
            continue
        kind = "target" if role == "target" else "baseline"
        out.append(_Cand(kind=kind, start=ns, end=ce, value=q.value, value_high=q.value_high, unit=unit,
                         value_text=text, table_unit=unit_zh if unit_zh and not text.endswith("%") else None,
                         comparator="=", name=name, pre="", section=section,
                         year=year or (doc.end_year if kind == "target" else (doc.start_year - 1 if doc.start_year else None)),
                         commitment="firm", attribute=attribute, confidence=0.85 if kind == "target" else 0.8,
                         why=f"table row, {'target' if kind == 'target' else 'base'} column"
                             + (f" {year}年" if year else "") + (f", unit cell {unit_zh}" if unit_zh else ""),
                         growth=False, measure_hint=None, per=None))


# --------------------------------------------------------------------------------------------
# running text


@dataclass
class _Cand:
    kind: str  # target | baseline | rejected
    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str | None
    value_text: str
    table_unit: str | None
    comparator: str
    name: str
    pre: str
    section: str
    year: int | None
    commitment: str
    attribute: str | None
    confidence: float
    why: str
    growth: bool
    measure_hint: str | None
    per: str | None
    quote: tuple[int, int] | None = None  # source_quote span when it differs from (start, end)
    clause_before: str = ""
    period_start: int | None = None


@dataclass
class _Q:
    s: int  # span in the sentence
    e: int
    num_s: int
    pre: str
    post: str
    q: object


def _quantities(sent: str) -> list[_Q]:
    out = []
    for s, e, q in find_quantities(sent):
        span = sent[s:e].rstrip()
        e = s + len(span)
        if q.unit is None:
            continue
        pre = next((w for w in _PRE_WORDS if span.startswith(w)), "")
        num_s = s + len(pre)
        while num_s < e and not sent[num_s].isdigit():
            num_s += 1
        # unit followed by a character that makes it a word (分辨率, 人才, 项目...)
        m = re.match(r"^[\d.]+\s*[万亿]?\s*(?:[\d.—–~～至到\-]*[万亿]?)?\s*(?:余|多)?\s*(人次|亿元|万元|元|件|家|个|项|人|名|场|分|%|所|期|次|倍)", sent[num_s:e])
        unit_word = m.group(1) if m else None
        unit_end = num_s + m.end() if m else e
        nxt = sent[unit_end:unit_end + 1]
        if unit_word and nxt and nxt in _UNIT_STOP.get(unit_word, ""):
            continue
        out.append(_Q(s, e, num_s, pre, "", q))
    return out


def _inside_quotes(sent: str, pos: int) -> bool:
    for o, c in (("《", "》"), ("“", "”")):
        i = sent.rfind(o, 0, pos)
        if i >= 0 and sent.find(c, i) >= pos and sent.find(c, i) - i < 24:
            return True
    return False


def _clean_name(s: str) -> str:
    s = re.sub(r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百\d]+[章节条])", "", s)
    s = s.strip(" \t,，、:：;；()（）")
    s = re.sub(r"^\d{1,2}[.．、](?!\d)", "", s)
    s = re.sub(r"^(?:到|至|截至|截止|截止到)\s*\d{4}\s*年(?:年?底|年?末|年末|年底)?", "", s)
    s = re.sub(r"^(?:到|至)[“\"]?十[一二三四五]五[”\"]?末?", "", s)
    changed = True
    while changed and s:
        changed = False
        for w in _TAIL_WORDS:
            if s.endswith(w) and len(s) > len(w):
                s = s[: -len(w)].rstrip(" ,，、")
                changed = True
        for w in _HEAD_VERBS:
            if s.startswith(w) and len(s) > len(w) + 1:
                s = s[len(w):].lstrip(" ,，、")
                changed = True
        s2 = re.sub(r"^\d{4}\s*年度?", "", s)
        s2 = re.sub(r"^(?:[一二两三四五六七八九十\d]+年(?:内|间|来|中)?|[“\"]?十[一二三四五]五[”\"]?(?:期间|时期|末|以来)?|"
                    r"期间|规划期内|试点期间|期末|届时|同期)", "", s2)
        s2 = re.sub(r"(较|比)(上一?年度?|上年|去年|同期|\d{4}\s*年度?(年?底|年?末)?)(同期)?$", "", s2)
        if s2 != s:
            s, changed = s2, True
    return s.strip(" ,，、:：()（）")


def _noun_after(sent: str, e: int, b: int) -> str:
    tail = sent[e:b]
    tail = re.sub(r"^(以上|左右|或以上|\(或以上\))", "", tail)
    tail = tail.strip(" ,，")
    if len(tail) > 20 and "的" in tail:
        last = tail.rsplit("的", 1)[1]
        if len(last) >= 2:
            tail = last
    return tail[:30]


def _text_candidates(doc: _Doc, out: list) -> None:
    for li, (ls, le, line) in enumerate(doc.lines):
        if li in doc.consumed or not line.strip():
            continue
        sec = doc.sections[li]
        stripped = line.strip()
        para_past = False
        m = re.match(r"^[“\"]?十([一二三四五])五[”\"]?(?:时期|期间|以来)", stripped)
        if m and _is_past(doc, _PERIODS[m.group(1)][1]):
            para_past = True
        m = re.match(r"^(?:近年来|近几年|过去五年|党的十八大以来)", stripped)
        if m:
            para_past = True
        m = re.match(r"^(\d{4})\s*年以来", stripped)
        if m and _is_past(doc, int(m.group(1))):
            para_past = True
        for ss, se, _ in sentences(line, newline=False):
            sent = line[ss:se]
            qs = _quantities(sent)
            quals = list(re.finditer(r"(高于|不低于|优于|好于)(全国|全省|全市|全区|自治区|省|市|同期|同类城市)?的?平均水平", sent))
            if not qs and not quals:
                continue
            base = ls + ss
            _sentence(doc, sec, para_past, line, ss, sent, base, qs, quals, out)


def _baseline_year(doc: _Doc, sent: str, qq: _Q) -> int | None:
    """Year of a historical value: the sentence's own date, the end of a named past period, the
    year before the plan for the 'to' side of 从…增加到…, else the year before the plan starts."""
    head = sent[:qq.s]
    default = (doc.start_year - 1) if (doc.kind == "plan" and doc.start_year) else doc.ref_year
    if re.search(r"(增加|增长|提高|提升|上升|扩大|跃升|攀升)(到|至)\s*$", head) or qq.pre in ("增加到", "增加至"):
        return default
    years = [int(m.group(1)) for m in re.finditer(r"(?<![比较为是与])(\d{4})\s*年(?!的)", head) if 1990 < int(m.group(1)) < 2100]
    years = [y for y in years if _is_past(doc, y) or doc.start_year is None]
    if years:
        return years[-1]
    pm = list(re.finditer(r"[“\"]?十([一二三四五])五[”\"]?(末|时期|期间|以来)?", head))
    if pm and pm[-1].group(2) == "末":
        return _PERIODS[pm[-1].group(1)][1]
    return default


def _full_sentence_before(line: str, ss: int, pos_in_sent: int) -> str:
    """Text of the line from the last 。/!/? before the sentence up to ``pos`` (力争 may govern across ；)."""
    upto = ss + pos_in_sent
    return line[sentence_start(line, upto):upto]


def _sentence(doc, sec, para_past, line, ss, sent, base, qs, quals, out) -> None:
    sent_years = [int(y) for y in re.findall(r"(?<![比较])(\d{4})\s*年", sent) if 1990 < int(y) < 2100]
    past_year_in_sent = any(_is_past(doc, y) for y in sent_years)
    # sentence-level future year: 到/至/截至 YYYY年 (not past), a YYYY年度, or 到“十X五”末
    fut = None
    for m in re.finditer(r"(?:到|至|截至|截止|截止到|于)?\s*(\d{4})\s*年", sent):
        y = int(m.group(1))
        if 1990 < y < 2100 and not _is_past(doc, y):
            fut = y if fut is None else fut
    m = re.search(r"(?:到|至)[“\"]?十([一二三四五])五[”\"]?(?:末|期末)", sent)
    if m and not _is_past(doc, _PERIODS[m.group(1)][1]):
        fut = _PERIODS[m.group(1)][1]
    sent_past = False
    m = re.search(r"(?:截至|截止|截止到|到)\s*(\d{4})\s*年(?:年?底|年?末|\d{1,2}月)", sent)
    if m and _is_past(doc, int(m.group(1))):
        sent_past = True
    m = re.match(r"^\s*[,，]?\s*(\d{4})\s*年", sent)
    if m and _is_past(doc, int(m.group(1))):
        sent_past = True
    m = re.search(r"[“\"]?十([一二三四五])五[”\"]?(?:时期|期间|以来|末)", sent)
    if m and _is_past(doc, _PERIODS[m.group(1)][1]) and not fut:
        sent_past = True
    future_words = bool(_FUTURE_WORDS.search(sent)) or fut is not None
    qrecords = []
    for idx, qq in enumerate(qs):
        a, b = clause_bounds(sent, qq.s)
        before = ""
        clause_before = sent[a:qq.s]
        reason_rej = None
        ch_before = sent[qq.num_s - 1: qq.num_s] if qq.num_s > 0 else ""
        start_char_before = sent[qq.s - 1: qq.s] if qq.s > 0 else ""
        if start_char_before == "第" or ch_before == "第":
            reason_rej = "ordinal (第…)"
        elif start_char_before in ("前", "后") and not qq.pre:
            reason_rej = "ordinal range (前/后 N)"
        elif re.match(r"^[\u4e00-\u9fff]{0,4}(会议|例会|联席会)", sent[qq.e:]):
            reason_rej = "meeting frequency (procedure, not a target)"
        elif _TASK_NOUNS.match(sent[qq.e:]):
            reason_rej = "count of tasks/measures, not a target"
        elif start_char_before == "以" and not qq.pre:
            reason_rej = "instrumental (以N…带动), not a level"
        elif _inside_quotes(sent, qq.num_s):
            reason_rej = "inside a title or quoted name"
        elif re.match(r"^\s*[-—]\s*\d", sent[qq.e:]) or re.search(r"[A-Za-z/]$", sent[:qq.num_s]):
            reason_rej = "part of a code or standard number"
        elif qq.q.unit == "yuan" and (re.search(r"(给予|奖励|资助|补贴|补助|奖补|扶持|每件|每项|每个|每家|每人|最高|单个|单项)", sent[a:qq.s])
                                     or re.match(r"^\s*[\u4e00-\u9fff]{0,2}(奖励|资助|补贴|补助|奖补)", sent[qq.e:])):
            reason_rej = "subsidy or reward amount (a policy parameter, not a target)"

        qrecords.append((qq, a, b, before, clause_before, reason_rej))
    # qualifier: a quantity without a trigger followed in its clause by one with a trigger
    for k, (qq, a, b, before, clause_before, rej) in enumerate(qrecords):
        if rej or qq.pre:
            continue
        for qq2, a2, *_ in qrecords[k + 1:]:
            between = sent[qq.e:qq2.s]
            if _FROM_TO.search(sent[:qq2.s]) or re.search(r"(增加|增长|提高|提升|上升)(到|至)", qq2.pre + between):
                break
            if a2 == a and (qq2.pre or _TRIGGER_BEFORE.search(between)) and not re.search(r"[和及与、]\s*$", between):
                qrecords[k] = (qq, a, b, before, clause_before, "qualifying threshold of a later quantity")
                break
    # the name of a quantity starts after the previous kept quantity of its clause
    prev_end: dict[int, int] = {}
    for k, (qq, a, b, _, clause_before, rej) in enumerate(qrecords):
        before = sent[prev_end.get(a, a): qq.s]
        if not rej:
            prev_end[a] = qq.e
        qrecords[k] = (qq, a, b, before, clause_before, rej)
    # 分别: names listed before 分别 are paired with the quantities in order
    paired = {}
    for a in {r[1] for r in qrecords}:
        group = [r for r in qrecords if r[1] == a and not r[5]]
        if len(group) < 2:
            continue
        first = group[0]
        m = re.search(r"分别(?:达到|达|为|突破|超过|是|增长|提高到|增加到)?\s*$", first[3])
        if not m:
            continue
        names_str = first[3][: m.start()]
        for sep in ("、", "和", "及", "与"):
            parts = [p for p in re.split(sep, names_str) if p.strip()]
            if len(parts) == len(group):
                for (r, p) in zip(group, parts):
                    paired[id(r[0])] = (p, first[0])
                break
    for qq, a, b, before, clause_before, rej in qrecords:
        _one(doc, sec, para_past, line, ss, sent, base, qq, a, b, before, clause_before, rej, paired,
             sent_past, past_year_in_sent, fut, future_words, out)
    for m in quals:
        a, b = clause_bounds(sent, m.start())
        name = _clean_name(sent[a:m.start()])
        if not name or para_past or sec.history or sent_past:
            continue
        out.append(_Cand(kind="target", start=base + a, end=base + m.end(), value=None, value_high=None, unit=None,
                         value_text=doc.text[base + m.start():base + m.end()], table_unit=None, comparator="qualitative", name=name, pre="",
                         section=sec.path, year=fut or sec.year or doc.end_year,
                         commitment="strive" if re.search(r"力争|争取", _full_sentence_before(line, ss, m.start())) else "firm",
                         attribute=None, confidence=0.5, why="relative target (高于…平均水平), no number",
                         growth=False, measure_hint=None, per=None))


def _one(doc, sec, para_past, line, ss, sent, base, qq, a, b, before, clause_before, rej, paired,
         sent_past, past_year_in_sent, fut, future_words, out) -> None:
    q = qq.q
    vs, ve = qq.s, qq.e  # value_text span in the sentence; the text itself is cut from the original
    if qq.pre in _POINT_PRE:
        vs = qq.num_s
    # 增加N个 (an increment) keeps its verb, as the data spec's value_text does
    inc = re.search(r"(增加|新增)\s*$", sent[:qq.s]) and not qq.pre
    if inc:
        m_inc = re.search(r"(增加|新增)\s*$", sent[:qq.s])
        if m_inc.group(1) == "增加":
            vs = m_inc.start()
    unit = q.unit
    growth = q.unit == "%" and bool(re.search(
        r"(年均增长率|平均增长率|增长率|增速|增幅|年均增长|年均提高|增长|提高|提升|增加)了?\s*(达到|达|为|保持在|稳定在)?\s*$",
        before + (qq.pre if qq.pre in ("达到", "达") else "")))
    if q.unit == "个" and sent[qq.e:qq.e + 3].startswith("百分点"):
        unit, growth = "百分点", True
        ve = qq.e + 3
    unit_suffix = re.match(r"^(次|工作日|个工作日|月|个月|小时|天)?\s*(及以上|或以上|以上|以内|以下|及以下|左右|内)?", sent[qq.e:])
    duration = None
    if unit_suffix and unit_suffix.group(1) in ("工作日", "个工作日", "月", "个月", "小时", "天") and q.unit == "个":
        duration = "个" + unit_suffix.group(1).lstrip("个")
    bound = None
    if unit_suffix and (unit_suffix.group(1) or unit_suffix.group(2)) and (unit_suffix.group(1) != "次" or q.unit == "场"):
        ve = qq.e + unit_suffix.end()
        bound = unit_suffix.group(2)
    name_src = before
    pair = paired.get(id(qq))
    if pair:
        name_src = pair[0]
    name = _clean_name(name_src)
    tail_is_verb = bool(_VERB_END.search(re.sub(r"\s+$", "", before))) or not name or len(name) <= 1
    if tail_is_verb:
        after = _noun_after(sent, max(qq.e, ve), b)
        if after:
            name = after if not name or _VERB_END.search(before.strip()) or len(name) <= 1 else name
    if not name:
        name = _clean_name(clause_before) or _noun_after(sent, qq.e, b)
    # no subject of its own (五年累计达到50亿元, 2020年达到12345件): the previous quantity's indicator
    if not name and out and out[-1].start >= base and out[-1].kind != "rejected":
        name = re.sub(r"(年均增长率|增长率)$", "", out[-1].name)
    # a generic name (项目数量, 人数) takes the previous clause as qualifier
    if re.fullmatch(r"[\u4e00-\u9fff]{0,2}(数量|总数|总量|数|量|规模|金额|人数|个数|比例|比重)", name) and a > 0:
        pa, _ = clause_bounds(sent, a - 1)
        prev = _clean_name(sent[pa:a - 1])
        if prev and not re.search(r"\d", prev):
            name = (prev[-20:] + name)
    if growth and re.fullmatch(r"(年均|平均|同比|年|)(增长|增速|增幅|提高|提升)?率?", name) and out and out[-1].start >= base \
            and out[-1].kind != "rejected":
        prev_name = re.sub(r"(年均增长率|增长率)$", "", out[-1].name)
        name = prev_name + ("年均增长率" if "年均" in sent[a:qq.e] else "增长率")
    # shared rate over a list of indicators: 专利授权量、PCT申请量年均增长率达到15%
    names = [name]
    gm = re.search(r"(年均增长率|增长率|年均增速|增速)$", name)
    if gm and "、" in name and not pair:
        parts = name[: gm.start()].split("、")
        if len(parts) > 1 and all(re.search(r"[量率数额比]$", p) for p in parts):
            names = [p + gm.group(1) for p in parts]
    if unit == "件" and re.search(r"每万人", "".join(names)) and not growth:
        unit = "件/万人"
    comparator = q.comparator
    if qq.pre in ("超过", "超") and sent[qq.s - 1:qq.s] == "不":
        comparator, vs = "<=", qq.s - 1
    if bound in ("及以上", "或以上", "以上"):
        comparator = ">="
    elif bound in ("以内", "以下", "及以下", "内"):
        comparator = "<="
    elif bound == "左右":
        comparator = "≈"
    if duration:
        unit = duration
    if re.search(r"(不超过|不高于|控制在|压缩至|压缩到|缩短至|缩短到|降低至|降低到|降至|减少到|减少至)\s*$", sent[:qq.s]) and comparator == "=":
        comparator = "<="
    if comparator == "=":
        if re.search(r"(至少|不少于|不低于)[\u4e00-\u9fff]{0,3}$", sent[max(0, qq.s - 6):qq.s]):
            comparator = ">="
            m = re.search(r"(至少|不少于|不低于)[\u4e00-\u9fff]{0,3}$", sent[:qq.s])
            vs = m.start()
        elif pair and pair[1] is not qq and pair[1].q.comparator in (">", ">="):
            comparator = pair[1].q.comparator
        elif not clause_before.strip() and a > 0 and re.search(
                r"(至少|不少于|不低于)[\u4e00-\u9fff]{0,3}[\d.]+[^,，。；;]*[,，]\s*$", sent[:a][-40:]):
            comparator = ">="
        elif re.search(r"(超过|突破)\s*$", sent[:qq.s]):
            comparator = ">"
    value_text = doc.text[base + vs:base + ve]
    # --- classification
    kind, why = "target", []
    conf = 0.55
    history_reason = None
    clause_text = sent[a:qq.s]
    if rej:
        kind, history_reason = "rejected", rej
    elif sec.history:
        kind, history_reason = "baseline", f"history section ({sec.path.split(' > ')[-1]})"
    elif para_past:
        kind, history_reason = "baseline", "paragraph about a past period"
    elif _FROM_TO.search(sent[:qq.e]) and re.search(r"从", sent[:qq.s]) and not fut:
        kind, history_reason = "baseline", "从…增加到… (history)"
    elif re.search(r"(比|较)\s*(\d{4})\s*年", sent[:qq.e + 4]) and any(
            _is_past(doc, int(y)) for y in re.findall(r"(?:比|较)\s*(\d{4})\s*年", sent)) and not fut:
        kind, history_reason = "baseline", "比YYYY年 growth (history)"
    elif sent_past:
        kind, history_reason = "baseline", ("sentence dated before the plan" if doc.kind == "plan"
                                            else "sentence dated in the past of the report")
    elif _PAST_CLAUSE.search(_full_sentence_before(line, ss, qq.s)[-40:]) and not fut and not re.search(r"力争|确保|争取|要|将", clause_text):
        kind, history_reason = "baseline", f"past-tense cue '{_PAST_CLAUSE.search(_full_sentence_before(line, ss, qq.s)[-40:]).group(0)}'"
    elif doc.kind == "report" and not future_words:
        kind, history_reason = "baseline", "report document, no future cue"
    if kind == "target":
        if qq.pre or comparator != "=" or _TRIGGER_BEFORE.search(before):
            conf += 0.2
            why.append("trigger " + (qq.pre or (_TRIGGER_BEFORE.search(before).group(0) if _TRIGGER_BEFORE.search(before) else comparator)))
        if fut:
            conf += 0.1
            why.append(f"year {fut} in sentence")
        if sec.target:
            conf += 0.1
            why.append("target section")
        if past_year_in_sent:
            conf -= 0.2
            why.append("a past year in the sentence")
        if not why:
            why.append("bare quantity in a plan sentence")
    else:
        why.append(history_reason)
        conf = 0.0 if kind == "rejected" else 0.6
    commitment = "strive" if re.search(r"力争|争取", _full_sentence_before(line, ss, qq.s)) else "firm"
    year = fut or sec.year or doc.end_year
    measure_hint = None
    cue_text = sent[a:qq.e]
    if q.per == "年" or re.search(r"年均", cue_text) or re.search(r"每年|每年度", sent[:qq.s]) or re.match(r"^年", name) \
            or re.search(r"年(登记|申请|授权|注册|新增)", name):
        measure_hint = "annual_flow"
    if (re.search(r"累计", cue_text) and not re.search(r"累计拥有", cue_text)) or inc:
        measure_hint = "cumulative"
    if growth:
        measure_hint = "growth_rate"
    period_start = None
    if kind == "baseline":
        year = _baseline_year(doc, sent, qq)
        pm = re.search(r"[“\"]?十([一二三四五])五[”\"]?(?:时期|期间)", line[:ss + qq.s])
        if pm and _is_past(doc, _PERIODS[pm.group(1)][1]) and not re.search(r"\d{4}\s*年", sent[:qq.s]) and not _FROM_TO.search(sent) \
                and not re.search(r"截至|截止|年底|年末", sent[:qq.s]) and not growth and q.unit != "倍":
            period_start = _PERIODS[pm.group(1)][0]
    for nm in names:
        out.append(_Cand(kind=kind, start=base + qq.s, end=base + qq.e, value=q.value, value_high=q.value_high, unit=unit,
                         value_text=value_text, table_unit=None, comparator=comparator, name=nm, pre=qq.pre,
                         section=sec.path, year=year, commitment=commitment, attribute=None,
                         confidence=round(max(0.0, min(conf, 0.99)), 2), why="; ".join(why), growth=growth,
                         measure_hint=measure_hint, per=q.per, quote=(base + a, base + max(b, qq.e)),
                         clause_before=clause_text, period_start=period_start))


# --------------------------------------------------------------------------------------------
# assembling frames


def _measure(c: _Cand, key_measure: str | None, doc: _Doc) -> str:
    if c.growth:
        return "growth_rate"
    if c.comparator == "qualitative":
        return "score" if "满意度" in c.name else {"rate": "share", "flow": "level"}.get(key_measure or "", key_measure or "level")
    if c.unit == "%":
        return "share"
    if c.unit == "分":
        return "score"
    if c.unit == "件/万人":
        return "intensity"
    if c.measure_hint:
        return c.measure_hint
    one_year = doc.start_year is not None and doc.start_year == doc.end_year
    if re.search(r"拥有量|拥有|有效|保有|存量|总量", c.name + c.clause_before):
        return "stock"
    if one_year:
        if re.search(r"举办|召开|完成|开展|引导|调查", c.clause_before) or c.unit in ("次", "期", "场", "人次"):
            return "annual_flow"
        return {"flow": "annual_flow", "rate": "share"}.get(key_measure or "", key_measure or "stock")
    if re.search(r"(数量|总数|个数|拥有量)$", c.name) and c.pre in ("达", "达到"):
        return "stock"
    if re.search(r"培育|形成|扶持|新增|引进|获得|挖掘|建设|培养|设立|建成|打造|认定", c.clause_before) or (
            re.search(r"开展", c.clause_before) and c.unit in ("个", "项", "家")):
        return "cumulative"
    if key_measure == "stock":
        return "stock"
    if key_measure in ("share", "rate"):
        return "share"
    if key_measure in ("intensity", "score"):
        return key_measure
    if c.unit in ("家", "个", "名", "人", "所"):
        return "stock"
    return "level"


def analyse(text: str, doc_id: str | None = None, target_year: int | None = None,
            catalogue: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every number the extractor looked at: targets, baselines and rejected numbers, with the reason.

    ``kind`` is ``target``, ``baseline`` or ``rejected``; the other columns are those of
    :data:`CANDIDATE_COLUMNS` (``target_year`` holds the baseline's year for baselines).

    >>> a = analyse("第3次常务会议审议。工作计划中的9项任务。到2025年,专利授权量达到500件。")
    >>> a[["kind", "value", "why"]].values.tolist()
    [['rejected', 3.0, 'ordinal (第…)'], ['rejected', 9.0, 'count of tasks/measures, not a target'], ['target', 500.0, 'trigger 达到; year 2025 in sentence']]
    """
    norm = normalize_text(text)
    if len(norm) != len(text):  # pragma: no cover - normalize_text is length-preserving
        raise AssertionError("normalize_text changed the text length")
    doc = _Doc(text=text, norm=norm, doc_id=doc_id, cat=_catalogue(catalogue))
    doc.lines = text_lines(norm)
    _doc_info(doc, target_year)
    _sections(doc)
    cands: list[_Cand] = []
    _tables(doc, cands)
    _text_candidates(doc, cands)
    cands.sort(key=lambda c: (c.start, c.end))
    rows = []
    for c in cands:
        match_name = ("新增" + c.name) if c.measure_hint == "cumulative" and re.match(r"^(增加|新增)", c.value_text) else c.name
        ranked = _rank_keys(match_name, c.unit, "growth_rate" if c.growth else None, doc.cat) if doc.cat else []
        key, closest, key_measure = "", "", None
        if ranked:
            best = ranked[0]
            second = ranked[1][0] if len(ranked) > 1 else 0.0
            if best[0] >= 0.5 and (best[0] - second >= 0.04 or best[0] >= 0.8):
                key, key_measure = best[1], best[3]
            else:
                closest = ";".join(r[1] for r in ranked[:3])
        unit = c.unit
        if unit is None and ranked and (key or ranked[0][0] >= 0.35):
            unit = ranked[0][2] if not key else next(r[2] for r in ranked if r[1] == key)
        if unit in ("个", "项") and key and not c.growth:
            base_unit = next(r[2] for r in ranked if r[1] == key)
            if base_unit in _COUNT_UNITS:
                unit = base_unit
        qs, qe = c.quote or (c.start, c.end)
        quote = text[qs:qe].strip(" \t,，、;；")
        lead = len(text[qs:qe]) - len(text[qs:qe].lstrip(" \t,，、;；"))
        qs = qs + lead
        # the quote must hold value_text verbatim
        if c.value_text and c.value_text not in quote:
            quote = text[min(qs, c.start):max(qe, c.end)]
        rows.append({
            "kind": c.kind, "doc_id": doc_id, "indicator_zh": c.name, "indicator": key, "closest_keys": closest,
            "value": c.value, "value_high": c.value_high, "unit": unit, "value_text": c.value_text,
            "table_unit": c.table_unit, "comparator": c.comparator,
            "measure": _measure(c, key_measure, doc), "target_year": c.year, "commitment": c.commitment,
            "attribute": c.attribute, "section": c.section, "source_quote": quote, "confidence": c.confidence,
            "why": c.why, "start": qs, "end": qs + len(quote), "period_start": c.period_start,
        })
    df = pd.DataFrame(rows, columns=["kind"] + [c for c in CANDIDATE_COLUMNS if c not in ("candidate_id", "duplicate_of")]
                      + ["period_start"])
    counters: dict[str, int] = {}
    ids = []
    for kind in df["kind"]:
        prefix = {"target": "T", "baseline": "B"}.get(kind, "R")
        counters[prefix] = counters.get(prefix, 0) + 1
        ids.append(f"{prefix}{counters[prefix]:03d}")
    df.insert(0, "candidate_id", ids)
    df["duplicate_of"] = _duplicates(df)
    df["value"] = pd.to_numeric(df["value"], errors="coerce").astype("float64")
    df["value_high"] = pd.to_numeric(df["value_high"], errors="coerce").astype("float64")
    df["target_year"] = pd.array(df["target_year"].tolist(), dtype="Int64") if len(df) else pd.array([], dtype="Int64")
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df.attrs["horizon"] = {"kind": doc.kind, "start_year": doc.start_year, "end_year": doc.end_year,
                           "ref_year": doc.ref_year, "why": doc.horizon_why, "title": doc.title}
    return df


def _duplicates(df: pd.DataFrame) -> list:
    """Propose ``duplicate_of``: an earlier target with the same value, unit and indicator."""
    out = []
    seen: list[tuple] = []
    for _, r in df.iterrows():
        dup = None
        if r["kind"] == "target":
            g = _grams(r["indicator_zh"])
            table = str(r["why"]).startswith("table")
            for cid, v, h, u, key, grams, comp, table0 in seen:
                same_v = _same(v, r["value"]) and _same(h, r["value_high"]) and u == r["unit"]
                if not same_v or (comp != r["comparator"] and not (table or table0)):
                    continue
                if key and r["indicator"]:
                    if key == r["indicator"]:
                        dup = cid
                        break
                elif _similarity(g, grams) >= 0.6:
                    dup = cid
                    break
            seen.append((r["candidate_id"], r["value"], r["value_high"], r["unit"], r["indicator"], g, r["comparator"], table))
        out.append(dup)
    return out


def extract(text: str, doc_id: str | None = None, target_year: int | None = None,
            catalogue: pd.DataFrame | None = None, min_confidence: float = 0.0) -> pd.DataFrame:
    """Candidate target rows of a plan's text, in the ``targets.csv`` vocabulary.

    ``target_year`` overrides the horizon read from the document; ``catalogue`` (default
    ``data/indicators.csv``) supplies the keys.  Columns: :data:`CANDIDATE_COLUMNS`; ``start``/``end``
    are character offsets of ``source_quote`` in ``text`` (which is verbatim, even for
    full-width input).

    >>> text = "到２０２５年，地理标志增加２个，力争开展专利导航5—10个；商标注册量突破5万件。"
    >>> df = extract(text)
    >>> df[["value_text", "value", "value_high", "comparator", "measure", "commitment"]].values.tolist()
    [['增加２个', 2.0, nan, '=', 'cumulative', 'firm'], ['5—10个', 5.0, 10.0, 'range', 'cumulative', 'strive'], ['突破5万件', 50000.0, nan, '>', 'level', 'strive']]
    >>> all(text[s:e] == q for s, e, q in zip(df.start, df.end, df.source_quote))
    True
    """
    return _targets_of(analyse(text, doc_id, target_year, catalogue), min_confidence)


def _targets_of(df: pd.DataFrame, min_confidence: float = 0.0) -> pd.DataFrame:
    df = df[(df["kind"] == "target") & (df["confidence"] >= min_confidence)].drop(columns="kind").reset_index(drop=True)
    return df[CANDIDATE_COLUMNS]


def _growth_kind(quote: str, unit: str | None) -> tuple[str, int | None]:
    m = re.search(r"(?:比|较)\s*(\d{4})\s*年", quote) or re.search(r"(?:为|是)\s*(\d{4})\s*年的", quote)
    base_year = int(m.group(1)) if m else None
    if unit == "倍":
        return ("multiple_of" if re.search(r"(为|是)[^,，。]*的[\d.]+倍", quote) else "times_increase"), base_year
    return ("cagr" if re.search(r"年均", quote) else ""), base_year


def extract_baselines(text: str, doc_id: str | None = None, catalogue: pd.DataFrame | None = None) -> pd.DataFrame:
    """Historical values stated in the text (never proposed as targets), in the ``baselines.csv`` vocabulary.

    A growth figure stated with a value (年均增长38.0%) is attached to it (``growth_value``,
    ``growth_kind``), as in ``data/baselines.csv``.

    >>> b = extract_baselines("“十四五”规划\\n第一节 发展成就\\n年专利授权量从“十二五”末的550件增加到2748件,年均增长38.0%。")
    >>> b[["value", "unit", "year", "measure", "growth_value", "growth_kind", "growth_base_year"]].values.tolist()
    [[550.0, '件', 2015, 'annual_flow', nan, <NA>, <NA>], [2748.0, '件', 2020, 'annual_flow', 38.0, 'cagr', 2015]]
    """
    return _baselines_of(analyse(text, doc_id, None, catalogue), text)


def _baselines_of(df: pd.DataFrame, text: str) -> pd.DataFrame:
    df = df[df["kind"] == "baseline"].drop(columns="kind").reset_index(drop=True)
    df = df.rename(columns={"target_year": "year"})
    rows = df.to_dict("records")
    for r in rows:
        r.update(growth_value=None, growth_text=None, growth_kind=None, growth_base_year=None)

    def is_growth(r: dict) -> bool:
        return r["measure"] == "growth_rate" or r["unit"] == "倍"

    def same_sentence(x: dict, y: dict) -> bool:
        lo, hi = sorted((x["start"], y["start"]))
        return not re.search(r"[。；;\n!?！？]", text[lo:hi])

    attached: set[int] = set()
    for i, r in enumerate(rows):
        if not is_growth(r):
            continue
        kind, base_year = _growth_kind(r["source_quote"], r["unit"])
        # the level it qualifies: the value just before it in the sentence, else the one just after
        host = None
        for j in list(range(i - 1, -1, -1)) + list(range(i + 1, len(rows))):
            o = rows[j]
            if not same_sentence(o, r):
                continue
            if not is_growth(o) and o["growth_value"] is None and not pd.isna(o["value"]):
                host = o
                break
        if host is None:
            # only a relative figure (为2016年的3.5倍): no level is stated
            r.update(growth_value=r["value"], growth_text=r["source_quote"], growth_kind=kind or None,
                     growth_base_year=base_year, value=None, value_text=None,
                     unit=None if r["unit"] in ("倍", "%") else r["unit"])
            continue
        if kind == "cagr" and base_year is None:
            earlier = [o for o in rows[:rows.index(host)] if not is_growth(o) and same_sentence(o, host)]
            base_year = earlier[-1]["year"] if earlier else None
        host.update(growth_value=r["value"], growth_text=r["source_quote"], growth_kind=kind or None,
                    growth_base_year=base_year, start=min(host["start"], r["start"]), end=max(host["end"], r["end"]))
        host["source_quote"] = text[host["start"]:host["end"]]
        attached.add(i)
    out = [r for i, r in enumerate(rows) if i not in attached]
    df = pd.DataFrame(out, columns=list(df.columns) + ["growth_value", "growth_text", "growth_kind", "growth_base_year"])
    for col in ("year", "period_start", "growth_base_year"):
        df[col] = pd.array([None if pd.isna(v) else int(v) for v in df[col]], dtype="Int64")
    for col in ("value", "growth_value"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    for col in ("growth_text", "growth_kind"):
        df[col] = df[col].astype("string")
    return df[BASELINE_COLUMNS]


# --------------------------------------------------------------------------------------------
# scoring against curated rows


def _spans(text: str | None, quote: str) -> list[tuple[int, int]]:
    if text is None or not isinstance(quote, str) or not quote:
        return []
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _same(a, b) -> bool:
    if pd.isna(a) and pd.isna(b):
        return True
    if pd.isna(a) or pd.isna(b):
        return False
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))


def _overlap(c_span, c_quote: str, t_spans, t_quote: str) -> int:
    if t_spans and c_span is not None:
        return max((min(c_span[1], e) - max(c_span[0], s) for s, e in t_spans), default=0)
    if isinstance(c_quote, str) and isinstance(t_quote, str) and (c_quote in t_quote or t_quote in c_quote):
        return min(len(c_quote), len(t_quote))
    return 0


def match(candidates: pd.DataFrame, truth: pd.DataFrame, texts: dict | None = None,
          id_col: str = "target_id") -> pd.DataFrame:
    """Pair candidates with curated rows one to one: same ``doc_id``, same value and ``value_high``
    (both empty for qualitative rows) and overlapping quotes.  Returns one row per candidate
    with the matched ``id_col`` (empty when unmatched).

    ``texts`` maps doc_id → raw text (default: :func:`ipanalysis.sources.raw_text` when the id is
    known) and turns quotes into spans; without a text, quotes overlap when one contains the other.

    >>> t = pd.DataFrame({"target_id": ["X-01"], "doc_id": ["d"], "value": [3.0], "value_high": [None],
    ...                   "source_quote": ["数量达3个"]})
    >>> c = extract("数量达3个。", doc_id="d")
    >>> match(c, t, {"d": "数量达3个。"})[["candidate_id", "target_id"]].values.tolist()
    [['T001', 'X-01']]
    """
    texts = dict(texts or {})
    out = []
    for doc_id, cands in candidates.groupby("doc_id", sort=False, dropna=False):
        text = texts.get(doc_id)
        if text is None and isinstance(doc_id, str):
            try:
                from .sources import raw_text
                text = raw_text(doc_id)
            except Exception:
                text = None
        rows = truth[truth["doc_id"] == doc_id] if "doc_id" in truth else truth
        taken: set = set()
        pairing: dict = {}
        cand_list = list(cands.itertuples(index=False))
        for t in rows.itertuples(index=False):
            t_quote = getattr(t, "source_quote")
            t_spans = _spans(text, t_quote)
            best, best_ov = None, 0
            for c in cand_list:
                if c.candidate_id in taken:
                    continue
                if not (_same(c.value, t.value) and _same(getattr(c, "value_high", None), getattr(t, "value_high", None))):
                    continue
                c_span = (c.start, c.end) if text is not None and hasattr(c, "start") else None
                ov = _overlap(c_span, c.source_quote, t_spans, t_quote)
                if ov > best_ov:
                    best, best_ov = c, ov
            if best is not None:
                taken.add(best.candidate_id)
                pairing[best.candidate_id] = getattr(t, id_col)
        for c in cand_list:
            out.append({"doc_id": doc_id, "candidate_id": c.candidate_id, id_col: pairing.get(c.candidate_id)})
    return pd.DataFrame(out, columns=["doc_id", "candidate_id", id_col])


def score(candidates: pd.DataFrame, truth: pd.DataFrame, texts: dict | None = None,
          baselines: pd.DataFrame | None = None, exclusions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Recall and precision of candidates against curated targets, per document and in total.

    Every curated row counts, repeat statements (``duplicate_of`` set) included: the reviewer
    must see each statement to mark it.  ``recall_unique`` is the recall over rows without
    ``duplicate_of``.  A candidate is a true positive when it matches a curated row (see
    :func:`match`); unmatched candidates are false positives, split by what they match instead
    (``fp_baseline``: a curated baseline; ``fp_exclusion``: a quote in target_exclusions.csv).

    >>> t = pd.DataFrame({"target_id": ["X-01", "X-02"], "doc_id": ["d", "d"], "value": [3.0, 9.0],
    ...                   "value_high": [None, None], "source_quote": ["数量达3个", "人数达9人"], "duplicate_of": [None, None]})
    >>> s = score(extract("数量达3个,场次达4场。", doc_id="d"), t, {"d": "数量达3个,场次达4场。"})
    >>> tot = s.iloc[-1]
    >>> (tot.doc_id, int(tot.truth), int(tot.candidates), int(tot.tp), float(tot.recall), float(tot.precision))
    ('TOTAL', 2, 2, 1, 0.5, 0.5)
    """
    texts = dict(texts or {})
    m = match(candidates, truth, texts)
    matched = set(m["target_id"].dropna())
    bm = match(candidates, baselines.rename(columns={"baseline_id": "target_id"}), texts) if baselines is not None and len(baselines) else None
    docs = list(dict.fromkeys(list(truth["doc_id"]) + list(candidates["doc_id"])))
    rows = []
    for d in docs + ["TOTAL"]:
        sel_t = truth if d == "TOTAL" else truth[truth["doc_id"] == d]
        sel_m = m if d == "TOTAL" else m[m["doc_id"] == d]
        uniq = sel_t[sel_t["duplicate_of"].isna()] if "duplicate_of" in sel_t else sel_t
        tp = int(sel_m["target_id"].notna().sum())
        fp_ids = set(sel_m.loc[sel_m["target_id"].isna(), "candidate_id"])
        fp_c = candidates[candidates["candidate_id"].isin(fp_ids) & ((candidates["doc_id"] == d) | (d == "TOTAL"))]
        fp_base = 0
        if bm is not None:
            bsel = bm if d == "TOTAL" else bm[bm["doc_id"] == d]
            fp_base = int(bsel[bsel["candidate_id"].isin(fp_ids) & bsel["target_id"].notna()].shape[0])
        fp_excl = 0
        if exclusions is not None and len(exclusions):
            for c in fp_c.itertuples(index=False):
                text = texts.get(c.doc_id)
                if text is None:
                    try:
                        from .sources import raw_text
                        text = raw_text(c.doc_id)
                    except Exception:
                        text = None
                for qtext in exclusions.loc[exclusions["doc_id"] == c.doc_id, "quote"]:
                    if _overlap((c.start, c.end) if text is not None else None, c.source_quote, _spans(text, qtext), qtext) > 0:
                        fp_excl += 1
                        break
        n_c = len(sel_m)
        n_t = len(sel_t)
        rows.append({
            "doc_id": d, "truth": n_t, "truth_unique": len(uniq), "candidates": n_c, "tp": tp,
            "recall": round(sel_t["target_id"].isin(matched).sum() / n_t, 4) if n_t else float("nan"),
            "recall_unique": round(uniq["target_id"].isin(matched).sum() / len(uniq), 4) if len(uniq) else float("nan"),
            "precision": round(tp / n_c, 4) if n_c else float("nan"),
            "fp": n_c - tp, "fp_baseline": fp_base, "fp_exclusion": fp_excl,
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# files and the command line


def read_document(path: str | os.PathLike, encoding: str | None = None) -> tuple[str, str]:
    """Read a plain-text document; return ``(text, encoding used)``.

    Without ``encoding``: UTF-8 (a BOM is stripped), then GB18030 (which covers GBK and GB2312).
    Raises :class:`DocumentError` naming the file for a missing path, a directory, an empty file,
    a binary file (NUL bytes) or bytes that the encoding cannot decode.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "plan.txt")
    >>> _ = open(p, "wb").write("达到15万件".encode("gb18030"))
    >>> read_document(p)
    ('达到15万件', 'gb18030')
    >>> read_document(p + ".missing")
    Traceback (most recent call last):
    ...
    ipanalysis.extract.DocumentError: ....missing: no such file
    """
    p = Path(path)
    if not p.exists():
        raise DocumentError(f"{p}: no such file")
    if p.is_dir():
        raise DocumentError(f"{p}: is a directory, not a text file")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise DocumentError(f"{p}: cannot read ({err.strerror or err})") from None
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise DocumentError(f"{p}: empty file")
    if b"\x00" in data:
        at = data.index(b"\x00")
        raise DocumentError(f"{p}: looks binary (NUL byte at offset {at}); expected a plain-text document")
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise DocumentError(f"{p}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as err:
            raise DocumentError(f"{p}: cannot decode as {encoding} (bad byte 0x{data[err.start]:02x} at offset {err.start})") from None
        return text.lstrip("\ufeff"), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as err:
            raise DocumentError(f"{p}: has a UTF-8 BOM but is not valid UTF-8 (bad byte at offset {err.start + 3})") from None
    errors = []
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError as err:
            errors.append(f"{enc}: bad byte 0x{data[err.start]:02x} at offset {err.start}")
    hint = ""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding not in ("utf_8", "gb18030"):
            hint = f"; charset-normalizer guesses {best.encoding} (try --encoding {best.encoding})"
    except Exception:  # pragma: no cover - detection is only a hint
        pass
    raise DocumentError(f"{p}: cannot decode as UTF-8 or GB18030 ({'; '.join(errors)}){hint}")


def _write_atomic(df: pd.DataFrame, path: Path) -> Path:
    """Write CSV to a temporary file beside ``path``; return the temporary path (caller renames)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            df.to_csv(fh, index=False, lineterminator="\n")
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return Path(tmp)


def _for_csv(df: pd.DataFrame) -> pd.DataFrame:
    out = df.drop(columns=["start", "end"])
    for col in ("value", "value_high"):
        out[col] = [("" if pd.isna(v) else (str(int(v)) if float(v).is_integer() else repr(float(v)))) for v in out[col]]
    return out


def cli_main(argv: list[str]) -> int:
    """``ipanalysis extract FILE [--doc-id ID] [--out CSV] [--baselines-out CSV] [--encoding ENC] [--target-year YYYY]``.

    Writes the candidate targets (UTF-8 CSV, to ``--out`` atomically, else to stdout) and prints a
    one-line summary; returns 0, or 1 with a message on stderr when the input cannot be read
    or an output cannot be written (an existing output file is then left as it was).

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> p = os.path.join(d, "plan.txt")
    >>> _ = open(p, "w", encoding="utf-8").write("到2025年,专利授权量达到500件。")
    >>> cli_main([p, "--out", os.path.join(d, "c.csv")])  # doctest: +ELLIPSIS
    1 candidate targets, 0 baseline candidates → .../c.csv
    0
    >>> cli_main([os.path.join(d, "nope.txt")])
    1
    """
    parser = argparse.ArgumentParser(
        prog="ipanalysis extract",
        description="Propose candidate target rows (targets.csv vocabulary) from a plain-text policy document.")
    parser.add_argument("file", help="the document as plain text (UTF-8, UTF-8 with BOM, GBK/GB18030)")
    parser.add_argument("--doc-id", help="doc_id for the rows (default: the file name without extension)")
    parser.add_argument("--out", help="CSV of candidate targets (default: standard output)")
    parser.add_argument("--baselines-out", help="CSV of historical values found (baseline candidates)")
    parser.add_argument("--encoding", help="text encoding of FILE (default: UTF-8, then GB18030)")
    parser.add_argument("--target-year", type=int, help="default target year when the text does not state one")
    parser.add_argument("--min-confidence", type=float, default=0.0, help="drop candidates below this confidence (0-1)")
    args = parser.parse_args(argv)
    prog = "ipanalysis extract"
    try:
        text, _ = read_document(args.file, args.encoding)
    except DocumentError as err:
        print(f"{prog}: error: {err}", file=sys.stderr)
        return 1
    doc_id = args.doc_id or Path(args.file).stem
    everything = analyse(text, doc_id, args.target_year)
    targets = _targets_of(everything, args.min_confidence)
    base = _baselines_of(everything, text)
    outputs = []
    for df, dest in ((targets, args.out), (base, args.baselines_out)):
        if dest:
            p = Path(dest)
            if p.is_dir():
                print(f"{prog}: error: {p}: is a directory", file=sys.stderr)
                return 1
            if not p.parent.is_dir():
                print(f"{prog}: error: {p.parent}: no such directory for the output", file=sys.stderr)
                return 1
            outputs.append((df, p))
    temps = []
    try:
        for df, p in outputs:
            temps.append((_write_atomic(_for_csv(df), p), p))
        for tmp, p in temps:
            os.replace(tmp, p)
    except (OSError, ValueError) as err:
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        print(f"{prog}: error: cannot write output: {err}", file=sys.stderr)
        return 1
    if not args.out:
        _for_csv(targets).to_csv(sys.stdout, index=False, lineterminator="\n")
    dest = args.out or "stdout"
    msg = f"{len(targets)} candidate targets, {len(base)} baseline candidates → {dest}"
    if args.baselines_out:
        msg += f" (baselines → {args.baselines_out})"
    print(msg, file=sys.stdout if args.out else sys.stderr)
    return 0
