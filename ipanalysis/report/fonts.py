"""Chinese text in the HTML pages on any machine: a subset of the packaged Noto Sans CJK SC.

A reader's browser may have no CJK font (a fresh Linux machine shows boxes).  Every page links
``fonts/ipanalysis-cjk-sc.otf``, a subset of the face the charts use (the ``noto-cjk-sans-otc``
wheel, SIL OFL 1.1) holding every character of the data, notebooks and library text, made once and
remade only when that character set changes (its digest sits beside it).  No network at run time.

>>> "@font-face" in FONT_CSS and FONT_FILE in FONT_CSS
True
>>> "url('../fonts/" in font_css("../")  # a page in zh/ shares the one font
True
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from .. import paths
from ..io import atomic_write

__all__ = ["FONT_CSS", "FONT_FILE", "font_css", "ensure_font", "used_characters"]

FONT_FILE = "fonts/ipanalysis-cjk-sc.otf"
FAMILY = "ipanalysis Noto Sans CJK SC"
# No <link rel=preload crossorigin>: a page opened from disk (file://) gets it refused by CORS, a console error.


def font_css(prefix: str = "") -> str:
    """The ``<style>`` that loads the font, for a page ``prefix`` away from the site's root (``"../"`` in ``zh/``)."""
    return (f"<style>@font-face{{font-family:'{FAMILY}';src:url('{prefix}{FONT_FILE}') format('opentype');"
            f"font-display:block;unicode-range:U+0080-FFFF;}}"
            f"body,table,td,th,p,li,h1,h2,h3,em,strong{{font-family:'{FAMILY}',system-ui,-apple-system,'Segoe UI',"
            f"sans-serif;}}</style>")


FONT_CSS = font_css()
_SC_FACE = "Noto Sans CJK SC"


def used_characters(root: Path) -> set[str]:
    """Every non-ASCII character in the texts the pages are made from (data, notebooks, library)."""
    files = [*root.glob("data/**/*.csv"), *root.glob("data/raw/*.txt"), *paths.notebook_dir().glob("*.py"),
             *paths.PACKAGE_DIR.rglob("*.py"), *Path(__file__).parent.glob("templates/**/*.j2")]
    chars: set[str] = set()
    for f in files:
        chars |= {c for c in f.read_text(encoding="utf-8") if ord(c) > 127}
    return chars | set(" 0123456789.,:;%()-+/")


def ensure_font(out: Path, root: Path) -> Path:
    """Write ``out/fonts/ipanalysis-cjk-sc.otf`` unless it already holds the current character set."""
    chars = "".join(sorted(used_characters(root)))
    digest = hashlib.sha256(chars.encode("utf-8")).hexdigest()
    path, stamp = out / FONT_FILE, out / (FONT_FILE + ".sha256")
    if path.is_file() and stamp.is_file() and stamp.read_text().strip() == digest:
        return path
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont
    import noto_cjk_sans_otc

    source = str(noto_cjk_sans_otc.FONT_PATH)
    faces = [f["name"].getDebugName(1) for f in TTCollection(source).fonts]
    font = TTFont(source, fontNumber=faces.index(_SC_FACE))
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    font.save(buffer)
    atomic_write(path, buffer.getvalue())
    atomic_write(stamp, digest + "\n")
    return path
