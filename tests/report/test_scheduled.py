"""Unattended (cron) runs of `ipanalysis report`: the one summary line names the index, a stuck notebook
is stopped by --timeout while the others finish, and an output folder that cannot be written (read-only,
out of space) is one clear error that leaves the pages, index and manifest byte for byte as they were.

Kernel-executing tests use the tiny notebooks in tests/fixtures/report/ (copied to a temp dir) and share
the xdist group of tests/report/test_report.py.
"""

from __future__ import annotations

import errno
import importlib
import json
import os
import re
import shutil
import stat
import sys
import time
from pathlib import Path

import pytest

from report_helpers import FIXTURES, write_matrix

from ipanalysis import io as ipio
from ipanalysis.report import cli_main, kernel, worker
from ipanalysis.report import output as output_mod
from ipanalysis.report.limits import DEFAULT_TIMEOUT, Deadline, parse_timeout
from ipanalysis.report.task import Result, Task

build_mod = importlib.import_module("ipanalysis.report.build")  # (the package exports the function build)
README = Path(__file__).resolve().parents[2] / "README.md"
kernels = pytest.mark.xdist_group("report-kernels")





def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def _site_once(tmp_path_factory):
    """A good site (one page), built once for the module."""
    base = tmp_path_factory.mktemp("site")
    shutil.copytree(FIXTURES, base / "nb")
    matrix = write_matrix(base / "nb", [{"notebook": "ok.ipynb"}])
    assert cli_main(["--matrix", str(matrix), "--out", str(base / "out"), "--jobs", "1", "-q"]) == 0
    return base


@pytest.fixture
def built_site(_site_once, tmp_path, capsys):
    """A copy of the good site in tmp_path: the matrix path and the output folder."""
    capsys.readouterr()
    for part in ("nb", "out"):
        shutil.copytree(_site_once / part, tmp_path / part)
    return tmp_path / "nb" / "reports.json", tmp_path / "out"


# ------------------------------------------------------------------------------------------------
# The summary line
# ------------------------------------------------------------------------------------------------

@kernels
def test_quiet_prints_one_line_with_the_absolute_index_path(nbdir, tmp_path, capsys, monkeypatch):
    matrix = write_matrix(nbdir, [{"notebook": "ok.ipynb"}, {"notebook": "fails.ipynb"}])
    monkeypatch.chdir(tmp_path)
    assert cli_main(["--matrix", str(matrix), "--out", "site", "-q", "--jobs", "2"]) == 1  # relative --out
    out = capsys.readouterr().out
    index = tmp_path.resolve() / "site" / "index.html"
    assert out == f"2 reports: 1 ok, 0 skipped, 1 failed (fails) — index: {index}\n"
    assert index.is_file()

    # without -q: the table, ending with the same line (here: both up to date / failed again)
    assert cli_main(["--matrix", str(matrix), "--out", "site", "--only", "ok"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert re.match(r"ok\s+skipped", lines[-2])
    assert lines[-1] == f"1 reports: 0 ok, 1 skipped, 0 failed — index: {index}"


def test_readme_cron_example_is_quiet():
    text = README.read_text(encoding="utf-8")
    cron = re.findall(r"```cron\n(.*?)```", text, re.S)
    assert cron, "the README has a cron example"
    for block in cron:
        for line in block.splitlines():
            if "ipanalysis report" in line:
                assert re.search(r"ipanalysis report\b.* (-q|--quiet)\b", line), line


# ------------------------------------------------------------------------------------------------
# --timeout
# ------------------------------------------------------------------------------------------------

@kernels
def test_timeout_fails_the_stuck_report_and_the_others_finish(nbdir, tmp_path, capsys):
    out = tmp_path / "out"
    matrix = write_matrix(nbdir, [{"notebook": "ok.ipynb"}, {"notebook": "sleeps.ipynb"}])
    code = cli_main(["--matrix", str(matrix), "--out", str(out), "--timeout", "3", "--jobs", "2", "-q"])
    assert code == 1  # the stuck cell was stopped by the limit (its error below), not waited for; no wall-clock
    # bound here: speed belongs in the benchmark, and a loaded machine must not fail this test
    assert capsys.readouterr().out.startswith("2 reports: 1 ok, 0 skipped, 1 failed (sleeps)")
    records = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["reports"]
    assert records["ok"]["status"] == "ok" and (out / "ok.html").is_file()
    assert records["sleeps"]["status"] == "failed"
    assert records["sleeps"]["error"] == "timed out after 3 s in cell 2"
    assert records["sleeps"]["cell"] == 2
    assert not (out / "sleeps.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    row = next(line for line in index.splitlines() if line.startswith("<tr>") and ">sleeps" in line)
    assert "timed out after 3 s in cell 2" in row


@pytest.mark.parametrize("value, message", [
    ("soon", "bad --timeout 'soon'"), ("-5", "bad --timeout '-5'"), ("inf", "bad --timeout 'inf'")])
def test_bad_timeout_is_a_config_error_naming_the_choices(tmp_path, no_pool, capsys, value, message):
    assert cli_main(["--only", "compare", "--out", str(tmp_path / "out"), "--timeout", value, "-q"]) == 2
    err = capsys.readouterr().err
    assert message in err and "a number > 0" in err and "0 or none for no limit" in err
    assert not (tmp_path / "out").exists()


def test_timeout_values_and_the_deadline():
    assert parse_timeout(None) == DEFAULT_TIMEOUT == 600
    assert [parse_timeout(v) for v in ("2.5", "0", "none", "NONE", "off", 0, 90)] == [2.5, None, None, None, None,
                                                                                        None, 90.0]
    d = Deadline(10)
    first = d({"id": "a"})
    time.sleep(0.2)
    second = d({"id": "b"})
    assert first == pytest.approx(10, abs=0.05) and second == pytest.approx(9.8, abs=0.1)  # one limit, shared
    assert d.cell_id == "b"


# ------------------------------------------------------------------------------------------------
# A folder that cannot be written
# ------------------------------------------------------------------------------------------------

@kernels
def test_read_only_output_folder_is_one_error_before_any_kernel(built_site, no_pool, capsys, monkeypatch):
    matrix, out = built_site
    before = snapshot(out)
    mode = out.stat().st_mode
    out.chmod(0o555)
    try:
        probe = out / "can-i-write"
        try:
            probe.write_text("x")
            writable = True  # root: chmod does not stop writes; refuse them at the OS call instead
            probe.unlink()
        except PermissionError:
            writable = False
        if writable:
            real_open = os.open

            def read_only_open(path, flags, *args, **kwargs):
                if Path(path).parent == out and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                    raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
                return real_open(path, flags, *args, **kwargs)

            monkeypatch.setattr(output_mod.os, "open", read_only_open)
        code = cli_main(["--matrix", str(matrix), "--out", str(out), "--force", "-q"])
    finally:
        out.chmod(stat.S_IMODE(mode))
    captured = capsys.readouterr()
    assert code == 1
    err = captured.err.strip().splitlines()
    assert len(err) == 1, captured.err
    assert err[0].startswith(f"ipanalysis report: error: cannot write the reports to {out}: [Errno ")
    assert ("Read-only file system" if writable else "Permission denied") in err[0]
    assert captured.out == ""
    assert snapshot(out) == before


@kernels
@pytest.mark.parametrize("target", ["manifest.json", "index.html"])
def test_out_of_space_writing_manifest_or_index_keeps_them(built_site, capsys, monkeypatch, target):
    """The parent process runs out of space moving ``target`` into place (the pages are written by the
    workers, spawned processes this patch does not reach: they succeed)."""
    matrix, out = built_site
    (out / "ok.html").unlink()  # ok is rebuilt, so the manifest and index must change
    before = {name: (out / name).read_bytes() for name in ("manifest.json", "index.html")}
    real_replace = os.replace

    def full_disk(src, dst, *args, **kwargs):
        if Path(dst).name == target:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(ipio.os, "replace", full_disk)
    code = cli_main(["--matrix", str(matrix), "--out", str(out), "-q"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err == (f"ipanalysis report: error: cannot write the reports to {out}: [Errno 28] No space "
                            "left on device; the pages, index and manifest already there are kept\n")
    assert (out / target).read_bytes() == before[target]
    if target == "manifest.json":  # nothing recorded, so no index written from records that are not saved
        assert (out / "index.html").read_bytes() == before["index.html"]
    assert not [p.name for p in out.iterdir() if ".tmp" in p.name]


@kernels
def test_out_of_space_in_a_worker_keeps_the_previous_page(built_site, monkeypatch):
    """In a worker: writing the page fails (ENOSPC); the previous page and notebook stay, and the result
    says so (``output_error``), not a plain failure that would remove them."""
    matrix, out = built_site
    before = snapshot(out)
    for key, value in kernel.WORKER_ENV.items():  # init_worker sets these: undo at teardown
        monkeypatch.setenv(key, value)
    monkeypatch.setitem(sys.modules, "rfc3987_syntax", sys.modules.get("rfc3987_syntax"))
    monkeypatch.setattr(worker, "_STATE", {})
    worker.init_worker(kernel.WORKER_ENV)

    def full_disk(path, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(worker, "atomic_write", full_disk)
    task = Task("ok", str(matrix.parent / "ok.ipynb"), cwd=str(matrix.parent), out=str(out))
    res = worker.run_report(task)
    assert res.status == "failed"
    assert res.output_error == "[Errno 28] No space left on device"
    assert snapshot(out) == before


@kernels
def test_a_worker_output_error_stops_the_build_and_keeps_the_site(built_site, capsys, monkeypatch):
    """The parent's side of the test above: a result with ``output_error`` records nothing and writes no
    index; the build ends with the one error."""
    matrix, out = built_site
    before = snapshot(out)

    def pool(todo, *args, **kwargs):
        for r in todo:
            yield r, Result(r.name, error="OSError: ...", output_error="[Errno 28] No space left on device")

    monkeypatch.setattr(build_mod, "run_pool", pool)
    assert cli_main(["--matrix", str(matrix), "--out", str(out), "--force", "-q"]) == 1
    err = capsys.readouterr().err
    assert f"cannot write the reports to {out}: [Errno 28] No space left on device" in err
    assert snapshot(out) == before
