"""One verdict from several readings (analysis/progress.py combine_bands), worked by hand."""

from __future__ import annotations

import pandas as pd

from ipanalysis.analysis.progress import combine_bands


def test_three_bands_are_borderline_between_the_lowest_and_the_highest():
    # Open SDG order, highest first: substantial, moderate, limited, deterioration
    status, low, high = combine_bands(["moderate_progress", "deterioration", "substantial_progress"])
    assert (status, low, high) == ("borderline", "deterioration", "substantial_progress")


def test_no_reading_is_not_assessable():
    status, low, high = combine_bands([])
    assert status == "not_assessable" and low is pd.NA and high is pd.NA
