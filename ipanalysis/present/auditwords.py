"""The audit's cells in the page's language: what a document states, what recomputing gives, and why the
verdict is what it is, worded from each finding's ``note`` (the case, a code) and ``args`` (its figures and
names) — the same figures on the English and the Chinese page, no indicator key or other code in a cell.

:func:`ipanalysis.audit` keeps English ``stated``/``recomputed``/``explanation`` columns for library users;
a page shows :func:`audit_table`'s instead.

>>> import ipanalysis as ip
>>> a = audit_table(ip.audit(doc_id="ordos_2022"), "zh").set_index("check_id")
>>> print(a.loc["OR-cagr-patent_grants_annual", "explanation"])
按文件自身2015年和2020年数据复核，年均增速为37.95%，舍入后与文件所述38.0%一致。
"""

from __future__ import annotations

import json

import pandas as pd

from .auditcases import WORDERS, W
from .vocabulary import LANGS, audit_need, check_lang

__all__ = ["audit_table", "summary_table", "cells", "OTHER_INDICATORS"]

#: Audit subjects that are no indicator of the catalogue → (English, Chinese).
OTHER_INDICATORS = {"task_count": ("number of tasks", "任务数"),
                    "service_system_items": ("institutions of a “K+n” system", "“K+n”体系中的机构")}


def cells(finding: pd.Series, lang: str = "en") -> tuple[str, str, str]:
    """A finding's (stated, recomputed, explanation) in ``lang``; a finding without a ``note`` keeps its own text."""
    note = finding.get("note")
    if not isinstance(note, str) or note not in WORDERS:
        return finding["stated"], finding["recomputed"], finding["explanation"]
    return WORDERS[note](W(lang), json.loads(finding["args"]), finding["status"])


def _indicator(key: str, lang: str) -> str:
    from ..data import indicators

    names = indicators().set_index("key")["name_zh" if lang == "zh" else "name_en"]
    if key in names.index:
        return str(names[key])
    return OTHER_INDICATORS.get(key, (key, key))[LANGS.index(lang)]


def audit_table(aud: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """:func:`ipanalysis.audit`'s frame for a page in ``lang``: ``stated``, ``recomputed`` and ``explanation`` worded
    from each finding's case and figures, ``indicator`` as the indicator's name.

    >>> import ipanalysis as ip
    >>> t = audit_table(ip.audit(doc_id="ordos_2022")).set_index("check_id")
    >>> t.loc["OR-increase-ip_practitioners", ["indicator", "recomputed"]].tolist()
    ['IP service practitioners', '(96/48 − 1)·100 = 100.00%']
    """
    check_lang(lang)
    out = aud.copy()
    worded = [cells(r, lang) for _, r in aud.iterrows()]
    for i, col in enumerate(("stated", "recomputed", "explanation")):
        out[col] = [w[i] for w in worded]
    out["indicator"] = [_indicator(k, lang) for k in aud["indicator"]]
    return out


def summary_table(summary: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """:func:`ipanalysis.audit_summary`'s frame with ``not_applicable`` in ``lang``: why each other check could not
    apply, in the vocabulary's words (:data:`~ipanalysis.present.vocabulary.AUDIT_NEEDS`).

    >>> import ipanalysis as ip
    >>> summary_table(ip.audit_summary(ip.audit_checks("ordos_2022")), "zh")["not_applicable"].iloc[0].split("；")[0]
    '无与水平目标并列的新增目标'
    """
    sep = "；" if check_lang(lang) == "zh" else "; "
    out = summary.copy()
    out["not_applicable"] = [sep.join(audit_need(c, lang) for c in str(names).split("; ") if c)
                             for names in summary["not_applicable_checks"]]
    return out
