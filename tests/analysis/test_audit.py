"""ipanalysis.audit: each document checked against itself.

The first test lists every inconsistency / needs-review item found by hand in the five
documents; the corruption tests feed altered copies of the tables and texts and check that
a consistent check turns inconsistent; the last ones pin the tolerance rule's boundaries.
"""

from __future__ import annotations

import hashlib
import re


import pandas as pd
import pytest

import ipanalysis as ip
from ipanalysis.analysis.audit import (COLUMNS, KINDS, STATUSES, audit, decimals, rounding_error,
                              rounding_status)
from ipanalysis.data.tables import ordos_indicator_table

C, NR, INC = "consistent", "needs_review", "inconsistent"

#: check_id → (kind, indicator, status): the findings made by reading the documents.
HAND_FOUND = {
    # 1. Ordos stated CAGRs 2015→2020
    "OR-cagr-patent_grants_annual": ("stated_growth_rate", "patent_grants_annual", C),
    "OR-cagr-trademark_applications_annual": ("stated_growth_rate", "trademark_applications_annual", C),
    "OR-cagr-trademark_registrations_annual": ("stated_growth_rate", "trademark_registrations_annual", C),
    # 2. Ordos table 增幅 column
    "OR-increase-high_value_invention_patents_per_10k": ("table_increase", "high_value_invention_patents_per_10k", C),
    "OR-increase-valid_trademarks": ("table_increase", "valid_trademarks", C),
    "OR-increase-geographical_indications": ("table_increase", "geographical_indications", C),
    "OR-increase-copyright_registrations": ("table_increase", "copyright_registrations", C),
    "OR-increase-ip_pledge_financing": ("table_increase", "ip_pledge_financing", C),
    "OR-increase-ip_assistance_mediation_cases": ("table_increase", "ip_assistance_mediation_cases", C),
    "OR-increase-ip_practitioners": ("table_increase", "ip_practitioners", C),
    # 3. 作品登记 比2019年增长了3倍 (ambiguous phrase, non-integer implied count)
    "OR-times-copyright_registrations": ("stated_growth_rate", "copyright_registrations", NR),
    # 4. 专利转让 2020 = 3.5× 2016, no absolute figure
    "OR-multiple-patent_transfers": ("stated_growth_rate", "patent_transfers", NR),
    # 5. table vs text
    "OR-tabletext-geographical_indications-2020-vs-gi_trademarks": ("table_vs_text", "geographical_indications", NR),
    "OR-tabletext-copyright_registrations-2020": ("table_vs_text", "copyright_registrations", NR),
    "OR-tabletext-ip_pledge_financing-2020-vs-trademark_pledge_financing": ("table_vs_text", "ip_pledge_financing", NR),
    "OR-tabletext-valid_trademarks-2020": ("table_vs_text", "valid_trademarks", C),
    "OR-tabletext-high_value_invention_patents_per_10k-2020": ("table_vs_text", "high_value_invention_patents_per_10k", C),
    "OR-tabletext-valid_trademarks-2025": ("table_vs_text", "valid_trademarks", C),
    "OR-tabletext-high_value_invention_patents_per_10k-2025": ("table_vs_text", "high_value_invention_patents_per_10k", C),
    "OR-tabletext-ip_practitioners-2025": ("table_vs_text", "ip_practitioners", C),
    # 6. repeated statements
    "GY-repeat-ip_protection_satisfaction": ("repeated_statement", "ip_protection_satisfaction", C),
    "GY-repeat-valid_trademarks": ("repeated_statement", "valid_trademarks", C),
    "GY-repeat-ip_demo_enterprises": ("repeated_statement", "ip_demo_enterprises", C),
    "NAT-repeat-patent_info_service_institutions": ("repeated_statement", "patent_info_service_institutions", C),
    "NAT-repeat-gbt29490_consulting_institutions": ("repeated_statement", "gbt29490_consulting_institutions", C),
    "NAT-repeat-ip_operation_institutions": ("repeated_statement", "ip_operation_institutions", C),
    # 7. 地理标志 增加2个 vs 增加至28件
    "GY-related-geographical_indications_added": ("related_figures", "geographical_indications_added", NR),
    # 8. 商标 stock target vs 2020 stock and annual registrations
    "OR-stockflow-valid_trademarks": ("implied_growth_vs_history", "valid_trademarks", NR),
    # 9. patent grants target 15%/yr vs history 38.0%/yr
    "OR-history-patent_grants_annual": ("implied_growth_vs_history", "patent_grants_annual", NR),
    # 10. Cangshan 15 trademark applications vs 1800 patent applications a year
    "CS-magnitude-trademark_applications_annual": ("magnitude", "trademark_applications_annual", NR),
    # 11. Cangshan invention grants ≤ grants ≤ applications
    "CS-partof-invention_patent_grants_annual-2015": ("arithmetic", "invention_patent_grants_annual", C),
    "CS-partof-patent_grants_annual-2015": ("arithmetic", "patent_grants_annual", C),
    # 12. national 2015 task arithmetic
    "NAT-tasks-count": ("arithmetic", "task_count", C),
    "NAT-tasks-split-4+5": ("arithmetic", "task_count", C),
    "NAT-tasks-split-6+3": ("arithmetic", "task_count", C),
    "NAT-list-5+n": ("arithmetic", "service_system_items", C),
}

#: not in the hand list, found by the generic rules (see the report).
ALSO_FLAGGED = {
    "OR-partof-trademark_registrations_annual-2015": ("arithmetic", "trademark_registrations_annual", NR),
    "OR-history-copyright_registrations": ("implied_growth_vs_history", "copyright_registrations", NR),
}


@pytest.fixture(scope="module")
def full():
    return audit()


def _by_id(df):
    assert df["check_id"].is_unique
    return df.set_index("check_id")


# ----------------------------------------------------------------------------- findings

def test_audit_finds_every_item_found_by_hand(full):
    a = _by_id(full)
    missing = sorted(set(HAND_FOUND) - set(a.index))
    assert not missing, f"checks not produced: {missing}"
    wrong = {cid: (a.loc[cid, "kind"], a.loc[cid, "indicator"], a.loc[cid, "status"])
             for cid, exp in HAND_FOUND.items()
             if (a.loc[cid, "kind"], a.loc[cid, "indicator"], a.loc[cid, "status"]) != exp}
    assert not wrong


def test_nothing_else_is_flagged(full):
    """Every non-consistent check is either found by hand or a known extra (no false alarms)."""
    flagged = set(full.loc[full["status"] != C, "check_id"])
    expected = {cid for cid, (_, _, s) in {**HAND_FOUND, **ALSO_FLAGGED}.items() if s != C}
    assert flagged == expected


#: (check_id, column, a figure worked by hand that the column must show)
FIGURES = [
    ("OR-cagr-patent_grants_annual", "recomputed", "37.95%"),
    ("OR-cagr-patent_grants_annual", "stated", "38.0%"),
    ("OR-cagr-trademark_applications_annual", "recomputed", "62.23%"),
    ("OR-cagr-trademark_registrations_annual", "recomputed", "24.77%"),
    ("OR-increase-copyright_registrations", "recomputed", "316.46%"),
    ("OR-times-copyright_registrations", "recomputed", "158.25"),
    ("OR-times-copyright_registrations", "recomputed", "211"),
    ("OR-stockflow-valid_trademarks", "recomputed", "57,269"),
    ("GY-related-geographical_indications_added", "recomputed", "26"),
    ("OR-tabletext-ip_pledge_financing-2020-vs-trademark_pledge_financing", "recomputed", "7.18"),
    ("CS-magnitude-trademark_applications_annual", "recomputed", "120.0×"),
    ("OR-tabletext-valid_trademarks-2025", "explanation", "lower bound"),
]


def test_recomputed_figures(full):
    a = _by_id(full)
    missing = [(cid, col, fig, a.loc[cid, col]) for cid, col, fig in FIGURES if fig not in a.loc[cid, col]]
    assert not missing


def test_shape_columns_and_order(full):
    assert list(full.columns) == COLUMNS
    assert set(full["kind"]) <= set(KINDS) and set(full["status"]) <= set(STATUSES)
    assert full["explanation"].str.len().gt(20).all() and full["stated"].str.len().gt(0).all()
    key = list(zip(full["status"].map(STATUSES.index), full["doc_id"], full["check_id"]))
    assert key == sorted(key)


def test_quotes_are_verbatim(full):
    for r in full.itertuples():
        text = ip.raw_text(r.doc_id)
        assert r.stated_quote and r.stated_quote in text, (r.check_id, r.stated_quote)
        assert r.other_quote == "" or r.other_quote in text, (r.check_id, r.other_quote)


def test_one_document_and_invalid_id():
    o = audit("ordos_2022")
    assert set(o["doc_id"]) == {"ordos_2022"} and len(o) > 20
    n = audit("nanchang_2021")
    assert list(n.columns) == COLUMNS
    with pytest.raises(ValueError, match="valid: cangshan_2013, guiyang_2022, nanchang_2021, national_2015, ordos_2022"):
        audit("ordos")



def test_inputs_are_not_modified():
    t, b = ip.targets(), ip.baselines()
    t0, b0 = t.copy(), b.copy()
    audit(targets=t, baselines=b)
    pd.testing.assert_frame_equal(t, t0)
    pd.testing.assert_frame_equal(b, b0)


# ----------------------------------------------------------------------------- corrupted copies

def _set(df, id_col, rid, **values):
    df = df.copy()
    for col, v in values.items():
        df.loc[df[id_col] == rid, col] = v
    return df


def _add_baseline(b, like, **values):
    row = b[b["baseline_id"] == like].iloc[[0]].copy()
    for col, v in values.items():
        row[col] = v
    return pd.concat([b, row], ignore_index=True)


def _status(cid, **kw):
    a = _by_id(audit(**kw))
    return a.loc[cid, "status"]


#: One field of one row corrupted: (check_id, table, row id, new values, the check's status).
CORRUPTIONS = [
    ("OR-cagr-patent_grants_annual", "baselines", "OR-B-02", {"value": 2000.0}, INC),  # the end value
    ("OR-cagr-patent_grants_annual", "baselines", "OR-B-02", {"growth_value": 37.0}, INC),
    # 37.951 rounds to 38.0: a stated 37.9 is one step off (truncation?) → needs_review; 37.8 is two → inconsistent
    ("OR-cagr-patent_grants_annual", "baselines", "OR-B-02", {"growth_value": 37.9}, NR),
    ("OR-cagr-patent_grants_annual", "baselines", "OR-B-02", {"growth_value": 37.8}, INC),
    ("GY-repeat-valid_trademarks", "targets", "GY-12", {"value": 140000.0}, INC),
    ("GY-repeat-ip_demo_enterprises", "targets", "GY-18", {"comparator": "="}, NR),
    ("GY-repeat-ip_protection_satisfaction", "targets", "GY-26", {"target_year": 2024}, NR),
    # a table row whose number differs from the text's
    ("OR-tabletext-valid_trademarks-2025", "targets", "OR-17", {"value": 60000.0}, INC),
    ("OR-tabletext-valid_trademarks-2020", "baselines", "OR-B-21", {"value": 30000.0}, NR),
    # a part larger than its whole is an error
    ("OR-tabletext-geographical_indications-2020-vs-gi_trademarks", "baselines", "OR-B-10", {"value": 30.0}, INC),
    ("CS-magnitude-trademark_applications_annual", "targets", "CS-17", {"value": 1500.0}, C),
    ("OR-history-patent_grants_annual", "targets", "OR-01", {"value": 30.0}, C),
    ("OR-stockflow-valid_trademarks", "targets", "OR-04", {"value": 80000.0}, C),
    ("OR-stockflow-valid_trademarks", "targets", "OR-04", {"value": 120000.0}, NR),
]


@pytest.mark.parametrize("check_id, table, rid, values, status", CORRUPTIONS)
def test_one_corrupted_field(check_id, table, rid, values, status):
    frame, id_col = (ip.targets(), "target_id") if table == "targets" else (ip.baselines(), "baseline_id")
    assert _status(check_id, **{table: _set(frame, id_col, rid, **values)}) == status


def test_missing_base_year_value_is_needs_review():
    b = ip.baselines()
    b = b[b["baseline_id"] != "OR-B-01"]
    assert _status("OR-cagr-patent_grants_annual", baselines=b) == NR


def test_corrupted_table_increase():
    tab = ordos_indicator_table()
    tab.loc[tab["row"] == 4, "increase_pct"] = 216.0
    a = _by_id(audit("ordos_2022", tables={"ordos_2022": tab}))
    assert a.loc["OR-increase-copyright_registrations", "status"] == INC
    assert a.loc["OR-increase-geographical_indications", "status"] == C
    tab = ordos_indicator_table()
    tab.loc[tab["row"] == 3, "base_value"] = 25.0  # 30/25 = +20%, table says 30%
    assert _status("OR-increase-geographical_indications", tables={"ordos_2022": tab}) == INC


def test_table_increase_from_a_corrupted_text():
    text = ip.raw_text("ordos_2022").replace("\n316%\n", "\n310%\n")
    assert _status("OR-increase-copyright_registrations", doc_id="ordos_2022", texts={"ordos_2022": text}) == INC


def test_interim_target_read_as_a_restatement():
    t = ip.targets()
    # the Guiyang timeline's 2023 查办率 (an interim target, not marked as a restatement) read as a restatement
    # of the 2025 one: same value, different deadline → needs_review; with the same year → consistent
    dup = _set(t, "target_id", "GY-32", duplicate_of="GY-23")
    a = _by_id(audit("guiyang_2022", targets=dup))
    assert a.loc["GY-repeat-ip_case_handling_rate", "status"] == NR
    assert "2023" in a.loc["GY-repeat-ip_case_handling_rate", "explanation"]
    assert _status("GY-repeat-ip_case_handling_rate", targets=_set(dup, "target_id", "GY-32", target_year=2025)) == C


def test_corrupted_table_vs_text_base_value():
    b = _set(ip.baselines(), "baseline_id", "OR-B-20", value=0.95, indicator_zh="每万人高价值发明专利拥有量")
    assert _status("OR-tabletext-high_value_invention_patents_per_10k-2020", baselines=b) == INC


def test_corrupted_part_whole_and_magnitude():
    t = ip.targets()
    t2 = _set(t, "target_id", "CS-16", value=1200.0)
    assert _status("CS-partof-invention_patent_grants_annual-2015", targets=t2) == NR  # lower bounds only
    t3 = _set(t2, "target_id", "CS-16", comparator="=")
    t3 = _set(t3, "target_id", "CS-15", comparator="=")
    assert _status("CS-partof-invention_patent_grants_annual-2015", targets=t3) == INC


def _stated_value(b, like, baseline_id, year, value):
    """``b`` with one more stated value like row ``like``, without its growth figures."""
    return _add_baseline(b, like, baseline_id=baseline_id, year=year, value=value, growth_value=None,
                         growth_text=None, growth_kind=None, growth_base_year=pd.NA)


@pytest.mark.parametrize("value, status", [(158.0, C), (211.0, NR), (100.0, INC)])
def test_times_increase_with_a_stated_base(value, status):
    b = _stated_value(ip.baselines(), "OR-B-12", "OR-B-99", 2019, value)
    assert _status("OR-times-copyright_registrations", baselines=b) == status


@pytest.mark.parametrize("value, status", [(100.0, C), (50.0, INC)])
def test_multiple_of_with_both_values(value, status):
    b = _set(ip.baselines(), "baseline_id", "OR-B-13", value=350.0)
    assert _status("OR-multiple-patent_transfers", baselines=_stated_value(b, "OR-B-13", "OR-B-98", 2016, value)) == status


def test_increment_against_a_stated_start_level():
    b = ip.baselines()
    gi = _add_baseline(b, "OR-B-22", baseline_id="GY-B-01", doc_id="guiyang_2022", year=2021, value=26.0,
                       section="x", table_unit=None)
    assert _status("GY-related-geographical_indications_added", baselines=gi) == C
    gi.loc[gi["baseline_id"] == "GY-B-01", "value"] = 25.0
    assert _status("GY-related-geographical_indications_added", baselines=gi) == INC


def test_corrupted_national_text():
    raw = ip.raw_text("national_2015")
    a = _by_id(audit("national_2015", texts={"national_2015": raw.replace("后5项任务", "后4项任务")}))
    assert a.loc["NAT-tasks-split-4+4", "status"] == INC
    no_ninth = raw.replace("(九)大力培育知识产权服务业发展。", "大力培育知识产权服务业发展。")
    assert _status("NAT-tasks-count", doc_id="national_2015", texts={"national_2015": no_ninth}) == INC
    four = raw.replace(",至少1家示范城市知识产权培训基地", "")
    assert _status("NAT-list-5+n", doc_id="national_2015", texts={"national_2015": four}) == INC


# ----------------------------------------------------------------------------- tolerance

@pytest.mark.parametrize("stated, d, low, high, expected", [
    (38.0, 1, 37.95, None, C),          # exactly half a unit below: rounds up to 38.0
    (38.0, 1, 38.05, None, C),          # exactly half a unit above
    (38.0, 1, 37.9499, None, NR),       # just outside: one step off
    (38.0, 1, 37.85, None, NR),         # edge of the off-by-one band
    (38.0, 1, 37.8499, None, INC),
    (38.0, 1, 37.0, 37.96, C),          # rounding of the inputs widens the interval
    (38.0, 1, 37.96, 37.0, C),          # interval given in either order
    (115, 0, 114.5, None, C),
    (115, 0, 115.5, None, C),
    (115, 0, 113.5, None, NR),
    (115, 0, 113.49, None, INC),
    (316, 0, 316.46, None, C),
    (60, 0, 60.16, None, C),
    (3, 0, 3.006, None, C),
])
def test_rounding_status_boundaries(stated, d, low, high, expected):
    assert rounding_status(stated, d, low, high) == expected


def test_precision_helpers():
    assert decimals("年均增长38.0%") == 1 and decimals("115%") == 0 and decimals("0.93件") == 2
    assert rounding_error("2748") == 0.0                      # a whole count is exact
    assert rounding_error("0.93") == pytest.approx(0.005)
    assert rounding_error("44.6", 1e8) == pytest.approx(0.05e8)
    assert rounding_error("5", 1e4) == pytest.approx(5000.0)  # 5万 is rounded to the 万
    with pytest.raises(ValueError):
        decimals("no number")


# ----------------------------------------------------------------------------- stated reasons

def test_the_stated_reason_for_slower_patent_grants_is_cited(full):
    """第一章第二节 of the Ordos plan explains the slowdown (quantity → quality): the finding
    quotes it instead of saying the plan gives no reason."""
    expl = _by_id(full).loc["OR-history-patent_grants_annual", "explanation"]
    assert "no reason" not in expl
    assert "第一章 规划背景 / 第二节 面临形势" in expl
    quote = re.search(r"「(.+?)」", expl).group(1)
    assert quote in ip.raw_text("ordos_2022") and "数量" in quote and "质量" in quote


def test_every_quoted_reason_is_verbatim(full):
    for r in full.itertuples():
        for quote in re.findall(r"「(.+?)」", r.explanation):
            assert quote in ip.raw_text(r.doc_id), (r.check_id, quote)


def test_reason_search_is_driven_by_the_text_and_the_data(data_copy):
    text = ip.raw_text("ordos_2022")
    cut = text.replace("以“数量”为核心向以“质量”为核心转变", "以“规模”为核心")
    cut = cut.replace("专利数量导向向质量导向转变", "专利导向")
    expl = _by_id(audit("ordos_2022", texts={"ordos_2022": cut})).loc["OR-history-patent_grants_annual", "explanation"]
    assert "the plan gives no reason" in expl
    # a rule that does not cover the indicator is not cited (copyright registrations get no reason)
    assert "no reason" in _by_id(audit("ordos_2022")).loc["OR-history-copyright_registrations", "explanation"]
    path = data_copy / "stated_reasons.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert "no reason" in _by_id(audit("ordos_2022")).loc["OR-history-patent_grants_annual", "explanation"]


# ----------------------------------------------------------------------------- knowledge is data

def test_registry_lists_every_check_once():
    from ipanalysis.analysis.audit import CHECKS

    names = [c.name for c in CHECKS]
    assert len(names) == len(set(names)) and len(names) >= 10
    assert {k for c in CHECKS for k in c.kind.split("|")} == set(KINDS)


def test_indicator_table_title_comes_from_documents_csv(data_copy):
    assert any(audit("ordos_2022")["kind"] == "table_increase")
    path = data_copy / "documents.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("鄂尔多斯市“十四五”知识产权发展主要预期性指标", ""),
                    encoding="utf-8")
    assert not any(audit("ordos_2022")["kind"] == "table_increase")


def test_relations_come_from_indicator_relations_csv(data_copy):
    a = _by_id(audit("ordos_2022"))
    assert "OR-stockflow-valid_trademarks" in a.index and "OR-partof-trademark_registrations_annual-2015" in a.index
    path = data_copy / "indicator_relations.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(r for r in rows if "stock_flow" not in r and not r.startswith(",trademark_registrations"))
                    + "\n", encoding="utf-8")
    a = _by_id(audit("ordos_2022"))
    assert "OR-stockflow-valid_trademarks" not in a.index
    assert "OR-partof-trademark_registrations_annual-2015" not in a.index


def test_a_sixth_document_with_an_indicator_table_needs_only_data(data_copy):
    """A new city: its raw text and its documents.csv row (with the table's title) are enough for
    the table checks to run — no code edit."""
    ordos = ip.raw_text("ordos_2022")
    start = ordos.index("鄂尔多斯市“十四五”知识产权发展主要预期性指标")
    end = ordos.index("(注", start)
    title = "示例市“十四五”知识产权发展主要指标"
    text = "示例市知识产权规划\n" + title + ordos[start + len("鄂尔多斯市“十四五”知识产权发展主要预期性指标"):end]
    raw = (data_copy / "raw" / "example_2024.txt")
    raw.write_text(text.replace("\n316%\n", "\n300%\n"), encoding="utf-8")
    docs = ip.documents()
    row = docs[docs["doc_id"] == "ordos_2022"].assign(doc_id="example_2024", raw_file="raw/example_2024.txt",
                                                      indicator_table_title=title, note="test",
                                                      sha256=hashlib.sha256(raw.read_bytes()).hexdigest())
    pd.concat([docs, row]).to_csv(data_copy / "documents.csv", index=False, lineterminator="\n")
    a = audit("example_2024")
    inc = a[a["kind"] == "table_increase"].set_index("indicator")["status"]
    assert len(inc) == 7 and inc["版权登记数量"] == INC and (inc.drop("版权登记数量") == C).all()


# ----------------------------------------------------------------------------- decision bands

def test_history_band_edges():
    from ipanalysis.analysis.audit.history import HISTORY_RATIO, history_status

    assert HISTORY_RATIO == (0.5, 2.0)
    assert [history_status(x) for x in (0.49, 0.5, 2.0, 2.01)] == [NR, C, C, NR]


@pytest.mark.parametrize("ratio, expected", [(0.499, NR), (0.501, C), (1.999, C), (2.001, NR)])
def test_history_band_end_to_end(ratio, expected):
    """OR-01 (专利授权量年均增长15%) against the 2015→2020 history, moved to each side of each edge."""
    g_h = (2748 / 550) ** (1 / 5) - 1
    t = _set(ip.targets(), "target_id", "OR-01", value=ratio * g_h * 100)
    assert _status("OR-history-patent_grants_annual", doc_id="ordos_2022", targets=t) == expected


def test_stock_flow_band_edges():
    from ipanalysis.analysis.audit.history import STOCK_FLOW_BAND, stock_flow_status

    assert STOCK_FLOW_BAND == (1.0, 2.0)
    assert [stock_flow_status(x) for x in (0.99, 1.0, 2.0, 2.01)] == [NR, C, C, NR]


@pytest.mark.parametrize("ratio, expected", [(0.99, NR), (1.01, C), (1.99, C), (2.01, NR)])
def test_stock_flow_band_end_to_end(ratio, expected):
    """OR-04 (有效商标 to 2025) needs ratio × the 2020 registrations a year, each side of each edge."""
    b = ip.baselines()
    stock = b.query("doc_id == 'ordos_2022' and indicator == 'valid_trademarks' and year == 2020")["value"].iloc[0]
    flow = b.query("doc_id == 'ordos_2022' and indicator == 'trademark_registrations_annual' and year == 2020 "
                   "and period_start.isna()")["value"].iloc[0]
    t = _set(ip.targets(), "target_id", "OR-04", value=stock + 5 * ratio * flow)
    assert _status("OR-stockflow-valid_trademarks", doc_id="ordos_2022", targets=t) == expected


@pytest.mark.parametrize("factor, expected", [(49.9, C), (50.1, NR)])
def test_magnitude_band_end_to_end(factor, expected):
    from ipanalysis.analysis.audit.related import MAGNITUDE_FACTOR, magnitude_status

    assert MAGNITUDE_FACTOR == 50.0 and magnitude_status(50.0) == C and magnitude_status(50.01) == NR
    t = _set(ip.targets(), "target_id", "CS-17", value=1800 / factor)
    assert _status("CS-magnitude-trademark_applications_annual", doc_id="cangshan_2013", targets=t) == expected


def test_equality_and_part_whole_tolerances():
    from ipanalysis.analysis.audit.numbers import EPS, REL_TOL, same
    from ipanalysis.analysis.audit.related import _part_whole_verdict

    assert REL_TOL == 1e-9 and EPS == 1e-9
    assert same(1000.0, 1000.0 * (1 + 0.5e-9)) and not same(1000.0, 1000.0 * (1 + 2e-9))
    part = {"value": 100.0, "comparator": "=", "indicator_zh": "a", "_year": 2015}
    whole = {"value": 100.0 - 0.5e-9, "comparator": "=", "indicator_zh": "b"}
    assert _part_whole_verdict(part, whole, "target", True)[0] == C
    whole["value"] = 100.0 - 2e-9
    assert _part_whole_verdict(part, whole, "target", True)[0] == INC


# ------------------------------------------------------------------------------------------------
# Which checks applied (issue 15 §3.5: nothing reads as clean that was not checked)
# ------------------------------------------------------------------------------------------------

def test_every_document_says_which_checks_applied_and_why_not():
    from ipanalysis.analysis.audit import CHECKS, audit_checks

    checks = audit_checks()
    assert len(checks) == len(ip.doc_ids()) * len(CHECKS)
    full = audit()
    for doc_id, g in checks.groupby("doc_id"):
        mine = full[full["doc_id"] == doc_id]
        assert g["findings"].sum() == len(mine)                      # every finding belongs to one check
        assert g["needs_review"].sum() == (mine["status"] == "needs_review").sum()
        assert (g["applied"] == (g["findings"] > 0)).all()
        assert (g.loc[~g["applied"], "reason"].str.startswith("no ")).all() and (g.loc[g["applied"], "reason"] == "").all()
    # Nanchang: no check could apply, each with its reason; Ordos: stated growth rates 3 consistent + 2 to review
    nan = checks[checks["doc_id"] == "nanchang_2021"].set_index("check")
    assert not nan["applied"].any()
    assert nan.loc["vs_history", "reason"] == "no stated history of a targeted indicator"
    assert nan.loc["table_increase", "reason"] == "no indicator table with 增幅"
    ordos = checks[checks["doc_id"] == "ordos_2022"].set_index("check")
    assert ordos.loc["stated_growth", ["findings", "consistent", "needs_review"]].tolist() == [5, 3, 2]


def test_a_check_applies_once_the_text_gives_it_something():
    """A corrupted copy of Nanchang's text that announces a number of tasks and lists them: the
    task count check now applies (and finds the count right)."""
    from ipanalysis.analysis.audit import audit_checks

    text = ip.raw_text("nanchang_2021") + "\n一、主要任务\n共2项任务。\n(一)甲\n(二)乙\n"
    c = audit_checks("nanchang_2021", texts={"nanchang_2021": text}).set_index("check")
    assert c.loc["task_counts", ["applied", "findings", "consistent"]].tolist() == [True, 1, 1]


def test_audit_findings_name_the_documents_no_check_could_reach():
    md = ip.audit_findings(audit(), ip.audit_checks())
    line = next(ln for ln in md.splitlines() if "Nanchang" in ln)
    assert "no check could apply" in line and "no stated history of a targeted indicator" in line
    ordos = next(ln for ln in md.splitlines() if ln.startswith("- Ordos") and "kinds of check" in ln)
    assert "8 of 12 kinds of check applied" in ordos
