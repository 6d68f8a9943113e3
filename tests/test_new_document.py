"""A sixth city end to end, with data only: its raw text, a documents.csv row, the extractor's
first pass turned into targets.csv rows (as a reviewer would, keeping the proposed keys) and two
observations.  Everything downstream — validation, trajectories, attainment, comparison, audit,
the report matrix and the two per-document pages — must work without a code edit.

The two observations are TEST INPUTS written into a throw-away copy of data/, not real figures.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis import report
from ipanalysis.analysis.attainment import opensdg_status
from ipanalysis.extractor import extract
from ipanalysis.extractor.evaluate import load_fixture

FIXTURE = Path(__file__).parent / "fixtures" / "extract" / "quanzhou_2024.txt"
DOC = "quanzhou_2024"
OTHER_PLACES = ("贵阳", "仓山", "南昌", "鄂尔多斯", "Guiyang", "Cangshan", "Nanchang", "Ordos")


def _add_document(data: Path) -> pd.DataFrame:
    text = load_fixture(FIXTURE)
    raw = data / "raw" / f"{DOC}.txt"
    raw.write_text(text, encoding="utf-8")
    docs = pd.read_csv(data / "documents.csv", dtype=str, keep_default_na=False)
    row = dict.fromkeys(docs.columns, "")
    row.update(doc_id=DOC, place_zh="泉州市", place_en="Quanzhou", province_zh="福建省", province_en="Fujian",
               admin_level="city", title_zh="泉州市国家知识产权强市建设示范城市工作方案(2024—2026年)",
               title_en="Quanzhou Work Plan for the National IP Strong-City Demonstration (2024–2026)",
               issuer_zh="泉州市人民政府", issuer_en="Quanzhou Municipal People's Government", issued_date="2024-03",
               published_date="2024-03-23", plan_start_year="2024", target_years="2026", doc_kind="work_plan",
               raw_file=f"raw/{DOC}.txt", sha256=hashlib.sha256(raw.read_bytes()).hexdigest(), note="test document")
    pd.concat([docs, pd.DataFrame([row])]).to_csv(data / "documents.csv", index=False, lineterminator="\n")

    # the reviewer's pass: keep the proposed (or nearest) key where its unit fits, number the rows
    cand = extract(text, doc_id=DOC)
    units = ip.indicators().set_index("key")["base_unit"]
    key = cand["indicator"].replace("", pd.NA).fillna(cand["closest_keys"].str.split(";").str[0])
    cand = cand.assign(indicator=key)[key.map(units).eq(cand["unit"])]
    targets = pd.read_csv(data / "targets.csv", dtype=str, keep_default_na=False)
    new = cand.assign(target_id=[f"QZ-{i + 1:02d}" for i in range(len(cand))], scope="city", basis="",
                      baseline_value="", baseline_year="", note="")[list(targets.columns)]
    new = new.astype(object).where(new.notna(), "").astype(str)
    pd.concat([targets, new]).to_csv(data / "targets.csv", index=False, lineterminator="\n")

    quote = "截至2023年底,泉州市商标有效注册量为80万件;截至2024年底,为84万件。"
    obs = pd.read_csv(data / "observations.csv", dtype=str, keep_default_na=False)
    test_rows = [dict.fromkeys(obs.columns, "") | dict(
        doc_id=DOC, place="泉州市", indicator="valid_trademarks", period_end=end, value=value, value_text=text_,
        unit="件", measure="stock", qualifier="=", scope="city", source_title="TEST INPUT (not a real figure)",
        source_publisher="ipanalysis tests", source_date="2025-01-31", source_url="https://example.org/test",
        source_quote=quote, note="test input") for end, value, text_ in
        [("2023-12-31", "800000", "80万件"), ("2024-12-31", "840000", "84万件")]]
    pd.concat([obs, pd.DataFrame(test_rows)]).to_csv(data / "observations.csv", index=False, lineterminator="\n")
    return new


def test_a_sixth_city_needs_only_data(data_copy):
    new = _add_document(data_copy)
    assert len(new) >= 5                                  # the first pass found most of the plan's targets
    assert ip.check_all()["documents"] == 6               # every table validates, quotes verbatim in the new text
    assert DOC in ip.doc_ids()

    tr = ip.trajectories(DOC).set_index("indicator")
    row = tr.loc["valid_trademarks"]                      # no stated baseline: the observation nearest 2023-12-31
    assert row["baseline_kind"] == "observed" and float(row["baseline_value"]) == 800000
    assert float(row["required_cagr"]) == pytest.approx((880000 / 800000) ** (1 / 3) - 1)

    att = ip.attainment(doc_id=DOC).set_index("indicator")
    r = att.loc["valid_trademarks"]
    actual = 840000 / 800000 - 1
    assert float(r["actual_cagr"]) == pytest.approx(actual)
    assert float(r["cagr_ratio"]) == pytest.approx(actual / ((880000 / 800000) ** (1 / 3) - 1))
    assert r["status"] == opensdg_status(float(r["cagr_ratio"])) and r["obs_url"] == "https://example.org/test"
    assert (att.drop("valid_trademarks")["status"] == "no_data").all()

    cmp = ip.compare()
    assert set(cmp.loc[cmp["doc_id"] == DOC, "target_id"]) == set(new["target_id"])
    assert cmp.loc[cmp["doc_id"] == DOC, "place_en"].eq("Quanzhou").all()
    assert set(ip.audit(DOC)["doc_id"]) <= {DOC}       # runs; the short text has no table or history to check
    assert f"trajectories-{DOC}" in {r.name for r in report.load_matrix()}


@pytest.mark.xdist_group("report-kernels")
def test_a_sixth_city_gets_its_pages(data_copy, tmp_path):
    _add_document(data_copy)
    result = report.build(out=tmp_path, only=[f"trajectories-{DOC}", f"attainment-{DOC}"], jobs=2,
                          force=True, progress=False)
    assert (result["status"] == "ok").all(), result[["name", "cell", "error"]].to_string()
    for name in result["name"]:
        html = (tmp_path / f"{name}.html").read_text(encoding="utf-8")
        assert "泉州" in html and "Traceback" not in html
        assert not [w for w in OTHER_PLACES if w in html], name
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", html, flags=re.S)
        assert not {c.strip() for c in cells} & {"NaN", "&lt;NA&gt;", "True", "False", "None", "nan"}
    att = (tmp_path / f"attainment-{DOC}.html").read_text(encoding="utf-8")
    assert "example.org/test" in att                     # the verdict cites its observation
