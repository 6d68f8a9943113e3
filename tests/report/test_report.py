"""`ipanalysis report`: matrix, parameter validation, execution, failure isolation, incremental builds.

Kernel-executing tests use the tiny notebooks in tests/fixtures/report/ (copied to a temp dir),
run with jobs=2, and share one xdist group so that they do not compete for the two cores.
"""

from __future__ import annotations

import concurrent.futures
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from report_helpers import FIXTURES, write_matrix

from ipanalysis import report
from ipanalysis.report import ReportConfigError, build, cli_main, load_matrix, manifest, parse_param, parse_value, worker

kernels = pytest.mark.xdist_group("report-kernels")
IMG = re.compile(r'<img[^>]+src="data:image/png;base64,')



@pytest.fixture
def obs(tmp_path):
    """An observations file, named relative to ``root=tmp_path``."""
    path = tmp_path / "obs.csv"
    path.write_text("indicator,year,value\nx,2023,1\n", encoding="utf-8")
    return path



@pytest.fixture
def stable_sources(tmp_path_factory, monkeypatch):
    """Hash a frozen copy of the package sources, so that someone editing ipanalysis/*.py
    during the run cannot turn an expected 'skipped' into a rebuild."""
    pkg = tmp_path_factory.mktemp("pkg") / "ipanalysis"
    shutil.copytree(manifest.PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(manifest, "PACKAGE_DIR", pkg)



def run(nbdir, out, entries, **kw):
    kw.setdefault("jobs", 2)
    kw.setdefault("progress", False)
    return build(out=out, matrix=entries, notebook_dir=nbdir, **kw).set_index("name")


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if ".tmp" in p.name)


# ------------------------------------------------------------------------------------------------
# Building
# ------------------------------------------------------------------------------------------------

@kernels
def test_success_failure_isolation_index_and_exit_code(nbdir, tmp_path, capsys):
    out = tmp_path / "out"
    matrix = write_matrix(nbdir, [{"notebook": "ok.ipynb"}, {"notebook": "fails.ipynb"}, {"notebook": "plot.ipynb"},
                                  {"notebook": "params.ipynb", "name": "boom", "parameters": {"label": "boom"}}])
    code = cli_main(["--matrix", str(matrix), "--out", str(out), "--jobs", "2"])
    assert code == 1
    summary = capsys.readouterr().out
    assert re.search(r"^fails\s+failed", summary, re.M) and re.search(r"^ok\s+ok", summary, re.M)

    # the good reports: executed notebook + HTML without code input, images embedded, env set
    html = (out / "ok.html").read_text(encoding="utf-8")
    assert "ok-output 1" in html  # printed output, with IPANALYSIS_REPORT=1 in the kernel
    assert "code-input-should-not-appear" not in html  # no code input
    assert "print(" not in html
    assert IMG.search(html)  # displayed image embedded
    executed = json.loads((out / "ok.ipynb").read_text(encoding="utf-8"))
    assert "".join(executed["cells"][0]["outputs"][0]["text"]).startswith("ok-output 1")
    plot = (out / "plot.html").read_text(encoding="utf-8")
    assert IMG.search(plot)  # the matplotlib figure is shown (inline backend in the kernel)
    assert "plt.subplots" not in plot  # its code is not

    # the failing report: no HTML, executed notebook with the error, index row with cell + message
    assert not (out / "fails.html").exists()
    failed_nb = json.loads((out / "fails.ipynb").read_text(encoding="utf-8"))
    assert any(o.get("ename") == "ValueError" for c in failed_nb["cells"] for o in c.get("outputs", []))
    index = (out / "index.html").read_text(encoding="utf-8")
    rows = [line for line in index.splitlines() if line.startswith("<tr>")]  # the build log
    row = next(line for line in rows if ">fails" in line)
    assert "cell 2" in row and "ValueError: boom in cell 2" in row and 'href="fails.ipynb"' in row
    assert 'href="ok.html"' in index and 'href="plot.html"' in index
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {k: v["status"] for k, v in manifest["reports"].items()} == {
        "ok": "ok", "fails": "failed", "plot": "ok", "boom": "failed"}
    assert manifest["reports"]["fails"]["cell"] == 2
    # cells are counted in the source notebook: papermill's injected-parameters cell is not counted
    row = next(line for line in rows if ">boom" in line)
    assert "cell 3" in row and "RuntimeError: label is boom" in row
    assert leftovers(out) == []


@kernels
@pytest.mark.usefixtures("stable_sources")
def test_build_frame_and_failure_removes_previous_good_html(nbdir, tmp_path):
    out = tmp_path / "out"
    entries = [{"notebook": "ok.ipynb"}]
    frame = run(nbdir, out, entries)
    assert list(frame.columns[:6]) == ["notebook", "parameters", "status", "seconds", "html", "ipynb"]
    assert frame.loc["ok", "status"] == "ok" and Path(frame.loc["ok", "html"]).is_file()

    shutil.copy(nbdir / "fails.ipynb", nbdir / "ok.ipynb")  # the same report now raises in cell 2
    frame = run(nbdir, out, entries)
    assert frame.loc["ok", "status"] == "failed"
    assert frame.loc["ok", "cell"] == 2 and frame.loc["ok", "error"] == "ValueError: boom in cell 2"
    assert frame.loc["ok", "html"] is None
    assert not (out / "ok.html").exists()  # documented: a stale good HTML is removed
    assert "failed" in (out / "index.html").read_text(encoding="utf-8")
    assert leftovers(out) == []


@kernels
def test_second_run_skips_fast_and_force_rebuilds(nbdir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    matrix = write_matrix(nbdir, [{"notebook": "ok.ipynb"}, {"notebook": "fails.ipynb"}])
    (out / ".ok.123.tmp.ipynb").parent.mkdir()
    (out / ".ok.123.tmp.ipynb").write_text("left by a killed build")
    assert cli_main(["--matrix", str(matrix), "--out", str(out), "-q", "--only", "ok"]) == 0
    first_html = (out / "ok.html").read_bytes()
    assert leftovers(out) == []
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r">fails<.*not built", index)  # every matrix report is listed

    with monkeypatch.context() as m:  # nothing changed: no pool, no kernel
        m.setattr(concurrent.futures, "ProcessPoolExecutor", lambda *a, **k: pytest.fail("pool started"))
        frame = run(nbdir, out, [{"notebook": "ok.ipynb"}])
    assert frame.loc["ok", "status"] == "skipped" and Path(frame.loc["ok", "html"]).is_file()
    assert (out / "ok.html").read_bytes() == first_html

    # a fresh process (the CLI path); its speed is measured by benchmarks/report_bench.py
    proc = subprocess.run([sys.executable, "-c", "import sys; from ipanalysis.report import cli_main; "
                           f"code = cli_main(['--matrix', {str(matrix)!r}, '--out', {str(out)!r}, '--only', 'ok']); "
                           "print('pandas imported:', 'pandas' in sys.modules); sys.exit(code)"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"^ok\s+skipped", proc.stdout, re.M)
    assert "pandas imported: False" in proc.stdout  # the up-to-date path stays light

    frame = run(nbdir, out, [{"notebook": "ok.ipynb"}], force=True)
    assert frame.loc["ok", "status"] == "ok"


@kernels
@pytest.mark.usefixtures("stable_sources")
def test_parameter_and_data_changes_rerun(nbdir, tmp_path, obs, data_copy):
    out = tmp_path / "out"
    entries = [{"notebook": "params.ipynb", "parameters": {"observations": "obs.csv", "as_of": "2023"},
                "matrix": {"doc_id": ["ordos_2022"]}}]
    frame = run(nbdir, out, entries, root=tmp_path)
    assert frame.loc["params-ordos_2022", "status"] == "ok"
    html = (out / "params-ordos_2022.html").read_text(encoding="utf-8")
    assert "doc_id ordos_2022 as_of &#x27;2023&#x27; n 1" in html or "as_of '2023' n 1" in html
    assert "observations-exists True" in html  # absolute, existing path passed to the kernel
    assert "cwd nb report 1" in html  # cwd = notebook dir; env vars set

    assert run(nbdir, out, entries, root=tmp_path).loc["params-ordos_2022", "status"] == "skipped"
    frame = run(nbdir, out, entries, root=tmp_path, params={"n": 2})  # -p n=2
    assert frame.loc["params-ordos_2022", "status"] == "ok"
    assert " n 2 " in (out / "params-ordos_2022.html").read_text(encoding="utf-8")
    assert run(nbdir, out, entries, root=tmp_path, params={"n": 2}).loc["params-ordos_2022", "status"] == "skipped"

    with open(data_copy / "targets.csv", "a", encoding="utf-8") as f:  # a data file changes
        f.write("\n")
    assert run(nbdir, out, entries, root=tmp_path, params={"n": 2}).loc["params-ordos_2022", "status"] == "ok"


def test_hash_covers_notebook_parameters_data_package(nbdir, tmp_path, obs, data_copy, monkeypatch):
    r = report.Report("params", nbdir / "params.ipynb", {"doc_id": "ordos_2022", "observations": str(obs)})

    def h(rep=r):
        return manifest.report_hash(rep, manifest.environment_digest(), tmp_path)

    base = h()
    assert h() == base
    assert h(report.Report("params", r.notebook, {**r.parameters, "doc_id": "guiyang_2022"})) != base
    obs.write_text(obs.read_text() + "x,2024,2\n")  # the observations file's content counts
    assert h() != base
    base = h()
    (data_copy / "raw" / "extra.json").write_text("{}")
    assert h() != base
    (data_copy / "raw" / "extra.json").unlink()
    assert h() == base
    (data_copy / "notes.md").write_text("not hashed")  # only csv/txt/json under data/
    assert h() == base
    monkeypatch.setattr(manifest, "package_version", lambda: "9.9.9")
    assert h() != base
    monkeypatch.undo()
    nb = r.notebook.read_text(encoding="utf-8")
    r.notebook.write_text(nb.replace("label = ", "label  = "), encoding="utf-8")
    assert h() != base
    r.notebook.write_text(nb, encoding="utf-8")
    assert h() == base

    pkg = tmp_path / "pkg"  # the package sources: a copy stands in for ipanalysis/
    shutil.copytree(manifest.PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(manifest, "PACKAGE_DIR", pkg)
    assert h() == base
    with open(pkg / "trajectory.py", "a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    assert h() != base


# ------------------------------------------------------------------------------------------------
# Validation: errors before any kernel starts, nothing written
# ------------------------------------------------------------------------------------------------

PARAMS = {"notebook": "params.ipynb", "parameters": {"as_of": "2023"}, "matrix": {"doc_id": ["ordos_2022"]}}


@pytest.mark.parametrize("entry, params, message", [
    ({"notebook": "ok.ipynb"}, {"doc_id": "ordos_2022"}, r"unknown parameter 'doc_id' for the selected reports; declared parameters — ok.ipynb: \(no parameters cell\)"),
    ({"notebook": "params.ipynb", "parameters": {"colour": "red"}}, None, r"unknown parameter 'colour'; params.ipynb declares: doc_id, as_of, observations, n, label"),
    ({"notebook": "params.ipynb", "parameters": {"doc_id": "beijing_2020"}}, None, r"unknown doc_id 'beijing_2020'; valid: cangshan_2013, guiyang_2022, nanchang_2021, national_2015, ordos_2022"),
    ({"notebook": "params.ipynb", "parameters": {"doc_id": "ordos_2022"}}, {"doc_id": "nope"}, r"unknown doc_id 'nope'"),
    (PARAMS, {"doc_id": "guiyang_2022"}, r"-p doc_id='guiyang_2022' would put one analysis under the names of "
                                         r"reports built for other values \(params-ordos_2022"),
    (PARAMS, {"as_of": "2023/12"}, r"as_of='2023/12'.*YYYY or YYYY-MM-DD"),
    (PARAMS, {"as_of": "2023-02-30"}, r"YYYY or YYYY-MM-DD"),
    (PARAMS, {"as_of": 23}, r"as_of='23'.*YYYY or YYYY-MM-DD"),
    ({"notebook": "params.ipynb", "parameters": {"observations": "missing.csv"}}, None, r"observations file not found: .*missing.csv"),
    (PARAMS, {"observations": "/no/such/obs.csv"}, r"observations file not found: /no/such/obs.csv"),
    ({"notebook": "absent.ipynb"}, None, r"notebook not found: .*absent.ipynb"),
])
def test_config_errors_before_any_kernel(nbdir, tmp_path, no_pool, entry, params, message):
    out = tmp_path / "out"
    with pytest.raises(ReportConfigError, match=message):
        run(nbdir, out, [{"notebook": "ok.ipynb", "name": "other"}, entry], params=params, root=tmp_path)
    assert not out.exists()


def test_cli_config_error_exit_2_writes_nothing(nbdir, tmp_path, no_pool, capsys):
    out = tmp_path / "out"
    matrix = write_matrix(nbdir, [PARAMS])
    assert cli_main(["--matrix", str(matrix), "--out", str(out), "-p", "as_of=last-year"]) == 2
    err = capsys.readouterr().err
    assert "ipanalysis report: error:" in err and "YYYY or YYYY-MM-DD" in err
    assert cli_main(["--matrix", str(matrix), "--out", str(out), "-p", "nosuch=1"]) == 2
    assert "declared parameters" in capsys.readouterr().err
    assert cli_main(["--matrix", str(matrix), "--out", str(out), "-p", "no-equals"]) == 2
    assert cli_main(["--matrix", str(matrix), "--out", str(out), "--jobs", "0"]) == 2
    assert cli_main(["--matrix", str(matrix), "--bogus-option"]) == 2
    assert not out.exists()


def test_only_unknown_lists_names(nbdir, tmp_path, no_pool, capsys):
    matrix = write_matrix(nbdir, [{"notebook": "ok.ipynb"}, PARAMS])
    assert cli_main(["--matrix", str(matrix), "--out", str(tmp_path / "out"), "--only", "nope"]) == 2
    err = capsys.readouterr().err
    assert "unknown report 'nope'; valid names: ok, params-ordos_2022; notebooks: ok, params" in err
    assert not (tmp_path / "out").exists()


def test_only_matches_names_and_stems():
    reports = load_matrix([{"notebook": "a.ipynb"}, {"notebook": "t.ipynb", "matrix": {"doc_id": ["x_1", "y_2"]}}], "/nb")
    pick = report.select_reports
    assert [r.name for r in pick(reports, ["t"])] == ["t-x_1", "t-y_2"]
    assert [r.name for r in pick(reports, ["t-y_2", "a"])] == ["a", "t-y_2"]
    assert [r.name for r in pick(reports, None)] == ["a", "t-x_1", "t-y_2"]
    with pytest.raises(ReportConfigError, match="valid names: a, t-x_1, t-y_2"):
        pick(reports, ["t", "zz"])


def test_p_applies_only_where_declared_and_coerces_declared_strings(nbdir, tmp_path):
    reports = load_matrix([{"notebook": "ok.ipynb"}, PARAMS], nbdir)
    ok, params = report.prepare_reports(reports, ["as_of=2024", "n=5", "label=None"], root=tmp_path)
    assert ok.parameters == {}
    assert params.parameters == {"as_of": "2024", "doc_id": "ordos_2022", "n": 5, "label": None}
    (p,) = report.prepare_reports(reports[1:], {"label": 7}, root=tmp_path)  # label = "x": a str parameter
    assert p.parameters == {"as_of": "2023", "doc_id": "ordos_2022", "label": "7"}


def test_path_parameters_become_absolute(nbdir, tmp_path, obs, monkeypatch):
    entry = {"notebook": "params.ipynb", "parameters": {"observations": "obs.csv"}}
    (r,) = report.prepare_reports(load_matrix([entry], nbdir), root=tmp_path)
    assert r.parameters["observations"] == str(obs)
    monkeypatch.chdir(tmp_path)  # -p paths are relative to the current directory
    (r,) = report.prepare_reports(load_matrix([{"notebook": "params.ipynb"}], nbdir), {"observations": "obs.csv"},
                                  root="/elsewhere")
    assert r.parameters["observations"] == str(obs)


# ------------------------------------------------------------------------------------------------
# Parsing, matrix, kernel
# ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["3", "-4", "2.5", "1e3", "True", "False", "None", "2023", "2023-12-31",
                                  "ordos_2022", "true", "", " 7", "nan", "data/x.csv", "0x10"])
def test_parse_value_matches_papermill(text):
    from papermill.cli import _resolve_type

    expected = _resolve_type(text)
    got = parse_value(text)
    assert type(got) is type(expected)
    assert got == expected or (got != got and expected != expected)  # nan


def test_parse_param():
    assert parse_param("x=3") == ("x", 3)
    assert parse_param("as_of=2023-12-31") == ("as_of", "2023-12-31")
    assert parse_param("expr=a=b") == ("expr", "a=b")
    assert parse_param("flag=False") == ("flag", False)
    for bad in ["x", "=3", "two words=1"]:
        with pytest.raises(ReportConfigError, match="key=value"):
            parse_param(bad)


def test_declared_parameters_are_papermills_and_cached(monkeypatch):
    import papermill

    cache = {}
    for name in ["params.ipynb", "ok.ipynb", "fails.ipynb"]:
        assert report.declared_parameters(FIXTURES / name, cache) == papermill.inspect_notebook(str(FIXTURES / name))
    assert list(report.declared_parameters(FIXTURES / "params.ipynb")) == ["doc_id", "as_of", "observations", "n", "label"]
    monkeypatch.setattr(papermill, "inspect_notebook", lambda *a: pytest.fail("cache not used"))
    assert "doc_id" in report.declared_parameters(FIXTURES / "params.ipynb", cache)


def test_matrix_expansion_names_and_errors(tmp_path):
    reports = load_matrix([{"notebook": "compare.ipynb"},
                           {"notebook": "att.ipynb", "parameters": {"as_of": "2023"},
                            "matrix": {"doc_id": ["a_1", "b_2"], "k": [1, 2]}}], tmp_path)
    assert [r.name for r in reports] == ["compare", "att-a_1-1", "att-a_1-2", "att-b_2-1", "att-b_2-2"]
    assert reports[2].parameters == {"as_of": "2023", "doc_id": "a_1", "k": 2}
    assert reports[0].notebook == tmp_path / "compare.ipynb"
    for bad, msg in [([{"notebook": "a.ipynb"}, {"notebook": "a.ipynb"}], "duplicate report names"),
                     ([{"nb": "a.ipynb"}], "needs a \"notebook\""),
                     ([{"notebook": "a.ipynb", "matrix": {"k": []}}], "non-empty list"),
                     ([{"notebook": "a.ipynb", "colour": 1}], "unknown keys"),
                     ([{"notebook": "a.ipynb", "description": 1, "name": "b"}, {"notebook": "a.ipynb", "name": "b"}],
                      "duplicate report names"),
                     ([{"notebook": "a.ipynb", "name": "x", "matrix": {"k": [1]}}], "without a matrix"),
                     ({"reports": "x"}, "expected a list")]:
        with pytest.raises(ReportConfigError, match=msg):
            load_matrix(bad, tmp_path)
    with pytest.raises(ReportConfigError, match="not found"):
        load_matrix(tmp_path / "missing.json")


def test_real_matrix_is_the_intended_set():
    from ipanalysis.data.sources import doc_ids

    reports = load_matrix()
    docs = ["guiyang_2022", "cangshan_2013", "nanchang_2021", "national_2015", "ordos_2022"]
    english = (["compare", "audit"] + [f"trajectories-{d}" for d in docs]
               + [f"attainment-{d}" for d in docs] + ["attainment-demo-illustrative"])
    assert [r.name for r in reports] == english + [f"zh/{n}" for n in english]  # each page in Chinese too
    assert all(r.notebook.parent == report.NOTEBOOK_DIR for r in reports)
    assert {r.parameters["doc_id"] for r in reports if "doc_id" in r.parameters} == set(doc_ids())
    att = [r for r in reports if r.stem == "attainment"]
    demo = [r for r in att if "observations" in r.parameters]
    assert [r.name for r in demo] == ["attainment-demo-illustrative", "zh/attainment-demo-illustrative"]  # one page only
    assert demo[0].parameters["observations"] == "data/examples/illustrative_observations.csv"


def test_kernel_is_this_interpreter():
    argv = report.kernel_command()
    assert argv[0] == sys.executable and "ipykernel_launcher" in argv


# ------------------------------------------------------------------------------------------------
# Issue 15 §3: a page never holds another place's analysis; a card shows its page's numbers
# ------------------------------------------------------------------------------------------------

def test_p_may_not_change_the_parameter_a_report_is_named_after(tmp_path, no_pool, capsys):
    """``--only attainment -p doc_id=ordos_2022`` would write Ordos into attainment-guiyang_2022.html and
    three more: refused before any kernel starts (exit 2), naming the reports and the --only to use."""
    out = tmp_path / "out"
    assert cli_main(["--only", "attainment", "-p", "doc_id=ordos_2022", "--out", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    others = [f"attainment-{d}" for d in ("guiyang_2022", "cangshan_2013", "nanchang_2021", "national_2015")]
    assert all(name in err for name in others) and "their names come from doc_id" in err
    assert "use --only attainment-ordos_2022 instead of -p doc_id" in err
    assert not out.exists()
    # the same value as the report's own changes nothing, and a fixed (non-matrix) doc_id may be set
    reports = report.prepare_reports(report.select_reports(load_matrix(), ["attainment-ordos_2022"]),
                                     {"doc_id": "ordos_2022"})
    assert reports[0].parameters["doc_id"] == "ordos_2022"
    (demo,) = report.prepare_reports(report.select_reports(load_matrix(), ["attainment-demo-illustrative"], "en"),
                                     {"doc_id": "guiyang_2022"})
    assert demo.parameters["doc_id"] == "guiyang_2022"


def _cards(out: Path) -> dict[str, dict]:
    index = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["index"]["index.html"]
    return {c["doc_id"]: c for c in index["cards"]}


def _counts(doc_id: str, **params) -> dict[str, int]:
    import ipanalysis as ip

    att = ip.attainment(doc_id=doc_id, **params)
    return {str(k): int(v) for k, v in att["status"].value_counts().items()}


@kernels
def test_cards_use_the_parameters_of_the_pages_they_link(tmp_path):
    """``--only attainment-ordos_2022 -p as_of=2024-06-30``: the Ordos card counts as its page does
    (today's main kept the default counts), every other card as its own page; then with invented
    observations the card counts those and says they are illustrative."""
    import ipanalysis as ip

    out = tmp_path / "out"
    frame = build(out=out, only="attainment-ordos_2022", params={"as_of": "2024-06-30"}, jobs=1, progress=False)
    assert frame.set_index("name").loc["attainment-ordos_2022", "status"] == "ok"
    cards = _cards(out)
    assert cards["ordos_2022"]["status_counts"] == _counts("ordos_2022", as_of="2024-06-30") != _counts("ordos_2022")
    for doc in ip.doc_ids():
        if doc != "ordos_2022":
            assert cards[doc]["status_counts"] == _counts(doc), doc
    html = (out / "index.html").read_text(encoding="utf-8")
    card = html[html.index('id="ordos_2022"'):html.index("</article>", html.index('id="ordos_2022"'))]
    assert "as_of=2024-06-30" in card
    assert json.loads((out / "manifest.json").read_text())["reports"]["attainment-ordos_2022"]["parameters"][
        "as_of"] == "2024-06-30"

    invented = tmp_path / "my_illustrative_observations.csv"
    shutil.copy(ip.resolve_path("data/examples/illustrative_observations.csv"), invented)
    build(out=out, only="attainment-ordos_2022", params={"observations": str(invented)}, jobs=1, progress=False)
    ordos = _cards(out)["ordos_2022"]
    assert ordos["status_counts"] == _counts("ordos_2022", observations=ip.load_observations(invented))
    assert ordos["illustrative"] and ordos["status_counts"] != _counts("ordos_2022")
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "ILLUSTRATIVE" in html[html.index('id="ordos_2022"'):]
