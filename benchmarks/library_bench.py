"""Speed and memory of the data layer and the analysis functions (prints figures; asserts nothing).

    .venv/bin/python benchmarks/library_bench.py

Goals from the issues: the whole data layer loads "well under a second"; audit() and the
analysis calls are interactive (tens of milliseconds).
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ipanalysis as ip
import ipanalysis.data.sources  # noqa: E402
from ipanalysis import data  # noqa: E402
from ipanalysis.data.coverage import uncovered  # noqa: E402

ILLUSTRATIVE = ipanalysis.data.sources.data_dir() / "examples" / "illustrative_observations.csv"


def _clear():
    for f in (data._documents, data._indicators, data._targets, data._baselines, data._exclusions):
        f.cache_clear()


def timed(label, fn, repeat=5, setup=None):
    runs = []
    for _ in range(repeat):
        if setup:
            setup()
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    print(f"{label:<52} median {statistics.median(runs) * 1000:8.1f} ms   min {min(runs) * 1000:8.1f} ms")


def main() -> None:
    tracemalloc.start()
    _clear()
    ip.check_all()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak Python memory while loading and validating every table: {peak / 2**20:.1f} MiB")
    timed("load + validate all tables (cold cache)", ip.check_all, setup=_clear)
    timed("load all tables (warm cache)", ip.check_all)
    timed("coverage scan of the five raw texts", uncovered)
    timed("trajectories() for all documents", ip.trajectories)
    timed("attainment(illustrative, as_of=2023)", lambda: ip.attainment(ILLUSTRATIVE, as_of=2023))
    timed("compare() + compare_matrix()", lambda: ip.compare_matrix(ip.compare(), min_docs=2))
    timed("national_coverage()", ip.national_coverage)
    timed("audit() for all documents", ip.audit)


if __name__ == "__main__":
    main()
