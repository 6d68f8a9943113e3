"""The output folder of a build must be writable: checked before any kernel starts (a probe file made
and removed), and a write that fails later (out of space, read-only) is one
:class:`~ipanalysis.errors.ReportOutputError` naming the folder and the operating system's error, after
the folder is put back as it was before the build (:class:`Snapshot`): the pages, data folders, index,
font and manifest rebuilt earlier in the same run are rolled back too.

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
import shutil
from pathlib import Path

from ..errors import ReportOutputError

__all__ = ["check_writable", "output_error", "Snapshot"]

#: The hidden folder a build keeps the previous site in (hard links) until it ends.
PREVIOUS = ".previous-site-"


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


class Snapshot:
    """The output folder as it was when the build started, to roll a failed build back.

    Every file of ``out`` (but hidden ones) is hard-linked into ``out/.previous-site-<pid>/``: no data is
    copied and no space is needed, and since every writer of the build replaces a file by renaming a new
    one over it (:func:`ipanalysis.io.atomic_write`, the data folders' swap), the previous bytes stay in the
    snapshot whatever the build writes.  :meth:`restore` renames them back, removes what the build added,
    and needs no free space either; :meth:`discard` (the build succeeded, or was interrupted: the pages it
    finished stay) removes the snapshot.  A folder holding a snapshot of a killed build has it removed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.html").write_text("old")
    >>> snap = Snapshot.take(d)
    >>> from ipanalysis.io import atomic_write
    >>> _ = atomic_write(d / "a.html", "new"); _ = atomic_write(d / "b.html", "added")
    >>> snap.restore()
    >>> sorted(p.name for p in d.iterdir()), (d / "a.html").read_text()
    (['a.html'], 'old')
    """

    def __init__(self, out: Path, keep: Path, files: dict[str, int], names: set[str]):
        self.out, self.keep, self.files, self.names = out, keep, files, names

    @classmethod
    def take(cls, out: Path) -> Snapshot:
        """Hard-link every (not hidden) file under ``out``; a failure is a ReportOutputError."""
        out = Path(out)
        for stale in out.glob(PREVIOUS + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        keep = out / f"{PREVIOUS}{os.getpid()}"
        files: dict[str, int] = {}
        names: set[str] = set()
        try:
            keep.mkdir()
            for rel, st in _tree(out, keep):
                names.add(rel)
                if st is None or rel.split("/")[-1].startswith("."):
                    continue
                (keep / rel).parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(out / rel, keep / rel, follow_symlinks=False)
                except OSError:  # a file system without hard links: a copy
                    shutil.copy2(out / rel, keep / rel, follow_symlinks=False)
                files[rel] = st.st_ino
        except OSError as exc:
            shutil.rmtree(keep, ignore_errors=True)
            raise output_error(out, exc) from exc
        return cls(out, keep, files, names)

    def restore(self) -> None:
        """Put ``out`` back as it was at :meth:`take` (files replaced or removed come back, files and
        folders added go), then :meth:`discard`."""
        added_dirs = []
        for rel, st in list(_tree(self.out, self.keep)):
            if rel not in self.names:
                if st is None:
                    added_dirs.append(rel)
                else:
                    (self.out / rel).unlink(missing_ok=True)
            elif st is not None and rel in self.files and st.st_ino != self.files[rel]:
                os.replace(self.keep / rel, self.out / rel)
        for rel in sorted(added_dirs, key=lambda r: -r.count("/")):
            shutil.rmtree(self.out / rel, ignore_errors=True)
        for rel in self.files:
            if (self.keep / rel).exists() and not os.path.lexists(self.out / rel):
                (self.out / rel).parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.keep / rel, self.out / rel)
        self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.keep, ignore_errors=True)


def _tree(out: Path, skip: Path):
    """``(relative path, stat)`` of every entry under ``out`` but ``skip``; stat None for a folder."""
    for base, dirs, files in os.walk(out):
        dirs[:] = [d for d in dirs if Path(base, d) != skip]
        for d in dirs:
            yield Path(base, d).relative_to(out).as_posix(), None
        for f in files:
            path = Path(base, f)
            yield path.relative_to(out).as_posix(), os.lstat(path)
