"""What is given and how many: item codes of goods nouns, grades, units and counts."""

from __future__ import annotations

from aidledger.parsers.numbers import find_numbers


def test_a_hyphenated_goods_noun_is_the_same_item(extract):
    assert extract("The Lakeside Trust donated 40,000 face-masks to Ghana.") == [
        (["Lakeside Trust"], "face_mask", 40_000, ["GHA"])]
    assert extract("Borealis sent 1,200 high-tech-test-kits to Chile.") == [
        (["Borealis"], "test_kit", 1_200, ["CHL"])]


def test_korean_and_other_grades_are_respirators(extract):
    assert extract("Seoul Metro donated 60,000 KF94 masks to Vietnam.") == [
        (["Seoul Metro"], "respirator", 60_000, ["VNM"])]
    assert extract("Orion Works gave 9,000 N90 masks to Peru.") == [
        (["Orion Works"], "respirator", 9_000, ["PER"])]


def test_a_grade_a_few_words_before_the_masks_makes_them_respirators(extract):
    out = extract("Kestrel Labs shipped 25,000 FFP2-grade masks and 4,000 N95 standard medical "
                  "masks to Norway.")
    assert out == [(["Kestrel Labs"], "respirator", 25_000, ["NOR"]),
                   (["Kestrel Labs"], "respirator", 4_000, ["NOR"])]


def test_a_grade_and_another_kind_of_mask_stay_two_items(extract):
    out = extract("Kestrel Labs shipped 5,000 N95 and surgical masks to Norway.")
    assert [o[1] for o in out] == ["respirator", "face_mask"]


def test_a_few_ungraded_respirators_beside_masks_are_ventilators(extract):
    out = extract("The medical team from Fujian is carrying 40 respirators and 150,000 masks "
                  "for hospitals in Serbia.")
    assert ([], "ventilator", 40, ["SRB"]) in out
    assert ([], "face_mask", 150_000, ["SRB"]) in out


def test_respirators_by_the_thousand_or_with_a_grade_stay_respirators(extract):
    assert extract("Harbor Mills gave 50,000 respirators to Kenya.")[0][1] == "respirator"
    out = extract("Harbor Mills gave 300 N95 masks and 200 respirators to Kenya.")
    assert [o[1] for o in out] == ["respirator", "respirator"]


def test_ppe_kits_and_ppes_are_protective_suits(extract):
    assert extract("Vardhan Steel donated 3,500 PPE kits to hospitals in Pune.") == [
        (["Vardhan Steel"], "protective_suit", 3_500, ["IND"])]
    assert extract("Vardhan Steel donated 900 PPEs to hospitals in Pune.") == [
        (["Vardhan Steel"], "protective_suit", 900, ["IND"])]


def test_bare_suits_and_safety_clothing_are_protective_suits(extract):
    out = extract("Quill Foundation donated 12,000 suits, 3,000 sets of safety clothing and "
                  "600 ventilators to Laos.")
    assert [(o[1], o[2]) for o in out] == [("protective_suit", 12_000),
                                            ("protective_suit", 3_000), ("ventilator", 600)]


def test_extraction_kits_are_reagents_and_share_the_count_before(extract):
    out = extract("Quill Foundation sent 2 million swabs and extraction kits to Zambia.")
    assert out == [(["Quill Foundation"], "sampling_medium", 2_000_000, ["ZMB"]),
                   (["Quill Foundation"], "reagent", 2_000_000, ["ZMB"])]


def test_testing_units_are_test_kits(extract):
    assert extract("Falcon Air flew 15,000 testing units to Nepal.") == [
        (["Falcon Air"], "test_kit", 15_000, ["NPL"])]


def test_named_other_goods_are_other(extract):
    assert extract("The Okafor Group donated six ambulances to Ghana.") == [
        (["Okafor Group"], "other", 6, ["GHA"])]
    assert extract("The Okafor Group donated 800 hygiene kits to Ghana.") == [
        (["Okafor Group"], "other", 800, ["GHA"])]


def test_a_count_of_mixed_goods_is_no_claim(extract):
    assert extract("Crescent Bank donated 31,000 medical supplies to Oman.") == []
    assert extract("Crescent Bank donated 12,400 items to Oman.") == []
    assert extract("Crescent Bank donated 700 personal protective equipment to Oman.") == []


def test_mixed_goods_after_a_counted_item_do_not_take_its_count(extract):
    assert extract("Crescent Bank donated 9,000 masks and medical supplies to Oman.") == [
        (["Crescent Bank"], "face_mask", 9_000, ["OMN"])]


def test_a_number_in_a_compound_adjective_counts_nothing(extract):
    assert extract("Tamar Textiles donated 20,000 three-ply masks to Fiji.") == [
        (["Tamar Textiles"], "face_mask", 20_000, ["FJI"])]
    assert extract("Tamar Textiles donated one lakh three-layer masks to Fiji.") == [
        (["Tamar Textiles"], "face_mask", 100_000, ["FJI"])]
    assert [n.value for n in find_numbers("a 3-ply mask and a 14-day stay")] == []
    assert [n.value for n in find_numbers("fifty-three countries")] == [53]


def test_a_european_thousands_dot_is_a_separator(extract):
    assert extract("Brenta Spa donated 200.000 FFP2 masks to Slovenia.") == [
        (["Brenta Spa"], "respirator", 200_000, ["SVN"])]
    assert [n.value for n in find_numbers("1.000.000 gloves")] == [1_000_000]
    assert [n.value for n in find_numbers("1.500 million masks")] == [1_500_000]
    assert [n.value for n in find_numbers("2.5 million masks")] == [2_500_000]


def test_goods_counted_by_their_container_are_other(extract):
    out = extract("The relief package comprised 3,100 bottles of hand gel and 40,000 medical "
                  "gloves for Bhutan.")
    assert out == [([], "other", 3_100, ["BTN"]), ([], "gloves", 40_000, ["BTN"])]
    assert extract("Marisol Foods donated 2,500 boxes of powdered milk to Honduras.") == [
        (["Marisol Foods"], "other", 2_500, ["HND"])]


def test_a_container_of_known_goods_or_of_people_is_not_other(extract):
    assert extract("Acme donated 500 boxes of masks to Kenya.") == [
        (["Acme"], "face_mask", None, ["KEN"])]
    assert extract("Acme sent 12 teams of doctors to Kenya.") == []


def test_bare_unknown_plural_nouns_are_not_read_as_goods(extract):
    assert extract("Acme donated 50,000 masks, 20 nurses and 300 blankets to Kenya.") == [
        (["Acme"], "face_mask", 50_000, ["KEN"])]


def test_protective_clothes_are_protective_suits(extract):
    assert extract("Harbor Mills shipped 8,000 protective clothes to Peru.") == [
        (["Harbor Mills"], "protective_suit", 8_000, ["PER"])]


def test_two_grades_joined_name_one_kind_of_masks(extract):
    assert extract("Volta Motors gave 150,000 FFP-2 and FFP-3 face masks to Austria.") == [
        (["Volta Motors"], "respirator", 150_000, ["AUT"])]


def test_kinds_of_goods_and_a_monthly_supply_are_no_count(extract):
    assert extract("Pinecrest will supply three kinds of mask to Japan.") == []
    assert extract("Pinecrest secured a monthly supply of 50 million masks for Japan.") == []


def test_units_of_a_long_product_name_count_it(extract):
    out = extract("Canada received from Korea 12,000 units of Rapid Novel Coronavirus "
                  "Antigen Diagnostic Kit.")
    assert out == [(["South Korea"], "test_kit", 12_000, ["CAN"])]


def test_what_reagents_can_test_is_no_count_but_kits_for_tests_are(extract):
    assert extract("Nairobi Labs provides kits for 4,000 tests to Uganda.") == [
        (["Nairobi Labs"], "test_kit", 4_000, ["UGA"])]
    assert extract("Uganda received reagents to conduct 9,000 tests from Nairobi Labs.") == [
        (["Nairobi Labs"], "reagent", None, ["UGA"])]


def test_of_them_after_a_count_of_people_is_no_goods(extract):
    text = ("Tallinn Works donated 6,000 masks to Latvia. Latvia has 210 confirmed cases, "
            "and 40 of them have recovered.")
    assert extract(text) == [(["Tallinn Works"], "face_mask", 6_000, ["LVA"])]


def test_more_of_them_is_more_of_the_goods_before(extract):
    out = extract("Tallinn Works donated 6,000 masks to Latvia. It will donate 3,000 more of "
                  "them to Estonia.")
    assert (["Tallinn Works"], "face_mask", 3_000, ["EST"]) in out


def test_dozens_halves_and_plus_counts_read_as_written():
    def values(text: str) -> list[int | None]:
        return [n.value for n in find_numbers(text)]
    assert values("a dozen ventilators") == [12]
    assert values("two dozen ventilators") == [24]
    assert values("more than a half-million masks") == [500_000]
    assert values("a quarter-million gloves") == [250_000]
    assert values("one and a half million masks") == [1_500_000]
    assert values("1 million-plus masks") == [1_000_000]
    assert values("1,000-odd masks") == [1_000]


def test_a_hyphenated_word_after_a_count_never_leaves_part_of_the_number(extract):
    assert extract("Kiwa Trust donated 4,000-odd masks to Tonga.") == [
        (["Kiwa Trust"], "face_mask", 4_000, ["TON"])]


def test_hyphened_adjectives_count_as_one_word_between_number_and_goods(extract):
    assert extract("Vela Group gave 3 million high-quality medical-grade disposable face masks "
                   "to Bolivia.") == [(["Vela Group"], "face_mask", 3_000_000, ["BOL"])]


def test_face_coverings_are_masks_and_temperature_scanners_thermometers(extract):
    assert extract("Vela Group gave 7,000 cloth face coverings and 90 temperature scanners to "
                   "Bolivia.") == [(["Vela Group"], "face_mask", 7_000, ["BOL"]),
                                   (["Vela Group"], "thermometer", 90, ["BOL"])]


def test_a_grade_stated_after_the_masks_makes_them_respirators(extract):
    for text in ("Nordhav donated 12,000 masks (KN95) to Iceland.",
                 "Nordhav donated 12,000 masks of the N95 standard to Iceland.",
                 "Nordhav donated 12,000 masks, rated FFP2, to Iceland."):
        assert extract(text) == [(["Nordhav"], "respirator", 12_000, ["ISL"])], text


def test_a_breakdown_in_brackets_does_not_grade_the_whole(extract):
    out = extract("Nordhav donated 2,000 masks (500 N95 masks and 1,500 surgical masks) to "
                  "Iceland.")
    assert out[0] == (["Nordhav"], "face_mask", 2_000, ["ISL"])


def test_respirators_for_patients_who_cannot_breathe_are_ventilators(extract):
    assert extract("Harbor Mills donated 1,500 respirators for intensive care units in "
                   "Kenya.") == [(["Harbor Mills"], "ventilator", 1_500, ["KEN"])]
    assert extract("Harbor Mills donated 1,500 respirators to hospitals in Kenya.") == [
        (["Harbor Mills"], "respirator", 1_500, ["KEN"])]


def test_half_a_century_is_no_share_of_the_donation(extract):
    text = ("The Aster Fund will donate 1,000 ventilators to Ghana. \u201cFor more than half a "
            "century, our country has helped Ghana,\u201d the fund said.")
    assert extract(text) == [(["Aster Fund"], "ventilator", 1_000, ["GHA"])]
    text = ("The Aster Fund will donate 1,000 ventilators to Ghana. For more than a half "
            "century the United States has helped Ghana.")
    assert extract(text) == [(["Aster Fund"], "ventilator", 1_000, ["GHA"])]


def test_the_part_of_a_purchase_that_is_given_is_a_donation(extract):
    out = extract("The Banyan Foundation said it had bought 4 million test kits from Korea, of "
                  "which 1 million would be given to Fiji.")
    assert out == [(["Banyan Foundation"], "test_kit", 1_000_000, ["FJI"])]
    out = extract("Maison Orsay placed an order of 20 million masks and would pay for the first "
                  "5 million itself as a donation to Belgium.")
    assert out == [(["Maison Orsay"], "face_mask", 5_000_000, ["BEL"])]


def test_a_purchase_alone_is_still_no_donation(extract):
    assert extract("The Banyan Foundation said it had bought 4 million test kits from "
                   "Korea.") == []


def test_the_label_is_the_goods_as_written_from_grade_to_noun(extract):
    from aidledger.parsers.claims import extract_claims
    claims = extract_claims("Acme gave 50,000 N95 respirator masks and 20,000 FFP2-grade masks "
                            "to Chile.")
    assert [c.item_label for c in claims] == ["N95 respirator masks", "FFP2-grade masks"]


def test_a_range_states_no_quantity(extract):
    assert extract("Tamar Textiles donated 15,000 to 20,000 masks to Fiji.") == [
        (["Tamar Textiles"], "face_mask", None, ["FJI"])]
    assert extract("Tamar Textiles donated 500 or 600 ventilators to Fiji.") == [
        (["Tamar Textiles"], "ventilator", None, ["FJI"])]
    assert extract("Tamar Textiles donated 200,000 and 150,000 masks to Fiji and Samoa "
                   "respectively.") == [(["Tamar Textiles"], "face_mask", 200_000, ["FJI"]),
                                        (["Tamar Textiles"], "face_mask", 150_000, ["WSM"])]


def test_a_crore_after_a_rupee_amount_is_rupees_too(extract):
    out = extract("Ravi Teja will donate Rs 20 lakh to the Kerala relief fund and 2 crore to "
                  "the PM CARES Fund.")
    assert (["Ravi Teja"], "funds", 20_000_000, ["IND"]) in out
    assert (["Ravi Teja"], "funds", 2_000_000, ["IND"]) in out


def test_lakhs_of_people_after_a_rupee_amount_are_no_money(extract):
    out = extract("Vardhan Steel gave Rs 5 crore to the PM CARES Fund for 1.6 lakh workers.")
    assert out == [(["Vardhan Steel"], "funds", 50_000_000, ["IND"])]


def test_units_with_no_goods_after_them_are_the_goods_named_before(extract):
    out = extract("Firms now making face shields include Kawa Motors, which provided 2,500 units "
                  "to Nagano Prefecture.")
    assert out == [(["Kawa Motors"], "face_shield", 2_500, ["JPN"])]
    text = ("Kawa Motors donated 4,000 face shields to Peru. The shipment was split into three "
            "units on the way.")
    assert extract(text) == [(["Kawa Motors"], "face_shield", 4_000, ["PER"])]


def test_the_same_number_of_other_goods_takes_the_count_before(extract):
    out = extract("Aurora Bus donated 6,000 suits and an identical number of face masks to "
                  "Cuba.")
    assert out == [(["Aurora Bus"], "protective_suit", 6_000, ["CUB"]),
                   (["Aurora Bus"], "face_mask", 6_000, ["CUB"])]
    out = extract("Aurora Bus sent 900 goggles and the same number of pairs of gloves to Cuba.")
    assert (["Aurora Bus"], "gloves", 900, ["CUB"]) in out


def test_medical_kits_are_mixed_goods_not_test_kits(extract):
    assert extract("Serra Group donated 4,000 medical kits to Angola.") == []


def test_machines_and_lines_that_make_goods_are_not_the_goods(extract):
    assert extract("Ostra Motors donated 4 mask-making machines to Laos.") == [
        (["Ostra Motors"], "other", 4, ["LAO"])]
    assert extract("Ostra Motors donated 6 mask production lines to Laos.") == [
        (["Ostra Motors"], "other", 6, ["LAO"])]
    assert extract("Ostra Motors donated 30 ventilator machines to Laos.") == [
        (["Ostra Motors"], "ventilator", 30, ["LAO"])]


def test_a_number_in_words_closed_by_digits(extract):
    assert extract("Hanbit Glonet provided two-thousand-500 test kits to Malawi.") == [
        (["Hanbit Glonet"], "test_kit", 2_500, ["MWI"])]


def test_other_kits_and_bipap_units_are_other_goods(extract):
    out = extract("Kisumu Mills donated 100 BiPAP units, 7 BiPAP ventilators and 4,000 "
                  "sanitation kits to Kenya.")
    assert [(o[1], o[2]) for o in out] == [("other", 100), ("ventilator", 7), ("other", 4_000)]


def test_tests_performed_are_no_test_kits_given(extract):
    assert extract("The laboratory, donated by Volta Labs to Ghana, has conducted 9,000 tests "
                   "since May.") == []
    out = extract("Volta Labs sent 3,000 test kits to Ghana, where 40,000 tests have been "
                  "performed.")
    assert out == [(["Volta Labs"], "test_kit", 3_000, ["GHA"])]
    assert extract("Volta Labs donated 3,000 test kits made in Korea to Ghana.") == [
        (["Volta Labs"], "test_kit", 3_000, ["GHA"])]
