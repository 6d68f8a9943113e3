"""Benchmark ``ipanalysis report`` against the naive way of building the same report set.

Three builds of the same reports, each into its own temporary folder:

1. **naive**: for every report, one ``papermill IN OUT -p k v ...`` process and one
   ``jupyter nbconvert --to html --no-input OUT`` process, one report after the other;
2. **cold**: ``ipanalysis.report.build(force=True)`` into a fresh folder (process pool, in-process
   HTML export);
3. **warm**: ``ipanalysis report`` again, nothing changed, in a fresh interpreter (what a user
   pays for ``make reports`` when everything is up to date; the in-process time is shown too).

Prints the three times and the ratios cold/naive and warm/naive (goals on 2 cores: <= 0.4 and
<= 0.05).  Exit status 0 if both goals are met, 1 if not, 2 if a build failed.

    python benchmarks/report_bench.py                       # the real matrix, notebooks/reports.json
    python benchmarks/report_bench.py --only trajectories   # a subset (name or notebook stem)
    python benchmarks/report_bench.py --matrix tests/fixtures/report/reports.json
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ipanalysis import report

BIN = Path(sys.executable).parent
COLD_GOAL, WARM_GOAL = 0.4, 0.05


def naive(reports: list[report.Report], out: Path) -> list[str]:
    """One papermill and one nbconvert process per report, sequentially; returns failures."""
    env = {**os.environ, **report.WORKER_ENV}
    failed = []
    for r in reports:
        executed = out / f"{r.name}.ipynb"
        cmd = [str(BIN / "papermill"), str(r.notebook), str(executed), "-k", report.KERNEL_NAME,
               "--cwd", str(r.notebook.parent), "--no-progress-bar"]
        for key, value in r.parameters.items():
            # -r keeps strings such as as_of="2023" strings; -p parses like `ipanalysis report -p`
            cmd += ["-r" if isinstance(value, str) else "-p", key, str(value)]
        ok = subprocess.run(cmd, env=env, capture_output=True).returncode == 0
        ok &= subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
                             env=env, capture_output=True).returncode == 0
        if not ok:
            failed.append(r.name)
    return failed


def cli_warm(matrix: str | None, only: list[str], out: Path, jobs: int | None) -> float:
    argv = ["--out", str(out), "-q"] + (["--matrix", matrix] if matrix else [])
    argv += [a for name in only for a in ("--only", name)] + (["--jobs", str(jobs)] if jobs else [])
    code = f"import sys; from ipanalysis.report import cli_main; sys.exit(cli_main({argv!r}))"
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"warm CLI run failed ({proc.returncode}):\n{proc.stderr}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="bench only these reports (name or notebook stem); repeatable")
    ap.add_argument("--matrix", metavar="PATH", help="report matrix (default: notebooks/reports.json)")
    ap.add_argument("--jobs", type=int, default=None, help="workers for ipanalysis report (default: CPUs)")
    ap.add_argument("--keep", action="store_true", help="keep the output folders and print where they are")
    args = ap.parse_args(argv)

    reports = report.select_reports(report.load_matrix(args.matrix), args.only or None)
    reports = report.prepare_reports(reports)
    print(f"{len(reports)} reports, {os.cpu_count()} CPUs, jobs={args.jobs or os.cpu_count()}")

    tmp = Path(tempfile.mkdtemp(prefix="report-bench-"))
    dirs = {k: tmp / k for k in ("naive", "fast")}
    for d in dirs.values():
        d.mkdir()

    t0 = time.perf_counter()
    failed = naive(reports, dirs["naive"])
    t_naive = time.perf_counter() - t0
    print(f"naive  {t_naive:8.2f}s" + (f"   failed: {', '.join(failed)}" if failed else ""))

    kw = dict(out=dirs["fast"], only=args.only or None, jobs=args.jobs, matrix=args.matrix, progress=False)
    t0 = time.perf_counter()
    frame = report.build(force=True, **kw)
    t_cold = time.perf_counter() - t0
    bad = list(frame.loc[frame["status"] == "failed", "name"])
    print(f"cold   {t_cold:8.2f}s" + (f"   failed: {', '.join(bad)}" if bad else ""))

    t0 = time.perf_counter()
    warm_frame = report.build(**kw)
    t_warm_inproc = time.perf_counter() - t0
    t_warm = cli_warm(args.matrix, args.only, dirs["fast"], args.jobs)
    skipped = (warm_frame["status"] == "skipped").all()
    print(f"warm   {t_warm:8.2f}s   (fresh interpreter; {t_warm_inproc:.2f}s in-process"
          + ("" if skipped else "; NOT all skipped!") + ")")

    cold_ratio, warm_ratio = t_cold / t_naive, t_warm / t_naive
    print(f"cold/naive = {cold_ratio:.3f}  (goal <= {COLD_GOAL})  {'ok' if cold_ratio <= COLD_GOAL else 'MISSED'}")
    print(f"warm/naive = {warm_ratio:.3f}  (goal <= {WARM_GOAL})  {'ok' if warm_ratio <= WARM_GOAL else 'MISSED'}")
    if args.keep:
        print(f"outputs kept in {tmp}")
    else:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    if failed or bad or not skipped:
        return 2
    return 0 if cold_ratio <= COLD_GOAL and warm_ratio <= WARM_GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
