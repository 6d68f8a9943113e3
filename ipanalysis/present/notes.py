"""The notes in table cells — why a verdict is what it is, the caveats of an observation, why a target is
not projected — in the page's language, from the codes and numbers of the analysis's frames.

The analysis says each case twice: an English sentence for library users (attainment's ``comment``,
trajectories' ``reason``) and a code (``comment_code``, ``reason_code``) with the numbers in the row's own
columns.  A page never shows the analysis's sentence: it words the code here, in English or in Chinese,
with the same numbers, so the two pages say the same thing and no code identifier reaches a reader.
Caveats (``flags``) are read from the row's columns (``basis``, ``obs_qualifier``, ``obs_days``).

>>> import pandas as pd
>>> r = pd.Series({"comment_code": "too_early", "years_elapsed": 0.75})
>>> comment(r), comment(r, "zh")
('0.75 years after the baseline: at least two years of data, a year apart, are needed to judge progress (Open SDG)', '距基期仅0.75年，为时尚早：Open SDG要求至少有相隔一年的两期数据方可评定进展')
"""

from __future__ import annotations

import pandas as pd

from ..analysis.timebase import MIN_ANNUALISE_DAYS
from ..units import fmt_value
from .vocabulary import LANGS, check_lang, label

__all__ = ["COMMENTS", "REASONS", "FLAGS", "COMPARATORS", "comment", "reason", "flags", "comparator", "predates", "note_cells",
           "NOTE_COLUMNS", "EMPTY"]

#: Attainment's ``comment_code`` → (English, Chinese); ``{fields}`` come from the row (see :func:`comment`).
COMMENTS: dict[str, tuple[str, str]] = {
    "qualitative": ("qualitative target: no number to judge", "定性目标，无量化数值可供评估"),
    "no_observation": ("no cited observation of this place and indicator by the date of the page",
                       "截至评估时点，尚无本地区该指标有出处的观测数据"),
    "too_short": ("only observations shorter than {days} days: too short to annualise",
                  "仅有不足{days}天的观测数据，时段过短，无法年化"),
    "rate_before_plan": ("growth-rate target: the only stated growth rate is for a period before the plan starts ({start})",
                         "增长率目标：已公布的增速均属规划期（{start}年起）之前，不能反映规划期内的增长"),
    "stated_rate": ("year-on-year growth stated for {obs_from} to {obs_to}, set against the plan's annual rate "
                    "(one period's rate, not a growth rate from the baseline)",
                    "以公布的{obs_from}至{obs_to}同比增速对照规划年均增速（单期增速，非自基期起算的年均增速）"),
    "target_year_observed": ("the target year ({year}) has been observed", "目标年（{year}年）数据已公布，按实际值评定"),
    "growth_needs_baseline": ("growth-rate target: a baseline or a stated growth rate is needed to judge it; "
                              "a level alone cannot show growth",
                              "增长率目标：需有基期值或公布的增速方可评估，仅凭水平值无法反映增长"),
    "distance_only": ("no baseline: the level reached as a share of the target (distance to target), not a progress "
                      "verdict", "无基期值：仅计算已达水平占目标值的比例（距目标差距），不评定进展"),
    "not_after_baseline": ("the latest observation (to {obs_to}) is not after the baseline ({base})",
                           "最新观测值（截至{obs_to}）不晚于基期（{base}），无从计算进展"),
    "baseline_met_fell_back": ("the baseline already met the target; the observed value no longer does",
                               "基期值已达到目标值，最新观测值却已低于目标值"),
    "linear_pace": ("counted from zero at the plan's start: no compound growth to compute, so the ratio is the "
                    "average pace so far against the pace required (not Open SDG's growth ratio)",
                    "规划期内累计，自零起算，无法计算年均增速：比值为迄今年均进度与所需年均进度之比（非Open SDG的增速比值）"),
    "too_early": ("{years} years after the baseline: at least two years of data, a year apart, are needed to judge "
                  "progress (Open SDG)", "距基期仅{years}年，为时尚早：Open SDG要求至少有相隔一年的两期数据方可评定进展"),
    "level_compared": ("a {measure}: compared as a level with the target", "{measure}类指标：以水平值与目标值对照"),
}

#: Trajectories' ``reason_code`` → (English, Chinese).
REASONS: dict[str, tuple[str, str]] = {
    "qualitative": ("qualitative target: no number to project", "定性目标，无数值可供测算"),
    "bounded": ("a {measure}: bounded, shown as a level, not projected", "{measure}类指标有上限，按水平值列示，不作趋势测算"),
    "period_total": ("total over {start}–{end}: {average} a year on average; not a level",
                     "{start}—{end}年规划期内累计，年均{average}；非水平值，不作趋势测算"),
    "period_total_ambiguous": ("total over {start}–{end}: {average} a year on average; not a level (the plan leaves "
                               "open whether it counts from the plan's start or includes what came before)",
                               "{start}—{end}年累计，年均{average}；非水平值，不作趋势测算（文件未说明是规划期内累计还是"
                               "累计达到，口径不明）"),
    "no_start_stock": ("running total (累计达): needs the stock at the plan's start; none is stated or observed",
                       "累计达到的总量：需有规划期初的存量，文件未载明，也无观测数据"),
    "no_baseline": ("no baseline stated in the plan, and no cited observation within a year of its base date",
                    "文件未载明基期值，基期前后一年内也无有出处的观测数据"),
    "baseline_after_target": ("the baseline ({base}) is not before the end of the target year ({year})",
                              "基期（{base}）不早于目标年末（{year}年），无从测算"),
    "non_positive": ("a baseline or target at or below zero: growth rate undefined", "基期值或目标值不大于零，增长率无定义"),
}

#: Caveats of an observation (attainment's ``flags``) → (English, Chinese).
FLAGS: dict[str, tuple[str, str]] = {
    "ambiguous": ("累计 basis unclear: a total over the plan period, or a running total?",
                  "累计口径不明：规划期内累计还是累计达到？"),
    "lower_bound": ("the observed value is a lower bound ({qualifier})", "观测值为下限（{qualifier}）"),
    "annualised": ("annualised from {days} days, counted as {year}", "按{days}天数据年化，计入{year}年"),
}

#: A local plan issued before the national plan (``national_coverage``'s ``predates_national``) → (English, Chinese).
PREDATES: tuple[str, str] = ("issued {issued}, before the national plan ({national}): it could not take up its tasks",
                             "{issued}年印发，早于国家计划（{national}年），无从落实其任务")

#: A target's ``comparator`` → (English, Chinese): the cell of the column "Comparator 比较".
COMPARATORS: dict[str, tuple[str, str]] = {
    "=": ("=", "="), ">=": ("at least (≥)", "不低于（≥）"), ">": ("more than (>)", "超过（>）"),
    "<=": ("at most (≤)", "不高于（≤）"), "<": ("less than (<)", "低于（<）"), "≈": ("about (≈)", "左右（≈）"),
    "range": ("range", "区间"), "qualitative": ("qualitative", "定性"),
}

#: The sentence a table with no rows shows instead of a table (and no download).
EMPTY: tuple[str, str] = ("None on this page.", "本页无此项内容。")

#: Columns worded here → the function that words one row.
NOTE_COLUMNS = ("comment", "reason", "flags", "note")


def comparator(v, lang: str = "en") -> str:
    """A comparator in ``lang`` (an unknown one as it is).

    >>> comparator(">="), comparator("qualitative", "zh")
    ('at least (≥)', '定性')
    """
    words = COMPARATORS.get(v)
    return str(v) if words is None else words[LANGS.index(check_lang(lang))]


def _words(table: dict[str, tuple[str, str]], code: str, lang: str, **fields) -> str:
    return table[code][LANGS.index(check_lang(lang))].format(**fields)


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v) or v == ""


def _start(doc_id) -> str:
    """The first year of a document's plan period."""
    from ..data import documents

    d = documents().set_index("doc_id")
    return str(int(d.loc[doc_id, "plan_start_year"])) if doc_id in d.index else "—"


def _years(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 1e-9 else f"{x:.2f}"


def comment(r: pd.Series, lang: str = "en") -> str:
    """Why an attainment row's verdict is what it is, in ``lang`` ("" when there is nothing to say).

    >>> comment(pd.Series({"comment_code": "no_observation"}), "zh")
    '截至评估时点，尚无本地区该指标有出处的观测数据'
    >>> comment(pd.Series({"comment_code": "level_compared", "measure": "share"}), "zh")
    '占比类指标：以水平值与目标值对照'
    """
    code = r.get("comment_code")
    if _missing(code):
        return ""
    fields = {"days": MIN_ANNUALISE_DAYS, "obs_from": r.get("obs_period_start"), "obs_to": r.get("obs_period_end"),
              "base": r.get("base_date") if not _missing(r.get("base_date")) else r.get("baseline_date"),
              "measure": label(r["measure"], lang) if not _missing(r.get("measure")) else ""}
    if code == "rate_before_plan":
        fields["start"] = _start(r.get("doc_id"))
    if code == "target_year_observed":
        fields["year"] = int(r["target_year"])
    if code == "too_early":
        fields["years"] = f"{float(r['years_elapsed']):.2f}"
    return _words(COMMENTS, code, lang, **fields)


def reason(r: pd.Series, lang: str = "en") -> str:
    """Why a trajectories row is not projected, in ``lang`` ("" when it is).

    >>> r = pd.Series({"reason_code": "period_total", "doc_id": "ordos_2022", "target_year": 2025, "basis": "period_total",
    ...                "implied_annual_average": 2.5, "unit": "家", "measure": "cumulative"})
    >>> reason(r), reason(r, "zh")
    ('total over 2021–2025: 2.5家 a year on average; not a level', '2021—2025年规划期内累计，年均2.5家；非水平值，不作趋势测算')
    """
    code = r.get("reason_code")
    if _missing(code):
        return ""
    fields: dict = {"measure": label(r["measure"], lang) if not _missing(r.get("measure")) else "",
                    "base": r.get("baseline_date"), "year": r.get("target_year")}
    if code == "period_total":
        fields.update(start=_start(r.get("doc_id")), end=int(r["target_year"]),
                      average=fmt_value(r["implied_annual_average"], r.get("unit")))
        if r.get("basis") == "ambiguous":
            code = "period_total_ambiguous"
    return _words(REASONS, code, lang, **fields)


def flags(r: pd.Series, lang: str = "en") -> str:
    """The caveats of an attainment row's observation, in ``lang``, from its columns ("" when none).

    >>> r = pd.Series({"basis": "stock", "obs_qualifier": ">", "obs_days": 274.0, "annualised_value": 4539.0,
    ...                "obs_period_end": "2024-09-30"})
    >>> flags(r), flags(r, "zh")
    ('the observed value is a lower bound (>); annualised from 274 days, counted as 2024', '观测值为下限（>）；按274天数据年化，计入2024年')
    """
    out = []
    if r.get("basis") == "ambiguous":
        out.append(_words(FLAGS, "ambiguous", lang))
    q = r.get("obs_qualifier")
    if not _missing(q) and q != "=":
        out.append(_words(FLAGS, "lower_bound", lang, qualifier=q))
    days = r.get("obs_days")
    if not _missing(days) and days < 365 and not _missing(r.get("annualised_value")):
        out.append(_words(FLAGS, "annualised", lang, days=int(days), year=str(r["obs_period_end"])[:4]))
    return ("；" if check_lang(lang) == "zh" else "; ").join(out)


def predates(r: pd.Series, lang: str = "en") -> str:
    """Why a local plan's coverage of the national tasks is not a fair score, in ``lang`` ("" when it is).

    >>> predates(pd.Series({"predates_national": True, "issued": 2013, "national_year": 2015}), "zh")
    '2013年印发，早于国家计划（2015年），无从落实其任务'
    """
    if not r.get("predates_national"):
        return ""
    return PREDATES[LANGS.index(check_lang(lang))].format(issued=int(r["issued"]), national=int(r["national_year"]))


_WORDERS = {"comment": (comment, "comment_code"), "reason": (reason, "reason_code"), "flags": (flags, None),
            "note": (predates, "predates_national")}


def note_cells(df: pd.DataFrame, column: str, lang: str = "en") -> list[str] | None:
    """The cells of a note ``column`` of ``df`` in ``lang``, or None when ``df`` lacks the code they are
    worded from (a frame not from the analysis: its text is shown as it is).

    >>> df = pd.DataFrame({"comment": ["no observation …"], "comment_code": ["no_observation"]})
    >>> note_cells(df, "comment", "en")
    ['no cited observation of this place and indicator by the date of the page']
    >>> note_cells(df.drop(columns="comment_code"), "comment") is None
    True
    """
    word, code = _WORDERS[column]
    if code is not None and code not in df:
        return None
    if code is None and "obs_qualifier" not in df:
        return None
    return [word(r, lang) for _, r in df.iterrows()]
