"""Findings written from frames: the conclusions of a parameterised page, as Markdown, in English or Chinese.

A notebook published for several documents and in two languages must not carry hand-typed numbers or
place names in its prose.  Each function takes the frames the page shows (and ``lang``) and returns the
sentences, numbers included, so the text changes with the data and nbval sees it.  English and Chinese
are written from the same frame and say the same things with the same figures; the Chinese is written
as a policy researcher writes an evaluation (序时进度、年均增长、累计、基期值、目标值), not translated.

One module per page: :mod:`.trajectory`, :mod:`.attainment`, :mod:`.compare`, :mod:`.audit`; what they
share (place, document header, numbers and dates) in :mod:`.common`; the short notes of code cells in :mod:`.notes`.

>>> import ipanalysis as ip
>>> md = trajectory_findings(ip.trajectories("ordos_2022"), ip.historical_growth("ordos_2022"), "ordos_2022")
>>> md.splitlines()[0].startswith("**What it shows.** Ordos")
True
"""

from .attainment import attainment_findings, disagreement
from .audit import audit_findings
from .common import ILLUSTRATIVE_NOTICE, doc_header, place_of
from .compare import compare_findings, compare_summary
from .notes import caption, history_note
from .trajectory import trajectory_findings

__all__ = ["trajectory_findings", "attainment_findings", "compare_findings", "compare_summary", "audit_findings",
           "place_of", "doc_header", "disagreement", "ILLUSTRATIVE_NOTICE", "history_note", "caption"]
