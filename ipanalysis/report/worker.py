"""Execute one report in a worker process: papermill runs the notebook, nbconvert exports HTML
without input cells; outputs are moved into place atomically; a notebook error never raises.

A worker keeps papermill, nbconvert and one HTML exporter imported between reports, and may start
the kernel of its next report ahead of time (:func:`run_report` with ``prewarm=True``): that kernel
starts and imports the package while this report is exported.  Each kernel runs one report only.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

from ..io import atomic_write
from .fonts import font_css
from .limits import Deadline
from .kernel import KERNEL_NAME, WARM_UP, kernel_manager, skip_slow_optional_imports
from . import langcells, page, sidecar
from .manifest import now
from .task import Result, Task

__all__ = ["init_worker", "run_report", "source_cell_number"]

_STATE: dict[str, Any] = {}


def init_worker(env: dict[str, str]) -> None:
    """Process-pool initializer: the kernels' environment, and the slow imports done once."""
    import atexit

    os.environ.update(env)
    skip_slow_optional_imports()
    atexit.register(_discard_next_kernel)
    import papermill  # noqa: F401

    _STATE["exporter"] = page.exporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                                       embed_images=True)


def _run(coro_fn, *args, **kwargs):
    from jupyter_core.utils import run_sync  # the loop nbclient uses too

    return run_sync(coro_fn)(*args, **kwargs)


async def _start_kernel(cwd: str):
    """Launch a kernel in ``cwd`` and queue the warm-up imports; wait for neither (see :func:`_ready`)."""
    km = kernel_manager()
    await km.start_kernel(cwd=cwd)
    kc = km.client()
    kc.start_channels()
    kc.execute(WARM_UP, silent=True, store_history=False)  # zmq delivers it once the kernel listens
    kc.allow_stdin = False
    return km, kc


async def _ready(km, kc):
    await kc.wait_for_ready(timeout=60)  # answered after the warm-up, with the output channel connected
    return km, kc


async def _stop_kernel(km, kc) -> None:
    kc.stop_channels()
    await km.shutdown_kernel(now=True)


def _discard_next_kernel() -> None:
    km, kc, _ = _STATE.pop("next", (None, None, None))
    if km is not None:
        _run(_stop_kernel, km, kc)


def _take_kernel(cwd: str):
    km, kc, kcwd = _STATE.pop("next", (None, None, None))
    if km is not None and kcwd != cwd:
        _run(_stop_kernel, km, kc)
        km = kc = None
    if km is None:
        km, kc = _run(_start_kernel, cwd)
    return _run(_ready, km, kc)


def source_cell_number(cells: list, cell_index: int) -> int:
    """1-based number, in the source notebook, of executed cell ``cell_index`` (papermill's injected
    parameters cell and error markers are not counted).

    >>> cells = [{"metadata": {"tags": ["injected-parameters"]}}, {"metadata": {}}, {"metadata": {}}]
    >>> source_cell_number(cells, 2)
    2
    """
    def tags(c):
        return c.get("metadata", {}).get("tags") or []
    cells = [c for c in cells if "papermill-error-cell-tag" not in tags(c)]
    return cell_index + 1 - sum("injected-parameters" in tags(c) for c in cells[:cell_index])


def _strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)


@contextlib.contextmanager
def _stderr_into(log) -> Iterator[None]:
    """Send file descriptor 2 (the kernel inherits it) into ``log`` for the block: its chatter stays
    out of the progress bar, and is there to read when the report fails."""
    sys.stderr.flush()
    saved = os.dup(2)
    os.dup2(log.fileno(), 2)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def _release_kernel(km, kc, task: Task) -> None:
    """Stop this report's kernel; start the next report's one if the task asks (``prewarm``)."""
    if km is not None:
        try:
            _run(_stop_kernel, km, kc)
        except Exception:  # pragma: no cover - the kernel is gone already
            pass
    if task.prewarm:
        try:
            _STATE["next"] = (*_run(_start_kernel, task.cwd), task.cwd)
        except Exception:  # pragma: no cover - the next report starts its own
            _STATE.pop("next", None)


def _execute(task: Task, tmp: str, result: Result):
    """Run the notebook with papermill into ``tmp``; the executed notebook (None if it never ran).
    Fills ``result`` with ``status`` ok, or the failing ``cell``, ``error`` and ``traceback``."""
    import nbformat
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError
    from papermill.exceptions import PapermillExecutionError

    km = kc = nb = None
    deadline = Deadline(task.timeout) if task.timeout else None
    try:
        km, kc = _take_kernel(task.cwd)
        nb = pm.execute_notebook(task.notebook, tmp, parameters=task.parameters, kernel_name=KERNEL_NAME,
                                 cwd=task.cwd, log_output=False, progress_bar=False,
                                 request_save_on_cell_execute=False, km=km, kc=kc,
                                 **({"timeout_func": deadline} if deadline else {}))
        result.status = "ok"
    except CellTimeoutError:  # nbclient stopped waiting for the cell; the kernel is shut down below
        cells = nbformat.read(task.notebook, as_version=4)["cells"]  # (papermill saved no executed notebook)
        result.cell = next((i + 1 for i, c in enumerate(cells) if c.get("id") == deadline.cell_id), None)
        result.error = f"timed out after {deadline.seconds:g} s" + (f" in cell {result.cell}" if result.cell else "")
    except PapermillExecutionError as exc:
        nb = nbformat.read(tmp, as_version=4)  # with papermill's error markers
        result.cell = source_cell_number(nb["cells"], exc.cell_index)
        result.error = f"{exc.ename}: {exc.evalue}" if exc.evalue else str(exc.ename)
        result.traceback = _strip_ansi("\n".join(exc.traceback or []))[-4000:]
    except Exception as exc:  # kernel died, bad notebook, ...
        result.error = f"{type(exc).__name__}: {exc}"
    finally:
        _release_kernel(km, kc, task)
    return nb


def _os_error(exc: OSError) -> str:
    return f"[Errno {exc.errno}] {exc.strerror}" if exc.strerror else str(exc)


def _bare_context(name: str) -> dict:
    """The page context of a report run without one (a task from elsewhere than :mod:`.build`)."""
    from .matrix import Report

    lang, sep, _ = name.rpartition("/")
    return page.contexts([Report(name, Path(f"{name}.ipynb"), lang=lang if sep else None)], Path("."))[name]


def run_report(task: Task) -> Result:
    """Build one report; return its :class:`~.task.Result`.

    The HTML file is written only for a success (and a stale one removed on failure), so an HTML
    file in the output folder is always a current success; a failed run keeps its notebook.  A report
    named ``zh/<name>`` is written in ``<out>/zh/``, its page holding only the markdown cells of its
    language (:mod:`.langcells`)."""
    import nbformat

    t0 = time.perf_counter()
    out, name = Path(task.out), task.name
    html_path, nb_path = out / f"{name}.html", out / f"{name}.ipynb"
    result = Result(name)
    try:
        html_path.parent.mkdir(parents=True, exist_ok=True)  # <out>/zh/ (safe when workers race)
        fd, tmp = tempfile.mkstemp(dir=html_path.parent, prefix=f".{html_path.stem}.", suffix=".tmp.ipynb")
    except OSError as exc:
        return Result(name, error=f"{type(exc).__name__}: {exc}", output_error=_os_error(exc))
    os.close(fd)
    with tempfile.TemporaryFile() as log:
        with _stderr_into(log):
            try:
                nb = _execute(task, tmp, result)
            finally:
                Path(tmp).unlink(missing_ok=True)
            try:
                if result.status == "ok":
                    ctx = task.page or _bare_context(name)
                    ctx = {**ctx, "built": now(), "font_css": font_css(ctx.get("up", ""))}
                    shown = langcells.for_language(nb, ctx.get("lang") or "en")
                    tables = sidecar.write(out, shown, ctx)  # the page's tables as CSV + JSON, beside it
                    body, _ = _STATE["exporter"].from_notebook_node(
                        sidecar.annotated(shown, tables), resources=page.page_resources(ctx, tables, ctx["built"]))
                    atomic_write(nb_path, nbformat.writes(nb))
                    atomic_write(html_path, body)
            except OSError as exc:  # out of space, read-only: keep the previous outputs, stop the build
                result.status, result.error = "failed", f"{type(exc).__name__}: {exc}"
                result.output_error = _os_error(exc)
            except Exception as exc:
                result.status, result.error = "failed", f"{type(exc).__name__}: {exc}"
        if result.status != "ok" and not result.output_error:
            html_path.unlink(missing_ok=True)
            sidecar.remove(out, name)
            if nb is not None:
                try:
                    atomic_write(nb_path, nbformat.writes(nb))
                except OSError as exc:
                    result.output_error = _os_error(exc)
            log.seek(0)
            stderr = _strip_ansi(log.read()[-3000:].decode("utf-8", "replace")).strip()
            if stderr:
                result.traceback = ((result.traceback or "") + "\n\n[kernel stderr]\n" + stderr).strip()
    result.seconds = round(time.perf_counter() - t0, 3)
    return result
