"""Notebook set-up: one call that makes tables and charts look the same everywhere.

>>> setup_notebook()
>>> import pandas as pd
>>> pd.get_option("display.max_colwidth")
120
"""

from __future__ import annotations

import pandas as pd

from ..units import fmt_value
from . import links, tabledata
from .vocabulary import LABELS, bilingual_label, header

__all__ = ["setup_notebook", "quote_table", "number", "fmt_value", "readable", "Table", "Prose", "wide_values",
           "matrix_table", "COLUMNS", "KINDS", "fmt_range"]

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


#: Column → kind, for the library's frames.  Kinds: ``text``, ``int``, ``pct`` (a fraction shown as %),
#: ``ratio`` (two decimals), ``bool`` (✓/✗), ``code`` (a code, in the vocabulary's words, en and zh),
#: ``status`` (a verdict code; ``borderline`` names its two bands), ``value`` (in the row's ``unit``; a
#: ``range`` target with a ``value_high``/``target_value_high`` shows both ends), ``value@col`` (in the unit
#: named by column ``col``), ``value=unit`` (in a fixed unit).
KINDS: dict[str, str] = {
    "target_id": "text", "indicator": "text", "indicator_zh": "text", "measure": "code", "basis": "code",
    "comparator": "text", "place_en": "text", "target_value": "value", "value": "value", "target_year": "int",
    "target_level": "value@level_unit", "baseline_value": "value@level_unit", "baseline_date": "text",
    "baseline_kind": "text", "baseline_source": "text", "required_cagr": "pct",
    "required_linear_increase": "value@level_unit", "implied_annual_average": "value", "reason": "text",
    "obs_value": "value@level_unit", "obs_period_start": "text", "obs_period_end": "text",
    "annualised_value": "value@level_unit", "obs_source": "text", "obs_url": "text", "status": "status",
    "flags": "text", "comment": "text", "progress_ratio": "pct", "elapsed_share": "pct", "expected_share": "pct",
    "schedule_status": "status", "actual_cagr": "pct", "cagr_ratio": "ratio", "reading": "code",
    "opensdg_status": "status", "projected_ratio": "pct", "unsd_status": "status", "years_elapsed": "ratio",
    "working": "text", "working_zh": "text", "population": "value=人", "population_year": "int", "per_10k": "ratio",
}
#: Column → (bilingual header from :mod:`~ipanalysis.present.vocabulary`, kind).
COLUMNS: dict[str, tuple[str, str]] = {col: (header(col), kind) for col, kind in KINDS.items()}
_HIGH = {"target_value": "target_value_high", "value": "value_high"}


def fmt_range(low, high, unit: str | None = None) -> str:
    """A range target as written, both ends in one unit: ``1—2个``; without an upper end, the value.

    >>> fmt_range(1, 2, "个"), fmt_range(5, 10, "个"), fmt_range(5e8, 1e9, "yuan"), fmt_range(3, None, "个")
    ('1—2个', '5—10个', '5亿元—10亿元', '3个')
    """
    lo = fmt_value(low, unit)
    if high is None or high is pd.NA or (isinstance(high, float) and high != high):
        return lo
    hi = fmt_value(high, unit)
    suffix = unit or ""
    if suffix and suffix != "yuan" and lo.endswith(suffix) and hi.endswith(suffix) and "万" not in lo + hi:
        lo = lo[: -len(suffix)]
    return f"{lo}—{hi}"


def _cell(v, kind: str, unit: str | None = None) -> str:
    """One cell as read: missing → —, else by ``kind`` (see :data:`COLUMNS`)."""
    if kind.startswith("value"):
        return fmt_value(v, unit)
    if kind in ("code", "status") and isinstance(v, str) and v in LABELS:
        return bilingual_label(v)
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
        col, head = item if isinstance(item, tuple) else (item, COLUMNS[item][0])
        kind = COLUMNS[col][1]
        spec.append((col, head, kind))
        if kind.startswith("value"):
            fixed, ucol = kind.partition("=")[2], kind.partition("@")[2] or unit_col
            units = [fixed] * len(df) if fixed else (df[ucol] if ucol in df else [None] * len(df))
        else:
            units = [None] * len(df)
        cells = [_cell(v, kind, u) for v, u in zip(df[col], units)]
        high = _HIGH.get(col)
        if kind == "value" and high in df and "comparator" in df:   # ranges stay ranges: 1—2个
            cells = [fmt_range(v, h, u) if c == "range" else cell
                     for cell, v, h, u, c in zip(cells, df[col], df[high], units, df["comparator"])]
        if col == "status" and {"status_low", "status_high"} <= set(df.columns):   # borderline: both bands
            cells = [bilingual_label(v, lo, hi) if v == "borderline" else cell
                     for cell, v, lo, hi in zip(cells, df[col], df["status_low"], df["status_high"])]
        out[head] = cells
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
