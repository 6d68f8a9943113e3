"""The site's numbers agree with the card reports' pages: one attainment frame per plan and build, computed
with the card's parameters (``observations``, ``as_of``) and shown by the landing card, the progress grid
and the data-wanted page alike."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import ipanalysis as ip
import ipanalysis.analysis.attainment as attainment_module
from ipanalysis.report import Manifest, build, load_matrix
from ipanalysis.report.index import document_summaries
from ipanalysis.report.site import SitePages, site_data

kernels = pytest.mark.xdist_group("report-kernels")
#: Ordos's card as of the end of 2023: OR-06 (well-known trademarks) has one cited figure, of 2024-06-16
#: (``data/observations.csv``), so as of 2023 it has none: no data, and wanted for the end of 2023.
AS_OF = {"ordos_2022": {"as_of": "2023"}}


@pytest.fixture(scope="module")
def data():
    return site_data(AS_OF)


def _open(frame: pd.DataFrame) -> list[str]:
    return list(frame.loc[frame["status"].isin(["no_data", "not_assessable", "distance_only"])
                          & (frame["comparator"] != "qualitative"), "target_id"])


def test_data_wanted_rows_are_computed_as_of_the_cards_date(data):
    """The card's page (attainment as of 2023) says OR-06 has no data: the data-wanted page wants it, and
    wants every figure for the end of 2023 (the latest full year of the card's cut), not of 2025."""
    card_page = ip.attainment(doc_id="ordos_2022", as_of="2023")
    assert card_page.set_index("target_id").loc["OR-06", "status"] == "no_data"
    assert ip.attainment(doc_id="ordos_2022").set_index("target_id").loc["OR-06", "status"] != "no_data"
    got = data["wanted"]["ordos_2022"]
    assert [t["target_id"] for t in got["open"]] == _open(card_page)
    assert "OR-06" in [t["target_id"] for t in got["open"]]
    rows = pd.DataFrame(got["rows"])
    well_known = rows[rows["indicator"] == "well_known_trademarks"]
    assert well_known[["measure", "period_end"]].values.tolist() == [["stock", "2023-12-31"]]
    assert sorted(set(rows["period_end"])) == ["2020-12-31", "2023-12-31"]  # OR-02's base year, and 2023
    assert len(rows) == 14  # 13 indicators (OR-09 and OR-24 share one), OR-02 twice
    # the other plans' cards have no as_of: their rows are attainment's defaults, as before
    assert pd.DataFrame(data["wanted"]["guiyang_2022"]["rows"]).equals(ip.wanted("guiyang_2022"))


def test_the_grid_and_the_card_show_the_same_frame_as_the_cards_page(data):
    card_page = ip.attainment(doc_id="ordos_2022", as_of="2023")
    grid = data["frame"][data["frame"]["doc_id"] == "ordos_2022"]
    assert dict(zip(grid["target_id"], grid["status"])) == dict(zip(card_page["target_id"], card_page["status"]))
    card = next(c for c in document_summaries(AS_OF) if c["doc_id"] == "ordos_2022")
    assert card["status_counts"] == grid["status"].value_counts().to_dict()
    no_data = ["OR-03", "OR-04", "OR-05", "OR-06", "OR-07", "OR-08", "OR-09", "OR-10", "OR-11", "OR-13", "OR-14",
               "OR-15", "OR-24"]  # as of 2023 (OR-06's one figure is of 2024); OR-01 judged, OR-02, OR-12 not assessable
    assert sorted(grid.loc[grid["status"] == "no_data", "target_id"]) == no_data
    assert card["status_counts"] == {"no_data": 13, "not_assessable": 2, "borderline": 1}
    assert card["latest_observation"] == "2023-04-30"


def test_site_pages_take_the_default_languages_card_parameters(tmp_path):
    """With languages in the matrix every card report has a language: the site pages take the cards'
    parameters of the default one, as the English landing page does (not none at all)."""
    import dataclasses

    reports = load_matrix({"languages": ["en", "zh"], "reports": [
        {"notebook": "a.ipynb", "matrix": {"doc_id": ["ordos_2022"]}, "card": True}]}, tmp_path)
    building = {r.name: dataclasses.replace(r, parameters={**r.parameters, "as_of": "2023"}) for r in reports}
    pages = SitePages(reports, Manifest(tmp_path / "manifest.json"), tmp_path, "env", tmp_path / "out", building)
    assert pages.params == AS_OF
    assert "OR-06" in [t["target_id"] for t in pages.future.result()["wanted"]["ordos_2022"]["open"]]


def _count_attainment(monkeypatch) -> list[tuple[str | None, dict]]:
    """Record every call of attainment by any module (the one in the package, and every name it was imported
    under), except the wanted rows' placeholder probe (observations given as a frame)."""
    calls: list[tuple[str | None, dict]] = []
    original = attainment_module.attainment

    def counted(observations=None, *args, **kwargs):
        if not isinstance(observations, pd.DataFrame):
            calls.append((kwargs.get("doc_id"), {k: v for k, v in kwargs.items() if k != "doc_id"}))
        return original(observations, *args, **kwargs)

    for module in [m for name, m in list(sys.modules.items()) if name.startswith("ipanalysis") and m is not None]:
        if getattr(module, "attainment", None) is original:
            monkeypatch.setattr(module, "attainment", counted)
    return calls


@kernels
def test_attainment_is_computed_once_per_plan_per_site_build(nbdir, tmp_path, monkeypatch):
    """A build with the landing page and the six site pages (en and zh): each plan's attainment once, with
    its card's parameters, shown alike by the card, the grid and the data-wanted page."""
    calls = _count_attainment(monkeypatch)
    matrix = nbdir / "reports.json"
    matrix.write_text(json.dumps({"languages": ["en", "zh"], "reports": [
        {"notebook": "params.ipynb", "matrix": {"doc_id": ["ordos_2022"]}, "card": True,
         "parameters": {"as_of": "2023"}}]}), encoding="utf-8")
    out = tmp_path / "out"
    build(out=out, matrix=matrix, notebook_dir=nbdir, progress=False, jobs=2)
    assert Counter(d for d, _ in calls) == {d: 1 for d in ip.doc_ids()}
    assert dict(calls)["ordos_2022"] == {"as_of": "2023"} and dict(calls)["guiyang_2022"] == {}
    wanted = (out / "data-wanted.html").read_text(encoding="utf-8")
    assert '<tr data-key="well_known_trademarks|stock||2023-12-31">' in wanted
    assert '<tr data-key="valid_trademarks|stock||2025-12-31">' not in wanted.split('id="ordos_2022"')[1]
    progress = (out / "zh" / "progress.html").read_text(encoding="utf-8")
    assert re.search(r'data-target="OR-06" data-status="no_data"', progress)
