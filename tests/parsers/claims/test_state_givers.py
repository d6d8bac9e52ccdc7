"""States that give through their officials, capitals and references."""

from __future__ import annotations

from aidledger.parsers.claim_givers import country_of


def test_an_official_introduced_with_a_state_office_gives_as_the_state(extract):
    text = ("Kenya will send aid to Uganda, officials said. Kenya and Uganda are close "
            "partners. Minister of Health Mary Otieno on Monday delivered 30,000 masks to "
            "Uganda.")
    assert extract(text)[-1] == (["Kenya"], "face_mask", 30_000, ["UGA"])


def test_an_office_in_an_aside_names_its_country(extract):
    out = extract("Ivo Brandt, Prime Minister of the Kingdom of Norway, announced he would "
                  "donate 20,000 gowns to Laos.")
    assert out == [(["Kingdom of Norway"], "protective_suit", 20_000, ["LAO"])]


def test_a_foreign_minister_named_by_surname_later(extract):
    out = extract("Japanese Foreign Minister Taro Kono spoke on Tuesday. Kono noted that the "
                  "money would be earmarked from the 9 billion yen fund for Iran.")
    assert out == [(["Japan"], "funds", 9_000_000_000, ["IRN"])]


def test_a_company_president_stays_a_person(extract):
    out = extract("Orvan President Lena Varga donated 5,000 masks to Kenya.")
    assert out[0][0] != ["Kenya"] and "Lena Varga" in out[0][0][0] or out[0][0] == ["Orvan"]


def test_an_envoy_opening_the_sentence_gives_for_the_state(extract):
    out = extract("Chinese Ambassador to Peru Liang Yu handed over 10,000 test kits to "
                  "Peruvian Health Minister Ana Ruiz in Lima.")
    assert out == [(["China"], "test_kit", 10_000, ["PER"])]


def test_a_capital_or_country_right_before_the_verb_is_the_subject(extract):
    assert extract("The shipment was announced days after Beijing donated 2,000 test kits "
                   "to Manila.") == [(["China"], "test_kit", 2_000, ["PHL"])]
    assert extract("The ministry said that in ten days Norway has urgently provided 170 "
                   "ventilators to Serbia.") == [(["Norway"], "ventilator", 170, ["SRB"])]


def test_the_kingdom_is_the_country_the_article_is_about(extract):
    out = extract("Cambodia will donate masks to Timor-Leste. The Kingdom on Monday also "
                  "donated two million masks to Laos.")
    assert out[-1] == (["Cambodia"], "face_mask", 2_000_000, ["LAO"])


def test_a_head_of_state_with_a_patronymic_gives_as_the_state(extract):
    out = extract("Qatar and Italy are friends. His Highness the Amir Sheikh Tamim bin Hamad "
                  "al-Thani has directed sending 2 field hospitals to Italy.")
    assert out[0][0] == ["Qatar"]


def test_a_company_owned_by_a_place_after_by_gives(extract):
    out = extract("A batch of supplies donated by China's Fosun Group, including 1 million "
                  "masks, arrived in Lisbon from China, according to a release by the company.")
    assert out == [(["Fosun Group"], "face_mask", 1_000_000, ["PRT"])]


def test_the_nations_donation_is_the_latest_country_that_gave(extract):
    out = extract("Peru will receive 300,000 masks from Taiwan, officials said. The masks "
                  "are part of the nation's donation of 6 million masks, with the rest going "
                  "to the US.")
    assert (["Taiwan"], "face_mask", 6_000_000, ["USA"]) in out


def test_someone_met_with_is_not_the_giver(extract):
    out = extract("Professor Kim Bae met with Myanmar Ambassador U Thant Sin and donated "
                  "10,000 masks to Myanmar.")
    assert out[0][0] == ["Kim Bae"]


def test_a_giver_is_carried_past_its_own_country_among_other_recipients(extract):
    out = extract("India sent 10 tonnes of medicines to Nepal. Nepal got 825,000 tablets "
                  "of paracetamol from India's stock and Nepal's own.")
    assert all(o[0] == ["India"] for o in out)


def test_an_envoy_in_an_aside_gives_for_the_state(extract):
    out = extract("On Monday, His Excellency Tomas Reyes, Chilean Ambassador to Fiji, donated "
                  "8,000 gloves to the Colonial War Memorial Hospital in Fiji.")
    assert [o[0] for o in out] == [["Chile"]]


def test_an_aside_that_is_no_envoy_leaves_the_person(extract):
    out = extract("Tomas Reyes, a Chilean businessman in Fiji, donated 8,000 gloves to Fiji.")
    assert [o[0] for o in out] == [["Tomas Reyes"]]


def test_a_country_after_a_promise_is_its_object_not_the_giver(extract):
    out = extract("According to the ministry, Chile has promised Peru to supply another 180 "
                  "ventilators to Peru.")
    assert out == [(["Chile"], "ventilator", 180, ["PER"])]


def test_a_source_before_a_comma_is_not_the_city_of_a_country_giver(extract):
    out = extract("According to the website of ANDR, Chile has donated 300 ventilators to Peru.")
    assert out == [(["Chile"], "ventilator", 300, ["PER"])]


def test_goods_an_embassy_hands_over_from_a_foundation_are_the_foundations(extract):
    out = extract("The Chilean Embassy in Lima also turned over two ventilators from the Rosa "
                  "Ines Foundation, a charity based in Chile, to Peru.")
    assert out == [(["Rosa Ines Foundation"], "ventilator", 2, ["PER"])]


def test_a_government_in_a_fronted_help_phrase_is_not_the_giver(extract):
    out = extract("With the help of the Chilean embassy, the Kestrel Trading Corp. Ltd donated "
                  "10,000 masks to the Peruvian health ministry.")
    assert out == [(["Kestrel Trading Corp. Ltd"], "face_mask", 10_000, ["PER"])]


def test_it_after_the_government_announced_is_the_state(extract):
    out = extract("Chile will send 2 million masks to Peru, the Ministry of Foreign Affairs said. "
                  "It follows a week after the government announced that it would donate 1 "
                  "million masks to Bolivia, the ministry said.")
    assert (["Chile"], "face_mask", 1_000_000, ["BOL"]) in out


def test_its_with_no_body_named_before_is_the_country_named_before(extract):
    out = extract("Since the spring, Chile has been sending supplies abroad. Its relief efforts "
                  "have included a $3 million donation to the World Health Organization.")
    assert out == [(["Chile"], "funds", 3_000_000, ["org:WHO"])]


def test_they_with_no_body_named_before_is_the_state_named_before(extract):
    out = extract("Chile handed 4,000 gowns to Peru on Monday. They also donated 12 ventilators.")
    assert out == [(["Chile"], "protective_suit", 4_000, ["PER"]),
                   (["Chile"], "ventilator", 12, ["PER"])]


def test_an_acting_ambassador_gives_as_the_state(extract):
    text = ("Norway's Acting Ambassador to Mali Ida Lund handed over the consignment to the "
            "health minister. The consignment includes 8,000 gowns.")
    assert extract(text) == [(["Norway"], "protective_suit", 8_000, ["MLI"])]


def test_goods_sent_by_a_government_after_a_carrying_plane_are_its_gift(extract):
    text = ("The National Relief Agency (NRA) on Monday informed that the first aircraft "
            "carrying 300,000 masks including FFP2 sent by the Danish government has reached "
            "Mali.")
    assert extract(text) == [(["Danish government"], "face_mask", 300_000, ["MLI"])]


def test_a_places_own_province_or_city_opening_the_clause_gives(extract):
    assert extract("Japan's Osaka donated 2,000 gowns to Peru.") == [
        (["Osaka"], "protective_suit", 2_000, ["PER"])]
    assert extract("Earlier China's Hunan sent 4,000 masks to Laos.") == [
        (["Hunan"], "face_mask", 4_000, ["LAO"])]


def test_an_opening_word_is_no_part_of_a_possessive_owner(extract):
    assert extract("Earlier Korea's Samsung sent 900 gowns to Chile.") == [
        (["Samsung"], "protective_suit", 900, ["CHL"])]


def test_a_countrys_abbreviation_without_its_last_dot_or_as_rok_is_kept_as_written(extract):
    out = extract("The United States stands with Fiji. The U.S has provided Fiji with over "
                  "300 coveralls.")
    assert out == [(["U.S"], "protective_suit", 300, ["FJI"])]
    assert country_of("U.S") == "USA"
    out = extract("The Republic of Korea stands with Peru. The ROK government has decided to "
                  "provide 9,000 masks to Peru.")
    assert out == [(["ROK government"], "face_mask", 9_000, ["PER"])]
    assert country_of("ROK government") == "KOR"


def test_a_country_after_a_preposition_before_a_giving_city_is_no_co_giver(extract):
    out = extract("On March 2, when the virus was sweeping across China, Sapporo donated "
                  "3,000 masks to Wuhan.")
    assert [c[0] for c in out] == [["Sapporo"]]


def test_the_ambassador_of_a_country_gives_as_the_country(extract):
    out = extract("The Ambassador of Norway to Kenya, Anna Berg, handed over 5,000 masks to "
                  "the Kenya Red Cross.")
    assert [c[0] for c in out] == [["Norway"]]


def test_a_high_commissioner_read_with_his_title_gives_for_the_state(extract):
    out = extract("Indian High Commissioner in Nepal Asha Verma handed over the supplies, "
                  "consisting of 30,000 surgical gloves, to the Bir Hospital on Sunday.")
    assert [c[0] for c in out] == [["India"]]
    out = extract("Indian High Commissioner Asha Verma handed over 30,000 surgical gloves to "
                  "the Bir Hospital on Sunday.")
    assert [c[0] for c in out] == [["India"]]


def test_goods_an_envoy_hands_over_that_another_donated_are_that_givers(extract):
    out = extract("On Friday the Chinese Ambassador in Colombo handed over 60,000 masks donated "
                  "by online retailer Orvana to Sri Lanka.")
    assert [c[0] for c in out] == [["Orvana"]]
    out = extract("Norwegian Ambassador Per Lund handed over 300 ventilators donated by the "
                  "Kestrel Foundation to the Health Ministry.")
    assert [c[0] for c in out] == [["Kestrel Foundation"]]
    out = extract("The Chinese Ambassador handed over 60,000 masks to Sri Lanka.")
    assert [c[0] for c in out] == [["China"]]


def test_an_office_read_alone_as_the_giver_is_its_body_or_no_giver(extract):
    """ "Acting Principal Secretary in the Ministry of Trade Ambassador Ana Ruiz delivered": the
    ministry gives; an office with no body and no holder named is no giver."""
    out = extract("The Ministry of Trade gave gear to the Ministry of Health. Acting Principal "
                  "Secretary in the Ministry of Trade Ambassador Ana Ruiz delivered the supplies. "
                  "The supplies included 3,000 gowns.")
    assert [o[0] for o in out if o[2]] == [["Ministry of Trade"]]
    from aidledger.parsers.claim_officials import office_givers
    assert office_givers(["Commissioner for Crisis Management", "Orvo"], "...") == ["Orvo"]
    assert office_givers(["Ana Ruiz"], "...") == ["Ana Ruiz"]


def test_a_state_giving_through_its_bodies_is_the_giver(extract):
    out = extract("The Government of Iceland through the Ministry of Foreign Affairs and the "
                  "Icelandic Relief Agency will provide Malawi with $3 million.")
    assert [c[0] for c in out] == [["Government of Iceland"]]


def test_a_monarch_after_his_state_gives_for_the_state(extract):
    out = extract("The WHO thanked Bahrain's King Hamad for donating $7 million to its appeal.")
    assert [c[0] for c in out] == [["Bahrain"]]


def test_a_charge_daffaires_at_an_embassy_gives_for_its_state(extract):
    out = extract("A gift from Oman reached Tirana on Tuesday.\n\nKhalid Al-Harthy, Chargé "
                  "d’Affaires at the Embassy of Oman in Tirana, has handed over 40,000 masks.")
    assert out == [(["Oman"], "face_mask", 40_000, ["ALB"])]


def test_a_region_named_in_an_office_is_no_taker(extract):
    out = extract("Kuwait handed 9,000 masks to Vlora Dema, the Deputy Prime Minister for "
                  "European Affairs of Albania.")
    assert out and all("region:europe" not in c[3] for c in out)


def test_an_envoy_by_title_and_mission_after_from_gives_for_the_state(extract):
    out = extract("Health Minister Ana Ruiz received 4,000 gowns from Charge d'affaires of the "
                  "Uruguayan Embassy Marta Lens.")
    assert out[0][:3] == (["Uruguay"], "protective_suit", 4_000)


def test_the_central_or_union_government_is_the_articles_state(extract):
    out = extract("Uruguay has helped its neighbours.\n\nThe Central government sent 9,000 "
                  "gowns to Paraguay.")
    assert out == [(["Uruguay"], "protective_suit", 9_000, ["PRY"])]


def test_a_country_after_a_fronted_phrase_ending_in_another_country_gives(extract):
    out = extract("Besides the gift to Chile, Norway this week has donated 3 million "
                  "masks to Peru.")
    assert out == [(["Norway"], "face_mask", 3_000_000, ["PER"])]


def test_a_body_seated_in_a_named_province_gives_not_the_province(extract):
    out = extract("The Holm Foundation in Peru's Cusco Province has donated 800 masks to Chile.")
    assert out == [(["Holm Foundation"], "face_mask", 800, ["CHL"])]
    out = extract("Peru's Cusco Province donated 800 masks to Chile.")
    assert out[0][0] == ["Cusco Province"]


def test_a_sister_city_opening_the_sentence_gives(extract):
    assert extract("Sister city Tacna donated 30,000 masks to Lima.") == [
        (["Tacna"], "face_mask", 30_000, ["PER"])]


def test_a_partner_city_a_town_received_from_gives_and_its_description_takes_nothing(extract):
    out = extract("Peru's town of Kelca got word on Monday that it has received 9,000 masks "
                  "from Tacna, its Chilean partner city.")
    assert out == [(["Tacna"], "face_mask", 9_000, ["PER"])]


def test_an_official_whose_office_follows_in_lower_case_gives_as_the_state(extract):
    assert extract("Luis Vega, a Peruvian minister, gave 500 masks to Chile.") == [
        (["Peru"], "face_mask", 500, ["CHL"])]
    text = ("Peru on Monday donated over 900,000 masks to Chile.\n\nLuis Vega, a minister in "
            "the prime minister's office, flew the donation to Santiago.\n\nAn official said "
            "the donation included 900,000 face masks and 4,000 goggles.")
    assert extract(text) == [(["Peru"], "face_mask", 900_000, ["CHL"]),
                             (["Peru"], "goggles", 4_000, ["CHL"])]
    assert extract("Tom Reyes, the club's minister of fun, gave 500 masks to Chile.") == [
        (["Tom Reyes"], "face_mask", 500, ["CHL"])]


def test_a_consulate_general_keeps_its_whole_title_and_its_seat(extract):
    out = extract("The Peruvian Consulate General in Santiago donated 8,000 masks to clinics in "
                  "Chile.")
    assert out == [(["Peruvian Consulate General in Santiago"], "face_mask", 8_000, ["CHL"])]
    out = extract("The Peruvian Consulate General donated 8,000 masks to clinics in Chile.")
    assert out == [(["Peruvian Consulate General"], "face_mask", 8_000, ["CHL"])]


def test_an_envoy_handing_over_goods_a_body_donated_hands_over_the_body_s_gift(extract):
    out = extract("Peru has received protective equipment worth about $900,000 donated by the "
                  "Orvo Charity Foundation.\n\nChinese Ambassador to Peru, Tan Wei handed over "
                  "the medical equipment to the Minister of Health on Thursday, including 70,000 "
                  "testing kits.")
    assert out == [(["Orvo Charity Foundation"], "test_kit", 70_000, ["PER"])]
