"""Report pages behave like a site (issue 18, items 1–3): a <title> and header naming the document and
the report, every source a link (http/https/mailto only; everything from data escaped), the tables
written beside the page as CSV + Frictionless JSON, a "Cite this page" block, a dataset version and
CITATION.cff."""

from __future__ import annotations

import csv
import html as htmllib
import json
import re
from importlib.metadata import version
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis.data.datapackage import DATA_VERSION, descriptor
from ipanalysis.errors import DataValidationError
from ipanalysis.present.display import Prose, Table, readable
from ipanalysis.present.tabledata import MIME
from ipanalysis import report
from ipanalysis.report import page, sidecar

REPO = Path(__file__).resolve().parents[2]
EVIL = "<script>alert('x')</script>"
HREF = re.compile(r'href="([^"]*)"')


# ------------------------------------------------------------------------------------------------
# Every source is a link; nothing from data is raw HTML
# ------------------------------------------------------------------------------------------------

def _obs_csv(tmp_path: Path, url: str) -> Path:
    src = REPO / "data/examples/illustrative_observations.csv"
    rows = list(csv.DictReader(src.open(encoding="utf-8", newline="")))
    rows[1]["source_url"] = url  # line 3 of the file
    path = tmp_path / "illustrative_obs.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)",
                                 "data:text/html,<b>x</b>", "file:///etc/passwd"])
def test_loader_refuses_a_url_with_another_scheme(tmp_path, url):
    path = _obs_csv(tmp_path, url)
    with pytest.raises(DataValidationError) as err:
        ip.load_observations(path)
    msg = str(err.value)
    assert str(path) in msg and "line 3" in msg and "column 'source_url'" in msg
    assert "only http, https and mailto" in msg
    assert [p.line for p in err.value.problems] == [3]


def test_loader_accepts_safe_urls_and_plain_notes(tmp_path):
    n = len(ip.illustrative_observations())
    for url in ("https://example.org/a?b=1&c=2", "mailto:stats@example.org", "none (invented for demonstration)"):
        assert len(ip.load_observations(_obs_csv(tmp_path, url))) == n


def test_table_links_urls_and_escapes_everything_else():
    df = pd.DataFrame({"source": [EVIL, "see https://x.cn/a?b=1&c=2.", "javascript:alert(1)", "mailto:a@b.org"],
                       "n": [1, 2, 3, 4]})
    out = Table(df)._repr_html_()
    assert "<script>" not in out and "&lt;script&gt;alert('x')&lt;/script&gt;" in out
    assert '<a href="https://x.cn/a?b=1&amp;c=2" rel="noopener">https://x.cn/a?b=1&amp;c=2</a>.' in out
    assert '<a href="mailto:a@b.org"' in out
    assert HREF.findall(out) == ["https://x.cn/a?b=1&amp;c=2", "mailto:a@b.org"]  # javascript: stays text
    assert ">javascript:alert(1)<" in out


def test_table_html_without_urls_is_what_pandas_escapes():
    """The one change for plain text: nothing (a header or cell with <, >, & escaped as before)."""
    df = pd.DataFrame({"a<b": ["x & y", "<i>", None], "n": [1.5, 2.0, 3.25]})
    old = df.to_html(index=False, escape=True, border=0, classes="ipa-table", na_rep="—")
    assert old in Table(df)._repr_html_()


def test_prose_markdown_is_escaped_and_urls_are_autolinks():
    md = Prose(f"**Source.** {EVIL} https://x.cn/a.")._repr_markdown_()
    assert "<script>" not in md and "&lt;script&gt;" in md and "<https://x.cn/a>." in md
    assert repr(Prose(EVIL)) == EVIL  # the plain text (what nbval compares) is the text itself


def test_table_emits_its_data_in_base_units():
    df = pd.DataFrame({"target_id": ["OR-11"], "target_value": [4.46e9], "unit": ["yuan"], "actual_cagr": [0.1234],
                       "obs_url": ["https://x.cn"]})
    t = readable(df, ["target_id", "target_value", "actual_cagr", "obs_url"], caption="c")
    bundle = t._repr_mimebundle_()[MIME]
    assert bundle["caption"] == "c"
    assert bundle["rows"] == [["OR-11", "44.6亿元", "12.3%", "https://x.cn"]]
    assert [f["name"] for f in bundle["data"]["fields"]] == ["target_id", "target_value", "target_value_unit",
                                                             "actual_cagr", "obs_url"]
    assert bundle["data"]["rows"] == [["OR-11", 4460000000.0, "yuan", 0.1234, "https://x.cn"]]
    assert next(f for f in bundle["data"]["fields"] if f["name"] == "actual_cagr")["unit"] == "fraction"
    json.dumps(bundle)  # JSON-ready


# ------------------------------------------------------------------------------------------------
# The page template (no kernel: a hand-made executed notebook through the worker's exporter)
# ------------------------------------------------------------------------------------------------

def _notebook() -> nbformat.NotebookNode:
    df = pd.DataFrame({"target_id": ["OR-01", "OR-02"], "obs_source": [EVIL, "bulletin"],
                       "obs_url": ["https://x.cn/a", "javascript:alert(1)"]})
    t = Table(df, caption="One row per target")
    data = {"text/plain": repr(t), "text/html": t._repr_html_(), **t._repr_mimebundle_()}
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Are the targets on track?\n\n**Method.** Three readings.\n\nMore."),
        nbformat.v4.new_markdown_cell("## Sources of the observations used"),
        nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("display_data", data)])])


def _export(tmp_path: Path, twin: bool = False, name: str = "attainment-ordos_2022") -> tuple[str, dict]:
    from nbconvert import HTMLExporter

    reports = report.load_matrix()
    available = {r.name for r in reports if twin or r.lang == "en"}  # the Chinese pages only with ``twin``
    ctx = page.contexts(reports, tmp_path, available)[name]
    ctx = {**ctx, "built": "2026-12-06T01:02:03+00:00", "font_css": "<style>/*font*/</style>"}
    nb = _notebook()
    tables = sidecar.write(tmp_path, nb, ctx)
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            extra_template_basedirs=[str(page.TEMPLATE_DIR)], template_name=page.TEMPLATE_NAME)
    body, _ = exporter.from_notebook_node(sidecar.annotated(nb, tables),
                                          resources=page.page_resources(ctx, tables, ctx["built"]))
    return body, ctx


def test_page_title_header_cite_and_footer(tmp_path):
    body, ctx = _export(tmp_path)
    assert "<title>Attainment — Ordos (鄂尔多斯市) · ipanalysis</title>" in body
    header = body[body.index('<header class="ipa-site">'):body.index("</header>")]
    assert '<a class="ipa-home" href="index.html">' in header
    siblings = HREF.findall(header)
    assert "trajectories-ordos_2022.html" in siblings and "attainment-ordos_2022.html" not in siblings
    assert "attainment-demo-illustrative.html" in siblings  # the demo shares the document
    assert not any("guiyang" in h for h in siblings)
    assert "zh/" not in body and "ipa-lang" not in header and "中文" not in header  # no twin yet: no language link
    assert "Built <time datetime=\"2026-12-06T01:02:03+00:00\">2026-12-06</time>" in header
    assert f"data version {DATA_VERSION}" in header
    cite = body[body.index('<section class="ipa-cite" id="cite">'):body.index("</section>", body.index('id="cite"'))]
    assert "Cite this page" in cite and "Attainment — Ordos (鄂尔多斯市)" in cite
    assert f"version {DATA_VERSION}" in cite and "2026-12-06" in cite and "CC BY 4.0" in cite and "MIT" in cite
    assert 'href="attainment-ordos_2022.html"' in cite  # the URL placeholder: the page's relative path
    footer = body[body.index('<footer class="ipa-footer">'):]
    assert "ipanalysis contributors (2026)" in footer and f"version {DATA_VERSION}" in footer
    assert "<style>/*font*/</style>" in body  # the CJK web font link stays
    assert "overflow-wrap:anywhere" in body and "word-break:keep-all" in body and "hyphens:none" in body


@pytest.mark.parametrize("how", ["flag", "file"])
def test_page_language_switch_only_when_the_twin_exists(tmp_path, how):
    if how == "file":
        (tmp_path / "zh").mkdir()
        (tmp_path / "zh" / "attainment-ordos_2022.html").write_text("<html></html>", encoding="utf-8")
    body, _ = _export(tmp_path, twin=how == "flag")
    assert '<a class="ipa-lang" href="zh/attainment-ordos_2022.html" hreflang="zh-CN" lang="zh-CN">中文</a>' in body


def test_page_links_sources_escapes_data_and_links_downloads(tmp_path):
    body, _ = _export(tmp_path)
    assert "<script>alert" not in body and "&lt;script&gt;alert('x')&lt;/script&gt;" in body
    hrefs = HREF.findall(body)
    assert "https://x.cn/a" in hrefs
    assert all(h.split(":")[0] in ("https", "http", "mailto") for h in hrefs if ":" in h.split("/")[0]), hrefs
    assert not any("javascript" in h.lower() for h in hrefs)
    for h in hrefs:  # every internal link of the page resolves (the siblings are checked by the build test)
        if ":" not in h and not h.startswith("#") and not h.endswith(".html"):
            assert (tmp_path / htmllib.unescape(h)).is_file(), h
    assert ('download <a download="" href="attainment-ordos_2022.data/1-sources-of-the-observations-used.csv">CSV'
            '</a> · <a href="attainment-ordos_2022.data/1-sources-of-the-observations-used.json">JSON</a>') in body


# ------------------------------------------------------------------------------------------------
# Data beside the page
# ------------------------------------------------------------------------------------------------

def test_sidecars_match_the_table_and_describe_it(tmp_path):
    _, ctx = _export(tmp_path)
    folder = tmp_path / "attainment-ordos_2022.data"
    assert sorted(p.name for p in folder.iterdir()) == [
        "1-sources-of-the-observations-used.csv", "1-sources-of-the-observations-used.json", "datapackage.json"]
    raw = (folder / "1-sources-of-the-observations-used.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8").splitlines()))
    assert rows == [["target_id", "obs_source", "obs_url"], ["OR-01", EVIL, "https://x.cn/a"],
                    ["OR-02", "bulletin", "javascript:alert(1)"]]
    res = json.loads((folder / "1-sources-of-the-observations-used.json").read_text(encoding="utf-8"))
    assert res["profile"] == "tabular-data-resource" and res["path"] == "1-sources-of-the-observations-used.csv"
    assert res["title"] == res["description"] == "One row per target"
    assert [f["name"] for f in res["schema"]["fields"]] == rows[0]
    assert [s["path"] for s in res["sources"]] == ["data/datapackage.json", "https://x.cn/a"]  # no javascript:
    assert res["ipanalysis"]["method"] == "Three readings." and res["ipanalysis"]["rows"] == 2
    assert res["ipanalysis"]["data_version"] == DATA_VERSION and res["ipanalysis"]["page"] == "../attainment-ordos_2022.html"
    pkg = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["version"] == DATA_VERSION and [r["path"] for r in pkg["resources"]] == [res["path"]]
    _validate(folder)


def _validate(folder: Path) -> None:
    """Frictionless, where installed; else the keys a tabular data resource must have."""
    try:
        from frictionless import Package
    except ImportError:
        pkg = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        for r in pkg["resources"]:
            assert {"name", "path", "schema"} <= set(r) and re.fullmatch(r"[-a-z0-9._/]+", r["name"])
            assert all({"name", "type"} <= set(f) for f in r["schema"]["fields"])
            with (folder / r["path"]).open(encoding="utf-8", newline="") as fh:
                assert next(csv.reader(fh)) == [f["name"] for f in r["schema"]["fields"]]
        return
    report = Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])


def test_sidecars_are_replaced_whole_and_removed_with_the_page(tmp_path):
    ctx = {**page.contexts(report.load_matrix(), tmp_path)["audit"], "built": "2026-12-06T00:00:00+00:00"}
    nb = _notebook()
    nb.cells.append(nbformat.v4.new_code_cell("y", outputs=list(nb.cells[2].outputs)))
    assert [t["n"] for t in sidecar.write(tmp_path, nb, ctx)] == [1, 2]
    folder = tmp_path / "audit.data"
    assert len(list(folder.glob("*.csv"))) == 2
    nb.cells.pop()
    sidecar.write(tmp_path, nb, ctx)
    assert sorted(p.name for p in folder.glob("*.csv")) == ["1-sources-of-the-observations-used.csv"]  # no stale
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # nothing half-written left
    sidecar.remove(tmp_path, "audit")
    assert not folder.exists()


@pytest.mark.xdist_group("report-kernels")
def test_built_pages_link_their_siblings_and_their_data(tmp_path):
    """Two real reports built into a temp folder: the header's links resolve, the CSVs hold the page's tables."""
    result = report.build(out=tmp_path, only=["attainment-ordos_2022", "trajectories-ordos_2022"], jobs=1,
                             progress=False)
    assert set(result["status"]) == {"ok"}, result
    body = (tmp_path / "attainment-ordos_2022.html").read_text(encoding="utf-8")
    assert "<title>Attainment — Ordos (鄂尔多斯市) · ipanalysis</title>" in body
    hrefs = [htmllib.unescape(h) for h in HREF.findall(body)]
    internal = [h.split("#")[0] for h in hrefs if not re.match(r"[a-z]+:", h) and h.split("#")[0]]
    assert "trajectories-ordos_2022.html" in internal and "index.html" in internal
    assert "attainment-demo-illustrative.html" not in internal  # not built here: not linked
    assert [h for h in internal if not (tmp_path / h).is_file()] == []
    assert not [h for h in hrefs if re.match(r"[a-z]+:", h) and not h.startswith(("http://", "https://", "mailto:"))]
    obs_urls = ip.real_observations().query("doc_id == 'ordos_2022'")["source_url"]
    assert any(u in hrefs for u in obs_urls)  # the sources table links its URLs
    tables = re.findall(r'<table[^>]*class="[^"]*ipa-table[^"]*".*?</table>', body, flags=re.S)
    folder = tmp_path / "attainment-ordos_2022.data"
    pkg = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert len(pkg["resources"]) == len(tables) >= 3
    for res, table in zip(pkg["resources"], tables):
        with (folder / res["path"]).open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert len(rows) - 1 == len(re.findall(r"<tr[\s>]", table.split("<tbody>")[1]))   # anchored rows: <tr id=…>
        assert rows[0] == [f["name"] for f in res["schema"]["fields"]]
        shown = re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", table.split("<tbody>")[0], flags=re.S)
        assert [f["title"] for f in res["schema"]["fields"] if not f["title"].startswith("Unit of ")] \
            == [htmllib.unescape(s) for s in shown]
    _validate(folder)


# ------------------------------------------------------------------------------------------------
# Versions: the data package and CITATION.cff
# ------------------------------------------------------------------------------------------------

def test_data_package_has_the_data_version():
    committed = json.loads((REPO / "data/datapackage.json").read_text(encoding="utf-8"))
    assert committed["version"] == descriptor()["version"] == DATA_VERSION
    assert re.fullmatch(r"\d+\.\d+\.\d+", DATA_VERSION)


def test_citation_cff_parses_and_names_the_package_version():
    import yaml

    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["version"] == version("ipanalysis") == ip.__version__
    assert cff["authors"] == [{"name": "ipanalysis contributors"}]
    assert {"title", "message", "date-released", "license"} <= set(cff)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(cff["date-released"]))
