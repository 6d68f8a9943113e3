"""``-p`` overrides: ``key=value`` parsing (as ``papermill -p``), the parameters each notebook declares
(``papermill.inspect_notebook``), and validation before any kernel starts.  A ``-p`` may not change a
parameter a report's name is built from (its matrix dimension: ``attainment-guiyang_2022`` must hold
Guiyang's analysis); ``--only <name>`` picks that report instead.

>>> parse_param("doc_id=ordos_2022")
('doc_id', 'ordos_2022')
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import Any

from .. import paths
from ..parameters import PATH_PARAMETERS, check_parameters
from .matrix import LANG, Report, ReportConfigError

__all__ = ["parse_value", "parse_param", "declared_parameters", "prepare_reports", "check_values", "PATH_PARAMETERS"]


def parse_value(text: str) -> Any:
    """A ``-p`` value parsed the way ``papermill -p`` does: bool, None, int, float, else str
    (tested against papermill's own rule; not imported from it, which would cost a second).

    >>> [parse_value(v) for v in ["True", "None", "3", "2.5", "2023-01-31", "ordos_2022"]]
    [True, None, 3, 2.5, '2023-01-31', 'ordos_2022']
    """
    if text in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[text]
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def parse_param(text: str) -> tuple[str, Any]:
    """Split one ``key=value`` option and parse the value with :func:`parse_value`.

    >>> parse_param("x")
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ReportConfigError: -p expects key=value, got 'x'
    """
    key, sep, value = text.partition("=")
    if not sep or not key.strip().isidentifier():
        raise ReportConfigError(f"-p expects key=value, got {text!r}")
    return key.strip(), parse_value(value)


def declared_parameters(notebook: Path, cache: MutableMapping[str, dict] | None = None) -> dict[str, dict]:
    """``papermill.inspect_notebook`` of ``notebook``, remembered in ``cache`` by the notebook's hash
    (so an up-to-date build does not import papermill)."""
    try:
        raw = Path(notebook).read_bytes()
    except OSError:
        raise ReportConfigError(f"notebook not found: {notebook}") from None
    key = hashlib.sha256(raw).hexdigest()
    if cache is None or key not in cache:
        from .kernel import skip_slow_optional_imports

        skip_slow_optional_imports()
        import papermill

        try:
            found = papermill.inspect_notebook(str(notebook))
        except Exception as exc:
            raise ReportConfigError(f"cannot read notebook {notebook}: {exc}") from None
        if cache is None:
            return found
        cache[key] = found
    return cache[key]


def _declares_str(spec: Mapping[str, str]) -> bool:
    try:
        return spec.get("inferred_type_name") == "str" or isinstance(ast.literal_eval(spec.get("default", "")), str)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False


def prepare_reports(reports: Sequence[Report], params: Mapping[str, Any] | Iterable[str] | None = None, *,
                    root: str | Path | None = None, cache: MutableMapping[str, dict] | None = None) -> list[Report]:
    """Apply ``-p`` overrides where a notebook declares them and resolve data paths; no kernel starts.

    Errors (all reported together): a missing notebook, a parameter its notebook does not declare,
    an override no selected notebook declares, an override of a report's dimension (the parameter its
    name is built from, see :func:`dimension_overrides`), a data file that does not exist (matrix paths are
    relative to ``root``, default the repository root; ``-p`` paths to the working directory, else
    the repository root).  An int given for a parameter whose default is a string becomes a string.
    Values are checked by :func:`check_values`.  The injected ``lang`` of a matrix with ``"languages"``
    reaches the notebooks that declare a ``lang`` parameter; a notebook without one runs the same in every
    language (its page is still exported in the report's language: :mod:`.langcells`, :mod:`.page`).

    >>> prepare_reports([Report("x", Path("/nowhere/x.ipynb"))])
    Traceback (most recent call last):
    ...
    ipanalysis.errors.ReportConfigError: report 'x': notebook not found: /nowhere/x.ipynb
    """
    root = Path(root).resolve() if root is not None else paths.data_root()
    overrides = dict(params) if isinstance(params, Mapping) else dict(map(parse_param, params or []))
    errors: list[str] = []
    declared: dict[Path, dict] = {}
    for r in reports:
        if r.notebook not in declared:
            try:
                declared[r.notebook] = declared_parameters(r.notebook, cache)
            except ReportConfigError as exc:
                errors.append(f"report {r.name!r}: {exc}")
    if errors:
        raise ReportConfigError("\n".join(dict.fromkeys(errors)))
    unused = [k for k in overrides if not any(k in declared[r.notebook] or k in r.dimensions for r in reports)]
    if unused:
        listing = "; ".join(f"{nb.name}: {', '.join(d) or '(no parameters cell)'}" for nb, d in declared.items())
        errors.append(f"unknown parameter{'s' if len(unused) > 1 else ''} {', '.join(map(repr, unused))} "
                      f"for the selected reports; declared parameters — {listing}")
    errors += dimension_overrides(reports, overrides)
    out: list[Report] = []
    for r in reports:
        decl = declared[r.notebook]
        bad = [k for k in r.parameters if k not in decl and not (k == LANG and r.lang)]
        if bad:
            errors.append(f"report {r.name!r}: unknown parameter{'s' if len(bad) > 1 else ''} "
                          f"{', '.join(map(repr, bad))}; {r.notebook.name} declares: {', '.join(decl) or '(none)'}")
            continue
        final = {**r.parameters, **{k: v for k, v in overrides.items() if k in decl}}
        if LANG not in decl:  # the language of a notebook without a lang parameter: its page only (worker)
            final.pop(LANG, None)
        for key, value in final.items():
            if isinstance(value, int) and not isinstance(value, bool) and _declares_str(decl[key]):
                final[key] = str(value)
            if key in PATH_PARAMETERS and value is not None:
                try:
                    base = None if key in overrides else root
                    final[key] = check_parameters(base=base, **{key: value})[key]
                except ValueError as exc:
                    errors.append(f"report {r.name!r}: {exc}")
        out.append(dataclasses.replace(r, parameters=final))
    if errors:
        raise ReportConfigError("\n".join(dict.fromkeys(errors)))
    return out


def dimension_overrides(reports: Sequence[Report], overrides: Mapping[str, Any]) -> list[str]:
    """Why each override that would change a report's dimension is refused (one message per parameter,
    naming the reports; empty when there is none).  An override equal to the report's own value changes
    nothing and passes.

    >>> from .matrix import load_matrix
    >>> rs = load_matrix([{"notebook": "a.ipynb", "matrix": {"doc_id": ["x_1", "y_2", "z_3"]}}], "/nb")
    >>> print(dimension_overrides(rs, {"doc_id": "y_2"})[0])
    -p doc_id='y_2' would put one analysis under the names of reports built for other values (a-x_1, a-z_3: their names come from doc_id); to build a-y_2, use --only a-y_2 instead of -p doc_id
    >>> dimension_overrides(rs[1:2], {"doc_id": "y_2"})
    []
    """
    errors = []
    for key, value in overrides.items():
        clash = [r for r in reports if key in r.dimensions and r.parameters.get(key) != value]
        if not clash:
            continue
        own = list(dict.fromkeys(r.base for r in reports if key in r.dimensions and r.parameters.get(key) == value))
        hint = (f"to build the pages in one language, use --lang {value} instead of -p {key}" if key == LANG else
                f"to build {', '.join(own)}, use --only {' --only '.join(own)} instead of -p {key}" if own else
                f"use --only <name> to pick the reports to build instead of -p {key}")
        errors.append(f"-p {key}={value!r} would put one analysis under the names of reports built for other "
                      f"values ({', '.join(r.name for r in clash)}: their names come from {key}); {hint}")
    return errors


def check_values(reports: Iterable[Report]) -> None:
    """Check every parameter value with :func:`ipanalysis.parameters.check_parameters` (doc ids,
    dates, methods); all problems in one :class:`ReportConfigError`."""
    errors = []
    for r in reports:
        try:
            check_parameters(**{k: v for k, v in r.parameters.items() if k not in PATH_PARAMETERS})
        except ValueError as exc:
            errors.append(f"report {r.name!r}: {exc}")
    if errors:
        raise ReportConfigError("\n".join(dict.fromkeys(errors)))
