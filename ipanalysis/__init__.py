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
``raw_text``, ``doc_ids``, ``parse_quantity``, ``indicator_table`` (``ordos_indicator_table``).
Analysis: ``cagr``, ``trajectories``, ``trajectory``, ``attainment``, ``load_observations``,
``illustrative_observations``, ``real_observations``, ``compare``, ``compare_matrix``,
``national_tasks``, ``national_coverage``, ``audit``.  First pass on a new document: ``extract``.
Layers, one level deep: :mod:`ipanalysis.data` (tables, provenance, outside figures) →
:mod:`ipanalysis.analysis` (trajectory, attainment, compare, audit) → :mod:`ipanalysis.present` (charts,
display, findings: what a page shows) → :mod:`ipanalysis.report`
(the HTML batch) and :mod:`ipanalysis.extractor` (first pass on a new document); :mod:`ipanalysis.text`
and :mod:`ipanalysis.units` are the Chinese-text and quantity helpers everything uses.
"""

import importlib

#: Public name → the module that defines it.  Imported on first use (PEP 562), so that
#: ``import ipanalysis`` (every report kernel, the ``ipanalysis`` command) does not pay for pandas,
#: pandera, matplotlib or the extractor before it needs them.  No public function shares its name with
#: a subpackage of ``ipanalysis`` (the extractor package is ``ipanalysis.extractor``), so importing a
#: submodule never replaces a function.
_EXPORTS = {
    **dict.fromkeys(["attainment"], "analysis.attainment"),
    **dict.fromkeys(["audit", "audit_checks", "audit_summary"], "analysis.audit"),
    **dict.fromkeys(["wanted"], "analysis.wanted"),
    **dict.fromkeys(["compare", "compare_matrix", "coverage_scores", "national_coverage", "national_tasks",
                     "targets_per_10k"], "analysis.compare"),
    **dict.fromkeys(["cagr"], "analysis.rates"),
    **dict.fromkeys(["historical_growth", "plan_paths", "trajectories", "trajectory"], "analysis.trajectory"),
    **dict.fromkeys(["baselines", "check_all", "documents", "exclusions", "indicators", "targets"], "data"),
    **dict.fromkeys(["illustrative_observations", "load_observations", "real_observations"], "data.observations"),
    **dict.fromkeys(["population"], "data.population"),
    **dict.fromkeys(["DataValidationError"], "data.schemas"),
    **dict.fromkeys(["UnknownDocumentError", "check_doc_id", "doc_ids", "raw_text", "resolve_path"], "data.sources"),
    **dict.fromkeys(["indicator_table", "ordos_indicator_table"], "data.tables"),
    **dict.fromkeys(["parse_quantity"], "units"),
    **dict.fromkeys(["extract"], "extractor"),
    **dict.fromkeys(["Prose"], "present.display"),
    **dict.fromkeys(["attainment_findings", "compare_findings", "audit_findings", "doc_header",
                     "trajectory_findings"], "present.findings"),
    **dict.fromkeys(["check_parameters", "check_method", "parse_as_of"], "parameters"),
}

#: Submodules reachable as attributes without an import statement (``ip.display``).
_MODULES = {"display": "present.display"}


def __getattr__(name: str):
    if name == "__version__":  # the installed metadata (pyproject.toml's version), read on first use
        from .version import package_version

        globals()[name] = package_version()
        return globals()[name]
    if name in _MODULES:
        return importlib.import_module(f".{_MODULES[name]}", __name__)
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, "__version__"})


__all__ = [
    "attainment", "audit", "baselines", "cagr", "check_all", "compare", "compare_matrix", "doc_ids",
    "documents", "exclusions", "extract", "illustrative_observations", "indicators", "load_observations",
    "national_coverage", "national_tasks", "indicator_table", "ordos_indicator_table", "parse_quantity", "raw_text",
    "real_observations", "targets", "trajectories", "trajectory", "historical_growth", "plan_paths",
    "DataValidationError", "parse_as_of", "Prose", "attainment_findings", "compare_findings", "audit_findings",
    "trajectory_findings", "doc_header", "check_method", "population", "targets_per_10k",
    "UnknownDocumentError", "check_doc_id", "check_parameters", "resolve_path", "wanted", "__version__",
]
