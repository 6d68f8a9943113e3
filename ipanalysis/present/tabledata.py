"""The data behind a displayed table, machine-readable: what a page offers for download.

A :class:`~ipanalysis.present.display.Table` shows formatted cells (44.6亿元, 12.3%); beside them it
emits :data:`MIME` (``application/vnd.ipanalysis.table+json``), a JSON payload with the caption, the
rows as displayed and the same rows in base units with a Frictionless field list (name, title,
type, unit).  The report writes it beside the page as CSV + a Table Schema descriptor
(:mod:`ipanalysis.report.sidecar`); no kernel work is added.

>>> import pandas as pd
>>> df = pd.DataFrame({"target_value": [4.46e9], "unit": ["yuan"], "actual_cagr": [0.1234]})
>>> raw, fields = readable_data(df, [("target_value", "Target 目标值", "value"),
...                                  ("actual_cagr", "Observed growth", "pct")], "unit")
>>> raw.columns.tolist(), [f.get("unit") for f in fields]
(['target_value', 'target_value_unit', 'actual_cagr'], [None, None, 'fraction'])
>>> payload(pd.DataFrame({"a": ["44.6亿元"]}), "c", (raw, fields))["data"]["rows"]
[[4460000000.0, 'yuan', 0.1234]]
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

__all__ = ["MIME", "readable_data", "frame_fields", "payload", "json_value"]

MIME = "application/vnd.ipanalysis.table+json"
_UNIT_OF_KIND = {"pct": "fraction", "ratio": None}


def json_value(v: Any) -> Any:
    """A cell as JSON: missing → None, numpy scalars → Python, dates → ISO text.

    >>> import numpy as np
    >>> json_value(np.int64(3)), json_value(float("nan")), json_value(pd.NA), json_value(np.bool_(True))
    (3, None, None, True)
    """
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (bool, int, float, str)):
        return v
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def _type(s: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(s):
        return "boolean"
    if pd.api.types.is_integer_dtype(s):
        return "integer"
    if pd.api.types.is_numeric_dtype(s):
        return "number"
    return "string"


def frame_fields(df: pd.DataFrame, units: dict | None = None) -> list[dict]:
    """Frictionless fields of ``df``'s columns (type from the dtype), with a ``unit`` where ``units`` gives one.

    >>> frame_fields(pd.DataFrame({"year": [2020], "OR-11": [4.46e9]}), {"OR-11": "yuan"})
    [{'name': 'year', 'type': 'integer'}, {'name': 'OR-11', 'type': 'number', 'unit': 'yuan'}]
    """
    out = []
    for col in df.columns:
        f = {"name": str(col), "type": _type(df[col])}
        if (units or {}).get(col):
            f["unit"] = units[col]
        out.append(f)
    return out


def readable_data(df: pd.DataFrame, spec: list[tuple[str, str, str]], unit_col: str) -> tuple[pd.DataFrame, list[dict]]:
    """The columns ``spec`` (column, header, kind as in ``display.COLUMNS``) of ``df`` in base units: a
    value whose unit varies by row gets a ``<column>_unit`` column; a fraction shown as % stays a fraction."""
    raw, fields = {}, []
    for col, header, kind in spec:
        name = col if col not in raw else f"{col}_{len(raw)}"
        raw[name] = df[col].reset_index(drop=True)
        field = {"name": name, "title": header}
        if kind.startswith("value"):
            fixed, ucol = kind.partition("=")[2], kind.partition("@")[2] or unit_col
            field["type"] = "number"
            if fixed:
                field["unit"] = fixed
            fields.append(field)
            if not fixed and ucol in df:
                raw[f"{name}_unit"] = df[ucol].reset_index(drop=True)
                fields.append({"name": f"{name}_unit", "title": f"Unit of {name}", "type": "string"})
            continue
        field["type"] = {"pct": "number", "ratio": "number", "bool": "boolean", "int": "integer"}.get(
            kind, _type(df[col]))
        if _UNIT_OF_KIND.get(kind):
            field["unit"] = _UNIT_OF_KIND[kind]
        fields.append(field)
    return pd.DataFrame(raw), fields


def payload(shown: pd.DataFrame, caption: str | None, data: tuple[pd.DataFrame, list[dict]] | None = None,
            na_rep: str = "—") -> dict:
    """The MIME payload: caption, headers and rows as displayed, and ``data`` (fields, rows) for the
    CSV — the displayed frame itself (fields from its dtypes) when no base-unit data is given."""
    frame, fields = data if data is not None else (shown, frame_fields(shown))
    return {
        "caption": caption,
        "columns": [str(c) for c in shown.columns],
        "rows": [[na_rep if json_value(v) is None else str(v) for v in row] for row in shown.itertuples(index=False)],
        "data": {"fields": fields, "rows": [[json_value(v) for v in row] for row in frame.itertuples(index=False)]},
    }
