"""The quick tests run before slow patterns give the pattern's own answer: a word list that a
prefilter checks, or a shorter window tried first, never changes what is found. Each case is
one branch of its pattern (a new branch wants its word in the list and a case here)."""

from __future__ import annotations

import pytest

from aidledger.parsers import names
from aidledger.parsers.claim_outside import _NOT_DEST, _not_dest
from aidledger.parsers.claim_recipients import _DEST, _dest_before
from aidledger.parsers.claim_undone import skip_sentence

DEST_WINDOWS = [
    "", "to ", "Relief Co. sent 4,000 gowns to ", "will be shipped to the ",
    "4,000 gowns went to Oslo, ", "the kits reached over 30 ", "presented the ",
    "received by the officials of the ", "to help the ", "the people of ",
    "to each of the nine ", "namely ", "member states ", "Lima and ", "Lima as well as the ",
    "gave their own ", "— ", "kits & ", "the council said on Tuesday that its staff would ",
    "A spokesperson for the port authority confirmed the arrival late on Friday evening by ",
    "shipped in a crate to a warehouse, then across town by truck and, at last, throughout ",
]
NOT_DEST_WINDOWS = [
    "", "masks made in ", "kits produced in the ", "gowns shipped from the people of ",
    "from its depot in ", "a shipment funded by the ", "with financial support from the ",
    "with grants from ", "a contribution by the ", "loaded at ", "flown via the ",
    "through its branch office in ", "through the trust and the ",
    "sent from Rotterdam, ", "bought 500 kits from ", "ordered last month from the ",
    "donated by the city of ", "the Ambassador of Chile to ", "the consul-general of Peru to ",
    "OSLO, ", "  NEW PORT, ", "from five firms and the ", "the outbreak first reported in ",
    "4,000 gowns went to Oslo, ", "Relief Co. sent 4,000 gowns to ", "to the people of ",
    "OSLO AND BERGEN AND TROMSO AND KRISTIANSAND AND STAVANGER, ", "the staff left for ",
]


@pytest.mark.parametrize("window", DEST_WINDOWS + NOT_DEST_WINDOWS)
def test_destination_found_as_the_whole_window_search_finds_it(window):
    assert _dest_before(window) == (_DEST.search(window) is not None)


@pytest.mark.parametrize("window", NOT_DEST_WINDOWS + DEST_WINDOWS)
def test_origin_prefilter_keeps_every_match(window):
    assert _not_dest(window) == (_NOT_DEST.search(window) is not None)


def _split_every_time(text):
    out, pos = [], 0
    for a in names._ATTRIBUTIVE.finditer(text):
        out += list(names._NAME.finditer(text, pos, a.start()))
        pos = a.end()
    return out + list(names._NAME.finditer(text, pos))


@pytest.mark.parametrize("text", [
    "The Oslo-based Fjord Relief Fund sent 500 gowns to Lima.",
    "Bergen Shipping, a Norway-owned firm, and the Tromso-born founder gave kits.",
    "Fjord Relief Fund sent 500 gowns to Lima.", "a co-owned depot", "",
])
def test_place_adjectives_taken_out_as_before(text):
    assert [m.span() for m in names._attributive_split(text)] == [
        m.span() for m in _split_every_time(text)]


@pytest.mark.parametrize("name", ["Kenyan Farmers Association", "Oslo Chamber of Commerce",
                                  "Lima Rotary Club", "Clubhouse", "Council", "MegaCouncil",
                                  "Association Fund", "Bergen Community"])
def test_members_body_test_as_the_pattern(name):
    assert (name.endswith(names._MEMBERS_BODIES) and names._MEMBERS_BODY.search(name) is not None
            ) == (names._MEMBERS_BODY.search(name) is not None)


@pytest.mark.parametrize("sentence, skipped", [
    ("An earlier version of this post gave the number of gowns as 5,000.", True),
    ("We incorrectly reported that Fjord Relief sent 300 ventilators.", True),
    ("This story wrongly stated the count of masks.", True),
    ("THIS REPORT HAD MISTAKENLY SAID 40,000 KITS.", True),
    ("Fjord Relief sent 300 ventilators to Lima.", False),
    ("Between them they gave 300 ventilators.", False),
])
def test_corrections_still_skipped(sentence, skipped):
    assert skip_sentence(sentence) is skipped


@pytest.mark.parametrize("text", [
    "Relief Co. sent the kits to ", "Relief Co. sent the kits to the new field ",
    "goods went through its nonprofit arm ", "  into  ", "to ", "via their ", "Through its ",
    "It shipped them to the three new regional ", "the gowns went to the ",
    "to the big new field office ", "sent them, through a partner, onwards to\t",
    "Lima", "", " ",
])
def test_direction_word_before_a_name_as_the_whole_search(text):
    for end in range(len(text) + 1):
        assert names._oblique(text, end) == (end > 0 and text[end - 1].isspace() and bool(
            names._OBLIQUE.search(text, 0, end)))


def _word_cases():
    from aidledger.parsers import (
        claim_partners,
        claim_recipients,
        claim_shapes,
        claim_takers,
        claim_undone,
    )
    return [
        (claim_takers.SEAT, claim_takers.SEAT_WORDS, ["sent to the Envoys of Peru in ",
                                                       "handed to the consulate in the "]),
        (claim_recipients._THE_GOVERNMENT, ("government", "authorities"), [
            "to help the federal government with", "for the local authorities"]),
        (claim_partners._PARTNER, claim_partners._PARTNER_WORDS, [
            "Fjord Relief, together with the Lima Trust, sent", "X teamed up with Y",
            "X, In Partnership With Y, gave"]),
        (claim_shapes._EACH_REF, ("each",), ["Each of the nations gets 40 kits"]),
        (claim_takers._COUNTED_BACK, ("countries", "nations"), [
            "600 kits each to the two Nations", "for both the 3 countries"]),
        (claim_undone._PAYS, ("pay", "paid"), ["The city does PAY for these kits",
                                                 "the council paid for them"]),
        (claim_shapes._GROUP_REF, ("receive", "get", "got"), [
            "The countries will receive 20 kits", "these states got 40 gowns"]),
    ]


def test_prefilter_words_are_in_every_match():
    from aidledger.parsers.prefilter import may_hold
    for pattern, words, texts in _word_cases():
        for text in texts:
            assert pattern.search(text), (pattern.pattern[:40], text)
            assert may_hold(text, words), (words, text)
