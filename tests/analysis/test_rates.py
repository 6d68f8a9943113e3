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
