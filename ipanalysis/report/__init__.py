"""Build the HTML report set: parameterised notebooks run by papermill, exported by nbconvert.

Shaped like papermill, one module per job:

``matrix``    ``notebooks/reports.json`` → :class:`Report` (name, notebook, parameters, dimensions, card,
              lang: ``"languages"`` makes each report once per language, ``zh/<name>``)
``overrides`` ``-p`` values, the parameters each notebook declares (``papermill.inspect_notebook``),
              validation before any kernel starts (a ``-p`` may not change a report's dimension)
``task``      :class:`Task` (one report, as a worker needs it) and its :class:`Result`
``manifest``  ``<out>/manifest.json``: hashes of what each report was built from; unchanged ones are skipped
``kernel``    the ``python3`` kernel of this interpreter (jupyter_client ``KernelSpecManager``)
``forkserver`` the process report kernels are forked from (modules imported and data loaded once)
``worker``    one report: papermill, then nbconvert HTML without input; atomic outputs
``pool``      the process pool the workers run in (failure isolation, progress)
``index``     the landing page (Jinja2 template ``templates/index.html.j2``): its cards and build log
``fonts``     the CJK font subset every page links
``limits``    ``--timeout``: the per-report time limit (a deadline over the notebook's cells)
``output``    the output folder checked writable; a failed write is one ``ReportOutputError``, and the
              whole site rolled back to its snapshot (:class:`~.output.Snapshot`)
``chrome``    the words of the site around the notebooks (header, citation, landing page), en and zh
``langcells`` a page in one language: the markdown cells tagged for another language dropped before export
``build``     the sequence: select, prepare, skip the unchanged, run the rest, write the landing page
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
from .task import Result, Task

__all__ = ["ReportConfigError", "Report", "Task", "Result", "build", "default_jobs", "run_build", "summary_table", "cli_main", "load_matrix",
           "select_reports", "prepare_reports", "Manifest", "declared_parameters", "parse_param", "parse_value",
           "kernel_command", "REPO_ROOT", "NOTEBOOK_DIR", "DEFAULT_MATRIX", "DEFAULT_OUT", "KERNEL_NAME",
           "WORKER_ENV", "PATH_PARAMETERS", "COLUMNS"]
