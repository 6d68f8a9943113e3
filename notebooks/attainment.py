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
# # Are the targets on track?
#
# **Question.** Given observed values after the baseline year (parameter `observations`, a CSV with a
# cited source per row) up to a date (`as_of`), how far has each target of a document (`doc_id`) come?
#
# **Method.** Three standard readings, side by side (`ipanalysis.attainment`):
# 1. **序时进度** ("时间过半、任务过半"): the share of the baseline→target distance covered, against the
#    share of the plan period elapsed (±5 points = on schedule).
# 2. **Open SDG / Statistics Canada progress measure**: ratio of the observed CAGR to the CAGR required;
#    ≥ 0.95 substantial, 0.6–0.95 moderate, 0–0.6 limited, < 0 deterioration (Eurostat-inspired
#    thresholds; https://open-sdg.readthedocs.io/en/latest/progress-methodology/).
# 3. **UNSD SDG Progress Chart 2023**: the value projected to the target year at the observed pace,
#    as a share of the required change; ≥ 0.95 on track, 0.10–0.95 fair progress, < 0.10 limited,
#    < 0 regression (UN Statistics Division, *SDG Progress Chart 2023, Technical Note*).
#
# Comparators are read as written (以上/不低于 met at the value, 突破/超过 only above it).

# %% tags=["parameters"]
observations = "data/examples/illustrative_observations.csv"  # a CSV: absolute, or relative to the working directory or the repository
as_of = "2023"
doc_id = "ordos_2022"

# %%
# Check the parameters before anything else: one ValueError naming the bad value and the valid ones.
import ipanalysis as ip

checked = ip.check_parameters(doc_id=doc_id, as_of=as_of, observations=observations)
doc_id, as_of, observations = checked["doc_id"], checked["as_of"], checked["observations"]

# %%
import ipanalysis as ip
from ipanalysis import charts
from ipanalysis.display import setup_notebook

setup_notebook()
obs = ip.load_observations(observations)
att = ip.attainment(obs, as_of=as_of, doc_id=doc_id)
assessed = att[att["schedule_status"] != "no data"]
if obs["illustrative"].any():
    print("ILLUSTRATIVE DATA — the observations are INVENTED to demonstrate the method. Do not cite them.")
print(f"{len(att)} targets; {len(assessed)} with an observation up to {as_of}.")

# %% [markdown]
# ## Progress against the time elapsed (序时进度)

# %%
if len(assessed):
    fig = charts.attainment_chart(att)
else:
    print(f"No target of {doc_id} has an observation up to {as_of}: nothing to chart (see the list below).")

# %% [markdown]
# ## Status by each method

# %%
assessed[["target_id", "indicator_zh", "comparator", "baseline_value", "target_value", "obs_year", "obs_value",
          "progress_ratio", "elapsed_share", "schedule_status", "cagr_ratio", "opensdg_status",
          "projected_ratio", "unsd_status"]]

# %% [markdown]
# ## Targets without data
# No observation up to `as_of`: shown, never dropped.

# %%
att[att["schedule_status"] == "no data"][["target_id", "indicator_zh", "measure", "target_value", "target_year"]]

# %% [markdown]
# ## Sources of the observations used

# %%
assessed[["target_id", "obs_year", "obs_source"]].drop_duplicates()

# %% [markdown]
# **What it shows.** The three methods agree on direction but not on wording: a target that is behind
# 序时进度 can still be "fair progress" under the UNSD projection when growth compounds. With the
# default (invented) observations, the chart only demonstrates how to read the methods; point
# `observations` at a file of real, cited values (`data/observations.csv` format) for a real reading.
