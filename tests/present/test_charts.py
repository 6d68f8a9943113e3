"""Every chart draws with Chinese glyphs present (a missing glyph is an error here)."""

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import ipanalysis as ip
import ipanalysis.data.sources  # noqa: E402
from ipanalysis.present import charts  # noqa: E402

ILLUSTRATIVE = ipanalysis.data.sources.data_dir() / "examples" / "illustrative_observations.csv"


def _draw_all():
    figs = [charts.ambition_chart(ip.compare()), charts.coverage_heatmap(ip.national_coverage())]
    for doc in ip.doc_ids():
        tr = ip.trajectories(doc)
        if tr["computable"].any():
            figs.append(charts.required_growth_chart(tr, ip.historical_growth(doc)))
        for tid in tr.loc[tr["computable"], "target_id"]:
            figs.append(charts.trajectory_chart(ip.trajectory(tid), tr.set_index("target_id").loc[tid]))
        figs.append(charts.attainment_chart(ip.attainment(ILLUSTRATIVE, as_of=2023, doc_id=doc)))
    figs.append(charts.audit_chart(ip.audit()))
    return figs


def test_every_chart_renders_without_missing_glyphs():
    with warnings.catch_warnings(), matplotlib.rc_context({"figure.max_open_warning": 0}):  # all at once, on purpose
        warnings.filterwarnings("error", message="Glyph", category=UserWarning)
        figs = _draw_all()
        for fig in figs:
            fig.canvas.draw()  # glyphs are resolved at draw time
    assert len(figs) >= 10
    plt.close("all")


def test_the_glyph_net_catches_a_missing_font():
    """Without the CJK font the same check must fail, or the test above proves nothing."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title("有效注册商标")
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message="Glyph", category=UserWarning)
            with pytest.raises(UserWarning, match="missing from font"):
                fig.canvas.draw()
    plt.close("all")


def test_cjk_font_comes_from_the_installed_wheel():
    import noto_cjk_sans_otc
    from matplotlib import font_manager

    charts.use_house_style()
    path = font_manager.findfont(charts.CJK_FAMILY, fallback_to_default=False)
    assert path == str(noto_cjk_sans_otc.FONT_PATH) == charts.cjk_font_path()
    assert getattr(path, "face_index", 2) == 2  # the SC face of the collection, not JP
    # every family the charts ask for first resolves to the wheel's file, not a system copy
    first = plt.rcParams["font.family"][0]
    assert font_manager.findfont(first, fallback_to_default=False) == str(noto_cjk_sans_otc.FONT_PATH)


_SYSTEM_COPY_FIRST = """
import os, sys, noto_cjk_sans_otc
from matplotlib import font_manager
fake = os.path.join(sys.argv[1], "NotoSansCJK-Regular.ttc")   # a 'system' copy, same family names
try:                      # a real second file (findfont returns real paths, so a symlink would not do)
    os.link(noto_cjk_sans_otc.FONT_PATH, fake)
except OSError:
    import shutil
    shutil.copyfile(noto_cjk_sans_otc.FONT_PATH, fake)
font_manager.fontManager.addfont(fake)
font_manager.fontManager.addfont(str(noto_cjk_sans_otc.FONT_PATH))   # the old way: addfont + family name
old = font_manager.findfont("Noto Sans CJK SC", fallback_to_default=False)
assert old != str(noto_cjk_sans_otc.FONT_PATH), "the copy registered first should win by family name"
from ipanalysis.present import charts
charts.use_house_style()
charts.use_house_style()   # idempotent: registered once
import matplotlib.pyplot as plt
path = font_manager.findfont(plt.rcParams["font.family"][0], fallback_to_default=False)
assert path == str(noto_cjk_sans_otc.FONT_PATH), path
n = sum(1 for e in font_manager.fontManager.ttflist if e.name == charts.CJK_FAMILY)
assert n == 1, n
print("ok")
"""


def test_cjk_font_wins_over_a_system_copy_registered_first(tmp_path):
    """The same check on any machine: a second copy of the font, registered before ours under the
    same family names (what Debian's fonts-noto-cjk does), must not be used."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _SYSTEM_COPY_FIRST, str(tmp_path)], capture_output=True,
                         text=True, env={**__import__("os").environ, "MPLBACKEND": "Agg"})
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]


def test_illustrative_charts_are_stamped_and_real_ones_are_not():
    att = ip.attainment(ILLUSTRATIVE, as_of=2023, doc_id="ordos_2022")
    fig = charts.attainment_chart(att)
    assert any("NOT REAL" in t.get_text() for t in fig.texts)
    real = att.assign(illustrative=False)
    assert not any("NOT REAL" in t.get_text() for t in charts.attainment_chart(real).texts)
    plt.close("all")


def test_labels_are_bilingual_and_sourced():
    fig = charts.ambition_chart(ip.compare())
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert any("有效注册商标" in t and "Valid registered trademarks" in t for t in titles)
    assert any(t.get_text().startswith("Source 来源: ") for t in fig.texts)
    plt.close("all")
