"""The site pages (issue 18 items 4, 7, 8): ``progress.html``, ``glossary.html``, ``data-wanted.html`` and their
Chinese twins — built with the reports, linked from the landing page, agreeing with ``ip.attainment`` and
``ip.wanted``, rewritten only when what they show changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from report_helpers import write_matrix

import ipanalysis as ip
from ipanalysis.present.glossary import glossary_codes
from ipanalysis.present.vocabulary import _STATUS, LABELS, label
from ipanalysis.report import build, load_matrix
from ipanalysis.report.site import PAGES, _context, _with_anchors, render_page, site_data
from ipanalysis.report.wantedpage import row_key

kernels = pytest.mark.xdist_group("report-kernels")
ILLUSTRATIVE = "data/examples/illustrative_observations.csv"
CELL = re.compile(r'<(a|div) class="t"(?: href="([^"]*)")? data-target="([^"]+)" data-status="([^"]+)"[^>]*>(.*?)</\1>',
                  re.S)


def _pages(tmp_path: Path, anchored: bool = True) -> dict[str, dict]:
    """Every card report's attainment page, faked in ``tmp_path`` with a row anchor for each of its targets."""
    out = {}
    for r in load_matrix():
        if r.card and r.name == r.base:  # the English page (its zh twin has the same base name)
            doc = r.parameters["doc_id"]
            ids = ip.targets().query("doc_id == @doc")["target_id"] if anchored else []
            path = tmp_path / f"{r.name}.html"
            path.write_text("".join(f'<tr id="t-{t}">' for t in ids), encoding="utf-8")
            out[doc] = {"href": path.name, "path": str(path)}
    return _with_anchors(out)


@pytest.fixture(scope="module")
def data():
    return site_data({})  # the real matrix: the attainment pages take attainment's defaults


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return _pages(tmp_path_factory.mktemp("att"))


def _render(name, lang, data, pages):
    return render_page(name, lang, {**_context(name, lang, data, pages), "key": "k"})


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_grid_cell_links_a_target_row_that_exists_and_none_is_blank(data, pages, lang):
    html = _render("progress", lang, data, pages)
    cells = CELL.findall(html)
    local = set(ip.documents().query("admin_level != 'national'")["doc_id"])
    att = ip.attainment()
    assert len(cells) == int(att["doc_id"].isin(local).sum()) > 0  # every target of the local plans, once
    known = dict(zip(att["target_id"], att["doc_id"]))
    for tag, href, target, status, body in cells:
        assert tag == "a" and href == f"attainment-{known[target]}.html#t-{target}", (target, href)
        words = re.sub(r"<[^>]+>", " ", body)
        reading = "序时进度" in words and "Open SDG" in words and "UNSD" in words
        assert target in words and reading and label(status, lang) in words, (target, words)


def test_the_chart_says_what_it_shows(data, pages):
    html = _render("progress", "en", data, pages)
    alt = re.search(r'<svg class="status-chart"[^>]* aria-label="([^"]+)"', html).group(1)
    n = ip.attainment(doc_id="ordos_2022")["status"].value_counts()
    assert f"Ordos 鄂尔多斯市: {n.sum()} targets: " in alt and f"{n['no_data']} no data" in alt
    assert html.count('<rect class="sq"') == len(CELL.findall(html))  # one square per target of the grid


def test_no_data_and_not_assessable_are_counted_as_attainment_counts_them(data, pages):
    """Ordos, hand-checked against ``ip.attainment(doc_id="ordos_2022")`` on the cited observations: of 16
    targets, 12 have no figure, 2 (OR-02 PCT applications' growth, OR-12 satisfaction) are not assessable."""
    for lang, no_data, not_assessable in (("en", "no data", "not assessable"), ("zh", "数据暂缺", "无法评估")):
        html = _render("progress", lang, data, pages)
        ordos = [c for c in CELL.findall(html) if c[2].startswith("OR-")]
        statuses = [c[3] for c in ordos]
        assert len(ordos) == 16 and statuses.count("no_data") == 12 and statuses.count("not_assessable") == 2
        assert {c[2] for c in ordos if c[3] == "not_assessable"} == {"OR-02", "OR-12"}
        assert all(no_data in c[4] for c in ordos if c[3] == "no_data")
        assert all(not_assessable in c[4] for c in ordos if c[3] == "not_assessable")
    counts = ip.attainment(doc_id="ordos_2022")["status"].value_counts()
    assert counts["no_data"] == 12 and counts["not_assessable"] == 2


def test_a_page_without_the_anchor_is_linked_without_it_and_the_national_plan_is_said_to_be_left_out(data, tmp_path):
    html = _render("progress", "en", data, _pages(tmp_path, anchored=False))
    assert {c[1] for c in CELL.findall(html) if c[2] == "GY-02"} == {"attainment-guiyang_2022.html"}
    n = len(ip.attainment(doc_id="national_2015"))
    assert f"its {n} targets are requirements on every demonstration city" in html
    assert 'data-target="NAT-01"' not in html


def test_glossary_has_an_anchor_for_every_status_and_every_vocabulary_code():
    assert set(_STATUS) <= set(LABELS) <= set(glossary_codes())
    for lang in ("en", "zh"):
        html = render_page("glossary", lang, {})
        ids = set(re.findall(r'id="([^"]+)"', html))
        assert set(_STATUS) <= ids and set(LABELS) <= ids, set(LABELS) - ids
        assert {"schedule", "opensdg", "unsd", "at_least", "more_than", "period_total", "running_total"} <= ids
        assert 'href="https://open-sdg.readthedocs.io/en/latest/progress-methodology/"' in html
    zh = render_page("glossary", "zh", {})
    assert "规划期内累计" in zh and "累计达到" in zh and "约束性" in zh and "力争" in zh


def test_data_wanted_lists_exactly_the_rows_of_wanted(data, pages):
    for lang in ("en", "zh"):
        html = _render("data-wanted", lang, data, pages)
        section = html[html.index('<h2 id="guiyang_2022">'):html.index("</section>", html.index('<h2 id="guiyang_2022">'))]
        keys = re.findall(r'<tr data-key="([^"]+)">', section)
        assert keys == [row_key(r) for r in ip.wanted("guiyang_2022").to_dict("records")]
        assert len(keys) == 31
    assert "ipanalysis check --observations" in html and "ipanalysis report -p observations=" in html


@kernels
def test_site_pages_are_built_in_both_languages_linked_and_rewritten_only_when_their_inputs_change(nbdir, tmp_path):
    out = tmp_path / "out"
    entries = [{"notebook": "ok.ipynb"},
               {"notebook": "params.ipynb", "matrix": {"doc_id": ["ordos_2022"]}, "card": True,
                "parameters": {"observations": ILLUSTRATIVE, "as_of": "2023"}}]
    build(out=out, matrix=write_matrix(nbdir, entries), notebook_dir=nbdir, progress=False, jobs=2)
    files = [out / f"{n}.html" for n in PAGES] + [out / "zh" / f"{n}.html" for n in PAGES]
    for f in files:
        assert f.is_file(), f
        assert f'<html lang="{"zh-CN" if f.parent.name == "zh" else "en"}">' in f.read_text(encoding="utf-8")
        csv = f"{'../' if f.parent.name == 'zh' else ''}{f.stem}.csv"  # its data, beside the English page
        assert f'href="{csv}" download' in f.read_text(encoding="utf-8") and (out / f"{f.stem}.csv").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{n}.html"' in index for n in PAGES)
    assert 'href="glossary.html"' in (out / "params-ordos_2022.html").read_text(encoding="utf-8")
    # the card report's parameters (illustrative observations, as of 2023): Ordos's cells link its page
    progress = (out / "progress.html").read_text(encoding="utf-8")
    ordos = [c for c in CELL.findall(progress) if c[2].startswith("OR-")]
    assert ordos and all(c[1] == "params-ordos_2022.html" for c in ordos)
    illustrative = ip.attainment(ILLUSTRATIVE, as_of="2023", doc_id="ordos_2022")
    assert {c[2]: c[3] for c in ordos} == dict(zip(illustrative["target_id"], illustrative["status"]))
    assert len(ordos) == len(illustrative)

    stamps = [f.stat().st_mtime_ns for f in files]
    build(out=out, matrix=write_matrix(nbdir, entries), notebook_dir=nbdir, progress=False, jobs=2)
    assert [f.stat().st_mtime_ns for f in files] == stamps  # nothing changed: not rewritten
    build(out=out, matrix=write_matrix(nbdir, entries), notebook_dir=nbdir, progress=False, jobs=2,
          only="params-ordos_2022", params=["as_of=2024"])
    assert all(f.stat().st_mtime_ns != s for f, s in zip(files, stamps))  # a card parameter changed


def test_each_site_page_has_its_data_as_csv(data):
    """"A CSV beside every page" (issue 18): the grid's rows, the wanted rows in observations.csv's columns
    (ready to fill, as ``ipanalysis wanted`` writes them) and the glossary's terms in both languages."""
    from ipanalysis.analysis.wanted import COLUMNS
    from ipanalysis.report.site import site_tables

    t = site_tables(data)
    assert set(t) == set(PAGES)
    assert len(t["progress"]) == len(CELL.findall(_render("progress", "en", data, {})))  # one row per grid cell
    assert list(t["data-wanted"].columns) == list(COLUMNS)
    assert len(t["data-wanted"]) == sum(len(ip.wanted(d)) for d in data["wanted"])
    assert t["data-wanted"]["value"].isna().all()  # blank, to be filled
    g = t["glossary"].set_index("code")
    assert set(glossary_codes()) == set(g.index) and g.loc["no_data", "term_zh"] == "数据暂缺"
