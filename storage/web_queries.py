"""Reads the web app needs beyond the ledger search: crawl health, snapshots, evidence details.

Parameterised selects only; every function takes a session the caller owns (the web app's is
read-only) and returns plain dicts, so templates and the JSON API never touch ORM objects.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aidledger.storage.ledger import Donation, Evidence
from aidledger.storage.models import CrawlRun, FetchFailure, Page, Record, Snapshot, Source
from aidledger.storage.pages import snapshot_body

REVIEWABLE_ROLES = ("conflicts", "corroborates")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def recent_runs(session: Session, limit: int = 30) -> list[dict[str, Any]]:
    """The latest crawl and ingest runs, newest first, with their fetch-failure count."""
    failures = (select(FetchFailure.run_id, func.count().label("n"))
                .group_by(FetchFailure.run_id).subquery())
    q = (select(CrawlRun, Source.name, failures.c.n)
         .outerjoin(Source, Source.id == CrawlRun.source_id)
         .outerjoin(failures, failures.c.run_id == CrawlRun.id)
         .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc()).limit(limit))
    out = []
    for run, source, n_failures in session.execute(q):
        detail = run.detail or {}
        out.append({
            "id": run.id, "command": run.command, "source": source,
            "started_at": _iso(run.started_at), "finished_at": _iso(run.finished_at),
            "outcome": run.outcome, "pages_fetched": run.pages_fetched,
            "pages_unchanged": run.pages_unchanged, "pages_failed": run.pages_failed,
            "records_found": int((detail.get("counts") or {}).get("records", 0)),
            "records_added": run.records_added, "records_changed": run.records_changed,
            "records_gone": run.records_gone, "fetch_failures": n_failures or 0,
            "failed_checks": [c for c in detail.get("checks") or [] if not c.get("ok", True)],
        })
    return out


def source_health(session: Session, scan: int = 200) -> list[dict[str, Any]]:
    """Per source, the counts of the latest finished run that crawled it (runs keep per-source
    counts in their detail), so a source that went quiet stands out."""
    q = (select(CrawlRun).where(CrawlRun.finished_at.is_not(None))
         .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc()).limit(scan))
    seen: dict[str, dict[str, Any]] = {}
    for run in session.scalars(q):
        detail = run.detail or {}
        checks = defaultdict(list)
        for c in detail.get("checks") or []:
            if not c.get("ok", True):
                checks[c.get("source")].append(c)
        for name, counts in (detail.get("sources") or {}).items():
            if name in seen:
                continue
            seen[name] = {"source": name, "run": run.id, "at": _iso(run.finished_at),
                          "outcome": run.outcome, "pages": int(counts.get("pages", 0)),
                          "unchanged": int(counts.get("unchanged", 0)),
                          "records": int(counts.get("records", 0)),
                          "errors": int(counts.get("failed", 0)),
                          "banned": int(counts.get("banned", 0)),
                          "failed_checks": checks.get(name, [])}
    return [seen[k] for k in sorted(seen)]


def recent_failures(session: Session, limit: int = 30) -> list[dict[str, Any]]:
    q = select(FetchFailure).order_by(FetchFailure.at.desc(), FetchFailure.id.desc()).limit(limit)
    return [{"run": f.run_id, "url": f.url, "at": _iso(f.at), "status": f.status,
             "reason": f.reason} for f in session.scalars(q)]


def snapshot_info(session: Session, snapshot_ids: list[int]) -> dict[int, dict[str, Any]]:
    """What a reader needs to judge a source: page URL, fetch time, outlet, title, published."""
    if not snapshot_ids:
        return {}
    q = (select(Snapshot.id, Snapshot.fetched_at, Snapshot.content_type, Snapshot.meta,
                Snapshot.blob_sha256, Snapshot.status, Snapshot.kind, Page.url)
         .join(Page, Page.id == Snapshot.page_id).where(Snapshot.id.in_(snapshot_ids)))
    out: dict[int, dict[str, Any]] = {}
    for row in session.execute(q):
        parsed = (row.meta or {}).get("parsed") or {}
        out[row.id] = {"id": row.id, "url": row.url, "fetched_at": _iso(row.fetched_at),
                       "content_type": row.content_type, "sha256": row.blob_sha256,
                       "status": row.status, "kind": row.kind,
                       "outlet": parsed.get("outlet"), "title": parsed.get("title"),
                       "published": parsed.get("published")}
    return out


def snapshot_raw(session: Session, snapshot_id: int) -> tuple[dict[str, Any], bytes] | None:
    """A snapshot's metadata and its body exactly as it was fetched."""
    snap = session.get(Snapshot, snapshot_id)
    if snap is None:
        return None
    info = snapshot_info(session, [snapshot_id])[snapshot_id]
    try:
        return info, snapshot_body(session, snap)
    except LookupError:
        return info, b""


def record_details(session: Session, record_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The parts of evidence records a donation page shows: item label, status label, cells."""
    if not record_ids:
        return {}
    q = select(Record.id, Record.item_label, Record.status_label, Record.raw, Record.data,
               Record.block, Record.gone_since).where(Record.id.in_(record_ids))
    return {r.id: {"item_label": r.item_label, "status_label": r.status_label,
                   "raw": r.raw or {}, "block": r.block, "gone_since": _iso(r.gone_since),
                   "evidence": (r.data or {}).get("evidence")} for r in session.execute(q)}


def review_queue(session: Session, offset: int = 0, limit: int = 50
                 ) -> tuple[list[dict[str, Any]], int]:
    """Links a person should judge (as `aidledger review` lists them), oldest first."""
    where = Evidence.role.in_(REVIEWABLE_ROLES)
    total = session.scalar(select(func.count()).select_from(Evidence).where(where)) or 0
    q = (select(Evidence.record_id, Evidence.donation_id, Evidence.role, Evidence.reason,
                Donation.item, Donation.donors)
         .join(Donation, Donation.id == Evidence.donation_id).where(where)
         .order_by(Evidence.id).offset(offset).limit(limit))
    return [{"record": r.record_id, "donation": r.donation_id, "role": r.role,
             "reason": r.reason, "item": r.item, "donors": r.donors}
            for r in session.execute(q)], total


def anchor_record(session: Session, donation_id: str) -> str | None:
    """The donation's primary record, the key a review judgement is stored under."""
    return session.scalar(select(Evidence.record_id).where(
        Evidence.donation_id == donation_id, Evidence.role == "primary"))
