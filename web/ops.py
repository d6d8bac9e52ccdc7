"""Pages about the machinery: crawl health, stored snapshots as fetched, the review queue.

A snapshot is served from the store byte for byte but inert: sandboxed by its own CSP (no
scripts, no loads from anywhere) and framed by a page that says what it is and when it was
fetched. The review form is the app's one write and needs the server's review token.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from aidledger.storage import web_queries
from aidledger.storage.ledger_queries import add_review
from aidledger.web.app import SessionDep, check_token, page, writable_sessions
from aidledger.web.params import PAGE_SIZE
from aidledger.web.security import COMMON, SNAPSHOT_CSP

router = APIRouter(include_in_schema=False)
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml",
              "text/xml", "application/rss+xml", "application/atom+xml", "application/json")


@router.get("/health")
def health(request: Request, session: SessionDep) -> Response:
    return page(request, "health.html", {
        "sources": web_queries.source_health(session),
        "runs": web_queries.recent_runs(session),
        "failures": web_queries.recent_failures(session)})


@router.get("/snapshots/{snapshot_id}")
def snapshot(request: Request, session: SessionDep, snapshot_id: int) -> Response:
    info = web_queries.snapshot_info(session, [snapshot_id]).get(snapshot_id)
    if info is None:
        raise HTTPException(404, f"no snapshot {snapshot_id}")
    return page(request, "snapshot.html", {"s": info})


def snapshot_media_type(content_type: str | None) -> str:
    """The stored type if it is text we can show inertly, else plain text (never sniffed)."""
    base = (content_type or "text/html").split(";")[0].strip().lower()
    if base in ("text/html", "application/xhtml+xml"):
        return "text/html"
    return "text/plain" if base in TEXT_TYPES else "application/octet-stream"


@router.get("/snapshots/{snapshot_id}/raw")
def snapshot_raw(session: SessionDep, snapshot_id: int) -> Response:
    found = web_queries.snapshot_raw(session, snapshot_id)
    if found is None:
        raise HTTPException(404, f"no snapshot {snapshot_id}")
    info, body = found
    media = snapshot_media_type(info.get("content_type"))
    charset = _charset(info.get("content_type"))
    headers = {**COMMON, "content-security-policy": SNAPSHOT_CSP,
               "x-frame-options": "SAMEORIGIN", "cache-control": "private, max-age=3600",
               "content-type": f"{media}; charset={charset}" if media != "application/"
               "octet-stream" else media}
    if media == "application/octet-stream":
        headers["content-disposition"] = f'attachment; filename="snapshot-{snapshot_id}"'
    return Response(body, headers=headers)


def _charset(content_type: str | None) -> str:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        value = value.strip().strip('"')
        if key.lower() == "charset" and value.replace("-", "").replace("_", "").isalnum():
            return value
    return "utf-8"


@router.get("/review")
def review_queue(request: Request, session: SessionDep,
                 page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
                 done: Annotated[str | None, Query(max_length=20)] = None) -> Response:
    rows, total = web_queries.review_queue(session, (page_no - 1) * PAGE_SIZE, PAGE_SIZE)
    pages = max(1, -(-total // PAGE_SIZE))
    return page(request, "review.html", {
        "rows": rows, "total": total, "page": page_no, "pages": pages,
        "enabled": bool(request.app.state.config.review_token),
        "done": done if done in ("confirm", "reject") else None})


@router.post("/review")
def review_submit(request: Request, record: Annotated[str, Form(max_length=80)],
                  donation: Annotated[str, Form(max_length=80)],
                  decision: Annotated[Literal["confirm", "reject"], Form()],
                  token: Annotated[str, Form(max_length=400)] = "",
                  note: Annotated[str | None, Form(max_length=2000)] = None) -> Response:
    check_token(request, token)
    judge(request, record, donation, decision, note)
    return RedirectResponse(f"/review?done={decision}", status_code=303)


def judge(request: Request, record: str, donation: str, decision: str, note: str | None
          ) -> str:
    """Store a judgement as `aidledger review confirm|reject` does; returns the anchor."""
    with writable_sessions(request).begin() as s:
        anchor = web_queries.anchor_record(s, donation)
        if anchor is None:
            raise HTTPException(404, f"no donation {donation!r}")
        if not web_queries.record_details(s, [record]):
            raise HTTPException(404, f"no record {record!r}")
        add_review(s, record, anchor, decision, note or None)
    return anchor
