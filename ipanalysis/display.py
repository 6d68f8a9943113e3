"""Notebook set-up: one call that makes tables and charts look the same everywhere.

>>> setup_notebook()
>>> import pandas as pd
>>> pd.get_option("display.max_colwidth")
120
"""

from __future__ import annotations

import pandas as pd

__all__ = ["setup_notebook", "quote_table", "number"]


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


def quote_table(df: pd.DataFrame, columns: list[str], index: str | None = None) -> pd.DataFrame:
    """A display copy: the named columns, newlines in quotes shown as " ⏎ " (flattened tables).

    >>> quote_table(pd.DataFrame({"q": ["商标注册量\\n\\n万件"]}), ["q"])["q"].item()
    '商标注册量 ⏎ 万件'
    """
    out = df[columns].copy()
    for c in columns:
        if pd.api.types.is_string_dtype(out[c]) or pd.api.types.is_object_dtype(out[c]):
            out[c] = out[c].astype("string").str.replace(r"\n+", " ⏎ ", regex=True)
    return out.set_index(index) if index else out.reset_index(drop=True)
