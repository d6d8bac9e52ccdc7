"""Givers across clauses and sentences: whose predicate, whose purpose, whose possessive."""


def test_a_second_predicate_joined_by_and_shares_the_first_ones_subject(extract):
    out = extract("Portugal has long backed the Tarsa Vaccine Pool, a joint buying club, "
                  "and has since donated $40 million.")
    assert [c[0] for c in out] == [["Portugal"]]


def test_a_name_in_the_object_of_a_noun_ending_in_city_is_no_subject(extract):
    out = extract("The Orvo Lending Bank will spend $12 million on the crisis. Of the bank's "
                  "money, $9 million is to raise the capacity of the Lakeside Health Institute "
                  "(LHI), while $3 million will be a donation to the Lakeside Relief Fund.")
    assert {tuple(c[0]) for c in out} == {("Orvo Lending Bank",)}


def test_by_inside_a_purpose_after_the_gift_names_no_giver(extract):
    out = extract("The Tarsa Foundation sent a shipment to the Kenya Medical Board on Friday. "
                  "The donation will help fight the outbreak by Coastal County Councils and it contains "
                  "70,000 masks and 90 ventilators.")
    assert {tuple(c[0]) for c in out} == {("Tarsa Foundation",)}


def test_a_body_that_receives_in_a_clause_after_the_gift_is_no_giver(extract):
    out = extract("In Lyon, the Rotary Club of France gave 8,000 face shields which were "
                  "received by the Peruvian Consulate General.")
    assert out == [(["Rotary Club of France"], "face_shield", 8_000, ["PER"])]


def test_the_takers_own_possessive_after_from_is_no_giver(extract):
    out = extract("Ohio received 7,000 masks from its twin province in Japan.")
    assert [c[0] for c in out] == [[]]


def test_a_surname_opening_the_sentence_before_its_description_is_the_subject(extract):
    out = extract("Kenya got its share of the kits pledged to Africa by the trader Tom Orvo. "
                  "Its clinics will get them first. Orvo, the Kenyan magnate had earlier "
                  "promised 900,000 test kits to Africa.")
    assert [c[0] for c in out if c[2]] == [["Tom Orvo"]]


def test_a_private_body_named_in_a_restatement_beats_the_country_first_read(extract):
    out = extract("Peru got from Japan a gift of 40,000 masks, 9,000 test kits and three "
                  "ventilators. \"On Monday 40,000 masks, 9,000 test kits and 3 ventilators "
                  "donated by the Orvo Foundation landed in Lima,\" the group said.")
    assert {tuple(c[0]) for c in out} == {("Orvo Foundation",)}


def test_a_person_of_a_states_mission_gives_as_the_mission(extract):
    out = extract("Counsellor Tom Reyes of the Embassy of Peru in Oslo handed over 3,000 masks "
                  "to the city.")
    assert [c[0] for c in out] == [["Embassy of Peru"]]


def test_he_after_a_persons_second_name_is_the_person(extract):
    text = ("Lin Bao, or Bao Lin, is a Peruvian business magnate.\n\nThis month he "
            "has donated 400 ventilators to Chile.")
    assert extract(text) == [(["Lin Bao"], "ventilator", 400, ["CHL"])]


def test_who_a_giver_partnered_with_to_deliver_neither_gives_nor_takes(extract):
    text = ("Lin Bao has partnered with the World Food Program (WFP) and Andes Airlines to "
            "deliver to the countries of the Andes.\n\nIn the last shipment, each member state "
            "received: 3,000 test kits.")
    out = extract(text)
    assert [c[0] for c in out] == [["Lin Bao"]]
    assert not {"org:WFP", "org:Andes Airlines"} & set(out[0][3])
