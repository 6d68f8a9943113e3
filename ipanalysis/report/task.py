"""The unit of work of the report pool: a :class:`Task` (one report, as a worker process needs it)
and its :class:`Result` (what the build log, the manifest and the summary table show).

Both are plain dataclasses, so they travel to and from the spawned worker processes by pickle.

>>> from .matrix import Report
>>> t = Task.of(Report("compare", Path("/nb/compare.ipynb")), Path("/out"))
>>> (t.name, t.cwd, t.prewarm)
('compare', '/nb', False)
>>> Result("compare").status, Result.skipped("compare").status
('failed', 'skipped')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .matrix import Report

__all__ = ["Task", "Result", "STATUSES"]

#: ``ok`` built now, ``skipped`` up to date (not rebuilt), ``failed`` (the notebook raised or the worker died).
STATUSES = ("ok", "skipped", "failed")


@dataclass(frozen=True)
class Task:
    """One report to build: its ``name``, ``notebook`` and ``parameters``, the kernel's working
    directory ``cwd`` (the notebook's folder), the output folder ``out``, ``prewarm``: start the
    next report's kernel while this one is exported, and ``page``: the page context of
    :func:`.page.contexts` (title, header links, citation), ``timeout``: seconds the notebook may run
    (None: no limit; :mod:`.limits`)."""

    name: str
    notebook: str
    parameters: dict[str, Any] = field(default_factory=dict)
    cwd: str = "."
    out: str = "."
    prewarm: bool = False
    page: dict[str, Any] | None = None
    timeout: float | None = None

    @classmethod
    def of(cls, report: Report, out: Path, prewarm: bool = False, page: dict[str, Any] | None = None,
           timeout: float | None = None) -> Task:
        return cls(report.name, str(report.notebook), dict(report.parameters), str(report.notebook.parent),
                   str(out), prewarm, page, timeout)


@dataclass
class Result:
    """The outcome of one report: ``status`` (:data:`STATUSES`), ``seconds``, and for a failure the
    failing ``cell`` (1-based, in the source notebook), the ``error`` and its ``traceback``;
    ``output_error``: the report ran but its outputs could not be written (the old ones are kept, and
    the build stops with a :class:`~ipanalysis.errors.ReportOutputError`)."""

    name: str
    status: str = "failed"
    seconds: float | None = None
    cell: int | None = None
    error: str | None = None
    traceback: str | None = None
    output_error: str | None = None

    @classmethod
    def skipped(cls, name: str) -> Result:
        return cls(name, "skipped", 0.0)
