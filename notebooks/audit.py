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
# # Do the documents agree with themselves?
#
# **Question.** Before a target is used, can its document's own figures be trusted? Do stated growth
# rates follow from the stated numbers, does a table agree with the text, are repeated targets the
# same, and are targets plausible against the history the document reports?
#
# **Method.** Every growth rate and 增幅 the documents state is recomputed from their own figures
# (CAGR = (end/start)^(1/years) − 1; increase = target/base − 1, compared at the stated rounding); table
# cells are compared with text statements and repeated statements; parts must not exceed wholes; targets
# whose implied growth is far from the stated history are flagged. Each check ends consistent,
# inconsistent, or needs review (related figures that differ and may differ in scope).

# %% [markdown] tags=["lang-zh"]
# # 文件自身数据是否前后一致？
#
# **核查问题。** 在使用某项目标之前，先看其所在文件自身的数据是否可信：文件所述增速能否由文中数字推出？指标表与
# 正文表述是否一致？重复表述的目标是否相同？对照文件所述的历史数据，目标是否合理？
#
# **核查方法。** 用文件自身数据重新计算其所述的各项增速和增幅（年均增长率＝（期末值÷期初值）^（1÷年数）−1；
# 增幅＝目标值÷基期值−1，按文件所述精度比较）；将指标表数值与正文表述、重复表述相互对照；检查部分不超过整体；
# 隐含增速与文件所述历史增速相差悬殊的目标予以标注。每项核查的结论为“一致”“不一致”或“待核实”（相关数字不同，
# 可能是统计口径或范围不同所致）。

# %% tags=["parameters"]
doc_id = None
lang = "en"  # "en" or "zh": the language of the page

# %%
# Check the parameters before anything else: one error naming the bad value and the valid ones.
import ipanalysis as ip

doc_id = ip.check_parameters(doc_id=doc_id, lang=lang)["doc_id"]

# %%
from ipanalysis.present import charts
from ipanalysis.present.auditwords import audit_table, summary_table
from ipanalysis.present.display import quote_table, setup_notebook

setup_notebook()
aud = ip.audit(doc_id)
ip.display.matrix_table(aud.groupby(["doc_id", "status"]).size().unstack(fill_value=0), kind="int", lang=lang)

# %%
charts.show(charts.audit_chart(aud, lang=lang))

# %% [markdown] tags=["lang-en"]
# ## Which checks could apply
# A check applies where the document states what it examines (a growth rate, an indicator table, a
# target stated twice, its own history …). A document with no finding has not been shown to be
# consistent unless some check applied to it.

# %% [markdown] tags=["lang-zh"]
# ## 各文件适用哪些核查
# 文件中载有核查对象（增速、指标表、重复表述的目标、自身历史数据等）时，该项核查方才适用。没有任何核查适用的文件，
# 即使未发现问题，也不能据此认为其数据前后一致。

# %%
checks = ip.audit_checks(doc_id)
quote_table(summary_table(ip.audit_summary(checks), lang),
            ["doc_id", "applied", "checks", "findings", "to_review", "not_applicable"], lang=lang)

# %% [markdown] tags=["lang-en"]
# ## Inconsistencies and figures to review, with the quotes side by side

# %% [markdown] tags=["lang-zh"]
# ## 不一致和待核实的数据（附原文对照）

# %%
shown = audit_table(aud, lang)   # the findings in the page's words
quote_table(shown[shown["status"] != "consistent"],
            ["doc_id", "indicator", "status", "stated", "stated_quote", "recomputed", "other_quote", "explanation"],
            lang=lang)

# %% [markdown] tags=["lang-en"]
# ## Checks that pass

# %% [markdown] tags=["lang-zh"]
# ## 核查一致的项目

# %%
quote_table(shown[shown["status"] == "consistent"], ["doc_id", "indicator", "kind", "stated", "recomputed", "explanation"],
            lang=lang)

# %% [markdown] tags=["lang-en"]
# Reading these: a finding that needs review is a pair of figures that differ and may differ in scope or
# period; it asks a reader to check the source, not to discard the target.

# %% [markdown] tags=["lang-zh"]
# 阅读提示：“待核实”是指两个相关数字不一致，可能源于统计口径或时段不同；它提示读者回到原文核对，而不是弃用该目标。

# %%
ip.audit_findings(aud, checks, lang=lang)
