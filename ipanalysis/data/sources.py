"""The document registry: the document list, the raw texts, and quote look-up.

The document list is the ``doc_id`` column of ``data/documents.csv``, in file order, read here
only (:func:`doc_ids`): the loaders, the parameter checks and the report matrix all ask this
function.  Raw texts in ``data/raw/<doc_id>.txt`` are immutable copies of the source documents;
every number in the derived tables points back into them through a verbatim ``source_quote``.
Where the data folder is: :mod:`ipanalysis.paths`.

>>> sorted(doc_ids())
['cangshan_2013', 'guiyang_2022', 'nanchang_2021', 'national_2015', 'ordos_2022']
>>> locate_quote("ordos_2022", "年均增长38.0%")[0] > 0
True
"""

from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileNotFoundError, UnknownDocumentError
from ..paths import data_dir, data_root

__all__ = ["data_dir", "raw_path", "raw_text", "doc_ids", "document_rows", "check_doc_id", "locate_quote",
           "resolve_path", "UnknownDocumentError"]


@lru_cache(maxsize=8)
def _rows(path: str, mtime_ns: int) -> tuple[dict[str, str], ...]:
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


def document_rows(data: str | os.PathLike | None = None) -> list[dict[str, str]]:
    """The rows of ``documents.csv`` (of ``data``, default :func:`~ipanalysis.paths.data_dir`) as
    text, in file order, unvalidated: read with :mod:`csv`, so no pandas (the report's up-to-date
    check stays fast); :func:`ipanalysis.documents` is the validated table.

    >>> document_rows()[0]["doc_id"], document_rows()[0]["plan_start_year"]
    ('guiyang_2022', '2022')
    """
    path = Path(data if data is not None else data_dir()) / "documents.csv"
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise DataFileNotFoundError(f"data file not found: {path}") from None
    return [dict(row) for row in _rows(str(path), mtime)]


def doc_ids() -> list[str]:
    """The document list: every ``doc_id`` of ``data/documents.csv``, in file order.

    >>> doc_ids()
    ['guiyang_2022', 'cangshan_2013', 'nanchang_2021', 'national_2015', 'ordos_2022']
    """
    return [row["doc_id"] for row in document_rows()]


def check_doc_id(doc_id: str) -> str:
    """Return ``doc_id`` if it names a document, else raise :class:`UnknownDocumentError`.

    >>> check_doc_id("ordos_2022")
    'ordos_2022'
    >>> check_doc_id("atlantis")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.UnknownDocumentError: unknown doc_id 'atlantis'; valid: cangshan_2013, guiyang_2022, nanchang_2021, national_2015, ordos_2022
    """
    valid = doc_ids()
    if not isinstance(doc_id, str) or doc_id not in valid:
        raise UnknownDocumentError(f"unknown doc_id {doc_id!r}; valid: {', '.join(sorted(valid))}")
    return doc_id


def resolve_path(path: str | os.PathLike) -> Path:
    """A data path as given (absolute, or relative to the working directory), else relative to the
    folder holding the data folder (:func:`~ipanalysis.paths.data_root`), so ``"data/observations.csv"``
    works from any working directory; :class:`~ipanalysis.errors.DataFileNotFoundError` names both places tried.

    >>> resolve_path("data/targets.csv").is_file()
    True
    """
    p = Path(path).expanduser()
    if p.is_absolute() or p.exists():
        if not p.exists():
            raise DataFileNotFoundError(f"no such file: {p}")
        return p.resolve()
    root = data_root()
    q = root / p
    if q.exists():
        return q.resolve()
    raise DataFileNotFoundError(f"no such file: {str(path)!r} (looked in {Path.cwd()} and {root})")


def raw_path(doc_id: str) -> Path:
    """Path of a document's raw text; :class:`UnknownDocumentError` lists valid ids.

    >>> raw_path("ordos_2022").name
    'ordos_2022.txt'
    """
    return data_dir() / "raw" / f"{check_doc_id(doc_id)}.txt"


@lru_cache(maxsize=None)
def _read(path: str, mtime: float) -> str:
    return Path(path).read_text(encoding="utf-8")


def raw_text(doc_id: str) -> str:
    """The verbatim UTF-8 text of a document.

    >>> "年均增长38.0%" in raw_text("ordos_2022")
    True
    """
    path = raw_path(doc_id)
    return _read(str(path), path.stat().st_mtime)


def locate_quote(doc_id: str, quote: str) -> tuple[int, int]:
    """Character span of ``quote`` in the raw text, or ``(-1, -1)`` when it is not there.

    >>> locate_quote("ordos_2022", "这句话不在原文里")
    (-1, -1)
    """
    start = raw_text(doc_id).find(quote)
    return (start, start + len(quote)) if start >= 0 else (-1, -1)
