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
# # How ambitious are the cities? Targets side by side
#
# **Question.** Four local documents (Guiyang 2022, Fuzhou Cangshan 2013, Nanchang 2021, Ordos 2022)
# set quantified intellectual-property targets. Where two of them target the same indicator, how do
# the numbers compare — and how much of the national 2015 demonstration-city work plan do the local
# plans take up?
#
# **Method.** Every target is mapped to one indicator of the project's catalogue, with a base unit and a
# measure (stock, annual flow, cumulative over the plan, share, intensity, score, growth rate).
# Targets are put in one cell of the matrix only when indicator, measure *and* unit agree; different
# measures of one concept (e.g. pledge financing as an annual amount in Nanchang, a plan-period total in
# Guiyang, a level in Ordos) stay in separate rows. A national task counts as taken up when one of its
# keywords is found in a sentence that commits the local plan to future work (not its issuing notice or
# title, not a review of past achievements, not a definition note), shown with the evidence sentence.

# %% [markdown] tags=["lang-zh"]
# # 各地目标力度如何？目标横向比较
#
# **比较问题。** 四份地方文件（贵阳2022、福州仓山2013、南昌2021、鄂尔多斯2022）均设定了知识产权量化目标。
# 两地针对同一指标设定目标时，目标值孰高孰低？各地规划对2015年国家知识产权示范城市工作计划的任务承接了多少？
#
# **比较方法。** 每项目标对应本项目指标目录中的一个指标，统一计量单位，并区分指标类型（存量、年度流量、规划期内累计、
# 占比、强度、得分、增长率）。只有指标、类型和单位三者一致的目标才放入比较矩阵的同一单元格；同一概念的不同口径
# 分行列示（如知识产权质押融资金额：南昌为年度金额，贵阳为规划期内累计，鄂尔多斯为目标年水平）。国家任务的承接
# 以关键词判断：地方规划中对今后工作作出部署的语句含有该任务关键词的，视为已承接（印发通知、标题、对以往成绩的
# 回顾和名词解释不计），并列出依据原文。

# %% tags=["parameters"]
min_docs = 2
lang = "en"  # "en" or "zh": the language of the page

# %%
# Check the parameters before anything else: one error naming the bad value and the valid ones.
import ipanalysis as ip

min_docs = ip.check_parameters(min_docs=min_docs, lang=lang)["min_docs"]

# %%
from ipanalysis.present import charts
from ipanalysis.present.display import readable, setup_notebook
from ipanalysis.present.findings import caption, compare_summary
from ipanalysis.present.notes import note_cells

setup_notebook()
long = ip.compare()
compare_summary(long, min_docs=min_docs, lang=lang)

# %% [markdown] tags=["lang-en"]
# ## The harmonised matrix
# Target values in base units (yuan, 件, 家, 件/万人 …), for indicators targeted by at least the number of
# documents the page asks for (two by default). A blank cell means the document sets no target for that
# indicator *in that measure*.

# %% [markdown] tags=["lang-zh"]
# ## 统一口径的比较矩阵
# 目标值统一换算为基本单位（元、件、家、件/万人等），只列出至少有本页所设文件数（默认2份）设定目标的指标。
# 空格表示该文件未就该指标设定*该口径*的目标。

# %%
places = {d: (f"{r['place_zh']} {r['place_en']}" if lang == "zh" else f"{r['place_en']} {r['place_zh']}")
          for d, r in ip.documents().set_index("doc_id").iterrows()}
ip.display.matrix_table(ip.compare_matrix(long, min_docs=min_docs), columns=places, lang=lang)

# %% [markdown] tags=["lang-en"]
# Target years differ (Cangshan aimed at 2015, the others at 2025), so a larger number is not
# automatically more ambitious:

# %% [markdown] tags=["lang-zh"]
# 各文件目标年份不同（仓山为2015年，其余为2025年），目标值大并不等于力度大：

# %%
ip.display.matrix_table(ip.compare_matrix(long, min_docs=min_docs, what="target_year"), kind="int", columns=places,
                        lang=lang)

# %%
charts.show(charts.ambition_chart(long, min_docs=min_docs, lang=lang))

# %% [markdown] tags=["lang-en"]
# ## Per 10,000 residents
# Cities differ in size, so count targets are also shown per 10,000 residents (常住人口), using the cited
# population nearest to each plan's base year. A stock per head is still not a flow per head: measures
# stay apart.

# %% [markdown] tags=["lang-zh"]
# ## 按每万常住人口折算
# 各市人口规模不同，因此计数类目标另按每万常住人口折算，人口取与各规划基年最接近的公开引用数据。
# 人均存量仍不同于人均流量，不同口径不作混合比较。

# %%
per = ip.targets_per_10k()
shared = per[per["target_id"].isin(long.loc[long["n_docs"] >= min_docs, "target_id"])]
readable(shared, ["target_id", "indicator", "measure", "value", "population", "population_year", "per_10k"],
         caption=caption("population", lang), lang=lang)

# %% [markdown] tags=["lang-en"]
# ## Pledge financing: the same words, three different measures

# %% [markdown] tags=["lang-zh"]
# ## 知识产权质押融资：字面相同，口径各异

# %%
readable(long.query("indicator == 'ip_pledge_financing'"),
         ["place_en", "measure", "value", "comparator", "target_year", "target_id"], lang=lang)

# %% [markdown] tags=["lang-en"]
# ## Coverage of the national 2015 demonstration-city tasks
# For each of the nine tasks of the national plan, is there a sentence in the local plan that commits to it?

# %% [markdown] tags=["lang-zh"]
# ## 对2015年国家知识产权示范城市工作任务的承接
# 国家计划的九项任务，地方规划中是否有语句对其作出部署？

# %%
cov = ip.national_coverage()
ip.display.matrix_table(cov.pivot_table(index=["task_no", "task_en"], columns="doc_id", values="addressed",
                                        aggfunc="max"), kind="bool", columns=places, lang=lang)

# %%
charts.show(charts.coverage_heatmap(cov, lang=lang))

# %%
scores = ip.coverage_scores(cov)
scores["note"] = note_cells(scores, "note", lang)   # the note in the page's words
ip.display.matrix_table(scores.set_index(["doc_id", "note"])[["score"]], kind="pct", lang=lang)

# %% [markdown] tags=["lang-en"]
# The evidence behind each "yes" (the first commitment holding a keyword), and the sentences holding a
# keyword that were not counted:

# %% [markdown] tags=["lang-zh"]
# 各项“已承接”的依据（首个含关键词的部署语句），以及含关键词但未计入的语句：

# %%
from ipanalysis.present.display import quote_table

quote_table(cov[cov["addressed"]], ["doc_id", "task_no", "keyword", "evidence", "section", "not_counted"], lang=lang)

# %% [markdown] tags=["lang-en"]
# Keyword evidence is a first screen, not a judgement: a commitment that mentions 质押融资 takes up the
# finance task in words, but only the targets above show how far. Read the evidence column before citing
# a "yes".

# %% [markdown] tags=["lang-zh"]
# 关键词只是初筛，不是结论：部署语句提到“质押融资”，只说明文字上承接了金融任务，力度如何还要看上文的量化目标。
# 引用“已承接”之前，请先核读依据原文一栏。

# %%
ip.compare_findings(long, per, min_docs=min_docs, coverage=cov, lang=lang)
