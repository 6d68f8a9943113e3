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

# %% [markdown]
# # What growth do the targets require?
#
# **Question.** For one document (parameter `doc_id`): from the baseline the document states to the
# target it sets, how fast must each indicator grow — and how does that compare with the growth the
# document reports for the past?
#
# **Method.** Required compound annual growth rate, CAGR = (target / baseline)^(1 / years) − 1, and the
# linear annual increase, for every level target with a baseline (`ipanalysis.trajectories`): the one the
# document states, or else the cited observation of the same place nearest to the plan's base date
# (within a year; a stock, or a whole-year flow).
# Growth-rate targets (年均增长15%) keep their rate; plan-period totals (累计) are shown as the
# annual average they imply; shares, scores and qualitative targets are not projected.
# Where the document gives a history, the historical CAGR is carried forward ("what past growth would
# give", `ipanalysis.trajectory`).

# %% tags=["parameters"]
doc_id = "ordos_2022"
method = "compound"
lang = "en"  # "en" or "zh": the language of the page

# %%
# Check the parameters before anything else: one error naming the bad value and the valid ones.
import ipanalysis as ip

checked = ip.check_parameters(doc_id=doc_id, method=method)
doc_id, method = checked["doc_id"], checked["method"]

# %%
from ipanalysis.present import charts
from ipanalysis.present.display import readable, setup_notebook

setup_notebook()

# %%
tr = ip.trajectories(doc_id)
hist = ip.historical_growth(doc_id)
ip.doc_header(doc_id)

# %% [markdown]
# ## Targets with a baseline: the growth they require

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
         caption="Baseline from: stated = the document; observed = a cited observation (URL in the sources table).")

# %% [markdown]
# ## Year by year: history, plan path, and what past growth would give
# One chart per projectable target that the document also gives a history for; the plan path is the
# `method` path (compound or linear) from the baseline to the target.

# %%
shown = 0
for tid in ok["target_id"]:
    path = ip.trajectory(tid, method=method)
    if (path["series"] == "history").any():
        display(charts.show(charts.trajectory_chart(path, tr.set_index("target_id").loc[tid], lang=lang)))
        shown += 1
ip.Prose(f"{shown} target(s) with a stated history." if shown else
         "No year-by-year chart: the document states no history for the indicators of its projectable targets.")

# %% [markdown]
# The plan paths as a table, one column per target (values in the target's unit):

# %%
paths = ip.plan_paths(doc_id, method=method)
ip.display.wide_values(paths, tr.set_index("target_id")["level_unit"], index_header="Year 年份")

# %% [markdown]
# ## Baselines taken from observations: sources

# %%
readable(tr[tr["baseline_kind"] == "observed"], ["target_id", ("baseline_date", "Date 日期"), "baseline_source"])

# %% [markdown]
# ## Targets that cannot be projected, and why

# %%
readable(tr[~tr["computable"]], ["target_id", "indicator_zh", "measure", "basis", "comparator", "target_value",
                                  "target_year", "implied_annual_average", "reason"])

# %%
ip.trajectory_findings(tr, hist, doc_id)
