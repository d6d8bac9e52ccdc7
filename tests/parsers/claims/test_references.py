"""Goods, givers and shares that a sentence names only by reference."""

from __future__ import annotations


def test_n_of_them_takes_the_goods_named_before_in_the_sentence(extract):
    out = extract("Corvo, which is making N95 masks at a plant in Tampere, said it would donate "
                  "200,000 of them to hospitals in Helsinki.")
    assert out == [(["Corvo"], "respirator", 200_000, ["FIN"])]


def test_n_of_them_takes_the_goods_of_the_sentence_before(extract):
    out = extract("Corvo is designing face shields with its suppliers. Corvo expects to ship "
                  "300,000 of them to hospitals in Oslo.")
    assert out == [(["Corvo"], "face_shield", 300_000, ["NOR"])]


def test_an_envoy_gives_for_the_state(extract):
    out = extract("Japan's Ambassador to Kenya Ryoichi Horie on Monday handed over 20,000 "
                  "surgical masks to the Kenyan health ministry.")
    assert out == [(["Japan"], "face_mask", 20_000, ["KEN"])]


def test_a_government_in_a_fronted_phrase_is_not_the_giver(extract):
    out = extract("At the request of the Bolivian government, the Chinese government has "
                  "donated 5,000 test kits to Bolivia.")
    assert out == [(["Chinese government"], "test_kit", 5_000, ["BOL"])]


def test_including_amounts_are_parts_with_their_own_recipients(extract):
    out = extract("Korea will donate 3 million masks to countries in need, including 2 million "
                  "for Europe and 600,000 for Peru. The remaining 400,000 will go to its "
                  "partners.")
    assert out == [(["Korea"], "face_mask", 3_000_000, []),
                   (["Korea"], "face_mask", 2_000_000, ["region:europe"]),
                   (["Korea"], "face_mask", 600_000, ["PER"]),
                   (["Korea"], "face_mask", 400_000, [])]


def test_money_and_goods_in_one_sentence_keep_their_own_recipients(extract):
    out = extract("Corvo will donate $3 million to relief groups and 20,000 protective suits "
                  "to hospitals in Turin.")
    assert (["Corvo"], "funds", 3_000_000, []) in out
    assert (["Corvo"], "protective_suit", 20_000, ["ITA"]) in out


def test_an_s_less_possessive_foundation_is_named_after_its_founder(extract):
    out = extract("Tomas Reyes' foundation is giving $2 million to clinics in Lagos.")
    assert [o[0] for o in out] == [["Tomas Reyes Foundation"]]


def test_medicines_counted_in_tablets_are_goods(extract):
    out = extract("Corvo donated 2 million tablets of paracetamol to hospitals in Chile.")
    assert out == [(["Corvo"], "other", 2_000_000, ["CHL"])]


def test_these_are_counts_the_goods_of_the_donation_just_told(extract):
    assert extract("Japan donated medical supplies to Peru on Monday. These are 10,000 masks "
                   "and 500 gowns.") == [(["Japan"], "face_mask", 10_000, ["PER"]),
                                         (["Japan"], "protective_suit", 500, ["PER"])]
    assert extract("The Corvo Trust sent a shipment of aid to Fiji. They were about 2,000 "
                   "tents.") == [(["Corvo Trust"], "other", 2_000, ["FJI"])]
    assert extract("Kenya has many cases. These are 10,000 cases so far.") == []


def test_money_among_the_contents_told_without_a_verb_is_a_gift(extract):
    assert extract("Japan gave $1 million to Peru. A previous announcement included $2.2 "
                   "million to Chile.") == [(["Japan"], "funds", 1_000_000, ["PER"]),
                                            (["Japan"], "funds", 2_200_000, ["CHL"])]
    assert extract("Norland pledged aid to Fiji. The pledge included $300,000 for Tonga and "
                   "$200,000 for Samoa.") == [(["Norland"], "funds", 300_000, ["TON"]),
                                                   (["Norland"], "funds", 200_000, ["WSM"])]
    assert extract("The Corvo Trust sent tents to Haiti. The shipment included $40,000 worth "
                   "of medicine.") == []


def test_a_bare_us_after_a_scaled_amount_is_dollars(extract):
    assert extract("Japan donated 5 Million US to Peru.") == [
        (["Japan"], "funds", 5_000_000, ["PER"])]
    assert extract("Norland sent 5,000 US masks to Peru.") == [
        (["Norland"], "face_mask", 5_000, ["PER"])]


def test_inverted_and_that_contents_refer_to_the_donation_just_told(extract):
    assert extract("Japan donated aid to Nepal. Included were 3,000 tents.") == [
        (["Japan"], "other", 3_000, ["NPL"])]
    assert extract("India sent aid to Nepal. That included 4,000 blankets.") == [
        (["India"], "other", 4_000, ["NPL"])]
    assert extract("Nepal reported 300 new cases. That is 30 more than yesterday.") == []


def test_a_further_amount_of_money_that_goes_to_a_taker(extract):
    assert extract("Japan gave $1 million to Peru. Another $3 million went to Chile.") == [
        (["Japan"], "funds", 1_000_000, ["PER"]), (["Japan"], "funds", 3_000_000, ["CHL"])]
    assert extract("Norland gave $1 million to Fiji. Another $3 million is still needed, "
                   "officials said.") == [(["Norland"], "funds", 1_000_000, ["FJI"])]


def test_the_group_written_capitalised_is_the_group_named_before(extract):
    out = extract("Orvo Group Bhd pledged RM2 million to the relief fund on Monday. The Group has "
                  "also donated 5,000 masks to hospitals in Malaysia.")
    assert (["Orvo Group Bhd"], "face_mask", 5_000, ["MYS"]) in out


def test_the_church_written_capitalised_is_the_church_named_before(extract):
    out = extract("Members of the Church of the Holy Elm in Leeds met on Sunday. The Church has "
                  "shipped 2,000 masks to Ghana.")
    assert out == [(["Church of the Holy Elm"], "face_mask", 2_000, ["GHA"])]


def test_the_bank_is_the_latest_name_with_bank_in_it(extract):
    out = extract("Lumen Bank Berhad gave RM1 million to the relief fund. Tessaro Holdings sent "
                  "500 gowns to Kuala Lumpur. The bank also donated 20,000 masks to hospitals in "
                  "Malaysia.")
    assert (["Lumen Bank Berhad"], "face_mask", 20_000, ["MYS"]) in out


def test_aside_opening_a_sentence_is_no_name(extract):
    out = extract("Lumen Bank Berhad gave 500 gowns to the relief fund. Aside from food parcels "
                  "for workers, it donated 20,000 masks to hospitals in Malaysia.")
    assert (["Lumen Bank Berhad"], "face_mask", 20_000, ["MYS"]) in out


def test_by_his_charities_does_not_run_on_to_where_the_goods_arrive(extract):
    out = extract("Tomas Reyes gave 500 masks to Peru on Monday. A batch of 2,000 gowns donated "
                  "by his charities arrived in Chile on Tuesday.")
    assert (["Tomas Reyes"], "protective_suit", 2_000, ["CHL"]) in out


def test_goods_told_after_also_donated_were_or_included_in_the_donation_are_its_own(extract):
    out = extract("Orvo Group donated 20,000 masks to Kenya. Also donated were 500 gowns and "
                  "300 goggles.")
    assert out == [(["Orvo Group"], "face_mask", 20_000, ["KEN"]),
                   (["Orvo Group"], "protective_suit", 500, ["KEN"]),
                   (["Orvo Group"], "goggles", 300, ["KEN"])]
    out = extract("Orvo Group donated 20,000 masks to Kenya. Included in the donation are 300 "
                  "thermometers.")
    assert out == [(["Orvo Group"], "face_mask", 20_000, ["KEN"]),
                   (["Orvo Group"], "thermometer", 300, ["KEN"])]


def test_a_consignment_told_according_to_a_source_lists_its_contents(extract):
    out = extract("Orvo Group donated medical supplies to Kenya. According to the ministry, the "
                  "shipment includes 20,000 masks and 500 gowns.")
    assert out == [(["Orvo Group"], "face_mask", 20_000, ["KEN"]),
                   (["Orvo Group"], "protective_suit", 500, ["KEN"])]


def test_the_company_title_of_a_person_named_before_is_that_person(extract):
    text = ("Lena Brandt pledged 40,000 masks to Chile. On Monday, the Orvo Co-founder sent "
            "300 ventilators to Peru.")
    assert extract(text)[1] == (["Lena Brandt"], "ventilator", 300, ["PER"])
    text = ("Lena Brandt pledged 40,000 masks to Chile. In a video, the Orvo co-founder said "
            "300 ventilators would go to Peru.")
    assert extract(text)[1] == (["Lena Brandt"], "ventilator", 300, ["PER"])


def test_we_in_a_quote_opened_by_a_declaring_speaker_is_the_speaker(extract):
    out = extract('Lena Brandt declared: "We are sending 300 ventilators to Peru."')
    assert out == [(["Lena Brandt"], "ventilator", 300, ["PER"])]


def test_lowercase_words_before_said_are_no_speakers_name(extract):
    text = ("The Karoo Trust gave 900 gowns to Kenya. Its envoy Ana Ruiz, speaking about the "
            "gown deliveries to hospitals said, “We are glad to add 300 more gowns for Kenya. "
            "Ruiz went on Along with the gowns, the trust sent 40 ventilators to Kenya.”")
    donors = {tuple(d) for d, *_ in extract(text)}
    assert not any(" " in d.lower() and d[:1].islower() for ds in donors for d in ds)
    assert ("Along",) not in donors


def test_a_retelling_that_names_the_giver_fills_the_first_telling(extract):
    out = extract("Two planes of the Peru Air Force, carrying two field hospitals, landed in "
                  "Chile on Monday.\n\nThanking Peru, Chilean Minister Ana Ruiz in a tweet "
                  "said the planes bearing two field hospitals given by Peru to Chile had "
                  "landed.")
    assert out == [(["Peru"], "other", 2, ["CHL"])]


def test_goods_the_announced_giver_counts_next_are_its_gift(extract):
    out = extract("Orvo University is giving thousands of items of protective gear to "
                  "clinics in Lima.\n\nThe university searched its labs and found nearly "
                  "9,000 N95 face masks and 300 isolation gowns.")
    assert out == [(["Orvo University"], "respirator", 9_000, ["PER"]),
                   (["Orvo University"], "protective_suit", 300, ["PER"])]
    out = extract("Orvo is donating ventilators to the Lima hospital.\n\nThe hospital has 200 "
                  "ventilators.")
    assert [o for o in out if o[2] is not None] == []  # the taker's own count: no gift


def test_a_tweet_that_says_we_re_donating_repeats_the_body_s_gift(extract):
    out = extract("The Lima-owned Tarsa Forum has pledged €2 million to help Peru.\n\nWe’re "
                  "donating €2 million to Peru’s fight against the virus. — Ana Ruiz "
                  "(@anaruiz) March 20, 2020\n\n“We’re donating €2 million to Peru’s fight,” the "
                  "founder wrote.")
    assert [o for o in out if o[2] is not None] == [(["Tarsa Forum"], "funds", 2_000_000,
                                                     ["PER"])]


def test_goods_a_mission_announced_are_the_state_s_when_named_part_of_its_batch(extract):
    out = extract("24,000 test kits and 9,000 coveralls will arrive in Peru on May 8, the Korean "
                  "Embassy said.\n\nThese goods are a part of the second lot of aid "
                  "donated by the Korean Government to Peru and will fly on "
                  "flight KE231 on May 8.")
    assert [d for d, *_ in out] == [["Korean Government"], ["Korean Government"]]



def test_masks_told_by_grade_then_plainly_are_one_gift_of_respirators(extract):
    out = extract("Orvo is giving its supply of 80,000 respiratory masks to health workers in "
                  "Peru.\n\n“To help, Orvo donated our reserve of 80,000 masks,” its chief wrote.")
    assert out == [(["Orvo"], "respirator", 80_000, ["PER"])]
