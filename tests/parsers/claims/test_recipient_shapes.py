"""Who takes goods: a state body's country, the countries named after a count of them, and
places that belong to the giver or a funder rather than the taker."""

from __future__ import annotations


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

