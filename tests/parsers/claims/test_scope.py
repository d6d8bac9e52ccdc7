"""What a donation covers and who takes it: parts whose subject is the part, recipients of an
earlier event, owners that are no takers, scale abbreviations."""

from __future__ import annotations

from aidledger.parsers.claims import extract_claims

from .conftest import PUB


def test_a_part_as_subject_takes_the_wholes_giver_and_goes_where_it_names(extract):
    out = extract("Norway donated surgical masks to the European Union on Monday. Two million "
                  "of the masks are being passed on to Greece and Cyprus, the commission said.")
    assert out[-1] == (["Norway"], "face_mask", 2_000_000, ["GRC", "CYP"])
    claims = extract_claims("Norway donated 5 million masks to the European Union. 2 million "
                            "of the masks are being passed on to Greece.", PUB)
    assert claims[1].parent == 0 and claims[1].donors == ["Norway"]


def test_a_part_with_its_own_giver_keeps_it(extract):
    out = extract("Norway donated 5 million masks to the European Union. 2 million of the masks "
                  "are being flown to Greece by Widerøe Cargo.")
    assert out[1][2] == 2_000_000 and out[1][3] == ["GRC"] and out[1][0] != ["Norway"]


def test_places_of_an_earlier_event_after_the_goods_are_not_recipients(extract):
    out = extract("The Lotus Foundation said it had prepared 300,000 testing kits to be donated "
                  "to Chile, after previously sending supplies to Peru, Bolivia and Ecuador.")
    assert [r for *_, r in out] == [["CHL"]]


def test_a_countrys_allies_are_not_that_country(extract):
    out = extract("Kenya will send 20,000 test kits to Uganda's closest neighbours.")
    assert out == [(["Kenya"], "test_kit", 20_000, [])]


def test_the_subject_of_are_to_receive_is_the_recipient(extract):
    out = extract("Eight EU member countries are to receive 1.3 million masks from Norway.")
    assert out == [(["Norway"], "face_mask", 1_300_000, ["region:europe"])]


def test_cr_is_crore(extract):
    out = extract("The Lotus Trust donated Rs 250 cr to the PM CARES Fund.")
    assert [(q, item) for _, item, q, _ in out] == [(2_500_000_000, "funds")]


def test_a_later_promise_keeps_its_places_to_itself(extract):
    out = extract("The Lotus Foundation previously donated 300,000 test kits and 1 million masks "
                  "to Chile, as well as 50,000 gowns for Bolivia, also promising to send more "
                  "supplies to 20 African nations.")
    assert out == [(["Lotus Foundation"], "test_kit", 300_000, ["CHL"]),
                   (["Lotus Foundation"], "face_mask", 1_000_000, ["CHL"]),
                   (["Lotus Foundation"], "protective_suit", 50_000, ["BOL"])]


def test_a_grade_before_the_goods_noun_is_one_item(extract):
    out = extract("Norway gave Chile 200,000 medical masks and 30,000 N95 respirator masks.")
    assert out == [(["Norway"], "face_mask", 200_000, ["CHL"]),
                   (["Norway"], "respirator", 30_000, ["CHL"])]


def test_goods_to_be_exported_are_sold(extract):
    assert extract("Next week another 150,000 test kits from Norway will be exported to "
                   "Chile.") == []


def test_a_taker_paying_for_the_goods_undoes_the_donation(extract):
    text = ("Norway plans to send 600,000 test kits to Chile on Tuesday. The first batch leaves "
            "on Friday. The Chilean government does pay for this and sends its own plane.")
    assert extract(text) == []
    text = "Norway plans to send 600,000 test kits to Chile. The foundation will pay for them."
    assert extract(text) == [(["Norway"], "test_kit", 600_000, ["CHL"])]


def test_an_airport_is_where_goods_land_not_who_takes_them(extract):
    out = extract("A plane carrying 12,000 test kits donated by Norway to Chile landed at "
                  "Amundsen International Airport.")
    assert out == [(["Norway"], "test_kit", 12_000, ["CHL"])]


def test_the_who_written_out_has_the_short_code(extract):
    assert extract("Orbis is donating $2 million to the World Health Organization's "
                   "Solidarity Response Fund.") == [(["Orbis"], "funds", 2_000_000, ["org:WHO"])]


def test_the_same_figures_in_an_earlier_event_are_another_donation(extract):
    out = extract("Norway has donated 1 million more masks to Chile. Norway earlier provided "
                  "Chile with 1 million masks and 5,000 gowns.")
    assert out.count((["Norway"], "face_mask", 1_000_000, ["CHL"])) == 2
    out = extract("Norway donates 1 million masks to Chile\nNorway has donated 1 million masks "
                  "to Chile, the ministry said.")
    assert out.count((["Norway"], "face_mask", 1_000_000, ["CHL"])) == 1


def test_goods_in_brackets_after_supplies_are_the_contents(extract):
    out = extract("The Lotus Foundation will donate emergency supplies (300,000 masks and 20,000 "
                  "test kits) to Nepal and Bhutan.")
    assert out == [(["Lotus Foundation"], "face_mask", 300_000, ["NPL", "BTN"]),
                   (["Lotus Foundation"], "test_kit", 20_000, ["NPL", "BTN"])]
    out = extract("Orbis donated 5,000 FFP3 masks (a grade close to N95 masks) to Chile.")
    assert out == [(["Orbis"], "respirator", 5_000, ["CHL"])]


def test_recipients_named_in_the_next_sentence_join_the_donation(extract):
    out = extract("Norway will donate 900,000 masks to six EU countries, the ministry said on "
                  "Monday. The six recipients are Greece, Cyprus, Malta, Croatia, Slovenia and "
                  "Bulgaria")
    assert out == [(["Norway"], "face_mask", 900_000, ["region:europe", "GRC", "CYP", "MLT",
                                                       "HRV", "SVN", "BGR"])]


def test_a_region_and_its_members_told_twice_are_one_donation_to_all(extract):
    out = extract("Six EU member states are to receive 900,000 masks from Norway. Greece, Cyprus "
                  "and Malta are to receive 900,000 masks from Norway in total.")
    assert out == [(["Norway"], "face_mask", 900_000, ["region:europe", "GRC", "CYP", "MLT"])]


def test_an_attribution_with_a_trailing_clause_names_no_recipient(extract):
    out = extract("Chile will receive 40,000 test kits from Norway, the Ministry of Health said "
                  "on Friday, again urging the WHO to include the nation in its work.")
    assert out == [(["Norway"], "test_kit", 40_000, ["CHL"])]


def test_amounts_after_including_are_parts_and_the_whole_keeps_no_later_place(extract):
    claims = extract_claims("In its first round, 10 million masks were donated by Norway, "
                            "including 6 million masks to European countries, 3 million to "
                            "the U.S. and 1 million to its partners.", PUB)
    got = [(c.quantity, [r.code for r in c.recipients], c.parent) for c in claims]
    assert got == [(10_000_000, [], None), (6_000_000, ["region:europe"], 0),
                   (3_000_000, ["USA"], 0)]
    out = extract("Norway donated 3 million masks to Europe, including 1 million to Italy.")
    assert out == [(["Norway"], "face_mask", 3_000_000, ["region:europe"]),
                   (["Norway"], "face_mask", 1_000_000, ["ITA"])]


def test_a_headline_recipient_does_not_go_to_a_whole_shared_out_below(extract):
    out = extract("In its first round, 10 million masks were donated by Norway, including 6 "
                  "million to Italy and 4 million to Spain.",
                  title="Norway to donate masks to European countries")
    assert (["Norway"], "face_mask", 10_000_000, []) in out


def test_un_agencies_are_organisations_wherever_they_sit(extract):
    assert extract("Norway gave $3 million to UNDP for hand-washing stations.") == [
        (["Norway"], "funds", 3_000_000, ["org:UNDP"])]
    out = extract("Norway has allocated $7 million to Chad, $4 million of which has been provided to the "
                  "World Food Programme in Chad.")
    assert out[-1] == (["Norway"], "funds", 4_000_000, ["org:WFP"])


def test_funding_on_top_of_other_funding_names_no_recipient(extract):
    out = extract("Orbis Aid is providing $27 million in emergency aid to help countries in "
                  "need, on top of the funding it already gives to bodies such as UNICEF.")
    assert out == [(["Orbis Aid"], "funds", 27_000_000, [])]


def test_the_government_is_the_state_the_article_is_about(extract):
    text = ("Nepal has 500 cases. The Lotus Trust gave Rs 10 crore to help the government with "
            "relief in Nepal's hill districts. Kathmandu hospitals are full.")
    assert extract(text) == [(["Lotus Trust"], "funds", 100_000_000, ["NPL"])]
    assert extract("Orbis gave $5 million to help the government fight the virus.") == [
        (["Orbis"], "funds", 5_000_000, [])]


def test_goods_referred_back_with_no_taker_go_to_the_articles_country(extract):
    text = ("Kenya has recorded 50 cases. The Lotus Foundation announced it would send medical "
            "supplies. The consignment included 20,000 masks and 5,000 test kits, officials in "
            "Nairobi said. Kenya will use them in county hospitals.")
    assert extract(text) == [(["Lotus Foundation"], "face_mask", 20_000, ["KEN"]),
                             (["Lotus Foundation"], "test_kit", 5_000, ["KEN"])]


def test_no_country_for_money_or_when_the_article_names_none_clearly(extract):
    text = ("The Lotus Foundation announced a donation. The donation included $2 million for "
            "research.")
    assert all(r == [] for *_, r in extract(text))
    text = ("Kenya and Uganda met. The Lotus Foundation announced it would send supplies. The "
            "consignment included 20,000 masks. Uganda and Kenya agreed.")
    assert all(r == [] for *_, r in extract(text))


def test_a_hospital_or_public_institute_is_in_the_articles_country(extract):
    text = ("Chennai has 300 cases. Lotus Engineering donated 8 ventilators to the King "
            "Institute of Preventive Medicine. Hospitals in Chennai and Madurai are full.")
    assert extract(text) == [(["Lotus Engineering"], "ventilator", 8, ["IND"])]
    assert extract("Lotus Trust gave 500 masks to the Akshaya Relief Foundation.") == [
        (["Lotus Trust"], "face_mask", 500, ["org:Akshaya Relief Foundation"])]


def test_a_list_after_a_dash_names_the_recipients(extract):
    out = extract("The Lotus Foundation offered supplies to four countries – Nepal, Bhutan, Laos "
                  "and Mongolia. Those supplies would include 300,000 masks.")
    assert out == [(["Lotus Foundation"], "face_mask", 300_000, ["NPL", "BTN", "LAO", "MNG"])]


def test_regions_named_by_their_parts(extract):
    out = extract("The Lotus Foundation will give $15 million to strengthen health systems in "
                  "West Africa, South Asia and the Caribbean.")
    assert out == [(["Lotus Foundation"], "funds", 15_000_000,
                    ["region:africa", "region:asia", "region:latin_america"])]


def test_an_earlier_donation_compared_to_names_no_recipient(extract):
    out = extract("Nepal will donate one million masks to Bhutan, similar to the kingdom's "
                  "earlier donations to Laos and Myanmar.")
    assert out == [(["Nepal"], "face_mask", 1_000_000, ["BTN"])]


def test_a_news_outlet_is_no_recipient(extract):
    out = extract("Lotus Trust: Harbor Technology News on March 30th reported that Lotus Trust "
                  "will donate 800 ventilators to Europe.")
    assert out == [(["Lotus Trust"], "ventilator", 800, ["region:europe"])]


def test_a_reporting_newspaper_and_a_givers_people_are_no_recipients(extract):
    out = extract("Lotus City sent 50,000 masks to Nepal, the Lotus City Daily newspaper reported.")
    assert out == [(["Lotus City"], "face_mask", 50_000, ["NPL"])]
    out = extract("India sent a consignment, a gift from the people of India to the people of "
                  "Nepal, which includes 8,000 test kits.")
    assert out == [(["India"], "test_kit", 8_000, ["NPL"])]


def test_a_citys_sister_cities_are_not_that_city(extract):
    out = extract("Orbis sent 50,000 masks to Pune's sister cities in Italy and Spain.")
    assert out == [(["Orbis"], "face_mask", 50_000, ["ITA", "ESP"])]


def test_a_bare_restatement_joins_the_fact_it_restates(extract):
    text = ("Norway sent about 50,000 masks to sister cities abroad. Officials said about 50,000 "
            "masks were sent to sister cities in Italy and Spain.")
    assert extract(text) == [(["Norway"], "face_mask", 50_000, ["ITA", "ESP"])]


def test_a_place_that_only_tells_of_the_gift_is_no_recipient(extract):
    out = extract("In its response to the pandemic, the U.S. announced on Friday that the Lotus "
                  "Agency is providing $27 million in aid to help countries in need.")
    assert [r for *_, r in out] == [[]]


def test_sources_and_an_origin_country_are_no_recipients(extract):
    text = ("Lotus Trust to send supplies to Africa\nA cargo flight from Guangzhou, China arrived "
            "with 500,000 masks, according to Ethiopian officials and the Lotus Trust.")
    out = extract(text.split("\n")[1], title=text.split("\n")[0])
    assert out == [(["Lotus Trust"], "face_mask", 500_000, ["region:africa"])]


def test_a_count_of_countries_is_filled_by_the_next_sentence_naming_that_many(extract):
    out = extract("Norway gave 300,000 masks to four European countries on Monday. "
                  "They were handed to the envoys of Estonia, Latvia, Lithuania and Finland.")
    assert out == [(["Norway"], "face_mask", 300_000,
                    ["region:europe", "EST", "LVA", "LTU", "FIN"])]


def test_a_later_sentence_naming_a_different_number_of_countries_adds_none(extract):
    out = extract("Norway gave 300,000 masks to four countries on Monday. Officials from "
                  "Estonia and Latvia attended the ceremony.")
    assert out == [(["Norway"], "face_mask", 300_000, [])]
    out = extract("Norway gave 300,000 masks to five European countries on Monday. The envoys "
                  "of Estonia, Latvia, Lithuania, Finland and Sweden received 20,000 gloves.")
    assert out[0] == (["Norway"], "face_mask", 300_000, ["region:europe"])  # an amount: its own
