"""Checks after each crawl, in the spirit of spidermon: is each source still yielding what it did?

A source that yielded rows last run and none now has most likely changed its layout; a large drop,
or most fetches failing (or being refused with 403/429), also fails the run; so does a page that
has shown the same content for longer than its source's `stale_after` (a program page nobody
updates any more, or one that moved and left a frozen copy behind). A failed check marks
the run `check_failed`, logs one clear line per problem, and makes `aidledger crawl` exit 3.

A process of a distributed crawl fetches only the share of the frontier it happened to take, and
its share changes from round to round, so its row count says nothing about the source's; there
the drop is judged per fetched page instead, and only on a share big enough to say something.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

DROP_THRESHOLD = 0.5  # fewer than half last run's rows
FAILURE_THRESHOLD = 0.5  # more than half the fetches failed
BAN_THRESHOLD = 0.2  # more than a fifth refused with 403/429
MIN_SHARE_PAGES = 10  # a distributed process's share smaller than this is not judged by rows


@dataclass
class Check:
    source: str
    name: str
    ok: bool
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "check": self.name, "ok": self.ok, "detail": self.detail}


def _rows(counts: dict[str, int]) -> int:
    return int(counts.get("records", 0))


def check_source(name: str, now: dict[str, int], before: dict[str, int] | None, *,
                 share: bool = False) -> list[Check]:
    """`share`: `now` (and maybe `before`) is one process's part of a distributed crawl."""
    pages, failed = now.get("pages", 0), now.get("failed", 0)
    banned = now.get("banned", 0)
    out = []
    fetched = pages + failed
    if fetched and failed / fetched > FAILURE_THRESHOLD:
        out.append(Check(name, "errors", False, f"{failed} of {fetched} fetches failed"))
    if fetched and banned / fetched > BAN_THRESHOLD:
        out.append(Check(name, "banned", False, f"{banned} of {fetched} fetches refused "
                                                "(403/429): slow down or check the User-Agent"))
    if before and _rows(before) and pages:
        out += _row_checks(name, now, before, share)
    return out or [Check(name, "all", True, "ok")]


def _row_checks(name: str, now: dict[str, int], before: dict[str, int], share: bool
                ) -> list[Check]:
    pages, pages_before = now.get("pages", 0), before.get("pages", 0)
    if share and pages < min(MIN_SHARE_PAGES, pages_before or MIN_SHARE_PAGES):
        return []  # three listing pages of a 300-page site: no rows is no news
    rows, rows_before = _rows(now), _rows(before)
    if rows == 0:
        return [Check(name, "layout_drift", False,
                      f"yielded {rows_before} rows last run and none now: has the page layout "
                      "changed? Run `aidledger extract` on the stored page")]
    if not share:  # the whole source: compare its rows
        fell = rows < (1 - DROP_THRESHOLD) * rows_before
        detail = f"rows fell from {rows_before} to {rows}"
    elif pages_before:  # a share: compare rows per fetched page
        fell = rows / pages < (1 - DROP_THRESHOLD) * rows_before / pages_before
        detail = (f"rows per page fell from {rows_before / pages_before:.2f} to "
                  f"{rows / pages:.2f} ({rows} rows in this worker's {pages} pages)")
    else:
        return []
    return [Check(name, "row_drop", False, detail)] if fell else []


def check_run(now: dict[str, dict[str, int]], before: dict[str, dict[str, int]], *,
              share: bool = False) -> list[Check]:
    return [c for name in sorted(now)
            for c in check_source(name, now[name], before.get(name), share=share)]


def check_stale(name: str, stale: list[tuple[str, datetime]], stale_after: timedelta,
                now: datetime) -> list[Check]:
    """`stale`: the source's pages fetched in this run whose newest content is older than
    `stale_after`, with when that content was first fetched (oldest first)."""
    if not stale:
        return []
    url, since = stale[0]
    more = f" and {len(stale) - 1} more" if len(stale) > 1 else ""
    return [Check(name, "stale", False,
                  f"{len(stale)} page(s) unchanged for longer than stale_after ({stale_after}): "
                  f"{url} has not changed since {since:%Y-%m-%d %H:%M} UTC "
                  f"({(now - since).days} days){more}; is it still kept up to date, or did it "
                  "move? Raise stale_after if it is simply finished")]
