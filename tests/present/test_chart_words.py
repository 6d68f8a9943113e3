"""Charts in the page's language (Chinese first on zh), the target timeline's marks, and alt text from the data."""

import functools
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import ipanalysis as ip  # noqa: E402
from ipanalysis.errors import ParameterError  # noqa: E402
from ipanalysis.present import charts  # noqa: E402
from ipanalysis.present.charts import STATUS_COLOURS  # noqa: E402

ILLUSTRATIVE = ip.data.sources.data_dir() / "examples" / "illustrative_observations.csv"
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


@functools.cache
def _every_chart(lang):
    """Each chart function's figure in ``lang`` (drawn once per language for the module)."""
    tr = ip.trajectories("ordos_2022")
    row = tr.set_index("target_id").loc["OR-01"]
    return {
        "ambition": charts.ambition_chart(ip.compare(), lang=lang),
        "coverage": charts.coverage_heatmap(ip.national_coverage(), lang=lang),
        "trajectory": charts.trajectory_chart(ip.trajectory("OR-01"), row, lang=lang),
        "required_growth": charts.required_growth_chart(tr, ip.historical_growth("ordos_2022"), lang=lang),
        "attainment": charts.attainment_chart(ip.attainment(doc_id="ordos_2022"), lang=lang),
        "audit": charts.audit_chart(ip.audit(), lang=lang),
        "timeline": charts.target_timeline(ip.attainment(doc_id="guiyang_2022"), lang=lang),
    }


def _words(fig):
    """Titles, axis labels, legend entries and titles, the suptitle and the notes (source line) of a figure."""
    out = [fig._suptitle.get_text()] if fig._suptitle else []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        out += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        if ax.get_legend():
            out += [t.get_text() for t in ax.get_legend().get_texts()] + [ax.get_legend().get_title().get_text()]
    out += [t.get_text() for t in fig.texts if "NOT REAL" not in t.get_text()]
    return [t for t in out if t.strip()]


def _first_script(text):
    """'zh' or 'en': the script of the first letter of ``text``."""
    for ch in text:
        if _CJK.match(ch):
            return "zh"
        if _LATIN.match(ch):
            return "en"
    return None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_speaks_the_page_language_first_and_the_other_beside(lang):
    figs = _every_chart(lang)
    other = {"en": "zh", "zh": "en"}[lang]
    for name, fig in figs.items():
        words = _words(fig)
        bilingual = [w for w in words if _CJK.search(w) and _LATIN.search(w)]
        assert bilingual, name
        wrong = [w for w in words if _first_script(w) == other and (_CJK.search(w) and _LATIN.search(w))]
        assert not wrong, (name, wrong)
        # the title is bilingual, page language first
        title = fig._suptitle.get_text() if fig._suptitle else fig.axes[0].get_title()
        assert _first_script(title) == lang and _CJK.search(title) and _LATIN.search(title), (name, title)
        source = [t.get_text() for t in fig.texts if "来源" in t.get_text()]
        assert source and source[0].startswith("来源 Source:" if lang == "zh" else "Source 来源:"), name
    plt.close("all")


def test_chinese_titles_read_as_written():
    figs = _every_chart("zh")
    assert figs["audit"].axes[0].get_title() == "文件内部一致性核查 (Internal-consistency checks per document)"
    assert figs["attainment"].axes[0].get_title() == \
        "目标是否达到序时进度 (Are targets on schedule?) — 所用最新观测 2024-09-30"
    assert figs["trajectory"].axes[0].get_xlabel() == "年份 (Year)"
    legend = [t.get_text() for t in figs["trajectory"].axes[0].get_legend().get_texts()]
    assert "规划路径 (plan path)" in legend
    plt.close("all")


def test_a_bad_language_is_refused_by_name():
    with pytest.raises(ParameterError, match="lang must be one of en, zh, got 'fr'"):
        charts.audit_chart(ip.audit(), lang="fr")
    with pytest.raises(ParameterError, match="en, zh"):
        charts.target_timeline(ip.attainment(doc_id="guiyang_2022"), lang="EN")


# ---- the target timeline: Guiyang, checked by hand against data/targets.csv and the real observations -------

GY_OBSERVED = {"GY-02", "GY-03", "GY-06", "GY-10", "GY-11"}  # a baseline observation, none after it
GY_STRIVE = {"GY-06", "GY-13", "GY-14", "GY-19", "GY-20", "GY-23", "GY-24", "GY-27", "GY-32", "GY-33"}  # 力争


def _target_marks(fig):
    return {ln.get_gid()[len("target-"):]: ln for ln in fig.axes[0].lines if (ln.get_gid() or "").startswith("target-")}


def test_timeline_draws_one_mark_per_target_in_its_status_colour():
    fig = charts.target_timeline(ip.attainment(doc_id="guiyang_2022"))
    marks = _target_marks(fig)
    assert len(marks) == 30 and "GY-12" not in marks and "GY-01" in marks and "GY-33" in marks
    for tid, mark in marks.items():
        colour = STATUS_COLOURS["not_assessable" if tid in GY_OBSERVED else "no_data"]
        assert mark.get_markeredgecolor() == colour, tid
        assert mark.get_markerfacecolor() == ("white" if tid in GY_STRIVE else colour), tid
    # target year on the axis: GY-32 and GY-33 are due in 2023 (31 December), the others in 2025
    assert {tid for tid, m in marks.items() if m.get_xdata()[0] < 2024} == {"GY-32", "GY-33"}
    assert marks["GY-01"].get_xdata()[0] == pytest.approx(2025.99)
    # the status written at the end of each row: "no data" reads as such
    row_texts = [t.get_text() for t in fig.axes[0].texts]
    assert sum(t.endswith("· no data") for t in row_texts) == 25
    assert "≥250家 · no data" in row_texts and "15 万件 · not assessable" in row_texts
    plt.close("all")


def test_timeline_baselines_start_where_the_baseline_is_dated():
    fig = charts.target_timeline(ip.attainment(doc_id="guiyang_2022"))
    circles = [ln for ln in fig.axes[0].lines if ln.get_marker() == "o"]
    assert len(circles) == len(GY_OBSERVED)
    starts = sorted(round(float(c.get_xdata()[0]), 3) for c in circles)
    # 2020-12-31 (GY-03), 2021-12-31 (GY-06), 2022-08-15 ×3 (day 227 of 365)
    assert starts == [2020.997, 2021.997, 2022.619, 2022.619, 2022.619]
    plt.close("all")


def test_timeline_of_invented_observations_says_so():
    fig = charts.target_timeline(ip.attainment(ILLUSTRATIVE, as_of=2023, doc_id="ordos_2022"), lang="zh")
    assert any("NOT REAL" in t.get_text() and "示例数据" in t.get_text() for t in fig.texts)
    assert charts.alt_text(fig).endswith("观测值为虚构示例数据")
    plt.close("all")


# ---- alt text: what the chart shows, counted from what it draws ---------------------------------------------

def test_alt_text_counts_what_the_timeline_draws():
    att = ip.attainment(doc_id="guiyang_2022")
    assert charts.alt_text(charts.target_timeline(att)) == (
        "Timeline: 30 targets of Guiyang, baseline to target year, coloured by status — 25 no data, "
        "5 not assessable; 25 with no baseline; 10 marked 力争 (strive for)")
    assert charts.alt_text(charts.target_timeline(att, lang="zh")) == (
        "时间轴图：贵阳市30项目标，基期到目标年，按评估状态着色——数据暂缺25项，无法评估5项；无基期值25项；“力争”目标10项")
    plt.close("all")


def test_alt_text_of_the_attainment_chart_names_each_verdict_and_the_date():
    alt = charts.alt_text(charts.attainment_chart(ip.attainment(doc_id="ordos_2022")))
    # OR-01 borderline (moderate–substantial), OR-06 limited, OR-02 not assessable: 3 of 16 drawn
    assert alt == ("Bar chart: progress of the 3 of 16 targets of Ordos with an observation, against the time "
                   "elapsed (序时进度) — 1 borderline: moderate–substantial progress, 1 limited progress, "
                   "1 not assessable; 13 without an observation; latest observation used 2024-09-30")
    plt.close("all")


def test_alt_text_of_the_audit_chart_adds_up_to_the_checks():
    aud = ip.audit()
    alt = charts.alt_text(charts.audit_chart(aud))
    counted = sum(int(n) for n in re.findall(r"(\d+) (?:consistent|needs review|inconsistent)", alt))
    assert counted == len(aud) and alt.startswith(f"Stacked bar chart: internal-consistency checks of "
                                                  f"{aud['doc_id'].nunique()} documents")
    plt.close("all")


def test_show_puts_the_alt_text_in_the_png_metadata_and_closes_the_figure():
    fig = charts.target_timeline(ip.attainment(doc_id="nanchang_2021"))
    chart = charts.show(fig)
    data, meta = chart._repr_mimebundle_()
    assert meta == {"image/png": {"alt": charts.alt_text(fig)}}
    assert data["text/plain"] == charts.alt_text(fig) and data["text/plain"].startswith("Timeline: 6 targets of Nanchang")
    assert chart.png.startswith(b"\x89PNG") and not plt.fignum_exists(fig.number)


def test_page_template_writes_the_alt_text_into_the_img(tmp_path):
    """The page template's data_png (templates/page/base.html.j2) on one output with and one without alt, in a
    template folder laid out as the page's (its own base.html.j2 found before lab's)."""
    import shutil

    import nbformat
    from nbconvert import HTMLExporter

    from ipanalysis.report import page

    folder = tmp_path / "alttest"
    folder.mkdir()
    shutil.copy(page.TEMPLATE_DIR / "page" / "base.html.j2", folder / "base.html.j2")
    shutil.copy(page.TEMPLATE_DIR / "page" / "conf.json", folder / "conf.json")
    (folder / "index.html.j2").write_text("{%- extends 'lab/index.html.j2' -%}\n")

    png = charts.show(charts.audit_chart(ip.audit()))
    data, meta = png._repr_mimebundle_()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data=data, metadata=meta),
        nbformat.v4.new_output("display_data", data={"image/png": data["image/png"], "text/plain": "fig"})])])
    exporter = HTMLExporter(extra_template_basedirs=[str(tmp_path)], template_name="alttest")
    html, _ = exporter.from_notebook_node(nb)
    alts = re.findall(r'<img[^>]*?alt="([^"]*)"', html)
    assert alts[0] == png.alt.replace("&", "&amp;") and alts[0].startswith("Stacked bar chart:")
    assert alts[1] == "No description has been provided for this image"  # nbconvert's own placeholder
