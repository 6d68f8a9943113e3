"""One verdict from several readings (analysis/progress.py combine_bands), worked by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ipanalysis.analysis.progress import combine_bands


def test_three_bands_are_borderline_between_the_lowest_and_the_highest():
    # Open SDG order, highest first: substantial, moderate, limited, deterioration
    status, low, high = combine_bands(["moderate_progress", "deterioration", "substantial_progress"])
    assert (status, low, high) == ("borderline", "deterioration", "substantial_progress")


def test_no_reading_is_not_assessable():
    status, low, high = combine_bands([])
    assert status == "not_assessable" and low is pd.NA and high is pd.NA


def test_schedule_tolerance_is_inclusive():
    # ±tolerance is on schedule (binary-exact numbers: a gap of exactly 0.25 against a tolerance of 0.25)
    from ipanalysis.analysis.progress import schedule_status

    assert schedule_status(0.75, 0.5, tolerance=0.25) == "on_schedule"
    assert schedule_status(0.25, 0.5, tolerance=0.25) == "on_schedule"
    assert schedule_status(0.875, 0.5, tolerance=0.25) == "ahead_of_schedule"
    assert schedule_status(float("nan"), 0.5) == "not_assessable"
    assert schedule_status(0.5, float("nan")) == "not_assessable"


def test_path_share_over_one_year_and_none():
    from ipanalysis.analysis.progress import path_share

    assert path_share(0.5, 1) == 0.5                                 # straight line
    assert path_share(0.5, 1, 0.21) == pytest.approx(0.1 / 0.21)      # (1.21^0.5 − 1) / (1.21 − 1) = 10/21
    assert math.isnan(path_share(1, 0))                              # no span: no share
