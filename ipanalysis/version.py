"""The package version, from one place: ``version`` in ``pyproject.toml``, as the installed
distribution's metadata records it.  ``ipanalysis.__version__``, ``ipanalysis --version`` and the
report manifest all read it here.

>>> from importlib.metadata import version
>>> package_version() == version("ipanalysis")
True
"""

from __future__ import annotations

__all__ = ["package_version"]


def package_version() -> str:
    """The installed version of ``ipanalysis`` (``"0+unknown"`` when it runs uninstalled from a checkout).

    >>> package_version().count(".") >= 1
    True
    """
    from importlib.metadata import PackageNotFoundError, version  # ~50 ms: only when asked

    try:
        return version("ipanalysis")
    except PackageNotFoundError:  # pragma: no cover - a checkout on sys.path, never installed
        return "0+unknown"
