"""Where one report's CPU time goes: kernel start, imports, font, each notebook cell, HTML export.

Starts the report kernel the way ``ipanalysis report`` does, runs the imports every notebook makes one
step at a time, then the notebook itself (nbclient, cell by cell), then the nbconvert export,
reading the kernel's CPU time from /proc (Linux) after each step.

    python benchmarks/report_profile.py                          # attainment-ordos_2022
    python benchmarks/report_profile.py trajectories-ordos_2022
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from ipanalysis import report
from ipanalysis.report import kernel

STEPS = [  # what every notebook's first cells import, one step at a time
    ("import pandas, numpy", "import pandas, numpy"),
    ("import pandera + data layer", "import ipanalysis.data"),
    ("import matplotlib.pyplot, seaborn", "import matplotlib.pyplot, seaborn"),
    ("import analysis (trajectory, attainment, audit, compare)",
     "import ipanalysis.attainment, ipanalysis.audit, ipanalysis.compare"),
    ("font + house style (setup_notebook)", "from ipanalysis.present.display import setup_notebook; setup_notebook()"),
]


def cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(name: str = "attainment-ordos_2022") -> None:
    import nbformat
    from jupyter_core.utils import run_sync
    from nbclient import NotebookClient

    os.environ.update(kernel.WORKER_ENV)
    (r,) = report.prepare_reports(report.select_reports(report.load_matrix(), [name]))
    rows: list[tuple[str, float, float]] = []

    imports = "import papermill, nbconvert; nbconvert.HTMLExporter()"
    for label, code in [("process: python + papermill + nbconvert (each CLI call of the baseline)", imports),
                        ("process: the same without rfc3987_syntax (each worker, once)",
                         "import sys; sys.modules['rfc3987_syntax'] = None; " + imports)]:
        t0, before = time.perf_counter(), os.times()
        subprocess.run([sys.executable, "-c", code], check=True)
        after = os.times()
        rows.append((label, after.children_user + after.children_system - before.children_user
                     - before.children_system, time.perf_counter() - t0))
    import papermill
    from nbconvert import HTMLExporter

    km = kernel.kernel_manager()
    t0 = time.perf_counter()
    run_sync(km.start_kernel)(cwd=str(r.notebook.parent))
    kc = km.client()
    kc.start_channels()
    run_sync(kc.wait_for_ready)(timeout=60)
    pid = km.provisioner.process.pid
    last = cpu(pid)
    rows.append(("kernel: start to ready (ipykernel, IPython)", last, time.perf_counter() - t0))
    for label, code in STEPS:
        t0 = time.perf_counter()
        run_sync(kc.execute_interactive)(code, store_history=False, output_hook=lambda msg: None)
        now = cpu(pid)
        rows.append((f"kernel: {label}", now - last, time.perf_counter() - t0))
        last = now

    from papermill.iorw import load_notebook_node
    nb = load_notebook_node(str(r.notebook))
    from papermill.parameterize import parameterize_notebook
    nb = parameterize_notebook(nb, r.parameters)
    cells: list[tuple[str, float, float]] = []
    state = {"cpu": last, "t": time.perf_counter()}

    def on_cell_executed(cell, cell_index, execute_reply):
        now, t = cpu(pid), time.perf_counter()
        first = next((line for line in cell.source.splitlines() if line.strip() and not line.startswith("#")), "")
        cells.append((f"cell {cell_index}: {first[:60]}", now - state["cpu"], t - state["t"]))
        state.update(cpu=now, t=t)

    client = NotebookClient(nb, km=km, kc=kc, on_cell_executed=on_cell_executed, timeout=600)
    client.execute()
    rows += [(f"kernel: {label}", c, w) for label, c, w in cells if c >= 0.005]
    kc.stop_channels()
    run_sync(km.shutdown_kernel)(now=True)

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            embed_images=True)
    for label in ("worker: HTML export (first, template load)", "worker: HTML export (exporter reused)"):
        t0, c0 = time.perf_counter(), time.process_time()
        exporter.from_notebook_node(nb)
        rows.append((label, time.process_time() - c0, time.perf_counter() - t0))

    print(f"{name}: CPU seconds (wall seconds)")
    for label, c, w in rows:
        print(f"  {c:6.2f}  ({w:5.2f})  {label}")
    kernel_total = sum(c for label, c, _ in rows if label.startswith("kernel"))
    print(f"  {kernel_total:6.2f}          kernel total")


if __name__ == "__main__":
    main(*sys.argv[1:])
