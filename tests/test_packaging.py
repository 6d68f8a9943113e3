"""Dependencies that are true: every third-party module the package imports is declared in
pyproject.toml, environment.yml lists every runtime dependency, and the data package validates
with the Frictionless tool itself."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "ipanalysis"


def _norm(name: str) -> str:
    """A distribution name as PEP 503 compares them (``Jinja2`` = ``jinja2``, ``jupyter_client`` = ``jupyter-client``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _split(spec: str) -> tuple[str, str]:
    """``"pandas>=2.2"`` → ``("pandas", ">=2.2")`` (name normalised, specifier without spaces)."""
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)", spec)
    return _norm(m.group(1)), re.sub(r"\s+", "", m.group(2))


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def runtime_dependencies() -> dict[str, str]:
    return dict(map(_split, _pyproject()["project"]["dependencies"]))


def imported_top_level(package: Path) -> dict[str, str]:
    """Every top-level module imported anywhere under ``package`` (absolute imports), with a place."""
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else [])
            for name in names:
                found.setdefault(name.split(".")[0], f"{path.relative_to(package.parent)}:{node.lineno}")
    return found


def undeclared(package: Path, declared: set[str]) -> list[str]:
    """Third-party modules imported under ``package`` that no declared distribution provides."""
    provided = packages_distributions()
    out = []
    for module, where in sorted(imported_top_level(package).items()):
        if module in sys.stdlib_module_names or module == "ipanalysis":
            continue
        dists = {_norm(d) for d in provided.get(module, [])}
        if not dists & declared:
            out.append(f"{module} (imported at {where}; provided by {sorted(dists) or 'nothing installed'})")
    return out


def test_every_imported_module_is_a_declared_dependency():
    missing = undeclared(PACKAGE, set(runtime_dependencies()))
    assert not missing, "imported but not in [project].dependencies:\n" + "\n".join(missing)


def test_the_import_check_sees_an_undeclared_module(tmp_path):
    pkg = tmp_path / "ipanalysis"
    pkg.mkdir()
    (pkg / "m.py").write_text("import os\nfrom fontTools import subset\nimport pandas as pd\n", encoding="utf-8")
    assert undeclared(pkg, {"pandas"}) == ["fontTools (imported at ipanalysis/m.py:2; provided by ['fonttools'])"]
    assert undeclared(pkg, {"pandas", "fonttools"}) == []


def test_pandera_floor_has_pandera_pandas():
    """The code imports ``pandera.pandas``, which pandera has from 0.24 on."""
    assert "import pandera.pandas" in (PACKAGE / "data" / "schemas.py").read_text(encoding="utf-8")
    floor = runtime_dependencies()["pandera"]
    assert floor.startswith(">=") and tuple(map(int, floor[2:].split(".")[:2])) >= (0, 24), floor


def environment_dependencies(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """The conda and the ``pip:`` dependencies of an environment.yml (names normalised)."""
    conda, pip, section = {}, {}, None
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if not line.startswith(" "):
            section = line.rstrip(":").strip()
            continue
        item = line.strip()
        if section != "dependencies" or not item.startswith("- "):
            continue
        item = item[2:].strip()
        if item == "pip:":
            continue
        into = pip if line.startswith("      ") else conda
        if item.startswith(("-", ".")) or item in ("pip",) or item.startswith("python="):
            continue  # "-e .[test]", pip itself, the interpreter
        name, spec = _split(item)
        into[name] = spec
    return conda, pip


def test_environment_yml_lists_every_runtime_dependency():
    conda, pip = environment_dependencies((REPO / "environment.yml").read_text(encoding="utf-8"))
    wanted = runtime_dependencies()
    problems = [f"{name}{spec}: not in environment.yml" for name, spec in wanted.items()
                if name not in conda and name not in pip]
    problems += [f"{name}: {spec} in pyproject.toml, {(conda | pip)[name]} in environment.yml"
                 for name, spec in wanted.items() if name in conda | pip and (conda | pip)[name] != spec]
    assert not problems, "\n".join(problems)
    assert "noto-cjk-sans-otc" in pip and "noto-cjk-sans-otc" not in conda  # PyPI only


def test_the_environment_check_sees_a_missing_or_different_dependency():
    conda, pip = environment_dependencies("name: x\ndependencies:\n  - python=3.11\n  - Jinja2>=3.1\n"
                                          "  - jupyter_client>=7\n  - pip\n  - pip:\n      - noto-cjk-sans-otc\n"
                                          "      - -e \".[test]\"\n")
    assert conda == {"jinja2": ">=3.1", "jupyter-client": ">=7"} and pip == {"noto-cjk-sans-otc": ""}


def _frictionless(descriptor: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "frictionless", "validate", str(descriptor)],
                          capture_output=True, text=True, timeout=300)


def test_frictionless_validates_the_data_package():
    """``frictionless validate data/datapackage.json``: every CSV against its schema (types, required,
    unique, enums, primary and foreign keys)."""
    proc = _frictionless(REPO / "data" / "datapackage.json")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]


def test_frictionless_sees_a_broken_table(tmp_path):
    data = shutil.copytree(REPO / "data", tmp_path / "data")
    path = data / "targets.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    assert header[0] == "target_id"
    lines.append(lines[1])  # a duplicate primary key
    path.write_text("".join(lines), encoding="utf-8")
    proc = _frictionless(data / "datapackage.json")
    assert proc.returncode != 0 and "targets" in proc.stdout


@pytest.mark.parametrize("spec, expected", [("pandas>=2.2", ("pandas", ">=2.2")), ("Jinja2 >= 3.1", ("jinja2", ">=3.1")),
                                            ("jupyter_client>=8", ("jupyter-client", ">=8")),
                                            ("noto-cjk-sans-otc", ("noto-cjk-sans-otc", ""))])
def test_names_and_specifiers_are_normalised(spec, expected):
    assert _split(spec) == expected
