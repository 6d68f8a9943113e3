"""Fixtures of the extractor tests."""

from __future__ import annotations

import pandas as pd
import pytest

from ipanalysis.extractor import extract
from ipanalysis.data.sources import doc_ids, raw_text


@pytest.fixture(scope="module")
def five():
    texts = {d: raw_text(d) for d in doc_ids()}
    cands = pd.concat([extract(texts[d], d) for d in texts], ignore_index=True)
    cands["candidate_id"] = cands["doc_id"] + ":" + cands["candidate_id"]
    return texts, cands
