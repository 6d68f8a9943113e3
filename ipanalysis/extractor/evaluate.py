"""Scoring candidates against labelled rows: one-to-one matching, recall, precision and measure
agreement per document.

A candidate matches a labelled row when the values agree (``value`` and ``value_high``) and the
quotes overlap; ``score(..., same_year=True)`` (what :func:`score_split` and the generalisation
benchmark use) also needs the same target year.  Measure agreement is the share of matched targets
whose candidate has the labelled ``measure``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypedDict

import pandas as pd

from ..errors import ParameterError


class Fixtures(TypedDict):
    """Labelled fixture documents of one split (:func:`load_fixtures`)."""

    texts: dict[str, str]
    targets: pd.DataFrame
    baselines: pd.DataFrame
    exclusions: pd.DataFrame


def _text_of(texts: dict, doc_id) -> str | None:
    text = texts.get(doc_id)
    if text is None and isinstance(doc_id, str):
        try:
            from ..data.sources import raw_text
            text = raw_text(doc_id)
        except Exception:  # noqa: BLE001 - a fixture id is not a data/raw document
            text = None
    return text


def _same_year(c, t) -> bool:
    a, b = getattr(c, "target_year", None), getattr(t, "target_year", None)
    return (pd.isna(a) and pd.isna(b)) or (not pd.isna(a) and not pd.isna(b) and int(a) == int(b))


def load_fixture(path: str | os.PathLike) -> str:
    r"""A fixture text without its leading ``#`` source lines (title, issuer, date, URL).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> _ = p.write_text("# source: 某市规划, 2022\n某市规划\n达到5件。", encoding="utf-8")
    >>> load_fixture(p)
    '某市规划\n达到5件。'
    """
    from pathlib import Path

    lines = Path(path).read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "\n".join(lines)


def _spans(text: str | None, quote: str) -> list[tuple[int, int]]:
    if text is None or not isinstance(quote, str) or not quote:
        return []
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _same(a, b) -> bool:
    if pd.isna(a) and pd.isna(b):
        return True
    if pd.isna(a) or pd.isna(b):
        return False
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))


def _overlap(c_span, c_quote: str, t_spans, t_quote: str) -> int:
    if t_spans and c_span is not None:
        return max((min(c_span[1], e) - max(c_span[0], s) for s, e in t_spans), default=0)
    if isinstance(c_quote, str) and isinstance(t_quote, str) and (c_quote in t_quote or t_quote in c_quote):
        return min(len(c_quote), len(t_quote))
    return 0


def match(candidates: pd.DataFrame, truth: pd.DataFrame, texts: dict[str, str] | None = None,
          id_col: str = "target_id", same_year: bool = False) -> pd.DataFrame:
    """Pair candidates with curated rows one to one: same ``doc_id``, same value and ``value_high``
    (both empty for qualitative rows) and overlapping quotes; with ``same_year`` also the same
    ``target_year``.  Returns one row per candidate
    with the matched ``id_col`` (empty when unmatched).

    ``texts`` maps doc_id → raw text (default: :func:`ipanalysis.data.sources.raw_text` when the id is
    known) and turns quotes into spans; without a text, quotes overlap when one contains the other.

    Parameters
    ----------
    candidates, truth : DataFrame
        Extracted and curated rows.
    texts : dict, optional
        doc_id → raw text.
    id_col : str
        The curated id column.
    same_year : bool
        Whether the target years must agree.

    Returns
    -------
    DataFrame
        The candidates with ``id_col``.

    >>> t = pd.DataFrame({"target_id": ["X-01"], "doc_id": ["d"], "value": [3.0], "value_high": [None],
    ...                   "source_quote": ["数量达3个"]})
    >>> from ipanalysis.extractor import extract
    >>> c = extract("数量达3个。", doc_id="d")
    >>> match(c, t, {"d": "数量达3个。"})[["candidate_id", "target_id"]].values.tolist()
    [['T001', 'X-01']]
    """
    texts = dict(texts or {})
    out = []
    for doc_id, cands in candidates.groupby("doc_id", sort=False, dropna=False):
        text = _text_of(texts, doc_id)
        rows = truth[truth["doc_id"] == doc_id] if "doc_id" in truth else truth
        taken: set = set()
        pairing: dict = {}
        cand_list = list(cands.itertuples(index=False))
        for t in rows.itertuples(index=False):
            t_quote = getattr(t, "source_quote")
            t_spans = _spans(text, t_quote)
            best, best_ov = None, 0
            for c in cand_list:
                if c.candidate_id in taken:
                    continue
                if not (_same(c.value, t.value) and _same(getattr(c, "value_high", None), getattr(t, "value_high", None))):
                    continue
                if same_year and not _same_year(c, t):
                    continue
                c_span = (c.start, c.end) if text is not None and hasattr(c, "start") else None
                ov = _overlap(c_span, c.source_quote, t_spans, t_quote)
                if ov > best_ov:
                    best, best_ov = c, ov
            if best is not None:
                taken.add(best.candidate_id)
                pairing[best.candidate_id] = getattr(t, id_col)
        for c in cand_list:
            out.append({"doc_id": doc_id, "candidate_id": c.candidate_id, id_col: pairing.get(c.candidate_id)})
    return pd.DataFrame(out, columns=["doc_id", "candidate_id", id_col])


def linked_duplicates(candidates: pd.DataFrame, m: pd.DataFrame) -> set[str]:
    """Candidates left unmatched that restate a matched candidate (``duplicate_of`` set): the
    extractor proposed the repeat *as* a repeat, so it is not a false positive.

    >>> c = pd.DataFrame({"doc_id": ["d", "d"], "candidate_id": ["d:T001", "d:T002"], "duplicate_of": [None, "T001"]})
    >>> linked_duplicates(c, pd.DataFrame({"candidate_id": ["d:T001", "d:T002"], "target_id": ["X-01", None]}))
    {'d:T002'}
    """
    if "duplicate_of" not in candidates or not len(candidates):
        return set()
    matched = set(m.loc[m["target_id"].notna(), "candidate_id"])
    ids = set(candidates["candidate_id"])
    out = set()
    for c in candidates[candidates["duplicate_of"].notna()].itertuples(index=False):
        first = f"{c.doc_id}:{c.duplicate_of}" if f"{c.doc_id}:{c.duplicate_of}" in ids else c.duplicate_of
        if c.candidate_id not in matched and first in matched:
            out.add(c.candidate_id)
    return out


def _same_measure(candidates: pd.DataFrame, truth: pd.DataFrame, m: pd.DataFrame) -> pd.DataFrame | None:
    """Matched pairs with a ``measure_same`` flag (None when either side has no ``measure``)."""
    pairs = m.dropna(subset=["target_id"])
    if "measure" not in candidates or "measure" not in truth:
        return None
    pairs = pairs.merge(candidates[["candidate_id", "measure"]], on="candidate_id").merge(
        truth[["target_id", "measure"]].drop_duplicates("target_id"), on="target_id", suffixes=("_c", "_t"))
    return pairs.assign(measure_same=pairs["measure_c"].astype("string").fillna("") == pairs["measure_t"].astype("string").fillna(""))


def score(candidates: pd.DataFrame, truth: pd.DataFrame, texts: dict[str, str] | None = None,
          baselines: pd.DataFrame | None = None, exclusions: pd.DataFrame | None = None,
          same_year: bool = False) -> pd.DataFrame:
    """Recall, precision and measure agreement of candidates against curated targets, per document
    and in total.

    Every curated row counts, repeat statements (``duplicate_of`` set) included: the reviewer
    must see each statement to mark it.  ``recall_unique`` is the recall over rows without
    ``duplicate_of``.  A candidate is a true positive when it matches a curated row (see
    :func:`match`); unmatched candidates are false positives, split by what they match instead
    (``fp_baseline``: a curated baseline; ``fp_exclusion``: a quote in target_exclusions.csv), except
    a restatement the extractor linked to a matched candidate (``dup_linked``, see
    :func:`linked_duplicates`), which counts neither way.  ``measure_same`` counts the true
    positives whose ``measure`` is the labelled one; ``measure_agreement`` = measure_same / tp.

    Parameters
    ----------
    candidates, truth : DataFrame
        Extracted and curated target rows.
    texts : dict, optional
        doc_id → raw text.
    baselines, exclusions : DataFrame, optional
        Curated baselines and exclusions, to name false positives.
    same_year : bool
        As in :func:`match`.

    Returns
    -------
    DataFrame
        One row per document, then ``TOTAL``.

    >>> t = pd.DataFrame({"target_id": ["X-01", "X-02"], "doc_id": ["d", "d"], "value": [3.0, 9.0], "value_high": [None, None],
    ...                   "source_quote": ["数量达3个", "人数达9人"], "duplicate_of": [None, None], "measure": ["stock", "stock"]})
    >>> from ipanalysis.extractor import extract
    >>> s = score(extract("数量达3个,场次达4场。", doc_id="d"), t, {"d": "数量达3个,场次达4场。"})
    >>> tot = s.iloc[-1]
    >>> (tot.doc_id, int(tot.truth), int(tot.candidates), int(tot.tp), float(tot.recall), float(tot.precision))
    ('TOTAL', 2, 2, 1, 0.5, 0.5)
    >>> (int(tot.measure_same), float(tot.measure_agreement))  # 数量达3个 is read as a stock, as labelled
    (1, 1.0)
    """
    texts = dict(texts or {})
    m = match(candidates, truth, texts, same_year=same_year)
    matched = set(m["target_id"].dropna())
    linked = linked_duplicates(candidates, m)
    same = _same_measure(candidates, truth, m)
    bm = match(candidates, baselines.rename(columns={"baseline_id": "target_id"}), texts) if baselines is not None and len(baselines) else None
    docs = list(dict.fromkeys(list(truth["doc_id"]) + list(candidates["doc_id"])))
    rows = []
    for d in docs + ["TOTAL"]:
        sel_t = truth if d == "TOTAL" else truth[truth["doc_id"] == d]
        sel_m = m if d == "TOTAL" else m[m["doc_id"] == d]
        uniq = sel_t[sel_t["duplicate_of"].isna()] if "duplicate_of" in sel_t else sel_t
        tp = int(sel_m["target_id"].notna().sum())
        dup = set(sel_m["candidate_id"]) & linked
        fp_ids = set(sel_m.loc[sel_m["target_id"].isna(), "candidate_id"]) - dup
        n_same = float("nan") if same is None else int((same if d == "TOTAL" else same[same["doc_id"] == d])["measure_same"].sum())
        fp_c = candidates[candidates["candidate_id"].isin(fp_ids) & ((candidates["doc_id"] == d) | (d == "TOTAL"))]
        fp_base = 0
        if bm is not None:
            bsel = bm if d == "TOTAL" else bm[bm["doc_id"] == d]
            fp_base = int(bsel[bsel["candidate_id"].isin(fp_ids) & bsel["target_id"].notna()].shape[0])
        fp_excl = 0
        if exclusions is not None and len(exclusions):
            for c in fp_c.itertuples(index=False):
                text = _text_of(texts, c.doc_id)
                for qtext in exclusions.loc[exclusions["doc_id"] == c.doc_id, "quote"]:
                    if _overlap((c.start, c.end) if text is not None else None, c.source_quote, _spans(text, qtext), qtext) > 0:
                        fp_excl += 1
                        break
        n_c = len(sel_m) - len(dup)
        n_t = len(sel_t)
        rows.append({
            "doc_id": d, "truth": n_t, "truth_unique": len(uniq), "candidates": n_c, "tp": tp,
            "recall": round(sel_t["target_id"].isin(matched).sum() / n_t, 4) if n_t else float("nan"),
            "recall_unique": round(uniq["target_id"].isin(matched).sum() / len(uniq), 4) if len(uniq) else float("nan"),
            "precision": round(tp / n_c, 4) if n_c else float("nan"),
            "fp": n_c - tp, "fp_baseline": fp_base, "fp_exclusion": fp_excl, "dup_linked": len(dup),
            "measure_same": n_same, "measure_agreement": round(n_same / tp, 4) if tp and same is not None else float("nan"),
        })
    return pd.DataFrame(rows)


def load_fixtures(folder: str | os.PathLike, split: str | None = None) -> Fixtures:
    """Labelled fixture documents of a folder (``*.txt``, ``expected_*.csv``, ``splits.csv``).

    Returns ``{"texts": {doc_id: text}, "targets", "baselines", "exclusions"}`` restricted to the
    documents of ``split`` (``dev`` / ``test``; all when None).  ``duplicate_of`` in
    ``expected_targets.csv`` marks a labelled restatement (empty when the column is absent).

    >>> fx = load_fixtures(_example_folder(), "dev")
    >>> fx["texts"], fx["targets"][["target_id", "duplicate_of"]].fillna("").values.tolist()
    ({'d': '到2025年,专利授权量达到500件。专利授权量达到500件。'}, [['D-01', ''], ['D-02', 'D-01']])
    """
    from pathlib import Path

    folder = Path(folder)
    splits = pd.read_csv(folder / "splits.csv")
    ids = list(splits["doc_id"] if split is None else splits.loc[splits["split"] == split, "doc_id"])
    if not ids:
        raise ParameterError(f"no fixture document in split {split!r} of {folder / 'splits.csv'}; "
                         f"splits there: {', '.join(sorted(splits['split'].unique()))}")
    texts = {d: load_fixture(folder / f"{d}.txt") for d in ids}
    t = pd.read_csv(folder / "expected_targets.csv", dtype={"value": float, "value_high": float})
    if "duplicate_of" not in t:
        t["duplicate_of"] = pd.NA
    t["duplicate_of"] = t["duplicate_of"].astype("string")  # a restatement labelled as one (empty: none)
    b = pd.read_csv(folder / "expected_baselines.csv", dtype={"value": float})
    x = pd.read_csv(folder / "expected_exclusions.csv")
    return {"texts": texts, "targets": t[t["doc_id"].isin(ids)].reset_index(drop=True),
            "baselines": b[b["doc_id"].isin(ids)].reset_index(drop=True),
            "exclusions": x[x["doc_id"].isin(ids)].reset_index(drop=True)}


def _example_folder() -> str:
    """A throw-away fixture folder of one document (for the examples above and below)."""
    import tempfile
    from pathlib import Path

    d = Path(tempfile.mkdtemp())
    (d / "splits.csv").write_text("doc_id,split,level,kind,note\nd,dev,city,plan,example\n", encoding="utf-8")
    (d / "d.txt").write_text("# source: example\n到2025年,专利授权量达到500件。专利授权量达到500件。", encoding="utf-8")
    head = "target_id,doc_id,indicator_zh,value,value_high,unit,value_text,comparator,measure,target_year,commitment,source_quote,duplicate_of\n"
    rows = ("D-01,d,专利授权量,500,,件,500件,=,annual_flow,2025,firm,\"到2025年,专利授权量达到500件\",\n"
            "D-02,d,专利授权量,500,,件,500件,=,annual_flow,2025,firm,。专利授权量达到500件,D-01\n")
    (d / "expected_targets.csv").write_text(head + rows, encoding="utf-8")
    (d / "expected_baselines.csv").write_text("baseline_id,doc_id,indicator_zh,year,value,unit,value_text,source_quote\n", encoding="utf-8")
    (d / "expected_exclusions.csv").write_text("doc_id,quote,reason\n", encoding="utf-8")
    return str(d)


def score_split(fixtures: Fixtures, extract_fn: Callable[[str, str], pd.DataFrame]) -> pd.DataFrame:
    """Recall (value *and* target year right) and precision per document of a fixture split.

    Documents with no labelled target and no candidate get a row too (recall NaN, precision NaN).

    >>> from ipanalysis.extractor import extract
    >>> s = score_split(load_fixtures(_example_folder(), "dev"), extract).set_index("doc_id")
    >>> s.loc["TOTAL", ["truth", "tp", "recall", "precision", "measure_agreement"]].tolist()
    [2.0, 2.0, 1.0, 1.0, 1.0]
    >>> s.attrs["candidates"]["duplicate_of"].fillna("").tolist()  # the restatement is proposed as one
    ['', 'T001']
    """
    texts = fixtures["texts"]
    cands = pd.concat([extract_fn(t, d) for d, t in texts.items()], ignore_index=True)
    cands["candidate_id"] = cands["doc_id"] + ":" + cands["candidate_id"]
    s = score(cands, fixtures["targets"], texts, baselines=fixtures["baselines"],
              exclusions=fixtures["exclusions"], same_year=True)
    missing = [d for d in texts if d not in set(s["doc_id"])]
    if missing:
        empty = pd.DataFrame([{"doc_id": d, "truth": 0, "truth_unique": 0, "candidates": 0, "tp": 0} for d in missing])
        s = pd.concat([s.iloc[:-1], empty, s.iloc[-1:]], ignore_index=True)
    s.attrs["candidates"] = cands
    return s
