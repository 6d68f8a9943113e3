"""Mutation testing with mutmut (``make mutants``; outside CI, never part of ``make test``).

Copies the repository into a scratch folder (``build/mutants/`` by default, so the work tree gets no
``mutants/`` folder and no edited files), runs ``mutmut run`` there with the ``[tool.mutmut]`` settings
of ``pyproject.toml`` — narrowed by the options below when given — and prints the score per module:
killed / total, with the surviving mutants named (``mutmut show NAME`` in the scratch folder shows one).

    python tools/mutants.py                                   # everything [tool.mutmut] names (hours)
    python tools/mutants.py --only ipanalysis/units.py --tests tests/test_units.py tests/test_properties.py

``--only`` takes file globs (as mutmut's ``only_mutate``); ``--tests`` the pytest selection (default
``tests ipanalysis``, the whole suite with doctests; a narrower selection gives a lower bound of the
score the whole suite reaches).  A mutant no selected test runs counts as not killed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: What the tests need beside the package (the scratch copy holds only these).
COPY = ("ipanalysis", "tests", "data", "notebooks", "tools", "docs", "pyproject.toml", "README.md", "Makefile",
        "environment.yml", "jupytext.toml")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", ".hypothesis")


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{x}"' for x in items) + "]"


def prepare(scratch: Path, only: list[str] | None, tests: list[str] | None, fresh: bool) -> None:
    """A copy of the repository in ``scratch`` whose ``[tool.mutmut]`` carries the narrowing options."""
    if fresh and scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True, exist_ok=True)
    for name in COPY:
        src, dst = REPO / name, scratch / name
        if not src.exists():
            continue
        if dst.exists():
            shutil.rmtree(dst) if dst.is_dir() else dst.unlink()
        shutil.copytree(src, dst, ignore=IGNORE) if src.is_dir() else shutil.copy2(src, dst)
    py = scratch / "pyproject.toml"
    text = py.read_text(encoding="utf-8")
    if "[tool.mutmut]" not in text:
        sys.exit("pyproject.toml has no [tool.mutmut] section")
    if only:
        text = re.sub(r"(?m)^only_mutate = .*$", f"only_mutate = {_toml_list(only)}", text)
    if tests:
        text = re.sub(r"(?m)^pytest_add_cli_args_test_selection = .*$",
                      f"pytest_add_cli_args_test_selection = {_toml_list(tests)}", text)
    py.write_text(text, encoding="utf-8")


def results(scratch: Path, mutmut: str) -> dict[str, str]:
    """``{mutant name: status}`` for every mutant of the last run."""
    out = subprocess.run([mutmut, "results", "--all", "true"], cwd=scratch, capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        m = re.match(r"^\s*([\w.]+__mutmut_\d+):\s*(.+?)\s*$", line)
        if m:
            found[m.group(1)] = m.group(2)
    return found


def module_of(name: str) -> str:
    """``ipanalysis.units.x_parse_quantity__mutmut_3`` → ``ipanalysis/units.py`` (a package's own
    functions: ``…/__init__.py``).

    >>> module_of("ipanalysis.units.x_parse_quantity__mutmut_3"), module_of("ipanalysis.data.x_f__mutmut_1")
    ('ipanalysis/units.py', 'ipanalysis/data/__init__.py')
    """
    path = name.rsplit(".", 1)[0].replace(".", "/")
    return f"{path}/__init__.py" if (REPO / path).is_dir() else f"{path}.py"


def score(found: dict[str, str]) -> tuple[str, int, int]:
    """A table of killed / tested per module (a run stopped early leaves mutants "not checked": they are
    counted apart, not in the score), and the totals killed, tested."""
    by_module: dict[str, Counter] = defaultdict(Counter)
    for name, status in found.items():
        by_module[module_of(name)][status] += 1
    lines = [f"{'module':40} {'killed':>7} {'tested':>7} {'score':>7}  {'not run':>7}  not killed"]
    killed_all = tested_all = 0
    for mod in sorted(by_module):
        c = by_module[mod]
        tested = sum(n for s, n in c.items() if s != "not checked")
        killed = c["killed"] + c["caught by type check"]
        killed_all, tested_all = killed_all + killed, tested_all + tested
        other = ", ".join(f"{n} {s}" for s, n in sorted(c.items()) if s not in ("killed", "not checked"))
        rate = f"{killed / tested:7.1%}" if tested else "      -"
        lines.append(f"{mod:40} {killed:7d} {tested:7d} {rate}  {c['not checked']:7d}  {other}")
    if tested_all:
        lines.append(f"{'all':40} {killed_all:7d} {tested_all:7d} {killed_all / tested_all:7.1%}")
    return "\n".join(lines), killed_all, tested_all


def report(scratch: Path) -> None:
    """Print the score of the last run in ``scratch`` (also of a run that was stopped)."""
    mutmut = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or "mutmut"
    found = results(scratch, mutmut)
    table, _, _ = score(found)
    print(table)
    survivors = sorted(n for n, s in found.items() if s not in ("killed", "not checked", "caught by type check"))
    if survivors:
        print(f"\nnot killed ({len(survivors)}; `cd {scratch} && mutmut show NAME`):")
        print("\n".join(f"  {n}: {found[n]}" for n in survivors))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="+", help="file globs to mutate (default: only_mutate of [tool.mutmut])")
    ap.add_argument("--tests", nargs="+", help="pytest selection (default: tests ipanalysis)")
    ap.add_argument("--scratch", type=Path, default=REPO / "build" / "mutants", help="scratch folder")
    ap.add_argument("--max-children", type=int, default=2, help="mutants tested at once (default 2)")
    ap.add_argument("--keep", action="store_true", help="reuse the scratch folder's earlier results")
    ap.add_argument("--report", action="store_true", help="only print the score of the last run in --scratch")
    args = ap.parse_args(argv)
    if args.report:
        report(args.scratch)
        return 0
    mutmut = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or "mutmut"
    prepare(args.scratch, args.only, args.tests, fresh=not args.keep)
    start = time.monotonic()
    run = subprocess.run([mutmut, "run", "--max-children", str(args.max_children)], cwd=args.scratch)
    elapsed = time.monotonic() - start
    print(f"\nmutmut run in {args.scratch} ({elapsed / 60:.1f} min; exit {run.returncode})\n")
    report(args.scratch)
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
