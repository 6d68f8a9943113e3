"""Build the HTML report set: parameterised notebooks run by papermill, exported by nbconvert.

Shaped like papermill, one module per job:

``matrix``    ``notebooks/reports.json`` → :class:`Report` (name, notebook, parameters)
``params``    ``-p`` values, the parameters each notebook declares (``papermill.inspect_notebook``),
              validation before any kernel starts
``manifest``  ``<out>/manifest.json``: hashes of what each report was built from; unchanged ones are skipped
``kernel``    the ``python3`` kernel of this interpreter (jupyter_client ``KernelSpecManager``)
``worker``    one report: papermill, then nbconvert HTML without input; atomic outputs
``index``     the landing page (Jinja2 template ``templates/index.html.j2``) and its numbers
``build``     the orchestrator (process pool, failure isolation)
``cli``       ``ipanalysis report``

>>> [r.name for r in load_matrix()][:2]
['compare', 'audit']
"""

from .build import COLUMNS, build, default_jobs, run_build, summary_table
from .manifest import Manifest
from .cli import main as cli_main
from .kernel import KERNEL_NAME, WORKER_ENV, kernel_command
from .matrix import DEFAULT_MATRIX, DEFAULT_OUT, NOTEBOOK_DIR, REPO_ROOT, Report, ReportConfigError, load_matrix, select_reports
from .overrides import PATH_PARAMETERS, declared_parameters, parse_param, parse_value, prepare_reports

__all__ = ["ReportConfigError", "Report", "build", "default_jobs", "run_build", "summary_table", "cli_main", "load_matrix",
           "select_reports", "prepare_reports", "Manifest", "declared_parameters", "parse_param", "parse_value",
           "kernel_command", "REPO_ROOT", "NOTEBOOK_DIR", "DEFAULT_MATRIX", "DEFAULT_OUT", "KERNEL_NAME",
           "WORKER_ENV", "PATH_PARAMETERS", "COLUMNS"]
