"""Benchmark ``ipanalysis report`` against what a competent user would script by hand.

Builds of the same reports, each into its own temporary folder, in one run (the same machine load):

1. **baseline** (the fair one): for every report, ``papermill IN OUT -p k v ...`` then
   ``jupyter nbconvert --to html --no-input OUT``, as many at a time as there are CPUs
   (``xargs -P 2`` on 2 CPUs; ``--width``);
2. **sequential** (``--sequential``): the same commands one report after the other;
3. **cold**: ``ipanalysis.report.build(force=True)`` into a fresh folder;
4. **warm**: ``ipanalysis report`` again, nothing changed, in a fresh interpreter (what a user
   pays for ``make reports`` when everything is up to date; the in-process time is shown too).

Prints the times, the load average before and after, and the ratios cold/baseline (goal <= 0.35) and
warm/cold (goal <= 0.03).  Exit status 0 if both goals are met, 1 if not, 2 if a build failed.

**Both languages.**  The report set is every report in each language (issue 18 item 10: twice the pages).
When the matrix has languages (``"languages": ["en", "zh"]``), it is benched as it is.  Until then
the doubled set is *simulated*: each report is benched twice, once under its own name and once as
``<name>-twin`` with the same parameters (the same notebook run again, as its other-language page will be);
``--single`` benches the matrix as it is.  The first line printed says which.

    python benchmarks/report_bench.py                       # the real matrix, notebooks/reports.json
    python benchmarks/report_bench.py --only trajectories   # a subset (name or notebook stem)
    python benchmarks/report_bench.py --matrix tests/fixtures/report/reports.json
    python benchmarks/report_bench.py --repeat 3            # cold and baseline three times: the spread
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ipanalysis import report

BIN = Path(sys.executable).parent
COLD_GOAL, WARM_GOAL = 0.35, 0.03
TWIN = "-twin"


def _entries(reports: list[report.Report]) -> list[dict]:
    return [{"notebook": str(r.notebook), "name": r.name, "parameters": r.parameters, "card": r.card}
            for r in reports]


def both_languages(reports: list[report.Report]) -> tuple[dict, str]:
    """The matrix of the report set in both languages, and how it was made (see the docstring)."""
    langs = sorted({r.lang for r in reports if r.lang})
    if langs:  # the matrix's own languages: one entry per page name, "languages" makes its twins
        seen: dict[str, dict] = {}
        for r in reports:
            seen.setdefault(r.base, {"notebook": str(r.notebook), "name": r.base, "card": r.card,
                                     "parameters": {k: v for k, v in r.parameters.items() if k != "lang"}})
        return ({"languages": langs, "reports": list(seen.values())},
                f"both languages from the matrix's languages {', '.join(langs)}")
    entries = _entries(reports)
    twins = [{**e, "name": e["name"] + TWIN, "card": False} for e in entries]
    return {"reports": entries + twins}, (f"both languages SIMULATED: each report twice (<name> and <name>{TWIN}, same "
                             "parameters); the matrix has no lang dimension yet")


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def commands(reports: list[report.Report], out: Path) -> list[str]:
    """One shell line per report: papermill, then nbconvert to HTML without input."""
    lines = []
    for r in reports:
        executed = out / f"{r.name}.ipynb"
        executed.parent.mkdir(parents=True, exist_ok=True)
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


def cli_warm(matrix: Path, out: Path, jobs: int | None) -> float:
    argv = ["--out", str(out), "-q", "--matrix", str(matrix)] + (["--jobs", str(jobs)] if jobs else [])
    t0 = time.perf_counter()
    proc = subprocess.run([str(BIN / "ipanalysis"), "report", *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"warm CLI run failed ({proc.returncode}):\n{proc.stderr}")
    return seconds


def spread(times: list[float]) -> str:
    return f"{min(times):8.2f}s" + (f"  (runs: {', '.join(f'{t:.2f}' for t in times)}; median "
                                    f"{statistics.median(times):.2f})" if len(times) > 1 else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="bench only these reports (name or notebook stem); repeatable")
    ap.add_argument("--matrix", metavar="PATH", help="report matrix (default: notebooks/reports.json)")
    ap.add_argument("--single", action="store_true", help="the matrix as it is (no simulated second language)")
    ap.add_argument("--width", type=int, default=None, help="xargs -P of the baseline (default: CPUs)")
    ap.add_argument("--jobs", type=int, default=None, help="workers of ipanalysis report (default: its own)")
    ap.add_argument("--repeat", type=int, default=1, help="run baseline and cold this many times, interleaved")
    ap.add_argument("--sequential", action="store_true", help="also time the one-at-a-time loop")
    ap.add_argument("--keep", action="store_true", help="keep the output folders and print where they are")
    args = ap.parse_args(argv)

    reports = report.prepare_reports(report.select_reports(report.load_matrix(args.matrix), args.only or None))
    tmp = Path(tempfile.mkdtemp(prefix="report-bench-"))
    if args.single:
        content = {"reports": _entries([r for r in reports if r.lang in (None, "en")])}
        for e in content["reports"]:
            e["parameters"] = {k: v for k, v in e["parameters"].items() if k != "lang"}
        how = "one language: the English pages of the matrix (--single)"
    else:
        content, how = both_languages(reports)
    matrix = tmp / "reports.json"
    matrix.write_text(json.dumps(content, default=str), encoding="utf-8")
    reports = report.prepare_reports(report.load_matrix(matrix))
    width, jobs = args.width or os.cpu_count() or 1, args.jobs
    print(f"{len(reports)} reports ({how}); {os.cpu_count()} CPUs; baseline xargs -P {width}; "
          f"ipanalysis report --jobs {jobs or report.default_jobs()}")
    print(f"load average before: {loadavg()}")

    failed: list[str] = []
    if args.sequential:
        d = tmp / "sequential"
        d.mkdir()
        t0 = time.perf_counter()
        failed += baseline(reports, d, 1)
        print(f"sequential  {time.perf_counter() - t0:8.2f}s  (papermill + nbconvert, one at a time)")
    t_base: list[float] = []
    t_cold: list[float] = []
    bad: list[str] = []
    fast = tmp / "fast"
    kw = dict(jobs=jobs, matrix=matrix, progress=False)
    for i in range(max(1, args.repeat)):
        d = tmp / f"baseline{i}"
        d.mkdir()
        t0 = time.perf_counter()
        failed += baseline(reports, d, width)
        t_base.append(time.perf_counter() - t0)
        if i + 1 < args.repeat:
            import shutil

            shutil.rmtree(d, ignore_errors=True)
        if fast.exists():
            import shutil

            shutil.rmtree(fast)
        t0 = time.perf_counter()
        frame = report.build(out=fast, force=True, **kw)
        t_cold.append(time.perf_counter() - t0)
        bad += list(frame.loc[frame["status"] == "failed", "name"])
    print(f"baseline    {spread(t_base)}  (papermill + nbconvert --no-input, xargs -P {width})"
          + (f"   failed: {', '.join(sorted(set(failed)))}" if failed else ""))
    print(f"cold        {spread(t_cold)}  (ipanalysis report, empty folder)"
          + (f"   failed: {', '.join(sorted(set(bad)))}" if bad else ""))

    t0 = time.perf_counter()
    warm_frame = report.build(out=fast, **kw)
    t_warm_inproc = time.perf_counter() - t0
    t_warm = [cli_warm(matrix, fast, jobs) for _ in range(3)]
    skipped = (warm_frame["status"] == "skipped").all()
    print(f"warm        {spread(t_warm)}  (fresh interpreter; {t_warm_inproc:.2f}s in-process"
          + ("" if skipped else "; NOT all skipped!") + ")")
    print(f"load average after: {loadavg()}")

    # each ratio from runs made side by side (run i's cold over run i's baseline); the median of them
    cold_ratio = statistics.median(c / b for c, b in zip(t_cold, t_base))
    warm_ratio = statistics.median(t_warm) / statistics.median(t_cold)
    ratios = "" if len(t_cold) < 2 else f"  (per run: {', '.join(f'{c / b:.3f}' for c, b in zip(t_cold, t_base))})"
    print(f"cold/baseline = {cold_ratio:.3f}  (goal <= {COLD_GOAL})  {'ok' if cold_ratio <= COLD_GOAL else 'MISSED'}{ratios}")
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
