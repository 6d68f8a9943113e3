"""Writing candidate frames as CSV: offsets dropped, whole numbers without ``.0``, every file or none
(through :func:`ipanalysis.io.atomic_writes`, the package's one atomic writer).
"""

from __future__ import annotations

import io as _io
import os
from pathlib import Path

import pandas as pd

from ..io import atomic_writes


def for_csv(df: pd.DataFrame) -> pd.DataFrame:
    """Offsets dropped, whole numbers written without ``.0``."""
    out = df.drop(columns=["start", "end"])
    for col in ("value", "value_high"):
        out[col] = [("" if pd.isna(v) else (str(int(v)) if float(v).is_integer() else repr(float(v)))) for v in out[col]]
    return out


def csv_text(df: pd.DataFrame) -> str:
    """The CSV text of a candidate frame (UTF-8, ``\\n`` line ends)."""
    buf = _io.StringIO()
    for_csv(df).to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def write_csvs(pairs: list[tuple[pd.DataFrame, str | os.PathLike]]) -> None:
    """Write every ``(frame, path)`` or none: an existing file is left as it was on any error.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_csvs([(pd.DataFrame({"value": [1.0], "value_high": [None], "start": [0], "end": [1]}), d / "c.csv")])
    >>> (d / "c.csv").read_text()
    'value,value_high\\n1,\\n'
    """
    with atomic_writes() as write:
        for df, path in pairs:
            write(Path(path), csv_text(df))
