"""Word lists of the extractor: the Chinese words and patterns every other module reads.

Nothing here knows about one document; a word list grows when a new kind of wording appears.

>>> bool(PLAN_WORDS.search("知识产权“十四五”规划")), PERIODS["四"]
(True, (2021, 2025))
"""

from __future__ import annotations

import re

# The time words the analysis reads too (AS_OF, five-year periods, review headings, done words) have one home:
from ..timewords import AS_OF, DONE_WORDS, FIVE_YEAR, FIVE_YEAR_PLANS, REVIEW_HEADING, period_of  # noqa: F401 (re-exported)

#: Five-year periods → (first year, last year).
PERIODS, PERIOD_RE = FIVE_YEAR_PLANS, FIVE_YEAR  # the one home: ipanalysis.timewords

PLAN_WORDS = re.compile(r"规划|方案|纲要|计划|要点|行动|意见|目标|办法")
REPORT_WORDS = re.compile(r"进展|情况|总结|报告|公报|通报|会议|综述|成效|成绩")
YEAR_RANGE = re.compile(r"(\d{4})\s*[—–\-~～至到]+\s*(\d{4})\s*年")
DATE_LINE = re.compile(r"^[(（]?\s*(\d{4})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[)）]?$")
#: A web page's own date line: 2019-08-10 21:05:15, 发布时间:2019-08-10, 16.11.2018  18:29 (the year is group 1 or 2).
#: The line may go on with the page's source or author (时间: 2020-01-06 14:42:19 | 来源: 某报), or open with
#: them (来源: 某报 | 发布日期: 2013-04-11 09:22; 文章来源: 某网 发布时间: 2018/2/11 16:02:00).
WEB_DATE_LINE = re.compile(r"^(?:(?:文章|信息|稿件)?(?:来源|作者)[:：]\s*[^|｜]{1,30}?\s*(?:[|｜]\s*|\s)(?=(?:发布|发表|更新)?(?:时间|日期)))?(?:(?:发布|发表|更新)?(?:时间|日期)[:：]\s*)?(?:(\d{4})(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
                           r"|\d{1,2}\.\d{1,2}\.(\d{4}))"
                           r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[|｜]?\s*(?:来源|作者|编辑|责任编辑)[:：].*|[\u4e00-\u9fff]{1,10}(?:网|报|台|社|在线))?$")
#: A future the text states in its own tense (到2020年,…将达到近2万件): a web time stamp after that year is a
#: repost's, not the document's date.
#: Also a horizon a commitment opens (争取到2015年,…达到54家; 力争至2015年): a goal for that year, in any tense.
STATED_FUTURE = re.compile(r"(?<![截止])(?:到|至)\s*(\d{4})\s*年[^。;]*?(?:将|要)[^。;]*?\d"
                           r"|(?:力争|争取)(?:在|于)?\s*(?:到|至)\s*(\d{4})\s*年(?:底|末)?[,，][^。;]*?\d")
#: A plan's name with its period, anywhere in the opening (…战略纲要(2011~2020年)…).
PLAN_NAME_RANGE = re.compile(r"(?:规划|方案|纲要|计划|意见)》?\s*[(（]\s*(\d{4})\s*年?\s*[—–\-~～至到]+\s*(\d{4})\s*年?\s*[)）]")
#: The 《document》 a text is about: named with (以下简称《规划》) or as the subject of 印发/发布 (a news report of it).
SUBJECT_TITLE = re.compile(r"《([^》]{2,60})》\s*(?:[(（]\s*(?:以下简称|下称|简称)|(?:日前|近日|近期|正式|已)*(?:印发|发布|出台|公布))")
EFFORT = re.compile(r"(?:经过|通过|用|利用|力争用)\s*(\d+|[一二两三四五六七八九十])\s*年(?:左右)?(?:的|时间)?(?:努力|时间|奋斗)")

#: Comparator / trigger words the unit parser puts into the span ("pre"), and which of them
#: state a bound (kept in value_text) rather than plain "reach".
PRE_WORDS = ("累计达到", "累计达", "累计至", "增加至", "增加到", "不低于", "不少于", "达到", "突破", "超过", "至少", "达", "超", "破", "约")
POINT_PRE = ("累计达到", "累计达", "累计至", "增加至", "增加到", "达到", "达")
TRIGGER_BEFORE = re.compile(
    r"(达到|达|突破|(?<!打)破|超过|超|不低于|不少于|至少|增加至|增加到|增加|增长|提高到|提高至|提高|提升至|提升到|提升|"
    r"保持在|稳定在|控制在|累计|新增|力争|确保|实现|为)\s*$")

#: A unit character followed by one of these characters is part of a word, not a unit.
UNIT_STOP = {
    "分": "辨析类级中支别配钟期局院会站所队享担散布",
    "人": "才民员口工类格文",
    "家": "庭居电族乡园长属",
    "户": "籍口外型",
    "单": "位独项一元品个体据价纯列身次",
    "场": "所景地馆景域",
    "期": "间限刊待望盼",
    "项": "目",
    "名": "单录称牌片义额",
    "个": "人体性案",
    "次": "数级序生",
    "所": "有以属在得谓",
    "件": "事",
}

TASK_NOUNS = re.compile(r"^[\u4e00-\u9fff]{0,3}?(任务|工作|措施|举措|方面|原则|环节|步骤|部分|章节|条款|领域|板块|阶段|特征|特点)"
                        r"(?!人员|人|者|站|室|组|机构|经费|队伍|专班|机制|体系|平台|日)")
#: 等10项约束性指标, 5个方面的指标: a count of indicators, not a target.
INDICATOR_COUNT = re.compile(r"^[\u4e00-\u9fff]{0,6}?(指标|目标)(?![\u4e00-\u9fff]*(达到|达|突破|为))")
HEAD_VERBS = ("提出", "明确", "力争", "确保", "努力", "全市", "全区", "全省", "全县", "全州", "全旗", "我市", "我区", "我省", "本市", "本区",
              "其中", "并", "且", "和", "及", "与", "以及", "、", "初步", "累计", "进一步", "持续", "逐步", "争取", "要",
              "将", "同时", "另外", "此外", "共", "合计", "实现", "完成", "拥有", "获得", "培育", "培养", "开展", "形成",
              "扶持", "挖掘", "建设", "建成", "举办", "召开", "设立", "成立", "引进", "引导", "支持", "打造", "组织",
              "认定", "推动", "推进", "实施", "新建", "创建", "发展", "提升", "提高", "加强", "加快", "每年", "年内",
              "达到", "达", "目前", "现有", "当前", "截至目前", "截至", "全年", "本年度", "年度")
TAIL_WORDS = ("已经达到", "已达到", "已达", "已经", "已", "分别达到", "分别达", "分别为", "分别突破", "分别超过", "分别", "累计达到", "累计达", "累计至", "累计",
              "要达到", "达到", "达", "为", "要", "将", "增加至", "增加到", "增加", "新增", "提高到", "提高至", "提高",
              "提升至", "提升到", "提升", "增长", "突破", "超过", "超", "不低于", "不少于", "至少", "保持在", "稳定在",
              "控制在", "约", "接近", "以上", "年均", "争取", "力争", "确保", "实现", "总计", "合计", "共计", "共",
              "压缩至", "压缩到", "缩短至", "缩短到", "降低至", "降低到", "降至", "减少到", "减少至", "不超过", "不高于", "低于",
              "最高不", "不")
VERB_END = re.compile(
    r"(培育|培养|开展|形成|扶持|挖掘|建设|建成|举办|召开|设立|成立|引进|引导支持|引导|支持|打造|组织|认定|新建|创建|"
    r"配备|覆盖|明确|完成|获得|实施|选育|服务|发布|评选|遴选|扶植|建立|布局|资助|奖励|入选|新增|储备|招引|"
    r"引育|聚集|集聚|孵化|帮助|指导|培训|帮扶|推荐|申报|争创|创成|落地|转化|孵育)$")
HISTORY_HEADING = REVIEW_HEADING
TARGET_HEADING = re.compile(r"目标|指标")
PAST_CLAUSE = re.compile(rf"((?:截至|截止到|截止)(?!\s*\d{{4}}\s*年)|今年以来|年初以来|上半年|前[一二三]季度|\d{{1,2}}\s*[-—~至]\s*\d{{1,2}}\s*月份?|{DONE_WORDS}|现有|目前|当前|共有|"
                         r"实现了|增长了|提高了|达到了|增加了|取得了|获得了|完成了|被评为|获评|入选了)")
#: A reported year: 去年全市商标注册3.2万件, 同比增长12% is history, not a target.
LAST_YEAR = re.compile(r"同比|(?<![较比])(去年|上年|上一年|前一年)")  # not 较上年增长 (a growth target)
FROM_TO = re.compile(r"[从由][^,，。；;]{0,30}?(增加|增长|提高|提升|上升|扩大|发展|跃升|攀升)(?:到|至)")
#: Words of a future (a plan's): not 计划 as a noun (实施计划、, 专项计划投入: a programme that spent money).
FUTURE_WORDS = re.compile(r"力争|确保|(?<!实施)(?<!专项)(?<!工作)(?<!推进)(?<!行动)(?<!按)计划(?![、,;》”\"]|投入|资金|项目|书)|预计|目标|预期|"
                          r"要达到|将达到|将突破|争取(?:到\d{4}年)?|规划|到\d{4}年(?!\s*\d{1,2}\s*月份?的)|(?<![截止])至\d{4}年(?!\s*\d{1,2}\s*月份?的)|"
                          r"到[“\"]?(?:十[一二三四五]五|第十[一二三四五]个五年)")
#: A goal named by a quoted slogan with no number (确立的“争创国家知识产权强市”目标): no future word of its own.
#: A goal a stated value is measured against (超过国家“十二五”规划目标的2倍, 是…目标的1.5倍): no future word of the text.
COMPARED_GOAL = re.compile(r"(?:超过|超出|高出|高于|是|为|达)[^。;,，]{0,30}?(?:规划)?目标(?:任务|值)?的\s*[\d.]+\s*倍")
QUOTED_GOAL = re.compile(r"[“\"][^”\"\d]{1,30}[”\"]\s*目标")
#: Words of a text that reports figures (获悉, 据统计, 截至, 同比, 累计): with no future word at all, a text
#: without a date is a report too.
REPORT_CUES = re.compile(r"获悉|据悉|据了解|据介绍|据统计|据[^,。;]{1,20}?统计数据|[(（]记者|昨天|昨日|数据显示|调研显示|统计显示|截至|截止|同比|累计|已经|已达")
#: A value reported as reached against a target (提前2年完成…目标, 提前超额完成…目标任务): the values around it
#: are achieved (history); not 力争/确保 提前完成 (a goal).
ATTAINED = re.compile(r"(?<!力争)(?<!确保)(?<!争取)(?<![要将])(?:提前|超额)[\u4e00-\u9fff\d]{0,6}?完成[^。;]{0,40}?目标")
#: A value named as the target itself (达到5万件的目标, 7000件的目标任务).
TARGET_OF = re.compile(r"^\s*的?(?:目标|预期目标|目标任务)")
#: This year of the text (今年, 全年, 年内: not 今年以来/今年上半年/今年1-10月, which report it) and next year (明年).
THIS_YEAR = re.compile(r"(?:今年|全年|年内|本年度|(?:到|至)年底|年底前)(?!以来|上半年|前|[一二三]季度|\s*\d|[一二三四五六七八九十]+月)")
#: Within N years of a dated text (力争三年内, 计划用2年时间): the text's year + N.
WITHIN_YEARS = re.compile(r"(?:力争|争取|计划|预计|将)(?:在|用)?(\d|[一二两三四五六七八九十])\s*年(?:内|时间)|未来\s*(\d|[一二两三四五六七八九十])\s*年")
NEXT_YEAR = re.compile(r"明年")
#: A part of the text's year that a report states figures for (今年以来, 上半年, 前三季度, 1-8月): it dates every
#: ;-part of its sentence, not only the clause it opens.
PART_YEAR = re.compile(r"今年以来|年初以来|上半年|前[一二三]季度|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月份?")
#: Words that put a statement in the future or make it an obligation (a target's cue in its own sentence).
FUTURE_CUE = re.compile(r"力争|确保|争取|要|将|应|须|预计|计划|目标|预期|规划|每年|到\d{4}年|至\d{4}年")
#: A 'by' date (到2025年, 至2025年 — not 截至/截止到): a target year that scopes the rest of its paragraph.
BY_YEAR = re.compile(r"(?<![截止])(?:到|至)\s*(\d{4})\s*年(?!\s*\d{1,2}\s*月份?的)")
#: A per-10,000-residents indicator: 每万人口…, or a name opening with 万人 (万人有效发明专利拥有量).
PER_10K = re.compile(r"每万人|^万人(?!次)")
#: A count of patent or trademark filings, grants or registrations (申请量/授权量/注册量, or 申请发明专利 with the
#: verb first): in a plan with a
#: horizon, a yearly flow.  Not 登记量: copyright registrations (版权登记量达到3290件) are read as ``level`` in
#: data/targets.csv (OR-07) and by the fixtures' labellers (QZ-04, HB-06).
FLOW_COUNT = re.compile(r"(申请|授权|注册)量$|^(?:申请|申报|获得授权|授权)(?:发明|国际|PCT)?专利$")  # also the verb first: 申请发明专利达到N件
#: A yearly count or amount of filings, registrations or trades (申请, 登记量, 认定登记额, 交易额); a yearly flow when
#: the text gives it a series of milestones (2025年达到A,2028年达到B), see :data:`MILESTONE`.
#: An amount that a year produces (融资额, 成交额, 交易金额, 融资额度, 工业总产值, 生产总值, 营业收入); not 余额 (a balance).
AMOUNT_FLOW = re.compile(r"(?<!余)(?:额度?|产值|总值|收入|投入)$")  # names are read from the normalised (simplified) text
FLOW_SERIES = re.compile(r"(申请|申请量|登记量|登记额|交易额|成交额)$")
#: A milestone: a year directly followed by its value (2025年达到6000件).
MILESTONE = re.compile(r"\d{4}\s*年(?:底|末)?\s*(?:达到|达|突破|超过)")
COUNT_UNITS = ("件", "家", "个", "项", "人", "名", "人次", "场", "次", "期", "所", "户", "单")
QUALITATIVE = re.compile(r"(高于|不低于|优于|好于)(全国|全省|全市|全区|自治区|省|市|同期|同类城市)?的?平均水平")
STRIVE = re.compile(r"力争|争取")
