"""The words of the site's chrome (header, citation, footer, landing page), in English and Chinese: the
one place they are written.  Codes of the analysis (statuses, measures) take their words from
:mod:`ipanalysis.present.vocabulary`; this table holds only what the pages around the notebooks say.

>>> words("zh")["home"], words("en")["home"]
('← 全部报告', '← All reports')
>>> report_word("attainment", "zh"), report_word("my_notebook", "en")
('达标评估', 'My notebook')
>>> html_lang("zh"), html_lang("en")
('zh-CN', 'en')
>>> parameter_words({"as_of": "2023", "observations": "data/examples/illustrative_observations.csv",
...                  "doc_id": "ordos_2022", "lang": "zh"}, "zh")
['观测截至2023年', '虚构的示例观测数据（data/examples/illustrative_observations.csv），非真实数据']
>>> parameter_words({"as_of": "2023-06-30", "observations": "data/observations.csv", "min_docs": 2}, "en")
['observations as of 2023-06-30', 'cited observations (data/observations.csv)', 'indicators set by at least 2 documents']
>>> words("fr")
Traceback (most recent call last):
...
ipanalysis.errors.ParameterError: lang must be one of en, zh, got 'fr'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ParameterError
from ..present.vocabulary import LANGS, label

__all__ = ["words", "report_word", "html_lang", "parameter_words", "is_invented", "WORDS", "REPORTS"]

#: key → (English, Chinese).
WORDS: dict[str, tuple[str, str]] = {
    # page header and footer
    "home": ("← All reports", "← 全部报告"),
    "all_reports": ("All reports", "全部报告"),
    "glossary": ("Glossary", "术语表"),
    "language_name": ("English", "中文"),
    "site_nav": ("Site", "站点导航"),
    "built": ("Built", "构建于"),
    "data_version": ("data version", "数据版本"),
    "page_data": ("this page's data", "本页数据"),
    "cite": ("cite", "引用"),
    "cite_this_page": ("Cite this page", "引用本页"),
    "download": ("download", "下载"),
    "table": ("Table", "表"),
    "title": ("Title", "标题"),
    "dataset": ("Dataset", "数据集"),
    "version": ("version", "版本"),
    "licence": ("Licence", "许可"),
    "data": ("data", "数据"),
    "code": ("code", "代码"),
    "data_of_page": ("Data of this page", "本页数据"),
    "csv_descriptors": ("CSV with Frictionless descriptors", "CSV，附 Frictionless 描述文件"),
    "contributors": ("ipanalysis contributors", "ipanalysis 贡献者"),
    "report_page": ("report page", "报告页"),
    # landing page
    "index_title": ("ipanalysis — IP targets in Chinese city plans", "ipanalysis — 城市知识产权规划量化目标"),
    "index_heading": ("Quantified IP targets in Chinese city plans", "城市知识产权规划中的量化目标"),
    "index_lede": ("Per document: how many targets it sets, how many can be projected from a stated baseline, "
                   "where they stand against observed values, and what the consistency audit found.",
                   "逐份文件列出：设定了多少项量化目标，其中多少项可依据基期值测算路径，对照实际观测值的进展如何，"
                   "以及一致性核查发现了什么。"),
    "document": ("Document", "文件"),
    "horizon": ("Horizon", "规划期"),
    "targets": ("Targets", "目标数"),
    "projectable": ("Projectable", "可测算"),
    "of": ("of", "/"),
    "attainment": ("Attainment", "达标情况"),
    "illustrative": ("ILLUSTRATIVE observations — not real", "示例观测数据（虚构），非真实数据"),
    "example_report": ("{report} — illustrative example (not real data)", "{report}——示例（非真实数据）"),
    "parameters": ("Parameters", "参数"),
    "as_its_page": ("(as its attainment page)", "（与其达标评估页一致）"),
    "latest_observation": ("Latest observation used", "所用最新观测"),
    "none": ("none", "无"),
    "audit": ("Audit", "一致性核查"),
    "audit_to_review": ("{n} to review of {m} check{s} run", "已运行 {m} 项核查，{n} 项待复核"),
    "audit_kinds": ("({a} of {k} kinds of check could apply)", "（{k} 类核查中 {a} 类适用）"),
    "audit_none": ("no check applicable", "无适用的核查"),
    "audit_unshown": ("not shown to be consistent", "未能证明内部一致"),
    "failed": ("failed", "构建失败"),
    "not_built": ("not built", "尚未构建"),
    "across": ("Across documents", "跨文件页面"),
    "build_log": ("Build log", "构建日志"),
    "col_report": ("report", "报告"),
    "col_notebook": ("notebook", "笔记本"),
    "col_parameters": ("parameters", "参数"),
    "col_status": ("status", "状态"),
    "col_seconds": ("time (s)", "用时（秒）"),
    "col_built": ("built", "构建时间"),
    "col_details": ("details", "详情"),
    "ok": ("ok", "成功"),
    "up_to_date": ("ok (up to date)", "成功（已是最新）"),
    "cell": ("cell", "单元格"),
    "executed_notebook": ("executed notebook", "已执行的笔记本"),
    "traceback": ("traceback", "错误回溯"),
    "summary": ("{n} reports: {ok} ok, {failed} failed", "共 {n} 份报告：成功 {ok} 份，失败 {failed} 份"),
    "summary_unbuilt": (", {n} not built", "，尚未构建 {n} 份"),
    "summary_tail": (" — ipanalysis {version}, updated {when}", " — ipanalysis {version}，更新于 {when}"),
    # the parameter line of a page's header
    "as_of": ("observations as of {v}", "观测截至{v}"),
    "as_of_year": ("observations as of {v}", "观测截至{v}年"),
    "observations_cited": ("cited observations ({v})", "有出处的观测数据（{v}）"),
    "observations_invented": ("INVENTED example observations ({v}), not real data",
                              "虚构的示例观测数据（{v}），非真实数据"),
    "observations_file": ("observations from {v}", "观测数据取自 {v}"),
    "min_docs": ("indicators set by at least {v} documents", "至少 {v} 份文件共有的指标"),
    "method": ("plan path: {v}", "规划路径：{v}"),
}

#: Notebook stem → (English, Chinese): what each kind of report is called.
REPORTS: dict[str, tuple[str, str]] = {
    "attainment": ("Attainment", "达标评估"), "trajectories": ("Trajectories", "趋势测算"),
    "compare": ("Comparison", "跨市比较"), "audit": ("Audit", "一致性核查"),
}


def _i(lang: str) -> int:
    if lang not in LANGS:
        raise ParameterError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return LANGS.index(lang)


def words(lang: str) -> dict[str, str]:
    """Every chrome word in ``lang`` (key → text)."""
    i = _i(lang)
    return {k: v[i] for k, v in WORDS.items()}


def report_word(stem: str, lang: str) -> str:
    """What a report of notebook ``stem`` is called; an unknown stem is named after itself."""
    i = _i(lang)
    return REPORTS[stem][i] if stem in REPORTS else stem.replace("_", " ").capitalize()


def html_lang(lang: str) -> str:
    """The ``<html lang>`` of a page in ``lang`` (BCP 47: simplified Chinese as written in mainland China)."""
    return ("en", "zh-CN")[_i(lang)]


def is_invented(path: Any) -> bool:
    """Whether an observations file is the invented demonstration data (its name says ``illustrative``).

    >>> is_invented("data/examples/illustrative_observations.csv"), is_invented("data/observations.csv")
    (True, False)
    """
    return "illustrative" in str(path).lower()


def parameter_words(parameters: Mapping[str, Any], lang: str) -> list[str]:
    """A page's parameters as a reader reads them (``doc_id`` and ``lang`` are shown by the page itself;
    a parameter this table does not know is shown as ``name: value``)."""
    w, out = words(lang), []
    for key, value in parameters.items():
        if value is None or key in ("doc_id", "lang"):
            continue
        text = str(value)
        if key == "as_of":
            out.append((w["as_of_year"] if len(text) == 4 and text.isdigit() else w["as_of"]).format(v=text))
        elif key == "observations":
            kind = ("observations_invented" if is_invented(text) else
                    "observations_cited" if text.replace("\\", "/").endswith("data/observations.csv") else
                    "observations_file")
            out.append(w[kind].format(v=text))
        elif key == "min_docs":
            out.append(w["min_docs"].format(v=text))
        elif key == "method":
            out.append(w["method"].format(v=label(text, lang) if text in ("compound", "linear") else text))
        else:
            out.append(f"{key}: {text}")
    return out
