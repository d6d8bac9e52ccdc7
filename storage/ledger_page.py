"""One page of the ledger search, planned so that it costs about a page, not the ledger.

Two ways to find a page: when few donations match (at most `DRIVE_MAX`), read them through the
most selective filter's index (a donor's or recipient's side rows, the free-text index) and
sort them; when many match, walk the sort key's covering index in order and test each row
(column filters from the index itself, donors/recipients and free text by a probe) until the
page is full, which takes about (offset + limit) x ledger / matches rows. Which one is chosen
from the number of matches, counted first, but only up to `COUNT_CAP`: beyond that the total
is reported as "at least COUNT_CAP" (`SearchPage.exact` is false). Totals of no filter or of
a single filter come exact from `ledger_facet` instead.

Free text on SQLite: each word is a prefix; the words are first expanded to the terms of the
FTS5 vocabulary they begin (`donation_fts_terms`, migration 0006), because a prefix query makes
FTS5 merge every matching posting list on each probe, while an OR of terms seeks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, func, literal_column, select, text
from sqlalchemy.orm import Session

from aidledger.aggregator.normalize import entity_key
from aidledger.storage import ledger_facets
from aidledger.storage.ledger import Donation, DonationParty
from aidledger.storage.ledger_search import (
    _COLUMNS,
    FTS,
    SORTS,
    LedgerFilter,
    _shape,
    item_filter_code,
    recipient_codes,
    search_words,
    text_key,
)

__all__ = ["COUNT_CAP", "DRIVE_MAX", "JOINED_CAP", "SearchPage", "sample_ids", "search_page"]

COUNT_CAP = 10_000
JOINED_CAP = 1_000
DRIVE_MAX = 8_000
MAX_TERMS = 200  # a word beginning more terms than this is searched as a prefix
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_TERMS = text("SELECT term, doc FROM donation_fts_terms WHERE term >= :lo AND term < :hi")
SEEK_COST = 240
_VERSION = text("SELECT block FROM donation_fts_data WHERE id = 10")  # the structure record
_TERM_CACHE: dict[tuple[str, Any], tuple[list[tuple[str, int]] | None]] = {}
_TEXT_KEY = "aidledger_text_key"


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


def search_page(session: Session, filters: LedgerFilter, *, sort: str = "first_seen",
                descending: bool = False, offset: int = 0, limit: int = 50) -> SearchPage:
    """One page of the donations matching `filters`, in `sort` order (ties by id)."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    offset, limit = max(0, offset), max(0, limit)
    dialect = session.get_bind().dialect.name
    plan = _plan(session, filters, dialect, offset + limit + 1)
    if plan is None:
        return SearchPage([], 0, True, False)
    conds, sources = plan
    total, exact = _count(session, filters, conds, sources, dialect)
    if total == 0 or limit == 0 or (exact and offset >= total):
        return SearchPage([], total, exact, False)
    walk = not (exact and total <= DRIVE_MAX)
    key = getattr(Donation, sort)
    if not walk and dialect == "sqlite":  # unary plus: sort the few matches, do not walk an index
        order = [literal_column(f"+donation.{sort}"), literal_column("+donation.id")]
    else:
        order = [key, Donation.id]
    cols = select(*_COLUMNS).order_by(*(c.desc() if descending else c for c in order))
    if walk:  # SQLite: no index serves the filters, so the sort key's (which holds them) is walked
        walked = filters.column_conditions(walk=True) if dialect == "sqlite" else conds
        q = cols.where(*walked, *(s.probe for s in sources))
    else:
        q = _driven(cols, filters, conds, sources, dialect)
    rows = [_shape(r) for r in session.execute(q.offset(offset).limit(limit + 1))]
    more = len(rows) > limit
    if not exact:  # the rows seen are a lower bound too
        total = max(total, offset + len(rows))
    return SearchPage(rows[:limit], total, exact, more)


def _driven(q: Select[Any], f: LedgerFilter, conds: list[Any], sources: list[_Source],
            dialect: str) -> Select[Any]:
    """`q` restricted to the matches, read through the smallest source's index: its ids join
    donation by primary key (on SQLite the column filters are written so that no other index
    serves them); several keys of a role are made distinct first (PostgreSQL: a semi-join)."""
    if not sources:
        return q.where(*conds)
    first = min(sources, key=lambda s: s.size)
    others = [s.probe for s in sources if s is not first]
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
    """Conditions on donation columns and the sources; None when nothing can match."""
    conds = f.column_conditions()
    sources: list[_Source] = []
    for role, given in f.parties():
        # each key's stored count is exact; a donation may have several of the keys
        stored = ledger_facets.stored_counts(session, role, given)
        keys = [k for k in given if stored[k]]
        if not keys:
            return None
        counts = [stored[k] for k in keys]
        probe = exists().where(DonationParty.role == role, DonationParty.key.in_(keys),
                               DonationParty.donation_id == Donation.id)
        ids = select(DonationParty.donation_id).where(DonationParty.role == role,
                                                      DonationParty.key.in_(keys))
        sources.append(_Source(ids, probe, sum(counts), max(counts, default=0),
                               distinct=len(keys) == 1))
    if f.text is not None and f.text.strip():
        words = search_words(f.text)
        if not words:
            return None
        if dialect != "sqlite":
            conds.append(f.text_condition(dialect))
        else:
            src = _fts_source(session, words, reach)
            if src is None:
                return None
            sources.append(src)
    if any(s.size == 0 for s in sources):
        return None
    return conds, sources


def _fts_source(session: Session, words: list[str], reach: int) -> _Source | None:
    """Free text as a source. Its probe per donation is either a seek in the FTS index (the
    words expanded to terms) or a membership test in the set of its matches read once: a seek
    costs about 240 reads of a match (measured at 1M donations), and the walk needs about
    `reach` x ledger / matches probes, so the set wins while matches^2 < 240 x reach x ledger."""
    groups, estimate = [], None
    for w in words:
        terms = _terms(session, w)
        if terms is not None and not terms:
            return None  # a word that begins no term: nothing matches
        if terms is None:
            groups.append(f'"{w}"*')
            continue
        groups.append("(" + " OR ".join(f'"{t}"' for t, _ in terms) + ")")
        docs = sum(n for _, n in terms)  # at least the word's matches
        estimate = docs if estimate is None else min(estimate, docs)
    match = FTS.c.donation_fts.match(" AND ".join(groups))
    ids = select(FTS.c.donation_id).where(match)
    rowid = literal_column("donation_fts.rowid")
    key = _register_text_key(session)(Donation.id)
    seek = estimate is not None and all(g.startswith("(") for g in groups)
    if seek and estimate is not None:
        ledger = ledger_facets.stored_total(session, "all")
        seek = estimate * estimate >= SEEK_COST * reach * ledger
    probe = exists().where(match, rowid == key) if seek else key.in_(select(rowid).where(match))
    n = _capped(session, select(rowid).where(match))
    return _Source(ids, probe, n, n)


def _terms(session: Session, word: str) -> list[tuple[str, int]] | None:
    """The vocabulary terms `word` begins, with the donations each is in; None when it
    cannot be expanded here (not plain ASCII, which the tokenizer may fold differently, or
    too many terms). Reading the vocabulary costs about a posting list per term (tens of ms
    for a common word at 1M donations), so answers are kept per version of the index: FTS5
    rewrites its structure record (which counts writes) whenever the index changes."""
    if not _ASCII_WORD.fullmatch(word):
        return None
    version = (str(session.get_bind().url), session.scalar(_VERSION))
    hit = _TERM_CACHE.get((word, version))
    if hit is not None:
        return hit[0]
    hi = word[:-1] + chr(ord(word[-1]) + 1)
    terms = [(t, int(n)) for t, n in session.execute(_TERMS.bindparams(lo=word, hi=hi))]
    got = None if len(terms) > MAX_TERMS else terms
    if len(_TERM_CACHE) >= 1024:
        _TERM_CACHE.clear()
    _TERM_CACHE[word, version] = (got,)
    return got


def _register_text_key(session: Session) -> Any:
    """The FTS row of a donation id, as an SQL function of this connection."""
    raw = session.connection().connection.driver_connection
    raw.create_function(_TEXT_KEY, 1, text_key, deterministic=True)
    return getattr(func, _TEXT_KEY)


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
    if len(sources) == 1 and not conds:
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
