"""Reading what the reconciler needs: records (with their history), reviews, story keys.

Parameterised selects only. Writing the ledger is in `ledger_write.py`, searching it in
`ledger_search.py`; the names below stay importable from here.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Text, cast, select, type_coerce
from sqlalchemy.orm import Session

from aidledger.aggregator.matching import Rec
from aidledger.aggregator.normalize import (
    Entity,
    donor_group,
    entity_for_host,
    is_generic_name,
    url_host,
)
from aidledger.aggregator.reconcile import Reviews
from aidledger.gcpause import paused_gc
from aidledger.parsers.blocks import block_places
from aidledger.storage.ledger import Review
from aidledger.storage.ledger_search import LedgerFilter as LedgerFilter  # moved; kept importable
from aidledger.storage.ledger_search import donations_json as donations_json
from aidledger.storage.ledger_write import write_ledger as write_ledger
from aidledger.storage.models import Page, Record, RecordVersion
from aidledger.storage.syndication import StoryKeys, story_keys


def _source_of(url: str) -> tuple[Entity | None, str]:
    """Whose own site a URL is on (if anyone's), and its host as a source key."""
    host = url_host(url)
    return entity_for_host(host), (host or url.lower()).removeprefix("www.")


_story_keys = story_keys  # moved to syndication.py; kept importable


def _json(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v


def _when(v: Any) -> Any:
    """A stored time as an aware UTC datetime (SQLite gives text, PostgreSQL datetimes)."""
    if v is None:
        return None
    if isinstance(v, str):
        return datetime.fromisoformat(v).replace(tzinfo=UTC)
    return v.replace(tzinfo=UTC) if v.tzinfo is None else v.astimezone(UTC)


class _Memo(dict):  # type: ignore[type-arg]
    """A value per distinct input, made once: the same donor list, recipient list or time
    comes back thousands of times in a million records, and parsing it was most of a load.
    The values are shared, so they are never changed after they are made."""

    def __init__(self, make: Any) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.make(key)
        return value


Versions = tuple[dict[str, Any], dict[str, Any]]  # record id -> quantities, donor names
History = tuple[tuple[str | None, str], ...]
STREAM = 10_000  # rows fetched at a time: a whole result held at once was a third of the peak


def _stream(session: Session, q: Any) -> Any:
    """Rows of `q` as the cursor gives them, in batches: through the session's connection, so
    the ORM does not buffer the whole result first (on PostgreSQL a server-side cursor)."""
    return session.connection().execute(q.execution_options(yield_per=STREAM))


def _versions(session: Session, where: Any
              ) -> tuple[dict[str, History], Versions]:
    """Each record's status history, and the quantities and donor names of all its versions:
    one value while there is one (shared with every record that has it), a set only for a
    record whose versions differ (a dict of two sets per record was 700 MB at a million).
    Histories are tuples made once per distinct history: most records share theirs."""
    history: dict[str, History] = {}
    quantities: dict[str, Any] = {}
    donors_of: dict[str, Any] = {}
    q = (select(RecordVersion.record_id, RecordVersion.status,
                type_coerce(RecordVersion.first_seen, Text), RecordVersion.quantity,
                cast(RecordVersion.donors, Text))  # text on every backend: a memo key
         .order_by(RecordVersion.record_id, RecordVersion.seq))
    if where is not None:
        q = q.join(Record, Record.id == RecordVersion.record_id).where(where)
    same: dict[Any, Any] = {}  # one object per distinct step and per distinct history

    def step(key: tuple[str | None, str]) -> tuple[str | None, str]:
        made = (key[0], _when(key[1]).date().isoformat())
        return same.setdefault(made, made)

    steps = _Memo(step)
    names = _Memo(lambda v: frozenset(_json(v) or ()))
    last, hist = None, []
    for rid, status, since, qty, donors in _stream(session, q):
        if rid != last:
            if last is not None:
                h = tuple(hist)
                history[last] = same.setdefault(h, h)
            last, hist = rid, []
        hist.append(steps[(status, since)])
        if qty is not None:
            old = quantities.get(rid)
            if old is None:
                quantities[rid] = qty
            elif isinstance(old, set):
                old.add(qty)
            elif old != qty:
                quantities[rid] = {old, qty}
        new = names[donors]
        if new:
            old = donors_of.get(rid)
            if old is None:
                donors_of[rid] = new
            elif isinstance(old, set):
                old.update(new)
            elif old is not new:
                donors_of[rid] = set(old) | new
    if last is not None:
        h = tuple(hist)
        history[last] = same.setdefault(h, h)
    return history, (quantities, donors_of)


def load_records(session: Session, owners: dict[str, str] | None = None, where: Any = None,
                 story_where: Any = None, stories: dict[int, str] | None = None,
                 workers: int = 1) -> list[Rec]:
    """Table rows and claims with an item, as the reconciler needs them (`where`: only some
    records; `story_where`: only these pages' articles are compared for syndication;
    `stories`: keys already computed; `workers` 2: the story keys are computed in a forked
    process meanwhile, which reads the committed store: the caller must not have uncommitted
    writes on PostgreSQL; on SQLite that is checked).

    Plain columns, only the two numbers of `data` that are needed (a JSON path), JSON and
    times parsed here once per distinct value: type processing per value, not the database,
    was most of the time at a million records."""
    with paused_gc():
        job = None
        if stories is None and workers > 1:
            job = StoryKeys.start(session, story_where)
        elif stories is None:
            stories = story_keys(session, story_where)
        history, versions = _versions(session, where)
        recs, claims = _records(session, owners or {}, where, history, versions)
        if job is not None:
            stories = job.get()
        for r, page_id, host in claims:
            r.source_key = stories.get(page_id, host)  # type: ignore[union-attr]
        return recs


def _records(session: Session, owners: dict[str, str], where: Any,
             history: dict[str, History], versions: Versions
             ) -> tuple[list[Rec], list[tuple[Rec, int, str]]]:
    """The records, and each claim with its page and host (its source key comes from the
    story keys, which may still be on their way). The rows stream (only the claims' index
    numbers are read first, for the parents)."""
    columns = (Record.id, Record.kind, Record.page_id,  # JSON as text everywhere: memo keys
               cast(Record.donors, Text), cast(Record.recipients, Text), Record.block,
               Record.item, Record.quantity, Record.quantity_each, Record.status,
               *(type_coerce(c, Text) for c in (Record.first_seen, Record.last_seen,
                                                 Record.gone_since)),
               Record.data["index"].as_integer(), Record.data["parent"].as_integer(), Page.url)
    q = (select(*columns).join(Page, Page.id == Record.page_id)
         .where(Record.kind.in_(("table_row", "claim")), Record.item.is_not(None))
         .order_by(Record.id))
    claim_q = (select(Record.page_id, Record.data["index"].as_integer(), Record.id)
               .join(Page, Page.id == Record.page_id)
               .where(Record.kind == "claim", Record.item.is_not(None)))
    if where is not None:
        q, claim_q = q.where(where), claim_q.where(where)
    index = {(page, i): rid for page, i, rid in session.execute(claim_q)}
    quantities, donors_of = versions
    one = _Memo(lambda q: frozenset((q,)))
    when = _Memo(_when)
    donor_lists = _Memo(lambda v: frozenset(_json(v) or ()))
    sources = _Memo(lambda url: (url, *_source_of(url)))  # one URL string per page
    places = _Memo(lambda key: _places(*key))
    parties = _Memo(lambda key: _donors(key[0], key[1], key[2], owners))
    words = _Memo(lambda v: v)  # one object per distinct kind, item, status, source key
    out: list[Rec] = []
    claims: list[tuple[Rec, int, str]] = []
    for (rid, kind, page_id, donors, recipients, block, item, quantity, quantity_each, status,
         first, last, gone, _, parent, url) in _stream(session, q):
        url, own, host = sources[url]
        names = donor_lists[donors].union(donors_of.get(rid, ()))
        ents, families = parties[(names, own, None if names else url)]
        row = kind == "table_row"
        source = words[(f"own:{own.name}" if own else f"own:{host}") if row else host]
        out.append(Rec(
            id=rid, kind=words[kind], url=url, donors=ents, families=families,
            item=words[item or "other"], quantity=quantity, quantity_each=quantity_each,
            places=places[(recipients, block if row else None)], status=words[status],
            first_seen=when[first], last_seen=when[last], gone_since=when[gone],
            source_key=source,
            parent_id=index.get((page_id, parent)) if parent is not None and not row else None,
            history=history.get(rid, ()), quantities=_others(quantities.get(rid), quantity, one)))
        if not row:
            claims.append((out[-1], page_id, host))
    return out, claims


_NONE: frozenset[int] = frozenset()


def _others(shown: Any, quantity: int | None, one: _Memo) -> frozenset[int]:
    """The quantities a record's versions showed besides its current one: none for nearly
    every record (a set each was a fifth of a load's memory)."""
    if shown is None or shown == quantity:
        return _NONE
    if isinstance(shown, set):
        return frozenset(shown - {quantity}) or _NONE
    return one[shown]


def _donors(names: frozenset[str], own: Entity | None, url: str | None,
            owners: dict[str, str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """Entity names and families of a record's donors (over its whole life: a column renamed
    Recipient does not unname them)."""
    donors = sorted(names)
    if own:  # "the Foundation" on a foundation's own site is that foundation
        donors = sorted({own.name if is_generic_name(n) else n for n in donors})
    if not donors and url is not None:
        owner = next((o for prefix, o in owners.items() if url.startswith(prefix)), None)
        donors = [owner] if owner else ([own.name] if own else [])
    ents, families = donor_group(donors)
    return tuple(e.name for e in ents), families


def _places(recipients: str | None, block: str | None) -> frozenset[str]:
    """Recipient codes (organisations aside), and for a table row the places its block names."""
    out = {x["code"] for x in _json(recipients) or [] if x.get("code")
           and not str(x["code"]).startswith("org:")}
    if block is not None:
        out |= set(block_places(block))
    return frozenset(out)


def load_reviews(session: Session) -> Reviews:
    out: Reviews = {}
    for rv in session.scalars(select(Review).order_by(Review.at, Review.id)):
        out[(rv.record_id, rv.anchor_record_id)] = rv.decision
    return out


def add_review(session: Session, record_id: str, anchor_record_id: str, decision: str,
               note: str | None) -> None:
    session.add(Review(record_id=record_id, anchor_record_id=anchor_record_id,
                       decision=decision, note=note, at=datetime.now(UTC)))

