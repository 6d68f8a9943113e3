"""The data layer: raw texts and their provenance, schemas, the validated tables, outside figures.

Modules, one job each: :mod:`.sources` (where the data lives, the raw texts, quote look-up, the one
unknown-doc_id error), :mod:`.schemas` (column rules and errors naming file, line and column),
:mod:`.loaders` (the validated tables), :mod:`.tables` (flattened indicator tables in the raw texts),
:mod:`.observations` and :mod:`.population` (cited outside figures with their periods),
:mod:`.coverage` (every number in a target sentence accounted for), :mod:`.datapackage` (the
Frictionless descriptor).  Nothing here imports the analysis, the charts or the report.

>>> from ipanalysis.data import targets
>>> len(targets()) > 100
True
"""

import importlib

__all__ = ["baselines", "check_all", "documents", "exclusions", "indicator_relations", "indicators",
           "raw_checksum_problems", "read_table", "stated_reasons", "targets"]


def __getattr__(name: str):
    """The loaders on first use (PEP 562): importing :mod:`.sources` alone (the report's up-to-date
    check) must not pay for pandas and pandera."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(".loaders", __name__), name)
    globals()[name] = value
    return value
