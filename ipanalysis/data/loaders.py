"""Loading the validated tables: the public loaders ``documents()``, ``indicators()``,
``targets()``, ``baselines()``, ``exclusions()``.

Each loader reads its CSV from ``data/``, validates it against its schema and against the
other tables (keys, doc ids, units, and every ``source_quote`` against its raw text), caches
the result keyed on the files' modification times, and returns a fresh copy, so a caller
may modify what it gets without touching the cache.

>>> t = targets()
>>> row = t.set_index("target_id").loc["NC-01"]
>>> row["doc_id"], row["indicator"], float(row["value"]), row["unit"], int(row["target_year"])
('nanchang_2021', 'high_value_invention_patents_per_10k', 10.0, '件/万人', 2025)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .schemas import DataValidationError, Problem, validate_frame
from .sources import doc_ids, raw_text
from ..paths import data_dir, data_root
from ..units import UnitError, parse_quantity
from ..errors import DataFileNotFoundError

__all__ = ["documents", "indicators", "targets", "baselines", "exclusions", "indicator_relations", "stated_reasons",
           "read_table", "check_all", "raw_checksum_problems"]


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(data_root()))
    except ValueError:
        return str(path)


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a data CSV as text columns (empty cell → missing); dtypes come from the schema.

    >>> read_table(data_dir() / "documents.csv")["doc_id"].tolist()[:2]
    ['guiyang_2022', 'cangshan_2013']
    """
    path = Path(path)
    if not path.is_file():
        raise DataFileNotFoundError(f"data file not found: {path}")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        m = re.search(r"line (\d+)", str(err))
        raise DataValidationError(_relative(path), [Problem(int(m.group(1)) if m else None, None,
                                  f"not a well-formed UTF-8 CSV ({err}); quote cells that contain commas")]) from None


def _stamp(*names: str) -> tuple:
    d = data_dir()
    files = [d / f"{n}.csv" for n in names] + sorted((d / "raw").glob("*.txt"))
    return (str(d),) + tuple(f.stat().st_mtime_ns if f.exists() else 0 for f in files)


def _checked(name: str, context: dict | None = None,
             rule: tuple[str, str, Callable[..., bool], tuple[str, ...]] | None = None) -> pd.DataFrame:
    """``data/<name>.csv`` read and validated against its schema (``context`` as in
    :func:`~ipanalysis.data.schemas.validate_frame`) and, with ``rule = (column, message, bad, columns)``,
    against one cross-table rule: a row is a problem in ``column`` when ``bad(*its values of columns)``."""
    path = data_dir() / f"{name}.csv"
    df = validate_frame(name, read_table(path), _relative(path), context)
    if rule:
        column, message, bad, columns = rule
        problems = [Problem(i + 2, column, message.format(*values), None)
                    for i, values in enumerate(zip(*(df[c] for c in columns))) if bad(*values)]
        if problems:
            raise DataValidationError(_relative(path), problems)
    return df


@lru_cache(maxsize=8)
def _documents(stamp: tuple) -> pd.DataFrame:
    raw = data_dir() / "raw"
    return _checked("documents", rule=("doc_id", "no raw text data/raw/{}.txt for this document",
                                       lambda d: pd.notna(d) and not (raw / f"{d}.txt").is_file(), ("doc_id",)))


@lru_cache(maxsize=8)
def _indicators(stamp: tuple) -> pd.DataFrame:
    return _checked("indicators")


def _quantity_problems(df: pd.DataFrame, value_col: str, id_col: str) -> list[Problem]:
    """``value_text`` (with ``table_unit`` for bare table cells) must parse to the row's value."""
    problems = []
    for i, row in df.iterrows():
        text = row.get("value_text")
        if pd.isna(text) or pd.isna(row[value_col]):
            continue
        rid = f"{id_col}={row[id_col]}"
        try:
            q = parse_quantity(text)
            if q.unit is None and pd.notna(row.get("table_unit")):
                q = parse_quantity(text + row["table_unit"])
        except UnitError as err:
            problems.append(Problem(i + 2, "value_text", str(err), rid))
            continue
        if abs(q.value - row[value_col]) > 1e-9 * max(1.0, abs(q.value)):
            problems.append(Problem(i + 2, value_col, f"{row[value_col]!r} but value_text {text!r} states {q.value!r}", rid))
        high = row.get("value_high")
        if q.value_high is not None and (pd.isna(high) or abs(q.value_high - high) > 1e-9):
            problems.append(Problem(i + 2, "value_high", f"{high!r} but value_text {text!r} states {q.value_high!r}", rid))
    return problems


def _provenance_problems(df: pd.DataFrame, id_col: str, units: dict[str, str]) -> list[Problem]:
    problems = []
    for i, row in df.iterrows():
        rid = f"{id_col}={row[id_col]}"
        quote = row["source_quote"]
        if quote not in raw_text(row["doc_id"]):
            problems.append(Problem(i + 2, "source_quote", f"quote not found verbatim in data/raw/{row['doc_id']}.txt: {quote[:40]!r}", rid))
        if pd.notna(row.get("value_text")) and row["value_text"] not in quote:
            problems.append(Problem(i + 2, "value_text", f"{row['value_text']!r} is not part of source_quote", rid))
        expected = "%" if row.get("measure") == "growth_rate" else units.get(row["indicator"])
        if expected and row["unit"] != expected:
            problems.append(Problem(i + 2, "unit", f"{row['unit']!r} but indicator {row['indicator']!r} is measured in {expected!r}", rid))
    return problems


def _validated(name: str, id_col: str, value_col: str, stamp: tuple) -> pd.DataFrame:
    path = data_dir() / f"{name}.csv"
    cat = _indicators(_stamp("indicators"))
    df = _checked(name, {"doc_ids": doc_ids(), "indicator_keys": cat["key"].tolist()})
    units = dict(zip(cat["key"], cat["base_unit"]))
    problems = _provenance_problems(df, id_col, units) + _quantity_problems(df, value_col, id_col)
    if problems:
        raise DataValidationError(_relative(path), sorted(problems, key=lambda p: (p.line or 0, p.column or "")))
    return df


@lru_cache(maxsize=8)
def _targets(stamp: tuple) -> pd.DataFrame:
    df = _validated("targets", "target_id", "value", stamp)
    ids = set(df["target_id"])
    bad = [Problem(i + 2, "duplicate_of", f"{d!r} is not a target_id", f"target_id={t}")
           for i, (t, d) in enumerate(zip(df["target_id"], df["duplicate_of"])) if pd.notna(d) and d not in ids]
    missing = [Problem(i + 2, "value", "missing value (only comparator 'qualitative' may omit it)", f"target_id={t}")
               for i, (t, v, c) in enumerate(zip(df["target_id"], df["value"], df["comparator"]))
               if pd.isna(v) and c != "qualitative"]
    if bad or missing:
        raise DataValidationError("data/targets.csv", bad + missing)
    return df


@lru_cache(maxsize=8)
def _baselines(stamp: tuple) -> pd.DataFrame:
    return _validated("baselines", "baseline_id", "value", stamp)


@lru_cache(maxsize=8)
def _exclusions(stamp: tuple) -> pd.DataFrame:
    return _checked("target_exclusions", {"doc_ids": doc_ids()},
                    ("quote", "not found verbatim in data/raw/{}.txt", lambda d, q: q not in raw_text(d),
                     ("doc_id", "quote")))


@lru_cache(maxsize=8)
def _indicator_relations(stamp: tuple) -> pd.DataFrame:
    ctx = {"doc_ids": doc_ids(), "indicator_keys": _indicators(_stamp("indicators"))["key"].tolist()}
    return _checked("indicator_relations", ctx,
                    ("strict", "part_of needs strict = yes or no (only part_of takes it)",
                     lambda r, st: (r == "part_of") == pd.isna(st), ("relation", "strict")))


@lru_cache(maxsize=8)
def _stated_reasons(stamp: tuple) -> pd.DataFrame:
    return _checked("stated_reasons")


def documents() -> pd.DataFrame:
    """The five source documents, one row each.

    >>> documents().set_index("doc_id").loc["ordos_2022", "doc_number"]
    '鄂府发〔2022〕28号'
    """
    return _documents(_stamp("documents")).copy()


def indicators() -> pd.DataFrame:
    """The canonical bilingual indicator catalogue.

    >>> indicators().set_index("key").loc["ip_pledge_financing", ["name_en", "base_unit"]].tolist()
    ['IP-backed (pledge) financing amount', 'yuan']
    """
    return _indicators(_stamp("indicators")).copy()


def targets() -> pd.DataFrame:
    """Every quantified target, one row each, with its verbatim ``source_quote``.

    >>> t = targets()
    >>> t.loc[t.target_id == "GY-01", "source_quote"].item() in raw_text("guiyang_2022")
    True
    """
    return _targets(_stamp("documents", "indicators", "targets")).copy()


def baselines() -> pd.DataFrame:
    """Every observed value the documents state (history, base-year values), with quotes.

    >>> b = baselines()
    >>> b.query("doc_id == 'ordos_2022' and indicator == 'patent_grants_annual'")[["year", "value"]].to_dict("records")
    [{'year': 2015, 'value': 550.0}, {'year': 2020, 'value': 2748.0}]
    """
    return _baselines(_stamp("documents", "indicators", "baselines")).copy()


def exclusions() -> pd.DataFrame:
    """Numbers in target-like sentences that are deliberately not targets, with reasons.

    >>> x = exclusions()
    >>> x.loc[x["quote"] == "筑府办函〔2022〕117号", "reason"].item()
    'Document number.'
    """
    return _exclusions(_stamp("documents", "target_exclusions")).copy()


def indicator_relations() -> pd.DataFrame:
    """Relations between catalogue indicators that the audit checks: ``part_of`` (with ``strict``),
    ``increment_of``, ``stock_flow``; ``doc_id`` empty = every document.

    >>> r = indicator_relations()
    >>> r.loc[r["indicator"] == "valid_trademarks", ["relation", "other_indicator"]].values.tolist()
    [['stock_flow', 'trademark_registrations_annual']]
    """
    return _indicator_relations(_stamp("indicators", "indicator_relations")).copy()


def stated_reasons() -> pd.DataFrame:
    """Keyword rules that mark a stated reason for growth unlike a document's own history.

    >>> stated_reasons()[["direction", "all_of"]].values.tolist()[0]
    ['slower', '数量;质量']
    """
    return _stated_reasons(_stamp("stated_reasons")).copy()


def raw_checksum_problems() -> list[Problem]:
    """Documents whose ``sha256`` in documents.csv differs from their raw text's (one per row), and raw
    texts with no row (the document list is documents.csv: such a text is not a document yet).

    >>> raw_checksum_problems()
    []
    """
    ids = set(doc_ids())
    out = [Problem(None, "doc_id", f"data/raw/{p.name} has no row in documents.csv (add the document's row)", None)
           for p in sorted((data_dir() / "raw").glob("*.txt")) if p.stem not in ids]
    for i, (doc, expected) in enumerate(zip(*documents()[["doc_id", "sha256"]].T.values)):
        actual = hashlib.sha256((data_dir() / "raw" / f"{doc}.txt").read_bytes()).hexdigest()
        if actual != expected:
            out.append(Problem(i + 2, "sha256", f"data/raw/{doc}.txt has sha256 {actual}, not the recorded "
                               f"{expected}: the raw text changed (raw texts are never edited)", f"doc_id={doc}"))
    return out


def check_all() -> dict[str, int]:
    """Load and validate every table, and the raw texts' checksums; return row counts.  Raises on
    the first bad file.

    >>> check_all()["documents"]
    5
    """
    counts = {"documents": len(documents()), "indicators": len(indicators()), "targets": len(targets()),
              "baselines": len(baselines()), "exclusions": len(exclusions()),
              "indicator_relations": len(indicator_relations()), "stated_reasons": len(stated_reasons())}
    problems = raw_checksum_problems()
    if problems:
        raise DataValidationError("data/documents.csv", problems)
    return counts
