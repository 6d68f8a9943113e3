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
