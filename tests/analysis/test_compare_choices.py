"""``compare`` takes one indicator or document as a string as well as a list, and names every unknown
choice and the valid ones (what mutmut showed no test checked; issue 17)."""

from __future__ import annotations

import pytest

import ipanalysis as ip
from ipanalysis.errors import ParameterError


def test_one_indicator_or_document_as_a_string_is_a_list_of_one():
    by_str = ip.compare(indicators="ip_pledge_financing")
    assert set(by_str["indicator"]) == {"ip_pledge_financing"} and len(by_str) == 3
    assert by_str.equals(ip.compare(indicators=["ip_pledge_financing"]))
    one_doc = ip.compare(doc_ids="ordos_2022")
    assert set(one_doc["doc_id"]) == {"ordos_2022"}
    assert one_doc.equals(ip.compare(doc_ids=["ordos_2022"]))


def test_unknown_indicators_are_all_named_with_the_valid_keys():
    keys = sorted(ip.indicators()["key"])
    with pytest.raises(ParameterError) as err:
        ip.compare(indicators=["ip_pledge_financing", "zz_no_such_key", "aa_no_such_key"])
    assert str(err.value) == f"unknown indicator: aa_no_such_key, zz_no_such_key; valid: {', '.join(keys)}"
