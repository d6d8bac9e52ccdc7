"""A whole, then its parts each with its own amount: every part is a claim of its own whose
`parent` is the whole's index (sentences written for these tests)."""

from __future__ import annotations

from aidledger.parsers.claims import extract_claims

from .conftest import PUB


def _parts(text: str) -> list[tuple]:
    return [(c.donors, c.item, c.quantity, [r.code for r in c.recipients], c.parent)
            for c in extract_claims(text, PUB)]


def test_money_parts_in_the_next_sentence_that_add_up_to_the_whole():
    out = _parts("Telvo Kenya pledged Sh800 million to the virus response in Kenya. Its chief "
                 "executive Ana Mwangi said Sh450 million goes to the county hospitals fund "
                 "and Sh350 million to school feeding.")
    assert out == [(["Telvo Kenya"], "funds", 800_000_000, ["KEN"], None),
                   (["Telvo Kenya"], "funds", 450_000_000, ["KEN"], 0),
                   (["Telvo Kenya"], "funds", 350_000_000, ["KEN"], 0)]


def test_of_this_parts_need_not_add_up_exactly():
    out = _parts("The Lindqvist Trust said it would give $9.15m to Kenya. Of this, $4m is for "
                 "school meals and a further $5m for clinics.")
    assert out == [(["Lindqvist Trust"], "funds", 9_150_000, ["KEN"], None),
                   (["Lindqvist Trust"], "funds", 4_000_000, ["KEN"], 0),
                   (["Lindqvist Trust"], "funds", 5_000_000, ["KEN"], 0)]


def test_of_this_funding_and_the_remaining_sum_dedicated_are_parts():
    out = _parts("Orvo Computing said it had committed Rs 6 crore to relief work in Peru. Of "
                 "this funding, Rs 4 crore will be donated as oxygen equipment to hospitals. "
                 "The remaining Rs 2 crore will be dedicated to field clinics.")
    assert out == [(["Orvo Computing"], "funds", 60_000_000, ["PER"], None),
                   (["Orvo Computing"], "funds", 40_000_000, ["PER"], 0),
                   (["Orvo Computing"], "funds", 20_000_000, ["PER"], 0)]


def test_parts_naming_no_country_go_where_the_whole_went():
    out = _parts("Orvan Mining gave $750,000 to the Kenyan government on Monday. The miner "
                 "said $500,000 pays for equipment nationwide, $150,000 for Kisumu county and "
                 "$100,000 for Nakuru county.")
    assert out == [(["Orvan Mining"], "funds", 750_000, ["KEN"], None),
                   (["Orvan Mining"], "funds", 500_000, ["KEN"], 0),
                   (["Orvan Mining"], "funds", 150_000, ["KEN"], 0),
                   (["Orvan Mining"], "funds", 100_000, ["KEN"], 0)]


def test_a_whole_and_its_parts_in_one_sentence():
    out = _parts("Telvo Kenya earmarked Sh900 million: Sh600 million for county hospitals and "
                 "Sh300 million for school feeding in Nairobi.")
    assert [(q, p) for _, _, q, _, p in out] == [(900_000_000, None), (600_000_000, 0),
                                                (300_000_000, 0)]


def test_of_which_parts_keep_the_wholes_country():
    out = _parts("Lumo Copper gave $820,000 to Zambia, of which $500,000 goes to the national "
                 "task force, $200,000 to the province and $120,000 to the district.")
    assert out == [(["Lumo Copper"], "funds", 820_000, ["ZMB"], None),
                   (["Lumo Copper"], "funds", 500_000, ["ZMB"], 0),
                   (["Lumo Copper"], "funds", 200_000, ["ZMB"], 0),
                   (["Lumo Copper"], "funds", 120_000, ["ZMB"], 0)]


def test_a_gift_told_again_that_comprises_parts():
    out = _parts("The Balu Foundation donated N900m to Nigeria. The N900m gift comprises N600m "
                 "for the Lagos committee, N200m for the Kano committee and N100m for the Abuja "
                 "committee.")
    assert [(q, p) for _, _, q, _, p in out] == [(900_000_000, None), (600_000_000, 0),
                                                (200_000_000, 0), (100_000_000, 0)]


def test_goods_shared_out_of_the_whole_each_to_a_hospital():
    out = _parts("Out of the nine ventilators the Tamsin Trust gave Moldova, four went to the "
                 "city hospital, two to the children's clinic and three to the regional "
                 "hospital.")
    assert out == [(["Tamsin Trust"], "ventilator", 9, ["MDA"], None),
                   (["Tamsin Trust"], "ventilator", 4, ["MDA"], 0),
                   (["Tamsin Trust"], "ventilator", 2, ["MDA"], 0),
                   (["Tamsin Trust"], "ventilator", 3, ["MDA"], 0)]


def test_amounts_that_do_not_add_up_are_no_parts():
    out = _parts("Telvo Kenya donated Sh800 million to Kenya. Last year it gave Sh300 million "
                 "to the Red Cross and Sh100 million to schools.")
    assert all(p is None for *_, p in out)


def test_a_per_taker_amount_with_its_stated_total_is_no_part():
    out = _parts("The Kauri Trust will donate 1.1 million test kits to 54 African "
                 "countries. Each country will receive 20,000 kits.")
    assert [q for _, _, q, _, _ in out] == [1_100_000]


def test_a_count_of_the_goods_sent_on_is_a_part_and_the_whole_keeps_its_taker():
    out = _parts("Delta Aid donated five ventilators to Ghana. Two of the ventilators are "
                 "headed for Togo.")
    assert out == [(["Delta Aid"], "ventilator", 5, ["GHA"], None),
                   (["Delta Aid"], "ventilator", 2, ["TGO"], 0)]


def test_n_of_the_m_goods_is_the_n():
    out = _parts("Delta Aid donated 500,000 masks to Ghana. 200,000 of the 500,000 masks "
                 "will be sent to Togo.")
    assert [(q, r, p) for _, _, q, r, p in out] == [(500_000, ["GHA"], None),
                                                   (200_000, ["TGO"], 0)]
    out = _parts("Delta Aid donated five ventilators to Ghana. Two of the five ventilators "
                 "are headed for Togo.")
    assert [(q, p) for _, _, q, _, p in out] == [(5, None), (2, 0)]


def test_a_whole_whose_parts_stay_in_the_articles_country_goes_there():
    out = _parts("The regional clinic has been handed six ventilators from the Orvan Trust. "
                 "The handover to the Ghana health ministry took place on Monday. The minister "
                 "said two of the ventilators are headed for Tamale.")
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


def test_a_further_batch_goes_where_the_gift_went_not_where_it_was_made():
    out = _parts("Kelvo Health has donated ventilators to hospitals in Peru. Ayni Relief, a "
                 "charity active in Peru and Central Asia, arranged the transport. The machines "
                 "were flown from a plant in Bremen, Germany. A further 12 are on the way.")
    assert (["Kelvo Health"], "ventilator", 12, ["PER"], None) in out


def test_goods_of_a_gift_installed_somewhere_are_a_delivered_part():
    out = _parts("Kelvo Health has donated ventilators to hospitals in Peru. To date, five "
                 "ventilators were installed at clinics in Lima and Cusco. A further 12 are on "
                 "the way.")
    assert [(d, q, r, p) for d, _, q, r, p in out] == [
        (["Kelvo Health"], None, ["PER"], None), (["Kelvo Health"], 5, ["PER"], 0),
        (["Kelvo Health"], 12, ["PER"], None)]


def test_goods_installed_with_no_gift_before_are_no_claim():
    assert _parts("Kelvo Health opened a plant in Lima. So far, eight ventilators have been "
                  "installed in hospitals in Lima.") == []


def test_out_of_these_opens_a_part_of_the_gift_before(extract):
    text = ("The Karoo Trust will donate 600,000 tests to Namibia. Out of these, 400,000 are "
            "meant for the health ministry and the other 200,000 for Windhoek.\n\nThe Baobab "
            "Union said its members will donate alcohol to clinics.")
    out = extract(text)
    assert [(d, q) for d, _, q, _ in out] == [(["Karoo Trust"], 600_000),
                                              (["Karoo Trust"], 400_000),
                                              (["Karoo Trust"], 200_000)]


def test_a_giver_of_other_goods_next_gives_nothing_told_before(extract):
    text = ("Of the lot, 400,000 test kits will go to Windhoek.\n\nThe Baobab Union will "
            "donate hand sanitizer to clinics.")
    assert [d for d, _, q, _ in extract(text) if q] == [[]]


def test_what_was_shipped_so_far_of_a_larger_pledge_is_a_part(extract):
    out = extract("Orvo aims to ship roughly four million masks to Peru.\n\nSo far, the "
                  "firm has delivered a million masks and 20,000 goggles, a report "
                  "said.", title="Orvo shipping millions of masks to Peru")
    assert [o for o in out if o[2] is not None] == [(["Orvo"], "face_mask", 4_000_000, ["PER"]),
                   (["Orvo"], "face_mask", 1_000_000, ["PER"]),
                   (["Orvo"], "goggles", 20_000, ["PER"])]
