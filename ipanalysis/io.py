"""Writing files so that a reader never sees half of one: the one atomic writer of the package.

:func:`atomic_write` writes to a temporary file beside the destination and moves it into place with
:func:`os.replace`; on any error the temporary file is removed and the destination is untouched.
:func:`atomic_writes` does the same for several files at once: nothing is moved into place until every
file has been written, so a pair of outputs (targets + baselines) is committed together or not at all.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write(d / "a.txt", "一").name
'a.txt'
>>> (d / "a.txt").read_text(encoding="utf-8")
'一'
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["atomic_write", "atomic_writes"]


def _mode() -> int:
    # mkstemp creates 0600 files; give outputs the mode a plain open() would (umask read without
    # changing it for other threads: /proc is not portable, so set and restore once, here only).
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _write_temp(path: Path, data: str | bytes) -> Path:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, _mode())
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def atomic_write(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8, or bytes) to ``path`` atomically; return the path.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> atomic_write(p, "a,b\\n").name
    'x.csv'
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path}: is a directory")
    if not path.parent.is_dir():
        raise FileNotFoundError(f"{path.parent}: no such directory for the output")
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


@contextmanager
def atomic_writes() -> Iterator[callable]:
    """Stage several writes; move them all into place only if the block finishes without error.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_writes() as write:
    ...     write(d / "t.csv", "t")
    ...     write(d / "b.csv", "b")
    >>> sorted(p.name for p in d.iterdir())
    ['b.csv', 't.csv']
    >>> try:
    ...     with atomic_writes() as write:
    ...         write(d / "c.csv", "c")
    ...         raise OSError("disk full")
    ... except OSError:
    ...     pass
    >>> sorted(p.name for p in d.iterdir())   # nothing half-written, no temporary left
    ['b.csv', 't.csv']
    """
    staged: list[tuple[Path, Path]] = []

    def write(path: str | os.PathLike, data: str | bytes) -> None:
        path = Path(path)
        if path.is_dir():
            raise IsADirectoryError(f"{path}: is a directory")
        if not path.parent.is_dir():
            raise FileNotFoundError(f"{path.parent}: no such directory for the output")
        staged.append((_write_temp(path, data), path))

    try:
        yield write
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
