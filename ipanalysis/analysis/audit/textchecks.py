"""arithmetic: counts a text states about itself — 'N项任务' against the numbered task
headings; 前N项 + 后M项 = N项; '“K+n”' against the items it lists."""

from __future__ import annotations

import re

from ...text import heading_rank
from ...units import chinese_int
from .context import Doc
from .finding import Finding
from .textspans import clause_around

__all__ = ["task_counts", "k_plus_n_lists"]

_CN = "一二三四五六七八九十"


def _numbered_tasks(lines: list[str]) -> tuple[int | None, list[int]]:
    """The task chapter heading's line index (一、…任务) and the numbers of the (一)… headings under it."""
    head = next((i for i, ln in enumerate(lines) if heading_rank(ln.strip()) == 2 and "任务" in ln), None)
    if head is None:
        return None, []
    subs = []
    for ln in lines[head + 1:]:
        s = ln.strip()
        rank = heading_rank(s)
        if rank == 2:
            break
        if rank == 4:  # (一)…: its numeral
            subs.append(chinese_int(re.split(r"[)）]", s[1:], maxsplit=1)[0]))
    return head, subs


def task_counts(d: Doc) -> list[Finding]:
    """'N项任务' vs the numbered task headings, and each 前N项 + 后M项 pair vs N."""
    text, out = d.text, []
    totals = [(int(m.group(1)), m) for m in re.finditer(r"(?<![前后\d])(\d+)项任务", text)]
    if not totals:
        return out
    total, tm = totals[0]
    lines = text.splitlines()
    head, subs = _numbered_tasks(lines)
    if head is not None:
        sequential = subs == list(range(1, len(subs) + 1))
        status = "consistent" if len(subs) == total and sequential and len({t for t, _ in totals}) == 1 else "inconsistent"
        statements = ", ".join(sorted({f"{t}项任务" for t, _ in totals}))
        out.append(Finding(f"{d.prefix}-tasks-count", d.doc_id, "arithmetic", "task_count",
                           f"{statements} (stated {len(totals)}×)", clause_around(text, tm.start(), tm.end()),
                           f"{len(subs)} numbered tasks ({'(一)…(' + _CN[len(subs) - 1] + ')' if subs else 'none'}) under "
                           f"{lines[head].strip()}" + ("" if sequential else " (numbering not sequential)"),
                           lines[head].strip(), status,
                           "The number of tasks the text announces equals the numbered task headings."
                           if status == "consistent" else
                           "The announced number of tasks differs from the numbered task headings.", "tasks_count",
                           {"stated": statements, "times": len(totals), "n": len(subs),
                            "last": _CN[len(subs) - 1] if subs else "", "heading": lines[head].strip(),
                            "sequential": sequential}))
    fronts = [(int(m.group(1)), m) for m in re.finditer(r"前(\d+)项", text)]
    backs = [(int(m.group(1)), m) for m in re.finditer(r"后(\d+)项", text)]
    for (nf, mf), (nb, mb) in zip(fronts, backs):
        ok = nf + nb == total
        out.append(Finding(f"{d.prefix}-tasks-split-{nf}+{nb}", d.doc_id, "arithmetic", "task_count",
                           f"前{nf}项 + 后{nb}项 of {total}项任务", clause_around(text, mf.start(), mf.end()),
                           f"{nf} + {nb} = {nf + nb}", clause_around(text, mb.start(), mb.end()),
                           "consistent" if ok else "inconsistent",
                           f"The first {nf} and last {nb} tasks {'add up to' if ok else 'do not add up to'} "
                           f"the {total} tasks announced.", "tasks_split",
                           {"nf": nf, "nb": nb, "total": total, "sum": nf + nb, "ok": ok}))
    return out


def k_plus_n_lists(d: Doc) -> list[Finding]:
    """A '“K+n”' system against the K named items in the parentheses that follow it."""
    out = []
    for m in re.finditer(r"“(\d+)\+n”[^(（)）。“”]{0,20}[(（]([^)）]*)[)）]", d.text):
        k = int(m.group(1))
        items = [s for s in re.split(r"[,，、]", m.group(2)) if s.strip()]
        named = [s for s in items if not s.strip().startswith("“n”")]
        ok = len(named) == k
        out.append(Finding(f"{d.prefix}-list-{k}+n", d.doc_id, "arithmetic", "service_system_items",
                           f"“{k}+n” system: {k} named institutions plus n", m.group(0),
                           f"{len(named)} named items listed (+ {len(items) - len(named)} “n” item)", "",
                           "consistent" if ok else "inconsistent",
                           f"The list in parentheses names {len(named)} institution types, "
                           f"{'matching' if ok else 'not matching'} the {k} in “{k}+n”.", "k_plus_n",
                           {"k": k, "named": len(named), "n_items": len(items) - len(named), "ok": ok}))
    return out
