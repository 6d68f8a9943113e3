"""The real report set: every notebook × parameter set runs once through papermill, in
parallel, with no error, no missing glyph and no invented data passed off as real."""

from __future__ import annotations

import json
import re

import nbformat
import pytest

import ipanalysis as ip
from ipanalysis import report
from ipanalysis.present.notes import COMMENTS

PLACE_WORDS = {"guiyang_2022": ("Guiyang", "贵阳"), "cangshan_2013": ("Cangshan", "仓山"),
               "nanchang_2021": ("Nanchang", "南昌"), "ordos_2022": ("Ordos", "鄂尔多斯")}


def _page_problems(name: str, doc_id: str, html: str) -> list[str]:
    """What a reader must never see on a per-document page."""
    problems = []
    for other, words in PLACE_WORDS.items():
        if other != doc_id:
            problems += [f"{name}: names {w} ({other})" for w in words if w in html]
    for table in re.findall(r"<table.*?</table>", html, flags=re.S):
        for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", table, flags=re.S):
            if cell.strip() in ("NaN", "&lt;NA&gt;", "<NA>", "True", "False", "None", "nan"):
                problems.append(f"{name}: table cell {cell.strip()!r}")
    if "<img" not in html and "No chart:" not in html:
        problems.append(f"{name}: neither a chart nor a reason for none")
    if "Traceback" in html:
        problems.append(f"{name}: traceback")
    return problems


@pytest.mark.xdist_group("report-kernels")
def test_every_report_parameter_set_runs_clean(tmp_path, monkeypatch):
    # A missing CJK glyph becomes an error inside every kernel (and is also looked for in the output).
    monkeypatch.setenv("PYTHONWARNINGS", "error:Glyph:UserWarning")
    result = report.build(out=tmp_path, jobs=2, force=True, progress=False)
    expected = {r.name for r in report.load_matrix()}
    assert set(result["name"]) == expected and len(expected) == 26  # 13 pages, each in English and Chinese
    failed = result[result["status"] != "ok"]
    assert failed.empty, failed[["name", "cell", "error"]].to_string()
    for name in expected:
        html = (tmp_path / f"{name}.html").read_text(encoding="utf-8")
        assert "Source:" in html or "Source" in html
        assert "fonts/ipanalysis-cjk-sc.otf" in html   # Chinese renders without a system CJK font
        nb = nbformat.read(tmp_path / f"{name}.ipynb", as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                assert out["output_type"] != "error", name
                text = out.get("text", "") + json.dumps(out.get("data", {}).get("text/plain", ""))
                assert "missing from font" not in text, f"{name}: {text[:200]}"
        if name.removeprefix("zh/") == "attainment-demo-illustrative":
            assert "ILLUSTRATIVE" in html  # invented observations are labelled in the page
        elif name.removeprefix("zh/").startswith("attainment-"):
            no_observation = COMMENTS["no_observation"]   # the page's words for a target without a figure (en, zh)
            assert "ILLUSTRATIVE" not in html and "data/observations.csv" in html or any(w in html for w in no_observation)
        doc_id = next((d for d in ip.doc_ids() if name.endswith(d)), None)
        if doc_id:
            assert not _page_problems(name, doc_id, html), _page_problems(name, doc_id, html)
        else:  # cross-city pages name every place, but their tables are just as readable
            assert not [p for p in _page_problems(name, "", html) if "table cell" in p]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "fonts" / "ipanalysis-cjk-sc.otf").is_file() and "fonts/ipanalysis-cjk-sc.otf" in index
    assert all(f'href="{n}.html"' in index for n in expected if "/" not in n)
    zh_index = (tmp_path / "zh" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{n.removeprefix("zh/")}.html"' in zh_index for n in expected if n.startswith("zh/"))
    # the landing page opens with one card per document, then the cross-city pages, then the log
    titles = [index.index(t) for t in ip.documents()["title_zh"]]
    assert titles == sorted(titles) and titles[-1] < index.index("Across documents") < index.index("Build log")
    assert "Traceback" not in index and 'class="failed"' not in index


def _cjk(text: str) -> set[str]:
    return {c for c in text if ord(c) >= 0x2E80}


def test_pages_carry_a_font_for_every_chinese_character(tmp_path):
    """A reader's browser may have no CJK font: every page links the subset font made at build time,
    and that font has a glyph for every Chinese character the pages show."""
    from fontTools.ttLib import TTFont

    from ipanalysis.report.fonts import FONT_FILE, ensure_font
    from ipanalysis.report.build import REPO_ROOT

    path = ensure_font(tmp_path, REPO_ROOT)
    cmap = TTFont(str(path)).getBestCmap()
    html = (REPO_ROOT / "notebooks" / "attainment.py").read_text(encoding="utf-8")
    data = "".join(p.read_text(encoding="utf-8") for p in (REPO_ROOT / "data").glob("*.csv"))
    missing = sorted(c for c in _cjk(html + data) if ord(c) not in cmap)
    assert not missing, missing[:20]
    stamp = path.stat().st_mtime_ns
    assert ensure_font(tmp_path, REPO_ROOT).stat().st_mtime_ns == stamp   # unchanged text: not remade
    assert FONT_FILE.startswith("fonts/")

