"""Server-rendered pages: search with facets, a donation, donors/recipients/items, conflicts.

Every page is a GET with its whole state in the URL (filters, sort, page), so the address bar
is a citation; `format=csv` on a list page downloads exactly the rows on screen.
"""

from __future__ import annotations

import re
import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from aidledger.storage import web_queries
from aidledger.storage.ledger_page import SearchPage, search_page
from aidledger.storage.ledger_search import (
    FACET_SAMPLE,
    donation_detail,
    entity_totals,
    facet_summary,
)
from aidledger.web import render
from aidledger.web.app import SessionDep, page
from aidledger.web.params import PAGE_SIZE, Filters, Search, filter_params, page_params

router = APIRouter(include_in_schema=False)
FilterDep = Annotated[Filters, Depends(filter_params)]
PageDep = Annotated[tuple[str, bool, int], Depends(page_params)]
Format = Annotated[Literal["html", "csv"], Query(alias="format")]
CHART_ROWS = 5000
FACETS = (("donor", "Donor"), ("recipient", "Recipient"), ("item", "Item"),
          ("status", "Status"), ("sources", "Independent sources"),
          ("has_conflicts", "Sources disagree"))
ENTITY_KINDS = {"donors": ("donor", "Donor"), "recipients": ("recipient", "Recipient"),
                "items": ("item", "Item")}


def csv_response(rows: list[dict[str, Any]], name: str) -> Response:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:80] or "donations"
    return Response(render.to_csv(rows), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{safe}.csv"'})


def run_search(session: Any, search: Search) -> SearchPage:
    return search_page(session, search.filters.ledger(), sort=search.sort,
                       descending=search.descending, offset=search.offset, limit=search.limit)


FACET_TTL = 60.0
FACET_CACHE_SIZE = 256


def cached_facets(request: Request, session: Any, filters: Filters, limit: int = 20
                  ) -> tuple[dict[str, list[tuple[Any, int]]], bool]:
    """Facet counts (and whether they count a sample), kept a minute per set of filters:
    paging and re-sorting do not change them. The app never writes, so a minute's staleness
    is at most one reconcile behind."""
    cache: dict[tuple[Filters, int], tuple[float, Any]] = request.app.state.facet_cache
    now = time.monotonic()
    hit = cache.get((filters, limit))
    if hit is not None and now - hit[0] < FACET_TTL:
        return hit[1]  # type: ignore[no-any-return]
    facets = facet_summary(session, filters.ledger(), limit)
    if len(cache) >= FACET_CACHE_SIZE:
        cache.clear()
    cache[filters, limit] = (now, facets)
    return facets


def pager(search: Search, found: SearchPage, path: str) -> dict[str, Any]:
    """Where this page is. A total past the count's cap is shown as "10,000+" and the page
    count is left out; "next" is there whenever rows follow."""
    total, shown = found.total, len(found.rows)
    pages = max(1, -(-total // search.limit))
    return {"page": search.page, "pages": pages, "total": total, "exact": found.exact,
            "first": search.offset + 1 if shown else 0,
            "last": search.offset + shown,
            "prev": search.url(path, page=search.page - 1) if search.page > 1 else None,
            "next": search.url(path, page=search.page + 1) if found.more else None,
            "csv": _with_csv(search.url(path))}


def _with_csv(url: str) -> str:
    return url + ("&" if "?" in url else "?") + "format=csv"


def sort_links(search: Search, path: str) -> dict[str, dict[str, Any]]:
    out = {}
    for key in ("first_seen", "last_seen", "quantity", "independent_sources", "status", "item"):
        current = search.sort == key
        out[key] = {"url": search.url(path, sort=key, descending=current and not
                                      search.descending, page=1),
                    "current": current, "descending": current and search.descending}
    return out


def _facet_filter(key: str, value: Any) -> dict[str, Any] | None:
    """The filter a facet value stands for; None when it cannot be filtered on (e.g. 'no')."""
    if key == "sources":
        m = re.match(r"\d+", str(value))
        return {"min_sources": int(m.group())} if m and int(m.group()) >= 1 else None
    if key == "has_conflicts":
        return {"conflicts_only": True} if str(value).lower() in ("yes", "true", "1") else None
    return {key: str(value)}


def facet_links(search: Search, facets: dict[str, list[tuple[Any, int]]], path: str
                ) -> list[dict[str, Any]]:
    out = []
    for key, label in FACETS:
        values = []
        for value, count in facets.get(key, []):
            change = _facet_filter(key, value)
            chosen = change is not None and all(getattr(search.filters, k) == v
                                                for k, v in change.items())
            url = None
            if change is not None:
                undo = {k: (False if k == "conflicts_only" else None) for k in change}
                new = search.filters.with_(**(undo if chosen else change))
                url = search.url(path, filters=new, page=1)
            values.append({"value": value, "count": count, "url": url, "chosen": chosen})
        out.append({"key": key, "label": label, "options": values})
    return out


@router.get("/")
def home(request: Request) -> RedirectResponse:
    query = request.url.query
    return RedirectResponse("/donations" + (f"?{query}" if query else ""), status_code=307)


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


@router.get("/donations")
def donations(request: Request, session: SessionDep, filters: FilterDep, paging: PageDep,
              fmt: Format = "html") -> Response:
    search = Search(filters, *paging)
    found = run_search(session, search)
    if fmt == "csv":
        return csv_response(found.rows, f"donations-page{search.page}")
    facets, sampled = cached_facets(request, session, filters)
    return page(request, "search.html", {
        "search": search, "rows": found.rows, "pager": pager(search, found, "/donations"),
        "sorts": sort_links(search, "/donations"),
        "facets": facet_links(search, facets, "/donations"), "path": "/donations",
        "facets_sampled": sampled, "facet_sample": FACET_SAMPLE})


@router.get("/donations/{donation_id}")
def donation(request: Request, session: SessionDep, donation_id: str) -> Response:
    d = donation_detail(session, donation_id)
    if d is None:
        raise HTTPException(404, f"no donation {donation_id!r}: search the ledger at /donations")
    evidence = enrich_evidence(session, d.get("evidence") or [])
    return page(request, "donation.html", {"d": d, "evidence": evidence})


def enrich_evidence(session: Any, evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence links with their snapshot (outlet, title, dates) and record (labels, cells)."""
    snaps = web_queries.snapshot_info(
        session, [e["document"] for e in evidence if isinstance(e.get("document"), int)])
    recs = web_queries.record_details(session, [e["record"] for e in evidence
                                                if e.get("record")])
    out = []
    for e in evidence:
        snap = snaps.get(e.get("document")) or {}
        rec = recs.get(e.get("record")) or {}
        out.append({**e, "snapshot": snap, "record_detail": rec,
                    "outlet": e.get("outlet") or snap.get("outlet"),
                    "published": e.get("published") or snap.get("published"),
                    "title": e.get("title") or snap.get("title")})
    return out


def entity_page(request: Request, session: Any, kind: str, name: str, paging: tuple,
                fmt: str) -> Response:
    field, label = ENTITY_KINDS[kind]
    search = Search(Filters(**{field: name}), *paging)
    path = f"/{kind}/{render.path_part(name)}"
    found = run_search(session, search)
    if fmt == "csv":
        return csv_response(found.rows, f"{field}-{name}-page{search.page}")
    totals = entity_totals(session, **{field: name})
    chart = search_page(session, search.filters.ledger(), sort="first_seen", limit=CHART_ROWS)
    return page(request, "entity.html", {
        "kind": kind, "label": label, "name": name, "field": field, "totals": totals,
        "chart": render.bar_chart(render.monthly(chart.rows)), "chart_capped": chart.more,
        "chart_rows": CHART_ROWS,
        "rows": found.rows, "search": search, "pager": pager(search, found, path),
        "sorts": sort_links(search, path), "path": path})


@router.get("/donors/{name:path}")
def donor(request: Request, session: SessionDep, name: str, paging: PageDep,
          fmt: Format = "html") -> Response:
    return entity_page(request, session, "donors", name, paging, fmt)


@router.get("/recipients/{name:path}")
def recipient(request: Request, session: SessionDep, name: str, paging: PageDep,
              fmt: Format = "html") -> Response:
    return entity_page(request, session, "recipients", name, paging, fmt)


@router.get("/items/{name:path}")
def item(request: Request, session: SessionDep, name: str, paging: PageDep,
         fmt: Format = "html") -> Response:
    return entity_page(request, session, "items", name, paging, fmt)


@router.get("/conflicts")
def conflicts(request: Request, session: SessionDep, filters: FilterDep, paging: PageDep,
              fmt: Format = "html") -> Response:
    search = Search(filters.with_(conflicts_only=True), *paging)
    found = run_search(session, search)
    if fmt == "csv":
        return csv_response(found.rows, f"conflicts-page{search.page}")
    return page(request, "conflicts.html", {
        "rows": found.rows, "search": search, "pager": pager(search, found, "/conflicts"),
        "sorts": sort_links(search, "/conflicts"), "path": "/conflicts",
        "page_size": PAGE_SIZE})
