"""Build the HTML report set: parameterised notebooks run by papermill, exported by nbconvert.

The report set is declared data, ``notebooks/reports.json`` (the *matrix*): every entry names
a notebook, fixed ``parameters`` and optionally a ``matrix`` of values expanded to one report
per combination.  ``ipanalysis report`` (:func:`cli_main`) or :func:`build` then

1. reads each notebook's cell tagged ``parameters`` and validates every parameter *before any
   kernel starts* (unknown names, ``doc_id``, ``as_of``, path parameters such as
   ``observations``); a problem raises :class:`ReportConfigError` and nothing is written;
2. skips every report whose inputs are unchanged since its last successful build (a hash of
   the notebook, its parameters, the data files, the package sources and version, kept in
   ``<out>/manifest.json``); ``force=True`` / ``--force`` rebuilds;
3. runs the rest in a process pool (``jobs`` workers; one papermill kernel per report, the
   ``python3`` kernel of the current interpreter, cwd = the notebook's folder), exports
   ``<out>/<name>.html`` in-process without code input, and writes ``<out>/<name>.ipynb``
   (the executed notebook), ``<out>/index.html`` and ``<out>/manifest.json``.

Decisions
---------
* **Default output folder**: ``reports/`` in the repository root (:data:`DEFAULT_OUT`),
  whatever the current directory is (it is git-ignored; ``make reports`` writes there).
  ``--out DIR`` is resolved against the current directory.
* **Atomic writes**: every file is written to a temporary file in the same folder and moved
  into place with :func:`os.replace`; a reader never sees a half-written file.
* **Failures**: a notebook that raises does not stop the others.  A failed report has *no*
  HTML: a previous good ``<name>.html`` is removed (so an HTML file in the output folder is
  always the current, successful result), ``<name>.ipynb`` is the executed notebook with the
  error in it, and the index row shows the failing cell (1-based, counted in the source
  notebook) and the error message.  Failed reports are retried by the next build even when
  nothing changed.
* **Incremental hash** (per report): notebook file bytes, the parameters (path parameters
  relative to the repository root plus the content of the file they name), every ``*.csv``,
  ``*.txt`` and ``*.json`` file under :func:`ipanalysis.sources.data_dir`, every ``*.py``
  file of the package and the package version.
* **Kernel environment**: each worker sets :data:`WORKER_ENV` (inherited by its kernels) and
  puts this interpreter's ``share/jupyter`` first on ``JUPYTER_PATH`` so that the
  ``python3`` kernel is this interpreter's ipykernel; the build checks that before starting.

>>> parse_param("doc_id=ordos_2022")
('doc_id', 'ordos_2022')
>>> [r.name for r in load_matrix()][:4]
['compare', 'audit', 'trajectories-guiyang_2022', 'trajectories-cangshan_2013']
"""

from __future__ import annotations

import argparse
import ast
import datetime as _dt
import hashlib
import html as _html
import itertools
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "ReportConfigError", "Report", "parse_value", "parse_param", "load_matrix", "notebook_parameters",
    "select_reports", "prepare_reports", "kernel_command", "build", "summary_table", "cli_main",
    "REPO_ROOT", "NOTEBOOK_DIR", "DEFAULT_MATRIX", "DEFAULT_OUT", "KERNEL_NAME", "WORKER_ENV",
    "PATH_PARAMETERS",
]

#: The repository root: relative path parameters in the matrix are resolved against it.
REPO_ROOT = Path(__file__).resolve().parent.parent
#: The folder of the real notebooks and of the matrix.
NOTEBOOK_DIR = REPO_ROOT / "notebooks"
#: The report matrix used when none is given.
DEFAULT_MATRIX = NOTEBOOK_DIR / "reports.json"
#: Where reports go when no ``out`` is given (independent of the current directory).
DEFAULT_OUT = REPO_ROOT / "reports"
#: Kernel every report runs on; it must resolve to the current interpreter (see :func:`kernel_command`).
KERNEL_NAME = "python3"
#: Environment of the worker processes and so of every kernel they start.  MPLBACKEND is the
#: inline backend (what ipykernel picks by default; ``Agg`` would stop figures from being
#: displayed in the report), set explicitly so that a user's MPLBACKEND cannot leak in.
WORKER_ENV = {
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    "PYTHONHASHSEED": "0",
    "SOURCE_DATE_EPOCH": "0",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "IPANALYSIS_REPORT": "1",
}
#: Parameters whose value is a file path: resolved to an absolute path (relative to the
#: repository root when they come from the matrix, to the current directory when given with
#: ``-p``), must exist, and their file content is part of the report hash.
PATH_PARAMETERS = frozenset({"observations"})

_DATA_SUFFIXES = (".csv", ".txt", ".json")
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_MANIFEST = "manifest.json"
_INDEX = "index.html"
_MANIFEST_FORMAT = 1


class ReportConfigError(ValueError):
    """A problem with the report matrix, a parameter or an option, found before any kernel starts.

    >>> str(ReportConfigError("unknown report 'x'"))
    "unknown report 'x'"
    """


@dataclass(frozen=True)
class Report:
    """One report: a unique ``name``, an absolute ``notebook`` path and its ``parameters``.

    >>> r = Report("compare", Path("/nb/compare.ipynb"))
    >>> r.stem, r.parameters
    ('compare', {})
    """

    name: str
    notebook: Path
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        """The notebook's file name without ``.ipynb``."""
        return self.notebook.stem


# --------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------

def parse_value(text: str) -> Any:
    """A ``-p`` value parsed the way ``papermill -p`` does: bool, None, int, float, else str.

    >>> [parse_value(v) for v in ["True", "None", "3", "2.5", "1e3", "2023-01-31", "ordos_2022"]]
    [True, None, 3, 2.5, 1000.0, '2023-01-31', 'ordos_2022']
    """
    if text == "True":
        return True
    if text == "False":
        return False
    if text == "None":
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def parse_param(text: str) -> tuple[str, Any]:
    """Split one ``key=value`` option and parse the value with :func:`parse_value`.

    >>> parse_param("x=3")
    ('x', 3)
    >>> parse_param("observations=data/x.csv")
    ('observations', 'data/x.csv')
    >>> parse_param("x")
    Traceback (most recent call last):
    ...
    ipanalysis.report.ReportConfigError: -p expects key=value, got 'x'
    """
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep or not key.isidentifier():
        raise ReportConfigError(f"-p expects key=value, got {text!r}")
    return key, parse_value(value)


def _cell_source(cell: Mapping) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _read_notebook_json(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReportConfigError(f"notebook not found: {path}") from None
    except (ValueError, OSError) as exc:
        raise ReportConfigError(f"cannot read notebook {path}: {exc}") from None


def notebook_parameters(path: str | Path) -> dict[str, dict[str, str]]:
    """Parameters declared in the notebook's first cell tagged ``parameters``.

    Same shape as ``papermill.inspect_notebook``: ``{name: {"name", "inferred_type_name",
    "default", "help"}}``, read with :mod:`ast` (top-level ``name = value`` and
    ``name: type = value`` statements; a trailing ``# comment`` is the help), so that it does
    not import papermill.  A cell that is not valid Python (e.g. magics) falls back to
    papermill's own reader.  No ``parameters`` cell gives ``{}``.

    >>> import json, tempfile
    >>> cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "outputs": [],
    ...         "source": 'doc_id = "ordos_2022"  # which document\\nas_of: str = "2023"\\n'}
    >>> with tempfile.NamedTemporaryFile("w", suffix=".ipynb", delete=False) as f:
    ...     json.dump({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, f)
    >>> p = notebook_parameters(f.name)
    >>> p["doc_id"]["default"], p["doc_id"]["help"], p["as_of"]["inferred_type_name"]
    ('"ordos_2022"', 'which document', 'str')
    """
    nb = _read_notebook_json(Path(path))
    cell = next((c for c in nb.get("cells", []) if c.get("cell_type") == "code"
                 and "parameters" in (c.get("metadata", {}).get("tags") or [])), None)
    if cell is None:
        return {}
    src = _cell_source(cell)
    try:
        tree = ast.parse(src)
    except SyntaxError:
        from papermill.translators import PythonTranslator  # slow import, rare path

        return {p.name: p._asdict() for p in PythonTranslator.inspect({"source": src})}
    lines = src.splitlines()
    out: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
            annotation = None
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            targets = [node.target.id]
            annotation = ast.get_source_segment(src, node.annotation)
        else:
            continue
        default = ast.get_source_segment(src, node.value) or ""
        tail = lines[node.end_lineno - 1][node.end_col_offset:] if node.end_lineno else ""
        help_text = tail.split("#", 1)[1].strip() if "#" in tail else ""
        typed = re.match(r"type:\s*(\S*)\s*(.*)$", help_text)
        if typed:  # papermill's "# type: <name> <help>" comment
            annotation = annotation or typed.group(1) or None
            help_text = typed.group(2).strip()
        for name in targets:
            out[name] = {"name": name, "inferred_type_name": str(annotation).strip("'\"") if annotation else "None",
                         "default": default, "help": help_text}
    return out


def _declares_str(spec: Mapping[str, str]) -> bool:
    if spec.get("inferred_type_name") == "str":
        return True
    try:
        return isinstance(ast.literal_eval(spec.get("default", "")), str)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False


# --------------------------------------------------------------------------------------------
# The matrix
# --------------------------------------------------------------------------------------------

def _slug(value: Any) -> str:
    s = re.sub(r"[^A-Za-z0-9._-]+", "_", str(value)).strip("_")
    return s or "_"


def load_matrix(matrix: str | Path | Sequence | Mapping | None = None,
                notebook_dir: str | Path | None = None) -> list[Report]:
    """The reports declared by a matrix, expanded and named deterministically, in file order.

    ``matrix`` is a path to a JSON file (default :data:`DEFAULT_MATRIX`) or the decoded data:
    a list of entries or ``{"reports": [...], "notebook_dir": ...}``.  Each entry has
    ``notebook`` (relative to ``notebook_dir``: the argument, else the file's
    ``"notebook_dir"`` relative to the file, else the file's folder), optional
    ``parameters`` (fixed), optional ``matrix`` (``{param: [values...]}``, one report per
    combination) and optional ``name`` (a ``str.format`` template over the parameters).
    Without ``name`` a report is called after the notebook stem, plus ``-<value>`` for every
    matrix parameter.  Notebook files need not exist yet (see :func:`prepare_reports`).

    >>> reports = load_matrix([{"notebook": "compare.ipynb"},
    ...                        {"notebook": "trajectories.ipynb", "matrix": {"doc_id": ["a_1", "b_2"]}},
    ...                        {"notebook": "t.ipynb", "name": "t-{doc_id}", "parameters": {"doc_id": "c"}}],
    ...                       notebook_dir="/nb")
    >>> [(r.name, r.notebook.name, r.parameters) for r in reports]  # doctest: +NORMALIZE_WHITESPACE
    [('compare', 'compare.ipynb', {}), ('trajectories-a_1', 'trajectories.ipynb', {'doc_id': 'a_1'}),
     ('trajectories-b_2', 'trajectories.ipynb', {'doc_id': 'b_2'}), ('t-c', 't.ipynb', {'doc_id': 'c'})]
    """
    base: Path | None = None
    if matrix is None:
        matrix = DEFAULT_MATRIX
    if isinstance(matrix, (str, Path)):
        mpath = Path(matrix).resolve()
        try:
            data = json.loads(mpath.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ReportConfigError(f"report matrix not found: {mpath}") from None
        except ValueError as exc:
            raise ReportConfigError(f"report matrix {mpath} is not valid JSON: {exc}") from None
        base = mpath.parent
        where = str(mpath)
    else:
        data, where = matrix, "report matrix"
    entries = data
    if isinstance(data, Mapping):
        entries = data.get("reports")
        if data.get("notebook_dir") is not None and base is not None:
            base = (base / data["notebook_dir"]).resolve()
    if not isinstance(entries, list):
        raise ReportConfigError(f"{where}: expected a list of reports or {{\"reports\": [...]}}")
    nb_dir = Path(notebook_dir).resolve() if notebook_dir is not None else (base or NOTEBOOK_DIR)

    reports: list[Report] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, Mapping) or not isinstance(entry.get("notebook"), str):
            raise ReportConfigError(f"{where}: entry {i} needs a \"notebook\": {entry!r}")
        unknown = set(entry) - {"name", "notebook", "parameters", "matrix", "description"}
        if unknown:
            raise ReportConfigError(f"{where}: entry {i} has unknown keys {sorted(unknown)}; "
                                    "allowed: name, notebook, parameters, matrix, description")
        fixed = dict(entry.get("parameters") or {})
        grid = dict(entry.get("matrix") or {})
        for key, values in grid.items():
            if not isinstance(values, list) or not values:
                raise ReportConfigError(f"{where}: entry {i}: matrix[{key!r}] must be a non-empty list")
        overlap = set(fixed) & set(grid)
        if overlap:
            raise ReportConfigError(f"{where}: entry {i}: {sorted(overlap)} both fixed and in the matrix")
        nb = (nb_dir / entry["notebook"]).resolve()
        for combo in itertools.product(*grid.values()) if grid else [()]:
            varying = dict(zip(grid, combo))
            params = {**fixed, **varying}
            if entry.get("name"):
                try:
                    name = str(entry["name"]).format(**params)
                except (KeyError, IndexError, ValueError) as exc:
                    raise ReportConfigError(f"{where}: entry {i}: bad name template {entry['name']!r}: {exc}") from None
            else:
                name = "-".join([nb.stem, *(_slug(v) for v in varying.values())])
            if not _NAME_RE.match(name):
                raise ReportConfigError(f"{where}: report name {name!r} must match {_NAME_RE.pattern}")
            reports.append(Report(name, nb, params))
    seen: set[str] = set()
    dupes = sorted({r.name for r in reports if r.name in seen or seen.add(r.name)})
    if dupes:
        raise ReportConfigError(f"{where}: duplicate report names {dupes}")
    return reports


def select_reports(reports: Sequence[Report], only: str | Iterable[str] | None = None) -> list[Report]:
    """The reports whose name or notebook stem is in ``only`` (all when ``only`` is empty).

    >>> rs = load_matrix([{"notebook": "a.ipynb"}, {"notebook": "b.ipynb", "matrix": {"k": [1, 2]}}], "/nb")
    >>> [r.name for r in select_reports(rs, ["b"])]
    ['b-1', 'b-2']
    >>> select_reports(rs, "zz")
    Traceback (most recent call last):
    ...
    ipanalysis.report.ReportConfigError: unknown report 'zz'; valid names: a, b-1, b-2; notebooks: a, b
    """
    if only is None:
        return list(reports)
    wanted = [only] if isinstance(only, str) else list(only)
    if not wanted:
        return list(reports)
    names = [r.name for r in reports]
    stems = list(dict.fromkeys(r.stem for r in reports))
    unknown = [w for w in wanted if w not in names and w not in stems]
    if unknown:
        raise ReportConfigError(
            f"unknown report{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"valid names: {', '.join(names)}; notebooks: {', '.join(stems)}")
    return [r for r in reports if r.name in wanted or r.stem in wanted]


def _check_as_of(value: Any) -> str | None:
    from .attainment import parse_as_of  # the one definition of a valid as_of

    try:
        parse_as_of(str(value))
        return None
    except ValueError:
        pass
    return f"as_of={value!r} is not a year or a date; expected YYYY or YYYY-MM-DD (e.g. 2023 or 2023-12-31)"


def _display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def prepare_reports(reports: Sequence[Report], params: Mapping[str, Any] | Iterable[str] | None = None,
                    *, root: str | Path | None = None, cli_base: str | Path | None = None,
                    path_parameters: Iterable[str] = PATH_PARAMETERS) -> list[Report]:
    """Validate and resolve the parameters of ``reports``; no kernel is started.

    ``params`` (a mapping, or ``key=value`` strings parsed with :func:`parse_param`) are
    applied to every report whose notebook declares them; a name no selected notebook declares
    is an error.  Checks: the notebook exists; every parameter is declared in its
    ``parameters`` cell; ``doc_id`` is one of :func:`ipanalysis.sources.doc_ids`; ``as_of`` is
    ``YYYY`` or ``YYYY-MM-DD``; path parameters name an existing file (matrix paths relative
    to ``root``, default :data:`REPO_ROOT`; ``params`` paths relative to ``cli_base``, default
    the current directory) and become absolute.  An int given for a parameter whose default is
    a string (``-p as_of=2023``) is passed as a string.  All problems are reported together in
    one :class:`ReportConfigError`.

    >>> prepare_reports([Report("x", Path("/nowhere/x.ipynb"))])
    Traceback (most recent call last):
    ...
    ipanalysis.report.ReportConfigError: report 'x': notebook not found: /nowhere/x.ipynb
    """
    from .sources import doc_ids

    root = Path(root).resolve() if root is not None else REPO_ROOT
    cli_base = Path(cli_base).resolve() if cli_base is not None else Path.cwd()
    path_parameters = frozenset(path_parameters)
    if params is None:
        overrides: dict[str, Any] = {}
    elif isinstance(params, Mapping):
        overrides = dict(params)
    else:
        overrides = dict(parse_param(p) for p in params)

    errors: list[str] = []
    declared: dict[Path, dict[str, dict[str, str]]] = {}
    for r in reports:
        if r.notebook not in declared:
            if not r.notebook.is_file():
                errors.append(f"report {r.name!r}: notebook not found: {r.notebook}")
                continue
            try:
                declared[r.notebook] = notebook_parameters(r.notebook)
            except ReportConfigError as exc:
                errors.append(f"report {r.name!r}: {exc}")
    if errors:
        raise ReportConfigError("\n".join(errors))

    unused = [k for k in overrides if not any(k in declared[r.notebook] for r in reports)]
    if unused:
        listing = "; ".join(f"{nb.name}: {', '.join(d) or '(no parameters cell)'}"
                            for nb, d in declared.items())
        errors.append(f"unknown parameter{'s' if len(unused) > 1 else ''} {', '.join(map(repr, unused))} "
                      f"for the selected reports; declared parameters — {listing}")

    valid_docs: list[str] | None = None
    out: list[Report] = []
    for r in reports:
        decl = declared[r.notebook]
        bad = [k for k in r.parameters if k not in decl]
        if bad:
            errors.append(f"report {r.name!r}: unknown parameter{'s' if len(bad) > 1 else ''} "
                          f"{', '.join(map(repr, bad))}; {r.notebook.name} declares: "
                          f"{', '.join(decl) or '(no cell tagged parameters)'}")
            continue
        final: dict[str, Any] = {}
        sources = {**{k: root for k in r.parameters}, **{k: cli_base for k in overrides if k in decl}}
        for key, value in {**r.parameters, **{k: v for k, v in overrides.items() if k in decl}}.items():
            if isinstance(value, int) and not isinstance(value, bool) and _declares_str(decl[key]):
                value = str(value)
            if key == "doc_id":
                if valid_docs is None:
                    valid_docs = doc_ids()
                if value not in valid_docs:
                    errors.append(f"report {r.name!r}: unknown doc_id {value!r}; valid: {', '.join(valid_docs)}")
            elif key == "as_of" and value is not None:
                problem = _check_as_of(value)
                if problem:
                    errors.append(f"report {r.name!r}: {problem}")
            elif key in path_parameters and value is not None:
                p = Path(str(value)).expanduser()
                p = (p if p.is_absolute() else sources[key] / p).resolve()
                if not p.is_file():
                    errors.append(f"report {r.name!r}: {key} file not found: {p}")
                value = str(p)
            final[key] = value
        out.append(Report(r.name, r.notebook, final))
    if errors:
        raise ReportConfigError("\n".join(dict.fromkeys(errors)))
    return out


# --------------------------------------------------------------------------------------------
# Hashing and the manifest
# --------------------------------------------------------------------------------------------

def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tree_digest(base: Path, suffixes: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    if base.is_dir():
        files = sorted(p for p in base.rglob("*")
                       if p.suffix in suffixes and p.is_file() and "__pycache__" not in p.parts)
        for p in files:
            h.update(p.relative_to(base).as_posix().encode() + b"\0" + _sha(p.read_bytes()).encode() + b"\n")
    return h.hexdigest()


def _package_version() -> str:
    try:
        from importlib.metadata import version

        return version("ipanalysis")
    except Exception:  # pragma: no cover - not installed
        return "unknown"


def _environment_digest() -> str:
    from .sources import data_dir

    parts = {
        "data": _tree_digest(Path(data_dir()), _DATA_SUFFIXES),
        "package": _tree_digest(Path(__file__).resolve().parent, (".py",)),
        "version": _package_version(),
        "kernel": KERNEL_NAME,
    }
    return _sha(json.dumps(parts, sort_keys=True).encode())


def _report_hash(r: Report, env_digest: str, root: Path, path_parameters: frozenset[str]) -> str:
    shown, contents = {}, {}
    for key, value in r.parameters.items():
        if key in path_parameters and value is not None:
            p = Path(value)
            shown[key] = _display_path(p, root)
            contents[key] = _sha(p.read_bytes()) if p.is_file() else None
        else:
            shown[key] = value
    payload = json.dumps({"notebook": _sha(r.notebook.read_bytes()), "parameters": shown,
                          "files": contents, "env": env_digest}, sort_keys=True, default=repr)
    return "sha256:" + _sha(payload.encode())


def _display_params(r: Report, root: Path, path_parameters: frozenset[str]) -> dict[str, Any]:
    return {k: (_display_path(Path(v), root) if k in path_parameters and v is not None else v)
            for k, v in r.parameters.items()}


def _load_manifest(out: Path) -> dict:
    try:
        data = json.loads((out / _MANIFEST).read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("reports"), dict):
            return data
    except (OSError, ValueError):
        pass
    return {"reports": {}}


def _file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()  # mkstemp creates 0600 files; outputs get the usual umask-based mode


def _atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file next to ``path`` and move it into place."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, _FILE_MODE)
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


# --------------------------------------------------------------------------------------------
# Workers
# --------------------------------------------------------------------------------------------

def _kernel_env() -> dict[str, str]:
    share = str(Path(sys.prefix) / "share" / "jupyter")
    current = os.environ.get("JUPYTER_PATH", "")
    parts = [share] + [p for p in current.split(os.pathsep) if p and p != share]
    return {**WORKER_ENV, "JUPYTER_PATH": os.pathsep.join(parts)}


def kernel_command(kernel_name: str = KERNEL_NAME) -> list[str]:
    """The command line a report worker launches for ``kernel_name``.

    Resolved like jupyter_client does (with the workers' ``JUPYTER_PATH``), including its
    substitution of a bare ``python`` by :data:`sys.executable`; :func:`build` refuses to run
    when the executable is not the current interpreter.

    >>> kernel_command()[0] == sys.executable
    True
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    saved = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = _kernel_env()["JUPYTER_PATH"]
    try:
        spec = KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        raise ReportConfigError(f"no Jupyter kernel named {kernel_name!r}; install ipykernel in "
                                f"{sys.prefix}") from None
    finally:
        if saved is None:
            os.environ.pop("JUPYTER_PATH", None)
        else:
            os.environ["JUPYTER_PATH"] = saved
    argv = list(spec.argv)
    major, minor = sys.version_info[:2]
    if argv and argv[0] in {"python", f"python{major}", f"python{major}.{minor}"}:
        argv[0] = sys.executable
    return argv


def _check_kernel() -> None:
    exe = Path(kernel_command()[0])
    here = Path(sys.executable)
    same = exe.absolute().parent == here.absolute().parent and os.path.realpath(exe) == os.path.realpath(here)
    if not same:
        raise ReportConfigError(f"kernel {KERNEL_NAME!r} runs {exe}, not this interpreter ({here}); "
                                f"run `{here} -m ipykernel install --sys-prefix` or remove the other kernelspec")


_ENGINE_KWARGS: dict[str, Any] = {}


def _init_worker(env: Mapping[str, str]) -> None:
    os.environ.update(env)
    import papermill  # noqa: F401  (import once per worker, not per report)
    from nbconvert import HTMLExporter  # noqa: F401

    _ENGINE_KWARGS.update(_engine_kwargs())


def _engine_kwargs() -> dict[str, Any]:
    """Extra nbclient options: CurveZMQ-encrypted kernel channels where jupyter_client and
    pyzmq support it (ipykernel >= 7 otherwise warns about unencrypted TCP on stderr)."""
    try:
        import zmq
        from jupyter_client.manager import KernelManager
        from traitlets.config import Config
    except ImportError:  # pragma: no cover
        return {}
    if zmq.has("curve") and KernelManager.class_traits().get("transport_encryption") is not None:
        return {"config": Config({"KernelManager": {"transport_encryption": "auto"}})}
    return {}


def _html_exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                        embed_images=True)


def _strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)


def _source_cell_number(executed: Path, cell_index: int) -> int | None:
    """1-based number, in the source notebook, of executed cell ``cell_index`` (pre-markers)."""
    try:
        cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return None
    cells = [c for c in cells if "papermill-error-cell-tag" not in (c.get("metadata", {}).get("tags") or [])]
    injected = sum("injected-parameters" in (c.get("metadata", {}).get("tags") or []) for c in cells[:cell_index])
    return cell_index + 1 - injected


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _run_report(task: dict) -> dict:
    """Execute one report in a worker; never raises for a notebook error."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    t0 = time.perf_counter()
    out = Path(task["out"])
    name = task["name"]
    html_path, nb_path = out / f"{name}.html", out / f"{name}.ipynb"
    fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{name}.", suffix=".tmp.ipynb")
    os.close(fd)
    os.chmod(tmp, _FILE_MODE)
    tmp_nb = Path(tmp)
    os.environ["IPANALYSIS_REPORT_NAME"] = name
    result = {"name": name, "status": "failed", "error": None, "cell": None, "traceback": None}
    # The kernel inherits the worker's stderr: capture it per report (ipykernel's shutdown chatter
    # would garble the progress bar) and keep its tail with a failure.
    log = tempfile.TemporaryFile()
    sys.stderr.flush()
    saved_fd = os.dup(2)
    os.dup2(log.fileno(), 2)
    try:
        nb = pm.execute_notebook(task["notebook"], str(tmp_nb), parameters=task["parameters"],
                                 kernel_name=KERNEL_NAME, cwd=task["cwd"], log_output=False,
                                 progress_bar=False, request_save_on_cell_execute=False, **_ENGINE_KWARGS)
        body, _ = _html_exporter().from_notebook_node(nb)
        os.replace(tmp_nb, nb_path)
        _atomic_write(html_path, body)
        result["status"] = "ok"
    except PapermillExecutionError as exc:
        result["cell"] = _source_cell_number(tmp_nb, exc.cell_index)
        result["error"] = f"{exc.ename}: {exc.evalue}" if exc.evalue else str(exc.ename)
        result["traceback"] = _strip_ansi("\n".join(exc.traceback or []))[-4000:]
        if tmp_nb.is_file() and tmp_nb.stat().st_size:
            os.replace(tmp_nb, nb_path)
    except Exception as exc:  # kernel died, export failed, ...
        result["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        sys.stderr.flush()
        os.dup2(saved_fd, 2)
        os.close(saved_fd)
        _remove(tmp_nb)
        if result["status"] != "ok":
            _remove(html_path)
            log.seek(0)
            stderr = _strip_ansi(log.read()[-3000:].decode("utf-8", "replace")).strip()
            if stderr:
                result["traceback"] = ((result["traceback"] or "") + "\n\n[kernel stderr]\n" + stderr).strip()
        log.close()
        result["seconds"] = round(time.perf_counter() - t0, 3)
    return result


# --------------------------------------------------------------------------------------------
# Index page
# --------------------------------------------------------------------------------------------

_CSS = """body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35em .6em;
text-align:left;vertical-align:top;font-size:.95em}th{background:#f4f4f4}
.ok{color:#176f2c}.failed{color:#b00020;font-weight:bold}.missing{color:#888}
code{font-size:.9em}pre{white-space:pre-wrap;font-size:.8em;max-height:20em;overflow:auto}"""


def _index_html(rows: list[dict], summary: str) -> str:
    esc = _html.escape
    body = []
    for row in rows:
        params = ", ".join(f"{k}={v!r}" if not isinstance(v, str) else f"{k}={v}" for k, v in row["parameters"].items())
        status = row["status"]
        cls = {"ok": "ok", "skipped": "ok", "failed": "failed"}.get(status, "missing")
        shown = "ok (up to date)" if status == "skipped" else status
        if row.get("html"):
            link = f'<a href="{esc(row["html"])}">{esc(row["name"])}</a>'
        elif row.get("ipynb"):
            link = f'{esc(row["name"])} (<a href="{esc(row["ipynb"])}">executed notebook</a>)'
        else:
            link = esc(row["name"])
        detail = ""
        if status == "failed":
            where = f"cell {row['cell']}: " if row.get("cell") else ""
            detail = f"<strong>{esc(where)}</strong>{esc(row.get('error') or '')}"
            if row.get("traceback"):
                detail += f"<details><summary>traceback</summary><pre>{esc(row['traceback'])}</pre></details>"
        secs = "" if row.get("seconds") is None else f"{row['seconds']:.1f}"
        body.append(f"<tr><td>{link}</td><td><code>{esc(row['notebook'])}</code></td><td>{esc(params)}</td>"
                    f'<td class="{cls}">{esc(shown)}</td><td>{secs}</td><td>{esc(row.get("built_at") or "")}</td>'
                    f"<td>{detail}</td></tr>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>ipanalysis reports</title>"
            f"<style>{_CSS}</style></head><body>\n<h1>ipanalysis reports</h1>\n<p>{_html.escape(summary)}</p>\n"
            "<table><thead><tr><th>report</th><th>notebook</th><th>parameters</th><th>status</th>"
            "<th>time (s)</th><th>built</th><th>details</th></tr></thead><tbody>\n"
            + "\n".join(body) + "\n</tbody></table></body></html>\n")


# --------------------------------------------------------------------------------------------
# build / CLI
# --------------------------------------------------------------------------------------------

def _now() -> str:
    return _dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


def build(out: str | Path | None = None, only: str | Iterable[str] | None = None,
          params: Mapping[str, Any] | Iterable[str] | None = None, jobs: int | None = None,
          force: bool = False, matrix: str | Path | Sequence | Mapping | None = None,
          progress: bool = True, *, notebook_dir: str | Path | None = None,
          root: str | Path | None = None):
    """Build (or bring up to date) the HTML reports; returns one row per selected report.

    ``out`` defaults to :data:`DEFAULT_OUT`; ``only`` selects report names or notebook stems;
    ``params`` are ``-p``-style overrides (see :func:`prepare_reports`); ``jobs`` is the
    number of worker processes (default ``os.cpu_count()``); ``force`` rebuilds up-to-date
    reports; ``matrix``/``notebook_dir`` as in :func:`load_matrix`; ``root`` is the base of
    relative path parameters in the matrix (default :data:`REPO_ROOT`).  Configuration
    problems raise :class:`ReportConfigError` before anything is written or any kernel starts.

    The DataFrame has columns ``name, notebook, parameters, status`` (``ok``, ``skipped`` =
    up to date, ``failed``), ``seconds`` (spent in this run), ``html`` (path or None),
    ``ipynb``, ``cell`` (failing cell, 1-based) and ``error``.

    >>> build(only="no-such-report", progress=False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ipanalysis.report.ReportConfigError: unknown report 'no-such-report'; valid names: compare, ...
    """
    import pandas as pd
    from tqdm.auto import tqdm

    all_reports = load_matrix(matrix, notebook_dir)
    reports = select_reports(all_reports, only)
    root_path = Path(root).resolve() if root is not None else REPO_ROOT
    paths = PATH_PARAMETERS
    reports = prepare_reports(reports, params, root=root_path, path_parameters=paths)
    if jobs is None:
        jobs = os.cpu_count() or 1
    if int(jobs) < 1:
        raise ReportConfigError(f"jobs must be at least 1, got {jobs}")
    out_dir = Path(out).resolve() if out is not None else DEFAULT_OUT

    env_digest = _environment_digest()
    manifest = _load_manifest(out_dir)
    previous: dict[str, dict] = manifest["reports"]
    hashes = {r.name: _report_hash(r, env_digest, root_path, paths) for r in reports}

    def up_to_date(r: Report) -> bool:
        prev = previous.get(r.name) or {}
        return (prev.get("hash") == hashes[r.name] and prev.get("status") == "ok"
                and (out_dir / f"{r.name}.html").is_file() and (out_dir / f"{r.name}.ipynb").is_file())

    todo = [r for r in reports if force or not up_to_date(r)]
    if todo:
        _check_kernel()
    out_dir.mkdir(parents=True, exist_ok=True)

    results: dict[str, dict] = {}
    bar = tqdm(total=len(reports), disable=not progress, unit="report", desc="reports", file=sys.stderr)

    def note(line: str) -> None:
        if progress:
            bar.write(line, file=sys.stderr)

    def save_manifest() -> None:
        manifest.update(format=_MANIFEST_FORMAT, package_version=_package_version(), updated=_now())
        keep = {r.name for r in all_reports}
        manifest["reports"] = {k: v for k, v in previous.items() if k in keep}
        _atomic_write(out_dir / _MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True) + "\n")

    todo_names = {r.name for r in todo}
    for r in reports:
        if r.name not in todo_names:
            results[r.name] = {"status": "skipped", "seconds": 0.0}
            bar.update(1)
            note(f"skipped {r.name} (up to date)")

    try:
        if todo:
            from concurrent.futures import ProcessPoolExecutor, as_completed
            from multiprocessing import get_context

            for r in todo:  # temp files left by a build that was killed
                for stale in out_dir.glob(f".{r.name}.*.tmp*"):
                    _remove(stale)
            # longest first (by the previous build time) balances the pool
            todo.sort(key=lambda r: -float((previous.get(r.name) or {}).get("seconds") or 1e9))
            with ProcessPoolExecutor(max_workers=min(int(jobs), len(todo)), mp_context=get_context("spawn"),
                                     initializer=_init_worker, initargs=(_kernel_env(),)) as pool:
                futures = {pool.submit(_run_report, {
                    "name": r.name, "notebook": str(r.notebook), "parameters": r.parameters,
                    "cwd": str(r.notebook.parent), "out": str(out_dir)}): r for r in todo}
                try:
                    for fut in as_completed(futures):
                        r = futures[fut]
                        try:
                            res = fut.result()
                        except Exception as exc:  # worker process died
                            res = {"name": r.name, "status": "failed", "seconds": None, "cell": None,
                                   "error": f"worker failed: {type(exc).__name__}: {exc}", "traceback": None}
                            _remove(out_dir / f"{r.name}.html")
                        results[r.name] = res
                        previous[r.name] = {
                            "notebook": r.notebook.name, "parameters": _display_params(r, root_path, paths),
                            "hash": hashes[r.name], "status": res["status"], "seconds": res["seconds"],
                            "html": f"{r.name}.html" if res["status"] == "ok" else None,
                            "ipynb": f"{r.name}.ipynb" if (out_dir / f"{r.name}.ipynb").is_file() else None,
                            "cell": res.get("cell"), "error": res.get("error"),
                            "traceback": res.get("traceback"), "built_at": _now()}
                        save_manifest()
                        bar.update(1)
                        where = f" (cell {res['cell']})" if res.get("cell") else ""
                        note(f"{res['status']} {r.name} {res['seconds'] or 0:.1f}s"
                             + (f" — {res['error']}{where}" if res["status"] == "failed" else ""))
                except BaseException:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
    finally:
        bar.close()
        save_manifest()
        _write_index(out_dir, all_reports, results, previous)

    rows = []
    for r in reports:
        res = results.get(r.name, {})
        html_file = out_dir / f"{r.name}.html"
        nb_file = out_dir / f"{r.name}.ipynb"
        rows.append({
            "name": r.name, "notebook": r.notebook.name, "parameters": r.parameters,
            "status": res.get("status", "failed"), "seconds": res.get("seconds"),
            "html": str(html_file) if res.get("status") in ("ok", "skipped") and html_file.is_file() else None,
            "ipynb": str(nb_file) if nb_file.is_file() else None,
            "cell": res.get("cell"),
            "error": res.get("error"),
        })
    frame = pd.DataFrame(rows, columns=["name", "notebook", "parameters", "status", "seconds",
                                        "html", "ipynb", "cell", "error"])
    if progress:
        print(summary_table(frame))
    return frame


def _write_index(out_dir: Path, all_reports: Sequence[Report], results: Mapping[str, dict],
                 previous: Mapping[str, dict]) -> None:
    rows = []
    for r in all_reports:
        prev = previous.get(r.name) or {}
        status = results.get(r.name, {}).get("status") or prev.get("status") or "not built"
        html_ok = status in ("ok", "skipped") and (out_dir / f"{r.name}.html").is_file()
        if status in ("ok", "skipped") and not html_ok:
            status = "not built"
        rows.append({"name": r.name, "notebook": r.notebook.name,
                     "parameters": prev.get("parameters", r.parameters) if prev else r.parameters,
                     "status": status, "seconds": prev.get("seconds"), "built_at": prev.get("built_at"),
                     "html": f"{r.name}.html" if html_ok else None,
                     "ipynb": prev.get("ipynb") if status == "failed" else None,
                     "cell": prev.get("cell"), "error": prev.get("error"), "traceback": prev.get("traceback")})
    counts = {s: sum(row["status"] == s for row in rows) for s in ("ok", "skipped", "failed", "not built")}
    summary = (f"{len(rows)} reports: {counts['ok'] + counts['skipped']} ok, {counts['failed']} failed"
               + (f", {counts['not built']} not built" if counts["not built"] else "")
               + f" — ipanalysis {_package_version()}, updated {_now()}")
    _atomic_write(out_dir / _INDEX, _index_html(rows, summary))


def summary_table(frame) -> str:
    """A plain-text table of ``name, status, seconds`` for a :func:`build` result.

    >>> import pandas as pd
    >>> print(summary_table(pd.DataFrame({"name": ["compare", "audit"], "status": ["ok", "failed"],
    ...                                   "seconds": [12.34, None]})))
    name     status  seconds
    compare  ok         12.3
    audit    failed        -
    2 reports: 1 ok, 0 skipped, 1 failed
    """
    rows = [(str(n), str(s), "-" if sec is None or sec != sec else f"{sec:.1f}")
            for n, s, sec in zip(frame["name"], frame["status"], frame["seconds"])]
    w0 = max([len("name"), *(len(r[0]) for r in rows)])
    w1 = max([len("status"), *(len(r[1]) for r in rows)])
    w2 = max([len("seconds"), *(len(r[2]) for r in rows)])
    lines = [f"{'name':<{w0}}  {'status':<{w1}}  {'seconds':>{w2}}"]
    lines += [f"{a:<{w0}}  {b:<{w1}}  {c:>{w2}}" for a, b, c in rows]
    statuses = list(frame["status"])
    lines.append(f"{len(rows)} reports: {statuses.count('ok')} ok, {statuses.count('skipped')} skipped, "
                 f"{statuses.count('failed')} failed")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ipanalysis report",
        description="Build the HTML reports declared in notebooks/reports.json (incremental: "
                    "up-to-date reports are skipped).",
        epilog="Exit status: 0 all reports ok or up to date, 1 some report failed, 2 bad configuration.")
    p.add_argument("--out", metavar="DIR", help=f"output folder (default: {DEFAULT_OUT})")
    p.add_argument("--only", metavar="NAME", action="append", default=[],
                   help="build only this report (name or notebook stem); repeatable")
    p.add_argument("-p", "--parameter", metavar="KEY=VALUE", action="append", default=[], dest="params",
                   help="set a parameter in every selected report whose notebook declares it; values are "
                        "parsed like papermill -p (int/float/True/False/None, else string); repeatable")
    p.add_argument("--jobs", "-j", type=int, metavar="N", default=None,
                   help="parallel notebook runs (default: number of CPUs)")
    p.add_argument("--force", action="store_true", help="rebuild reports that are up to date")
    p.add_argument("--matrix", metavar="PATH", help=f"report matrix JSON (default: {DEFAULT_MATRIX})")
    p.add_argument("--list", action="store_true", help="list the report names and exit")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary table")
    return p


def cli_main(argv: Sequence[str] | None = None) -> int:
    """``ipanalysis report [options]``: build the reports; returns the exit status.

    0 when every selected report is ok or up to date, 1 when one failed, 2 for a usage or
    configuration error (printed to stderr; nothing is written).

    >>> cli_main(["--only", "nope"])
    2
    >>> cli_main(["--list", "--only", "compare"])
    compare
    0
    """
    parser = _parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help or a usage error
        return int(exc.code or 0)
    try:
        if args.list:
            for r in select_reports(load_matrix(args.matrix), args.only or None):
                print(r.name)
            return 0
        params = dict(parse_param(p) for p in args.params)
        frame = build(out=args.out, only=args.only or None, params=params, jobs=args.jobs,
                      force=args.force, matrix=args.matrix, progress=not args.quiet)
    except ReportConfigError as exc:
        print(f"ipanalysis report: error: {exc}", file=sys.stderr)
        return 2
    return 1 if (frame["status"] == "failed").any() else 0
