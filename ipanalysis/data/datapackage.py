"""The Frictionless data package descriptor (``data/datapackage.json``).

The descriptor is generated from the schemas in :mod:`ipanalysis.data.schemas`, so the CSVs are
usable without this library (any Frictionless tool can read and validate them).  A test
keeps the committed file equal to :func:`descriptor` and every CSV header equal to its fields.

>>> d = descriptor()
>>> [r["name"] for r in d["resources"]][:3]
['documents', 'indicators', 'targets']
>>> next(f for f in d["resources"][2]["schema"]["fields"] if f["name"] == "value")["type"]
'number'

Regenerate after a schema change with ``python -m ipanalysis.data.datapackage``.

**Versions.**  The dataset has its own version, :data:`DATA_VERSION` (here, and nowhere else: the
descriptor's ``version``, every report page's "data version" and its citation read it).  It is
separate from the package version (``pyproject.toml``, which ``CITATION.cff`` repeats) because the
tables and the code change at different times: bump it (semantic versioning) whenever a released
table's content changes — a figure added, corrected or removed (minor / patch), a column renamed
or removed (major).

>>> descriptor()["version"] == DATA_VERSION
True
"""

from __future__ import annotations

import json
from pathlib import Path

from ..io import atomic_write
from .sources import document_rows
from ..paths import data_dir

__all__ = ["descriptor", "write", "check", "RESOURCES", "DATA_VERSION", "DATASET_NAME", "DATASET_TITLE"]

#: The dataset's version (semantic versioning; see the module docstring for when to bump it).
DATA_VERSION = "0.1.0"
DATASET_NAME = "ipanalysis-china-city-ip-targets"
DATASET_TITLE = ("Quantified targets of five Chinese IP policy documents (Guiyang, Cangshan, Nanchang, national 2015, "
                 "Ordos)")

#: resource name → (CSV file, schema name, title)
RESOURCES = {
    "documents": ("documents.csv", "documents", "The five source documents"),
    "indicators": ("indicators.csv", "indicators", "Canonical bilingual indicator catalogue"),
    "targets": ("targets.csv", "targets", "Every quantified target, with its verbatim source quote"),
    "baselines": ("baselines.csv", "baselines", "Every observed (historical / base-year) value the documents state"),
    "target_exclusions": ("target_exclusions.csv", "target_exclusions",
                          "Numbers in target-like sentences that are deliberately not targets, with reasons"),
    "indicator_relations": ("indicator_relations.csv", "indicator_relations",
                            "Relations between indicators the audit checks (part of, increment of, stock fed by a flow)"),
    "stated_reasons": ("stated_reasons.csv", "stated_reasons",
                       "Keywords that mark a document's stated reason for growth unlike its own history"),
    "observations": ("observations.csv", "observations",
                     "Real, cited city-level figures from public sources (statistical bulletins, IP-office releases, "
                     "news), each with its period, scope and verbatim sentence"),
    "population": ("population.csv", "population", "Resident population (常住人口) per place and year, cited"),
    "illustrative_observations": ("examples/illustrative_observations.csv", "observations",
                                  "ILLUSTRATIVE (invented, not real) observations for demonstrating the methods"),
    "national_tasks": ("national_tasks.csv", None, "Tasks of the national 2015 work plan, with quotes and keywords"),
}

_DESCRIPTIONS = {
    "doc_id": "Document id; names data/raw/<doc_id>.txt",
    "indicator": "Catalogue key (indicators.key)",
    "indicator_zh": "Indicator as written in the document",
    "value": "Value in the catalogue's base unit (万 x1e4, 亿 x1e8, 亿元 -> yuan; percent as percent number)",
    "value_high": "Upper end of a range target (5—10个)",
    "unit": "Base unit (catalogue base_unit; '%' for growth-rate targets)",
    "value_text": "Verbatim substring of source_quote stating the quantity",
    "table_unit": "Unit cell of the table row, for bare numbers in a flattened table",
    "comparator": ">= (以上/不低于/至少), > (突破/超/余), = (达到), ≈ (左右), range, qualitative",
    "measure": "stock | annual_flow | cumulative | level | growth_rate | share | intensity | score | increment",
    "commitment": "firm, or strive (力争)",
    "attribute": "expected (预期性) or binding (约束性) where the document says so",
    "source_quote": "Verbatim substring of the raw text that states the number",
    "duplicate_of": "target_id of the first statement when the document states the same target again",
    "growth_kind": "cagr (年均增长), times_increase (增长了N倍), multiple_of (为…的N倍)",
    "relation": "part_of (indicator ⊂ other_indicator), increment_of (adds to the level other_indicator), "
                "stock_flow (indicator is a stock fed by the annual flow other_indicator)",
    "strict": "part_of only: yes = a subset (part above whole is an error); no = a same-year cohort (unusual)",
    "indicators": "Semicolon list of catalogue keys the reason covers (empty: every indicator)",
    "all_of": "Semicolon list of words that must all occur in one sentence",
    "any_of": "Semicolon list of words one of which must occur in the same sentence (empty: none needed)",
    "source_url": "URL of the public source (real observations must have one; documents: the official page "
                  "the raw text was copied from, empty when none was found, see note)",
    "accessed": "Date (ISO) the document's source_url was last checked against the raw text",
    "sha256": "SHA-256 of data/raw/<doc_id>.txt (a test fails when a raw text changes)",
    "indicator_table_title": "Title line of the document's flattened indicator table (empty: no table); "
                             "the audit parses the table under it",
    "period_start": "First day of the period a flow is counted over (ISO date); empty for a stock",
    "period_end": "Last day of a flow's period, or the date a stock is measured at (ISO date)",
    "qualifier": "= (stated value), > (more than: 超过/突破/余/多), >= (以上/不低于)",
    "scope": "What the figure is about: city, district, county, province, national",
    "basis": "For 累计 and growth targets: period_total, running_total, annual_average, whole_period or ambiguous",
}

_TYPES = {"string": "string", "float64": "number", "Int64": "integer"}


def _fields(schema: str | None, csv_path: Path) -> list[dict]:
    if schema is None:
        header = csv_path.read_text(encoding="utf-8").splitlines()[0].split(",")
        return [{"name": h, "type": "string"} for h in header]
    from .schemas import SCHEMAS  # pandera + pandas: only when a descriptor is made (DATA_VERSION stays light)

    out = []
    for name, col in SCHEMAS[schema].items():
        f = {"name": name, "type": _TYPES[col.dtype]}
        if name in _DESCRIPTIONS:
            f["description"] = _DESCRIPTIONS[name]
        cons = {}
        if col.required:
            cons["required"] = True
        if col.unique:
            cons["unique"] = True
        if isinstance(col.allowed, tuple):
            cons["enum"] = list(col.allowed)
        if cons:
            f["constraints"] = cons
        out.append(f)
    return out


def descriptor(root: Path | None = None) -> dict:
    """The data package descriptor as a dict (deterministic: no dates, stable order).

    >>> descriptor()["licenses"][0]["name"]
    'CC-BY-4.0'
    """
    root = root or data_dir()
    docs = document_rows(root)
    sources = [{"title": f"{d['title_zh']} ({d['title_en']})",
                "path": f"raw/{d['doc_id']}.txt",
                "description": f"{d['issuer_zh']} / {d['issuer_en']}"
                               + (f", {d['doc_number']}" if d["doc_number"] else "")
                               + (f", issued {d['issued_date']}" if d["issued_date"] else "")}
               for d in docs]
    resources = []
    for name, (path, schema, title) in RESOURCES.items():
        res = {"name": name, "path": path, "title": title, "profile": "tabular-data-resource",
               "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
               "schema": {"fields": _fields(schema, root / path)}}
        id_col = res["schema"]["fields"][0]["name"] if schema else None
        if schema in ("targets", "baselines", "indicators", "documents"):
            res["schema"]["primaryKey"] = [id_col]
        if schema == "indicator_relations":
            res["schema"]["foreignKeys"] = [
                {"fields": ["indicator"], "reference": {"resource": "indicators", "fields": ["key"]}},
                {"fields": ["other_indicator"], "reference": {"resource": "indicators", "fields": ["key"]}}]
        if schema in ("targets", "baselines"):
            res["schema"]["foreignKeys"] = [
                {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}},
                {"fields": ["indicator"], "reference": {"resource": "indicators", "fields": ["key"]}}]
        resources.append(res)
    return {
        "profile": "tabular-data-package",
        "name": DATASET_NAME,
        "title": DATASET_TITLE,
        "version": DATA_VERSION,
        "description": "Every quantified target and stated baseline of the five documents, one row each, with the "
                       "verbatim source quote. Values in base units (see indicators.base_unit).",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 (tables)",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": sources,
        "resources": resources,
    }


def check(root: Path | None = None) -> list[str]:
    """What is out of step between the CSVs under ``root`` and the descriptor: a CSV that is no
    resource (or a resource with no CSV), a header that differs from the resource's field list
    (names and order).  Empty when all is well.

    >>> check()
    []
    """
    import csv

    root = root or data_dir()
    out = []
    resources = descriptor(root)["resources"]
    listed = {r["path"] for r in resources}
    on_disk = {p.relative_to(root).as_posix() for p in root.rglob("*.csv")}
    out += [f"{p}: a CSV that is not a resource of the data package" for p in sorted(on_disk - listed)]
    out += [f"{p}: a resource with no CSV" for p in sorted(listed - on_disk)]
    for res in resources:
        if res["path"] not in on_disk:
            continue
        with open(root / res["path"], encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh), [])
        fields = [f["name"] for f in res["schema"]["fields"]]
        if header != fields:
            extra, missing = [h for h in header if h not in fields], [f for f in fields if f not in header]
            out.append(f"{res['path']}: header differs from the descriptor's fields"
                       + (f"; not in the descriptor: {', '.join(extra)}" if extra else "")
                       + (f"; missing from the file: {', '.join(missing)}" if missing else "")
                       + ("" if extra or missing else "; same names, different order"))
    return out


def write(path: Path | None = None) -> Path:
    """Write the descriptor to ``data/datapackage.json`` atomically; return the path.

    >>> import tempfile, pathlib, shutil
    >>> tmp = pathlib.Path(tempfile.mkdtemp()) / "data"
    >>> _ = shutil.copytree(data_dir(), tmp)
    >>> json.loads(write(tmp / "datapackage.json").read_text(encoding="utf-8")) == descriptor()
    True
    """
    path = path or data_dir() / "datapackage.json"
    return atomic_write(path, json.dumps(descriptor(path.parent), ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":  # pragma: no cover
    print(write())
