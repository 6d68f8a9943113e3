"""Issue 18 item 5, the report layer: a language dimension in the matrix (``"languages"``), ``zh/<name>``
pages with Chinese chrome and their twins, the markdown cells of the other language dropped at export,
``zh/index.html``, and ``--only`` / ``--lang``.

Kernel tests build a fixture site of tiny notebooks (``tests/fixtures/report``; ``langs.ipynb`` has
markdown cells tagged ``lang-en`` / ``lang-zh`` and a ``lang`` parameter) once per module.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from report_helpers import FIXTURES

from ipanalysis.report import ReportConfigError, cli_main, load_matrix, prepare_reports, select_reports
from ipanalysis.report import chrome, langcells, page

kernels = pytest.mark.xdist_group("report-kernels")
HREF = re.compile(r'href="([^"]+)"')
LANG_LINK = re.compile(r'<a class="ipa-lang" href="([^"]+)" hreflang="([^"]+)"[^>]*>([^<]+)</a>')
BILINGUAL = {"languages": ["en", "zh"], "reports": [
    {"notebook": "ok.ipynb"},
    {"notebook": "langs.ipynb"},
    {"notebook": "params.ipynb", "matrix": {"doc_id": ["ordos_2022"]},
     "parameters": {"as_of": "2023", "observations": "data/examples/illustrative_observations.csv"}}]}
ENGLISH_CHROME = ("All reports", "Cite this page", "data version", "Built ", "download", "Licence", "Dataset")


# ------------------------------------------------------------------------------------------------
# The matrix
# ------------------------------------------------------------------------------------------------

def test_languages_make_every_report_once_per_language():
    reports = load_matrix({"languages": ["en", "zh"], "reports": [
        {"notebook": "c.ipynb"}, {"notebook": "t.ipynb", "matrix": {"doc_id": ["a_1", "b_2"]}, "card": True}]}, "/nb")
    assert [r.name for r in reports] == ["c", "t-a_1", "t-b_2", "zh/c", "zh/t-a_1", "zh/t-b_2"]
    assert [r.lang for r in reports] == ["en"] * 3 + ["zh"] * 3
    assert reports[4].parameters == {"doc_id": "a_1", "lang": "zh"} and reports[4].dimensions == ("doc_id", "lang")
    assert (reports[4].base, reports[4].page_lang, reports[4].card) == ("t-a_1", "zh", True)
    assert [r.name for r in load_matrix({"languages": ["zh"], "reports": [{"notebook": "c.ipynb"}]}, "/nb")] == ["zh/c"]
    plain = load_matrix({"reports": [{"notebook": "c.ipynb"}]}, "/nb")  # no languages: as before
    assert [(r.name, r.parameters, r.lang) for r in plain] == [("c", {}, None)]


def test_real_matrix_has_every_page_in_english_and_chinese():
    reports = load_matrix()
    en = [r.name for r in reports if r.lang == "en"]
    assert [r.name for r in reports if r.lang == "zh"] == [f"zh/{n}" for n in en] and len(en) == 13
    assert all(r.parameters["lang"] == r.lang for r in reports)


@pytest.mark.parametrize("languages", [["en", "fr"], "zh", [], ["zh", "zh"], [1]])
def test_bad_languages_name_the_valid_ones(languages):
    with pytest.raises(ReportConfigError, match=r"\"languages\" must be a non-empty list of distinct language "
                                                r"codes from en, zh; got"):
        load_matrix({"languages": languages, "reports": [{"notebook": "c.ipynb"}]}, "/nb")


@pytest.mark.parametrize("entry", [{"notebook": "c.ipynb", "matrix": {"lang": ["en", "zh"]}},
                                   {"notebook": "c.ipynb", "parameters": {"lang": "zh"}}])
def test_lang_comes_from_the_matrix_languages_only(entry):
    with pytest.raises(ReportConfigError, match="'lang' comes from the matrix's \"languages\""):
        load_matrix({"languages": ["en", "zh"], "reports": [entry]}, "/nb")


def test_only_means_every_language_and_a_language_folder_the_twin_only():
    reports = load_matrix(BILINGUAL, FIXTURES)
    names = lambda *a, **k: [r.name for r in select_reports(reports, *a, **k)]  # noqa: E731
    assert names(["params-ordos_2022"]) == ["params-ordos_2022", "zh/params-ordos_2022"]
    assert names(["zh/params-ordos_2022"]) == ["zh/params-ordos_2022"]
    assert names(["zh/ok", "langs"]) == ["langs", "zh/ok", "zh/langs"]
    assert names(["params"]) == ["params-ordos_2022", "zh/params-ordos_2022"]  # a notebook stem
    assert names(langs="zh") == ["zh/ok", "zh/langs", "zh/params-ordos_2022"]
    assert names(["ok"], langs=["en"]) == ["ok"]
    with pytest.raises(ReportConfigError, match=r"unknown report 'fr/ok'.*\(each in en, zh; <lang>/<name> picks"):
        names(["fr/ok"])
    with pytest.raises(ReportConfigError, match="unknown language 'fr'; the report matrix's languages: en, zh"):
        names(langs="fr")
    with pytest.raises(ReportConfigError, match="declares no \"languages\""):
        select_reports(load_matrix([{"notebook": "ok.ipynb"}], FIXTURES), langs="zh")


def test_cli_list_only_and_lang(nbdir, capsys):
    matrix = str(nbdir / "bilingual.json")
    Path(matrix).write_text(json.dumps(BILINGUAL), encoding="utf-8")
    assert cli_main(["--matrix", matrix, "--list", "--only", "ok"]) == 0
    assert cli_main(["--matrix", matrix, "--list", "--only", "zh/langs"]) == 0
    assert cli_main(["--matrix", matrix, "--list", "--lang", "zh", "--only", "params"]) == 0
    assert capsys.readouterr().out.split() == ["ok", "zh/ok", "zh/langs", "zh/params-ordos_2022"]
    assert cli_main(["--matrix", matrix, "--lang", "de"]) == 2
    assert "unknown language 'de'; the report matrix's languages: en, zh" in capsys.readouterr().err


def test_p_lang_is_refused_like_a_matrix_parameter(nbdir, tmp_path, no_pool, capsys):
    reports = load_matrix(BILINGUAL, nbdir)
    with pytest.raises(ReportConfigError, match=r"-p lang='zh' would put one analysis under the names of reports "
                                                r"built for other values \(ok, langs, params-ordos_2022: .*use --lang zh"):
        prepare_reports(reports, {"lang": "zh"}, root=tmp_path)
    (r,) = prepare_reports(select_reports(reports, "zh/langs"), {"lang": "zh"}, root=tmp_path)  # no change: passes
    assert r.parameters == {"lang": "zh"}
    matrix = nbdir / "bilingual.json"
    matrix.write_text(json.dumps(BILINGUAL), encoding="utf-8")
    assert cli_main(["--matrix", str(matrix), "--out", str(tmp_path / "out"), "-p", "lang=en"]) == 2
    assert "use --lang en instead of -p lang" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_lang_reaches_the_notebooks_that_declare_it(nbdir):
    ok, langs, _ = prepare_reports(select_reports(load_matrix(BILINGUAL, nbdir), langs="zh"))
    assert langs.parameters == {"lang": "zh"}
    assert ok.parameters == {} and ok.lang == "zh"  # ok.ipynb has no lang parameter: its page is still Chinese


# ------------------------------------------------------------------------------------------------
# Cells, words, page context
# ------------------------------------------------------------------------------------------------

def test_for_language_drops_only_the_other_languages_markdown():
    nb = nbformat.read(FIXTURES / "langs.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("1", metadata={"tags": ["lang-zh"]}))  # code cells are shared
    zh = [c.source for c in langcells.for_language(nb, "zh").cells]
    en = [c.source for c in langcells.for_language(nb, "en").cells]
    assert "仅中文段落。" in zh and "English-only paragraph." not in zh and "# Bilingual fixture" not in zh
    assert "English-only paragraph." in en and "仅中文段落。" not in en and "# 双语测试笔记本" not in en
    assert "Shared cell (untagged): shown in every language." in zh and en[-1] == zh[-1] == "1"
    assert len(nb.cells) == 8
    with pytest.raises(ValueError, match="lang must be one of en, zh, got 'fr'"):
        langcells.for_language(nb, "fr")


def test_every_chrome_word_has_its_chinese():
    zh, en = chrome.words("zh"), chrome.words("en")
    assert set(zh) == set(en)
    cjk = re.compile(r"[\u4e00-\u9fff]")
    assert [k for k, v in zh.items() if not cjk.search(v)] == ["of"]  # "5 / 30"
    assert [chrome.report_word(s, "zh") for s in ("attainment", "trajectories", "compare", "audit")] == [
        "达标评估", "趋势测算", "跨市比较", "一致性核查"]


def test_parameter_line_in_reader_words():
    params = {"doc_id": "ordos_2022", "as_of": "2023", "lang": "zh",
              "observations": "data/examples/illustrative_observations.csv"}
    assert chrome.parameter_words(params, "en") == [
        "observations as of 2023", "INVENTED example observations (data/examples/illustrative_observations.csv), not real data"]
    assert chrome.parameter_words({**params, "as_of": "2024-06-30"}, "zh")[0] == "观测截至2024-06-30"
    assert chrome.parameter_words({"method": "linear", "min_docs": 2, "x": 1}, "zh") == [
        "规划路径：按直线推算", "至少 2 份文件共有的指标", "x: 1"]


def test_zh_context_links_relative_to_zh(tmp_path):
    reports = load_matrix()
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "trajectories-ordos_2022.html").write_text("x", encoding="utf-8")  # made before: linked
    ctx = page.contexts(reports, tmp_path, {"attainment-ordos_2022", "zh/attainment-ordos_2022"})
    zh, en = ctx["zh/attainment-ordos_2022"], ctx["attainment-ordos_2022"]
    assert (zh["lang"], zh["html_lang"], zh["index"], zh["up"], zh["href"], zh["data_dir"]) == (
        "zh", "zh-CN", "index.html", "../", "attainment-ordos_2022.html", "attainment-ordos_2022.data")
    assert zh["twins"] == [{"href": "../attainment-ordos_2022.html", "hreflang": "en", "label": "English"}]
    assert en["twins"] == [{"href": "zh/attainment-ordos_2022.html", "hreflang": "zh-CN", "label": "中文"}]
    assert [(s["label"], s["href"]) for s in zh["siblings"]] == [("趋势测算", "trajectories-ordos_2022.html"),
                                                                  ("达标评估", None)]
    assert [s["label"] for s in en["siblings"]] == ["Attainment"]  # the English trajectories page was never made
    assert zh["heading"] == "达标评估 — 鄂尔多斯市" and zh["id"] == "zh-attainment-ordos_2022"
    assert ctx["zh/compare"]["twins"] == [] and ctx["zh/compare"]["title"] == "跨市比较 · ipanalysis"


# ------------------------------------------------------------------------------------------------
# A built bilingual site (kernels)
# ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from ipanalysis.report import build

    nbdir = tmp_path_factory.mktemp("nb") / "nb"
    shutil.copytree(FIXTURES, nbdir)
    out = tmp_path_factory.mktemp("site") / "site"
    rows = build(out=out, matrix=BILINGUAL, notebook_dir=nbdir, jobs=2, progress=False).set_index("name")
    assert (rows["status"] == "ok").all(), rows[["status", "error"]]
    return out, nbdir, rows


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _resolve(page_path: Path, href: str) -> Path:
    return (page_path.parent / htmllib.unescape(href).split("#")[0]).resolve()


@kernels
def test_site_has_every_page_in_both_languages_with_its_html_lang(site):
    out, _, rows = site
    assert sorted(rows.index) == sorted(["ok", "langs", "params-ordos_2022", "zh/ok", "zh/langs",
                                         "zh/params-ordos_2022"])
    for name in ("ok", "langs", "params-ordos_2022"):
        en, zh = _read(out / f"{name}.html"), _read(out / "zh" / f"{name}.html")
        assert '<html lang="en">' in en and '<html lang="zh-CN">' in zh, name
        assert (out / "zh" / f"{name}.ipynb").is_file()
        assert "url('fonts/ipanalysis-cjk-sc.otf')" in en and "url('../fonts/ipanalysis-cjk-sc.otf')" in zh
    assert (out / "fonts" / "ipanalysis-cjk-sc.otf").is_file() and not (out / "zh" / "fonts").exists()
    assert rows.loc["zh/ok", "html"] == str(out / "zh" / "ok.html")
    assert [p.name for p in out.rglob("*") if ".tmp" in p.name or p.name.startswith(".")] == []


@kernels
def test_site_pages_keep_their_languages_cells_and_parameter(site):
    out = site[0]
    en, zh = _read(out / "langs.html"), _read(out / "zh" / "langs.html")
    assert "English-only paragraph." in en and "仅中文段落" not in en and "双语测试笔记本" not in en
    assert "仅中文段落" in zh and "English-only paragraph." not in zh and "Bilingual fixture" not in zh
    assert "Shared cell (untagged)" in en and "Shared cell (untagged)" in zh
    assert "lang-parameter en" in en and "lang-parameter zh" in zh  # injected where the notebook declares it
    assert "<title>Langs · ipanalysis</title>" in en


@kernels
def test_site_twin_links_resolve_both_ways(site):
    out = site[0]
    for name in ("ok", "langs", "params-ordos_2022"):
        en_page, zh_page = out / f"{name}.html", out / "zh" / f"{name}.html"
        ((href, hreflang, label),) = LANG_LINK.findall(_read(en_page))
        assert (_resolve(en_page, href), hreflang, label) == (zh_page.resolve(), "zh-CN", "中文")
        ((href, hreflang, label),) = LANG_LINK.findall(_read(zh_page))
        assert (_resolve(zh_page, href), hreflang, label) == (en_page.resolve(), "en", "English")
    for path in [*out.glob("*.html"), *(out / "zh").glob("*.html")]:  # every relative link of every page resolves
        for href in HREF.findall(_read(path)):
            if ":" not in href and not href.startswith("#"):
                assert _resolve(path, href).exists(), (path.name, href)


@kernels
def test_site_zh_chrome_is_chinese(site):
    out = site[0]
    zh = _read(out / "zh" / "params-ordos_2022.html")
    header = zh[zh.index('<header class="ipa-site">'):zh.index("</header>")]
    assert '<a class="ipa-home" href="index.html">← 全部报告</a>' in header
    assert "构建于" in header and "数据版本" in header and "引用" in header
    assert "观测截至2023年" in header and "虚构的示例观测数据（data/examples/illustrative_observations.csv）" in header
    assert "as_of" not in header and "<code>" not in header
    # a page on invented observations is titled as an example on data that is not real
    assert "<title>Params——示例（非真实数据） — 鄂尔多斯市 · ipanalysis</title>" in zh and "鄂尔多斯市：" in header
    footer = zh[zh.index('<section class="ipa-cite"'):]
    assert "<h2>引用本页</h2>" in footer and "ipanalysis 贡献者" in footer and "全部报告" in footer
    chrome_text = re.sub(r"<[^>]+>", " ", header + footer)
    assert [w for w in ENGLISH_CHROME if w in chrome_text] == []
    en = _read(out / "params-ordos_2022.html")
    en_header = en[en.index('<header class="ipa-site">'):en.index("</header>")]
    assert "observations as of 2023" in en_header and "INVENTED example observations" in en_header
    assert "← All reports" in en_header and "Cite this page" in en


@kernels
def test_site_indexes_are_twins_in_their_languages(site):
    out = site[0]
    en, zh = _read(out / "index.html"), _read(out / "zh" / "index.html")
    assert '<html lang="en">' in en and '<html lang="zh-CN">' in zh
    assert ((m := LANG_LINK.search(en)) and m.groups() == ("zh/index.html", "zh-CN", "中文"))
    assert ((m := LANG_LINK.search(zh)) and m.groups() == ("../index.html", "en", "English"))
    assert "构建日志" in zh and "Build log" not in zh and "跨文件页面" in zh and "Build log" in en
    assert "共 3 份报告：成功 3 份，失败 0 份" in zh and "3 reports: 3 ok, 0 failed" in en
    zh_links = {h for h in HREF.findall(zh) if h.endswith(".html")}
    assert {"ok.html", "langs.html", "params-ordos_2022.html", "../index.html"} <= zh_links  # the zh pages
    assert not any(h.startswith("zh/") for h in zh_links)
    assert "zh/ok.html" not in en and 'href="ok.html"' in en
    assert "数据暂缺" in zh and "no data" in en  # card statuses in the vocabulary's words


@kernels
def test_site_manifest_and_up_to_date_checks_know_the_zh_names(site, tmp_path, capsys):
    out, nbdir, _ = site
    copy = tmp_path / "site"
    shutil.copytree(out, copy)
    manifest = json.loads(_read(copy / "manifest.json"))
    assert {"zh/ok", "zh/langs", "zh/params-ordos_2022"} <= set(manifest["reports"])
    matrix = nbdir / "bilingual.json"
    matrix.write_text(json.dumps(BILINGUAL), encoding="utf-8")
    args = ["--matrix", str(matrix), "--out", str(copy), "-q"]
    assert cli_main(args) == 0
    assert capsys.readouterr().out.strip().startswith("6 reports: 0 ok, 6 skipped, 0 failed — index:")
    assert cli_main([*args, "--only", "zh/ok", "--force"]) == 0  # the twin only
    assert capsys.readouterr().out.strip().startswith("1 reports: 1 ok, 0 skipped, 0 failed")
    assert cli_main([*args, "--only", "ok", "--lang", "zh"]) == 0
    assert capsys.readouterr().out.strip().startswith("1 reports: 0 ok, 1 skipped")
    (copy / "zh" / "langs.html").unlink()  # a missing zh page is rebuilt, its English twin is not
    assert cli_main([*args, "--only", "langs"]) == 0
    assert capsys.readouterr().out.strip().startswith("2 reports: 1 ok, 1 skipped")
    assert (copy / "zh" / "langs.html").is_file()
