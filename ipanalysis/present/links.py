"""Text from data files as HTML: escaped, with every http(s) or mailto URL made a link — the one
home of "URL → link" (tables call :func:`cell_html`, prose :func:`markdown_text`).

Only :func:`ipanalysis.data.urls.is_link` URLs become ``<a href>``; anything else, a ``javascript:``
URL included, stays escaped text.

>>> cell_html("see https://x.cn/a?b=1&c=2.")
'see <a href="https://x.cn/a?b=1&amp;c=2" rel="noopener">https://x.cn/a?b=1&amp;c=2</a>.'
>>> cell_html("<script>alert(1)</script> javascript:alert(1)")
'&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)'
"""

from __future__ import annotations

import html
import re

import pandas as pd

from ..data.urls import is_link

__all__ = ["cell_html", "html_frame", "markdown_text", "URL_IN_TEXT"]

#: A URL inside running text: stops at whitespace, quotes, angle brackets and CJK punctuation; a
#: trailing full stop, comma, colon, semicolon or unmatched closing bracket is not part of it.
URL_IN_TEXT = re.compile(r"(?:https?://|mailto:)[^\s<>\"'`，。；：、）】」》]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}"
#: A date, id or code word joined by - or _ (2024-01-01, OR-01, ordos_2022, OR-history-patent_grants_annual).
_IDENTIFIER = re.compile(r"(?<![\w&;#-])[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+(?![\w-])")
_SHORT = 16


def _identifier(m: re.Match) -> str:
    """A short identifier stays on one line (``.ipa-nobr``, styled by the page template); a long one may
    wrap only where its words join (after - as browsers do, and after _ through ``<wbr>``), never inside a word.

    >>> _identifier(_IDENTIFIER.search("OR-01")), _identifier(_IDENTIFIER.search("CS-magnitude-trademark_applications"))
    ('<span class="ipa-nobr">OR-01</span>', 'CS-magnitude-trademark_<wbr>applications')
    """
    token = m.group(0)
    return f'<span class="ipa-nobr">{token}</span>' if len(token) <= _SHORT else token.replace("_", "_<wbr>")


def _split(text: str):
    """``text`` as (piece, is_url) pairs."""
    pos = 0
    for m in URL_IN_TEXT.finditer(text):
        url = m.group(0)
        while url and url[-1] in _TRAILING and not (url[-1] == ")" and url.count("(") >= url.count(")")):
            url = url[:-1]
        if not is_link(url):
            continue
        yield text[pos:m.start()], False
        yield url, True
        pos = m.start() + len(url)
    yield text[pos:], False


def cell_html(value: object) -> str:
    """One table cell: escaped text (``&``, ``<``, ``>``, as pandas' ``to_html`` escapes), its URLs as links.

    >>> cell_html("2024-01-01 OR-01"), cell_html("a - b")
    ('<span class="ipa-nobr">2024-01-01</span> <span class="ipa-nobr">OR-01</span>', 'a - b')
    >>> cell_html("mailto:a@b.org"), cell_html("data:text/html,x"), cell_html(3)
    ('<a href="mailto:a@b.org" rel="noopener">mailto:a@b.org</a>', 'data:text/html,x', '3')
    """
    text = str(value)
    out = []
    for piece, url in _split(text):
        if url:
            out.append(f'<a href="{html.escape(piece, quote=True)}" rel="noopener">{html.escape(piece, quote=False)}</a>')
        else:
            out.append(_IDENTIFIER.sub(_identifier, html.escape(piece, quote=False)))
    return "".join(out)


def html_frame(df: pd.DataFrame, na_rep: str) -> pd.DataFrame:
    """``df`` ready for ``to_html(escape=False)``: headers and text cells escaped, URLs linked, missing
    cells ``na_rep``, other cells as they are (so a frame without URLs renders as with ``escape=True``).

    >>> html_frame(pd.DataFrame({"<u>": ["https://x.cn", None], "n": [1.5, 2.0]}), "—").iloc[:, 0].tolist()
    ['<a href="https://x.cn" rel="noopener">https://x.cn</a>', '—']
    """
    out = df.copy()
    out.columns = [html.escape(str(c), quote=False) for c in df.columns]
    for i, col in enumerate(df.columns):
        s = df.iloc[:, i]
        if pd.api.types.is_object_dtype(s) or pd.api.types.is_string_dtype(s):
            out.iloc[:, i] = [na_rep if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                              else cell_html(v) for v in s]
    return out


def markdown_text(text: str) -> str:
    """Markdown with data text in it, made safe: ``&``, ``<``, ``>`` escaped (raw HTML never passes
    through), URLs written as autolinks ``<url>`` so they render as links whatever the renderer.

    >>> markdown_text("**A** <b>x</b> from https://x.cn/a.")
    '**A** &lt;b&gt;x&lt;/b&gt; from <https://x.cn/a>.'
    """
    return "".join(f"<{piece}>" if url else html.escape(piece, quote=False) for piece, url in _split(str(text)))
