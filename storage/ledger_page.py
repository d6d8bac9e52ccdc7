"""One page of the ledger search, planned so that it costs about a page, not the ledger.

Two ways to find a page: when few donations match (at most `DRIVE_MAX`), read them through the
most selective filter's index (a donor's or recipient's side rows, the free-text index) and
sort them; when many match, walk the sort key's covering index in order and test each row
(column filters from the index itself, donors/recipients and free text by a probe) until the
page is full, which takes about (offset + limit) x ledger / matches rows. Which one is chosen
from the number of matches, counted first, but only up to `COUNT_CAP`: beyond that the total
is reported as "at least COUNT_CAP" (`SearchPage.exact` is false). Totals of no filter or of
a single filter come exact from `ledger_facet` instead.

Free text on SQLite is one FTS5 MATCH that also holds the item, status, donor and recipient
filters (`storage/ledger_text.py`): counted on the FTS index alone like a single filter.
On PostgreSQL the tsvector holds the item and status, and the recipient's codes narrow the
same lookup (`storage/ledger_tsv.py`; the exact recipient test stays).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, func, literal_column, select
from sqlalchemy.orm import Session

from aidledger.aggregator.normalize import entity_key
from aidledger.storage import ledger_facets
from aidledger.storage.ledger import Donation, DonationParty
from aidledger.storage.ledger_search import (
    _COLUMNS,
    SORTS,
    LedgerFilter,
    _shape,
    item_filter_code,
    recipient_codes,
    search_words,
)
from aidledger.storage.ledger_text import text_match
from aidledger.storage.ledger_tsv import pg_plan_settings, pg_recipient, pg_text

__all__ = ["COUNT_CAP", "DRIVE_MAX", "JOINED_CAP", "SearchPage", "sample_ids", "search_page"]

COUNT_CAP = 10_000
JOINED_CAP = 1_000
DRIVE_MAX = 8_000
DRIVE_COST = 6  # reading one match through its index, in rows of a walked sort index
# PostgreSQL free text and a recipient of more donations than this: the text lookup narrows
# by the recipient's code words (one GIN lookup, then the exact test on the few candidates)
# rather than testing each text match's party rows; fewer, and the recipient's rows drive.
FOLD_MIN = COUNT_CAP


@dataclass
class SearchPage:
    """A page of donations (contract shape), the total (exact, or a lower bound when not
    `exact`), and whether rows follow this page."""

    rows: list[dict[str, Any]]
    total: int
    exact: bool
    more: bool


@dataclass
class _Source:
    """Donation ids one filter selects through its own index, and its probe per donation."""

    ids: Select[Any]
    probe: Any
    size: int  # at most this many match (COUNT_CAP + 1: more than COUNT_CAP may)
    least: int  # at least this many match
    distinct: bool = True  # whether `ids` lists each donation once
    whole: bool = False  # whether `ids` are the matches of the whole search (column filters too)
    direct: Any = None  # PostgreSQL text: a condition on donation its index serves, not an id set


def search_page(session: Session, filters: LedgerFilter, *, sort: str = "first_seen",
                descending: bool = False, offset: int = 0, limit: int = 50) -> SearchPage:
    """One page of the donations matching `filters`, in `sort` order (ties by id)."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    offset, limit = max(0, offset), max(0, limit)
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql" and _has_text(filters):
        with pg_plan_settings(session):
            return _search_page(session, filters, sort, descending, offset, limit, dialect)
    return _search_page(session, filters, sort, descending, offset, limit, dialect)


def _has_text(f: LedgerFilter) -> bool:
    return f.text is not None and bool(f.text.strip())


def _search_page(session: Session, filters: LedgerFilter, sort: str, descending: bool,
                 offset: int, limit: int, dialect: str) -> SearchPage:
    plan = _plan(session, filters, dialect, offset + limit + 1)
    if plan is None:
        return SearchPage([], 0, True, False)
    conds, sources = plan
    total, exact = _count(session, filters, conds, sources, dialect)
    if total == 0 or limit == 0 or (exact and offset >= total):
        return SearchPage([], total, exact, False)
    walk = not (exact and total <= _drive_max(session, sources, offset + limit + 1))
    key = getattr(Donation, sort)
    if not walk and dialect == "sqlite":  # unary plus: sort the few matches, do not walk an index
        order = [literal_column(f"+donation.{sort}"), literal_column("+donation.id")]
    else:
        order = [key, Donation.id]
    cols = select(*_COLUMNS).order_by(*(c.desc() if descending else c for c in order))
    if walk:  # SQLite: no index serves the filters, so the sort key's (which holds them) is walked
        walked = (filters.column_conditions(walk=True, sort=sort) if dialect == "sqlite"
                  else conds)
        q = cols.where(*walked, *(s.probe for s in sources))
    else:
        q = _driven(cols, filters, conds, sources, dialect)
    rows = [_shape(r) for r in session.execute(q.offset(offset).limit(limit + 1))]
    more = len(rows) > limit
    if not exact:  # the rows seen are a lower bound too
        total = max(total, offset + len(rows))
    return SearchPage(rows[:limit], total, exact, more)


def _drive_max(session: Session, sources: list[_Source], reach: int) -> int:
    """Up to how many matches a page is read through the index of its matches rather than by
    walking the sort index. For free text with its filters folded in (one source, the whole
    search), the cheaper of the two: reading a match costs about `DRIVE_COST` walked index
    rows (measured at 1M donations: 6 us a match, 1 us a walked row with its text probe), and
    the walk reads about `reach` x ledger / matches rows, so it wins once matches^2 >
    reach x ledger / DRIVE_COST (about 2,900 matches for a first page at 1M)."""
    if len(sources) != 1 or not sources[0].whole or sources[0].direct is not None:
        return DRIVE_MAX  # (a PostgreSQL walk reads the table for each row: no cheaper)
    ledger = ledger_facets.stored_total(session, "all")
    return min(DRIVE_MAX, math.isqrt(reach * ledger // DRIVE_COST))


def _driven(q: Select[Any], f: LedgerFilter, conds: list[Any], sources: list[_Source],
            dialect: str) -> Select[Any]:
    """`q` restricted to the matches, read through the smallest source's index: its ids join
    donation by primary key (on SQLite the column filters are written so that no other index
    serves them); several keys of a role are made distinct first (PostgreSQL: a semi-join)."""
    if not sources:
        return q.where(*conds)
    first = min(sources, key=lambda s: s.size)
    others = [s.probe for s in sources if s is not first]
    if first.direct is not None:  # a bitmap of the text index, then the other tests per row
        return q.where(*conds, first.direct, *others)
    if dialect != "sqlite" and not first.distinct:  # a semi-join drops the repeats
        return q.where(Donation.id.in_(first.ids), *conds, *others)
    ids = (first.ids if first.distinct else first.ids.distinct()).subquery()
    own = f.column_conditions(walk=True) if dialect == "sqlite" else conds
    return (q.select_from(ids).join(Donation, Donation.id == ids.c.donation_id)
            .where(*own, *others))


def sample_ids(session: Session, filters: LedgerFilter) -> Select[Any]:
    """The ids of the matches, in the order the most selective index gives them (add a
    limit: the first found are the sample)."""
    dialect = session.get_bind().dialect.name
    plan = _plan(session, filters, dialect)
    if plan is None:
        return select(Donation.id).where(Donation.id.is_(None))
    conds, sources = plan
    return _driven(select(Donation.id), filters, conds, sources, dialect)


def _plan(session: Session, f: LedgerFilter, dialect: str, reach: int = 51
          ) -> tuple[list[Any], list[_Source]] | None:
    """Conditions on donation columns and the sources; None when nothing can match. On
    SQLite free text takes the item, status, donor and recipient filters into its own MATCH
    (`storage/ledger_text.py`): one source instead of several large ones to intersect."""
    text_on = f.text is not None and bool(f.text.strip())
    fold = text_on and dialect == "sqlite"
    conds = f.column_conditions(loose=("item", "status") if text_on and not fold else ())
    sources: list[_Source] = []
    folded: list[tuple[str, list[str], int]] = []
    codes: list[list[str]] = []  # PostgreSQL: the recipient's code words, for the text lookup
    exact: list[Any] = []  # and its exact test
    for role, given in f.parties():
        # each key's stored count is exact; a donation may have several of the keys
        stored = ledger_facets.stored_counts(session, role, given)
        keys = [k for k in given if stored[k]]
        if not keys:
            return None
        counts = [stored[k] for k in keys]
        if fold:
            folded.append((role, keys, sum(counts)))
            continue
        probe = exists().where(DonationParty.role == role, DonationParty.key.in_(keys),
                               DonationParty.donation_id == Donation.id)
        narrow = pg_recipient(keys) if text_on and role == "recipient" and (
            sum(counts) > FOLD_MIN) else None
        if narrow is not None:  # the text lookup narrows by the codes; the exact test stays
            codes, exact = narrow[0], [narrow[1]]
            conds = [*conds, *exact]
            continue
        ids = select(DonationParty.donation_id).where(DonationParty.role == role,
                                                      DonationParty.key.in_(keys))
        sources.append(_Source(ids, probe, sum(counts), max(counts, default=0),
                               distinct=len(keys) == 1))
    if text_on:
        words = search_words(f.text or "")
        if not words:
            return None
        if not fold:  # PostgreSQL: the item and status are lexemes of the text index
            given = [(k, v) for k, v in (("item", item_filter_code(f.item or "")),
                                         ("status", f.status)) if getattr(f, k) and v]
            loose = [getattr(Donation, k).concat("") == v for k, v in given]
            counted = not sources  # else a donor's or recipient's rows drive
            t = pg_text(session, words, given, [*loose, *exact], COUNT_CAP, count=counted,
                        codes=codes)
            whole = not any((f.since, f.until, f.min_sources, f.conflicts_only))
            sources.append(_Source(t.ids, t.probe, t.size, t.size if counted else 0,
                                   whole=whole, direct=t.direct))
        else:
            for kind, value in (("item", item_filter_code(f.item or "")), ("status", f.status)):
                if getattr(f, kind):
                    folded.append((kind, [value or ""], ledger_facets.stored_total(
                        session, kind, [value or ""])))
            m = text_match(session, words, reach, COUNT_CAP, folded)
            if m is None:
                return None
            whole = not any((f.since, f.until, f.min_sources, f.conflicts_only))
            sources.append(_Source(m.ids, m.probe, m.size, m.size, whole=whole))
    if any(s.size == 0 for s in sources):
        return None
    return conds, sources


def _capped(session: Session, ids: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(
        ids.limit(COUNT_CAP + 1).subquery())) or 0)


def _count(session: Session, f: LedgerFilter, conds: list[Any], sources: list[_Source],
           dialect: str) -> tuple[int, bool]:
    """How many donations match, and whether that is exact. Exact from `ledger_facet` for no
    or one simple filter; else counted on one index up to COUNT_CAP (a single donor, recipient
    or free-text filter; column filters alone), or through the smallest source up to
    JOINED_CAP (a donor, recipient or text filter with others: each candidate costs a lookup)."""
    stored = _stored_total(session, f)
    if stored is not None:
        return stored, True
    if len(sources) == 1 and (not conds or sources[0].whole):
        src, cap = sources[0], COUNT_CAP
        if src.least > cap:
            return cap, False
        n = src.size if src.distinct else _capped(session, src.ids.distinct())
    else:
        cap = JOINED_CAP if sources else COUNT_CAP
        q = _driven(select(literal_column("1")).select_from(Donation), f, conds, sources,
                    dialect)
        n = int(session.scalar(select(func.count()).select_from(
            q.limit(cap + 1).subquery())) or 0)
    return (n, True) if n <= cap else (cap, False)


def _stored_total(session: Session, f: LedgerFilter) -> int | None:
    """The exact total from `ledger_facet` when the search has at most one simple filter."""
    given = [k for k in ("donor", "recipient", "item", "status", "since", "until",
                         "min_sources", "text") if getattr(f, k) not in (None, "")]
    if f.conflicts_only:
        given.append("conflicts_only")
    if f.text is not None and not f.text.strip():
        given.remove("text") if "text" in given else None
    if not given:
        return ledger_facets.stored_total(session, "all")
    if len(given) > 1:
        return None
    which = given[0]
    if which == "item":
        return ledger_facets.stored_total(session, "item", [item_filter_code(f.item or "")])
    if which == "status":
        return ledger_facets.stored_total(session, "status", [f.status or ""])
    if which == "conflicts_only":
        return ledger_facets.stored_total(session, "has_conflicts", ["yes"])
    if which == "min_sources":
        return ledger_facets.stored_total(session, "sources", at_least=f.min_sources)
    if which == "donor":
        return ledger_facets.stored_total(session, "donor", [entity_key(f.donor or "")])
    if which == "recipient":  # exact when at most one of the codes is stored
        counts = ledger_facets.stored_counts(session, "recipient",
                                             recipient_codes(f.recipient or ""))
        if sum(1 for n in counts.values() if n) <= 1:
            return sum(counts.values())
    return None
