"""What a donation covers and who takes it: parts whose subject is the part, recipients of an
earlier event, owners that are no takers, scale abbreviations."""

from __future__ import annotations

from aidledger.parsers.claims import extract_claims

from .conftest import PUB


def test_a_part_as_subject_takes_the_wholes_giver_and_goes_where_it_names(extract):
    out = extract("Norway donated surgical masks to the European Union on Monday. Two million "
                  "of the masks are being passed on to Greece and Cyprus, the commission said.")
    assert out[-1] == (["Norway"], "face_mask", 2_000_000, ["GRC", "CYP"])
    claims = extract_claims("Norway donated 5 million masks to the European Union. 2 million "
                            "of the masks are being passed on to Greece.", PUB)
    assert claims[1].parent == 0 and claims[1].donors == ["Norway"]


def test_a_part_with_its_own_giver_keeps_it(extract):
    out = extract("Norway donated 5 million masks to the European Union. 2 million of the masks "
                  "are being flown to Greece by Widerøe Cargo.")
    assert out[1][2] == 2_000_000 and out[1][3] == ["GRC"] and out[1][0] != ["Norway"]


def test_places_of_an_earlier_event_after_the_goods_are_not_recipients(extract):
    out = extract("The Lotus Foundation said it had prepared 300,000 testing kits to be donated "
                  "to Chile, after previously sending supplies to Peru, Bolivia and Ecuador.")
    assert [r for *_, r in out] == [["CHL"]]


def test_a_countrys_allies_are_not_that_country(extract):
    out = extract("Kenya will send 20,000 test kits to Uganda's closest neighbours.")
    assert out == [(["Kenya"], "test_kit", 20_000, [])]


def test_the_subject_of_are_to_receive_is_the_recipient(extract):
    out = extract("Eight EU member countries are to receive 1.3 million masks from Norway.")
    assert out == [(["Norway"], "face_mask", 1_300_000, ["region:europe"])]


def test_cr_is_crore(extract):
    out = extract("The Lotus Trust donated Rs 250 cr to the PM CARES Fund.")
    assert [(q, item) for _, item, q, _ in out] == [(2_500_000_000, "funds")]
