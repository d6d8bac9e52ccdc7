"""Cities and provinces as givers and receivers, lists by recipient, currency-prefixed names."""

from __future__ import annotations


def test_the_city_of_x_gives(extract):
    out = extract("The city of Chengdu has donated 80,000 masks to its sister city Montpellier.")
    assert out == [(["Chengdu"], "face_mask", 80_000, ["FRA"])]


def test_the_demonym_city_is_the_country(extract):
    out = extract("In March, Lyon had sent the Chinese city 5,000 protective gowns.")
    assert out == [(["Lyon"], "protective_suit", 5_000, ["CHN"])]


def test_a_partner_province_after_from_gives_and_is_no_recipient(extract):
    out = extract("Japan's Shiga prefecture has received 40,000 masks from its partner "
                  "province of Hunan.")
    assert out == [(["Hunan"], "face_mask", 40_000, ["JPN"])]


def test_list_lines_headed_by_a_place_are_recipients(extract):
    text = ("The Government of the Republic of Korea delivered the following assistance:\n"
            "- Ghana: 70,000 masks\n- Togo: 2,000 test kits")
    korea = "Government of the Republic of Korea"
    assert extract(text) == [([korea], "face_mask", 70_000, ["GHA"]),
                             ([korea], "test_kit", 2_000, ["TGO"])]


def test_a_currency_prefix_is_not_a_name(extract):
    out = extract("The donations are paid for by Tencent's US$10 million relief fund, which "
                  "the company set up in March.")
    assert [o[0] for o in out] == [["Tencent"]]


def test_goods_bought_abroad_and_given_away_go_to_the_named_recipient(extract):
    out = extract("Elon Musk said Tesla had bought 600 ventilators in China and would donate "
                  "them to hospitals in Los Angeles.")
    assert out == [(["Tesla"], "ventilator", 600, ["USA"])]


def test_a_donation_still_being_negotiated_is_no_claim(extract):
    assert extract("A donation of 2 million masks from Japan was still being negotiated.") == []


def test_list_lines_with_a_dash_name_their_giver(extract):
    text = ("The following companies have donated to Ghana's health ministry this week:\n"
            "- Corvo – 40,000 surgical masks\n- Brightline – 2,000 face shields")
    assert extract(text) == [(["Corvo"], "face_mask", 40_000, ["GHA"]),
                             (["Brightline"], "face_shield", 2_000, ["GHA"])]


def test_a_league_is_a_body_and_gives_through_its(extract):
    out = extract("The Premier League said its 20 clubs would give £20 million to the NHS.")
    assert out == [(["Premier League"], "funds", 20_000_000, ["GBR"])]


def test_members_of_one_association_stay_one_name(extract):
    out = extract("The hospital received 9,000 N95 respirators from the Korean Students and "
                  "Scholars Association.")
    assert [o[0] for o in out] == [["Korean Students and Scholars Association"]]


def test_counted_countries_named_by_a_restatement_without_the_amount(extract):
    out = extract("Velor said it has sent 80,000 masks to three countries. The firm has sent "
                  "KN95 and surgical masks to Peru, Chile and Bolivia, a blog reported.")
    assert out == [(["Velor"], "face_mask", 80_000, ["PER", "CHL", "BOL"])]


def test_countries_after_namely_or_member_states_are_the_recipients(extract):
    out = extract("The Orla Fund announced gifts to five more countries, namely Nepal, Bhutan, "
                  "Laos, Mongolia and Fiji. The donation includes 1.7 million face masks.")
    assert out == [(["Orla Fund"], "face_mask", 1_700_000, ["NPL", "BTN", "LAO", "MNG", "FJI"])]
    out = extract("Chile also donates 7,000 masks to the EU and to the member states Belgium, "
                  "France and Spain.")
    assert out == [(["Chile"], "face_mask", 7_000, ["region:europe", "BEL", "FRA", "ESP"])]


def test_a_count_with_over_or_more_than_before_the_countries(extract):
    assert extract("The Amara Trust gave 20,000 test kits to over 30 Asian countries.") == [
        (["Amara Trust"], "test_kit", 20_000, ["region:asia"])]
    assert extract("The Amara Trust gave 9,000 gowns to more than 12 African nations.") == [
        (["Amara Trust"], "protective_suit", 9_000, ["region:africa"])]


def test_a_region_then_the_countries_it_will_go_to_keeps_both(extract):
    out = extract("The Lumo Foundation will donate 900,000 masks to Europe, Lumo said on "
                  "Friday. He said that the donations will be made to Greece, Portugal and "
                  "some other hard-hit countries.")
    assert out == [(["Lumo Foundation"], "face_mask", 900_000,
                    ["region:europe", "GRC", "PRT"])]


def test_an_airport_before_and_then_on_to_is_a_stop(extract):
    out = extract("The Varga Trust sent 20,000 masks to Vienna International Airport and "
                  "then on to Budapest.")
    assert out == [(["Varga Trust"], "face_mask", 20_000, ["HUN"])]


def test_member_states_of_a_regional_bloc_are_its_region(extract):
    assert extract("The Lumo Group gave 40 ventilators to ECOWAS member states.") == [
        (["Lumo Group"], "ventilator", 40, ["region:africa"])]
    assert extract("The Lumo Group gave 60 ventilators to SAARC countries.") == [
        (["Lumo Group"], "ventilator", 60, ["region:asia"])]


def test_short_list_lines_are_read(extract):
    text = "Corvo Trust donated the following to Peru:\n\n- 300 gowns\n\n- 5,000 masks"
    assert extract(text) == [(["Corvo Trust"], "protective_suit", 300, ["PER"]),
                             (["Corvo Trust"], "face_mask", 5_000, ["PER"])]
    text = "Corvo Trust's donation to Peru includes:\n\n5,000 masks;\n\n300 gowns."
    assert extract(text) == [(["Corvo Trust"], "face_mask", 5_000, ["PER"]),
                             (["Corvo Trust"], "protective_suit", 300, ["PER"])]


def test_a_count_after_the_goods_counts_them(extract):
    text = "Corvo Trust donated the following items to Peru:\n\nFace masks: 5,000\n\nGowns: 300"
    assert extract(text) == [(["Corvo Trust"], "face_mask", 5_000, ["PER"]),
                             (["Corvo Trust"], "protective_suit", 300, ["PER"])]
    out = extract("Corvo Trust donated supplies to Peru. The supplies consist of face masks "
                  "(5,000), gowns – 300 and thermometers (2020 model).")
    assert out == [(["Corvo Trust"], "face_mask", 5_000, ["PER"]),
                   (["Corvo Trust"], "protective_suit", 300, ["PER"])]


def test_the_southeast_asian_nation_is_the_country_named_before(extract):
    out = extract("Laos has 19 cases. Japan donated 1,000 masks to the Southeast Asian nation.")
    assert out == [(["Japan"], "face_mask", 1_000, ["LAO"])]
    out = extract("Japan donated 1,000 masks to Southeast Asian nations.")
    assert out == [(["Japan"], "face_mask", 1_000, ["region:southeast_asia"])]


def test_the_two_countries_are_the_two_named_last(extract):
    out = extract("Peru and Chile have 300 cases. Japan donated 1,000 masks each to the two "
                  "countries.")
    assert out == [(["Japan"], "face_mask", 2_000, ["PER", "CHL"])]


def test_countries_after_mainly_and_two_demonyms_before_one_noun(extract):
    out = extract("Orvik gave 5,000 masks to Latin America, mainly Peru and Chile.")
    assert out == [(["Orvik"], "face_mask", 5_000, ["region:latin_america", "PER", "CHL"])]
    out = extract("Orvik gave 5,000 masks to the Peruvian and Chilean governments.")
    assert out == [(["Orvik"], "face_mask", 5_000, ["PER", "CHL"])]


def test_a_countrys_response_and_its_families_are_that_country(extract):
    assert extract("Orvik gave $1 million to support Peru's response to the virus.") == [
        (["Orvik"], "funds", 1_000_000, ["PER"])]
    assert extract("Orvik gave $2 million for Chilean families hit by the virus.") == [
        (["Orvik"], "funds", 2_000_000, ["CHL"])]


def test_based_in_after_a_taker_is_where_the_taker_is(extract):
    assert extract("The Corvo Trust donated $2 million to healthcare workers based in "
                   "Syria.") == [(["Corvo Trust"], "funds", 2_000_000, ["SYR"])]
    assert extract("Japan gave 5,000 masks to aid groups who are based in Lebanon.") == [
        (["Japan"], "face_mask", 5_000, ["LBN"])]
    assert extract("Doctors based in Yemen received $3 million from the Corvo Trust.") == [
        (["Corvo Trust"], "funds", 3_000_000, ["YEM"])]
    assert extract("Oxfam, based in Nairobi, sent 400 tents to families in Somalia.") == [
        (["Oxfam"], "other", 400, ["SOM"])]


def test_a_demonym_before_an_institution_names_its_country(extract):
    assert extract("Canada gave $1 million to an Australian institute.") == [
        (["Canada"], "funds", 1_000_000, ["AUS"])]
    assert extract("Norland sent 3,000 test kits to a Nigerian laboratory.") == [
        (["Norland"], "test_kit", 3_000, ["NGA"])]
    assert extract("The Corvo Trust gave 900 tents to Ugandan farmers.")[0][3] == ["UGA"]


def test_a_town_placed_by_its_state_or_country_is_there(extract):
    assert extract("The Rotary Club donated $50,000 to a clinic in Newport Beach, "
                   "California.") == [(["Rotary Club"], "funds", 50_000, ["USA"])]
    assert extract("Norland gave 300 tents to families in Portland, Oregon.")[0][3] == ["USA"]
    assert extract("The Corvo Trust gave 500 ventilators to Perth, Scotland.")[0][3] == ["GBR"]
    assert extract("Japan sent 9,000 masks to hospitals in Quito, Lima and Bogota.")[0][3] == [
        "ECU", "PER", "COL"]


def test_a_body_and_its_description_after_a_comma_are_one_taker(extract):
    assert extract("Norway donated $3 million to Gavi, the Vaccine Alliance.") == [
        (["Norway"], "funds", 3_000_000, ["org:Gavi"])]
    assert extract("Japan gave $5 million to the World Food Programme, the UN Food "
                   "Agency, to buy rice.")[0][3] == ["org:WFP"]
    assert extract("Japan gave $5 million to WHO, the Red Cross and UNICEF.")[0][3] == [
        "org:WHO", "org:Red Cross", "org:UNICEF"]


def test_a_demonym_taker_as_the_subject_of_received_money(extract):
    assert extract("Kenyan farmers received $1 million from Canada.") == [
        (["Canada"], "funds", 1_000_000, ["KEN"])]
    assert extract("The Australian institute has received $1 million from Canada.") == [
        (["Canada"], "funds", 1_000_000, ["AUS"])]
    assert extract("Japan handed over 300 tents to the Nepali army.") == [
        (["Japan"], "other", 300, ["NPL"])]


def test_the_western_balkans_is_a_region_of_its_own(extract):
    out = extract("The EU has earmarked €40 million for the Western Balkans and Moldova.")
    assert out == [(["EU"], "funds", 40_000_000, ["region:western_balkans", "MDA"])]
    from aidledger.parsers.lexicon import region_members
    assert region_members("region:western_balkans") >= {"SRB", "XKX", "ALB"}


def test_vaccine_bodies_are_named_by_their_short_names(extract):
    out = extract("Sweden will give $9 million to the Coalition for Epidemic Preparedness "
                  "Innovations and $4 million to the Global Alliance for Vaccines and "
                  "Immunization.")
    assert [c[3] for c in out] == [["org:CEPI"], ["org:Gavi"]]


def test_lines_under_a_consignment_that_names_no_giver_are_the_gift_told_before(extract):
    text = ("The Corvo Trust has donated a third batch of supplies to Peru.\n\n"
            "The third batch contains:\n\n- 4,000 face masks\n\n- 250 gowns;")
    assert extract(text) == [(["Corvo Trust"], "face_mask", 4_000, ["PER"]),
                             (["Corvo Trust"], "protective_suit", 250, ["PER"])]
    text = "The Corvo Trust held a gala.\n\nThe menu contains:\n\n- 40 cakes\n\n- 250 masks;"
    assert extract(text) == []  # no gift told before: the lines are nobody's donation


def test_a_list_after_the_goods_already_named_is_the_same_gift(extract):
    text = ("Corvo Trust donated 12 ventilators and other supplies to Peru.\n\nBesides the 12 "
            "ventilators, the list includes 700 gowns and 9,000 masks, the trust said.")
    assert extract(text) == [(["Corvo Trust"], "ventilator", 12, ["PER"]),
                             (["Corvo Trust"], "protective_suit", 700, ["PER"]),
                             (["Corvo Trust"], "face_mask", 9_000, ["PER"])]


def test_a_consignment_opened_by_where_it_was_delivered_is_the_gift_told_before(extract):
    out = extract("Peru sent a second batch of aid to Chile. Delivered at Santiago airport, the "
                  "second batch includes 7,000 masks and 300 gowns.")
    assert [c[:3] for c in out] == [(["Peru"], "face_mask", 7_000),
                                    (["Peru"], "protective_suit", 300)]


def test_the_gift_of_goods_as_a_subject_is_the_gift_told_before(extract):
    out = extract("Peru has donated equipment to Chile.\n\nThe humanitarian gift of 6,000 "
                  "coronavirus tests aims to help rural clinics.")
    assert out == [(["Peru"], "test_kit", 6_000, ["CHL"])]


def test_countries_named_after_a_count_join_it_under_a_headline_too(extract):
    text = ("Orvo's gift of 80,000 masks went to four foreign countries.\n\n"
            "The firm said Chile, Peru, Bolivia and Ecuador got its FFP2 masks on May 2.")
    want = [(["Orvo"], "respirator", 80_000, ["CHL", "PER", "BOL", "ECU"])]  # (its masks
    # are the FFP2 ones)
    assert extract(text) == want
    assert extract(text, title="Orvo sends 80,000 masks abroad") == want


def test_the_pacific_island_states_are_a_region(extract):
    assert extract("Norway is giving $3 million to help Pacific island countries test for the "
                   "virus.") == [(["Norway"], "funds", 3_000_000, ["region:pacific"])]


def test_country_names_news_copy_often_misspells(extract):
    out = extract("Orvo will send 900 masks to Nepal, Afganistan and the Phillipines.")
    assert out[0][3] == ["NPL", "AFG", "PHL"]


def test_a_saints_name_abbreviated_stays_in_the_takers_name(extract):
    from aidledger.parsers.claims import extract_claims
    out = extract_claims("Orvo donated $7,000 to St. Clare Children’s Hospital.", None)
    assert [r.name for r in out[0].recipients] == ["St. Clare Children’s Hospital"]


def test_a_saints_name_is_no_town_of_a_far_country(extract):
    out = extract("The consulate donated 700 N95 masks to St. Paul’s Hospital in Vancouver.")
    assert out[0][3] == ["CAN"]
    from aidledger.parsers.lexicon import find_places
    assert [p.text for p in find_places("Gloves went to St. George and to Grenada.")] == [
        "Grenada"]


def test_the_commonwealth_of_independent_states_is_a_region_not_a_town(extract):
    out = extract("Russia has sent 2,500 test kits to the Commonwealth of Independent States "
                  "(CIS).")
    assert out == [(["Russia"], "test_kit", 2_500, ["region:cis"])]
    out = extract("The EU gave €90 million to its Eastern Partnership countries.")
    assert out == [(["EU"], "funds", 90_000_000, ["region:eastern_partnership"])]


def test_a_disease_named_near_the_goods_is_no_giver(extract):
    out = extract("Two labs and 8,000 tests for diseases including Ebola will be sent to "
                  "Chile.")
    assert out == [([], "test_kit", 8_000, ["CHL"])]


def test_the_gaza_strip_is_palestine(extract):
    out = extract("Qatar sent 40 ventilators to the Gaza Strip.")
    assert out == [(["Qatar"], "ventilator", 40, ["PSE"])]
