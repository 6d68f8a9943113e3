"""What was already searched: the logs in ``data/search_logs/``, read per document.

Each log is Markdown.  A section starts at a heading that begins ``# Search log`` or ``## Search log``
and runs to the next such heading; the document ids its heading names say which documents it searched
for (``# Search log — pass 2 (guiyang_2022 & nanchang_2021, …)``), and ``pass N`` in the heading names
the pass.  The per-city logs (``guiyang.md`` …) carry no pass number: they are the first pass, which
``pass2.md`` says it does not repeat.  Sections whose heading names no document (the population log,
the re-read of found rows) are not searches for a document's missing figures and are left out.

>>> [(s.pass_name, s.file) for s in searches("guiyang_2022")]
[('pass 1', 'guiyang.md'), ('pass 2', 'pass2.md'), ('pass 3', 'pass3.md')]
>>> [s.pass_name for s in searches("guiyang_2022") if s.mentions(["GY-02"])]
['pass 1', 'pass 3']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .sources import data_dir, doc_ids

__all__ = ["LogSection", "searches"]

_HEADING = re.compile(r"^#{1,2} Search log\b.*$", re.MULTILINE)
_PASS = re.compile(r"\bpass (\d+)\b", re.IGNORECASE)


@dataclass(frozen=True)
class LogSection:
    """One searcher's log for one or more documents: which file, which pass, the text."""

    file: str
    pass_name: str
    doc_ids: tuple[str, ...]
    text: str

    def mentions(self, terms: Iterable[str]) -> bool:
        """Whether any of ``terms`` (a target id, an indicator's Chinese name) occurs in the section.

        >>> LogSection("x.md", "pass 1", ("guiyang_2022",), "| 1 | pages | 贵阳 高价值发明专利 |").mentions(["高价值发明专利"])
        True
        """
        return any(t and t in self.text for t in terms)


def _sections(name: str, text: str, ids: tuple[str, ...]) -> list[LogSection]:
    heads = list(_HEADING.finditer(text))
    out = []
    for n, h in enumerate(heads):
        body = text[h.start(): heads[n + 1].start() if n + 1 < len(heads) else len(text)]
        named = tuple(d for d in ids if d in h.group(0))
        if named:
            m = _PASS.search(h.group(0))
            out.append(LogSection(name, f"pass {m.group(1)}" if m else "pass 1", named, body))
    return out


@lru_cache(maxsize=4)
def _all(directory: str, stamp: tuple) -> tuple[LogSection, ...]:
    ids = tuple(doc_ids())
    out = []
    for path in sorted(data_dir().joinpath("search_logs").glob("*.md")):
        out += _sections(path.name, path.read_text(encoding="utf-8"), ids)
    return tuple(sorted(out, key=lambda s: (s.pass_name, s.file)))


def searches(doc_id: str) -> list[LogSection]:
    """The log sections that searched for ``doc_id``'s figures, by pass (an unknown id has none).

    >>> [s.file for s in searches("cangshan_2013")]
    ['cangshan.md']
    """
    folder = data_dir() / "search_logs"
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.md")))
    return [s for s in _all(str(folder), stamp) if doc_id in s.doc_ids]
