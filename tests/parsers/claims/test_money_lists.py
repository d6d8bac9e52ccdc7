"""Money given by lists of givers: "each" after the amount, amounts in brackets after names,
the currencies of the places such lists come from."""

from __future__ import annotations

from aidledger.parsers.claims import extract_claims
from aidledger.parsers.lexicon import org_country
from aidledger.parsers.numbers import find_numbers


def test_each_after_the_amount_gives_one_claim_per_giver(extract):
    out = extract("Orbis Bank, Quay Trust and Lantern Mills donated N50 million each, while "
                  "Harbor Foods gave N20 million.")
    assert out == [(["Orbis Bank"], "funds", 50_000_000, []),
                   (["Quay Trust"], "funds", 50_000_000, []),
                   (["Lantern Mills"], "funds", 50_000_000, []),
                   (["Harbor Foods"], "funds", 20_000_000, [])]


def test_each_after_a_plural_giver_is_per_giver_before_several_recipients(extract):
    out = extract("Orbis and Quay gave 100 ventilators each to Italy and Spain.")
    assert out == [(["Orbis"], "ventilator", 100, ["ITA", "ESP"]),
                   (["Quay"], "ventilator", 100, ["ITA", "ESP"])]
    out = extract("Orbis Bank and Lenz Bank gave Rs 5 crore each to Maharashtra and Gujarat.")
    assert out == [(["Orbis Bank"], "funds", 50_000_000, ["IND"]),
                   (["Lenz Bank"], "funds", 50_000_000, ["IND"])]


def test_each_after_one_giver_stays_per_recipient(extract):
    out = extract("Orbis gave 100 ventilators each to Italy and Spain.")
    assert out == [(["Orbis"], "ventilator", 200, ["ITA", "ESP"])]


def test_an_amount_in_brackets_after_a_name_is_that_givers(extract):
    out = extract("The list of donors also includes Orbis bank (Sh50 million), Quay Securities "
                  "(Sh25 million) and Lantern Group (Sh20 million).")
    assert out == [(["Orbis bank"], "funds", 50_000_000, []),
                   (["Quay Securities"], "funds", 25_000_000, []),
                   (["Lantern Group"], "funds", 20_000_000, [])]


def test_an_amount_in_brackets_after_an_amount_is_a_conversion(extract):
    out = extract("Nepal pledged NPR 100,000,000 (USD 831,393) to the regional fund.")
    assert [(q, c) for _, c, q, _ in out] == [(100_000_000, "funds")]


def test_currencies_of_east_africa_and_south_asia():
    got = {n.raw: (n.value, n.currency) for t in ("Ksh. 1.2 billion", "Sh200 million",
                                                  "Tk 5 crore", "NPR 10,000", "RM1 million")
           for n in find_numbers(t)}
    assert got == {"Ksh. 1.2 billion": (1_200_000_000, "KES"),
                   "Sh200 million": (200_000_000, "KES"), "Tk 5 crore": (50_000_000, "BDT"),
                   "NPR 10,000": (10_000, "NPR"), "RM1 million": (1_000_000, "MYR")}
    assert [n.currency for n in find_numbers("push 200 masks")] == [None]


def test_a_word_that_is_also_a_town_does_not_seat_an_organisation():
    assert org_country("Akshaya Patra Foundation") is None
    assert org_country("Milan Red Cross") == "ITA"
    assert org_country("University of Milan") == "ITA"


def test_a_company_named_like_a_town_does_not_make_the_article_about_it(extract):
    text = ("Heads of Tata Motors, Tata Steel and Tata Power met on Monday. The Orbis Group "
            "donated Rs 100 crore to the National Relief Fund. Hospitals in Mumbai need ventilators.")
    assert (["Orbis Group"], "funds", 1_000_000_000, ["IND"]) in extract(text)


def test_money_poured_or_pumped_in_is_given(extract):
    assert extract("Orbis has poured another one billion yuan into relief work.") == [
        (["Orbis"], "funds", 1_000_000_000, [])]
    assert extract("Quay Bank pumped Ksh200 million into the Kenya relief fund.")[0][:3] == (
        ["Quay Bank"], "funds", 200_000_000)


def test_a_national_fund_named_in_full_is_the_articles_country(extract):
    text = ("Actor Ravi Lotus pledged Rs 25 crore towards the Prime Minister's Citizen Assistance "
            "and Relief in Emergency Situations (PM-CARES) Fund. Hospitals in Mumbai need beds.")
    assert extract(text) == [(["Ravi Lotus"], "funds", 250_000_000, ["IND"])]
    text = "Actor Ravi Lotus gave Rs 1 crore to Prime Minister Narendra Modi's PM-Cares fund."
    assert extract(text) == [(["Ravi Lotus"], "funds", 10_000_000, ["IND"])]


def test_money_to_both_or_each_of_places_joined_by_ampersand(extract):
    out = extract("Ravi Lotus will donate Rs 50 lakh to both the Kerala and Goa Chief "
                  "Ministers' relief funds.")
    assert [(d, q) for d, _, q, _ in out] == [(["Ravi Lotus"], 10_000_000)]
    assert extract("Orbis Industries gives Rs 5 crore each to Maharashtra & Gujarat.") == [
        (["Orbis Industries"], "funds", 100_000_000, ["IND"])]


def test_a_second_giver_that_added_an_amount_gives_it(extract):
    out = extract("The Varga Trust committed Rs 200 crore while Varga Sons added Rs 300 crore.")
    assert [(d, q) for d, _, q, _ in out] == [(["Varga Trust"], 2_000_000_000),
                                              (["Varga Sons"], 3_000_000_000)]


def test_an_amount_converted_after_a_comma_is_the_same_money(extract):
    assert extract("Kessel Bank will donate 300 million rupees, or approximately 4.8 billion "
                   "won, to India's health ministry.") == [
        (["Kessel Bank"], "funds", 300_000_000, ["IND"])]
    assert extract("Kessel Bank gave 40 million rupees, about 600 million won, to Nepal.") == [
        (["Kessel Bank"], "funds", 40_000_000, ["NPL"])]
    assert len(extract("Kessel Bank gave $2 million to Peru and €3 million to Chile.")) == 2


def test_money_in_products_is_their_value_and_dong_is_a_currency(extract):
    assert extract("Ostra Foods donated over $6 million in products to food banks in Peru.") == []
    out = extract_claims("Ostra Foods has donated 12 billion VND (about 520,000 USD) to Hanoi.",
                         title="Ostra Foods donates 520,000 USD to virus fight")
    assert [(c.quantity, c.currency) for c in out] == [(12_000_000_000, "VND")]


def test_goods_given_for_a_sum_give_no_money_claim(extract):
    out = extract("The Red Crescent donates gowns to Armenia for more than $ 300,000")
    assert all(item != "funds" for _, item, _, _ in out)
    out = extract("Orbis donated 2,000 gowns, and gave $50,000 for transport.")
    assert (["Orbis"], "funds", 50_000, []) in out


def test_a_currency_code_is_no_country():
    from aidledger.parsers.lexicon import find_places
    assert [p.text for p in find_places("kits worth 2 billion VND (over 86,200 USD)")] == []
    assert [p.text for p in find_places("sent to the U.S. and the UK.")] == ["U.S.", "UK"]


def test_a_place_before_the_money_that_takes_nothing_is_no_recipient(extract):
    out = extract("The Quayside Foundation in Austin, Texas, has announced a $2 million "
                  "commitment in support of families hit by the virus.")
    assert out == [(["Quayside Foundation"], "funds", 2_000_000, [])]
    out = extract("Orbis Group has also committed to a US$50 million relief fund to support "
                  "research.")
    assert out == [(["Orbis Group"], "funds", 50_000_000, [])]


def test_a_taker_named_before_the_money_after_to_still_takes_it(extract):
    out = extract("The Orbis Cricket Board has also made its contribution to the PM CARES Fund "
                  "by donating Rs 12 crore.")
    assert out == [(["Orbis Cricket Board"], "funds", 120_000_000, ["IND"])]


def test_crores_without_a_currency_after_rupees_are_rupees(extract):
    out = extract("Film star Ravi Orbis donated Rs 2 crore to the PM CARES Fund. Singer Mira "
                  "Quay also gave a crore for the cause. Actor Dev Lantern pledged 50 lakh each "
                  "to the relief funds of Kerala and Karnataka.")
    assert [(d, q) for d, _, q, _ in out] == [(["Ravi Orbis"], 20_000_000),
                                             (["Mira Quay"], 10_000_000),
                                             (["Dev Lantern"], 10_000_000)]
    assert extract("Orbis gave Rs 2 crore to the fund. Quay will make 1 lakh masks.") == [
        (["Orbis"], "funds", 20_000_000, [])]


def test_money_given_to_an_appeal_is_a_gift(extract):
    assert extract("Norway will contribute NOK 8 million to the UNICEF appeal.") == [
        (["Norway"], "funds", 8_000_000, ["org:UNICEF"])]
    assert extract("Orbis launched a $10 million appeal for the victims.") == []


def test_a_relief_or_aid_charity_is_an_organisation(extract):
    assert extract("Orbis gave $3 million to Harbor Relief, which buys masks for nurses.") == [
        (["Orbis"], "funds", 3_000_000, ["org:Harbor Relief"])]
    assert extract("Quay donated $1 million to Lantern Aid.") == [
        (["Quay"], "funds", 1_000_000, ["org:Lantern Aid"])]


def test_money_granted_or_transferred_is_given(extract):
    assert extract("Orbis announced a grant of $500,000 to UNICEF.") == [
        (["Orbis"], "funds", 500_000, ["org:UNICEF"])]
    assert extract("Quay has transferred $2 million to the Red Cross.") == [
        (["Quay"], "funds", 2_000_000, ["org:Red Cross"])]



def test_a_list_with_the_verb_left_out_gives_each_name_its_amount(extract):
    out = extract("Orbis donated Sh300 million, Quay Sh150 million and Lantern Bank Sh40 "
                  "million.")
    assert out == [(["Orbis"], "funds", 300_000_000, []), (["Quay"], "funds", 150_000_000, []),
                   (["Lantern Bank"], "funds", 40_000_000, [])]
    out = extract("Orbis gave $3 million to Kenya and $1 million to the Red Cross.")
    assert [d for d, _, _, _ in out] == [["Orbis"], ["Orbis"]]


def test_each_name_with_its_own_relative_clause_gives_its_amount(extract):
    out = extract("The donors include Orbis, which gave Sh70 million, and Quay, which "
                  "contributed Sh30 million.")
    assert out == [(["Orbis"], "funds", 70_000_000, []), (["Quay"], "funds", 30_000_000, [])]


def test_money_a_body_received_in_donations_is_a_tally(extract):
    assert extract("The Hubei Red Cross received 300 million yuan in donations.") == []


def test_a_gapped_clause_after_the_first_gift_names_its_own_giver(extract):
    out = extract("The Orbis Foundation has committed RMB 80 million to vaccine research, and "
                  "the Quay Foundation another RMB 20 million.")
    assert [(d, q) for d, _, q, _ in out] == [(["Orbis Foundation"], 80_000_000),
                                             (["Quay Foundation"], 20_000_000)]
    out = extract("Norway pledged $12 million to the WHO, Denmark $6 million and Iceland "
                  "$1 million.")
    assert [d for d, _, _, _ in out] == [["Norway"], ["Denmark"], ["Iceland"]]


def test_a_giver_whose_name_ran_into_a_currency_sign_is_no_recipient(extract):
    out = extract("The Orbis Group pledged Rs 900 crore, of which Orbis Trusts will contribute "
                  "Rs 300 crore and Orbis Sons Rs 600 crore.")
    assert [(d, r) for d, _, _, r in out] == [(["Orbis Group"], []), (["Orbis Trusts"], []),
                                             (["Orbis Sons"], [])]


def test_money_each_to_several_named_funds_or_a_counted_group(extract):
    assert extract("Kessel Bank gave Rs 2 crore each to the PM CARES Fund and the Kerala CM "
                   "Relief Fund.") == [(["Kessel Bank"], "funds", 40_000_000, ["IND"])]
    assert extract("Kessel Bank will give $1 million each to four hospitals in Accra.") == [
        (["Kessel Bank"], "funds", 4_000_000, ["GHA"])]


def test_a_donation_noun_before_the_amount_keeps_its_own_giver(extract):
    out = extract("Ravi Orbis declared a donation of Rs 60 lakh while his father Dev Orbis "
                  "gave Rs 2 crore.")
    assert [(d, q) for d, _, q, _ in out] == [(["Ravi Orbis"], 6_000_000),
                                             (["Dev Orbis"], 20_000_000)]


def test_each_to_bodies_of_one_country_counts_every_body(extract):
    out = extract("The Orbis Foundation announced grants of $50,000 each to the Quay "
                  "Foundation, the American Red Cross and the Lantern Trust.")
    assert [(q, sorted(r)) for _, _, q, r in out] == [
        (150_000, ["USA"])]  # the two charities in the one country the claim names


def test_a_taker_after_a_gapped_list_is_every_amounts(extract):
    out = extract("Orbis Group gave 4 billion won, Quay Group 2 billion won and Lantern Group "
                  "1 billion won to relief groups in Daegu.")
    assert [(d, r) for d, _, _, r in out] == [(["Orbis Group"], ["KOR"]),
                                             (["Quay Group"], ["KOR"]),
                                             (["Lantern Group"], ["KOR"])]


def test_each_after_a_conversion_in_brackets_is_still_per_giver(extract):
    out = extract("Lenders including Orbis Bank, Quay Bank and dairy maker Lantern Milk donated "
                  "VND20 billion (US$860,000) each.")
    assert out == [(["Orbis Bank"], "funds", 20_000_000_000, []),
                   (["Quay Bank"], "funds", 20_000_000_000, []),
                   (["Lantern Milk"], "funds", 20_000_000_000, [])]


def test_iso_codes_after_the_amount_are_its_currency():
    got = [(n.value, n.currency) for t in ("a gift of 2 billion BRL", "gave 40,000 SGD",
                                           "sent 3 million ZAR") for n in find_numbers(t)]
    assert got == [(2_000_000_000, "BRL"), (40_000, "SGD"), (3_000_000, "ZAR")]


def test_a_gapped_list_goes_on_past_a_conversion_and_a_branch_after_a_dash(extract):
    out = extract("Firms handed over gifts such as Orbis with 50 ventilators worth 9 billion VND "
                  "(390,000 USD), Quay Group 3 billion VND, Lantern Brewery – Hue Co.Ltd 2 billion "
                  "VND, the Vela Corporation 700 million VND, among others.")
    assert [(d, q) for d, i, q, _ in out if i == "funds"] == [
        (["Quay Group"], 3_000_000_000), (["Lantern Brewery – Hue Co.Ltd"], 2_000_000_000),
        (["Vela Corporation"], 700_000_000)]


def test_each_amount_of_a_gapped_passive_list_names_its_own_giver_by_by(extract):
    out = extract("Rs 600 crore will be provided by Orbis Sons and the remaining Rs 300 crore by "
                  "Orbis Trusts.")
    assert [(d, q) for d, _, q, _ in out] == [(["Orbis Sons"], 6_000_000_000),
                                              (["Orbis Trusts"], 3_000_000_000)]
    out = extract("Orbis Bank gave $2 million to Chile and $1 million by the end of May.")
    assert [d for d, *_ in out] == [["Orbis Bank"], ["Orbis Bank"]]  # "by" a date: no giver


def test_crores_with_no_currency_anywhere_are_rupees(extract):
    out = extract("Orvel Mills contributed 40 crores to the PM CARES Fund.")
    assert out == [(["Orvel Mills"], "funds", 400_000_000, ["IND"])]
    out = extract("Quarry Steel gave 12 lakhs to the Odisha relief fund.")
    assert out == [(["Quarry Steel"], "funds", 1_200_000, ["IND"])]


def test_lakhs_of_people_with_no_currency_anywhere_are_no_money(extract):
    out = extract("Orvel Mills donated 2,000 masks as the infected ones crossed 3 lakh.")
    assert [c for _, c, _, _ in out] == ["face_mask"]


def test_giver_lines_with_a_dash_right_after_the_name_under_a_nations_intro(extract):
    text = ("Cases in India keep rising.\n\nThese singers came forward to help the nation "
            "with their donations:\n\nTarun Vel- 6 Cr\n\nMeera Oak- 35 Lakhs\n\n"
            "Relief work in India goes on.")
    assert extract(text) == [(["Tarun Vel"], "funds", 60_000_000, ["IND"]),
                             (["Meera Oak"], "funds", 3_500_000, ["IND"])]


def test_a_lender_after_and_is_no_taker_of_the_gift_before(extract):
    out = extract("Orvel Sons gave Rs 60 crore and Orvel Trusts lent Rs 20 crore to the state.")
    assert out == [(["Orvel Sons"], "funds", 600_000_000, [])]


def test_donations_that_come_to_a_total_are_a_tally(extract):
    text = ("Tarun Vel donated Rs 2 crore and Meera Oak gave Rs 1 crore to the PM CARES Fund. "
            "So far their donations came to a total of Rs 3 crore.")
    assert [q for _, _, q, _ in extract(text)] == [20_000_000, 10_000_000]


def test_an_l_after_a_rupee_amount_is_lakhs():
    got = [(n.value, n.currency) for n in find_numbers("Singers Give Rs 18 L to Relief Fund")]
    assert got == [(1_800_000, "INR")]
    assert [n.value for n in find_numbers("paid Rs 300 Later in May")] == [300]


def test_money_in_cash_beside_other_materials_is_the_cash(extract):
    out = extract("The Orvel Foundation has donated N3 billion in cash and relief items to "
                  "the Lagos State Government.")
    assert [(c, q) for _, c, q, _ in out] == [("funds", 3_000_000_000)]


def test_a_headline_giving_the_bracketed_conversion_restates_the_body_gift(extract):
    body = "The Brann Foundation donated NOK 90 million ($9 million) to help Lima."
    out = extract(body, title="Top Oslo Banker Gives $9 Million for Lima")
    assert out == [(["Brann Foundation"], "funds", 90_000_000, ["PER"])]
    body = "The Brann Foundation donated NOK 100 million ($10 million) to help Lima."
    out = extract(body, title="Top Oslo Banker Gives $9 Million for Lima")
    assert len(out) == 2  # not the body's figure: a headline gift of its own


def test_each_giving_after_two_givers_is_an_amount_per_giver(extract):
    out = extract("Tarn Bank injected Sh300 million, with Orvo Bank and Lumen Bank each giving "
                  "Sh100 million to the Kenya fund.")
    assert [(o[0], o[2]) for o in out] == [(["Tarn Bank"], 300_000_000),
                                           (["Orvo Bank"], 100_000_000),
                                           (["Lumen Bank"], 100_000_000)]


def test_a_list_of_amounts_each_from_its_own_giver(extract):
    """ "$70m from Tarnia ...; $25m from Norway to the WHO": a list of gifts whose amounts
    each name their giver with "from"."""
    out = extract("Notable pledges include $70m from Tarnia for vaccine research; $25m from "
                  "Norway to the World Health Organization.")
    assert [(o[0], o[2]) for o in out] == [(["Tarnia"], 70_000_000), (["Norway"], 25_000_000)]


def test_a_break_up_list_shares_the_giver_s_gift_among_its_takers(extract):
    out = extract("Singer Lin Bao has given a total of €900,000. The break-up follows:\n\n"
                  "- Andes Relief Fund: €300,000\n- Tarsa Union: €300,000\n"
                  "- Holm Cares Fund: €300,000")
    assert out == [(["Lin Bao"], "funds", 900_000, []),
                   (["Lin Bao"], "funds", 300_000, ["org:Andes Relief Fund"]),
                   (["Lin Bao"], "funds", 300_000, ["org:Tarsa Union"]),
                   (["Lin Bao"], "funds", 300_000, ["org:Holm Cares Fund"])]
