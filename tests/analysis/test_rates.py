"""The growth arithmetic's refusals (analysis/rates.py)."""

from __future__ import annotations

import pytest

from ipanalysis.analysis.rates import linear_increase
from ipanalysis.errors import ParameterError


@pytest.mark.parametrize("years", [0, -1, None])
def test_linear_increase_needs_years(years):
    with pytest.raises(ParameterError, match=rf"^linear_increase needs years > 0, got years={years}$"):
        linear_increase(10, 20, years)


def test_linear_increase_over_half_a_year():
    assert linear_increase(10, 20, 0.5) == 20.0  # (20 - 10) / 0.5


def test_linear_increase_is_rounded_to_12_decimals():
    # float noise is cut at the 12th decimal: 1 / 3 → 0.333333333333 (not 0.3333333333333)
    assert linear_increase(0, 1, 3) == 0.333333333333
