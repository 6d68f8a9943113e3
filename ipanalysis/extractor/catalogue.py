"""Matching an indicator phrase to ``data/indicators.csv`` (character-bigram similarity of ``name_zh``).

Words that tell indicators apart (有效, 每万人, 发明, 商标 …) must agree: a candidate that lacks one
the catalogue name has, or has a symmetric one the name lacks, is never a confident match.

>>> cat = catalogue_rows([("valid_trademarks", "有效注册商标量", "件", "stock")])
>>> rank_keys("有效注册商标", "件", None, cat)[0][1]
'valid_trademarks'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from .lexicon import PER_10K

#: Character bigrams and characters of a name (:func:`grams`).
Grams = tuple[frozenset[str], frozenset[str]]
#: ``(key, name_zh, base unit, measure, grams of each alias, discriminating tokens)``.
CatalogueRow = tuple[str, str, str, str, list[Grams], frozenset[str]]
Catalogue = tuple[CatalogueRow, ...]
#: ``(score, key, base unit, measure)`` of one catalogue row for a candidate name.
Ranked = tuple[float, str, str, str]

_NAME_NOISE = re.compile(r"[“”\"'《》()（）、,，\s]|全市|全区|全省|全县|我市|我区|本市|本区|的")

#: Symmetric words must agree; required ones, when the catalogue name has them, must also be in the
#: candidate's name (a candidate may be more specific).
SYMMETRIC = ("有效", "每万人", "高价值", "PCT", "马德里", "驰名", "著名", "质押", "保险", "人次", "非正常", "职务",
             "率|比重|比例|之比|占比")
REQUIRED = ("发明", "专利", "商标", "地理标志", "版权|作品|著作权", "申请", "授权", "培训", "执法", "代理")


def aliases(name: str) -> set[str]:
    """A catalogue name and its variants.

    >>> sorted(aliases("作品(著作权/版权)登记量"))
    ['作品(著作权/版权)登记量', '作品版权登记量', '作品登记量', '作品著作权登记量', '版权登记量', '著作权登记量']
    """
    out = {name}
    m = re.match(r"^(.*?)[(（]([^)）]*)[)）](.*)$", name)
    if m:
        pre, inner, post = m.groups()
        out.add(pre + post)
        for alt in re.split(r"[/、]", inner):
            if post:
                out.update({alt + post, pre + alt + post})
    return {n for n in out if n}


def grams(name: str) -> Grams:
    """Character bigrams and characters of a name without noise words."""
    s = _NAME_NOISE.sub("", name)
    return frozenset(s[i:i + 2] for i in range(len(s) - 1)), frozenset(s)


def tokens(name: str) -> frozenset[str]:
    return frozenset(t for t in SYMMETRIC + REQUIRED if re.search(t, name))


def catalogue_rows(items: Iterable[tuple[str, str, str, str]]) -> Catalogue:
    """``(key, name, unit, measure)`` items → rows with precomputed grams and tokens."""
    return tuple((key, name, unit, measure, [grams(n) for n in aliases(name)], tokens(name))
                 for key, name, unit, measure in items)


@lru_cache(maxsize=4)
def _catalogue_from(path: str, mtime: float) -> Catalogue:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    return catalogue_rows(zip(df["key"], df["name_zh"], df["base_unit"], df["measure"]))


def load_catalogue(catalogue: pd.DataFrame | None) -> Catalogue:
    """Catalogue rows from a frame, else from ``data/indicators.csv`` (cached by mtime)."""
    if catalogue is not None:
        return catalogue_rows(zip(catalogue["key"], catalogue["name_zh"], catalogue["base_unit"], catalogue["measure"]))
    from ..data.sources import data_dir

    path = data_dir() / "indicators.csv"
    if not path.is_file():
        return ()
    return _catalogue_from(str(path), path.stat().st_mtime)


def _conflicts(cand: frozenset[str], key: frozenset[str]) -> int:
    sym = {t for t in (cand ^ key) if t in SYMMETRIC}
    req = {t for t in (key - cand) if t in REQUIRED}
    return len(sym) + len(req)


def similarity(a: Grams, b: Grams) -> float:
    """Dice similarity of bigrams (weight 0.7) and characters (0.3)."""
    (a2, a1), (b2, b1) = a, b
    d2 = 2 * len(a2 & b2) / (len(a2) + len(b2)) if a2 and b2 else 0.0
    d1 = 2 * len(a1 & b1) / (len(a1) + len(b1)) if a1 and b1 else 0.0
    return 0.7 * d2 + 0.3 * d1


def _unit_penalty(unit: str | None, measure: str | None, base: str, growth: bool) -> float:
    s = 0.0
    if unit and measure != "growth_rate":
        if unit == base:
            s += 0.05
        elif unit in ("%", "yuan", "分") or base in ("%", "yuan", "分"):
            s -= 0.2
        elif (unit == "件/万人") != (base == "件/万人"):
            s -= 0.15
    if unit and (unit == "百分点" or (unit.startswith("个") and len(unit) > 1)) and not growth:
        s -= 0.3  # a duration (个月, 个工作日) is not any catalogue indicator's unit
    return s


def rank_keys(name: str, unit: str | None, measure: str | None, cat: Catalogue) -> list[Ranked]:
    """Catalogue rows ranked by similarity to ``name``: ``(score, key, base unit, measure)``.

    Parameters
    ----------
    name : str
        The indicator name as the text writes it.
    unit, measure : str or None
        The quantity's unit and measure, when known (they break ties).
    cat : Catalogue
        The catalogue's rows.

    Returns
    -------
    list of Ranked
        Best first.
    """
    growth = measure == "growth_rate"
    core = re.sub(r"(年均|平均)?(增长率|增速|增幅)$", "", name) if growth else name
    g = grams(core)
    toks = tokens(core)
    if unit == "%" and not growth:
        toks = toks | {SYMMETRIC[-1]}
    per10k = bool(PER_10K.search(name)) or unit == "件/万人"
    if per10k:
        toks = toks | {"每万人"}
    out = []
    for key, _, base, kmeasure, kgrams, ktoks in cat:
        s = max(similarity(g, k) for k in kgrams)
        conflicts = _conflicts(toks, ktoks)
        s -= 0.06 * conflicts
        s += _unit_penalty(unit, measure, base, growth)
        if per10k != (base == "件/万人"):
            s -= 0.1
        if conflicts:
            s = min(s, 0.49)  # a differing discriminating word never gives a confident match
        out.append((s, key, base, kmeasure))
    out.sort(key=lambda t: -t[0])
    return out


def best_key(ranked: list[Ranked]) -> tuple[str, str, str | None]:
    """``(key, closest_keys, key measure)``: a confident key, else the three nearest keys."""
    if not ranked:
        return "", "", None
    best = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    if best[0] >= 0.5 and (best[0] - second >= 0.04 or best[0] >= 0.8):
        return best[1], "", best[3]
    return "", ";".join(r[1] for r in ranked[:3]), None
