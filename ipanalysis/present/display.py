"""Notebook set-up: one call that makes tables and charts look the same everywhere.

>>> setup_notebook()
>>> import pandas as pd
>>> pd.get_option("display.max_colwidth")
120
"""

from __future__ import annotations

import pandas as pd

from ..errors import IpanalysisError
from ..units import fmt_value
from . import links, notes, tabledata
from .vocabulary import HEADERS, LABELS, LANGS, bilingual_label, check_lang, header, page_header

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
    >>> Table(pd.DataFrame({"a": []}), lang="zh")._repr_html_(), Table(pd.DataFrame({"a": []}))._repr_mimebundle_()
    ("<p class='ipa-empty'>本页无此项内容。</p>", {})
    """

    def __init__(self, df: pd.DataFrame, caption: str | None = None, data: tuple | None = None,
                 anchors: list[str] | None = None, lang: str = "en"):
        self.df, self.caption = df.reset_index(drop=True).rename_axis(columns=None), caption
        self.data = data  # (frame in base units, Frictionless fields) for download; None: the shown frame
        self.anchors = anchors  # one target id per row: the row's HTML id is "t-<id>" (a link lands on it)
        self.lang = check_lang(lang)  # the language of the sentence an empty table shows

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        """The table's data, machine-readable (:mod:`~ipanalysis.present.tabledata`), beside the HTML; a
        table with no rows has none (a page offers no download of an empty table)."""
        if self.df.empty:
            return {}
        return {tabledata.MIME: tabledata.payload(self.df, self.caption, self.data, DASH)}

    def __repr__(self) -> str:
        return "(none)" if self.df.empty else self.df.to_string(index=False)

    def _repr_html_(self) -> str:
        cap = f"<p class='ipa-caption'><em>{self.caption}</em></p>" if self.caption else ""
        if self.df.empty:  # a header row over nothing reads as a broken table: a sentence instead
            return cap + f"<p class='ipa-empty'>{notes.EMPTY[LANGS.index(self.lang)]}</p>"
        html = links.html_frame(self.df, DASH).to_html(index=False, escape=False, border=0, classes="ipa-table",
                                                        na_rep=DASH)
        if self.anchors is not None:
            html = anchor_rows(html, self.anchors)
        style = ("<style>.ipa-table{border-collapse:collapse;font-size:12px;table-layout:auto;max-width:100%}"
                 ".ipa-table td,.ipa-table th{white-space:normal;word-break:break-word;max-width:22em;"
                 "padding:2px 6px;text-align:left;vertical-align:top}</style>")
        return style + cap + html


def anchor_rows(html: str, ids: list[str]) -> str:
    """Give the body rows of a table, in order, the ids ``t-<id>`` (a target's anchor on its page).

    >>> anchor_rows("<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>", ["GY-03"])
    '<table><thead><tr><th>a</th></tr></thead><tbody><tr id="t-GY-03"><td>x</td></tr></tbody></table>'
    """
    head, sep, body = html.partition("<tbody>")
    rows = body.split("<tr>")
    if len(rows) - 1 != len(ids):
        raise IpanalysisError(f"{len(ids)} anchors for {len(rows) - 1} rows: give one target id per row")
    return head + sep + rows[0] + "".join(f'<tr id="t-{i}">{r}' for i, r in zip(ids, rows[1:]))


#: Column → kind, for the library's frames.  Kinds: ``text``, ``int``, ``pct`` (a fraction shown as %),
#: ``ratio`` (two decimals), ``bool`` (✓/✗), ``code`` (a code, in the vocabulary's words, en and zh),
#: ``comparator`` (in words: "at least (≥)", "不低于（≥）"), ``status`` (a verdict code; ``borderline`` names its
#: two bands), ``value`` (in the row's ``unit``; a ``range`` target with a ``value_high``/``target_value_high``
#: shows both ends), ``value@col`` (in the unit named by column ``col``), ``value=unit`` (in a fixed unit).
KINDS: dict[str, str] = {
    "target_id": "text", "indicator": "indicator", "indicator_zh": "text", "measure": "code", "basis": "code",
    "comparator": "comparator", "place_en": "place", "target_value": "value", "value": "value", "target_year": "int",
    "target_level": "value@level_unit", "baseline_value": "value@level_unit", "baseline_date": "text",
    "baseline_kind": "code", "baseline_source": "text", "required_cagr": "pct",
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


def _cell(v, kind: str, unit: str | None = None, lang: str = "en") -> str:
    """One cell as read: missing → —, else by ``kind`` (see :data:`COLUMNS`); words in both languages, ``lang``'s first."""
    if kind.startswith("value"):
        return fmt_value(v, unit)
    if kind == "comparator" and isinstance(v, str):
        return notes.comparator(v, lang)
    if kind in ("code", "status") and isinstance(v, str) and v in LABELS:
        return bilingual_label(v, lang=lang)
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


def readable(df: pd.DataFrame, columns: list, unit_col: str = "unit", caption: str | None = None,
             lang: str = "en", anchors: bool = False) -> Table:
    """The named columns of ``df``, formatted for reading with the kinds of :data:`COLUMNS` and the
    vocabulary's headers, the page's language (``lang``) first; an item ``(column, key)`` keeps the
    column's kind but takes the header of ``key`` (a column of the vocabulary's ``HEADERS``).
    ``anchors=True``: each row's HTML id is ``t-<target_id>``, so a link can land on a target.

    >>> df = pd.DataFrame({"target_value": [4.46e9], "unit": ["yuan"], "actual_cagr": [0.1234], "comment": [pd.NA]})
    >>> print(readable(df, ["target_value", "actual_cagr", ("comment", "note")]))
    Target 目标值 Observed growth 实际年均增速 Note 说明
        44.6亿元                  12.3%       —
    >>> print(readable(df, ["target_value", "actual_cagr"], lang="zh"))
    目标值 Target 实际年均增速 Observed growth
        44.6亿元                  12.3%
    """
    check_lang(lang)
    out, spec, data = pd.DataFrame(index=df.index), [], df.copy()
    for item in columns:
        col, key = item if isinstance(item, tuple) else (item, item)
        head = page_header(key, lang)
        kind = KINDS[col]
        spec.append((col, head, kind))
        if kind.startswith("value"):
            fixed, ucol = kind.partition("=")[2], kind.partition("@")[2] or unit_col
            units = [fixed] * len(df) if fixed else (df[ucol] if ucol in df else [None] * len(df))
        else:
            units = [None] * len(df)
        cells = [_cell(v, kind, u, lang) for v, u in zip(df[col], units)]
        if kind in ("indicator", "place"):
            cells = _names(df[col], kind, lang)
        if col in notes.NOTE_COLUMNS and (worded := notes.note_cells(df, col, lang)) is not None:
            cells = [c or DASH for c in worded]   # the analysis's codes in the page's words
            data[col] = [c or None for c in worded]
        high = _HIGH.get(col)
        if kind == "value" and high in df and "comparator" in df:   # ranges stay ranges: 1—2个
            cells = [fmt_range(v, h, u) if c == "range" else cell
                     for cell, v, h, u, c in zip(cells, df[col], df[high], units, df["comparator"])]
        if col == "status" and {"status_low", "status_high"} <= set(df.columns):   # borderline: both bands
            cells = [bilingual_label(v, lo, hi, lang) if v == "borderline" else cell
                     for cell, v, lo, hi in zip(cells, df[col], df["status_low"], df["status_high"])]
        out[head] = cells
    ids = [str(t) for t in df["target_id"]] if anchors else None
    return Table(out, caption, tabledata.readable_data(data, spec, unit_col), anchors=ids, lang=lang)


def _head(name, lang: str) -> str:
    """A header for a column or index level: the vocabulary's words when it names one, else as given."""
    name = str(name)
    if name in HEADERS:
        return page_header(name, lang)
    if name in LABELS:
        return bilingual_label(name, lang=lang)
    return name


def _places(values, lang: str) -> list[str]:
    """Document ids as their places' names in ``lang`` (an unknown id stays as it is)."""
    from ..data import documents

    d = documents().set_index("doc_id")
    col = "place_zh" if lang == "zh" else "place_en"
    return [str(d.loc[v, col]) if v in d.index else v for v in values]


def _names(values, kind: str, lang: str) -> list[str]:
    """Indicator keys as their names (Chinese on a Chinese page), English place names as Chinese ones on a Chinese page."""
    from ..data import documents, indicators

    if kind == "indicator":
        cat = indicators().set_index("key")["name_zh" if lang == "zh" else "name_en"]
        return [str(cat.get(v, v)) for v in values]
    if lang != "zh":
        return [str(v) for v in values]
    zh = documents().set_index("place_en")["place_zh"]
    return [str(zh.get(v, v)) for v in values]


def wide_values(df: pd.DataFrame, units, index_header: str = "year", lang: str = "en") -> Table:
    """A wide table (one column per target) with each column's values in its own unit; the index
    column's header is the vocabulary's words for ``index_header``.

    >>> w = pd.DataFrame({"OR-11": [4.46e9, 7e9]}, index=pd.Index([2020, 2025], name="year"))
    >>> print(wide_values(w, {"OR-11": "yuan"}, "year"))
    Year 年份  OR-11
       2020 44.6亿元
       2025   70亿元
    """
    head = _head(index_header, lang)
    out = pd.DataFrame({c: [fmt_value(v, units[c]) for v in df[c]] for c in df.columns}, index=df.index)
    out.insert(0, head, [str(i) for i in df.index])
    if df.empty:
        out = pd.DataFrame({head: [DASH]})
    raw = df.reset_index()
    return Table(out, data=(raw, tabledata.frame_fields(raw, dict(units))), lang=lang)


def matrix_table(df: pd.DataFrame, kind: str = "value", columns: dict | None = None, lang: str = "en") -> Table:
    """A row-indexed matrix for reading: index levels become columns, cells are formatted per row
    (``value``: in the row's ``unit`` index level; ``bool``, ``int``, ``pct`` as in :data:`COLUMNS`); missing → —.
    Headers come from the vocabulary (``columns`` maps a column to a header of its own); a ``doc_id``
    level shows the document's place.

    >>> m = pd.DataFrame({"ordos_2022": [4.46e9, None]}, index=pd.MultiIndex.from_tuples(
    ...     [("ip_pledge_financing", "yuan"), ("valid_trademarks", "件")], names=["indicator", "unit"]))
    >>> print(matrix_table(m, columns={"ordos_2022": "Ordos 鄂尔多斯"}))  # doctest: +NORMALIZE_WHITESPACE
    Indicator 指标 Unit 单位 Ordos 鄂尔多斯
    ip_pledge_financing    yuan     44.6亿元
       valid_trademarks       件          —
    """
    check_lang(lang)
    flat = df.reset_index()
    keys = list(df.index.names)
    out = flat[keys].astype("string").fillna(DASH)
    if "doc_id" in out:
        out["doc_id"] = _places(out["doc_id"], lang)
    if {"indicator", "name_en"} <= set(keys):   # the indicator's name, not its key
        out = out.drop(columns="indicator")
        keys = [k for k in keys if k != "indicator"]
        if lang == "zh":
            from ..data import indicators

            out["name_en"] = flat["indicator"].map(indicators().set_index("key")["name_zh"]).fillna(out["name_en"])
    if "task_en" in out and lang == "zh":
        from ..analysis.compare import national_tasks

        out["task_en"] = flat["task_no"].map(national_tasks().set_index("task_no")["task_zh"]).fillna(out["task_en"])
    for k in ("measure", "status"):
        if k in out:
            out[k] = [bilingual_label(v, lang=lang) if v in LABELS else v for v in out[k]]
    out.columns = [_head(k, lang) for k in keys]
    for col in df.columns:
        cells = [_cell(v, kind, u, lang) for v, u in zip(flat[col], flat["unit"] if "unit" in flat else [None] * len(flat))]
        out[(columns or {}).get(col) or _head(col, lang)] = cells
    return Table(out, data=(flat, tabledata.frame_fields(flat)), lang=lang)


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


def quote_table(df: pd.DataFrame, columns: list[str], lang: str = "en") -> Table:
    """A display table of the named columns (no index column), newlines in quotes shown as " ⏎ "
    (flattened tables), missing cells as —; headers from the vocabulary, ``lang`` first; a document id
    shows its place, a status or kind of check its words.

    >>> t = quote_table(pd.DataFrame({"q": ["商标注册量\\n\\n万件"], "n": [None]}), ["q", "n"])
    >>> t.df.iloc[0].tolist()
    ['商标注册量 ⏎ 万件', '—']
    >>> print(quote_table(pd.DataFrame({"doc_id": ["ordos_2022"], "status": ["needs_review"]}), ["doc_id", "status"], "zh"))
    文件 Document        状态 Status
          鄂尔多斯市 待核实 needs review
    """
    check_lang(lang)
    out = df[columns].copy()
    for c in columns:
        if c == "doc_id":
            out[c] = _places(out[c], lang)
        elif c in ("status", "kind"):
            out[c] = [bilingual_label(v, lang=lang) if v in LABELS else v for v in out[c]]
        if pd.api.types.is_string_dtype(out[c]) or pd.api.types.is_object_dtype(out[c]):
            out[c] = out[c].astype("string").str.replace(r"\n+", " ⏎ ", regex=True)
        out[c] = out[c].astype("string").fillna(DASH)
    out.columns = [_head(c, lang) for c in columns]
    return Table(out, lang=lang)
