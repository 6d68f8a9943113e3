"""Notebook set-up: one call that makes tables and charts look the same everywhere.

>>> setup_notebook()
>>> import pandas as pd
>>> pd.get_option("display.max_colwidth")
120
"""

from __future__ import annotations

import pandas as pd

from . import links, tabledata

__all__ = ["setup_notebook", "quote_table", "number", "fmt_value", "readable", "Table", "Prose", "wide_values",
           "matrix_table", "COLUMNS"]

DASH = "—"


def number(v: float) -> str:
    """Readable, stable number formatting for tables: whole numbers with thousands separators,
    fractions to four significant digits.

    >>> number(150000.0), number(3500000000.0), number(0.16549), number(1234.5678)
    ('150,000', '3,500,000,000', '0.1655', '1,234.6')
    """
    if v != v:  # NaN
        return "NaN"
    if float(v).is_integer():
        return f"{v:,.0f}"
    if abs(v) >= 1000:
        return f"{v:,.1f}"
    return f"{v:.4g}"


def fmt_value(v, unit: str | None = None) -> str:
    """A value in the unit a Chinese reader expects: 亿元/万元 for money, 万件 from 10,000, %, 件/万人;
    missing → "—".

    >>> fmt_value(4460000000, "yuan"), fmt_value(6.7e7, "yuan"), fmt_value(150000, "件"), fmt_value(3094, "件")
    ('44.6亿元', '6,700万元', '15万件', '3,094件')
    >>> fmt_value(12.5, "%"), fmt_value(0.93, "件/万人"), fmt_value(float("nan"), "件"), fmt_value(1.05)
    ('12.5%', '0.93件/万人', '—', '1.05')
    """
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return DASH
    v = float(v)

    def short(x: float) -> str:
        if float(x).is_integer() or abs(x) >= 100:
            return f"{x:,.0f}"
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    if unit == "yuan":
        return f"{short(v / 1e8)}亿元" if abs(v) >= 1e8 else f"{short(v / 1e4)}万元"
    if unit in ("件", "人", "人次") and abs(v) >= 1e4:
        return f"{short(v / 1e4)}万{unit}"
    return f"{short(v)}{unit or ''}"


class Prose(str):
    """Markdown text that renders as Markdown in a notebook and shows as plain text to nbval.

    >>> Prose("**bold**")._repr_markdown_()
    '**bold**'
    """

    def _repr_markdown_(self) -> str:
        return links.markdown_text(self)

    def __repr__(self) -> str:
        return str(self)


class Table:
    """A display table: HTML without an index column (wrapping long cells), and the same rows as
    plain text for nbval to compare.

    >>> print(Table(pd.DataFrame({"a": ["x"], "b": ["✓"]})))
    a b
    x ✓
    >>> print(Table(pd.DataFrame({"a": []})))
    (none)
    """

    def __init__(self, df: pd.DataFrame, caption: str | None = None, data: tuple | None = None):
        self.df, self.caption = df.reset_index(drop=True).rename_axis(columns=None), caption
        self.data = data  # (frame in base units, Frictionless fields) for download; None: the shown frame

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        """The table's data, machine-readable (:mod:`~ipanalysis.present.tabledata`), beside the HTML."""
        return {tabledata.MIME: tabledata.payload(self.df, self.caption, self.data, DASH)}

    def __repr__(self) -> str:
        return "(none)" if self.df.empty else self.df.to_string(index=False)

    def _repr_html_(self) -> str:
        cap = f"<p class='ipa-caption'><em>{self.caption}</em></p>" if self.caption else ""
        if self.df.empty:  # a header row over nothing reads as a broken table
            return cap + "<p><em>(none)</em></p>"
        html = links.html_frame(self.df, DASH).to_html(index=False, escape=False, border=0, classes="ipa-table",
                                                        na_rep=DASH)
        style = ("<style>.ipa-table{border-collapse:collapse;font-size:12px;table-layout:auto;max-width:100%}"
                 ".ipa-table td,.ipa-table th{white-space:normal;word-break:break-word;max-width:22em;"
                 "padding:2px 6px;text-align:left;vertical-align:top}</style>")
        return style + cap + html


#: Column → (bilingual header, kind) for the library's frames.  Kinds: ``text``, ``int``, ``pct`` (a
#: fraction shown as %), ``ratio`` (two decimals), ``bool`` (✓/✗), ``value`` (in the row's ``unit``),
#: ``value@col`` (in the unit named by column ``col``), ``value=unit`` (in a fixed unit).
COLUMNS: dict[str, tuple[str, str]] = {
    "target_id": ("Target 目标", "text"), "indicator": ("Indicator 指标", "text"),
    "indicator_zh": ("Indicator 指标", "text"), "measure": ("Measure 类型", "text"), "basis": ("Basis 口径", "text"),
    "comparator": ("Comparator 比较", "text"), "place_en": ("Place 地区", "text"),
    "target_value": ("Target 目标值", "value"), "value": ("Target 目标值", "value"),
    "target_year": ("Year 年份", "int"), "target_level": ("Level implied 对应水平", "value@level_unit"),
    "baseline_value": ("Baseline 基期值", "value@level_unit"), "baseline_date": ("Baseline date 基期", "text"),
    "baseline_kind": ("Baseline from 基期来源", "text"), "baseline_source": ("Source URL 来源", "text"),
    "required_cagr": ("Required CAGR 所需年均增速", "pct"),
    "required_linear_increase": ("Linear increase a year 年均增量", "value@level_unit"),
    "implied_annual_average": ("A year on average 年均", "value"), "reason": ("Why 原因", "text"),
    "obs_value": ("Observed 观测值", "value@level_unit"), "obs_period_start": ("From 起", "text"),
    "obs_period_end": ("To 止", "text"), "annualised_value": ("Annualised 年化", "value@level_unit"),
    "obs_source": ("Source 来源", "text"), "obs_url": ("URL 网址", "text"),
    "status": ("Status 状态", "text"), "flags": ("Caveats 说明", "text"), "comment": ("Why 原因", "text"),
    "progress_ratio": ("Progress 进度", "pct"), "elapsed_share": ("Time elapsed 时间进度", "pct"),
    "schedule_status": ("序时进度", "text"), "actual_cagr": ("Observed growth 实际年均增速", "pct"),
    "cagr_ratio": ("Ratio 比值", "ratio"), "opensdg_status": ("Open SDG", "text"),
    "projected_ratio": ("Projected 预测完成度", "pct"), "unsd_status": ("UNSD 2023", "text"),
    "population": ("Residents 常住人口", "value=人"), "population_year": ("Year 年份", "int"),
    "per_10k": ("Per 10,000 residents 每万人", "ratio"),
}


def _cell(v, kind: str, unit: str | None = None) -> str:
    """One cell as read: missing → —, else by ``kind`` (see :data:`COLUMNS`)."""
    if kind.startswith("value"):
        return fmt_value(v, unit)
    if v is None or v is pd.NA or (isinstance(v, float) and v != v) or (kind == "text" and str(v) == ""):
        return DASH
    if kind == "pct":
        return f"{float(v) * 100:.1f}%"
    if kind == "ratio":
        return f"{float(v):.2f}"
    if kind == "bool":
        return "✓" if bool(v) else "✗"
    if kind == "int":
        return f"{int(v)}"
    return str(v).replace("\n", " ⏎ ")


def readable(df: pd.DataFrame, columns: list, unit_col: str = "unit", caption: str | None = None) -> Table:
    """The named columns of ``df``, formatted for reading with the headers and kinds of
    :data:`COLUMNS`; an item ``(column, header)`` keeps the kind but changes the header.

    >>> df = pd.DataFrame({"target_value": [4.46e9], "unit": ["yuan"], "actual_cagr": [0.1234], "comment": [pd.NA]})
    >>> print(readable(df, ["target_value", "actual_cagr", ("comment", "Note 备注")]))
    Target 目标值 Observed growth 实际年均增速 Note 备注
        44.6亿元                  12.3%       —
    """
    out, spec = pd.DataFrame(index=df.index), []
    for item in columns:
        col, header = item if isinstance(item, tuple) else (item, COLUMNS[item][0])
        kind = COLUMNS[col][1]
        spec.append((col, header, kind))
        if kind.startswith("value"):
            fixed, ucol = kind.partition("=")[2], kind.partition("@")[2] or unit_col
            units = [fixed] * len(df) if fixed else (df[ucol] if ucol in df else [None] * len(df))
        else:
            units = [None] * len(df)
        out[header] = [_cell(v, kind, u) for v, u in zip(df[col], units)]
    return Table(out, caption, tabledata.readable_data(df, spec, unit_col))


def wide_values(df: pd.DataFrame, units, index_header: str) -> Table:
    """A wide table (one column per target) with each column's values in its own unit.

    >>> w = pd.DataFrame({"OR-11": [4.46e9, 7e9]}, index=pd.Index([2020, 2025], name="year"))
    >>> print(wide_values(w, {"OR-11": "yuan"}, "Year 年份"))
    Year 年份  OR-11
       2020 44.6亿元
       2025   70亿元
    """
    out = pd.DataFrame({c: [fmt_value(v, units[c]) for v in df[c]] for c in df.columns}, index=df.index)
    out.insert(0, index_header, [str(i) for i in df.index])
    if df.empty:
        out = pd.DataFrame({index_header: [DASH]})
    raw = df.reset_index()
    return Table(out, data=(raw, tabledata.frame_fields(raw, dict(units))))


def matrix_table(df: pd.DataFrame, kind: str = "value", columns: dict | None = None) -> Table:
    """A row-indexed matrix for reading: index levels become columns, cells are formatted per row
    (``value``: in the row's ``unit`` index level; ``bool``, ``int``, ``pct`` as in :data:`COLUMNS`); missing → —.

    >>> m = pd.DataFrame({"ordos_2022": [4.46e9, None]}, index=pd.MultiIndex.from_tuples(
    ...     [("ip_pledge_financing", "yuan"), ("valid_trademarks", "件")], names=["indicator", "unit"]))
    >>> print(matrix_table(m, columns={"ordos_2022": "Ordos 鄂尔多斯"}))
              indicator unit Ordos 鄂尔多斯
    ip_pledge_financing yuan     44.6亿元
       valid_trademarks    件          —
    """
    flat = df.reset_index()
    keys = list(df.index.names)
    out = flat[keys].astype("string").fillna(DASH)
    for col in df.columns:
        cells = [_cell(v, kind, u) for v, u in zip(flat[col], flat["unit"] if "unit" in flat else [None] * len(flat))]
        out[(columns or {}).get(col, col)] = cells
    return Table(out, data=(flat, tabledata.frame_fields(flat)))


def setup_notebook() -> None:
    """Pandas display options (deterministic, readable) and the chart house style.

    >>> setup_notebook(); pd.get_option("display.max_rows")
    200
    """
    from .charts import use_house_style

    pd.set_option("display.max_columns", 40)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 200)
    pd.set_option("display.float_format", number)
    use_house_style()


def quote_table(df: pd.DataFrame, columns: list[str]) -> Table:
    """A display table of the named columns (no index column), newlines in quotes shown as " ⏎ "
    (flattened tables), missing cells as —.

    >>> t = quote_table(pd.DataFrame({"q": ["商标注册量\\n\\n万件"], "n": [None]}), ["q", "n"])
    >>> t.df.iloc[0].tolist()
    ['商标注册量 ⏎ 万件', '—']
    """
    out = df[columns].copy()
    for c in columns:
        if pd.api.types.is_string_dtype(out[c]) or pd.api.types.is_object_dtype(out[c]):
            out[c] = out[c].astype("string").str.replace(r"\n+", " ⏎ ", regex=True)
        out[c] = out[c].astype("string").fillna(DASH)
    return Table(out)
