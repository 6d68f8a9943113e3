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
# # What growth do the targets require?
#
# **Question.** For one document: from the baseline the document states to the target it sets, how fast
# must each indicator grow — and how does that compare with the growth the document reports for the past?
#
# **Method.** Required compound annual growth rate, CAGR = (target / baseline)^(1 / years) − 1, and the
# linear annual increase, for every level target with a baseline: the one the document states, or else
# the cited observation of the same place nearest to the plan's base date (within a year; a stock, or a
# whole-year flow).
# Growth-rate targets (年均增长15%) keep their rate; plan-period totals (累计) are shown as the
# annual average they imply; shares, scores and qualitative targets are not projected.
# Where the document gives a history, the historical CAGR is carried forward ("what past growth would
# give").

# %% [markdown] tags=["lang-zh"]
# # 实现目标需要多快的增长？
#
# **测算问题。** 就一份规划文件而言：从文件所述的基期值到其设定的目标值，各项指标年均需增长多少？与文件所述的
# 历史增速相比是快是慢？
#
# **测算方法。** 对每项有基期值的水平类目标，测算所需年均增长率（复合增长率，CAGR＝（目标值÷基期值）^（1÷年数）−1）
# 和年均增量（直线测算）。基期值优先采用文件所述数值；文件未载明的，采用同一地区距规划基期最近（一年以内）的
# 公开引用观测值（存量，或全年流量）。
# 增长率目标（如“年均增长15%”）直接沿用其增速；规划期内累计目标折算为年均水平列示；占比、得分和定性目标
# 不作测算。
# 文件载有历史数据的，按历史年均增速外推，对照“若保持以往增速将达到的水平”。

# %% tags=["parameters"]
doc_id = "ordos_2022"
method = "compound"
lang = "en"  # "en" or "zh": the language of the page

# %%
# Check the parameters before anything else: one error naming the bad value and the valid ones.
import ipanalysis as ip

checked = ip.check_parameters(doc_id=doc_id, method=method, lang=lang)
doc_id, method = checked["doc_id"], checked["method"]

# %%
from ipanalysis.present import charts
from ipanalysis.present.display import readable, setup_notebook
from ipanalysis.present.findings import caption, history_note

setup_notebook()

# %%
tr = ip.trajectories(doc_id)
hist = ip.historical_growth(doc_id)
ip.doc_header(doc_id, lang=lang)

# %% [markdown] tags=["lang-en"]
# ## Targets with a baseline: the growth they require

# %% [markdown] tags=["lang-zh"]
# ## 有基期值的目标：所需增速

# %%
ok = tr[tr["computable"]]
if len(ok):
    chart = charts.required_growth_chart(tr, hist, lang=lang)
else:  # no baseline to grow from: every target, what it promises and what is known
    chart = charts.target_timeline(ip.attainment(doc_id=doc_id), lang=lang)
charts.show(chart)

# %%
readable(ok, ["target_id", "indicator_zh", "measure", "basis", "baseline_value", "baseline_date", "baseline_kind", "target_value",
              "target_level", "target_year", "required_cagr", "required_linear_increase"],
         caption=caption("baseline_from", lang), lang=lang)

# %% [markdown] tags=["lang-en"]
# ## Year by year: history, plan path, and what past growth would give
# One chart per projectable target that the document also gives a history for; the plan path runs from the
# baseline to the target by the path method of the page (compound or linear).

# %% [markdown] tags=["lang-zh"]
# ## 逐年对照：历史数据、规划路径与按以往增速外推
# 可测算且文件载有历史数据的目标，每项一图；规划路径按本页选定的方法（复合增长或直线）由基期值推至目标值。

# %%
shown = 0
for tid in ok["target_id"]:
    path = ip.trajectory(tid, method=method)
    if (path["series"] == "history").any():
        display(charts.show(charts.trajectory_chart(path, tr.set_index("target_id").loc[tid], lang=lang)))
        shown += 1
history_note(shown, lang)

# %% [markdown] tags=["lang-en"]
# The plan paths as a table, one column per target (values in the target's unit):

# %% [markdown] tags=["lang-zh"]
# 各目标的规划路径（每项目标一列，数值采用目标本身的单位）：

# %%
paths = ip.plan_paths(doc_id, method=method)
ip.display.wide_values(paths, tr.set_index("target_id")["level_unit"], index_header="year", lang=lang)

# %% [markdown] tags=["lang-en"]
# ## Baselines taken from observations: sources

# %% [markdown] tags=["lang-zh"]
# ## 取自观测数据的基期值：来源

# %%
readable(tr[tr["baseline_kind"] == "observed"], ["target_id", ("baseline_date", "date"), "baseline_source"], lang=lang)

# %% [markdown] tags=["lang-en"]
# ## Targets that cannot be projected, and why

# %% [markdown] tags=["lang-zh"]
# ## 无法测算的目标及原因

# %%
readable(tr[~tr["computable"]], ["target_id", "indicator_zh", "measure", "basis", "comparator", "target_value",
                                  "target_year", "implied_annual_average", "reason"], lang=lang)

# %%
ip.trajectory_findings(tr, hist, doc_id, lang=lang)
