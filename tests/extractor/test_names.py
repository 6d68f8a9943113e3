"""Indicator names (:mod:`ipanalysis.extractor.names`)."""


from ipanalysis.extractor import extract
from extract_helpers import one


def test_several_targets_in_one_sentence():
    text = ("到2025年,每万人高价值发明专利拥有量达10件,专利密集型产业增加值占GDP比重达13%,"
            "知识产权质押融资年登记金额达8亿元,专利代理师和商标代理从业人员超1万人。")
    df = extract(text)
    assert df["value"].tolist() == [10, 13, 8e8, 10000]
    assert df["indicator"].tolist() == ["high_value_invention_patents_per_10k", "patent_intensive_industry_gdp_share",
                                        "ip_pledge_financing", "patent_trademark_agents"]
    assert df.loc[2, "measure"] == "annual_flow"


def test_fenbie_pairs_names_and_values():
    df = extract("到2026年,国家级和省级优势示范企业、公共服务网点的总数分别突破360家、18个。")
    assert df["value"].tolist() == [360, 18]
    assert df["comparator"].tolist() == [">", ">"]
    assert df["indicator_zh"].tolist()[0] == "国家级和省级优势示范企业"
    df = extract("到2015年,累计拥有中国驰名商标和福建省著名商标分别达到7件和18件以上。")
    assert df["comparator"].tolist() == ["=", ">="]
    assert df["indicator"].tolist() == ["well_known_trademarks", "famous_trademarks_provincial"]


def test_one_rate_for_a_list_of_indicators():
    df = extract("到2025年,专利授权量、PCT申请量年均增长率达到15%。")
    assert df["indicator_zh"].tolist() == ["专利授权量年均增长率", "PCT申请量年均增长率"]
    assert df["value"].tolist() == [15, 15]
    # but one indicator with an enumeration inside its name stays one row
    assert len(extract("到2025年,培育国家、自治区知识产权优势、示范企业10家以上。")) == 1


def test_noun_after_the_number_when_a_verb_precedes():
    assert one("到2025年,形成20个以上对产业发展具有支撑保障作用的高价值专利组合。")["indicator"] == "high_value_patent_portfolios"
    assert one("到2025年,培育1家专业化、综合性的知识产权运营机构。")["indicator_zh"] == "专业化、综合性的知识产权运营机构"


def test_a_quantity_without_a_verb_keeps_its_name():
    df = extract("某市知识产权“十四五”规划\n到2025年,有效发明专利达到2万件、软件著作权登记量8万件、商标有效注册量达到20万件。")
    assert df[["indicator_zh", "value"]].values.tolist() == [
        ["有效发明专利", 20000], ["软件著作权登记量", 80000], ["商标有效注册量", 200000]]


def test_quantities_in_one_list_each_get_their_own_item():
    # blind set of 2026-12-05: 'verb N unit noun、N unit noun' names each item by the noun after it
    df = extract("到2027年,建设12个特色园区、300家骨干企业,专利质押金额达到5亿元。")
    assert df["indicator_zh"].tolist()[:2] == ["特色园区", "骨干企业"]
    assert df["source_quote"].tolist()[:2] == ["建设12个特色园区", "300家骨干企业"]
    df = extract("到2027年,示范企业达到30家、优势企业达到80家。")  # names before the numbers: unchanged
    assert df["indicator_zh"].tolist() == ["示范企业", "优势企业"]
    assert df["source_quote"].tolist() == ["示范企业达到30家", "优势企业达到80家"]
