"""Reading a document (UTF-8, UTF-8 with BOM, GB18030) and writing candidate CSVs atomically
(through :func:`ipanalysis.io.atomic_writes`, the package's one atomic writer).
"""

from __future__ import annotations

import io as _io
import os
from pathlib import Path

import pandas as pd

from ..io import atomic_writes
from ..errors import DocumentError


def read_document(path: str | os.PathLike, encoding: str | None = None) -> tuple[str, str]:
    """Read a plain-text document; return ``(text, encoding used)``.

    Without ``encoding``: UTF-8 (a BOM is stripped), then GB18030 (which covers GBK and GB2312).
    Raises :class:`DocumentError` naming the file for a missing path, a directory, an empty file,
    a binary file (NUL bytes) or bytes that the encoding cannot decode.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "plan.txt")
    >>> _ = open(p, "wb").write("达到15万件".encode("gb18030"))
    >>> read_document(p)
    ('达到15万件', 'gb18030')
    >>> read_document(p + ".missing")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.DocumentError: ....missing: no such file
    """
    p = Path(path)
    if not p.exists():
        raise DocumentError(f"{p}: no such file")
    if p.is_dir():
        raise DocumentError(f"{p}: is a directory, not a text file")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise DocumentError(f"{p}: cannot read ({err.strerror or err})") from None
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise DocumentError(f"{p}: empty file")
    if b"\x00" in data:
        at = data.index(b"\x00")
        raise DocumentError(f"{p}: looks binary (NUL byte at offset {at}); expected a plain-text document")
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise DocumentError(f"{p}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as err:
            raise DocumentError(f"{p}: cannot decode as {encoding} (bad byte 0x{data[err.start]:02x} at offset {err.start})") from None
        return text.lstrip("\ufeff"), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as err:
            raise DocumentError(f"{p}: has a UTF-8 BOM but is not valid UTF-8 (bad byte at offset {err.start + 3})") from None
    errors = []
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError as err:
            errors.append(f"{enc}: bad byte 0x{data[err.start]:02x} at offset {err.start}")
    hint = ""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding not in ("utf_8", "gb18030"):
            hint = f"; charset-normalizer guesses {best.encoding} (try --encoding {best.encoding})"
    except Exception:  # pragma: no cover - detection is only a hint
        pass
    raise DocumentError(f"{p}: cannot decode as UTF-8 or GB18030 ({'; '.join(errors)}){hint}")


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
