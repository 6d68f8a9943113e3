"""The wheel route: ``pip install .`` (not ``-e``) works from any folder with no environment variable.

Builds the wheel offline from a copy of the checkout, checks what it carries (the package, the tables,
raw texts, examples, data package, notebooks, report matrix, templates), installs it with ``--no-deps``
into a fresh venv whose dependencies come from this test environment's site-packages (through a
``.pth`` file; the editable ``ipanalysis`` there is never activated, because ``.pth`` files of an added
directory are not run), then, from a folder under /tmp with ``IPANALYSIS_DATA`` unset, loads the
targets and builds the ``compare`` report.  About a minute: run it alone with ``pytest -m wheel``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import ipanalysis as ip

REPO = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.wheel, pytest.mark.xdist_group("wheel")]

_NOT_SOURCE = (".git", ".venv", "venv", "reports", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
               ".ipynb_checkpoints")


def _run(args: list, cwd: Path, env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{args}\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return proc


def _clean_env() -> dict:
    """No IPANALYSIS_DATA, no PYTHONPATH; pip offline.  JUPYTER_PATH names this environment's
    ``share/jupyter``: the data files of the borrowed dependencies (nbconvert's HTML templates),
    which a normal ``pip install`` would have put in the new venv's own prefix."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("IPANALYSIS_DATA", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    env["PIP_NO_INDEX"] = "1"
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the checkout without build isolation and without an index."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = shutil.copytree(REPO, tmp / "src", ignore=shutil.ignore_patterns(*_NOT_SOURCE))
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
          "-w", tmp / "dist", src], cwd=tmp, env=_clean_env())
    (found,) = (tmp / "dist").glob("ipanalysis-*.whl")
    return found


def test_the_wheel_carries_the_data_the_notebooks_and_the_templates(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    b = "ipanalysis/_bundle/"
    expected = {f"{b}data/{p.relative_to(REPO / 'data').as_posix()}"
                for pattern in ("*.csv", "raw/*.txt", "examples/*", "datapackage.json")
                for p in (REPO / "data").glob(pattern)}
    expected |= {f"{b}notebooks/{p.name}" for p in (REPO / "notebooks").glob("*.ipynb")}
    templates = REPO / "ipanalysis/report/templates"  # the site pages' templates (templates/site/) too
    expected |= {f"{b}notebooks/reports.json", *(f"ipanalysis/report/templates/{p.relative_to(templates).as_posix()}"
                                                 for p in templates.rglob("*.j2"))}
    expected |= {p.relative_to(REPO).as_posix() for p in (REPO / "ipanalysis").rglob("*.py")}
    assert len(expected) > 80 and f"{b}data/raw/ordos_2022.txt" in expected
    assert not expected - names, f"missing from the wheel: {sorted(expected - names)}"
    stray = [n for n in names if n.startswith(("data/", "notebooks/", "tests/", "docs/")) or "/search_logs/" in n]
    assert not stray, f"outside the package: {stray}"


def _venv_with_test_dependencies(root: Path) -> Path:
    """A venv without pip whose site-packages reaches this environment's (dependencies, pip), not the repo."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True, timeout=300)
    python = root / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    ours = [sysconfig.get_paths()[k] for k in ("purelib", "platlib")]
    deps = [p for p in dict.fromkeys([*ours, *sys.path]) if p.endswith(("site-packages", "dist-packages"))]
    (purelib / "_test_dependencies.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    return python


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> tuple[Path, Path]:
    """The wheel installed in a fresh venv; returns (its python, an empty working folder)."""
    tmp = tmp_path_factory.mktemp("venv")
    python = _venv_with_test_dependencies(tmp / "venv")
    _run([python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel], cwd=tmp, env=_clean_env())
    (tmp / "work").mkdir()
    return python, tmp / "work"


def test_the_installed_wheel_loads_its_own_data_from_any_folder(installed):
    python, work = installed
    code = ("import ipanalysis as ip, ipanalysis.paths as p; t = ip.targets(); "
            "print(ip.__file__, p.is_bundled(), p.data_dir(), p.default_out(), len(t), ip.__version__, sep='\\n')")
    out = _run([python, "-c", code], cwd=work, env=_clean_env()).stdout.split("\n")
    site = python.parent.parent
    assert Path(out[0]).is_relative_to(site) and out[1] == "True"
    assert Path(out[2]) == Path(out[0]).parent / "_bundle" / "data"
    assert Path(out[3]) == work / "reports"                           # never inside site-packages
    assert int(out[4]) == len(ip.targets()) and out[5] == ip.__version__
    _run([python.with_name("ipanalysis"), "check", "--quiet"], cwd=work, env=_clean_env())


def test_the_installed_wheel_builds_a_report(installed, tmp_path):
    python, work = installed
    package = Path(_run([python, "-c", "import ipanalysis; print(ipanalysis.__file__)"], cwd=work,
                        env=_clean_env()).stdout.strip()).parent

    def files() -> set[Path]:
        return {p for p in package.rglob("*") if "__pycache__" not in p.parts}

    before = files()
    out = tmp_path / "site"
    _run([python.with_name("ipanalysis"), "report", "--only", "compare", "--out", out, "-q"], cwd=work,
         env=_clean_env())
    html = (out / "compare.html").read_text(encoding="utf-8")
    assert "Ordos" in html and "Traceback" not in html and (out / "index.html").is_file()
    assert files() == before                                          # nothing written into site-packages
    assert not (work / "reports").exists()                            # --out was where it went
