"""General shapes of the giver side: descriptions before names of a pair, pairs told as one
"it", "which" clauses, title-case headlines, goods "from" a country, a role of a body."""

from __future__ import annotations


def test_each_name_of_a_pair_may_have_its_own_description(extract):
    out = extract("Japanese car maker Toyota and Taiwanese electronics firm Foxconn each "
                  "donated 10,000 masks to Peru.")
    assert out == [(["Toyota"], "face_mask", 10_000, ["PER"]),
                   (["Foxconn"], "face_mask", 10_000, ["PER"])]
    out = extract("Chinese e-commerce giant Alibaba and American software company Microsoft "
                  "each gave 20,000 gloves to Italy.")
    assert [c[0] for c in out] == [["Alibaba"], ["Microsoft"]]


def test_a_described_pair_without_each_gives_together(extract):
    out = extract("Dutch chip maker Arvel and German chemicals group Brenko jointly donated "
                  "100,000 masks to the Netherlands.")
    assert out == [(["Arvel", "Brenko"], "face_mask", 100_000, ["NLD"])]
    out = extract("Pop star Lirana Moss and Colombian football star Dario Quintero donated 300 "
                  "ventilators to Colombia.")
    assert out == [(["Lirana Moss", "Dario Quintero"], "ventilator", 300, ["COL"])]


def test_it_after_a_pair_that_speaks_stands_for_both(extract):
    out = extract("Hanvo Motor Group and Selka Group announced that it would donate 1 billion "
                  "won each to Korea.")
    assert out == [(["Hanvo Motor Group"], "funds", 1_000_000_000, ["KOR"]),
                   (["Selka Group"], "funds", 1_000_000_000, ["KOR"])]
    out = extract("Orvida, Tessaro and Mirun said on Monday it will donate 2,000 ventilators "
                  "to Mexico.")
    assert out == [(["Orvida", "Tessaro", "Mirun"], "ventilator", 2_000, ["MEX"])]


def test_it_after_one_speaker_is_that_speaker(extract):
    out = extract("The Rotary Club said it would donate 500 masks to Kenya.")
    assert out == [(["Rotary Club"], "face_mask", 500, ["KEN"])]


def test_a_second_giver_with_its_verb_in_a_which_clause(extract):
    out = extract("The donors included the Lindon Clinic which presented 10,000 masks to "
                  "Hanoi, and the Orvo Group which also donated 3,000 gloves.")
    assert out == [(["Lindon Clinic"], "face_mask", 10_000, ["VNM"]),
                   (["Orvo Group"], "gloves", 3_000, ["VNM"])]
    out = extract("Masan donated 5,000 test kits to Vietnam, as did the Vingroup, which gave "
                  "200 ventilators.")
    assert [c[0] for c in out] == [["Masan"], ["Vingroup"]]


def test_a_which_clause_of_receiving_or_handing_on_gives_nothing(extract):
    out = extract("Japan sent 5,000 masks to the Red Cross, which distributed them to "
                  "hospitals in Kenya.")
    assert [c[0] for c in out] == [["Japan"]]
    out = extract("China donated 1,000 ventilators to Italy, which received 500 more from "
                  "Russia.")
    assert out[0] == (["China"], "ventilator", 1_000, ["ITA"])


def test_a_title_case_headline_keeps_names_and_reads_its_verb(extract):
    out = extract("Nothing else.", title="Direct Relief Ships 20,000 Masks To Hospitals In Kenya")
    assert out == [(["Direct Relief"], "face_mask", 20_000, ["KEN"])]
    out = extract("Nothing else.", title="World Health Organization Sends 1,000 Test Kits To "
                  "Lagos")
    assert out == [(["World Health Organization"], "test_kit", 1_000, ["NGA"])]


def test_a_title_case_subheading_in_the_text_reads_as_a_headline(extract):
    out = extract("Chile To Give Peru 40,000 Masks\n\nThe masks will be flown on Monday.")
    assert out == [(["Chile"], "face_mask", 40_000, ["PER"])]
    out = extract("Orvo Group Ships 2,000 Gowns To Kenyan Hospitals\n\nThey left on Friday.")
    assert out == [(["Orvo Group"], "protective_suit", 2_000, ["KEN"])]


def test_a_subheading_keeps_its_evidence_as_written():
    from aidledger.parsers.claims import extract_claims
    out = extract_claims("Chile To Give Peru 40,000 Masks\n\nThe masks will be flown.")
    assert out[0].evidence["sentence"] == "Chile To Give Peru 40,000 Masks"


def test_goods_from_a_country_that_arrive_come_from_that_country(extract):
    assert extract("40,000 masks from Chile arrive in Peru") == [
        (["Chile"], "face_mask", 40_000, ["PER"])]
    assert extract("Some 5,000 test kits from South Korea arrived in Nairobi on Friday.") == [
        (["South Korea"], "test_kit", 5_000, ["KEN"])]


def test_arriving_goods_after_an_earlier_giver_stay_that_givers(extract):
    out = extract("Orvo Group donated 1 million masks to Africa. 100,000 masks from China "
                  "arrived in Lagos on Monday.")
    assert [c[0] for c in out] == [["Orvo Group"], ["Orvo Group"]]


def test_arriving_goods_unlike_an_earlier_givers_come_from_where_they_are_from(extract):
    out = extract("A shipment of 8,000 test kits and 500 thermometers from Japan reached "
                  "Accra on Friday.", title="Japanese kits land in Accra; Orvo gives 12 "
                  "ventilators")
    assert sorted(out) == [(["Japan"], "test_kit", 8_000, ["GHA"]),
                           (["Japan"], "thermometer", 500, ["GHA"]),
                           (["Orvo"], "ventilator", 12, ["GHA"])]


def test_as_for_a_country_is_no_giver(extract):
    assert extract("As for Peru, Japan donated 20,000 masks.")[0][0] == ["Japan"]
    assert all(not c[0] for c in extract("As for Peru, 20,000 masks arrived on Monday."))


def test_an_agency_representative_hands_over_for_the_agency(extract):
    out = extract("WHO Representative Tedros Mulu handed over 1,000 test kits to Nigeria.")
    assert out == [(["WHO"], "test_kit", 1_000, ["NGA"])]
    out = extract("UNICEF Representative in Kenya Amina Otieno donated 5,000 masks to the "
                  "government of Kenya.")
    assert out == [(["UNICEF"], "face_mask", 5_000, ["KEN"])]


def test_a_role_of_a_body_is_the_person_named_next_else_the_body(extract):
    out = extract("Chairperson of Orvo Foundation Lina Marsh gave INR 5 crore to the PM-CARES "
                  "fund.")
    assert out[0][0] == ["Lina Marsh"]
    out = extract("The Chairperson of the Orvo Foundation donated 500 ventilators to Ghana.")
    assert out == [(["Orvo Foundation"], "ventilator", 500, ["GHA"])]


def test_a_pair_whose_second_description_holds_a_name(extract):
    out = extract("Football star Tomas Reyes and Harbor City manager Paulo Vidal have pledged "
                  "EUR 1 million each to hospitals in Spain.")
    assert out == [(["Tomas Reyes"], "funds", 1_000_000, ["ESP"]),
                   (["Paulo Vidal"], "funds", 1_000_000, ["ESP"])]
    out = extract("Orvo founder Lin Bao and Tessaro boss Kai Wen each gave 1 million masks to "
                  "Africa.")
    assert [c[0] for c in out] == [["Lin Bao"], ["Kai Wen"]]


def test_an_object_with_a_which_clause_of_giving_gives_its_own(extract):
    out = extract("Toyota sent 2,000 gowns to Japan and thanked Honda, which donated 3,000 "
                  "masks.")
    assert [c[0] for c in out] == [["Toyota"], ["Honda"]]
    out = extract("The ministry received 5,000 masks from Japan and praised Orvo Group, which "
                  "gave 2,000 test kits.")
    assert [c[0] for c in out] == [["Japan"], ["Orvo Group"]]


def test_a_which_clause_after_from_keeps_the_giver(extract):
    out = extract("The Lakeside Clinic received 10,000 respirators from the Orvo Students "
                  "Association, which raised $30,000 from members to buy them.")
    assert out[0][:3] == (["Orvo Students Association"], "respirator", 10_000)


def test_goods_whose_verb_is_left_out_take_the_name_before_them(extract):
    out = extract("Orvo gave 5,000 masks, Tessaro 3,000 gloves and Mirun 2,000 gowns to Kenya.")
    assert [c[0] for c in out] == [["Orvo"], ["Tessaro"], ["Mirun"]]
    out = extract("Lenz Bank donated 40 ventilators to Ghana, and the Orvo Foundation 300 "
                  "test kits.")
    assert [c[:3] for c in out] == [(["Lenz Bank"], "ventilator", 40),
                                    (["Orvo Foundation"], "test_kit", 300)]


def test_goods_listed_after_one_verb_keep_its_giver(extract):
    out = extract("Orvo donated 5,000 masks, 3,000 gloves and 2,000 gowns to Kenya.")
    assert [c[0] for c in out] == [["Orvo"], ["Orvo"], ["Orvo"]]


def test_a_role_of_a_body_before_its_holder_in_apposition_gives_the_holder(extract):
    out = extract("Director of the Orvo Foundation, Lin Bao, handed over 20,000 masks to "
                  "Ethiopia.")
    assert out == [(["Lin Bao"], "face_mask", 20_000, ["ETH"])]
    out = extract("The head of the Tessaro Trust, Ana Ruiz, donated 300 ventilators to Ghana.")
    assert out == [(["Ana Ruiz"], "ventilator", 300, ["GHA"])]


def test_a_list_with_a_body_named_with_of_stays_a_list(extract):
    out = extract("The Bank of Orvo, Lenz Bank and the Tessaro Trust donated 300 ventilators "
                  "to Ghana.")
    assert out == [(["Bank of Orvo", "Lenz Bank", "Tessaro Trust"], "ventilator", 300, ["GHA"])]


def test_a_partner_after_the_object_gives_too(extract):
    out = extract("Orvo Group donated 500 masks to Kenya together with its subsidiary, Lenz "
                  "Bank.")
    assert out == [(["Orvo Group", "Lenz Bank"], "face_mask", 500, ["KEN"])]
    out = extract("Tessaro teamed up with the Mirun Foundation to donate 300 ventilators to "
                  "Ghana.")
    assert out == [(["Tessaro", "Mirun Foundation"], "ventilator", 300, ["GHA"])]


def test_a_place_or_a_thing_after_together_with_gives_nothing(extract):
    assert extract("Orvo donated 500 masks to the hospital together with its staff.")[0][0] == [
        "Orvo"]
    out = extract("The Orvo Foundation sent 500 masks to Kenya, along with a letter from Lenz "
                  "Bank.")
    assert out[0][0] == ["Orvo Foundation"]


def test_goods_from_a_country_carried_by_a_plane_come_from_that_country(extract):
    out = extract("A plane carrying 40,000 masks from Chile landed in Lima on Monday.")
    assert out == [(["Chile"], "face_mask", 40_000, ["PER"])]
    out = extract("A cargo flight carrying 3,000 gowns from Japan touched down in Dhaka.")
    assert out[0][:3] == (["Japan"], "protective_suit", 3_000)


def test_a_demonym_before_a_citys_own_body_describes_it(extract):
    out = extract("Chinese Dongguan Municipal Government donated 520,000 masks to Ethiopia.")
    assert out == [(["Dongguan Municipal Government"], "face_mask", 520_000, ["ETH"])]
    out = extract("The Chinese Red Cross Foundation donated 5,000 masks to Laos.")
    assert out == [(["Chinese Red Cross Foundation"], "face_mask", 5_000, ["LAO"])]


def test_the_owner_of_the_gift_a_recipient_benefited_from_gives(extract):
    out = extract("Kenya was the first recipient of Orvo's donation, receiving 10,000 test "
                  "kits.")
    assert out == [(["Orvo"], "test_kit", 10_000, ["KEN"])]
    out = extract("Lagos is among the beneficiaries of Tessaro's generosity, having received "
                  "5,000 masks.")
    assert out == [(["Tessaro"], "face_mask", 5_000, ["NGA"])]
    out = extract("Kenya also benefited from the Lenz Foundation's relief programme, receiving "
                  "10,000 test kits.")
    assert out == [(["Lenz Foundation"], "test_kit", 10_000, ["KEN"])]


def test_its_partner_after_a_long_object_still_gives(extract):
    out = extract("Orvo Household donated 6,000 kits, including toothpaste, shampoo and soap, "
                  "and 8,600 ventilators to Kenya together with its subsidiary, Lenz Drinks.")
    assert [c[0] for c in out] == [["Orvo Household", "Lenz Drinks"]] * 2


def test_received_the_owners_donation_of_names_the_owner(extract):
    out = extract("Kenya received Orvo's donation of 5,000 masks on Monday.")
    assert out == [(["Orvo"], "face_mask", 5_000, ["KEN"])]
    out = extract("Ghana received the Lenz Foundation's latest donation of 300 ventilators.")
    assert out == [(["Lenz Foundation"], "ventilator", 300, ["GHA"])]


def test_a_countrys_possessive_alone_names_that_country(extract):
    out = extract("Japan's donation of 5,000 masks arrived in Ghana on Monday.")
    assert out == [(["Japan"], "face_mask", 5_000, ["GHA"])]
    out = extract("Peru received Chile's gift of 40,000 gloves.")
    assert out == [(["Chile"], "gloves", 40_000, ["PER"])]
    out = extract("Japan's Orvo Bank donated 5,000 masks to Ghana.")
    assert out == [(["Orvo Bank"], "face_mask", 5_000, ["GHA"])]


def test_it_said_for_a_ministry_that_relays_is_no_giver(extract):
    out = extract("Orvania is to donate 6 million masks to Europe, the Ministry of Foreign "
                  "Affairs announced yesterday. The US is to receive 1 million masks from the "
                  "second tranche, it said.")
    assert [c[0] for c in out] == [["Orvania"], ["Orvania"]]
    out = extract("Orvo Group gave 500 masks to Kenya. Uganda will receive another 300 masks, "
                  "it said.")
    assert [c[0] for c in out] == [["Orvo Group"], ["Orvo Group"]]


def test_who_acts_for_a_body_in_its_aside_is_no_giver(extract):
    out = extract("Orvo Lab (M) Sdn Bhd, represented by its head of sales Lim Wei Ke, "
                  "donated two units of ventilators to the Kuala Lumpur Hospital.")
    assert [c[0] for c in out] == [["Orvo Lab (M) Sdn Bhd"]]
    out = extract("The National Gaming Board (NGB), led by Director General, Kwame Boateng "
                  "also gave GH¢ 300,000 to Ghana.")
    assert [c[0] for c in out] == [["National Gaming Board"]]
    out = extract("Tessa Limited, led by its finance head, Mr Kofi Asare donated "
                  "GH¢ 150,000 to Ghana.")  # the aside's closing comma left out
    assert [c[0] for c in out] == [["Tessa Limited"]]


def test_a_body_s_officer_named_with_its_title_hands_over_for_the_body(extract):
    out = extract("Meanwhile, Tarsel Wellness Sdn Bhd (Tarsel Asia) area sales manager Wong Kai "
                  "Ming handed over 800 units of KN95 face masks to the Penang Hospital.")
    assert [c[0] for c in out] == [["Tarsel Wellness Sdn Bhd"]]
    out = extract("Kirov Foundation Chairperson, Omar Baig, has handed over 20,000 masks to "
                  "the Lahore General Hospital.")
    assert [c[0] for c in out] == [["Kirov Foundation"]]
    out = extract("Top of the list was the Delma Foundation, whose chairman Prof Dr Aziz Noor "
                  "handed over 30,000 sets of personal protective equipment to the Selangor "
                  "Hospital.")
    assert [c[0] for c in out] == [["Delma Foundation"]]


def test_an_officer_of_a_body_and_a_founder_who_hand_over_stay_the_person(extract):
    out = extract("Chief Executive Officer of Pelto Group Limited Mr. Ravi Menon handed over "
                  "400 sets of PPE to the Colombo General Hospital.")
    assert [c[0] for c in out] == [["Ravi Menon"]]
    out = extract("Orvano founder Lisa Grant handed over 5,000 masks to the Denver Health "
                  "hospital.")
    assert [c[0] for c in out] == [["Lisa Grant"]]


def test_a_paper_that_has_reported_is_no_giver_after_by(extract):
    out = extract("More than 3,000 test kits were delivered to Fiji today by the Orvo "
                  "Foundation, the Kestrel Post has reported.")
    assert [c[0] for c in out] == [["Orvo Foundation"]]


def test_a_countrys_part_named_after_its_possessive_gives(extract):
    out = extract("Southern China’s province of Guangdong recently donated 20,000 masks to "
                  "Japan.")
    assert out == [(["Guangdong"], "face_mask", 20_000, ["JPN"])]
    out = extract("A total of 9,000 surgical masks donated by northwest China's Gansu Province "
                  "to Burundi were shipped off on Monday.")
    assert out == [(["Gansu Province"], "face_mask", 9_000, ["BDI"])]


def test_each_body_of_two_with_their_officers_in_asides_gives_its_own_amount(extract):
    out = extract("Orvo Tiles Sdn Bhd, represented by managing director Lim Bao, donated "
                  "RM400,000 to the Health Ministry while Kestrel Takaful Berhad, represented by "
                  "managing director Ali Hamzah, contributed RM500,000 to the Health "
                  "Ministry.")
    assert [c[0] for c in out] == [["Orvo Tiles Sdn Bhd"], ["Kestrel Takaful Berhad"]]


def test_a_name_after_a_fronted_preposition_is_no_co_giver(extract):
    out = extract("At a short ceremony at the Kestrel House, Orvo Bank Ghana gave a cheque for "
                  "GH¢90,000 to Ghana.")
    assert [c[0] for c in out] == [["Orvo Bank Ghana"]]


def test_the_object_of_a_fronted_phrase_is_no_giver_listed_with_the_subject(extract):
    out = extract("At the request of the Welfare Ministry of Tonga, the Orvo "
                  "Foundation has provided 2,000 test kits to Iran.")
    assert [c[0] for c in out] == [["Orvo Foundation"]]
    out = extract("On Monday Orvo, Kestrel and Lumo donated 500 masks to Peru.")
    assert [c[0] for c in out] == [["Orvo", "Kestrel", "Lumo"]]


def test_respectively_pairs_a_pair_with_its_amounts_beside_another_givers_amount(extract):
    out = extract("The Orvo Commission and the Kestrel Commission presented GH¢40,000 and "
                  "GH¢90,000 respectively to Ghana, whilst the Lumo Traders Association "
                  "presented a cheque for GH¢7,000 to Ghana.")
    assert [c[0] for c in out] == [["Orvo Commission"], ["Kestrel Commission"],
                                   ["Lumo Traders Association"]]


def test_made_a_contribution_is_the_verb_of_the_country_before_it(extract):
    out = extract("Its navy is running mobile clinics, including "
                  "contributing to the work of health bodies, and Oman has already made a "
                  "contribution of $40 million to Italy.")
    assert out == [(["Oman"], "funds", 40_000_000, ["ITA"])]


def test_it_after_a_company_named_with_an_acronym_that_said_is_that_company(extract):
    out = extract("The Orvo Relief Fund was set up on March 28. In a separate release, KTL "
                  "Housing said it has donated Rs 2 crore for research in Delhi.")
    assert [c[0] for c in out] == [["KTL Housing"]]


def test_givers_described_not_named_are_kept_as_described(extract):
    out = extract("More than 9,000 masks donated by youth rugby players from Nantes are being "
                  "sent to support Peru.")
    assert out == [(["youth rugby players from Nantes"], "face_mask", 9_000, ["PER"])]
    out = extract("Osk Foods donated 7,000 masks, which are needed by nurses, to Chile.")
    assert out == [(["Osk Foods"], "face_mask", 7_000, ["CHL"])]


def test_as_a_gift_from_names_the_giver_over_the_sender(extract):
    out = extract("Norway has flown 40 ventilators to Chile as a gift from the Chilean community "
                  "in Norway.")
    assert out == [(["Chilean community in Norway"], "ventilator", 40, ["CHL"])]


def test_a_countrys_own_effort_is_no_giver_and_the_donation_made_by_names_one(extract):
    out = extract("Chile’s response to the virus got a lift from a donation of 9,000 masks "
                  "to the Ministry of Health.\n\nThe donation was made last week by Orvo "
                  "Building Company Ltd.")
    assert out == [(["Orvo Building Company Ltd."], "face_mask", 9_000, ["CHL"])]


def test_a_speaker_telling_a_reporter_is_no_giver_and_filler_words_no_name(extract):
    out = extract("Rugby players in Nantes collected masks for Peru. Tan told a reporter that "
                  "all the supplies, including 4,000 masks, had been sent to Peru.")
    assert all(c[0] != ["Tan"] for c in out)
    out = extract("Much to the mayor's surprise, parcels containing 9,000 masks arrived.")
    assert all(c[0] != ["Much"] for c in out)


def test_who_met_before_a_delivery_are_no_givers(extract):
    out = extract("Peru thanked Chile on Monday. The embassy said that after a call between the "
                  "two health ministers Ana Roa and Luis Pinto, \"a cargo was delivered to "
                  "Arequipa, it included 8,000 masks and 900 gowns.\"")
    assert out and all(c[0] == ["Chile"] and c[3] == ["PER"] for c in out)


def test_who_facilitated_a_donation_is_no_giver(extract):
    out = extract("The governor said the Norwegian government had facilitated the gift of 900 "
                  "ventilators, which arrived at Logan Airport in Boston.")
    assert all(c[0] != ["Norwegian government"] for c in out)


def test_who_received_on_behalf_of_a_body_is_no_giver_nor_the_body(extract):
    out = extract("For the Canadian Red Cross, the ambassador received, on its behalf, a gift of "
                  "9,000 masks from the Lao Red Cross Society.")
    assert [c[0] for c in out] == [["Lao Red Cross Society"]]


def test_a_contraction_opening_a_quote_is_the_speaker_not_a_name(extract):
    out = extract("“We’re sending them 90 ventilators,” Lena Varga said on Friday.")
    assert out[0][0] == ["Lena Varga"]


def test_where_goods_arrive_from_in_transit_is_no_giver(extract):
    out = extract("Orvana donated supplies to Chad. The items, including 4,000 masks, were "
                  "received on arrival from Cameroon by the health minister.")
    assert out[0][:3] == (["Orvana"], "face_mask", 4_000)


def test_who_heads_the_taking_body_is_no_giver(extract):
    out = extract("Peru sent aid to Chile. The shipment includes 900 gowns, to be given to the "
                  "Chilean health ministry, headed by Rosa Vila.")
    assert out[0][:3] == (["Peru"], "protective_suit", 900)


def test_a_nationalitys_businesses_after_donated_by_give_as_described(extract):
    out = extract("The 70 ventilators donated by Peruvian businesses reached Quito on Monday.")
    assert out[0][:3] == (["Peruvian businesses"], "ventilator", 70)


def test_the_giver_whose_lead_another_follows_is_not_the_giver(extract):
    assert extract("Orvex is following Tarsa's lead by donating 6,000 masks to Peru.") == [
        (["Orvex"], "face_mask", 6_000, ["PER"])]
    assert extract("Following Tarsa's example, Orvex gave 6,000 masks to Peru.")[0][0] == [
        "Orvex"]


def test_the_owner_of_a_gift_someone_announces_gives_it(extract):
    out = extract("Consul Ana Ruiz, joined by Mr. Tom Berg of the state agency, announced on "
                  "June 2 Norway's donation of 40,000 masks to the State of Ohio.")
    assert out == [(["Norway"], "face_mask", 40_000, ["USA"])]


def test_a_time_word_owning_the_donations_is_no_giver(extract):
    out = extract("Today's donations add to the 9 million masks already delivered to Peru.")
    assert all(c[0] == [] for c in out)


def test_a_states_shipment_received_is_that_states_gift(extract):
    out = extract("Peru said it received a Chilean shipment of 90 ventilators as part of aid "
                  "promised by President Ruiz.")
    assert out == [(["Chile"], "ventilator", 90, ["PER"])]


def test_a_city_that_donated_goods_another_received_gives_them(extract):
    out = extract("The city of Lima also received 9,000 masks donated by Chengdu.")
    assert out == [(["Chengdu"], "face_mask", 9_000, ["PER"])]


def test_a_participle_after_the_main_clause_shares_its_subject(extract):
    out = extract("Orvo has given supplies to its partner towns of Arles in France and Lund in "
                  "Sweden, sending 4,000 masks to each.")
    assert [c[0] for c in out] == [["Orvo"]]


def test_an_aircraft_by_its_model_that_brought_a_gift_named_by_its_giver(extract):
    out = extract("On Friday an Airbus A330 aircraft, which flew from Chengdu, China, landed in "
                  "Lima with a cargo of medical supplies donated by China. Items donated "
                  "include 7 000 N95 masks.")
    assert out == [(["China"], "respirator", 7_000, ["PER"])]


def test_the_occasion_a_gift_marks_is_no_giver(extract):
    out = extract("Orvo Health, a maker of gloves and other protective gear (PPE), is honoring "
                  "Asia Mask Day (Oct. 3-9) with a gift of 12 million masks.")
    assert [c[0] for c in out] == [["Orvo Health"]]
    out = extract("To mark Asia Mask Day, Orvo Health is donating 12 million masks.")
    assert [c[0] for c in out] == [["Orvo Health"]]


def test_the_agent_after_a_long_destination_and_the_plane_that_brought_a_share(extract):
    text = ("The cargo was shipped first to the seat of the Andean Council in Lima, Peru by the "
            "Holm Foundation for sharing across the region. Chile’s share of the cargo reached "
            "Santiago on May 4 by a Chilean Air Force cargo plane.\n\nThe cargo includes "
            "30,000 masks and 6,000 test kits.")
    assert extract(text) == [(["Holm Foundation"], "face_mask", 30_000, ["CHL"]),
                             (["Holm Foundation"], "test_kit", 6_000, ["CHL"])]
