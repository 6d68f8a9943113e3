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
# # Do the documents agree with themselves?
#
# **Question.** Before a target is used, can its document's own figures be trusted? Do stated growth
# rates follow from the stated numbers, does a table agree with the text, are repeated targets the
# same, and are targets plausible against the history the document reports?
#
# **Method.** `ipanalysis.audit` recomputes every growth rate and 增幅 the documents state from their
# own figures (CAGR = (end/start)^(1/years) − 1; increase = target/base − 1, compared at the stated
# rounding), compares table cells with text statements and repeated statements, checks that parts do
# not exceed wholes, and flags targets whose implied growth is far from the stated history.
# Status: `consistent`, `inconsistent`, or `needs_review` (related figures that differ and may differ
# in scope).

# %% tags=["parameters"]
doc_id = None
lang = "en"  # "en" or "zh": the language of the page

# %%
# Check the parameters before anything else: one error naming the bad value and the valid ones.
import ipanalysis as ip

doc_id = ip.check_parameters(doc_id=doc_id)["doc_id"]

# %%
from ipanalysis.present import charts
from ipanalysis.present.display import quote_table, setup_notebook

setup_notebook()
aud = ip.audit(doc_id)
ip.display.matrix_table(aud.groupby(["doc_id", "status"]).size().unstack(fill_value=0), kind="int")

# %%
charts.show(charts.audit_chart(aud, lang=lang))

# %% [markdown]
# ## Which checks could apply
# A check applies where the document states what it examines (a growth rate, an indicator table, a
# target stated twice, its own history …). A document with no finding has not been shown to be
# consistent unless some check applied to it.

# %%
checks = ip.audit_checks(doc_id)
quote_table(ip.audit_summary(checks), ["doc_id", "applied", "checks", "findings", "to_review", "not_applicable"])

# %% [markdown]
# ## Inconsistencies and figures to review, with the quotes side by side

# %%
quote_table(aud[aud["status"] != "consistent"],
            ["check_id", "status", "stated", "stated_quote", "recomputed", "other_quote", "explanation"])

# %% [markdown]
# ## Checks that pass

# %%
quote_table(aud[aud["status"] == "consistent"], ["check_id", "kind", "stated", "recomputed", "explanation"])

# %% [markdown]
# Reading these: a `needs_review` finding is a pair of figures that differ and may differ in scope or
# period; it asks a reader to check the source, not to discard the target.

# %%
ip.audit_findings(aud, checks)
