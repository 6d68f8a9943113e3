"""A page in one language: the notebook's markdown cells tagged for another language are dropped before
export (a cell written for one language carries the tag ``lang-en`` or ``lang-zh``; an untagged cell
shows in every language; code cells are shared, and take the notebook's ``lang`` parameter).

The executed notebook is filtered, not the exported HTML: the page's tables take their titles from
the headings that remain (:mod:`.sidecar`), and the template sees only the page's cells.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"),
...     nbformat.v4.new_markdown_cell("# 标题", metadata={"tags": ["lang-zh"]}),
...     nbformat.v4.new_markdown_cell("# Title (en)", metadata={"tags": ["lang-en"]}),
...     nbformat.v4.new_code_cell("x = 1")])
>>> [c.source for c in for_language(nb, "zh").cells]
['# Title', '# 标题', 'x = 1']
>>> [c.source for c in for_language(nb, "en").cells]
['# Title', '# Title (en)', 'x = 1']
>>> len(nb.cells)  # the executed notebook itself is kept whole
4
"""

from __future__ import annotations

import copy

from ..present.vocabulary import LANGS

__all__ = ["for_language", "lang_tag"]


def lang_tag(lang: str) -> str:
    """The cell tag of a markdown cell written for ``lang``.

    >>> lang_tag("zh")
    'lang-zh'
    """
    return f"lang-{lang}"


def for_language(nb, lang: str):
    """A copy of the notebook ``nb`` without the markdown cells tagged for a language other than
    ``lang`` (a :class:`~ipanalysis.errors.ParameterError` names the valid languages)."""
    from ..errors import ParameterError

    if lang not in LANGS:
        raise ParameterError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    others = {lang_tag(o) for o in LANGS if o != lang}

    def shown(cell) -> bool:
        tags = (cell.get("metadata") or {}).get("tags") or []
        return cell.get("cell_type") != "markdown" or not others.intersection(tags)

    out = copy.copy(nb)
    out["cells"] = [c for c in nb["cells"] if shown(c)]
    return out
