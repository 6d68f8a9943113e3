"""data/datapackage.json stays in step with the CSVs and the schemas."""

import csv
import json

from ipanalysis.datapackage import descriptor
from ipanalysis.sources import data_dir


def test_committed_descriptor_is_current():
    committed = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    assert committed == descriptor(), "run: python -m ipanalysis.datapackage"


def test_every_csv_header_matches_its_fields():
    d = descriptor()
    listed = {r["path"] for r in d["resources"]}
    on_disk = {str(p.relative_to(data_dir())) for p in data_dir().rglob("*.csv")}
    assert on_disk == listed, "every CSV under data/ must be a resource (and vice versa)"
    for res in d["resources"]:
        with open(data_dir() / res["path"], encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header == [f["name"] for f in res["schema"]["fields"]], res["path"]


def test_descriptor_detects_a_new_column(data_copy):
    path = data_copy / "targets.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    rows[0] += ",extra"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with open(path, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    fields = [f["name"] for f in descriptor(data_copy)["resources"][2]["schema"]["fields"]]
    assert header != fields
