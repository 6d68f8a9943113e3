"""The orchestrator: matrix → parameters checked → unchanged reports skipped → the rest run in a process
pool → manifest and landing page written.  Configuration problems raise
:class:`~ipanalysis.errors.ReportConfigError` before anything is written or any kernel starts.
A report that fails does not stop the others; its HTML is removed, its executed notebook kept.

>>> build(only="no-such-report", progress=False)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ipanalysis.errors.ReportConfigError: unknown report 'no-such-report'; valid names: compare, ...
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import kernel, page
from .fonts import FONT_FILE, ensure_font
from .. import paths
from .attainments import Attainments
from .index import LandingPage
from .site import SitePages
from .manifest import Manifest, environment_digest, report_hash
from .matrix import REPO_ROOT, ReportConfigError, load_matrix, select_reports  # noqa: F401 (REPO_ROOT: re-exported)
from .limits import DEFAULT_TIMEOUT, parse_timeout
from .output import Snapshot, check_writable, output_error
from .overrides import check_values, prepare_reports
from .pool import run_pool
from .task import Result

__all__ = ["build", "run_build", "default_jobs", "summary_table", "summary_line", "COLUMNS"]

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ["name", "notebook", "parameters", "status", "seconds", "html", "ipynb", "cell", "error"]


def run_build(out: str | Path | None = None, only: str | Iterable[str] | None = None,
              params: Mapping[str, Any] | Iterable[str] | None = None, jobs: int | None = None, force: bool = False,
              matrix: str | Path | list | Mapping | None = None, progress: bool = True, *,
              notebook_dir: str | Path | None = None, root: str | Path | None = None,
              timeout: float | str | None = DEFAULT_TIMEOUT, summary: bool | None = None,
              langs: str | Iterable[str] | None = None) -> list[dict[str, Any]]:
    """:func:`build`, returning the rows as dicts (no pandas: the up-to-date case stays fast).

    The sequence: matrix → selection → ``-p`` applied and checked → the output folder checked
    writable → unchanged reports skipped → the rest run in the pool (each recorded in the manifest as
    it finishes) → landing page.  ``timeout``: seconds each notebook may run (``None`` or 0: no
    limit).  ``langs``: build the pages of these languages only (``--lang``; default all of the
    matrix's).  ``summary``: print the one summary line (:func:`summary_line`) when ``progress`` is off
    (``progress`` prints the whole table, which ends with it).  A folder that cannot be written raises
    :class:`~ipanalysis.errors.ReportOutputError` and leaves the manifest and index as they were.

    Parameters
    ----------
    out, only, params, jobs, force, matrix, progress, notebook_dir, root, timeout, langs
        As in :func:`build`.
    summary : bool, optional
        Print the summary line without ``progress`` (default: when ``progress`` is off).

    Returns
    -------
    list of dict
        One per selected report, keyed by :data:`COLUMNS`.
    """
    root, out = Path(root or paths.data_root()).resolve(), Path(out or paths.default_out()).resolve()
    if jobs is not None and int(jobs) < 1:
        raise ReportConfigError(f"jobs must be at least 1, got {jobs}")
    timeout = None if timeout is None else parse_timeout(timeout)
    all_reports = load_matrix(matrix, notebook_dir)
    manifest = Manifest.load(out, keep={r.name for r in all_reports})
    reports = prepare_reports(select_reports(all_reports, only, langs), params, root=root, cache=manifest.notebooks)
    prepared = {r.name: r for r in reports}
    env = environment_digest()
    hashes = {r.name: report_hash(r, env, root) for r in reports}
    todo = [r for r in reports if force or not manifest.up_to_date(r.name, hashes[r.name])]
    if todo:
        check_values(todo)
        kernel.check_kernel()
    check_writable(out)  # before any kernel starts: a read-only folder is one clear error
    for stale in (p for r in todo for p in (out / r.name).parent.glob(f".{r.base}.*.tmp*")):  # a killed build's
        stale.unlink(missing_ok=True)
    snapshot = Snapshot.take(out)  # a write that fails later rolls the whole site back to it
    font = None
    try:
        if todo or not (out / FONT_FILE).is_file():  # made beside the pool: it is not on any report's path
            from concurrent.futures import ThreadPoolExecutor
            font = ThreadPoolExecutor(1).submit(ensure_font, out, root)
        attainments = Attainments()  # one frame per document for the cards and the site pages
        landing = LandingPage(all_reports, manifest, root, env, building={r.name: r for r in reports},
                              attainments=attainments)
        site = SitePages(all_reports, manifest, root, env, out, building={r.name: r for r in reports},
                         attainments=attainments)
    except BaseException:
        snapshot.discard()
        raise
    results = {r.name: Result.skipped(r.name) for r in reports if r not in todo}
    last = {name: rec.get("seconds") for name, rec in manifest.reports.items()}
    failed_write: OSError | None = None
    try:
        try:
            shown = [prepared.get(r.name, r) for r in all_reports]  # (-p applied: the header shows it)
            contexts = page.contexts(shown, out, {r.name for r in todo}, root=root) if todo else {}
            for r, res in run_pool(todo, out, jobs or default_jobs(), last, progress, contexts, timeout):
                if res.output_error:  # a worker could not write: keep the old page, record nothing more
                    failed_write = OSError(res.output_error)
                    break
                results[r.name] = res
                manifest.record(r, res, hashes[r.name], root)
        except OSError as exc:  # the manifest (atomic: the old one stays)
            failed_write = exc
        finally:
            if font is not None:
                font.result()
            if failed_write is None:
                landing.write(out)
                site.write(out)  # progress, glossary, data wanted (en, zh): after the pages they link
    except OSError as exc:  # the font or the index (atomic: the old one stays)
        failed_write = exc
    except BaseException:  # interrupted: the pages finished stay, as their manifest records say
        snapshot.discard()
        raise
    if failed_write is not None:
        try:
            snapshot.restore()  # every page, data folder, index, font and manifest of this run rolled back
        except OSError:  # pragma: no cover - what could not go back stays in the snapshot folder
            pass
        raise output_error(out, failed_write) from failed_write
    snapshot.discard()
    rows = [_row(r.name, r.notebook.name, r.parameters, results[r.name], out) for r in reports if r.name in results]
    if progress:
        print(summary_table(rows, out / "index.html"))
    elif summary:
        print(summary_line(rows, out / "index.html"))
    return rows


def _row(name: str, notebook: str, parameters: dict, res: Result, out: Path) -> dict[str, Any]:
    """One row of :data:`COLUMNS`: the result, and its output files where they exist."""
    html, nb = out / f"{name}.html", out / f"{name}.ipynb"
    return {"name": name, "notebook": notebook, "parameters": parameters, "status": res.status,
            "seconds": res.seconds, "html": str(html) if res.status in ("ok", "skipped") and html.is_file() else None,
            "ipynb": str(nb) if nb.is_file() else None, "cell": res.cell, "error": res.error}


def default_jobs() -> int:
    """CPUs + 1: a worker spends part of each report waiting on its kernel (start-up, messages), so
    one more notebook at a time than there are CPUs keeps them all busy (measured: 2 CPUs, 12
    reports, 14.2 s with 2 workers, 12.3 s with 3)."""
    return (os.cpu_count() or 1) + 1


def build(out: str | Path | None = None, only: str | Iterable[str] | None = None,
          params: Mapping[str, Any] | Iterable[str] | None = None, jobs: int | None = None, force: bool = False,
          matrix: str | Path | list | Mapping | None = None, progress: bool = True, *,
          notebook_dir: str | Path | None = None, root: str | Path | None = None,
          timeout: float | str | None = DEFAULT_TIMEOUT, langs: str | Iterable[str] | None = None) -> "pd.DataFrame":
    """Build (or bring up to date) the HTML reports; a DataFrame with one row per selected report.

    ``out`` (default ``reports/`` in the repository); ``only`` report names or notebook stems (a name
    without a language folder means every language's page: ``compare`` is ``compare`` and ``zh/compare``;
    ``zh/compare`` the Chinese one only); ``langs`` the languages to build (default: the matrix's);
    ``params`` ``-p`` overrides; ``jobs`` worker processes (default: CPUs + 1); ``force`` rebuilds
    up-to-date reports; ``matrix``/``notebook_dir`` as in :func:`~ipanalysis.report.matrix.load_matrix`;
    ``root`` the base of relative data paths in the matrix; ``timeout`` seconds each notebook may run
    (default 600; ``None`` or 0: no limit).  Columns: :data:`COLUMNS`; ``status`` is
    ``ok``, ``skipped`` (up to date) or ``failed``; ``cell`` the failing cell (1-based).

    Parameters
    ----------
    out : str or Path, optional
        The output folder.
    only : str or iterable of str, optional
        Report names or notebook stems.
    params : mapping or iterable of str, optional
        ``-p`` overrides.
    jobs : int, optional
        Worker processes.
    force : bool
        Rebuild up-to-date reports.
    matrix : str, Path, list or mapping, optional
        The report matrix.
    progress : bool
        Print progress and the summary table.
    notebook_dir, root : str or Path, optional
        As above.
    langs : str or iterable of str, optional
        The languages to build (``en``, ``zh``; default: every language of the matrix).
    timeout : float or str, optional
        Seconds per notebook.

    Returns
    -------
    DataFrame
        One row per selected report.
    """
    import pandas as pd

    rows = run_build(out, only, params, jobs, force, matrix, progress, notebook_dir=notebook_dir, root=root,
                     timeout=timeout, langs=langs)
    return pd.DataFrame(rows, columns=COLUMNS)


def summary_line(rows: list[dict[str, Any]], index: str | Path | None = None) -> str:
    """The one line a build ends with (all that ``-q`` prints): the counts, the failed reports, and
    where the landing page is.

    >>> summary_line([{"name": "compare", "status": "ok"}, {"name": "audit", "status": "failed"}], "/srv/r/index.html")
    '2 reports: 1 ok, 0 skipped, 1 failed (audit) — index: /srv/r/index.html'
    """
    count = [r["status"] for r in rows]
    failed = [str(r["name"]) for r in rows if r["status"] == "failed"]
    return (f"{len(rows)} reports: {count.count('ok')} ok, {count.count('skipped')} skipped, "
            f"{count.count('failed')} failed" + (f" ({', '.join(failed)})" if failed else "")
            + (f" — index: {index}" if index is not None else ""))


def summary_table(rows: list[dict[str, Any]], index: str | Path | None = None) -> str:
    """A plain-text table of ``name, status, seconds``, then :func:`summary_line`.

    >>> print(summary_table([{"name": "compare", "status": "ok", "seconds": 12.34},
    ...                      {"name": "audit", "status": "failed", "seconds": None}], "/srv/r/index.html"))
    name     status  seconds
    compare  ok         12.3
    audit    failed        -
    2 reports: 1 ok, 0 skipped, 1 failed (audit) — index: /srv/r/index.html
    """
    cells = [(str(r["name"]), str(r["status"]), "-" if r.get("seconds") is None else f"{r['seconds']:.1f}")
             for r in rows]
    w = [max([len(h), *(len(c[i]) for c in cells)]) for i, h in enumerate(("name", "status", "seconds"))]
    lines = [f"{'name':<{w[0]}}  {'status':<{w[1]}}  {'seconds':>{w[2]}}"]
    lines += [f"{a:<{w[0]}}  {b:<{w[1]}}  {c:>{w[2]}}" for a, b, c in cells]
    lines.append(summary_line(rows, index))
    return "\n".join(lines)
