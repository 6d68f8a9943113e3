"""Pages in English and Chinese (issue 18 items 5 and 7): the ``lang`` parameter, Chinese findings with
the same figures as the English ones, target anchors, and no code identifiers in prose or headers.

The notebook checks read the committed (English, default-parameter) notebooks — nbval keeps them equal
to a fresh run — and a Chinese run of each made here with papermill ``-p lang zh``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis.errors import ParameterError
from ipanalysis.present import display, findings, tabledata, vocabulary

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ["attainment", "trajectories", "compare", "audit"]
LOCAL = ["guiyang_2022", "cangshan_2013", "nanchang_2021", "ordos_2022"]

#: What must never show in a page's prose or table headers (issue 18 item 7).
IDENTIFIERS = [r"\bdoc_id\b", r"\bcheck_id\b", r"\bgrowth_rate\b", r"\bneeds_review\b", r"targets\.csv",
               r"\w\(s\)", r"\bprogress_ratio\b", r"\bmin_docs\b", r"\bas_of\b", r"`[^`]+`", r"\bipanalysis\.",
               r"\bdata/\w+\.csv"]
#: In a header, any snake_case word is a column name that escaped the vocabulary.
SNAKE = r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"


def identifiers(text: str, header: bool = False) -> list[str]:
    found = [m.group(0) for p in IDENTIFIERS for m in re.finditer(p, text)]
    return found + ([m.group(0) for m in re.finditer(SNAKE, text)] if header else [])


# ----------------------------------------------------------------------------- the lang parameter


def test_lang_is_checked_like_the_other_parameters():
    assert ip.check_parameters(lang="zh") == {"lang": "zh"}
    with pytest.raises(ParameterError, match=r"unknown lang 'fr'; valid: en, zh"):
        ip.check_parameters(doc_id="ordos_2022", lang="fr")
    with pytest.raises(ParameterError, match="valid: en, zh"):
        findings.attainment_findings(ip.attainment(doc_id="ordos_2022"), "ordos_2022", lang="EN")


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_every_notebook_has_the_lang_parameter_and_checks_it(stem):
    src = (ROOT / "notebooks" / f"{stem}.py").read_text(encoding="utf-8")
    assert 'lang = "en"  # "en" or "zh": the language of the page' in src
    assert re.search(r"ip\.check_parameters\([^)]*lang=lang", src)


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_every_markdown_cell_has_a_chinese_twin(stem):
    nb = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
    md = [c for c in nb.cells if c.cell_type == "markdown"]
    tags = [tuple(c.metadata.get("tags", [])) for c in md]
    assert tags and set(tags) == {("lang-en",), ("lang-zh",)}
    assert tags[0::2] == [("lang-en",)] * (len(md) // 2) and tags[1::2] == [("lang-zh",)] * (len(md) // 2)
    for en, zh in zip(md[0::2], md[1::2]):
        assert re.match("#*", en.source).group(0) == re.match("#*", zh.source).group(0)   # same heading level
        assert len(re.findall(r"[\u4e00-\u9fff]", zh.source)) > len(re.findall(r"[A-Za-z]", zh.source)) / 4, zh.source
    # the method citations stay in the Chinese text
    if stem == "attainment":
        zh = "".join(c.source for c in md[1::2])
        assert "https://open-sdg.readthedocs.io/en/latest/progress-methodology/" in zh and "SDG Progress Chart 2023" in zh


# ----------------------------------------------------------------------------- vocabulary and tables


def test_counts_have_their_plural_and_measure_word():
    assert [vocabulary.count(n, "target") for n in (0, 1, 2)] == ["0 targets", "1 target", "2 targets"]
    assert vocabulary.count(1, "check", "zh") == "1项核查" and vocabulary.count(3, "indicator", "zh") == "3个指标"
    att = ip.attainment(doc_id="ordos_2022")
    assert "1 target has an ambiguous basis" in findings.attainment_findings(att, "ordos_2022")


def test_headers_put_the_page_language_first():
    df = pd.DataFrame({"target_id": ["OR-01"], "schedule_status": ["behind_schedule"], "doc_id": ["ordos_2022"]})
    assert list(display.readable(df, ["target_id", "schedule_status"]).df.columns) == ["Target 目标", "Schedule 序时进度"]
    zh = display.readable(df, ["target_id", "schedule_status"], lang="zh").df
    assert list(zh.columns) == ["目标 Target", "序时进度 Schedule"] and zh.iloc[0, 1] == "进度滞后 behind schedule"
    q = display.quote_table(df, ["doc_id", "target_id"], lang="zh").df
    assert list(q.columns) == ["文件 Document", "目标 Target"] and q.iloc[0, 0] == "鄂尔多斯市"


def test_attainment_tables_anchor_each_target_once():
    att = ip.attainment(doc_id="ordos_2022")
    seen, unseen = att[att["obs_value"].notna()], att[att["obs_value"].isna()]
    html = "".join(display.readable(f, ["target_id", "status"], anchors=True)._repr_html_() for f in (seen, unseen))
    ids = re.findall(r'<tr id="t-([^"]+)">', html)
    assert sorted(ids) == sorted(att["target_id"]) and len(ids) == len(set(ids)) == 16
    assert re.search(r'<tr id="t-OR-01">\s*<td><span class="ipa-nobr">OR-01</span></td>', html)
    assert "id=" not in display.readable(seen, ["target_id"])._repr_html_()


def test_the_attainment_page_anchors_both_of_its_target_tables():
    nb = nbformat.read(ROOT / "notebooks" / "attainment.ipynb", as_version=4)
    html = "".join(o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", []))
    ids = re.findall(r'<tr id="t-([^"]+)">', html)
    att = ip.attainment(doc_id="ordos_2022")
    assert Counter(ids) == Counter(att["target_id"])


# ----------------------------------------------------------------------------- same figures, two languages


def numbers(text: str, lang: str) -> set[float]:
    """The figures in a text: thousands separators dropped, dates split into their parts, leading zeros gone.
    The English text names indicators in English (some names hold numbers, "per 10,000 population") and
    says "per 10,000 residents" where the Chinese says 每万人: those are left out."""
    if lang == "en":
        for name in sorted(ip.indicators()["name_en"], key=len, reverse=True):
            text = text.replace(name, "")
        text = text.replace("per 10,000 residents", "")
    return {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def same_figures(en: str, zh: str) -> None:
    assert "What it shows" in en and "主要发现" in zh and "What it shows" not in zh
    assert numbers(en, "en") == numbers(zh, "zh"), (sorted(numbers(en, "en") ^ numbers(zh, "zh")), en, zh)


@pytest.mark.parametrize("doc_id", LOCAL)
def test_attainment_and_trajectory_findings_say_the_same_in_both_languages(doc_id):
    att = ip.attainment(doc_id=doc_id)
    same_figures(findings.attainment_findings(att, doc_id), findings.attainment_findings(att, doc_id, "zh"))
    tr, hist = ip.trajectories(doc_id), ip.historical_growth(doc_id)
    same_figures(findings.trajectory_findings(tr, hist, doc_id), findings.trajectory_findings(tr, hist, doc_id, "zh"))


def test_illustrative_attainment_findings_say_the_same_in_both_languages():
    obs = ip.load_observations(ROOT / "data" / "examples" / "illustrative_observations.csv")
    for doc_id in ("guiyang_2022", "nanchang_2021"):
        att = ip.attainment(obs, doc_id=doc_id)
        en, zh = findings.attainment_findings(att, doc_id), findings.attainment_findings(att, doc_id, "zh")
        same_figures(en, zh)
        assert "示例数据" in zh.splitlines()[0]


def test_compare_and_audit_findings_say_the_same_in_both_languages():
    long, per, cov = ip.compare(), ip.targets_per_10k(), ip.national_coverage()
    same_figures(findings.compare_findings(long, per, coverage=cov), findings.compare_findings(long, per, coverage=cov, lang="zh"))
    aud, checks = ip.audit(), ip.audit_checks()
    same_figures(findings.audit_findings(aud, checks), findings.audit_findings(aud, checks, "zh"))


def test_a_figure_changed_in_one_language_is_caught():
    en = "**What it shows.** Ordos: 3 of 16 targets, 64.4% against 74.1%."
    with pytest.raises(AssertionError):
        same_figures(en, "**主要发现。** 鄂尔多斯市：16项目标中3项，已完成64.4%，应完成74.2%。")
    same_figures(en, "**主要发现。** 鄂尔多斯市：16项目标中3项，已完成64.4%，应完成74.1%。")


# ----------------------------------------------------------------------------- the notebooks, run in Chinese


@lru_cache(maxsize=None)
def zh_run(stem: str, tmp: str) -> nbformat.NotebookNode:
    out = Path(tmp) / f"{stem}.zh.ipynb"
    proc = subprocess.run([str(Path(sys.executable).parent / "papermill"), str(ROOT / "notebooks" / f"{stem}.ipynb"),
                           str(out), "--no-progress-bar", "-p", "lang", "zh"], capture_output=True, text=True,
                          timeout=600, cwd=tmp)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return nbformat.read(out, as_version=4)


@pytest.fixture(scope="module")
def zh_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("zh"))


def prose_and_headers(nb: nbformat.NotebookNode, lang: str) -> tuple[list[str], list[str]]:
    """The prose a page in ``lang`` shows (its markdown cells, the Markdown its code prints) and its table headers."""
    prose = [c.source for c in nb.cells if c.cell_type == "markdown" and f"lang-{'zh' if lang == 'en' else 'en'}"
             not in c.metadata.get("tags", [])]
    heads: list[str] = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            data = o.get("data", {})
            if "text/markdown" in data:
                prose.append(data["text/markdown"])
            if tabledata.MIME in data:
                heads += [str(h) for h in data[tabledata.MIME]["columns"]]
            if o.get("output_type") == "stream":
                prose.append(o.get("text", ""))
    return prose, heads


def findings_of(nb: nbformat.NotebookNode) -> str:
    texts = [o["data"]["text/markdown"] for c in nb.cells for o in c.get("outputs", [])
             if "text/markdown" in o.get("data", {}) and ("What it shows" in o["data"]["text/markdown"]
                                                          or "主要发现" in o["data"]["text/markdown"])]
    assert len(texts) == 1
    return texts[0]


@pytest.mark.xdist_group("report-kernels")
@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_a_chinese_run_prints_chinese_findings_with_the_english_figures(stem, zh_dir):
    en = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4)
    zh = zh_run(stem, zh_dir)
    same_figures(findings_of(en), findings_of(zh))
    _, heads = prose_and_headers(zh, "zh")
    assert heads and all(re.match(r"[\u4e00-\u9fff]", h) or not re.search(r"[\u4e00-\u9fff]", h) for h in heads), heads


@pytest.mark.xdist_group("report-kernels")
@pytest.mark.parametrize("stem", NOTEBOOKS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_code_identifiers_in_prose_or_headers(stem, lang, zh_dir):
    nb = nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4) if lang == "en" else zh_run(stem, zh_dir)
    prose, heads = prose_and_headers(nb, lang)
    bad = [(p[:80], identifiers(p)) for p in prose if identifiers(p)] + [(h, identifiers(h, True)) for h in heads
                                                                          if identifiers(h, True)]
    assert bad == []


def test_the_identifier_check_catches_what_it_should():
    assert identifiers("1 target(s) have no doc_id") == ["doc_id", "t(s)"]
    assert identifiers("Growth 增速 growth_rate", header=True) == ["growth_rate", "growth_rate"]
    assert identifiers("parameter `observations`, default data/observations.csv") == ["`observations`",
                                                                                      "data/observations.csv"]
    assert identifiers("Progress 进度 https://open-sdg.readthedocs.io/en/latest/progress-methodology/") == []
