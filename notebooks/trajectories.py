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
# linear annual increase, for every level target with a stated baseline (`ipanalysis.trajectories`).
# Growth-rate targets (年均增长15%) keep their rate; plan-period totals (累计) are shown as the
# annual average they imply; shares, scores and qualitative targets are not projected.
# Where the document gives a history (Ordos 2015→2020), the historical CAGR is carried forward
# ("what past growth would give", `ipanalysis.trajectory`).

# %% tags=["parameters"]
doc_id = "ordos_2022"
method = "compound"

# %%
# Check the parameters before anything else: one ValueError naming the bad value and the valid ones.
import ipanalysis as ip

checked = ip.check_parameters(doc_id=doc_id, method=method)
doc_id, method = checked["doc_id"], checked["method"]

# %%
import ipanalysis as ip
from ipanalysis import charts
from ipanalysis.display import setup_notebook

setup_notebook()
doc = ip.documents().set_index("doc_id").loc[doc_id]
tr = ip.trajectories(doc_id)
print(f"{doc['title_zh']} — {doc['title_en']}")
print(f"{len(tr)} distinct targets; {int(tr['computable'].sum())} can be projected from a stated baseline.")

# %% [markdown]
# ## Targets with a baseline: the growth they require

# %%
tr[tr["computable"]][["target_id", "indicator_zh", "measure", "baseline_year", "baseline_value", "target_year",
                      "target_value", "target_level", "required_cagr", "required_linear_increase"]]

# %%
hist = ip.historical_growth(doc_id)
if tr["computable"].any():
    charts.required_growth_chart(tr, hist)
else:
    print("No target of this document has a stated baseline: nothing to project.")

# %% [markdown]
# ## Year by year: history, plan path, and what past growth would give
# One chart per projectable target that the document also gives a history for; the plan path is the
# `method` path (compound or linear) from the baseline to the target.

# %%
shown = 0
for tid in tr.loc[tr["computable"], "target_id"]:
    path = ip.trajectory(tid, method=method)
    if (path["series"] == "history").any():
        charts.trajectory_chart(path, tr.set_index("target_id").loc[tid])
        shown += 1
print(f"{shown} target(s) with a stated history." if shown else "No stated history for this document's targets.")

# %% [markdown]
# The same paths as a table (plan path only), one column per target:

# %%
ip.plan_paths(doc_id, method=method)

# %% [markdown]
# ## Targets that cannot be projected, and why

# %%
tr[~tr["computable"]][["target_id", "indicator_zh", "measure", "comparator", "target_value",
                       "implied_annual_average", "reason"]]

# %% [markdown]
# **What it shows.** For Ordos, the stated 15% a year for patent grants is well under the 38% a year
# the plan reports for 2015→2020: continuing past growth would overshoot the implied 2025 level
# several-fold, so the target is cautious rather than demanding. The table targets for copyright
# registrations (≈33% a year) and mediation cases (≈31%) are the steep ones. Documents without
# baselines (Guiyang, Nanchang, Cangshan, the national plan) can only be read as levels or period totals.
