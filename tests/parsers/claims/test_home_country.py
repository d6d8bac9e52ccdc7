"""Goods with no taker named, in an article about one country, go to that country."""

from __future__ import annotations


def test_company_gifts_in_an_article_about_one_country_go_there(extract):
    out = extract("Malawi on Tuesday took delivery of relief goods from two foreign firms. "
                  "The goods reached the health ministry in Lilongwe. Orvik Telecom donated "
                  "12 000 surgical masks. Panlo Mining gave 300 gowns.")
    assert (["Orvik Telecom"], "face_mask", 12_000, ["MWI"]) in out
    assert (["Panlo Mining"], "protective_suit", 300, ["MWI"]) in out


def test_a_bodys_later_handover_in_the_same_article(extract):
    out = extract("The Red Crescent has donated medical gear to the health ministry of "
                  "Tajikistan. The Red Crescent also handed over 8,000 face shields on Monday.")
    assert (["Red Crescent"], "face_shield", 8_000, ["TJK"]) in out


def test_a_state_givers_goods_with_no_taker_in_an_article_about_one_country(extract):
    out = extract("Norway sent 200 ventilators to Chile last week. Chile's hospitals are full. "
                  "Norway will also supply 40 ventilators in the coming days.")
    assert (["Norway"], "ventilator", 40, ["CHL"]) in out


def test_goods_for_countries_not_named_stay_without(extract):
    out = extract("Perlo Phones gave 50,000 masks to hospitals in Lima. Perlo Phones has also "
                  "donated 300,000 masks to four countries in Europe, Peru's media reported.")
    assert (["Perlo Phones"], "face_mask", 300_000, ["region:europe"]) in out or (
        ["Perlo Phones"], "face_mask", 300_000, []) in out


def test_money_with_no_taker_stays_without(extract):
    out = extract("Kenya received 30 ventilators from the Sorel Trust. The Amani Group "
                  "donated Sh50 million, the group said in Nairobi.")
    assert (["Amani Group"], "funds", 50_000_000, []) in out


def test_a_company_with_its_own_verb_in_a_list_is_no_recipient(extract):
    out = extract("Kestrel Bank has donated 40 ventilators to the health ministry of Peru, "
                  "Lumo Daily contributed 2,000 gloves, Tarn Holdings (Group) Co., Ltd gave "
                  "4,000 masks, and Vell Co., Ltd provided 1,000 gowns to the ministry.")
    assert all(not r.startswith("org:Tarn") for c in out for r in c[3])


def test_an_english_name_of_a_german_state_gives_its_country(extract):
    assert extract("Kovar Chemie is donating 50,000 masks to the State of Saxony-Anhalt.") == [
        (["Kovar Chemie"], "face_mask", 50_000, ["DEU"])]


def test_a_state_fund_named_with_a_spaced_acronym_or_in_lower_case(extract):
    out = extract("Tarun Mills donated Rs 20 crore to the Chief Minister's Distress Relief "
                  "(CM DRF) Fund of Kerala. Anil Rao pledged Rs 2 crore to the Prime "
                  "Minister's relief fund of India.")
    assert (["Tarun Mills"], "funds", 200_000_000, ["IND"]) in out
    assert (["Anil Rao"], "funds", 20_000_000, ["IND"]) in out


def test_the_relief_agency_is_the_body_named_before(extract):
    out = extract("Orin Group donated 3 billion won to the Busan Relief Association. Kado "
                  "Motors said it donated 1 billion won in cash to the relief agency.")
    assert (["Kado Motors"], "funds", 1_000_000_000, ["KOR"]) in out


def test_the_centre_and_state_governments_of_the_article(extract):
    out = extract("India's states are short of masks. Lenra has pledged Rs 15 crore to "
                  "support relief measures across states and Centre.")
    assert (["Lenra"], "funds", 150_000_000, ["IND"]) in out


def test_a_whole_shared_out_among_parts_takes_no_fallback(extract):
    out = extract("Chile will donate a total of 900,000 masks, including 200,000 to the U.S. "
                  "federal and state governments and 300,000 to Peru.")
    assert out[0] == (["Chile"], "face_mask", 900_000, [])


def test_an_iso_code_that_receives_is_its_country(extract):
    assert extract("PER receives 40,000 testing kits from Chile") == [
        (["Chile"], "test_kit", 40_000, ["PER"])]


def test_goods_sent_abroad_or_around_the_world_take_no_fallback(extract):
    out = extract("Chile to donate 5 million masks abroad. Chile said it would donate 5 million "
                  "masks to countries in need, including 2 million for Peru and 1 million for "
                  "Bolivia.")
    assert all(c[3] == [] for c in out if c[2] == 5_000_000)
    out = extract("Orvik has sourced 3 million masks for health workers around the world. "
                  "About 400,000 of the masks have gone to Peru.")
    assert out[0] == (["Orvik"], "face_mask", 3_000_000, [])


def test_the_who_solidarity_fund_and_a_national_emergency_response_fund(extract):
    assert extract("Orvik pledged $2 million to the COVID-19 Solidarity Response Fund.") == [
        (["Orvik"], "funds", 2_000_000, ["org:WHO"])]
    out = extract("Uganda is short of tests. Orvik gave $50 million to the Covid-19 "
                  "Emergency Response Fund, Uganda's health minister said in Kampala.")
    assert (["Orvik"], "funds", 50_000_000, ["UGA"]) in out


def test_central_and_state_government_and_bare_authorities_are_the_articles_state(extract):
    out = extract("India is hit hard. Lenra has pledged Rs 1 crore to support authorities of "
                  "Central and State government in India.")
    assert (["Lenra"], "funds", 10_000_000, ["IND"]) in out
    out = extract("Laos is hit hard. Vantha has donated $40,000 to authorities in the purchase "
                  "of test machines for Laos.")
    assert (["Vantha"], "funds", 40_000, ["LAO"]) in out


def test_an_unnamed_taker_is_not_the_other_taker_of_its_sentence(extract):
    text = ("Peru is facing a surge of cases. Hospitals in Lima are full. Japan donated 500 "
            "ventilators to the Andean nation, and 300 to Chile.")
    assert extract(text) == [(["Japan"], "ventilator", 500, ["PER"]),
                             (["Japan"], "ventilator", 300, ["CHL"])]
    assert extract("Norland sent 90 tents to the island nation, and 40 to Fiji.")[0][3] == []


def test_georgia_in_an_article_about_the_united_states_is_the_state(extract):
    text = ("Charities across the United States are stretched. Food banks in Ohio and Texas "
            "ran short. The Corvo Trust gave $2 million to nonprofits in Georgia.")
    assert extract(text) == [(["Corvo Trust"], "funds", 2_000_000, ["USA"])]
    assert extract("The Corvo Trust gave $2 million to nonprofits in Georgia and "
                   "Alabama.") == [(["Corvo Trust"], "funds", 2_000_000, ["USA"])]
    text = "Georgia is seeking help after floods in Tbilisi. The EU gave $2 million to Georgia."
    assert extract(text) == [(["EU"], "funds", 2_000_000, ["GEO"])]


def test_money_to_a_description_of_the_articles_country_goes_there(extract):
    text = ("Peru is facing a surge of cases. Hospitals in Lima are full. Japan donated $5 "
            "million to the Andean nation, and $3 million to Chile.")
    assert extract(text) == [(["Japan"], "funds", 5_000_000, ["PER"]),
                             (["Japan"], "funds", 3_000_000, ["CHL"])]
    text = "Kenya has floods. Nairobi is hit. Norland gave $2 million to the East African nation."
    assert extract(text) == [(["Norland"], "funds", 2_000_000, ["KEN"])]
    assert extract("Kenya has floods. Norland gave $2 million to the fund.")[0][3] == []


def test_where_goods_came_from_does_not_make_the_articles_country(extract):
    text = ("Orbis Peru has donated 900 ventilators to the Foreign Ministry. The ministry said "
            "earlier batches were bought from China, from Chile and from China again for "
            "Peru's hospitals.")
    assert extract(text)[0] == (["Orbis Peru"], "ventilator", 900, ["PER"])


def test_a_firm_named_for_its_country_places_the_state_body_it_gives_to(extract):
    out = extract("Dr Ama Boateng, head of the Lakeside District Hospital, urged residents to "
                  "keep washing their hands. She spoke when Vodaline Zambia Foundation donated "
                  "4,000 face masks to the Hospital for its nurses.")
    assert out == [(["Vodaline Zambia Foundation"], "face_mask", 4_000, ["ZMB"])]


def test_a_firm_named_for_a_country_the_article_names_as_a_giver_gives_it_no_home(extract):
    out = extract("Japan gave 300 ventilators to the Health Ministry. Toyota Japan Foundation "
                  "also donated 2,000 masks to the Hospital.")
    assert ("JPN" not in {code for claim in out for code in claim[3]})


def test_a_state_giver_is_not_its_own_taker_the_country_of_the_article_is(extract):
    text = ("DODOMA, May 4 (Wire) - The government of Norway has given medical supplies to "
            "Tanzanian Ministry of Health to aid in its COVID-19 response.\n\nThe items were "
            "handed over by the Ambassador of Norway to Tanzania, Kari Lund, at a short "
            "ceremony with Tanzanian Minister of Health Asha Mwita.\n\nThe supplies comprised 3,000 bottles "
            "of hand gel and 20,000 medical gloves.\n\nAsha thanked the government of Norway "
            "for its help.")
    out = extract(text, title="Norway gives Tanzania medical supplies")
    assert (["government of Norway"], "gloves", 20_000, ["TZA"]) in out


def test_a_states_house_named_with_its_country_is_not_its_own_taker(extract):
    out = extract("The Senate of the Kingdom of Norway presented 30,000 face masks to the "
                  "Eduskunta of Finland on 2 May. On behalf of Eduskunta Speaker Anna Lehto, "
                  "Finnish Ambassador to Norway Mika Virtanen accepted the masks.")
    assert out[0] == (["Senate of the Kingdom of Norway"], "face_mask", 30_000, ["FIN"])


def test_a_state_giving_at_home_keeps_its_country_when_no_other_stands_out(extract):
    out = extract("The Norwegian government gave 500 ventilators to hospitals in Oslo on "
                  "Monday, as Sweden and Denmark also reported shortages.")
    assert out == [(["Norwegian government"], "ventilator", 500, ["NOR"])]


def test_a_fund_taking_the_currency_of_a_country_the_article_names_is_that_countrys(extract):
    out = extract("More gifts reached the COVID-19 Trust Fund on Friday. They include the Bank "
                  "of Kenya, that presented a cheque for KSh 20 million; the Kenya Ports "
                  "Authority, KSh 5 million; and Sunrise Foods, makers of juices sold in Lima "
                  "and Lima, KSh 1 million.")
    assert out[0] == (["Bank of Kenya"], "funds", 20_000_000, ["KEN"])


def test_money_for_a_group_of_people_goes_to_the_articles_country(extract):
    out = extract("Kanyama Holdings pledged Sh40 million to fight the virus in Kenya. The "
                  "Mwale Trust will also give Sh3 million to nursing students hit by the "
                  "closures.")
    assert (["Mwale Trust"], "funds", 3_000_000, ["KEN"]) in out


def test_money_for_local_firms_in_its_own_currency_when_no_country_leads(extract):
    out = extract("Harbour Trust, led by a graduate of Yale in the United States, said it "
                  "works with Kenyan charities. The Nangolo family pledged Sh20 million to "
                  "assist small businesses and their workers during the lockdown.")
    assert (["Nangolo"], "funds", 20_000_000, ["KEN"]) in out or (
        ["Nangolo family"], "funds", 20_000_000, ["KEN"]) in out


def test_money_with_an_amount_between_it_and_the_people_keeps_no_taker(extract):
    out = extract("Kenya received 30 ventilators from the Sorel Trust. The Amani Group "
                  "donated Sh50 million, and Sh2 million went to nurses, the group said.")
    assert (["Amani Group"], "funds", 50_000_000, []) in out


def test_money_in_an_article_on_what_one_country_received_goes_there(extract):
    out = extract("Ghana receives millions in virus donations. Several firms and people have "
                  "given. Kofi Mensah, Tema Steel and Volta Mills donated 50,000 dollars each. "
                  "Osei Trust gave 20,000 dollars.", title="Ghana receives millions in virus "
                  "donations")
    assert (["Osei Trust"], "funds", 20_000, ["GHA"]) in out


def test_a_city_body_that_received_donations_in_the_first_sentence(extract):
    out = extract("The relief committee of the city of Hanoi on Friday received donations from "
                  "local firms. Among them, Perfume River Co. gave 300 million VND and Thanh "
                  "Loc Group 200 million VND.")
    assert any(c[2] == 300_000_000 and c[3] == ["VNM"] for c in out)


def test_a_giver_written_as_its_country_s_is_not_the_article_s_country(extract):
    """ "China's Orvo Province": the province's own country is a giver's, not the taker's,
    however often the article names it."""
    text = ("BEIJING, Apr 2 (Wire): China's Orvo Province gave relief material to Qarva "
            "province. The relief material includes 3,500 N95 masks. Trucks will carry it from "
            "Orvo, China, to Qarva, a district of Pakistan, with help from the Pakistan "
            "Embassy in Beijing.")
    assert [o[3] for o in extract(text)] == [["PAK"]]


def test_money_given_to_the_country_goes_to_the_articles_country(extract):
    out = extract("Chile is getting help from abroad. The Peruvian embassy said it would give "
                  "the country $90,000 for test kits.")
    assert out == [(["Peruvian embassy"], "funds", 90_000, ["CHL"])]


def test_where_goods_came_from_and_an_envoys_seat_do_not_make_the_articles_country(extract):
    text = ("The Ministry of Health received 3,000 pairs of gloves from the foreign ministry "
            "on Tuesday. The Kenyan government thanked the ministry. Further parcels were sent "
            "by well-wishers in China via Kenya's embassy in Beijing, and came from donors in "
            "China and from firms in China.")
    assert [r for *_, r in extract(text)] == [["KEN"]]
