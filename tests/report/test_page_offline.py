"""A report page loads nothing from outside the site: the page template drops the lab template's
require.js, MathJax, Mermaid and widget scripts (all from a CDN), and keeps what the page needs (its CSS,
the CJK web font from ``fonts/``, images embedded as data URIs, tables).  The browser test
``test_browser_pages_make_no_request_outside_the_site`` checks the built site; this one checks the
exporter's HTML, with no kernel."""

from __future__ import annotations

import base64
import re

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from ipanalysis.report import page, worker
from ipanalysis.report.fonts import FONT_CSS, FONT_FILE

TINY_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
TAG = re.compile(r"<(script|link|img|iframe|source|embed)\b[^>]*>", re.I)
URL = re.compile(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]+)""", re.I)


def exported_page() -> str:
    from nbconvert import HTMLExporter

    nb = new_notebook(cells=[
        new_markdown_cell("# A heading\n\nSome prose, 知识产权."),
        new_code_cell("chart()", outputs=[
            new_output("display_data", data={"image/png": base64.b64encode(TINY_PNG).decode(), "text/plain": "<chart>"}),
            new_output("display_data", data={"text/html": "<table><tr><th>a</th></tr><tr><td>1</td></tr></table>",
                                             "text/plain": "a\n1"})]),
    ])
    nbformat.validate(nb)
    ctx = {**worker._bare_context("compare"), "built": "2026-01-02T03:04:05+00:00", "font_css": FONT_CSS}
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            embed_images=True, extra_template_basedirs=[str(page.TEMPLATE_DIR)],
                            template_name=page.TEMPLATE_NAME)
    body, _ = exporter.from_notebook_node(nb, resources=page.page_resources(ctx, [], ctx["built"]))
    return body


def test_page_loads_nothing_from_outside_the_site():
    html = exported_page()
    loads = [(m.group(0)[:80], url) for m in TAG.finditer(html) for url in URL.findall(m.group(0))]
    external = [(tag, url) for tag, url in loads if re.match(r"(https?:)?//", url)]
    assert not external, external
    assert "cdnjs" not in html and "mathjax" not in html.lower() and "require.js" not in html
    assert "<script" not in html.lower()  # the pages need no script at all
    # what the page needs is still there: the web font (a file of the site), the image, the table, the CSS
    assert f"url('{FONT_FILE}')" in html
    assert re.search(r'<img [^>]*src="data:image/png;base64,', html)
    assert "<table>" in html and "知识产权" in html
    assert "jp-RenderedHTMLCommon" in html and "--jp-content-font-color1" in html
