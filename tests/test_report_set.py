"""The real report set: every notebook × parameter set runs once through papermill, in
parallel, with no error, no missing glyph and no invented data passed off as real."""

from __future__ import annotations

import json

import nbformat
import pytest

from ipanalysis import report


@pytest.mark.xdist_group("report-kernels")
def test_every_report_parameter_set_runs_clean(tmp_path, monkeypatch):
    # A missing CJK glyph becomes an error inside every kernel (and is also looked for in the output).
    monkeypatch.setenv("PYTHONWARNINGS", "error:Glyph:UserWarning")
    result = report.build(out=tmp_path, jobs=2, force=True, progress=False)
    expected = {r.name for r in report.load_matrix()}
    assert set(result["name"]) == expected and len(expected) == 12
    failed = result[result["status"] != "ok"]
    assert failed.empty, failed[["name", "cell", "error"]].to_string()
    for name in expected:
        html = (tmp_path / f"{name}.html").read_text(encoding="utf-8")
        assert "Source:" in html or "Source" in html
        nb = nbformat.read(tmp_path / f"{name}.ipynb", as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                assert out["output_type"] != "error", name
                text = out.get("text", "") + json.dumps(out.get("data", {}).get("text/plain", ""))
                assert "missing from font" not in text, f"{name}: {text[:200]}"
        if name.startswith("attainment-"):
            assert "ILLUSTRATIVE" in html  # invented observations are labelled in the page
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(f"{n}.html" in index for n in expected)
    # the landing page opens with one card per document, then the cross-city pages, then the log
    from ipanalysis import documents

    titles = [index.index(t) for t in documents()["title_zh"]]
    assert titles == sorted(titles) and titles[-1] < index.index("Across documents") < index.index("Build log")
    assert "Traceback" not in index and 'class="failed"' not in index
