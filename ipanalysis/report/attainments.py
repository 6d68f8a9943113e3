"""The attainment frames of one build: one per document and card parameters, computed once and shown by
the landing cards (:mod:`.index`), the progress grid (:mod:`.progress`) and the data-wanted page
(:mod:`.wantedpage`), so that they agree with each other and with the card report's attainment page.

A card's parameters are those of :data:`CARD_PARAMETERS` (``observations``, ``as_of``) of the report that
feeds it (:func:`~ipanalysis.report.index.card_parameters`); the others are ignored.  :class:`Attainments`
keeps each frame, computed by whichever thread asks first (the landing page's and the site pages'
threads share one), and an error as it was raised.

>>> frames = Attainments()
>>> a = frames.frame("ordos_2022", {"as_of": "2023", "lang": "zh"})
>>> a is frames.frame("ordos_2022", {"as_of": "2023"}), str(a.set_index("target_id").loc["OR-06", "status"])
(True, 'no_data')
>>> frames.computed
1
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas only when a frame is computed: the up-to-date build path stays light
    import pandas as pd

__all__ = ["Attainments", "card_attainment", "CARD_PARAMETERS"]

#: The parameters a card's numbers depend on (besides ``doc_id``).
CARD_PARAMETERS = ("observations", "as_of")


def card_attainment(doc_id: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """:func:`ipanalysis.attainment` of one document with a card's parameters (the one call of it for the
    landing cards and the site pages).

    >>> a = card_attainment("ordos_2022", {"as_of": "2023", "doc_id": "x"})
    >>> sorted(set(a["doc_id"])), str(a["as_of"].iloc[0])
    (['ordos_2022'], '2023-04-30')
    """
    import ipanalysis as ip

    return ip.attainment(doc_id=doc_id, **{k: v for k, v in (params or {}).items() if k in CARD_PARAMETERS})


class Attainments:
    """Attainment frames by document and card parameters, each computed once (thread-safe); ``computed``
    counts the computations."""

    def __init__(self) -> None:
        self._frames: dict[tuple[str, str], pd.DataFrame | Exception] = {}
        self._lock = threading.Lock()
        self.computed = 0

    def frame(self, doc_id: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
        """The frame of ``doc_id`` with the card parameters ``params`` (the error, raised again, when it
        could not be computed).  The frame is shared: read it, do not change it."""
        used = {k: v for k, v in (params or {}).items() if k in CARD_PARAMETERS}
        key = (doc_id, json.dumps(used, sort_keys=True, default=str))
        with self._lock:
            if key not in self._frames:
                self.computed += 1
                try:
                    self._frames[key] = card_attainment(doc_id, used)
                except Exception as exc:  # kept: every page that shows this document says the same
                    self._frames[key] = exc
            got = self._frames[key]
        if isinstance(got, Exception):
            raise got
        return got

    def frames(self, parameters: Mapping[str, Mapping[str, Any]], doc_ids: Iterable[str]) -> dict[str, pd.DataFrame]:
        """doc_id → its frame, for ``doc_ids`` (in their order); ``parameters``: doc_id → its card's."""
        return {d: self.frame(d, parameters.get(d)) for d in doc_ids}
