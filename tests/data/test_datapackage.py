"""data/datapackage.json stays in step with the CSVs and the schemas."""

import csv
import json

import pytest

from ipanalysis.data.datapackage import check, descriptor
from ipanalysis.data.sources import data_dir


def test_committed_descriptor_is_current():
    committed = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    assert committed == descriptor(), "run: python -m ipanalysis.data.datapackage"


def test_every_csv_header_matches_its_fields():
    """The committed datapackage.json (not just the generator) lists each CSV's header exactly."""
    committed = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    listed = {r["path"] for r in committed["resources"]}
    on_disk = {p.relative_to(data_dir()).as_posix() for p in data_dir().rglob("*.csv")}
    assert on_disk == listed, "every CSV under data/ must be a resource (and vice versa)"
    for res in committed["resources"]:
        with open(data_dir() / res["path"], encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header == [f["name"] for f in res["schema"]["fields"]], res["path"]
    assert check() == []


def _add_column(path, name="extra"):
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([rows[0] + f",{name}"] + [r + "," for r in rows[1:]]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("csv_name", ["targets.csv", "documents.csv", "indicator_relations.csv",
                                      "examples/illustrative_observations.csv", "national_tasks.csv"])
def test_check_reports_a_new_column(data_copy, csv_name):
    """A column added to a copy of a CSV (in a temp data dir) is reported by name."""
    assert check(data_copy) == []
    _add_column(data_copy / csv_name)
    problems = check(data_copy)
    if csv_name == "national_tasks.csv":  # schema-less resource: its fields follow the header
        assert problems == []
    else:
        assert problems == [f"{csv_name}: header differs from the descriptor's fields; "
                            "not in the descriptor: extra"]


def test_check_reports_dropped_and_reordered_columns_and_stray_files(data_copy):
    path = data_copy / "baselines.csv"
    text = path.read_text(encoding="utf-8")
    header = text.splitlines()[0].split(",")
    path.write_text(text.replace(",".join(header), ",".join([header[1], header[0]] + header[2:]), 1), encoding="utf-8")
    assert check(data_copy) == ["baselines.csv: header differs from the descriptor's fields; same names, different order"]
    (data_copy / "stray.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (data_copy / "stated_reasons.csv").unlink()
    assert check(data_copy)[:2] == ["stray.csv: a CSV that is not a resource of the data package",
                                    "stated_reasons.csv: a resource with no CSV"]
