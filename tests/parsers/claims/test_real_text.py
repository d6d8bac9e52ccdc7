"""Phenomena of real news copy that synthetic articles lacked (sentences written for these
tests): names glued to numbers, capitals that give, names with "and" inside, receipts."""

from __future__ import annotations

from aidledger.parsers.names import split_coordinated
from aidledger.parsers.numbers import find_numbers


def test_a_number_inside_a_name_or_hashtag_is_no_quantity():
    assert [n.value for n in find_numbers("COVID-19 test kits for #Covid19NZ")] == []
    assert [n.value for n in find_numbers("12,000 KN-95 masks and Covid 19 swabs")] == [12_000]


def test_a_hyphenated_respirator_name_is_one_item(extract):
    out = extract("Chile received 3,000 face masks including 800 N-95 masks from Arcos Bank.")
    assert sorted(out) == [(["Arcos Bank"], "face_mask", 3_000, ["CHL"]),
                           (["Arcos Bank"], "respirator", 800, ["CHL"])]


def test_the_subject_of_received_is_not_the_giver(extract):
    text = ("Tulsa Lions Club donated 500 gowns to Kenya last week. "
            "Earlier, Kenya received aid carrying 9,000 face masks.")
    assert extract(text)[-1] == ([], "face_mask", 9_000, ["KEN"])


def test_a_capital_that_gives_is_its_country(extract):
    out = extract("Ottawa is willing to supply 400 ventilators to Haiti, officials said.")
    assert out == [(["Canada"], "ventilator", 400, ["HTI"])]


def test_and_inside_one_name_does_not_split_it():
    assert split_coordinated("Agricultural and Rural Bank of Ghana") == [
        "Agricultural and Rural Bank of Ghana"]
    assert split_coordinated("Baltic Fund for Research and Innovation") == [
        "Baltic Fund for Research and Innovation"]
    assert split_coordinated("Zenko and Harold Ivers Foundation") == [
        "Zenko", "Harold Ivers Foundation"]
    assert split_coordinated("Joseph and Clara Tsai Foundation") == [
        "Joseph and Clara Tsai Foundation"]
    assert split_coordinated("Bank of Ghana and Zenko") == ["Bank of Ghana", "Zenko"]


def test_an_organisation_owned_by_a_city_is_in_its_country(extract):
    out = extract("Ambassador Lee handed 30 ventilators to Lima's Dos de Mayo Hospital.")
    assert out[0][3] == ["PER"]


def test_a_city_with_its_country_after_a_comma_gives_as_the_city(extract):
    out = extract("On May 2, Nakatsu, Japan donated 3,000 masks to Hefei, China.")
    assert out == [(["Nakatsu"], "face_mask", 3_000, ["CHN"])]


def test_the_country_refers_to_the_country_the_article_is_about(extract):
    text = ("Norway has sent doctors to Italy. Norway's foreign ministry spoke on Monday. "
            "The country will donate 40 ventilators to Peru.")
    assert extract(text)[-1] == (["Norway"], "ventilator", 40, ["PER"])
    out = extract("Rafiq Osei, the richest trader in the country, will give 500 gowns to Ghana.")
    assert out[0][0] == ["Rafiq Osei"]


def test_rounds_of_donations_are_no_count_and_origins_no_recipients(extract):
    out = extract("Norway announced two rounds of mask donations, giving away 9 million masks "
                  "to countries where the virus, which originated in the Chinese city of "
                  "Wuhan, had spread.")
    assert out == [(["Norway"], "face_mask", 9_000_000, [])]


def test_a_state_body_without_a_country_gets_the_country_of_the_article(extract):
    text = ("LUSAKA: Zambia's health officials thanked donors on Friday. "
            "The Ostrava Mining Group donated 12 ventilators to the National Emergency "
            "Relief Authority (NERA), the ministry said. NERA also received 4,000 gowns "
            "from Ostrava Mining Group.")
    out = extract(text)
    assert out[0] == (["Ostrava Mining Group"], "ventilator", 12, ["ZMB"])
    assert out[1] == (["Ostrava Mining Group"], "protective_suit", 4_000, ["ZMB"])


def test_a_charity_without_a_country_of_its_own_gets_the_articles(extract):
    out = extract("Zambia's mines reopened. Ostrava Mining Group gave 900 gowns to the "
                  "Kafue Relief Trust.")
    assert out[-1][3] == ["ZMB"]


def test_a_charity_keeps_its_org_code_when_no_country_is_found(extract):
    out = extract("Ostrava Mining Group gave 900 gowns to the Kafue Relief Trust.")
    assert out[-1][3] == ["org:Kafue Relief Trust"]


def test_a_lone_opener_before_the_subject_is_no_giver(extract):
    out = extract("Meanwhil, the Danish army has donated 20 ventilators to the NHS.")
    assert out == [(["Denmark"], "ventilator", 20, ["GBR"])]


def test_who_says_a_country_gave_is_not_the_giver(extract):
    out = extract("Foreign Minister Ana Ruiz says Norway has pledged to donate 4,000 gowns "
                  "to Peru.")
    assert out == [(["Norway"], "protective_suit", 4_000, ["PER"])]


def test_a_source_after_according_to_is_no_giver(extract):
    out = extract("According to health ministry spokeswoman Ana Ruiz, 5,000 gowns will be "
                  "sent to Peru.")
    assert all("Ana Ruiz" not in c[0] for c in out)


def test_a_title_case_headline_keeps_its_giver_apart_from_its_verb(extract):
    out = extract("Stock markets fell on Monday.",
                  title="Kestrel Donates 5 Million Masks to Peru Hospitals, Its CEO Says")
    assert out == [(["Kestrel"], "face_mask", 5_000_000, ["PER"])]


def test_body_claims_take_the_headline_recipients(extract):
    out = extract("Norway has pledged 5,000 test kits and 20 ventilators. Norway also gave "
                  "$2 million.", title="Norway to donate more test kits to PH")
    assert (["Norway"], "test_kit", 5_000, ["PHL"]) in out
    assert (["Norway"], "ventilator", 20, ["PHL"]) in out
    assert (["Norway"], "funds", 2_000_000, []) in out


def test_two_adjectives_before_one_head_are_one_name(extract):
    out = extract("Ambassador Lee handed 30 ventilators to Lima's Almenara National Medical "
                  "and Surgical Center.")
    assert out[0][3] == ["PER"]


def test_a_dateline_with_an_outlet_in_parentheses_and_a_colon_is_no_giver(extract):
    out = extract("LIMA, (Andes Wire - 3rd Apr, 2020 ) :Norway has decided to donate 300 "
                  "gowns to Peru.")
    assert out == [(["Norway"], "protective_suit", 300, ["PER"])]


def test_the_peoples_republic_is_one_giver_and_the_speaker_after_it_none(extract):
    out = extract("The Peruvian government received 9,000 test kits from the People’s "
                  "Republic of China, the Foreign Ministry said on Sunday.")
    assert out == [(["People’s Republic of China"], "test_kit", 9_000, ["PER"])]


def test_an_officer_of_a_state_gives_as_the_state(extract):
    out = extract("Norwegian Prime Minister Kari Lund will donate 40 ventilators to Peru.")
    assert out == [(["Norway"], "ventilator", 40, ["PER"])]
    out = extract("UK Ambassador Tom Hale handed 30 ventilators to Peru on Monday.")
    assert out == [(["UK"], "ventilator", 30, ["PER"])]  # the only form the text gives


def test_goods_as_subject_of_a_passive_take_the_latest_giver(extract):
    out = extract("Norway has promised 9 million masks to health workers abroad. Six million "
                  "masks will be delivered to Peru and Chile.")
    assert out[-1] == (["Norway"], "face_mask", 6_000_000, ["PER", "CHL"])


def test_thanked_for_donating_names_the_giver(extract):
    out = extract("“Peru is thankful to #Norway for donating 300 ventilators,” the minister "
                  "tweeted.")
    assert out[0][0] == ["Norway"]


def test_rand_amounts_with_a_hyphenated_scale(extract):
    assert [(n.value, n.currency) for n in find_numbers("pledged R2.5-billion")] == [
        (2_500_000_000, "ZAR")]
    out = extract("Vusi Mining Group has donated R40-million to the Solidarity Fund.")
    # a solidarity fund is a state's, and the rand names whose
    assert out == [(["Vusi Mining Group"], "funds", 40_000_000, ["ZAF"])]


def test_each_amount_has_the_giver_named_before_it(extract):
    text = ("Kora Ltd, Kora Steel and the Lumen Trust have together committed Rs 300 crore "
            "to the Prime Minister's relief fund in India. Of the Rs 300 crore, Kora's "
            "commitment is Rs 50 crore, Kora Steel will donate Rs 20 crore and the Lumen Trust "
            "will make a contribution of Rs 230 crore.")
    out = extract(text)
    amounts = {c[2]: c[0] for c in out}
    assert 3_000_000_000 in amounts
    assert amounts[500_000_000] == ["Kora Ltd"]  # the short name is the firm named in full first
    assert amounts[200_000_000] == ["Kora Steel"]
    assert amounts[2_300_000_000] == ["Lumen Trust"]


def test_contributions_from_x_for_an_amount(extract):
    out = extract("The fund received contributions from retailer Zoma for R20-million, the "
                  "Teko Foundation, along with Baro Capital and Baro Minerals for R10-million.")
    assert sorted(c[0] for c in out) == [["Teko Foundation", "Baro Capital", "Baro Minerals"],
                                         ["Zoma"]]


def test_an_amount_per_user_is_no_gift(extract):
    out = extract("The app said it will contribute Rs 10 for every user who donates.")
    assert out == []


def test_a_person_and_their_foundation_giving_one_amount_is_one_gift(extract):
    text = ("The governor hailed Ade Bello for donating N300 million to fight the virus. "
            "He said the Ade Bello Foundation donated N300 million to assist the state.")
    assert len([c for c in extract(text) if c[2] == 300_000_000]) == 1


def test_to_the_fund_is_the_fund_named_before(extract):
    text = ("Zoma gave Rs 5 crore to the PM CARES Fund in India. Kora also said it will "
            "contribute Rs 2 crore to the fund.")
    assert extract(text)[-1] == (["Kora"], "funds", 20_000_000, ["IND"])


def test_a_lowercase_foundation_after_a_name_is_part_of_it(extract):
    out = extract("Kora Foundation and Zoma foundation will donate 500 ventilators to Peru.")
    assert out == [(["Kora Foundation", "Zoma Foundation"], "ventilator", 500, ["PER"])]


def test_a_hub_the_goods_pass_through_is_no_recipient(extract):
    text = ("Kora Foundation will donate 9,000 gowns to 12 African countries. The items will "
            "be delivered to Accra, Ghana, where officials will oversee the distribution of "
            "the supplies to the other countries.")
    assert extract(text) == [(["Kora Foundation"], "protective_suit", 9_000, ["region:africa"])]


def test_amounts_before_a_stated_total_are_per_recipient(extract):
    out = extract("Kora Foundation will donate to 10 Asian countries, this includes 500 test "
                  "kits and 2,000 masks, that is a total of 5,000 test kits and 20,000 masks.")
    assert sorted(c[2] for c in out) == [5_000, 20_000]


def test_sets_of_protective_equipment_are_protective_suits(extract):
    out = extract("Japan will donate 4,000 sets of personal protective equipment to Laos.")
    assert out == [(["Japan"], "protective_suit", 4_000, ["LAO"])]


def test_the_value_of_a_goods_donation_is_no_money_gift(extract):
    out = extract("Norway has delivered 50 ventilators to Peru as part of a $2.1 million "
                  "humanitarian donation.")
    assert out == [(["Norway"], "ventilator", 50, ["PER"])]
    out = extract("Norway provided over $3 billion in needed goods to Chile in 1950.")
    assert out == []


def test_a_country_before_a_hyphenated_participle_is_an_origin(extract):
    text = ("Norway gave Peru 50 ventilators. The $2 million aid package will include a total "
            "of 200 Norway-made ventilators for Peru, the envoy said.")
    assert extract(text)[-1] == (["Norway"], "ventilator", 200, ["PER"])


def test_a_bracketed_head_of_state_gives_as_the_state(extract):
    out = extract("[US] President [Joe] Biden offered to donate 30 ventilators to Peru.")
    assert out == [(["US"], "ventilator", 30, ["PER"])]  # the only form the text gives


def test_the_equipment_included_is_the_consignment_and_bought_goods_are_not(extract):
    text = ("A plane carrying 9 tonnes of medical equipment reached Lima from Norway. The gear "
            "had been procured by the health ministry, officials said. The equipment includes "
            "90 ventilators and 5,000 gowns. Separately, the ministry also received a donation "
            "from Kora Bank, in which 40 ventilators were included. The equipment included "
            "600 surgical masks.")
    out = extract(text)
    assert [(c[0], c[2]) for c in out] == [(["Kora Bank"], 40), (["Kora Bank"], 600)]


def test_an_office_holders_fund_is_one_state_body(extract):
    text = ("India's firms gave generously. Kora Steel also pitched in, announcing a Rs 50 crore "
            "contribution to the Prime Minister’s Fund. Zoma will donate Rs 5 crore to the "
            "“PM Relief Fund”.")
    out = extract(text)
    assert (["Kora Steel"], "funds", 500_000_000, ["IND"]) in out
    assert (["Zoma"], "funds", 50_000_000, ["IND"]) in out


def test_the_fund_is_the_body_that_received_money_before(extract):
    text = ("Zoma gave Rs 5 crore to PM-CARES in India. Kora also said it will contribute Rs 2 "
            "crore to the fund.")
    assert extract(text)[-1] == (["Kora"], "funds", 20_000_000, ["IND"])


def test_list_lines_without_bullets_under_a_colon(extract):
    text = ("Kaya Osei has announced his foundation and the Osei Trust will be making a large "
            "donation to Africa as the virus spreads.\n\nOsei will donate at least:\n\n"
            "2 million test kits\n\n50 000 protective suits\n\nThe trust said more would come.")
    assert extract(text) == [(["Kaya Osei"], "test_kit", 2_000_000, ["region:africa"]),
                             (["Kaya Osei"], "protective_suit", 50_000, ["region:africa"])]


def test_space_grouped_thousands_and_a_day_before_a_count():
    assert [n.value for n in find_numbers("50 000 protective suits")] == [50_000]
    assert [n.value for n in find_numbers("R1 000 each")] == []
    assert 20100 not in [n.value for n in find_numbers("On May 20 100 masks came")]


def test_a_namesake_foundation_is_the_persons(extract):
    out = extract("The Kora Foundation and founder Ada Kora’s namesake foundation said they are "
                  "giving 300 ventilators to Peru.")
    assert out == [(["Kora Foundation", "Ada Kora Foundation"], "ventilator", 300, ["PER"])]


def test_a_lead_in_speaker_does_not_cut_the_recipients(extract):
    out = extract("At a briefing on Friday, Minister Ana Ruiz said that Kora was donating 900 "
                  "masks to U.S. hospitals.")
    assert out == [(["Kora"], "face_mask", 900, ["USA"])]


def test_a_described_giver_after_by_and_a_reported_consignment(extract):
    text = ("The first batch of aid from Norway to Peru has arrived in Lima. The Peruvian "
            "government said on Monday that the shipment included 700 test kits made by Kora "
            "Labs, which were donated by the Norwegian charity Lumen Foundation.")
    assert extract(text) == [(["Lumen Foundation"], "test_kit", 700, ["PER"])]


def test_a_person_with_their_company_apposed_gives_as_the_person(extract):
    out = extract("Additionally, Ola Berg, CEO of Oslo-based Kora, the largest maker of pumps, "
                  "has also donated 900 masks to Peru.")
    assert out == [(["Ola Berg"], "face_mask", 900, ["PER"])]


def test_a_sentence_opening_participle_is_no_name(extract):
    out = extract("Being able to make 2 million masks a day, Norway is donating 500,000 masks "
                  "to Peru.")
    assert out == [(["Norway"], "face_mask", 500_000, ["PER"])]


def test_a_name_ending_in_ing_is_still_a_name(extract):
    out = extract("Beijing delivered 300 ventilators to Rome. Boeing delivered 90 ventilators "
                  "to Lima.")
    assert [c[0] for c in out] == [["China"], ["Boeing"]]


def test_an_amount_intended_for_a_recipient_is_a_part_of_the_total(extract):
    out = extract("Norway will donate a total of 9 million masks, including 2 million to Peru, "
                  "and 1 million intended for Chile.")
    assert (["Norway"], "face_mask", 1_000_000, ["CHL"]) in out
    assert (["Norway"], "face_mask", 2_000_000, ["PER"]) in out


def test_a_countrys_allies_receiving_means_the_country_gives(extract):
    out = extract("In addition, Norway’s allies will receive 90,000 masks.")
    assert out == [(["Norway"], "face_mask", 90_000, [])]


def test_list_lines_under_an_each_intro_restate_the_totals(extract):
    text = ("Kaya Osei has announced a large donation to Africa.\n\nOsei will donate at least:"
            "\n\n2 million test kits\n\n50 000 protective suits\n\nOsei said each of the "
            "region's 50 countries would receive the following:\n\n40,000 test kits\n\n"
            "1,000 protective suits")
    assert extract(text) == [(["Kaya Osei"], "test_kit", 2_000_000, ["region:africa"]),
                             (["Kaya Osei"], "protective_suit", 50_000, ["region:africa"])]
    text = "Tarsa Group will send to Chad, Niger and Mali each the following:\n\n3,000 gloves"
    assert extract(text) == [(["Tarsa Group"], "gloves", 9_000, ["TCD", "NER", "MLI"])]


def test_a_headline_rounding_the_body_figure_is_the_same_claim(extract):
    out = extract("Kestrel Labs has donated 1.1 million test kits to Peru.",
                  title="Kestrel Labs gives 1 million test kits to Peru")
    assert out == [(["Kestrel Labs"], "test_kit", 1_100_000, ["PER"])]
    out = extract("Twelve firms donated 100,000 KN95 masks to Fiji on Monday.",
                  title="12 firms in Suva donate 100,000 masks to Fiji")
    assert out == [([], "respirator", 100_000, ["FJI"])]
    out = extract("Kestrel Labs has donated 1.1 million test kits to Peru.",
                  title="Ostra Foods gives 1 million test kits to Chile")
    assert len(out) == 2  # another giver, another taker: another donation


def test_a_company_and_its_local_arm_telling_one_gift_are_one_claim(extract):
    text = ("Kestrel Corporation has donated 8,000 masks to Peru. \"Kestrel Peru wants to help "
            "by donating 8,000 masks to Peru,\" its manager said.")
    assert extract(text) == [(["Kestrel Corporation"], "face_mask", 8_000, ["PER"])]
    text = ("The Andean Friends Association gave 8,000 masks to Peru. The Andean Traders "
            "Association also gave 8,000 masks to Peru.")
    assert len(extract(text)) == 2  # two bodies, each its own gift


def test_a_rounded_figure_and_the_exact_one_are_one_claim(extract):
    text = ("Ostra announced a third round of mask gifts, pledging more than four million of "
            "them. The country will donate a total of 4.2 million masks, it said.")
    out = extract(text)
    assert [(i, q) for _, i, q, _ in out] == [("face_mask", 4_200_000)]
    text = ("Ostra will donate 4 million masks to Peru. Ostra previously gave about four "
            "million masks to Chile.")
    assert len(extract(text)) == 2


def test_one_giver_named_in_full_and_by_one_name_gives_once(extract):
    text = ("Ravi Mehta pledged Rs 25 crore to the PM CARES Fund. Mehta announced a donation "
            "of Rs 25 crore, the largest so far by an actor.")
    assert len(extract(text)) == 1
    text = ("Total donation of 2 million masks is an increase of 200,000 than that previously "
            "announced, Ostra said. Ostra is donating 2 million masks to Europe.")
    assert len(extract(text)) == 1
