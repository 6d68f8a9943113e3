"""The glossary's definitions, English and Chinese: what each code of the vocabulary means.

The words (the terms) are :mod:`~ipanalysis.present.vocabulary`'s; this module adds what each means, the
terms the vocabulary has no code for (the Open SDG and UNSD methods, the lower bounds 以上/不低于 and
突破/超过, ranges and qualitative targets), and the words for the indicator groups of
``data/indicators.csv`` (its ``category`` column: 创造、运用、保护、管理、服务、人才、资金投入).
``glossary.html`` renders :func:`glossary_sections`; every entry's ``code`` is its anchor.

>>> [s["id"] for s in glossary_sections()][:4], [s["id"] for s in glossary_sections()][-4:]
(['statuses', 'readings', 'measures', 'bases'], ['bounds', 'audit', 'baseline_kinds', 'groups'])
>>> e = entry("period_total", "zh"); e["term"], e["definition"][:12]
('规划期内累计', '自规划期起始年起从零计算')
>>> "≥ 0.95 substantial progress," in entry("opensdg")["definition"], "≥0.95为进展明显" in entry("opensdg", "zh")["definition"]
(True, True)
>>> group_label("utilization"), group_label("utilization", "zh")
('utilisation', '运用')
"""

from __future__ import annotations

from .vocabulary import _AUDIT_KINDS, _BASELINE_KINDS, _BASES, _MEASURES, _METHODS, _READINGS, _STATUS, LABELS, LANGS, label, require_lang

__all__ = ["DEFINITIONS", "TERMS", "GROUPS", "OPENSDG_URL", "UNSD_URL", "glossary_sections", "entry", "group_label",
           "glossary_codes"]

OPENSDG_URL = "https://open-sdg.readthedocs.io/en/latest/progress-methodology/"
UNSD_URL = "https://unstats.un.org/sdgs/report/2023/"

#: Terms the vocabulary has no code for: code → (English, Chinese).
TERMS: dict[str, tuple[str, str]] = {
    "opensdg": ("Open SDG progress measure", "Open SDG进展测度"),
    "unsd": ("UNSD SDG Progress Chart 2023", "联合国统计司2023年可持续发展目标进展图"),
    "at_least": ("at least (以上 / 不低于 / 至少)", "以上、不低于、至少"),
    "more_than": ("more than (突破 / 超过 / …余)", "突破、超过、…余"),
    "about": ("about (左右)", "左右"),
    "range": ("range (5—10个)", "区间（如5—10个）"),
    "qualitative": ("qualitative target", "定性目标"),
}

#: Indicator group (``data/indicators.csv`` ``category``) → (English, Chinese), in the order pages show them.
GROUPS: dict[str, tuple[str, str]] = {
    "creation": ("creation", "创造"), "utilization": ("utilisation", "运用"), "protection": ("protection", "保护"),
    "management": ("management", "管理"), "service": ("services", "服务"), "talent": ("talent", "人才"),
    "funding": ("funding", "资金投入"),
}

_S, _O, _U = "Open SDG", "序时进度", "UNSD"
#: Code → (English definition, Chinese definition); ``{status}`` in one stands for that status's words.
DEFINITIONS: dict[str, tuple[str, str]] = {
    # headline statuses
    "met": ("The target year is over and the figure for it reaches the target (以上/不低于 count the target value "
            "itself; 突破/超过 need a value above it).",
            "目标年已过，目标年实际值达到目标值（“以上”“不低于”含目标值本身，“突破”“超过”须高于目标值）。"),
    "missed": ("The target year is over and the figure for it falls short of the target.",
               "目标年已过，目标年实际值未达到目标值。"),
    "target_achieved": ("Before the target year, an observed value already reaches the target.",
                        "目标年之前，实际值已达到目标值，提前完成。"),
    "substantial_progress": ("Open SDG band: growth observed since the baseline is at least 95% of the growth the "
                             "target requires (ratio ≥ 0.95).",
                             "Open SDG分档：基期以来实际年均增速达到所需年均增速的95%及以上（比值≥0.95）。"),
    "moderate_progress": ("Open SDG band: ratio from 0.60 to 0.95; moving the right way, too slowly to arrive in time.",
                          "Open SDG分档：比值在0.60至0.95之间，方向正确，但按现有速度难以如期完成。"),
    "limited_progress": ("Open SDG band: ratio from 0 to 0.60.", "Open SDG分档：比值在0至0.60之间，进展缓慢。"),
    "deterioration": ("Open SDG band: ratio below 0, the indicator moved away from the target; also a baseline that "
                      "met the target and a later figure that no longer does.",
                      "Open SDG分档：比值小于0，指标朝偏离目标的方向变化；基期已达标而最新数据不再达标，也归入此类。"),
    "borderline": ("The readings fall in different bands depending on a convention (a part-year figure counted as its "
                   "calendar year or dated at its end date; annualised by days or by a seasonal share): both bands "
                   "are named.",
                   "按不同口径（部分年度数据按所属年度计或按截止日期计，按天数或按季节占比折算全年）得出的档次不同，"
                   "两个档次并列给出。"),
    "too_early": ("Less than a year between the baseline and the latest figure: Open SDG requires at least two years "
                  "of data, so there is no Open SDG or UNSD band; 序时进度 is still shown.",
                  "基期与最新数据相隔不足一年。Open SDG方法要求至少两个年度的数据，故不给出Open SDG和UNSD档次，"
                  "序时进度照常列示。"),
    "distance_only": ("A figure exists but no baseline: growth cannot be measured, only the level reached as a "
                      "share of the target.",
                      "有实际值而无基期值，无法计算增速，只列示已达水平占目标值的比例。"),
    "not_assessable": ("There is a figure or a stated rate, but it cannot show progress on this target (a growth "
                       "target with neither baseline nor comparable rate, a figure not after the baseline, a "
                       "qualitative target); the attainment page gives the reason.",
                       "有数据或公布的增速，但无法据以判断该目标的进展（增长率目标既无基期值又无可比增速、"
                       "数据时点不晚于基期、定性目标等），具体原因见目标完成情况页。"),
    "no_data": ("No cited figure of the document's own place for this indicator up to the cut-off date; what "
                "would settle it is listed on the data-wanted page.",
                "截至评估时点，未找到本地该指标有出处的公开数据；所需数据见“数据征集”页。"),
    # 序时进度
    "on_schedule": ("序时进度: the share of the distance covered is within ±5 percentage points of the share the "
                    "plan's path expects by that date.",
                    "序时进度：已完成比例与按规划路径此时应完成的比例相差不超过±5个百分点。"),
    "ahead_of_schedule": ("序时进度: more than 5 points ahead of the plan's path.",
                          "序时进度：已完成比例高出应完成比例5个百分点以上。"),
    "behind_schedule": ("序时进度: more than 5 points behind the plan's path.",
                        "序时进度：已完成比例低于应完成比例5个百分点以上。"),
    # UNSD
    "on_track": ("UNSD band: the value projected to the target year at the current pace covers at least 95% of the "
                 "required change.",
                 "UNSD分档：按当前速度推算至目标年，可完成所需变化量的95%及以上。"),
    "fair_progress": ("UNSD band: the projection covers 10% to 95% of the required change; progress must speed up.",
                      "UNSD分档：推算可完成所需变化量的10%至95%，需加快推进。"),
    "limited_or_stagnation": ("UNSD band: the projection covers less than 10% of the required change.",
                              "UNSD分档：推算完成不足所需变化量的10%，进展有限或基本停滞。"),
    "regression": ("UNSD band: the projection falls below the baseline.", "UNSD分档：推算值低于基期值，趋势倒退。"),
    # what a ratio is
    "cagr_from_base": ("The Open SDG ratio: compound annual growth observed since the baseline divided by the "
                       "compound annual growth the target requires.",
                       "Open SDG比值：基期以来实际年均增速除以实现目标所需的年均增速。"),
    "stated_rate": ("A published year-on-year growth rate divided by the plan's yearly rate (growth-rate targets).",
                    "公开发布的同比增速除以规划确定的年均增速，用于增长率类目标。"),
    "linear_pace": ("A total counted from zero at the plan's start: the amount reached per year against the amount "
                    "needed per year.",
                    "自规划期起始从零起算的累计目标：已完成量的年均进度与所需年均进度之比。"),
    "level_vs_target": ("The level reached divided by the target value (no baseline to measure growth from).",
                        "已达水平除以目标值（无基期值可算增速）。"),
    "target_year_value": ("The figure of the target year itself, set against the target.",
                          "以目标年实际值与目标值直接比较。"),
    "none": ("No ratio: no usable figure.", "无可用数据，未计算比值。"),
    # measures
    "stock": ("A count at a point in time, such as invention patents held at the end of a year (拥有量).",
              "某一时点的存量，如年末发明专利拥有量。"),
    "annual_flow": ("A quantity counted over one year, such as patents granted in the year (年授权量).",
                    "一年内发生的数量，如当年专利授权量。"),
    "cumulative": ("A total over several years (累计); its two bases are 规划期内累计 (from the plan's start) and "
                   "累计达到 (including what came before).",
                   "多年合计的数量，分“规划期内累计”（自规划期起算）和“累计达到”（含期初已有数量）两种口径。"),
    "level": ("The value a quantity reaches, neither a count held nor a growth rate, such as a yearly amount in yuan.",
              "指标达到的数值水平，既非存量也非增速，如某年的金额。"),
    "growth_rate": ("A rate of change, usually 年均增长 (average growth a year over the plan period).",
                    "变化速度，通常为规划期内的年均增长率。"),
    "share": ("A part of a whole, in percent.", "占比，以百分比表示。"),
    "intensity": ("A count per 10,000 residents (每万人口), such as high-value invention patents per 10,000 residents.",
                  "按每万常住人口计算的强度指标，如每万人口高价值发明专利拥有量。"),
    "score": ("A survey or evaluation score, such as public satisfaction with IP protection (分).",
              "调查或评价得分，如知识产权保护社会满意度（分）。"),
    "increment": ("A net addition over a period (新增).", "一段时期内的新增数量。"),
    "flow": ("A quantity counted over a stated period (of an observed figure).", "某一统计期间内发生的数量（观测数据）。"),
    "rate": ("A year-on-year growth rate as published (同比增长).", "公开发布的同比增速。"),
    "running_total": ("累计达到: a running total that includes what came before the plan; in effect a stock, judged "
                      "like one, and it needs the stock at the plan's start.",
                      "“累计达到”：含规划期前已有数量的累计总量，实际上是存量，按存量判断，需要规划期初的存量数。"),
    # bases
    "period_total": ("规划期内累计: counted from zero at the plan's start; only what the plan period adds counts.",
                     "自规划期起始年起从零计算，只计规划期内新增的数量。"),
    "ambiguous": ("The text does not say which of the two 累计 bases it means; the verdict says so.",
                  "原文未说明属于哪种累计口径，两种理解均说得通，评估时予以说明。"),
    "annual_average": ("A growth target stated as 年均: the compound average growth a year over the plan period.",
                       "增长目标按“年均”表述，即规划期内按复合增长计算的年平均增速。"),
    # methods
    "schedule": ("序时进度 (“时间过半、任务过半”): the share of the baseline→target distance covered, against the share "
                 "the plan's own path expects by that date (compound for growth targets, straight for totals "
                 "counted from zero); within ±5 percentage points is on schedule. The straight-line time share is "
                 "shown beside it.",
                 "即“时间过半、任务过半”：比较基期值到目标值之间已完成的比例与按规划路径此时应完成的比例"
                 "（增长类目标按复合增长路径，自零起算的累计目标按直线路径），相差在±5个百分点以内为符合序时进度；"
                 "按直线计算的时间进度一并列示。"),
    "opensdg": ("Open SDG / Statistics Canada: observed compound annual growth since the baseline ÷ the growth the "
                "target requires; ≥ 0.95 {substantial_progress}, 0.60–0.95 {moderate_progress}, 0–0.60 "
                "{limited_progress}, < 0 {deterioration} (Eurostat-inspired thresholds); at least two years of data "
                "are required. Open SDG, Progress Measurement Methodology, " + OPENSDG_URL,
                "Open SDG与加拿大统计局的进展测度：基期以来实际年均增速÷实现目标所需年均增速；≥0.95为{substantial_progress}，"
                "0.60—0.95为{moderate_progress}，0—0.60为{limited_progress}，<0为{deterioration}（阈值参照欧盟统计局）；"
                "至少需要两个年度的数据。出处：Open SDG, Progress Measurement Methodology, " + OPENSDG_URL),
    "unsd": ("UN Statistics Division, SDG Progress Chart 2023: the value projected to the target year at the current "
             "pace, as a share of the required change; ≥ 0.95 {on_track}, 0.10–0.95 {fair_progress}, < 0.10 "
             "{limited_or_stagnation}, < 0 {regression}. The Sustainable Development Goals Report 2023: Special "
             "Edition — Progress Chart 2023, Technical Note, " + UNSD_URL,
             "联合国统计司2023年进展图方法：按当前速度推算至目标年的值占所需变化量的比例；≥0.95为{on_track}，"
             "0.10—0.95为{fair_progress}，<0.10为{limited_or_stagnation}，<0为{regression}。出处：The Sustainable "
             "Development Goals Report 2023: Special Edition — Progress Chart 2023, Technical Note, " + UNSD_URL),
    "cagr": ("Compound annual growth rate: (end ÷ start)^(1/years) − 1.", "年均增长率（复合）：（期末值÷期初值）^(1/年数)−1。"),
    "compound": ("The plan's path drawn at one constant growth rate a year from the baseline to the target.",
                 "从基期值到目标值按不变的年均增长率逐年推算的路径。"),
    "linear": ("The plan's path drawn in equal steps a year.", "按每年等量增加推算的路径。"),
    # conventions
    "even_year": ("A part-year flow made a whole year by its days (the year spread evenly).",
                  "部分年度的流量按天数折算为全年（全年均匀分布）。"),
    "seasonal": ("A part-year flow made a whole year by the share of the year such months usually hold (a cited "
                 "seasonal share).",
                 "部分年度的流量按同期在全年中通常所占比例（有出处的季节占比）折算为全年。"),
    "calendar_year": ("A part-year figure stands for its calendar year: whole years elapsed since a whole-year "
                      "baseline.",
                      "部分年度数据按所属年度计，自整年基期起的已过年数按整年计算。"),
    "exact_date": ("A figure dated at its period's end: years elapsed to the day; a second reading beside the "
                   "calendar year.",
                   "数据按统计截止日期计，已过年数精确到日，作为按所属年度计之外的另一口径。"),
    # commitments
    "firm": ("A target stated plainly (达到…), without 力争.", "直接表述（如“达到……”）、未加“力争”的目标。"),
    "strive": ("力争: a stretch target the plan will strive for; judged like the others and marked as such.",
               "“力争”目标，属争取实现的较高目标；评估方法相同，单独标注。"),
    "binding": ("约束性: a binding indicator the government commits itself to meet.", "约束性指标：政府承诺必须完成的指标。"),
    "expected": ("预期性: an expected, guiding indicator, reached mainly through the actions of firms and the market.",
                 "预期性指标：具有引导性、主要依靠市场主体行为实现的期望目标。"),
    # bounds
    "at_least": ("以上, 不低于, 至少: the target value itself counts as met (≥).", "目标值本身即算达标（≥）。"),
    "more_than": ("突破, 超过, …余: only a value above the target counts as met (>).", "须高于目标值方算达标（>）。"),
    "about": ("左右: an approximate target; the value as stated counts as met.", "约数目标，达到所述数值即算达标。"),
    "range": ("A range such as 5—10个: both ends are shown; reaching the lower end counts as met.",
              "区间目标，如5—10个：两端均列示，达到下限即算达标。"),
    "qualitative": ("No figure is stated (such as 高于自治区平均水平): no figure of one place settles it.",
                    "未给出具体数值（如“高于自治区平均水平”），仅凭一地数据无法判断。"),
}

_GROUP_DEFS = {
    "creation": ("Patents, trademarks and other IP created: applications, grants, holdings.",
                 "知识产权创造：专利、商标等的申请量、授权量和拥有量。"),
    "utilization": ("IP put to use: pledge financing, licensing and transfer, insurance, IP-intensive firms.",
                    "知识产权运用：质押融资、许可转让、保险及知识产权密集型企业等。"),
    "protection": ("Enforcement and protection: cases handled, protection centres, satisfaction.",
                   "知识产权保护：执法办案、保护中心、社会满意度等。"),
    "management": ("IP management in firms and bodies: standards (GB/T 29490), pilot and advantage enterprises.",
                   "知识产权管理：企业贯标（GB/T 29490）、试点示范和优势企业等。"),
    "service": ("IP services: agencies, service bodies, platforms.", "知识产权服务：代理机构、服务机构和平台等。"),
    "talent": ("IP people: professionals trained, examiners, staff.", "知识产权人才：专业人才培养、执法和管理人员等。"),
    "funding": ("Money put into IP work: budgets and funds.", "资金投入：知识产权工作经费和专项资金等。"),
}

#: The audit's statuses and kinds of check, and where a baseline comes from: (English, Chinese) definitions.
_AUDIT_DEFS = {
    "consistent": ("The figures the check compares agree (within its stated tolerance).",
                   "核查所比对的数据相互吻合（在该项核查的容差之内）。"),
    "needs_review": ("The figures do not agree as the check expects; it may have a reason the text does not "
                     "state, so a reader should look at the quotes before calling it an error.",
                     "数据与核查预期不符，可能另有文件未说明的原因，需对照原文核实后再下结论。"),
    "inconsistent": ("The figures contradict each other: they cannot all be true as stated.",
                     "数据相互矛盾，按原文表述不可能同时成立。"),
    "stated_growth_rate": ("A stated average growth rate (年均增长) set against the baseline and target levels it "
                           "should join.", "将文件所述年均增长率与其应连接的基期值、目标值相互验算。"),
    "table_increase": ("An indicator table's increase column (增幅) recomputed from its two levels.",
                       "按指标表中的基期值和目标值重算表内“增幅”一栏。"),
    "table_vs_text": ("A figure in the indicator table set against the same figure in the body text.",
                      "将指标表中的数值与正文中同一指标的表述相互对照。"),
    "repeated_statement": ("One target stated twice in a document, with the same or a different figure.",
                           "同一目标在文件中出现两次，核对两处数值是否一致。"),
    "related_figures": ("Figures of related indicators (a part and its whole, a stock and its yearly flow) set "
                        "against each other.", "对相关指标（部分与总体、存量与年度流量）的数据相互验算。"),
    "implied_growth_vs_history": ("The growth a target requires set against the growth the document reports "
                                  "for the past period.", "将目标隐含的所需增速与文件所述上一规划期的实际增速相比较。"),
    "magnitude": ("A figure checked for its order of magnitude against related figures (a misplaced 万 or 亿).",
                  "检查数值的数量级是否与相关数据相称（如“万”“亿”误置）。"),
    "arithmetic": ("A sum or difference the document states, recomputed from its parts.",
                   "按各组成部分重算文件所述的合计或差额。"),
    "stated": ("The baseline is the figure the document itself gives for its base year.",
               "基期值取自文件本身给出的基期年份数据。"),
    "observed": ("The baseline (or an observation) is a cited public figure, with its source, period and "
                 "verbatim sentence in the data.", "基期值（或观测值）取自有出处的公开数据，数据中载明来源、所属期间和原文。"),
}
DEFINITIONS.update(_AUDIT_DEFS)

#: Sections of the glossary: (id, English heading, Chinese heading, codes).
_SECTIONS = (
    ("statuses", "Statuses", "评估结论", [*_STATUS]),
    ("readings", "What a ratio is", "比值口径", [*_READINGS]),
    ("measures", "Measure kinds", "指标类型", [c for c in _MEASURES if c != "running_total"]),
    ("bases", "Bases of 累计 and growth targets", "累计与增长口径", [*_BASES]),
    ("methods", "Methods", "评估方法", ["schedule", "opensdg", "unsd", "cagr", "compound", "linear"]),
    ("conventions", "Dating and annualising a figure", "数据年化与计时口径",
     ["even_year", "seasonal", "calendar_year", "exact_date"]),
    ("commitments", "力争, 约束性 and 预期性", "力争、约束性与预期性", ["firm", "strive", "binding", "expected"]),
    ("bounds", "Lower bounds and other comparators", "下限与比较方式",
     ["at_least", "more_than", "about", "range", "qualitative"]),
    ("audit", "Kinds of consistency check", "一致性核查的类型", [*_AUDIT_KINDS]),
    ("baseline_kinds", "Where a baseline comes from", "基期值来源", [*_BASELINE_KINDS]),
    ("groups", "Indicator groups", "指标类别", [*GROUPS]),
)


def _check(lang: str) -> int:
    return LANGS.index(require_lang(lang))


def group_label(group: str, lang: str = "en") -> str:
    """An indicator group's word; an unknown group is shown as it is.

    >>> group_label("talent", "zh"), group_label("other")
    ('人才', 'other')
    """
    i = _check(lang)
    return GROUPS[group][i] if group in GROUPS else str(group)


def entry(code: str, lang: str = "en") -> dict[str, str]:
    """One glossary entry: ``code`` (the anchor), ``term`` in ``lang``, ``other`` (the term in the other
    language), ``definition``.

    >>> entry("no_data")["term"], entry("no_data")["other"]
    ('no data', '数据暂缺')
    """
    i = _check(lang)
    if code in GROUPS:
        words, text = GROUPS[code], _GROUP_DEFS[code]
    else:
        words = TERMS[code] if code in TERMS else (label(code, "en"), label(code, "zh"))
        text = tuple(t.format(**{c: label(c, lg) for c in _STATUS}) if "{" in t else t
                     for t, lg in zip(DEFINITIONS[code], LANGS))
    return {"code": code, "term": words[i], "other": words[1 - i], "definition": text[i]}


def glossary_sections(lang: str = "en") -> list[dict]:
    """The glossary in ``lang``: sections (``id``, ``heading``, ``entries``) in reading order."""
    i = _check(lang)
    return [{"id": sid, "heading": (en, zh)[i], "entries": [entry(c, lang) for c in codes]}
            for sid, en, zh, codes in _SECTIONS]


def glossary_codes() -> list[str]:
    """Every anchor of the glossary: every code of the vocabulary and the glossary's own terms.

    >>> set(glossary_codes()) >= set(LABELS)
    True
    """
    return [c for _, _, _, codes in _SECTIONS for c in codes]
