"""Whether a sentence states a donation at all: the verbs and nouns that make it one, and the
same words used for something else."""

from __future__ import annotations

import pytest

from aidledger.parsers.claims import extract_claims

from .conftest import PUB


def test_a_contribution_noun_states_a_gift(extract):
    out = extract("A contribution of $250,000 was made by the Karoo Trust to Namibia.")
    assert out == [(["Karoo Trust"], "funds", 250_000, ["NAM"])]


def test_awarded_grants_are_gifts(extract):
    out = extract("The Karoo Trust has awarded $4 million in grants to hospitals in Namibia.")
    assert out == [(["Karoo Trust"], "funds", 4_000_000, ["NAM"])]


def test_transported_goods_are_in_transit(extract):
    out = extract("Portugal transported 900,000 masks to Angola.")
    assert out == [(["Portugal"], "face_mask", 900_000, ["AGO"])]


def test_accepting_makes_the_subject_the_recipient(extract):
    out = extract("Last week Lusaka was accepting 12,000 test kits from the Karoo Trust.")
    assert out == [(["Karoo Trust"], "test_kit", 12_000, ["ZMB"])]


def test_supply_as_a_noun_is_no_donation(extract):
    assert extract("The retailer's supply will consist of 40 million surgical masks.") == []
    assert extract("Officials said the supply of 40 million masks to Japan was delayed.") == []


def test_supply_as_a_verb_still_is(extract):
    out = extract("The Karoo Trust will supply 40,000 masks to Namibia.")
    assert out == [(["Karoo Trust"], "face_mask", 40_000, ["NAM"])]


def test_a_shipment_that_arrived_with_goods_is_the_donation_told_before(extract):
    text = ("Norway has sent medical donations to Ghana. On Monday the first shipment "
            "arrived, with 300 thousand masks and 400 infrared thermometers.")
    out = extract(text)
    assert (["Norway"], "face_mask", 300_000, ["GHA"]) in out
    assert (["Norway"], "thermometer", 400, ["GHA"]) in out


def test_a_dateline_with_an_abbreviated_month_is_no_giver(extract):
    text = ("ACCRA, Ghana, Apr 6 (Wire) Norway has sent 300,000 masks to Ghana.")
    assert extract(text) == [(["Norway"], "face_mask", 300_000, ["GHA"])]


def test_of_them_after_a_case_count_is_about_people(extract):
    text = ("Norway donated 2,100 test kits to Ghana. Ghana has recorded 140 confirmed "
            "cases, and 17 of them have recovered and left the hospitals.")
    assert extract(text) == [(["Norway"], "test_kit", 2_100, ["GHA"])]


def test_of_them_after_goods_is_part_of_the_goods(extract):
    out = extract("Acme makes N95 masks in Kenya and said it would donate 1 million of them "
                  "to Uganda.")
    assert out == [(["Acme"], "respirator", 1_000_000, ["UGA"])]


def test_extended_and_presented_with_are_gifts_by_the_subject(extract):
    assert extract("Norway extended 5,000 masks to Ghana.") == [
        (["Norway"], "face_mask", 5_000, ["GHA"])]
    assert extract("Norway presented Ghana with 5,000 masks.") == [
        (["Norway"], "face_mask", 5_000, ["GHA"])]
    assert extract("Ghana was presented with 5,000 masks by Norway.") == [
        (["Norway"], "face_mask", 5_000, ["GHA"])]


def test_a_donation_from_a_country_names_the_country_as_giver(extract):
    assert extract("A donation of 5,000 masks from Norway arrived in Ghana on Monday.") == [
        (["Norway"], "face_mask", 5_000, ["GHA"])]


def test_goods_from_a_country_without_a_donation_noun_name_no_giver(extract):
    assert extract("Ghana's hospitals have taken 5,000 masks from China, officials said.") == []


def test_a_batch_composed_of_goods_is_the_donation_told_before(extract):
    out = extract("Norway donates masks to Ghana. The batch is composed of 200,000 masks and "
                  "3,000 goggles.")
    assert (["Norway"], "face_mask", 200_000, ["GHA"]) in out
    assert (["Norway"], "goggles", 3_000, ["GHA"]) in out


def test_a_dash_after_a_semicolon_is_a_bullet_not_a_minus(extract):
    out = extract("Supplies from the Karoo Trust arrived in Namibia. The items delivered "
                  "include; -100,000 masks, 20,089 test kits.")
    assert out == [(["Karoo Trust"], "face_mask", 100_000, ["NAM"]),
                   (["Karoo Trust"], "test_kit", 20_089, ["NAM"])]


def test_headline_present_tense_and_recipient_of(extract):
    assert extract("500,000 masks from Karoo Trust arrive in Belgium") == [
        (["Karoo Trust"], "face_mask", 500_000, ["BEL"])]
    assert extract("Belgium will be the recipient of 500,000 masks from the Karoo Trust.") == [
        (["Karoo Trust"], "face_mask", 500_000, ["BEL"])]
    assert extract("The Karoo Trust sponsored 500,000 masks for Belgium.") == [
        (["Karoo Trust"], "face_mask", 500_000, ["BEL"])]


def test_offers_and_set_to_receive_state_a_pledge(extract):
    assert extract("Portugal offers 10,000 protective suits to Angola.") == [
        (["Portugal"], "protective_suit", 10_000, ["AGO"])]
    assert extract("Namibia is set to receive 40,000 more test kits from the Karoo Trust.") == [
        (["Karoo Trust"], "test_kit", 40_000, ["NAM"])]
    assert extract("Karoo Holdings offers a discount of 20% on 5,000 masks to Namibia.") == []


def test_place_lines_under_a_list_intro_are_its_gifts(extract):
    text = ("Norway has delivered the following aid:\n\nGhana: 5,000 masks and 200 gloves.\n\n"
            "Togo: 300 ventilators.")
    assert extract(text) == [(["Norway"], "face_mask", 5_000, ["GHA"]),
                             (["Norway"], "gloves", 200, ["GHA"]),
                             (["Norway"], "ventilator", 300, ["TGO"])]


def test_a_place_line_without_a_list_intro_is_no_gift(extract):
    assert extract("Cases rose sharply last week.\n\nGhana: 5,000 masks and 200 gloves.") == []


def test_status_of_a_commitment_and_an_airlift():
    from aidledger.parsers.claims import extract_claims
    (c,) = extract_claims("Norway has committed to providing 5,000 masks to Ghana.")
    assert c.status == "pledged"
    (d,) = extract_claims("Norway airlifted 5,000 masks to Ghana.")
    assert d.status == "in_transit"


def test_more_ways_to_give_and_to_take_delivery(extract):
    assert extract("Accra took receipt of 5,000 masks from the Karoo Trust.") == [
        (["Karoo Trust"], "face_mask", 5_000, ["GHA"])]
    assert extract("Ghana welcomed 5,000 masks from Norway on Monday.") == [
        (["Norway"], "face_mask", 5_000, ["GHA"])]
    assert extract("The Karoo Trust stepped in with 5,000 masks for Ghana.") == [
        (["Karoo Trust"], "face_mask", 5_000, ["GHA"])]
    assert extract("The Karoo Trust has made available 5,000 masks to Ghana.") == [
        (["Karoo Trust"], "face_mask", 5_000, ["GHA"])]


def test_thanks_for_its_donation_names_the_giver(extract):
    out = extract("Ghana's health minister thanked the Karoo Trust for the generous donation of "
                  "5,000 masks to Ghana.")
    assert out == [(["Karoo Trust"], "face_mask", 5_000, ["GHA"])]


def test_money_lines_for_places_under_a_list_intro(extract):
    text = ("With this new funding, Norway is providing the following assistance:\n\n"
            "Kenya: $2.9 million to help the government prepare laboratories.\n\n"
            "Uganda: $3.4 million in health assistance will help with surveillance.")
    assert extract(text) == [(["Norway"], "funds", 2_900_000, ["KEN"]),
                             (["Norway"], "funds", 3_400_000, ["UGA"])]
    assert extract("Cases rose.\n\nKenya: $2.9 million to help the government prepare "
                   "laboratories.") == []


def test_support_consisting_in_goods_is_the_donation_told_before(extract):
    out = extract("Norway kept delivering medical equipment in Ghana. Norway's support for "
                  "the country is worth $2 million, consisting in 900 test kits and 12 "
                  "ventilators.")
    assert out == [(["Norway"], "test_kit", 900, ["GHA"]),
                   (["Norway"], "ventilator", 12, ["GHA"])]


def test_goods_named_by_a_pronoun_after_a_donation_are_its_contents(extract):
    for follow in ("These include", "Among them are", "The items donated were"):
        out = extract(f"Norway donated medical supplies to Ghana. {follow} 700 masks and 30 "
                      "gowns.")
        assert out == [(["Norway"], "face_mask", 700, ["GHA"]),
                       (["Norway"], "protective_suit", 30, ["GHA"])], follow
    out = extract("Norway donated 700 masks to Ghana. In addition, 30 gowns were sent.")
    assert out == [(["Norway"], "face_mask", 700, ["GHA"]),
                   (["Norway"], "protective_suit", 30, ["GHA"])]


def test_assisted_and_funded_goods_are_given(extract):
    assert extract("The Lorne Trust assisted Chad with 4,000 masks.") == [
        (["Lorne Trust"], "face_mask", 4_000, ["TCD"])]
    assert extract("The Lorne Trust funded 900 test kits for Chad.") == [
        (["Lorne Trust"], "test_kit", 900, ["TCD"])]
    assert extract("Lorne Labs donated 200 viral transport media and 30 personal protective "
                   "equipment kits to Chad.") == [
        (["Lorne Labs"], "sampling_medium", 200, ["TCD"]),
        (["Lorne Labs"], "protective_suit", 30, ["TCD"])]


def test_give_after_an_adverb_is_a_pledge(extract):
    assert extract("Acme will donate 10,000 masks to Peru. Acme will also give 5,000 gowns to "
                   "Chile.") == [(["Acme"], "face_mask", 10_000, ["PER"]),
                                 (["Acme"], "protective_suit", 5_000, ["CHL"])]


def test_hard_to_reach_describes_a_place_and_arrives_nowhere(extract):
    out = extract("Norway will send 300 gowns to Kenya. Another 200 gowns will help the Red Cross "
                  "in hard to reach areas.")
    assert out == [(["Norway"], "protective_suit", 300, ["KEN"]),
                   (["Norway"], "protective_suit", 200, ["KEN"])]  # its own Red Cross


def test_well_equipped_to_respond_is_a_state_and_no_gift(extract):
    out = extract("Orvo Group handed 300 gowns to clinics in Peru on Monday. “We want our "
                  "partners to be well equipped to respond,” said Ana Ruiz. The shipment "
                  "includes 2,000 masks.")
    assert out == [(["Orvo Group"], "protective_suit", 300, ["PER"]),
                   (["Orvo Group"], "face_mask", 2_000, ["PER"])]


def test_allocating_money_to_a_taker_is_a_gift(extract):
    out = extract("The Karoo Trust will allocate $6 million to Namibia's hospitals.")
    assert out == [(["Karoo Trust"], "funds", 6_000_000, ["NAM"])]
    out = extract("Portugal has allocated 3 million euros to Angola to fight the virus.")
    assert out == [(["Portugal"], "funds", 3_000_000, ["AGO"])]


def test_a_stock_already_allocated_is_no_gift(extract):
    text = ("The national stockpile held about 9 million masks in March, and most of them "
            "have already been allocated to regions, officials said.")
    assert extract(text) == []


def test_a_giver_that_began_distributing_gives_the_consignment_told_next(extract):
    out = extract("The Halden Trust and the Kisumu Relief Board commenced the distribution "
                  "of a second consignment of protective gear to hospitals in Kenya.\n\nThe "
                  "consignment includes 40,000 gloves and 9,000 face shields.")
    assert out == [(["Halden Trust", "Kisumu Relief Board"], "gloves", 40_000, ["KEN"]),
                   (["Halden Trust", "Kisumu Relief Board"], "face_shield", 9_000, ["KEN"])]


def test_would_receive_in_reported_speech_is_a_pledge(extract):
    out = extract("Lusaka would receive 12,000 test kits from the Karoo Trust, officials said.")
    assert out == [(["Karoo Trust"], "test_kit", 12_000, ["ZMB"])]


def test_a_body_announcing_what_others_will_receive_gives_it(extract):
    out = extract("The Karoo Trust and the Baobab Fund said on Tuesday that Zambia would "
                  "receive 12,000 test kits.")
    assert out == [(["Karoo Trust", "Baobab Fund"], "test_kit", 12_000, ["ZMB"])]


def test_a_ministry_announcing_what_it_will_receive_names_no_giver(extract):
    out = extract("The Health Ministry said on Tuesday that Zambia would receive 12,000 "
                  "test kits.")
    assert out == [([], "test_kit", 12_000, ["ZMB"])]


def test_a_speaker_told_again_as_it_still_takes(extract):
    out = extract("Zambia's health ministry said it had received 12,000 test kits from the "
                  "Karoo Trust.")
    assert out == [(["Karoo Trust"], "test_kit", 12_000, ["ZMB"])]


@pytest.mark.parametrize("verb", ["is pledging", "would offer", "will dispatch", "is presenting",
                                  "plans to transfer", "will award", "is granting",
                                  "will disburse", "airlifts"])
def test_each_tense_of_a_giving_verb_states_a_gift(extract, verb):
    goods = "$80,000" if verb in ("plans to transfer", "will award", "is granting",
                                  "will disburse") else "800 gowns"
    out = extract(f"The Karoo Trust {verb} {goods} to Namibia.")
    assert [(d, q, r) for d, _, q, r in out] == [(["Karoo Trust"], 80_000 if "$" in goods
                                                  else 800, ["NAM"])]


def test_a_grant_that_pays_for_purchases_lists_no_gifts_of_goods(extract):
    text = ("Namibia has received $90,000 from the Karoo Trust. The trust's grant is to pay "
            "for equipment, among it:\n\nFour patient monitors\n\nTwo defibrillators")
    assert extract(text) == [(["Karoo Trust"], "funds", 90_000, ["NAM"])]


def test_a_taker_expecting_to_receive_from_givers_abroad(extract):
    out = extract("Namibia expects to receive 9,000 masks from both Orvo and Tarsa this month.")
    assert out == [(["Orvo", "Tarsa"], "face_mask", 9_000, ["NAM"])]
    out = extract("Namibia expects to receive 9,000 masks from Orvo in China next week.")
    assert out == [(["Orvo"], "face_mask", 9_000, ["NAM"])]


def test_money_channelled_through_a_body_is_routed_not_given_by_the_speaker(extract):
    text = ("Orvo Uganda has announced a donation of USh 500 million to Uganda. Orvo Uganda "
            "Chairman Tom Reyes said USh 300 million will be channelled through the Red Cross.")
    assert all(d == ["Orvo Uganda"] for d, *_ in extract(text))


@pytest.mark.parametrize("verb", ["will also receive", "will soon receive", "would now receive"])
def test_receive_after_an_adverb_is_still_a_receiving_verb(extract, verb):
    out = extract(f"Namibia {verb} 900 masks from the Karoo Trust.")
    assert out == [(["Karoo Trust"], "face_mask", 900, ["NAM"])]


@pytest.mark.parametrize("verb", ["hopes to receive", "is hoping to get", "wants to receive",
                                  "would like to receive"])
def test_a_hope_or_a_wish_to_receive_is_no_gift(extract, verb):
    assert extract(f"Namibia {verb} 900 masks from the Karoo Trust.") == []


def test_a_body_announcing_goods_a_union_will_soon_receive_gives_the_batch_told_next(extract):
    text = ("African Union members will soon receive a new batch of aid from the Karoo Trust, "
            "its third.\n\nThe aid is made up of 900 masks and 30 ventilators.")
    assert extract(text) == [(["Karoo Trust"], "face_mask", 900, ["org:African Union"]),
                             (["Karoo Trust"], "ventilator", 30, ["org:African Union"])]


def test_a_hope_after_the_gift_leaves_the_gift(extract):
    out = extract("Namibia will get 900 masks this week, in the hope to ease the shortage. The "
                  "trust will donate $40,000 to Namibia, hoping to speed up tests.")
    assert [(i, q, r) for _, i, q, r in out] == [("face_mask", 900, ["NAM"]),
                                                 ("funds", 40_000, ["NAM"])]


def test_money_a_giver_will_direct_somewhere_is_pledged(extract):
    assert extract("The Holm Fund will direct $3 million to clinics in Peru.") == [
        (["Holm Fund"], "funds", 3_000_000, ["PER"])]


def test_dropped_off_and_chipped_in_are_gifts_made(extract):
    assert extract("Tom Reyes dropped off 350 FFP2 masks at a Lima care home.") == [
        (["Tom Reyes"], "respirator", 350, ["PER"])]
    out = extract_claims("Park Min-jun gave 80 million won for the Seoul Fund. Director Park "
                         "also chipped in 50 million won to the Busan Fund.", PUB)
    assert [(c.donors, c.quantity, c.status) for c in out] == [
        (["Park Min-jun"], 80_000_000, "donated"), (["Park Min-jun"], 50_000_000, "donated")]
