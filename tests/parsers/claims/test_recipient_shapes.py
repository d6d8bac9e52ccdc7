"""Who takes goods: a state body's country, the countries named after a count of them, and
places that belong to the giver or a funder rather than the taker."""

from __future__ import annotations

from aidledger.parsers.claims import extract_claims


def test_a_health_ministry_named_without_its_country_gets_the_articles(extract):
    out = extract("Velta Mining handed 3,000 gloves to the Health Ministry on Friday. The firm "
                  "has run copper mines across Tanzania since 1998.")
    assert (["Velta Mining"], "gloves", 3_000, ["TZA"]) in out


def test_the_counted_countries_named_next_with_a_date_in_the_sentence(extract):
    out = extract("Norvik Phones has sent 40,000 masks to three foreign countries. The company "
                  "said it shipped the masks to Peru, Chile and Ecuador on April 2.")
    assert (["Norvik Phones"], "face_mask", 40_000, ["PER", "CHL", "ECU"]) in out


def test_the_givers_own_city_after_by_the_government_of(extract):
    out = extract("Kolding Trading said 2,500 masks donated by the municipal government of "
                  "Chengdu to Lyon arrived on Friday.")
    assert all(c[3] == ["FRA"] for c in out if c[2] == 2_500)


def test_a_place_among_the_givers_after_from(extract):
    out = extract("Zambia received 60,000 masks on Monday from three Turkish firms and the "
                  "Izmir city council.")
    assert [c[3] for c in out if c[2] == 60_000] == [["ZMB"]]


def test_a_funders_country_is_no_taker(extract):
    out = extract("UNICEF delivered 15 ventilators to Laos, funded through a grant from the "
                  "Government of Korea. Meanwhile, Tovo Health will provide 30 ventilators to "
                  "Bolivia supported through a partnership with the Government of Norway.")
    assert (["UNICEF"], "ventilator", 15, ["LAO"]) in out
    assert (["Tovo Health"], "ventilator", 30, ["BOL"]) in out



def test_goods_sent_around_the_world_do_not_take_the_headlines_recipient(extract):
    out = extract("Pelor Aid Norway has given 9,000 gowns to the Norwegian health ministry. Since "
                  "January, Pelor Aid has shipped 70,000 gloves to countries across the globe.",
                  title="Pelor Aid Norway donates 9,000 gowns to Norway")
    assert (["Pelor Aid Norway"], "gloves", 70_000, []) in out


def test_an_agency_with_its_acronym_in_a_country_is_the_agency_alone(extract):
    out = extract("Kestrel Bank has donated 12,000 gloves to the World Health Organization (WHO) "
                  "in Peru.")
    assert out == [(["Kestrel Bank"], "gloves", 12_000, ["org:WHO"])]


def test_takers_after_some_in_a_list_and_goods_they_lack(extract):
    out = extract("A total of two million masks will be sent by the Orvan Group to EU member states, some "
                  "U.S. states in dire need of protective gowns, and several Caribbean "
                  "countries.")
    assert [sorted(c[3]) for c in out if c[2] == 2_000_000] == [
        ["USA", "region:europe", "region:latin_america"]]


def test_the_scene_is_the_taker_when_the_sentence_names_no_other(extract):
    out = extract("Across Ghana, Velto Telecom distributed 8,000 masks, the firm said. In Asia, "
                  "Velto gave 50 ventilators to Laos.")
    assert (["Velto Telecom"], "face_mask", 8_000, ["GHA"]) in out
    assert (["Velto Telecom"], "ventilator", 50, ["LAO"]) in out


def test_a_regional_centre_is_a_body_of_its_own(extract):
    out = extract("Norway has handed over 60,000 masks to Africa Centres for Disease Control "
                  "and Prevention.")
    assert out == [(["Norway"], "face_mask", 60_000,
                    ["org:Africa CDC"])]  # its common short name, as WHO for the full one


def test_state_bodies_named_by_their_field_get_the_articles_country(extract):
    out = extract("Flooding has hit Zambia hard. Velta Mining sent 900 gowns to the Health "
                  "Department, 400 goggles to the Civil Protection and 60 tents to the Army. "
                  "Velta Mining also gave 300 gloves to the Salvation Army.")
    assert (["Velta Mining"], "protective_suit", 900, ["ZMB"]) in out
    assert (["Velta Mining"], "goggles", 400, ["ZMB"]) in out
    assert (["Velta Mining"], "other", 60, ["ZMB"]) in out
    assert (["Velta Mining"], "gloves", 300, ["ZMB"]) in out  # a charity: the country too


def test_an_envoy_of_one_country_to_another_takes_for_the_first(extract):
    out = extract("Kestrel Bank handed over 7,000 masks to the Ambassador of Chile to Japan, "
                  "Rosa Medel.")
    assert out == [(["Kestrel Bank"], "face_mask", 7_000, ["CHL"])]


def test_the_nations_of_a_region_named_one_by_one(extract):
    """The region with its named examples, as for any region."""
    out = extract("Kestrel Bank gave 8,000 masks to the Pacific island nations of Fiji and "
                  "Samoa.")
    assert [sorted(c[3]) for c in out] == [["FJI", "WSM", "region:pacific"]]


def test_two_bodies_of_two_countries_and_a_taker_after_as_well_as(extract):
    out = extract("Kestrel Bank gave 4,000 gowns to Ghana's Ministry of Health and Togo's Red "
                  "Cross. Lumo Foods sent 900 masks to Benin, as well as Niger.")
    assert (["Kestrel Bank"], "protective_suit", 4_000, ["GHA", "TGO"]) in out
    assert (["Lumo Foods"], "face_mask", 900, ["BEN", "NER"]) in out


def test_the_setting_an_earlier_gift_and_a_later_one_name_no_taker(extract):
    for tail in (", following an earlier gift to Mali.", " amid a surge of cases in Mali.",
                 " as infections rose in Mali.", " and will soon send more to Mali."):
        out = extract("Lumo Foods donated 6,500 masks to Senegal" + tail)
        assert [c[3] for c in out if c[2] == 6_500] == [["SEN"]], tail


def test_a_blocs_member_states_are_its_region(extract):
    out = extract("Kestrel Bank gave 9,000 masks to African Union member states and 2,000 "
                  "gowns to the Gulf Cooperation Council countries.")
    assert (["Kestrel Bank"], "face_mask", 9_000, ["region:africa"]) in out
    assert (["Kestrel Bank"], "protective_suit", 2_000, ["region:middle_east"]) in out


def test_a_demonym_before_government_names_the_articles_country(extract):
    out = extract("The Malian government thanked its donors on Friday. Lumo Foods gave 7,200 "
                  "masks and Kestrel Bank 300 gowns.")
    assert (["Lumo Foods"], "face_mask", 7_200, ["MLI"]) in out


def test_international_bodies_the_name_rules_miss_keep_no_country(extract):
    out = extract("Lumo Foods gave 2,000 gowns to Doctors Without Borders, 800 masks to Save "
                  "the Children and 300 goggles to the Pan American Health Organization.")
    assert (["Lumo Foods"], "protective_suit", 2_000, ["org:Doctors Without Borders"]) in out
    assert (["Lumo Foods"], "face_mask", 800, ["org:Save the Children"]) in out
    assert (["Lumo Foods"], "goggles", 300, ["org:PAHO"]) in out


def test_the_way_goods_go_through_is_no_taker(extract):
    out = extract("Lumo Foods donated 1,400 masks to Gabon through its subsidiary in Cameroon.")
    assert out == [(["Lumo Foods"], "face_mask", 1_400, ["GAB"])]


def test_a_gift_told_after_said_keeps_its_taker(extract):
    out = extract("The total doubles the figure given in May, when the chief said Lumo Foods "
                  "would donate 40,000 masks to nurses in Portugal.")
    assert [c[3] for c in out if c[2] == 40_000] == [["PRT"]]


def test_un_agencies_and_red_cross_bodies_written_out_give_their_acronyms(extract):
    out = extract("Norway will give $3 million to the Pan-American Health Organization, the "
                  "United Nations High Commissioner for Refugees and the International "
                  "Federation of Red Cross and Red Crescent Societies.")
    assert out == [(["Norway"], "funds", 3_000_000, ["org:PAHO", "org:UNHCR", "org:IFRC"])]


def test_countries_listed_as_where_goods_were_ordered_from_are_origins(extract):
    out = extract("Orbis Foundation said it sent 1,500 ventilators to Fiji, ordered from several "
                  "countries, namely Chile, the Philippines and Peru.")
    assert out == [(["Orbis Foundation"], "ventilator", 1_500, ["FJI"])]


def test_the_country_after_a_bodys_seat_is_its_seat_too(extract):
    out = extract("Ghana received 2,000 testing kits from Orbis Foundation, a charity based in "
                  "Lyon, France.")
    assert out == [(["Orbis Foundation"], "test_kit", 2_000, ["GHA"])]
    out = extract("Kolding gave 300 masks to doctors based in Aleppo, Syria.")
    assert out == [(["Kolding"], "face_mask", 300, ["SYR"])]


def test_a_body_written_with_its_possessive_after_support_takes(extract):
    out = extract("Norway has donated $8 million to support UNICEF's work against the virus.")
    assert out == [(["Norway"], "funds", 8_000_000, ["org:UNICEF"])]


def test_where_the_taking_body_works_is_no_second_taker(extract):
    assert [r for *_, r in extract(
        "Norway has donated $8 million to support UNICEF's work to tackle the pandemic in the "
        "Americas.")] == [["org:UNICEF"]]
    assert [r for *_, r in extract(
        "Norway donated $7 million to UNICEF, in support of its work to address the virus in "
        "Caribbean and Latin American countries.")] == [["org:UNICEF"]]
    assert [r for *_, r in extract(
        "Norway committed $1.2 million to support the World Food Programme's ongoing efforts "
        "against the virus in six Caribbean countries.")] == [["org:WFP"]]
    assert [r for *_, r in extract("Norway gave $2 million to UNICEF and Peru.")] == [
        ["org:UNICEF", "PER"]]


def test_the_subject_of_a_giving_verb_in_the_passive_takes(extract):
    out = extract("Peru, Chile and Ecuador were then handed over a gift of 90,000 masks in "
                  "total from Norway.")
    assert out == [(["Norway"], "face_mask", 90_000, ["PER", "CHL", "ECU"])]
    out = extract("Peru was given 300 ventilators by Norway.")
    assert out == [(["Norway"], "ventilator", 300, ["PER"])]
    out = extract("The masks donated by Norway were handed over to Peru, 5,000 in all.")
    assert [r for *_, r in out] == [["PER"]]


def test_a_us_state_named_like_a_district_abroad_is_the_state(extract):
    out = extract("Orbis Foundation gave 500 masks to hospitals in Maryland and 300 gowns to a "
                  "clinic in Montana.")
    assert [r for *_, r in out] == [["USA"], ["USA"]]


def test_in_support_of_names_the_taker(extract):
    out = extract("Orbis has announced a commitment of $12.5 million in support of U.S. relief "
                  "efforts.")
    assert out == [(["Orbis"], "funds", 12_500_000, ["USA"])]
    out = extract("Orbis gave 500 masks to Peru with the support of Japan.")
    assert out == [(["Orbis"], "face_mask", 500, ["PER"])]


def test_the_form_of_the_gift_after_an_amount_is_no_body_in_a_title_cased_headline(extract):
    assert extract("Norway Is Sending 20 Million Kroner in Emergency Aid to Hospitals in "
                   "Armenia") == [(["Norway"], "funds", 20_000_000, ["ARM"])]
    assert extract("Norway Sends $5 Million in Humanitarian Assistance to Armenia") == [
        (["Norway"], "funds", 5_000_000, ["ARM"])]


def test_a_home_country_of_a_place_names_that_place(extract):
    out = extract("Tennis star Ana Novak and coach Marc Bauer have pledged €500,000 each to "
                  "hospitals in Italy and Novak's home country of Serbia.")
    assert out == [(["Ana Novak"], "funds", 500_000, ["ITA", "SRB"]),
                   (["Marc Bauer"], "funds", 500_000, ["ITA", "SRB"])]


def test_people_of_one_country_living_in_others_go_to_where_they_live(extract):
    out = extract("Denmark will give 12 million euros to Afghan refugees in Iran and Pakistan.")
    assert out == [(["Denmark"], "funds", 12_000_000, ["IRN", "PAK"])]


def test_a_somali_body_is_somalias(extract):
    out = extract("Norway pledged 3 million dollars to Somali refugees hosted in Kenya. Oslo "
                  "also sent 200 ventilators to the Somali government.")
    assert (["Norway"], "funds", 3_000_000, ["KEN"]) in out
    assert any(c[2] == 200 and c[3] == ["SOM"] for c in out)


def test_metro_before_a_city_is_part_of_its_name_and_new_england_is_american(extract):
    out = extract("Ardent Telecom gave 6,000 masks to hospitals in Metro Manila. Vessa Labs "
                  "donated 900 gowns to Care New England Health System.")
    assert (["Ardent Telecom"], "face_mask", 6_000, ["PHL"]) in out
    assert all("GBR" not in c[3] for c in out)


def test_handles_of_international_bodies_are_those_bodies(extract):
    """A quoted tweet names its takers by handle: a handle spelling a known body is that body
    (case and underscores aside); the evidence keeps the handles as written."""
    text = ("Our next gift of 90,000 masks will go to @_africanunion and @AfricaCDC.\n"
            "Orvan will send 4,000 gowns to @WHO. Mail orders to help@who.example or @tarnhelp.")
    assert extract(text, publisher="Orvan") == [
        (["Orvan"], "face_mask", 90_000, ["org:African Union", "org:Africa CDC"]),
        (["Orvan"], "protective_suit", 4_000, ["org:WHO"])]
    first, second = extract_claims(text, publisher="Orvan")
    assert first.evidence["sentence"] == text.splitlines()[0]
    assert second.evidence["sentence"] == "Orvan will send 4,000 gowns to @WHO."


def test_an_envoy_who_takes_takes_for_the_state_that_sent_them(extract):
    out = extract("Harlow Textiles handed over 8,000 masks to the Canadian Ambassador to Chile.")
    assert out == [(["Harlow Textiles"], "face_mask", 8_000, ["CAN"])]
    out = extract("The Orvana Foundation gave 900 test kits to Swedish Envoy Lena Berg.")
    assert out == [(["Orvana Foundation"], "test_kit", 900, ["SWE"])]


def test_the_countries_a_count_stood_for_are_named_where_their_envoys_met(extract):
    out = extract("Norway gave 90,000 masks to three Asian countries on Monday. The masks were "
                  "passed to the ambassadors of Laos, Nepal and Bhutan in Oslo.")
    assert out == [(["Norway"], "face_mask", 90_000, ["region:asia", "LAO", "NPL", "BTN"])]


def test_kosovo_is_a_country_with_its_common_code(extract):
    from aidledger.parsers.lexicon import country_name
    out = extract("Sweden has earmarked €6 million for Kosovo.")
    assert out == [(["Sweden"], "funds", 6_000_000, ["XKX"])] and country_name("XKX") == "Kosovo"


def test_a_region_in_apposition_to_the_countries_named_adds_no_taker(extract):
    out = extract("Austria on Monday sent 8,000 gowns to Greece and Malta, the European "
                  "countries worst hit by the virus.")
    assert out == [(["Austria"], "protective_suit", 8_000, ["GRC", "MLT"])]


def test_the_countries_a_count_stood_for_reach_the_sentence_that_went_on_with_it(extract):
    out = extract("Morocco began shipment of 3 million masks to help 3 African countries. The "
                  "gift also includes 9,000 gowns. It will be flown to Mali, Chad and "
                  "Niger, the ministry said.")
    takers = ["region:africa", "MLI", "TCD", "NER"]
    assert out == [(["Morocco"], "face_mask", 3_000_000, takers),
                   (["Morocco"], "protective_suit", 9_000, takers)]


def test_the_africa_cdc_in_american_spelling_is_the_african_body(extract):
    out = extract("Norway's gift of 9,000 test kits went to the Africa Centers for Disease "
                  "Control and Prevention.")
    assert out == [(["Norway"], "test_kit", 9_000, ["org:Africa CDC"])]


def test_a_blocs_member_state_that_receives_is_the_blocs_region(extract):
    out = extract("Every African Union member state got 3,000 test kits from Orvana.")
    assert out == [(["Orvana"], "test_kit", 3_000, ["region:africa"])]


def test_a_givers_earlier_recipients_are_not_the_new_gifts(extract):
    out = extract("The Quell Foundation will donate 8,000 masks to Peru.\n\nIts earlier "
                  "donation recipients included Chile and Bolivia.")
    assert out == [(["Quell Foundation"], "face_mask", 8_000, ["PER"])]


def test_each_of_a_regions_countries_is_the_region(extract):
    out = extract("The Karoo Trust will send 5,000 test kits to each of Africa's 54 countries.")
    assert out == [(["Karoo Trust"], "test_kit", 270_000, ["region:africa"])]
    out = extract("Each of Africa's 54 countries would receive 5,000 test kits from the "
                  "Karoo Trust.")
    assert out == [(["Karoo Trust"], "test_kit", 270_000, ["region:africa"])]


def test_all_of_a_regions_hospitals_is_the_region(extract):
    out = extract("The Karoo Trust will send 5,000 gowns to all of Europe's hospitals.")
    assert out == [(["Karoo Trust"], "protective_suit", 5_000, ["region:europe"])]


def test_where_goods_for_a_region_landed_is_no_taker(extract):
    out = extract("9,000 gowns given by the Karoo Trust to 54 African countries arrived on "
                  "Sunday in Addis Ababa.")
    assert out == [(["Karoo Trust"], "protective_suit", 9_000, ["region:africa"])]
    out = extract("The Karoo Trust gave 9,000 gowns to Kenya, which arrived in Nairobi.")
    assert out == [(["Karoo Trust"], "protective_suit", 9_000, ["KEN"])]


def test_a_rank_before_a_name_does_not_end_the_sentence(extract):
    from aidledger.parsers.sentences import split_sentences
    text = ("The gift, handed by Ambassador Ana Ruiz to Lt. Col. Tom Reyes, included 900 "
            "gowns. It came by sea.")
    assert len(list(split_sentences(text))) == 2
    out = extract("Fiji received a batch of supplies from the Karoo Trust. The gift, handed over "
                  "to Hon. Minister Tom Reyes and Lt. Col. Ana Ruiz, included 900 gowns.")
    assert out == [(["Karoo Trust"], "protective_suit", 900, ["FJI"])]


def test_a_regions_ally_that_received_is_the_country_named_before(extract):
    text = ("Namibian President Hage Geingob thanked donors on Monday. Its leader said the "
            "African ally had received 18,000 masks from Taiwan.")
    assert extract(text) == [(["Taiwan"], "face_mask", 18_000, ["NAM"])]
    assert extract("Taiwan gave 18,000 masks to its African allies.") == [
        (["Taiwan"], "face_mask", 18_000, ["region:africa"])]


def test_a_town_the_goods_arrived_in_after_their_giver_still_takes(extract):
    out = extract("Namibia received 900 masks from the Karoo Trust which arrived in Windhoek.")
    assert out == [(["Karoo Trust"], "face_mask", 900, ["NAM"])]


def test_a_sister_city_named_by_its_countrys_demonym_takes_that_country(extract):
    out = extract("Orvo sent 9,000 masks to Kestrelby, its Norwegian sister city.")
    assert out == [(["Orvo"], "face_mask", 9_000, ["NOR"])]


def test_it_that_a_giver_will_give_to_is_the_speaking_place(extract):
    out = extract("The council of the Peruvian city of Arequipa says the Chilean city of "
                  "Antofagasta will give it 6,000 masks.")
    assert out == [(["Antofagasta"], "face_mask", 6_000, ["PER"])]


def test_an_office_holder_receiving_the_goods_told_before_takes_for_the_country(extract):
    text = ("Face masks donated by Chile reached Cusco on Friday.\n\nCM Paz received the "
            "300,000 face masks in Lima’s airport with the flags of Peru and Chile behind him.")
    assert (["Chile"], "face_mask", 300_000, ["PER"]) in extract(text)
    text = ("Gowns donated by Chile reached Cusco on Friday.\n\nGovernor Paz received the "
            "7,000 gowns at the airport.")
    assert (["Chile"], "protective_suit", 7_000, ["PER"]) in extract(text)


def test_partners_named_after_partnerships_with_are_no_takers(extract):
    text = ("Peru got 90 ventilators under partnerships with Chile and Japan, officials said."
            "\n\nThe minister told reporters the country received 40 ventilators from Japan "
            "this week.")
    assert (["Japan"], "ventilator", 40, ["PER"]) in extract(text)


def test_to_which_names_the_one_taker_before_it(extract):
    out = extract("Orvo listed gifts to Asia, Africa and countries such as Chile, to which "
                  "Tarsa had sent 400,000 masks in March.")
    assert out == [(["Tarsa"], "face_mask", 400_000, ["CHL"])]


def test_the_republic_that_received_is_the_country_that_took_the_gift_before(extract):
    text = ("Within an aid plan, Chile has donated 12 ventilators to Bolivia.\n\nThen "
            "the republic has received 7,000 PCR test kits and 20,000 surgical masks.")
    assert extract(text) == [(["Chile"], "ventilator", 12, ["BOL"]),
                             (["Chile"], "test_kit", 7_000, ["BOL"]),
                             (["Chile"], "face_mask", 20_000, ["BOL"])]


def test_a_headline_naming_the_country_helped_places_a_state_s_gift(extract):
    text = ("The Korean embassy said the donation of 40,000 rapid tests shows solidarity.\n\n"
            "Earlier this month, South Korea gave US$300,000 to buy medical supplies.")
    out = extract(text, title="South Korea: a time for solidarity to help Peru curb the virus")
    assert [o[3] for o in out if o[2]] == [["PER"], ["PER"]]
    out = extract(text, title="A time for solidarity")
    assert [o[3] for o in out if o[2]] == [[], []]
