"""Money that shares out a sum stated before ("Of the Rs 900 crore, ...")."""

from __future__ import annotations


def test_amounts_sharing_out_a_stated_sum_go_where_the_sum_went(extract):
    out = extract("Orbis Ltd, Quay Ltd and the Lantern Foundation have together committed "
                  "Rs 900 crore towards the fight against the virus in India. Of the Rs 900 "
                  "crore, Orbis's commitment is Rs 100 crore, Quay Ltd will donate Rs 50 crore "
                  "and the Lantern Foundation will make a contribution of Rs 750 crore.")
    assert out[1:] == [(["Orbis Ltd"], "funds", 1_000_000_000, ["IND"]),
                       (["Quay Ltd"], "funds", 500_000_000, ["IND"]),
                       (["Lantern Foundation"], "funds", 7_500_000_000, ["IND"])]


def test_a_part_naming_its_own_taker_keeps_it(extract):
    out = extract("Singer Ravi Orbis donated an amount of Rs 4 crore for relief in India. Out "
                  "of the donation amount, the singer pledged Rs 3 crore to the Prime Minister's relief "
                  "fund.")
    assert out == [(["Ravi Orbis"], "funds", 40_000_000, ["IND"]),
                   (["Ravi Orbis"], "funds", 30_000_000, ["IND"])]


def test_money_a_state_decides_to_extend_is_pledged(extract):
    assert extract("Norway has decided to extend emergency aid of $3 million to Chad.") == [
        (["Norway"], "funds", 3_000_000, ["TCD"])]


def test_the_fund_is_the_fund_named_before_without_an_amount(extract):
    out = extract("Singer Ravi Orbis has come forward to donate to the PM CARES Fund. He has "
                  "pledged Rs 5 crore for the fund.")
    assert out == [(["Ravi Orbis"], "funds", 50_000_000, ["IND"])]


def test_a_value_before_another_amount_leaves_that_gift(extract):
    out = extract("Orbis gave supplies worth $1 million and a cash donation of $500,000 to "
                  "Kenya.")
    assert out == [(["Orbis"], "funds", 500_000, ["KEN"])]


def test_the_money_going_somewhere_next_is_where_the_gift_goes(extract):
    out = extract("Orbis pledged $5 million on Monday. The money will go to the Kenya Red "
                  "Cross.")
    assert out == [(["Orbis"], "funds", 5_000_000, ["KEN"])]


def test_money_and_goods_before_one_taker_both_go_to_it(extract):
    out = extract("Orbis donated $40,000 and 3,000 masks to the Red Cross.")
    assert sorted(out) == [(["Orbis"], "face_mask", 3_000, ["org:Red Cross"]),
                           (["Orbis"], "funds", 40_000, ["org:Red Cross"])]


def test_lines_of_givers_and_their_money_under_a_list_intro(extract):
    text = ("Several firms have given to the relief fund. The donors so far are:\n\n"
            "- Orbis: Sh300 million\n\n- Quay Group: Sh120 million")
    assert extract(text) == [(["Orbis"], "funds", 300_000_000, []),
                             (["Quay Group"], "funds", 120_000_000, [])]
    text = ("The following companies pledged money to the PM CARES Fund:\n\n"
            "Orbis Sons – Rs 900 crore\n\nLantern – Rs 40 crore")
    assert [(d, q, r) for d, _, q, r in extract(text)] == [
        (["Orbis Sons"], 9_000_000_000, ["IND"]), (["Lantern"], 400_000_000, ["IND"])]


def test_lines_of_places_and_money_under_a_list_intro_are_the_intros_gifts(extract):
    text = "Norway has delivered the following aid:\n\n- Ghana: $3 million\n\n- Chad: $1 million"
    assert extract(text) == [(["Norway"], "funds", 3_000_000, ["GHA"]),
                             (["Norway"], "funds", 1_000_000, ["TCD"])]


def test_a_salary_given_away_is_a_gift_a_salary_paid_is_not(extract):
    assert extract("Orbis will donate one month's salary, amounting to Rs 3 crore, to the PM "
                   "CARES Fund.") == [(["Orbis"], "funds", 30_000_000, ["IND"])]
    assert extract("Orbis pays its nurses a salary of $40,000 and gave them masks.") == []


def test_a_cheque_worth_an_amount_is_that_money(extract):
    out = extract("Orbis handed over a cheque worth Rs 2 crore to the PM CARES Fund.")
    assert out == [(["Orbis"], "funds", 20_000_000, ["IND"])]
    assert all(i != "funds" for _, i, _, _ in extract("Orbis donated gowns worth $2 million."))


def test_amounts_and_takers_named_together_pair_up_respectively(extract):
    out = extract("Orbis donated $3 million and $1 million to Chad and Mali respectively.")
    assert out == [(["Orbis"], "funds", 3_000_000, ["TCD"]),
                   (["Orbis"], "funds", 1_000_000, ["MLI"])]
    out = extract("Orbis and Quay gave $3 million and $1 million respectively to the Red Cross.")
    assert out == [(["Orbis"], "funds", 3_000_000, ["org:Red Cross"]),
                   (["Quay"], "funds", 1_000_000, ["org:Red Cross"])]


def test_money_to_each_of_a_counted_group_is_that_many_times_the_amount(extract):
    out = extract("Orbis will donate $50,000 to each of the 12 hospitals in Kenya.")
    assert out == [(["Orbis"], "funds", 600_000, ["KEN"])]


def test_the_whos_solidarity_fund_is_the_who(extract):
    assert extract("Orbis donated $4 million to the WHO's Solidarity Response Fund.") == [
        (["Orbis"], "funds", 4_000_000, ["org:WHO"])]


def test_money_lent_is_no_gift(extract):
    assert extract("Orbis will provide a $300 million loan to Chad.") == []
    assert extract("Quay will lend $1 billion to Mali.") == []
    assert extract("Orbis gave $1 million to Chad and a $5 million loan to Mali.") == [
        (["Orbis"], "funds", 1_000_000, ["TCD"])]


def test_a_donation_noun_before_a_sum_raised_is_still_given(extract):
    out = extract("Orbis's donation of $2 million brings the total raised by the fund to "
                  "$40 million.")
    assert out == [(["Orbis"], "funds", 2_000_000, [])]


def test_of_which_half_is_a_part_as_half_of_which_is(extract):
    out = extract("The Orbis Foundation has committed Rs 60 crore, of which half will go to "
                  "the PM CARES Fund.")
    assert out == [(["Orbis Foundation"], "funds", 600_000_000, []),
                   (["Orbis Foundation"], "funds", 300_000_000, ["IND"])]


def test_a_pledge_told_as_its_owners_names_the_giver(extract):
    out = extract("The shipment came in line with Norway's pledge last month to provide an "
                  "additional $12 million to help poorer countries.")
    assert out == [(["Norway"], "funds", 12_000_000, [])]


def test_a_giver_named_after_a_country_can_give_to_that_country(extract):
    assert extract("The Kenya Orbis Bank gave Sh80 million to Kenya.") == [
        (["Kenya Orbis Bank"], "funds", 80_000_000, ["KEN"])]
    out = extract("The U.S. Orbis Agency has committed $9 million to India.")
    assert [r for _, _, _, r in out] == [["IND"]]


def test_a_taker_named_before_its_own_further_money(extract):
    assert extract("The Corvo Trust gave $5 million to Kenya, with Uganda getting a further "
                   "$2 million.") == [(["Corvo Trust"], "funds", 5_000_000, ["KEN"]),
                                      (["Corvo Trust"], "funds", 2_000_000, ["UGA"])]
    assert extract("Norland gave $5 million to Kenya and Uganda $2 million.") == [
        (["Norland"], "funds", 5_000_000, ["KEN"]), (["Norland"], "funds", 2_000_000, ["UGA"])]


def test_an_amount_converted_in_a_which_clause_is_no_second_gift(extract):
    out = extract("Orvo Mines gave R12 million to a Lima clinic. R9 million paid for beds, and "
                  "the remaining R3 million, which is about $210 000, went to meals for Peru.")
    assert all(o[2] != 210_000 for o in out)


def test_a_headlines_approximate_sum_is_the_bodys_exact_one(extract):
    text = "The Karoo Foundation has donated $909,090 to fight the virus in Namibia."
    out = extract(text, title="Karoo Foundation donates over $900,000 to Namibia")
    assert out == [(["Karoo Foundation"], "funds", 909_090, ["NAM"])]
    out = extract(text, title="Karoo Foundation donates $800,000 to Namibia")
    assert len(out) == 2  # a different sum in the headline is told apart


def test_smaller_currencies_written_after_the_amount(extract):
    assert extract("Lima singer Rosa Quispe has pledged to donate 4 million soles to families "
                   "in Peru.") == [(["Rosa Quispe"], "funds", 4_000_000, ["PER"])]
    out = extract("The Kafue Trust gave 3 million kwacha to clinics in Zambia.")
    assert out == [(["Kafue Trust"], "funds", 3_000_000, ["ZMB"])]


def test_a_share_of_the_whole_told_before_and_founders_giving_each(extract):
    out = extract("Tarsa Games has donated $1.2 million to food banks in Lima.\n\nTarsa "
                  "contributed $400,000 of the $1.2 million, while co-founders Lin Bao and Tom "
                  "Reyes donated $400,000 each.")
    assert out == [(["Tarsa Games"], "funds", 1_200_000, ["PER"]),  # the parts go where
                   (["Tarsa Games"], "funds", 400_000, ["PER"]),  # the whole went
                   (["Lin Bao"], "funds", 400_000, ["PER"]),
                   (["Tom Reyes"], "funds", 400_000, ["PER"])]


def test_a_role_opening_the_sentence_is_no_giver(extract):
    out = extract("Orvo Systems has pledged $90 million.\n\nChief executive officer Ana Ruiz "
                  "said the maker would allocate $7 million to the World Health Organization.")
    assert out == [(["Orvo Systems"], "funds", 90_000_000, []),
                   (["Orvo Systems"], "funds", 7_000_000, ["org:WHO"])]


def test_each_giver_s_share_of_a_joint_gift_told_after_it_is_that_gift(extract):
    out = extract("Lima Rovers and Lima Athletic are joining forces to donate 80,000 pounds to "
                  "local food banks.\n\nRovers and Athletic will donate 40,000 pounds each to the "
                  "Holm Pantry Trust, a network of food banks.")
    assert out == [(["Lima Rovers", "Lima Athletic"], "funds", 80_000, ["org:Holm Pantry Trust"])]


def test_money_handed_over_that_a_body_collected_is_the_body_s_gift(extract):
    out = extract("Minister Ana Ruiz presented a cheque of Rs 9 million collected by the "
                  "Orvo Traders Association to President Tom Reyes of Sri Lanka.")
    assert [d for d, *_ in out] == [["Orvo Traders Association"]]
    out = extract("The Rs 9 million raised by a comedy show will go to the fund.")
    assert out == []  # collected from many, not yet given
