"""The ``ipanalysis`` command line: argparse subcommands, each handed to the module that does the job.

``ipanalysis report``     build the HTML report set (options: ``ipanalysis report --help``)
``ipanalysis check``      validate every data table and the coverage of the raw texts
``ipanalysis extract``    propose candidate target rows for a new document
``ipanalysis wanted``     write the figures that would settle targets without a verdict
``ipanalysis --version``  the package version

>>> main(["check", "--quiet"])
0
>>> main(["--version"])  # doctest: +ELLIPSIS
ipanalysis 0...
0
>>> main(["atlantis"])
2
"""

from __future__ import annotations

import argparse
import importlib
import sys

__all__ = ["main", "check"]

#: Subcommands whose options their own module parses: name → (help, module, function taking the rest).
_DELEGATED = {
    "report": ("build the HTML reports from the notebooks (papermill + nbconvert)", "report.cli", "main"),
    "extract": ("propose candidate targets (and baselines) from a plain-text policy document",
                "extractor", "cli_main"),
    "wanted": ("write the figures that would settle targets without a verdict (data/observations.csv columns)",
               "analysis.wanted_cli", "wanted_main"),
}
_CHECK = "validate data/*.csv against the schemas, the raw texts and the coverage scan"


class _Version(argparse.Action):
    """``--version``: the version is looked up only when asked (the metadata look-up costs ~50 ms)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="print the package version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        from .version import package_version

        print(f"{parser.prog} {package_version()}")
        parser.exit(0)


def check(quiet: bool = False) -> int:
    """Validate every table; print row counts (or the problems).  Returns an exit code.

    >>> check(quiet=True)
    0
    """
    from .data.coverage import uncovered
    from .data import check_all
    from .data.schemas import DataValidationError

    try:
        counts = check_all()
    except DataValidationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    missing = uncovered()
    if not quiet:
        print("data OK: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    if len(missing):
        print(f"error: {len(missing)} number(s) in target sentences are not in targets, baselines or exclusions:",
              file=sys.stderr)
        print(missing.to_string(index=False), file=sys.stderr)
        return 1
    if not quiet:
        print("coverage OK: every number in a target-bearing sentence is accounted for")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ipanalysis", description="Quantified targets of Chinese city-level IP plans: reports, data checks, "
        "first-pass extraction.", epilog="Exit status: 0 ok, 1 a problem found or a job failed, 2 a usage error.")
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in ("report", "check", "extract", "wanted"):
        if name in _DELEGATED:  # its own parser reads the rest, --help included
            sub.add_parser(name, help=_DELEGATED[name][0], add_help=False)
        else:
            check_parser = sub.add_parser(name, help=_CHECK, description=_CHECK)
            check_parser.add_argument("--quiet", action="store_true", help="print nothing when all is well")
            check_parser.add_argument("--observations", metavar="FILE",
                                      help="validate this observations file strictly (e.g. a filled `ipanalysis wanted` file) instead")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``ipanalysis`` console script; returns the exit code (argparse's 2 for a
    usage error, as every subcommand).

    >>> main(["check", "--quiet"])
    0
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if not argv:
        parser.print_help()
        return 2
    try:
        args, rest = parser.parse_known_args(argv)
        if args.command in _DELEGATED:
            _, module, function = _DELEGATED[args.command]
            return getattr(importlib.import_module(f".{module}", __package__), function)(rest)
        args = parser.parse_args(argv)  # no unknown options for check
    except SystemExit as exc:  # --help, --version, a usage error
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    if args.observations:
        from .analysis.wanted_cli import check_observations_main

        return check_observations_main(args.observations, args.quiet)
    return check(args.quiet)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
