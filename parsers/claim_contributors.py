"""Givers a later sentence lists for the donation told before it: "Thirteen companies donated
100,000 masks." ... "The donation's contributors include fragrance company Firmenich Asia,
conglomerate Salim Group and Sembcorp Marine." The listed names give the latest claims that
named no giver (a count of "companies" is no name)."""

from __future__ import annotations

import re

from aidledger.parsers.claim_model import Claim
from aidledger.parsers.claim_parts import Clause

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
