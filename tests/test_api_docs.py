"""Public functions carry complete type hints, and numpydoc "Parameters"/"Returns" sections where they take
more than two arguments (issue 17 §8).

Walks the public functions (and public methods of public classes) defined in the modules below with
:mod:`inspect`. ``present/`` and ``report/`` (but ``build.run_build``/``build.build``) are checked by their own
owners' tests.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

MODULES = ["ipanalysis.units", "ipanalysis.text", "ipanalysis.timewords", "ipanalysis.io", "ipanalysis.paths", "ipanalysis.parameters",
           "ipanalysis.errors", "ipanalysis.cli"]
PACKAGES = ["ipanalysis.data", "ipanalysis.analysis", "ipanalysis.extractor"]
#: modules of which only these functions are checked
ONLY = {"ipanalysis.report.build": ("run_build", "build")}


def _modules() -> list[str]:
    names = list(MODULES)
    for pkg in PACKAGES:
        mod = importlib.import_module(pkg)
        names.append(pkg)
        names += [m.name for m in pkgutil.walk_packages(mod.__path__, pkg + ".")]
    return names + list(ONLY)


def public_functions(module: str) -> list[tuple[str, object]]:
    """``(qualified name, function)`` for each public function and public method defined in ``module``."""
    mod = importlib.import_module(module)
    found = []
    for name, obj in vars(mod).items():
        if name.startswith("_") or getattr(obj, "__module__", None) != module:
            continue
        if module in ONLY and name not in ONLY[module]:
            continue
        if inspect.isfunction(obj):
            found.append((f"{module}.{name}", obj))
        elif inspect.isclass(obj):
            for mname, meth in vars(obj).items():
                if mname.startswith("_"):
                    continue
                if isinstance(meth, (staticmethod, classmethod)):
                    meth = meth.__func__
                elif isinstance(meth, property):
                    meth = meth.fget
                if inspect.isfunction(meth):
                    found.append((f"{module}.{name}.{mname}", meth))
    return found


def _arguments(fn) -> list[str]:
    params = list(inspect.signature(fn).parameters)
    return params[1:] if params[:1] in (["self"], ["cls"]) else params


def _section(doc: str, title: str) -> str | None:
    """The body of a numpydoc section (``Title`` underlined with dashes), or None."""
    m = re.search(rf"^{title}\n-+\n(.*?)(?=^\w[\w ]*\n-+\n|\Z)", doc, re.M | re.S)
    return m.group(1) if m else None


def problems(fn) -> list[str]:
    """What ``fn`` lacks: annotations of its arguments and return, and, with more than two arguments, a
    Parameters section naming each argument and a Returns (or Yields) section."""
    sig = inspect.signature(fn)
    args = _arguments(fn)
    out = [f"no annotation on {a!r}" for a in args if sig.parameters[a].annotation is inspect.Parameter.empty]
    if sig.return_annotation is inspect.Signature.empty:
        out.append("no return annotation")
    if len(args) > 2:
        doc = inspect.getdoc(fn) or ""
        section = _section(doc, "Parameters")
        if section is None:
            out.append("no 'Parameters' section")
        else:
            listed = {n.strip().lstrip("*") for line in section.splitlines() if re.match(r"^\S", line)
                      for n in line.split(" : ")[0].split(",")}
            out += [f"{a!r} not in its Parameters section" for a in args if a not in listed]
        if _section(doc, "Returns") is None and _section(doc, "Yields") is None:
            out.append("no 'Returns' section")
    return out


def test_the_walk_finds_the_functions():
    names = {n for m in _modules() for n, _ in public_functions(m)}
    assert {"ipanalysis.units.parse_quantity", "ipanalysis.analysis.rates.cagr",
            "ipanalysis.report.build.run_build", "ipanalysis.data.search_logs.LogSection.mentions"} <= names
    assert "ipanalysis.report.build.summary_line" not in names
    assert len(names) > 150


def test_problems_are_found():
    def bare(a, b, c):
        """No sections."""

    def good(a: int, b: int, *, c: int = 0) -> int:
        """Sum.

        Parameters
        ----------
        a, b : int
            Terms.
        c : int
            A third.

        Returns
        -------
        int
        """
        return a + b + c

    assert problems(bare) == ["no annotation on 'a'", "no annotation on 'b'", "no annotation on 'c'",
                              "no return annotation", "no 'Parameters' section", "no 'Returns' section"]
    assert problems(good) == []


@pytest.mark.parametrize("module", _modules())
def test_public_functions_have_hints_and_sections(module):
    missing = {name: p for name, fn in public_functions(module) if (p := problems(fn))}
    assert not missing, "\n".join(f"{name}: {'; '.join(p)}" for name, p in missing.items())
