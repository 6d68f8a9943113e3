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
# # How ambitious are the cities? Targets side by side
#
# **Question.** Four local documents (Guiyang 2022, Fuzhou Cangshan 2013, Nanchang 2021, Ordos 2022)
# set quantified intellectual-property targets. Where two of them target the same indicator, how do
# the numbers compare — and how much of the national 2015 demonstration-city work plan do the local
# plans take up?
#
# **Method.** Every target is mapped to one catalogue indicator (`data/indicators.csv`) with a base unit
# and a measure (stock, annual flow, cumulative over the plan, share, intensity, score, growth rate).
# Targets are put in one cell of the matrix only when indicator, measure *and* unit agree
# (`ipanalysis.compare`); different measures of one concept (e.g. pledge financing as an annual amount
# in Nanchang, a plan-period total in Guiyang, a level in Ordos) stay in separate rows. Coverage of the
# national tasks is a keyword (`data/national_tasks.csv`) found in a sentence that commits the local plan
# to future work (`ipanalysis.analysis.commitments`: not its issuing notice or title, not a review of past
# achievements, not a definition note), shown with the evidence sentence.

# %% tags=["parameters"]
min_docs = 2
lang = "en"  # "en" or "zh": the language of the page

# %%
# Check the parameters before anything else: one error naming the bad value and the valid ones.
import ipanalysis as ip

min_docs = ip.check_parameters(min_docs=min_docs)["min_docs"]

# %%
from ipanalysis.present import charts
from ipanalysis.present.display import readable, setup_notebook

setup_notebook()
long = ip.compare()
print(f"{len(long)} targets with a number in {long['doc_id'].nunique()} documents, "
      f"{long['indicator'].nunique()} indicators; {int((long['n_docs'] >= min_docs).sum())} targets "
      f"share an indicator, measure and unit with another document.")

# %% [markdown]
# ## The harmonised matrix
# Target values in base units (yuan, 件, 家, 件/万人 …), for indicators targeted by at least `min_docs`
# documents. A blank cell means the document sets no target for that indicator *in that measure*.

# %%
places = {d: f"{r['place_en']} {r['place_zh']}" for d, r in ip.documents().set_index("doc_id").iterrows()}
ip.display.matrix_table(ip.compare_matrix(long, min_docs=min_docs), columns=places)

# %% [markdown]
# Target years differ (Cangshan aimed at 2015, the others at 2025), so a larger number is not
# automatically more ambitious:

# %%
ip.display.matrix_table(ip.compare_matrix(long, min_docs=min_docs, what="target_year"), kind="int", columns=places)

# %%
charts.show(charts.ambition_chart(long, min_docs=min_docs, lang=lang))

# %% [markdown]
# ## Per 10,000 residents
# Cities differ in size, so count targets are also shown per 10,000 residents (常住人口), using the cited
# population nearest to each plan's base year (`data/population.csv`). A stock per head is still not a
# flow per head: measures stay apart.

# %%
per = ip.targets_per_10k()
shared = per[per["target_id"].isin(long.loc[long["n_docs"] >= min_docs, "target_id"])]
readable(shared, ["target_id", "indicator", "measure", "value", "population", "population_year", "per_10k"],
         caption="Population: the cited figure nearest to the plan's base year (sources in data/population.csv).")

# %% [markdown]
# ## Pledge financing: the same words, three different measures

# %%
readable(long.query("indicator == 'ip_pledge_financing'"),
         ["place_en", "measure", "value", "comparator", "target_year", "target_id"])

# %% [markdown]
# ## Coverage of the national 2015 demonstration-city tasks
# For each of the nine tasks of the national plan, is there a sentence in the local plan that commits to it?

# %%
cov = ip.national_coverage()
ip.display.matrix_table(cov.pivot_table(index=["task_no", "task_en"], columns="doc_id", values="addressed",
                                        aggfunc="max"), kind="bool", columns=places)

# %%
charts.show(charts.coverage_heatmap(cov, lang=lang))

# %%
scores = ip.coverage_scores(cov).set_index(["doc_id", "note"])[["score"]].rename_axis(["doc_id", "Note 说明"])
ip.display.matrix_table(scores.rename(columns={"score": "Share of the nine national tasks addressed 覆盖率"}), kind="pct")

# %% [markdown]
# The evidence behind each "yes" (the first commitment holding a keyword), and the sentences holding a
# keyword that were not counted:

# %%
from ipanalysis.present.display import quote_table

quote_table(cov[cov["addressed"]], ["doc_id", "task_no", "keyword", "evidence", "section", "not_counted"])

# %% [markdown]
# Keyword evidence is a first screen, not a judgement: a commitment that mentions 质押融资 takes up the
# finance task in words, but only the targets above show how far. Read the evidence column before citing
# a "yes".

# %%
ip.compare_findings(long, per, min_docs=min_docs, coverage=cov)
