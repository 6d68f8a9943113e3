"""A build whose writes fail part-way (out of space after some pages were rebuilt) leaves the previous site
as it was: the pages already rebuilt in the run, their data folders, the index and the manifest are rolled
back byte for byte (``ipanalysis.report.output.Snapshot``), and the run ends with the one clear error.

Each test rebuilds every page of a two-page site (``--force``) and makes the disk "fill up" after the first
page was rebuilt; the rebuilt page has a new file (a new inode) unless it is rolled back.
"""

from __future__ import annotations

import errno
import importlib
import os
import shutil
import sys
from pathlib import Path

import pytest

from report_helpers import FIXTURES, write_matrix

from ipanalysis import io as ipio
from ipanalysis.report import cli_main, kernel, worker
from ipanalysis.report import output as output_mod
from ipanalysis.report.task import Task

build_mod = importlib.import_module("ipanalysis.report.build")  # (the package exports the function build)
kernels = pytest.mark.xdist_group("report-kernels")
PAGES = ("ok", "plot")
ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, hidden ones included (relative path → bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def _site_once(tmp_path_factory):
    base = tmp_path_factory.mktemp("site")
    shutil.copytree(FIXTURES, base / "nb")
    matrix = write_matrix(base / "nb", [{"notebook": f"{p}.ipynb"} for p in PAGES])
    assert cli_main(["--matrix", str(matrix), "--out", str(base / "out"), "--jobs", "1", "-q"]) == 0
    return base


@pytest.fixture
def site(_site_once, tmp_path, capsys):
    """A copy of the two-page site: (matrix, out, files before, inodes before)."""
    capsys.readouterr()
    for part in ("nb", "out"):
        shutil.copytree(_site_once / part, tmp_path / part)
    out = tmp_path / "out"
    assert {f"{p}.html" for p in PAGES} <= set(tree(out))
    return tmp_path / "nb" / "reports.json", out, tree(out), inodes(out)


def fail_once(monkeypatch, out: Path, when) -> list[str]:
    """Make ``os.replace`` into ``out`` raise ENOSPC once, at the first call for which ``when(dst)`` is
    true (every writer of the build moves its files into place with it); the names moved before that."""
    real_replace = os.replace
    moved: list[str] = []
    failed: list[bool] = []

    def replace(src, dst, *args, **kwargs):
        inside = out in Path(dst).parents and ".previous-site-" not in str(src)
        if inside and not failed and when(Path(dst)):
            failed.append(True)
            raise ENOSPC
        if inside:
            moved.append(Path(dst).name)
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(ipio.os, "replace", replace)  # (the os module: every writer's os.replace)
    return moved


def assert_rolled_back(out: Path, before: dict, before_inodes: dict, capsys) -> None:
    err = capsys.readouterr().err
    assert err == (f"ipanalysis report: error: cannot write the reports to {out}: [Errno 28] No space "
                   "left on device; the pages, index and manifest already there are kept\n")
    assert tree(out) == before  # byte for byte, nothing added (no snapshot or temporary left either)
    assert inodes(out) == before_inodes  # the very files of before: the rebuilt ones were put back


@kernels
def test_index_out_of_space_after_every_page_was_rebuilt_rolls_the_pages_back(site, capsys, monkeypatch):
    """The workers (spawned processes) rebuild both pages; the parent then cannot write the index."""
    matrix, out, before, before_inodes = site
    moved = fail_once(monkeypatch, out, lambda dst: dst.name == "index.html")
    assert cli_main(["--matrix", str(matrix), "--out", str(out), "--force", "-q"]) == 1
    assert "manifest.json" in moved  # both pages were recorded: the run got as far as the index
    assert_rolled_back(out, before, before_inodes, capsys)


@kernels
def test_second_page_out_of_space_rolls_the_first_page_back(site, capsys, monkeypatch):
    """The reports run one after the other in this process (a pool of one, in-process, so that the patch
    reaches the worker's writes): the first page is rebuilt and recorded, the second page's first write
    fails; the first page, its notebook and data, the manifest and the index are the old ones again."""
    matrix, out, before, before_inodes = site
    for key, value in kernel.WORKER_ENV.items():  # init_worker sets these: undo at teardown
        monkeypatch.setenv(key, value)
    monkeypatch.setitem(sys.modules, "rfc3987_syntax", sys.modules.get("rfc3987_syntax"))
    monkeypatch.setattr(worker, "_STATE", {})
    worker.init_worker(kernel.WORKER_ENV)
    done: list[str] = []

    def pool(todo, out_, jobs, last, progress, contexts, timeout):
        for r in todo:
            res = worker.run_report(Task.of(r, out_, page=(contexts or {}).get(r.name), timeout=timeout))
            done.append(r.name)
            yield r, res

    monkeypatch.setattr(build_mod, "run_pool", pool)
    moved = fail_once(monkeypatch, out, lambda dst: len(done) == 1 and dst.name != "manifest.json")
    assert cli_main(["--matrix", str(matrix), "--out", str(out), "--force", "-q"]) == 1
    first = done[0]
    assert {f"{first}.html", f"{first}.ipynb", "manifest.json"} <= set(moved), moved  # rebuilt, recorded
    assert len(done) == 2
    assert_rolled_back(out, before, before_inodes, capsys)


def test_snapshot_restores_replaced_removed_and_added_files(tmp_path):
    """The snapshot alone: a replaced file, a removed folder and an added one (the data folder of a page)."""
    out = tmp_path / "out"
    (out / "a.data").mkdir(parents=True)
    (out / "a.data" / "t.csv").write_text("x,y\n")
    (out / "a.html").write_text("old page")
    (out / "index.html").write_text("old index")
    before, before_inodes = tree(out), inodes(out)
    snap = output_mod.Snapshot.take(out)
    ipio.atomic_write(out / "a.html", "new page")
    shutil.rmtree(out / "a.data")
    (out / "b.data").mkdir()
    ipio.atomic_write(out / "b.data" / "t.csv", "1,2\n")
    (out / "index.html").unlink()
    snap.restore()
    assert tree(out) == before and inodes(out) == before_inodes
    assert sorted(p.name for p in out.iterdir()) == ["a.data", "a.html", "index.html"]


def test_snapshot_discarded_after_a_good_build_and_a_stale_one_removed(tmp_path):
    out = tmp_path / "out"
    (out / ".previous-site-99999").mkdir(parents=True)  # left by a killed build
    (out / "a.html").write_text("page")
    snap = output_mod.Snapshot.take(out)
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [snap.keep.name]
    snap.discard()
    assert sorted(p.name for p in out.iterdir()) == ["a.html"]
