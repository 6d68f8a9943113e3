"""Table cells in the page's language: no English sentence of the analysis and no code identifier in a cell
of a Chinese page, and the English and the Chinese page's cells say the same thing (the same numbers).

The pages are the notebooks run with papermill, once in each language, with the parameters of the report
matrix's pages (the default page of each notebook, plus Guiyang's attainment page and the demonstration
page on invented observations): the tables a reader sees are the notebooks' table outputs.
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis.present import notes, tabledata, vocabulary

ROOT = Path(__file__).resolve().parents[2]

#: (notebook, parameters): the pages scanned.
PAGES = {
    "attainment": ("attainment", {}),
    "attainment-guiyang": ("attainment", {"doc_id": "guiyang_2022"}),
    "attainment-demo": ("attainment", {"observations": "data/examples/illustrative_observations.csv", "as_of": "2023"}),
    "trajectories": ("trajectories", {}),
    "trajectories-nanchang": ("trajectories", {"doc_id": "nanchang_2021"}),
    "compare": ("compare", {}),
    "audit": ("audit", {}),
}

#: Latin words a Chinese cell may hold: names of methods and bodies, units, abbreviations.
ALLOWED = {"Open", "SDG", "SDGs", "UNSD", "CAGR", "GDP", "PCT", "R", "D", "GB", "T", "K", "n", "N", "Frictionless"}
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
TARGET_ID = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,3}-\d{2}(?![0-9])")   # a target's id: OR-01, NAT-15
URL = re.compile(r"https?://\S+")


def bilingual_cells() -> set[str]:
    """Cells that are a vocabulary code's words, Chinese first and English beside (the site's convention)."""
    out = {vocabulary.bilingual_label(c, lang="zh") for c in vocabulary.LABELS}
    bands = [c for c in vocabulary.LABELS if c.endswith("_progress")]
    out |= {vocabulary.bilingual_label("borderline", a, b, "zh") for a in bands for b in bands}
    return out


def english_in(cell: str, allowed: set[str]) -> list[str]:
    """The English words or identifiers of a Chinese page's cell (an allowed bilingual label: none)."""
    if cell in allowed:
        return []
    found = SNAKE.findall(cell)
    text = TARGET_ID.sub(" ", URL.sub(" ", cell))
    return found + [w for w in re.findall(r"[A-Za-z]+", text) if w not in ALLOWED]


@lru_cache(maxsize=None)
def run(page: str, lang: str, tmp: str) -> nbformat.NotebookNode:
    stem, params = PAGES[page]
    out = Path(tmp) / f"{page}.{lang}.ipynb"
    args = [f for k, v in {**params, "lang": lang}.items() for f in ("-p", k, v)]
    proc = subprocess.run([str(Path(sys.executable).parent / "papermill"), str(ROOT / "notebooks" / f"{stem}.ipynb"),
                           str(out), "--no-progress-bar", *args], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return nbformat.read(out, as_version=4)


def tables(nb: nbformat.NotebookNode) -> list[dict]:
    return [o["data"][tabledata.MIME] for c in nb.cells for o in c.get("outputs", []) if tabledata.MIME in o.get("data", {})]


#: Columns that quote the data verbatim (a source's own title, a URL, a sentence of a plan): not the page's words.
VERBATIM = {vocabulary.page_header(c, "zh") for c in ("obs_source", "baseline_source", "obs_url", "stated_quote",
                                                        "other_quote", "evidence", "not_counted")}


def cells(nb: nbformat.NotebookNode) -> list[str]:
    """Every cell of the page's tables in the page's words (verbatim quotations left out)."""
    return [str(v) for t in tables(nb) for row in t["rows"] for h, v in zip(t["columns"], row) if h not in VERBATIM]


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return str(tmp_path_factory.mktemp("cells"))


@pytest.mark.xdist_group("report-kernels")
@pytest.mark.parametrize("page", PAGES)
def test_no_english_sentence_or_identifier_in_a_chinese_page_s_cells(page, tmp):
    allowed = bilingual_cells()
    bad = {c: english_in(c, allowed) for c in cells(run(page, "zh", tmp))}
    assert {c: w for c, w in bad.items() if w} == {}


@lru_cache(maxsize=1)
def english_names() -> list[str]:
    return sorted(ip.indicators()["name_en"], key=len, reverse=True)


def figures(text: str, lang: str) -> list[float]:
    """The figures of a cell, in order of size (an English indicator name's own numbers, "per 10,000
    population", are left out: the Chinese name writes 每万人口)."""
    if lang == "en":
        for name in english_names():
            text = text.replace(name, "")
    return sorted(float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text))


@pytest.mark.xdist_group("report-kernels")
@pytest.mark.parametrize("page", PAGES)
def test_english_and_chinese_cells_say_the_same_numbers(page, tmp):
    """Cell by cell, the same figures on both pages (the Chinese page's worked arithmetic, shown alone, is
    checked against its own column on the English page)."""
    en, zh = tables(run(page, "en", tmp)), tables(run(page, "zh", tmp))
    assert len(en) == len(zh)
    compared = 0
    for te, tz in zip(en, zh):
        assert len(te["rows"]) == len(tz["rows"])
        cols = range(len(tz["columns"]))
        if len(te["columns"]) != len(tz["columns"]):   # the worked arithmetic: Chinese line only on a Chinese page
            pick = [te["columns"].index(h.split(" ", 1)[1]) if " " in h and h.split(" ", 1)[1] in te["columns"]
                    else i for i, h in enumerate(tz["columns"])]
        else:
            pick = list(cols)
        for re_, rz in zip(te["rows"], tz["rows"]):
            for i in cols:
                if "计算过程" in tz["columns"][i] or tz["columns"][i] == vocabulary.page_header("task_en", "zh"):
                    continue   # the worked lines have their own test (tests/analysis/test_methods.py); a national
                    # task's name is the data's (national_tasks.csv: 十三五 in Chinese, "13th" in English)
                assert figures(re_[pick[i]], "en") == figures(rz[i], "zh"), (tz["columns"][i], re_[pick[i]], rz[i])
                compared += 1
    assert compared > 0


def test_a_figure_changed_in_one_language_s_cell_is_caught():
    """What the en/zh comparison sees: a Chinese cell with another figure, or one figure fewer, differs."""
    row = ip.attainment(doc_id="ordos_2022").set_index("target_id").loc["OR-01"]
    en, zh = notes.flags(row), notes.flags(row, "zh")
    assert figures(en, "en") == figures(zh, "zh") == [274.0, 2024.0]
    assert figures(en, "en") != figures(zh.replace("274", "273"), "zh")
    assert figures("High-value invention patents per 10,000 population", "en") == []   # a name's own number


def test_the_cell_scan_catches_english_and_identifiers():
    allowed = bilingual_cells()
    assert english_in("no observation of this place and indicator up to as_of", allowed)[:3] == ["as_of", "no",
                                                                                                  "observation"]
    assert english_in("15件以上 a year [CS-17]", allowed) == ["a", "year"]
    assert english_in("进度滞后 behind schedule", allowed) == []
    assert english_in("距基期仅0.75年，为时尚早：Open SDG要求至少有相隔一年的两期数据方可评定进展", allowed) == []
    assert english_in("见 https://open-sdg.readthedocs.io/en/latest/ 与 OR-01", allowed) == []
    assert english_in("口径 patent_grants_annual", allowed) == ["patent_grants_annual", "patent", "grants", "annual"]


def test_every_note_code_the_analysis_gives_has_words_in_both_languages():
    att = pd.concat([ip.attainment(), ip.attainment(ROOT / "data" / "examples" / "illustrative_observations.csv",
                                                     as_of="2023", doc_id="ordos_2022")])
    assert set(att["comment_code"]) - {""} <= set(notes.COMMENTS)
    assert set(ip.trajectories()["reason_code"]) - {""} <= set(notes.REASONS)
    for words in (notes.COMMENTS, notes.REASONS, notes.FLAGS):
        for en, zh in words.values():
            assert re.search(r"[\u4e00-\u9fff]", zh) and not SNAKE.search(re.sub(r"\{\w+\}", "", en + zh))
            assert set(re.findall(r"\{(\w+)\}", en)) == set(re.findall(r"\{(\w+)\}", zh))   # the same numbers


def test_notes_are_worded_from_the_row_not_from_the_english_sentence():
    r = ip.attainment(doc_id="ordos_2022").set_index("target_id")
    row = r.loc["OR-01"].copy()
    assert notes.flags(row, "zh") == "按274天数据年化，计入2024年"
    assert notes.flags(row) == "annualised from 274 days, counted as 2024"
    row["comment"] = "anything"   # the library's English sentence is not what the page shows
    nodata = r[r["status"] == "no_data"].iloc[0]
    assert notes.comment(nodata, "zh") == "截至评估时点，尚无本地区该指标有出处的观测数据"
    assert "as_of" in nodata["comment"] and "as_of" not in notes.comment(nodata)
