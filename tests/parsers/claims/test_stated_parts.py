"""A whole, then its parts each with its own amount: every part is a claim of its own whose
`parent` is the whole's index (sentences written for these tests)."""

from __future__ import annotations

from aidledger.parsers.claims import extract_claims

from .conftest import PUB


def _parts(text: str) -> list[tuple]:
    return [(c.donors, c.item, c.quantity, [r.code for r in c.recipients], c.parent)
            for c in extract_claims(text, PUB)]


def test_money_parts_in_the_next_sentence_that_add_up_to_the_whole():
    out = _parts("Orvo Telecom has announced a donation of Sh500 million towards the fight "
                 "against the virus in Kenya.\n\nOrvo chairman Tom Balu said Sh300 million "
                 "will be channelled through the Red Cross and Sh200 million via the city "
                 "water company to pay water bills.")
    assert out == [(["Orvo Telecom"], "funds", 500_000_000, ["KEN"], None),
                   (["Orvo Telecom"], "funds", 300_000_000, ["KEN"], 0),
                   (["Orvo Telecom"], "funds", 200_000_000, ["KEN"], 0)]


def test_of_this_parts_need_not_add_up_exactly():
    out = _parts("The Mbali Foundation announced it would donate $4.27m to Kenya. "
                 "Of this, $1.5m will go to support hospital workers and the remaining $2.7m "
                 "to bolster testing.")
    assert [(q, p) for _, _, q, _, p in out] == [(4_270_000, None), (1_500_000, 0),
                                                (2_700_000, 0)]
    assert all(d == ["Mbali Foundation"] for d, *_ in out)


def test_parts_at_levels_go_where_the_whole_went():
    out = _parts("Orvan Mining handed a cheque for $620,000 to the Kenyan government. \"We are "
                 "funding the provision of medical equipment to the value of US$400,000 at the "
                 "national level, US$120,000 for Kisumu county and US$100,000 for the Lake "
                 "district.\"")
    assert out == [(["Orvan Mining"], "funds", 620_000, ["KEN"], None),
                   (["Orvan Mining"], "funds", 400_000, ["KEN"], 0),
                   (["Orvan Mining"], "funds", 120_000, ["KEN"], 0),
                   (["Orvan Mining"], "funds", 100_000, ["KEN"], 0)]


def test_a_whole_and_its_parts_in_one_sentence():
    out = _parts("Orvo Telecom set aside Sh500 million: Sh300 million for the Kenya Red Cross "
                 "and Sh200 million for water bills in Nairobi.")
    assert [(q, p) for _, _, q, _, p in out] == [(500_000_000, None), (300_000_000, 0),
                                                (200_000_000, 0)]


def test_of_which_parts_keep_the_wholes_country():
    out = _parts("Orvan Mining gave $530,000 to Zambia, of which $340,000 goes to the national "
                 "task force, $100,000 to the province and $90,000 to the district.")
    assert out == [(["Orvan Mining"], "funds", 530_000, ["ZMB"], None),
                   (["Orvan Mining"], "funds", 340_000, ["ZMB"], 0),
                   (["Orvan Mining"], "funds", 100_000, ["ZMB"], 0),
                   (["Orvan Mining"], "funds", 90_000, ["ZMB"], 0)]


def test_a_donation_that_comprises_parts_told_again():
    out = _parts("The Balu Foundation donated N700m to Nigeria. The N700m donation comprises "
                 "N500m to the Lagos committee, N100m to the Kano committee and N100m to the "
                 "Abuja committee.")
    assert [(q, p) for _, _, q, _, p in out] == [(700_000_000, None), (500_000_000, 0),
                                                (100_000_000, 0), (100_000_000, 0)]


def test_goods_shared_out_of_the_whole_each_to_a_hospital():
    out = _parts("Out of the nine ventilators donated by the Tamsin Trust to Moldova, four "
                 "were donated to the city hospital, two are transmitted to the children's "
                 "clinic and three of them are donated to the regional hospital.")
    assert out == [(["Tamsin Trust"], "ventilator", 9, ["MDA"], None),
                   (["Tamsin Trust"], "ventilator", 4, ["MDA"], 0),
                   (["Tamsin Trust"], "ventilator", 2, ["MDA"], 0),
                   (["Tamsin Trust"], "ventilator", 3, ["MDA"], 0)]


def test_amounts_that_do_not_add_up_are_no_parts():
    out = _parts("Orvo Telecom donated Sh500 million to Kenya. Last year it gave Sh300 million "
                 "to the Red Cross and Sh100 million to schools.")
    assert all(p is None for *_, p in out)


def test_a_per_taker_amount_with_its_stated_total_is_no_part():
    out = _parts("The Kauri Trust will donate 1.1 million test kits to 54 African "
                 "countries. Each country will receive 20,000 kits.")
    assert [q for _, _, q, _, _ in out] == [1_100_000]


def test_a_count_of_the_goods_sent_on_is_a_part_and_the_whole_keeps_its_taker():
    out = _parts("Delta Aid donated five ventilators to Ghana. Two of the ventilators will "
                 "be sent to Togo.")
    assert out == [(["Delta Aid"], "ventilator", 5, ["GHA"], None),
                   (["Delta Aid"], "ventilator", 2, ["TGO"], 0)]


def test_n_of_the_m_goods_is_the_n():
    out = _parts("Delta Aid donated 500,000 masks to Ghana. 200,000 of the 500,000 masks "
                 "will be sent to Togo.")
    assert [(q, r, p) for _, _, q, r, p in out] == [(500_000, ["GHA"], None),
                                                   (200_000, ["TGO"], 0)]
    out = _parts("Delta Aid donated five ventilators to Ghana. Two of the five ventilators "
                 "will be sent to Togo.")
    assert [(q, p) for _, _, q, _, p in out] == [(5, None), (2, 0)]


def test_a_whole_whose_parts_stay_in_the_articles_country_goes_there():
    out = _parts("The Kumasi clinic is better equipped with the donation of six ventilators "
                 "from the Orvan Trust. The donation was received by Ghana's health ministry "
                 "on Monday. The minister said two of the ventilators will be sent to Tamale.")
    assert [(q, r, p) for _, _, q, r, p in out] == [(6, ["GHA"], None), (2, ["GHA"], 0)]


def test_the_first_batch_of_the_goods_is_a_part_of_them():
    out = _parts("Corvo donated 40,000 masks to Ghana. The first 15,000 masks went to Mercy "
                 "Clinic in Accra.")
    assert out == [(["Corvo"], "face_mask", 40_000, ["GHA"], None),
                   (["Corvo"], "face_mask", 15_000, ["GHA"], 0)]
    out = _parts("Corvo donated 40,000 masks to Ghana. The first batch of 15,000 masks "
                 "arrived in Accra on Monday.")
    assert [(q, p) for _, _, q, _, p in out] == [(40_000, None), (15_000, 0)]


def test_the_first_of_other_goods_is_no_part():
    out = _parts("Corvo donated 40,000 masks to Ghana. The first 15,000 gloves arrived in "
                 "Accra on Monday.")
    assert [p for *_, p in out] == [None, None]


def test_another_batch_goes_where_the_gift_went_not_where_it_was_made():
    out = _parts("Hospitals in Peru received ventilators through a large donation by Kelvo "
                 "Health. The shipment was facilitated by Ayni Relief, a charity that "
                 "operates in Peru and Central Asia. The ventilators were shipped from the "
                 "factory in Bremen, Germany. Another 12 are on their way.")
    assert (["Kelvo Health"], "ventilator", 12, ["PER"], None) in out
