"""First pass over a new plan: propose candidate target rows (and historical values) from its text.

A researcher adding a document runs ``ipanalysis extract data/raw/<doc_id>.txt`` and reviews the
proposals in a spreadsheet before appending them to ``data/targets.csv`` (see
``docs/ADDING_A_DOCUMENT.md``).  The rules are general, not tuned to any one document:

* **Where numbers are.**  The text is normalised (full-width digits → ASCII, traditional characters →
  simplified, by :func:`ipanalysis.text.normalize`; length-preserving, so every offset indexes the
  original text and quotes stay verbatim), cut into paragraphs (lines),
  sentences (``。；;!?``) and comma clauses.  Every number with a counting unit (件 家 个 项 人 名
  人次 场 分 次 期 所 %, 万/亿 multipliers, 亿元 → yuan, ``/万人``) is a *quantity*; a bare number is
  not, except in a flattened indicator table, where a value cell takes the row's unit cell.
* **What is not a target.**  Ordinals (第3次, 前4项, ``1.``), counts of tasks (9项任务), numbers in
  《titles》 or “names”, instrumental phrases (以1个…带动), qualifying thresholds (授权3件以上专利的
  企业数量达50家), subsidy and reward amounts (给予50万元奖励, 每件2000元), meeting frequencies,
  table 增幅 columns, counts of stages and slogans (3个阶段, 六个最), a difference beside the level it restates
  (达到15%,比上年提高3个百分点).  Years, dates and document numbers never carry a unit.
* **What is history.**  Sections headed 发展成就/基础/现状/成效/背景, paragraphs opening with a past
  period (“十三五”时期 when the plan is a 十四五 plan), sentences dated before the plan starts
  (截至2020年底, 2020年…), values stated as of a date not after the document (截至2021年底 in a
  2022 report of a 2021—2025 plan), 从…增加到…, 比2019年增长, 目前/已/共有 with no future cue between
  it and the number, values reported as reached against a target (提前/超额完成…目标; the target named,
  达到5万件的目标, stays a target); in a *report* (a title with 进展/情况/总结 rather than 规划/方案/计划, or a
  dated text with no plan title and no future cue, or an undated one in a reporter's words: 获悉/据悉/累计/截至)
  everything without a future cue (计划 as a programme noun, 到/至 a passed year and a report's bare YYYY年 are no
  future cue).  截至 without a year (截至今年6月), 今年以来/上半年/1-10月, an undated text's 截至YYYY年 values, 由A提高至B
  and the 'from' side of 从A增加到B are history too.  These become baseline candidates (:func:`extract_baselines`), never
  targets.  An 'as of' date never sets a target year; a 到YYYY年 dates the rest of its paragraph.
* **What the target says.**  Comparator from the bound words (以上/及以上/不低于/至少 → ``>=``,
  突破/超/余 → ``>``, 左右/约 → ``≈``, 以内/不超过/控制在/压缩至 → ``<=``, A—B → ``range``, else
  ``=``; A家至B家 is one range too); measure from cues (年均增长/增长 + % → growth_rate, 累计 → cumulative, 每年 or /年 →
  annual_flow, 申请量/授权量/注册量 to a target year → annual_flow, 申请/登记量/登记额/交易额 with a series
  of milestones (2025年达到A,2028年达到B) → annual_flow, 每万人 → intensity, 分 → score,
  % → share, else the catalogue's measure); target year from the sentence (到2025年), the section
  heading (2023年1月—2023年12月), a plan stage earlier in the paragraph (巩固阶段(2024年)), a table
  header (2025年预测值) or the plan's horizon (the title's (2022—2025年), “十四五”, the 《plan》 a news
  report is about (《…》(以下简称…), 《…》日前印发), a one-year plan's year, or 经过2年的努力 after the plan date;
  第十二个五年计划 is “十二五”; a “十X五”规划's target quoted in a report takes the period's last year; 今年/全年 the
  dated text's year, 明年 the next, 力争三年内 its year + 3; 2031年、2032年分别达到A、B pairs in order); a target with no horizon cue in its sentence or paragraph has a lower confidence;
  commitment ``strive`` when 力争/争取 precedes the number in the same sentence (a ； does not end
  it, a 。 does).
* **Which indicator.**  The noun phrase before the number (or after it when a verb precedes:
  培育1家…机构), matched to ``data/indicators.csv`` by character-bigram similarity of ``name_zh``.

>>> df = extract("到2025年,全市有效注册商标达到15万件,力争专利代理师超1万人。")
>>> df[["indicator_zh", "value", "unit", "comparator", "target_year", "commitment"]].values.tolist()
[['有效注册商标', 150000.0, '件', '=', 2025, 'firm'], ['专利代理师', 10000.0, '人', '>', 2025, 'strive']]
>>> df.loc[0, "indicator"]
'valid_trademarks'


The package, one job per module (imports point down the list):

* :mod:`.lexicon` word lists · :mod:`.catalogue` matching to ``data/indicators.csv`` ·
  :mod:`.document` title, horizon, sections · :mod:`.candidate` the records passed along ·
  :mod:`.quantities` numbers, units, comparators · :mod:`.classify` rejection rules, history, measure ·
  :mod:`.names` indicator names · :mod:`.table` indicator tables (via :mod:`ipanalysis.data.tables`) ·
  :mod:`.sentence` running text · :mod:`.history` stated historical values · :mod:`.pipeline` the frames ·
  :mod:`.evaluate` scoring · :mod:`.source_file` reading the input · :mod:`.candidates_csv` writing CSVs ·
  :mod:`.cli` the command.
"""

from __future__ import annotations

from .history import BASELINE_COLUMNS
from .classify import REJECTIONS, Rule
from .cli import cli_main
from .evaluate import load_fixture, match, score
from .source_file import DocumentError, read_document
from .pipeline import CANDIDATE_COLUMNS, analyse, extract, extract_baselines, rejected

__all__ = [
    "CANDIDATE_COLUMNS",
    "BASELINE_COLUMNS",
    "REJECTIONS",
    "Rule",
    "DocumentError",
    "extract",
    "extract_baselines",
    "analyse",
    "rejected",
    "match",
    "load_fixture",
    "score",
    "read_document",
    "cli_main",
]
