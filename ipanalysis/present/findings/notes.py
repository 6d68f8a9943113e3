"""Short notes a page prints from its code cells (how many histories, table captions), in
English and Chinese, with their counts from the frames.

>>> print(history_note(1), history_note(2, "zh"), sep="\\n")
1 target with a stated history.
2项目标附有文件所述的历史数据。
"""

from __future__ import annotations

from ..display import Prose
from ..vocabulary import check_lang, count

__all__ = ["history_note", "caption", "CAPTIONS"]

#: Table captions → (English, Chinese).
CAPTIONS = {
    "observed": ("One row per target with a cited observation; values in the units of the target.",
                 "每项有公开引用观测值的目标列一行；数值采用目标本身的单位。"),
    "baseline_from": ("Baseline from: the document itself, or a cited observation (its address in the sources table).",
                      "基期来源：取自文件本身，或取自公开引用的观测值（网址见来源表）。"),
    "population": ("Population: the cited resident population nearest to the plan's base year (sources in the "
                   "population table of the data).", "人口：取与规划基年最接近的公开引用常住人口数（来源见数据中的人口表）。"),
}


def history_note(shown: int, lang: str = "en") -> Prose:
    """How many year-by-year charts the trajectories page drew, or why none."""
    zh = check_lang(lang) == "zh"
    if not shown:
        return Prose("未绘逐年图：文件未给出可测算目标所涉指标的历史数据。" if zh else
                     "No year-by-year chart: the document states no history for the indicators of its projectable targets.")
    return Prose(f"{shown}项目标附有文件所述的历史数据。" if zh else f"{count(shown, 'target')} with a stated history.")


def caption(key: str, lang: str = "en") -> str:
    """A table's caption in ``lang``.

    >>> caption("observed", "zh")
    '每项有公开引用观测值的目标列一行；数值采用目标本身的单位。'
    """
    return CAPTIONS[key][1 if check_lang(lang) == "zh" else 0]
