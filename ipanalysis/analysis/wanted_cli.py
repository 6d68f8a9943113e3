"""``ipanalysis wanted`` and ``ipanalysis check --observations``: the command-line ends of data wanted.

``ipanalysis wanted [--doc-id ID] [--out FILE] [--as-of DATE] [--with-observations]`` writes the wanted
rows (:func:`~ipanalysis.analysis.wanted.wanted`) as CSV, atomically, to FILE or to standard output;
``--with-observations`` puts them after the rows of ``data/observations.csv`` (copied byte for byte), so
the file, once filled, is a whole observations file for ``ipanalysis report -p observations=FILE``.
``ipanalysis check --observations FILE`` validates such a file strictly (every filled row needs its
cited source; blank wanted rows are counted); each problem is printed as ``FILE: line N (…), column
'c': …``.  Exit status: 0 fine, 1 a problem in the file, 2 a bad argument (unknown doc id, no such file).

>>> import contextlib, io
>>> out = io.StringIO()
>>> with contextlib.redirect_stderr(out):
...     wanted_main(["--doc-id", "atlantis"])
2
>>> out.getvalue().strip()
"ipanalysis wanted: error: unknown doc_id 'atlantis'; valid: cangshan_2013, guiyang_2022, nanchang_2021, ordos_2022"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..data.observations import check_observations
from ..data.sources import data_dir
from ..errors import DataFileNotFoundError, DataValidationError, IpanalysisError
from ..io import atomic_write
from .wanted import wanted

__all__ = ["wanted_main", "check_observations_main", "wanted_csv"]


def wanted_csv(doc_id: str | None = None, as_of: str | int | None = None, with_observations: bool = False) -> str:
    """The wanted rows as CSV text (``data/observations.csv``'s header, ``\\n`` line ends), after the
    real observations if ``with_observations``.

    Parameters
    ----------
    doc_id : str, optional
        One local plan (default: all).
    as_of : str or int, optional
        The data cut (default: today).
    with_observations : bool
        Whether the real observations come first.

    Returns
    -------
    str

    >>> wanted_csv("guiyang_2022", as_of="2026-12-06").splitlines()[0].split(",")[:4]
    ['doc_id', 'place', 'indicator', 'period_start']
    """
    text = wanted(doc_id, as_of=as_of).to_csv(index=False, lineterminator="\n")
    if not with_observations:
        return text
    real = (data_dir() / "observations.csv").read_text(encoding="utf-8")
    return real + ("" if real.endswith("\n") else "\n") + text.split("\n", 1)[1]


def wanted_main(argv: list[str] | None = None) -> int:
    """``ipanalysis wanted``: write the wanted rows; returns the exit code (2 for a bad argument).

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "wanted.csv"
    >>> wanted_main(["--doc-id", "nanchang_2021", "--as-of", "2026-12-06", "--out", str(out)])
    0
    >>> len(out.read_text(encoding="utf-8").splitlines())   # the header and NC-01 … NC-06
    7
    """
    p = argparse.ArgumentParser(prog="ipanalysis wanted", description="write, in data/observations.csv's columns, "
                                "the figures that would settle the local plans' targets without a verdict")
    p.add_argument("--doc-id", help="one local plan (default: all of them)")
    p.add_argument("--out", metavar="FILE", help="write here, atomically (default: standard output)")
    p.add_argument("--as-of", metavar="DATE", help="the data cut, YYYY or YYYY-MM-DD (default: today): the "
                   "verdicts use the observations up to it, and the latest full year before it is the progress year")
    p.add_argument("--with-observations", action="store_true",
                   help="start with the rows of data/observations.csv, so the filled file is a whole observations file")
    args = p.parse_args(argv)
    try:
        text = wanted_csv(args.doc_id, args.as_of, args.with_observations)
    except IpanalysisError as err:
        print(f"{p.prog}: error: {err}", file=sys.stderr)
        return 2
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        atomic_write(Path(args.out), text)
    except OSError as err:
        print(f"{p.prog}: error: cannot write {args.out}: {err}", file=sys.stderr)
        return 2
    return 0


def check_observations_main(path: str, quiet: bool = False) -> int:
    """``ipanalysis check --observations FILE``: print a one-line summary (or every problem, each naming
    file, line and column); returns the exit code.

    >>> check_observations_main("data/observations.csv")   # doctest: +ELLIPSIS
    data/observations.csv: 127 filled rows OK, 0 wanted rows blank
    0
    """
    try:
        filled, blank = check_observations(path, name=path)
    except DataFileNotFoundError as err:
        print(f"ipanalysis check: error: {err}", file=sys.stderr)
        return 2
    except DataValidationError as err:
        for problem in err.problems:
            print(f"{err.file}: {problem}", file=sys.stderr)
        print(f"{err.file}: {len(err.problems)} problem{'s' if len(err.problems) != 1 else ''}", file=sys.stderr)
        return 1
    if not quiet:
        print(f"{path}: {filled} filled row{'s' if filled != 1 else ''} OK, {blank} wanted row{'s' if blank != 1 else ''} blank")
    return 0
