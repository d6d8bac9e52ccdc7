"""Searching the ledger: filtered, sorted pages, facets, one donation, totals per entity.

Every filter runs in SQL on an index: donors and recipients through `donation_party`, free
text through SQLite FTS5 or a PostgreSQL tsvector, the rest on `donation` columns. Names go
through the aggregator's aliases, as `aidledger query` does (JMF = Jack Ma Foundation, Europe =
the region and its members). All of it serves the CLI, the web app and the API alike.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, column, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from aidledger.aggregator.normalize import entity, entity_key
from aidledger.parsers.lexicon import country_name, item_code, lookup_place, region_members
from aidledger.storage.ledger import Donation, DonationParty, Evidence, LedgerFacet
from aidledger.storage.ledger_facets import FACETS, facet_value, stored_facets
from aidledger.storage.models import Page, Record

__all__ = ["LedgerFilter", "SORTS", "donation_detail", "donations_json", "entity_totals",
           "facet_counts", "facet_summary", "search_donations"]

SORTS = ("first_seen", "last_seen", "quantity", "independent_sources", "item", "status")
ITEM_CODES = {"face_mask", "respirator", "test_kit", "reagent", "sampling_medium",
              "protective_suit", "face_shield", "goggles", "gloves", "ventilator",
              "thermometer", "other", "funds"}
FTS = table("donation_fts", column("donation_id"), column("body"),
            column("donation_fts"))  # SQLite only (0003); the last is the MATCH column
_WORD = re.compile(r"[^\W_]+")


@dataclass
class LedgerFilter:
    """`aidledger query` filters; names go through the aggregator's aliases."""

    donor: str | None = None
    recipient: str | None = None
    item: str | None = None
    status: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    min_sources: int | None = None
    conflicts_only: bool = False
    text: str | None = None

    def active(self) -> bool:
        """Whether any filter is set (blank text counts as set: it matches nothing)."""
        return any(getattr(self, k) not in (None, "") for k in (
            "donor", "recipient", "item", "status", "since", "until", "min_sources",
            "text")) or self.conflicts_only

    def conditions(self, dialect: str) -> list[Any]:
        """The WHERE clauses on `donation` (empty: everything)."""
        out = self.column_conditions()
        for role, keys in self.parties():
            out.append(Donation.id.in_(_party(role, set(keys))))
        if self.text is not None and self.text.strip():
            out.append(self.text_condition(dialect))
        return out

    def column_conditions(self, walk: bool = False, sort: str | None = None,
                          loose: tuple[str, ...] = ()) -> list[Any]:
        """The clauses on donation's own columns. `walk` (SQLite): written so that no index
        serves them (`+column`), so the planner walks the sort key's index, which holds them
        all (see `storage/ledger_page.py`); but the sort key's own equality (sorting by
        status, status given) is left to that index, which then starts at the value.
        `loose` (PostgreSQL): columns tested as `column || ''`, which no index serves, where
        the text index holds them already (an index scan of the item would be intersected
        with the text index's matches for nothing)."""
        def col(name: str) -> Any:
            c = getattr(Donation, name)
            if name in loose:
                return c.concat("")
            return literal_column(f"+donation.{name}", type_=c.type) if walk and (
                name != sort) else c

        out: list[Any] = []
        if self.item:
            out.append(col("item") == item_filter_code(self.item))
        if self.status:
            out.append(col("status") == self.status)
        if self.since:
            out.append(col("last_seen") >= self.since)
        if self.until:
            out.append(col("first_seen") <= self.until)
        if self.min_sources:
            out.append(col("independent_sources") >= self.min_sources)
        if self.conflicts_only:
            out.append(col("has_conflicts") == True if walk  # noqa: E712 - SQL, not Python
                       else Donation.has_conflicts.is_(True))
        return out

    def parties(self) -> list[tuple[str, list[str]]]:
        """(role, keys) of the donor and recipient filters: a donation must have one of the
        keys in that role."""
        out = []
        if self.donor:
            out.append(("donor", [entity_key(self.donor)]))
        if self.recipient:
            out.append(("recipient", sorted(recipient_codes(self.recipient))))
        return out

    def text_condition(self, dialect: str) -> Any:
        return _text_condition(self.text or "", dialect)


def item_filter_code(item: str) -> str:
    """An item filter as the code stored: codes as given, words through the lexicon."""
    return item if item in ITEM_CODES else (item_code(item) or item)


def _party(role: str, keys: set[str]) -> Select[Any]:
    return select(DonationParty.donation_id).where(DonationParty.role == role,
                                                   DonationParty.key.in_(sorted(keys)))


def recipient_codes(name: str) -> set[str]:
    """"South Korea", "KOR", "Europe" (and its members), "Korean Red Cross" -> codes."""
    place = lookup_place(name)
    if place:
        return {place.code, *region_members(place.code)}
    ent = entity(name)
    if ent.country:
        return {ent.country}
    return {name.strip().upper(), f"org:{name.strip()}"}


def search_words(text: str) -> list[str]:
    """The words of a free-text query: every one must begin a word of the donation's text."""
    return _WORD.findall(text.lower())


def _text_condition(text: str, dialect: str) -> Any:
    words = search_words(text)
    if not words:  # punctuation only: matches nothing rather than everything
        return Donation.id.is_(None)
    if dialect == "sqlite":
        expr = " AND ".join(f'"{w}"*' for w in words)
        return Donation.id.in_(select(FTS.c.donation_id).where(FTS.c.donation_fts.match(expr)))
    from aidledger.storage.ledger_tsv import pg_text_condition

    return pg_text_condition(words)


OPTIMIZE_SHARE = 0.05
_OPTIMIZE = text("INSERT INTO donation_fts(donation_fts) VALUES ('optimize')")


def compact_text_index(session: Session, written: int, rebuild: bool = False) -> bool:
    """After a large ledger write on SQLite (a rebuild, or at least 5% of the ledger), merge
    the FTS5 index into one segment. A search that walks the sort index tests free text row by
    row, and each test seeks every segment holding the term: ten segments made each test
    about nine times dearer at 1M donations (optimizing took 4 s there). Small writes leave it
    to FTS5's own merging."""
    if session.get_bind().dialect.name != "sqlite" or not written:
        return False
    ledger = session.scalar(select(func.coalesce(func.sum(LedgerFacet.n), 0)).where(
        LedgerFacet.facet == "all")) or 0
    if not rebuild and written < OPTIMIZE_SHARE * ledger:
        return False
    session.execute(_OPTIMIZE)
    return True


def text_key(donation_id: str) -> int:
    """The FTS row of a donation: a stable 63-bit hash of its id (ids are hashes already)."""
    return int.from_bytes(hashlib.sha1(donation_id.encode()).digest()[:8], "big") >> 1


def search_text(row: dict[str, Any]) -> str:
    """What free text finds a donation by: donors, recipients (codes and names), item, status,
    conflicts."""
    places = [_place_words(c) for c in row["recipients"]]
    conflicts = [f"{c['kind']} {c['detail']}" for c in row["conflicts"]]
    return " ".join([*row["donors"], *places, row["item"] or "", row["status"] or "",
                     *conflicts]).lower()


@lru_cache(maxsize=4096)
def _place_words(code: str) -> str:
    return f"{code} {country_name(code)}"


PARTY_COLUMNS = ("role", "key", "donation_id", "value")  # key order first: rows sort by it


def party_rows(row: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """The donation's side rows (PARTY_COLUMNS): one per donor (by entity key) and per
    recipient code."""
    donors = {entity_key(n): n for n in row["donors"]}
    return ([("donor", k, row["id"], n) for k, n in donors.items()]
            + [("recipient", c, row["id"], c) for c in set(row["recipients"])])


_COLUMNS = (Donation.id, Donation.donors, Donation.item, Donation.quantity,
            Donation.quantity_rule, Donation.recipients, Donation.status,
            Donation.status_history, Donation.first_seen, Donation.last_seen,
            Donation.independent_sources, Donation.conflicts)


def _shape(r: Any) -> dict[str, Any]:
    """A donation in the `query --format json` contract shape, without its evidence."""
    return {"id": r.id, "donors": r.donors, "item": r.item, "quantity": r.quantity,
            "quantity_rule": r.quantity_rule, "recipients": r.recipients, "status": r.status,
            "status_history": r.status_history,
            "first_seen": r.first_seen.isoformat() if r.first_seen else None,
            "last_seen": r.last_seen.isoformat() if r.last_seen else None,
            "independent_sources": r.independent_sources, "conflicts": r.conflicts}


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def search_donations(session: Session, filters: LedgerFilter, *, sort: str = "first_seen",
                     descending: bool = False, offset: int = 0, limit: int = 50
                     ) -> tuple[list[dict[str, Any]], int]:
    """One page of donations (contract shape, no evidence) and how many match in all, counted
    up to `ledger_page.COUNT_CAP` (use `ledger_page.search_page` to know whether it is exact)."""
    from aidledger.storage.ledger_page import search_page

    page = search_page(session, filters, sort=sort, descending=descending, offset=offset,
                       limit=limit)
    return page.rows, page.total


FACET_SAMPLE = 10_000


def facet_counts(session: Session, filters: LedgerFilter, limit: int = 20
                 ) -> dict[str, list[tuple[str, int]]]:
    """The most frequent values of each facet among the matching donations, count first
    (see `facet_summary`)."""
    return facet_summary(session, filters, limit)[0]


def facet_summary(session: Session, filters: LedgerFilter, limit: int = 20
                  ) -> tuple[dict[str, list[tuple[str, int]]], bool]:
    """Facet counts and whether they count a sample. Without filters they come from
    `ledger_facet` (kept by the ledger writer). With filters they are counted over the
    matches, or, when more than `FACET_SAMPLE` match, over the first `FACET_SAMPLE` found
    through the most selective filter's index (donor/recipient rows and free-text rows come
    in id order, and ids are hashes: a fair sample; column filters in their index's order)."""
    if not filters.active():
        return stored_facets(session, limit), False
    from aidledger.storage.ledger_page import sample_ids

    sample = sample_ids(session, filters)
    sampled = (session.scalar(select(func.count()).select_from(
        sample.limit(FACET_SAMPLE + 1).subquery())) or 0) > FACET_SAMPLE
    chosen = Donation.id.in_(sample.limit(FACET_SAMPLE))
    counts: dict[str, Counter[str]] = {f: Counter() for f in FACETS}
    shown: dict[tuple[str, str], str] = {}
    cols = (Donation.item, Donation.status, Donation.independent_sources,
            Donation.has_conflicts)
    for item, status, sources, conflicts, n in session.execute(
            select(*cols, func.count()).where(chosen).group_by(*cols)):
        for facet, v in (("item", item), ("status", status), ("sources", sources),
                         ("has_conflicts", bool(conflicts))):
            if v is not None:
                counts[facet][facet_value(v)] += n
    party = DonationParty.donation_id.in_(sample.limit(FACET_SAMPLE))
    for role, key, value, n in session.execute(
            select(DonationParty.role, DonationParty.key, func.min(DonationParty.value),
                   func.count()).where(party).group_by(DonationParty.role, DonationParty.key)):
        counts[role][key] += n
        shown[role, key] = value

    def top(facet: str, c: Counter[str]) -> list[tuple[str, int]]:
        named = [(shown.get((facet, k), k), n) for k, n in c.items()]
        return sorted(named, key=lambda vn: (-vn[1], vn[0]))[:limit]

    return {f: top(f, c) for f, c in counts.items()}, sampled


def entity_totals(session: Session, *, donor: str | None = None, recipient: str | None = None,
                  item: str | None = None) -> list[dict[str, Any]]:
    """Donations and summed quantity per (item, status) for a donor, recipient or item page."""
    conds = LedgerFilter(donor=donor, recipient=recipient, item=item).conditions(
        _dialect(session))
    q = (select(Donation.item, Donation.status, func.count(), func.sum(Donation.quantity))
         .where(*conds).group_by(Donation.item, Donation.status)
         .order_by(Donation.item, Donation.status))
    return [{"item": i, "status": s, "donations": n, "quantity": int(qty or 0)}
            for i, s, n, qty in session.execute(q)]


def donation_detail(session: Session, donation_id: str) -> dict[str, Any] | None:
    """One donation in the contract shape with its evidence, or None."""
    return next(donations_json(session, donation_id), None)


def donations_json(session: Session, donation_id: str | None = None,
                   filters: LedgerFilter | None = None, chunk: int = 500
                   ) -> Iterator[dict[str, Any]]:
    """The `query --format json` contract: donations (first seen first) with their evidence."""
    conds = (filters or LedgerFilter()).conditions(_dialect(session))
    if donation_id is not None:
        conds.append(Donation.id == donation_id)
    q = select(*_COLUMNS).where(*conds).order_by(Donation.first_seen, Donation.id)
    batch: list[dict[str, Any]] = []
    for r in session.execute(q.execution_options(yield_per=chunk)):
        batch.append(_shape(r))
        if len(batch) == chunk:
            yield from _with_evidence(session, batch)
            batch = []
    yield from _with_evidence(session, batch)


def _with_evidence(session: Session, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not batch:
        return []
    by_id = {d["id"]: d | {"evidence": []} for d in batch}
    q = (select(Evidence.donation_id, Evidence.role, Evidence.reason, Record.kind, Record.id,
                Record.last_snapshot_id, Record.data, Record.raw, Record.quantity,
                Record.first_seen, Page.url)
         .join(Record, Record.id == Evidence.record_id).join(Page, Page.id == Record.page_id)
         .where(Evidence.donation_id.in_(list(by_id))).order_by(Evidence.id))
    for e in session.execute(q):
        quote = ((e.data or {}).get("evidence") or {}).get("sentence") if e.kind == "claim" \
            else e.raw
        by_id[e.donation_id]["evidence"].append(
            {"kind": e.kind, "url": e.url, "document": e.last_snapshot_id, "record": e.id,
             "role": e.role, "reason": e.reason, "quote": quote, "quantity": e.quantity,
             "first_seen": e.first_seen.isoformat()})
    return list(by_id.values())
