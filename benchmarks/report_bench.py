"""Benchmark ``ipanalysis report`` against what a competent user would script by hand.

Builds of the same reports, each into its own temporary folder:

1. **baseline** (the fair one): for every report, ``papermill IN OUT -p k v ...`` then
   ``jupyter nbconvert --to html --no-input OUT``, as many at a time as there are CPUs
   (``xargs -P 2`` on 2 CPUs; ``--width``);
2. **sequential** (``--sequential``): the same commands one report after the other;
3. **cold**: ``ipanalysis.report.build(force=True)`` into a fresh folder;
4. **warm**: ``ipanalysis report`` again, nothing changed, in a fresh interpreter (what a user
   pays for ``make reports`` when everything is up to date; the in-process time is shown too).

Prints the times and the ratios cold/baseline (goal <= 0.4) and warm/cold (goal <= 0.03).
Exit status 0 if both goals are met, 1 if not, 2 if a build failed.

    python benchmarks/report_bench.py                       # the real matrix, notebooks/reports.json
    python benchmarks/report_bench.py --only trajectories   # a subset (name or notebook stem)
    python benchmarks/report_bench.py --matrix tests/fixtures/report/reports.json
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ipanalysis import report

BIN = Path(sys.executable).parent
COLD_GOAL, WARM_GOAL = 0.4, 0.03


def commands(reports: list[report.Report], out: Path) -> list[str]:
    """One shell line per report: papermill, then nbconvert to HTML without input."""
    lines = []
    for r in reports:
        executed = out / f"{r.name}.ipynb"
        cmd = [str(BIN / "papermill"), str(r.notebook), str(executed), "-k", report.KERNEL_NAME,
               "--cwd", str(r.notebook.parent), "--no-progress-bar"]
        for key, value in r.parameters.items():
            # -r keeps strings such as as_of="2023" strings; -p parses like `ipanalysis report -p`
            cmd += ["-r" if isinstance(value, str) else "-p", key, str(value)]
        convert = [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)]
        lines.append(f"{shlex.join(cmd)} && {shlex.join(convert)}")
    return lines


def baseline(reports: list[report.Report], out: Path, width: int) -> list[str]:
    """The commands run ``width`` at a time by ``xargs -P``; returns the reports without HTML."""
    env = {**os.environ, **report.WORKER_ENV}
    script = "".join(line + "\0" for line in commands(reports, out))
    subprocess.run(["xargs", "-0", "-P", str(width), "-n", "1", "sh", "-c"], input=script.encode(),
                   env=env, capture_output=True)
    return [r.name for r in reports if not (out / f"{r.name}.html").is_file()]


def cli_warm(matrix: str | None, only: list[str], out: Path, jobs: int | None) -> float:
    argv = ["--out", str(out), "-q"] + (["--matrix", matrix] if matrix else [])
    argv += [a for name in only for a in ("--only", name)] + (["--jobs", str(jobs)] if jobs else [])
    t0 = time.perf_counter()
    proc = subprocess.run([str(BIN / "ipanalysis"), "report", *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"warm CLI run failed ({proc.returncode}):\n{proc.stderr}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="bench only these reports (name or notebook stem); repeatable")
    ap.add_argument("--matrix", metavar="PATH", help="report matrix (default: notebooks/reports.json)")
    ap.add_argument("--width", type=int, default=None, help="xargs -P of the baseline (default: CPUs)")
    ap.add_argument("--jobs", type=int, default=None, help="workers of ipanalysis report (default: its own, CPUs + 1)")
    ap.add_argument("--sequential", action="store_true", help="also time the one-at-a-time loop")
    ap.add_argument("--keep", action="store_true", help="keep the output folders and print where they are")
    args = ap.parse_args(argv)

    reports = report.prepare_reports(report.select_reports(report.load_matrix(args.matrix), args.only or None))
    width, jobs = args.width or os.cpu_count() or 1, args.jobs
    print(f"{len(reports)} reports, {os.cpu_count()} CPUs; baseline xargs -P {width}; "
          f"ipanalysis report --jobs {jobs or report.default_jobs()}")
    tmp = Path(tempfile.mkdtemp(prefix="report-bench-"))
    dirs = {k: tmp / k for k in ("baseline", "sequential", "fast")}
    for d in dirs.values():
        d.mkdir()

    failed: list[str] = []
    if args.sequential:
        t0 = time.perf_counter()
        failed += baseline(reports, dirs["sequential"], 1)
        print(f"sequential  {time.perf_counter() - t0:8.2f}s  (papermill + nbconvert, one at a time)")
    t0 = time.perf_counter()
    failed += baseline(reports, dirs["baseline"], width)
    t_base = time.perf_counter() - t0
    print(f"baseline    {t_base:8.2f}s  (papermill + nbconvert --no-input, xargs -P {width})"
          + (f"   failed: {', '.join(failed)}" if failed else ""))

    kw = dict(out=dirs["fast"], only=args.only or None, jobs=jobs, matrix=args.matrix, progress=False)
    t0 = time.perf_counter()
    frame = report.build(force=True, **kw)
    t_cold = time.perf_counter() - t0
    bad = list(frame.loc[frame["status"] == "failed", "name"])
    print(f"cold        {t_cold:8.2f}s" + (f"   failed: {', '.join(bad)}" if bad else ""))

    t0 = time.perf_counter()
    warm_frame = report.build(**kw)
    t_warm_inproc = time.perf_counter() - t0
    t_warm = cli_warm(args.matrix, args.only, dirs["fast"], jobs)
    skipped = (warm_frame["status"] == "skipped").all()
    print(f"warm        {t_warm:8.2f}s  (fresh interpreter; {t_warm_inproc:.2f}s in-process"
          + ("" if skipped else "; NOT all skipped!") + ")")

    cold_ratio, warm_ratio = t_cold / t_base, t_warm / t_cold
    print(f"cold/baseline = {cold_ratio:.3f}  (goal <= {COLD_GOAL})  {'ok' if cold_ratio <= COLD_GOAL else 'MISSED'}")
    print(f"warm/cold     = {warm_ratio:.3f}  (goal <= {WARM_GOAL})  {'ok' if warm_ratio <= WARM_GOAL else 'MISSED'}")
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
