"""Who the giver is: governments and demonyms as countries, adjectives that are not names."""

from __future__ import annotations

from aidledger.parsers.claim_givers import country_of, donor_name
from aidledger.parsers.names import find_names


def test_a_demonym_vehicle_gives_as_its_country(extract):
    out = extract("A Belgian army plane carrying 40,000 face masks landed in Kinshasa on Friday.")
    assert out == [(["Belgium"], "face_mask", 40_000, ["COD"])]


def test_the_government_of_a_country_is_named_as_written_and_read_as_the_country():
    assert donor_name("Government of Norway") == "Government of Norway"
    assert donor_name("the Iraqi government") == "Iraqi government"
    assert donor_name("Sweden's government") == "Sweden's government"
    assert [country_of(n) for n in ("Government of Norway", "Iraqi government",
                                    "Sweden's government")] == ["NOR", "IRQ", "SWE"]
    assert donor_name("Members of the Harbour Lions Club") == "Harbour Lions Club"
    assert country_of("Harbour Lions Club") is None


def test_a_country_named_as_written_keeps_its_words():
    assert donor_name("The Czech Republic") == "Czech Republic"


def test_a_based_adjective_is_not_a_donor(extract):
    out = extract("The Denver-based Alder Family Trust donated $250,000 to food banks in Ohio.")
    assert out == [(["Alder Family Trust"], "funds", 250_000, ["USA"])]


def test_a_company_arm_named_after_a_country_is_the_company(extract):
    out = extract("Carmaker Kessel India said it had gifted 3,000 face shields to hospitals "
                  "in Mumbai.")
    assert out == [(["Kessel India"], "face_shield", 3_000, ["IND"])]


def test_a_country_giver_is_not_its_own_recipient(extract):
    out = extract("Norway will give Ukraine 30 ventilators, the Norwegian embassy in Kyiv "
                  "said, following a request from the health ministry.")
    assert out == [(["Norway"], "ventilator", 30, ["UKR"])]


def test_a_number_word_opening_a_sentence_is_not_a_name(extract):
    out = extract("Sixty ventilators were flown to Madrid on Sunday, a gift from the "
                  "Swiss government.")
    assert [o[1:] for o in out] == [("ventilator", 60, ["ESP"])]


def test_a_described_reference_resolves_by_its_head_noun(extract):
    out = extract("The Harbin Red Cross Society sent 10,000 masks to Mongolia in March. "
                  "Earlier, the society made a cash donation of $50,000 to the Mongolian "
                  "Red Cross.")
    assert (["Harbin Red Cross Society"], "funds", 50_000, ["MNG"]) in out


def test_a_based_description_refers_back_to_the_foundation(extract):
    out = extract("The Alder Family Foundation pledged $2 million on Monday. The Denver-based "
                  "foundation gave $500,000 in March.")
    assert (["Alder Family Foundation"], "funds", 500_000, []) in out


def test_a_city_in_a_phrase_is_not_the_giver(extract):
    out = extract("The latest batch, 30,000 masks for hospitals in Lyon and Marseille, "
                  "arrived on Friday.")
    assert all(o[0] != ["Marseille"] for o in out)


def test_a_state_opening_a_clause_gives(extract):
    out = extract("Across the country, Oregon is sending 140 ventilators to New York.")
    assert out == [(["Oregon"], "ventilator", 140, ["USA"])]


def test_an_apposition_describes_the_subject(extract):
    out = extract("Corvo, the owner of the Brightline app, said it would give $3 million to "
                  "the Kenya Red Cross.")
    assert out == [(["Corvo"], "funds", 3_000_000, ["KEN"])]


def test_a_country_in_an_object_relative_is_the_giver(extract):
    out = extract("It follows the 500 test kits that Japan donated on Monday.")
    assert [o[:3] for o in out] == [(["Japan"], "test_kit", 500)]


def test_a_country_after_in_is_not_the_giver(extract):
    out = extract("A group of Korean traders in Canada has handed over 3,000 masks to a "
                  "hospital in Seoul.")
    assert all(o[0] != ["Canada"] for o in out)


def test_rand_amounts_are_money(extract):
    out = extract("The Ubuntu Trust has pledged R2 billion to help South Africa fight the "
                  "virus.")
    assert out == [(["Ubuntu Trust"], "funds", 2_000_000_000, ["ZAF"])]


def test_a_large_city_gives_its_country_without_the_country_named(extract):
    out = extract("Hubei province has sent 30,000 masks to its sister city Duisburg.")
    assert out == [(["Hubei"], "face_mask", 30_000, ["DEU"])]


def test_a_description_before_the_giver_after_from(extract):
    out = extract("Peru received 30,000 masks from Korean singer Mina Sol on Monday. Chile got "
                  "4,000 gowns from the furniture retailer Holmvik.")
    assert out == [(["Mina Sol"], "face_mask", 30_000, ["PER"]),
                   (["Holmvik"], "protective_suit", 4_000, ["CHL"])]


def test_who_sent_a_plane_carrying_goods_gives_them(extract):
    out = extract("The Kestrel chairman spoke after Chile sent a plane carrying 9,000 gloves to "
                  "Fiji.")
    assert out == [(["Chile"], "gloves", 9_000, ["FJI"])]


def test_a_name_after_a_preposition_is_no_antecedent_of_the_subject(extract):
    out = extract("Kestrel Motors makes cars in Hanoi. Through the Hanoi Red Cross Society, the "
                  "firm presented 100 ventilators to hospitals in Vietnam.")
    assert out == [(["Kestrel Motors"], "ventilator", 100, ["VNM"])]


def test_a_role_before_the_giver_after_an_opener_is_no_aside(extract):
    out = extract("Additionally, Kestrel Founder and billionaire Lena Varga went online, posting "
                  "that a first shipment of 9,000 masks is on its way to Peru.")
    assert out == [(["Lena Varga"], "face_mask", 9_000, ["PER"])]


def test_a_company_described_in_an_aside_is_not_the_giver(extract):
    out = extract("Lena Varga, co-founder of Lima-based online retail giant Kestrel, has donated "
                  "4,000 masks to Japan.")
    assert out == [(["Lena Varga"], "face_mask", 4_000, ["JPN"])]


def test_a_title_in_quotes_or_a_name_in_a_dashed_aside_is_no_giver(extract):
    out = extract("Kestrel pledged help to Peru. A gift of 9,000 masks printed with the words "
                  "of the song “Kestrel Moon” was flown to Lima.")
    assert all("Kestrel Moon" not in o[0] for o in out)
    out = extract("Kestrel pledged help to Peru. A gift of 9,000 masks — printed with a famed "
                  "Chilean poem — was flown to Lima.")
    assert all("Chile" not in o[0] for o in out)


def test_an_airport_goods_leave_from_is_no_giver(extract):
    out = extract("Kestrel pledged 9,000 masks to Peru. A cargo flight departed from Jorge Chavez "
                  "Airport with 9,000 masks for Peru.")
    assert all("Jorge Chavez Airport" not in o[0] for o in out)


def test_names_and_references_in_a_relative_aside_are_not_the_subject(extract):
    out = extract("The Mirra Foundation and Solen Foundation, set up by the founder of online "
                  "retailer Kestrel Group, Lena Varga, are donating 40,000 masks to Peru.")
    assert out == [(["Mirra Foundation", "Solen Foundation"], "face_mask", 40_000, ["PER"])]


def test_donated_goods_described_name_no_giver_of_the_goods_before(extract):
    out = extract("A jet landed in Lima with 9,000 masks for Peru. The Kestrel Group handles "
                  "the transport of the donated masks.")
    assert out == [([], "face_mask", 9_000, ["PER"])]


def test_a_channel_after_through_its_is_not_the_giver(extract):
    out = extract("Kestrel Motors announced more help for Peru. Through its charity Kestrel Wheels, "
                  "a gift of $30,000 was made to Lima. In two weeks the automaker has given "
                  "$4 million for RT-PCR tests.")
    assert [o[0] for o in out] == [["Kestrel Motors"], ["Kestrel Motors"]]


def test_a_source_before_a_comma_is_no_co_giver(extract):
    out = extract("According to Andes Daily Net, Kestrel Bank of Peru has donated 40 ventilators "
                  "to Lima.")
    assert out == [(["Kestrel Bank of Peru"], "ventilator", 40, ["PER"])]


def test_brands_listed_in_an_aside_of_the_subject_are_not_givers(extract):
    out = extract("Kestrel, the parent company of brands including Lumo, Sera, and Vanta, "
                  "donated $40,000 to the Lima Red Cross.")
    assert [o[0] for o in out] == [["Kestrel"]]


def test_a_co_owner_in_an_aside_is_not_the_giver(extract):
    out = extract("The Andean Grid Corporation, co-owned by Kestrel Power, also donated $2 million "
                  "to the Peruvian government.")
    assert [o[0] for o in out] == [["Andean Grid Corporation"]]


def test_members_of_a_body_give_as_the_body(extract):
    out = extract("Members of the Lima Chinese Association delivered 6,000 masks to the Lima "
                  "General Hospital in Peru.")
    assert out == [(["Lima Chinese Association"], "face_mask", 6_000, ["PER"])]


def test_where_goods_came_from_is_no_giver_when_a_donation_names_one(extract):
    """ "received 6 ventilators sourced from Germany ... under a donation made by Orvo":
    the origin is no giver, the donation's "by" is; a factory goods left is a place."""
    assert extract("Clinics in Lima received 6 ventilators sourced from Germany, flown in by "
                   "Tarsa Aid under a donation made by Orvo.") == [
        (["Orvo"], "ventilator", 6, ["PER"])]
    names = [n.text for n in find_names("The ventilators were shipped from the Kestrel factory "
                                        "in Lyon.")]
    assert "Kestrel" not in names


def test_a_description_of_fields_before_a_firm_s_name_is_no_giver(extract):
    assert extract("Construction and mining company Orvo India said it has donated 5,000 face "
                   "masks to Peru.") == [(["Orvo India"], "face_mask", 5_000, ["PER"])]


def test_we_in_a_quote_is_the_body_named_after_the_that_closes_it(extract):
    out = extract("“We will ship 70,000 gloves to Bhutan,” the Tarrow Foundation said.")
    assert out == [(["Tarrow Foundation"], "gloves", 70_000, ["BTN"])]
    out = extract("“We and the Osk Trust will ship 70,000 gloves to Bhutan,” the Tarrow "
                  "Foundation said.")
    assert out == [(["Tarrow Foundation", "Osk Trust"], "gloves", 70_000, ["BTN"])]


def test_a_quote_paragraph_after_an_attributed_quote_keeps_its_speaker(extract):
    out = extract("“Our neighbours need help now,” the Tarrow Foundation said.\n\n“We and the "
                  "Osk Trust will ship 70,000 gloves to Bhutan. More is coming.”")
    assert out == [(["Tarrow Foundation", "Osk Trust"], "gloves", 70_000, ["BTN"])]


def test_a_giver_and_his_wife_named_in_apposition_both_give(extract):
    out = extract("Club owner Tom Reyes and his wife, Ana Lin Reyes, are donating 800 "
                  "ventilators to New York.")
    assert out == [(["Tom Reyes", "Ana Lin Reyes"], "ventilator", 800, ["USA"])]


def test_a_name_in_a_relative_aside_is_no_giver(extract):
    out = extract("Ana Lin Reyes gave masks to Peru. The Orvo Group, of which Reyes is the "
                  "co-founder, had earlier given one million masks to New York.")
    assert (["Orvo Group"], "face_mask", 1_000_000, ["USA"]) in out


def test_a_giver_described_first_then_named_after_a_comma(extract):
    out = extract("Lima took delivery of 900 ventilators last week, donated by a Chilean "
                  "charity, the Orvo Foundation, with the flight arranged by the Chilean "
                  "government.")
    assert out == [(["Orvo Foundation"], "ventilator", 900, ["PER"])]


def test_a_giver_who_joined_another_in_giving_gives_with_it(extract):
    out = extract("Orvo joined the Karoo Trust in donating 500 ventilators to Peru.")
    assert out == [(["Orvo", "Karoo Trust"], "ventilator", 500, ["PER"])]
    out = extract("Orvo joined the Karoo Trust, which donated 500 ventilators to Peru.")
    assert out == [(["Karoo Trust"], "ventilator", 500, ["PER"])]


def test_a_thanking_minister_of_a_nationality_places_the_gift(extract):
    out = extract("Peruvian Health Minister Ana Ruiz thanked Orvo for donating 500 ventilators.")
    assert out == [(["Orvo"], "ventilator", 500, ["PER"])]


def test_the_one_thanked_who_gave_gives_and_takes_nothing(extract):
    out = extract("The clinic voiced its gratitude to the Holm Fund, which has donated 300 "
                  "ventilators to Lima.")
    assert out == [(["Holm Fund"], "ventilator", 300, ["PER"])]
    out = extract("We are grateful to Lin Bao, who donated 10,000 gloves.")
    assert out == [(["Lin Bao"], "gloves", 10_000, [])]


def test_givers_listed_after_a_government_of_a_country_give_with_it(extract):
    out = extract("The $2 million includes donations from the government of Norway, the Peru "
                  "Relief Agency and the Holm Fund.")
    assert out == [(["government of Norway", "Peru Relief Agency", "Holm Fund"], "funds",
                    2_000_000, [])]


def test_a_body_announcing_that_together_with_another_we_will_donate(extract):
    out = extract("The Orvo Foundation is pleased to announce that, together with the Holm "
                  "Fund, we will donate 12,000 gowns to Lima.")
    assert out == [(["Orvo Foundation", "Holm Fund"], "protective_suit", 12_000, ["PER"])]
    out = extract("Together with the Holm Fund, the Orvo Foundation will donate 12,000 gowns "
                  "to Lima.")
    assert out[0][0] == ["Orvo Foundation", "Holm Fund"]
    out = extract("In partnership with the Holm Fund, the Orvo Foundation gave 12,000 gowns "
                  "to Lima.")  # the partner helps; the subject gives
    assert out[0][0] == ["Orvo Foundation"]


def test_an_envoy_handing_over_his_governments_gift_gives_as_that_government(extract):
    out = extract("Minister Ana Ruiz received from Norwegian Ambassador Lars Holm the Norwegian "
                  "Government's second donation of 40,000 test kits on Monday.")
    assert [c[0] for c in out] == [["Norwegian Government"]]


def test_givers_described_in_the_plural_then_named_as_examples(extract):
    out = extract("The $2 million was donated by firms and charities, including shipping group "
                  "Orvex and the Holm Fund.")
    assert out == [(["Orvex", "Holm Fund"], "funds", 2_000_000, [])]


def test_a_club_and_its_players_give_as_the_club(extract):
    out = extract("Portuguese side Orvo Desportivo and its players have given 150,000 euros "
                  "to hospitals in Porto.")
    assert out == [(["Orvo Desportivo"], "funds", 150_000, ["PRT"])]
    out = extract("Rugby club Tarsa RFC and its players have given 9,000 masks to Lima.")
    assert out == [(["Tarsa RFC"], "face_mask", 9_000, ["PER"])]


def test_the_owner_of_a_club_named_in_apposition_gives_not_the_club(extract):
    out = extract("The owner of the Lima Hawks, Tom Reyes, and his wife, Ana Reyes, donated "
                  "600 ventilators to Cusco.")
    assert out == [(["Tom Reyes", "Ana Reyes"], "ventilator", 600, ["PER"])]


def test_he_in_a_when_clause_is_the_name_the_sentence_opens_on(extract):
    out = extract("Inspired by his teammate Juan Ortiz, Tom Reyes gave 500 masks to Peru.\n\n"
                  "Ortiz drew applause on Friday when he pledged USD 40,000 to the Peru Relief "
                  "Fund.")
    assert (["Juan Ortiz"], "funds", 40_000, ["PER"]) in out


def test_a_taker_described_before_its_name_is_not_the_second_predicates_giver(extract):
    out = extract("The Holm Fund gave masks to Lima. Rosa Quispe gave 5 million soles to the "
                  "charity Good Hands and donated 2,000 gowns to Cusco.")
    assert (["Rosa Quispe"], "protective_suit", 2_000, ["PER"]) in out
    assert (["Rosa Quispe"], "funds", 5_000_000, ["PER"]) in out


def test_a_second_verb_after_a_named_object_shares_the_first_verbs_subject(extract):
    out = extract("Team-mates Tom Vega and Luis Soto launched a fund named Lima Hope and "
                  "contributed 400,000 euros to it.")
    assert [o[:3] for o in out] == [(["Tom Vega", "Luis Soto"], "funds", 400_000)]
    assert extract("The Holm Fund thanked Tarsa and donated 90 gowns to Cusco.") == [
        (["Holm Fund"], "protective_suit", 90, ["PER"])]


def test_a_leader_thanked_for_announcing_an_amount_gives_for_the_state(extract):
    out = extract("Grateful to President Ana Ruiz of Peru for announcing $ 2.5 million as "
                  "contribution to the Andes Relief Fund.")
    assert out == [(["Peru"], "funds", 2_500_000, ["org:Andes Relief Fund"])]


def test_an_offer_of_an_amount_from_a_country_is_the_country_s(extract):
    out = extract("Ana Ruiz had proposed the fund with a first offer of USD 4 million from "
                  "Peru.")
    assert out == [(["Peru"], "funds", 4_000_000, [])]


def test_the_maker_of_the_goods_is_no_giver(extract):
    out = extract("Peru has sent 300 gowns to Chile. More than 2,500 test kits, developed by "
                  "the Orvo Institute of Virology, have already been sent to Bolivia.")
    assert out == [(["Peru"], "protective_suit", 300, ["CHL"]),
                   (["Peru"], "test_kit", 2_500, ["BOL"])]
    out = extract("The Tarsa Police handed over 900 masks made by the Holm Battalion to the "
                  "clinic in Lima.")
    assert out == [(["Tarsa Police"], "face_mask", 900, ["PER"])]
    out = extract("A contribution of $250,000 was made by the Karoo Trust to Namibia.")
    assert out == [(["Karoo Trust"], "funds", 250_000, ["NAM"])]


def test_a_nation_s_aid_opening_the_sentence_is_that_state_s(extract):
    out = extract("Chinese assistance comprised of 4,000 testing kits and 900 protective suits "
                  "arrived in Peru.")
    assert out == [(["China"], "test_kit", 4_000, ["PER"]),
                   (["China"], "protective_suit", 900, ["PER"])]


def test_a_region_s_adjective_is_no_giver(extract):
    out = extract("Peru is sending 90,000 masks to four European countries, its ministry said."
                  "\n\nChile and Bolivia will each receive 5,000 masks, the ministry said. The "
                  "European shipment will fly via Madrid, and the masks for Chile and Bolivia "
                  "will go by road.")
    assert [d for d, *_ in out if d == ["European"]] == []
    out = extract("Orvan gave 700 gowns to Lima.")
    assert out == [(["Orvan"], "protective_suit", 700, ["PER"])]


def test_a_town_a_full_date_and_an_agency_make_a_dateline(extract):
    out = extract("Lima, 19 April 2020 (Wire) – More than 3,000 masks have arrived for "
                  "hospitals in Peru.")
    assert out == [([], "face_mask", 3_000, ["PER"])]


def test_a_participle_opening_a_quote_is_no_name(extract):
    out = extract('"Motivated by a wish to help the players, each club has committed $2 '
                  'million," Tom Reyes said.')
    assert [d for d, *_ in out if "Motivated" in d] == []
