"""The built report site in a real browser: Debian's ``chromium`` driven by Playwright (the PyPI package,
pointed at the system browser; nothing is downloaded).

The site is built once per session into a temporary folder; every ``*.html`` under it (and every page the
index links to) is opened over ``file://``, as a reader opens ``reports/index.html``, so a page added to the
build is checked with no edit here.  Requests that leave the site are answered with an abort (no network at
test time) and reported on their own.  A missing browser fails the tests with how to install it; they are
never skipped.  The ``test_browser_checks_*`` tests feed each check a broken page, so each can fail.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from ipanalysis.report.fonts import FAMILY, FONT_CSS, FONT_FILE

pytestmark = pytest.mark.xdist_group("browser")  # one worker: one build, one browser (see `site`)

INSTALL = ("the browser tests need Chromium: on Debian/Ubuntu `apt-get install chromium` (as root; `make test` "
           "does this when it is missing, via tools/ensure_chromium.sh), or set IPANALYSIS_CHROMIUM to a Chromium/Chrome executable")
NBCONVERT_PLACEHOLDER_ALT = "No description has been provided for this image"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# What a page reports about itself once loaded: its ids, links, images, and the font of its Chinese text.
_INSPECT = """(family) => {
  const cjk = /[\\u3400-\\u9fff\\uf900-\\ufaff]/;
  const owners = new Set();
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (cjk.test(n.data) && n.parentElement) owners.add(n.parentElement);
  }
  const cjkElements = [...owners].map((e, i) => {
    e.setAttribute("data-browser-test-cjk", String(i));
    return {i, tag: e.tagName.toLowerCase(), text: e.textContent.trim().slice(0, 40),
            font: getComputedStyle(e).fontFamily};
  });
  return {
    lang: document.documentElement.lang,
    ids: [...document.querySelectorAll("[id]")].map(e => e.id)
         .concat([...document.querySelectorAll("a[name]")].map(e => e.getAttribute("name"))),
    links: [...document.querySelectorAll("a[href]")].map(a => ({href: a.getAttribute("href"), url: a.href})),
    images: [...document.querySelectorAll("img")].map(img => ({
      src: (img.getAttribute("src") || "").slice(0, 60), complete: img.complete,
      width: img.naturalWidth, height: img.naturalHeight, alt: img.getAttribute("alt")})),
    faces: [...document.fonts].map(f => ({family: f.family.replace(/^["']|["']$/g, ""), status: f.status})),
    fontCheck: document.fonts.check(`16px "${family}"`, "知识产权"),
    cjkElements,
  };
}"""


@dataclass
class Visit:
    """One page as the browser saw it."""

    path: Path
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    info: dict = field(default_factory=dict)
    rendered_fonts: dict = field(default_factory=dict)  # CJK element tag → fonts Chromium drew it with


def _external(url: str) -> bool:
    return urlsplit(url).scheme not in ("file", "data", "blob", "about", "")


def chromium_executable() -> str:
    """The browser: ``$IPANALYSIS_CHROMIUM``, else ``chromium`` / ``chromium-browser`` on PATH; a failure
    (never a skip) saying how to install it."""
    wanted = os.environ.get("IPANALYSIS_CHROMIUM")
    if wanted:
        found = shutil.which(wanted)
        if not found:
            pytest.fail(f"IPANALYSIS_CHROMIUM={wanted!r} is not an executable; {INSTALL}", pytrace=False)
        return found
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail(f"no chromium on PATH; {INSTALL}", pytrace=False)
    return found


@pytest.fixture(scope="session")
def browser():
    executable = chromium_executable()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser tests need the `playwright` package: pip install -e '.[test]'", pytrace=False)
    args = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium's sandbox refuses to run as root
    with sync_playwright() as pw:
        try:
            chromium = pw.chromium.launch(executable_path=executable, headless=True, args=args)
        except Exception as exc:
            pytest.fail(f"{executable} did not start under Playwright: {exc}\n{INSTALL}", pytrace=False)
        yield chromium
        chromium.close()


def visit(browser, path: Path) -> Visit:
    """Open ``path`` over file://, wait for its fonts, and record what happened."""
    seen = Visit(path)
    context = browser.new_context()
    context.route(lambda url: _external(url), lambda route: route.abort())
    page = context.new_page()
    page.on("console", lambda m: seen.console_errors.append(f"{m.text} [{m.location.get('url')}]")
            if m.type == "error" and not _external(m.location.get("url") or "") else None)
    page.on("pageerror", lambda exc: seen.page_errors.append(str(exc)))
    page.on("request", lambda r: seen.external_requests.append(r.url) if _external(r.url) else None)
    page.on("requestfailed", lambda r: seen.failed_requests.append(f"{r.url}: {r.failure}")
            if not _external(r.url) else None)
    try:
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=60_000)
        page.evaluate("document.fonts.ready.then(() => true)")
        seen.info = page.evaluate(_INSPECT, FAMILY)
        seen.rendered_fonts = _rendered_fonts(page, seen.info["cjkElements"])
    finally:
        context.close()
    return seen


def _rendered_fonts(page, elements: list[dict]) -> dict[str, list[dict]]:
    """The fonts Chromium actually drew the first Chinese element of each tag with (DevTools' "Rendered
    Fonts"): proof that the glyphs come from the web font, not from a system font."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    fonts: dict[str, list[dict]] = {}
    for e in elements:
        if e["tag"] in fonts:
            continue
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f'[data-browser-test-cjk="{e["i"]}"]'})
        fonts[e["tag"]] = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    cdp.detach()
    return fonts


# ---- the checks: each returns the problems it found (an empty list is a pass) ----------------------------

def load_problems(v: Visit) -> list[str]:
    return ([f"{v.path.name}: console error: {m}" for m in v.console_errors]
            + [f"{v.path.name}: script error: {m}" for m in v.page_errors]
            + [f"{v.path.name}: failed request: {m}" for m in v.failed_requests])


def external_problems(v: Visit) -> list[str]:
    return [f"{v.path.name}: requests {url}" for url in v.external_requests]


def font_problems(v: Visit) -> list[str]:
    elements = v.info["cjkElements"]
    if not elements:
        return []
    name = v.path.name
    problems = [] if any(f["family"] == FAMILY and f["status"] == "loaded" for f in v.info["faces"]) else [
        f"{name}: web font {FAMILY!r} not loaded (document.fonts: {v.info['faces']})"]
    if not v.info["fontCheck"]:
        problems.append(f"{name}: document.fonts.check() says {FAMILY!r} cannot draw Chinese")
    problems += [f"{name}: <{e['tag']}> {e['text']!r} has font-family {e['font']}" for e in elements
                 if FAMILY not in e["font"]]
    for tag, fonts in v.rendered_fonts.items():
        if not any(f["isCustomFont"] and f["glyphCount"] > 0 for f in fonts):
            problems.append(f"{name}: Chinese in <{tag}> drawn with {fonts}, not the web font")
    return problems


def link_problems(v: Visit, site: Path, visits: dict[Path, Visit]) -> list[str]:
    """Every internal link names an existing file inside the site, and its #fragment an element there."""
    problems = []
    for link in v.info["links"]:
        parts = urlsplit(link["url"])
        if parts.scheme in ("http", "https", "mailto"):
            continue
        where = f"{v.path.name}: link {link['href']!r}"
        if parts.scheme != "file":
            problems.append(f"{where}: scheme {parts.scheme!r} (only http(s), mailto and site files)")
            continue
        target = Path(unquote(parts.path))
        if not target.is_file():
            problems.append(f"{where}: no file {target.name}")
        elif site.resolve() not in target.resolve().parents:
            problems.append(f"{where}: outside the site")
        elif parts.fragment and target.suffix == ".html":
            ids = set(visits[target.resolve()].info["ids"]) if target.resolve() in visits else None
            # as a browser does: the fragment as written, then percent-decoded
            if ids is not None and parts.fragment not in ids and unquote(parts.fragment) not in ids:
                problems.append(f"{where}: no element with id {unquote(parts.fragment)!r} in {target.name}")
    return problems


def image_problems(v: Visit) -> list[str]:
    problems = []
    for img in v.info["images"]:
        where = f"{v.path.name}: image {img['src']!r}…"
        problems += [f"{where}: no size (did not load)"] if not (img["width"] and img["height"]) else []
        problems += [f"{where}: no alt attribute"] if img["alt"] is None else []
    return problems


def alt_text_problems(v: Visit) -> list[str]:
    return [f"{v.path.name}: image {img['src']!r}… alt {img['alt']!r}" for img in v.info["images"]
            if not (img["alt"] or "").strip() or img["alt"] == NBCONVERT_PLACEHOLDER_ALT]


# ---- the site ------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per run: under xdist the workers share one folder, the first builds it under a
    lock and the others find it up to date (the xdist_group mark alone does not hold with pytest 9.2 and
    pytest-xdist 3.8, pytest-dev/pytest-xdist#1386)."""
    import fcntl

    from ipanalysis import report

    shared = tmp_path_factory.getbasetemp()
    shared = shared.parent if os.environ.get("PYTEST_XDIST_WORKER") else shared
    out = shared / "browser-site"
    with open(shared / "browser-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = report.build(out=out, progress=False)
    failed = result[~result["status"].isin(["ok", "skipped"])]  # skipped: up to date, built by another worker
    assert failed.empty, failed[["name", "cell", "error"]].to_string()
    return out


def visit_site(browser, site: Path) -> dict[Path, Visit]:
    """Every ``*.html`` under ``site`` (any depth: ``zh/`` …) and every page the index links to, opened once."""
    index = visit(browser, site / "index.html")
    pages = {p.resolve() for p in site.rglob("*.html")}
    for link in index.info["links"]:
        parts = urlsplit(link["url"])
        if parts.scheme == "file" and parts.path.endswith(".html") and Path(unquote(parts.path)).is_file():
            pages.add(Path(unquote(parts.path)).resolve())
    seen = {index.path.resolve(): index}
    for page in sorted(pages - set(seen)):
        seen[page] = visit(browser, page)
    return seen


@pytest.fixture(scope="session")
def visits(browser, site) -> dict[Path, Visit]:
    return visit_site(browser, site)


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_browser_site_has_the_pages_of_every_notebook(site, visits):
    from ipanalysis import report

    stems = {r.stem for r in report.load_matrix()}
    opened = {p.name for p in visits}
    assert "index.html" in opened and len(opened) >= len(stems) + 1
    assert all(any(n.startswith(stem) for n in opened) for stem in stems), (stems, sorted(opened))


def test_browser_site_has_every_page_in_chinese_too(site, visits):
    """Issue 18 item 5: ``zh/<name>.html`` for every page and ``zh/index.html``, opened in the browser with
    ``lang="zh-CN"``, Chinese chrome, and a language link to the English twin (and back); the checks
    above (console, links, the web font) run over them as over every page."""
    from ipanalysis import report
    from ipanalysis.report.site import PAGES

    zh = {p: v for p, v in visits.items() if p.parent == (site / "zh").resolve()}
    en = {p: v for p, v in visits.items() if p.parent == site.resolve()}
    expected = {f"{r.base}.html" for r in report.load_matrix() if r.lang == "zh"} | {"index.html"} | {f"{n}.html" for n in PAGES}
    assert {p.name for p in zh} == expected and expected <= {p.name for p in en}
    assert {v.info["lang"] for v in zh.values()} == {"zh-CN"} and {v.info["lang"] for v in en.values()} == {"en"}
    for path, v in zh.items():
        twin = (site / path.name).resolve()
        urls = {Path(unquote(urlsplit(link["url"]).path)).resolve() for link in v.info["links"]}
        assert twin in urls, f"{path.name}: no link to its English twin"
        back = {Path(unquote(urlsplit(link["url"]).path)).resolve() for link in en[twin].info["links"]}
        assert path in back, f"{twin.name}: no link to its Chinese twin"
    assert all(v.info["cjkElements"] for v in zh.values())  # (so font_problems checks each of them)
    assert all(any(e["text"].startswith("← 全部报告") for e in v.info["cjkElements"]) for p, v in zh.items()
               if p.name != "index.html")


def test_browser_progress_page_and_its_chinese_twin_are_opened(site, visits):
    """``progress.html`` and ``zh/progress.html`` (issue 18 items 4, 5) are part of the site every check below
    runs on: opened, in their language, each linking the attainment pages and its twin."""
    for rel, lang, twin in (("progress.html", "en", "zh/progress.html"), ("zh/progress.html", "zh-CN", "../progress.html")):
        v = visits.get((site / rel).resolve())
        assert v is not None, (rel, sorted(p.name for p in visits))
        assert v.info["lang"] == lang and not load_problems(v), (rel, v.info["lang"], load_problems(v))
        hrefs = [link["href"] for link in v.info["links"]]
        assert twin in hrefs and sum("attainment-" in h for h in hrefs) >= 50, (rel, hrefs[:20])


def test_browser_pages_load_without_console_errors_or_failed_requests(visits):
    problems = [p for v in visits.values() for p in load_problems(v)]
    assert not problems, _report(problems)


def test_browser_pages_make_no_request_outside_the_site(visits):
    problems = [p for v in visits.values() for p in external_problems(v)]
    assert not problems, _report(problems)


def test_browser_chinese_text_is_drawn_with_the_web_font(visits):
    with_chinese = [v for v in visits.values() if v.info["cjkElements"]]
    assert any(v.path.name == "index.html" for v in with_chinese)
    problems = [p for v in with_chinese for p in font_problems(v)]
    assert not problems, _report(problems)


def test_browser_internal_links_resolve(site, visits):
    assert sum(len(v.info["links"]) for v in visits.values()) > len(visits)
    problems = [p for v in visits.values() for p in link_problems(v, site, visits)]
    assert not problems, _report(problems)


def test_browser_images_have_a_size_and_alt(visits):
    assert sum(len(v.info["images"]) for v in visits.values()) > 0
    problems = [p for v in visits.values() for p in image_problems(v)]
    assert not problems, _report(problems)


def test_browser_images_alt_text_says_what_they_show(visits):
    problems = [p for v in visits.values() for p in alt_text_problems(v)]
    assert not problems, _report(problems)


def test_browser_every_document_page_has_a_chart(visits):
    """Issue 18 item 6: the attainment and trajectories pages of every document have a chart — those with no
    observation (Nanchang, Cangshan, national) or no projectable target the target timeline, at the top."""
    from ipanalysis import doc_ids

    pages = {p.name: v for p, v in visits.items() if p.parent.name != "zh"}
    expected = {f"{kind}-{d}.html" for kind in ("attainment", "trajectories") for d in doc_ids()}
    assert expected <= set(pages), sorted(expected - set(pages))
    bare = sorted(n for n in expected if not pages[n].info["images"])
    assert not bare, bare
    first_alt = {n: pages[n].info["images"][0]["alt"] for n in expected}
    for name in ("attainment-nanchang_2021.html", "trajectories-nanchang_2021.html",
                 "attainment-national_2015.html", "trajectories-cangshan_2013.html", "attainment-guiyang_2022.html"):
        assert first_alt[name].startswith("Timeline: "), (name, first_alt[name])
    assert first_alt["attainment-ordos_2022.html"].startswith("Bar chart: progress of the 3 of 16 targets of Ordos")


# ---- each check can fail: a copy of the site, broken on purpose -----------------------------------------

BROKEN_PNG = "data:image/png;base64,iVBORw0KGgo="  # a PNG signature and nothing else: never decodes
TINY_PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="  # 1 × 1
BREAKAGE = f"""
<a href="no-such-page.html">gone</a> <a href="compare.html#no-such-anchor">anchor</a>
<a href="javascript:alert(1)">script</a> <a href="../outside.html">outside</a>
<img src="missing-chart.png" alt="a chart"> <img src="{BROKEN_PNG}"> <pre>知识产权</pre>
<img src="{TINY_PNG}">
<script>console.error("injected console error")</script> <script>null.boom</script>
<script src="https://cdn.example.org/x.js"></script>
"""


def test_browser_checks_catch_broken_pages(browser, site, tmp_path):
    broken = tmp_path / "site"  # the index, one page and the font: enough to break, quick to open
    shutil.copytree(site / "fonts", broken / "fonts")
    for name in ("index.html", "compare.html"):
        shutil.copy(site / name, broken / name)
    (tmp_path / "outside.html").write_text("<p>not part of the site</p>", encoding="utf-8")
    index = broken / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace("</body>", BREAKAGE + "</body>"), encoding="utf-8")
    (broken / "zh").mkdir()  # a page nobody listed is found and opened: an unlinked image in it is reported
    (broken / "zh" / "new.html").write_text(f"<html><head>{FONT_CSS}</head><body><p>新页面</p>"
                                            "<img src='../gone.png' alt='x'></body></html>", encoding="utf-8")
    seen = visit_site(browser, broken)
    assert (broken / "zh" / "new.html").resolve() in seen
    v = seen[index.resolve()]
    text = "\n".join(load_problems(v))
    for expected in ("console error: injected console error", "script error:", "missing-chart.png: net::ERR_FILE_NOT_FOUND"):
        assert expected in text, text
    assert external_problems(v) == ["index.html: requests https://cdn.example.org/x.js"]
    text = "\n".join(link_problems(v, broken, seen))
    for expected in ("'no-such-page.html': no file", "no element with id 'no-such-anchor' in compare.html",
                     "'javascript:alert(1)': scheme 'javascript'", "'../outside.html': outside the site"):
        assert expected in text, text
    broken_png, tiny_png = f"{BROKEN_PNG!r}…", f"{TINY_PNG[:60]!r}…"
    assert image_problems(v) == ["index.html: image 'missing-chart.png'…: no size (did not load)",
                                 f"index.html: image {broken_png}: no size (did not load)",
                                 f"index.html: image {broken_png}: no alt attribute",
                                 f"index.html: image {tiny_png}: no alt attribute"]
    assert alt_text_problems(v) == [f"index.html: image {broken_png} alt None", f"index.html: image {tiny_png} alt None"]
    assert any("<pre> '知识产权' has font-family" in p for p in font_problems(v)), font_problems(v)
    assert any("gone.png" in p for p in image_problems(seen[(broken / "zh" / "new.html").resolve()]))


def test_browser_checks_catch_a_missing_web_font(browser, site, tmp_path):
    """Without the font file the Chinese text is not drawn with it (and the request for it fails)."""
    shutil.copy(site / "index.html", tmp_path / "index.html")
    v = visit(browser, tmp_path / "index.html")
    problems = "\n".join(font_problems(v))
    assert f"web font {FAMILY!r} not loaded" in problems and "not the web font" in problems, problems
    assert any(FONT_FILE in p for p in load_problems(v)), load_problems(v)
    copied = tmp_path / "bare.html"  # and a page that never links it cannot pass either
    copied.write_text("<html><body><h2>知识产权</h2></body></html>", encoding="utf-8")
    assert font_problems(visit(browser, copied))


def test_browser_missing_chromium_fails_with_how_to_install_it(monkeypatch):
    monkeypatch.setenv("IPANALYSIS_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        chromium_executable()
