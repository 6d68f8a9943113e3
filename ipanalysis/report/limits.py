"""The per-report time limit (``ipanalysis report --timeout``): a deadline over a notebook's cells.

nbclient asks ``timeout_func(cell)`` for each cell's time limit as the cell starts; :class:`Deadline`
answers with what is left of the report's limit, so the limit covers the whole notebook, and a cell
that overruns it is stopped by nbclient (``CellTimeoutError``), its kernel shut down, the report failed
("timed out after N s in cell K") while the other reports run on.

>>> parse_timeout("90"), parse_timeout("0"), parse_timeout("none"), parse_timeout(None) == DEFAULT_TIMEOUT
(90.0, None, None, True)
>>> parse_timeout("soon")
Traceback (most recent call last):
...
ipanalysis.errors.ReportConfigError: bad --timeout 'soon': give seconds per report (a number > 0), or 0 or none for no limit
"""

from __future__ import annotations

import math
import time
from typing import Any

from ..errors import ReportConfigError

__all__ = ["DEFAULT_TIMEOUT", "parse_timeout", "Deadline"]

#: Seconds a report's notebook may run (the real reports take under a minute each on two cores).
DEFAULT_TIMEOUT = 600.0

_NONE = ("0", "none", "off")


def parse_timeout(value: str | float | int | None) -> float | None:
    """Seconds per report from ``--timeout`` (``None``: the default); ``None`` for no limit
    (``0``, ``none``, ``off``).  Anything else is a :class:`~ipanalysis.errors.ReportConfigError`."""
    if value is None:
        return DEFAULT_TIMEOUT
    text = str(value).strip().lower()
    if text in _NONE:
        return None
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (seconds > 0 and math.isfinite(seconds)):  # also catches 0.0, negatives, nan, inf
        if seconds == 0:
            return None
        raise ReportConfigError(f"bad --timeout {value!r}: give seconds per report (a number > 0), "
                                f"or {' or '.join(_NONE[:2])} for no limit")
    return seconds


class Deadline:
    """nbclient's ``timeout_func`` for one report: each cell gets the time left of ``seconds``
    (counted from the first cell), and the last cell started is remembered (``cell_id``).

    >>> d = Deadline(5)
    >>> 4.9 < d({"id": "c1"}) <= 5, d.cell_id
    (True, 'c1')
    """

    def __init__(self, seconds: float):
        self.seconds = float(seconds)
        self.end: float | None = None
        self.cell_id: str | None = None

    def __call__(self, cell: Any) -> float:
        now = time.monotonic()
        if self.end is None:
            self.end = now + self.seconds
        self.cell_id = cell.get("id")
        return max(self.end - now, 0.001)  # nbclient reads 0 as "no limit"
