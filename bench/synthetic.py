"""The one synthetic ledger generator: donations with known clusters, and a store built from them.

Each synthetic donation has a donor (written with realistic variants: case, legal suffixes, a
leading "the", a possessive, punctuation), an item, a country and a quantity. It gets a row on
the donor's own program page half the time and 0-4 news claims on outlets' article pages:
- some claims are syndicated copies: the same article, lightly edited, on another outlet
  (near-identical texts, so they count as one source);
- some state a quantity 5-9% off the row's (a `quantity` conflict, still the same donation);
- some rows went backwards in status (`status_backwards`) or left their page
  (`gone_from_source`).
`generate` gives the records as the reconciler sees them and the true cluster of each;
`store_synthetic` writes them as pages, snapshots, records, versions and observations, in the
shapes the crawl writes, so `load_records` reads them back like real ones.
"""

from __future__ import annotations

import hashlib
import random
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pycountry

from aidledger.aggregator.matching import Rec
from aidledger.aggregator.normalize import donor_group
from aidledger.parsers.lexicon import country_name

ITEMS = ["face_mask", "test_kit", "ventilator", "protective_suit", "gloves", "face_shield"]
COUNTRIES = ["ITA", "ESP", "FRA", "DEU", "JPN", "KOR", "IRN", "USA", "PER", "CHL", "KEN", "NGA",
             "EGY", "IND", "BRA", "MEX", "THA", "IDN", "PHL", "VNM"]
WORDS = ["Harbor", "North", "Star", "Light", "River", "Stone", "Cedar", "Lotus", "Summit",
         "Bright", "Silver", "Ocean", "Maple", "Golden", "Eagle", "Crane", "Pine", "Coral"]
KINDS = ["Foundation", "Group", "Trust", "Industries", "Pharma", "Motors", "Electronics"]
SUFFIXES = ["", " Corp", " Corporation", " Inc.", " Ltd", " Co., Ltd.", " Holdings", " LLC"]
MANY_COUNTRIES = sorted(c.alpha_3 for c in pycountry.countries)[:150]
STATUSES = ["pledged", "preparing", "in_transit", "arrived", "accepted"]
T0 = datetime(2020, 3, 1, tzinfo=UTC)


@dataclass
class Synthetic:
    records: list[Rec] = field(default_factory=list)
    truth: dict[str, int] = field(default_factory=dict)  # record id -> true donation
    texts: dict[str, str] = field(default_factory=dict)  # article URL -> its text
    donations: int = 0
    tag: str = ""  # makes URLs of separate batches distinct


def donor_names(n: int, prefix: str = "") -> list[str]:
    names = [f"{prefix}{a} {b} {k}" for a in WORDS for b in WORDS if a != b for k in KINDS]
    random.Random(n).shuffle(names)
    while len(names) < n:  # more donors than word combinations: numbered ones
        names.append(f"{prefix}Donor {len(names):06d} Foundation")
    return names[:n]


def variant(rng: random.Random, base: str) -> str:
    """How sources write one donor's name: all resolve to the same entity key."""
    name = base + rng.choice(SUFFIXES)
    return rng.choice([name, name, name.upper(), name.lower(), "the " + name, name + "’s",
                       name.replace(" ", "-", 1)])


VOCAB = [f"{a}{b}{c}" for a in ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po")
         for b in ("ba", "de", "fi", "go", "hu", "ja", "ke", "lu", "mo", "ni")
         for c in ("n", "r", "s", "t", "l", "m", "d", "k", "x", "p")]  # article words


def _text(rng: random.Random, donor: str, qty: int, item: str, country: str) -> str:
    filler = " ".join(rng.choices(VOCAB, k=60))
    return (f"{donor} said it would send {qty:,} {item.replace('_', ' ')} to "
            f"{country_name(country)} this week. {filler}.")


def generate(n_records: int, seed: int = 7, prefix: str = "", crowded: bool = False
             ) -> Synthetic:
    """`crowded`: one donor shipping face masks to 150 countries again and again (one block)."""
    rng = random.Random(seed)
    donors = donor_names(1 if crowded else max(50, n_records // 40), prefix)
    items, countries = (["face_mask"], MANY_COUNTRIES) if crowded else (ITEMS, COUNTRIES)
    out = Synthetic(tag=prefix.lower().replace(" ", ""))
    while len(out.records) < n_records:
        _cluster(rng, out, rng.choice(donors), out.donations, items, countries)
        out.donations += 1
    out.records = out.records[:n_records]
    return out


def _cluster(rng: random.Random, out: Synthetic, donor: str, cluster: int,
             items: list[str] = ITEMS, countries: list[str] = COUNTRIES) -> None:
    item, country = rng.choice(items), rng.choice(countries)
    qty, day = rng.randrange(1, 500) * 1000, rng.randrange(60)
    slug = donor.lower().replace(" ", "-")
    tag = f"{out.tag}{cluster}"
    members: list[tuple[str, int, str, str]] = []
    if rng.random() < 0.5:
        members.append(("table_row", qty, f"own:{slug}", f"https://{slug}.example/supplies"))
    last: tuple[str, str] | None = None
    for _ in range(rng.randrange(0 if members else 1, 5)):
        q = qty if rng.random() > 0.1 else int(qty * rng.choice([0.91, 0.93, 1.06, 1.08]))
        host = f"outlet{rng.randrange(300)}.example"
        url = f"https://{host}/news/{tag}-{len(members)}"
        if last and rng.random() < 0.3:  # a syndicated copy of the previous story
            key, text = last
            out.texts[url] = text.replace("this week", "in the coming days")
            members.append(("claim", q, key, url))
            continue
        out.texts[url] = _text(rng, donor, q, item, country)
        last = (host, out.texts[url])
        members.append(("claim", q, host, url))
    for kind, q, src, url in members:
        rid = f"rec_{out.tag}{len(out.records):08d}"
        name = variant(rng, donor)
        _, fams = donor_group([name])
        first = T0 + timedelta(days=day + rng.randrange(3))
        history, status, gone = _status(rng, first) if kind == "table_row" else ([], "pledged",
                                                                                  None)
        out.records.append(Rec(rid, kind, url, [name], fams, item, q, None,
                               frozenset({country}), status, first, first + timedelta(days=5),
                               gone_since=gone, source_key=src, history=history))
        out.truth[rid] = cluster


def _status(rng: random.Random, first: datetime
            ) -> tuple[list[tuple[str | None, str]], str, datetime | None]:
    """A row's status over time: mostly forwards, sometimes backwards, sometimes gone."""
    steps = sorted(rng.sample(range(len(STATUSES)), rng.randrange(1, 3)))
    if rng.random() < 0.02 and len(steps) == 2:
        steps.reverse()
    history = [(STATUSES[s], (first + timedelta(days=i)).date().isoformat())
               for i, s in enumerate(steps)]
    gone = first + timedelta(days=4) if rng.random() < 0.03 else None
    return history, STATUSES[steps[-1]], gone


def _rows(data: Synthetic, page_ids: dict[str, int], snaps: dict[int, int]
          ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    records, versions, observations = [], [], []
    for r in data.records:
        page = page_ids[r.url]
        code = next(iter(r.places))
        goods = r.item.replace("_", " ").title()
        common = {"page_id": page, "kind": r.kind, "item": r.item, "quantity": r.quantity,
                  "status": r.status, "first_seen": r.first_seen, "last_seen": r.last_seen,
                  "first_snapshot_id": snaps[page], "last_snapshot_id": snaps[page],
                  "recipients": [{"name": country_name(code), "code": code, "org": None}]}
        if r.kind == "table_row":
            raw = {"block": country_name(code), "goods": goods, "qty": f"{r.quantity:,}",
                   "progress": r.status, "donors": r.donors[0], "recipient": None}
            rec = common | {"block": country_name(code), "donors": r.donors, "raw": raw,
                            "data": {}, "gone_since": r.gone_since, "item_label": goods}
        else:
            sentence = data.texts[r.url].split(". ")[0] + "."
            rec = common | {"donors": r.donors, "raw": {}, "item_label": goods,
                            "data": {"index": 0, "parent": None, "evidence": {
                                "sentence": sentence, "start": 0, "end": len(sentence)}}}
        records.append(rec | {"id": r.id})
        steps = r.history or [(r.status, r.first_seen.date().isoformat())]
        for seq, (status, since) in enumerate(steps, 1):
            when = datetime.fromisoformat(since).replace(tzinfo=UTC)
            versions.append({"record_id": r.id, "seq": seq, "item": r.item,
                             "quantity": r.quantity, "status": status, "donors": r.donors,
                             "first_seen": when, "last_seen": when, **{
                                 k: snaps[page] for k in ("first_snapshot_id",
                                                          "last_snapshot_id")}})
        observations.append({"snapshot_id": snaps[page], "record_id": r.id,
                             "quantity": r.quantity, "status": r.status,
                             "view": "table" if r.kind == "table_row" else "prose"})
    return records, versions, observations


def store_synthetic(session: Any, data: Synthetic) -> None:
    """Pages, snapshots (with bodies), records, versions and observations of `data` (whose
    URLs must be new to the store: batches use distinct prefixes)."""
    from sqlalchemy import func, select

    from aidledger.storage.models import (
        Blob,
        Observation,
        Page,
        Record,
        RecordVersion,
        Snapshot,
    )

    first: dict[str, datetime] = {}
    for r in data.records:
        first[r.url] = min(first.get(r.url, r.first_seen), r.first_seen)
    bodies = {u: f"<html><body><p>{data.texts.get(u, u)}</p></body></html>".encode()
              for u in first}
    sha = {u: hashlib.sha256(b).hexdigest() for u, b in bodies.items()}
    blobs = {sha[u]: b for u, b in bodies.items()}  # copies of one story share a body
    _chunks(session, Blob, [{"sha256": h, "size": len(b), "data": zlib.compress(b)}
                            for h, b in blobs.items()])
    kind = {u: "news_article" if u in data.texts else "program_page" for u in first}
    since = session.scalar(select(func.max(Page.id))) or 0
    _chunks(session, Page, [{"url": u, "first_fetched": t, "last_fetched": t, "kind": kind[u]}
                            for u, t in first.items()])
    page_ids = dict(session.execute(select(Page.url, Page.id).where(Page.id > since)).all())
    since = session.scalar(select(func.max(Snapshot.id))) or 0
    _chunks(session, Snapshot, [
        {"page_id": page_ids[u], "blob_sha256": sha[u], "fetched_at": t, "last_seen": t,
         "final_url": u, "status": 200, "kind": kind[u],
         "meta": {"parsed": {"text": data.texts[u]}} if u in data.texts else {}}
        for u, t in first.items()])
    snaps = dict(session.execute(select(Snapshot.page_id, Snapshot.id)
                                 .where(Snapshot.id > since)).all())
    records, versions, observations = _rows(data, page_ids, snaps)
    _chunks(session, Record, records)
    _chunks(session, RecordVersion, versions)
    _chunks(session, Observation, observations)


def _chunks(session: Any, model: Any, rows: list[dict[str, Any]], size: int = 50_000) -> None:
    """Bulk rows through the ledger's driver-level insert, with the models' defaults filled."""
    from aidledger.storage.ledger_write import bulk_insert

    table = model.__table__
    auto = {"id"} if isinstance(table.c.get("id", None), object) and model.__name__ != "Record" \
        else set()
    defaults = {c.name: (c.default.arg(None) if c.default.is_callable else c.default.arg)
                for c in table.columns if c.default is not None}
    names = [c.name for c in table.columns if c.name not in auto]
    for i in range(0, len(rows), size):
        bulk_insert(session, table, [{c: r[c] if c in r else defaults.get(c) for c in names}
                                     for r in rows[i:i + size]])
