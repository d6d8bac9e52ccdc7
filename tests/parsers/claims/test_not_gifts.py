"""Numbers about goods that are not donations: capacity, purchases, corrected figures."""

from __future__ import annotations

from aidledger.parsers.claims import extract_claims

from .conftest import PUB


def test_production_capacity_is_not_a_gift(extract):
    assert extract("The plant can make 400,000 masks a day and will donate some of them.") == []


def test_a_laboratory_capacity_is_not_a_gift(extract):
    assert extract("The team brought a laboratory that can run 3,000 tests per day.") == []


def test_paying_for_goods_is_a_purchase(extract):
    assert extract("Oregon paid $4 each for 800,000 N95 masks that were then sent to "
                   "hospitals.") == []
    assert extract("An order of 2 million masks was seized at the port before it could be "
                   "delivered.") == []


def test_a_correction_restating_the_wrong_figure_gives_no_claim(extract):
    out = extract("Correction: An earlier version of this article said the Koru Trust had "
                  "pledged NZ$2 million. The Koru Trust pledged $1 million to Fiji.")
    assert out == [(["Koru Trust"], "funds", 1_000_000, ["FJI"])]


def test_a_caption_row_before_the_header_does_not_hide_the_table(extract):
    text = ("Norway will donate 90,000 surgical masks to three countries.\n"
            "| Norway's mask donations | |\n| Country | Surgical masks |\n"
            "| Ghana | 50,000 |\n| Togo | 40,000 |\n| Total | 90,000 |")
    out = extract(text)
    assert (["Norway"], "face_mask", 50_000, ["GHA"]) in out
    assert (["Norway"], "face_mask", 40_000, ["TGO"]) in out
    assert len(out) == 3



def test_the_value_of_donated_goods_is_no_money_gift(extract):
    assert extract("Norway's first batch of 90 ventilators has a value of over $1.2 million "
                   "in Norwegian aid.") == []
    assert extract("The Karoo Trust donates $3 million in urgently needed PPE supplies to "
                   "clinics in Namibia.") == []


def test_money_named_as_goods_is_their_value(extract):
    assert extract("Orchid Telecom donates Rs 50 cr in safety gear to Nepal.") == []
    assert extract("Haven Trust provides Rs 20 million medical equipment to Nepal.") == []
    assert extract("The clinic got a gift of Shs12 million in the form of protective gear "
                   "from Orchid Telecom.") == []
    assert extract("Orchid Telecom gave Rs 5 crore for medical equipment to Nepal.") == [
        (["Orchid Telecom"], "funds", 50_000_000, ["NPL"])]
    assert extract("Haven Trust gave $2 million plus supplies to Nepal.") == [
        (["Haven Trust"], "funds", 2_000_000, ["NPL"])]


def test_a_running_total_is_no_new_gift(extract):
    out = extract("Norway gave $2 million to Ghana on Monday, which brings the total "
                  "Norwegian support for Ghana to more than $9 million.")
    assert out == [(["Norway"], "funds", 2_000_000, ["GHA"])]


def test_a_running_total_of_a_named_giver_is_no_new_gift(extract):
    out = extract("Norway gave $5 million to Ghana, bringing Norway's total aid to the region "
                  "to $20 million.")
    assert out == [(["Norway"], "funds", 5_000_000, ["GHA"])]
    assert extract("Norway gave $5 million to Ghana, bringing its total aid to $20 million.") == [
        (["Norway"], "funds", 5_000_000, ["GHA"])]


def test_money_a_giver_sets_out_to_raise_or_others_raised_is_no_gift(extract):
    assert extract("Orchid Telecom has partnered a charity to raise Rs 2 crore to make hygiene "
                   "kits for families in Kenya.") == []
    out = extract("Haven Trust gave $50 million to Feed Kenya, and $3.3 million raised by a "
                  "comedy festival also went to Feed Kenya.")
    assert [o[2] for o in out] == [50_000_000]
    assert [o[:3] for o in extract("Orchid Telecom donated $2 million raised from its staff "
                                   "to Kenya.")] == [(["Orchid Telecom"], "funds", 2_000_000)]
    assert extract("Orchid Telecom donated $1 million to raise awareness in Kenya.") == [
        (["Orchid Telecom"], "funds", 1_000_000, ["KEN"])]


def test_a_givers_own_total_pledge_stays_a_claim(extract):
    out = extract("The Karoo Trust said it would commit an additional $50 million to Namibia, "
                  "bringing its total pledge to more than $80 million.")
    assert out == [(["Karoo Trust"], "funds", 50_000_000, ["NAM"]),
                   (["Karoo Trust"], "funds", 80_000_000, [])]


def test_an_aim_to_contribute_is_no_gift(extract):
    assert extract("The payments app said it aims to contribute $5 million to the fund.") == []


def test_goods_totalling_an_amount_give_no_money_claim(extract):
    out = extract("Karoo Holdings contributed 2,000 face masks and 900 bottles of hand "
                  "sanitiser totalling $40,000 to Namibia.")
    assert [item for _, item, _, _ in out] == ["face_mask", "other"]
    assert extract("Karoo Holdings made donations totalling $40,000 to Namibia.") == [
        (["Karoo Holdings"], "funds", 40_000, ["NAM"])]


def test_goods_named_without_counts_totalling_an_amount_give_no_money_claim(extract):
    out = extract("Various donations by Norway have been made to Kenyan clinics, such as "
                  "surgical gloves, isolation gowns and surgical masks, totaling an investment "
                  "of $ 120,000.")
    assert all(item != "funds" for _, item, _, _ in out)
    out = extract("Norway donated surgical masks and cash totalling $1 million to Kenya.")
    assert [o[2] for o in out if o[1] == "funds"] == [1_000_000]


def test_goods_the_recipient_bought_are_no_gift(extract):
    assert extract("The 5,000 masks Ghana bought from Norway arrived on Monday.") == []
    assert extract("The 5,000 masks that the ministry ordered from Norway were delivered.") == []


def test_goods_sold_on_commercial_terms_are_no_gift(extract):
    assert extract("Norway delivered 5,000 masks to Ghana under a commercial contract.") == []
    assert extract("Karoo Holdings won a tender to deliver 5,000 masks to Ghana.") == []
    assert extract("Karoo Holdings has shipped 5,000 masks to Ghana at cost price.") == []


def test_a_gift_told_beside_sale_terms_stays_a_gift(extract):
    out = extract("Karoo Holdings, which said it was donating 9,000 masks to Namibia, will "
                  "supply further masks without taking a profit.")
    assert out == [(["Karoo Holdings"], "face_mask", 9_000, ["NAM"])]


def test_goods_not_yet_sent_or_only_asked_for_are_no_gift(extract):
    assert extract("Norway has yet to deliver 5,000 masks to Ghana.") == []
    assert extract("Norway failed to deliver 5,000 masks to Ghana.") == []
    assert extract("Norway has been asked to send 5,000 masks to Ghana.") == []



def test_a_sale_after_a_gift_leaves_the_gift(extract):
    out = extract("Norway sent 900 masks to Ghana. Karoo Holdings has shipped 5,000 masks to "
                  "Ghana at cost price.")
    assert out == [(["Norway"], "face_mask", 900, ["GHA"])]


def test_goods_brought_from_abroad_are_no_gift(extract):
    text = ("The disaster agency brings procured equipment from Norway. The goods brought "
            "from Norway included 2000 testing kits and 10,000 surgical gowns.")
    assert extract(text) == []


def test_goods_brought_in_as_a_gift_still_are(extract):
    out = extract("Norway brought in 5,000 masks for Ghana as a gift.")
    assert out == [(["Norway"], "face_mask", 5_000, ["GHA"])]


def test_goods_supplied_for_pay_are_a_sale(extract):
    assert extract("Karoo Holdings has supplied 5 million masks to Namibia since May under a "
                   "government contract.") == []
    assert extract("Karoo Holdings will supply 5 million masks to Namibia, for which it will "
                   "be paid $2 million.") == []


def test_goods_still_to_be_made_are_no_gift(extract):
    assert extract("Karoo Holdings offered to help Namibia by producing 1 million masks.") == []
    assert extract("Karoo Holdings will produce and donate 1 million masks to Namibia.") == [
        (["Karoo Holdings"], "face_mask", 1_000_000, ["NAM"])]


def test_donations_a_recipient_took_in_are_no_single_gift(extract):
    assert extract("The Namibian ministry today received item and cash donations amounting "
                   "to $853,500 in support of its work.") == []
    assert extract("Namibia received donations of $5 million from the Karoo Trust.") == [
        (["Karoo Trust"], "funds", 5_000_000, ["NAM"])]


def test_the_value_of_equipment_and_a_sum_helped_raise_are_no_money_gift(extract):
    assert all(item != "funds" for _, item, _, _ in extract(
        "A first batch of $18.1 million of medical equipment provided by Norway arrived in "
        "Ghana."))
    assert extract("Staff have helped raise a total amount of $15,000 for Ghana, according to "
                   "a statement.") == []


def test_goods_still_needed_are_no_gift(extract):
    assert extract("Norway donated masks to Ghana last week. Another 20,000 masks are "
                   "needed.") == [(["Norway"], "face_mask", None, ["GHA"])]
    assert extract("Norway donated 5,000 masks to those in need in Ghana.") == [
        (["Norway"], "face_mask", 5_000, ["GHA"])]


def test_a_tally_of_a_givers_gifts_so_far_is_no_second_claim(extract):
    """The test kits told on their own are counted again; the masks only the tally tells."""
    text = ("Norvik Health donated 4,000 test kits to Laos on Monday. Norvik Health's aid to "
            "Laos so far includes 9,000 test kits and 50,000 masks.")
    assert extract(text) == [(["Norvik Health"], "test_kit", 4_000, ["LAO"]),
                             (["Norvik Health"], "face_mask", 50_000, ["LAO"])]
    text = ("Tarsa Group sent 30 ventilators to Chad. With this gift, Tarsa Group has now "
            "donated 120 ventilators to Chad.")
    assert extract(text) == [(["Tarsa Group"], "ventilator", 30, ["TCD"])]


def test_a_givers_only_statement_to_date_is_its_donation(extract):
    text = ("Kessler Bank gave 2,000 masks to Peru. To date, Ostra Foods has contributed "
            "$3 million to Peru's relief fund, which so far is the largest gift.")
    assert extract(text) == [(["Kessler Bank"], "face_mask", 2_000, ["PER"]),
                             (["Ostra Foods"], "funds", 3_000_000, ["PER"])]


def test_not_least_and_not_only_negate_nothing(extract):
    assert extract("Last but not least, Ostra Foods is donating 7,000 masks to Chile.") == [
        (["Ostra Foods"], "face_mask", 7_000, ["CHL"])]
    assert extract("Ostra Foods did not donate 7,000 masks to Chile.") == []


def test_a_summary_of_what_was_told_above_is_no_new_gift(extract):
    text = ("Ostra Foods is donating 8,000 masks to Chile and 4,000 masks to Peru. As stated "
            "above, Ostra Foods is donating over ten thousand masks to a few countries.")
    assert extract(text) == [(["Ostra Foods"], "face_mask", 8_000, ["CHL"]),
                             (["Ostra Foods"], "face_mask", 4_000, ["PER"])]
    assert extract("Ostra Foods' 8,000 masks reach Chile.") == [
        (["Ostra Foods"], "face_mask", 8_000, ["CHL"])]


def test_a_negation_in_an_aside_of_its_own_leaves_the_gift(extract):
    want = [(["Ostra Foods"], "face_mask", 7_000, ["CHL"])]
    for text in ("Ostra Foods donated 7,000 masks, which are needed by nurses, to Chile.",
                 "Ostra Foods, which could not be reached for comment, donated 7,000 masks to "
                 "Chile.",
                 "Ostra Foods donated 7,000 masks to Chile, a move that was not expected.",
                 "Ostra Foods donated 7,000 masks to Chile, and it won't be the last gift.",
                 "Ostra Foods did not hesitate to donate 7,000 masks to Chile.",
                 "Ostra Foods donated 7,000 masks to Chile, not including earlier gloves."):
        assert extract(text) == want, text
    assert extract("Ostra Foods, which is based in Lima, did not donate 7,000 masks to "
                   "Chile.") == []


def test_a_first_shipment_so_far_is_one_lot_not_a_tally(extract):
    text = ("Kessel Labs gave 300 ventilators to Peru. Kessel Labs began delivering gear, with "
            "the first shipment so far including 9,000 goggles.")
    assert extract(text) == [(["Kessel Labs"], "ventilator", 300, ["PER"]),
                             (["Kessel Labs"], "goggles", 9_000, ["PER"])]


def test_every_part_of_a_tally_sentence_is_the_tally(extract):
    out = extract("Orvan donated 5,000 masks to Peru on Monday. Tessa sent 40 ventilators to "
                  "Chile on Tuesday. So far, Orvan has given 9,000 masks to Peru, and Tessa has "
                  "given 70 ventilators to Chile.")
    assert out == [(["Orvan"], "face_mask", 5_000, ["PER"]),
                   (["Tessa"], "ventilator", 40, ["CHL"])]


def test_goods_held_or_made_are_no_gift(extract):
    assert extract("Korvel Group donated 9,000 masks to Chad, which has 300 ventilators.") == [
        (["Korvel Group"], "face_mask", 9_000, ["TCD"])]
    out = extract("Korvel Group has manufactured 40,000 ventilators since May and gave 200 "
                  "to Chad.")
    assert all(c[2] != 40_000 for c in out)
    assert extract("Korvel Group has also donated 300 ventilators to Chad.") == [
        (["Korvel Group"], "ventilator", 300, ["TCD"])]


def test_a_running_total_of_goods_after_bringing_is_no_gift(extract):
    assert extract("Korvel Group donated 9,000 masks to Chad, bringing its total donations "
                   "to 50,000 masks.") == [(["Korvel Group"], "face_mask", 9_000, ["TCD"])]


def test_a_gift_with_an_aim_is_still_a_gift_and_an_aim_to_give_is_a_pledge(extract):
    out = extract("The Orbis Society also donated $400,000 to the Red Cross with an aim to "
                  "support relief in Zarnia.")
    assert [(d, q) for d, _, q, _ in out] == [(["Orbis Society"], 400_000)]
    # as "aims to donate 5,000 masks" is: an intention to give, told as a pledge
    out = extract_claims("The Orbis Society aims to contribute $400,000 to the Zarnia Red Cross.",
                         PUB)
    assert [(c.donors, c.quantity, c.status) for c in out] == [
        (["Orbis Society"], 400_000, "pledged")]
    assert extract("The Orbis Society aims to raise $400,000 for the Red Cross.") == []


def test_a_small_decimal_sum_without_its_scale_word_is_no_gift(extract):
    out = extract("Orbis gave $4 million to the Red Cross. Another $1.8 was given by the Quay "
                  "Society and $0.75 by Lantern Bank.")
    assert [(d, q) for d, _, q, _ in out] == [(["Orbis"], 4_000_000)]
    assert [q for _, _, q, _ in extract("Quay gave $2.5 million to the Red Cross.")] == [2_500_000]


def test_a_value_word_before_the_amount_of_listed_goods_is_no_money_gift(extract):
    text = ("Norway has sent testing kits to Chad. Lab gear, including swabs and extraction "
            "reagents worth about US$300,000, was handed over to the health ministry.")
    assert all(c[1] != "funds" for c in extract(text))
    text = ("Norway has sent testing kits to Chad. The package also included $300,000 for "
            "the Chadian Red Cross.")
    assert [(c[0], c[2]) for c in extract(text) if c[1] == "funds"] == [(["Norway"], 300_000)]


def test_money_counted_in_food_or_in_kind_is_the_goods_value(extract):
    assert extract("Brindle Markets will give an extra $3 million in food each month to "
                   "shelters.") == []
    assert extract("Brindle gives P80M food to nurses") == []
    assert extract("The cargo is part of a €12 million in-kind aid package for the Orbis "
                   "Union.") == []
    assert extract("Brindle Markets donated $3 million to the Zarnia food bank.") == [
        (["Brindle Markets"], "funds", 3_000_000, [])]


def test_aid_or_a_package_worth_an_amount_is_that_money(extract):
    out = extract("Norland will offer grant aid worth 8 million dollars to Tonga.")
    assert out == [(["Norland"], "funds", 8_000_000, ["TON"])]
    out = extract("Orvel Group gave an aid of 3 billion VND to the Ministry of Health of "
                  "Vietnam and another worth 2 billion VND to the Hanoi hospital.")
    assert [q for _, _, q, _ in out] == [3_000_000_000, 2_000_000_000]


def test_aid_worth_an_amount_with_goods_counted_is_their_value(extract):
    out = extract("Norland sent aid worth $2 million, including 40,000 masks, to Tonga.")
    assert [c for _, c, _, _ in out] == ["face_mask"]
    out = extract("Norland donated aid worth $2 million of medical supplies to Tonga.")
    assert out == []


def test_budget_support_is_aid_not_a_budget(extract):
    out = extract("Norland has provided $6 million to Tonga in general budget support.")
    assert out == [(["Norland"], "funds", 6_000_000, ["TON"])]


def test_an_approved_grant_is_given_a_bare_approval_is_not(extract):
    out = extract("The Orvel Development Bank has approved a $9.5 million grant to Malawi.")
    assert out == [(["Orvel Development Bank"], "funds", 9_500_000, ["MWI"])]
    out = extract("The Orvel Development Bank approved $9 million for Malawi's response.")
    assert out == []


def test_goods_under_a_contract_after_a_gift_are_bought(extract):
    out = extract("Peru is sending 9,000 masks to Chile, while the Chilean government has signed a "
                  "contract with Orvana for a further 2 million masks.")
    assert out == [(["Peru"], "face_mask", 9_000, ["CHL"])]


def test_goods_money_is_given_to_procure_are_no_gift_of_their_own(extract):
    assert extract("Tarsa is giving $2 million to procure 800 ventilators for hospitals in "
                   "Chile.") == [
        (["Tarsa"], "funds", 2_000_000, ["CHL"])]
    assert extract("Tarsa gave $1 million for the purchase of 300 ventilators for Chile.") == [
        (["Tarsa"], "funds", 1_000_000, ["CHL"])]


def test_goods_a_giver_sent_after_ordering_them_from_abroad_are_still_its_gift(extract):
    out = extract("A plane carried aid from the Tarsa Foundation to Peru.\n\nThe foundation sent "
                  "9 ventilators and 70,000 masks ordered from suppliers in Chile.")
    assert (["Tarsa Foundation"], "face_mask", 70_000, ["PER"]) in out
    assert extract("Peru got 30,000 masks purchased by the health ministry.") == []



def test_what_a_taker_gets_through_a_day_is_no_gift():
    from aidledger.parsers.claim_item_words import counts_no_gift
    from aidledger.parsers.numbers import find_numbers
    s = "The clinic goes through over 8,000 masks a day and 9,000 aprons."
    counts = [n for n in find_numbers(s) if n.value]
    assert [counts_no_gift(s, n, n.end + 7) for n in counts] == [True, True]
    s = "Orvo gave 8,000 masks and 9,000 aprons to the clinic."
    counts = [n for n in find_numbers(s) if n.value]
    assert [counts_no_gift(s, n, n.end + 7) for n in counts] == [False, False]
