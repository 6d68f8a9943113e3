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
>>> c["twins"], c["data_version"] == DATA_VERSION, c["html_lang"]
([], True, 'en')
>>> z = contexts(load_matrix(), Path("/nonexistent"), {"attainment-ordos_2022", "zh/attainment-ordos_2022"})
>>> z["zh/attainment-ordos_2022"]["title"], z["zh/attainment-ordos_2022"]["twins"][0]["href"]
('达标评估 — 鄂尔多斯市 · ipanalysis', '../attainment-ordos_2022.html')
>>> z["attainment-ordos_2022"]["twins"][0]["href"], z["zh/attainment-ordos_2022"]["up"]
('zh/attainment-ordos_2022.html', '../')
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..data.datapackage import DATA_VERSION, DATASET_NAME, DATASET_TITLE
from ..data.sources import document_rows
from . import chrome
from .manifest import display_parameters, package_version
from .matrix import REPO_ROOT, Report

__all__ = ["contexts", "page_resources", "report_label", "exporter", "TEMPLATE_DIR", "TEMPLATE_NAME", "LICENCES"]

#: The nbconvert template directory (``extra_template_basedirs``) and the template's name in it.
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "page"
LICENCES = {"data": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
            "code": ("MIT", "https://opensource.org/license/mit")}


def report_label(r: Report, lang: str | None = None) -> str:
    """A report's name for readers, in ``lang`` (default: the report's): its notebook's; a report on invented
    observations says it is an example on data that is not real; another report off the matrix's default
    keeps its own name beside.

    >>> from pathlib import Path
    >>> demo = {"doc_id": "ordos_2022", "observations": "data/examples/illustrative_observations.csv"}
    >>> report_label(Report("attainment-demo-illustrative", Path("attainment.ipynb"), demo))
    'Attainment — illustrative example (not real data)'
    >>> report_label(Report("zh/attainment-demo-illustrative", Path("attainment.ipynb"), demo, lang="zh"))
    '达标评估——示例（非真实数据）'
    >>> report_label(Report("zh/attainment-ordos_2022", Path("attainment.ipynb"), {"doc_id": "ordos_2022"}, lang="zh"))
    '达标评估'
    """
    lang = lang or r.page_lang
    label = chrome.report_word(r.stem, lang)
    if chrome.is_invented(r.parameters.get("observations") or ""):
        return chrome.words(lang)["example_report"].format(report=label)
    doc = r.parameters.get("doc_id")
    return label if r.base in (r.stem, f"{r.stem}-{doc}") else f"{label} ({r.base})"


def _places() -> dict[str, dict[str, str]]:
    return {d["doc_id"]: d for d in document_rows()}


def contexts(reports: Sequence[Report], out: Path, available: Collection[str] = (),
             root: Path | None = None) -> dict[str, dict[str, Any]]:
    """One page context per report: ``name``, ``base`` (the name without its language folder), ``stem``,
    ``label``, ``lang``, ``html_lang``, ``words`` (the chrome's words in the page's language), ``doc_id``,
    ``document`` (place and titles), ``heading``, ``title``, ``parameters`` (paths relative to the
    repository), ``parameter_words`` (them as a reader reads them), ``siblings`` (the document's pages in
    the same language, each with ``href`` or None for this page), ``index``, ``twins`` (the page in the
    other languages: ``href``, ``hreflang``, ``label``), ``href`` (the page's own), ``up`` (the way to the
    site's root: ``""`` or ``"../"``), ``data_dir``, ``id`` (a name without ``/``), ``data_version``,
    ``dataset``, ``package_version``, ``licences``, ``glossary`` (the glossary page's href, in the page's folder).  Every href is relative to the page.

    A sibling or twin is linked only if it is ``available`` (being built now) or its HTML is in ``out``:
    the page never links to a page that was never made.
    """
    root, places, out = Path(root or REPO_ROOT), _places(), Path(out)
    made = {r.name for r in reports if r.name in available or (out / f"{r.name}.html").is_file()}
    result = {}
    for r in reports:
        lang, doc_id = r.page_lang, r.parameters.get("doc_id")
        up = "../" * r.name.count("/")
        doc = places.get(doc_id) if doc_id else None
        place = (doc["place_zh"] if lang == "zh" else f"{doc['place_en']} ({doc['place_zh']})") if doc else None
        siblings = [{"name": s.name, "label": report_label(s),
                     "href": None if s.name == r.name else f"{s.base}.html"}
                    for s in reports if doc_id and s.parameters.get("doc_id") == doc_id and s.lang == r.lang
                    and (s.name == r.name or s.name in made)]
        twins = [{"href": f"{up}{t.name}.html", "hreflang": chrome.html_lang(t.page_lang),
                  "label": chrome.words(t.page_lang)["language_name"]}
                 for t in reports if t.base == r.base and t.name != r.name and t.name in made]
        if r.lang is None and not twins:
            twins = _twin_on_disk(out, r.name)
        label = report_label(r)
        params = display_parameters(r, root)
        result[r.name] = {
            "name": r.name, "base": r.base, "stem": r.stem, "label": label, "lang": lang,
            "html_lang": chrome.html_lang(lang), "words": chrome.words(lang), "doc_id": doc_id,
            "document": {k: doc[k] for k in ("place_en", "place_zh", "title_en", "title_zh")} if doc else None,
            "heading": f"{label} — {place}" if place else label,
            "title": f"{label} — {place} · ipanalysis" if place else f"{label} · ipanalysis",
            "parameters": params, "parameter_words": chrome.parameter_words(params, lang),
            "siblings": siblings, "index": "index.html", "twins": twins, "href": f"{r.base}.html", "up": up,
            "data_dir": f"{r.base}.data", "id": r.name.replace("/", "-"), "data_version": DATA_VERSION,
            "dataset": {"name": DATASET_NAME, "title": DATASET_TITLE}, "package_version": package_version(),
            "licences": LICENCES, "glossary": "glossary.html",  # site pages (report/site.py), same folder
        }
    return result


def _twin_on_disk(out: Path, name: str) -> list[dict[str, str]]:
    """``zh/<name>.html`` if that page exists in ``out`` (a matrix without languages: a twin made by hand)."""
    return ([{"href": f"zh/{name}.html", "hreflang": "zh-CN", "label": "中文"}]
            if (Path(out) / "zh" / f"{name}.html").is_file() else [])


def exporter(**kwargs: Any):
    """An HTML exporter of the page template whose ``<html lang>`` is the context's ``html_lang``."""
    from nbconvert import HTMLExporter

    class PageExporter(HTMLExporter):
        """nbconvert's own ``language_code`` takes ISO 639-1 only (``zh``); a Chinese page says ``zh-CN``."""

        def _init_resources(self, resources):
            resources = super()._init_resources(resources)
            lang = (resources.get("ipa") or {}).get("html_lang")
            if lang:
                resources["language_code"] = lang
            return resources

    return PageExporter(extra_template_basedirs=[str(TEMPLATE_DIR)], template_name=TEMPLATE_NAME, **kwargs)


def page_resources(context: Mapping[str, Any], tables: Sequence[Mapping[str, Any]], built: str) -> dict[str, Any]:
    """The exporter's ``resources`` for one page: nbconvert's ``metadata.name`` (the ``<title>``) and
    ``ipa``: the page context with the build date and the page's ``tables`` (csv/json links).

    >>> r = page_resources({"title": "Audit · ipanalysis", "name": "audit"}, [], "2026-12-06T01:00:00+00:00")
    >>> r["metadata"]["name"], r["ipa"]["built_date"]
    ('Audit · ipanalysis', '2026-12-06')
    """
    ipa = {**context, "built": built, "built_date": built[:10], "tables": list(tables)}
    return {"metadata": {"name": context["title"]}, "ipa": ipa}
