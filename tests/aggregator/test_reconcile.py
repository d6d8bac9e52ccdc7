"""Matching rules and conflict kinds of the reconciler, on records built for these tests."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aidledger.aggregator.matching import Rec
from aidledger.aggregator.normalize import donor_group, entity, entity_for_url
from aidledger.aggregator.reconcile import reconcile

T0 = datetime(2021, 4, 1, tzinfo=UTC)
PAGE = "https://harbor-light.example/program/supplies"
_n = iter(range(10_000))


def rec(kind="table_row", *, donors=("Harbor Light Foundation",), item="face_mask",
        quantity=100_000, places=("PER",), url=PAGE, source=None, day=0, each=None,
        status="preparing", history=(), quantities=(), gone=None, parent=None, rid=None) -> Rec:
    _, families = donor_group(list(donors))
    return Rec(id=rid or f"rec_{next(_n):04d}", kind=kind, url=url, donors=list(donors),
               families=families, item=item, quantity=quantity, quantity_each=each,
               places=frozenset(places), status=status, first_seen=T0 + timedelta(days=day),
               last_seen=T0 + timedelta(days=day + 1), gone_since=gone,
               source_key=source or ("own:harbor" if kind == "table_row" else url.split("/")[2]),
               parent_id=parent, history=list(history), quantities=frozenset(quantities))


def claim(**kw) -> Rec:
    kw.setdefault("url", "https://gazette.example/story")
    return rec("claim", **kw)


def roles(d) -> list[tuple[str, str]]:
    return [(lk.record.kind, lk.role) for lk in d.links]


def test_news_claim_with_equal_quantity_corroborates_the_row():
    (d,) = reconcile([rec(), claim()])
    assert roles(d) == [("table_row", "primary"), ("claim", "corroborates")]
    assert "quantity equal" in d.links[1].reason and d.independent_sources == 2


def test_related_donors_match_but_are_not_merged():
    assert entity("JMF").name == "Jack Ma Foundation"
    assert entity("Alibaba co-founder Jack Ma").name == "Jack Ma"
    assert entity("Jack Ma").family == entity("Alibaba Foundation").family
    assert entity("Unheard Of Trust").kind == "unknown"  # a new entity, not an error
    assert entity_for_url("https://www.jackmafoundation.org.cn/x").name == "Jack Ma Foundation"
    row = rec(donors=("Jack Ma Foundation", "Alibaba Foundation"))
    (d,) = reconcile([row, claim(donors=("Jack Ma",))])
    assert d.links[1].role == "corroborates"


def test_a_state_is_one_giver_however_each_source_names_it():
    """Claims name a state giver as their text does ("the Peruvian Embassy", "government of
    Peru", "Peru"): one entity, so two outlets telling its gift corroborate each other; a
    body named for the country ("Bank of Peru") stays a giver of its own."""
    assert {entity(n).name for n in ("Peru", "Peruvian Embassy", "government of Peru")} == {
        "Peru"}
    assert entity("Embassy of Peru").kind == "state"
    assert entity("Bank of Peru").kind == "unknown"
    one = claim(donors=("Peruvian Embassy",), places=("CHL",), url="https://one.example/a")
    two = claim(donors=("government of Peru",), places=("CHL",), url="https://two.example/b")
    (d,) = reconcile([one, two])
    assert d.independent_sources == 2


def test_syndicated_copies_count_once():
    a = claim(source="story:1", url="https://one.example/a")
    b = claim(source="story:1", url="https://two.example/b")
    c = claim(source="third.example", url="https://third.example/c")
    (d,) = reconcile([rec(), a, b, c])
    assert d.independent_sources == 3  # the page, one syndicated story, one other outlet


def test_close_quantity_is_a_conflict_not_a_match():
    (d,) = reconcile([rec(quantity=2_000_000), claim(quantity=1_800_000)])
    assert d.links[1].role == "conflicts"
    assert d.conflicts == [{"kind": "quantity", "detail":
                            "https://gazette.example/story says 1,800,000; "
                            f"{PAGE} says 2,000,000"}]


def test_far_quantity_is_a_different_donation():
    out = reconcile([rec(quantity=2_000_000), claim(quantity=50_000)])
    assert len(out) == 2


def test_region_total_equal_to_its_country_rows_is_their_aggregate():
    rows = [rec(places=("ITA",), quantity=1_000_000), rec(places=("ESP",), quantity=500_000),
            rec(places=("BEL",), quantity=500_000)]
    total = claim(places=("region:europe",), quantity=2_000_000, donors=("Jack Ma",))
    rows = [rec(donors=("Jack Ma Foundation",), places=r.places, quantity=r.quantity)
            for r in rows]
    out = reconcile([*rows, total])
    (europe,) = [d for d in out if d.anchor.kind == "claim"]
    assert [lk.role for lk in europe.links] == ["primary", "aggregate_of", "aggregate_of",
                                               "aggregate_of"]
    assert "Europe total 2,000,000 = " in europe.links[1].reason


def test_per_recipient_amount_times_recipients_matches_the_region_row():
    row = rec(places=("region:africa",), quantity=1_100_000, item="test_kit")
    each = claim(places=("region:africa",), quantity=1_080_000, each=20_000, item="test_kit")
    (d,) = reconcile([row, each])
    assert d.links[1].role == "corroborates" and "20,000 each" in d.links[1].reason


def test_a_part_of_a_parent_claim_is_linked_to_the_parent():
    parent = claim(places=("ITA", "ESP"), quantity=300_000, donors=("Oppo",), rid="rec_p")
    part = claim(places=("ITA",), quantity=100_000, donors=("Oppo",), parent="rec_p", day=0)
    (d,) = reconcile([parent, part])
    assert [lk.role for lk in d.links] == ["primary", "part_of"]


def test_status_going_backwards_and_rows_that_vanish_are_flagged():
    row = rec(history=[("in_transit", "2021-04-01"), ("preparing", "2021-04-02")],
              gone=T0 + timedelta(days=9), status="preparing")
    (d,) = reconcile([row])
    kinds = [c["kind"] for c in d.conflicts]
    assert kinds == ["status_backwards", "gone_from_source"]
    assert "from in_transit back to preparing" in d.conflicts[0]["detail"]


def test_news_only_claims_repeating_each_other_are_one_donation():
    a = claim(donors=("Oppo",), places=("JPN",), quantity=5_000)
    b = claim(donors=("Oppo",), places=("JPN",), quantity=5_000, url="https://other.example/x",
              source="other.example", day=1)
    (d,) = reconcile([a, b])
    assert d.anchor is a and d.independent_sources == 2


def test_reviews_reject_and_confirm_links():
    row, news = rec(rid="rec_row"), claim(rid="rec_news")
    (d,) = reconcile([row, news])
    out = reconcile([row, news], {("rec_news", "rec_row"): "reject"})
    assert len(out) == 2
    far = claim(rid="rec_far", quantity=7)
    (d,) = reconcile([row, far], {("rec_far", "rec_row"): "confirm"})
    assert d.links[1].reason == "confirmed by a reviewer"


def test_deterministic_ids_whatever_the_input_order():
    recs = [rec(rid="rec_a"), claim(rid="rec_b"), rec(rid="rec_c", places=("CHL",))]
    first = [(d.id, [lk.record.id for lk in d.links]) for d in reconcile(recs)]
    again = [(d.id, [lk.record.id for lk in d.links]) for d in reconcile(list(reversed(recs)))]
    assert first == again


def test_claims_naming_no_recipient_repeat_only_an_equal_amount():
    first = claim(donors=("Quay Trust",), item="funds", places=(), quantity=5_000_000)
    again = claim(donors=("Quay Trust",), item="funds", places=(), quantity=5_000_000,
                  url="https://other.example/y", source="other.example", day=2)
    other = claim(donors=("Quay Trust",), item="funds", places=(), quantity=7_000_000, day=3)
    placed = claim(donors=("Quay Trust",), item="funds", places=("KEN",), quantity=5_000_000,
                   day=4)
    out = reconcile([first, again, other, placed])
    (d,) = [d for d in out if d.anchor is first]
    assert [lk.record for lk in d.links] == [first, again]
    assert "no recipient named on either side" in d.links[1].reason
    assert len(out) == 3  # a different amount, and a named recipient, are other donations


def test_generic_donor_names_and_url_hosts():
    from aidledger.aggregator.normalize import entity_key, is_generic_name, url_host

    assert is_generic_name("the Foundation") and is_generic_name("Fund")
    assert not is_generic_name("Quay Foundation")
    assert entity_key("JMF") == entity_key("the Jack Ma Foundation")
    assert entity_key("ACME Corp.") == entity_key("the Acme’s")
    # every legal form the name rules know, however many are stacked
    assert entity_key("Tembo Pvt Ltd") == entity_key("Tembo Private Limited") == entity_key(
        "Tembo")
    assert entity_key("Rantau Sdn Bhd") == entity_key("Rantau Berhad")
    assert entity_key("Tembo Holding") == entity_key("TEMBO")
    assert entity_key("Tembo Bank") != entity_key("Tembo")  # a line of business is no legal form
    assert url_host("https://WWW.Example.org:8080/a?b") == "www.example.org"
    assert url_host("https://user@host.example/x") == "host.example"


def test_a_claim_naming_two_regions_links_the_same_rows_in_every_process():
    # set order of strings changes with the hash seed; the chosen region must not
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); from test_reconcile import rec, claim, reconcile\n"
        "rows = [rec(donors=('Jack Ma Foundation',), places=(c,), quantity=q) for c, q in "
        "[('ITA', 1_000_000), ('ESP', 1_000_000), ('JPN', 1_500_000), ('KOR', 500_000)]]\n"
        "total = claim(places=('region:europe', 'region:asia'), quantity=2_000_000,"
        " donors=('Jack Ma',))\n"
        "(d,) = [d for d in reconcile([*rows, total]) if d.anchor.kind == 'claim']\n"
        "print(sorted(lk.reason for lk in d.links if lk.role == 'aggregate_of'))\n")
    here = str(Path(__file__).parent)
    outs = {subprocess.run([sys.executable, "-c", script, here], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3", "4")}
    assert len(outs) == 1 and "Asia total 2,000,000" in outs.pop()
