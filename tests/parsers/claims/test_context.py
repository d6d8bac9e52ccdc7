"""What a sentence takes from the donation statement before it."""

from __future__ import annotations


def test_a_consignment_reported_by_an_agency_keeps_the_earlier_giver(extract):
    out = extract("A consignment of supplies donated by the Orrin Foundation arrived in Accra "
                  "on Monday. The consignment included 40,000 face masks and 2,000 test kits, "
                  "the Ghana Health Service said.")
    assert out == [(["Orrin Foundation"], "face_mask", 40_000, ["GHA"]),
                   (["Orrin Foundation"], "test_kit", 2_000, ["GHA"])]


def test_receivers_respectively_and_a_shared_remainder(extract):
    out = extract("Malaysia will donate 500,000 masks to Chile, Peru, Bolivia and Ecuador. "
                  "Chile and Peru will receive 150,000 and 100,000 masks respectively, while "
                  "Bolivia and Ecuador will share the remaining 250,000.")
    assert (["Malaysia"], "face_mask", 150_000, ["CHL"]) in out
    assert (["Malaysia"], "face_mask", 100_000, ["PER"]) in out
    assert (["Malaysia"], "face_mask", 250_000, ["BOL", "ECU"]) in out
    assert len(out) == 4


def test_a_country_giver_dropped_from_context_recipients(extract):
    out = extract("Canada will give Mexico 100 ventilators, the Canadian embassy in Mexico "
                  "City said, after a request from the health ministry. The first 40 "
                  "ventilators, provided by the Canadian Red Cross, are due on Monday.")
    assert out[0] == (["Canada"], "ventilator", 100, ["MEX"])
    assert out[1] == (["Canadian Red Cross"], "ventilator", 40, ["MEX"])


def test_we_in_a_recipients_quote_is_the_earlier_recipient(extract):
    out = extract("Nepal has received a first consignment of supplies from India. "
                  "“We are also getting 20,000 masks from the Lumbini Trust next week,” the "
                  "health secretary said.")
    assert (["Lumbini Trust"], "face_mask", 20_000, ["NPL"]) in out


def test_a_subordinate_clause_names_no_recipient(extract):
    out = extract("The Alder Foundation gave $1 million in January, when the outbreak was "
                  "still confined to China.")
    assert out == [(["Alder Foundation"], "funds", 1_000_000, [])]


def test_another_n_with_no_noun_is_more_of_the_goods_before(extract):
    out = extract("Eighty ventilators donated by Qatar arrived in Kigali on Friday. Another 20 "
                  "are expected next month, officials said.")
    assert out == [(["Qatar"], "ventilator", 80, ["RWA"]),
                   (["Qatar"], "ventilator", 20, ["RWA"])]


def test_a_claim_with_neither_giver_nor_recipient_is_dropped(extract):
    assert extract("The agency has distributed 30 million masks since March.") == []


def test_a_donor_column_table_gives_each_row_its_donor(extract):
    text = ("Donations received by the Civil Protection Department so far include:\n"
            "| Donor | Masks |\n|---|---|\n| Orrin Foundation | 300,000 |\n| Corvo | 20,000 |\n"
            "| Total | 320,000 |")
    assert extract(text) == [(["Orrin Foundation"], "face_mask", 300_000, ["ITA"]),
                             (["Corvo"], "face_mask", 20_000, ["ITA"])]


def test_received_by_names_the_receiver_not_the_giver(extract):
    out = extract("A cargo of aid donated by the Orrin Foundation landed in Accra. The cargo, "
                  "which was received by officials of the Ghana Health Service, contained "
                  "9,000 test kits.")
    assert out == [(["Orrin Foundation"], "test_kit", 9_000, ["GHA"])]


def test_a_consignment_from_a_capital_with_no_verb_gives_as_the_state(extract):
    out = extract("The shipment from Tokyo included 300 ventilators, the health ministry in "
                  "Hanoi said.")
    assert [o[:3] for o in out] == [(["Japan"], "ventilator", 300)]


def test_onward_distribution_in_a_relative_clause_is_no_recipient(extract):
    out = extract("The Orrin Foundation has shipped 80,000 masks to Kenya, which will "
                  "distribute them across Africa.")
    assert out == [(["Orrin Foundation"], "face_mask", 80_000, ["KEN"])]


def test_goods_handed_over_with_a_total_of_take_the_statement_before(extract):
    out = extract("Acme Corp has donated medical supplies to Peru. A total of 10,000 masks and "
                  "500 gowns were handed over on Monday.")
    assert out == [(["Acme Corp"], "face_mask", 10_000, ["PER"]),
                   (["Acme Corp"], "protective_suit", 500, ["PER"])]


def test_an_announcement_whose_giver_is_only_a_pronoun_keeps_the_giver_before(extract):
    out = extract("Orvo Group sent medical supplies to Fiji on Monday. “We also thank the Lumen "
                  "Trust,” the minister said. Ambassador Lin Bo says they are committed to "
                  "helping Fijians. The batch includes 2,000 masks and 300 gowns.")
    assert out == [(["Orvo Group"], "face_mask", 2_000, ["FJI"]),
                   (["Orvo Group"], "protective_suit", 300, ["FJI"])]


def test_a_supply_singular_lists_the_donation_before(extract):
    out = extract("A batch of kits donated by the Orrin Foundation has reached Colombo. This "
                  "supply includes 12,400 PCR test kits.")
    assert (["Orrin Foundation"], "test_kit", 12_400, ["LKA"]) in out


def test_a_speaker_saying_what_the_items_include_without_that(extract):
    out = extract("The Orrin Foundation handed over medical supplies to the Health Ministry of "
                  "Guyana on Monday. Its regional director, Major Tom Baker, says the items "
                  "include 4,100 N95 masks and 3,000 gloves.")
    assert out == [(["Orrin Foundation"], "respirator", 4_100, ["GUY"]),
                   (["Orrin Foundation"], "gloves", 3_000, ["GUY"])]


def test_another_givers_statement_naming_no_taker_drops_the_takers_before(extract):
    text = ("Orbis Bank said it has helped the foreign missions based in Peru. "
            "Before that, Peru's Arequipa shipped aid to 12 sister cities. The aid "
            "included 5,000 masks and 300 gowns.")
    assert extract(text) == [(["Arequipa"], "face_mask", 5_000, []),
                             (["Arequipa"], "protective_suit", 300, [])]  # nor its own country


def test_a_consignment_whose_value_has_a_decimal_point_keeps_the_earlier_giver(extract):
    for value in ("US$2.5 million", "$84,250.00"):
        text = (f"Chile handed over the goods to Peru. The goods, worth {value}, include "
                "6,000 gowns and 900 goggles.")
        assert extract(text) == [(["Chile"], "protective_suit", 6_000, ["PER"]),
                                 (["Chile"], "goggles", 900, ["PER"])]


def test_a_taker_that_hands_the_goods_on_is_no_new_giver(extract):
    out = extract("A consignment of medical supplies arrived in Belize on Monday. The items were "
                  "provided by the Andean Relief Agency to the Belize Civil Protection Office "
                  "(CPO). The CPO handed over the donated goods to the Health "
                  "Ministry. The CPO's director Ian Bart says the items include 3,000 N95 masks "
                  "and 2,000 gloves.")
    assert [c[0] for c in out] == [["Andean Relief Agency"], ["Andean Relief Agency"]]


def test_who_hands_over_the_gift_told_before_does_not_become_its_giver(extract):
    text = ("The Quell Foundation donated 40 ventilators and other gear to Peru.\n\nChief "
            "Executive Officer of Orvo Bank Rui Sato on Friday handed over the medical gear to "
            "the health minister.\n\nBesides the 40 ventilators, the list includes 9,000 masks.")
    assert [c[0] for c in extract(text)] == [["Quell Foundation"], ["Quell Foundation"]]


def test_attending_the_donation_ceremony_is_no_giving(extract):
    text = ("The Quell Foundation donated 40 ventilators to Peru.\n\nPresident Ana Ruiz attended "
            "the donation handover ceremony by video link.\n\nThe consignment also includes "
            "9,000 masks.")
    assert [c[0] for c in extract(text)] == [["Quell Foundation"], ["Quell Foundation"]]


def test_a_dotted_abbreviation_inside_the_gift_told_back_keeps_its_shape(extract):
    out = extract("The Holm Fund has donated a batch of supplies to Peru. The donation, worth "
                  "about 40,000 U.S. dollars, included 9,000 masks.")
    assert out == [(["Holm Fund"], "face_mask", 9_000, ["PER"])]
