"""How many: numbers as written, ranges, counts by reference, and numbers that count no goods
given (tests performed, lengths of time, what reagents can test, purchases)."""

from __future__ import annotations

from aidledger.parsers.numbers import find_numbers


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


def test_kinds_of_goods_and_a_monthly_supply_are_no_count(extract):
    assert extract("Pinecrest will supply three kinds of mask to Japan.") == []
    assert extract("Pinecrest secured a monthly supply of 50 million masks for Japan.") == []


def test_units_of_a_long_product_name_count_it(extract):
    out = extract("Canada received from Korea 12,000 units of Rapid Novel Coronavirus "
                  "Antigen Diagnostic Kit.")
    assert out == [(["Korea"], "test_kit", 12_000, ["CAN"])]


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


def test_a_number_in_words_closed_by_digits(extract):
    assert extract("Hanbit Glonet provided two-thousand-500 test kits to Malawi.") == [
        (["Hanbit Glonet"], "test_kit", 2_500, ["MWI"])]


def test_tests_performed_are_no_test_kits_given(extract):
    assert extract("The laboratory, donated by Volta Labs to Ghana, has conducted 9,000 tests "
                   "since May.") == []
    out = extract("Volta Labs sent 3,000 test kits to Ghana, where 40,000 tests have been "
                  "performed.")
    assert out == [(["Volta Labs"], "test_kit", 3_000, ["GHA"])]
    assert extract("Volta Labs donated 3,000 test kits made in Korea to Ghana.") == [
        (["Volta Labs"], "test_kit", 3_000, ["GHA"])]


def test_a_decimal_comma_before_a_scale_word_and_a_lost_space_after_a_comma():
    assert [n.value for n in find_numbers("In all, 2,4 million gloves")] == [2_400_000]
    assert [n.value for n in find_numbers("3,5 billion won")] == [3_500_000_000]
    assert [n.value for n in find_numbers("1,250 masks, 1,200,000 gloves")] == [1_250, 1_200_000]
    assert [n.value for n in find_numbers("400 gloves,2,000 gowns")] == [400, 2_000]


def test_a_scale_word_glued_to_its_digits_and_a_currency_sign_with_a_dot():
    assert [n.value for n in find_numbers("1million masks, 2.5billion won")] == [
        1_000_000, 2_500_000_000]
    assert [n.value for n in find_numbers("the 1millionth visitor")] == []
    from aidledger.parsers.sentences import split_sentences
    text = "Kessel gave Rs. 50 lakh to the fund. It said so."
    assert len(list(split_sentences(text))) == 2


def test_a_number_restated_in_brackets_still_counts_the_goods(extract):
    assert extract("Kessel donated 1,000,000 (one million) masks to Peru.") == [
        (["Kessel"], "face_mask", 1_000_000, ["PER"])]
    assert extract("Kessel donated two thousand (2,000) gowns to Peru.") == [
        (["Kessel"], "protective_suit", 2_000, ["PER"])]


def test_another_amount_of_days_or_cases_is_no_more_goods(extract):
    text = ("Korvel Group donated 9,000 masks to Gabon. The government has extended the "
            "curfew by a further 10 days. Another 3,000 confirmed infections were reported.")
    assert extract(text) == [(["Korvel Group"], "face_mask", 9_000, ["GAB"])]
    text = "Korvel Group donated 9,000 masks to Gabon. Another 3,000 are on their way."
    assert extract(text)[-1] == (["Korvel Group"], "face_mask", 3_000, ["GAB"])


def test_a_count_of_goods_listed_after_including_counts_them_all(extract):
    out = extract("Some 48,000 pieces of supplies including gowns, masks and gloves were "
                  "donated to Chad by Korvel Group.")
    assert [c[2] for c in out if c[2] is not None] == []
    text = ("Korvel Group donated 9,000 masks and 4,000 test kits to Chad. Of the goods, "
            "6,000 units, including masks and swab kits, will go to the capital.")
    assert extract(text) == [(["Korvel Group"], "face_mask", 9_000, ["TCD"]),
                             (["Korvel Group"], "test_kit", 4_000, ["TCD"])]


def test_the_number_of_a_grade_or_type_is_no_count(extract):
    assert extract("Korvel Group donated 40,000 Level 2 surgical masks to Chad.") == [
        (["Korvel Group"], "face_mask", 40_000, ["TCD"])]
    assert extract("Korvel Group donated two thousand Grade 2 masks and 500 Class 1 gowns "
                   "to Chad.") == [(["Korvel Group"], "face_mask", 2_000, ["TCD"]),
                                   (["Korvel Group"], "protective_suit", 500, ["TCD"])]


def test_a_word_with_dots_between_count_and_goods(extract):
    assert extract("Korvel Group delivered 120 U.S.-made ventilators to Chad.") == [
        (["Korvel Group"], "ventilator", 120, ["TCD"])]


def test_a_share_of_the_counted_goods_is_the_share(extract):
    text = ("Korvel Group has shipped 90,000 masks to four African countries. Two-thirds of "
            "the 90,000 masks will go to the health ministry of Chad.")
    assert (["Korvel Group"], "face_mask", 60_000, ["TCD"]) in extract(text)
    text = ("Korvel Group has shipped 90,000 masks to four African countries. One third of "
            "the masks will go to the health ministry of Chad.")
    assert (["Korvel Group"], "face_mask", 30_000, ["TCD"]) in extract(text)
    assert all(c[2] != 1 for c in extract(text))


def test_a_tally_with_no_giver_after_a_gift_of_the_same_goods_is_no_claim(extract):
    text = ("SUVA, 3 May 2020 – Twelve ventilators were handed over to the Government of Fiji. "
            "A total of 18 ventilators have now been delivered to the government with support "
            "of the Red Cross.")
    assert [c[2] for c in extract(text)] in ([12], [])
    assert all(c[2] != 18 for c in extract(text))


def test_a_few_goods_to_each_household_are_a_ration_not_a_gift_count(extract):
    text = ("Korvel Group donated 9,000 masks to Chad. Supply is a priority for the "
            "government, which will begin delivering three cloth masks to households next week.")
    assert extract(text) == [(["Korvel Group"], "face_mask", 9_000, ["TCD"])]
    assert [c[2] for c in extract("Korvel Group will donate three cloth masks to every "
                                  "household in Chad.")] in ([], [None])
    assert extract("Korvel Group donated 4,000 masks to families in Chad.") == [
        (["Korvel Group"], "face_mask", 4_000, ["TCD"])]


def test_a_count_told_after_the_goods_by_a_verb_of_number(extract):
    assert extract("Korvel Group donated masks numbering 12,000 to Chad.") == [
        (["Korvel Group"], "face_mask", 12_000, ["TCD"])]
    assert extract("Korvel Group donated gowns totalling 800 to Chad.") == [
        (["Korvel Group"], "protective_suit", 800, ["TCD"])]


def test_n_each_of_two_goods_is_that_many_of_each(extract):
    assert extract("Korvel Group donated 6,000 each of masks and gloves to Chad.") == [
        (["Korvel Group"], "face_mask", 6_000, ["TCD"]),
        (["Korvel Group"], "gloves", 6_000, ["TCD"])]


def test_a_bare_amount_given_somewhere_is_more_of_the_goods_before(extract):
    text = ("Korvel Group donated 9,000 masks to Chad. Besides Chad and Mali, the company "
            "has also donated 4,000 to the northern states of Niger.")
    assert extract(text)[-1] == (["Korvel Group"], "face_mask", 4_000, ["NER"])


def test_a_hyphened_compound_between_count_and_goods_is_one_word(extract):
    assert extract("The Consulate of Malta handed over 2,400 made-in-Malta cloth masks to "
                   "the city of Lyon.") == [(["Consulate of Malta"], "face_mask", 2_400, ["FRA"])]


def test_a_day_after_a_month_is_no_amount_paired_with_the_next(extract):
    assert extract("On May 4, 300 gowns were handed to Mali by Norway.") == [
        (["Norway"], "protective_suit", 300, ["MLI"])]


def test_a_count_of_ones_is_more_of_the_goods_before(extract):
    assert extract("Norway sent 6,000 surgical masks to Mali and 4,000 ones to Niger.") == [
        (["Norway"], "face_mask", 6_000, ["MLI"]), (["Norway"], "face_mask", 4_000, ["NER"])]
    assert extract("Norway sent 6,000 masks to Mali, which has 300 cases and 20 new ones.") == [
        (["Norway"], "face_mask", 6_000, ["MLI"])]


def test_tests_kits_are_capable_of_conducting_are_no_count(extract):
    assert extract("Orvo Group donated to Kenya PCR kits capable of conducting up to 30,000 "
                   "tests and 200 gowns.") == [(["Orvo Group"], "protective_suit", 200, ["KEN"])]


def test_a_total_stated_after_amounts_per_recipient_is_never_multiplied_again(extract):
    """ "20,000 kits to each of the 54 countries, a total of 1.08 million": the total is the
    gift, whichever way the sentence puts it; plain masks totalling graded ones are those."""
    assert extract("Orvo donated 20,000 kits to each of the 54 countries, a total of 1.08 "
                   "million kits.") == [(["Orvo"], "test_kit", 1_080_000, [])]
    assert extract("Orvo will donate 20,000 test kits to each of the 54 African countries, "
                   "1.08 million kits in all.") == [
        (["Orvo"], "test_kit", 1_080_000, ["region:africa"])]
    out = extract("To each of the 54 countries Orvo will give 30,000 test kits, 80,000 masks "
                  "and 2,000 suits, that is a total of 1.62 million test kits, 4.32 million "
                  "masks and 108,000 suits.")
    assert [o[1:3] for o in out] == [("test_kit", 1_620_000), ("face_mask", 4_320_000),
                                     ("protective_suit", 108_000)]
    assert extract("Orvo gave 500 N95 masks to six clinics in Lima on May 2, for a total of "
                   "3,000 masks.") == [(["Orvo"], "respirator", 3_000, ["PER"])]


def test_each_recipients_share_told_after_the_total_is_its_amount_each():
    from aidledger.parsers.claims import extract_claims
    out = extract_claims("Austria on Monday sent 8,000 gowns to Greece and Malta. Each country "
                         "will receive 4,000 of them.")
    assert [(c.quantity, c.quantity_each) for c in out] == [(8_000, 4_000)]


def test_a_masks_ply_printed_apart_is_no_count(extract):
    assert extract("Tarn Mills gave 1.5 million 3- ply masks to Uganda.") == [
        (["Tarn Mills"], "face_mask", 1_500_000, ["UGA"])]


def test_the_day_of_a_date_is_no_count(extract):
    out = extract("The drive began on April 12 when several respirators were flown to a clinic "
                  "in Lima along with 300 N95 masks from Orvo.")
    assert [(c[1], c[2]) for c in out] == [("respirator", 300)]


def test_a_count_in_quotation_marks_still_counts_the_goods(extract):
    out = extract("The Karoo Trust is donating “up to 900” ventilators to Namibia.")
    assert out == [(["Karoo Trust"], "ventilator", 900, ["NAM"])]


def test_a_count_before_a_verb_counts_no_goods_after_it(extract):
    assert extract("About 300 volunteers will start sewing masks on Monday, the Lima council "
                   "announced.") == []
    out = extract("Orvo will give Peru 9 million masks, of which 500,000 units will be N95 "
                  "masks.")
    assert (["Orvo"], "respirator", 500_000, ["PER"]) in out


def test_test_kits_to_perform_a_number_of_tests_are_counted_by_them(extract):
    out = extract("Russia has sent test kits to perform 6,000 tests to Chad, the agency said.")
    assert out == [(["Russia"], "test_kit", 6_000, ["TCD"])]
