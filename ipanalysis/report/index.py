"""The landing page ``index.html``, rendered from ``templates/index.html.j2`` (Jinja2).

One card per document (title zh/en, horizon, targets, projectable targets, attainment status counts
with the date of the latest observation, audit findings needing review, links to its pages), then the
cross-city pages, then the build log (times; failures with the failing cell and the error).  The
numbers come from :func:`document_summaries`, computed in the parent process, in one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..io import atomic_write
from .fonts import FONT_CSS

__all__ = ["document_summaries", "render_index", "write_index"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"


def _latest_observation(att) -> str | None:
    for col in ("obs_period_end", "obs_date", "obs_year"):
        if col in att.columns and att[col].notna().any():
            latest = att[col].dropna().max()
            return str(int(latest)) if col == "obs_year" else str(latest)[:10]
    return None


def _label(code) -> str:
    """A status code in the vocabulary's words (a code it does not know is shown as it is)."""
    from ..present.vocabulary import LABELS, label

    return label(code) if code in LABELS else str(code)


def document_summaries(attainment_parameters: Mapping[str, Mapping[str, Any]] | None = None) -> list[dict]:
    """One dict per document, in ``ip.documents()`` order: what its landing-page card shows.

    ``attainment_parameters`` maps a doc_id to the ``observations``/``as_of`` its attainment page
    uses (so the card and the page agree); without them ``ip.attainment``'s defaults apply.  The
    status counts are of attainment's ``status`` column (``schedule_status`` where there is none).
    A number that cannot be computed is ``None``, with the reason in ``errors``.

    >>> s = document_summaries({"ordos_2022": {"observations": "data/examples/illustrative_observations.csv",
    ...                                        "as_of": "2023"}})
    >>> [d["doc_id"] for d in s]
    ['guiyang_2022', 'cangshan_2013', 'nanchang_2021', 'national_2015', 'ordos_2022']
    >>> o = s[-1]
    >>> o["horizon"], o["n_targets"] >= o["n_projectable"] > 0, sum(o["status_counts"].values()) == o["n_targets"]
    ('2021→2025', True, True)
    >>> o["latest_observation"][:4], o["illustrative"], isinstance(o["needs_review"], int)
    ('2023', True, True)
    """
    import ipanalysis as ip

    attainment_parameters = attainment_parameters or {}
    docs = ip.documents()
    try:
        aud = ip.audit()
        review = aud[aud["status"] == "needs_review"].groupby("doc_id").size().to_dict()
        audit_error = None
    except Exception as exc:  # the card shows the gap; the audit page shows the error
        review, audit_error = None, f"audit: {type(exc).__name__}: {exc}"
    out = []
    for doc in docs.to_dict("records"):
        doc_id = doc["doc_id"]
        card: dict[str, Any] = {
            "doc_id": doc_id, "title_zh": doc["title_zh"], "title_en": doc["title_en"],
            "place_zh": doc["place_zh"], "place_en": doc["place_en"],
            "horizon": f"{doc['plan_start_year']}→{str(doc['target_years']).replace(';', '/')}",
            "n_targets": None, "n_projectable": None, "status_counts": {}, "latest_observation": None,
            "illustrative": False, "needs_review": None if review is None else int(review.get(doc_id, 0)),
            "errors": [audit_error] if audit_error else []}
        try:
            tr = ip.trajectories(doc_id)
            card["n_targets"], card["n_projectable"] = len(tr), int(tr["computable"].sum())
        except Exception as exc:
            card["errors"].append(f"trajectories: {type(exc).__name__}: {exc}")
        params = {k: v for k, v in (attainment_parameters.get(doc_id) or {}).items() if k in ("observations", "as_of")}
        try:
            att = ip.attainment(doc_id=doc_id, **params)
            col = "status" if "status" in att.columns else "schedule_status"
            card["status_counts"] = {str(k): int(v) for k, v in att[col].value_counts().items()}
            card["latest_observation"] = _latest_observation(att[att[col] != "no_data"])
            card["illustrative"] = ("illustrative" in str(params.get("observations", "")).lower()
                                    or ("illustrative" in att.columns and bool(att["illustrative"].fillna(False).any())))
        except Exception as exc:
            card["errors"].append(f"attainment: {type(exc).__name__}: {exc}")
        out.append(card)
    return out


def render_index(cards: Sequence[Mapping], pages: Sequence[Mapping], summary: str) -> str:
    """The HTML of the landing page.  ``pages`` are build-log rows (name, notebook, parameters,
    doc_id, status, seconds, built_at, html, ipynb, cell, error, traceback).

    >>> html = render_index([], [{"name": "compare", "notebook": "compare.ipynb", "parameters": {},
    ...     "doc_id": None, "status": "failed", "cell": 3, "error": "ValueError: x", "html": None}], "1 report")
    >>> "cell 3" in html and "ValueError: x" in html
    True
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["label"] = _label
    by_doc: dict[str, list] = {}
    for p in pages:
        if p.get("doc_id"):
            by_doc.setdefault(p["doc_id"], []).append(p)
    return env.get_template("index.html.j2").render(
        cards=cards, by_doc=by_doc, cross=[p for p in pages if not p.get("doc_id")], pages=pages, summary=summary,
        font_css=FONT_CSS)


def write_index(out: Path, cards: Sequence[Mapping], pages: Sequence[Mapping], summary: str) -> None:
    atomic_write(Path(out) / "index.html", render_index(cards, pages, summary))
