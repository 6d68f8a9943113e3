"""The words of the pages, English and Chinese: the one place that turns codes into labels.

Analysis frames hold codes (``substantial_progress``, ``behind_schedule``, ``annual_flow``,
``period_total``, ``cagr_from_base``); tables, charts and prose take their words from here, so a page
never mixes a code with a label and a Chinese page reads as a Chinese policy researcher writes
(序时进度、进度滞后、年均增长、累计 …), not as a translation.

>>> label("moderate_progress"), label("moderate_progress", "zh")
('moderate progress', '进展一般')
>>> label("behind_schedule", "zh"), label("annual_flow", "zh"), label("period_total", "zh")
('进度滞后', '年度流量', '规划期内累计')
>>> status_label("borderline", "moderate_progress", "substantial_progress")
'borderline: moderate–substantial progress'
>>> status_label("borderline", "moderate_progress", "substantial_progress", "zh")
'临界：进展一般至进展明显'
>>> bilingual_label("no_data"), bilingual_label("no_data", lang="zh")
('no data 数据暂缺', '数据暂缺 no data')
>>> count(1, "target"), count(2, "target"), count(2, "target", "zh")
('1 target', '2 targets', '2项目标')
"""

from __future__ import annotations

from ..errors import ParameterError
from ..parameters import LANGS, check_lang

__all__ = ["label", "status_label", "bilingual_label", "header", "page_header", "pair", "count", "LABELS", "HEADERS",
           "NOUNS", "LANGS"]

#: Verdict codes of :func:`ipanalysis.attainment` (headline ``status`` and the three readings).
_STATUS = {
    "met": ("met in the target year", "目标年已达标"),
    "missed": ("missed in the target year", "目标年未达标"),
    "target_achieved": ("target achieved", "目标已实现"),
    "substantial_progress": ("substantial progress", "进展明显"),
    "moderate_progress": ("moderate progress", "进展一般"),
    "limited_progress": ("limited progress", "进展有限"),
    "deterioration": ("deterioration", "出现倒退"),
    "borderline": ("borderline", "临界"),
    "too_early": ("too early to judge", "为时尚早"),
    "distance_only": ("distance to target only", "仅计算距目标差距"),
    "not_assessable": ("not assessable", "无法评估"),
    "no_data": ("no data", "数据暂缺"),
    # 序时进度
    "on_schedule": ("on schedule", "基本符合序时进度"),
    "ahead_of_schedule": ("ahead of schedule", "超序时进度"),
    "behind_schedule": ("behind schedule", "进度滞后"),
    # the audit's statuses
    "consistent": ("consistent", "一致"), "inconsistent": ("inconsistent", "不一致"),
    "needs_review": ("needs review", "待核实"),
    # UNSD SDG Progress Chart 2023
    "on_track": ("on track", "有望按期实现"),
    "fair_progress": ("fair progress, acceleration needed", "有一定进展，需加快"),
    "limited_or_stagnation": ("limited progress or stagnation", "进展有限或停滞"),
    "regression": ("regression", "趋势倒退"),
}

#: What a ratio was computed from (``reading`` column of attainment).
_READINGS = {
    "cagr_from_base": ("Open SDG ratio: CAGR since the baseline ÷ CAGR required", "年均增速比（基期以来÷所需）"),
    "stated_rate": ("stated yearly rate ÷ the plan's rate", "公布同比增速÷目标年均增速"),
    "linear_pace": ("linear pace ratio (a total from zero)", "累计进度比（自零起算）"),
    "level_vs_target": ("level ÷ target", "已达水平÷目标值"),
    "target_year_value": ("target-year value", "目标年实际值"),
    "none": ("no ratio", "未计算"),
}

#: Measures, bases and commitments of the targets table.
_MEASURES = {
    "stock": ("stock", "存量"), "annual_flow": ("annual flow", "年度流量"), "cumulative": ("cumulative (累计)", "累计"),
    "level": ("level", "水平值"), "growth_rate": ("growth rate", "增长率"), "share": ("share", "占比"),
    "intensity": ("intensity (per 10,000 residents)", "强度（每万人口）"), "score": ("score", "得分"),
    "increment": ("increment", "新增量"), "flow": ("flow over a period", "期间流量"), "rate": ("rate", "增速"),
    "running_total": ("running total", "累计总量"),
}
_BASES = {
    "period_total": ("total over the plan period", "规划期内累计"),
    "running_total": ("running total (a stock including what came before)", "累计达到（含期初存量）"),
    "ambiguous": ("ambiguous basis", "口径不明"), "annual_average": ("annual average", "年均"),
}
_METHODS = {
    "schedule": ("time-elapsed schedule (序时进度)", "序时进度"),
    "cagr": ("compound annual growth", "年均增长"),
    "compound": ("compound path", "按年均增长率推算"), "linear": ("straight-line path", "按直线推算"),
    "binding": ("binding (约束性)", "约束性"), "expected": ("expected (预期性)", "预期性"),
    "strive": ("strive for (力争)", "力争"), "firm": ("firm", "确定"),
    "even_year": ("even year (by days)", "按天数均摊"), "seasonal": ("seasonal share", "按季节占比"),
    "calendar_year": ("counted as its calendar year", "按所属年度计"),
    "exact_date": ("dated at its end date", "按截止日期计"),
}

#: Kinds of audit finding (``kind`` column of :func:`ipanalysis.audit`).
_AUDIT_KINDS = {
    "stated_growth_rate": ("stated growth rate", "文件所述增速"), "table_increase": ("table increase (增幅)", "指标表增幅"),
    "table_vs_text": ("table against text", "表文对照"), "repeated_statement": ("target stated twice", "重复表述"),
    "related_figures": ("related figures", "关联数据"),
    "implied_growth_vs_history": ("implied growth against history", "隐含增速与历史增速对比"),
    "magnitude": ("order of magnitude", "数量级"), "arithmetic": ("arithmetic", "算术关系"),
}

#: Where a baseline comes from (``baseline_kind`` of :func:`ipanalysis.trajectories`).
_BASELINE_KINDS = {"stated": ("stated by the document", "文件所述"), "observed": ("cited observation", "观测数据")}

#: Every code → (English, Chinese).
LABELS: dict[str, tuple[str, str]] = {**_STATUS, **_READINGS, **_MEASURES, **_BASES, **_METHODS, **_AUDIT_KINDS, **_BASELINE_KINDS}

#: Table column → (English, Chinese) header; :mod:`~ipanalysis.present.display` shows them as "English 中文".
HEADERS: dict[str, tuple[str, str]] = {
    "target_id": ("Target", "目标"), "indicator": ("Indicator", "指标"), "indicator_zh": ("Indicator", "指标"),
    "measure": ("Measure", "类型"), "basis": ("Basis", "口径"), "comparator": ("Comparator", "比较"),
    "place_en": ("Place", "地区"), "target_value": ("Target", "目标值"), "value": ("Target", "目标值"),
    "target_year": ("Year", "年份"), "target_level": ("Level implied", "对应水平"),
    "baseline_value": ("Baseline", "基期值"), "baseline_date": ("Baseline date", "基期"),
    "baseline_kind": ("Baseline from", "基期来源"), "baseline_source": ("Source URL", "来源"),
    "required_cagr": ("Required CAGR", "所需年均增速"), "required_linear_increase": ("Linear increase a year", "年均增量"),
    "implied_annual_average": ("A year on average", "年均"), "reason": ("Why", "原因"),
    "obs_value": ("Observed", "观测值"), "obs_period_start": ("From", "起"), "obs_period_end": ("To", "止"),
    "annualised_value": ("Annualised", "年化"), "obs_source": ("Source", "来源"), "obs_url": ("URL", "网址"),
    "status": ("Status", "状态"), "flags": ("Caveats", "说明"), "comment": ("Why", "原因"),
    "progress_ratio": ("Progress", "进度"), "elapsed_share": ("Time elapsed (straight line)", "时间进度（直线）"),
    "expected_share": ("Expected on the plan path", "按规划路径应完成"),
    "schedule_status": ("Schedule", "序时进度"), "actual_cagr": ("Observed growth", "实际年均增速"),
    "cagr_ratio": ("Ratio", "比值"), "reading": ("Ratio of", "比值口径"), "opensdg_status": ("Band (Open SDG thresholds)", "等级（Open SDG阈值）"),
    "projected_ratio": ("Projected", "预测完成度"), "unsd_status": ("UNSD 2023", "UNSD 2023"),
    "years_elapsed": ("Years elapsed", "已过年数"), "working": ("Working", "计算过程"),
    "working_zh": ("Working, in Chinese", "计算过程（中文）"),
    "population": ("Residents", "常住人口"), "population_year": ("Year", "年份"),
    "per_10k": ("Per 10,000 residents", "每万人"),
    # other tables of the pages (matrices, quotes, audit)
    "doc_id": ("Document", "文件"), "place": ("Place", "地区"), "unit": ("Unit", "单位"), "name_en": ("Indicator", "指标"),
    "date": ("Date", "日期"), "year": ("Year", "年份"), "note": ("Note", "说明"),
    "task_no": ("Task", "任务序号"), "task_en": ("National task", "国家任务"), "keyword": ("Keyword", "关键词"),
    "evidence": ("Evidence (the committing sentence)", "依据原文"), "section": ("Section", "所在章节"),
    "not_counted": ("Sentences not counted", "未计入的语句"),
    "score": ("Share of the nine national tasks addressed", "国家九项任务覆盖率"),
    "check_id": ("Check", "核查项"), "kind": ("Kind of check", "核查类型"), "stated": ("Stated", "文件所述"),
    "stated_quote": ("Quote", "原文"), "recomputed": ("Recomputed", "复核结果"), "other_quote": ("Other quote", "对照原文"),
    "explanation": ("Explanation", "说明"), "applied": ("Kinds of check applied", "适用核查类型数"),
    "checks": ("Kinds of check", "核查类型总数"), "findings": ("Checks run", "已执行核查"),
    "to_review": ("To review", "待核实"), "not_applicable": ("Why the others could not apply", "其余核查不适用的原因"),
    "consistent": ("Consistent", "一致"), "inconsistent": ("Inconsistent", "不一致"), "needs_review": ("Needs review", "待核实"),
}

#: Counted things → (English singular, English plural, Chinese measure word + noun).
NOUNS: dict[str, tuple[str, str, str]] = {
    "target": ("target", "targets", "项目标"), "indicator": ("indicator", "indicators", "个指标"),
    "document": ("document", "documents", "份文件"), "check": ("check", "checks", "项核查"),
    "task": ("national task", "national tasks", "项国家任务"), "measure": ("measure", "measures", "种口径"),
}


def pair(en: str, zh: str, lang: str = "en") -> str:
    """Both languages, the page's first: "English 中文" on an English page, "中文 English" on a Chinese one.

    >>> pair("Target", "目标"), pair("Target", "目标", "zh"), pair("UNSD 2023", "UNSD 2023", "zh")
    ('Target 目标', '目标 Target', 'UNSD 2023')
    >>> pair("cumulative (累计)", "累计", "zh")
    '累计 cumulative'
    
    """
    check_lang(lang)
    en = en.replace(f" ({zh})", "")   # "cumulative (累计)" beside 累计 says it once
    if en == zh:
        return en
    return f"{zh} {en}" if lang == "zh" else f"{en} {zh}"


def count(n: int, noun: str, lang: str = "en") -> str:
    """A number of things, with the plural right ("1 target", "2 targets") or the Chinese measure word (2项目标).

    >>> count(1, "check"), count(0, "indicator"), count(3, "document", "zh")
    ('1 check', '0 indicators', '3份文件')
    """
    one, many, zh = NOUNS[noun]
    if check_lang(lang) == "zh":
        return f"{n}{zh}"
    return f"{n} {one if n == 1 else many}"


def label(code, lang: str = "en") -> str:
    """The word for a code, in ``lang`` (``en`` or ``zh``); a missing value → "—".

    >>> label("too_early"), label("too_early", "zh"), label(None)
    ('too early to judge', '为时尚早', '—')
    >>> label("on track")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ParameterError: no label for code 'on track'; codes look like: met, missed, target_achieved, substantial_progress …
    """
    check_lang(lang)
    # missing (None, pd.NA, NaN) without importing pandas: the landing page's up-to-date path uses this
    if code is None or type(code).__name__ == "NAType" or (isinstance(code, float) and code != code) or code == "":
        return "—"
    if code not in LABELS:
        raise ParameterError(f"no label for code {code!r}; codes look like: {', '.join(list(LABELS)[:4])} …")
    return LABELS[code][LANGS.index(lang)]


def status_label(code, low=None, high=None, lang: str = "en") -> str:
    """A verdict's words; a ``borderline`` verdict names both bands it lies between.

    >>> status_label("limited_progress"), status_label("borderline", "limited_progress", "moderate_progress")
    ('limited progress', 'borderline: limited–moderate progress')
    """
    if code != "borderline" or not isinstance(low, str) or not isinstance(high, str):
        return label(code, lang)
    a, b = label(low, lang), label(high, lang)
    if lang == "zh":
        return f"临界：{a}至{b}"
    ea, eb = a.rsplit(" ", 1), b.rsplit(" ", 1)
    if len(ea) == len(eb) == 2 and ea[1] == eb[1]:  # "moderate progress", "substantial progress"
        return f"borderline: {ea[0]}–{eb[0]} {ea[1]}"
    return f"borderline: {a} – {b}"


def bilingual_label(code, low=None, high=None, lang: str = "en") -> str:
    """A table cell in both languages, the page's first: "English 中文" (``lang="zh"``: "中文 English").

    >>> bilingual_label("behind_schedule"), bilingual_label("behind_schedule", lang="zh")
    ('behind schedule 进度滞后', '进度滞后 behind schedule')
    """
    return pair(status_label(code, low, high, "en"), status_label(code, low, high, "zh"), lang)


def header(column: str, lang: str | None = None) -> str:
    """A table column's header: "English 中文" by default, or one language.

    >>> header("schedule_status"), header("baseline_value", "zh")
    ('Schedule 序时进度', '基期值')
    """
    en, zh = HEADERS[column]
    if lang is None:
        return pair(en, zh)
    return (en, zh)[LANGS.index(check_lang(lang))]


def page_header(column: str, lang: str = "en") -> str:
    """A table column's header on a page in ``lang``: its language first, the other beside it.

    >>> page_header("baseline_value"), page_header("baseline_value", "zh")
    ('Baseline 基期值', '基期值 Baseline')
    """
    en, zh = HEADERS[column]
    return pair(en, zh, lang)


# ---- chart words: titles, axes, legends and notes of ipanalysis.present.charts ------------------------------
# Kept apart from LABELS (codes of the data, each with a glossary entry): these are the charts' own phrases.
# ``{name}`` fields are filled by the chart.

#: Chart phrase key → (English, Chinese).
CHART_WORDS: dict[str, tuple[str, str]] = {
    "source": ("Source", "来源"),
    "year": ("Year", "年份"),
    "checks": ("Checks", "核查项数"),
    "status": ("Status", "状态"),
    "local_document": ("Local document", "地方文件"),
    "yes": ("yes", "是"), "no": ("no", "否"),
    "ambition_title": ("Targets for the same indicator, side by side", "同一指标的目标值对比"),
    "ambition_note": ("Only cells with the same indicator, measure and unit are compared.",
                      "仅对比指标、类型和单位均相同的目标。"),
    "by_year": ("by {year}", "{year}年"),
    "coverage_title": ("National 2015 tasks addressed by each local plan", "2015年示范城市任务覆盖"),
    "coverage_note": ("'yes' = a sentence of the local plan contains a keyword of the task (see evidence table).",
                      "“是”：地方文件中有句子包含该任务的关键词（见证据表）。"),
    "history": ("history (document)", "历史值（文件）"),
    "plan_path": ("plan path", "规划路径"),
    "past_growth": ("past growth continued", "按以往增速延续"),
    "observed": ("observed", "观测值"),
    "target_note": ("Target {tid}: {name}", "目标 {tid}：{name}"),
    "growth_title": ("Growth each target requires", "目标隐含的年均增长率"),
    "growth_axis": ("Required compound annual growth, % a year", "所需年均增长率（%）"),
    "stated_rate": ("stated rate", "文件所定增速"),
    "history_growth": ("2015→2020 history", "2015—2020年实际增速"),
    "growth_note": ("Baseline → target, compound; levels only (shares, scores and period totals are not projected).",
                    "由基期值到目标值按复合增长推算；仅含水平值（占比、得分和规划期内累计不推算）。"),
    "attainment_title": ("Are targets on schedule?", "目标是否达到序时进度"),
    "latest_used": ("latest observation used {date}", "所用最新观测 {date}"),
    "attainment_axis": ("Progress from baseline to target, %; black tick: where the plan's path is by then (序时进度); "
                        "dotted: straight-line time share",
                        "由基期值到目标值的进度（%）；黑线：按规划路径此时应达到的位置（序时进度）；虚线：按直线计的时间进度"),
    "of_target": ("{share} of target", "达到目标值的{share}"),
    "hatched_note": ("Hatched: no baseline, level as % of target.", "斜线：无基期值，仅示已达水平占目标值的比例。"),
    "no_observation_note": ("{n} other targets: no observation.", "另有{n}项目标无观测值。"),
    "invented_note": ("Observations: INVENTED, for demonstration only.", "观测值为虚构，仅作方法演示。"),
    "cited_note": ("Observations: {n} cited figures, data/observations.csv (sources in the table).",
                   "观测值：{n}个有出处的数据（来源见表）。"),
    "audit_title": ("Internal-consistency checks per document", "文件内部一致性核查"),
    "timeline_title": ("What the plan promises and what is known: {n} targets of {place}",
                       "{place}规划目标与已知数据：{n}项目标"),
    "timeline_axis": ("Year: baseline (○) → target year (◆)", "年份：基期（○）→ 目标年（◆）"),
    "timeline_note": ("Colour: the status of each target in the cited observations; "
                      "no data = no cited figure of the place after the plan's start.",
                      "颜色为各目标依据有出处观测值的评估状态；数据暂缺 = 规划开始后未找到该地的公开数据。"),
    "no_baseline": ("no baseline", "无基期值"),
    "baseline": ("baseline", "基期值"),
    "target": ("target", "目标值"),
    "strive_legend": ("strive-for target", "“力争”目标"),
}


def require_lang(lang: str) -> str:
    """``lang`` if it is a page language, else a :class:`~ipanalysis.errors.ParameterError` naming the valid
    ones: the one check of the charts, the glossary and the site pages.

    >>> require_lang("zh")
    'zh'
    >>> require_lang("jp")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ParameterError: lang must be one of en, zh, got 'jp'
    """
    if lang not in LANGS:
        raise ParameterError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return lang


def chart_word(key: str, lang: str = "en", **fields) -> str:
    """A chart's phrase in ``lang``, its ``{fields}`` filled.

    >>> chart_word("timeline_title", "zh", n=16, place="鄂尔多斯市")
    '鄂尔多斯市规划目标与已知数据：16项目标'
    >>> chart_word("audit_title", "fr")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ParameterError: lang must be one of en, zh, got 'fr'
    """
    require_lang(lang)
    if key not in CHART_WORDS:
        raise ParameterError(f"no chart phrase {key!r}; phrases look like: {', '.join(list(CHART_WORDS)[:4])} …")
    return CHART_WORDS[key][LANGS.index(lang)].format(**fields)


__all__ += ["chart_word", "CHART_WORDS", "require_lang"]


#: What each audit check needs and a document may lack (check name of :data:`ipanalysis.analysis.audit.CHECKS`)
#: → (English, Chinese): a landing-page card says "no …" / "未载明…" when no check could apply.
AUDIT_NEEDS: dict[str, tuple[str, str]] = {
    "stated_growth": ("no stated growth rate", "无年均增长率表述"),
    "table_increase": ("no indicator table with 增幅", "无含“增幅”的指标表"),
    "duplicates": ("no target stated twice", "无重复表述的目标"),
    "table_vs_text_baselines": ("no baseline in both table and text", "无表文同载的基期值"),
    "increments": ("no increase target beside its level target", "无与水平目标并列的新增目标"),
    "same_indicator_twice": ("no indicator targeted twice", "无同一指标的两个目标"),
    "vs_history": ("no stated history of a targeted indicator", "无目标指标的历史数据"),
    "stock_vs_flow": ("no stock target with its feeding flow", "无存量目标及其对应流量"),
    "magnitude": ("no two creation flows targeted for one year", "无同一年份的两项创造类流量目标"),
    "part_whole": ("no part and whole stated for one year", "无同一年份的部分与总体数据"),
    "task_counts": ("no announced number of tasks", "无“N项任务”的表述"),
    "k_plus_n_lists": ("no “K+n” list", "无“K+n”式列举"),
}


def audit_need(check: str, lang: str = "en") -> str:
    """Why a check could not apply to a document, in ``lang`` (an unknown check: its name).

    >>> audit_need("stated_growth"), audit_need("stated_growth", "zh")
    ('no stated growth rate', '无年均增长率表述')
    """
    words = AUDIT_NEEDS.get(check)
    return check if words is None else words[LANGS.index(check_lang(lang))]


__all__ += ["AUDIT_NEEDS", "audit_need"]
