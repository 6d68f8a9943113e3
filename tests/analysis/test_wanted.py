"""Data wanted: ``ipanalysis wanted`` writes what would settle a target; ``ipanalysis check --observations``
checks it once filled; the filled file, passed as ``observations``, turns "no data" into a verdict.

The figure that fills a row in the last test is a TEST FIXTURE (tests/fixtures/wanted/), never real data.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis.analysis import attainment as att
from ipanalysis.analysis.wanted import NO_VERDICT, wanted
from ipanalysis.cli import main
from ipanalysis.data.observations import FILLED_COLUMNS
from ipanalysis.data.sources import data_dir

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wanted" / "guiyang_test_figure.csv"
CUT = "2026-12-06"  # the data cut of these tests: the latest full year is 2025
pytestmark = pytest.mark.xdist_group("wanted")  # one worker builds the Guiyang frame once


@pytest.fixture(scope="module")
def guiyang() -> pd.DataFrame:
    return wanted("guiyang_2022", as_of=CUT)


def _header() -> list[str]:
    with open(data_dir() / "observations.csv", encoding="utf-8") as fh:
        return next(csv.reader(fh))


def _row(frame: pd.DataFrame, indicator: str, end: str) -> pd.Series:
    hit = frame[(frame["indicator"] == indicator) & (frame["period_end"] == end)]
    assert len(hit) == 1, f"{indicator} {end}: {len(hit)} rows"
    return hit.iloc[0]


def test_guiyang_wants_every_target_without_a_verdict_with_blank_values(guiyang):
    assert list(guiyang.columns) == _header()
    assert guiyang[list(FILLED_COLUMNS)].isna().all().all()
    # 30 distinct Guiyang targets, none with a verdict (GY-12, GY-18, GY-26 restate GY-03, GY-05, GY-01);
    # GY-09 (growth, no baseline) wants its base date too; GY-23/GY-32 and GY-24/GY-33 differ in year.
    assert len(guiyang) == 31
    assert set(guiyang["doc_id"]) == {"guiyang_2022"} and set(guiyang["place"]) == {"贵阳市"}
    assert set(guiyang["scope"]) == {"city"} and set(guiyang["qualifier"]) == {"="}
    stock = _row(guiyang, "high_value_invention_patents", "2025-12-31")        # GY-02, a year-end stock
    assert pd.isna(stock["period_start"]) and (stock["measure"], stock["unit"]) == ("stock", "件")
    total = _row(guiyang, "geographical_indications_added", "2025-12-31")    # GY-04, 累计 since the plan start
    assert (total["period_start"], total["measure"]) == ("2022-01-01", "flow")
    rd = _row(guiyang, "rd_expenditure", "2025-12-31")                        # GY-06: the level, in yuan, not %
    assert (rd["period_start"], rd["unit"], rd["measure"]) == ("2025-01-01", "yuan", "flow")
    assert _row(guiyang, "high_value_invention_patents_per_10k", "2021-12-31")["unit"] == "件/万人"  # base date
    assert _row(guiyang, "ip_case_handling_rate", "2023-12-31")["period_start"] == "2023-01-01"      # GY-32
    assert _row(guiyang, "patent_awards", "2025-12-31")["measure"] == "running_total"                # GY-10
    note = stock["note"]
    assert "GY-02" in note and "search_logs/guiyang.md" in note and "pass 2" in note and "pass 3" in note
    assert "2022-08-15" in note  # the latest figure found is the baseline of August 2022
    assert guiyang["indicator"].tolist()[:3] == ["ip_protection_satisfaction", "high_value_invention_patents",
                                                 "valid_trademarks"]


def test_a_target_with_a_verdict_is_not_wanted_and_the_national_plan_is_refused():
    a = ip.attainment(doc_id="ordos_2022").set_index("target_id")
    assert a.loc["OR-01", "status"] not in NO_VERDICT          # patent grants: judged on Jan–Sep 2024
    w = wanted("ordos_2022", as_of=CUT)
    assert "patent_grants_annual" not in set(w["indicator"])
    assert "ip_protection_satisfaction" not in set(w["indicator"])  # OR-12 is qualitative
    assert _row(w, "pct_applications_annual", "2020-12-31")["period_start"] == "2020-01-01"  # OR-02's base year
    with pytest.raises(ip.UnknownDocumentError, match="valid: cangshan_2013, guiyang_2022, nanchang_2021, ordos_2022"):
        wanted("atlantis")
    with pytest.raises(ip.errors.ParameterError, match="national plan"):
        wanted("national_2015")


def test_before_the_target_year_the_latest_full_year_is_wanted():
    w = wanted("guiyang_2022", as_of="2024-06-30")            # latest full year 2023; targets due 2025
    assert "latest full year" in _row(w, "high_value_invention_patents", "2023-12-31")["note"]
    assert not (w["period_end"] == "2025-12-31").any()
    # a stock with no baseline, not yet due: its base date as well (GY-27)
    assert set(w.loc[w["indicator"] == "ip_public_service_outlets", "period_end"]) == {"2021-12-31", "2023-12-31"}


def test_cli_wanted_writes_the_frame_and_refuses_an_unknown_doc_id(tmp_path, capsys, guiyang):
    out = tmp_path / "wanted.csv"
    assert main(["wanted", "--doc-id", "guiyang_2022", "--as-of", CUT, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == guiyang.to_csv(index=False, lineterminator="\n")
    assert main(["wanted", "--doc-id", "atlantis"]) == 2
    err = capsys.readouterr().err
    assert "unknown doc_id 'atlantis'; valid: cangshan_2013, guiyang_2022, nanchang_2021, ordos_2022" in err
    assert main(["wanted", "--doc-id", "guiyang_2022", "--out", str(tmp_path / "no" / "x.csv")]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wanted.csv"]  # nothing half-written


def _filled_with_real_figure(guiyang: pd.DataFrame, tmp_path: Path, **change) -> tuple[Path, int]:
    """The Guiyang wanted rows with the valid-trademarks row filled by the real cited figure of
    data/observations.csv (end-2020, "100,000", eguiyang.com.cn); returns the file and that row's line."""
    real = pd.read_csv(data_dir() / "observations.csv", dtype=str, keep_default_na=False)
    figure = real[(real["doc_id"] == "guiyang_2022") & (real["indicator"] == "valid_trademarks")].iloc[0]
    frame = guiyang.astype("string").fillna("")
    i = frame.index[(frame["indicator"] == "valid_trademarks")][0]
    for col in frame.columns:
        frame.at[i, col] = change.get(col, figure[col])
    path = tmp_path / "filled.csv"
    path.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    return path, i + 2


def test_check_accepts_a_row_filled_with_a_real_cited_figure(tmp_path, capsys, guiyang):
    path, _ = _filled_with_real_figure(guiyang, tmp_path)
    assert main(["check", "--observations", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: 1 filled row OK, 30 wanted rows blank"


@pytest.mark.parametrize("change, column, words", [
    ({"source_quote": "Guiyang has many registered brands."}, "value_text", "is not part of source_quote"),
    ({"source_url": "javascript:alert(1)"}, "source_url", "only http, https and mailto URLs are allowed"),
    ({"period_end": "2021-12-31"}, "period_end", "is after source_date 2021-02-22"),
    ({"indicator": "atlantis_patents"}, "indicator", "'atlantis_patents' is not allowed; valid:"),
])
def test_check_names_file_line_and_column_of_each_problem(tmp_path, capsys, guiyang, change, column, words):
    path, line = _filled_with_real_figure(guiyang, tmp_path, **change)
    assert main(["check", "--observations", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == f"{path}: 1 problem"
    problem = err[0]
    assert re.match(rf"{re.escape(str(path))}: line {line}\b", problem), problem
    assert f"column {column!r}" in problem and words in problem


def test_a_filled_wanted_row_turns_guiyang_no_data_into_a_verdict(tmp_path, capsys):
    """The "Done when" path, with no code edit: wanted → fill → check → observations= (as the attainment
    notebook reads it).  The figure is the TEST FIXTURE in tests/fixtures/wanted/, not real data."""
    before = ip.attainment(doc_id="guiyang_2022").set_index("target_id").loc["GY-27"]
    assert before["status"] == att.NO_DATA  # 知识产权公共服务网点 14个 by 2025: nothing observed

    path = tmp_path / "observations_2025.csv"
    assert main(["wanted", "--doc-id", "guiyang_2022", "--as-of", CUT, "--with-observations", "--out", str(path)]) == 0
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    fixture = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False).iloc[0]
    i = frame.index[(frame["indicator"] == fixture["indicator"]) & (frame["period_end"] == fixture["period_end"])
                    & (frame["value"] == "")]
    assert len(i) == 1
    for col in fixture.index:
        frame.at[i[0], col] = fixture[col]
    path.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")

    real = len(ip.real_observations())
    assert main(["check", "--observations", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: {real + 1} filled rows OK, 30 wanted rows blank"

    checked = ip.check_parameters(doc_id="guiyang_2022", observations=str(path))
    after = ip.attainment(ip.load_observations(checked["observations"]), doc_id="guiyang_2022").set_index("target_id")
    r = after.loc["GY-27"]
    assert r["status"] not in NO_VERDICT
    assert (float(r["obs_value"]), r["obs_period_end"]) == (15.0, "2025-12-31")
    unchanged = ip.attainment(doc_id="guiyang_2022").set_index("target_id").drop(index="GY-27")["status"]
    assert after.drop(index="GY-27")["status"].tolist() == unchanged.tolist()  # the blank rows changed nothing


def test_the_cut_cuts_the_observations_as_attainment_does():
    """Ordos's one figure of well-known trademarks (OR-06) is of 2024-06-16: as of 2023 the target has no
    data, as attainment as of 2023 says, so the end of 2023 is wanted for it; today it has a verdict."""
    then = wanted("ordos_2022", as_of="2023")
    assert then.loc[then["indicator"] == "well_known_trademarks", "period_end"].tolist() == ["2023-12-31"]
    assert "well_known_trademarks" not in set(wanted("ordos_2022", as_of="2026-12-06")["indicator"])
    from ipanalysis.analysis.wanted import wanted_rows  # the same rows from the frame the site shares

    assert then.equals(wanted_rows(att.attainment(doc_id="ordos_2022", as_of="2023"), as_of="2023"))
