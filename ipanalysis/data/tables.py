"""Parse indicator tables that web copies of Chinese plans flatten to one cell per line.

The one flattened-table reader of the package: :func:`parse_flat_table` (the data layer: one table
after a known title, strict) and ``ipanalysis.extract`` (every table in a new document, lenient)
both read through :func:`find_flat_tables` / :func:`read_flat_table`.

The Ordos plan's table "鄂尔多斯市“十四五”知识产权发展主要预期性指标" arrives as::

    序号 / 类别 / 指标名称 / 单位 / 2020年 / 基期值 / 2025年 / 预测值 / 增幅 /
    1 / 创造质量 / 每万人口高价值发明专利拥有量 / 0.93 / 2 / 115% / 2 / 商标注册量 / 万件 / ...

Empty cells (a category that spans rows, a blank unit) simply vanish, so the reader takes each
row by the *kind* of its cells instead of by position: a serial number (when the table has a 序号
column), text cells (category, name, unit), then the value cells (one per value column of the
header) or one qualitative text, then an optional attribute cell (预期性/约束性).

>>> t = ordos_indicator_table()
>>> [str(x) for x in t.loc[t.row == 2, ["name_zh", "unit_zh", "base_value", "target_value", "increase_pct"]].iloc[0]]
['商标注册量', '万件', '3.1219', '5.0', '60.0']
>>> t.loc[t.row == 7, "qualitative"].item()
'高于自治区平均水平'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from .loaders import documents
from .sources import check_doc_id, raw_text
from ..text import normalize
from ..units import MULTIPLIERS
from ..errors import TableParseError

__all__ = ["TableParseError", "FlatRow", "FlatTable", "find_flat_tables", "read_flat_table", "parse_flat_table",
           "indicator_table", "ordos_indicator_table"]

#: Header cell → column role; value roles are base, target, increase (and a bare year).
HEADER_ROLES = (
    ("serial", re.compile(r"^(序号|编号|序)$")),
    ("category", re.compile(r"^(类别|类型|领域|分类|类|维度|方面)$")),
    ("name", re.compile(r"^(指标名称|指标|指标内容|具体指标|名称|项目)$")),
    ("unit", re.compile(r"^(单位|计量单位)$")),
    ("attribute", re.compile(r"^(属性|指标属性|性质)$")),
    ("base", re.compile(r"(基期|基准|基数|现状|实际值|完成值|现值|^\d{4}年底?$)")),
    ("target", re.compile(r"(目标|预测|预期值|规划值|计划值)")),
    ("increase", re.compile(r"(增幅|增长|增速|变化|增量|年均)")),
)
_NAME_HEADER = re.compile(r"^(指标名称|指标|具体指标|指标内容)$")
_NUM = re.compile(r"^-?\d+(?:\.\d+)?%?$")
EMPTY_CELL = re.compile(r"^[—–\-/／无、]+$")  # an empty value cell as tables write it
#: Unit cells as these tables write them: an optional multiplier and a counting word.
UNIT_CELL = re.compile(r"^(?:[万亿]?(?:件|家|个|项|人|名|人次|场|分|%|元|所|次|期)(?:/万人)?|件/万人|个百分点|百分点|倍)$")
_ATTR = {"预期性": "expected", "预期": "expected", "约束性": "binding", "约束": "binding"}
_HEADING = re.compile(r"^第[一二三四五六七八九十百零〇\d]+[章节]|^[一二三四五六七八九十]+、")

Cell = tuple[int, str]  # (line index, the cell's stripped text)


@dataclass
class FlatRow:
    """One indicator row: cells as ``(line index, text)``; ``values`` align with the value columns."""

    serial: int | None
    category: str | None
    name: Cell
    unit: Cell | None
    values: list[Cell]
    qualitative: Cell | None = None
    attribute: str | None = None
    n_texts: int = 1  # text cells left for category and name (more than 2: a shape the strict reader refuses)


@dataclass
class FlatTable:
    """A table found in a text's lines: its title line, value columns ``(role, year)`` and rows."""

    title: str
    title_line: int | None
    first_line: int
    last_line: int
    columns: list[tuple[str, int | None]]
    has: dict
    rows: list[FlatRow] = field(default_factory=list)
    stop: str | None = None  # why reading stopped before the last cell (None: read to the end)


def _is_num(cell: str) -> bool:
    return bool(_NUM.match(normalize(cell)))


def _is_value(cell: str) -> bool:
    return _is_num(cell) or bool(EMPTY_CELL.match(cell))


def header_role(cell: str) -> str | None:
    """The role of a header cell (serial, category, name, unit, attribute, base, target, increase).

    >>> header_role("2025年预测值"), header_role("序号"), header_role("创造质量")
    ('target', 'serial', None)
    """
    for role, rx in HEADER_ROLES:
        if rx.search(cell):
            return role
    return None


def table_cells(lines: list[str], i0: int) -> list[Cell]:
    """Non-empty lines from ``i0`` as cells, until a note, a heading or running text."""
    cells = []
    for i in range(i0, len(lines)):
        s = lines[i].strip()
        if not s:
            continue
        if s.startswith(("(注", "（注", "注:", "注：", "备注", "说明")) or len(s) > 40 or re.search(r"[。；;]", s):
            break
        if _HEADING.match(s):
            break
        cells.append((i, s))
    return cells


def _columns(header: list[str]) -> tuple[list[tuple[str, int | None]], dict]:
    """Value columns in header order, each ``(role, year)``; "2020年" + "基期值" are one column."""
    cols: list[tuple[str, int | None]] = []
    has = {"serial": False, "category": False, "unit": False, "attribute": False}
    for h in header:
        ym = re.match(r"^(\d{4})年(.*)$", h)
        role = header_role(h)
        if ym and not ym.group(2).strip():
            cols.append(("year", int(ym.group(1))))
        elif role in ("base", "target", "increase"):
            year = int(ym.group(1)) if ym else None
            if cols and cols[-1][0] == "year" and role in ("base", "target"):
                year = cols.pop()[1]
            cols.append((role, year))
        elif role in has:
            has[role] = True
    bare = [y for r, y in cols if r == "year"]
    if bare:  # bare year columns: the earliest is the base, the latest the target
        lo, hi = min(bare), max(bare)
        cols = [(("base" if y == lo and lo != hi else "target") if r == "year" else r, y) for r, y in cols]
    return cols, has


def _split_unit(texts: list[Cell]) -> Cell | None:
    if texts and UNIT_CELL.match(texts[-1][1]):
        return texts.pop()
    if texts:
        m = re.search(r"[(（]([^()（）]{1,6})[)）]$", texts[-1][1])
        if m and UNIT_CELL.match(m.group(1)):
            return (texts[-1][0], m.group(1))
    return None


def read_rows(cells: list[Cell], ncols: int, serial: bool) -> tuple[list[FlatRow], str | None]:
    """Rows from the data cells of a table; also why reading stopped early (None at the end).

    One pass over cells of different kinds, with its stop reasons inline: longer than 60 lines.

    Parameters
    ----------
    cells : list of Cell
        The table's data cells, in reading order.
    ncols : int
        The number of columns of the header.
    serial : bool
        Whether the first column is a serial number (序号).

    Returns
    -------
    tuple
        ``(rows, stop)``: the rows read, and why reading stopped early (None at the end).
    """
    rows: list[FlatRow] = []
    pos, n, category = 0, 1, None
    while pos < len(cells):
        if serial:
            if cells[pos][1] != str(n):
                return rows, f"expected row number {n} at cell {pos}, found {cells[pos][1]!r}"
            pos += 1
        texts: list[Cell] = []
        while pos < len(cells) and not _is_value(cells[pos][1]):
            texts.append(cells[pos])
            pos += 1
        vals: list[Cell] = []
        while pos < len(cells) and len(vals) < ncols and _is_value(cells[pos][1]):
            vals.append(cells[pos])
            pos += 1
        attribute = None
        if pos < len(cells) and cells[pos][1] in _ATTR:
            attribute = _ATTR[cells[pos][1]]
            pos += 1
        qualitative = None
        if len(vals) < ncols:
            if serial and len(vals) == 1 and vals[0][1] == str(n + 1):  # the next row's serial
                pos -= 1
                vals = []
            if not vals and texts:
                qualitative = texts.pop()
            elif not vals:
                return rows, f"row {n}: no value cells"
        unit = _split_unit(texts)
        if not texts:
            return rows, f"row {n}: no name cell"
        if len(texts) >= 2:
            category = texts[0][1]
        rows.append(FlatRow(n if serial else None, category, texts[-1], unit, vals, qualitative, attribute, len(texts)))
        n += 1
        if not serial and pos < len(cells) and _is_num(cells[pos][1]):
            return rows, f"row {n}: a number where a name was expected"
    return rows, None


def read_flat_table(lines: list[str], i: int, title: str | None = None) -> FlatTable | None:
    """The table whose header holds the name cell at line ``i`` (or whose title is line ``i - 1``
    when ``title`` is given), or None when the header has no target column.

    Parameters
    ----------
    lines : list of str
        The document's lines.
    i : int
        The line of the header's name cell (or the line after the title).
    title : str, optional
        The table's title, when known (default: the non-blank line above the header).

    Returns
    -------
    FlatTable or None
        The table, or None when the header has no target column.
    """
    j = i - 1
    while j >= 0 and (not lines[j].strip() or header_role(lines[j].strip()) in ("serial", "category")):
        j -= 1
    title_line = j if j >= 0 and lines[j].strip() else None
    cells = table_cells(lines, j + 1)
    header, k = [], 0
    while k < len(cells) and not _is_num(cells[k][1]) and (header_role(cells[k][1]) or re.match(r"^\d{4}年", cells[k][1])):
        header.append(cells[k][1])
        k += 1
    cols, has = _columns(header)
    if k >= len(cells) or not any(r == "target" for r, _ in cols):
        return None
    rows, stop = read_rows(cells[k:], len(cols), has["serial"])
    return FlatTable(title or (lines[title_line].strip() if title_line is not None else ""), title_line,
                     j + 1, cells[-1][0], cols, has, rows, stop)


def find_flat_tables(lines: list[str]) -> list[FlatTable]:
    """Every flattened indicator table in a text's lines (a 指标名称 header with a target column).

    >>> t = find_flat_tables("主要指标\\n序号\\n指标名称\\n单位\\n2025年目标值\\n1\\n专利数\\n件\\n30".split("\\n"))
    >>> [(r.name[1], r.unit[1], r.values[0][1]) for r in t[0].rows], t[0].columns
    ([('专利数', '件', '30')], [('target', 2025)])
    """
    out, i = [], 0
    while i < len(lines):
        if _NAME_HEADER.match(lines[i].strip()):
            table = read_flat_table(lines, i)
            if table is not None:
                out.append(table)
                i = table.last_line + 1
                continue
        i += 1
    return out


def _strict(text: str, title: str) -> FlatTable:
    start = text.find(title)
    if start < 0:
        raise TableParseError(f"table title {title!r} not found")
    lines = text.split("\n")
    li = text.count("\n", 0, start)
    cells = table_cells(lines, li + 1)
    if not any(c == "1" for _, c in cells):
        raise TableParseError(f"no row numbered 1 after {title!r}")
    name = next((i for i, c in cells if _NAME_HEADER.match(c)), None)
    table = read_flat_table(lines, name, title) if name is not None else None
    if table is None or not table.has["serial"]:
        raise TableParseError(f"no header with a serial, a name and a target column after {title!r}")
    years = [y for _, y in table.columns if y]
    if len(years) != 2:
        raise TableParseError(f"expected a base year and a target year in the header, got {table.columns}")
    if table.stop:
        raise TableParseError(table.stop)
    for row in table.rows:
        if row.qualitative is None and len(row.values) < len(table.columns):
            raise TableParseError(f"row {row.serial}: cannot read cells {[c for _, c in row.values]}")
        if row.n_texts > 2:
            raise TableParseError(f"row {row.serial}: expected [category,] name[, unit], got {row.n_texts} text cells")
    return table


def parse_flat_table(text: str, title: str) -> pd.DataFrame:
    """Parse the flattened indicator table that follows ``title`` in ``text`` (strictly).

    Returns one row per indicator with the cells as written (``base_value`` and
    ``target_value`` in the table's own unit ``unit_zh``), plus ``base_year``/``target_year``
    read from the header and ``multiplier`` for the unit (万 → 1e4, 亿 → 1e8).  Raises
    :class:`TableParseError` saying where the table does not have the expected shape.
    """
    table = _strict(text, title)
    roles = [r for r, _ in table.columns]
    base_year = next(y for r, y in table.columns if r == "base")
    target_year = next(y for r, y in table.columns if r == "target")
    rows = []
    for row in table.rows:
        vals = dict(zip(roles, [c for _, c in row.values]))
        if row.qualitative is None and not vals.get("increase", "%").endswith("%"):
            raise TableParseError(f"row {row.serial}: increase cell {vals['increase']!r} is not a percentage")
        unit = row.unit[1] if row.unit else None
        rows.append({
            "row": row.serial, "category_zh": row.category, "name_zh": row.name[1], "unit_zh": unit,
            "base_year": base_year, "base_value": float(vals["base"]) if "base" in vals else None,
            "target_year": target_year, "target_value": float(vals["target"]) if "target" in vals else None,
            "increase_pct": float(vals["increase"].rstrip("%")) if "increase" in vals else None,
            "qualitative": row.qualitative[1] if row.qualitative else None,
            "multiplier": MULTIPLIERS.get(unit[0], 1.0) if unit else 1.0,
        })
    df = pd.DataFrame(rows)
    for col in ("category_zh", "name_zh", "unit_zh", "qualitative"):
        df[col] = df[col].astype("string")
    for col in ("base_value", "target_value", "increase_pct", "multiplier"):
        df[col] = df[col].astype("float64")
    return df


def indicator_table(doc_id: str) -> pd.DataFrame:
    """A document's flattened indicator table, parsed from ``data/raw/<doc_id>.txt`` under the title
    that ``documents.csv`` records in ``indicator_table_title`` (the one place the title is kept).

    >>> row = indicator_table("ordos_2022").loc[1]
    >>> row["name_zh"], row["unit_zh"], float(row["base_value"]), float(row["target_value"]), float(row["increase_pct"])
    ('商标注册量', '万件', 3.1219, 5.0, 60.0)
    >>> indicator_table("guiyang_2022")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.TableParseError: guiyang_2022 has no indicator table: its indicator_table_title in documents.csv is empty (documents with one: ordos_2022)
    """
    docs = documents()
    doc = docs.loc[docs["doc_id"] == check_doc_id(doc_id)].iloc[0]
    title = doc["indicator_table_title"]
    if not isinstance(title, str) or not title.strip():
        having = ", ".join(docs.loc[docs["indicator_table_title"].fillna("").str.strip() != "", "doc_id"]) or "none"
        raise TableParseError(f"{doc_id} has no indicator table: its indicator_table_title in documents.csv is "
                              f"empty (documents with one: {having})")
    return parse_flat_table(raw_text(doc_id), title)


def ordos_indicator_table() -> pd.DataFrame:
    """The Ordos 14th five-year plan's indicator table: ``indicator_table("ordos_2022")``.

    >>> float(ordos_indicator_table().loc[1, "target_value"])
    5.0
    """
    return indicator_table("ordos_2022")
