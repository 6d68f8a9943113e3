"""The document registry: where the data lives, the raw texts, and quote look-up.

Raw texts in ``data/raw/<doc_id>.txt`` are immutable copies of the source documents; every
number in the derived tables points back into them through a verbatim ``source_quote``.

>>> sorted(doc_ids())
['cangshan_2013', 'guiyang_2022', 'nanchang_2021', 'national_2015', 'ordos_2022']
>>> locate_quote("ordos_2022", "年均增长38.0%")[0] > 0
True
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileNotFoundError, UnknownDocumentError

__all__ = ["data_dir", "raw_path", "raw_text", "doc_ids", "check_doc_id", "locate_quote", "resolve_path",
           "UnknownDocumentError"]


def data_dir() -> Path:
    """The data folder: ``$IPANALYSIS_DATA`` if set, else ``data/`` next to the package.

    >>> (data_dir() / "targets.csv").is_file()
    True
    """
    env = os.environ.get("IPANALYSIS_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "data"


def doc_ids() -> list[str]:
    """The ids of the documents whose raw text is in ``data/raw``.

    >>> len(doc_ids())
    5
    """
    return sorted(p.stem for p in (data_dir() / "raw").glob("*.txt"))


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
        raise UnknownDocumentError(f"unknown doc_id {doc_id!r}; valid: {', '.join(valid)}")
    return doc_id


def resolve_path(path: str | os.PathLike) -> Path:
    """A data path as given (absolute, or relative to the working directory), else relative to the
    repository root (the folder holding ``data/``), so ``"data/observations.csv"`` works from any
    working directory; :class:`FileNotFoundError` names both places tried.

    >>> resolve_path("data/targets.csv").is_file()
    True
    """
    p = Path(path).expanduser()
    if p.is_absolute() or p.exists():
        if not p.exists():
            raise DataFileNotFoundError(f"no such file: {p}")
        return p.resolve()
    root = data_dir().parent
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
