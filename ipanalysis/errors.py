"""Every error the package raises, under one root: :class:`IpanalysisError`, a ``ValueError``.

A leaf module: it imports nothing of the package, so any layer can raise these.  Catch
``IpanalysisError`` to catch anything ``ipanalysis`` says is wrong with an input; each message names
the bad value and the valid choices.

>>> issubclass(UnknownDocumentError, IpanalysisError) and issubclass(UnknownDocumentError, KeyError)
True
>>> str(UnknownDocumentError("unknown doc_id 'x'; valid: a, b"))
"unknown doc_id 'x'; valid: a, b"
>>> sorted(c.__name__ for c in IpanalysisError.__subclasses__())   # doctest: +NORMALIZE_WHITESPACE
['DataFileNotFoundError', 'DataValidationError', 'DocumentError', 'ParameterError', 'ReportConfigError',
 'ReportOutputError', 'TableParseError', 'UnitError', 'UnknownNameError']
"""

from __future__ import annotations

__all__ = ["IpanalysisError", "UnknownNameError", "UnknownDocumentError", "UnknownTargetError", "ParameterError", "DataValidationError",
           "DataFileNotFoundError", "UnitError", "TableParseError", "DocumentError", "ReportConfigError",
           "ReportOutputError"]


class IpanalysisError(ValueError):
    """The root of every error ``ipanalysis`` raises about its inputs (a ``ValueError``)."""


class UnknownNameError(IpanalysisError, KeyError):
    """A name that identifies nothing (a document, a target); the message names it and lists valid ones.

    It is a ``ValueError`` (a bad parameter value, what papermill users and notebooks expect) and a
    ``KeyError`` (a failed look-up), so either ``except`` clause catches it.
    """

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class UnknownDocumentError(UnknownNameError):
    """A doc_id that names no document: the one exception for an unknown doc_id anywhere in the package."""


class UnknownTargetError(UnknownNameError):
    """A target_id that is in no targets table."""


class ParameterError(IpanalysisError):
    """A bad parameter value (``as_of``, ``method``, ``lang``, ``min_docs``, a target id …); the message
    names the value and what is valid."""


class DataValidationError(IpanalysisError):
    """A data file broke its schema.  ``.problems`` lists each failure; the message names the file,
    and for every problem the line, the row id and the column."""

    def __init__(self, file: str, problems: list):
        self.file, self.problems = file, problems
        n = len(problems)
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  … and {n - 50} more" if n > 50 else ""
        super().__init__(f"{file}: {n} problem{'s' if n != 1 else ''}\n{shown}{more}")


class DataFileNotFoundError(IpanalysisError, FileNotFoundError):
    """A data file (a table, an observations file, a raw text) that does not exist; the message says
    where it was looked for.  Also a ``FileNotFoundError``."""

    def __str__(self) -> str:
        return str(self.args[0])


class UnitError(IpanalysisError):
    """A phrase that does not state one quantity in a known unit."""


class TableParseError(IpanalysisError):
    """The text does not hold a table of the expected shape; the message says where."""


class DocumentError(IpanalysisError):
    """An input file that cannot be read as text; the message names the file and the problem."""


class ReportConfigError(IpanalysisError):
    """A problem with the report matrix, a parameter or an option, found before any kernel starts."""


class ReportOutputError(IpanalysisError):
    """The report output folder cannot be written (read-only, out of space, ...); the message names the
    folder and the operating system's error.  The pages, index and manifest already there are kept."""
