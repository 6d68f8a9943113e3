"""Where things are: the data folder, the notebooks, the report matrix, the package and the default
report folder — one rule for a source checkout and for an installed wheel.

**The rule.**  The repository keeps ``data/`` and ``notebooks/`` at its top, beside ``ipanalysis/``.
A wheel carries the same two folders inside the package, as ``ipanalysis/_bundle/data`` and
``ipanalysis/_bundle/notebooks`` (``setup.py`` maps the package names ``ipanalysis._bundle.data`` and
``ipanalysis._bundle.notebooks`` onto the two folders; ``pyproject.toml`` lists which files go in;
nothing is copied inside the repository).  Hence:

* the *project root*, the folder holding ``data/`` and ``notebooks/``, is ``ipanalysis/_bundle`` when
  the package carries one (an installed wheel), else the folder above the package (a checkout, with or
  without an editable install — so edits to ``data/*.csv`` show at once);
* the data folder is ``$IPANALYSIS_DATA`` when set, else ``<project root>/data``; a relative data path
  such as ``data/observations.csv`` is read from the folder above the data folder (:func:`data_root`);
* reports go to ``<checkout>/reports``, or, from a wheel, to ``./reports`` of the working directory
  (never into site-packages); ``ipanalysis report --out DIR`` chooses another folder.

Functions, not constants, so that ``$IPANALYSIS_DATA`` (and the working directory) count when a path
is used, not when the module was imported.  Imports nothing of the package.

>>> (data_dir() / "documents.csv").is_file(), report_matrix().name
(True, 'reports.json')
>>> data_root() == data_dir().parent and notebook_dir() == project_root() / "notebooks"
True
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PACKAGE_DIR", "BUNDLE_DIR", "is_bundled", "project_root", "data_dir", "data_root", "notebook_dir",
           "report_matrix", "default_out", "DATA_ENV"]

#: The ``ipanalysis`` package folder (its ``.py`` files and templates).
PACKAGE_DIR = Path(__file__).resolve().parent
#: Where a wheel carries ``data/`` and ``notebooks/`` (absent in a checkout).
BUNDLE_DIR = PACKAGE_DIR / "_bundle"
#: The environment variable naming another data folder (a copy of ``data/``).
DATA_ENV = "IPANALYSIS_DATA"


def is_bundled() -> bool:
    """Whether the package carries its own data and notebooks (installed from a wheel).

    >>> is_bundled()   # the test suite runs from the checkout
    False
    """
    return (BUNDLE_DIR / "data").is_dir()


def project_root() -> Path:
    """The folder holding ``data/`` and ``notebooks/``: the bundle of a wheel, else the checkout.

    >>> (project_root() / "notebooks").is_dir()
    True
    """
    return BUNDLE_DIR if is_bundled() else PACKAGE_DIR.parent


def data_dir() -> Path:
    """The data folder: ``$IPANALYSIS_DATA`` if set, else ``data/`` of :func:`project_root`.

    >>> (data_dir() / "targets.csv").is_file()
    True
    """
    env = os.environ.get(DATA_ENV)
    return Path(env).expanduser().resolve() if env else project_root() / "data"


def data_root() -> Path:
    """The folder relative data paths are read from (``"data/observations.csv"``): the data folder's parent.

    >>> (data_root() / "data" / "observations.csv").is_file()
    True
    """
    return data_dir().parent


def notebook_dir() -> Path:
    """The notebooks folder (``.ipynb`` with their ``.py`` pairs, and the report matrix).

    >>> (notebook_dir() / "attainment.ipynb").is_file()
    True
    """
    return project_root() / "notebooks"


def report_matrix() -> Path:
    """The report matrix, ``notebooks/reports.json``.

    >>> report_matrix().is_file()
    True
    """
    return notebook_dir() / "reports.json"


def default_out() -> Path:
    """Where ``ipanalysis report`` writes without ``--out``: ``reports/`` of the checkout, or, from an
    installed wheel, ``reports/`` of the working directory.

    >>> default_out() == PACKAGE_DIR.parent / "reports"
    True
    """
    return (Path.cwd() if is_bundled() else project_root()) / "reports"
