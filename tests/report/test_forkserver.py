"""Report kernels forked from the build's fork server (ipanalysis.report.forkserver): each is a fresh process
(its own state, working directory and environment) forked from a server that imported the heavy modules and
ran no report code; a build runs its notebooks in such kernels; without a server a kernel is launched as
jupyter_client does."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from report_helpers import write_matrix

from ipanalysis.report import forkserver, kernel, run_build, worker

pytestmark = pytest.mark.xdist_group("report-kernels")
PROBE = ("import os, sys, json\n"
         "print(json.dumps({'parent': open(f'/proc/{os.getppid()}/cmdline').read().split(chr(0)),"
         " 'cwd': os.getcwd(), 'marker': os.environ.get('IPA_TEST_MARKER'), 'pid': os.getpid(), 'ppid': os.getppid(),"
         " 'preloaded': 'pandas' in sys.modules,"
         " 'cached': sys.modules['ipanalysis.data.loaders']._targets.cache_info().currsize"
         " if 'ipanalysis.data.loaders' in sys.modules else 0, 'state': getattr(sys, '_ipa_test_state', None)}))")


@pytest.fixture
def server(tmp_path, monkeypatch):
    for key, value in kernel.WORKER_ENV.items():
        monkeypatch.setenv(key, value)
    srv = forkserver.start_server(tmp_path, kernel.WORKER_ENV)
    assert srv is not None
    monkeypatch.setenv(forkserver.ENV_VAR, srv[1])
    yield srv
    forkserver.stop_server(srv)


def run(code: str, cwd: Path, env: dict | None = None) -> tuple[str, object]:
    """Start a report kernel (kernel.kernel_manager) in ``cwd``, run ``code``, return its stdout and the manager."""
    async def go():
        km = kernel.kernel_manager()
        await km.start_kernel(cwd=str(cwd), env={**os.environ, **(env or {})})
        kc = km.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=120)
        out: list[str] = []
        await kc.execute_interactive(code, timeout=120, output_hook=lambda m: out.append(m["content"].get("text", ""))
                                     if m["msg_type"] == "stream" else None)
        kind = type(km.provisioner).__name__
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
        return "".join(out), kind
    return worker._run(go)


def test_kernels_are_forked_from_the_server_each_a_fresh_process(server, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, kind = run(PROBE + "\nsys._ipa_test_state = 'set by the first report'", tmp_path / "a",
                      {"IPA_TEST_MARKER": "one"})
    second, _ = run(PROBE, tmp_path / "b", {"IPA_TEST_MARKER": "two"})
    a, b = json.loads(first), json.loads(second)
    assert kind == "ForkProvisioner"
    assert any(part == "ipanalysis.report.forkserver" for part in a["parent"]), a["parent"]
    assert a["parent"] == b["parent"] and a["pid"] != b["pid"]
    assert a["preloaded"] and b["preloaded"]  # imported before the kernel ran any code
    assert a["cached"] == b["cached"] == 1  # and the data tables loaded (the data layer's cache)
    assert (a["cwd"], a["marker"]) == (str(tmp_path / "a"), "one")  # each its own directory and environment
    assert (b["cwd"], b["marker"]) == (str(tmp_path / "b"), "two")
    assert b["state"] is None  # nothing of the first report's state in the second


def test_without_a_server_the_kernel_is_launched_as_usual(tmp_path, monkeypatch):
    for key, value in kernel.WORKER_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv(forkserver.ENV_VAR, "off")
    text, kind = run(PROBE, tmp_path)
    assert kind == "LocalProvisioner"
    assert json.loads(text)["ppid"] == os.getpid()  # launched by this process, not by a fork server


def test_a_missing_server_falls_back_to_launching(tmp_path, monkeypatch):
    for key, value in kernel.WORKER_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv(forkserver.ENV_VAR, str(tmp_path / "gone.sock"))
    monkeypatch.setattr(forkserver, "_WAIT_FOR_SOCKET", 0.1)
    text, kind = run(PROBE, tmp_path)
    assert kind == "ForkProvisioner" and json.loads(text)["ppid"] == os.getpid()


def test_a_build_runs_its_notebooks_in_forked_kernels(tmp_path):
    nbdir = tmp_path / "nb"
    nbdir.mkdir()
    nbformat.write(new_notebook(cells=[new_code_cell(PROBE)], metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}}), nbdir / "probe.ipynb")
    matrix = write_matrix(nbdir, [{"notebook": "probe.ipynb"}])
    rows = run_build(out=tmp_path / "out", matrix=matrix, progress=False, jobs=1)
    assert [r["status"] for r in rows] == ["ok"], rows
    nb = nbformat.read(tmp_path / "out" / "probe.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    seen = json.loads(text)
    assert "ipanalysis.report.forkserver" in seen["parent"] and seen["cwd"] == str(nbdir)
