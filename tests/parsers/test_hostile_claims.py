"""The claim extractor on generated prose: sentences from a grammar of donors, verbs, numbers,
items and places, buried in noise, with absurd numbers and dates far in the past or future.

Properties that can fail: the stated donation is found with its donor, item, quantity, place
and status; every claim's evidence offsets cut its sentence out of the text; quantities are
non-negative integers below the sanity bound, or null; dates are valid ISO dates, or null;
and the extractor never swallows an exception (it logs one, and that fails the test).
"""

from __future__ import annotations

import html
import json
import logging
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aidledger.parsers.claims import extract_claims
from aidledger.parsers.numbers import MAX_VALUE
from aidledger.parsers.page import parse_page

DONORS = ["Orbis", "Nimbus Group", "Tencent", "Zenith Bank", "the Harbor Fund",
          "the Lantern Foundation", "Quay Trust"]
VERBS = {"donated": "donated", "has donated": "donated", "sent": "in_transit",
         "shipped": "in_transit", "will donate": "pledged", "will send": "pledged"}
ITEMS = {"masks": "face_mask", "surgical masks": "face_mask", "N95 respirators": "respirator",
         "test kits": "test_kit", "ventilators": "ventilator", "gloves": "gloves",
         "face shields": "face_shield", "gowns": "protective_suit"}
PLACES = {"Peru": "PER", "Italy": "ITA", "Kenya": "KEN", "Spain": "ESP", "Chile": "CHL",
          "Nepal": "NPL", "South Korea": "KOR", "Ghana": "GHA", "Iran": "IRN"}
WHEN = ["", " on May 3", " last Friday", " yesterday", " on 13 March", " this week"]
NOISE = ["The weather in the capital was mild.", "Officials met on Tuesday to review the plan.",
         "Cases rose by 12% last week, the ministry said.", "The airport reopened in 2020.",
         "Prices of masks fell to $0.50 each.", "“We are grateful,” a spokesperson said.",
         "Did anyone ask why?", "More than 3,000 people attended the briefing."]
ABSURD = {"1e400": None, "99999999999999999999": None, "1,00,000": 100_000,
          "100000000000000000000000000000000000000": None, "0": 0, "-5,000": None,
          "３,０００": 3_000, "1.5 trillion": 1_500_000_000_000, "15 trillion": None,
          "NaN": None, "10^6": None}
PUB = datetime(2021, 5, 12, 9, tzinfo=UTC)
# caplog is cleared at the start of every example, so sharing it across examples is safe
CASES = settings(max_examples=120, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@st.composite
def quantities(draw: st.DrawFn) -> tuple[str, int]:
    """A number as journalists write it, and its value."""
    style = draw(st.sampled_from(["commas", "digits", "million", "lakh", "words"]))
    if style == "million":
        tenths = draw(st.integers(11, 99))
        return f"{tenths // 10}.{tenths % 10} million", tenths * 100_000
    if style == "lakh":
        n = draw(st.integers(1, 9))
        return f"{n},00,000", n * 100_000
    if style == "words":
        return draw(st.sampled_from([("five thousand", 5_000), ("two hundred", 200),
                                     ("half a million", 500_000), ("forty", 40)]))
    value = draw(st.integers(10_000, 10**8) if style == "digits" else st.integers(2, 10**9))
    return (f"{value:,}" if style == "commas" else str(value)), value


@st.composite
def donation_sentences(draw: st.DrawFn) -> tuple[str, dict]:
    donor, verb = draw(st.sampled_from(DONORS)), draw(st.sampled_from(sorted(VERBS)))
    (qty_text, qty), item = draw(quantities()), draw(st.sampled_from(sorted(ITEMS)))
    place, when = draw(st.sampled_from(sorted(PLACES))), draw(st.sampled_from(WHEN))
    lead = donor[0].upper() + donor[1:]
    sentence = f"{lead} {verb} {qty_text} {item} to {place}{when}."
    return sentence, {"donor": donor.removeprefix("the "), "status": VERBS[verb],
                      "quantity": qty, "item": ITEMS[item], "code": PLACES[place]}


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str, dict]:
    sentence, fact = draw(donation_sentences())
    before = draw(st.lists(st.sampled_from(NOISE), max_size=3))
    after = draw(st.lists(st.sampled_from(NOISE), max_size=3))
    glue = draw(st.sampled_from([" ", "\n\n", "  ", "\n"]))
    return glue.join([*before, sentence, *after]), sentence, fact


def evidence_ok(ev: dict, text: str, title: str | None = None) -> None:
    """The evidence cuts its sentence out of the text (or, for a headline claim, the title)."""
    assert ev["sentence"].strip()
    if ev.get("field") == "title":
        assert title and ev["sentence"] in title and ev["start"] == ev["end"] == 0, ev
        return
    assert 0 <= ev["start"] < ev["end"] <= len(text)
    assert text[ev["start"]:ev["end"]] == ev["sentence"]


def sane(text: str, claims: list) -> None:
    """Properties every claim of every text must have."""
    for c in claims:
        evidence_ok(c.evidence, text)
        for q in (c.quantity, c.quantity_each):
            assert q is None or (isinstance(q, int) and 0 <= q <= MAX_VALUE), q
        assert c.date is None or date.fromisoformat(c.date)
        assert c.parent is None or 0 <= c.parent < len(claims)


def no_swallowed_errors(caplog) -> None:
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING
              and r.name.startswith("aidledger.parsers")]
    assert errors == [], [r.getMessage() for r in errors]


@CASES
@given(articles())
def test_a_stated_donation_is_found_whatever_surrounds_it(generated, caplog, article):
    generated["claims: grammar"] += 1
    text, sentence, fact = article
    caplog.clear()
    claims = extract_claims(text, PUB)
    no_swallowed_errors(caplog)
    sane(text, claims)
    found = [c for c in claims if sentence in c.evidence["sentence"]]
    assert len(found) == 1, (text, claims)
    (c,) = found
    assert (c.item, c.quantity, c.status) == (fact["item"], fact["quantity"], fact["status"])
    assert fact["donor"] in c.donors and [r.code for r in c.recipients] == [fact["code"]]


@CASES
@given(st.sampled_from(sorted(ABSURD)), st.sampled_from(sorted(ITEMS)))
def test_absurd_numbers_give_a_sane_quantity_or_none(generated, caplog, number, item):
    generated["claims: absurd numbers"] += 1
    text = f"Orbis donated {number} {item} to Peru."
    caplog.clear()
    claims = extract_claims(text, PUB)
    no_swallowed_errors(caplog)
    sane(text, claims)
    assert all(c.quantity == ABSURD[number] for c in claims), (text, claims)


FAR = st.one_of(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(1, 2, 1)),
                st.datetimes(min_value=datetime(9999, 12, 1), max_value=datetime(9999, 12, 31)),
                st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)))


@CASES
@given(FAR.map(lambda d: d.replace(tzinfo=UTC)), donation_sentences())
def test_publication_dates_far_in_the_past_or_future(generated, caplog, published, item):
    generated["claims: far dates"] += 1
    sentence, fact = item
    caplog.clear()
    claims = extract_claims(sentence, published)
    no_swallowed_errors(caplog)
    sane(sentence, claims)
    assert [c.quantity for c in claims] == [fact["quantity"]], (published, sentence)


@CASES
@given(articles(), st.text(max_size=60), st.integers(0, 10_000))
def test_noise_spliced_anywhere_never_breaks_the_invariants(generated, caplog, article, junk, at):
    generated["claims: spliced noise"] += 1
    text, _sentence, _fact = article
    at %= len(text) + 1
    text = text[:at] + junk + text[at:]
    caplog.clear()
    claims = extract_claims(text, PUB)
    no_swallowed_errors(caplog)
    sane(text, claims)


@CASES
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=2000))
def test_arbitrary_text(generated, caplog, text):
    generated["claims: arbitrary text"] += 1
    caplog.clear()
    claims = extract_claims(text, PUB)
    no_swallowed_errors(caplog)
    sane(text, claims)


DATE_VALUES = st.one_of(
    FAR.map(lambda d: d.isoformat()),
    st.builds(lambda d, h: d.replace(tzinfo=UTC).isoformat()[:19] + f"{h:+03d}:00", FAR,
              st.integers(-14, 14)),
    st.sampled_from(["99999-01-01", "2020-13-45", "-2020-01-01", "0000-00-00", "1e400",
                     "2020-02-30T25:61:00Z", "", "yesterday", "\u0000", "2020-03-16T11:21:18+25:00"]),
    st.text(max_size=30))


@CASES
@given(DATE_VALUES, donation_sentences(), st.booleans())
def test_articles_with_absurd_published_dates_keep_their_claims(generated, caplog, value, item,
                                                                 headline_says_it):
    generated["articles: absurd dates"] += 1
    sentence, fact = item
    title = sentence.rstrip(".") if headline_says_it else "Relief"
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": value})
    page = (f"<html><head><script type='application/ld+json'>{ld}</script>"
            f"<meta property='article:published_time' content='{html.escape(value, quote=True)}'>"
            f"</head><body><article><h1>{html.escape(title)}</h1><p>{html.escape(sentence)} The shipment "
            "left the port in the morning and officials thanked the donors.</p></article>"
            "</body></html>").encode("utf-8", "surrogatepass")
    caplog.clear()
    parsed = parse_page(page, url="https://gazette.example/a", kind="news_article")
    no_swallowed_errors(caplog)
    for key in ("published", "updated"):
        when = parsed.meta.get(key)
        assert when is None or datetime.fromisoformat(when), (key, when)
    text = parsed.meta["text"]
    for rec in parsed.records:
        evidence_ok(rec["evidence"], text, parsed.meta.get("title"))
        assert rec["date"] is None or date.fromisoformat(rec["date"])
    assert [r["quantity"] for r in parsed.records] == [fact["quantity"]], (value, parsed.records)


def test_regressions_found_by_these_properties(caplog):
    """Each was a failing case: a minus read as a positive donation (a range is no count at
    all: quantity null), an exponent's digits read
    as the quantity, a date relative to year 1 or past the last UTC day that crashed (and lost)
    the whole text's claims, a relative date in an undated text resolved against today."""
    assert 5_000 not in [c.quantity for c in extract_claims("Orbis donated -5,000 masks to Peru.")]
    assert 6 not in [c.quantity for c in extract_claims("Orbis donated 10^6 masks to Peru.")]
    assert [c.quantity for c in extract_claims("Orbis sent 5,000-10,000 masks to Peru.")] == [None]
    year_one = datetime(1, 1, 1, tzinfo=UTC)
    (c,) = extract_claims("Orbis donated 5,000 masks to Peru last Friday.", year_one)
    assert (c.quantity, c.date) == (5_000, None)
    last_day = datetime.fromisoformat("9999-12-31T23:59:00-12:00")  # past the last UTC day
    (c,) = extract_claims("Orbis donated 5,000 masks to Peru last Friday.", last_day)
    assert (c.quantity, c.date) == (5_000, "9999-12-24")
    (c,) = extract_claims("Orbis donated 5,000 masks to Peru last Friday.")  # undated text
    assert c.date is None  # not a date relative to whenever the parser happens to run
    no_swallowed_errors(caplog)
