# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["lang-en"]
# # Are the targets on track?
#
# **Question.** Against the cited observations of the document's own place (by default the project's table
# of observations, or a file of new figures given as a parameter) up to a date (by default the latest
# observation), how far has each target of a document come?
#
# **Method.** Three standard readings, side by side:
# 1. **序时进度** ("时间过半、任务过半"): the share of the baseline→target distance covered, against the
#    share the plan's own path has covered by that date (compound for growth and CAGR targets, straight
#    for totals counted from zero; ±5 points = on schedule); the classic straight-line time share beside it.
# 2. **Open SDG / Statistics Canada progress measure**: ratio of the observed CAGR since the baseline to
#    the CAGR required; ≥ 0.95 substantial, 0.6–0.95 moderate, 0–0.6 limited, < 0 deterioration
#    (Eurostat-inspired thresholds; https://open-sdg.readthedocs.io/en/latest/progress-methodology/); less
#    than a year after the baseline it is too early to judge. Where the ratio is something else (a stated
#    year-on-year rate, a pace counted from zero) the column "Ratio of" says so.
# 3. **UNSD SDG Progress Chart 2023**: the value projected to the target year at the observed pace,
#    as a share of the required change; ≥ 0.95 on track, 0.10–0.95 fair progress, < 0.10 limited,
#    < 0 regression (UN Statistics Division, *SDG Progress Chart 2023, Technical Note*).
#
# A flow observed over part of a year is annualised (by its days; by a seasonal share where the file has
# one) and counted as its calendar year; where another convention (its end date, the seasonal share) gives
# another band, the verdict is borderline and names both. A growth-rate target is judged on observed
# growth, never on a level; once the target year is observed the verdict is met or missed; a target with
# an observation but no baseline shows only its distance to target. Each verdict's arithmetic, in English
# and Chinese, is under "The arithmetic of each verdict".

# %% [markdown] tags=["lang-zh"]
# # 各项目标进展如何？
#
# **评估问题。** 以本地区公开发布、可查证来源的观测数据为依据（默认采用本项目的观测数据表，也可另行提供新数据文件），
# 截至评估时点（默认为最新一期观测数据），规划文件中的各项量化目标完成得怎样？
#
# **评估方法。** 并列给出三种通行的评估读数：
# 1. **序时进度**（“时间过半、任务过半”）：从基期值到目标值之间的差距已完成多少，与按规划自身路径此时应完成的比例
#    相对照（增长率目标和按年均增长测算的目标按复合增长路径，自零起算的累计目标按直线路径；相差不超过5个百分点即
#    视为基本符合序时进度）；同时列出传统的直线时间进度，以资对照。
# 2. **Open SDG／加拿大统计局进展测度**：基期以来实际年均增速与完成目标所需年均增速之比；比值≥0.95为进展明显，
#    0.6—0.95为进展一般，0—0.6为进展有限，<0为出现倒退（阈值参照欧盟统计局做法；
#    https://open-sdg.readthedocs.io/en/latest/progress-methodology/ ）。距基期不足一年的，为时尚早，不予评定。
#    比值另有所指的（如公布的同比增速、自零起算的累计进度），“比值口径”一栏予以注明。
# 3. **联合国统计司《2023年可持续发展目标进展图》**：按当前速度推算至目标年的数值，占所需变化量的比例；
#    ≥0.95为有望按期实现，0.10—0.95为有一定进展、需加快，<0.10为进展有限或停滞，<0为趋势倒退
#    （UN Statistics Division, *SDG Progress Chart 2023, Technical Note*）。
#
# 年内部分时段的流量数据按天数年化（数据中有同期季节占比的，按季节占比年化），并计入所属年度；若改用其他口径
# （按截止日期计、按季节占比计）会得出不同等级，则结论标为“临界”，并列明两个等级。增长率目标只按实际增速评定，
# 不以水平值评定；目标年数据公布后，结论为“目标年已达标”或“目标年未达标”；有观测值而无基期值的目标，只列示距目标的
# 差距。每项结论的计算过程见“各项结论的计算过程”一节。

# %% tags=["parameters"]
observations = None  # None: the cited data/observations.csv; or a path (absolute, or from the repository root)
as_of = None  # None: the latest observation; or "YYYY" / "YYYY-MM-DD"
doc_id = "ordos_2022"
lang = "en"  # "en" or "zh": the language of the page

# %%
# Check the parameters before anything else: one error naming the bad value and the valid ones.
import ipanalysis as ip

checked = ip.check_parameters(doc_id=doc_id, as_of=as_of, observations=observations, lang=lang)
doc_id, as_of, observations = checked["doc_id"], checked["as_of"], checked["observations"]

# %%
from ipanalysis.present import charts
from ipanalysis.present.display import readable, setup_notebook
from ipanalysis.present.findings import caption
from ipanalysis.present.worked import with_working_zh, working_columns

obs = ip.load_observations(observations)
setup_notebook()

# %%
att = ip.attainment(obs, as_of=as_of, doc_id=doc_id)
judged = att[att["obs_value"].notna()]
ip.doc_header(doc_id, data=att, lang=lang)

# %% [markdown] tags=["lang-en"]
# ## Progress against the time elapsed (序时进度)

# %% [markdown] tags=["lang-zh"]
# ## 序时进度

# %%
if judged["progress_ratio"].notna().any() or judged["share_of_target"].notna().any():
    chart = charts.attainment_chart(att, lang=lang)
else:  # nothing to set against the time elapsed: every target, what it promises and what is known
    chart = charts.target_timeline(att, lang=lang)
charts.show(chart)

# %% [markdown] tags=["lang-en"]
# ## What was observed, and the verdict

# %% [markdown] tags=["lang-zh"]
# ## 观测值与评估结论

# %%
readable(judged, ["target_id", "indicator_zh", "baseline_value", "baseline_date", "target_value", "target_year",
                  "obs_value", "obs_period_start", "obs_period_end", "annualised_value", "status", "flags"],
         caption=caption("observed", lang), lang=lang, anchors=True)

# %% [markdown] tags=["lang-en"]
# ## The three readings

# %% [markdown] tags=["lang-zh"]
# ## 三种评估读数

# %%
readable(judged, ["target_id", "progress_ratio", "expected_share", "elapsed_share", "schedule_status", "years_elapsed",
                  "actual_cagr", "required_cagr", "cagr_ratio", "reading", "opensdg_status", "projected_ratio",
                  "unsd_status", "comment"], lang=lang)

# %% [markdown] tags=["lang-en"]
# ## The arithmetic of each verdict
# Every number needed to redo the verdict by hand: baseline, observation, annualisation, years, growth
# observed and required, ratio, thresholds, band; then the other readings where a convention changes it.

# %% [markdown] tags=["lang-zh"]
# ## 各项结论的计算过程
# 逐项列出复核结论所需的全部数字：基期值、观测值、年化方法、已过年数、实际与所需年均增速、比值、阈值和等级；
# 口径约定改变结论的，一并列出其他口径下的结果。

# %%
readable(with_working_zh(judged[judged["working"] != ""]), working_columns(lang), lang=lang)

# %% [markdown] tags=["lang-en"]
# ## Targets without a verdict
# No observation of the document's own place up to the date of the page, or none that can show progress:
# shown, never dropped.

# %% [markdown] tags=["lang-zh"]
# ## 暂无结论的目标
# 截至本页评估时点尚无本地区观测值，或已有观测值但无法反映进展的目标，一并列示，不予剔除。

# %%
readable(att[att["obs_value"].isna()], ["target_id", "indicator_zh", "measure", "target_value", "target_year", "status",
                                        "comment"], lang=lang, anchors=True)

# %% [markdown] tags=["lang-en"]
# ## Sources of the observations used

# %% [markdown] tags=["lang-zh"]
# ## 所用观测数据的来源

# %%
readable(judged, ["target_id", ("obs_period_end", "date"), "obs_source", "obs_url"], lang=lang)

# %%
ip.attainment_findings(att, doc_id, lang=lang)
