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

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from . import index, kernel, page, sidecar, worker
from .fonts import FONT_FILE, ensure_font
from .manifest import Manifest, display_parameters, environment_digest, now, package_version, report_hash
from .matrix import DEFAULT_OUT, REPO_ROOT, Report, ReportConfigError, load_matrix, select_reports
from .params import check_values, prepare_reports

__all__ = ["build", "run_build", "COLUMNS"]

COLUMNS = ["name", "notebook", "parameters", "status", "seconds", "html", "ipynb", "cell", "error"]


def run_build(out=None, only=None, params=None, jobs=None, force=False, matrix=None, progress=True, *,
              notebook_dir=None, root=None) -> list[dict]:
    """:func:`build`, returning the rows as dicts (no pandas: the up-to-date case stays fast)."""
    root, out = Path(root or REPO_ROOT).resolve(), Path(out or DEFAULT_OUT).resolve()
    if jobs is not None and int(jobs) < 1:
        raise ReportConfigError(f"jobs must be at least 1, got {jobs}")
    all_reports = load_matrix(matrix, notebook_dir)
    manifest = Manifest.load(out)
    reports = prepare_reports(select_reports(all_reports, only), params, root=root, cache=manifest.notebooks)
    env = environment_digest()
    hashes = {r.name: report_hash(r, env, root) for r in reports}
    todo = [r for r in reports if force or not manifest.up_to_date(r.name, hashes[r.name])]
    if todo:
        check_values(todo)
        kernel.check_kernel()
    out.mkdir(parents=True, exist_ok=True)
    for stale in (p for r in todo for p in out.glob(f".{r.name}.*.tmp*")):  # left by a killed build
        stale.unlink(missing_ok=True)
    font = None
    if todo or not (out / FONT_FILE).is_file():  # made beside the pool: it is not on any report's path
        from concurrent.futures import ThreadPoolExecutor
        font = ThreadPoolExecutor(1).submit(ensure_font, out, root)
    cards = _Cards(all_reports, root, env, manifest)
    results = {r.name: {"status": "skipped", "seconds": 0.0} for r in reports if r not in todo}
    try:
        contexts = page.contexts(all_reports, out, {r.name for r in todo}, root=root)  # header, cite, siblings
        for r, res in _run_pool(todo, out, jobs or default_jobs(), manifest, progress, contexts):
            results[r.name] = res
            manifest.reports[r.name] = {
                "notebook": r.notebook.name, "parameters": display_parameters(r, root), "hash": hashes[r.name],
                "built_at": now(), **{k: res.get(k) for k in ("status", "seconds", "cell", "error", "traceback")}}
            manifest.save({r.name for r in all_reports})
    finally:
        manifest.save({r.name for r in all_reports})
        if font is not None:
            font.result()
        cards.write_index(out)
    rows = [{"name": r.name, "notebook": r.notebook.name, "parameters": r.parameters, **results[r.name]}
            for r in reports if r.name in results]
    for row in rows:
        html, nb = out / f"{row['name']}.html", out / f"{row['name']}.ipynb"
        row["html"] = str(html) if row["status"] in ("ok", "skipped") and html.is_file() else None
        row["ipynb"] = str(nb) if nb.is_file() else None
    if progress:
        print(summary_table(rows))
    return [{c: row.get(c) for c in COLUMNS} for row in rows]


def default_jobs() -> int:
    """CPUs + 1: a worker spends part of each report waiting on its kernel (start-up, messages), so
    one more notebook at a time than there are CPUs keeps them all busy (measured: 2 CPUs, 12
    reports, 14.2 s with 2 workers, 12.3 s with 3)."""
    return (os.cpu_count() or 1) + 1


def build(out: str | Path | None = None, only: str | Iterable[str] | None = None,
          params: Mapping[str, Any] | Iterable[str] | None = None, jobs: int | None = None, force: bool = False,
          matrix=None, progress: bool = True, *, notebook_dir=None, root=None):
    """Build (or bring up to date) the HTML reports; a DataFrame with one row per selected report.

    ``out`` (default ``reports/`` in the repository); ``only`` report names or notebook stems;
    ``params`` ``-p`` overrides; ``jobs`` worker processes (default: CPUs + 1); ``force`` rebuilds
    up-to-date reports; ``matrix``/``notebook_dir`` as in :func:`~ipanalysis.report.matrix.load_matrix`;
    ``root`` the base of relative data paths in the matrix.  Columns: :data:`COLUMNS`; ``status`` is
    ``ok``, ``skipped`` (up to date) or ``failed``; ``cell`` the failing cell (1-based).
    """
    import pandas as pd

    rows = run_build(out, only, params, jobs, force, matrix, progress, notebook_dir=notebook_dir, root=root)
    return pd.DataFrame(rows, columns=COLUMNS)


def _run_pool(todo: list[Report], out: Path, jobs: int, manifest: Manifest,
              progress: bool, contexts: Mapping[str, dict] | None = None) -> Iterator[tuple[Report, dict]]:
    """Run ``todo`` in ``jobs`` spawned workers (longest first, by the last build's time); yield results."""
    if not todo:
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    from tqdm.auto import tqdm

    todo = sorted(todo, key=lambda r: -float((manifest.reports.get(r.name) or {}).get("seconds") or 1e9))
    jobs = min(int(jobs), len(todo))
    bar = tqdm(total=len(todo), disable=not progress, unit="report", desc="reports")
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=worker.init_worker,
                             initargs=(kernel.WORKER_ENV,)) as pool:
        futures = {pool.submit(worker.run_report, {
            "name": r.name, "notebook": str(r.notebook), "parameters": r.parameters, "cwd": str(r.notebook.parent),
            "out": str(out), "prewarm": i < len(todo) - jobs,
            "page": (contexts or {}).get(r.name)}): r for i, r in enumerate(todo)}
        try:
            for fut in as_completed(futures):
                try:
                    res = fut.result()
                except Exception as exc:  # the worker process died
                    res = {"status": "failed", "seconds": None, "error": f"worker failed: {type(exc).__name__}: {exc}"}
                    (out / f"{futures[fut].name}.html").unlink(missing_ok=True)
                    sidecar.remove(out, futures[fut].name)
                bar.update(1)
                where = f" (cell {res.get('cell')})" if res.get("cell") else ""
                if progress:
                    bar.write(f"{res['status']} {futures[fut].name} {res.get('seconds') or 0:.1f}s"
                              + (f" — {res.get('error')}{where}" if res["status"] == "failed" else ""))
                yield futures[fut], res
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            bar.close()


class _Cards:
    """The landing page's per-document numbers: computed in a thread while the pool runs, and only
    when the data or the attainment parameters changed (else reused from the manifest)."""

    def __init__(self, reports: list[Report], root: Path, env: str, manifest: Manifest):
        self.reports, self.manifest = reports, manifest
        att: dict[str, dict] = {}  # a document's first attainment report is its card's (not a later demo)
        for r in reports:
            if r.stem == "attainment" and "doc_id" in r.parameters:
                att.setdefault(r.parameters["doc_id"],
                               {k: r.parameters[k] for k in ("observations", "as_of") if k in r.parameters})
        files = []
        for p in att.values():
            if p.get("observations"):
                p["observations"] = str(root / p["observations"])  # matrix paths are relative to root
                files.append(Path(p["observations"]).read_bytes() if Path(p["observations"]).is_file() else b"")
        digest = [hashlib.sha256(f).hexdigest() for f in files]
        self.key = hashlib.sha256(json.dumps([env, att, digest], sort_keys=True).encode()).hexdigest()
        cached = manifest.index or {}
        self.future = None
        if cached.get("cards_key") != self.key:
            from concurrent.futures import ThreadPoolExecutor

            self.future = ThreadPoolExecutor(1).submit(index.document_summaries, att)

    def write_index(self, out: Path) -> None:
        pages = self._pages(out)
        cached = self.manifest.index or {}
        page_key = hashlib.sha256(json.dumps(pages, sort_keys=True, default=str).encode()).hexdigest()
        if self.future is None and cached.get("page_key") == page_key and (out / "index.html").is_file():
            return  # nothing on the page would change
        key = self.key
        try:
            cards = self.future.result() if self.future is not None else cached["cards"]
        except Exception as exc:  # e.g. a data table that no longer validates: the log still gets written
            cards, key = [{"doc_id": "?", "title_zh": "", "title_en": "", "status_counts": {},
                           "errors": [f"document summaries: {type(exc).__name__}: {exc}"]}], None
        ok = sum(p["status"] == "ok" for p in pages)
        failed = sum(p["status"] == "failed" for p in pages)
        summary = (f"{len(pages)} reports: {ok} ok, {failed} failed"
                   + (f", {len(pages) - ok - failed} not built" if len(pages) - ok - failed else "")
                   + f" — ipanalysis {package_version()}, updated {now()}")
        index.write_index(out, cards, pages, summary)
        self.manifest.index = {"cards_key": key, "cards": cards, "page_key": page_key}
        self.manifest.save({r.name for r in self.reports})

    def _pages(self, out: Path) -> list[dict]:
        pages = []
        for r in self.reports:
            prev = self.manifest.reports.get(r.name) or {}
            status = prev.get("status") or "not built"
            html = (out / f"{r.name}.html").is_file()
            if status == "ok" and not html:
                status = "not built"
            pages.append({"name": r.name, "notebook": r.notebook.name, "doc_id": r.parameters.get("doc_id"),
                          "parameters": prev.get("parameters", r.parameters), "status": status,
                          "seconds": prev.get("seconds"), "built_at": prev.get("built_at"),
                          "html": f"{r.name}.html" if status == "ok" else None,
                          "ipynb": f"{r.name}.ipynb" if status == "failed" and (out / f"{r.name}.ipynb").is_file()
                          else None, "cell": prev.get("cell"), "error": prev.get("error"),
                          "traceback": prev.get("traceback")})
        return pages


def summary_table(rows: list[dict]) -> str:
    """A plain-text table of ``name, status, seconds``.

    >>> print(summary_table([{"name": "compare", "status": "ok", "seconds": 12.34},
    ...                      {"name": "audit", "status": "failed", "seconds": None}]))
    name     status  seconds
    compare  ok         12.3
    audit    failed        -
    2 reports: 1 ok, 0 skipped, 1 failed
    """
    cells = [(str(r["name"]), str(r["status"]), "-" if r.get("seconds") is None else f"{r['seconds']:.1f}")
             for r in rows]
    w = [max([len(h), *(len(c[i]) for c in cells)]) for i, h in enumerate(("name", "status", "seconds"))]
    lines = [f"{'name':<{w[0]}}  {'status':<{w[1]}}  {'seconds':>{w[2]}}"]
    lines += [f"{a:<{w[0]}}  {b:<{w[1]}}  {c:>{w[2]}}" for a, b, c in cells]
    count = [r["status"] for r in rows]
    lines.append(f"{len(rows)} reports: {count.count('ok')} ok, {count.count('skipped')} skipped, "
                 f"{count.count('failed')} failed")
    return "\n".join(lines)
