"""Which URLs may become links: ``http``, ``https`` and ``mailto`` only — one rule for the loader
(a data file with any other scheme is refused) and for the pages (anything else is shown as text).

A value "has a scheme" when it starts with ``name:`` as a browser would read it (whitespace and
control characters inside the name are ignored by browsers, so ``java\\tscript:`` counts).

>>> is_link("https://www.ordos.gov.cn/a?b=1&c=2"), is_link("mailto:info@example.org")
(True, True)
>>> is_link("javascript:alert(1)"), is_link("JaVa\\tScript:alert(1)"), is_link("www.example.org")
(False, False, False)
>>> url_problem("javascript:alert(1)")
"'javascript:alert(1)' has the scheme 'javascript'; only http, https and mailto URLs are allowed"
>>> url_problem("none (invented for demonstration)") is None, url_problem("https://x.cn/") is None
(True, True)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["SAFE_SCHEMES", "URL_COLUMNS", "scheme", "is_link", "is_web_url", "url_problem"]

SAFE_SCHEMES = ("http", "https", "mailto")
#: Columns of the data tables that hold a URL (checked by the loaders).
URL_COLUMNS = ("source_url",)
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_LINK = re.compile(r"(?:https?://[^\s/?#<>\"'`]+[^\s<>\"'`]*|mailto:[^\s@<>\"'`/]+@[^\s@<>\"'`/]+)", re.IGNORECASE)


def scheme(value: str) -> str | None:
    """The URL scheme a browser would read at the start of ``value`` (lower case), or None.

    >>> scheme(" HTTPS://x.cn"), scheme("vb script:x"), scheme("2024-01-01"), scheme("see note")
    ('https', 'vbscript', None, None)
    """
    m = _SCHEME.match(_IGNORED.sub("", str(value)))
    return m.group(1).lower() if m else None


def is_link(value: str) -> bool:
    """True when ``value`` is, as a whole, an http(s) URL with a host or a mailto address: safe as an ``href``."""
    return bool(_LINK.fullmatch(str(value))) and scheme(value) in SAFE_SCHEMES


def is_web_url(url: str) -> bool:
    """An ``http``/``https`` address with a host, nothing around it: what a real observation must cite
    (never ``javascript:``, ``file:``, ``mailto:`` or a bare path).

    >>> is_web_url("https://www.gov.cn/a.html"), is_web_url("javascript:alert(1)"), is_web_url("https://")
    (True, False, False)
    """
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and url == url.strip()


def url_problem(value: str) -> str | None:
    """Why ``value`` may not stand in a URL column (a scheme other than http, https, mailto), or None."""
    s = scheme(value)
    if s is None or s in SAFE_SCHEMES:
        return None
    return f"{str(value)!r} has the scheme {s!r}; only {', '.join(SAFE_SCHEMES[:-1])} and {SAFE_SCHEMES[-1]} " \
           "URLs are allowed"
