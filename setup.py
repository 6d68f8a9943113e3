"""The one packaging rule ``pyproject.toml`` cannot state: the wheel carries the repository's top-level
``data/`` and ``notebooks/`` inside the package, as ``ipanalysis/_bundle/data`` and
``ipanalysis/_bundle/notebooks`` (which of their files: ``[tool.setuptools.package-data]`` in
pyproject.toml).  The repository keeps both folders at its top; :mod:`ipanalysis.paths` finds them in
either place (the rule is written out there and in the README).
"""

from pathlib import Path

from setuptools import find_namespace_packages, setup

#: package name inside the wheel → folder of the repository
BUNDLE = {"ipanalysis._bundle.data": "data", "ipanalysis._bundle.notebooks": "notebooks"}


def bundle_packages() -> list[str]:
    """The mapped folders and their subfolders as package names (``ipanalysis._bundle.data.raw``)."""
    names = []
    for name, folder in BUNDLE.items():
        subs = (p.relative_to(folder).parts for p in Path(folder).rglob("*") if p.is_dir())
        names += [name, *sorted(".".join([name, *s]) for s in subs if all(x.isidentifier() for x in s))]
    return names


setup(packages=[*find_namespace_packages(include=["ipanalysis", "ipanalysis.*"]), *bundle_packages()],
      package_dir=BUNDLE)
