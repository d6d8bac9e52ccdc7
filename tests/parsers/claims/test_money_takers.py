"""Who takes money: the fund a ranking of donors is about, currencies that are no places."""

from __future__ import annotations

from aidledger.parsers.lexicon import find_places
from aidledger.parsers.numbers import find_numbers


def test_a_ranking_of_donors_gives_to_the_fund_named_before(extract):
    text = ("The Zarnia Flood Relief Fund has collected $900 million so far. Lumo Telecom "
            "tops the list of donors, having given $120 million. Orbis Bank gave $60 "
            "million, followed by Quay Trust and Lantern Mills with $30 million each. The list "
            "also includes Harbor Foods ($5 million).")
    got = [(d, q, r) for d, _, q, r in extract(text)]
    fund = ["org:Zarnia Flood Relief Fund"]
    assert got == [(["Lumo Telecom"], 120_000_000, fund), (["Orbis Bank"], 60_000_000, fund),
                   (["Quay Trust"], 30_000_000, fund), (["Lantern Mills"], 30_000_000, fund),
                   (["Harbor Foods"], 5_000_000, fund)]


def test_money_without_a_taker_outside_a_ranking_stays_without(extract):
    text = ("Lumo Telecom gave Rs 5 crore to the Zarnia Relief Fund. Orbis Bank also gave Rs 2 "
            "crore for the cause.")
    assert [r for *_, r in extract(text)] == [["org:Zarnia Relief Fund"], []]


def test_followed_by_names_the_next_giver_not_the_agent(extract):
    out = extract("Orbis Bank gave $3 million to the Red Cross, followed by Quay Trust with "
                  "$1 million.")
    assert out == [(["Orbis Bank"], "funds", 3_000_000, ["org:Red Cross"]),
                   (["Quay Trust"], "funds", 1_000_000, [])]


def test_a_country_code_before_a_dollar_sign_is_the_currency():
    assert find_places("gave US$0.94m and US $2m to Kenya") == find_places(
        "gave XX$0.94m and XX $2m to Kenya")
    assert [p.place.code for p in find_places("aid from the US to Kenya")] == ["USA", "KEN"]


def test_a_currency_sign_does_not_make_its_country_the_articles(extract):
    text = ("Orbis Bank has donated KSh50 million (US$0.47m) to the Covid-19 National Relief "
            "Fund. The gift adds to earlier support in Kenya, said Orbis, which has branches "
            "in Kenya and reports its figures in US$ too.")
    assert [r for *_, r in extract(text)] == [["KEN"]]


def test_gulf_currencies():
    got = [(n.value, n.currency) for t in ("12 million Kuwaiti dinars", "KWD 3 million",
                                           "QR 50 million", "OMR 250,000", "BHD 1m")
           for n in find_numbers(t)]
    assert got == [(12_000_000, "KWD"), (3_000_000, "KWD"), (50_000_000, "QAR"),
                   (250_000, "OMR"), (1_000_000, "BHD")]
