"""Sentences that add to the claims just before them instead of stating new ones: where the
goods go next ("These supplies will be delivered to France, Slovenia and Belgium") and who gave
them ("The ventilators were donated by X and Y")."""

from __future__ import annotations

import re
from functools import lru_cache

from aidledger.parsers.claim_coref import name_donors
from aidledger.parsers.claim_givers import giver_key
from aidledger.parsers.claim_items import item_mentions
from aidledger.parsers.claim_model import Claim, Span, negated
from aidledger.parsers.claim_partners import resolve_donors
from aidledger.parsers.claim_parts import Clause, trigger_in
from aidledger.parsers.claim_recipients import recipients_in
from aidledger.parsers.dates import DATE_PHRASE
from aidledger.parsers.lexicon import find_places, lookup_place, region_members
from aidledger.parsers.numbers import find_numbers
from aidledger.parsers.records import Recipient

_BACK_REFERENCE = re.compile(
    r"^(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+(?:said|says|added|wrote)\s+(?:that\s+)?)?"  # "He said
    r"(?:these|those|they|the\s+(?:supplies|masks|goods|items|shipments?|materials|kits|"
    r"donations?|money|funds|amount|sum|grant|contribution|pledge))\b"  # that the donations
    # will be made to Italy, Spain and ...", "The money will go to the Kenya Red Cross"
    r".*?\b(?:will|would|are to|is to)\s+(?:then\s+)?(?:be\s+)?(?:delivered|distributed|sent|"
    r"forwarded|shipped|handed|go|arrive|made\s+to|given\s+to)\b", re.I)


def _at(c: Claim) -> int:
    """Where the claim's sentence starts in the text; the headline's (whose offsets are its
    own) before all of them, so it is never read as part of the first body sentence."""
    return -1 if c.from_title else c.evidence["start"]


# "delivered to Addis Ababa, where the prime minister will oversee the distribution to other
# African countries": a hub the goods pass through, not their recipient
_HUB = re.compile(r"\bwhere\b[^.;]*\bdistribut|\b(?:for|before) (?:onward |further )?"
                  r"distribution (?:to|across|among)\b|\b(?:hub|transit point|staging)\b", re.I)


def follow_up(clause: Clause, claims: list[Claim]) -> None:
    """ "These supplies will be delivered to France, Slovenia and Belgium": the previous
    sentence's claims go there (replacing a lone port of arrival)."""
    if not _BACK_REFERENCE.match(clause.sentence) or trigger_in(clause) is None \
            or _HUB.search(clause.sentence):
        return
    recips, _, _ = recipients_in(clause, Span(0, 0), [])
    if not recips:
        return
    last_start = _at(claims[-1])
    for c in claims:
        if _at(c) == last_start and len(c.recipients) <= 1:
            kept = [r for r in c.recipients if r.code in {x.code for x in recips} or (
                r.code or "").startswith("region:") and all(  # "to Europe" then "to Italy,
                x.code in region_members(r.code) for x in recips)]  # Spain": both stay
            c.recipients = kept + [r for r in recips if r.code not in {k.code for k in kept}]


# "The eight European recipients are Slovakia, Austria, ...": who the donation just told of
# goes to, named after it (added to its recipients: the region stays, the countries join)
_NAMED_AFTER = re.compile(
    r"^(?:the|these|those|its|their)\s+(?!(?:[\w-]+\s+){0,2}?(?:prior|previous|earlier|past|"
    r"former|other)\b)"  # "Its earlier donation recipients were ...": other gifts
    r"(?:[\w-]+\s+){0,3}?(?:recipients|beneficiaries|"
    r"recipient countries|countries|nations|states)\s+(?:are|were|will be|include|included|"
    r"comprise)\b", re.I)


def named_after(clause: Clause, claims: list[Claim]) -> None:
    """Add the countries a sentence like "The eight recipients are A, B and C" names to the
    claims of the latest claim sentence (when it has no amount of its own); without such an
    opening, the countries of a sentence naming as many as that claim counted."""
    m = _NAMED_AFTER.match(clause.sentence)
    if not m:
        _counted_after(clause, claims)
        return
    if any(n.value for n in clause.numbers if n.start > m.end()):
        return
    places = [Recipient(p.text, p.place.code) for p in find_places(clause.sentence[m.end():])
              if p.place.kind != "demonym"]
    if not places:
        return
    _join_latest(claims, places)


def _join_latest(claims: list[Claim], places: list[Recipient], regions_only: bool = False
                 ) -> bool:
    """Add `places` to the claims of the latest claim sentence that are no part of another
    (with `regions_only`, only to those naming no country yet); whether any took them."""
    last_start, joined = _at(claims[-1]), False
    first_start = _at(claims[0]) if regions_only else last_start
    for c in claims:
        if not first_start <= _at(c) <= last_start or c.parent is not None or (
                regions_only and any(
                ":" not in (r.code or "") for r in c.recipients)):
            continue
        have = {r.code for r in c.recipients}
        c.recipients = [*c.recipients, *(p for p in places if p.code not in have)]
        joined = True
    return joined


_BACKFILL = re.compile(r"^(?:the|these|those|this|its|their)\s+(?:[\w-]+\s+){0,3}?(?:supplies|"
                       r"goods|items|equipment|gear|masks|ventilators|kits|tests|suits|gowns|gloves|"
                       r"respirators|shields|goggles|donations?|shipments?|consignments?|cargo|aid|"
                       r"assistance|relief|packages?|batch(?:es)?|deliver(?:y|ies))"
                       r"\b[^.]*?\b(?:were|was|are|is|have been|had been)\s+(?:\w+\s+)?"
                       r"(?:donated|provided|given|sent|supplied|paid for|funded|gifted|made)"
                       r"\s+(?:\w+\s+){0,2}by\b",  # "That gift was made last week by X"
                       re.I)


_GIFT_FROM_LEAD = re.compile(r"(?:the|these|this|those)\s+(?:donations?|gifts?|donated\s+\w+|"
                             r"shipments?|consignments?|supplies)\s+from\s+(?:the\s+)?", re.I)
_ATTRIBUTIVE = re.compile(r"\b(?:the|these|those|its|their|of)\s+$", re.I)
_SPEAKS = re.compile(r"\s+(?:said|says|told|added|noted|stated|tweeted|wrote|explained)\b")


def backfill(clause: Clause, claims: list[Claim]) -> None:
    """ "A jet carrying 1,000 ventilators landed at JFK. The ventilators were donated by X
    and Y.": the givers named next belong to the claims just before that named none; so do
    the subjects of "X and Y flew in the masks" when the sentence names the same goods."""
    last_start = _at(claims[-1])
    strict = bool(_BACKFILL.match(clause.sentence))  # "This batch was donated by X and Y":
    todo = [c for c in claims if _at(c) == last_start and (  # also over a giver
        not c.donors or c.told and strict)]  # the consignment took from the statement before
    if not todo or negated(clause.sentence):
        return
    if (lead := _GIFT_FROM_LEAD.match(clause.sentence)) and (frm := next((
            n for n in clause.names if n.start == lead.end() and (n.kind != "place" or (
                p := lookup_place(n.text)) is not None and not p.code.startswith("region:"))),
            None)):  # "The gifts from Sapporo, Japan, were promised in April": the
        for c in todo:  # city (or body) they come from gives the goods just told
            if not c.donors:
                c.donors, c.told = name_donors(frm), False
        return
    trig = trigger_in(clause)
    if trig is not None and trig.phrase.lower().startswith("announce") and not strict:
        return  # "..., the Ministry of Labour announced": who tells news, no giver
    if trig is None or _ATTRIBUTIVE.search(clause.sentence[:trig.start]) and not strict:
        return  # "the donated medical supplies": goods described, no giver named ("The
        # donation was made by X" names one)
    named = [n for n in clause.names if n.end <= trig.start and n.kind != "place"
             and not _SPEAKS.match(clause.sentence, n.end)]  # '"...," Kagwe said, adding
    verb = not trig.phrase.lower().startswith(("donation", "gift"))
    told = {code for _, _, code in item_mentions(clause)} | {"funds"}  # (money: any amount)
    if not (strict or (told & {c.item for c in todo} and item_mentions(clause) and verb
                       and named)):
        return  # (not "the Baobab Union will donate alcohol" after tests told with no giver)
    donors = resolve_donors(clause, trig)
    for c in todo:
        if donors and (not c.donors or strict):
            c.donors, c.told = list(donors), False


# "... 550,000 masks to 5 European countries. They ... were handed over to the ambassadors of
# France, Germany, Italy, Spain and the United Kingdom.": a count of countries, then a sentence
# with no amount naming exactly that many: those are the countries the count stood for
_COUNTED = re.compile(r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                      r"\s+(?:(?:[A-Z][\w-]*|foreign|other|more|different|partner|friendly)\s+)"
                      r"{0,2}(?:countries|nations)\b")


def restates_counted(clause: Clause, claims: list[Claim], found: list[Claim]) -> bool:
    """ "Oppo has donated 300,000 masks to five countries. The company has donated FFP3 and N95
    masks to Italy, Spain, Germany, France and Japan.": a sentence with no amount, by the same
    giver, naming as many countries as the donation before counted, says where that donation
    went; its own amount-less claims are that donation again (True: they were joined to it)."""
    if any(c.quantity is not None for c in found):
        return False
    givers = {giver_key(d) for c in claims[-1:] for d in c.donors}
    if not all({giver_key(d) for d in c.donors} <= givers for c in found):
        return False
    return _counted_after(clause, claims)


@lru_cache(maxsize=256)  # the sentence of the claim before, asked again by each later part
def _counted_in(sentence: str) -> re.Match[str] | None:
    return _COUNTED.search(sentence) if "countries" in sentence or "nations" in sentence \
        else None  # (case kept: the pattern's nouns are lowercase)


def _told_on(claims: list[Claim]) -> list[Claim]:
    """The claims of the latest claim sentence, and those of the one before it when the latest
    goes on with it to the same takers ("... masks to 12 African countries." "The aid also
    holds 50,000 visors ..."): the sentences a count of countries can stand for."""
    last = _at(claims[-1])
    i = len(claims)
    while i and _at(claims[i - 1]) == last:
        i -= 1
    latest = claims[i:]  # (claims come in text order: a sentence's are together, at the end)
    if _counted_in(claims[-1].evidence["sentence"]) or not i:
        return latest
    prev, j = _at(claims[i - 1]), i
    while j and _at(claims[j - 1]) == prev:
        j -= 1
    before = claims[j:i]
    codes = {r.code for c in latest for r in c.recipients}
    return before + latest if codes and codes == {
        r.code for c in before for r in c.recipients} else latest


def _counted_after(clause: Clause, claims: list[Claim]) -> bool:
    places = find_places(clause.sentence)
    if len(places) < 2:
        return False  # a count stands for two countries or more: none named, none joined
    told = _told_on(claims)
    m = _counted_in(told[0].evidence["sentence"])
    if not m:
        return False
    if any(n.value for n in clause.numbers):  # "on March 15": a date is no amount
        dates = [d.span() for d in DATE_PHRASE.finditer(clause.sentence)]
        if any(n.value and not any(a <= n.start < b for a, b in dates) for n in clause.numbers):
            return False
    count = next((n.value for n in find_numbers(m.group(1)) if n.value), 0)
    codes: dict[str, Recipient] = {}
    for p in places:
        if p.place.kind != "demonym" and ":" not in p.place.code:
            codes.setdefault(p.place.code, Recipient(p.text, p.place.code))
    if len(codes) != count:  # "to the ambassadors of A, B and C in Hanoi": the city is
        codes = {}  # where they met, the countries named are the count's
        for p in places:
            if p.place.kind == "country":
                codes.setdefault(p.place.code, Recipient(p.text, p.place.code))
    if len(codes) != count or count < 2:
        return False
    return _join_latest(told, list(codes.values()), regions_only=True)
