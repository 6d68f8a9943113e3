"""Schemas of the data tables, and errors that name the file, the line and the column.

Column-level rules (types, required cells, allowed values, unique ids, catalogue keys) are
checked with `pandera <https://pandera.readthedocs.io>`_; rules that need two tables or the
raw texts (a quote that must be in its source, a unit that must match the catalogue) are
checked row by row here.  Every failure becomes one :class:`Problem`; all problems of a file
are reported together in one :class:`DataValidationError`.

>>> import pandas as pd
>>> bad = pd.DataFrame({"doc_id": ["x"], "quote": ["q"], "reason": ["r"]})
>>> validate_frame("target_exclusions", bad, "data/target_exclusions.csv", {"doc_ids": ["ordos_2022"]})
Traceback (most recent call last):
...
ipanalysis.errors.DataValidationError: data/target_exclusions.csv: 1 problem
  line 2, column 'doc_id': 'x' is not allowed; valid: ordos_2022
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from ..units import BASE_UNITS
from ..errors import DataValidationError
from .urls import URL_COLUMNS, url_problem

__all__ = ["DataValidationError", "Problem", "SCHEMAS", "validate_frame", "COMPARATORS", "TARGET_MEASURES", "RELATIONS"]

COMPARATORS = (">=", ">", "=", "≈", "range", "<=", "<", "qualitative")
TARGET_MEASURES = ("stock", "annual_flow", "cumulative", "level", "growth_rate", "share", "intensity", "score", "increment")
BASELINE_MEASURES = ("stock", "annual_flow", "cumulative", "level", "share", "intensity", "score")
CATEGORIES = ("creation", "utilization", "protection", "management", "service", "talent", "funding")
NATURAL_MEASURES = ("stock", "flow", "share", "intensity", "score", "rate")
#: indicator_relations.relation: indicator ⊂ other (part_of), indicator adds to the level other
#: (increment_of), indicator is a stock fed by the annual flow other (stock_flow).
RELATIONS = ("part_of", "increment_of", "stock_flow")
QUALIFIERS = ("=", ">", ">=")
SCOPES = ("city", "district", "county", "province", "national")
BASES = ("period_total", "running_total", "annual_average", "whole_period", "ambiguous")


@dataclass(frozen=True)
class Col:
    """One column: dtype, whether a cell may be empty, allowed values (or a context key)."""

    dtype: str = "string"
    required: bool = False
    allowed: tuple | str | None = None  # a tuple, or the name of a context list
    unique: bool = False


S, F, I = "string", "float64", "Int64"

SCHEMAS: dict[str, dict[str, Col]] = {
    "documents": {
        "doc_id": Col(S, True, None, True), "place_zh": Col(S, True), "place_en": Col(S, True),
        "province_zh": Col(), "province_en": Col(),
        "admin_level": Col(S, True, ("city", "district", "national")),
        "title_zh": Col(S, True), "title_en": Col(S, True), "issuer_zh": Col(S, True), "issuer_en": Col(S, True),
        "doc_number": Col(), "issued_date": Col(), "published_date": Col(),
        "plan_start_year": Col(I, True), "target_years": Col(S, True),
        "doc_kind": Col(S, True, ("work_plan", "pilot_work_plan", "outline", "annual_work_plan", "five_year_plan")),
        "raw_file": Col(S, True), "source_url": Col(), "accessed": Col(), "sha256": Col(S, True, None, True),
        "indicator_table_title": Col(), "note": Col(),
    },
    "indicators": {
        "key": Col(S, True, None, True), "name_zh": Col(S, True), "name_en": Col(S, True),
        "category": Col(S, True, CATEGORIES), "base_unit": Col(S, True, BASE_UNITS),
        "measure": Col(S, True, NATURAL_MEASURES), "direction": Col(S, True, ("up", "down")),
        "definition": Col(), "note": Col(),
    },
    "targets": {
        "target_id": Col(S, True, None, True), "doc_id": Col(S, True, "doc_ids"),
        "indicator": Col(S, True, "indicator_keys"), "indicator_zh": Col(S, True),
        "value": Col(F), "value_high": Col(F), "unit": Col(S, True, BASE_UNITS), "value_text": Col(),
        "table_unit": Col(), "comparator": Col(S, True, COMPARATORS), "measure": Col(S, True, TARGET_MEASURES),
        "target_year": Col(I, True), "baseline_value": Col(F), "baseline_year": Col(I),
        "commitment": Col(S, True, ("firm", "strive")), "attribute": Col(S, False, ("expected", "binding")),
        "basis": Col(S, False, BASES),
        "scope": Col(), "section": Col(), "source_quote": Col(S, True), "duplicate_of": Col(), "note": Col(),
    },
    "baselines": {
        "baseline_id": Col(S, True, None, True), "doc_id": Col(S, True, "doc_ids"),
        "indicator": Col(S, True, "indicator_keys"), "indicator_zh": Col(S, True),
        "year": Col(I, True), "period_start": Col(I), "value": Col(F), "value_text": Col(), "table_unit": Col(),
        "unit": Col(S, True, BASE_UNITS), "measure": Col(S, True, BASELINE_MEASURES),
        "growth_value": Col(F), "growth_text": Col(),
        "growth_kind": Col(S, False, ("cagr", "times_increase", "multiple_of")), "growth_base_year": Col(I),
        "section": Col(), "source_quote": Col(S, True), "note": Col(),
    },
    "observations": {
        "doc_id": Col(S, False, "doc_ids"), "place": Col(), "indicator": Col(S, True, "indicator_keys"),
        "period_start": Col(), "period_end": Col(S, True), "value": Col(F, True), "value_text": Col(),
        "unit": Col(S, True, BASE_UNITS), "measure": Col(S, True, NATURAL_MEASURES + ("running_total",)),
        "qualifier": Col(S, True, QUALIFIERS), "scope": Col(S, True, SCOPES),
        "source_title": Col(S, True), "source_publisher": Col(S, True), "source_date": Col(),
        "source_url": Col(S, True), "source_quote": Col(), "note": Col(),
    },
    "population": {
        "doc_id": Col(S, True, "doc_ids"), "place": Col(S, True), "year": Col(I, True), "date": Col(S, True),
        "value": Col(F, True), "value_text": Col(S, True), "unit": Col(S, True, ("人",)), "scope": Col(S, True, SCOPES),
        "source_title": Col(S, True), "source_publisher": Col(S, True), "source_date": Col(),
        "source_url": Col(S, True), "source_quote": Col(S, True), "note": Col(),
    },
    "target_exclusions": {
        "doc_id": Col(S, True, "doc_ids"), "quote": Col(S, True), "reason": Col(S, True),
    },
    "indicator_relations": {
        "doc_id": Col(S, False, "doc_ids"), "indicator": Col(S, True, "indicator_keys"),
        "relation": Col(S, True, RELATIONS), "other_indicator": Col(S, True, "indicator_keys"),
        "strict": Col(S, False, ("yes", "no")), "note": Col(S, True), "source": Col(S, True),
    },
    "stated_reasons": {
        "direction": Col(S, True, ("slower", "faster")), "indicators": Col(), "all_of": Col(S, True), "any_of": Col(),
        "reason_en": Col(S, True), "note": Col(),
    },
}


@dataclass(frozen=True)
class Problem:
    """One failed rule: where (line in the CSV, counting the header as line 1), what, why."""

    line: int | None
    column: str | None
    message: str
    row_id: str | None = None

    def __str__(self) -> str:
        where = [f"line {self.line}" if self.line is not None else "file"]
        if self.row_id:
            where[0] += f" ({self.row_id})"
        if self.column:
            where.append(f"column {self.column!r}")
        return ", ".join(where) + f": {self.message}"


def _allowed(col: Col, context: dict) -> tuple | None:
    if isinstance(col.allowed, str):
        return tuple(context.get(col.allowed, ()))
    return col.allowed


def _describe(check: str, value, allowed: tuple | None) -> str:
    if check.startswith("coerce_dtype") or check.startswith("dtype"):
        kind = "a whole number" if "Int" in check else "a number" if "float" in check else "text"
        return f"{value!r} is not {kind}"
    if check == "field_uniqueness":
        return f"duplicate value {value!r}"
    if check == "not_nullable":
        return "missing value (this column is required)"
    if check.startswith("isin"):
        shown = ", ".join(map(str, allowed or ()))
        return f"{value!r} is not allowed; valid: {shown}"
    if check == "column_in_dataframe":
        return "column is missing"
    if check == "column_in_schema":
        return "unexpected column"
    return f"{value!r} fails {check}"


def _pandera_schema(name: str, context: dict) -> pa.DataFrameSchema:
    columns = {}
    for col_name, col in SCHEMAS[name].items():
        allowed = _allowed(col, context)
        checks = [pa.Check.isin(list(allowed))] if allowed else []
        columns[col_name] = pa.Column(col.dtype, checks, nullable=not col.required, unique=col.unique,
                                      coerce=True, required=True)
    return pa.DataFrameSchema(columns, strict=True, ordered=False)


def validate_frame(name: str, df: pd.DataFrame, file: str, context: dict | None = None) -> pd.DataFrame:
    """Check ``df`` against the schema ``name``; return it with proper dtypes.

    ``context`` supplies the lists that some columns draw from (``doc_ids``,
    ``indicator_keys``).  Raises :class:`DataValidationError` listing every problem.

    Parameters
    ----------
    name : str
        The schema's name (a table's file stem, e.g. ``targets``).
    df : DataFrame
        The rows as read.
    file : str
        The file name the problems name.
    context : dict, optional
        Lists some columns draw from (``doc_ids``, ``indicator_keys``).

    Returns
    -------
    DataFrame
        ``df`` with the schema's dtypes.
    """
    context = context or {}
    schema = _pandera_schema(name, context)
    unsafe = _url_problems(df)
    try:
        out = schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases
        id_col = next(iter(SCHEMAS[name]))
        problems, seen = [], set()
        for rec in fc.itertuples(index=False):
            idx = rec.index if pd.notna(rec.index) else None
            column = rec.column if isinstance(rec.column, str) else None
            check = str(rec.check)
            if check == "column_in_dataframe" or check == "column_in_schema":
                column = str(rec.failure_case)
            key = (idx, column, check.split("(")[0])
            if key in seen or (check.startswith("dtype") and (idx, column, "coerce_dtype") in seen):
                continue
            seen.add(key)
            allowed = _allowed(SCHEMAS[name][column], context) if column in SCHEMAS[name] else None
            row_id = None
            if idx is not None and id_col in df.columns and id_col != column:
                row_id = f"{id_col}={df.loc[int(idx), id_col]}"
            problems.append(Problem(None if idx is None else int(idx) + 2, column,
                                    _describe(check, rec.failure_case, allowed), row_id))
        problems = sorted(problems + unsafe, key=lambda p: (p.line or 0, p.column or ""))
        raise DataValidationError(file, problems) from None
    if unsafe:
        raise DataValidationError(file, unsafe)
    return out[list(SCHEMAS[name])]


def _url_problems(df: pd.DataFrame) -> list[Problem]:
    """A URL column holding a scheme other than http, https or mailto (``javascript:``, ``data:`` …)."""
    return [Problem(int(i) + 2, col, msg) for col in URL_COLUMNS if col in df.columns
            for i, v in df[col].items() if pd.notna(v) and (msg := url_problem(str(v)))]
