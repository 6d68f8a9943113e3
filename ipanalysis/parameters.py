"""Checking a notebook's parameters: one ``ValueError`` naming the bad value and the valid ones.

The one definition of a valid ``doc_id``, ``as_of``, ``method``, ``min_docs`` and data-file parameter, used by the
first cell after each notebook's ``parameters`` cell (so ``papermill X.ipynb OUT -p doc_id atlantis``
fails at once, clearly, from any working directory) and by ``ipanalysis report`` before any kernel
starts.

>>> check_parameters(doc_id="ordos_2022", as_of=2023)
{'doc_id': 'ordos_2022', 'as_of': '2023'}
>>> check_parameters(doc_id="atlantis")
Traceback (most recent call last):
...
ipanalysis.data.sources.UnknownDocumentError: unknown doc_id 'atlantis'; valid: cangshan_2013, guiyang_2022, nanchang_2021, national_2015, ordos_2022
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["check_parameters", "ParameterError", "PATH_PARAMETERS"]

#: Parameters naming a data file: absolute, relative to the working directory, else to the repository root.
PATH_PARAMETERS = frozenset({"observations"})


class ParameterError(ValueError):
    """A bad notebook parameter; the message names the value and what is valid."""


def _check_as_of(value: Any) -> str:
    from .analysis.attainment import parse_as_of  # the one definition of a valid date (heavy import: only here)

    text = str(value)
    try:
        parse_as_of(text)
    except ValueError:
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
        from .data.sources import data_dir

        where = p if p.is_absolute() else f"{str(value)!r} (looked in {Path.cwd()} and {data_dir().parent})"
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
    ipanalysis.parameters.ParameterError: as_of='2023/12' is not a year or a date; expected YYYY or YYYY-MM-DD (e.g. 2023 or 2023-12-31)
    >>> Path(check_parameters(observations="data/observations.csv")["observations"]).is_absolute()
    True
    >>> check_parameters(method="cubic")
    Traceback (most recent call last):
    ...
    ValueError: unknown method 'cubic'; valid: compound, linear
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
            from .analysis.trajectory import check_method  # the one definition of a plan-path method

            check_method(value)
        elif key in PATH_PARAMETERS:
            out[key] = _check_path(key, value, base)
        elif key == "min_docs" and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ParameterError(f"min_docs={value!r} is not a number of documents; valid: an integer >= 1")
    return out
