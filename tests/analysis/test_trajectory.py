"""Trajectories: hand-computed CAGRs and paths; targets handled as what they are."""

import math

import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis.analysis.rates import linear_increase, path


@pytest.mark.parametrize("start, end, years, expected", [
    (550, 2748, 5, 0.379529),     # Ordos patent grants 2015→2020, stated 38.0%
    (867, 9742, 5, 0.622280),     # trademark applications, stated 62.2%
    (1723, 5210, 5, 0.247701),    # trademark registrations, stated 24.8%
    (100, 121, 2, 0.10),
    (100, 100, 3, 0.0),
    (200, 100, 1, -0.5),
])
def test_cagr_hand_computed(start, end, years, expected):
    assert ip.cagr(start, end, years) == pytest.approx(expected, abs=5e-6)


@pytest.mark.parametrize("start, end, years, message", [
    (0, 10, 5, "positive start and end"), (-1, 10, 5, "positive start and end"), (10, 0, 5, "positive"),
    (10, 20, 0, "years > 0"), (10, 20, -2, "years > 0"),
])
def test_cagr_rejects_bad_input(start, end, years, message):
    with pytest.raises(ValueError, match=message):
        ip.cagr(start, end, years)


def test_paths_compound_and_linear():
    p = path(0.93, 2, 2020, 2025)
    assert p["year"].tolist() == list(range(2020, 2026))
    assert p["value"].iloc[0] == pytest.approx(0.93) and p["value"].iloc[-1] == pytest.approx(2)
    assert p["value"].iloc[1] == pytest.approx(0.93 * (2 / 0.93) ** 0.2)
    lin = path(48, 96, 2020, 2025, method="linear")
    assert lin["value"].tolist() == pytest.approx([48, 57.6, 67.2, 76.8, 86.4, 96])
    assert linear_increase(48, 96, 5) == pytest.approx(9.6)
    with pytest.raises(ValueError, match="valid: compound, linear"):
        path(1, 2, 2020, 2025, method="quadratic")


def test_trajectories_ordos():
    tr = ip.trajectories("ordos_2022").set_index("target_id")
    # level with a table baseline: (3290/790)^(1/5) - 1
    assert tr.loc["OR-07", "required_cagr"] == pytest.approx((3290 / 790) ** 0.2 - 1)
    assert tr.loc["OR-07", "required_linear_increase"] == pytest.approx(500)
    assert tr.loc["OR-07", "baseline_year"] == 2020
    # a growth-rate target keeps its rate and implies a level from the 2020 value
    assert tr.loc["OR-01", "required_cagr"] == pytest.approx(0.15)
    assert tr.loc["OR-01", "target_level"] == pytest.approx(2748 * 1.15 ** 5)
    # qualitative and cumulative targets are not projected, with a reason
    assert not tr.loc["OR-12", "computable"] and "qualitative" in tr.loc["OR-12", "reason"]
    assert not tr.loc["OR-10", "computable"] and "total over 2021–2025" in tr.loc["OR-10", "reason"]
    assert "basis ambiguous" in tr.loc["OR-10", "reason"]
    assert tr.loc["OR-10", "implied_annual_average"] == pytest.approx(100 / 5)


def test_trajectories_reasons_for_other_measures():
    tr = ip.trajectories("guiyang_2022").set_index("target_id")
    assert "score" in tr.loc["GY-01", "reason"]
    assert "share" in tr.loc["GY-21", "reason"]
    assert tr.loc["GY-15", "implied_annual_average"] == pytest.approx(3.5e9 / 4)  # 2022–2025 total
    # no baseline in the document: GY-02 gets the cited observation nearest to the base date (Aug 2022)
    assert tr.loc["GY-02", "baseline_kind"] == "observed" and tr.loc["GY-02", "baseline_value"] == 3094
    years = 3 + (365 - 227) / 365                    # 15 Aug 2022 (day 227) → end-2025
    assert tr.loc["GY-02", "required_cagr"] == pytest.approx((3500 / 3094) ** (1 / years) - 1)
    assert tr.loc["GY-02", "baseline_source"].startswith("http")
    assert int(tr["computable"].sum()) >= 2
    without = ip.trajectories("guiyang_2022", observations=ip.real_observations().iloc[0:0]).set_index("target_id")
    assert not without["computable"].any() and "no baseline" in without.loc["GY-02", "reason"]


def test_duplicates_are_one_target():
    tr = ip.trajectories()
    assert tr["target_id"].is_unique
    assert "GY-12" not in set(tr["target_id"]) and "GY-03" in set(tr["target_id"])


def test_baseline_passed_in_is_used():
    extra = pd.DataFrame({"doc_id": ["nanchang_2021"], "indicator": ["high_value_invention_patents_per_10k"],
                          "year": [2020], "value": [4.0], "measure": ["intensity"]})
    tr = ip.trajectories("nanchang_2021", baselines=extra).set_index("target_id")
    assert tr.loc["NC-01", "computable"]
    assert tr.loc["NC-01", "required_cagr"] == pytest.approx((10 / 4) ** 0.2 - 1)


def test_trajectory_series():
    tr = ip.trajectory("OR-01")
    hist = tr[tr["series"] == "history"].set_index("year")["value"]
    assert hist.to_dict() == {2015: 550, 2020: 2748}
    cont = tr[tr["series"] == "past growth continued"].set_index("year")["value"]
    assert cont[2025] == pytest.approx(2748 * (2748 / 550))  # 5 more years at the 2015→2020 CAGR
    plan = tr[tr["series"] == "plan path"].set_index("year")["value"]
    assert plan[2025] == pytest.approx(2748 * 1.15 ** 5)


def test_trajectory_of_a_duplicate_resolves_to_its_original():
    assert set(ip.trajectory("OR-16")["target_id"]) == {"OR-03"}


def test_trajectory_errors_name_valid_choices():
    with pytest.raises(KeyError, match="unknown target_id 'XX-99'"):
        ip.trajectory("XX-99")
    with pytest.raises(ValueError, match="valid: compound, linear"):
        ip.trajectory("OR-01", method="exp")


def test_historical_growth_and_plan_paths():
    h = ip.historical_growth("ordos_2022").set_index("indicator")
    assert set(h.index) >= {"patent_grants_annual", "trademark_applications_annual", "trademark_registrations_annual"}
    assert h.loc["trademark_registrations_annual", "historical_cagr"] == pytest.approx((5210 / 1723) ** 0.2 - 1)
    p = ip.plan_paths("ordos_2022")
    assert p.loc[2025, "OR-15"] == pytest.approx(96) and p.loc[2020, "OR-15"] == pytest.approx(48)
    assert ip.plan_paths("cangshan_2013").empty
    assert math.isclose(p.loc[2022, "OR-05"], 23 * (30 / 23) ** 0.4)


def test_trajectory_observed_series_uses_whole_years_and_stocks_only():
    real = ip.real_observations()
    obs = ip.trajectory("OR-01", observations=real).query("series == 'observed'")
    # 2019 is a whole-year flow (1,584 grants); Jan–Sep 2024 and single months are not a year's value
    assert obs[["year", "value"]].values.tolist() == [[2019, 1584.0]]
    stock = ip.trajectory("GY-02", observations=real).query("series == 'observed'")
    assert stock[["year", "value"]].values.tolist() == [[2022, 3094.0]]


def test_trajectory_findings_follow_the_frame_and_flag_ambiguous_readings():
    tr, hist = ip.trajectories("guiyang_2022"), ip.historical_growth("guiyang_2022")
    text = str(ip.trajectory_findings(tr, hist, "guiyang_2022"))
    ok = tr[tr["computable"]]
    assert f"{len(ok)} of {len(tr)} distinct targets" in text
    for tid in ok.loc[ok["basis"].eq("ambiguous"), "target_id"]:
        assert f"{tid}'s wording is ambiguous" in text
    assert "GY-06's wording is ambiguous" in text and "a yearly rate" in text
    assert "1 score " in text and "1 scores" not in text
    # the same frame without the ambiguity says nothing about it
    plain = str(ip.trajectory_findings(tr.assign(basis=pd.NA), hist, "guiyang_2022"))
    assert "ambiguous" not in plain
