"""The landing page ``index.html`` (and, for each further language of the matrix, ``<lang>/index.html``),
rendered from ``templates/index.html.j2`` (Jinja2) in the page's language (:mod:`.chrome`'s words,
:func:`~ipanalysis.present.vocabulary.label` for the statuses); each index links to its twin.

One card per document (title zh/en, horizon, targets, projectable targets, attainment status counts
with the date of the latest observation, the audit's checks and findings to review, links to its
pages), then the cross-city pages, then the build log (times; failures with the failing cell and the
error).  The numbers come from :func:`document_summaries`, computed in the parent process, in one
place, with the parameters of the report that feeds each card (``"card": true`` in the matrix), as
that report was built (:func:`card_parameters`): a card never shows other numbers than its page.
:class:`LandingPage` computes them in a thread while the pool runs, and only when they can change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..io import atomic_write
from . import chrome
from .attainments import CARD_PARAMETERS, Attainments
from .fonts import font_css
from .manifest import Manifest, now, package_version
from .matrix import DEFAULT_LANG, Report

__all__ = ["document_summaries", "render_index", "write_index", "card_parameters", "LandingPage", "CARD_PARAMETERS"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"


def _audit_card(summary: Mapping[str, Any] | None) -> dict[str, Any]:
    """What the card says of the audit: findings to review of the checks run, and when no check could
    apply, why (the reasons without their examples), so that nothing unchecked reads as clean.

    >>> c = _audit_card({"findings": 0, "to_review": 0, "applied": 0, "checks": 2,
    ...                  "not_applicable_checks": "stated_growth; k_plus_n_lists"})
    >>> c["audit_not_applicable"], c["audit_not_applicable_zh"]
    (['no stated growth rate', 'no “K+n” list'], ['无年均增长率表述', '无“K+n”式列举'])
    """
    from ..present.vocabulary import audit_need

    if summary is None:
        return {"needs_review": None, "audit_checks_run": None, "audit_applied": None, "audit_checks": None,
                "audit_not_applicable": [], "audit_not_applicable_zh": []}
    checks = [c for c in str(summary.get("not_applicable_checks") or "").split("; ") if c]
    return {"needs_review": int(summary["to_review"]), "audit_checks_run": int(summary["findings"]),
            "audit_applied": int(summary["applied"]), "audit_checks": int(summary["checks"]),
            "audit_not_applicable": [audit_need(c) for c in checks],
            "audit_not_applicable_zh": [audit_need(c, "zh") for c in checks]}


def _label(code, lang: str = "en") -> str:
    """A status code in the vocabulary's words (a code it does not know is shown as it is).

    >>> _label("no_data", "zh"), _label("odd_code")
    ('数据暂缺', 'odd_code')
    """
    from ..present.vocabulary import LABELS, label

    return label(code, lang) if code in LABELS else str(code)


def document_summaries(attainment_parameters: Mapping[str, Mapping[str, Any]] | None = None,
                       attainments: Attainments | None = None) -> list[dict]:
    """One dict per document, in ``ip.documents()`` order: what its landing-page card shows.

    ``attainment_parameters`` maps a doc_id to the ``observations``/``as_of`` its attainment page
    uses (so the card and the page agree); without them ``ip.attainment``'s defaults apply.  The frames
    come from ``attainments`` (the build's, shared with the site pages; default: computed here).  The
    status counts are of attainment's ``status`` column (``schedule_status`` where there is none).
    A number that cannot be computed is ``None``, with the reason in ``errors``.

    >>> s = document_summaries({"ordos_2022": {"observations": "data/examples/illustrative_observations.csv",
    ...                                        "as_of": "2023"}})
    >>> [d["doc_id"] for d in s]
    ['guiyang_2022', 'cangshan_2013', 'nanchang_2021', 'national_2015', 'ordos_2022']
    >>> o = s[-1]
    >>> o["horizon"], o["n_targets"] >= o["n_projectable"] > 0, sum(o["status_counts"].values()) == o["n_targets"]
    ('2021→2025', True, True)
    >>> o["latest_observation"][:4], o["illustrative"], isinstance(o["needs_review"], int)
    ('2023', True, True)
    """
    import ipanalysis as ip
    from ..analysis.attainment import latest_used

    attainment_parameters = attainment_parameters or {}
    attainments = attainments if attainments is not None else Attainments()
    docs = ip.documents()
    try:
        audit = {r["doc_id"]: r for r in ip.audit_summary().to_dict("records")}
        audit_error = None
    except Exception as exc:  # the card shows the gap; the audit page shows the error
        audit, audit_error = None, f"audit: {type(exc).__name__}: {exc}"
    out = []
    for doc in docs.to_dict("records"):
        doc_id = doc["doc_id"]
        card: dict[str, Any] = {
            "doc_id": doc_id, "title_zh": doc["title_zh"], "title_en": doc["title_en"],
            "place_zh": doc["place_zh"], "place_en": doc["place_en"],
            "horizon": f"{doc['plan_start_year']}→{str(doc['target_years']).replace(';', '/')}",
            "n_targets": None, "n_projectable": None, "status_counts": {}, "latest_observation": None,
            "illustrative": False, **_audit_card(None if audit is None else audit.get(doc_id)),
            "errors": [audit_error] if audit_error else []}
        try:
            tr = ip.trajectories(doc_id)
            card["n_targets"], card["n_projectable"] = len(tr), int(tr["computable"].sum())
        except Exception as exc:
            card["errors"].append(f"trajectories: {type(exc).__name__}: {exc}")
        params = {k: v for k, v in (attainment_parameters.get(doc_id) or {}).items() if k in CARD_PARAMETERS}
        card["parameters"] = {k: Path(v).name if k == "observations" else str(v) for k, v in params.items()}
        try:
            att = attainments.frame(doc_id, params)
            col = "status" if "status" in att.columns else "schedule_status"
            card["status_counts"] = {str(k): int(v) for k, v in att[col].value_counts().items()}
            card["latest_observation"] = latest_used(att)  # the one date the page and its chart show
            card["illustrative"] = ("illustrative" in str(params.get("observations", "")).lower()
                                    or ("illustrative" in att.columns and bool(att["illustrative"].fillna(False).any())))
        except Exception as exc:
            card["errors"].append(f"attainment: {type(exc).__name__}: {exc}")
        out.append(card)
    return out


def render_index(cards: Sequence[Mapping], pages: Sequence[Mapping], summary: str, lang: str = "en",
                 twins: Sequence[Mapping[str, str]] = (), up: str = "") -> str:
    """The HTML of the landing page in ``lang``.  ``pages`` are build-log rows (name, label, notebook,
    parameters, doc_id, status, seconds, built_at, html, ipynb, cell, error, traceback); ``twins`` the
    index in the other languages (``href``, ``hreflang``, ``label``); ``up`` the way to the site's root.

    >>> html = render_index([], [{"name": "compare", "notebook": "compare.ipynb", "parameters": {},
    ...     "doc_id": None, "status": "failed", "cell": 3, "error": "ValueError: x", "html": None}], "1 report")
    >>> "cell 3" in html and "ValueError: x" in html and '<html lang="en">' in html
    True
    >>> html = render_index([], [], "", "zh", [{"href": "../index.html", "hreflang": "en", "label": "English"}], "../")
    >>> '<html lang="zh-CN">' in html and "构建日志" in html and 'href="../index.html"' in html
    True
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["label"] = lambda code: _label(code, lang)
    from .site import PAGES  # the site pages the landing page links: progress, glossary, data wanted

    env.globals["site_pages"] = PAGES
    by_doc: dict[str, list] = {}
    for p in pages:
        if p.get("doc_id"):
            by_doc.setdefault(p["doc_id"], []).append(p)
    return env.get_template("index.html.j2").render(
        cards=cards, by_doc=by_doc, cross=[p for p in pages if not p.get("doc_id")], pages=pages, summary=summary,
        font_css=font_css(up), w=chrome.words(lang), lang=lang, sep="：" if lang == "zh" else ": ",
        html_lang=chrome.html_lang(lang), twins=list(twins))


def write_index(out: Path, cards: Sequence[Mapping], pages: Sequence[Mapping], summary: str, lang: str = "en",
                twins: Sequence[Mapping[str, str]] = (), folder: str = "") -> None:
    """Write ``out/<folder>/index.html`` (``folder``: ``""`` or ``"zh"``)."""
    up = "../" * len(Path(folder).parts)
    atomic_write(Path(out) / folder / "index.html", render_index(cards, pages, summary, lang, twins, up))


def card_parameters(reports: Sequence[Report], manifest: Manifest, root: Path,
                    building: Mapping[str, Report] | None = None, lang: str | None = None) -> dict[str, dict[str, Any]]:
    """doc_id → the :data:`CARD_PARAMETERS` of the report that feeds its card (in language ``lang``), as
    its page is (or is about to be) built: from ``building`` (reports of this build, ``-p`` applied),
    else from the manifest (its last build), else from the matrix.  Relative data paths are taken from
    ``root``.

    >>> from ipanalysis.report import load_matrix
    >>> r = load_matrix([{"notebook": "a.ipynb", "matrix": {"doc_id": ["x_1"]}, "card": True,
    ...                   "parameters": {"as_of": "2023"}}], "/nb")
    >>> card_parameters(r, Manifest(Path("/nowhere/manifest.json")), Path("/repo"))
    {'x_1': {'as_of': '2023'}}
    >>> card_parameters(r, Manifest(Path("/m"), {"a-x_1": {"parameters": {"doc_id": "x_1", "observations": "o.csv"}}}),
    ...                 Path("/repo"))
    {'x_1': {'observations': '/repo/o.csv'}}
    """
    building = building or {}
    out: dict[str, dict[str, Any]] = {}
    for r in reports:
        if not r.card or r.lang != lang:
            continue
        params = (building[r.name].parameters if r.name in building
                  else manifest.parameters(r.name) or r.parameters)
        card = {k: params[k] for k in CARD_PARAMETERS if params.get(k) is not None}
        if "observations" in card:
            card["observations"] = str(root / card["observations"])  # an absolute path stays as it is
        out[r.parameters["doc_id"]] = card
    return out


def _cards_key(env: str, params: Mapping[str, Mapping[str, Any]]) -> str:
    """What the cards' numbers depend on: data and package (``env``), parameters, observation files."""
    files = sorted({p["observations"] for p in params.values() if p.get("observations")})
    digests = [hashlib.sha256(Path(f).read_bytes()).hexdigest() if Path(f).is_file() else "" for f in files]
    return hashlib.sha256(json.dumps([env, params, files, digests], sort_keys=True).encode()).hexdigest()


def _folder(lang: str | None) -> str:
    """The folder of a language's pages within the site: ``""`` for the default language, else ``lang``."""
    return "" if lang in (None, DEFAULT_LANG) else lang


class LandingPage:
    """``index.html`` for one build, and ``<lang>/index.html`` for each further language of the matrix:
    the cards' numbers are computed in a thread (started here, while the pool runs), once per distinct
    set of card parameters, and only when their key changed (else reused from the manifest), from the
    build's ``attainments`` (shared with the site pages); :meth:`write` renders the pages from the
    manifest's records once the reports are built."""

    def __init__(self, reports: Sequence[Report], manifest: Manifest, root: Path, env: str,
                 building: Mapping[str, Report] | None = None, attainments: Attainments | None = None):
        self.reports, self.manifest = list(reports), manifest
        self.langs = list(dict.fromkeys(r.lang for r in self.reports)) or [None]
        self.keys, self.futures = {}, {}
        computing: dict[str, Any] = {}
        for lang in self.langs:
            params = card_parameters(reports, manifest, root, building, lang)
            key = self.keys[lang] = _cards_key(env, params)
            if (self._cached(lang) or {}).get("cards_key") == key:
                self.futures[lang] = None
                continue
            if key not in computing:
                from concurrent.futures import ThreadPoolExecutor

                computing[key] = ThreadPoolExecutor(1).submit(document_summaries, params, attainments=attainments)
            self.futures[lang] = computing[key]

    @property
    def future(self):
        """The computation of the default language's cards (None: reused from the manifest)."""
        return self.futures[self.langs[0]]

    def _cached(self, lang: str | None) -> dict | None:
        return (self.manifest.index or {}).get(f"{_folder(lang)}/index.html".lstrip("/"))

    def write(self, out: Path) -> None:
        """Write each language's index unless nothing on it would change; record them in the manifest."""
        record = dict(self.manifest.index or {})
        record = {k: v for k, v in record.items() if k.endswith("index.html")}  # (an older manifest's record)
        changed = False
        for lang in self.langs:
            folder = _folder(lang)
            where = f"{folder}/index.html".lstrip("/")
            pages = self.pages(out, lang)
            cached, future = self._cached(lang) or {}, self.futures[lang]
            page_key = hashlib.sha256(json.dumps(pages, sort_keys=True, default=str).encode()).hexdigest()
            if future is None and cached.get("page_key") == page_key and (out / where).is_file():
                continue
            key = self.keys[lang]
            try:
                cards = future.result() if future is not None else cached["cards"]
            except Exception as exc:  # e.g. a data table that no longer validates: the log still gets written
                cards, key = [{"doc_id": "?", "title_zh": "", "title_en": "", "status_counts": {},
                               "errors": [f"document summaries: {type(exc).__name__}: {exc}"]}], None
            words, ok = chrome.words(lang or DEFAULT_LANG), sum(p["status"] == "ok" for p in pages)
            failed = sum(p["status"] == "failed" for p in pages)
            unbuilt = len(pages) - ok - failed
            summary = (words["summary"].format(n=len(pages), ok=ok, failed=failed)
                       + (words["summary_unbuilt"].format(n=unbuilt) if unbuilt else "")
                       + words["summary_tail"].format(version=package_version(), when=now()))
            write_index(out, cards, pages, summary, lang or DEFAULT_LANG, self._twins(lang), folder)
            record[where] = {"cards_key": key, "cards": cards, "page_key": page_key}
            changed = True
        if changed:
            self.manifest.record_index(record)

    def _twins(self, lang: str | None) -> list[dict[str, str]]:
        """The index in each other language, relative to this one."""
        up = "../" * len(Path(_folder(lang)).parts)
        return [{"href": f"{up}{_folder(o) + '/' if _folder(o) else ''}index.html", "hreflang": chrome.html_lang(o),
                 "label": chrome.words(o)["language_name"]} for o in self.langs if o is not None and o != lang]

    def pages(self, out: Path, lang: str | None = None) -> list[dict]:
        """One build-log row per report of the matrix in ``lang``, from its manifest record (links
        relative to that language's index)."""
        from .page import report_label

        rows = []
        for r in (r for r in self.reports if r.lang == lang):
            prev = self.manifest.reports.get(r.name) or {}
            status = prev.get("status") or "not built"
            if status == "ok" and not (out / f"{r.name}.html").is_file():
                status = "not built"
            rows.append({"name": r.name, "label": report_label(r), "notebook": r.notebook.name,
                         "doc_id": r.parameters.get("doc_id"),
                         "parameters": {k: v for k, v in prev.get("parameters", r.parameters).items()
                                        if k != "lang"},  # (the index's own language)
                         "status": status,
                         "seconds": prev.get("seconds"), "built_at": prev.get("built_at"),
                         "html": f"{r.base}.html" if status == "ok" else None,
                         "ipynb": f"{r.base}.ipynb" if status == "failed" and (out / f"{r.name}.ipynb").is_file()
                         else None, "cell": prev.get("cell"), "error": prev.get("error"),
                         "traceback": prev.get("traceback")})
        return rows
