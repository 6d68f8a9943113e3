"""The extractor's public functions (issue 17): complete type hints that resolve, and the module renames."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing

import pytest

import ipanalysis.extractor as extractor

MODULES = sorted(m.name for m in pkgutil.iter_modules(extractor.__path__))


def _public_functions():
    for name in MODULES:
        mod = importlib.import_module(f"ipanalysis.extractor.{name}")
        for fname, fn in vars(mod).items():
            if inspect.isfunction(fn) and not fname.startswith("_") and fn.__module__ == mod.__name__:
                yield f"{name}.{fname}", fn


@pytest.mark.parametrize("qualname, fn", list(_public_functions()), ids=lambda v: v if isinstance(v, str) else "")
def test_public_functions_have_complete_type_hints(qualname, fn):
    hints = typing.get_type_hints(fn)  # raises when an annotation names something undefined
    params = [p for p in inspect.signature(fn).parameters.values() if p.name not in ("self", "cls")]
    assert [p.name for p in params if p.name not in hints] == [], qualname
    assert "return" in hints, qualname


def test_module_names_say_what_they_do():
    assert {"history", "source_file", "candidates_csv"} <= set(MODULES)
    assert not {"baselines", "io"} & set(MODULES)
    assert len(list(_public_functions())) > 40
