"""The site's own pages, English and Chinese: ``progress.html``, ``glossary.html``, ``data-wanted.html`` and
their twins in ``zh/``, rendered from ``templates/site/*.html.j2`` (one shared header and footer,
``_chrome.html.j2``) with the landing page's font.

:class:`SitePages` does for them what :class:`~ipanalysis.report.index.LandingPage` does for the index: their
numbers (attainment per document with its card report's parameters, and the wanted rows) are computed in a
thread while the pool runs, only when what they depend on changed — data and package (the environment
digest), the card parameters and their observation files, the latest full year (the wanted periods) — and
the pages are written (atomically) only when those or the pages they link to changed.  Each page carries
its key in ``<meta name="ipanalysis-site-key">``.

>>> html = render_page("glossary", "zh", {"built_date": "2026-12-06", "home": "../index.html"})
>>> '<html lang="zh-CN">' in html and 'id="no_data"' in html and 'href="../glossary.html"' in html
True
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..data.datapackage import DATA_VERSION, DATASET_NAME
from ..io import atomic_write
from .attainments import Attainments
from .fonts import FONT_CSS, FONT_FILE
from .index import _cards_key, card_parameters
from .manifest import Manifest, now, package_version
from .matrix import DEFAULT_LANG, Report

__all__ = ["SitePages", "render_page", "site_data", "site_tables", "linkify", "PAGES"]

#: The site pages: file stem → (English title, Chinese title).
PAGES = {"progress": ("Every target at a glance", "目标进展一览"), "glossary": ("Glossary", "术语表"),
         "data-wanted": ("Data wanted", "数据征集")}
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_KEY = re.compile(r'<meta name="ipanalysis-site-key" content="([^"]*)">')


_URL = re.compile(r"https?://[^\s<>\"'）]+")


def linkify(text: str) -> str:
    """Text as HTML, escaped, with every http(s) URL in it a link (the template marks the result safe).

    >>> linkify("see https://a.org/x, <b>")
    'see <a href="https://a.org/x">https://a.org/x</a>, &lt;b&gt;'
    """
    from html import escape

    out, last = [], 0
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(".,;:")
        out += [escape(text[last:m.start()]), f'<a href="{escape(url)}">{escape(url)}</a>']
        last = m.start() + len(url)
    return "".join([*out, escape(text[last:])])


def _env():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from ..present.vocabulary import label

    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["linkify"] = linkify
    env.filters["label"] = lambda code, lang="en": label(code, lang)
    return env


def render_page(name: str, lang: str, context: Mapping[str, Any]) -> str:
    """One site page in ``lang``: the chrome (language, twin, navigation, font) and ``context``."""
    from ..present.glossary import glossary_sections
    from ..present.vocabulary import require_lang

    zh = require_lang(lang) == "zh"
    up = "../" if zh else ""
    chrome = {"lang": lang, "zh": zh, "html_lang": "zh-CN" if zh else "en", "name": name,
              "title": PAGES[name][zh], "other_title": PAGES[name][not zh],
              "twin": f"../{name}.html" if zh else f"zh/{name}.html", "home": context.get("home", f"{up}index.html"),
              "nav": [{"href": f"{n}.html", "label": PAGES[n][zh], "current": n == name} for n in PAGES],
              "font_css": FONT_CSS.replace(FONT_FILE, up + FONT_FILE), "data_version": DATA_VERSION,
              "dataset": DATASET_NAME, "package_version": package_version(), "key": "",
              "built_date": now()[:10]}
    if name == "glossary":
        chrome["sections"] = glossary_sections(lang)
    return _env().get_template(f"site/{name}.html.j2").render(**{**chrome, **context})


def site_data(parameters: Mapping[str, Mapping[str, Any]], attainments: Attainments | None = None) -> dict[str, Any]:
    """What the pages show, computed once for both languages: the grid's frame, the national plans' frame,
    the wanted rows (see :mod:`.progress`, :mod:`.wantedpage`), all of one attainment frame per document
    with its card's ``parameters``, from ``attainments`` (the build's, shared with the landing cards;
    default: computed here)."""
    from ..data.sources import doc_ids
    from .progress import progress_frame
    from .wantedpage import wanted_data

    frames = (attainments if attainments is not None else Attainments()).frames(parameters, doc_ids())
    return {"frame": progress_frame(frames), "national": progress_frame(frames, national=True),
            "wanted": wanted_data(parameters, frames)}


def _docs(lang: str) -> list[dict[str, str]]:
    from ..data.sources import document_rows

    return [{"doc_id": d["doc_id"], "name": d["place_zh"] if lang == "zh" else f"{d['place_en']} {d['place_zh']}",
             "title": d["title_zh"] if lang == "zh" else d["title_en"]} for d in document_rows()]


def _links(out: Path, cards: Mapping[str, str]) -> dict[str, dict[str, dict[str, Any]]]:
    """lang → doc_id → the document's attainment page (its card report) as built in ``out``: ``href`` and
    ``stamp`` (size and time, for the key).  The Chinese page links ``zh/<name>.html`` when it exists, else
    the English one; a document with neither is left out (its targets are not linked)."""
    links: dict[str, dict[str, dict[str, Any]]] = {"en": {}, "zh": {}}
    for doc_id, name in cards.items():
        for lang, path, href in (("en", out / f"{name}.html", f"{name}.html"), ("zh", out / f"{name}.html", f"../{name}.html"),
                                 ("zh", out / "zh" / f"{name}.html", f"{name}.html")):
            if path.is_file():
                st = path.stat()
                links[lang][doc_id] = {"href": href, "path": str(path), "stamp": [st.st_size, st.st_mtime_ns]}
    return links


_ANCHOR = re.compile(r'id="t-([^"]+)"')


def _with_anchors(links: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each page with ``anchors``: the target ids it has a row for (``id="t-<target_id>"``)."""
    return {d: {**p, "anchors": set(_ANCHOR.findall(Path(p["path"]).read_text(encoding="utf-8")))}
            for d, p in links.items()}


def _context(name: str, lang: str, data: Mapping[str, Any], links: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    from ..present.colours import text_colour
    from ..present.status_squares import status_squares_svg
    from .progress import grid, left_out
    from .wantedpage import wanted_documents

    docs = _docs(lang)
    if name == "progress":
        g = grid(data["frame"], docs, lang, links)
        names = {d["doc_id"]: d["name"] for d in docs}
        source = ("来源：ipanalysis 对各规划量化目标的评估（ip.attainment），数据版本 " if lang == "zh" else
                  "Source: ipanalysis, attainment of each plan's quantified targets (ip.attainment), data version ") \
            + DATA_VERSION
        chart = status_squares_svg([{"doc_id": d, "name": names[d], "counts": c} for d, c in g["counts"].items()],
                                   lang, source)
        titles = {d["doc_id"]: d["title"] for d in docs}
        national = [{**x, "name": titles[x["doc_id"]], "href": (links.get(x["doc_id"]) or {}).get("href")}
                    for x in left_out(data["national"])]
        return {"grid": g, "chart": chart, "national": national, "text_colour": text_colour}
    if name == "data-wanted":
        return {"documents": wanted_documents(data["wanted"], links.get, lang)}
    return {}


def site_tables(data: Mapping[str, Any]) -> dict[str, "pd.DataFrame"]:
    """The data behind each site page, written beside it as ``<name>.csv`` (one file for both languages):
    ``progress`` the grid's rows (:data:`~.progress.COLUMNS`, status codes as in the glossary);
    ``data-wanted`` the wanted rows in ``data/observations.csv``'s columns, ready to fill (what
    ``ipanalysis wanted`` writes); ``glossary`` every term, English and Chinese, with its definition.

    >>> import pandas as pd
    >>> t = site_tables({"frame": pd.DataFrame(columns=["doc_id"]), "wanted": {}})
    >>> sorted(t), list(t["glossary"].columns)
    (['data-wanted', 'glossary', 'progress'], ['section', 'code', 'term_en', 'term_zh', 'definition_en', 'definition_zh'])
    """
    import pandas as pd

    from ..analysis.wanted import COLUMNS as OBSERVATION_COLUMNS
    from ..present.glossary import glossary_sections

    wanted = [r for d in data["wanted"].values() for r in d["rows"]]
    en, zh = glossary_sections("en"), glossary_sections("zh")
    glossary = pd.DataFrame([{"section": s["id"], "code": e["code"], "term_en": e["term"], "term_zh": z["term"],
                              "definition_en": e["definition"], "definition_zh": z["definition"]}
                             for s, sz in zip(en, zh) for e, z in zip(s["entries"], sz["entries"])],
                            columns=["section", "code", "term_en", "term_zh", "definition_en", "definition_zh"])
    return {"progress": data["frame"], "data-wanted": pd.DataFrame(wanted, columns=list(OBSERVATION_COLUMNS)),
            "glossary": glossary}


class SitePages:
    """The site pages of one build: numbers computed in a thread (started here) when their key changed, with
    the cards' parameters of the default language (the landing page's), from the build's ``attainments``
    (shared with the landing page); :meth:`write` renders and writes the six files once the reports are
    built, unless nothing changed."""

    def __init__(self, reports: Sequence[Report], manifest: Manifest, root: Path, env: str, out: Path,
                 building: Mapping[str, Report] | None = None, attainments: Attainments | None = None):
        langs = list(dict.fromkeys(r.lang for r in reports))
        lang = DEFAULT_LANG if DEFAULT_LANG in langs else (langs or [None])[0]  # (None: a matrix without languages)
        self.params = card_parameters(reports, manifest, root, building, lang)
        self.cards = {r.parameters["doc_id"]: r.base for r in reports if r.card and r.parameters.get("doc_id")}  # the page's name in either folder
        self.data_key = hashlib.sha256(f"{_cards_key(env, self.params)}|{_latest_full_year()}".encode()).hexdigest()
        self.future, self.attainments = None, attainments
        if _stored(Path(out)).split(":")[0] != self.data_key:
            from concurrent.futures import ThreadPoolExecutor

            self.future = ThreadPoolExecutor(1).submit(site_data, self.params, attainments)

    def write(self, out: Path) -> bool:
        """Write the pages into ``out`` and ``out/zh`` unless they are up to date; whether they were written."""
        out = Path(out)
        links = _links(out, self.cards)
        homes = {"en": "index.html", "zh": "index.html" if (out / "zh" / "index.html").is_file() else "../index.html"}
        link_key = hashlib.sha256(json.dumps([links, homes], sort_keys=True).encode()).hexdigest()
        key = f"{self.data_key}:{link_key}"
        if _stored(out) == key:
            return False
        try:
            data = self.future.result() if self.future is not None else site_data(self.params, self.attainments)
        except Exception as exc:  # e.g. a data table that no longer validates: the old pages stay, the build goes on
            print(f"site pages not written: {type(exc).__name__}: {exc}", file=sys.stderr)
            return False
        pages = {lang: _with_anchors(links[lang]) for lang in links}
        (out / "zh").mkdir(exist_ok=True)
        for name, table in site_tables(data).items():  # the data of each page, beside it (zh links ../)
            atomic_write(out / f"{name}.csv", table.to_csv(index=False, lineterminator="\n"))
        for lang in ("en", "zh"):
            for name in PAGES:
                html = render_page(name, lang, {**_context(name, lang, data, pages[lang]), "key": key,
                                                "home": homes[lang], "csv": f"{'../' if lang == 'zh' else ''}{name}.csv"})
                atomic_write(out / ("zh" if lang == "zh" else "") / f"{name}.html", html)
        return True


def _latest_full_year() -> int:
    """:func:`~ipanalysis.analysis.wanted.latest_full_year` of today, without pandas (the up-to-date path)."""
    return (date.today() + timedelta(days=1)).year - 1


def _stored(out: Path) -> str:
    """The key the six pages in ``out`` were written with ("" when one is missing or they differ)."""
    keys = set()
    for lang in ("", "zh"):
        for name in PAGES:
            path = out / lang / f"{name}.html"
            try:
                head = path.read_text(encoding="utf-8")[:4000]
            except OSError:
                return ""
            m = _KEY.search(head)
            keys.add(m.group(1) if m else "")
    return keys.pop() if len(keys) == 1 else ""
