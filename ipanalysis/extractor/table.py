"""Candidates from flattened indicator tables, read by the data layer's one parser
(:func:`ipanalysis.data.tables.find_flat_tables`): target columns → targets, base columns →
baselines, 增幅 columns → rejected.

>>> from .document import read_document_facts
>>> doc = read_document_facts("主要指标\\n序号\\n指标名称\\n单位\\n2020年基期值\\n2025年目标值\\n1\\n专利数\\n件\\n10\\n30")
>>> [(c.kind, c.value, c.year) for c in table_candidates(doc)]
[('baseline', 10.0, 2020), ('target', 30.0, 2025)]
"""

from __future__ import annotations

import re

from ..data.tables import EMPTY_CELL, FlatRow, FlatTable, find_flat_tables
from ..units import UnitError, parse_quantity
from .candidate import Candidate
from .document import Document
from .lexicon import PER_10K


def _span(doc: Document, cell: tuple[int, str]) -> tuple[int, int]:
    ls, _, line = doc.lines[cell[0]]
    off = line.find(cell[1])
    return ls + off, ls + off + len(cell[1])


def _unit(name: str, unit: str | None) -> str | None:
    if PER_10K.search(name) and unit in (None, "件"):
        return "件/万人"
    if unit is None and "满意度" in name:
        return "分"
    return unit


def _row(doc: Document, t: FlatTable, row: FlatRow) -> list[Candidate]:
    unit_zh = row.unit[1] if row.unit else None
    name = row.name[1]
    if unit_zh and unit_zh in name:
        name = re.sub(r"[(（][^()（）]{1,6}[)）]$", "", name)
    ns, _ = _span(doc, row.name)
    path = doc.sections[row.name[0]].path
    section = (path + " > " if path else "") + (t.title or "table")
    attribute = row.attribute or ("expected" if "预期" in t.title else ("binding" if "约束" in t.title else None))
    if row.qualitative is not None:
        qs, qe = _span(doc, row.qualitative)
        year = next((y for r, y in t.columns if r == "target" and y), None) or doc.end_year
        return [Candidate(kind="target", start=ns, end=qe, value=None, value_high=None, unit=None,
                          value_text=doc.text[qs:qe], comparator="qualitative", name=name, section=section, year=year,
                          attribute=attribute, confidence=0.6,
                          why=f"table row, qualitative target cell ({t.title or 'indicator table'})")]
    out = []
    for (role, year), cell in zip(t.columns, row.values):
        if EMPTY_CELL.match(cell[1]):
            continue
        cs, ce = _span(doc, cell)
        text = doc.text[cs:ce]
        with_unit = unit_zh and not text.endswith("%")
        try:
            q = parse_quantity(text + unit_zh if with_unit else text)
        except UnitError:
            continue
        if role == "increase":
            out.append(Candidate(kind="rejected", start=ns, end=ce, value=q.value, value_high=None, unit="%",
                                 value_text=text, name=name, section=section, year=year, attribute=attribute,
                                 why="table increase (增幅) column", growth=True, rule="table_increase"))
            continue
        kind = "target" if role == "target" else "baseline"
        default = doc.end_year if kind == "target" else (doc.start_year - 1 if doc.start_year else None)
        out.append(Candidate(kind=kind, start=ns, end=ce, value=q.value, value_high=q.value_high, unit=_unit(name, q.unit),
                             value_text=text, table_unit=unit_zh if with_unit else None, name=name, section=section,
                             year=year or default, attribute=attribute, confidence=0.85 if kind == "target" else 0.8,
                             why=f"table row, {'target' if kind == 'target' else 'base'} column"
                                 + (f" {year}年" if year else "") + (f", unit cell {unit_zh}" if unit_zh else "")))
    return out


def table_candidates(doc: Document) -> list[Candidate]:
    """Rows of every flattened table in the document; their lines are marked consumed."""
    out: list[Candidate] = []
    for t in find_flat_tables([ln.text for ln in doc.lines]):
        for row in t.rows:
            out += _row(doc, t, row)
        doc.consumed.update(range(t.first_line, t.last_line + 1))
    return out
