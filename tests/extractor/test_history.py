"""Stated historical values (:mod:`ipanalysis.extractor.history`)."""


from ipanalysis.extractor import extract, extract_baselines


def test_history_goes_to_baselines():
    text = ("某市知识产权保护和运用“十四五”规划\n第一章 规划背景\n第一节 发展成就\n"
            "年专利授权量从“十二五”末的550件增加到2748件,年均增长38.0%。截至2020年底,有效商标注册量31219件。\n"
            "第二章 主要目标\n到2025年,商标注册量突破5万件。")
    t = extract(text)
    assert t["value"].tolist() == [50000]
    b = extract_baselines(text)
    assert b["value"].tolist() == [550, 2748, 31219]
    assert b["year"].tolist() == [2015, 2020, 2020]
    assert b.loc[1, "growth_value"] == 38.0 and b.loc[1, "growth_kind"] == "cagr"
