"""Parameter values, parsed and checked once: one :class:`~ipanalysis.errors.ParameterError` (or
:class:`~ipanalysis.errors.UnknownDocumentError`) naming the bad value and the valid ones.

A low module (beneath :mod:`ipanalysis.analysis`, which uses :func:`parse_as_of` and :func:`check_method`).

The one definition of a valid ``doc_id``, ``as_of``, ``method``, ``lang``, ``min_docs`` and data-file parameter, used by the
first cell after each notebook's ``parameters`` cell (so ``papermill X.ipynb OUT -p doc_id atlantis``
fails at once, clearly, from any working directory) and by ``ipanalysis report`` before any kernel
starts.

>>> check_parameters(doc_id="ordos_2022", as_of=2023)
{'doc_id': 'ordos_2022', 'as_of': '2023'}
>>> check_parameters(doc_id="atlantis")
Traceback (most recent call last):
...
ipanalysis.errors.UnknownDocumentError: unknown doc_id 'atlantis'; valid: cangshan_2013, guiyang_2022, nanchang_2021, national_2015, ordos_2022
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_parameters", "parse_as_of", "check_method", "check_lang", "METHODS", "LANGS", "ParameterError",
           "PATH_PARAMETERS"]

#: Parameters naming a data file: absolute, relative to the working directory, else to the repository root.
PATH_PARAMETERS = frozenset({"observations"})


#: How a plan path runs from baseline to target: compound (a constant rate) or linear (a constant increase).
METHODS = ("compound", "linear")


def check_method(method: str) -> str:
    """Return ``method`` if it is a path method, else a :class:`ParameterError` naming it and the valid ones.

    >>> check_method("linear")
    'linear'
    >>> check_method("quadratic")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ParameterError: unknown method 'quadratic'; valid: compound, linear
    """
    if method not in METHODS:
        raise ParameterError(f"unknown method {method!r}; valid: {', '.join(METHODS)}")
    return method


#: The languages of a page: English and Chinese (:mod:`ipanalysis.present.vocabulary` holds their words).
LANGS = ("en", "zh")


def check_lang(lang: Any) -> str:
    """Return ``lang`` if it is a page language, else a :class:`ParameterError` naming it and the valid ones.

    >>> check_lang("zh")
    'zh'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ParameterError: unknown lang 'fr'; valid: en, zh
    """
    if not isinstance(lang, str) or lang not in LANGS:
        raise ParameterError(f"unknown lang {lang!r}; valid: {', '.join(LANGS)}")
    return lang


def parse_as_of(as_of: Any) -> "pd.Timestamp | None":
    """``as_of`` as a date: a year means its 31 December; ``"2023-03-31"`` means that day.

    >>> parse_as_of("2024").date(), parse_as_of(2023).date(), parse_as_of("2023-03-31").date()
    (datetime.date(2024, 12, 31), datetime.date(2023, 12, 31), datetime.date(2023, 3, 31))
    >>> parse_as_of("last year")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ParameterError: as_of must be a year or an ISO date (YYYY or YYYY-MM-DD), got 'last year'
    """
    import numpy as np  # heavy: only when a date is parsed (``import ipanalysis`` stays light)
    import pandas as pd

    if as_of is None or (isinstance(as_of, float) and math.isnan(as_of)):
        return None
    if isinstance(as_of, pd.Timestamp):
        return as_of
    if isinstance(as_of, (int, np.integer)) and 1900 <= int(as_of) <= 2100:
        return pd.Timestamp(int(as_of), 12, 31)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})-(\d{2}))?", str(as_of).strip())
    if not m:
        raise ParameterError(f"as_of must be a year or an ISO date (YYYY or YYYY-MM-DD), got {as_of!r}")
    if not m.group(2):
        return pd.Timestamp(int(m.group(1)), 12, 31)
    try:
        return pd.Timestamp(str(as_of).strip())
    except ValueError:
        raise ParameterError(f"as_of must be a year or an ISO date (YYYY or YYYY-MM-DD), got {as_of!r}") from None


def _check_as_of(value: Any) -> str:
    text = str(value)
    try:
        parse_as_of(text)
    except ParameterError:
        raise ParameterError(f"as_of={text!r} is not a year or a date; expected YYYY or YYYY-MM-DD "
                             "(e.g. 2023 or 2023-12-31)") from None
    return text


def _check_path(key: str, value: Any, base: Path | None) -> str:
    from .data.sources import resolve_path

    p = Path(str(value)).expanduser()
    try:
        if base is not None and not p.is_absolute():
            p = base / p
            if not p.is_file():
                raise FileNotFoundError(p)
            return str(p.resolve())
        return str(resolve_path(p))
    except FileNotFoundError:
        from .paths import data_root

        where = p if p.is_absolute() else f"{str(value)!r} (looked in {Path.cwd()} and {data_root()})"
        raise ParameterError(f"{key} file not found: {where}; give an existing CSV such as "
                             "data/observations.csv or data/examples/illustrative_observations.csv") from None


def check_parameters(*, base: str | Path | None = None, **params: Any) -> dict[str, Any]:
    """Check notebook parameters; return them normalised (``as_of`` a string, data paths absolute).

    ``base`` is the folder relative data paths are read from (default: the working directory, else
    the repository root, see :func:`ipanalysis.resolve_path`).  ``None`` values and unknown
    names pass through unchanged.

    >>> check_parameters(as_of="2023/12")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ParameterError: as_of='2023/12' is not a year or a date; expected YYYY or YYYY-MM-DD (e.g. 2023 or 2023-12-31)
    >>> Path(check_parameters(observations="data/observations.csv")["observations"]).is_absolute()
    True
    >>> check_parameters(method="cubic")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ParameterError: unknown method 'cubic'; valid: compound, linear
    >>> check_parameters(lang="zh"), check_parameters(lang=None)
    ({'lang': 'zh'}, {'lang': None})
    """
    from .data.sources import check_doc_id

    base = Path(base).resolve() if base is not None else None
    out = dict(params)
    for key, value in params.items():
        if value is None:
            continue
        if key == "doc_id":
            check_doc_id(value)  # UnknownDocumentError, a ValueError naming the valid ids
        elif key == "as_of":
            out[key] = _check_as_of(value)
        elif key == "method":
            check_method(value)
        elif key == "lang":
            check_lang(value)
        elif key in PATH_PARAMETERS:
            out[key] = _check_path(key, value, base)
        elif key == "min_docs" and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ParameterError(f"min_docs={value!r} is not a number of documents; valid: an integer >= 1")
    return out
