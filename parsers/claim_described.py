"""Givers with a description before their names: "by the Chinese charity Mammoth Foundation",
"Toyota and Taiwanese electronics firm Foxconn", "Messi and Manchester City manager Pep
Guardiola". A description ends in a head noun the article could refer back with."""

from __future__ import annotations

import re
from functools import cache

from aidledger.parsers.claim_parts import Clause, _all_triggers
from aidledger.parsers.lexicon import lookup_place
from aidledger.parsers.names import Name, classify, vocab


@cache
def described_as() -> re.Pattern[str]:
    """ "by the Chinese charity Mammoth Foundation", "from Chinese billionaire Jack Ma", "by
    e-commerce giant Alibaba": a description before the name, its head noun one the article
    could refer back with ("the billionaire", "the company")."""
    words = vocab()["words"]
    heads = {w.split()[-1] for kind in ("person", "organisation", "foundation")
             for w in words.get(kind, ()) if w.startswith("the ")} - {"man"}
    heads |= {"organisation", "organization", "charity", "company", "firm", "ngo",
              "association", "group", "conglomerate", "giant", "maker", "operator", "star",
              "singer", "actor", "actress", "footballer", "investor", "businesswoman", "chain",
              "manager", "coach", "captain", "striker", "player", "boss", "owner", "founder",
              "ceo", "chief", "tycoon", "magnate", "mogul", "entrepreneur", "philanthropist",
              "CEO", "Founder", "Co-founder", "Chairman", "Chairwoman"}  # "from Orvo CEO X"
    return re.compile(r"(?:the\s+)?(?:(?:[A-Z][a-z]+|[a-z][\w-]*)\s+){0,3}?(?:"
                      + "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
                      + r")\s+(?=[A-Z])")


def described_and(region: str, end: int, start: int) -> bool:
    """ "Toyota and Taiwanese electronics firm Foxconn": the second giver of a pair has a
    description of its own before its name, longer than the two words a bare "and" allows."""
    link = re.compile(r",?\s+and\s+").match(region, end)
    described = link and described_as().match(region, link.end())
    return bool(described) and described.end() == start  # type: ignore[union-attr]


def seated_and(region: str, end: int, start: int) -> bool:
    """ "Gandhi Smriti and Darshan Samiti (GSDS) New Delhi and Lupin Human Welfare Association,
    Rajasthan sent": the first giver's acronym and seat stand between it and the "and"."""
    gap = re.match(r"\s*\([A-Z][\w&.-]*\)|,?\s+(?:in\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
                   r"(?=,?\s+and\s)", region[end:start])  # "Orvo Cars in Chile and Tarsa"
    if not gap or (gap.group(1) and not lookup_place(gap.group(1))):
        return False
    rest = region[end + gap.end():start]
    seat = re.match(r",?\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=,?\s+and\s)", rest)
    if seat and lookup_place(seat.group(1)):
        rest = rest[seat.end():]
    return bool(re.fullmatch(r",?\s+and\s+(?:the\s+)?", rest))


def pair_head(clause: Clause, region: str, start: int) -> Name | None:
    """ "Lionel Messi and Manchester City manager Pep Guardiola": the name rules read "Messi
    and Manchester City" as one name; with a head noun ("manager") between it and the subject,
    the words after its last "and" describe the subject and the words before are a giver."""
    lead = next((n for n in reversed(clause.names) if n.end <= start), None)
    if lead is None or " and " not in lead.text or lead.kind == "place":
        return None
    described = described_as().match(region, lead.end + 1)
    if not (described and described.end() == start and region[lead.end:lead.end + 1] == " "):
        return None
    first = lead.text.rsplit(" and ", 1)[0]
    return Name(lead.start, lead.start + len(first), first, classify(first))


_BRAND_HEADS = ("group", "company", "foundation", "trust", "bank", "firm", "conglomerate")


def branded(clause: Clause, m: re.Match[str]) -> Name | None:
    """ "The Tata group", "the Adani foundation": a brand before a lowercase head is the body's
    name as written, not a reference to an earlier group; not a country or demonym ("the
    Chinese company"), nor a city unless the article names bodies by it ("Tata Sons")."""
    words = m.group(0).split()[1:-1]
    if m.group(1).lower() not in _BRAND_HEADS or not words or not all(
            w[:1].isupper() and w.isalpha() for w in words) or any(
            _country_like(w) for w in words):
        return None
    if lookup_place(words[0]) is not None and not re.search(
            rf"\b{re.escape(words[0])}\s+(?!{re.escape(m.group(1))}\b)[A-Z]", clause.text):
        return None  # "the Shenzhen company": a description
    start = m.start() + m.group(0).index(words[0])
    return Name(start, m.end(), " ".join([*words, m.group(1)]), "organisation")


def _country_like(word: str) -> bool:
    place = lookup_place(word)
    return place is not None and place.kind in ("country", "demonym")


def dashed(region: str, n: Name) -> bool:
    """A name in an aside between two dashes ("masks — bearing lyrics from an Italian aria —
    were sent"): it describes, it is not the subject."""
    if "—" not in region and "–" not in region:
        return False  # (no dash: no aside, and no look at each character)
    dashes = [i for i, ch in enumerate(region) if ch in "—–"]
    before = sum(1 for i in dashes if i < n.start)
    return before % 2 == 1 and any(i >= n.end for i in dashes)


def titled(region: str, n: Name) -> bool:
    """A name in quotation marks ('the aria "Nessun Dorma"'): a title or label, no giver."""
    return region[n.start - 1:n.start] in ("“", '"', "‘") and region[n.end:n.end + 1] in (
        "”", '"', "’") and n.start > 0


# "Orvo Ltd, represented by its head of sales Lim Wei, donated", "The Gaming Board (NGB), led by
# Director General, Kwame Boateng also gave": who acts for the body named before the comma
_ACTING_FOR = re.compile(r"(?:\s*\([A-Z][\w&.-]*\))?,\s*(?:represented|led|headed|accompanied|"
                         r"flanked)\s+by\s")


def represented(clause: Clause, region: str, n: Name) -> bool:
    """A name in the aside after a body's comma that tells who acts for it, up to the verb
    (the aside's own closing comma may be missing): the body gives, not its officer."""
    if "by" not in region:
        return False  # (no "by": no such aside, and no search)
    for o in clause.names:
        if o.end >= n.start:
            break
        if o.kind != "place" and (m := _ACTING_FOR.match(region, o.end)) and m.end() <= n.start \
                and ";" not in region[m.end():n.start] and not any(
                    m.end() <= t.start < n.start for t in _all_triggers(region)):
            return True  # (not past the body's own verb: "A, led by X, gave N while B gave")
    return False
