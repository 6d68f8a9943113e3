"""Redraw the README's chart images from the shipped data (no screenshots: those are taken of the
built pages with headless Chromium, see README).

    python tools/readme_figures.py

docs/img/attainment_ordos.png: ``charts.attainment_chart(ip.attainment(doc_id="ordos_2022"))``, the
real observations, written without a timestamp so an unchanged chart is byte for byte the same.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import ipanalysis as ip  # noqa: E402
from ipanalysis.analysis.attainment import latest_used  # noqa: E402
from ipanalysis.present import charts  # noqa: E402

IMG = Path(__file__).resolve().parent.parent / "docs" / "img"


def main() -> None:
    charts.use_house_style()
    att = ip.attainment(doc_id="ordos_2022")
    fig = charts.attainment_chart(att)
    out = IMG / "attainment_ordos.png"
    fig.savefig(out, metadata={"Software": None}, bbox_inches="tight")
    n = int(att["obs_value"].notna().sum())
    print(f"{out}: {n} targets with a cited observation, latest observation used {latest_used(att)}")
    for _, r in att[att["working"] != ""].iterrows():   # the caption's numbers, from the same frame
        print(f"{r['target_id']} {r['status']} ({r['status_low']}–{r['status_high']}): {r['working']}")


if __name__ == "__main__":
    main()
