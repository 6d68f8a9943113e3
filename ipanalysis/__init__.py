"""ipanalysis — quantified targets of Chinese city-level intellectual-property (IP) plans.

Five government documents (Guiyang 2022, Fuzhou Cangshan 2013, Nanchang 2021, the national
2015 demonstration-city work plan, Ordos 2022) as validated tables with verbatim provenance,
and pure functions over them.  Every loader returns a fresh pandas DataFrame.

>>> import ipanalysis as ip
>>> sorted(ip.documents()["doc_id"])
['cangshan_2013', 'guiyang_2022', 'nanchang_2021', 'national_2015', 'ordos_2022']
>>> t = ip.targets().set_index("target_id")
>>> t.loc["GY-03", ["indicator", "value_text", "unit"]].tolist()
['valid_trademarks', '15万件', '件']
>>> float(t.loc["GY-03", "value"])
150000.0
>>> round(ip.cagr(550, 2748, 5), 3)
0.38

Data: ``documents``, ``indicators``, ``targets``, ``baselines``, ``exclusions``, ``check_all``,
``raw_text``, ``doc_ids``, ``parse_quantity``, ``ordos_indicator_table``.
Analysis: ``cagr``, ``trajectories``, ``trajectory``, ``attainment``, ``load_observations``,
``illustrative_observations``, ``real_observations``, ``compare``, ``compare_matrix``,
``national_tasks``, ``national_coverage``, ``audit``.  First pass on a new document: ``extract``.
Charts live in :mod:`ipanalysis.charts`; the report batch in :mod:`ipanalysis.report`.
"""

import importlib
import sys
import types

#: Public name → the submodule that defines it.  Imported on first use (PEP 562), so that
#: ``import ipanalysis`` (every report kernel, the ``ipanalysis`` command) does not pay for pandas,
#: pandera, matplotlib or the extractor before it needs them.
_EXPORTS = {
    **dict.fromkeys(["attainment", "parse_as_of"], "attainment"),
    **dict.fromkeys(["audit"], "audit"),
    **dict.fromkeys(["compare", "compare_matrix", "national_coverage", "national_tasks"], "compare"),
    **dict.fromkeys(["baselines", "check_all", "documents", "exclusions", "indicators", "targets"], "data"),
    **dict.fromkeys(["extract"], "extract"),
    **dict.fromkeys(["Prose"], "display"),
    **dict.fromkeys(["attainment_findings", "compare_findings", "audit_findings", "doc_header",
                     "trajectory_findings"], "findings"),
    **dict.fromkeys(["population", "targets_per_10k"], "population"),
    **dict.fromkeys(["illustrative_observations", "load_observations", "real_observations"], "observations"),
    **dict.fromkeys(["check_parameters"], "parameters"),
    **dict.fromkeys(["DataValidationError"], "schemas"),
    **dict.fromkeys(["UnknownDocumentError", "check_doc_id", "doc_ids", "raw_text", "resolve_path"], "sources"),
    **dict.fromkeys(["ordos_indicator_table"], "tables"),
    **dict.fromkeys(["check_method", "cagr", "historical_growth", "plan_paths", "trajectories", "trajectory"],
                    "trajectory"),
    **dict.fromkeys(["parse_quantity"], "units"),
}


#: Submodules reachable as attributes without an import statement (``ip.display``).
_MODULES = {"display"}


def __getattr__(name: str):
    if name in _MODULES:
        return importlib.import_module(f".{name}", __name__)
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


class _Package(types.ModuleType):
    """``ip.attainment`` (and ``audit``, ``compare``, ``extract``) stay the functions when their
    submodule is imported: the import system would otherwise set the attribute to the module."""

    def __setattr__(self, name: str, value) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType) and _EXPORTS[name] == name:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__version__ = "0.1.0"

__all__ = [
    "attainment", "audit", "baselines", "cagr", "check_all", "compare", "compare_matrix", "doc_ids",
    "documents", "exclusions", "extract", "illustrative_observations", "indicators", "load_observations",
    "national_coverage", "national_tasks", "ordos_indicator_table", "parse_quantity", "raw_text",
    "real_observations", "targets", "trajectories", "trajectory", "historical_growth", "plan_paths",
    "DataValidationError", "parse_as_of", "Prose", "attainment_findings", "compare_findings", "audit_findings",
    "trajectory_findings", "doc_header", "check_method", "population", "targets_per_10k",
    "UnknownDocumentError", "check_doc_id", "check_parameters", "resolve_path", "__version__",
]
