"""The JSON API under /api/: the same filters as the pages, offset/limit pagination, OpenAPI.

Donation objects are the `query --format json` contract (fields may be added, never removed),
so the models allow extra fields. The one write is POST /api/review, behind the review token.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from aidledger.storage import web_queries
from aidledger.storage.ledger_page import search_page
from aidledger.storage.ledger_search import (
    FACET_SAMPLE,
    donation_detail,
    entity_totals,
)
from aidledger.web.app import SessionDep, check_token
from aidledger.web.ops import judge
from aidledger.web.pages import cached_facets, enrich_evidence
from aidledger.web.params import MAX_LIMIT, PAGE_SIZE, TEXT, Filters, SortKey, filter_params

router = APIRouter(prefix="/api", tags=["ledger"])
FilterDep = Annotated[Filters, Depends(filter_params)]
Stamp = str | datetime | None


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class StatusStep(Open):
    status: str | None = None
    since: Stamp = None


class Conflict(Open):
    kind: str
    detail: Any = None


class DonationRow(Open):
    id: str
    donors: list[str]
    item: str | None
    quantity: int | None
    quantity_rule: str | None = None
    recipients: list[str]
    status: str | None
    status_history: list[StatusStep] = []
    first_seen: Stamp = None
    last_seen: Stamp = None
    independent_sources: int
    conflicts: list[Conflict] = []


class DonationPage(BaseModel):
    total: int = Field(description="Donations matching the filters: exact when `total_exact`, "
                       "else a lower bound (counting stops at 10,000, or at 1,000 when a "
                       "donor, recipient or free-text filter is combined with others).")
    total_exact: bool = Field(True, description="Whether `total` is the exact count.")
    offset: int
    limit: int
    items: list[DonationRow]
    next: str | None = Field(description="URL of the next page, or null on the last.")
    prev: str | None


class SnapshotInfo(Open):
    id: int | None = None
    url: str | None = None
    fetched_at: Stamp = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None


class EvidenceItem(Open):
    kind: str
    url: str | None = None
    document: int | None = None
    record: str
    role: str
    reason: str | None = None
    quote: Any = None
    quantity: int | None = None
    first_seen: Stamp = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    snapshot_url: str | None = Field(None, description="The stored page as it was fetched.")


class DonationDetail(DonationRow):
    evidence: list[EvidenceItem]


class FacetValue(BaseModel):
    value: str
    count: int


class ReviewIn(BaseModel):
    record: str = Field(max_length=80, description="Record id of the evidence link.")
    donation: str = Field(max_length=80, description="Donation id it is linked to.")
    decision: Literal["confirm", "reject"]
    note: str | None = Field(None, max_length=2000)


class ReviewOut(BaseModel):
    record: str
    donation: str
    decision: str
    anchor: str


def _page_url(request: Request, offset: int, limit: int) -> str:
    return str(request.url.include_query_params(offset=offset, limit=limit))


@router.get("/donations", response_model=DonationPage)
def api_donations(request: Request, session: SessionDep, filters: FilterDep,
                  sort: Annotated[SortKey, Query()] = "first_seen",
                  order: Annotated[Literal["asc", "desc"], Query()] = "asc",
                  offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                  limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = PAGE_SIZE) -> Any:
    """Donations matching the filters, one page."""
    found = search_page(session, filters.ledger(), sort=sort, descending=order == "desc",
                        offset=offset, limit=limit)
    nxt = _page_url(request, offset + limit, limit) if found.more else None
    prev = _page_url(request, max(0, offset - limit), limit) if offset > 0 else None
    return {"total": found.total, "total_exact": found.exact, "offset": offset, "limit": limit,
            "items": found.rows, "next": nxt, "prev": prev}


@router.get("/donations/{donation_id}", response_model=DonationDetail,
            responses={404: {"description": "No such donation."}})
def api_donation(session: SessionDep,
                 donation_id: Annotated[str, Path(max_length=80)]) -> Any:
    """One donation with every piece of evidence, its outlet and stored snapshot."""
    d = donation_detail(session, donation_id)
    if d is None:
        raise HTTPException(404, f"no donation {donation_id!r}")
    evidence = []
    for e in enrich_evidence(session, d.get("evidence") or []):
        e.pop("snapshot", None)
        e.pop("record_detail", None)
        doc = e.get("document")
        e["snapshot_url"] = f"/snapshots/{doc}/raw" if isinstance(doc, int) else None
        evidence.append(e)
    return {**d, "evidence": evidence}


@router.get("/facets", response_model=dict[str, list[FacetValue]])
def api_facets(request: Request, response: Response, session: SessionDep,
               filters: FilterDep, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> Any:
    """Counts per donor, recipient, item, status, number of sources and has-conflicts. When
    more than 10,000 donations match a filter they count the first 10,000 found (header
    `X-Facet-Sample: 10000`); without filters they are the whole ledger's, kept by reconcile.
    Kept a minute per set of filters, as on the pages."""
    facets, sampled = cached_facets(request, session, filters, limit)
    if sampled:
        response.headers["X-Facet-Sample"] = str(FACET_SAMPLE)
    return {k: [{"value": str(v), "count": n} for v, n in values]
            for k, values in facets.items()}


@router.get("/totals", response_model=list[dict[str, Any]])
def api_totals(session: SessionDep,
               donor: Annotated[str | None, Query(**TEXT)] = None,
               recipient: Annotated[str | None, Query(**TEXT)] = None,
               item: Annotated[str | None, Query(**TEXT)] = None) -> Any:
    """Totals per status for a donor, recipient and/or item."""
    return entity_totals(session, donor=donor or None, recipient=recipient or None,
                         item=item or None)


@router.get("/health")
def api_health(session: SessionDep) -> dict[str, list[dict[str, Any]]]:
    """Per-source counts of the latest run, the latest runs and fetch failures."""
    return {"sources": web_queries.source_health(session),
            "runs": web_queries.recent_runs(session),
            "failures": web_queries.recent_failures(session)}


@router.get("/review")
def api_review_queue(session: SessionDep,
                     offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                     limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = PAGE_SIZE
                     ) -> dict[str, Any]:
    """Links awaiting a person's judgement, as `aidledger review` lists them."""
    rows, total = web_queries.review_queue(session, offset, limit)
    return {"total": total, "offset": offset, "limit": limit, "items": rows}


@router.post("/review", response_model=ReviewOut, status_code=201,
             responses={400: {"description": "The body is not JSON."},
                        401: {"description": "Missing or wrong token."},
                        403: {"description": "Reviews disabled: no token configured."},
                        404: {"description": "No such donation or record."}})
def api_review(request: Request, body: ReviewIn,
               authorization: Annotated[str | None, Header(max_length=500)] = None) -> Any:
    """Confirm or reject a link (`Authorization: Bearer <review token>`); applied on the
    next `aidledger reconcile`."""
    given = authorization[7:] if authorization and authorization[:7].lower() == "bearer " \
        else None
    check_token(request, given)
    anchor = judge(request, body.record, body.donation, body.decision, body.note)
    return {"record": body.record, "donation": body.donation, "decision": body.decision,
            "anchor": anchor}
