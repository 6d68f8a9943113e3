"""Reading the input document: a plain-text file in UTF-8, UTF-8 with BOM or GB18030, with a clear
error (:class:`DocumentError`) naming the file when it cannot be read as text.
"""

from __future__ import annotations

import os
from pathlib import Path

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
