"""The headline as a sentence: Title Case undone for common words, and its recipients carried
to body claims that name none.

"Apple Donates 10 Million Masks to US Healthcare Workers" capitalises verbs and nouns that the
name rules would read as one long name ("Apple Donates"); the donation verbs, item words, scale
words and small words are lowercased first (same length, so nothing else moves). Body
sentences often drop what the headline says: "China to donate testing kits to PH" then "China
has pledged to donate 100,000 testing kits" (to no one named); the body claim of a giver the
headline names takes the headline's recipients.
"""

from __future__ import annotations

import re
from functools import cache

from aidledger.parsers.claim_givers import country_of
from aidledger.parsers.claim_home import OTHER_COUNTRIES
from aidledger.parsers.claim_model import Claim
from aidledger.parsers.lexicon import _load, lookup_place
from aidledger.parsers.names import vocab
from aidledger.parsers.records import Recipient

# lowercased wherever they stand in a Title Case headline, inside a run of names too
_RELATIVES = {"that", "which", "who", "towards", "toward", "have", "has", "had", "the", "a", "an"}
_SMALL = {"to", "of", "for", "and", "in", "on", "with", "from", "by", "as", "at", "is", "are",
          "was", "were", "be", "will", "its", "his", "her", "their", "more", "than", "over",
          "million", "billion", "thousand", "hundred", "says", "said", "amid", "after", "worth",
          "help", "fight", "against", "workers", "healthcare", "health", "medical", "supplies",
          "coronavirus", "millions", "thousands", "hit", "hardest", "countries", "nations",
          "organizations", "organisations", "billionaires", "companies", "firms", "donors",
          "charities", "these", "those", "how", "why", "what", "list", "support", "additional",
          "further", "efforts", "testing", "frontline", *_RELATIVES}


@cache
def _common_words() -> frozenset[str]:
    words = set(_SMALL)
    for phrases in vocab()["triggers"].values():
        words |= {w for p in phrases for w in p.split()}
    for item in _load("items.toml").values():
        words |= {w for a in item["aliases"] for w in a.split() if w.isalpha()}
    return frozenset(words)


def untitled(title: str) -> str:
    """A Title Case headline with its common words lowercased; other headlines as they are."""
    words = re.findall(r"[A-Za-z][\w'’-]*", title)
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return title
    common, verbs = _common_words(), _verb_words()
    out = title
    for m in re.finditer(r"(?<![\w'’-])[A-Z][a-z]+(?![\w'’-])", title):
        word = m.group(0).lower()
        if m.start() == 0 or word not in common or (word not in verbs and _in_name(out, m.start())):
            continue
        out = out[:m.start()] + word + out[m.end():]
    return out


_FUNCTION = {"to", "of", "for", "and", "in", "on", "with", "from", "by", "as", "at", "is", "are",
             "was", "were", "be", "will", "its", "his", "her", "their", "more", "than", "over",
             "says", "said", "amid", "after", "against", "million", "billion", "thousand",
             "hundred", "millions", "thousands", *_RELATIVES}


@cache
def _verb_words() -> frozenset[str]:
    """Words lowercased wherever they stand: donation verbs and small function words."""
    return frozenset({w for phrases in vocab()["triggers"].values() for p in phrases
                      for w in p.split()} | _FUNCTION)


def _in_name(text: str, at: int) -> bool:
    """ "Direct Relief Ships ...", "World Health Organization Sends ...": a noun right after a
    capitalised word kept as written (not a place) continues that name."""
    prev = re.search(r"(?<![\w'’-])([A-Z][\w'’-]*)\s+$", text[:at])
    return bool(prev) and not lookup_place(prev.group(1))  # type: ignore[union-attr]


def _tokens(donors: list[str]) -> set[str]:
    return {w for d in donors for w in re.findall(r"\w+", d.lower())} - {
        "foundation", "group", "the", "and", "of", "inc", "ltd", "company"}


def carry_headline_recipients(claims: list[Claim]) -> None:
    """Body claims with no recipient take the headline's, when the headline names one set of
    recipients and a giver sharing a word with theirs, unless their sentence sends the goods to
    countries it leaves unnamed."""
    heads = [c for c in claims if c.from_title]
    if len({frozenset(r.code for r in c.recipients) for c in heads} - {frozenset()}) != 1 or \
            not all(c.recipients for c in heads):  # "$174m ... including $2.9m to India": the
        return  # whole went to no named recipient; India is the part's alone
    head = heads[0]
    words = _tokens(head.donors)
    shared_out = {c.parent for c in claims if c.parent is not None}
    for i, c in enumerate(claims):
        if i in shared_out:
            continue  # a whole the article shares out names its recipients through its parts
        if c.evidence.get("field") != "title" and not c.recipients and c.parent is None \
                and (c.item == "funds") == (head.item == "funds") \
                and words and words & _tokens(c.donors) \
                and not OTHER_COUNTRIES.search(c.evidence.get("sentence", "")):
            c.recipients = list(head.recipients)  # not goods sent "to countries across the
            # world", "abroad": those go to others than the headline's


# a headline that names whom the article's help is for: "... to help Peru curb the virus"
_HELPS = re.compile(r"\b(?:help|helps|helping|aid|aids|support|supports|supporting|for)\s+"
                    r"(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")


def headline_helped(claims: list[Claim], title: str | None) -> None:
    """Claims of a state's gift naming no taker, under a headline that names one country the
    help is for ("South Korea: It is time for solidarity to help Peru curb COVID-19"): that
    country, when it is not the giver's own."""
    if not title or not (m := _HELPS.search(title)):
        return
    place = lookup_place(m.group(1))
    if place is None or place.kind != "country":
        return
    for c in claims:
        own = {country_of(d) for d in c.donors}
        if not c.recipients and c.donors and None not in own and place.code not in own:
            c.recipients = [Recipient(m.group(1), place.code)]
