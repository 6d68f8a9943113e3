"""The report matrix: ``notebooks/reports.json`` → a list of :class:`Report` (name, notebook, parameters).

Each entry has a ``notebook`` (relative to the matrix file's folder), optional fixed ``parameters``,
an optional ``matrix`` (``{param: [values...]}``: one report per combination; the value
``"documents"`` stands for every ``doc_id`` of ``data/documents.csv``, in file order, so a document
added to the data gets its pages without an edit here), an optional fixed
``name`` (only without ``matrix``), an optional ``description`` (for readers of the file) and an
optional ``"card": true``: the entry's reports feed their document's landing-page card (the card's
numbers are computed with the parameters that report was built with; at most one such report per
``doc_id``).  A report is named after its notebook stem plus ``-<value>`` per matrix parameter: those
parameters are its ``dimensions``, which a ``-p`` override may not change.

A top-level ``"languages": ["en", "zh"]`` (codes of :data:`~ipanalysis.present.vocabulary.LANGS`) makes
every report exist once per language: the parameter ``lang`` is injected (a dimension too), the English
report keeps its name and the others are named ``<lang>/<name>`` (``zh/attainment-ordos_2022``: page
``<out>/zh/attainment-ordos_2022.html``).  Reports come language by language, in the file's order.

>>> [r.name for r in load_matrix()][:4]
['compare', 'audit', 'trajectories-guiyang_2022', 'trajectories-cangshan_2013']
>>> [r.name for r in load_matrix() if r.base == "compare"]
['compare', 'zh/compare']
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import paths
from ..data.sources import doc_ids
from ..errors import ReportConfigError
from ..present.vocabulary import LANGS

__all__ = ["ReportConfigError", "Report", "load_matrix", "select_reports", "languages_of", "ALL_DOCUMENTS",
           "REPO_ROOT", "NOTEBOOK_DIR", "DEFAULT_MATRIX", "DEFAULT_OUT", "LANG", "DEFAULT_LANG"]

#: Where things are (:mod:`ipanalysis.paths`, which says the rule for a checkout and a wheel), as at
#: import.  The build reads :func:`~ipanalysis.paths.data_root` (which follows ``$IPANALYSIS_DATA``) and
#: :func:`~ipanalysis.paths.default_out` when it runs.
REPO_ROOT = paths.project_root()
NOTEBOOK_DIR = paths.notebook_dir()
DEFAULT_MATRIX = paths.report_matrix()
DEFAULT_OUT = paths.default_out()
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_KEYS = {"name", "notebook", "parameters", "matrix", "description", "card"}
#: The language parameter, and the language whose pages sit at the top of the output folder.
LANG, DEFAULT_LANG = "lang", LANGS[0]


@dataclass(frozen=True)
class Report:
    """One report: a unique ``name``, an absolute ``notebook`` path and its ``parameters``;
    ``dimensions`` the matrix parameters its name is built from; ``card`` whether it feeds its
    document's landing-page card; ``lang`` its language (None: the matrix has no languages).

    >>> Report("compare", Path("/nb/compare.ipynb")).stem
    'compare'
    >>> r = Report("zh/compare", Path("/nb/compare.ipynb"), {"lang": "zh"}, ("lang",), lang="zh")
    >>> r.base, r.page_lang
    ('compare', 'zh')
    """

    name: str
    notebook: Path
    parameters: dict[str, Any] = field(default_factory=dict)
    dimensions: tuple[str, ...] = ()
    card: bool = False
    lang: str | None = None

    @property
    def stem(self) -> str:
        return self.notebook.stem

    @property
    def base(self) -> str:
        """The name without its language folder (the same for a page and its twins)."""
        return self.name.rsplit("/", 1)[-1]

    @property
    def page_lang(self) -> str:
        """The language its page is written in (:data:`DEFAULT_LANG` without a language dimension)."""
        return self.lang or DEFAULT_LANG


#: A matrix value that stands for every document of ``data/documents.csv``.
ALL_DOCUMENTS = "documents"


def _grid(entry: Mapping, where: str, i: int) -> dict[str, list]:
    grid = {k: (doc_ids() if v == ALL_DOCUMENTS else v) for k, v in dict(entry.get("matrix") or {}).items()}
    if any(not isinstance(v, list) or not v for v in grid.values()):
        raise ReportConfigError(f"{where}: entry {i}: every matrix value must be a non-empty list or "
                                f"{ALL_DOCUMENTS!r} (every doc_id of data/documents.csv)")
    return grid


def _slug(value: Any) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", str(value)).strip("_") or "_"


def languages_of(matrix: Any, where: str = "report matrix") -> list[str]:
    """The matrix's ``"languages"`` (empty: none declared); a bad value names the valid codes.

    >>> languages_of({"languages": ["en", "zh"], "reports": []})
    ['en', 'zh']
    >>> languages_of({"languages": ["en", "fr"], "reports": []})
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ReportConfigError: report matrix: "languages" must be a non-empty list of distinct language codes from en, zh; got ['en', 'fr']
    """
    langs = matrix.get("languages") if isinstance(matrix, Mapping) else None
    if langs is None:
        return []
    if (not isinstance(langs, list) or not langs or len(set(map(str, langs))) != len(langs)
            or any(not isinstance(v, str) or v not in LANGS for v in langs)):
        raise ReportConfigError(f"{where}: \"languages\" must be a non-empty list of distinct language codes "
                                f"from {', '.join(LANGS)}; got {langs!r}")
    return list(langs)


def _named(name: str, lang: str | None) -> str:
    return name if lang in (None, DEFAULT_LANG) else f"{lang}/{name}"


def load_matrix(matrix: str | Path | Sequence | Mapping | None = None,
                notebook_dir: str | Path | None = None) -> list[Report]:
    """The reports a matrix declares, in file order (language by language).  ``matrix`` is a JSON path
    (default :data:`DEFAULT_MATRIX`), or its decoded content (a list, or ``{"reports": [...]}`` with
    optional ``"languages"``).

    >>> rs = load_matrix([{"notebook": "c.ipynb"}, {"notebook": "t.ipynb", "matrix": {"doc_id": ["a_1", "b_2"]}}],
    ...                  notebook_dir="/nb")
    >>> [(r.name, r.parameters) for r in rs]
    [('c', {}), ('t-a_1', {'doc_id': 'a_1'}), ('t-b_2', {'doc_id': 'b_2'})]
    >>> [r.name for r in load_matrix([{"notebook": "t.ipynb", "matrix": {"doc_id": "documents"}}], "/nb")][:2]
    ['t-guiyang_2022', 't-cangshan_2013']
    >>> [(r.name, r.parameters) for r in load_matrix({"languages": ["en", "zh"], "reports": [{"notebook": "c.ipynb"}]}, "/nb")]
    [('c', {'lang': 'en'}), ('zh/c', {'lang': 'zh'})]
    """
    where, base = "report matrix", NOTEBOOK_DIR
    if matrix is None or isinstance(matrix, (str, Path)):
        path = Path(matrix or DEFAULT_MATRIX).resolve()
        try:
            matrix = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ReportConfigError(f"report matrix not found: {path}") from None
        except ValueError as exc:
            raise ReportConfigError(f"report matrix {path} is not valid JSON: {exc}") from None
        where, base = str(path), path.parent
    entries = matrix.get("reports") if isinstance(matrix, Mapping) else matrix
    if not isinstance(entries, list):
        raise ReportConfigError(f"{where}: expected a list of reports or {{\"reports\": [...]}}")
    langs = languages_of(matrix, where)
    nb_dir = Path(notebook_dir).resolve() if notebook_dir is not None else base
    reports: list[Report] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, Mapping) or not isinstance(entry.get("notebook"), str):
            raise ReportConfigError(f"{where}: entry {i} needs a \"notebook\": {entry!r}")
        if set(entry) - _KEYS:
            raise ReportConfigError(f"{where}: entry {i} has unknown keys {sorted(set(entry) - _KEYS)}; "
                                    f"allowed: {', '.join(sorted(_KEYS))}")
        grid = _grid(entry, where, i)
        if LANG in grid or (langs and LANG in (entry.get("parameters") or {})):
            raise ReportConfigError(f"{where}: entry {i}: {LANG!r} comes from the matrix's \"languages\" "
                                    f"({', '.join(langs) or 'none declared'}), not from an entry")
        if grid and entry.get("name"):
            raise ReportConfigError(f"{where}: entry {i}: \"name\" is for entries without a matrix")
        if not isinstance(entry.get("card", False), bool):
            raise ReportConfigError(f"{where}: entry {i}: \"card\" must be true or false")
        nb = (nb_dir / entry["notebook"]).resolve()
        for combo in itertools.product(*grid.values()):
            name = entry.get("name") or "-".join([nb.stem, *map(_slug, combo)])
            if not _NAME_RE.match(name):
                raise ReportConfigError(f"{where}: report name {name!r} must match {_NAME_RE.pattern}")
            reports.append(Report(name, nb, {**(entry.get("parameters") or {}), **dict(zip(grid, combo))},
                                  tuple(grid), bool(entry.get("card", False))))
    if langs:
        reports = [dataclasses.replace(r, name=_named(r.name, lang), parameters={**r.parameters, LANG: lang},
                                       dimensions=(*r.dimensions, LANG), lang=lang)
                   for lang in langs for r in reports]
    seen: set[str] = set()
    dupes = sorted({r.name for r in reports if r.name in seen or seen.add(r.name)})
    if dupes:
        raise ReportConfigError(f"{where}: duplicate report names {dupes}")
    _check_cards(reports, where)
    return reports


def _check_cards(reports: Sequence[Report], where: str) -> None:
    """A card report names its document (``doc_id``), and a document has at most one (per language)."""
    fed: dict[tuple, str] = {}
    for r in (r for r in reports if r.card):
        doc = r.parameters.get("doc_id")
        if not isinstance(doc, str):
            raise ReportConfigError(f"{where}: report {r.name!r} feeds a card but has no doc_id parameter")
        if (doc, r.lang) in fed:
            raise ReportConfigError(f"{where}: reports {fed[doc, r.lang]!r} and {r.name!r} both feed the card of "
                                    f"{doc!r}; mark one entry \"card\": true")
        fed[doc, r.lang] = r.name


def select_reports(reports: Sequence[Report], only: str | Iterable[str] | None = None,
                   langs: str | Iterable[str] | None = None) -> list[Report]:
    """The reports whose name or notebook stem is in ``only`` (all when ``only`` is empty), in the
    languages ``langs`` (all when empty).

    Without a language folder a name means the report in every language (``--only compare`` rebuilds
    ``compare`` and ``zh/compare``); ``zh/compare`` (or ``zh/<notebook stem>``) means that language's only.

    >>> rs = load_matrix([{"notebook": "a.ipynb"}, {"notebook": "b.ipynb", "matrix": {"k": [1, 2]}}], "/nb")
    >>> [r.name for r in select_reports(rs, ["b"])]
    ['b-1', 'b-2']
    >>> select_reports(rs, "zz")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ReportConfigError: unknown report 'zz'; valid names: a, b-1, b-2; notebooks: a, b
    >>> rs = load_matrix({"languages": ["en", "zh"], "reports": [{"notebook": "a.ipynb"}, {"notebook": "b.ipynb"}]}, "/nb")
    >>> [r.name for r in select_reports(rs, "a")], [r.name for r in select_reports(rs, "zh/a")]
    (['a', 'zh/a'], ['zh/a'])
    >>> [r.name for r in select_reports(rs, langs="zh")], [r.name for r in select_reports(rs, "b", "en")]
    (['zh/a', 'zh/b'], ['b'])
    >>> select_reports(rs, langs="fr")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ReportConfigError: unknown language 'fr'; the report matrix's languages: en, zh
    """
    wanted = [only] if isinstance(only, str) else list(only or [])
    want_langs = [langs] if isinstance(langs, str) else list(langs or [])
    matrix_langs = list(dict.fromkeys(r.lang for r in reports if r.lang))
    bad = [v for v in want_langs if v not in matrix_langs]
    if bad:
        raise ReportConfigError(
            f"unknown language{'s' if len(bad) > 1 else ''} {', '.join(map(repr, bad))}; "
            + (f"the report matrix's languages: {', '.join(matrix_langs)}" if matrix_langs else
               "the report matrix declares no \"languages\" (its reports have one language)"))
    pool = [r for r in reports if not want_langs or r.lang in want_langs]
    if not wanted:
        return pool

    def split(w: str) -> tuple[str | None, str]:
        head, sep, tail = w.partition("/")
        return (head, tail) if sep and head in matrix_langs else (None, w)

    bases = list(dict.fromkeys(r.base for r in reports))
    stems = list(dict.fromkeys(r.stem for r in reports))
    unknown = [w for w in wanted if split(w)[1] not in bases and split(w)[1] not in stems]
    if unknown:
        raise ReportConfigError(
            f"unknown report{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"valid names: {', '.join(bases)}; notebooks: {', '.join(stems)}"
            + (f" (each in {', '.join(matrix_langs)}; <lang>/<name> picks one language)" if matrix_langs else ""))
    picks = [split(w) for w in wanted]
    return [r for r in pool if any((lang is None or r.lang == lang) and key in (r.base, r.stem)
                                   for lang, key in picks)]
