"""``<out>/manifest.json``: what was built from what, so that unchanged reports are skipped.

A report's hash covers its notebook's bytes, its parameters (data paths relative to the repository
root, plus the content of the file they name), every ``*.csv``/``*.txt``/``*.json`` file under the
data folder, every ``*.py`` file of the package and the package version.  A report is up to date
when its hash is the one of its last successful build and both its outputs exist.

>>> Manifest.load(Path("/nonexistent")).reports
{}
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..io import atomic_write
from ..parameters import PATH_PARAMETERS
from ..version import package_version
from .matrix import Report
from .task import Result

__all__ = ["Manifest", "environment_digest", "report_hash", "display_parameters", "package_version", "now"]

_SUFFIXES = (".csv", ".txt", ".json")
_FORMAT = 2
PACKAGE_DIR = Path(__file__).resolve().parents[1]


def now() -> str:
    return dt.datetime.now().astimezone().replace(microsecond=0).isoformat()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tree_digest(base: Path, suffixes: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    if base.is_dir():
        for p in sorted(p for p in base.rglob("*") if p.suffix in suffixes and "__pycache__" not in p.parts):
            h.update(p.relative_to(base).as_posix().encode() + b"\0" + _sha(p.read_bytes()).encode() + b"\n")
    return h.hexdigest()


def environment_digest(package_dir: Path | None = None) -> str:
    """Digest of the data folder, the package sources and version (what every report depends on)."""
    from ..data.sources import data_dir

    parts = {"data": _tree_digest(Path(data_dir()), _SUFFIXES),
             "package": _tree_digest(package_dir or PACKAGE_DIR, (".py", ".j2")),
             "version": package_version()}
    return _sha(json.dumps(parts, sort_keys=True).encode())


def display_parameters(r: Report, root: Path) -> dict[str, Any]:
    """Parameters as shown in the index and hashed: data paths relative to ``root`` where possible."""
    def show(key, value):
        if key in PATH_PARAMETERS and value is not None:
            p = Path(value)
            return p.relative_to(root).as_posix() if p.is_relative_to(root) else str(p)
        return value
    return {k: show(k, v) for k, v in r.parameters.items()}


def report_hash(r: Report, env_digest: str, root: Path) -> str:
    files = {k: _sha(Path(v).read_bytes()) for k, v in r.parameters.items()
             if k in PATH_PARAMETERS and v is not None and Path(v).is_file()}
    payload = json.dumps({"notebook": _sha(r.notebook.read_bytes()), "parameters": display_parameters(r, root),
                          "files": files, "env": env_digest}, sort_keys=True, default=repr)
    return "sha256:" + _sha(payload.encode())


@dataclass
class Manifest:
    """Per-report build records, the notebooks' declared parameters (by notebook hash) and the landing
    page's numbers.  ``keep``: the report names of the matrix (records of others are dropped on save).

    Written only through :meth:`record` and :meth:`record_index`, each of which saves at once
    (atomically): a build that is killed keeps the records of the reports it finished.

    >>> m = Manifest(Path("/nonexistent/manifest.json"))
    >>> m.entry(Report("a", Path("/nb/a.ipynb"), {"doc_id": "x"}), Result("a", "ok", 1.5), "sha256:0", Path("/"))["status"]
    'ok'
    """

    path: Path
    reports: dict[str, dict] = field(default_factory=dict)
    notebooks: dict[str, dict] = field(default_factory=dict)
    index: dict | None = None
    keep: set[str] | None = None

    @classmethod
    def load(cls, out: Path, keep: set[str] | None = None) -> Manifest:
        path = Path(out) / "manifest.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") == _FORMAT:
                return cls(path, data["reports"], data.get("notebooks", {}), data.get("index"), keep)
        except (OSError, ValueError, KeyError, AttributeError):
            pass
        return cls(path, keep=keep)

    @staticmethod
    def entry(report: Report, result: Result, digest: str, root: Path) -> dict[str, Any]:
        """The record of one build of ``report``: notebook, parameters as shown (data paths relative to
        ``root``), ``hash`` (:func:`report_hash`), ``built_at``, and the result's status, time and error."""
        return {"notebook": report.notebook.name, "parameters": display_parameters(report, root), "hash": digest,
                "built_at": now(), "status": result.status, "seconds": result.seconds, "cell": result.cell,
                "error": result.error, "traceback": result.traceback}

    def record(self, report: Report, result: Result, digest: str, root: Path) -> None:
        """Record one build of ``report`` and save."""
        self.reports[report.name] = self.entry(report, result, digest, root)
        self._save()

    def record_index(self, index: dict[str, Any]) -> None:
        """Record what the landing page was made from (its cards and a key of its pages) and save."""
        self.index = index
        self._save()

    def parameters(self, name: str) -> dict[str, Any] | None:
        """The parameters report ``name`` was last built with (as shown: paths relative to the root)."""
        return (self.reports.get(name) or {}).get("parameters")

    def up_to_date(self, name: str, digest: str) -> bool:
        prev = self.reports.get(name) or {}
        out = self.path.parent
        return (prev.get("hash") == digest and prev.get("status") == "ok"
                and (out / f"{name}.html").is_file() and (out / f"{name}.ipynb").is_file())

    def _save(self) -> None:
        if self.keep is not None:
            self.reports = {k: v for k, v in self.reports.items() if k in self.keep}
        data = {"format": _FORMAT, "package_version": package_version(), "updated": now(),
                "reports": self.reports, "notebooks": self.notebooks, "index": self.index}
        atomic_write(self.path, json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
