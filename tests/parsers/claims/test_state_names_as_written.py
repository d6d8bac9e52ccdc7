"""A state giver is named as the giving sentence names it ("the" dropped, the country spelled
as written), and the checks that need its country read it back from that name."""

from __future__ import annotations

from aidledger.parsers.claim_givers import country_of, giver_key, state_of, without_own_country
from aidledger.parsers.records import Recipient


def test_a_demonym_or_country_government_keeps_its_words(extract):
    assert extract("The Uruguayan government donated 4,000 masks to Paraguay.") == [
        (["Uruguayan government"], "face_mask", 4_000, ["PRY"])]
    assert extract("Bolivia received 300 ventilators from the US government.") == [
        (["US government"], "ventilator", 300, ["BOL"])]
    assert extract("Some 900 gowns donated by Uruguay's government reached Lima.")[0][0] == [
        "Uruguay's government"]


def test_a_government_or_embassy_of_a_country_keeps_its_words(extract):
    assert extract("The Embassy of Uruguay handed over 1,200 gowns to Paraguay.") == [
        (["Embassy of Uruguay"], "protective_suit", 1_200, ["PRY"])]
    assert extract("A gift of 800 masks from the government of Uruguay arrived in Asuncion."
                   ) == [(["government of Uruguay"], "face_mask", 800, ["PRY"])]


def test_an_official_long_name_and_a_bare_country_stay_as_written(extract):
    assert extract("The Republic of Ecuador donated 700 test kits to Colombia.") == [
        (["Republic of Ecuador"], "test_kit", 700, ["COL"])]
    assert extract("Uruguay has donated 500 gowns to Paraguay.") == [
        (["Uruguay"], "protective_suit", 500, ["PRY"])]


def test_a_weekday_after_the_name_is_no_part_of_it(extract):
    assert extract("The Government of Uruguay Thursday donated 40 ventilators to Paraguay."
                   ) == [(["Government of Uruguay"], "ventilator", 40, ["PRY"])]


def test_the_embassy_read_back_is_the_mission_as_named_in_full_with_its_seat(extract):
    out = extract("The Uruguayan Embassy in Lima hosted a ceremony. The embassy donated 2,000 "
                  "masks to Peru.")
    assert out == [(["Uruguayan Embassy in Lima"], "face_mask", 2_000, ["PER"])]


def test_an_envoy_gives_for_the_state_body_the_sentence_names(extract):
    for text in ("Ambassador Marta Ruiz handed over 3,000 masks to Peru on behalf of the "
                 "Uruguayan government.",
                 "Uruguayan Ambassador Marta Ruiz handed over 3,000 masks to Peru on behalf of "
                 "the Uruguayan government."):
        assert extract(text) == [(["Uruguayan government"], "face_mask", 3_000, ["PER"])], text


def test_an_envoy_with_no_body_named_gives_for_the_country_as_the_article_writes_it(extract):
    assert extract("Uruguay's Ambassador to Peru Marta Ruiz handed over 3,000 masks.")[0][0] == [
        "Uruguay"]
    assert extract("Uruguayan Ambassador Marta Ruiz handed over 3,000 masks to Peru. Uruguay "
                   "has close ties with Peru.")[0][0] == ["Uruguay"]


def test_a_states_force_stands_for_the_country(extract):
    assert extract("Uruguayan air force planes flew 900 masks to Peru.") == [
        (["Uruguay"], "face_mask", 900, ["PER"])]


def test_every_written_form_is_read_back_as_its_country():
    assert country_of("US government") == "USA"
    assert country_of("Peruvian Embassy") == "PER"
    assert country_of("Republic of Ecuador") == "ECU"
    assert country_of("Government of the United States of America") == "USA"
    assert country_of("government of Uruguay") == "URY"
    assert state_of("Uruguayan government") == "URY"
    assert giver_key("Uruguayan Embassy") == giver_key("Uruguay") == giver_key(
        "Government of Uruguay")
    assert giver_key("Orvo Foundation") == "orvo foundation"


def test_a_state_named_by_its_body_is_still_not_its_own_recipient(extract):
    kept = without_own_country(["Uruguayan government"],
                               [Recipient("Uruguay", "URY"), Recipient("Peru", "PER")])
    assert [r.code for r in kept] == ["PER"]
    assert extract("The Uruguayan government will give 500 ventilators to Peru and Uruguay.") == [
        (["Uruguayan government"], "ventilator", 500, ["PER"])]


def test_one_gift_told_twice_under_two_names_of_the_state_is_one_claim(extract):
    out = extract("The Uruguayan government donated 5,000 masks to Peru. Uruguay's gift of 5,000 "
                  "masks arrived in Lima on Friday.")
    assert out == [(["Uruguayan government"], "face_mask", 5_000, ["PER"])]


def test_a_claim_names_a_state_once(extract):
    out = extract("The Uruguayan Embassy and Uruguay donated 600 gowns to Peru.")
    assert [d for d, *_ in out] == [["Uruguayan Embassy"]]


def test_a_lower_case_government_of_a_country_as_subject_keeps_its_words(extract):
    assert extract("The government of Uruguay donated 900 gowns to Paraguay.") == [
        (["government of Uruguay"], "protective_suit", 900, ["PRY"])]
    assert extract("On Friday the government of the Philippines sent 900 gowns to Palau.") == [
        (["government of the Philippines"], "protective_suit", 900, ["PLW"])]


def test_a_two_word_country_owning_its_body_is_the_country_whole(extract):
    assert extract("South Africa’s health ministry donated 2,500 gowns to Lesotho.") == [
        (["South Africa"], "protective_suit", 2_500, ["LSO"])]


def test_the_giver_named_where_the_goods_are_handed_over_outranks_the_headlines(extract):
    text = ("Staff of the Japanese embassy handed over the supplies in Dodoma this week, goods "
            "donated by the Japanese government.\n\nThe supplies include 2,000 N95 masks and "
            "500 infrared thermometers.")
    out = extract(text, title="Japan sends Tanzania a consignment of medical aid")
    assert out == [(["Japanese government"], "respirator", 2_000, ["TZA"]),
                   (["Japanese government"], "thermometer", 500, ["TZA"])]


def test_goods_donated_by_a_government_then_handed_over_are_that_governments(extract):
    out = extract("A new batch of supplies donated by the government of Chile was handed "
                  "over to Peru on Monday, including 3,000 gowns.")
    assert out == [(["government of Chile"], "protective_suit", 3_000, ["PER"])]


def test_the_us_with_its_dots_opening_a_sentence_keeps_its_last_dot(extract):
    assert extract("The U.S. has provided over $12.5 million to Chile.") == [
        (["U.S."], "funds", 12_500_000, ["CHL"])]


def test_a_sentence_ending_on_us_dot_ends_before_the_next_one(extract):
    assert extract("Gowns came from the U.S. The Orvo Group gave 700 gloves to Peru.") == [
        (["Orvo Group"], "gloves", 700, ["PER"])]


def test_a_mission_is_named_with_its_seat_and_its_gift_stays_there(extract):
    """Readers name a mission as the text does, where it sits included; the state it stands
    for is still read from it, and a gift that names no taker goes where the mission sits."""
    assert extract("The Peruvian Consulate General in Denver donated 3,000 masks.") == [
        (["Peruvian Consulate General in Denver"], "face_mask", 3_000, ["USA"])]
    assert extract("The Embassy of Peru in Chile handed over 40 ventilators to Chile.") == [
        (["Embassy of Peru in Chile"], "ventilator", 40, ["CHL"])]
    from aidledger.parsers.claim_givers import country_of
    assert country_of("Embassy of Peru in Chile") == "PER"
    assert country_of("Peruvian Consulate General in Denver") == "PER"
