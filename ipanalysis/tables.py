"""Parse indicator tables that web copies of Chinese plans flatten to one cell per line.

The Ordos plan's table "鄂尔多斯市“十四五”知识产权发展主要预期性指标" arrives as::

    序号 / 类别 / 指标名称 / 单位 / 2020年 / 基期值 / 2025年 / 预测值 / 增幅 /
    1 / 创造质量 / 每万人口高价值发明专利拥有量 / 0.93 / 2 / 115% / 2 / 商标注册量 / 万件 / ...

Empty cells (a category that spans rows, a blank unit) simply vanish, so the parser reads
each row by the *kind* of its cells instead of by position: a serial number, text cells
(category, name, unit), then either three numbers (base, target, increase %) or one
qualitative text.

>>> t = ordos_indicator_table()
>>> [str(x) for x in t.loc[t.row == 2, ["name_zh", "unit_zh", "base_value", "target_value", "increase_pct"]].iloc[0]]
['商标注册量', '万件', '3.1219', '5.0', '60.0']
>>> t.loc[t.row == 7, "qualitative"].item()
'高于自治区平均水平'
"""

from __future__ import annotations

import re

import pandas as pd

from .sources import raw_text
from .units import MULTIPLIERS

__all__ = ["TableParseError", "parse_flat_table", "ordos_indicator_table", "ORDOS_TABLE_TITLE"]

ORDOS_TABLE_TITLE = "鄂尔多斯市“十四五”知识产权发展主要预期性指标"

_NUM = re.compile(r"^-?\d+(?:\.\d+)?%?$")
_YEAR = re.compile(r"^(\d{4})年")
# Unit cells as these tables write them: an optional multiplier and a counting word.
_UNIT_CELL = re.compile(r"^[万亿]?(?:件|家|个|项|人|名|人次|场|分|%|元|所|次)$")


class TableParseError(ValueError):
    """The text does not hold a table of the expected shape; the message says where."""


def _cells(text: str, title: str) -> list[str]:
    start = text.find(title)
    if start < 0:
        raise TableParseError(f"table title {title!r} not found")
    cells = []
    for line in text[start + len(title):].splitlines():
        cell = line.strip()
        if not cell:
            continue
        if cell.startswith("(注") or cell.startswith("（注") or cell.startswith("第"):
            break
        cells.append(cell)
    return cells


def _is_num(cell: str) -> bool:
    return bool(_NUM.match(cell))


def parse_flat_table(text: str, title: str) -> pd.DataFrame:
    """Parse the flattened indicator table that follows ``title`` in ``text``.

    Returns one row per indicator with the cells as written (``base_value`` and
    ``target_value`` in the table's own unit ``unit_zh``), plus ``base_year``/``target_year``
    read from the header and ``multiplier`` for the unit (万 → 1e4, 亿 → 1e8).
    """
    cells = _cells(text, title)
    try:
        first = cells.index("1")
    except ValueError:
        raise TableParseError(f"no row numbered 1 after {title!r}") from None
    header = cells[:first]
    years = [int(m.group(1)) for c in header if (m := _YEAR.match(c))]
    if len(years) != 2:
        raise TableParseError(f"expected a base year and a target year in the header, got {header}")
    base_year, target_year = years

    rows, i, n, category = [], first, 1, None
    while i < len(cells):
        if cells[i] != str(n):
            raise TableParseError(f"expected row number {n} at cell {i}, found {cells[i]!r}")
        i += 1
        texts = []
        while i < len(cells) and not _is_num(cells[i]):
            texts.append(cells[i])
            i += 1
        nums = []
        while i < len(cells) and _is_num(cells[i]) and len(nums) < 3:
            nums.append(cells[i])
            i += 1
        # A lone number that is the next serial (followed by text) ends a qualitative row.
        qualitative = None
        if len(nums) < 3:
            if len(nums) == 1 and nums[0] == str(n + 1):
                i -= 1
                nums = []
            if nums or not texts:
                raise TableParseError(f"row {n}: cannot read cells {texts + nums}")
            qualitative = texts.pop()
        unit = texts.pop() if texts and _UNIT_CELL.match(texts[-1]) else None
        if len(texts) == 2:
            category = texts[0]
        elif len(texts) != 1:
            raise TableParseError(f"row {n}: expected [category,] name[, unit], got {texts}")
        name = texts[-1]
        if qualitative is None and not nums[2].endswith("%"):
            raise TableParseError(f"row {n}: increase cell {nums[2]!r} is not a percentage")
        mult = MULTIPLIERS.get(unit[0], 1.0) if unit else 1.0
        rows.append({
            "row": n,
            "category_zh": category,
            "name_zh": name,
            "unit_zh": unit,
            "base_year": base_year,
            "base_value": float(nums[0]) if nums else None,
            "target_year": target_year,
            "target_value": float(nums[1]) if nums else None,
            "increase_pct": float(nums[2].rstrip("%")) if nums else None,
            "qualitative": qualitative,
            "multiplier": mult,
        })
        n += 1
    df = pd.DataFrame(rows)
    for col in ("category_zh", "name_zh", "unit_zh", "qualitative"):
        df[col] = df[col].astype("string")
    for col in ("base_value", "target_value", "increase_pct", "multiplier"):
        df[col] = df[col].astype("float64")
    return df


def ordos_indicator_table() -> pd.DataFrame:
    """The Ordos 14th five-year plan's indicator table, parsed from ``data/raw/ordos_2022.txt``.

    >>> row = ordos_indicator_table().loc[1]
    >>> row["name_zh"], row["unit_zh"], float(row["base_value"]), float(row["target_value"]), float(row["increase_pct"])
    ('商标注册量', '万件', 3.1219, 5.0, 60.0)
    """
    return parse_flat_table(raw_text("ordos_2022"), ORDOS_TABLE_TITLE)
