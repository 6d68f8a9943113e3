"""The package's shape: one root error, and layers that import downwards only.

The layers, lowest first (a module may import its own layer and those below it, never one above):

0. ``errors``                                   — a leaf: imports nothing of the package
1. ``io``, ``text``, ``timewords``, ``paths``, ``version`` — files, where things are, Chinese text and its time words, the version
2. ``units``                                    — quantities (uses text)
3. ``data``                                     — tables, provenance, observations
4. ``parameters``                               — parameter values parsed once (uses data's document list)
5. ``analysis``                                 — trajectory, attainment, compare, audit
6. ``present``, ``extractor``                   — what a reader sees; first pass on a new document
7. ``report``                                   — the HTML batch
8. ``cli``                                      — the command line
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import ipanalysis
from ipanalysis import errors

PACKAGE = Path(ipanalysis.__file__).parent
RANK = {"errors": 0, "io": 1, "text": 1, "timewords": 1, "paths": 1, "version": 1, "units": 2, "data": 3, "parameters": 4, "analysis": 5,
        "present": 6, "extractor": 6, "report": 7, "cli": 8}


def _layer(module: str) -> str:
    """``ipanalysis.data.loaders`` → ``data``."""
    return module.split(".")[1]


def _imports(path: Path, package: Path = PACKAGE) -> list[tuple[str, int]]:
    """Every ``ipanalysis`` module a file imports (absolute, or relative resolved), with the line."""
    rel = path.relative_to(package.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    package = parts if path.name == "__init__.py" else parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                names = [".".join(base + ([node.module] if node.module else []))]
                if not node.module:  # from . import x
                    names = [".".join(base + [a.name]) for a in node.names]
            else:
                names = [node.module or ""]
            found += [(n, node.lineno) for n in names if n.startswith("ipanalysis.")]
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("ipanalysis.")]
    return found


def _modules(package: Path = PACKAGE) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if p.name != "__init__.py" or p.parent != package)


def test_every_module_has_a_layer():
    layers = {_layer("ipanalysis." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)) for p in _modules()}
    assert layers <= set(RANK), f"modules outside the declared layers: {sorted(layers - set(RANK))}"


def _upward_imports(package: Path) -> list[str]:
    upward = []
    for path in _modules(package):
        own = _layer("ipanalysis." + ".".join(path.relative_to(package).with_suffix("").parts))
        for module, line in _imports(path, package):
            if RANK[_layer(module)] > RANK[own]:
                upward.append(f"{path.relative_to(package.parent)}:{line} ({own}) imports {module}")
    return upward


def test_layers_import_downwards_only():
    upward = _upward_imports(PACKAGE)
    assert not upward, "imports pointing up a layer:\n" + "\n".join(upward)


def test_the_layer_check_sees_an_upward_import(tmp_path):
    """The check above can fail: a data module importing the report layer is caught (on a copy of the
    package, so nothing is written into the package another test may be reading)."""
    import shutil

    copy = tmp_path / "ipanalysis"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "_bundle"))
    (copy / "data" / "_upward_probe.py").write_text("from ..report import build\n", encoding="utf-8")
    assert _upward_imports(copy) == ["ipanalysis/data/_upward_probe.py:1 (data) imports ipanalysis.report"]


def test_errors_is_a_leaf():
    assert _imports(Path(errors.__file__)) == []


def _package_exception_classes() -> set[type]:
    found = set()
    for path in _modules():
        name = "ipanalysis." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(b, "id", getattr(b, "attr", "")).endswith(("Error", "Exception")) for b in node.bases):
                found.add((name, node.name))
    return found


def test_one_root_error():
    """Every exception class of the package is defined in errors.py and derives from IpanalysisError."""
    defined = _package_exception_classes()
    assert {m for m, _ in defined} == {"ipanalysis.errors"}, f"exception classes outside errors.py: {defined}"
    for _, cls in defined:
        assert issubclass(getattr(errors, cls), errors.IpanalysisError), cls
    assert issubclass(errors.IpanalysisError, ValueError)


def test_no_bare_builtin_errors_raised():
    """The package raises its own errors, so ``except ipanalysis.errors.IpanalysisError`` catches them all
    (OS errors from the file system pass through as they are)."""
    allowed = {"IsADirectoryError", "NotImplementedError", "AttributeError", "StopIteration", "SystemExit",
               "KeyboardInterrupt", "AssertionError", "OSError", "PermissionError", "TimeoutError", "RuntimeError", "FileNotFoundError"}
    bare = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = getattr(node.exc.func, "id", None)
                if name and name.endswith("Error") and name not in allowed and not hasattr(errors, name):
                    bare.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} raises {name}")
    assert not bare, "\n".join(bare)


@pytest.mark.parametrize("call, kind", [
    (lambda: ipanalysis.check_doc_id("atlantis"), errors.UnknownDocumentError),
    (lambda: ipanalysis.check_parameters(as_of="yesterday"), errors.ParameterError),
    (lambda: ipanalysis.check_parameters(method="cubic"), errors.ParameterError),
    (lambda: ipanalysis.check_parameters(min_docs=0), errors.ParameterError),
    (lambda: ipanalysis.check_parameters(observations="no/such.csv"), errors.ParameterError),
    (lambda: ipanalysis.parse_quantity("很多"), errors.UnitError),
    (lambda: ipanalysis.trajectory("XX-99"), errors.UnknownTargetError),
    (lambda: ipanalysis.cagr(0, 1, 1), errors.ParameterError),
])
def test_public_calls_raise_the_root_error(call, kind):
    with pytest.raises(errors.IpanalysisError) as err:
        call()
    assert isinstance(err.value, kind), type(err.value)
    assert inspect.getmodule(type(err.value)) is errors
