"""Issue 15 §1: every method rule a hand-computed case that quotes its source.

Sources quoted:
* Open SDG, *Progress Measurement Methodology for the Sustainable Development Goals*
  (https://open-sdg.readthedocs.io/en/latest/progress-methodology/, after Statistics Canada's methodology,
  https://sdg-data-canada-odd-donnees.github.io/sdg-odd-dev/methodology): "Progress is measured using the
  growth over the observed period and is calculated by a compound annual growth rate"; "tᵢ is the most
  recent year where data is available"; "if the reference period spans multiple years, the first year is
  used"; bands "R ≥ 95%", "60% ≤ R < 95%", "0% ≤ R < 60%", "R < 0%"; "At least two years of data is
  required to calculate the progress measure".
* UNSD, *SDG Progress Chart 2023, Technical Note* (https://unstats.un.org/sdgs/report/2023/): the projected
  value at the current pace as a share of the change required.
* 序时进度, "时间过半、任务过半": by half the time, half the task — of the plan's own path.
"""

import math

import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis.present.display import readable

from test_attainment import _att, _flow, _stock  # noqa: E402 (same folder)

def _vocab():
    """The vocabulary module (imported in each test, so a missing module fails tests, not collection)."""
    from ipanalysis.present import vocabulary
    return vocabulary


def _latest_used():
    from ipanalysis.analysis.attainment import latest_used
    return latest_used


# OR-01: patent grants 2,748 in 2020 (document), 年均增长15%
JAN_SEP_2024 = 3398                     # Jan–Sep 2024, 274 of 366 days (nmgipup.cn, 2024-10-11)


def _province_flow(start, end, value, key="patent_grants_annual"):
    return {**_flow("ordos_2022", key, start, end, value), "doc_id": pd.NA, "place": "内蒙古自治区",
            "scope": "province"}


# Rule 1 — one time base: an annualised part-year flow stands for its calendar year (Open SDG counts years)
def test_annualised_flow_counts_as_its_calendar_year_or01():
    r = _att([_flow("ordos_2022", "patent_grants_annual", "2024-01-01", "2024-09-30", JAN_SEP_2024)],
             "ordos_2022").loc["OR-01"]
    annual = 3398 * 366 / 274                           # = 4,538.93
    assert r["annualised_value"] == pytest.approx(4538.934, abs=1e-3)
    assert r["years_elapsed"] == 4                      # 2020 → 2024, whole years
    cagr = (annual / 2748) ** (1 / 4) - 1               # = 13.37 %
    assert r["actual_cagr"] == pytest.approx(cagr) and round(cagr, 3) == 0.134
    assert r["cagr_ratio"] == pytest.approx(cagr / 0.15) and round(r["cagr_ratio"], 2) == 0.89
    assert r["opensdg_status"] == "moderate_progress"   # 0.60 ≤ 0.89 < 0.95
    assert r["dating"] == "calendar_year" and r["annualisation"] == "even_year"


def test_a_stock_keeps_its_exact_date():
    r = _att([_stock("ordos_2022", "valid_trademarks", "2023-03-31", 40000)], "ordos_2022").loc["OR-04"]
    assert r["years_elapsed"] == pytest.approx(2 + 90 / 365)   # 31 Mar 2023 is day 90 of 365
    assert r["dating"] == "exact_date"


# Rule 2 — a verdict that depends on a convention says so: borderline, both bands named
def test_dating_convention_makes_or01_borderline():
    r = _att([_flow("ordos_2022", "patent_grants_annual", "2024-01-01", "2024-09-30", JAN_SEP_2024)],
             "ordos_2022").loc["OR-01"]
    exact_years = 3 + 274 / 366                                  # end-2020 → 30 Sep 2024 = 3.7486
    exact_ratio = ((3398 * 366 / 274 / 2748) ** (1 / exact_years) - 1) / 0.15
    assert round(exact_ratio, 3) == 0.955                       # ≥ 0.95: substantial
    assert r["status"] == "borderline"
    assert (r["status_low"], r["status_high"]) == ("moderate_progress", "substantial_progress")
    assert _vocab().status_label(r["status"], r["status_low"], r["status_high"]) == \
        "borderline: moderate–substantial progress"
    assert _vocab().status_label(r["status"], r["status_low"], r["status_high"], "zh") == "临界：进展一般至进展明显"


def test_seasonal_share_from_the_province_is_a_second_reading():
    # even year and end date agree (moderate); the province's Jan–Sep share of 2023 gives another band
    rows = [_flow("ordos_2022", "patent_grants_annual", "2024-01-01", "2024-09-30", 3000),
            _province_flow("2023-01-01", "2023-09-30", 15000), _province_flow("2023-01-01", "2023-12-31", 24000)]
    r = _att(rows, "ordos_2022").loc["OR-01"]
    even = 3000 * 366 / 274                                          # 4,007.3
    assert ((even / 2748) ** (1 / 4) - 1) / 0.15 == pytest.approx(r["cagr_ratio"])   # 0.66: moderate
    assert r["seasonal_share"] == pytest.approx(15000 / 24000)      # 0.625
    seasonal = 3000 / 0.625                                          # 4,800
    assert ((seasonal / 2748) ** (1 / 4) - 1) / 0.15 >= 0.95         # 0.997: substantial
    assert r["status"] == "borderline" and r["status_high"] == "substantial_progress"
    assert "seasonal share 0.625 from 内蒙古自治区 2023" in r["working"]


def test_the_same_places_earlier_year_comes_before_the_province():
    rows = [_flow("ordos_2022", "patent_grants_annual", "2024-01-01", "2024-09-30", 3000),
            _flow("ordos_2022", "patent_grants_annual", "2023-01-01", "2023-09-30", 2800),
            _flow("ordos_2022", "patent_grants_annual", "2023-01-01", "2023-12-31", 4000),
            _province_flow("2023-01-01", "2023-09-30", 15000), _province_flow("2023-01-01", "2023-12-31", 24000)]
    r = _att(rows, "ordos_2022").loc["OR-01"]
    assert r["seasonal_share"] == pytest.approx(0.7) and r["seasonal_source"].startswith("the same place 2023")


def test_real_or01_has_no_seasonal_share_for_jan_sep():
    # the file's province Jan–Sep figure (2024) has no whole 2024 beside it; Jan–Jul 2021 is other months
    r = ip.attainment(doc_id="ordos_2022").set_index("target_id").loc["OR-01"]
    assert math.isnan(r["seasonal_share"]) and "no seasonal share for these months" in r["working"]


# Rule 3 — too early is too early (Open SDG: at least two years of data)
def test_less_than_a_year_after_the_baseline_is_too_early():
    r = _att([_stock("ordos_2022", "valid_trademarks", "2021-06-30", 33000)], "ordos_2022").loc["OR-04"]
    assert r["years_elapsed"] == pytest.approx(181 / 365)
    assert r["status"] == r["opensdg_status"] == r["unsd_status"] == "too_early"
    assert r["progress_ratio"] == pytest.approx((33000 - 31219) / (50000 - 31219))   # 序时进度 still shown
    assert r["schedule_status"] in ("on_schedule", "behind_schedule", "ahead_of_schedule")
    assert _vocab().label("too_early") == "too early to judge"


def test_a_year_after_the_baseline_is_judged():
    r = _att([_stock("ordos_2022", "valid_trademarks", "2021-12-31", 33000)], "ordos_2022").loc["OR-04"]
    assert r["years_elapsed"] == 1 and r["status"] != "too_early"


# Rule 4 — 序时进度 against the plan's own path
def test_a_series_on_the_compound_path_is_on_schedule():
    on_path = round(2748 * 1.15 ** 3, 2)                   # full-year 2023 on the 年均增长15% path: 4,179.36
    r = _att([_flow("ordos_2022", "patent_grants_annual", "2023-01-01", "2023-12-31", on_path)],
             "ordos_2022").loc["OR-01"]
    expected = (1.15 ** 3 - 1) / (1.15 ** 5 - 1)           # = 0.5150
    assert r["expected_share"] == pytest.approx(expected) and r["progress_ratio"] == pytest.approx(expected, abs=1e-5)
    assert r["elapsed_share"] == pytest.approx(0.6)        # the classic straight line, shown beside it
    assert r["schedule_status"] == "on_schedule"           # the straight line would say 0.515 vs 0.6: behind
    assert r["cagr_ratio"] == pytest.approx(1.0, abs=1e-5)


def test_a_total_from_zero_follows_a_straight_path():
    rows = [_flow("guiyang_2022", "patent_navigation_projects", "2022-01-01", "2023-12-31", 3, unit="个")]
    r = _att(rows, "guiyang_2022").loc["GY-17"]
    assert r["expected_share"] == pytest.approx(2 / 4) == r["elapsed_share"]


# Rule 5 — name what is computed
def test_each_ratio_names_its_reading():
    a = _att([_flow("ordos_2022", "patent_grants_annual", "2024-01-01", "2024-09-30", JAN_SEP_2024)], "ordos_2022")
    assert a.loc["OR-01", "reading"] == "cagr_from_base"
    g = _att([{**_stock("guiyang_2022", "rd_expenditure_growth", "2023-12-31", 7.5, unit="%", measure="rate"),
               "period_start": "2023-01-01"}], "guiyang_2022").loc["GY-06"]
    assert g["reading"] == "stated_rate" and g["cagr_ratio"] == pytest.approx(7.5 / 12)
    assert "not a CAGR from a baseline" in g["working"]
    t = _att([_flow("guiyang_2022", "patent_navigation_projects", "2022-01-01", "2023-12-31", 3, unit="个")],
             "guiyang_2022").loc["GY-17"]
    assert t["reading"] == "linear_pace" and t["cagr_ratio"] == pytest.approx((3 / 2) / (5 / 4))
    assert "Open SDG ratio" not in _vocab().label("stated_rate") + _vocab().label("linear_pace")
    assert _vocab().label("cagr_from_base").startswith("Open SDG ratio")
    assert "linear pace" in _vocab().label("linear_pace")


# Rule 6 — no contradictory labels without a reason
def test_disagreeing_readings_are_explained():
    att = ip.attainment(doc_id="ordos_2022")
    text = str(ip.attainment_findings(att, "ordos_2022"))
    r = att.set_index("target_id").loc["OR-01"]
    assert r["status_high"] == "substantial_progress" and r["schedule_status"] == "behind_schedule"
    assert "OR-01: the readings disagree" in text and "序时进度 the level reached" in text
    assert "64.4% of the distance covered against 74.1%" in text   # (4,539 − 2,748)/(2,748·1.15⁵ − 2,748)


# Rule 7 — show the arithmetic
def test_the_worked_line_lets_a_reader_redo_or01():
    w = ip.attainment(doc_id="ordos_2022").set_index("target_id").loc["OR-01", "working"]
    for piece in ("baseline 2,748件 at 2020-12-31", "3,398件 over 2024-01-01…2024-09-30 (274 days)",
                  "annualised ×366/274 = 4,539件", "counted as 2024", "years elapsed 4 of 5",
                  "(4,539件/2,748件)^(1/4) − 1 = 13.4%", "年均增长 15.0%", "= 0.891", "≥ 0.95 substantial",
                  "→ moderate progress", "(3.75 years): ratio 0.955 → substantial progress", "borderline",
                  "序时进度: 64.4%", "74.1%", "straight line 80.0%"):
        assert piece in w, piece


def test_the_worked_line_in_chinese_uses_the_vocabulary():
    from ipanalysis.present.worked import working_zh

    r = ip.attainment(doc_id="ordos_2022").set_index("target_id").loc["OR-01"]
    w = working_zh(r)
    for piece in ("基期值2,748件（2020-12-31）", "×366/274＝4,539件", "按2024年计", "已过4年（共5年）",
                  "比值13.4%÷15.0%＝0.891", "→ 进展一般", "按截止日期计（3.75年）：比值0.955 → 进展明显",
                  "临界：进展一般至进展明显", "序时进度：已完成64.4%，按规划路径应完成74.1%", "→ 进度滞后"):
        assert piece in w, piece


def test_the_attainment_page_shows_the_working():
    src = (ip.data.sources.data_dir().parent / "notebooks" / "attainment.py").read_text(encoding="utf-8")
    assert "working_columns(lang)" in src
    from ipanalysis.present.worked import working_columns

    assert working_columns("zh") == ["target_id", "status", ("working_zh", "working")]   # Chinese page: Chinese only


# Issue 15 §3.3 — ranges stay ranges
def test_range_targets_show_both_ends():
    tr = ip.trajectories("guiyang_2022")
    shown = readable(tr[tr["target_id"].isin(["GY-16", "GY-17"])], ["target_id", "target_value"]).df
    assert shown.iloc[:, 1].tolist() == ["1—2个", "5—10个"]


# Issue 15 §3.6 — one date per page: the latest observation a verdict uses
def test_one_date_per_page():
    from ipanalysis.present import charts

    att = ip.attainment(doc_id="ordos_2022")
    assert _latest_used()(att) == "2024-09-30"               # not the Feb 2025 month, too short to use
    assert set(att["as_of"]) == {"2024-09-30"}
    title = charts.attainment_chart(att).axes[0].get_title()
    assert "2024-09-30" in title and "2025-02-28" not in title
    assert "latest observation used 2024-09-30" in str(ip.attainment_findings(att, "ordos_2022"))


# Issue 15 §3.7 — units in one style; the target year where two targets differ only by it
def test_prose_uses_the_tables_unit_style():
    reasons = " ".join(ip.trajectories("guiyang_2022")["reason"])
    assert "8.75亿元 a year" in reasons and "875,000,000" not in reasons


def test_cannot_be_projected_table_has_the_target_year():
    src = (ip.data.sources.data_dir().parent / "notebooks" / "trajectories.py").read_text(encoding="utf-8")
    cell = src[src.index("readable(tr[~tr[\"computable\"]]"):]
    assert '"target_year"' in cell[: cell.index(")")]


# Issue 15 §3.8 — a page drawn from invented data says so at its top, in text
def test_illustrative_page_says_so_at_the_top():
    demo = ip.attainment(ip.data.sources.data_dir() / "examples" / "illustrative_observations.csv", as_of=2023,
                         doc_id="ordos_2022")
    top = str(ip.doc_header("ordos_2022", data=demo)).splitlines()[0]
    assert top.startswith("**ILLUSTRATIVE DATA") and "invented" in top
    assert "ILLUSTRATIVE" not in str(ip.doc_header("ordos_2022", data=ip.attainment(doc_id="ordos_2022")))
    src = (ip.data.sources.data_dir().parent / "notebooks" / "attainment.py").read_text(encoding="utf-8")
    assert src.index("ip.doc_header(doc_id, data=att, lang=lang)") < src.index("charts.attainment_chart(att")


# Issue 17 item 5 — status codes are data; words come from the vocabulary
def test_every_code_attainment_emits_has_words_in_both_languages():
    frames = [ip.attainment(), ip.attainment(ip.data.sources.data_dir() / "examples" / "illustrative_observations.csv")]
    codes = set()
    for a in frames:
        for col in ("status", "status_low", "status_high", "schedule_status", "opensdg_status", "unsd_status", "reading"):
            codes |= set(a[col].dropna())
    for code in codes:
        en, zh = _vocab().label(code), _vocab().label(code, "zh")
        assert en and zh and any("\u4e00" <= ch <= "\u9fff" for ch in zh), code


def _code_strings(path):
    """The string literals of a module that are code, not docstrings (a doctest's expected output is a test)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in docs]


def test_no_status_words_hard_coded_outside_the_vocabulary():
    root = ip.data.sources.data_dir().parent / "ipanalysis"
    words = ("substantial progress", "moderate progress", "behind schedule", "no data", "进展明显", "进度滞后")
    for path in root.rglob("*.py"):
        if path.name == "vocabulary.py":
            continue
        for text in _code_strings(path):
            for w in words:
                assert w not in text, f"{path.relative_to(root)} hard-codes {w!r}"
