"""Attainment: every status boundary by hand, comparators, direction, 序时进度, no data."""

import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis.attainment import opensdg_status, parse_as_of, schedule_status, target_met, unsd_status
from ipanalysis.schemas import DataValidationError

ILLUSTRATIVE = ip.sources.data_dir() / "examples" / "illustrative_observations.csv"


@pytest.mark.parametrize("ratio, status", [
    (1.5, "substantial progress"), (0.95, "substantial progress"), (0.9499, "moderate progress"),
    (0.6, "moderate progress"), (0.5999, "limited progress"), (0.0, "limited progress"),
    (-0.0001, "deterioration"), (float("nan"), "not assessable"),
])
def test_opensdg_boundaries(ratio, status):
    assert opensdg_status(ratio) == status


def test_opensdg_achieved_wins():
    assert opensdg_status(-3, achieved=True) == "target achieved"


@pytest.mark.parametrize("ratio, status", [
    (0.95, "on track"), (0.9499, "fair progress, acceleration needed"), (0.10, "fair progress, acceleration needed"),
    (0.0999, "limited progress or stagnation"), (0.0, "limited progress or stagnation"), (-0.01, "regression"),
])
def test_unsd_boundaries(ratio, status):
    assert unsd_status(ratio) == status
    assert unsd_status(ratio, achieved=True) == "target met"


@pytest.mark.parametrize("progress, elapsed, status", [
    (0.5, 0.5, "on schedule"),          # 时间过半、任务过半
    (0.45, 0.5, "on schedule"),         # within the 5-point tolerance
    (0.449, 0.5, "behind schedule"),
    (0.551, 0.5, "ahead of schedule"),
    (0.2, 0.6, "behind schedule"),
    (-0.1, 0.2, "behind schedule"),
])
def test_schedule_rule(progress, elapsed, status):
    assert schedule_status(progress, elapsed) == status


@pytest.mark.parametrize("obs, target, comparator, direction, met", [
    (600, 600, ">=", "up", True),      # 不低于600: met at the value
    (599, 600, ">=", "up", False),
    (50000, 50000, ">", "up", False),  # 突破5万: only above it
    (50001, 50000, ">", "up", True),
    (5, 5, "range", "up", True),       # 5—10: met at the lower end
    (86, 86, "=", "up", True),
    (9, 10, "=", "down", True),        # desirable direction down
    (11, 10, "=", "down", False),
    (1, None, ">=", "up", False),
    (1, 1, "qualitative", "up", False),
])
def test_target_met(obs, target, comparator, direction, met):
    assert target_met(obs, target, comparator, direction) is met


def test_parse_as_of():
    assert parse_as_of(2023) == 2023 and parse_as_of("2023") == 2023 and parse_as_of("2023-06-30") == 2023
    assert parse_as_of(None) is None
    for bad in ("2023/06/30", "soon", "2023-13-01"):
        with pytest.raises(ValueError):
            parse_as_of(bad)


def _obs(rows):
    base = {"place": pd.NA, "measure": pd.NA, "source_title": "t", "source_publisher": "p", "source_date": "2024-01-01",
            "source_url": "https://example.org/x", "source_quote": pd.NA, "note": pd.NA}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_attainment_hand_computed_ordos_trademarks():
    # 2020 stock 31219, target 突破5万件 (>) by 2025; observed 40000 in 2023
    obs = _obs([{"doc_id": "ordos_2022", "indicator": "valid_trademarks", "year": 2023, "value": 40000, "unit": "件"}])
    a = ip.attainment(ip.load_observations(obs), doc_id="ordos_2022").set_index("target_id")
    r = a.loc["OR-04"]
    progress = (40000 - 31219) / (50000 - 31219)
    assert r["progress_ratio"] == pytest.approx(progress)
    assert r["elapsed_share"] == pytest.approx(3 / 5)
    assert r["schedule_status"] == "behind schedule"  # 0.4675 of the task in 0.6 of the time
    actual = (40000 / 31219) ** (1 / 3) - 1
    required = (50000 / 31219) ** (1 / 5) - 1
    assert r["cagr_ratio"] == pytest.approx(actual / required)
    projected = 40000 * (1 + actual) ** 2
    assert r["projected_ratio"] == pytest.approx((projected - 31219) / (50000 - 31219))


def test_attainment_exact_target_for_strict_comparator_is_not_met():
    obs = _obs([{"doc_id": "ordos_2022", "indicator": "valid_trademarks", "year": 2024, "value": 50000, "unit": "件"}])
    r = ip.attainment(ip.load_observations(obs), doc_id="ordos_2022").set_index("target_id").loc["OR-04"]
    assert not r["achieved"] and r["schedule_status"] != "target achieved"


def test_attainment_lower_bound_target_met_at_value():
    obs = _obs([{"doc_id": "ordos_2022", "indicator": "ip_practitioners", "year": 2024, "value": 96, "unit": "人"}])
    r = ip.attainment(ip.load_observations(obs), doc_id="ordos_2022").set_index("target_id").loc["OR-15"]
    assert r["achieved"] and r["opensdg_status"] == "target achieved" and r["unsd_status"] == "target met"


def test_missing_observation_is_no_data_not_dropped():
    a = ip.attainment(ILLUSTRATIVE, as_of=2023)
    assert len(a) == len(ip.trajectories())
    nd = a[a["schedule_status"] == "no data"]
    assert len(nd) > 0 and (nd["opensdg_status"] == "no data").all()


def test_as_of_filters_later_observations():
    a = ip.attainment(ILLUSTRATIVE, as_of=2022, doc_id="ordos_2022").set_index("target_id")
    assert a.loc["OR-01", "obs_year"] == 2022 and a.loc["OR-01", "obs_value"] == 3400
    assert a.loc["OR-07", "schedule_status"] == "no data"  # only a 2023 value exists


def test_illustrative_flag_travels():
    a = ip.attainment(ILLUSTRATIVE, as_of=2023, doc_id="ordos_2022")
    assert a.loc[a["schedule_status"] != "no data", "illustrative"].all()


def test_cumulative_target_progress_from_zero():
    r = ip.attainment(ILLUSTRATIVE, as_of=2023, doc_id="guiyang_2022").set_index("target_id").loc["GY-15"]
    # 35亿元 over 2022–2025; 15亿元 by 2023 → 15/35 of the task, 2 of 4 years elapsed
    assert r["progress_ratio"] == pytest.approx(15 / 35)
    assert r["elapsed_share"] == pytest.approx(2 / 4)
    assert r["schedule_status"] == "behind schedule"


# --- observation validation -----------------------------------------------------------

@pytest.mark.parametrize("change, column, message", [
    ({"indicator": "nope"}, "indicator", "is not allowed"),
    ({"unit": "亿元", "indicator": "ip_pledge_financing", "value": 40}, "unit", "convert to yuan"),
    ({"unit": "家"}, "unit", "is measured in '件'"),
    ({"source_url": "see report"}, "source_url", "not a URL"),
    ({"doc_id": pd.NA, "place": "Atlantis"}, "place", "names no document"),
])
def test_bad_observations_name_row_and_column(change, column, message):
    row = {"doc_id": "ordos_2022", "indicator": "valid_trademarks", "year": 2023, "value": 40000, "unit": "件"}
    obs = _obs([row, {**row, "year": 2022, **change}])
    with pytest.raises(DataValidationError) as err:
        ip.load_observations(obs, name="obs.csv")
    assert "obs.csv" in str(err.value) and "line 3" in str(err.value) and f"column '{column}'" in str(err.value)
    assert message in str(err.value)


def test_percent_given_as_fraction_is_refused():
    obs = _obs([{"doc_id": "nanchang_2021", "indicator": "patent_intensive_industry_gdp_share", "year": 2023,
                 "value": 0.12, "unit": "%"}])
    with pytest.raises(DataValidationError, match="looks like a fraction"):
        ip.load_observations(obs)


def test_duplicate_observation_is_refused():
    row = {"doc_id": "ordos_2022", "indicator": "valid_trademarks", "year": 2023, "value": 40000, "unit": "件"}
    with pytest.raises(DataValidationError, match="line 3.*duplicate observation"):
        ip.load_observations(_obs([row, {**row, "value": 41000}]))


def test_place_names_resolve_to_documents():
    row = {"doc_id": pd.NA, "place": "鄂尔多斯市", "indicator": "valid_trademarks", "year": 2023, "value": 1, "unit": "件"}
    assert ip.load_observations(_obs([row]))["doc_id"].item() == "ordos_2022"


def test_missing_file():
    with pytest.raises(FileNotFoundError, match="observations file not found"):
        ip.attainment("no/such/file.csv")


def test_shipped_observation_files_validate():
    assert ip.illustrative_observations()["illustrative"].all()
    real = ip.real_observations()
    assert not real["illustrative"].any()
