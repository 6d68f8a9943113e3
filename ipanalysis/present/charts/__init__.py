"""Charts in one house style: titles, axes, legends and notes in the page's language first with the other
beside it (``lang="en"``: "English (中文)"; ``lang="zh"``: "中文 (English)"), units, a source line, a CJK font,
and alt text computed from the data drawn.

* :mod:`.style`: the CJK font (Noto Sans CJK SC from the ``noto-cjk-sans-otc`` wheel), colours, bilingual
  words from :mod:`ipanalysis.present.vocabulary`, the source line, the "ILLUSTRATIVE DATA" stamp;
* :mod:`.alt`: each chart's alt text, and :func:`show`, which puts a figure on a page with it;
* :mod:`.compare`: :func:`ambition_chart`, :func:`coverage_heatmap` (across documents);
* :mod:`.growth`: :func:`trajectory_chart`, :func:`required_growth_chart`;
* :mod:`.progress`: :func:`attainment_chart` (序时进度), :func:`audit_chart`;
* :mod:`.timeline`: :func:`target_timeline`, what a plan promises and what is known, one row per target.

Every chart function returns a matplotlib figure and takes ``lang`` (``en``/``zh``; anything else is a
:class:`~ipanalysis.errors.ParameterError`).  In a notebook, ``charts.show(fig)`` displays it with its alt text.

>>> import ipanalysis as ip
>>> fig = audit_chart(ip.audit(), lang="zh")
>>> fig.axes[0].get_title()
'文件内部一致性核查 (Internal-consistency checks per document)'
>>> show(fig).alt.startswith("堆积条形图：")
True
"""

from .alt import Chart, alt_text, show
from .compare import ambition_chart, coverage_heatmap
from .growth import required_growth_chart, trajectory_chart
from .progress import attainment_chart, audit_chart
from .style import (CJK_FAMILY, ILLUSTRATIVE_LABEL, PALETTE, STATUS_COLOURS, bilingual, cjk_font_path,
                    mark_illustrative, source_line, use_house_style)
from .timeline import target_timeline

__all__ = ["use_house_style", "bilingual", "source_line", "mark_illustrative", "ambition_chart",
           "coverage_heatmap", "trajectory_chart", "required_growth_chart", "attainment_chart", "audit_chart",
           "target_timeline", "show", "Chart", "alt_text", "CJK_FAMILY", "STATUS_COLOURS", "PALETTE",
           "ILLUSTRATIVE_LABEL", "cjk_font_path"]
