"""Which year's seasonal share a part-year flow is read by (analysis/timebase.py), worked by hand.

The rule: the same place in an earlier year first (the latest such year), else the province in the same
or an earlier year (latest first); only January-to-the-same-day part years against whole calendar years.
"""

from __future__ import annotations

import pandas as pd

from ipanalysis.analysis.timebase import seasonal_share

JAN, SEP30 = pd.Timestamp("2024-01-01"), pd.Timestamp("2024-09-30")


def _obs(*rows):
    """Rows ``(doc_id, place, scope, start, end, value)`` of one flow indicator."""
    df = pd.DataFrame(rows, columns=["doc_id", "place", "scope", "start", "end", "value"])
    return df.assign(indicator="patent_grants_annual", measure="flow", start=pd.to_datetime(df["start"]),
                     end=pd.to_datetime(df["end"]))


def _own(start, end, value):
    return ("ordos_2022", "鄂尔多斯市", "city", start, end, value)


def _prov(start, end, value, place="内蒙古自治区"):
    return (None, place, "province", start, end, value)


def _share(obs, province="内蒙古自治区"):
    return seasonal_share(obs, "ordos_2022", province, "patent_grants_annual", JAN, SEP30)


def test_only_the_same_months_count_as_the_part_year():
    # Jan–Jun (ends on a 30th too) listed first must not be read as Jan–Sep: 15,000 / 24,000 = 0.625
    obs = _obs(_own("2023-01-01", "2023-06-30", 10000.0), _own("2023-01-01", "2023-09-30", 15000.0),
               _own("2023-01-01", "2023-12-31", 24000.0))
    assert _share(obs) == (0.625, "the same place 2023: 15,000 of 24,000")


def test_the_latest_earlier_year_of_the_same_place():
    # 2021: 5,000 / 10,000 = 0.5; 2022: 6,000 / 10,000 = 0.6 → the later one
    obs = _obs(_own("2021-01-01", "2021-09-30", 5000.0), _own("2021-01-01", "2021-12-31", 10000.0),
               _own("2022-01-01", "2022-09-30", 6000.0), _own("2022-01-01", "2022-12-31", 10000.0))
    assert _share(obs) == (0.6, "the same place 2022: 6,000 of 10,000")


def test_the_same_place_in_the_same_year_is_not_a_share():
    # the place's own 2024 pair is the figure being read, never its own share: the province's 2023 one is used
    # (7,000 / 10,000 = 0.7), not 2024's 8,000 / 10,000
    obs = _obs(_own("2024-01-01", "2024-09-30", 8000.0), _own("2024-01-01", "2024-12-31", 10000.0),
               _prov("2023-01-01", "2023-09-30", 7000.0), _prov("2023-01-01", "2023-12-31", 10000.0))
    assert _share(obs) == (0.7, "内蒙古自治区 2023: 7,000 of 10,000")


def test_the_province_in_the_same_year_first_never_a_later_year():
    # province 2023: 0.7; 2024 (the same year): 6,000 / 8,000 = 0.75; 2025 (later): 0.9 → 2024
    obs = _obs(_prov("2023-01-01", "2023-09-30", 7000.0), _prov("2023-01-01", "2023-12-31", 10000.0),
               _prov("2024-01-01", "2024-09-30", 6000.0), _prov("2024-01-01", "2024-12-31", 8000.0),
               _prov("2025-01-01", "2025-09-30", 9000.0), _prov("2025-01-01", "2025-12-31", 10000.0))
    assert _share(obs) == (0.75, "内蒙古自治区 2024: 6,000 of 8,000")


def test_only_the_plans_province():
    # another province's 2024 pair (0.5) and another city's (0.4) are not read: 内蒙古自治区 2022, 3,000 / 4,000
    obs = _obs(_prov("2024-01-01", "2024-09-30", 1000.0, place="山西省"), _prov("2024-01-01", "2024-12-31", 2000.0, place="山西省"),
               ("guiyang_2022", "贵阳市", "city", "2023-01-01", "2023-09-30", 400.0),
               ("guiyang_2022", "贵阳市", "city", "2023-01-01", "2023-12-31", 1000.0),
               _prov("2022-01-01", "2022-09-30", 3000.0), _prov("2022-01-01", "2022-12-31", 4000.0))
    assert _share(obs) == (0.75, "内蒙古自治区 2022: 3,000 of 4,000")
    assert _share(obs, province=None) is None


def test_a_whole_year_of_zero_is_no_share_and_of_one_is():
    # the same place's 2023 whole year is 0 (no share: 0 / 0), so the province's 2023 pair is read: 0.5 / 1 = 0.5
    obs = _obs(_own("2023-01-01", "2023-09-30", 0.0), _own("2023-01-01", "2023-12-31", 0.0),
               _prov("2023-01-01", "2023-09-30", 0.5), _prov("2023-01-01", "2023-12-31", 1.0))
    assert _share(obs) == (0.5, "内蒙古自治区 2023: 0 of 1")
