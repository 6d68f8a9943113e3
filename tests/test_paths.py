"""Where things are (:mod:`ipanalysis.paths`) and the one document list (``data/documents.csv``)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import ipanalysis as ip
from ipanalysis import paths, report
from ipanalysis.data.datapackage import descriptor
from ipanalysis.data.sources import document_rows
from ipanalysis.errors import DataFileNotFoundError, DataValidationError, UnknownDocumentError
from ipanalysis.report.overrides import prepare_reports

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def no_env(monkeypatch):
    monkeypatch.delenv(paths.DATA_ENV, raising=False)


def test_a_checkout_reads_and_writes_its_own_folders(no_env):
    assert not paths.is_bundled()
    assert paths.project_root() == REPO and paths.data_dir() == REPO / "data"
    assert paths.notebook_dir() == REPO / "notebooks" and paths.report_matrix() == REPO / "notebooks" / "reports.json"
    assert paths.default_out() == REPO / "reports"
    assert (report.NOTEBOOK_DIR, report.DEFAULT_MATRIX) == (paths.notebook_dir(), paths.report_matrix())


def test_an_installed_wheel_reads_its_bundle_and_writes_to_the_working_directory(no_env, tmp_path, monkeypatch):
    bundle = tmp_path / "site-packages" / "ipanalysis" / "_bundle"
    (bundle / "data").mkdir(parents=True)
    (bundle / "notebooks").mkdir()
    (tmp_path / "work").mkdir()
    monkeypatch.setattr(paths, "BUNDLE_DIR", bundle)
    monkeypatch.chdir(tmp_path / "work")
    assert paths.is_bundled() and paths.project_root() == bundle
    assert paths.data_dir() == bundle / "data" and paths.notebook_dir() == bundle / "notebooks"
    assert paths.default_out() == tmp_path / "work" / "reports"          # never inside site-packages
    monkeypatch.setenv(paths.DATA_ENV, str(tmp_path / "mine" / "data"))
    assert paths.data_dir() == tmp_path / "mine" / "data" and paths.data_root() == tmp_path / "mine"


def test_ipanalysis_data_moves_every_data_path(data_copy, tmp_path, monkeypatch):
    """Relative data paths (``data/...``), parameters and the report matrix's paths follow $IPANALYSIS_DATA."""
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert paths.data_dir() == data_copy and paths.data_root() == data_copy.parent
    assert ip.resolve_path("data/observations.csv") == data_copy / "observations.csv"
    assert ip.check_parameters(observations="data/observations.csv")["observations"] == str(
        data_copy / "observations.csv")
    demo = report.select_reports(report.load_matrix(), "attainment-demo-illustrative", "en")
    (prepared,) = prepare_reports(demo)
    assert prepared.parameters["observations"] == str(data_copy / "examples" / "illustrative_observations.csv")


def _write_documents(data: Path, rows: list[dict]) -> None:
    with open(data / "documents.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_the_document_list_is_documents_csv_for_everyone(data_copy):
    """Reorder documents.csv and drop one row (its raw text stays): the document list, the doc_id
    check, the report matrix and the data package's sources all follow the file, in its order."""
    rows = document_rows()
    kept = [r for r in reversed(rows) if r["doc_id"] != "national_2015"]
    _write_documents(data_copy, kept)
    expected = [r["doc_id"] for r in kept]
    assert expected == ["ordos_2022", "nanchang_2021", "cangshan_2013", "guiyang_2022"]
    assert ip.doc_ids() == expected
    with pytest.raises(UnknownDocumentError, match="unknown doc_id 'national_2015'; valid: cangshan_2013, "
                                                   "guiyang_2022, nanchang_2021, ordos_2022"):
        ip.check_doc_id("national_2015")
    names = [r.name for r in report.load_matrix() if r.stem == "trajectories" and r.lang == "en"]
    assert names == [f"trajectories-{d}" for d in expected]
    assert [s["path"] for s in descriptor()["sources"]] == [f"raw/{d}.txt" for d in expected]
    assert ip.documents()["doc_id"].tolist() == expected


def test_a_raw_text_without_its_row_is_named_by_the_check(data_copy):
    (data_copy / "raw" / "extra_2030.txt").write_text("示例。\n", encoding="utf-8")
    assert "extra_2030" not in ip.doc_ids()
    with pytest.raises(DataValidationError, match=r"data/raw/extra_2030.txt has no row in documents.csv"):
        ip.check_all()


def test_a_document_without_its_raw_text_is_refused(data_copy):
    (data_copy / "raw" / "ordos_2022.txt").unlink()
    with pytest.raises(DataValidationError) as err:
        ip.documents()
    assert "line 6, column 'doc_id': no raw text data/raw/ordos_2022.txt for this document" in str(err.value)


def test_a_copy_without_documents_csv_says_so(data_copy):
    shutil.move(data_copy / "documents.csv", data_copy / "documents.bak")
    with pytest.raises(DataFileNotFoundError, match="documents.csv"):
        ip.doc_ids()
