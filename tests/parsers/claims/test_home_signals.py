"""The country a local article is about when it never names it: its dateline's state or
province, state and province names in its text, and its web address's country domain (which
only breaks a tie or stands alone); none of them outweighs a country the article names."""

from __future__ import annotations

from aidledger.parsers.claim_locale import dateline_country, url_country
from aidledger.parsers.page import parse_article


def test_dateline_forms_of_us_states_and_canadian_provinces():
    assert dateline_country("SPRINGFIELD, Ill. – Marden Plastics gave")[0] == "USA"
    assert dateline_country("LAKEVIEW, NY — The school gave")[0] == "USA"
    assert dateline_country("Marlow, Ont. (Agency) - The mill gave")[0] == "CAN"
    assert dateline_country("PINE BLUFF, Okla. (KXYZ) – A local college")[0] == "USA"
    assert dateline_country("HALIFAX, N.S. — Dock workers")[0] == "CAN"
    assert dateline_country("BURLINGTON, Vt., April 3 (Wire) -- The inn")[0] == "USA"


def test_no_dateline_state_in_other_openings():
    assert dateline_country("NAIROBI, Kenya, Mar 24 – Kenya received") is None  # a name
    assert dateline_country("ITANAGAR, Jul 5: The trust gave") is None
    assert dateline_country("HOUSTON – The foundation gave") is None
    assert dateline_country("Orvik, Inc. - said on Monday") is None
    assert dateline_country("The mill gave 300 masks, NY officials said - ") is None


def test_country_domains_of_web_addresses():
    assert url_country("https://www.lakeviewherald.ca/news/1") == "CAN"
    assert url_country("https://news.example.co.uk/a") == "GBR"
    assert url_country("https://www.example.com.au/a") == "AUS"
    assert url_country("https://kampala-daily.co.ug/a") == "UGA"
    assert url_country("https://www.campus.edu/news") == "USA"
    assert url_country("https://example.com/a") is None
    assert url_country("https://example.tv/a") is None  # a country's domain used as a word
    assert url_country("https://example.co/a") is None
    assert url_country(None) is None
    # a national outlet's pages of news from abroad tell nothing of the country the news is in
    assert url_country("https://www.lakeviewherald.ca/world/story/1") is None
    assert url_country("https://kampala-daily.co.ug/international/a") is None


def test_a_dateline_state_places_goods_for_local_hospitals(extract):
    out = extract("SPRINGFIELD, Ill. – Marden Plastics donated 4,000 face shields to local "
                  "hospitals on Tuesday.")
    assert out == [(["Marden Plastics"], "face_shield", 4_000, ["USA"])]


def test_a_dateline_province_places_a_receiving_body(extract):
    out = extract("Marlow, Ont. (Agency) - The Pell Foundation gave 2,000 gloves to the "
                  "Riverbend Community Health Centre.")
    assert out == [(["Pell Foundation"], "gloves", 2_000, ["CAN"])]


def test_a_dateline_state_places_money_for_local_organisations(extract):
    out = extract("LAKEVIEW, NY — Orland College gave $40,000 to local healthcare "
                  "organizations.")
    assert out == [(["Orland College"], "funds", 40_000, ["USA"])]


def test_the_dateline_town_of_a_province_is_no_other_country(extract):
    out = extract("LONDON, Ont. – Marden Plastics donated 4,000 face shields to the Thames "
                  "Valley Hospital.")
    assert out == [(["Marden Plastics"], "face_shield", 4_000, ["CAN"])]


def test_a_dateline_state_does_not_outweigh_the_country_named(extract):
    out = extract("NEW YORK, NY — The Orvik Fund sent 2 million masks to Yemen on Friday. "
                  "Yemen's clinics in Aden are short of gear. The fund also gave 500 gowns "
                  "to the Crater Mission Hospital.")
    assert (["Orvik Fund"], "protective_suit", 500, ["YEM"]) in out


def test_a_state_or_province_named_in_the_text_counts_for_its_country(extract):
    out = extract("Clinics across Manitoba are short of gear. Pell Foods gave 3,000 masks to "
                  "local hospitals.")
    assert out == [(["Pell Foods"], "face_mask", 3_000, ["CAN"])]


def test_the_web_address_alone_places_goods(extract):
    out = extract("The Pell Foundation gave 2,000 gloves to local hospitals on Monday.",
                  url="https://www.lakeviewherald.ca/news/1")
    assert out == [(["Pell Foundation"], "gloves", 2_000, ["CAN"])]


def test_the_web_address_breaks_a_tie(extract):
    out = extract("Orvo Mills, with plants in Ohio and Ontario, gave 500 masks to the Lakeside "
                  "Medical Center.", url="https://www.example.ca/a")
    assert out == [(["Orvo Mills"], "face_mask", 500, ["CAN"])]
    out = extract("Orvo Mills, with plants in Ohio and Ontario, gave 500 masks to the Lakeside "
                  "Medical Center.")
    assert out == [(["Orvo Mills"], "face_mask", 500, ["org:Lakeside Medical Center"])]


def test_the_web_address_never_outweighs_a_country_named(extract):
    out = extract("China donated 30 ventilators to Italy on Sunday. Italy has been hit hard. "
                  "The Sino Trade Council also gave 200 gowns to the Bergamo Valley Hospital.",
                  url="https://www.example-daily.in/world/1")
    assert (["Sino Trade Council"], "protective_suit", 200, ["ITA"]) in out


def test_the_page_passes_its_address_to_the_claims():
    html = (b"<!doctype html><html><head><title>Gloves for local hospitals</title>"
            b"<link rel='canonical' href='https://www.lakeviewherald.ca/news/gloves'>"
            b"<meta property='article:published_time' content='2020-04-08T12:00:00+00:00'>"
            b"</head><body><article><h1>Gloves for local hospitals</h1><p>The Pell Foundation "
            b"gave 2,000 gloves to local hospitals on Monday, its director said.</p>"
            b"</article></body></html>")
    page = parse_article(html, None, None)
    assert [[r["code"] for r in c["recipients"]] for c in page.records] == [["CAN"]]
