"""A status chart in the spirit of the UN SDG Progress Chart 2023: one coloured square per target, one row per
document, best status first; an inline SVG (drawn by the page's web font, so Chinese shows everywhere) with a
title, an ``aria-label`` that says what it shows (its alt text), a legend and a source line; colours from
:mod:`ipanalysis.present.colours`.

>>> svg = status_squares_svg([{"doc_id": "x", "name": "Ordos 鄂尔多斯", "counts": {"no_data": 2, "limited_progress": 1}}])
>>> svg.count('<rect class="sq"'), "Ordos 鄂尔多斯: 3 targets: 1 limited progress, 2 no data." in svg
(3, True)
>>> "进展有限1个" in status_squares_svg([{"doc_id": "x", "name": "鄂尔多斯", "counts": {"limited_progress": 1}}], lang="zh")
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from .colours import STATUS_ORDER, status_colour, text_colour
from .vocabulary import LANGS, label, require_lang

__all__ = ["status_squares_svg", "chart_description"]

_SQ, _GAP, _LEFT, _ROW = 14, 3, 300, 24


def _ordered(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    return [(s, counts[s]) for s in STATUS_ORDER if counts.get(s)] + \
           [(s, n) for s, n in counts.items() if s not in STATUS_ORDER and n]


def chart_description(rows: Sequence[Mapping], lang: str = "en") -> str:
    """What the chart shows, in words (its alt text): per document, its targets by status."""
    zh = lang == "zh"
    parts = []
    for r in rows:
        items = _ordered(r["counts"])
        n = sum(c for _, c in items)
        if zh:
            parts.append(f"{r['name']}：共{n}个目标，" + "，".join(f"{label(s, lang)}{c}个" for s, c in items) + "。")
        else:
            parts.append(f"{r['name']}: {n} target{'s' if n != 1 else ''}: "
                         + ", ".join(f"{c} {label(s, lang)}" for s, c in items) + ".")
    head = ("各规划每个量化目标的评估结论，每个方块代表一个目标，按结论由好到差排列。" if zh else
            "The status of every quantified target of each plan, one square per target, best status first. ")
    return head + " ".join(parts)


def status_squares_svg(rows: Sequence[Mapping], lang: str = "en", source: str = "") -> str:
    """The chart as inline SVG.  ``rows``: one per document, ``{"doc_id", "name", "counts": {status: n}}``."""
    zh = require_lang(lang) == "zh"
    widest = max([sum(r["counts"].values()) for r in rows] or [1])
    width = max(_LEFT + widest * (_SQ + _GAP) + 70, 640)
    used = [s for s in STATUS_ORDER if any(r["counts"].get(s) for r in rows)]
    legend_rows = (len(used) + 3) // 4
    top = 46
    height = top + len(rows) * _ROW + 16 + legend_rows * 20 + 26
    title = "各规划目标评估结论一览 Status of every target, by plan" if zh else \
        "Status of every target, by plan 各规划目标评估结论一览"
    desc = chart_description(rows, lang)
    # the alt text is an attribute, not <title>/<desc> elements: text nobody sees is not drawn with the web font
    out = [f'<svg class="status-chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" aria-label="{escape(title)}. {escape(desc)}">',
           f'<text x="0" y="18" font-size="16" font-weight="bold">{escape(title)}</text>',
           f'<text x="0" y="36" font-size="12" fill="#555">'
           + escape("每个方块代表一个目标；颜色为综合评估结论" if zh else
                    "One square per target; colour: the headline status") + "</text>"]
    for i, r in enumerate(rows):
        y = top + i * _ROW
        out.append(f'<text x="0" y="{y + 12}" font-size="13">{escape(r["name"])}</text>')
        x = _LEFT
        for s, c in _ordered(r["counts"]):
            for _ in range(c):
                out.append(f'<rect class="sq" x="{x}" y="{y}" width="{_SQ}" height="{_SQ}" rx="2" '
                           f'fill="{status_colour(s)}" stroke="#ffffff" data-status="{s}"/>')
                x += _SQ + _GAP
        total = sum(r["counts"].values())
        out.append(f'<text x="{x + 6}" y="{y + 12}" font-size="12" fill="#555">{total}</text>')
    y = top + len(rows) * _ROW + 12
    for k, s in enumerate(used):
        lx, ly = (k % 4) * 200, y + (k // 4) * 20
        out.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" rx="2" fill="{status_colour(s)}"/>'
                   f'<text x="{lx + 17}" y="{ly + 10}" font-size="12">{escape(label(s, lang))}</text>')
    if source:
        out.append(f'<text x="0" y="{height - 6}" font-size="11" fill="#555">{escape(source)}</text>')
    out.append("</svg>")
    return "\n".join(out)
