"""Free text with other filters: the planned pages equal a plain reference query, on both
backends, for every plan (read through the text index, or a walk of the sort index), and
hostile text or filter values (FTS syntax, quotes, the index's own facet tokens) stay words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select, text

from aidledger.aggregator.reconcile import reconcile
from aidledger.storage import ledger_page, ledger_text, ledger_tsv
from aidledger.storage.ledger import Donation
from aidledger.storage.ledger_queries import load_records, load_reviews, write_ledger
from aidledger.storage.ledger_search import LedgerFilter, search_words
from aidledger.storage.ledger_text import fts_body, token
from aidledger.storage.models import Blob, Page, Record, Snapshot

T0 = datetime(2021, 3, 1, tzinfo=UTC)
DONORS = ["Harbor Light Foundation", "Quay Trust", "Tilde~Works Ltd", 'The "Quoted" Fund',
          "NEAR Holdings", "Orbit (Parenthesis) Aid", "Star* Relief", "AND OR NOT Collective",
          "Gloves Unlimited", "Kor Ita Partners", "Pine Hollow Aid"]
ITEMS = ["face_mask", "gloves", "test_kit", "ventilator", "gloves"]
STATUSES = ["arrived", "pledged", "in_transit", None, "arrived", "donated"]
PLACES = [["ITA"], ["ESP"], ["KOR"], ["PER"], ["region:europe"], [], ["ITA", "KOR"]]
N = 140

TEXTS = ["harb", "trust", "gl", "glove", "tilde", "works", "quoted", '"quoted" fund', "near",
         "NEAR(harbor quay)", "NEAR(harbor quay, 2)", "quay*", "*", "(", "harb)", "((gl",
         '"', "'", 'gl" OR "harb', "harb OR quay", "trust NOT quay", "-trust", "body:harb",
         "{body}: harb", "^harb", "harb AND", "~", "~i", token("item", "gloves"),
         token("item", "gloves")[1:], token("donor", "quay trust")[1:], "i676c", "korea",
         "europe", "mask", "zzz", "star", "and or not", "'; drop table donation; --", "kor",
         "partners", "ita"]
FILTERS = [{}, {"item": "gloves"}, {"item": "masks"}, {"status": "arrived"},
           {"donor": "Quay Trust"}, {"donor": "Tilde~Works Ltd"}, {"recipient": "Europe"},
           {"recipient": "Italy"}, {"item": "gloves", "status": "arrived"},
           {"donor": "Harbor Light Foundation", "item": "face_mask"},
           {"recipient": "Europe", "status": "pledged"}, {"min_sources": 1, "item": "gloves"},
           {"since": T0 + timedelta(days=40), "item": "gloves"},
           {"item": 'gloves" OR "a'}, {"status": 'arrived) OR (x'}, {"donor": '" OR *'},
           {"recipient": "NEAR(x y)"}, {"recipient": "KOR"}, {"recipient": "South Korea"},
           {"recipient": "Spain", "item": "gloves"},
           {"recipient": "Europe", "donor": "Kor Ita Partners"}]


def _store(sessions) -> None:
    """N claims, one a page, spread over the donors, items, statuses and places above, with
    quantities far enough apart that each is its own donation."""
    with sessions.begin() as s:
        s.execute(insert(Blob), [{"sha256": "0" * 64, "size": 0, "data": b""}])
        for i in range(N):
            url = f"https://news{i % 5}.example/story/{i}"
            seen = T0 + timedelta(days=i % 60, hours=i)
            page_id = s.execute(insert(Page).values(url=url, first_fetched=seen,
                                                    last_fetched=seen)
                                .returning(Page.id)).scalar_one()
            snap = s.execute(insert(Snapshot).values(
                page_id=page_id, blob_sha256="0" * 64, fetched_at=seen, last_seen=seen,
                final_url=url).returning(Snapshot.id)).scalar_one()
            item, places = ITEMS[i % len(ITEMS)], PLACES[i % len(PLACES)]
            s.execute(insert(Record).values(
                id=f"rec_{i:03d}", page_id=page_id, kind="claim", item=item,
                quantity=1000 * 3 ** (i % 9) + i, status=STATUSES[i % len(STATUSES)],
                donors=[DONORS[i % len(DONORS)]],
                recipients=[{"name": c, "code": c} for c in places],
                raw={"goods": item}, data={"evidence": {"sentence": f"Claim {i}."}},
                first_seen=seen, last_seen=seen + timedelta(hours=1),
                first_snapshot_id=snap, last_snapshot_id=snap))
    with sessions.begin() as s:
        write_ledger(s, reconcile(load_records(s, {}), load_reviews(s)))


@pytest.fixture
def ledger(sessions):
    _store(sessions)
    return sessions


def _reference(sessions, f: dict, sort: str, desc: bool) -> list[str]:
    """Every match by the plain IN-subquery filters (free text: a prefix MATCH per word, or
    the tsvector), ordered in Python."""
    with sessions() as s:
        dialect = s.get_bind().dialect.name
        conds = LedgerFilter(**f).conditions(dialect)
        rows = s.execute(select(Donation.id, getattr(Donation, sort)).where(*conds)).all()
    nulls_first = dialect == "sqlite"
    rows.sort(key=lambda r: ((r[1] is None) != nulls_first, r[1] or 0, r[0]))
    ids = [r[0] for r in rows]
    return ids[::-1] if desc else ids


def _pages(sessions, f: dict, sort: str, desc: bool, limit: int = 24):
    # (24 a page: the larger matches still span several pages, at a third of the queries)
    out, offset = [], 0
    with sessions() as s:
        while True:
            page = ledger_page.search_page(s, LedgerFilter(**f), sort=sort, descending=desc,
                                           offset=offset, limit=limit)
            out.append(page)
            if not page.more or offset > N:
                return out
            offset += limit


@pytest.mark.parametrize("sessions", ["sqlite"], indirect=True)
def test_the_reference_finds_words_as_a_plain_prefix_test_would(ledger):
    """The reference itself: on ASCII words a prefix MATCH finds what a test of every word
    of the search text finds (so facet tokens in the index are never matched by a word).
    SQLite: PostgreSQL's text parser has word rules of its own (`tilde~works` is one word)."""
    with ledger() as s:
        texts = dict(s.execute(select(Donation.id, Donation.search_text)).all())
    assert len(texts) > 60
    for q in TEXTS:
        words = search_words(q)
        if not words or not all(w.isascii() for w in words):
            continue
        want = {i for i, t in texts.items()
                if all(any(tok.startswith(w) for tok in search_words(t)) for w in words)}
        assert set(_reference(ledger, {"text": q}, "first_seen", False)) == want, q


@pytest.mark.parametrize("mode", ["drive", "drive-narrow", "walk", "walk-seek", "walk-sample"])
def test_text_with_filters_pages_like_the_reference(ledger, monkeypatch, mode):
    """(walk-seek, SQLite: the walk's text probe is a seek in the index, not a set of the
    matches. walk-sample, PostgreSQL: every count first tests the table's first page, as if
    the planner expected nearly every donation to match, then falls back to the index.
    drive-narrow, walk and walk-sample, PostgreSQL: a recipient narrows the text lookup by
    its code words; drive and walk-seek: the recipient's rows drive.)"""
    heads: list[int] = []
    if mode.startswith("drive-"):
        with ledger() as s:
            if s.get_bind().dialect.name != "postgresql":
                pytest.skip("the recipient's code words narrow PostgreSQL's text lookup")
    if mode in ("drive-narrow", "walk", "walk-sample"):
        monkeypatch.setattr(ledger_page, "FOLD_MIN", 0)
    if mode == "walk-sample":
        with ledger.begin() as s:
            if s.get_bind().dialect.name != "postgresql":
                pytest.skip("the sampled count is PostgreSQL's")
            s.execute(text("ANALYZE donation"))  # the table's size in pages, for the sample
        monkeypatch.setattr(ledger_tsv, "_estimate", lambda session, q: 10**9)
        head = ledger_tsv._count_head

        def spy(*a: object) -> int:
            heads.append(head(*a))
            return heads[-1]
        monkeypatch.setattr(ledger_tsv, "_count_head", spy)
    if mode.startswith("drive"):  # every search reads its matches through the text index
        monkeypatch.setattr(ledger_page, "DRIVE_COST", 10**9)
    if mode == "walk-seek":
        monkeypatch.setattr(ledger_text, "SEEK_COST", 0)
    if mode != "drive":  # every search walks the sort index, and counts stop early
        monkeypatch.setattr(ledger_page, "DRIVE_MAX", -1)
        monkeypatch.setattr(ledger_page, "COUNT_CAP", 5)
        monkeypatch.setattr(ledger_page, "JOINED_CAP", 5)
    cap = ledger_page.COUNT_CAP
    matched = 0
    for q in TEXTS:
        for f in FILTERS:
            f = {**f, "text": q}
            for sort, desc in (("first_seen", False), ("quantity", True)):
                want = _reference(ledger, f, sort, desc)
                pages = _pages(ledger, f, sort, desc)
                assert [r["id"] for p in pages for r in p.rows] == want, (f, sort, desc)
                first = pages[0]
                if first.exact:
                    assert first.total == len(want), f
                else:
                    assert len(want) > cap and cap <= first.total <= len(want), f
            matched += bool(want)
    assert matched > 100  # most combinations find something: the comparison is not vacuous
    if mode == "walk-sample":  # the first page held more than the cap, or sent it on
        assert any(n > ledger_page.COUNT_CAP for n in heads)
        assert any(n <= ledger_page.COUNT_CAP for n in heads)


def test_text_with_one_filter_is_counted_exactly_on_the_text_index(ledger):
    """Free text and an item, status, donor or recipient is counted up to COUNT_CAP, like a
    single filter (SQLite: one MATCH), not JOINED_CAP."""
    with ledger() as s:
        sqlite = s.get_bind().dialect.name == "sqlite"
        for f in ({"item": "gloves"}, {"status": "arrived"}, {"donor": "Quay Trust"},
                  {"recipient": "Europe"}):
            want = _reference(ledger, {**f, "text": "a"}, "first_seen", False)
            page = ledger_page.search_page(s, LedgerFilter(**f, text="a"), limit=3)
            assert page.exact and page.total == len(want) > 3, f
            if sqlite:
                plan = ledger_page._plan(s, LedgerFilter(**f, text="a"), "sqlite")
                assert plan is not None and len(plan[1]) == 1 and plan[1][0].whole, f


@pytest.mark.parametrize("sessions", ["sqlite"], indirect=True)
def test_the_text_index_holds_the_facet_tokens_the_migration_writes(ledger):
    """Rows written by the ledger writer and rows the migration rebuilt from the stored
    columns hold the same words and tokens; downgrading gives back the plain search text."""
    from alembic import command

    from aidledger.storage.db import alembic_config

    def bodies() -> dict[str, str]:
        with ledger() as s:
            return dict(s.execute(text("SELECT donation_id, body FROM donation_fts")).all())

    with ledger() as s:
        rows = {d.id: d for d in s.scalars(select(Donation))}
    written = bodies()
    assert set(written) == set(rows)
    for i, body in written.items():
        d = rows[i]
        assert body == fts_body({"id": d.id, "item": d.item, "status": d.status,
                                 "donors": d.donors, "recipients": d.recipients,
                                 "search_text": d.search_text}), i
    assert any("~" in d.search_text for d in rows.values())  # the hostile donor's tilde
    cfg = alembic_config(ledger.kw["bind"])
    command.downgrade(cfg, "0006")
    assert bodies() == {i: d.search_text for i, d in rows.items()}
    command.upgrade(cfg, "head")
    assert {i: set(b.split()) for i, b in bodies().items()} == {
        i: set(b.split()) for i, b in written.items()}
    test_text_with_one_filter_is_counted_exactly_on_the_text_index(ledger)


@pytest.mark.parametrize("sessions", ["postgresql"], indirect=True)
def test_postgresql_plan_settings_are_put_back(ledger):
    """The search turns sequential scans and JIT off for its own statements only."""
    with ledger() as s:
        before = [s.scalar(text(f"SELECT current_setting('{k}')"))
                  for k in ("enable_seqscan", "jit")]
        assert ledger_page.search_page(s, LedgerFilter(text="harb", item="gloves")).total >= 0
        ledger_page.search_page(s, LedgerFilter(text="harb"))
        after = [s.scalar(text(f"SELECT current_setting('{k}')"))
                 for k in ("enable_seqscan", "jit")]
    assert after == before


@pytest.mark.parametrize("sessions", ["postgresql"], indirect=True)
def test_postgresql_text_and_item_read_one_index(ledger):
    """Free text and an item: the count reads the text index alone (no bitmap of the item's
    own index intersected with it)."""
    with ledger() as s:
        from sqlalchemy import func, literal_column

        from aidledger.storage.ledger_tsv import pg_text_condition

        q = (select(literal_column("1")).select_from(Donation)
             .where(pg_text_condition(["harb"], [("item", "gloves")]),
                    Donation.item.concat("") == "gloves").limit(10))
        s.execute(text("SET LOCAL enable_seqscan = off"))
        compiled = select(func.count()).select_from(q.subquery()).compile(s.get_bind())
        plan = "\n".join(r[0] for r in s.connection().exec_driver_sql(
            f"EXPLAIN {compiled}", compiled.params))
    assert "ix_donation_search_facets" in plan and "ix_donation_item_walk" not in plan, plan


@pytest.mark.parametrize("sessions", ["postgresql"], indirect=True)
def test_postgresql_text_and_recipient_read_one_index(ledger, monkeypatch):
    """Free text and a recipient of many donations: one source, the text lookup narrowed by
    the codes' words (a region and its members), with the exact recipient test kept, so a
    donor named like a code ("Kor Ita Partners") is not taken for the recipient."""
    with ledger() as s:
        monkeypatch.setattr(ledger_page, "FOLD_MIN", 0)
        for name in ("KOR", "South Korea", "Europe"):
            plan = ledger_page._plan(s, LedgerFilter(text="partners", recipient=name),
                                     "postgresql")
            assert plan is not None and len(plan[1]) == 1 and plan[1][0].direct is not None
            sql = " ".join(map(str, plan[1][0].direct.compile(s.get_bind()).params.values()))
            if name == "Europe":  # the region and its members stored (Italy, Spain)
                assert "('region' & 'europe')" in sql and "'ita'" in sql, sql
            else:
                assert "'kor'" in sql, sql
        for name in ("KOR", "Europe"):
            f = {"text": "partners", "recipient": name}
            page = ledger_page.search_page(s, LedgerFilter(**f), limit=50)
            want = _reference(ledger, f, "first_seen", False)
            assert [r["id"] for r in page.rows] == want and page.total == len(want), name
            everyone = _reference(ledger, {"text": "partners"}, "first_seen", False)
            assert 0 < len(want) < len(everyone), name  # the donor's other donations drop
