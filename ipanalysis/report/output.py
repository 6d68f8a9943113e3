"""The output folder of a build must be writable: checked before any kernel starts (a probe file made
and removed), and a write that fails later (out of space, read-only) is one
:class:`~ipanalysis.errors.ReportOutputError` naming the folder and the operating system's error.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> check_writable(d) == d, list(d.iterdir())
(True, [])
>>> import errno
>>> str(output_error(d / "x", OSError(errno.ENOSPC, "No space left on device")))  # doctest: +ELLIPSIS
'cannot write the reports to .../x: [Errno 28] No space left on device; the pages, index and manifest already there are kept'
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ReportOutputError

__all__ = ["check_writable", "output_error"]


def output_error(out: Path, exc: OSError) -> ReportOutputError:
    """The one error of a build whose output folder ``out`` could not be written."""
    why = f"[Errno {exc.errno}] {exc.strerror}" if exc.errno is not None and exc.strerror else str(exc)
    return ReportOutputError(f"cannot write the reports to {out}: {why}; "
                             "the pages, index and manifest already there are kept")


def check_writable(out: Path) -> Path:
    """Make ``out`` (and its parents) if needed and create and remove a probe file in it; return it.
    Raises :class:`~ipanalysis.errors.ReportOutputError` if that fails."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".write-probe.{os.getpid()}.tmp"
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, b"probe")
        finally:
            os.close(fd)
            probe.unlink(missing_ok=True)
    except OSError as exc:
        raise output_error(out, exc) from exc
    return out
