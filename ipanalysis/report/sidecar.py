"""The data of a page, beside it: ``<out>/<name>.data/`` holds one CSV per table the page shows
(``<n>-<slug>.csv``: UTF-8 without BOM, values in base units, a ``<column>_unit`` column where the
unit varies by row), a Frictionless tabular data resource descriptor per table (``<n>-<slug>.json``:
name, path, title, description, schema fields with types and units, the method, the sources) and a
``datapackage.json`` listing them.

The tables come from the executed notebook's outputs (the ``application/vnd.ipanalysis.table+json``
payload each :class:`~ipanalysis.present.display.Table` emits): no kernel work is added.  The
folder is written whole, then swapped in (a reader never sees half of it), and removed with the
page (:func:`remove`), so no stale file outlives its page.

>>> import nbformat
>>> from ipanalysis.present.tabledata import MIME
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## Sources of the observations"),
...     nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("display_data", {MIME: {
...         "caption": None, "columns": ["URL"], "rows": [["https://x.cn"]],
...         "data": {"fields": [{"name": "obs_url", "type": "string"}], "rows": [["https://x.cn"]]}}})])])
>>> [(t["n"], t["slug"], t["title"]) for t in tables_of(nb)]
[(1, '1-sources-of-the-observations', 'Sources of the observations')]
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..data.urls import is_link
from ..io import atomic_write
from ..present.tabledata import MIME

__all__ = ["tables_of", "write", "remove", "annotated", "method_of", "data_dir_of"]

_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def data_dir_of(out: Path, name: str) -> Path:
    return Path(out) / f"{name}.data"


def _slug(text: str, limit: int = 48) -> str:
    """ASCII words of ``text``, hyphenated.

    >>> _slug("What was observed, and the verdict"), _slug("序时进度"), _slug("A" * 60)[-3:]
    ('what-was-observed-and-the-verdict', 'table', 'aaa')
    >>> _slug("Year by year: history, plan path, and what past growth would give")  # whole words only
    'year-by-year-history-plan-path-and-what-past'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[:limit + 1].rsplit("-", 1)[0]
        slug = cut if "-" in slug[:limit + 1] else slug[:limit]
    return slug or "table"


def _plain(markdown: str) -> str:
    return re.sub(r"[*_`]+", "", markdown).strip()


def tables_of(nb) -> list[dict[str, Any]]:
    """The tables a page shows, in order: ``n`` (1-based), ``slug`` and ``title`` (the caption, else the
    heading above), ``caption``, ``payload``, and where it is (``cell``, ``output`` indices)."""
    heading, found = None, []
    for ci, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            heads = _HEADING.findall(cell.source)
            heading = _plain(heads[-1]) if heads else heading
            continue
        for oi, output in enumerate(cell.get("outputs", [])):
            payload = output.get("data", {}).get(MIME) if output.get("output_type") in (
                "display_data", "execute_result") else None
            if payload is None:
                continue
            n = len(found) + 1
            title = payload.get("caption") or heading or f"Table {n}"
            found.append({"n": n, "slug": f"{n}-{_slug(heading or title)}", "title": title,
                          "caption": payload.get("caption"), "payload": payload, "cell": ci, "output": oi})
    return found


def method_of(nb) -> str | None:
    """The notebook's method note: the markdown paragraph(s) from "**Method.**" to the next blank-line
    paragraph that does not continue it (a numbered list does), as written."""
    for cell in nb.cells:
        if cell.cell_type != "markdown" or "**Method.**" not in cell.source:
            continue
        text = cell.source[cell.source.index("**Method.**"):]
        paras = text.split("\n\n")
        keep = [paras[0]] + [p for p in paras[1:2] if re.match(r"\s*(\d+\.|-)\s", p)]
        return _plain("\n\n".join(keep).replace("**Method.**", "")).strip()
    return None


def _csv(fields: Sequence[Mapping], rows: Sequence[Sequence]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([f["name"] for f in fields])
    for row in rows:
        w.writerow(["" if v is None else ("true" if v is True else "false" if v is False else v) for v in row])
    return buf.getvalue()


def _sources(rows: Sequence[Sequence], dataset: Mapping) -> list[dict]:
    """The dataset the page is computed from (its descriptor's path in the repository), then every
    distinct http(s)/mailto URL the table cites."""
    out = [{"title": f"{dataset['title']}, version {dataset['version']}", "path": dataset["path"]}]
    seen = set()
    for row in rows:
        for v in row:
            if isinstance(v, str) and is_link(v) and v not in seen:
                seen.add(v)
                out.append({"title": v, "path": v})
    return out


def _id(ctx: Mapping) -> str:
    """The page's name as a Frictionless name (no ``/``: ``zh/audit`` → ``zh-audit``)."""
    return ctx.get("id") or ctx["name"].replace("/", "-")


def _resource(t: Mapping, ctx: Mapping, method: str | None) -> dict:
    data = t["payload"]["data"]
    res = {"profile": "tabular-data-resource", "name": f"{_id(ctx)}-{t['slug']}".lower(),
           "path": f"{t['slug']}.csv", "title": t["title"], "format": "csv", "mediatype": "text/csv",
           "encoding": "utf-8", "schema": {"fields": data["fields"]}}
    if t["caption"]:
        res["description"] = t["caption"]
    dataset = {"title": ctx["dataset"]["title"], "version": ctx["data_version"], "path": "data/datapackage.json"}
    res["sources"] = _sources(data["rows"], dataset)
    res["licenses"] = [{"name": "CC-BY-4.0", "path": ctx["licences"]["data"][1], "title": ctx["licences"]["data"][0]}]
    page = ctx.get("href") or f"{ctx['name']}.html"  # the page, from its data folder beside it
    res["ipanalysis"] = {"page": f"../{page}", "report": ctx["label"], "doc_id": ctx["doc_id"],
                         "parameters": ctx["parameters"], "method": method, "rows": len(data["rows"]),
                         "data_version": ctx["data_version"], "package_version": ctx["package_version"],
                         "built": ctx["built"]}
    return res


def _package(resources: Sequence[Mapping], ctx: Mapping) -> dict:
    return {"profile": "tabular-data-package", "name": _id(ctx).lower(), "title": ctx["heading"],
            "version": ctx["data_version"], "created": ctx["built"],
            "licenses": [{"name": "CC-BY-4.0", "path": ctx["licences"]["data"][1]}],
            "sources": [{"title": f"{ctx['dataset']['title']}, version {ctx['data_version']}",
                         "path": "data/datapackage.json"}],
            "resources": [{k: v for k, v in r.items() if k != "ipanalysis"} for r in resources]}


def write(out: Path, nb, ctx: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Write ``<out>/<name>.data/`` for the executed ``nb`` (``ctx``: the page context with ``built``)
    and return its tables with their ``csv`` and ``json`` hrefs (relative to the page)."""
    out, name = Path(out), ctx["name"]
    final = data_dir_of(out, name)
    for old in final.parent.glob(f".{final.name}-*"):  # left by a killed build
        shutil.rmtree(old, ignore_errors=True)
    tables, method = tables_of(nb), method_of(nb)
    if not tables:
        remove(out, name)
        return []
    final.parent.mkdir(parents=True, exist_ok=True)  # <out>/zh/
    staging = Path(tempfile.mkdtemp(dir=final.parent, prefix=f".{final.name}-new-"))
    try:
        os.chmod(staging, 0o755)
        resources = []
        for t in tables:
            data = t["payload"]["data"]
            atomic_write(staging / f"{t['slug']}.csv", _csv(data["fields"], data["rows"]))
            res = _resource(t, ctx, method)
            atomic_write(staging / f"{t['slug']}.json", json.dumps(res, ensure_ascii=False, indent=2) + "\n")
            resources.append(res)
            t.update(csv=f"{final.name}/{t['slug']}.csv", json=f"{final.name}/{t['slug']}.json")
        atomic_write(staging / "datapackage.json", json.dumps(_package(resources, ctx), ensure_ascii=False, indent=2)
                     + "\n")
        _swap(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return tables


def _swap(staging: Path, final: Path) -> None:
    """Put ``staging`` where ``final`` is; the old folder goes only once the new one is in place."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.stem}.data-old-{os.getpid()}")
        os.replace(final, old)
    os.replace(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def remove(out: Path, name: str) -> None:
    """Remove a page's data folder (with the page: a failed report leaves neither)."""
    shutil.rmtree(data_dir_of(out, name), ignore_errors=True)


def annotated(nb, tables: Sequence[Mapping[str, Any]]):
    """A copy of ``nb`` whose table outputs carry their download links in ``metadata.ipanalysis``
    (read by the page template)."""
    nb = copy.deepcopy(nb)
    for t in tables:
        meta = nb.cells[t["cell"]].outputs[t["output"]].setdefault("metadata", {})
        meta["ipanalysis"] = {"n": t["n"], "csv": t["csv"], "json": t["json"], "title": t["title"]}
    return nb
