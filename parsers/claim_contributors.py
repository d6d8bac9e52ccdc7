"""Givers a later sentence lists for the donation told before it: "Thirteen companies donated
100,000 masks." ... "The donation's contributors include fragrance company Firmenich Asia,
conglomerate Salim Group and Sembcorp Marine." The listed names give the latest claims that
named no giver (a count of "companies" is no name)."""

from __future__ import annotations

import re

from aidledger.parsers.claim_donors import names_at
from aidledger.parsers.claim_givers import country_of
from aidledger.parsers.claim_model import Claim
from aidledger.parsers.claim_parts import Clause
from aidledger.parsers.dates import MONTH_BEFORE

_CONTRIBUTORS = re.compile(r"^\W*(?:the\s+)?(?:(?:donation|gift|contribution|effort)['’]s\s+)?"
                           r"(?:contributors|donors|givers|donating (?:companies|firms))\s+"
                           r"(?:include|included|are|were|comprise|comprised)\b", re.I)


def contributors_named(clause: Clause, claims: list[Claim]) -> None:
    """Fill the latest claim sentence's giverless claims with the names the sentence lists."""
    m = _CONTRIBUTORS.match(clause.sentence)
    if not m or not claims or any(n.value for n in clause.numbers):
        return
    names = [n.text for n in clause.names if n.start >= m.end() and n.kind != "place"]
    last = claims[-1].evidence["start"]
    todo = [c for c in claims if c.evidence["start"] == last and not c.donors]
    for c in todo:
        c.donors = list(dict.fromkeys(names))


# "The kits were given by the Orvo Foundation, the embassy arranging transport": the goods
# just told, named again with the body that gave them where the report named only the state
_GIVEN_BY = re.compile(r"^\W*(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?(?:items|supplies|goods|"
                       r"kits|masks|donations?|equipment|materials|consignment|shipment)"
                       r"(?:,\s+(?:which|that)\s[^,;]{1,120},)?\s+"
                       r"(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:donated|provided|"
                       r"given|gifted)\s+(?:to\s+(?:the\s+)?[^,;]{1,60}?\s+)?by\s+(?:the\s+)?",
                       re.I)  # "The masks, which ..., were donated to the state by X"
# "These goods form part of the fourth lot of aid given by X": the same
_PART_GIVEN_BY = re.compile(r"^\W*(?:this|these|those|the)\s+(?:[\w-]+\s+){0,2}?(?:items|"
                            r"supplies|goods|kits|masks|donations?|equipment|materials|"
                            r"consignment|shipment)\s+(?:are|is|were|was|form|forms)\s+(?:a\s+|"
                            r"the\s+)?part\s+of\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?:batch|tranche|consignment|shipment|donation|package|lot)\s+"
                            r"(?:of\s+(?:[\w-]+\s+){0,3}?)?(?:donated|provided|given|gifted)"
                            r"\s+by\s+(?:the\s+)?", re.I)


def _day_or_code(s: str, start: int) -> bool:
    return (start > 0 and s[start - 1].isalpha()) or bool(MONTH_BEFORE.search(s, 0, start))


def giver_named_after(clause: Clause, claims: list[Claim]) -> bool:
    """Give the latest claim sentence's claims that name no giver, or only a country, the
    bodies a sentence after them says gave those goods; whether it did."""
    m = _GIVEN_BY.match(clause.sentence) or _PART_GIVEN_BY.match(clause.sentence)
    if not m or not claims or any(n.value and not _day_or_code(clause.sentence, n.start)
                                  for n in clause.numbers):
        return False  # (a count is a gift of its own; "on May 8", "flight MU231" are not)
    names = names_at(clause, m.end())
    if not names:
        return False
    last = claims[-1].evidence["start"]
    todo = [c for c in claims if c.evidence["start"] == last
            and all(country_of(d) for d in c.donors)]
    for c in todo:
        c.donors = list(names)
    return bool(todo)
