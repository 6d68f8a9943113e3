"""Alt text: each chart says in words what it shows, and carries it onto the page.

A chart function computes its alt text from the frame it draws (counts, names, the date) and attaches it
to the figure (:func:`set_alt`).  :func:`show` turns the figure into a :class:`Chart`, which a notebook
displays as a PNG whose output metadata holds the alt text (``{"image/png": {"alt": …}}``) and whose
plain-text form is that same sentence (what nbval compares, and what a text-only reader gets).  The
report's page template (``ipanalysis/report/templates/page/base.html.j2``, ``data_png``) writes it into
``<img alt="…">``; nbconvert's lab template alone would write "No description has been provided for this
image".

>>> import matplotlib.pyplot as plt
>>> fig = plt.figure(); set_alt(fig, "Bar chart: 3 targets")
>>> chart = show(fig)
>>> data, meta = chart._repr_mimebundle_()
>>> data["text/plain"], meta["image/png"]["alt"], data["image/png"][:8]
('Bar chart: 3 targets', 'Bar chart: 3 targets', 'iVBORw0K')
>>> plt.fignum_exists(fig.number)   # closed: the inline backend will not show it a second time
False
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping

import matplotlib.pyplot as plt


__all__ = ["set_alt", "alt_text", "show", "Chart", "count_phrase", "status_phrase", "invented"]

_ATTR = "_ipanalysis_alt"


def set_alt(fig, text: str) -> None:
    """Attach ``text`` to ``fig`` as its alt text."""
    setattr(fig, _ATTR, " ".join(str(text).split()))


def alt_text(fig) -> str | None:
    """The alt text a chart function attached to ``fig`` (None: none).

    >>> import matplotlib.pyplot as plt
    >>> alt_text(plt.figure()) is None
    True
    """
    return getattr(fig, _ATTR, None)


def count_phrase(counts: Mapping[str, int], lang: str = "en") -> str:
    """Status codes and their counts in words, largest first: "3 substantial progress, 1 no data".

    >>> count_phrase({"no_data": 25, "not_assessable": 5})
    '25 no data, 5 not assessable'
    >>> count_phrase({"no_data": 25, "not_assessable": 5}, "zh")
    '数据暂缺25项，无法评估5项'
    """
    from .style import word

    items = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    if lang == "zh":
        return "，".join(f"{word(code, 'zh')}{n}项" for code, n in items)
    return ", ".join(f"{n} {word(code, 'en')}" for code, n in items)


def invented(frame, lang: str = "en") -> tuple[bool, str]:
    """Whether a frame's observations are invented (its ``illustrative`` column), and the clause an alt text
    ends with when they are ("" otherwise).

    >>> import pandas as pd
    >>> invented(pd.DataFrame({"illustrative": [False, True]}))
    (True, '. Observations INVENTED for illustration')
    >>> invented(pd.DataFrame({"illustrative": [True]}), "zh"), invented(pd.DataFrame({"x": [1]}))
    ((True, '。观测值为虚构示例数据'), (False, ''))
    """
    flag = bool(frame["illustrative"].any()) if "illustrative" in frame else False
    if not flag:
        return False, ""
    return True, "。观测值为虚构示例数据" if lang == "zh" else ". Observations INVENTED for illustration"


def status_phrase(att, lang: str = "en") -> str:
    """The verdicts of an attainment frame counted in words; a borderline verdict names its two bands.

    >>> import pandas as pd
    >>> att = pd.DataFrame({"status": ["borderline", "no_data", "no_data"],
    ...                     "status_low": ["moderate_progress", None, None],
    ...                     "status_high": ["substantial_progress", None, None]})
    >>> status_phrase(att)
    '2 no data, 1 borderline: moderate–substantial progress'
    >>> status_phrase(att, "zh")
    '数据暂缺2项，临界：进展一般至进展明显1项'
    """
    from collections import Counter

    from ..vocabulary import status_label

    low = att["status_low"] if "status_low" in att else [None] * len(att)
    high = att["status_high"] if "status_high" in att else [None] * len(att)
    words = Counter(status_label(s, lo, hi, lang) for s, lo, hi in zip(att["status"], low, high))
    items = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))
    if lang == "zh":
        return "，".join(f"{w}{n}项" for w, n in items)
    return ", ".join(f"{n} {w}" for w, n in items)


class Chart:
    """A figure ready for a page: a PNG with its alt text (output metadata) and the alt as plain text."""

    def __init__(self, fig, alt: str | None = None):
        buf = io.BytesIO()
        fig.savefig(buf, format="png", bbox_inches="tight", metadata={"Software": None})
        self.png = buf.getvalue()
        self.alt = alt or alt_text(fig) or ""

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": self.alt}
        return data, {"image/png": {"alt": self.alt}}

    def __repr__(self) -> str:
        return self.alt


def show(fig, alt: str | None = None) -> Chart:
    """The figure as a :class:`Chart` (alt text from the chart function, or ``alt``); the figure is closed,
    so the notebook shows it once, with its alt text.  Display it as a cell's last value or with ``display``."""
    chart = Chart(fig, alt)
    plt.close(fig)
    return chart
