"""``ipanalysis report``: build the reports declared in ``notebooks/reports.json``.

>>> main(["--only", "nope"])
2
>>> main(["--timeout", "-5"])
2
>>> main(["--list", "--only", "compare"])
compare
zh/compare
0
>>> main(["--list", "--only", "zh/compare"]), main(["--list", "--only", "audit", "--lang", "en"])
zh/compare
audit
(0, 0)
>>> main(["--lang", "fr"])
2
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import ReportOutputError
from .build import run_build
from .limits import DEFAULT_TIMEOUT, parse_timeout
from .matrix import DEFAULT_MATRIX, DEFAULT_OUT, ReportConfigError, load_matrix, select_reports
from .overrides import parse_param

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ipanalysis report",
        description="Build the HTML reports declared in notebooks/reports.json (incremental: "
                    "up-to-date reports are skipped).",
        epilog="Exit status: 0 all reports ok or up to date, 1 some report failed or the output folder "
               "could not be written (the pages, index and manifest there are kept), 2 bad configuration.")
    p.add_argument("--out", metavar="DIR", help=f"output folder (default: {DEFAULT_OUT})")
    p.add_argument("--only", metavar="NAME", action="append", default=[],
                   help="build only this report (name or notebook stem) in every language; zh/NAME: its Chinese "
                        "page only; repeatable")
    p.add_argument("--lang", metavar="LANG", action="append", default=[], dest="langs",
                   help="build the pages of this language only (en or zh, as the matrix's \"languages\"); "
                        "repeatable")
    p.add_argument("-p", "--parameter", metavar="KEY=VALUE", action="append", default=[], dest="params",
                   help="set a parameter in every selected report whose notebook declares it; values are "
                        "parsed like papermill -p (int/float/True/False/None, else string); repeatable")
    p.add_argument("--jobs", "-j", type=int, metavar="N", default=None,
                   help="parallel notebook runs (default: number of CPUs + 1)")
    p.add_argument("--force", action="store_true", help="rebuild reports that are up to date")
    p.add_argument("--matrix", metavar="PATH", help=f"report matrix JSON (default: {DEFAULT_MATRIX})")
    p.add_argument("--list", action="store_true", help="list the report names and exit")
    p.add_argument("--timeout", metavar="SECONDS", default=None,
                   help=f"time limit of each report's notebook; a report that runs longer fails "
                        f"('timed out after N s in cell K') and the others go on (default: {DEFAULT_TIMEOUT:g}; "
                        "0 or none: no limit)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar or table: one final line (counts, failed reports, the index's path)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``ipanalysis report [options]``; return the exit status (0 ok, 1 a report failed or the
    output folder could not be written, 2 bad configuration: printed to stderr, nothing written).
    The last line on stdout, with or without ``-q``, gives the counts and the index's absolute path."""
    try:
        args = _parser().parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help or a usage error
        return int(exc.code or 0)
    try:
        if args.list:
            print("\n".join(r.name for r in select_reports(load_matrix(args.matrix), args.only, args.langs)))
            return 0
        rows = run_build(out=args.out, only=args.only, params=dict(map(parse_param, args.params)), jobs=args.jobs,
                         force=args.force, matrix=args.matrix, progress=not args.quiet,
                         timeout=parse_timeout(args.timeout), summary=True, langs=args.langs)
    except ReportConfigError as exc:
        print(f"ipanalysis report: error: {exc}", file=sys.stderr)
        return 2
    except ReportOutputError as exc:
        print(f"ipanalysis report: error: {exc}", file=sys.stderr)
        return 1
    return 1 if any(r["status"] == "failed" for r in rows) else 0
