"""Attainment: every status boundary by hand, comparators, direction, 序时进度, no data."""

import pandas as pd
import pytest

import ipanalysis as ip
import ipanalysis.data.sources
from ipanalysis.analysis.attainment import opensdg_status, parse_as_of, schedule_status, target_met, unsd_status
from ipanalysis.data.schemas import DataValidationError

ILLUSTRATIVE = ipanalysis.data.sources.data_dir() / "examples" / "illustrative_observations.csv"


@pytest.mark.parametrize("ratio, status", [
    (1.5, "substantial_progress"), (0.95, "substantial_progress"), (0.9499, "moderate_progress"),
    (0.6, "moderate_progress"), (0.5999, "limited_progress"), (0.0, "limited_progress"),
    (-0.0001, "deterioration"), (float("nan"), "not_assessable"),
])
def test_opensdg_boundaries(ratio, status):
    assert opensdg_status(ratio) == status


def test_opensdg_achieved_wins():
    assert opensdg_status(-3, achieved=True) == "target_achieved"


@pytest.mark.parametrize("ratio, status", [
    (0.95, "on_track"), (0.9499, "fair_progress"), (0.10, "fair_progress"),
    (0.0999, "limited_or_stagnation"), (0.0, "limited_or_stagnation"), (-0.01, "regression"),
])
def test_unsd_boundaries(ratio, status):
    assert unsd_status(ratio) == status
    assert unsd_status(ratio, achieved=True) == "target_achieved"


@pytest.mark.parametrize("progress, elapsed, status", [
    (0.5, 0.5, "on_schedule"),          # 时间过半、任务过半
    (0.45, 0.5, "on_schedule"),         # within the 5-point tolerance
    (0.449, 0.5, "behind_schedule"),
    (0.551, 0.5, "ahead_of_schedule"),
    (0.2, 0.6, "behind_schedule"),
    (-0.1, 0.2, "behind_schedule"),
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
    assert parse_as_of(2023) == pd.Timestamp("2023-12-31") == parse_as_of("2023")
    assert parse_as_of("2023-03-31") == pd.Timestamp("2023-03-31")
    assert parse_as_of(None) is None
    for bad in ("2023/06/30", "soon", "2023-13-01", "2023-06"):
        with pytest.raises(ValueError, match="as_of must be"):
            parse_as_of(bad)


BASE = {"place": pd.NA, "period_start": pd.NA, "value_text": pd.NA, "qualifier": "=", "scope": "city",
        "source_title": "t", "source_publisher": "p", "source_date": "2026-03-01",
        "source_url": "https://example.org/x", "source_quote": pd.NA, "note": pd.NA}


def _obs(rows):
    """Test observations; value_text/source_quote are filled so the real-data checks pass."""
    out = []
    for r in rows:
        r = {**BASE, **r}
        if pd.isna(r["value_text"]):
            r["value_text"] = f"{r['value']:g}"
            r["source_quote"] = f"数值为{r['value']:g}。"
        out.append(r)
    return ip.load_observations(pd.DataFrame(out))


def _stock(doc, key, end, value, unit="件", measure="stock"):
    return {"doc_id": doc, "indicator": key, "period_end": end, "value": value, "unit": unit, "measure": measure}


def _flow(doc, key, start, end, value, unit="件"):
    return {"doc_id": doc, "indicator": key, "period_start": start, "period_end": end, "value": value,
            "unit": unit, "measure": "flow"}


def _att(rows, doc, **kw):
    return ip.attainment(_obs(rows), doc_id=doc, **kw).set_index("target_id")


def test_hand_computed_ordos_trademarks_with_date_based_elapsed_share():
    # 2020 stock 31219 (document), target 突破5万件 (>) by end-2025; observed 40000 at end-2023
    r = _att([_stock("ordos_2022", "valid_trademarks", "2023-12-31", 40000)], "ordos_2022").loc["OR-04"]
    assert r["progress_ratio"] == pytest.approx((40000 - 31219) / (50000 - 31219))
    assert r["elapsed_share"] == pytest.approx(3 / 5)   # end-2020 → end-2023 of end-2020 → end-2025
    assert r["schedule_status"] == "behind_schedule"  # 0.4675 of the task in 0.6 of the time
    actual = (40000 / 31219) ** (1 / 3) - 1          # end-2020 → end-2023: 3 years
    required = (50000 / 31219) ** (1 / 5) - 1
    assert r["cagr_ratio"] == pytest.approx(actual / required)
    projected = 40000 * (1 + actual) ** 2
    assert r["projected_ratio"] == pytest.approx((projected - 31219) / (50000 - 31219))
    assert r["status"] == r["opensdg_status"] == "moderate_progress"


def test_elapsed_share_uses_the_date_not_the_year():
    rows = [_stock("ordos_2022", "valid_trademarks", "2023-03-31", 40000),
            _stock("ordos_2022", "valid_trademarks", "2023-06-30", 41000)]
    r = _att(rows, "ordos_2022", as_of="2023-03-31").loc["OR-04"]
    assert r["obs_period_end"] == "2023-03-31" and r["obs_value"] == 40000   # the June value is after as_of
    assert r["elapsed_share"] == pytest.approx((2 + 90 / 365) / 5)   # 31 Mar 2023 is day 90 of 365
    assert r["elapsed_share"] < 0.5   # a year-based reading would say 3/5 = 0.6


def test_partial_year_flow_is_annualised_by_its_days():
    # Ordos patent grants: 2748 in 2020 (document), 15% a year; Jan–Sep 2024 = 3398 (274 of 366 days)
    r = _att([_flow("ordos_2022", "patent_grants_annual", "2024-01-01", "2024-09-30", 3398)], "ordos_2022").loc["OR-01"]
    assert r["annualised_value"] == pytest.approx(3398 * 366 / 274)
    years = 4                                        # the annualised value stands for 2024: 2020 → 2024
    assert r["actual_cagr"] == pytest.approx((3398 * 366 / 274 / 2748) ** (1 / years) - 1)
    assert "annualised from 274 days" in r["flags"]


def test_a_month_is_too_short_to_annualise():
    r = _att([_flow("ordos_2022", "patent_grants_annual", "2025-02-01", "2025-02-28", 268)], "ordos_2022").loc["OR-01"]
    assert r["status"] == "no_data" and "too short" in r["comment"]


def test_growth_target_without_baseline_is_never_achieved_from_a_level():
    # OR-02: PCT applications 年均增长15%, no baseline; 40 applications in 2023 says nothing about growth
    r = _att([_flow("ordos_2022", "pct_applications_annual", "2023-01-01", "2023-12-31", 40)], "ordos_2022").loc["OR-02"]
    assert r["status"] == "not_assessable"
    assert r["opensdg_status"] != "target_achieved" and r["unsd_status"] != "target_achieved"
    assert "growth" in r["comment"]


def test_growth_target_judged_on_a_stated_growth_rate():
    rows = [{**_stock("ordos_2022", "patent_grants_annual_growth", "2023-04-30", -11.51, unit="%", measure="rate"),
             "period_start": "2023-01-01", "value_text": "-11.51%", "source_quote": "同比增长-11.51%"}]
    obs = ip.load_observations(pd.DataFrame([{**BASE, **rows[0]}]))
    tr_free = obs.iloc[0:0]  # no level observation: OR-01 keeps its stated 2020 baseline but has no later level
    a = ip.attainment(pd.concat([obs, tr_free]), doc_id="ordos_2022").set_index("target_id")
    r = a.loc["OR-01"]
    assert r["actual_cagr"] == pytest.approx(-0.1151) and r["cagr_ratio"] == pytest.approx(-0.1151 / 0.15)
    assert r["status"] == "deterioration"


def test_growth_rate_from_before_the_plan_is_not_used():
    # GY-06 (研发经费投入增长12%以上, plan 2022-2025; no level observed here): a 2021 rate is history,
    # a 2023 one counts: 7.5 / 12 = 0.625 of the required growth → moderate progress (0.6 ≤ r < 0.95)
    def rate(start, end, value):
        return {**_stock("guiyang_2022", "rd_expenditure_growth", end, value, unit="%", measure="rate"),
                "period_start": start}
    r = _att([rate("2021-01-01", "2021-12-31", 30.0)], "guiyang_2022").loc["GY-06"]
    assert r["status"] == "not_assessable" and "before the plan starts (2022)" in r["comment"]
    assert pd.isna(r["actual_cagr"])
    r = _att([rate("2021-01-01", "2021-12-31", 30.0), rate("2023-01-01", "2023-12-31", 7.5)], "guiyang_2022").loc["GY-06"]
    assert r["actual_cagr"] == pytest.approx(0.075) and r["cagr_ratio"] == pytest.approx(0.625)
    assert r["status"] == "moderate_progress" and r["obs_period_start"] == "2023-01-01"


def test_target_year_observed_gives_met_or_missed():
    a = _att([_stock("guiyang_2022", "high_value_invention_patents", "2025-12-31", 3600)], "guiyang_2022")
    assert a.loc["GY-02", "status"] == "met"
    a = _att([_stock("guiyang_2022", "high_value_invention_patents", "2025-12-31", 3400)], "guiyang_2022")
    assert a.loc["GY-02", "status"] == "missed"
    # a whole-year flow in the target year, against a strict 突破 target
    a = _att([_stock("ordos_2022", "valid_trademarks", "2025-12-31", 50000)], "ordos_2022")
    assert a.loc["OR-04", "status"] == "missed"   # 突破5万件 needs more than 50000


def test_running_total_needs_a_start_stock():
    # GY-19 非遗项目 累计达260个 (running total): 240 at end-2023
    end = _stock("guiyang_2022", "intangible_cultural_heritage_items", "2023-12-31", 240, unit="个")
    r = _att([end], "guiyang_2022").loc["GY-19"]
    assert r["status"] == "distance_only" and r["share_of_target"] == pytest.approx(240 / 260)
    start = _stock("guiyang_2022", "intangible_cultural_heritage_items", "2021-12-31", 200, unit="个")
    r = _att([start, end], "guiyang_2022").loc["GY-19"]
    assert r["baseline_value"] == 200 and r["progress_ratio"] == pytest.approx(40 / 60)
    assert r["elapsed_share"] == pytest.approx(2 / 4)
    assert r["schedule_status"] == "ahead_of_schedule"


def test_period_total_counts_from_zero_at_the_plan_start():
    # GY-17 专利导航5—10个 (period total, lower end 5 by 2025): 3 projects over 2022-01-01 … 2023-12-31
    rows = [_flow("guiyang_2022", "patent_navigation_projects", "2022-01-01", "2023-12-31", 3, unit="个")]
    r = _att(rows, "guiyang_2022").loc["GY-17"]
    assert r["baseline_value"] != r["baseline_value"] or r["baseline_value"] == 0   # no stock before the plan
    assert r["progress_ratio"] == pytest.approx(3 / 5)
    assert r["elapsed_share"] == pytest.approx(2 / 4)
    assert r["schedule_status"] == "ahead_of_schedule"
    assert r["projected_value"] == pytest.approx(3 * 4 / 2)           # the average pace continued
    assert r["projected_ratio"] == pytest.approx(6 / 5)
    assert r["unsd_status"] == "on_track" and r["status"] == "substantial_progress"
    assert pd.isna(r["annualised_value"])   # a plan-period total is never annualised


def test_overshoot_and_a_baseline_already_past_the_target():
    # GY-02 (3500 by 2025): observed baseline 3600 at end-2021 already met it; 3400 at end-2023 no longer does
    rows = [_stock("guiyang_2022", "high_value_invention_patents", "2021-12-31", 3600),
            _stock("guiyang_2022", "high_value_invention_patents", "2023-12-31", 3400)]
    r = _att(rows, "guiyang_2022").loc["GY-02"]
    assert r["opensdg_status"] == "deterioration" and r["unsd_status"] == "regression"
    # overshoot before the target year is "target_achieved", not a ratio above 1
    rows = [_stock("guiyang_2022", "high_value_invention_patents", "2021-12-31", 3000),
            _stock("guiyang_2022", "high_value_invention_patents", "2023-12-31", 3700)]
    r = _att(rows, "guiyang_2022").loc["GY-02"]
    assert r["status"] == "target_achieved" and r["unsd_status"] == "target_achieved"


def test_lower_bound_target_met_at_value():
    r = _att([_stock("ordos_2022", "ip_practitioners", "2024-12-31", 96, unit="人")], "ordos_2022").loc["OR-15"]
    assert r["opensdg_status"] == "target_achieved" and r["unsd_status"] == "target_achieved"


def test_no_baseline_shows_distance_to_target_not_progress():
    r = _att([_stock("nanchang_2021", "madrid_trademarks", "2023-12-31", 60)], "nanchang_2021").loc["NC-03"]
    assert r["status"] == "distance_only" and r["share_of_target"] == pytest.approx(0.6)
    assert pd.isna(r["progress_ratio"]) and "distance to target" in r["comment"]


def test_only_the_documents_own_place_counts():
    rows = [{**_stock("ordos_2022", "valid_trademarks", "2023-12-31", 40000), "doc_id": pd.NA, "place": "内蒙古自治区",
             "scope": "province"}]
    r = _att(rows, "ordos_2022").loc["OR-04"]
    assert r["status"] == "no_data"


def test_scope_must_match_the_document():
    rows = [{**_stock("ordos_2022", "valid_trademarks", "2023-12-31", 40000), "scope": "province"}]
    with pytest.raises(DataValidationError, match="scope"):
        _obs(rows)


def test_missing_observation_is_no_data_not_dropped():
    a = ip.attainment(ILLUSTRATIVE, as_of=2023)
    assert len(a) == len(ip.trajectories())
    nd = a[a["status"] == "no_data"]
    assert len(nd) > 0 and (nd["opensdg_status"] == "no_data").all()


def test_default_is_the_real_observations_file():
    a = ip.attainment(doc_id="ordos_2022")
    assert not a["illustrative"].any()
    assert a.loc[a["obs_value"].notna(), "obs_url"].str.startswith("http").all()
    assert (a["status"].isin(["substantial_progress", "moderate_progress", "limited_progress", "deterioration",
                              "target_achieved", "met", "missed", "borderline"])).sum() >= 2


def test_illustrative_flag_travels():
    a = ip.attainment(ILLUSTRATIVE, as_of=2023, doc_id="ordos_2022")
    assert a.loc[a["obs_value"].notna(), "illustrative"].all() and a["obs_value"].notna().sum() >= 5


def test_trajectories_baselines_are_keyed_by_document():
    extra = pd.DataFrame({"indicator": ["valid_trademarks"], "year": [2021], "value": [100000.0]})
    with pytest.raises(ValueError, match="doc_id"):
        ip.trajectories(baselines=extra)
    tr = ip.trajectories(baselines=extra.assign(doc_id="guiyang_2022")).set_index("target_id")
    assert tr.loc["GY-03", "baseline_value"] == 100000 and tr.loc["GY-03", "baseline_kind"] == "passed in"
    assert tr.loc["OR-04", "baseline_value"] == 31219   # Ordos keeps its own


def test_observed_baseline_must_be_near_the_base_date():
    far = _obs([_stock("guiyang_2022", "high_value_invention_patents", "2019-12-31", 2000)])
    tr = ip.trajectories("guiyang_2022", observations=far).set_index("target_id")
    assert not tr.loc["GY-02", "computable"]
    near = _obs([_stock("guiyang_2022", "high_value_invention_patents", "2022-06-30", 3000)])
    tr = ip.trajectories("guiyang_2022", observations=near).set_index("target_id")
    assert tr.loc["GY-02", "computable"] and tr.loc["GY-02", "baseline_source"] == "https://example.org/x"


def _real_row(**change):
    row = {**BASE, "doc_id": "ordos_2022", "indicator": "patent_grants_annual", "period_start": "2024-01-01",
           "period_end": "2024-09-30", "value": 3398, "value_text": "3398件", "unit": "件", "measure": "flow",
           "source_quote": "1-9月专利授权3398件。"}
    row.update(change)
    return pd.DataFrame([row])


@pytest.mark.parametrize("change, column, message", [
    ({"source_url": "none"}, "source_url", "not a URL"),
    ({"source_quote": "1-9月专利授权3389件。"}, "value_text", "not part of source_quote"),
    ({"period_start": "2024-10-01"}, "period_end", "before period_start"),
    ({"period_end": "2024-02-30"}, "period_end", "not a valid ISO date"),
    ({"indicator": "ip_pledge_financing", "value": 44.6, "value_text": "44.6亿元", "unit": "yuan",
      "source_quote": "融资44.6亿元。"}, "value", "base units"),
    ({"unit": "万件"}, "unit", "convert to 件"),
    ({"measure": "stock", "period_start": pd.NA}, "measure", "is a 'flow'"),
    ({"period_start": pd.NA}, "period_start", "a flow needs the start"),
    ({"indicator": "nope"}, "indicator", "is not allowed"),
    ({"doc_id": pd.NA, "place": pd.NA}, "place", "give doc_id or place"),
])
def test_bad_observations_name_file_row_and_column(change, column, message):
    with pytest.raises(DataValidationError) as err:
        ip.load_observations(_real_row(**change), name="obs.csv")
    text = str(err.value)
    assert text.startswith("obs.csv:") and "line 2" in text and f"column {column!r}" in text and message in text


def test_duplicate_observation_is_refused():
    with pytest.raises(DataValidationError, match="duplicate observation"):
        ip.load_observations(pd.concat([_real_row(), _real_row()], ignore_index=True))


def test_place_names_resolve_to_documents():
    obs = ip.load_observations(_real_row(doc_id=pd.NA, place="鄂尔多斯市"))
    assert obs["doc_id"].item() == "ordos_2022"
    obs = ip.load_observations(_real_row(doc_id=pd.NA, place="东胜区", scope="district"))
    assert pd.isna(obs["doc_id"].item())   # a district inside the city is context, not the city


def test_missing_file_is_reported():
    with pytest.raises(FileNotFoundError, match="observations file not found"):
        ip.load_observations("no/such/file.csv")


def test_shipped_observation_files_validate():
    assert ip.illustrative_observations()["illustrative"].all()
    real = ip.real_observations()
    assert not real["illustrative"].any() and len(real) >= 40
    for doc in ("guiyang_2022", "nanchang_2021", "ordos_2022"):
        assert (real["doc_id"] == doc).sum() >= 3


def test_attainment_findings_count_what_the_frame_holds():
    att = ip.attainment(doc_id="guiyang_2022")
    text = str(ip.attainment_findings(att, "guiyang_2022"))
    seen = att[att["obs_value"].notna()]
    assert f"{len(seen)} of {len(att)} targets have a cited observation" in text
    base_only = int(seen["comment"].str.startswith("latest observation").sum())
    assert f"{base_only} targets have no observation after the one that serves as their baseline" in text   # 5: plural
    assert f"{int(att['obs_value'].isna().sum())} have no cited observation" in text
    assert f"{int(att['flags'].str.contains('ambiguous').sum())} targets have an ambiguous basis" in text
    # once a later observation arrives, the same page judges instead
    later = _att([_stock("guiyang_2022", "high_value_invention_patents", "2022-08-15", 3094),
                  _stock("guiyang_2022", "high_value_invention_patents", "2024-06-30", 3300)], "guiyang_2022")
    text = str(ip.attainment_findings(later.reset_index(), "guiyang_2022"))
    assert "No target can be judged yet" not in text and "GY-02" in text


def test_as_of_is_the_latest_observation_of_a_targeted_indicator():
    grants = _flow("ordos_2022", "patent_grants_annual", "2024-01-01", "2024-09-30", 3398)
    untargeted = _flow("ordos_2022", "invention_patent_grants_annual", "2025-01-01", "2025-03-31", 100)
    a = ip.attainment(_obs([grants, untargeted]), doc_id="ordos_2022")
    assert set(a["as_of"]) == {"2024-09-30"}           # the later figure bears on no Ordos target
    none = ip.attainment(_obs([untargeted]), doc_id="ordos_2022")
    assert none["as_of"].isna().all()
    assert ", as of" not in str(ip.attainment_findings(none, "ordos_2022"))
    # a cap later than every observation does not become the page's date: the latest observation used does
    assert set(ip.attainment(_obs([grants, untargeted]), doc_id="ordos_2022", as_of="2024-12-31")["as_of"]) == {"2024-09-30"}
