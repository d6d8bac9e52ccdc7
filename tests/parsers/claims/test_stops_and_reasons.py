"""Places in a gift's sentence that do not take it: stops on the way, reasons, other acts."""

from __future__ import annotations


def test_a_stop_before_and_then_on_to(extract):
    out = extract("The Varga Trust sent 20,000 masks to Austria's Linz airport and then on to "
                  "Budapest, where the Hungarian Red Cross took them.")
    assert out == [(["Varga Trust"], "face_mask", 20_000, ["HUN"])]


def test_goods_which_will_be_sent_somewhere_go_there(extract):
    out = extract("Corvel Air donated 300,000 masks, which will be sent to Chile.")
    assert out == [(["Corvel Air"], "face_mask", 300_000, ["CHL"])]


def test_the_help_a_gift_returns_names_no_recipient(extract):
    out = extract("Tomas Berg has donated 1 million masks to Norway in return for the help "
                  "Norway gave Sweden last spring.")
    assert out == [(["Tomas Berg"], "face_mask", 1_000_000, ["NOR"])]


def test_the_wider_effort_a_gift_belongs_to_names_no_recipient(extract):
    assert extract("Qatar flew 40,000 gloves to Oman as part of its aid to nations in the "
                   "Gulf.") == [(["Qatar"], "gloves", 40_000, ["OMN"])]
    assert extract("Qatar flew 40,000 gloves as part of its aid to Oman.") == [
        (["Qatar"], "gloves", 40_000, ["OMN"])]


def test_another_act_after_a_gift_names_none_of_its_recipients(extract):
    out = extract("Its aid has included a $5 million donation to UNICEF, sending nurses to "
                  "Peru and building a clinic in Bolivia.")
    assert [c[3] for c in out] == [["org:UNICEF"]]


def test_more_supplies_sent_elsewhere_are_another_gift(extract):
    out = extract("Chile supplied 20,000 gowns to Bolivia in May and more supplies were also "
                  "sent to Peru and Ecuador.")
    assert out == [(["Chile"], "protective_suit", 20_000, ["BOL"])]


def test_an_acronym_the_article_spells_out_as_a_body_is_no_country(extract):
    out = extract("Kallo Power handed over 40,000 masks to the Peru Red Cross (PRC) at the "
                  "PRC offices in Lima.")
    assert out == [(["Kallo Power"], "face_mask", 40_000, ["PER"])]


def test_a_hub_the_goods_pass_through_and_where_it_sends_them(extract):
    out = extract("In all, 90,000 gowns will be delivered through Ghana, Accra, which will "
                  "lead the logistics and distribution to the rest of Africa, the Nuru Trust "
                  "said.")
    assert out == [(["Nuru Trust"], "protective_suit", 90_000, ["region:africa"])]


def test_a_giving_body_named_with_its_country_is_no_recipient(extract):
    out = extract("The grant adds to the $2 million that USAID and the U.S. Forest Service "
                  "have committed to Peru.")
    assert [c[3] for c in out] == [["PER"]]


def test_a_hospital_beside_a_place_takes_that_country(extract):
    out = extract("The Lyon branch of Ferro Bank donated 4,000 N95 masks to Saint Roch "
                  "Hospital and SAMU, two hospitals in Nice, France.")
    assert [c[3] for c in out] == [["FRA"]]


def test_the_foundations_a_giver_acts_through_are_no_recipients(extract):
    out = extract("Ravi Mehta announced 2 million face masks for all of Africa via his "
                  "foundation and the Mehta Foundation.")
    assert [c[3] for c in out] == [["region:africa"]]


def test_the_seat_of_an_envoy_is_no_recipient(extract):
    out = extract("The Lumo Group handed over 500 gowns to the Embassy of Chile in Lima.")
    assert all("PER" not in c[3] for c in out)


def test_the_governor_of_a_state_that_receives_is_that_states_country(extract):
    assert extract("The Governor of Kano State received 10,000 masks from Kado Motors.") == [
        (["Kado Motors"], "face_mask", 10_000, ["NGA"])]


def test_an_earlier_gift_after_after_and_an_aside_on_the_takers(extract):
    out = extract("Acme Corp gave 10,000 masks to Peru on Monday after sending 5,000 to "
                  "Chile last week.")
    assert out[0] == (["Acme Corp"], "face_mask", 10_000, ["PER"])
    out = extract("Acme Corp gave 8,000 masks to Peru and Bolivia, two of the hardest-hit "
                  "countries in South America.")
    assert out == [(["Acme Corp"], "face_mask", 8_000, ["PER", "BOL"])]


def test_a_fronted_phrase_before_the_giver_and_its_verb_is_no_attribution(extract):
    out = extract("With regard to Peru, the Orla Fund has announced $5 million in funding, "
                  "including $2 million to help Peru train nurses.")
    assert (["Orla Fund"], "funds", 2_000_000, ["PER"]) in out


def test_another_amount_with_its_own_taker_ends_the_list(extract):
    out = extract("Orvik shipped protective masks: about 1 million units to Peru and 800,000 "
                  "units to Chile.")
    assert out[0] == (["Orvik"], "face_mask", 1_000_000, ["PER"])


def test_the_main_clause_after_a_relative_one_names_none_of_its_takers(extract):
    out = extract("Tomas Berg, who has already donated 50,000 masks to Norway, has now turned "
                  "his attention to Africa.")
    assert out == [(["Tomas Berg"], "face_mask", 50_000, ["NOR"])]


def test_a_gapped_clause_keeps_its_own_taker(extract):
    out = extract("Orvik has donated supplies to Peru and Chile. Peru will get 10,000 masks and "
                  "Chile 5,000.")
    assert out[0] == (["Orvik"], "face_mask", 10_000, ["PER"])


def test_a_place_is_cut_as_the_givers_only_where_the_givers_name_is_written(extract):
    out = extract("The Power Corporation of the Philippines also donated 1 billion pesos to "
                  "the Philippine government.")
    assert out == [(["Power Corporation of the Philippines"], "funds", 1_000_000_000, ["PHL"])]


def test_a_hub_the_goods_go_on_from_is_no_taker(extract):
    out = extract("A batch of 500 masks donated by Orbis landed in Ghana so that it could be "
                  "sent on to all of West Africa.")
    assert [r for *_, r in out] == [["region:africa"]]
    out = extract("Orbis sent 500 masks to Dubai, from where they will be sent to Oman and Yemen.")
    assert [r for *_, r in out] == [["OMN", "YEM"]]
    out = extract("Orbis sent 500 masks to Ethiopia, to be distributed to hospitals in the "
                  "capital.")  # distributed inside the country: still its taker
    assert [r for *_, r in out] == [["ETH"]]


def test_where_the_goods_giver_is_after_from_is_no_taker(extract):
    out = extract("The envoy handed the Peruvian health ministry 9,000 masks from the city "
                  "government in Sichuan province in western China.")
    assert [c[3] for c in out] == [["PER"]]
    out = extract("Lin Bao sent 9,000 masks from Chengdu to clinics in Peru.")
    assert [c[3] for c in out] == [["PER"]]
