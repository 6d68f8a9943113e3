"""Scoring and the floors on the five curated documents and the fixtures (:mod:`ipanalysis.extractor.evaluate`)."""

import pandas as pd

from ipanalysis.data import baselines, exclusions, targets
from ipanalysis.extractor import BASELINE_COLUMNS, extract, extract_baselines, match, score
from ipanalysis.extractor.evaluate import load_fixtures, score_split
from ipanalysis.data.sources import doc_ids, raw_text
from extract_helpers import FIXTURES


def test_floor_on_the_five_curated_documents(five):
    texts, cands = five
    s = score(cands, targets(), texts, baselines=baselines(), exclusions=exclusions()).set_index("doc_id")
    assert s.loc["TOTAL", "recall"] >= 0.95, s
    assert s.loc["TOTAL", "precision"] >= 0.90, s
    assert (s["recall"] >= 0.9).all(), s  # no document left behind
    assert s.loc["TOTAL", "fp_exclusion"] == 0  # nothing from target_exclusions.csv is proposed


def test_floor_on_baselines(five):
    texts, _ = five
    b = pd.concat([extract_baselines(texts[d], d) for d in texts], ignore_index=True)
    b["candidate_id"] = b["doc_id"] + ":" + b["candidate_id"]
    assert list(b.columns) == BASELINE_COLUMNS
    truth = baselines().rename(columns={"baseline_id": "target_id"}).assign(duplicate_of=pd.NA)
    s = score(b, truth, texts).set_index("doc_id")
    assert s.loc["TOTAL", "recall"] >= 0.9


def _split_score(split: str) -> pd.Series:
    return score_split(load_fixtures(FIXTURES, split), extract).set_index("doc_id").loc["TOTAL"]


def test_every_fixture_label_quotes_its_text():
    fx = load_fixtures(FIXTURES)
    for r in fx["targets"].itertuples():
        assert r.source_quote in fx["texts"][r.doc_id], r.target_id
        assert r.value_text in r.source_quote, r.target_id
    assert set(fx["targets"]["doc_id"]) <= set(fx["texts"])


def test_fixture_label_ids_are_unique_across_documents():
    # a target or baseline id names one row of one document; two documents once shared HN-01…HN-08
    fx = load_fixtures(FIXTURES)
    for table, key in (("targets", "target_id"), ("baselines", "baseline_id")):
        ids = fx[table][key]
        assert not ids.duplicated().any(), (table, sorted(set(ids[ids.duplicated()])))
    dup = fx["targets"]["duplicate_of"].dropna()
    pairs = fx["targets"].set_index("target_id")["doc_id"]
    for r in fx["targets"].dropna(subset=["duplicate_of"]).itertuples():
        assert pairs.get(r.duplicate_of) == r.doc_id, r.target_id  # a restatement points into its own document
    assert len(dup) > 0


def test_floor_on_the_dev_split():
    tot = _split_score("dev")
    assert tot["recall"] >= 0.95 and tot["precision"] >= 0.85


def test_floors_on_the_test_split():
    # Documents never tuned on; a target counts only when value AND target year are right.  Measured:
    # recall 33/34 (97.1%), precision 33/33.  The first scoring, on the four documents labelled first,
    # was 16/17 (94.1%); beihai_2016, anqing_2008 and suzhou_2010 were added (each labelled and
    # committed before its first run) and scored 4/4, 5/5 and 8/8.  The one miss, ZZ-06, is a rate shared by a
    # list written with a verb (涉外专利申请量、授权量年均增长20%以上); it was found on the test split, so it was
    # left unfixed there.  The same construction then came up in a dev document (the sixth blind set's EWH-02,
    # 保持专利申请量和授权量年均增长15%), and the general rule written for it also finds ZZ-06: 34/34 since.
    tot = _split_score("test")
    assert tot["recall"] >= 0.95 and tot["precision"] >= 0.85


def test_match_is_one_to_one_and_counts_duplicates():
    text = "商标注册量达到15万件。商标注册量达到15万件。"
    truth = pd.DataFrame({"target_id": ["A", "B"], "doc_id": ["d", "d"], "value": [150000.0, 150000.0],
                          "value_high": [None, None], "source_quote": ["商标注册量达到15万件"] * 2, "duplicate_of": [None, "A"]})
    cands = extract(text, doc_id="d")
    assert len(cands) == 2 and cands.loc[1, "duplicate_of"] == "T001"
    m = match(cands, truth, {"d": text})
    assert sorted(m["target_id"]) == ["A", "B"]
    s = score(cands, truth, {"d": text}).set_index("doc_id").loc["TOTAL"]
    assert (s["recall"], s["recall_unique"], s["precision"]) == (1.0, 1.0, 1.0)
    s = score(cands.iloc[:1], truth, {"d": text}).set_index("doc_id").loc["TOTAL"]
    assert (s["recall"], s["recall_unique"]) == (0.5, 1.0)


def test_match_needs_same_value_and_overlap():
    text = "甲数量达到3个,乙数量达到4个。"
    truth = pd.DataFrame({"target_id": ["A"], "doc_id": ["d"], "value": [4.0], "value_high": [None],
                          "source_quote": ["甲数量达到3个"]})
    assert match(extract(text, doc_id="d"), truth, {"d": text})["target_id"].isna().all()


# ---------------------------------------------------------------------------------------------
# issue 16: linked restatements and measure agreement in the scores

RESTATED = "到2025年,海外发明专利授权量达到600件。\n海外发明专利授权量达到600件。这项指标很重要。"


def test_a_linked_restatement_is_not_a_false_positive():
    truth = pd.DataFrame({"target_id": ["A"], "doc_id": ["d"], "value": [600.0], "value_high": [None],
                          "source_quote": ["到2025年,海外发明专利授权量达到600件"], "duplicate_of": [None], "measure": ["annual_flow"]})
    cands = extract(RESTATED, doc_id="d")
    assert cands["duplicate_of"].tolist()[1] == "T001"
    s = score(cands, truth, {"d": RESTATED}).set_index("doc_id").loc["TOTAL"]
    assert (s["tp"], s["candidates"], s["fp"], s["dup_linked"], s["precision"]) == (1, 1, 0, 1, 1.0)
    assert (s["measure_same"], s["measure_agreement"]) == (1, 1.0)
    unlinked = score(cands.assign(duplicate_of=None), truth, {"d": RESTATED}).set_index("doc_id").loc["TOTAL"]
    assert (unlinked["fp"], unlinked["precision"]) == (1, 0.5)  # proposed again as a target: a false positive


def test_measure_agreement_floors():
    # five documents: 97/104 before and after issue 16; the blind set of 2026-11-26 (now dev): 22/30 at its
    # first scoring, 30/41 before issue 16, 35/41 after (申请量/授权量/注册量 as yearly flows, 万人… per 10k)
    texts = {d: raw_text(d) for d in doc_ids()}
    cands = pd.concat([extract(texts[d], d) for d in texts], ignore_index=True)
    cands["candidate_id"] = cands["doc_id"] + ":" + cands["candidate_id"]
    five = score(cands, targets(), texts).set_index("doc_id").loc["TOTAL"]
    # 95 since the seventh blind set: a named amount without 累计 (质押融资金额达到70亿元) is proposed as an annual flow,
    # the fixtures' convention; the curated OR-11/OR-20 keep `level` (the plan does not say), two disagreements
    assert five["measure_same"] >= 95, five
    splits = pd.read_csv(FIXTURES / "splits.csv")
    blind = splits.loc[splits["note"].str.startswith("blind set of 2026-11-26"), "doc_id"]
    assert len(blind) == 8
    dev = score_split(load_fixtures(FIXTURES, "dev"), extract).set_index("doc_id").loc[list(blind)]
    assert dev["tp"].sum() == 41 and dev["measure_same"].sum() / dev["tp"].sum() >= 0.85, dev


def test_the_blind_set_of_2026_12_05_after_tuning():
    # first run (before any rule for it): recall 27/33, precision 27/44, measure 19/27; after its rules (now dev):
    # 33/33, 33/33, measure 32/33 (XA-06, 交易额 without a series of milestones, stays level, as ZZ-10 is labelled)
    splits = pd.read_csv(FIXTURES / "splits.csv")
    blind = list(splits.loc[splits["note"].str.startswith("blind set of 2026-12-05"), "doc_id"])
    assert len(blind) == 10 and set(splits.loc[splits["doc_id"].isin(blind), "split"]) == {"dev"}
    dev = score_split(load_fixtures(FIXTURES, "dev"), extract).set_index("doc_id")
    rows = dev.loc[[d for d in blind if d in dev.index]]
    assert (rows["truth"].sum(), rows["tp"].sum(), rows["candidates"].sum()) == (33, 33, 33), rows
    assert rows["measure_same"].sum() >= 32, rows


def test_the_rule_writers_dev_set_of_2026_12_06():
    # labelled by the helper who then tuned the rules, committed before its first run (dev material, not blind):
    # first run recall 8/14, precision 8/42 (reports of results read as plans: 突破/达 values, 截至 figures
    # without a date, 第十二个五年计划期间 not read as a period); after the rules of tests/extractor/test_reports.py:
    # 14/14, precision 14/15 (left: a 2012 award count in an undated text whose plan period starts in 2011)
    splits = pd.read_csv(FIXTURES / "splits.csv")
    own = list(splits.loc[splits["note"].str.startswith("rule-writer's dev set (2026-12-06"), "doc_id"])
    assert len(own) == 9 and set(splits.loc[splits["doc_id"].isin(own), "split"]) == {"dev"}
    dev = score_split(load_fixtures(FIXTURES, "dev"), extract).set_index("doc_id")
    rows = dev.loc[[d for d in own if d in dev.index]]
    assert (rows["truth"].sum(), rows["tp"].sum()) == (14, 14), rows
    assert rows["candidates"].sum() <= 15, rows
