"""The charts' house style: the CJK font, colours, bilingual words, the source line, the illustrative stamp.

Chinese text is drawn with Noto Sans CJK SC (SIL Open Font License) from the font file the
``noto-cjk-sans-otc`` wheel installs with the package — no system font, no download.
:func:`use_house_style` registers that file with matplotlib's font manager *by path*, under a
family name of its own (:data:`CJK_FAMILY`), so a system copy of Noto Sans CJK (Debian's
``fonts-noto-cjk``, same family name, possibly another version) can never be picked instead.
Every chart drawn from invented data carries an "ILLUSTRATIVE DATA — NOT REAL" watermark.

>>> use_house_style()
>>> import matplotlib.pyplot as plt
>>> plt.rcParams["font.family"][0]
'ipanalysis Noto Sans CJK SC'
>>> font_manager.findfont(CJK_FAMILY) == cjk_font_path()
True
>>> bilingual("Valid trademarks", "有效注册商标"), bilingual("Valid trademarks", "有效注册商标", "zh")
('Valid trademarks (有效注册商标)', '有效注册商标 (Valid trademarks)')
>>> both("audit_title", "zh")
'文件内部一致性核查 (Internal-consistency checks per document)'
"""

from __future__ import annotations

import dataclasses
import functools
import math
import textwrap

import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib import font_manager

from ...data import documents
from ..colours import STATUS_COLOURS
from ..vocabulary import CHART_WORDS, LANGS, chart_word, label
from ..vocabulary import require_lang as check_lang  # the present layer's one language check

__all__ = ["use_house_style", "bilingual", "both", "both_label", "word", "source_line", "mark_illustrative", "fmt", "finish",
           "check_lang", "CJK_FAMILY", "PALETTE", "STATUS_COLOURS", "ILLUSTRATIVE_LABEL", "cjk_font_path"]

#: the family name the wheel's Noto Sans CJK SC face is registered under (unique to this package,
#: so matplotlib cannot resolve it to a system copy of the same font).
CJK_FAMILY = "ipanalysis Noto Sans CJK SC"
_WHEEL_FACE = "Noto Sans CJK SC"  # the face's own name inside the wheel's .ttc collection
PALETTE = ["#1f5a89", "#d1762b", "#3c8d5a", "#a23b3b", "#6b5b95", "#7f7f7f"]
ILLUSTRATIVE_LABEL = "ILLUSTRATIVE DATA — NOT REAL (示例数据，非真实)"


@functools.cache
def _register_font() -> font_manager.FontEntry:
    """Register the wheel's font file with matplotlib's font manager, once per process.

    ``addfont`` reads the headers of the collection's ten faces (~40 ms); the SC face is then
    added again under :data:`CJK_FAMILY`, a name no other font file carries.  Returns that entry.
    """
    import noto_cjk_sans_otc  # the OFL-licensed Noto Sans CJK collection, installed by pip

    path = str(noto_cjk_sans_otc.FONT_PATH)
    fm = font_manager.fontManager
    fm.addfont(path)
    ours = [e for e in fm.ttflist if e.fname == path]
    face = next((e for e in ours if e.name == _WHEEL_FACE), ours[0])  # matplotlib < 3.11: first face only
    entry = dataclasses.replace(face, name=CJK_FAMILY)
    fm.ttflist.append(entry)
    cached = getattr(fm, "_findfont_cached", None)  # findfont memoises its answers; ours changed
    if cached is not None:
        cached.cache_clear()
    return entry


def cjk_font_path():
    """Path of the font file Chinese text is drawn with: the wheel's, whatever the system has.

    >>> import noto_cjk_sans_otc
    >>> cjk_font_path() == str(noto_cjk_sans_otc.FONT_PATH)
    True
    """
    entry = _register_font()
    if hasattr(font_manager, "FontPath"):  # matplotlib ≥ 3.11 resolves a face of a collection
        return font_manager.FontPath(entry.fname, entry.index)
    return entry.fname


def use_house_style() -> None:
    """Register the CJK font and set the project's matplotlib/seaborn style (idempotent)."""
    _register_font()
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE)
    plt.rcParams.update({
        "font.family": [CJK_FAMILY, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "axes.titlesize": 12, "axes.titleweight": "normal", "axes.labelsize": 10,
        "figure.dpi": 100, "savefig.dpi": 100, "figure.autolayout": False,
        "svg.hashsalt": "ipanalysis", "axes.spines.top": False, "axes.spines.right": False,
    })


def bilingual(en: str, zh: str | None = None, lang: str = "en") -> str:
    """``"English (中文)"`` on ``en``, ``"中文 (English)"`` on ``zh``; one language when the other is missing."""
    check_lang(lang)
    if not zh or zh == en:
        return en
    if not en:
        return zh
    return f"{zh} ({en})" if lang == "zh" else f"{en} ({zh})"


def both(key: str, lang: str = "en", **fields) -> str:
    """A chart phrase of the vocabulary in ``lang`` first, the other language beside it."""
    return bilingual(chart_word(key, "en", **fields), chart_word(key, "zh", **fields), lang)


def word(code, lang: str = "en") -> str:
    """A code's words in ``lang``: the vocabulary's label (statuses, the audit's too), else the charts' own phrase.

    >>> word("no_data", "zh"), word("needs_review", "zh")
    ('数据暂缺', '待核实')
    """
    return label(code, lang) if code not in CHART_WORDS else chart_word(code, lang)


def both_label(code, lang: str = "en") -> str:
    """A code's words (status, measure …) in ``lang`` first, the other language beside."""
    return bilingual(word(code, "en"), word(code, "zh"), lang)


def source_line(fig, doc_ids, note: str | None = None, lang: str = "en") -> None:
    """Write "Source 来源: title (number, date); …" under the figure (zh: "来源 Source: …").

    >>> import matplotlib.pyplot as plt
    >>> fig = plt.figure(); source_line(fig, ["ordos_2022"])
    >>> fig.texts[-1].get_text()[:20]
    'Source 来源: 鄂尔多斯市知识产权'
    """
    docs = documents().set_index("doc_id")
    parts = []
    for d in dict.fromkeys(doc_ids):
        r = docs.loc[d]
        extra = ", ".join(x for x in (r["doc_number"], r["issued_date"]) if isinstance(x, str) and x)
        parts.append(f"{r['title_zh']}" + (f" ({extra})" if extra else ""))
    words = [chart_word("source", "en"), chart_word("source", "zh")]
    head = " ".join(words[::-1] if lang == "zh" else words)
    text = f"{head}: " + "; ".join(parts) + (f". {note}" if note else "")
    fig.text(0.01, 0.005, "\n".join(textwrap.wrap(text, 150)), ha="left", va="bottom", fontsize=7, color="#555555")


def mark_illustrative(fig) -> None:
    """Stamp a figure drawn from invented data, so it can never pass for real data.

    >>> import matplotlib.pyplot as plt
    >>> fig = plt.figure(); mark_illustrative(fig)
    >>> "NOT REAL" in fig.texts[0].get_text()
    True
    """
    fig.text(0.5, 0.5, ILLUSTRATIVE_LABEL, ha="center", va="center", rotation=20, fontsize=20,
             color="#c0392b", alpha=0.25, zorder=100)
    fig.text(0.99, 0.995, ILLUSTRATIVE_LABEL, ha="right", va="top", fontsize=8, color="#c0392b")


def fmt(v: float) -> str:
    """A value in 万/亿 where large: ``fmt(35e8)`` → ``'35 亿'``; missing → "–".

    >>> fmt(35e8), fmt(25000), fmt(86), fmt(float("nan"))
    ('35 亿', '2.5 万', '86', '–')
    """
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    if abs(v) >= 1e8:
        return f"{v / 1e8:g} 亿"
    if abs(v) >= 1e4:
        return f"{v / 1e4:g} 万"
    return f"{v:g}"


def finish(fig, doc_ids, note=None, illustrative=False, bottom=0.1, lang="en", alt=None):
    """Lay out, write the source line (and the note), stamp invented data, attach the alt text."""
    from .alt import set_alt

    fig.tight_layout(rect=(0, bottom, 1, 0.97))
    source_line(fig, doc_ids, note, lang)
    if illustrative:
        mark_illustrative(fig)
    if alt:
        set_alt(fig, alt)
    return fig
