"""What a report page knows about itself and the site: the context its template
(``templates/page/index.html.j2``, an nbconvert template extending ``lab``) renders the header,
the "Cite this page" block and the footer from.

:func:`contexts` runs in the parent process (it sees the whole matrix: which pages share a
document); :func:`page_resources` completes one context in the worker (build date, the tables'
download links) and makes it the exporter's ``resources``.

>>> from pathlib import Path
>>> from ipanalysis.report.matrix import load_matrix
>>> ctx = contexts(load_matrix(), Path("/nonexistent"), {"attainment-ordos_2022", "trajectories-ordos_2022"})
>>> c = ctx["attainment-ordos_2022"]
>>> c["title"]
'Attainment — Ordos (鄂尔多斯市) · ipanalysis'
>>> [(s["label"], s["href"]) for s in c["siblings"]]
[('Trajectories', 'trajectories-ordos_2022.html'), ('Attainment', None)]
>>> c["twin"] is None, c["data_version"] == DATA_VERSION
(True, True)
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..data.datapackage import DATA_VERSION, DATASET_NAME, DATASET_TITLE
from ..data.sources import document_rows
from .manifest import display_parameters, package_version
from .matrix import REPO_ROOT, Report

__all__ = ["contexts", "page_resources", "report_label", "TEMPLATE_DIR", "TEMPLATE_NAME", "LICENCES"]

#: The nbconvert template directory (``extra_template_basedirs``) and the template's name in it.
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "page"
LICENCES = {"data": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
            "code": ("MIT", "https://opensource.org/license/mit")}
_LABELS = {"attainment": "Attainment", "trajectories": "Trajectories", "compare": "Comparison", "audit": "Audit"}


def report_label(r: Report) -> str:
    """A report's name for readers: its notebook's, and its own name when it is not the matrix's default.

    >>> from pathlib import Path
    >>> report_label(Report("attainment-demo-illustrative", Path("attainment.ipynb"), {"doc_id": "ordos_2022"}))
    'Attainment (attainment-demo-illustrative)'
    """
    label = _LABELS.get(r.stem, r.stem.replace("_", " ").capitalize())
    doc = r.parameters.get("doc_id")
    return label if r.name in (r.stem, f"{r.stem}-{doc}") else f"{label} ({r.name})"


def _places() -> dict[str, dict[str, str]]:
    return {d["doc_id"]: d for d in document_rows()}


def contexts(reports: Sequence[Report], out: Path, available: Collection[str] = (),
             twins: Mapping[str, str] | None = None, root: Path | None = None) -> dict[str, dict[str, Any]]:
    """One page context per report: ``name``, ``stem``, ``label``, ``doc_id``, ``document`` (place and
    titles), ``title``, ``parameters`` (paths relative to the repository), ``siblings`` (the
    document's pages, each with ``href`` or None for this page), ``index``, ``twin`` (the page in
    the other language, only where ``twins`` says it exists or ``out/zh/<name>.html`` is there), ``data_dir``, ``data_version``,
    ``dataset``, ``package_version``, ``licences``, ``glossary`` (the glossary page's href).

    A sibling is linked only if it is ``available`` (being built now) or its HTML is in ``out``:
    the page never links to a page that was never made.
    """
    root, places, twins = Path(root or REPO_ROOT), _places(), twins or {}
    result = {}
    for r in reports:
        doc_id = r.parameters.get("doc_id")
        doc = places.get(doc_id) if doc_id else None
        place = f"{doc['place_en']} ({doc['place_zh']})" if doc else None
        siblings = [{"name": s.name, "label": report_label(s),
                     "href": None if s.name == r.name else f"{s.name}.html"}
                    for s in reports if doc_id and s.parameters.get("doc_id") == doc_id
                    and (s.name == r.name or s.name in available or (Path(out) / f"{s.name}.html").is_file())]
        label = report_label(r)
        result[r.name] = {
            "name": r.name, "stem": r.stem, "label": label, "doc_id": doc_id,
            "document": {k: doc[k] for k in ("place_en", "place_zh", "title_en", "title_zh")} if doc else None,
            "heading": f"{label} — {place}" if place else label,
            "title": f"{label} — {place} · ipanalysis" if place else f"{label} · ipanalysis",
            "parameters": display_parameters(r, root), "siblings": siblings, "index": "index.html",
            "twin": twins.get(r.name) or _twin_on_disk(out, r.name), "data_dir": f"{r.name}.data", "data_version": DATA_VERSION,
            "dataset": {"name": DATASET_NAME, "title": DATASET_TITLE}, "package_version": package_version(),
            "licences": LICENCES, "glossary": "glossary.html",  # site pages (report/site.py), same folder
        }
    return result


def _twin_on_disk(out: Path, name: str) -> str | None:
    """``zh/<name>.html`` if that page exists in ``out`` (the Chinese twins are later work: no link till then)."""
    return f"zh/{name}.html" if (Path(out) / "zh" / f"{name}.html").is_file() else None


def page_resources(context: Mapping[str, Any], tables: Sequence[Mapping[str, Any]], built: str) -> dict[str, Any]:
    """The exporter's ``resources`` for one page: nbconvert's ``metadata.name`` (the ``<title>``) and
    ``ipa``: the page context with the build date and the page's ``tables`` (csv/json links).

    >>> r = page_resources({"title": "Audit · ipanalysis", "name": "audit"}, [], "2026-12-06T01:00:00+00:00")
    >>> r["metadata"]["name"], r["ipa"]["built_date"]
    ('Audit · ipanalysis', '2026-12-06')
    """
    ipa = {**context, "built": built, "built_date": built[:10], "tables": list(tables)}
    return {"metadata": {"name": context["title"]}, "ipa": ipa}
