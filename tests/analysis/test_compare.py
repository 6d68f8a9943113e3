"""Cross-city comparison: harmonised cells, measures kept apart, national coverage with evidence."""

import pytest

import ipanalysis as ip


def test_matrix_keeps_measures_apart():
    long = ip.compare(indicators=["ip_pledge_financing"])
    assert set(long["measure"]) == {"cumulative", "annual_flow", "level"}
    m = ip.compare_matrix(long)
    # three rows (one per measure), never one row mixing them
    assert len(m) == 3
    assert (m.notna().sum(axis=1) == 1).all()


def test_same_key_same_unit_in_one_row():
    m = ip.compare_matrix(min_docs=2)
    row = m.xs("high_value_invention_patents_per_10k", level="indicator")
    assert row.index.get_level_values("unit").tolist() == ["件/万人"]
    assert row["nanchang_2021"].item() == 10 and row["ordos_2022"].item() == 2


def test_intensity_carries_its_denominator():
    long = ip.compare(indicators=["high_value_invention_patents_per_10k"])
    assert long.loc[long["measure"] == "intensity", "denominator"].str.contains("10,000").all()
    # Guiyang states a growth rate of the same indicator: its own row, in %, not mixed with the levels
    growth = long[long["measure"] == "growth_rate"]
    assert growth["doc_id"].tolist() == ["guiyang_2022"] and growth["unit"].tolist() == ["%"]


def test_growth_rates_and_qualitative_targets_are_not_in_the_level_matrix():
    long = ip.compare()
    assert not (long["comparator"] == "qualitative").any()
    assert long["value"].notna().all()
    assert "GY-12" not in set(long["target_id"])  # a repeated statement is one target


def test_target_years_matrix():
    years = ip.compare_matrix(min_docs=2, what="target_year")
    assert years.xs("well_known_trademarks", level="indicator")["cangshan_2013"].item() == 2015
    with pytest.raises(ValueError, match="valid: value, target_year"):
        ip.compare_matrix(what="median")


def test_unknown_choices_are_named():
    with pytest.raises(ValueError, match="atlantis"):
        ip.compare(doc_ids=["atlantis"])
    with pytest.raises(ValueError, match="no_such_key"):
        ip.compare(indicators=["no_such_key"])


def test_national_tasks_are_data_with_quotes():
    tasks = ip.national_tasks()
    assert tasks["task_no"].tolist() == list(range(1, 10))
    raw = ip.raw_text("national_2015")
    assert all(q in raw for q in tasks["source_quote"])


def test_national_coverage_evidence_is_verbatim():
    cov = ip.national_coverage()
    assert len(cov) == 9 * 4
    hit = cov[cov["addressed"]]
    for _, r in hit.iterrows():
        assert r["keyword"] in r["evidence"] and r["evidence"] in ip.raw_text(r["doc_id"])
    assert cov.loc[~cov["addressed"], "evidence"].isna().all()
    score = cov.groupby("doc_id")["score"].first()
    assert score.between(0, 1).all()
    assert score["cangshan_2013"] == pytest.approx(cov[cov.doc_id == "cangshan_2013"]["addressed"].mean())


def test_coverage_responds_to_the_text():
    cov = ip.national_coverage(["ordos_2022"]).set_index("task_no")
    assert cov.loc[4, "addressed"] and "质押" in cov.loc[4, "evidence"]
    with pytest.raises(ValueError):
        ip.national_coverage(["national_2015"])


def test_coverage_counts_only_commitments():
    """Issue 15 §3.4: today Ordos task 1 was 'yes' by its own title notice, Nanchang's by its issuing
    notice, Ordos tasks 2, 4 and 9 by sentences reviewing the 十三五 period (498 cases, 6.214亿元)."""
    cov = ip.national_coverage().set_index(["doc_id", "task_no"])
    assert not cov.loc[("ordos_2022", 1), "addressed"] and not cov.loc[("nanchang_2021", 1), "addressed"]
    assert "issuing notice or title" in cov.loc[("ordos_2022", 1), "not_counted"]
    for task in (2, 4, 9):
        r = cov.loc[("ordos_2022", task)]
        assert r["addressed"] and "review of the past" in r["not_counted"]
        assert "498件" not in r["evidence"] and "6.214亿元" not in r["evidence"] and "快速发展" not in r["evidence"]
        assert not r["section"].startswith("第一章")      # not in 规划背景
    assert cov.loc[("ordos_2022", 4), "evidence"].endswith("知识产权质押融资金额达到70亿元。")
    assert "中国专利奖等进行奖补" in cov.loc[("ordos_2022", 5), "evidence"]   # not the definition note
    shares = cov.groupby("doc_id")["addressed"].sum()
    assert shares.to_dict() == {"cangshan_2013": 3, "guiyang_2022": 6, "nanchang_2021": 7, "ordos_2022": 7}


def test_a_plan_older_than_the_national_one_says_so_beside_its_share():
    from ipanalysis.analysis.compare import coverage_scores

    s = coverage_scores().set_index("doc_id")
    assert s["predates_national"].to_dict() == {"guiyang_2022": False, "cangshan_2013": True,
                                                "nanchang_2021": False, "ordos_2022": False}
    assert s.loc["cangshan_2013", "note"] == "issued 2013, before the national plan (2015): it could not take up its tasks"
    assert s.loc["cangshan_2013", "score"] == pytest.approx(3 / 9) and s.loc["ordos_2022", "addressed"] == 7
    md = ip.compare_findings(ip.compare(), ip.targets_per_10k(), coverage=ip.national_coverage())
    line = next(ln for ln in md.splitlines() if "Cangshan" in ln and "national" in ln)
    assert "3 of 9" in line and "2013" in line and "before the national plan (2015)" in line
