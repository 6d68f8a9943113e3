"""The package's layout rules (issue 17): no module over 400 lines, and the README's "What is where"
matches the tree — every module and folder of ``ipanalysis/`` is mentioned there, every path it names exists.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ipanalysis"
MAX_LINES = 400
#: folders of the package that are not code (built, or templates)
NOT_CODE = {"_bundle", "templates", "__pycache__"}
_PATHS = re.compile(r"^\s*([\w./*-]+(?:, [\w./*-]+)*)")


def modules() -> list[Path]:
    """Every ``.py`` file of the package, but ``__init__.py`` and non-code folders."""
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if p.name != "__init__.py" and not NOT_CODE & set(p.relative_to(PACKAGE).parts))


def what_is_where(readme: str) -> list[tuple[str, str]]:
    """``(path column, whole entry text)`` per entry of the README's "What is where" block; the entries
    indented under ``ipanalysis/`` come as ``ipanalysis/<path>``."""
    m = re.search(r"^## What is where\n+```\n(.*?)^```", readme, re.M | re.S)
    assert m, "README.md has no '## What is where' section with a ``` block"
    entries: list[list[str]] = []
    parent = ""
    for line in m.group(1).splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if not line.strip():
            continue
        if indent == 0:
            cols = _PATHS.match(line).group(1)
            parent = cols if cols.endswith("/") else ""
            entries.append([cols, line])
        elif indent == 2 and parent:
            cols = ", ".join(parent + c for c in _PATHS.match(line).group(1).split(", "))
            entries.append([cols, line])
        else:
            entries[-1][1] += " " + line.strip()
    return [(cols, text) for cols, text in entries]


def unmentioned(readme: str) -> list[str]:
    """What to add to "What is where": a module or folder of the package its entries do not name.

    A module directly in ``ipanalysis/`` needs its own entry (``  name.py``); a module or folder deeper
    down is named by its stem, as a word, in the entry of its first-level folder (``  data/ … loaders …``).
    """
    entries = what_is_where(readme)
    named = {p for cols, _ in entries for p in cols.split(", ")}
    text_of = {p: text for cols, text in entries for p in cols.split(", ")}
    wanted = [(p.relative_to(ROOT), p.stem) for p in modules()]
    wanted += [(d.relative_to(ROOT), d.name) for d in PACKAGE.rglob("*") if d.is_dir()
               and not NOT_CODE & set(d.relative_to(PACKAGE).parts) and (d / "__init__.py").exists()]
    out = []
    for rel, stem in sorted(set(wanted)):
        parts = rel.relative_to("ipanalysis").parts
        if len(parts) == 1:
            entry = f"ipanalysis/{parts[0]}" + ("/" if (ROOT / rel).is_dir() else "")
            if entry not in named:
                out.append(f"{rel}: add an entry '  {entry.removeprefix('ipanalysis/')}' under ipanalysis/")
            continue
        folder = f"ipanalysis/{parts[0]}/"
        if folder not in text_of:
            continue  # reported as the folder's own missing entry
        if not re.search(rf"(?<![\w.]){re.escape(stem)}(?!\w)", text_of[folder]):
            out.append(f"{rel}: name '{stem}' in the '  {parts[0]}/' entry")
    return out


def missing_paths(readme: str) -> list[str]:
    """Paths the "What is where" entries name that do not exist (globs must match a file)."""
    out = []
    for cols, _ in what_is_where(readme):
        for p in cols.split(", "):
            if not (any(ROOT.glob(p)) if "*" in p else (ROOT / p).exists()):
                out.append(p)
    return out


def test_no_module_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines (split them by concept): {long}"


def test_readme_what_is_where_names_every_module():
    missing = unmentioned((ROOT / "README.md").read_text(encoding="utf-8"))
    assert not missing, "README.md's 'What is where' does not mention:\n" + "\n".join(missing)


def test_readme_what_is_where_paths_exist():
    missing = missing_paths((ROOT / "README.md").read_text(encoding="utf-8"))
    assert not missing, f"README.md's 'What is where' names paths that do not exist: {missing}"


def test_the_checks_can_fail():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    cut = re.sub(r"^  io\.py .*\n", "", readme, flags=re.M).replace("rates (CAGR, linear increase, paths), ", "")
    assert unmentioned(cut) == ["ipanalysis/analysis/rates.py: name 'rates' in the '  analysis/' entry",
                                "ipanalysis/io.py: add an entry '  io.py' under ipanalysis/"]
    wrong = readme.replace("docs/DATA_SPEC.md ", "docs/DATA_SPECS.md ")
    assert missing_paths(wrong) == ["docs/DATA_SPECS.md"]
