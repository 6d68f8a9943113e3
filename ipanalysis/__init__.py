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

from .attainment import attainment, parse_as_of
from . import display
from .display import Prose
from .findings import attainment_findings, compare_findings, audit_findings, doc_header, trajectory_findings
from .audit import audit
from .compare import compare, compare_matrix, national_coverage, national_tasks
from .data import baselines, check_all, documents, exclusions, indicators, targets
from .extract import extract
from .population import population, targets_per_10k
from .observations import illustrative_observations, load_observations, real_observations
from .schemas import DataValidationError
from .sources import UnknownDocumentError, check_doc_id, doc_ids, raw_text, resolve_path
from .tables import ordos_indicator_table
from .trajectory import check_method, cagr, historical_growth, plan_paths, trajectories, trajectory
from .units import parse_quantity

__version__ = "0.1.0"

__all__ = [
    "attainment", "audit", "baselines", "cagr", "check_all", "compare", "compare_matrix", "doc_ids",
    "documents", "exclusions", "extract", "illustrative_observations", "indicators", "load_observations",
    "national_coverage", "national_tasks", "ordos_indicator_table", "parse_quantity", "raw_text",
    "real_observations", "targets", "trajectories", "trajectory", "historical_growth", "plan_paths",
    "DataValidationError", "parse_as_of", "Prose", "attainment_findings", "compare_findings", "audit_findings", "trajectory_findings", "doc_header", "check_method", "population", "targets_per_10k",
    "UnknownDocumentError", "check_doc_id", "resolve_path", "__version__",
]
