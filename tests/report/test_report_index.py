"""The landing page: the per-document numbers (one function, in the parent process) and the template."""

from __future__ import annotations

import pandas as pd
import pytest

import ipanalysis
import ipanalysis as ip
from ipanalysis.report import index

ILLUSTRATIVE = {"observations": str(ip.resolve_path("data/examples/illustrative_observations.csv")), "as_of": "2023"}


@pytest.fixture(scope="module")
def cards():
    return index.document_summaries({d: ILLUSTRATIVE for d in ip.doc_ids()})


def test_one_card_per_document_with_the_library_numbers(cards):
    docs = ip.documents()
    assert [c["doc_id"] for c in cards] == list(docs["doc_id"])
    aud = ip.audit()
    for card, doc in zip(cards, docs.to_dict("records")):
        tr = ip.trajectories(card["doc_id"])
        assert card["title_zh"] == doc["title_zh"] and card["title_en"] == doc["title_en"]
        assert card["horizon"] == f"{doc['plan_start_year']}→{doc['target_years']}".replace(";", "/")
        assert card["n_targets"] == len(tr) and card["n_projectable"] == int(tr["computable"].sum())
        mine = aud[aud["doc_id"] == card["doc_id"]]
        assert card["needs_review"] == int((mine["status"] != "consistent").sum())
        assert card["audit_checks_run"] == len(mine)
        assert sum(card["status_counts"].values()) == len(ip.attainment(doc_id=card["doc_id"], **ILLUSTRATIVE))
        assert card["illustrative"] and card["errors"] == []
    ordos = cards[-1]
    assert ordos["latest_observation"].startswith("2023") and ordos["n_projectable"] > 0


def test_a_card_never_reads_clean_when_nothing_was_checked(cards):
    """Issue 15 §3.5: Nanchang has no audit finding; its card said "Audit: to review 0".  It now says
    that no check could apply and why; a checked document says how many checks ran."""
    by = {c["doc_id"]: c for c in cards}
    checks = ip.audit_checks()
    nan = checks[checks["doc_id"] == "nanchang_2021"]
    assert by["nanchang_2021"]["audit_applied"] == 0 == nan["applied"].sum()
    assert "no stated history of a targeted indicator" in by["nanchang_2021"]["audit_not_applicable"]
    html = index.render_index(cards, [], "")
    nanchang = html[html.index('id="nanchang_2021"'):html.index("</article>", html.index('id="nanchang_2021"'))]
    assert "no check applicable" in nanchang and "no stated growth rate" in nanchang and "to review" not in nanchang
    ordos = html[html.index('id="ordos_2022"'):html.index("</article>", html.index('id="ordos_2022"'))]
    aud = ip.audit("ordos_2022")
    assert f"{int((aud['status'] != 'consistent').sum())} to review of {len(aud)} checks run" in ordos


def test_status_column_is_preferred_and_dated_by_the_latest_observation_used(monkeypatch):
    """The headline ``status`` column, where attainment has one; the date is the ``obs_period_end`` of the
    latest observation a verdict uses (``latest_used``), the one date the page shows too."""
    def fake(doc_id=None, **kwargs):
        return pd.DataFrame({"status": ["on_track", "moderate_progress", "no_data"],
                             "schedule_status": ["x", "y", "no_data"],
                             "obs_value": [1.0, 2.0, float("nan")],
                             "obs_period_end": ["2023-12-31", "2024-09-30", None]})

    monkeypatch.setattr(ipanalysis, "attainment", fake)
    card = index.document_summaries()[0]
    assert card["status_counts"] == {"on_track": 1, "moderate_progress": 1, "no_data": 1}
    assert card["latest_observation"] == "2024-09-30"


def test_a_failing_number_is_shown_not_raised(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("observations file is bad")

    monkeypatch.setattr(ipanalysis, "attainment", broken)
    card = index.document_summaries()[0]
    assert card["status_counts"] == {} and "observations file is bad" in card["errors"][0]
    assert card["n_targets"] is not None


def test_page_order_cards_cross_city_then_log(cards):
    pages = [{"name": "compare", "notebook": "compare.ipynb", "parameters": {}, "doc_id": None, "status": "ok",
              "seconds": 3.2, "html": "compare.html"},
             {"name": "attainment-ordos_2022", "notebook": "attainment.ipynb", "parameters": {"doc_id": "ordos_2022"},
              "doc_id": "ordos_2022", "status": "failed", "cell": 4, "error": "KeyError: 'x'", "html": None,
              "ipynb": "attainment-ordos_2022.ipynb"},
             {"name": "trajectories-ordos_2022", "notebook": "trajectories.ipynb", "doc_id": "ordos_2022",
              "parameters": {"doc_id": "ordos_2022"}, "status": "ok", "seconds": 2.0, "html": "trajectories-ordos_2022.html"}]
    html = index.render_index(cards, pages, "3 reports")
    positions = [html.index(c["title_zh"]) for c in cards]
    assert positions == sorted(positions)
    assert positions[-1] < html.index("Across documents") < html.index('href="compare.html"') < html.index("Build log")
    card = html[html.index('id="ordos_2022"'):html.index("Across documents")]
    assert 'href="trajectories-ordos_2022.html"' in card and "attainment: failed" in card
    log = html[html.index("Build log"):]
    assert "cell 4: </strong>KeyError: &#39;x&#39;" in log and 'href="attainment-ordos_2022.ipynb"' in log
    assert "<script" not in html


def test_the_matrix_says_which_report_feeds_a_card(monkeypatch, tmp_path):
    """``"card": true`` in the matrix, not the notebook's name: a demonstration page on other
    observations (no card key) does not replace the document's card numbers."""
    from ipanalysis.report import Manifest, load_matrix

    seen = {}
    monkeypatch.setattr(index, "document_summaries", lambda att, **shared: seen.update(att) or [])
    reports = load_matrix([{"notebook": "attainment.ipynb", "matrix": {"doc_id": ["ordos_2022"]}, "card": True},
                           {"notebook": "attainment.ipynb", "name": "attainment-demo", "description": "demo",
                            "parameters": {"doc_id": "ordos_2022", "observations": "demo.csv"}},
                           {"notebook": "other.ipynb", "matrix": {"doc_id": ["guiyang_2022"]}, "card": True,
                            "parameters": {"as_of": "2023"}}], tmp_path)
    index.LandingPage(reports, Manifest(tmp_path / "manifest.json"), tmp_path, "env").future.result()
    assert seen == {"ordos_2022": {}, "guiyang_2022": {"as_of": "2023"}}
    assert [r.card for r in reports] == [True, False, True]
    docs = list(ip.documents()["doc_id"])  # one card report per document and language
    assert [r.name for r in load_matrix() if r.card] == [f"{p}attainment-{d}" for p in ("", "zh/") for d in docs]


def test_card_parameters_are_those_the_page_was_built_with(tmp_path):
    """This build's parameters (``-p`` applied) first, then the manifest's record of the last build,
    then the matrix; relative observation paths are taken from the root."""
    import dataclasses

    from ipanalysis.report import Manifest, load_matrix

    reports = load_matrix([{"notebook": "a.ipynb", "matrix": {"doc_id": ["ordos_2022", "guiyang_2022", "nanchang_2021"]},
                            "card": True, "parameters": {"as_of": "2023"}}], tmp_path)
    manifest = Manifest(tmp_path / "manifest.json", {
        "a-guiyang_2022": {"parameters": {"doc_id": "guiyang_2022", "as_of": "2024-06-30", "observations": "o.csv"}},
        "a-nanchang_2021": {"parameters": {"doc_id": "nanchang_2021", "as_of": "2022"}}})
    building = {"a-nanchang_2021": dataclasses.replace(reports[2], parameters={"doc_id": "nanchang_2021",
                                                                               "as_of": "2025-01-01"})}
    assert index.card_parameters(reports, manifest, tmp_path, building) == {
        "ordos_2022": {"as_of": "2023"},
        "guiyang_2022": {"as_of": "2024-06-30", "observations": str(tmp_path / "o.csv")},
        "nanchang_2021": {"as_of": "2025-01-01"}}


@pytest.mark.parametrize("entries, message", [
    ([{"notebook": "a.ipynb", "card": True}], "has no doc_id"),
    ([{"notebook": "a.ipynb", "matrix": {"doc_id": ["x_1"]}, "card": True},
      {"notebook": "b.ipynb", "matrix": {"doc_id": ["x_1"]}, "card": True}], "both feed the card of 'x_1'"),
    ([{"notebook": "a.ipynb", "matrix": {"doc_id": ["x_1"]}, "card": "yes"}], "must be true or false"),
])
def test_card_key_errors(tmp_path, entries, message):
    from ipanalysis.report import ReportConfigError, load_matrix

    with pytest.raises(ReportConfigError, match=message):
        load_matrix(entries, tmp_path)


def test_a_card_says_why_no_check_applied_in_the_page_language():
    """The Chinese landing page words the audit's "no check applicable" reasons in Chinese (every check of
    the registry has its words in both languages), from the same checks as the English one."""
    import re

    import ipanalysis as ip
    from ipanalysis.analysis.audit.registry import CHECKS
    from ipanalysis.present.vocabulary import AUDIT_NEEDS
    from ipanalysis.report.index import _audit_card

    assert {c.name for c in CHECKS} == set(AUDIT_NEEDS)
    nanchang = ip.audit_summary().set_index("doc_id").loc["nanchang_2021"].to_dict()
    card = _audit_card(nanchang)
    assert card["audit_applied"] == 0 and len(card["audit_not_applicable"]) == card["audit_checks"] > 0
    assert len(card["audit_not_applicable_zh"]) == len(card["audit_not_applicable"])
    assert all(r.startswith("no ") for r in card["audit_not_applicable"])
    assert all(re.match(r"^无", r) and not re.search(r"[a-z]{3}", r) for r in card["audit_not_applicable_zh"])
