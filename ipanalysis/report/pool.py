"""The process pool: reports run in spawned worker processes (:mod:`.worker`), longest first, with a
progress bar; a worker that dies fails its report only.  Nothing is imported here until a report
has to run (an up-to-date build never starts a pool).
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from . import kernel
from .matrix import Report
from .task import Result, Task

__all__ = ["run_pool"]


@contextlib.contextmanager
def _fork_server(folder: Path) -> Iterator[dict[str, str]]:
    """The kernels' fork server (:mod:`.forkserver`) for the time of the pool; yields the workers'
    environment (:data:`~.kernel.WORKER_ENV`, and the server's socket)."""
    from . import forkserver

    server = forkserver.start_server(folder, kernel.WORKER_ENV)
    try:
        yield {**kernel.WORKER_ENV, **({forkserver.ENV_VAR: server[1]} if server else {})}
    finally:
        forkserver.stop_server(server)


def run_pool(todo: list[Report], out: Path, jobs: int, last_seconds: Mapping[str, float | None],
             progress: bool = True, contexts: Mapping[str, dict] | None = None,
             timeout: float | None = None) -> Iterator[tuple[Report, Result]]:
    """Run ``todo`` in ``jobs`` spawned workers, longest first by ``last_seconds`` (the last build's
    times; unknown ones first); yield each report with its :class:`~.task.Result` as it finishes.
    ``contexts``: each page's context (:func:`.page.contexts`), passed to its worker; ``timeout``:
    seconds each notebook may run (None: no limit)."""
    if not todo:
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from . import sidecar, worker  # (pandas through the sidecar's table data): only when there is work
    from multiprocessing import get_context

    from tqdm.auto import tqdm

    todo = sorted(todo, key=lambda r: -float(last_seconds.get(r.name) or 1e9))
    jobs = min(int(jobs), len(todo))
    bar = tqdm(total=len(todo), disable=not progress, unit="report", desc="reports")
    with tempfile.TemporaryDirectory(prefix="ipanalysis-kernels-") as sock_dir, \
            _fork_server(Path(sock_dir)) as env, \
            ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=worker.init_worker,
                                initargs=(env,)) as pool:
        futures = {pool.submit(worker.run_report, Task.of(r, out, prewarm=i < len(todo) - jobs,
                                                           page=(contexts or {}).get(r.name), timeout=timeout)): r
                   for i, r in enumerate(todo)}
        try:
            for fut in as_completed(futures):
                r = futures[fut]
                try:
                    res = fut.result()
                except Exception as exc:  # the worker process died
                    res = Result(r.name, error=f"worker failed: {type(exc).__name__}: {exc}")
                    (out / f"{r.name}.html").unlink(missing_ok=True)
                    sidecar.remove(out, r.name)
                bar.update(1)
                if progress:
                    where = f" (cell {res.cell})" if res.cell else ""
                    bar.write(f"{res.status} {r.name} {res.seconds or 0:.1f}s"
                              + (f" — {res.error}{where}" if res.status == "failed" else ""))
                yield r, res
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            bar.close()
