"""The ``ipanalysis`` command line.

``ipanalysis report``   build the HTML report set (see ``ipanalysis report --help``)
``ipanalysis check``    validate every data table and the coverage of the raw texts
``ipanalysis extract``  propose candidate target rows for a new document
``ipanalysis wanted``   write the figures that would settle targets without a verdict

>>> main(["check", "--quiet"])
0
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["main", "check"]

_COMMANDS = {
    "report": "build the HTML reports from the notebooks (papermill + nbconvert)",
    "check": "validate data/*.csv against the schemas, the raw texts and the coverage scan",
    "extract": "propose candidate targets (and baselines) from a plain-text policy document",
    "wanted": "write the figures that would settle targets without a verdict (data/observations.csv columns)",
}


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


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``ipanalysis`` console script; returns the exit code.

    >>> main(["check", "--quiet"])
    0
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in _COMMANDS:
        parser = argparse.ArgumentParser(prog="ipanalysis", description=__doc__.split("\n\n")[0])
        parser.add_argument("command", choices=list(_COMMANDS), help="; ".join(f"{k}: {v}" for k, v in _COMMANDS.items()))
        if not argv or argv[0] in ("-h", "--help"):
            parser.print_help()
            return 0 if argv else 2
        parser.parse_args(argv[:1])  # exits 2 naming the valid commands
    command, rest = argv[0], argv[1:]
    if command == "check":
        p = argparse.ArgumentParser(prog="ipanalysis check", description=_COMMANDS["check"])
        p.add_argument("--quiet", action="store_true", help="print nothing when all is well")
        p.add_argument("--observations", metavar="FILE", help="validate this observations file strictly instead")
        args = p.parse_args(rest)
        if args.observations:
            from .analysis.wanted_cli import check_observations_main
            return check_observations_main(args.observations, args.quiet)
        return check(args.quiet)
    if command == "wanted":
        from .analysis.wanted_cli import wanted_main
        return wanted_main(rest)
    if command == "report":
        from .report.cli import main as cli_main
        return cli_main(rest)
    from .extractor import cli_main
    return cli_main(rest)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
