"""A giver the article named before, for a claim whose sentence names none.

News names the giver once (headline, first sentence) and then tells the goods without it:
"Jack Ma pledged masks for Asia." ... "24 Latin American nations will be getting 2 million
masks." A claim with recipients but no giver takes the giver of the latest claim before it
that named one, or of goods announced since without an amount ("Direct Relief has sent
shipments of protective gear", claims.py); a passing mention of giving names no goods:
"Orvan pledged aid to Serbia." gives nothing to carry; a claim
with neither stays unanchored and is dropped, so a guess never adds a claim. Not carried: onto
the giver's own country as recipient, nor into a sentence that opens on another time
("Earlier, Kenya received ..."), which tells another event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from aidledger.parsers.claim_givers import country_of
from aidledger.parsers.claim_model import Claim

_ANOTHER_TIME = re.compile(r"^\W*(?:earlier|previously|before that|prior to that|last (?:week|"
                           r"month|year)|in (?:january|february|march|april|may|june|july|"
                           r"august|september|october|november|december))\b", re.I)


_TAKER = re.compile(r"^\W*(?:the|this|that)\s+(?:state|country|city|province|nation|hospital|"
                    r"government)\s+(?:\w+\s+){0,2}?(?:receive[sd]?|gets?|got)\b", re.I)


def drop_self_givers(claims: Sequence[Claim]) -> None:
    """A body named as both giver and recipient of one claim ("will be distributed by the
    WHO" read as its giver) is the recipient: it is no giver of its own gift."""
    for c in claims:
        taken = {(r.org or r.name or "").lower() for r in c.recipients if r.org}
        c.donors = [d for d in c.donors if d.lower() not in taken]


def latest_giver(claims: Sequence[Claim]) -> list[str]:
    return list(next((c.donors for c in reversed(claims) if c.donors), []))


def carry_giver(pending: Sequence[tuple[Claim, Sequence[str]]]) -> None:
    """Give each claim that still names recipients but no giver the giver of the latest
    claim before it (paired with it as the sentence was read)."""
    for c, donors in pending:
        if c.donors or not donors or not (c.recipients or _TAKER.search(
                c.evidence.get("sentence", ""))):
            continue  # a taker named only by reference ("The state will receive") still is one
        if _ANOTHER_TIME.match(c.evidence.get("sentence", "")):
            continue
        own = {country_of(d) for d in donors} - {None}
        if own and {r.code for r in c.recipients} <= own:
            continue  # "Taiwan received ..." after Taiwan gave: not its own gift
        c.donors = list(donors)
