"""Running text, sentence by sentence (:mod:`ipanalysis.extractor.sentence`)."""

import pandas as pd

from ipanalysis.extractor import analyse
from extract_helpers import one


def test_qualitative_relative_target():
    c = one("到2025年,知识产权保护社会满意度高于自治区平均水平。")
    assert c["comparator"] == "qualitative" and pd.isna(c["value"]) and c["value_text"] == "高于自治区平均水平"


def test_two_milestones_in_one_sentence_keep_their_own_years():
    a = analyse("某市知识产权强市建设实施方案(2018—2022年)\n全市有效发明专利2018年达到5000件,2022年达到8000件。")
    t = a[a["kind"] == "target"]
    assert t[["value", "target_year"]].values.tolist() == [[5000, 2018], [8000, 2022]]
    assert not t["indicator_zh"].str.contains(r"\d{4}年").any()
    assert set(t["indicator_zh"]) == {"有效发明专利"}


def test_a_past_milestone_and_a_future_one():
    a = analyse("某市知识产权“十四五”规划\n2018年全市有效发明专利达到5000件,2022年达到8000件。")
    assert a[["kind", "value", "target_year"]].values.tolist() == [["baseline", 5000, 2018], ["target", 8000, 2022]]
