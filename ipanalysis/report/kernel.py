"""The kernel every report runs on: ``python3`` of *this* interpreter, found through jupyter_client's
:class:`~jupyter_client.kernelspec.KernelSpecManager` restricted to this environment's kernels (a user's
own ``python3`` kernelspec elsewhere cannot take its place), without touching ``JUPYTER_PATH``.

>>> kernel_command()[0] == sys.executable
True
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["KERNEL_NAME", "WORKER_ENV", "WARM_UP", "kernel_spec_manager", "kernel_manager", "kernel_command",
           "check_kernel", "skip_slow_optional_imports"]

KERNEL_NAME = "python3"
#: Environment of the workers and so of every kernel.  MPLBACKEND is the inline backend (what
#: ipykernel picks by default; ``Agg`` would not display figures), set so a user's cannot leak in.
WORKER_ENV = {
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    "PYTHONHASHSEED": "0",
    "SOURCE_DATE_EPOCH": "0",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "IPANALYSIS_REPORT": "1",
}
#: Run silently in a kernel started ahead of its report (no output, no execution count): the imports
#: every notebook makes, so that they overlap with the previous report's export.
WARM_UP = ("import ipanalysis, ipanalysis.present.charts, ipanalysis.present.display, ipanalysis.analysis.attainment, ipanalysis.analysis.audit, "
           "ipanalysis.analysis.compare, matplotlib.pyplot")


def kernel_spec_manager():
    """A KernelSpecManager that sees only this interpreter's kernels (and ipykernel's native one)."""
    from jupyter_client.kernelspec import KernelSpecManager

    return KernelSpecManager(kernel_dirs=[str(Path(sys.prefix) / "share" / "jupyter" / "kernels")],
                             ensure_native_kernel=True)


def kernel_manager():
    """A not-yet-started KernelManager for :data:`KERNEL_NAME` through :func:`kernel_spec_manager`; its
    kernel is forked from the build's fork server when there is one (:mod:`.forkserver`)."""
    import os

    if os.environ.get("IPANALYSIS_KERNEL_FORK", "off").lower() not in ("off", "0", "no"):
        from .forkserver import ForkKernelManager as KernelManager
    else:
        from jupyter_client.manager import AsyncKernelManager as KernelManager

    km = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=kernel_spec_manager())
    if KernelManager.class_traits().get("transport_encryption") is not None:
        km.transport_encryption = "auto"  # CurveZMQ where supported (ipykernel >= 7 warns otherwise)
    return km


def kernel_command() -> list[str]:
    """The command line of the report kernel (``python`` replaced by :data:`sys.executable`, as
    jupyter_client does when it launches it)."""
    from jupyter_client.kernelspec import NoSuchKernel

    from .matrix import ReportConfigError

    try:
        argv = list(kernel_spec_manager().get_kernel_spec(KERNEL_NAME).argv)
    except NoSuchKernel:
        raise ReportConfigError(f"no Jupyter kernel {KERNEL_NAME!r} in {sys.prefix}; install ipykernel") from None
    major, minor = sys.version_info[:2]
    if argv and argv[0] in {"python", f"python{major}", f"python{major}.{minor}"}:
        argv[0] = sys.executable
    return argv


def check_kernel() -> None:
    """Refuse to build when the ``python3`` kernel would not run this interpreter."""
    import os

    from .matrix import ReportConfigError

    exe = kernel_command()[0]
    if os.path.realpath(exe) != os.path.realpath(sys.executable):
        raise ReportConfigError(f"kernel {KERNEL_NAME!r} runs {exe}, not this interpreter ({sys.executable}); "
                                f"run `{sys.executable} -m ipykernel install --sys-prefix`")


def skip_slow_optional_imports() -> None:
    """Keep ``rfc3987_syntax`` out of this process.  When it is installed (jupyter-events pulls it in
    through ``jsonschema[format-nongpl]``), jsonschema imports it with nbformat, and it compiles a Lark
    grammar at import: about a CPU-second in every process that imports papermill or nbconvert, for
    IRI format checks that the notebook schema never makes.  Without it jsonschema skips those checks."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  (None: "import fails")
