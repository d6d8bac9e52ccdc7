"""Query-string parameters shared by the pages and the API, so a URL means the same in both.

A search is its filters plus sort and page; `Search.url()` rebuilds a stable URL from it (only
the parameters that were given, in a fixed order), which is what a journalist pastes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Query
from pydantic import BeforeValidator

from aidledger.storage.ledger_search import LedgerFilter

STATUSES = ("pledged", "preparing", "in_transit", "arrived", "accepted", "donated")
SORTS = ("first_seen", "last_seen", "quantity", "independent_sources", "status", "item")
Status = Literal["pledged", "preparing", "in_transit", "arrived", "accepted", "donated"]
SortKey = Literal["first_seen", "last_seen", "quantity", "independent_sources", "status", "item"]
PAGE_SIZE = 50
MAX_LIMIT = 200
MAX_PAGE = 100_000
TEXT = {"max_length": 200}


def _iso_day(value: object) -> object:
    """Only YYYY-MM-DD: pydantic alone would read "1.5e9" as a Unix time."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a day like 2020-03-16")
    return value


Day = Annotated[date, BeforeValidator(_iso_day)]


@dataclass(frozen=True)
class Filters:
    """The filters exactly as given in the query string (names, not resolved codes)."""

    donor: str | None = None
    recipient: str | None = None
    item: str | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    min_sources: int | None = None
    conflicts_only: bool = False
    q: str | None = None

    def ledger(self) -> LedgerFilter:
        """The ledger's filter: dates as whole UTC days (until is inclusive)."""
        since = datetime.combine(self.since, time.min, UTC) if self.since else None
        until = datetime.combine(self.until, time.max, UTC) if self.until else None
        return LedgerFilter(self.donor, self.recipient, self.item, self.status, since, until,
                            self.min_sources, self.conflicts_only, self.q)

    def pairs(self) -> list[tuple[str, str]]:
        out = [(k, str(v)) for k, v in (("donor", self.donor), ("recipient", self.recipient),
                                        ("item", self.item), ("status", self.status),
                                        ("since", self.since), ("until", self.until),
                                        ("min_sources", self.min_sources), ("q", self.q))
               if v not in (None, "")]
        if self.conflicts_only:
            out.append(("conflicts_only", "true"))
        return out

    def with_(self, **changes: object) -> Filters:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def active(self) -> bool:
        return bool(self.pairs())


def filter_params(
    donor: Annotated[str | None, Query(description="Donor name or alias (JMF = Jack Ma "
                                                   "Foundation).", **TEXT)] = None,
    recipient: Annotated[str | None, Query(description="Country name or code, region (with "
                                                       "its members) or organisation.",
                                           **TEXT)] = None,
    item: Annotated[str | None, Query(description="Item code or word: face_mask, masks...",
                                      **TEXT)] = None,
    status: Annotated[Status | None, Query(description="Current status.")] = None,
    since: Annotated[Day | None, Query(description="Seen on or after this day.")] = None,
    until: Annotated[Day | None, Query(description="First seen on or before this day.")
                     ] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=1000, description="At least this many "
                                                                       "independent sources.")
                           ] = None,
    conflicts_only: Annotated[bool, Query(description="Only donations whose sources "
                                                      "disagree.")] = False,
    q: Annotated[str | None, Query(description="Free text in donors, recipients, item, "
                                               "conflicts.", **TEXT)] = None,
) -> Filters:
    """FastAPI dependency: the filters of a search, validated, blank values dropped."""
    def blank(v: str | None) -> str | None:
        return v.strip() or None if v is not None else None

    return Filters(blank(donor), blank(recipient), blank(item), status, since, until,
                   min_sources, conflicts_only, blank(q))


@dataclass(frozen=True)
class Search:
    """Filters, order and page of a page of results."""

    filters: Filters
    sort: str = "first_seen"
    descending: bool = False
    page: int = 1
    limit: int = PAGE_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit

    def url(self, path: str, **changes: object) -> str:
        s = replace(self, **changes)  # type: ignore[arg-type]
        pairs = s.filters.pairs()
        if s.sort != "first_seen" or s.descending:
            pairs += [("sort", s.sort), ("order", "desc" if s.descending else "asc")]
        if s.page > 1:
            pairs.append(("page", str(s.page)))
        return f"{path}?{urlencode(pairs)}" if pairs else path


def page_params(
    sort: Annotated[SortKey, Query(description="Order by this column.")] = "first_seen",
    order: Annotated[Literal["asc", "desc"], Query()] = "asc",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1.")] = 1,
) -> tuple[str, bool, int]:
    return sort, order == "desc", page
