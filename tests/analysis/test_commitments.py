"""Which sentences of a plan are commitments (issue 15 §3.4): hand-labelled real sentences, quoted from
data/raw/*.txt, each with the role a careful reader gives it and why."""

from __future__ import annotations

import pytest

import ipanalysis as ip
from ipanalysis.analysis.commitments import body_start, classify, statements

# (doc_id, a verbatim sentence, the role a reader gives it)
LABELLED = [
    # the issuing notice and the plan's own title: the plan exists, it commits to nothing by that
    ("ordos_2022", "鄂尔多斯市人民政府关于印发知识产权保护和运用“十四五”规划的通知", "notice"),
    ("ordos_2022", "《鄂尔多斯市知识产权保护和运用“十四五”规划》已经市人民政府2022年第3次常务会议审议通过,现印发给你们,请结合实际认真组织实施。", "notice"),
    ("nanchang_2021", "《南昌市知识产权强市建设纲要(2021-2035年)》已经市政府研究同意,现印发给你们,请结合实际认真抓好贯彻落实。", "notice"),
    ("guiyang_2022", "《贵阳市知识产权强市建设示范城市工作方案(2022—2025年)》已经市人民政府研究同意,现印发给你们,请认真抓好贯彻落实。", "notice"),
    # reviews of past achievements (a 发展成就 section; 以来; 共办理)
    ("ordos_2022", "全市知识产权行政执法案件498件,受理知识产权侵权案件412件。", "review"),
    ("ordos_2022", "创新性地开展商标专用权质押融资工作,全市共办理商标权质押登记21件,质押融资金额达到6.214亿元。", "review"),
    ("ordos_2022", "知识产权公共服务体系进一步健全,信息化系统支撑能力全面提高,知识产权服务业快速发展,知识产权人才队伍不断壮大,全市知识产权保护意识明显提升。", "review"),
    ("ordos_2022", "“十三五”时期,深入开展专项执法、联合执法等各类知识产权执法活动。", "review"),
    # a note that defines a term
    ("ordos_2022", "5.获得国家科学技术奖、中国专利奖的发明专利。", "note"),
    # commitments: aims, targets, tasks (截至 a year after the plan starts is a deadline, not a review;
    # 工作成效突出 under 具体目标 is a goal)
    ("ordos_2022", "集聚知识产权、人才、资本、服务等创新要素,培育1家专业化、综合性的知识产权运营机构,专业知识产权托管服务累计覆盖小微企业100家以上,知识产权质押融资金额达到70亿元。", "commitment"),
    ("ordos_2022", "实施创新主体知识产权贯标推进工程,推行企事业单位国家知识产权管理规范,指导企业建立标准化知识产权管理体系,推动企业、高等院校、科研院所通过贯标认证,分类施策提高创新主体知识产权管理运营能力。", "commitment"),
    ("guiyang_2022", "11.建立中小微企业知识产权托管服务。", "commitment"),
    ("nanchang_2021", "严厉打击非正常专利申请和代理行为以及恶意商标注册和代理行为。", "commitment"),
    ("cangshan_2013", "4.知识产权服务机构不断健全。", "commitment"),
    ("cangshan_2013", "3.企业知识产权工作成效突出。", "commitment"),
]


@pytest.fixture(scope="module")
def roles():
    return {d: statements(d) for d in {d for d, _, _ in LABELLED}}


@pytest.mark.parametrize("doc_id, sentence, role", LABELLED, ids=[f"{d}-{r}-{i}" for i, (d, _, r) in enumerate(LABELLED)])
def test_hand_labelled_sentences(roles, doc_id, sentence, role):
    assert sentence in ip.raw_text(doc_id)  # quoted verbatim
    found = [s for s in roles[doc_id] if s.text.strip() == sentence]
    assert found, f"not a sentence of {doc_id}: {sentence}"
    assert {s.role for s in found} == {role}, [(s.role, s.why) for s in found]


def test_guiyang_deadline_with_jiezhi_is_a_commitment(roles):
    """截至2025年 in a 2022 plan is a deadline: the clause is forward-looking."""
    st = statements("guiyang_2022")
    deadline = [s for s in st if "截至2025年" in s.text]
    assert deadline and {s.role for s in deadline} == {"commitment"}


@pytest.mark.parametrize("sentence, role", [
    ("截至2020年底,全市共有专利代理机构12家。", "review"),      # a year before the plan starts
    ("截至2025年,专利代理机构达到20家。", "commitment"),       # the plan's own horizon
    ("“十三五”期间,累计办理质押登记30件。", "review"),          # a five-year period already over
    ("“十四五”期间,累计办理质押登记60件。", "commitment"),
    ("党的十八大以来,知识产权工作取得显著成效。", "review"),
    ("全市已建成知识产权服务机构5家。", "review"),
])
def test_sentence_rules_in_a_2021_plan(sentence, role):
    text = f"某市知识产权规划\n二、主要任务\n{sentence}"
    (s,) = [s for s in classify(text, "某市知识产权规划", 2021) if s.text == sentence]
    assert s.role == role, s.why


def test_body_starts_after_the_plans_own_title_line():
    for doc_id, first in [("ordos_2022", "为贯彻落实党中央"), ("guiyang_2022", "为充分发挥知识产权"),
                          ("nanchang_2021", "为贯彻落实中共中央"), ("cangshan_2013", "(2013年4月)")]:
        text = ip.raw_text(doc_id)
        title = ip.documents().set_index("doc_id").loc[doc_id, "title_zh"]
        assert text[body_start(text, title):].lstrip().startswith(first), doc_id
