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
# **Question.** Against the cited observations of the document's own place (parameter `observations`,
# default the project's `data/observations.csv`) up to a date (`as_of`, default: the latest
# observation), how far has each target of a document (`doc_id`) come?
#
# **Method.** Three standard readings, side by side (`ipanalysis.attainment`):
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

# %% tags=["parameters"]
observations = None  # None: the cited data/observations.csv; or a path (absolute, or from the repository root)
as_of = None  # None: the latest observation; or "YYYY" / "YYYY-MM-DD"
doc_id = "ordos_2022"
lang = "en"  # "en" or "zh": the language of the page

# %%
# Check the parameters before anything else: one error naming the bad value and the valid ones.
import ipanalysis as ip

checked = ip.check_parameters(doc_id=doc_id, as_of=as_of, observations=observations)
doc_id, as_of, observations = checked["doc_id"], checked["as_of"], checked["observations"]

# %%
from ipanalysis.present import charts
from ipanalysis.present.display import readable, setup_notebook
from ipanalysis.present.worked import with_working_zh

obs = ip.load_observations(observations)
setup_notebook()

# %%
att = ip.attainment(obs, as_of=as_of, doc_id=doc_id)
judged = att[att["obs_value"].notna()]
ip.doc_header(doc_id, data=att)

# %% [markdown]
# ## Progress against the time elapsed (序时进度)

# %%
if judged["progress_ratio"].notna().any() or judged["share_of_target"].notna().any():
    chart = charts.attainment_chart(att, lang=lang)
else:  # nothing to set against the time elapsed: every target, what it promises and what is known
    chart = charts.target_timeline(att, lang=lang)
charts.show(chart)

# %% [markdown]
# ## What was observed, and the verdict

# %%
readable(judged, ["target_id", "indicator_zh", "baseline_value", "baseline_date", "target_value", "target_year",
                  "obs_value", "obs_period_start", "obs_period_end", "annualised_value", "status", "flags"],
         caption="One row per target with a cited observation; values in the units of the target.")

# %% [markdown]
# ## The three readings

# %%
readable(judged, ["target_id", "progress_ratio", "expected_share", "elapsed_share", "schedule_status", "years_elapsed",
                  "actual_cagr", "required_cagr", "cagr_ratio", "reading", "opensdg_status", "projected_ratio",
                  "unsd_status", "comment"])

# %% [markdown]
# ## The arithmetic of each verdict
# Every number needed to redo the verdict by hand: baseline, observation, annualisation, years, growth
# observed and required, ratio, thresholds, band; then the other readings where a convention changes it.

# %%
readable(with_working_zh(judged[judged["working"] != ""]), ["target_id", "status", "working", "working_zh"])

# %% [markdown]
# ## Targets without a verdict
# No observation of the document's own place up to `as_of`, or none that can show progress: shown, never dropped.

# %%
readable(att[att["obs_value"].isna()], ["target_id", "indicator_zh", "measure", "target_value", "target_year", "status",
                                        "comment"])

# %% [markdown]
# ## Sources of the observations used

# %%
readable(judged, ["target_id", ("obs_period_end", "Date 日期"), "obs_source", "obs_url"])

# %%
ip.attainment_findings(att, doc_id)
